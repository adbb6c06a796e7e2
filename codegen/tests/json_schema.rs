//! The JSON Schema export (`Schema::to_json_schema`, `fieldtab json-schema`):
//!
//! - insta snapshots of the export of every shipped schema (`schemas/**/*.md`, found at test
//!   time), and of one message export; every export is a valid draft 2020-12 schema;
//! - a differential test with the `jsonschema` crate over every sample of
//!   `examples/messages/` (layout: `examples/messages/README.md`): every valid sample is valid
//!   against the export of its item; an invalid sample is invalid when one of its violations is
//!   of a kind JSON Schema expresses, and valid when none is (the export is exactly as loose as
//!   its docs say);
//! - the format patterns against the runtime's rules, value by value: equal verdicts for the
//!   formats the export calls exact, never stricter for the others.
//!
//! Review and accept new snapshots with
//! `INSTA_UPDATE=always cargo test -p fieldtab-codegen --test json_schema`, then commit
//! `codegen/tests/snapshots/json_schema__*.snap`.

use std::path::{Path, PathBuf};

use fieldtab_codegen::Generate;
use fieldtab_codegen::model::{Field, ItemKind, Module, Type};
use fieldtab_codegen::{JsonSchemaOptions, Schema};
use fieldtab_runtime::Format;
use serde_json::{Value, json};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every file under `dir` with extension `ext`, except `README.md`, sorted.
fn files_under(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(dir) = todo.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == ext)
                && path.file_name().is_some_and(|n| n != "README.md")
            {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

fn validator(schema: &Value, formats: bool) -> jsonschema::Validator {
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(formats)
        .build(schema)
        .unwrap_or_else(|e| panic!("the export does not compile: {e}\n{schema:#}"))
}

#[test]
fn every_shipped_schema_exports_to_its_snapshot() {
    let root = repo().join("schemas");
    let schemas = files_under(&root, "md");
    assert!(!schemas.is_empty(), "no schema found under schemas/");
    for path in schemas {
        let schema = Schema::load(&path).unwrap_or_else(|d| panic!("{}:\n{d}", path.display()));
        let text = schema
            .to_json_schema_pretty(None)
            .expect("whole-module export");
        let value: Value = serde_json::from_str(&text).expect("the export is JSON");
        assert_eq!(value, schema.to_json_schema(None).unwrap(), "same content");
        assert!(
            jsonschema::meta::is_valid(&value),
            "{}: not a valid draft 2020-12 schema",
            path.display()
        );
        validator(&value, true);
        let name = path
            .strip_prefix(&root)
            .unwrap_or(&path)
            .with_extension("")
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("__");
        insta::assert_snapshot!(name, text);
    }
}

#[test]
fn a_message_export_is_rooted_at_the_message_and_holds_what_it_uses() {
    let schema = Schema::load(repo().join("schemas/upi/enrollment_registration.md")).unwrap();
    let text = schema
        .to_json_schema_pretty(Some("EnrollmentRegistrationRequest"))
        .unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    assert!(jsonschema::meta::is_valid(&value));
    assert_eq!(value["$ref"], "#/$defs/EnrollmentRegistrationRequest");
    let defs: Vec<&String> = value["$defs"].as_object().unwrap().keys().collect();
    assert_eq!(
        defs,
        [
            "EnrollmentRegistrationData",
            "EnrollmentRegistrationRequest",
            "EnrollmentRegistrationRequestHeader",
        ]
    );
    insta::assert_snapshot!("upi__enrollment_registration__request", text);

    // A struct of an imported or data-dictionary file, and an enum, export the same way.
    let benefit = Schema::load(repo().join("schemas/alipayplus/benefit.md")).unwrap();
    let detail = benefit
        .to_json_schema(Some("ExternalBenefitDetail"))
        .unwrap();
    let defs: Vec<&String> = detail["$defs"].as_object().unwrap().keys().collect();
    // The currency table `Amount.currency` uses comes along.
    assert_eq!(
        defs,
        [
            "Amount",
            "BenefitStatus",
            "ExternalBenefitDetail",
            "iso4217-alpha"
        ]
    );
    let status = benefit.to_json_schema(Some("BenefitStatus")).unwrap();
    let status = validator(&status, true);
    assert!(status.is_valid(&json!("USED")));
    assert!(!status.is_valid(&json!("used")));
}

#[test]
fn unknown_names_are_errors_with_a_suggestion() {
    let schema = Schema::load(repo().join("schemas/alipayplus/benefit.md")).unwrap();
    let error = schema.to_json_schema(Some("Ammount")).unwrap_err();
    assert_eq!(
        error.to_string(),
        "no message, struct or enum named `Ammount`; did you mean `Amount`?"
    );
}

#[test]
fn the_module_root_accepts_any_of_its_messages() {
    let schema = Schema::load(repo().join("schemas/upi/enrollment_registration.md")).unwrap();
    let root = validator(&schema.to_json_schema(None).unwrap(), true);
    let dir = repo().join("examples/messages/upi/enrollment_registration");
    let mut seen = 0;
    for path in files_under(&dir, "json") {
        let name = path.file_name().unwrap().to_string_lossy();
        if name.starts_with("valid-") {
            let value: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
            assert!(root.is_valid(&value), "{}", path.display());
            seen += 1;
        }
    }
    assert!(seen >= 2);
    assert!(!root.is_valid(&json!({"header": {}})));
    // A data dictionary (no message) is a bundle of definitions.
    let benefit = Schema::load(repo().join("schemas/alipayplus/benefit.md")).unwrap();
    let bundle = benefit.to_json_schema(None).unwrap();
    assert!(bundle.get("anyOf").is_none() && bundle.get("$ref").is_none());
    // 16 items and the currency table.
    assert_eq!(bundle["$defs"].as_object().unwrap().len(), 17);
}

#[test]
fn deny_unknown_option_closes_every_object() {
    let schema = Schema::load(repo().join("schemas/alipayplus/benefit.md")).unwrap();
    let open = schema
        .json_schema(Some("ExternalBenefitDetail"), JsonSchemaOptions::new())
        .unwrap()
        .to_value();
    let closed = schema
        .json_schema(
            Some("ExternalBenefitDetail"),
            JsonSchemaOptions::new().deny_unknown(true),
        )
        .unwrap()
        .to_value();
    let doc = json!({
        "benefitInstanceId": "a", "benefitTemplateId": "b", "status": "USED",
        "activateTime": "2019-04-04T12:08:56Z", "expireTime": "2019-04-04T12:08:56Z",
        "amount": {"currency": "USD", "value": "1", "extra": 1}
    });
    assert!(validator(&open, true).is_valid(&doc));
    assert!(!validator(&closed, true).is_valid(&doc));
}

// -------------------------------------------------------------------------------------------
// The samples.

/// The formats whose JSON Schema keywords admit exactly the values the runtime admits.
fn exact(format: &Format) -> bool {
    matches!(
        format,
        Format::LocalTime
            | Format::GmtOffset
            | Format::Timestamp
            | Format::MinorUnits
            | Format::Url
            | Format::Mobile
            | Format::Pan { luhn: false }
            | Format::Decimal { .. }
            | Format::CurrencyAlpha
            | Format::CurrencyNumeric
    )
}

/// The field a violation's path ends at (through nested objects and array indexes), with the
/// type of the value at that path.
fn field_at<'m>(module: &'m Module, item: &str, pointer: &str) -> Option<(&'m Field, &'m Type)> {
    let mut object = match &module.item(item)?.kind {
        ItemKind::Message(o) | ItemKind::Struct(o) => o,
        ItemKind::Enum(_) => return None,
    };
    let mut found: Option<(&Field, &Type)> = None;
    for segment in pointer.split('/').skip(1) {
        let segment = segment.replace("~1", "/").replace("~0", "~");
        match found {
            Some((field, Type::Array(element))) if segment.parse::<usize>().is_ok() => {
                found = Some((field, element));
            }
            Some((_, Type::Named(name))) => {
                object = match &module.item(name)?.kind {
                    ItemKind::Message(o) | ItemKind::Struct(o) => o,
                    ItemKind::Enum(_) => return None,
                };
                let field = object.fields.iter().find(|f| f.ident == segment)?;
                found = Some((field, &field.ty));
            }
            None => {
                let field = object.fields.iter().find(|f| f.ident == segment)?;
                found = Some((field, &field.ty));
            }
            Some(_) => return None,
        }
    }
    found
}

