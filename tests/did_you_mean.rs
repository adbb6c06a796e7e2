//! Did-you-mean on unknown fields in the library's `Report` (docs/SEMANTICS.md §6.4): the
//! generated decoder (`from_json`, `validate_json`, with and without denying unknown fields)
//! and the dynamic validator word a key one or two edits from a missing required field alike.

mod common;

use common::alipayplus_payment_apis::PayRequest;
use fieldtab::DecodeOptions;
use fieldtab_codegen::{Schema, dynamic::Validator};

/// A valid `PayRequest` whose `paymentAmount` key is written `key`.
fn request(key: &str) -> String {
    format!(
        r#"{{"paymentRequestId":"PR1","paymentMethod":{{"paymentMethodType":"CONNECT_WALLET"}},"{key}":{{"currency":"JPY","value":"1000"}},"order":{{"referenceOrderId":"1","orderDescription":"d","orderAmount":{{"currency":"JPY","value":"1000"}}}}}}"#
    )
}

fn messages(report: fieldtab::Report) -> Vec<String> {
    report.iter().map(ToString::to_string).collect()
}

#[test]
fn the_decoder_and_the_dynamic_validator_name_the_misspelled_key() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/alipayplus/payment_apis.md");
    let schema = Schema::load(&path).unwrap_or_else(|d| panic!("{d}"));
    let validator = Validator::new(&schema.module, "PayRequest").unwrap();
    for key in ["paymetAmount", "pymetAmount"] {
        let body = request(key);
        let denied = vec![
            format!("/paymentAmount: required: is required; did you misspell it as `{key}`?"),
            format!("/{key}: unknown_field: unknown field; did you mean `paymentAmount`?"),
        ];
        let deny = DecodeOptions {
            deny_unknown: true,
            ..Default::default()
        };
        let decoded = fieldtab::from_json_with::<PayRequest>(body.as_bytes(), deny).unwrap_err();
        assert_eq!(messages(decoded), denied);
        let validated =
            fieldtab::validate_json_with::<PayRequest>(body.as_bytes(), deny).unwrap_err();
        assert_eq!(messages(validated), denied);
        assert_eq!(
            messages(validator.validate(body.as_bytes(), true).unwrap_err()),
            denied
        );

        let ignored = vec![denied[0].clone()];
        let decoded = fieldtab::from_json::<PayRequest>(body.as_bytes()).unwrap_err();
        assert_eq!(messages(decoded), ignored);
        assert_eq!(
            messages(validator.validate(body.as_bytes(), false).unwrap_err()),
            ignored
        );
    }
    // A key far from every missing field is no likely typo: no hint on either side.
    let body = request("amountToPay");
    let plain = vec![
        "/paymentAmount: required: is required".to_owned(),
        "/amountToPay: unknown_field: unknown field".to_owned(),
    ];
    let deny = DecodeOptions {
        deny_unknown: true,
        ..Default::default()
    };
    assert_eq!(
        messages(fieldtab::from_json_with::<PayRequest>(body.as_bytes(), deny).unwrap_err()),
        plain
    );
    assert_eq!(
        messages(validator.validate(body.as_bytes(), true).unwrap_err()),
        plain
    );
}
