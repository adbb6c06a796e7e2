//! fieldtab: the types `include_schema!` generates from the shipped schemas, and the three ways
//! of using them that the benches time: `from_json` (decode + every rule + typed fields),
//! `validate_json` (the same verdict and report, no value built) and `validate()` on a decoded
//! value.

use std::hint::black_box;

/// `schemas/upi/enrollment_registration.md`. `deprecated`: the macro's warning that the schema
/// is outside the crate, which matters only to published crates (this one is not).
#[allow(missing_docs, clippy::all, deprecated)]
pub mod upi {
    fieldtab::include_schema!("../schemas/upi/enrollment_registration.md");
}

/// `schemas/alipayplus/benefit.md`.
#[allow(missing_docs, clippy::all, deprecated)]
pub mod alipay {
    fieldtab::include_schema!("../schemas/alipayplus/benefit.md");
}

pub use alipay::ExternalBenefitDetail;
pub use upi::EnrollmentRegistrationRequest;

/// `fieldtab::from_json`, UPI: 0 when the message decodes, else the number of violations.
pub fn from_json_upi(msg: &[u8]) -> usize {
    match fieldtab::from_json::<EnrollmentRegistrationRequest>(msg) {
        Ok(v) => {
            black_box(v);
            0
        }
        Err(report) => report.len(),
    }
}

/// `fieldtab::from_json`, `ExternalBenefitDetail`.
pub fn from_json_benefit(msg: &[u8]) -> usize {
    match fieldtab::from_json::<ExternalBenefitDetail>(msg) {
        Ok(v) => {
            black_box(v);
            0
        }
        Err(report) => report.len(),
    }
}

/// `fieldtab::validate_json` (validate-only, builds no value), UPI.
pub fn validate_json_upi(msg: &[u8]) -> usize {
    fieldtab::validate_json::<EnrollmentRegistrationRequest>(msg).map_or_else(|r| r.len(), |()| 0)
}

/// `fieldtab::validate_json`, `ExternalBenefitDetail`.
pub fn validate_json_benefit(msg: &[u8]) -> usize {
    fieldtab::validate_json::<ExternalBenefitDetail>(msg).map_or_else(|r| r.len(), |()| 0)
}

/// Decoded values for the `validate()` bench: every message of the corpus that decodes, and in
/// place of each one that does not, a decoded valid message with one `String` field broken (a
/// typed field such as `LocalTime` cannot hold an invalid value). Returns the values and
/// whether each is meant to be valid.
pub fn upi_values(corpus: &crate::corpus::Corpus) -> Vec<(EnrollmentRegistrationRequest, bool)> {
    let good: Vec<EnrollmentRegistrationRequest> = corpus
        .messages
        .iter()
        .filter_map(|m| fieldtab::from_json(m).ok())
        .collect();
    let mut out = Vec::with_capacity(corpus.messages.len());
    for (i, m) in corpus.messages.iter().enumerate() {
        match fieldtab::from_json::<EnrollmentRegistrationRequest>(m) {
            Ok(v) => out.push((v, true)),
            Err(_) => {
                let Some(base) = good.get(i % good.len().max(1)) else {
                    continue;
                };
                let mut v = base.clone();
                match i % 3 {
                    0 => v.header.proc_type = "42".into(),
                    1 => v.header.sign_cert_id = "0012".into(),
                    _ => v.data.user_token = String::new(),
                }
                out.push((v, false));
            }
        }
    }
    out
}

/// [`upi_values`] for `ExternalBenefitDetail`.
pub fn benefit_values(corpus: &crate::corpus::Corpus) -> Vec<(ExternalBenefitDetail, bool)> {
    let good: Vec<ExternalBenefitDetail> = corpus
        .messages
        .iter()
        .filter_map(|m| fieldtab::from_json(m).ok())
        .collect();
    let mut out = Vec::with_capacity(corpus.messages.len());
    for (i, m) in corpus.messages.iter().enumerate() {
        match fieldtab::from_json::<ExternalBenefitDetail>(m) {
            Ok(v) => out.push((v, true)),
            Err(_) => {
                let Some(base) = good.get(i % good.len().max(1)) else {
                    continue;
                };
                let mut v = base.clone();
                match i % 3 {
                    0 => v.benefit_instance_id = "x".repeat(65),
                    1 => v.benefit_template_id = String::new(),
                    _ => v.extend_info = Some("{k1:v1}".into()),
                }
                out.push((v, false));
            }
        }
    }
    out
}

/// `validate()` on each value: the total number of violations.
pub fn validate_all<T: fieldtab::Validate>(values: &[T]) -> usize {
    values
        .iter()
        .map(|v| v.validate().map_or_else(|r| r.len(), |()| 0))
        .sum()
}