/// Whether JSON Schema sees a violation: `Some(true)` when it expresses it (the export must
/// reject the document), `Some(false)` when it cannot (the export accepts what this violation
/// alone makes invalid), `None` when that depends on the value (a format the export
/// approximates, a duplicate key).
fn expressible(module: &Module, item: &str, doc: &Value, path: &str, rule: &str) -> Option<bool> {
    match rule {
        "required" | "length" | "charset" | "const" | "enum" | "unknown_field" => Some(true),
        // A top-level value that is not an object; a duplicate key depends on which occurrence
        // the JSON parser keeps.
        "syntax" if path.is_empty() => Some(!doc.is_object()),
        "syntax" => None,
        "type" => match (field_at(module, item, path), doc.pointer(path)) {
            // A whole-valued float in `i64`'s range (`1.0`) is a JSON Schema integer; a larger
            // integer fails `maximum`.
            (Some((_, Type::Integer)), Some(Value::Number(n))) if n.is_f64() => {
                let whole = n
                    .as_f64()
                    .is_some_and(|f| f.fract() == 0.0 && f.abs() < 9.2e18);
                Some(!whole)
            }
            _ => Some(true),
        },
        "format" => match field_at(module, item, path).and_then(|(field, _)| field.format) {
            Some(format) if exact(&format) => Some(true),
            _ => None,
        },
        // Only decimal strings have a range, and their pattern holds it.
        "range" => Some(true),
        _ => None,
    }
}

