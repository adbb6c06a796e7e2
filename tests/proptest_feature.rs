//! The `proptest` feature (on in `cargo test --workspace`: the facade dev-depends on itself
//! with it): a strategy per generated type gives valid values, which pass their own
//! `validate()` and survive `to_json` and `from_json`; the invalid strategy gives messages that
//! the generated decoder rejects with exactly the expected (path, rule).

#![cfg(feature = "proptest")]

mod common;

use common::{alipayplus_payment_apis, upi_enrollment_registration};
use fieldtab::Validate;
use proptest::prelude::*;

const PAYMENT_APIS: &str = "schemas/alipayplus/payment_apis.md";
const ENROLLMENT: &str = "schemas/upi/enrollment_registration.md";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn valid_pay_requests_are_valid_and_round_trip(
        request in fieldtab::proptest::valid::<alipayplus_payment_apis::PayRequest>(PAYMENT_APIS).unwrap()
    ) {
        prop_assert!(request.is_valid());
        let json = fieldtab::to_json(&request).unwrap();
        let again = fieldtab::from_json::<alipayplus_payment_apis::PayRequest>(json.as_bytes());
        prop_assert!(again.is_ok(), "{json}");
    }

    #[test]
    fn invalid_enrollment_requests_carry_their_one_violation(
        case in fieldtab::proptest::invalid::<upi_enrollment_registration::EnrollmentRegistrationRequest>(ENROLLMENT).unwrap()
    ) {
        let text = case.message.to_string();
        let report = fieldtab::from_json::<upi_enrollment_registration::EnrollmentRegistrationRequest>(text.as_bytes())
            .unwrap_err();
        let found: Vec<(&str, fieldtab::Rule)> =
            report.iter().map(|v| (v.path.as_str(), v.rule)).collect();
        prop_assert_eq!(found, vec![(case.path.as_str(), case.rule)]);
    }
}

#[test]
fn a_type_named_otherwise_or_a_bad_path_is_an_error_not_a_panic() {
    let error = fieldtab::proptest::valid_item::<alipayplus_payment_apis::PayRequest>(
        PAYMENT_APIS,
        "PayRequst",
    )
    .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("no message or struct named `PayRequst`"),
        "{error}"
    );
    let error = fieldtab::proptest::invalid_item("schemas/no/such.md", "PayRequest").unwrap_err();
    assert!(error.to_string().contains("cannot read"), "{error}");
    // The item named like the type: `PayRequest` of the module.
    assert!(fieldtab::proptest::valid::<alipayplus_payment_apis::PayRequest>(PAYMENT_APIS).is_ok());
}
