//! The schemas under `tests/schemas/` that exist for the decoder's corners: every type, open
//! and closed enums, conditions, nested arrays, denied unknown fields (`edge_cases.md`), and
//! conditional formats (`decode_conditional_formats.md`); each report held to the dynamic
//! validator's.

use std::path::PathBuf;

use serde_json::Value;

use crate::{Pairs, decode_all_ways, expect, pairs};

pub(crate) mod edge {
    fieldtab::include_schema!("tests/schemas/edge_cases.md");
}

/// The (path, rule) list of the dynamic validator for `json` as `name` of `schema`.
fn dynamic(schema: &str, name: &str, json: &[u8]) -> Pairs {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(schema);
    let schema = fieldtab_codegen::Schema::load(&path).unwrap_or_else(|d| panic!("{d}"));
    match fieldtab_codegen::dynamic::Validator::new(&schema.module, name)
        .expect("a message of the schema")
        .validate(json, false)
    {
        Ok(()) => Vec::new(),
        Err(report) => pairs(&report),
    }
}

const EDGE_VALID: &str = r#"{
  "procType": "41",
  "localTime": "20240229235959",
  "timeZone": "GMT-03:30",
  "cardNo": "6214835920672688",
  "mobile": "+86-13800000000",
  "sentAt": "2024-02-29T23:59:59.5+08:00",
  "result": "S",
  "items": [
    {"type": "REDUCE_BY", "match": "S", "self": {"currency": "USD", "value": "100"}, "flag": true,
     "tags": ["ab", "c d"], "grid": [["1", "22"], [], ["333"]]},
    {"type": "RATIO", "ratio": "0.88", "count": -3},
    {"type": "41", "ratio": "1"},
    {"type": "SOMETHING_NEW"}
  ],
  "note": "héllo"
}"#;

#[test]
fn edge_cases_decode_and_round_trip() {
    let request = decode_all_ways::<edge::Request>(EDGE_VALID.as_bytes(), false)
        .unwrap_or_else(|report| panic!("{report}"));
    assert!(matches!(request.items[3].r#type, edge::Option::Other(ref v) if v == "SOMETHING_NEW"));
    assert_eq!(request.items[0].grid.as_ref().map(|g| g.len()), Some(3));
    assert_eq!(request.items[1].count, Some(-3));
    let back = serde_json::to_value(&request).unwrap_or(Value::Null);
    let input: Value = serde_json::from_str(EDGE_VALID).unwrap_or(Value::Null);
    assert_eq!(back, input);
    assert!(
        dynamic(
            "tests/schemas/edge_cases.md",
            "Request",
            EDGE_VALID.as_bytes()
        )
        .is_empty()
    );
}

#[test]
fn edge_cases_report_what_the_dynamic_validator_reports() {
    let invalid = [
        // Conditions on an open enum, keywords as identifiers, nested arrays, unknown fields
        // denied by the schema, integers and booleans of the wrong kind.
        r#"{"procType":"41","localTime":"20240229235959","timeZone":"GMT+08:00","mobile":"+86-1",
           "result":"X","items":[{"type":"REDUCE_BY","match":"S","flag":"yes","tags":["a1",null],
           "grid":[["1","x"],"2",[3]]},{"type":"RATIO","ratio":"1.234","count":1.5},{"type":"41"},
           {"type":null,"self":{"currency":"usd","value":"0100","extra":1}}],"note":"","zz":1}"#,
        r#"{"items":[],"procType":"4","result":"S","result":"F","localTime":"20240229235959",
           "timeZone":"GMT+08:00","mobile":"+86-1","cardNo":"6214835920672689x","zz":null,"zz":2}"#,
        r#"{"items":{},"localTime":20240229235959,"timeZone":["GMT+08:00"],"result":true}"#,
        r#"{"procType":"41","localTime":"20240229235959","timeZone":"GMT+08:00","mobile":"+86-1",
           "result":"S","items":[{"type":"R\u0041TIO"},{"type":"RATIO","count":9223372036854775808},
           {"type":"RATIO","count":-9223372036854775808,"ratio":"0.5"}],"sentAt":"2024-02-29T23:59:59"}"#,
    ];
    for json in invalid {
        let ours = match decode_all_ways::<edge::Request>(json.as_bytes(), false) {
            Ok(_) => Vec::new(),
            Err(report) => pairs(&report),
        };
        assert!(!ours.is_empty(), "{json}");
        assert_eq!(
            ours,
            dynamic("tests/schemas/edge_cases.md", "Request", json.as_bytes()),
            "{json}"
        );
    }
}