#[test]
fn samples_agree_with_the_export() {
    let messages = repo().join("examples/messages");
    let samples = files_under(&messages, "json");
    let (mut valid, mut rejected, mut accepted) = (0, 0, 0);
    for path in &samples {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".expected.json") {
            continue;
        }
        // <vendor>/<schema>/<Item>/<sample>.json
        let relative = path.strip_prefix(&messages).unwrap();
        let parts: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let [vendor, schema_name, item, _] = parts.as_slice() else {
            panic!("unexpected sample path {}", relative.display());
        };
        let schema_path = repo()
            .join("schemas")
            .join(vendor)
            .join(format!("{schema_name}.md"));
        let schema = Schema::load(&schema_path).unwrap();
        let bytes = std::fs::read(path).unwrap();
        let doc: Option<Value> = serde_json::from_slice(&bytes).ok();

        if name.starts_with("valid-") {
            let export = schema.to_json_schema(Some(item)).unwrap();
            let doc = doc.unwrap_or_else(|| panic!("{}: malformed", path.display()));
            for formats in [false, true] {
                let v = validator(&export, formats);
                let errors: Vec<String> = v.iter_errors(&doc).map(|e| e.to_string()).collect();
                assert!(
                    errors.is_empty(),
                    "{}: valid sample rejected (formats {formats}): {errors:?}",
                    path.display()
                );
            }
            valid += 1;
            continue;
        }

        let expected_path = path.with_file_name(name.replace(".json", ".expected.json"));
        let expected: Value =
            serde_json::from_slice(&std::fs::read(&expected_path).unwrap()).unwrap();
        let deny = expected["deny_unknown"].as_bool().unwrap_or(false);
        let violations = expected["violations"].as_array().unwrap();
        let export = schema
            .json_schema(Some(item), JsonSchemaOptions::new().deny_unknown(deny))
            .unwrap()
            .to_value();
        let Some(doc) = &doc else {
            continue; // malformed JSON: nothing to give a JSON Schema validator
        };
        let seen: Vec<Option<bool>> = violations
            .iter()
            .map(|v| {
                expressible(
                    &schema.module,
                    item,
                    doc,
                    v["path"].as_str().unwrap(),
                    v["rule"].as_str().unwrap(),
                )
            })
            .collect();
        let must_reject = seen.contains(&Some(true));
        let must_accept = seen.iter().all(|&s| s == Some(false));
        for formats in [false, true] {
            let verdict = validator(&export, formats).is_valid(doc);
            assert!(
                !must_reject || !verdict,
                "{}: expressible violations {violations:?} but valid (formats {formats})",
                path.display()
            );
            assert!(
                !must_accept || verdict,
                "{}: only inexpressible violations {violations:?} but invalid (formats {formats})",
                path.display()
            );
        }
        if must_reject {
            rejected += 1;
        } else if must_accept {
            accepted += 1;
        }
    }
    assert!(valid >= 30, "{valid} valid samples");
    assert!(rejected >= 100, "{rejected} rejected invalid samples");
    eprintln!("{valid} valid, {rejected} invalid rejected, {accepted} inexpressible accepted");
}

