//! Groups (`Exactly one of: …`, docs/SEMANTICS.md §6.5) through generated code and the dynamic
//! validator: the same reports on generated messages (which satisfy the groups) and their
//! mutations (which break them), on chosen documents, and from `validate()` on built values.

use fieldtab_codegen::dynamic::Validator;

use crate::assert::{Case, agree_on, expect_cases, generated_triples, pairs};
use crate::load;

mod items {
    fieldtab::include_schema!("tests/schemas/groups_and_variants.md");
}

const SCHEMA: &str = "tests/schemas/groups_and_variants.md";

#[test]
fn generated_code_and_the_dynamic_validator_agree_on_groups() {
    for case in [
        Case {
            schema: SCHEMA,
            item: "Order",
            generated: generated_triples::<items::Order>,
            scanned: fieldtab::__private::__decode::scan_verdict::<items::Order>,
        },
        Case {
            schema: SCHEMA,
            item: "Goods",
            generated: generated_triples::<items::Goods>,
            scanned: fieldtab::__private::__decode::scan_verdict::<items::Goods>,
        },
        // Variants: the base's rules with the variant's changes (schemas/README.md "Variants").
        Case {
            schema: SCHEMA,
            item: "OrderEntry",
            generated: generated_triples::<items::OrderEntry>,
            scanned: fieldtab::__private::__decode::scan_verdict::<items::OrderEntry>,
        },
        Case {
            schema: SCHEMA,
            item: "GoodsScanned",
            generated: generated_triples::<items::GoodsScanned>,
            scanned: fieldtab::__private::__decode::scan_verdict::<items::GoodsScanned>,
        },
    ] {
        let seen = agree_on(&case);
        assert!(seen.contains_key("group"), "{}: no `group` case", case.item);
    }
}