/// A fixed value on an enum field is the `const` rule, before `enum` (docs/SEMANTICS.md §2.4),
/// in decoding as in the dynamic validator (`tests/agreement/main.rs` also pins `validate()` and the
/// JSON Schema export).
#[test]
fn a_fixed_enum_field_is_checked() {
    let json = EDGE_VALID.replace(r#""match": "S""#, r#""match": "F""#);
    let report = fieldtab::from_json::<edge::Request>(json.as_bytes())
        .err()
        .unwrap_or_default();
    assert_eq!(pairs(&report), expect(&[("/items/0/match", "const")]));
    let schema = "tests/schemas/edge_cases.md";
    assert_eq!(pairs(&report), dynamic(schema, "Request", json.as_bytes()));
    let json = EDGE_VALID.replace(r#""match": "S""#, r#""match": "Q""#);
    let report = fieldtab::from_json::<edge::Request>(json.as_bytes())
        .err()
        .unwrap_or_default();
    assert_eq!(
        pairs(&report),
        expect(&[("/items/0/match", "const"), ("/items/0/match", "enum")])
    );
    assert_eq!(pairs(&report), dynamic(schema, "Request", json.as_bytes()));
}

mod conditional_formats {
    fieldtab::include_schema!("tests/schemas/decode_conditional_formats.md");
}

/// A format that applies when a sibling holds a value (docs/SEMANTICS.md §2.5): checked after
/// the field's other rules, whatever the order of the keys; the same report as the dynamic
/// validator's.
#[test]
fn conditional_formats_follow_the_sibling() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        (r#"{"content":"https://a.example/x","type":"URL"}"#, &[]),
        (
            r#"{"type":"URL","content":"{\"a\":1}"}"#,
            &[("/content", "format")],
        ),
        (
            r#"{"content":"{\"a\":1}","type":"JSON","code":"x"}"#,
            &[("/code", "format")],
        ),
        (
            r#"{"content":"not json","type":"JSON"}"#,
            &[("/content", "format"), ("/code", "required")],
        ),
        (
            r#"{"content":"anything","type":"PLAIN","code":"é"}"#,
            &[("/code", "charset")],
        ),
        (
            r#"{"content":"","type":"URL"}"#,
            &[("/content", "required")],
        ),
        (
            r#"{"content":"x","type":"URL","code":"ab\u0001"}"#,
            &[("/content", "format"), ("/code", "charset")],
        ),
        (
            r#"{"content":"this text is longer than sixty-four characters, and it is not a URL at all","type":"URL"}"#,
            &[("/content", "length"), ("/content", "format")],
        ),
        (r#"{"content":"x","type":7}"#, &[("/type", "type")]),
    ];
    for (json, expected) in cases {
        let ours = match decode_all_ways::<conditional_formats::Content>(json.as_bytes(), false) {
            Ok(_) => Vec::new(),
            Err(report) => pairs(&report),
        };
        assert_eq!(ours, expect(expected), "{json}");
        let schema = "tests/schemas/decode_conditional_formats.md";
        assert_eq!(ours, dynamic(schema, "Content", json.as_bytes()), "{json}");
    }
}

/// A `minor units` amount reads the currency beside it (docs/SEMANTICS.md §2.4): ISO 4217 gives
/// gold (`XAU`) and `XXX` no minor unit, so `"100"` of them is a `format` violation at the
/// amount, the same in every entry point; a currency with a minor unit, zero included, is fine.
#[test]
fn an_amount_in_a_currency_without_a_minor_unit_is_a_format_violation() {
    let usd = r#"{"currency": "USD", "value": "100"}"#;
    assert!(EDGE_VALID.contains(usd));
    for (currency, valid) in [("USD", true), ("JPY", true), ("XAU", false), ("XXX", false)] {
        let amount = format!(r#"{{"currency": "{currency}", "value": "100"}}"#);
        let json = EDGE_VALID.replace(usd, &amount);
        let ours = match decode_all_ways::<edge::Request>(json.as_bytes(), false) {
            Ok(_) => Vec::new(),
            Err(report) => pairs(&report),
        };
        let expected = if valid {
            Vec::new()
        } else {
            expect(&[("/items/0/self/value", "format")])
        };
        assert_eq!(ours, expected, "{currency}");
        let theirs = dynamic("tests/schemas/edge_cases.md", "Request", json.as_bytes());
        assert_eq!(theirs, expected, "{currency}");
    }
    let json = EDGE_VALID.replace(usd, r#"{"currency": "XAU", "value": "100"}"#);
    let report = fieldtab::from_json::<edge::Request>(json.as_bytes()).unwrap_err();
    let message = &report.violations()[0].message;
    assert!(
        message.contains("its currency has no minor unit"),
        "{message}"
    );
    // `validate()` of a Rust value reads the currency field too.
    let mut request = fieldtab::from_json::<edge::Request>(EDGE_VALID.as_bytes())
        .unwrap_or_else(|report| panic!("{report}"));
    if let Some(amount) = request.items[0].self_.as_mut() {
        amount.currency = fieldtab::Currency::from_code("XAU").unwrap_or(amount.currency);
    }
    let report = fieldtab::Validate::validate(&request).unwrap_err();
    assert_eq!(pairs(&report), expect(&[("/items/0/self/value", "format")]));
}
