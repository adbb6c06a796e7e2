//! Unit tests of the dynamic validator on hand-built models, one semantic rule each.

use super::*;
use crate::model::*;

/// The report of `bytes` as the item `name` of `module`; an unknown item is one `syntax`
/// violation at `""` that says so.
fn validate_json(module: &Module, name: &str, bytes: &[u8], deny: bool) -> Result<(), Report> {
    match Validator::new(module, name) {
        Ok(validator) => validator.validate(bytes, deny),
        Err(error) => {
            let mut report = Report::new();
            report.push(&Path::root(), RuleError::syntax(error.to_string()));
            Err(report)
        }
    }
}
use crate::model::{Charset, Condition, EnumValue, Format, Item, Length, Requirement as R, Type};

fn field(ident: &str, ty: Type, length: Option<u32>, requirement: R) -> Field {
    Field {
        length: length.map(Length::max_only),
        ..Field::new(ident, ty, requirement)
    }
}

fn object(fields: Vec<Field>) -> Object {
    Object {
        fields,
        deny_unknown: false,
        groups: Vec::new(),
    }
}

fn item(name: &str, kind: ItemKind) -> Item {
    Item {
        name: name.into(),
        doc: String::new(),
        kind,
    }
}

fn cond(sibling: &str, values: &[&str]) -> R {
    R::Conditional(Condition::one_of(sibling, values))
}

/// A module shaped like the shipped schemas: a UPI-style request with a header struct and an
/// Alipay+-style struct with an enum, conditions, integers and an array.
fn module() -> Module {
    let mut proc_type = field("procType", Type::Iso(Charset::An), Some(2), R::Mandatory);
    proc_type.fixed = Some("41".into());
    let mut local_time = field("localTime", Type::Iso(Charset::N), Some(14), R::Mandatory);
    local_time.format = Some(Format::LocalTime);
    let header = object(vec![
        proc_type,
        field("pid", Type::Iso(Charset::N), Some(10), R::Mandatory),
        local_time,
        field("resvFld", Type::Iso(Charset::Ans), Some(500), R::Optional),
    ]);
    let mut card = field("cardNo", Type::Iso(Charset::N), Some(19), R::Mandatory);
    card.sensitive = true;
    let data = object(vec![
        field("userToken", Type::Iso(Charset::An), Some(50), R::Mandatory),
        card,
    ]);
    let request = object(vec![
        field("header", Type::Named("Header".into()), None, R::Mandatory),
        field("data", Type::Named("Data".into()), None, R::Mandatory),
    ]);
    let kind = Enum {
        values: ["ABSOLUTE", "RELATIVE"]
            .into_iter()
            .map(|v| EnumValue {
                value: v.into(),
                doc: String::new(),
            })
            .collect(),
        open: false,
    };
    let mut open_kind = kind.clone();
    open_kind.open = true;
    let period = object(vec![
        field("type", Type::Named("PeriodType".into()), None, R::Mandatory),
        field(
            "activeTime",
            Type::String,
            Some(5),
            cond("type", &["ABSOLUTE"]),
        ),
        field(
            "activeSeconds",
            Type::Integer,
            None,
            cond("type", &["RELATIVE"]),
        ),
        field("flag", Type::Boolean, None, R::Optional),
        field(
            "tags",
            Type::Array(Box::new(Type::String)),
            Some(3),
            R::Optional,
        ),
        field(
            "periods",
            Type::Array(Box::new(Type::Named("Data".into()))),
            None,
            R::Optional,
        ),
        field("label", Type::Named("OpenType".into()), None, R::Optional),
    ]);
    Module {
        title: None,
        doc: String::new(),
        items: vec![
            item("Header", ItemKind::Struct(header)),
            item("Data", ItemKind::Struct(data)),
            item("Request", ItemKind::Message(request)),
            item("PeriodType", ItemKind::Enum(kind)),
            item("OpenType", ItemKind::Enum(open_kind)),
            item("Period", ItemKind::Struct(period)),
        ],
    }
}

const VALID: &str = r#"{"header":{"procType":"41","pid":"123","localTime":"20240229235959"},
    "data":{"userToken":"u1","cardNo":"6214835920672688"}}"#;

