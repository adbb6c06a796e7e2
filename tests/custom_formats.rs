//! Custom formats (`custom(NAME)` in a Format cell, docs/SEMANTICS.md §2.4): the schema
//! `tests/schemas/custom_formats.md` bound to the user functions of `formats` below, in
//! generated code (`include_schema!`'s `format(..)`) and in the dynamic validator
//! (`Validator::formats`). Values are rejected and accepted through `from_json` and through
//! `validate()`, with the same `(path, rule)` list as the dynamic validator; without a function,
//! the dynamic validator notes each value it did not check.

use fieldtab::{CustomFormat, FormatError, Validate};
use fieldtab_codegen::Schema;
use fieldtab_codegen::dynamic::{Unchecked, Validator};

/// The user functions: what an SDK crate writes once for its acquirer's formats.
mod formats {
    use fieldtab::FormatError;

    /// `M-` and eight digits: an acquirer's merchant reference.
    pub(crate) fn merchant_ref(value: &str) -> Result<(), FormatError> {
        match value.strip_prefix("M-") {
            Some(digits) if digits.len() == 8 && digits.bytes().all(|b| b.is_ascii_digit()) => {
                Ok(())
            }
            _ => Err(FormatError::new("must be `M-` and 8 digits")),
        }
    }

    /// A token: `tok_` and lower-case hexadecimal digits.
    pub(crate) fn token(value: &str) -> Result<(), FormatError> {
        match value.strip_prefix("tok_") {
            Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => Ok(()),
            _ => Err(FormatError::new("must be `tok_` and hexadecimal digits")),
        }
    }
}

mod generated {
    fieldtab::include_schema!(
        "tests/schemas/custom_formats.md",
        format(
            "merchant-ref" = crate::formats::merchant_ref,
            "token" = crate::formats::token
        )
    );
}

const SCHEMA: &str = "tests/schemas/custom_formats.md";

/// The same functions, for the dynamic validator.
const FORMATS: [CustomFormat<'static>; 2] = [
    CustomFormat::new("merchant-ref", formats::merchant_ref),
    CustomFormat::new("token", formats::token),
];

fn schema() -> Schema {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SCHEMA);
    Schema::load(path).unwrap_or_else(|d| panic!("{d}"))
}

/// The (path, rule) pairs of a report.
fn pairs(report: &fieldtab::Report) -> Vec<(String, &'static str)> {
    report
        .iter()
        .map(|v| (v.path.clone(), v.rule.as_str()))
        .collect()
}

/// What `from_json`, then `validate()` on the value `from_json` gives when the document is
/// valid, and the dynamic validator with the functions registered, report on `json`: all the
/// same, returned once.
fn verdict(json: &str) -> Vec<(String, &'static str)> {
    let decoded = fieldtab::from_json::<generated::Payment>(json.as_bytes());
    let generated = match &decoded {
        Ok(payment) => {
            assert!(
                payment.validate().is_ok(),
                "{json}: validate() of from_json's value"
            );
            Vec::new()
        }
        Err(report) => pairs(report),
    };
    let schema = schema();
    let validator = Validator::new(&schema.module, "Payment")
        .unwrap()
        .formats(&FORMATS);
    let dynamic = match validator.validate(json.as_bytes(), false) {
        Ok(()) => Vec::new(),
        Err(report) => pairs(&report),
    };
    assert_eq!(
        generated, dynamic,
        "{json}: generated code and dynamic validator"
    );
    generated
}

fn at(pairs: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
    pairs.iter().map(|(p, r)| ((*p).to_owned(), *r)).collect()
}