// -------------------------------------------------------------------------------------------
// The format patterns, value by value.

const FORMATS: &str = "\
## message Formats

| Identifier | Type   | Request | Format |
|------------|--------|---------|--------|
| localTime  | String | O       | YYYYMMDDHHMISS |
| offset     | String | O       | GMT±hh:mm |
| timestamp  | String | O       | ISO 8601 |
| currency   | String | O       | ISO 4217 |
| numeric    | String | O       | ISO 4217 numeric |
| minor      | String | O       | minor units |
| ratio      | String | O       | decimal 0..1 scale 2 |
| dec2       | String | O       | decimal -5..10 scale 1 |
| dec3       | String | O       | decimal 0..100 scale 0 |
| dec4       | String | O       | decimal 17..12345 scale 3 |
| dec5       | String | O       | decimal -120..-7 scale 2 |
| dec6       | String | O       | decimal -9223372036854775808..9223372036854775807 scale 18 |
| url        | String | O       | URL |
| image      | String | O       | base64 image 1 KB jpeg png |
| json       | String | O       | JSON |
| mobile     | String | O       | mobile |
| pan        | String | O       | PAN |
| luhn       | String | O       | PAN luhn |
";

fn values() -> Vec<String> {
    let mut out = Vec::new();
    let years = [
        "0000", "0001", "0004", "0100", "0400", "1900", "1996", "2000", "2023", "2024", "2100",
        "9996", "9999",
    ];
    for year in years {
        for month in 0..=13 {
            for day in [0, 1, 9, 10, 19, 20, 28, 29, 30, 31, 32] {
                for time in ["000000", "235959"] {
                    out.push(format!("{year}{month:02}{day:02}{time}"));
                }
                out.push(format!("{year}-{month:02}-{day:02}T12:00:00Z"));
            }
        }
    }
    for time in ["240000", "236000", "235960", "99", "2359590"] {
        out.push(format!("20240229{time}"));
    }
    for t in [
        "T00:00:00Z",
        "T23:59:59.123456789+23:59",
        "T23:59:59.1234567890Z",
        "T24:00:00Z",
        "T12:60:00Z",
        "T12:00:60Z",
        "T12:00:00+24:00",
        "T12:00:00-00:60",
        "T12:00:00",
        "T12:00:00z",
        "t12:00:00Z",
        "T12:00:00.Z",
        "T12:00:00+0800",
        " 12:00:00Z",
        "T12:00:00.5-05:30",
    ] {
        out.push(format!("2024-02-29{t}"));
    }
    let ints = (0..=25)
        .chain(95..=130)
        .chain(990..=1010)
        .chain(12340..=12350)
        .chain([99999, 100000, 9223372036854775807, 9223372036854775808])
        .map(|i: u64| i.to_string())
        .chain(
            [
                "00",
                "01",
                "007",
                "18446744073709551616",
                "123456789012345678901",
            ]
            .map(String::from),
        );
    for int in ints {
        for fraction in [
            "", ".0", ".00", ".000", ".0000", ".5", ".05", ".001", ".9", ".99", ".",
        ] {
            out.push(format!("{int}{fraction}"));
            out.push(format!("-{int}{fraction}"));
        }
    }
    for sign in ['+', '-', ' '] {
        for hours in 0..=15 {
            for minutes in [0, 1, 30, 59, 60] {
                out.push(format!("GMT{sign}{hours:02}:{minutes:02}"));
            }
        }
    }
    out.extend(["gmt+08:00", "GMT+8:00", "GMT+08:00 ", "UTC+08:00"].map(String::from));
    for v in [
        "USD",
        "usd",
        "XXX",
        "ABC",
        "US",
        "USDD",
        "840",
        "156",
        "000",
        "999",
        "84",
        "8400",
        "1",
        "100",
        "0",
        "01",
        "9999999999999999",
        "10000000000000000",
        "1.5",
        "-1",
        "0.88",
        "1",
        "1.00",
        "1.01",
        "0.885",
        "-0",
        "-0.00",
        "-0.01",
        "00.5",
        ".5",
        "0.",
        "+1",
        "1e2",
        "2",
    ] {
        out.push(v.to_owned());
    }
    for v in [
        "https://example.com",
        "http://example.com/",
        "HTTPS://Example.COM/a/b?c=d&e=%2F#frag",
        "https://www.isv.host:8443/isv/provided/path/for/benefit/sync/notify",
        "https://example.com:65535/",
        "https://example.com:65536/",
        "https://example.com:99999/",
        "https://example.com:/",
        "https://example.com:123456/",
        "http://127.0.0.1/x",
        "http://[::1]:80/x",
        "http://[]/x",
        "http://[::1]x/",
        "https://a.b-c.d/~user/file.png",
        "https://example.com?q",
        "https://example.com#f",
        "example.com",
        "ftp://example.com",
        "https://",
        "https://user@example.com/",
        "https://-a.com/",
        "https://a-.com/",
        "https://a..com/",
        "https://a.com./",
        "https://a.com/a b",
        "https://a.com/%zz",
        "https://a.com/%2",
        "https://a.com/{x}",
        "https://a.com/é",
        "https://exa_mple.com/",
        "https://a.com/\"",
        "https://a.com/|",
    ] {
        out.push(v.to_owned());
    }
    out.push(format!("https://{}.com/", "a".repeat(63)));
    out.push(format!("https://{}.com/", "a".repeat(64)));
    for v in [
        "+86-13800000000",
        "+1-2025550123",
        "+852-91234567",
        "+1-1234",
        "+123-123456789012",
        "+123-1234567890123",
        "+1-12345678901234",
        "+1-123456789012345",
        "+12-1234567890123",
        "+12-12345678901234",
        "+086-1380000",
        "+1234-5678901",
        "+86-123",
        "86-13800000000",
        "+86-138 0000 0000",
        "+8６-13800000000",
    ] {
        out.push(v.to_owned());
    }
    for v in [
        "6214835920672688",
        "4111111111111111",
        "4111111111111112",
        "123456789012",
        "12345678901",
        "1234567890123456789",
        "12345678901234567890",
        "621483592067268x",
        r#"{"k":"v"}"#,
        "{k:v}",
        "[1,2]",
        "null",
        "iVBORw0KGgo=",
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
        "data:image/png;base64,iVBORw0KGgo=",
        "data:image/jpeg;base64,iVBORw0KGgo=",
        "/9j/4A==",
        "data:image/jpg;base64,/9j/4A==",
        "not base64!",
        "",
        "１",
    ] {
        out.push(v.to_owned());
    }
    out
}

