//! Every implementation behind one shape per corpus: `fn(&[u8]) -> usize`, the number of
//! violations found (0 = valid; a decode failure counts as one). The benches time these, and the
//! agreement test checks that they all give the intended verdict on every corpus message.

use crate::floor::{self, BenefitDetail, UpiRequest};
use std::sync::LazyLock;

/// The floor: decode into plain `String` structs, no rule (0 when serde accepts the bytes).
pub fn floor_upi(msg: &[u8]) -> Option<UpiRequest> {
    serde_json::from_slice(msg).ok()
}

/// The floor for `ExternalBenefitDetail`.
pub fn floor_benefit(msg: &[u8]) -> Option<BenefitDetail> {
    serde_json::from_slice(msg).ok()
}

/// Floor + hand-written straight-line rules, all errors collected.
pub fn hand_upi(msg: &[u8]) -> usize {
    match floor_upi(msg) {
        Some(r) => floor::hand_validate_upi(&r).len(),
        None => 1,
    }
}

/// Floor + hand-written rules for `ExternalBenefitDetail`.
pub fn hand_benefit(msg: &[u8]) -> usize {
    match floor_benefit(msg) {
        Some(r) => floor::hand_validate_benefit(&r).len(),
        None => 1,
    }
}

/// Floor + the `garde` derive.
pub fn garde_upi(msg: &[u8]) -> usize {
    match floor_upi(msg) {
        Some(r) => garde::Validate::validate(&r)
            .err()
            .map_or(0, |e| e.iter().count()),
        None => 1,
    }
}

/// Floor + the `garde` derive, `ExternalBenefitDetail`.
pub fn garde_benefit(msg: &[u8]) -> usize {
    match floor_benefit(msg) {
        Some(r) => garde::Validate::validate(&r)
            .err()
            .map_or(0, |e| e.iter().count()),
        None => 1,
    }
}

/// Floor + the `validator` derive.
pub fn validator_upi(msg: &[u8]) -> usize {
    match floor_upi(msg) {
        Some(r) => validator::Validate::validate(&r)
            .err()
            .map_or(0, |e| e.errors().len()),
        None => 1,
    }
}

/// Floor + the `validator` derive, `ExternalBenefitDetail`.
pub fn validator_benefit(msg: &[u8]) -> usize {
    match floor_benefit(msg) {
        Some(r) => validator::Validate::validate(&r)
            .err()
            .map_or(0, |e| e.errors().len()),
        None => 1,
    }
}

/// The UPI JSON Schema, compiled once.
pub static UPI_SCHEMA: LazyLock<jsonschema::Validator> =
    LazyLock::new(|| crate::schema::compile(&crate::schema::upi_schema()));

/// The `ExternalBenefitDetail` JSON Schema, compiled once.
pub static BENEFIT_SCHEMA: LazyLock<jsonschema::Validator> =
    LazyLock::new(|| crate::schema::compile(&crate::schema::benefit_schema()));

fn value(msg: &[u8]) -> Option<serde_json::Value> {
    serde_json::from_slice(msg).ok()
}

/// `serde_json::Value` + `jsonschema`, `is_valid` (stops at the first error).
pub fn jsonschema_is_valid(schema: &jsonschema::Validator, msg: &[u8]) -> usize {
    match value(msg) {
        Some(v) => usize::from(!schema.is_valid(&v)),
        None => 1,
    }
}

/// `serde_json::Value` + `jsonschema`, every error (`iter_errors`).
pub fn jsonschema_all(schema: &jsonschema::Validator, msg: &[u8]) -> usize {
    match value(msg) {
        Some(v) => schema.iter_errors(&v).count(),
        None => 1,
    }
}

/// `jsonschema`, every error, UPI.
pub fn jsonschema_all_upi(msg: &[u8]) -> usize {
    jsonschema_all(&UPI_SCHEMA, msg)
}

/// `jsonschema`, every error, `ExternalBenefitDetail`.
pub fn jsonschema_all_benefit(msg: &[u8]) -> usize {
    jsonschema_all(&BENEFIT_SCHEMA, msg)
}

/// `jsonschema`, `is_valid`, UPI.
pub fn jsonschema_is_valid_upi(msg: &[u8]) -> usize {
    jsonschema_is_valid(&UPI_SCHEMA, msg)
}

/// `jsonschema`, `is_valid`, `ExternalBenefitDetail`.
pub fn jsonschema_is_valid_benefit(msg: &[u8]) -> usize {
    jsonschema_is_valid(&BENEFIT_SCHEMA, msg)
}

/// A named implementation: `(name, fn)`.
pub type Named = (&'static str, fn(&[u8]) -> usize);

/// Every validating implementation for the UPI corpus (the floor validates nothing).
pub fn upi_validators() -> Vec<Named> {
    vec![
        ("fieldtab_from_json", crate::generated::from_json_upi),
        (
            "fieldtab_validate_json",
            crate::generated::validate_json_upi,
        ),
        ("hand", hand_upi),
        ("garde", garde_upi),
        ("validator", validator_upi),
        ("jsonschema_is_valid", jsonschema_is_valid_upi),
        ("jsonschema_all", jsonschema_all_upi),
    ]
}

/// Every validating implementation for the `ExternalBenefitDetail` corpus.
pub fn benefit_validators() -> Vec<Named> {
    vec![
        ("fieldtab_from_json", crate::generated::from_json_benefit),
        (
            "fieldtab_validate_json",
            crate::generated::validate_json_benefit,
        ),
        ("hand", hand_benefit),
        ("garde", garde_benefit),
        ("validator", validator_benefit),
        ("jsonschema_is_valid", jsonschema_is_valid_benefit),
        ("jsonschema_all", jsonschema_all_benefit),
    ]
}

/// Checks that every implementation gives each message of `corpus` its intended verdict;
/// the first disagreement is the error.
pub fn check_agreement(corpus: &crate::corpus::Corpus, impls: &[Named]) -> Result<(), String> {
    for (name, f) in impls {
        for (i, (msg, valid)) in corpus.messages.iter().zip(&corpus.valid).enumerate() {
            let found = f(msg);
            if (found == 0) != *valid {
                return Err(format!(
                    "{name} on {} message {i} found {found} violations (intended valid: {valid}): {}",
                    corpus.name,
                    String::from_utf8_lossy(msg)
                ));
            }
        }
    }
    Ok(())
}