#[test]
fn from_json_and_the_dynamic_validator_run_the_user_functions() {
    let valid = r#"{"merchant":{"ref":"M-12345678","token":"tok_9f"},"orderRef":"M-00000001","refs":["M-00000002"]}"#;
    assert_eq!(verdict(valid), []);
    let cases: &[(&str, &[(&str, &'static str)])] = &[
        (
            r#"{"merchant":{"ref":"M-1234567x"},"orderRef":"M-00000001"}"#,
            &[("/merchant/ref", "format")],
        ),
        (
            r#"{"merchant":{"ref":"M-12345678","token":"TOKEN"},"orderRef":"X-00000001"}"#,
            &[("/merchant/token", "format"), ("/orderRef", "format")],
        ),
        // Each element of an array in the format; the count first.
        (
            r#"{"merchant":{"ref":"M-12345678"},"orderRef":"M-00000001","refs":["M-1","M-00000002","x","y"]}"#,
            &[
                ("/refs", "length"),
                ("/refs/0", "format"),
                ("/refs/2", "format"),
                ("/refs/3", "format"),
            ],
        ),
        // At the format's place: after length, skipped when the charset failed (§2.4).
        (
            r#"{"merchant":{"ref":"M-123456789"},"orderRef":"M-000000é"}"#,
            &[
                ("/merchant/ref", "length"),
                ("/merchant/ref", "format"),
                ("/orderRef", "charset"),
            ],
        ),
        // An empty required value is `required` alone; an empty optional one is a value.
        (
            r#"{"merchant":{"ref":"","token":""},"orderRef":"M-00000001"}"#,
            &[
                ("/merchant/ref", "required"),
                ("/merchant/token", "length"),
                ("/merchant/token", "format"),
            ],
        ),
    ];
    for (json, expected) in cases {
        assert_eq!(verdict(json), at(expected), "{json}");
    }
}

#[test]
fn validate_runs_the_user_functions_on_a_built_value() {
    let mut payment = generated::Payment {
        merchant: generated::Merchant {
            r#ref: "M-12345678".into(),
            token: Some("tok_ab".into()),
        },
        order_ref: "M-00000001".into(),
        refs: Some(vec!["M-00000002".into()]),
        note: None,
    };
    assert!(payment.validate().is_ok());
    payment.merchant.r#ref = "M-1".into();
    payment.merchant.token = Some("tok_".into());
    payment.refs = Some(vec!["M-00000002".into(), "nope".into()]);
    let report = payment.validate().expect_err("not in the formats");
    let expected = at(&[
        ("/merchant/ref", "format"),
        ("/merchant/token", "format"),
        ("/refs/1", "format"),
    ]);
    assert_eq!(pairs(&report), expected);
    // The same value as JSON: the same list from `from_json` and the dynamic validator.
    let json = fieldtab::to_json(&payment).expect("serialises");
    assert_eq!(verdict(&json), expected);
    // The violation names the format and gives the function's message, never the value.
    let message = &report.violations()[1].message;
    assert_eq!(
        message.as_ref(),
        "is not in the format `token`: must be `tok_` and hexadecimal digits"
    );
    assert!(!report.to_string().contains("nope"), "{report}");
}

#[test]
fn without_a_function_the_dynamic_validator_notes_what_it_did_not_check() {
    let schema = schema();
    let bare = Validator::new(&schema.module, "Payment").unwrap();
    assert_eq!(bare.unbound_formats(), ["merchant-ref", "token"]);
    let only_token = [CustomFormat::new("token", formats::token)];
    assert_eq!(
        bare.formats(&only_token).unbound_formats(),
        ["merchant-ref"]
    );
    assert!(bare.formats(&FORMATS).unbound_formats().is_empty());

    // Not in the format, but nothing checks it: valid by the rules checked, and noted.
    let json = br#"{"merchant":{"ref":"nope","token":null},"orderRef":"M-00000001","refs":[]}"#;
    let mut unchecked = Vec::new();
    assert!(bare.validate_noting(json, false, &mut unchecked).is_ok());
    let note = |path: &str, format: &str| Unchecked {
        path: path.into(),
        format: format.into(),
    };
    assert_eq!(
        unchecked,
        [
            note("/merchant/ref", "merchant-ref"),
            note("/orderRef", "merchant-ref"),
            note("/refs", "merchant-ref"),
        ],
        "present values only: `null` is absent"
    );
    // With the functions, the same document is rejected, and nothing is noted.
    let mut unchecked = Vec::new();
    let report = bare
        .formats(&FORMATS)
        .validate_noting(json, false, &mut unchecked)
        .expect_err("ref is not in its format");
    assert_eq!(pairs(&report), at(&[("/merchant/ref", "format")]));
    assert!(unchecked.is_empty());
}

#[test]
fn a_format_error_is_a_fixed_message() {
    let error = FormatError::new("must be `M-` and 8 digits");
    assert_eq!(error.to_string(), "must be `M-` and 8 digits");
    assert!(formats::merchant_ref("M-12345678").is_ok());
    assert_eq!(formats::merchant_ref("M-1"), Err(error));
}