#[test]
fn format_patterns_agree_with_the_runtime() {
    let schema = Schema::parse("formats.md", FORMATS).unwrap();
    let export = schema.to_json_schema(Some("Formats")).unwrap();
    let ItemKind::Message(object) = &schema.module.item("Formats").unwrap().kind else {
        panic!("a message");
    };
    let values = values();
    for field in &object.fields {
        let format = field.format.expect("every field has a format");
        // The property with the export's `$defs` (the currency tables).
        let mut property = export["$defs"]["Formats"]["properties"][&field.ident].clone();
        property["$defs"] = export["$defs"].clone();
        let property = &property;
        for formats in [false, true] {
            let v = validator(property, formats);
            for value in &values {
                let runtime = format.check(value).is_ok();
                let exported = v.is_valid(&Value::String(value.clone()));
                if runtime {
                    assert!(exported, "{format:?}: `{value}` rejected by the export");
                } else if exact(&format) && !formats {
                    assert!(!exported, "{format:?}: `{value}` accepted by the export");
                }
            }
        }
        assert!(
            v_accepts_null(property),
            "{format:?}: null counts as absent"
        );
    }
}

fn v_accepts_null(property: &Value) -> bool {
    validator(property, true).is_valid(&Value::Null)
}

// -------------------------------------------------------------------------------------------
// Mutated documents: the dynamic validator's verdict against the export's.

