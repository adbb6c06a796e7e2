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
//! The tests of the samples are in `samples.rs`, of the format patterns in `formats.rs`, of
//! mutated documents in `mutations.rs` (every single mutation) and `random_mutations.rs` (random
//! ones, at scale), of groups in `groups.rs`; the snapshot tests are here.
//!
//! Review and accept new snapshots with
//! `INSTA_UPDATE=always cargo test -p fieldtab-codegen --test json_schema`, then commit
//! `codegen/tests/snapshots/json_schema__*.snap`.

mod collections;
mod formats;
mod groups;
mod mutations;
mod numbers;
mod random_mutations;
mod samples;

use std::path::{Path, PathBuf};

use fieldtab_codegen::Generate;
use fieldtab_codegen::{JsonSchemaOptions, Schema};
use serde_json::{Value, json};

/// `insta::assert_snapshot!` with the snapshots in `codegen/tests/snapshots/`, beside those of
/// `expand.rs` (insta would look next to this file).
macro_rules! assert_export_snapshot {
    ($name:expr, $text:expr) => {
        insta::with_settings!({ snapshot_path => "../snapshots" }, {
            insta::assert_snapshot!($name, $text);
        })
    };
}

/// The repository root.
pub(crate) fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every file under `dir` with extension `ext`, except `README.md`, sorted.
pub(crate) fn files_under(dir: &Path, ext: &str) -> Vec<PathBuf> {
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

/// A draft 2020-12 validator of `schema`, checking `format` keywords when `formats`.
pub(crate) fn validator(schema: &Value, formats: bool) -> jsonschema::Validator {
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
        assert_export_snapshot!(name, text);
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
    assert_export_snapshot!("upi__enrollment_registration__request", text);

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

#[test]
fn patterns_and_forbidden_sets_export_as_patterns() {
    let schema = Schema::load(repo().join("tests/schemas/strings.md")).unwrap();
    let text = schema.to_json_schema_pretty(None).unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    assert!(jsonschema::meta::is_valid(&value));
    assert_export_snapshot!("tests__strings", text);
    // Value by value, the export's verdict is the runtime's.
    let export = validator(&schema.to_json_schema(Some("Strings")).unwrap(), true);
    let dynamic = fieldtab_codegen::dynamic::Validator::new(&schema.module, "Strings").unwrap();
    let values = [
        "",
        "a",
        "a@b",
        "#",
        "392/156",
        "392/1567",
        "x392/156",
        "75001",
        "75001-1234",
        "7500 1",
        "0",
        "1",
        "19",
        "red",
        "Red",
        "box",
        "a\\b",
        "a`b",
        "<",
        "é",
        "😀",
    ];
    let mut checked = 0;
    for field in ["id", "pair", "zip", "code", "tags", "note"] {
        for value in values {
            let member = if field == "tags" {
                json!([value])
            } else {
                json!(value)
            };
            let mut doc = json!({"id": "ok"});
            doc[field] = member;
            let bytes = serde_json::to_vec(&doc).unwrap();
            assert_eq!(
                export.is_valid(&doc),
                dynamic.validate(&bytes, false).is_ok(),
                "{doc}"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 6 * values.len());
}

#[test]
fn the_groups_and_variants_schema_exports_to_its_snapshot() {
    let schema = Schema::load(repo().join("tests/schemas/groups_and_variants.md")).unwrap();
    let text = schema.to_json_schema_pretty(None).unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    assert!(jsonschema::meta::is_valid(&value));
    assert_export_snapshot!("tests__groups_and_variants", text);
}

#[test]
fn the_edge_case_schema_exports_to_its_snapshot() {
    // Every type, open and closed enums, conditions on enums and strings, nested arrays,
    // sensitive and fixed fields, denied unknown fields.
    let schema = Schema::load(repo().join("tests/schemas/edge_cases.md")).unwrap();
    let text = schema.to_json_schema_pretty(None).unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    assert!(jsonschema::meta::is_valid(&value));
    assert_export_snapshot!("tests__edge_cases", text);
}

#[test]
fn the_conditions_schema_exports_to_its_snapshot() {
    // Conditions on paths into objects, Booleans, Integers, enums, with `!=`, `in`, `is
    // present`, `is absent`, `and`, `or`, `not`: `if` schemas of nested `properties`.
    let schema = Schema::load(repo().join("tests/schemas/conditions.md")).unwrap();
    let text = schema.to_json_schema_pretty(None).unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    assert!(jsonschema::meta::is_valid(&value));
    assert_export_snapshot!("tests__conditions", text);
}

#[test]
fn the_numbers_schema_exports_to_its_snapshot() {
    // Ranges, scales, accepted kinds.
    let schema = Schema::load(repo().join("tests/schemas/numbers.md")).unwrap();
    let text = schema.to_json_schema_pretty(None).unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    assert!(jsonschema::meta::is_valid(&value));
    assert_export_snapshot!("tests__numbers", text);
}

#[test]
fn the_collections_schema_exports_to_its_snapshot() {
    // Counted arrays, maps of objects, strings, arrays and enums, free-form objects.
    let schema = Schema::load(repo().join("tests/schemas/collections.md")).unwrap();
    let text = schema.to_json_schema_pretty(None).unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    assert!(jsonschema::meta::is_valid(&value));
    assert_export_snapshot!("tests__collections", text);
}