/// The (path, rule) list of validating `json` as `name`.
fn run(name: &str, json: &str, deny: bool) -> Vec<(String, &'static str)> {
    let module = module();
    let validator = Validator::new(&module, name).unwrap();
    match validator.validate(json.as_bytes(), deny) {
        Ok(()) => vec![],
        Err(report) => report
            .iter()
            .map(|v| (v.path.clone(), v.rule.as_str()))
            .collect(),
    }
}

fn expect(list: &[(&str, &str)]) -> Vec<(String, &'static str)> {
    list.iter()
        .map(|(p, r)| {
            let rule = fieldtab_runtime::Rule::ALL
                .into_iter()
                .find(|x| x.as_str() == *r)
                .unwrap()
                .as_str();
            (p.to_string(), rule)
        })
        .collect()
}

#[test]
fn a_valid_message_has_no_violation() {
    assert_eq!(run("Request", VALID, false), vec![]);
    assert_eq!(run("Request", VALID, true), vec![]);
}

#[test]
fn absent_and_null_mandatory_fields_are_required() {
    let got = run("Request", r#"{"header":null}"#, false);
    assert_eq!(
        got,
        expect(&[("/header", "required"), ("/data", "required")])
    );
    let got = run(
        "Header",
        r#"{"procType":"41","localTime":null,"resvFld":null}"#,
        false,
    );
    assert_eq!(
        got,
        expect(&[("/pid", "required"), ("/localTime", "required")])
    );
}

#[test]
fn wrong_type_is_one_violation_and_nothing_else() {
    let got = run(
        "Header",
        r#"{"procType":41,"pid":[],"localTime":true,"resvFld":{}}"#,
        false,
    );
    assert_eq!(
        got,
        expect(&[
            ("/procType", "type"),
            ("/pid", "type"),
            ("/localTime", "type"),
            ("/resvFld", "type"),
        ])
    );
    assert_eq!(
        run("Request", r#"{"header":"x","data":[]}"#, false),
        expect(&[("/header", "type"), ("/data", "type")])
    );
}

#[test]
fn empty_mandatory_string_is_required_only_and_empty_optional_is_a_value() {
    let got = run(
        "Header",
        r#"{"procType":"","pid":"1","localTime":"","resvFld":""}"#,
        false,
    );
    assert_eq!(
        got,
        expect(&[("/procType", "required"), ("/localTime", "required")])
    );
}

#[test]
fn rules_run_in_order_length_charset_const_format() {
    // procType "4x1": length and const (charset AN admits x); localTime "2024x": charset,
    // and format skipped because charset failed.
    let got = run(
        "Header",
        r#"{"procType":"4x1","pid":"12345678901","localTime":"2024x"}"#,
        false,
    );
    assert_eq!(
        got,
        expect(&[
            ("/procType", "length"),
            ("/procType", "const"),
            ("/pid", "length"),
            ("/localTime", "charset"),
        ])
    );
    let got = run(
        "Header",
        r#"{"procType":"41","pid":"1","localTime":"20230229000000"}"#,
        false,
    );
    assert_eq!(got, expect(&[("/localTime", "format")]));
}

#[test]
fn nested_violations_come_at_their_fields_position() {
    let got = run(
        "Request",
        r#"{"data":{"cardNo":"12a"},"header":{"procType":"42","pid":"1","localTime":"20240101000000"}}"#,
        false,
    );
    assert_eq!(
        got,
        expect(&[
            ("/header/procType", "const"),
            ("/data/userToken", "required"),
            ("/data/cardNo", "charset"),
        ])
    );
}

#[test]
fn conditions_read_the_sibling_as_a_raw_string() {
    assert_eq!(
        run("Period", r#"{"type":"ABSOLUTE"}"#, false),
        expect(&[("/activeTime", "required")])
    );
    assert_eq!(
        run("Period", r#"{"type":"RELATIVE","activeTime":""}"#, false),
        expect(&[("/activeSeconds", "required")])
    );
    // An empty optional-by-condition string is a value: no violation (length 0..5).
    assert_eq!(
        run(
            "Period",
            r#"{"type":"RELATIVE","activeTime":"","activeSeconds":1}"#,
            false
        ),
        vec![]
    );
    // The sibling must be a JSON string: a number makes the condition false.
    assert_eq!(
        run("Period", r#"{"type":1}"#, false),
        expect(&[("/type", "type")])
    );
    // Absent sibling: required itself, condition false.
    assert_eq!(
        run("Period", r#"{}"#, false),
        expect(&[("/type", "required")])
    );
    // An invalid enum value still drives conditions by raw comparison.
    assert_eq!(
        run("Period", r#"{"type":"absolute"}"#, false),
        expect(&[("/type", "enum")])
    );
}

#[test]
fn enums_closed_open_and_empty() {
    assert_eq!(
        run("Period", r#"{"type":""}"#, false),
        expect(&[("/type", "required")])
    );
    assert_eq!(
        run("Period", r#"{"type":"X","label":"anything"}"#, false),
        expect(&[("/type", "enum")])
    );
    assert_eq!(
        run(
            "Period",
            r#"{"type":"RELATIVE","activeSeconds":5,"label":""}"#,
            false
        ),
        vec![]
    );
}

#[test]
fn integers_and_booleans() {
    let ok = r#"{"type":"RELATIVE","activeSeconds":-9223372036854775808,"flag":false}"#;
    assert_eq!(run("Period", ok, false), vec![]);
    for bad in ["1.0", "1e3", "9223372036854775808", "\"5\"", "null"] {
        let json = format!(r#"{{"type":"RELATIVE","activeSeconds":{bad}}}"#);
        let rule = match bad {
            "null" => "required",
            // Beyond `i64`: out of every Integer's range (docs/SEMANTICS.md §2.8).
            "9223372036854775808" => "range",
            _ => "type",
        };
        assert_eq!(
            run("Period", &json, false),
            expect(&[("/activeSeconds", rule)]),
            "{bad}"
        );
    }
    assert_eq!(
        run(
            "Period",
            r#"{"type":"ABSOLUTE","activeTime":"a","flag":"true"}"#,
            false
        ),
        expect(&[("/flag", "type")])
    );
}

#[test]
fn arrays_report_element_paths_in_index_order() {
    let json = r#"{"type":"RELATIVE","activeSeconds":1,"tags":["a","abcd",3,null,""],
        "periods":[{"userToken":"u","cardNo":"1"},{"cardNo":"x"},null]}"#;
    assert_eq!(
        run("Period", json, false),
        expect(&[
            ("/tags/1", "length"),
            ("/tags/2", "type"),
            ("/tags/3", "type"),
            ("/periods/1/userToken", "required"),
            ("/periods/1/cardNo", "charset"),
            ("/periods/2", "type"),
        ])
    );
    assert_eq!(
        run(
            "Period",
            r#"{"type":"RELATIVE","activeSeconds":1,"tags":"a"}"#,
            false
        ),
        expect(&[("/tags", "type")])
    );
}

#[test]
fn unknown_fields_only_when_denied_in_input_order_after_table_fields() {
    let json = r#"{"zz":1,"header":{"procType":"41","pid":"1","localTime":"20240101000000","x~/":0},
        "data":{"userToken":"u","cardNo":"1"},"aa":null}"#;
    assert_eq!(run("Request", json, false), vec![]);
    assert_eq!(
        run("Request", json, true),
        expect(&[
            ("/header/x~0~1", "unknown_field"),
            ("/zz", "unknown_field"),
            ("/aa", "unknown_field")
        ])
    );
    // An item that denies unknown fields does so without the caller's flag, for itself only.
    let mut module = module();
    if let ItemKind::Struct(header) = &mut module.items[0].kind {
        header.deny_unknown = true;
    }
    let report = validate_json(&module, "Request", json.as_bytes(), false).unwrap_err();
    let got: Vec<_> = report
        .iter()
        .map(|v| (v.path.as_str(), v.rule.as_str()))
        .collect();
    assert_eq!(got, [("/header/x~0~1", "unknown_field")]);
}

#[test]
fn a_misspelled_key_of_a_required_field_gets_a_did_you_mean() {
    let module = module();
    let messages = |json: &str, deny: bool| -> Vec<(String, String)> {
        let report = validate_json(&module, "Header", json.as_bytes(), deny).unwrap_err();
        report
            .iter()
            .map(|v| (v.path.clone(), format!("{}: {}", v.rule, v.message)))
            .collect()
    };
    let json = r#"{"procType":"41","pdi":"1","localTime":"20240101000000","lcoalTime\u001b":1}"#;
    let pid = (
        "/pid".to_string(),
        "required: is required; did you misspell it as `pdi`?".to_string(),
    );
    assert_eq!(messages(json, false), std::slice::from_ref(&pid));
    assert_eq!(
        messages(json, true),
        [
            pid,
            (
                "/pdi".to_string(),
                "unknown_field: unknown field; did you mean `pid`?".to_string()
            ),
            (
                "/lcoalTime\u{1b}".to_string(),
                "unknown_field: unknown field".to_string()
            ),
        ]
    );
    // A key far from every absent field, or a present field: no hint.
    let json = r#"{"procType":"41","localTime":"20240101000000","procTpye":"41"}"#;
    assert_eq!(
        messages(json, false),
        [("/pid".to_string(), "required: is required".to_string())]
    );
}

#[test]
fn duplicate_keys_are_syntax_at_the_key_and_the_first_occurrence_is_checked() {
    let json = r#"{"pid":"1","procType":"4","procType":"41","localTime":"20240101000000","pid":"x","u":1,"u":2}"#;
    assert_eq!(
        run("Header", json, false),
        expect(&[
            ("/procType", "const"),
            ("/procType", "syntax"),
            ("/pid", "syntax"),
            ("/u", "syntax"),
        ])
    );
    assert_eq!(
        run("Header", json, true),
        expect(&[
            ("/procType", "const"),
            ("/procType", "syntax"),
            ("/pid", "syntax"),
            ("/u", "unknown_field"),
            ("/u", "syntax"),
        ])
    );
    // A first occurrence `null` is absent, whatever follows.
    let json = r#"{"procType":null,"procType":"41","pid":"1","localTime":"20240101000000"}"#;
    assert_eq!(
        run("Header", json, false),
        expect(&[("/procType", "required"), ("/procType", "syntax")])
    );
    // Many members: the hashed path gives the same answer.
    let mut many = String::from(r#"{"procType":"41","pid":"1","localTime":"20240101000000""#);
    for i in 0..40 {
        many.push_str(&format!(r#","k{}":0"#, i % 30));
    }
    many.push('}');
    let got = run("Header", &many, false);
    assert_eq!(got.len(), 10);
    assert!(got.iter().all(|(_, r)| *r == "syntax"));
    assert_eq!(got[0].0, "/k0");
}

#[test]
fn a_document_that_is_not_an_object_is_one_type_violation_at_the_root() {
    for (bad, found) in [
        ("[1]", "an array"),
        ("\"x\"", "a string"),
        ("null", "null"),
        ("1", "a number"),
        ("true", "a boolean"),
    ] {
        assert_eq!(run("Header", bad, true), expect(&[("", "type")]), "{bad:?}");
        let report = validate_json(&module(), "Header", bad.as_bytes(), false).unwrap_err();
        assert_eq!(
            report.violations()[0].message,
            format!("expected an object, found {found}")
        );
    }
}

#[test]
fn malformed_json_is_one_syntax_violation_at_the_root() {
    for bad in [
        "",
        "{",
        "[1] x",
        "{} {}",
        "{\"a\":1,}",
        "{\"procType\":\"\u{1}\"}",
        "nul",
    ] {
        assert_eq!(
            run("Header", bad, true),
            expect(&[("", "syntax")]),
            "{bad:?}"
        );
    }
    let deep = format!("{{\"header\":{}{}}}", "[".repeat(5000), "]".repeat(5000));
    assert_eq!(run("Request", &deep, false), expect(&[("", "syntax")]));
    let module = module();
    let report = validate_json(&module, "Header", b"{\"procType\":\"\xff\"}", false).unwrap_err();
    assert_eq!(report.len(), 1);
    assert_eq!(report.violations()[0].rule.as_str(), "syntax");
}

#[test]
fn no_message_contains_the_value() {
    let card = "6214835920672688123";
    let json = format!(
        r#"{{"header":{{"procType":"{card}","pid":"{card}x","localTime":"{card}"}},"data":{{"userToken":"{card}!","cardNo":"{card}1"}}}}"#
    );
    let module = module();
    let report = validate_json(&module, "Request", json.as_bytes(), true).unwrap_err();
    assert!(report.len() >= 5);
    for v in report.iter() {
        assert!(!v.message.contains("6214835920"), "{v}");
    }
}

#[test]
fn unknown_names_suggest_close_ones() {
    let module = module();
    let error = Validator::new(&module, "Reqest").unwrap_err();
    assert_eq!(error.suggestion.as_deref(), Some("Request"));
    assert!(!error.is_enum);
    assert_eq!(error.available, ["Request", "Header", "Data", "Period"]);
    assert_eq!(error.to_string(), "no message or struct named `Reqest`");
    let error = Validator::new(&module, "PeriodType").unwrap_err();
    assert!(error.is_enum);
    assert_eq!(
        Validator::new(&module, "Zzzzzzzzz").unwrap_err().suggestion,
        None
    );
    assert_eq!(
        Validator::new(&module, "request")
            .unwrap_err()
            .suggestion
            .as_deref(),
        Some("Request")
    );
    let report = validate_json(&module, "Nope", b"{}", false).unwrap_err();
    assert_eq!(report.violations()[0].rule.as_str(), "syntax");
}

/// Point 4b: conditional formats, read from a schema's Format cell.
#[test]
fn conditional_formats_follow_their_sibling() {
    let text = concat!(
        "## enum ImageType\n\n",
        "| Value | Note |\n|---|---|\n| BASE64 | inline |\n| URL | link |\n\n",
        "## struct Image\n\n",
        "| Identifier | Type | Length | Request | Format |\n",
        "|---|---|---|---|---|\n",
        "| type | ImageType | | M | |\n",
        "| content | String | | M | base64 image 100 KB jpeg png if type = BASE64; URL if type = URL |\n",
        "| code | N | 8 | O | minor units if type = URL |\n",
    );
    let schema = crate::Schema::parse("image.md", text).unwrap();
    let module = &schema.module;
    let check = |json: &str| -> Vec<(String, &'static str)> {
        match validate_json(module, "Image", json.as_bytes(), false) {
            Ok(()) => vec![],
            Err(report) => report
                .iter()
                .map(|v| (v.path.clone(), v.rule.as_str()))
                .collect(),
        }
    };
    let png = "iVBORw0KGgoAAAANSUhEUg==";
    assert_eq!(
        check(&format!(r#"{{"type":"BASE64","content":"{png}"}}"#)),
        vec![]
    );
    assert_eq!(
        check(r#"{"type":"URL","content":"https://a.example/i.png"}"#),
        vec![]
    );
    let format = vec![("/content".to_string(), "format")];
    assert_eq!(
        check(r#"{"type":"BASE64","content":"https://a.example/i.png"}"#),
        format
    );
    assert_eq!(
        check(&format!(r#"{{"type":"URL","content":"{png}"}}"#)),
        format
    );
    // The sibling absent, of another kind, or outside the values: no condition holds.
    assert_eq!(
        check(r#"{"content":"x"}"#),
        vec![("/type".to_string(), "required")]
    );
    assert_eq!(
        check(r#"{"type":1,"content":"x"}"#),
        vec![("/type".to_string(), "type")]
    );
    assert_eq!(
        check(r#"{"type":"GIF","content":"x"}"#),
        vec![("/type".to_string(), "enum")]
    );
    // An empty mandatory value is `required` only; a failed charset skips the format.
    assert_eq!(
        check(r#"{"type":"URL","content":""}"#),
        vec![("/content".to_string(), "required")]
    );
    assert_eq!(
        check(r#"{"type":"URL","content":"https://a.example/","code":"a-b"}"#),
        vec![("/code".to_string(), "charset")]
    );
    // After the field's other rules, before a duplicate key's `syntax`.
    assert_eq!(
        check(r#"{"type":"URL","content":"x","content":"y"}"#),
        vec![
            ("/content".to_string(), "format"),
            ("/content".to_string(), "syntax")
        ]
    );
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 500, failure_persistence: None, ..ProptestConfig::default() })]

        /// Arbitrary bytes: a report (or none), never a panic; malformed input is one `syntax`.
        #[test]
        fn on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..200), deny: bool) {
            let module = module();
            for name in ["Request", "Header", "Period"] {
                if let Err(report) = validate_json(&module, name, &bytes, deny) {
                    prop_assert!(!report.is_empty());
                }
            }
        }

        /// JSON-shaped text built from the schema's own keys and odd values.
        #[test]
        fn on_json_shaped_text(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("{".to_string()), Just("}".to_string()), Just("[".to_string()),
                    Just("]".to_string()), Just(",".to_string()), Just(":".to_string()),
                    Just("\"header\"".to_string()), Just("\"data\"".to_string()),
                    Just("\"type\"".to_string()), Just("\"ABSOLUTE\"".to_string()),
                    Just("\"procType\"".to_string()), Just("null".to_string()),
                    Just("-0".to_string()), Just("1e400".to_string()), Just("\"\\u0000\"".to_string()),
                    "\"[a-z0-9]{0,5}\"",
                ],
                0..40,
            ),
            deny: bool,
        ) {
            let text = parts.concat();
            let module = module();
            for name in ["Request", "Period"] {
                let _ = validate_json(&module, name, text.as_bytes(), deny);
            }
        }
    }
}

/// An amount reads its currency (docs/SEMANTICS.md §2.4): in an object with one currency field
/// (alpha or numeric), a `minor units` value in a currency without a minor unit is a `format`
/// violation; an object with two currency fields links none, and an array of amounts is not
/// linked.
#[test]
fn an_amount_reads_the_one_currency_beside_it() {
    let with = |ident: &str, ty: Type, format: Format| Field {
        format: Some(format),
        ..field(ident, ty, None, R::Optional)
    };
    let amount = |currency: Format| {
        object(vec![
            with("currency", Type::Iso(Charset::An), currency),
            with("value", Type::String, Format::MinorUnits),
            Field {
                format: Some(Format::MinorUnits),
                ..field(
                    "values",
                    Type::Array(Box::new(Type::String)),
                    None,
                    R::Optional,
                )
            },
        ])
    };
    let mut two = amount(Format::CurrencyAlpha);
    two.fields
        .push(with("settle", Type::Iso(Charset::A), Format::CurrencyAlpha));
    let module = Module {
        title: None,
        doc: String::new(),
        items: vec![
            item("Alpha", ItemKind::Message(amount(Format::CurrencyAlpha))),
            item(
                "Numeric",
                ItemKind::Message(amount(Format::CurrencyNumeric)),
            ),
            item("Two", ItemKind::Message(two)),
        ],
    };
    let rules = |name: &str, json: &str| -> Vec<(String, fieldtab_runtime::Rule)> {
        match validate_json(&module, name, json.as_bytes(), false) {
            Ok(()) => Vec::new(),
            Err(report) => report.iter().map(|v| (v.path.clone(), v.rule)).collect(),
        }
    };
    let format_at = |path: &str| vec![(path.to_owned(), fieldtab_runtime::Rule::Format)];
    assert_eq!(rules("Alpha", r#"{"currency":"USD","value":"100"}"#), []);
    assert_eq!(
        rules("Alpha", r#"{"currency":"XAU","value":"100"}"#),
        format_at("/value")
    );
    assert_eq!(
        rules("Alpha", r#"{"value":"100","currency":"XDR"}"#),
        format_at("/value")
    );
    assert_eq!(rules("Alpha", r#"{"currency":"XAU"}"#), []);
    assert_eq!(rules("Alpha", r#"{"currency":"XAU","value":null}"#), []);
    assert_eq!(rules("Alpha", r#"{"currency":"XAU","values":["100"]}"#), []);
    assert_eq!(
        rules("Numeric", r#"{"currency":"959","value":"100"}"#),
        format_at("/value")
    );
    assert_eq!(rules("Numeric", r#"{"currency":"840","value":"100"}"#), []);
    assert_eq!(rules("Two", r#"{"currency":"XAU","value":"100"}"#), []);
}