/// Every document one mutation away from `doc`: each member removed, each value (members and
/// array elements, at every depth) replaced by a value of another kind, an unknown member added
/// to each object.
fn mutations(doc: &Value) -> Vec<Value> {
    let replacements = [
        Value::Null,
        json!(""),
        json!("x"),
        json!("1"),
        json!(7),
        json!(1.5),
        json!(true),
        json!([]),
        json!({}),
        json!("A".repeat(600)),
        json!("é"),
    ];
    let mut out = Vec::new();
    let mut pointers = Vec::new();
    collect_pointers(doc, String::new(), &mut pointers);
    for pointer in &pointers {
        for replacement in &replacements {
            let mut copy = doc.clone();
            if let Some(slot) = copy.pointer_mut(pointer) {
                *slot = replacement.clone();
                out.push(copy);
            }
        }
        // Removal of an object member.
        if let Some((parent, key)) = pointer.rsplit_once('/') {
            let mut copy = doc.clone();
            if let Some(Value::Object(members)) = copy.pointer_mut(parent)
                && members.remove(key).is_some()
            {
                out.push(copy);
            }
        }
    }
    for pointer in std::iter::once(String::new()).chain(pointers) {
        let mut copy = doc.clone();
        if let Some(Value::Object(members)) = copy.pointer_mut(&pointer) {
            members.insert("unknownMember".into(), json!(1));
            out.push(copy);
        }
    }
    out
}

fn collect_pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(members) => {
            for (key, member) in members {
                let pointer = format!("{at}/{key}");
                out.push(pointer.clone());
                collect_pointers(member, pointer, out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let pointer = format!("{at}/{i}");
                out.push(pointer.clone());
                collect_pointers(item, pointer, out);
            }
        }
        _ => {}
    }
}

/// A valid `Request` of the edge-case schema (`tests/schemas/edge_cases.md`): every type,
/// open and closed enums, conditions, nested arrays, denied unknown fields.
fn edge_case_request() -> Value {
    json!({
        "procType": "41",
        "localTime": "20240229123000",
        "timeZone": "GMT+08:00",
        "cardNo": "6214835920672688",
        "mobile": "+86-13800000000",
        "sentAt": "2019-11-27T12:01:01.25+08:30",
        "result": "S",
        "items": [
            {"type": "REDUCE_BY", "self": {"currency": "USD", "value": "100"}},
            {"type": "RATIO", "ratio": "0.5", "count": 3, "flag": true,
             "tags": ["AB", ""], "grid": [["1", "2"], []]},
            {"type": "41", "ratio": "1", "match": "S"},
            {"type": "SOMETHING_ELSE"}
        ],
        "note": "12345"
    })
}

