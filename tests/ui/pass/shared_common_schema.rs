//! `extern_schema(..)`: two shipped UPI schemas that import `schemas/upi/common.md` share one
//! set of its types in one crate. The common file is generated once; each schema refers to its
//! items there (under the alias its import gives them), so the `data` of an enrollment and of a
//! usage query are one Rust type, decoded and validated by the common module's code.
#![deny(warnings)]

pub mod upi {
    pub mod common {
        fieldtab::include_schema!("schemas/upi/common.md");
    }
    pub mod enrollment {
        fieldtab::include_schema!(
            "schemas/upi/enrollment_registration.md",
            extern_schema("common.md" = crate::upi::common),
        );
    }
    pub mod usage {
        fieldtab::include_schema!(
            "schemas/upi/instant_discount_usage_query.md",
            extern_schema("./common.md" = super::common),
        );
    }
}

use fieldtab::Validate;
use upi::common::Cardholder;

/// Takes the common type: called with a field of each API's message.
fn token(holder: &Cardholder) -> &str {
    holder.user_token.as_str()
}

const ENROLL: &[u8] = br#"{
  "header": {"procType": "41", "signCertId": "001", "encCertId": "002", "insCode": "39990157",
             "pid": "1000000001", "refNum": "202411220000001", "localTime": "20241122141530",
             "localTimeZone": "GMT+08:00"},
  "data": {"userToken": "USR20241122A7", "cardNo": "6214835920672688", "mobile": "+86-13800000000"}
}"#;

const USAGE: &[u8] = br#"{
  "procType": "71", "signCertId": "001", "encCertId": "002", "insCode": "39990157",
  "pid": "1000000001", "refNum": "202411220000001", "localTime": "20241122141530",
  "localTimeZone": "GMT+08:00",
  "data": {"userToken": "USR7", "cardNo": "6214835920672688"}
}"#;

fn main() {
    let enrollment: upi::enrollment::EnrollmentRegistrationRequest =
        fieldtab::from_json(ENROLL).unwrap();
    let usage: upi::usage::InstantDiscountUsageQueryRequest = fieldtab::from_json(USAGE).unwrap();
    assert_eq!((token(&enrollment.data), token(&usage.data)), ("USR20241122A7", "USR7"));
    // One type under three names: the aliases are the common struct itself.
    let both: Vec<Cardholder> = vec![enrollment.data.clone(), usage.data.clone()];
    let renamed: &upi::enrollment::EnrollmentRegistrationData = &both[1];
    let _: &upi::usage::InstantDiscountUsageQueryData = renamed;
    assert!(both.iter().all(Validate::is_valid));
    assert!(enrollment.is_valid() && usage.is_valid());
    // The importing messages still derive `Eq` and `Hash`: the shared struct has them.
    let mut seen = std::collections::HashSet::new();
    assert!(seen.insert(enrollment.clone()) && !seen.insert(enrollment));
    // The shared struct's decoder reports at the importing message's path.
    let bad = String::from_utf8_lossy(USAGE).replace("6214835920672688", "62148359206726881234");
    let report = fieldtab::from_json::<upi::usage::InstantDiscountUsageQueryRequest>(bad.as_bytes())
        .unwrap_err();
    assert_eq!(report.violations()[0].path, "/data/cardNo");
    assert_eq!(<upi::enrollment::EnrollmentRegistrationRequest as fieldtab::Message>::NAME, "EnrollmentRegistrationRequest");
}
