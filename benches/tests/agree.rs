//! Every implementation gives the intended verdict on every corpus message (the benches check
//! the same before timing).

use fieldtab_benches::corpus::{self, CORPUS_LEN};
use fieldtab_benches::impls;

#[test]
fn every_implementation_agrees_on_the_upi_corpus() {
    for corpus in [
        corpus::upi_enrollment(CORPUS_LEN, corpus::UPI_SEED),
        corpus::upi_enrollment(3000, 99),
    ] {
        if let Err(e) = impls::check_agreement(&corpus, &impls::upi_validators()) {
            panic!("{e}");
        }
    }
}

#[test]
fn every_implementation_agrees_on_the_benefit_corpus() {
    for corpus in [
        corpus::alipay_benefit(CORPUS_LEN, corpus::BENEFIT_SEED),
        corpus::alipay_benefit(3000, 98),
    ] {
        if let Err(e) = impls::check_agreement(&corpus, &impls::benefit_validators()) {
            panic!("{e}");
        }
    }
}

/// Where serde accepts a message, the hand-written rules and fieldtab report the same
/// (path, rule) list: the benches compare the same rules.
#[test]
fn hand_written_rules_and_fieldtab_report_the_same_violations() {
    use fieldtab_benches::{floor, generated};
    let pairs = |report: Result<(), fieldtab::Report>| -> Vec<(String, String)> {
        match report {
            Ok(()) => Vec::new(),
            Err(r) => r
                .iter()
                .map(|v| (v.path.clone(), v.rule.as_str().to_owned()))
                .collect(),
        }
    };
    let hand = |errors: Vec<floor::HandError>| -> Vec<(String, String)> {
        errors
            .iter()
            .map(|e| (e.path.to_owned(), e.rule.to_owned()))
            .collect()
    };
    let upi = corpus::upi_enrollment(3000, 97);
    for m in &upi.messages {
        if let Some(r) = impls::floor_upi(m) {
            let ours = pairs(fieldtab::validate_json::<
                generated::EnrollmentRegistrationRequest,
            >(m));
            assert_eq!(
                hand(floor::hand_validate_upi(&r)),
                ours,
                "{}",
                String::from_utf8_lossy(m)
            );
        }
    }
    let benefit = corpus::alipay_benefit(3000, 96);
    for m in &benefit.messages {
        if let Some(r) = impls::floor_benefit(m) {
            let ours = pairs(fieldtab::validate_json::<generated::ExternalBenefitDetail>(
                m,
            ));
            assert_eq!(
                hand(floor::hand_validate_benefit(&r)),
                ours,
                "{}",
                String::from_utf8_lossy(m)
            );
        }
    }
}

#[test]
fn validate_on_decoded_values_agrees() {
    use fieldtab::Validate;
    use fieldtab_benches::generated;
    let upi = generated::upi_values(&corpus::upi_enrollment(CORPUS_LEN, corpus::UPI_SEED));
    assert_eq!(upi.len(), CORPUS_LEN);
    for (v, valid) in &upi {
        assert_eq!(v.validate().is_ok(), *valid, "{v:?}");
    }
    let benefit =
        generated::benefit_values(&corpus::alipay_benefit(CORPUS_LEN, corpus::BENEFIT_SEED));
    assert_eq!(benefit.len(), CORPUS_LEN);
    for (v, valid) in &benefit {
        assert_eq!(v.validate().is_ok(), *valid, "{v:?}");
    }
}