#[test]
fn mutated_documents_agree_with_the_dynamic_validator() {
    let mut bases: Vec<(PathBuf, String, Value)> = vec![(
        repo().join("tests/schemas/edge_cases.md"),
        "Request".into(),
        edge_case_request(),
    )];
    let messages = repo().join("examples/messages");
    for path in files_under(&messages, "json") {
        let relative = path.strip_prefix(&messages).unwrap().to_path_buf();
        let parts: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if let [vendor, schema, item, name] = parts.as_slice()
            && name.starts_with("valid-")
        {
            let doc = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
            let schema = repo()
                .join("schemas")
                .join(vendor)
                .join(format!("{schema}.md"));
            bases.push((schema, item.clone(), doc));
        }
    }
    let (mut cases, mut rejected, mut accepted) = (0, 0, 0);
    for (schema_path, item, base) in &bases {
        let schema = Schema::load(schema_path).unwrap();
        for deny in [false, true] {
            let export = schema
                .json_schema(Some(item), JsonSchemaOptions::new().deny_unknown(deny))
                .unwrap()
                .to_value();
            let validators = [validator(&export, false), validator(&export, true)];
            let bytes = serde_json::to_vec(base).unwrap();
            let base_ok = fieldtab_codegen::dynamic::Validator::new(&schema.module, item)
                .expect("a message of the schema")
                .validate(&bytes, deny)
                .is_ok();
            // A valid sample may carry a member the schema does not name.
            assert!(
                base_ok || deny,
                "{}: {item}: the base document is invalid",
                schema_path.display()
            );
            if !base_ok {
                continue;
            }
            for doc in mutations(base) {
                let bytes = serde_json::to_vec(&doc).unwrap();
                let report = fieldtab_codegen::dynamic::Validator::new(&schema.module, item)
                    .expect("a message of the schema")
                    .validate(&bytes, deny)
                    .err();
                let seen: Vec<Option<bool>> = report
                    .iter()
                    .flat_map(|r| r.iter())
                    .map(|v| expressible(&schema.module, item, &doc, &v.path, v.rule.as_str()))
                    .collect();
                let must_reject = seen.contains(&Some(true));
                let must_accept = seen.iter().all(|&s| s == Some(false));
                for v in &validators {
                    let verdict = v.is_valid(&doc);
                    assert!(
                        !must_reject || !verdict,
                        "{item}: JSON Schema accepts {doc} but fieldtab reports {}",
                        report.as_ref().map(|r| r.to_string()).unwrap_or_default()
                    );
                    assert!(
                        !must_accept || verdict,
                        "{item}: JSON Schema rejects {doc}; fieldtab reports {}",
                        report.as_ref().map(|r| r.to_string()).unwrap_or_default()
                    );
                }
                cases += 1;
                if must_reject {
                    rejected += 1;
                } else if must_accept {
                    accepted += 1;
                }
            }
        }
    }
    eprintln!(
        "{cases} mutated documents: {rejected} rejected by both, {accepted} accepted by both"
    );
    assert!(cases >= 1000, "{cases}");
}

#[test]
fn the_edge_case_schema_exports_to_its_snapshot() {
    // Every type, open and closed enums, conditions on enums and strings, nested arrays,
    // sensitive and fixed fields, denied unknown fields.
    let schema = Schema::load(repo().join("tests/schemas/edge_cases.md")).unwrap();
    let text = schema.to_json_schema_pretty(None).unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    assert!(jsonschema::meta::is_valid(&value));
    insta::assert_snapshot!("tests__edge_cases", text);
}

#[test]
fn currency_tables_are_the_runtimes() {
    let schema = Schema::parse("formats.md", FORMATS).unwrap();
    let export = schema.to_json_schema(Some("Formats")).unwrap();
    let properties = &export["$defs"]["Formats"]["properties"];
    for (ident, format) in [
        ("currency", Format::CurrencyAlpha),
        ("numeric", Format::CurrencyNumeric),
    ] {
        let mut property = properties[ident].clone();
        property["$defs"] = export["$defs"].clone();
        let v = validator(&property, false);
        let mut candidates: Vec<String> = (0..1000).map(|n| format!("{n:03}")).collect();
        for a in 'A'..='Z' {
            for b in 'A'..='Z' {
                for c in ['A', 'D', 'R', 'S', 'X', 'Z', 'a'] {
                    candidates.push(format!("{a}{b}{c}"));
                }
            }
        }
        let mut accepted = 0;
        for code in &candidates {
            let runtime = format.check(code).is_ok();
            assert_eq!(v.is_valid(&json!(code)), runtime, "{format:?} {code}");
            accepted += usize::from(runtime);
        }
        assert!(accepted > 50, "{format:?}: {accepted} codes");
    }
}
