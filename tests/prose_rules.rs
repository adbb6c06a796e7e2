//! Rules read from a Description cell's prose (`schemas/README.md`, "Rules in prose") are
//! ordinary rules to generated code and to the dynamic validator: `tests/schemas/prose_rules.md`
//! states a length and a fixed value in words, and has a phrase that is not understood (a
//! warning, which `include_schema!` does not fail on).

use fieldtab::Validate;

mod prose {
    fieldtab::include_schema!("tests/schemas/prose_rules.md");
}

/// The (path, rule) pairs of a report.
fn pairs(report: &fieldtab::Report) -> Vec<(String, &'static str)> {
    report
        .iter()
        .map(|v| (v.path.clone(), v.rule.as_str()))
        .collect()
}

const BAD: &[u8] =
    br#"{"requestId": "123456789", "productCode": "OTHER", "remark": "any length is fine"}"#;

#[test]
fn generated_code_checks_the_rules_read_from_prose() {
    let expected = [
        ("/requestId".to_string(), "length"),
        ("/productCode".to_string(), "const"),
    ];
    let report = fieldtab::validate_json::<prose::ProseRequest>(BAD).expect_err("invalid");
    assert_eq!(pairs(&report), expected);
    let value = prose::ProseRequest {
        request_id: "123456789".into(),
        product_code: "OTHER".into(),
        remark: None,
    };
    let report = value.validate().expect_err("invalid");
    assert_eq!(pairs(&report), expected);
    let good = br#"{"requestId": "12345678", "productCode": "SPICE_SECRET_VOUCHER"}"#;
    assert!(fieldtab::validate_json::<prose::ProseRequest>(good).is_ok());
}

#[test]
fn the_dynamic_validator_checks_the_same_rules() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/schemas/prose_rules.md");
    let schema = fieldtab_codegen::Schema::load(path).expect("warnings only");
    assert_eq!(schema.warnings.len(), 1, "{}", schema.warnings);
    let validator = fieldtab_codegen::dynamic::Validator::new(&schema.module, "ProseRequest")
        .expect("a message");
    let report = validator.validate(BAD, false).expect_err("invalid");
    let generated = fieldtab::validate_json::<prose::ProseRequest>(BAD).expect_err("invalid");
    assert_eq!(report, generated);
}
