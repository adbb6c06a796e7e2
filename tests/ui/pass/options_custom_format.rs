//! A custom format bound to a user function through `format(..)`, built with warnings denied:
//! the rules table calls the function for every value, in `from_json` and in `validate()`.
#![deny(warnings, missing_docs)]

/// The generated items.
pub mod generated {
    fieldtab::include_schema!(
        "tests/schemas/custom_formats.md",
        format("merchant-ref" = crate::formats::merchant_ref, "token" = crate::formats::token)
    );
}

/// The user's formats.
pub mod formats {
    /// `M-` and eight digits.
    pub fn merchant_ref(value: &str) -> Result<(), fieldtab::FormatError> {
        let digits = value.strip_prefix("M-").unwrap_or_default();
        if digits.len() == 8 && digits.bytes().all(|b| b.is_ascii_digit()) {
            Ok(())
        } else {
            Err(fieldtab::FormatError::new("must be `M-` and 8 digits"))
        }
    }

    /// Any token.
    pub fn token(_: &str) -> Result<(), fieldtab::FormatError> {
        Ok(())
    }
}

use fieldtab::Validate;

fn main() {
    let json = br#"{"merchant": {"ref": "M-12345678"}, "orderRef": "M-1"}"#;
    let report = fieldtab::from_json::<generated::Payment>(json).unwrap_err();
    assert_eq!(report.violations()[0].path, "/orderRef");
    assert_eq!(report.violations()[0].rule.as_str(), "format");
    let mut payment: generated::Payment =
        fieldtab::from_json(br#"{"merchant": {"ref": "M-12345678"}, "orderRef": "M-00000001"}"#)
            .unwrap();
    assert!(payment.validate().is_ok());
    payment.merchant.r#ref = "M-x".into();
    assert_eq!(payment.validate().unwrap_err().len(), 1);
}