#[test]
fn groups_count_present_members_after_the_fields() {
    let module = load(SCHEMA);
    let validator = Validator::new(&module, "Order").unwrap_or_else(|e| panic!("{e}"));
    let cases: &[(&str, &[(&str, &'static str)])] = &[
        (
            r#"{"scenario":"ENTRY","priceId":"P1","paymentRequestId":"R"}"#,
            &[],
        ),
        // `""` is present; `null` is absent.
        (
            r#"{"scenario":"ENTRY","priceId":"","referenceGoodsId":null,"paymentRequestId":"R"}"#,
            &[("/priceId", "length")],
        ),
        (
            r#"{"scenario":"ENTRY","priceId":null,"paymentRequestId":"R"}"#,
            &[("", "group")],
        ),
        // The fields' violations first, then the groups in order.
        (
            r#"{"scenario":"CODE","priceId":"P1","referenceGoodsId":"G","latitude":"1",
                "gift":{"name":"n"},"goods":[]}"#,
            &[
                ("/paymentId", "required"),
                ("", "group"),
                ("", "group"),
                ("", "group"),
                ("", "group"),
            ],
        ),
        // A value of the wrong kind is present too.
        (
            r#"{"scenario":"ENTRY","priceId":7,"paymentId":"I","accuracy":"x","latitude":"1","longitude":"2"}"#,
            &[("/priceId", "type"), ("/accuracy", "type")],
        ),
        (
            r#"{"scenario":"ENTRY","referenceGoodsId":"G","paymentId":"I","gift":{"name":"n","sku":"A","barcode":"1"}}"#,
            &[("/gift", "group")],
        ),
        (
            r#"{"scenario":"ENTRY","referenceGoodsId":"G","paymentId":"I","goods":[{"name":"n"},{"name":"m","sku":"A","barcode":"1"}]}"#,
            &[("/goods/1", "group")],
        ),
    ];
    expect_cases::<items::Order>(&validator, cases);

    // The messages name the members from the schema and what was found; unknown keys come
    // after the groups.
    let bytes = br#"{"zz":1,"scenario":"ENTRY","priceId":"P","referenceGoodsId":"G","latitude":"1","gift":{"name":"n"},"goods":[]}"#;
    let report = validator.validate(bytes, true).unwrap_err();
    let messages: Vec<String> = report.iter().map(ToString::to_string).collect();
    let generated: Vec<String> = generated_triples::<items::Order>(bytes, true)
        .into_iter()
        .map(|(path, rule, message)| {
            format!(
                "{}: {rule}: {message}",
                if path.is_empty() { "/" } else { &path }
            )
        })
        .collect();
    assert_eq!(messages, generated);
    assert_eq!(
        messages,
        [
            "/: group: exactly one of `priceId`, `referenceGoodsId` must be present, found 2",
            "/: group: at least one of `paymentRequestId`, `paymentId` must be present, found none",
            "/: group: all or none of `latitude`, `longitude`, `accuracy` must be present, found 1",
            "/: group: at most one of `gift`, `goods` must be present, found 2",
            "/zz: unknown_field: unknown field",
        ]
    );
}

#[test]
fn validate_counts_the_options_that_are_some() {
    let goods = items::Goods {
        name: "n".into(),
        sku: Some("A".into()),
        barcode: Some(String::new()),
    };
    assert_eq!(
        pairs(fieldtab::Validate::validate(&goods)),
        [(String::new(), "group")]
    );
    let order = items::Order {
        scenario: items::Scenario::Entry,
        price_id: None,
        reference_goods_id: None,
        payment_request_id: Some("R".into()),
        payment_id: None,
        latitude: None,
        longitude: Some("2".into()),
        accuracy: Some(3),
        gift: None,
        goods: Some(vec![goods]),
    };
    assert_eq!(
        pairs(fieldtab::Validate::validate(&order)),
        [
            ("/goods/0".to_string(), "group"),
            (String::new(), "group"),
            (String::new(), "group"),
        ]
    );
}

/// A variant's rules are enforced, by generated code and the dynamic validator alike: what it
/// overrides (a fixed value, a longer minimum, a requirement on another condition, a struct
/// field of a variant type), what it adds (a mandatory field, a group), and what it keeps of its
/// base (the base's groups and other fields).
#[test]
fn variants_enforce_their_own_rules_and_keep_the_bases() {
    let module = load(SCHEMA);
    let validator = Validator::new(&module, "OrderEntry").unwrap_or_else(|e| panic!("{e}"));
    let cases: &[(&str, &[(&str, &'static str)])] = &[
        (
            r#"{"scenario":"ENTRY","priceId":"P1","paymentRequestId":"R0000001","terminalId":"T2"}"#,
            &[],
        ),
        // Valid as an `Order`; the variant wants its terminal, an 8-character request ID and
        // the scenario ENTRY.
        (
            r#"{"scenario":"CODE","priceId":"P1","paymentRequestId":"R","paymentId":"I"}"#,
            &[
                ("/scenario", "const"),
                ("/paymentRequestId", "length"),
                ("/terminalId", "required"),
            ],
        ),
        // `paymentId` is required on the variant's own condition, not the base's.
        (
            r#"{"scenario":"ENTRY","priceId":"P1","paymentRequestId":"R0000001","terminalId":"T1"}"#,
            &[("/paymentId", "required")],
        ),
        // Nested variants: `GoodsScanned`'s shorter name and its own group, and the base's.
        (
            r#"{"scenario":"ENTRY","priceId":"P1","paymentId":"I","terminalId":"T2",
                "gift":{"name":"a long name","barcode":"1","scannedAt":"2020-06-11T13:35:02+08:00"}}"#,
            &[("/gift/name", "length"), ("/gift", "group")],
        ),
        (
            r#"{"scenario":"ENTRY","priceId":"P1","paymentId":"I","terminalId":"T2",
                "goods":[{"name":"n","sku":"A","barcode":"1"},{"name":"m"}]}"#,
            &[("/goods/0", "group"), ("/goods/1", "group")],
        ),
        // The base's groups hold in the variant.
        (
            r#"{"scenario":"ENTRY","priceId":"P1","referenceGoodsId":"G","paymentId":"I","terminalId":"T2"}"#,
            &[("", "group")],
        ),
    ];
    expect_cases::<items::OrderEntry>(&validator, cases);
    // `deny_unknown` is the variant's option: generated code and the dynamic validator deny an
    // unknown key in `OrderEntry`, not in `Order`, without being asked.
    let bytes = br#"{"scenario":"ENTRY","priceId":"P1","paymentId":"I","terminalId":"T2","zz":1}"#;
    let unknown = [(String::from("/zz"), "unknown_field")];
    assert_eq!(
        pairs(validator.validate(bytes, false)),
        unknown,
        "the dynamic validator"
    );
    assert_eq!(
        crate::assert::generated::<items::OrderEntry>(bytes, false),
        unknown,
        "generated code"
    );
    // The base is unchanged: the same document is a valid `Order` but for the unknown key.
    let base = Validator::new(&module, "Order").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pairs(base.validate(bytes, false)), []);
}
