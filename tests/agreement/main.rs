//! The dynamic validator (`fieldtab_codegen::dynamic`, which interprets the schema) and the
//! generated code (`include_schema!` + `fieldtab::from_json`) agree: on generated valid messages
//! of every shipped message and struct, and on their mutations (fields removed, `null`, wrong
//! JSON types, empty and random strings, enum values that flip conditions, unknown,
//! misspelled and duplicate keys, malformed documents), both give the same verdict and the same ordered
//! (path, rule, message) list, with and without the caller's `deny_unknown`. `fieldtab::validate_json`
//! (no value built) gives that list too, and a decoded value passes its own `validate()`.
//!
//! Inputs come from a small seeded generator driven by the checked model, so every field of
//! every schema is exercised without a hand-written strategy per message; proptest supplies the
//! seeds and the mutation plans. Cases: `AGREEMENT_CASES` per item (default 1000, 39 items:
//! 39,000 in the normal run; about 30 s in debug).
//!
//! `generate.rs` makes the valid documents, `mutate.rs` breaks them, `assert.rs` compares the
//! verdicts; `json.rs` is the document tree they share.

mod assert;
mod collections;
mod conditions;
mod formats;
mod generate;
mod groups;
mod json;
mod mutate;
mod numbers;
mod sampled;
mod scanner;
mod strings;

#[path = "../common/mod.rs"]
mod common;
#[macro_use]
#[path = "../common/shipped_items.rs"]
mod shipped_items;

use fieldtab_codegen::Generate;
use fieldtab_codegen::Schema;
use fieldtab_codegen::dynamic::Validator;
use fieldtab_codegen::model::Module;

use assert::{Case, agree_on, expect_cases, generated_triples, pairs};
use common::{
    alipayplus_benefit, alipayplus_connect_benefit_apis, alipayplus_payment_apis,
    upi_enrollment_registration, upi_instant_discount_budget_progress_query,
    upi_instant_discount_usage_query,
};

macro_rules! cases {
    ($($schema:literal => $module:ident :: [$($item:ident),* $(,)?]),* $(,)?) => {
        &[$($(Case {
            schema: $schema,
            item: stringify!($item),
            generated: generated_triples::<$module::$item>,
            scanned: fieldtab::__private::__decode::scan_verdict::<$module::$item>,
        },)*)*]
    };
}

const CASES: &[Case] = shipped_items!(cases);

/// The checked model of a schema of the repository.
fn load(schema: &str) -> Module {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(schema);
    Schema::load(&path).unwrap_or_else(|d| panic!("{d}")).module
}

#[test]
fn dynamic_validator_and_generated_code_agree_on_every_shipped_item() {
    // `AGREEMENT_ITEM=Name` runs one item only (to reproduce a failure).
    let only = std::env::var("AGREEMENT_ITEM").ok();
    for case in CASES {
        if only.as_deref().is_none_or(|name| name == case.item) {
            agree_on(case);
        }
    }
}

/// The samples of `examples/messages/` through the generated code: the same (path, rule) lists
/// as their `*.expected.json` (the dynamic validator is held to them in cli/tests/samples.rs).
#[test]
fn generated_code_gives_every_sample_its_expected_violations() {
    let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/messages");
    let mut checked = 0;
    for case in CASES {
        let (vendor_schema, _) = case
            .schema
            .trim_start_matches("schemas/")
            .split_once(".md")
            .unwrap();
        let dir = base.join(vendor_schema).join(case.item);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .filter(|p| {
                let name = p.file_name().unwrap().to_string_lossy();
                name.ends_with(".json") && !name.ends_with(".expected.json")
            })
            .collect();
        files.sort();
        for file in files {
            let sidecar = file.with_extension("expected.json");
            let (deny, expected): (bool, Vec<(String, String)>) = if sidecar.exists() {
                let v: serde_json::Value =
                    serde_json::from_str(&std::fs::read_to_string(&sidecar).unwrap()).unwrap();
                let list = v["violations"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| {
                        (
                            x["path"].as_str().unwrap().into(),
                            x["rule"].as_str().unwrap().into(),
                        )
                    })
                    .collect();
                (v["deny_unknown"].as_bool().unwrap(), list)
            } else {
                (false, vec![])
            };
            let bytes = std::fs::read(&file).unwrap();
            let got: Vec<(String, String)> = (case.generated)(&bytes, deny)
                .into_iter()
                .map(|(p, r, _)| (p, r.to_string()))
                .collect();
            assert_eq!(got, expected, "{}", file.display());
            checked += 1;
        }
    }
    assert!(checked >= 15 * 13, "{checked} samples");
}

// ------------------------------------------------------------------ fixed values of enum fields

mod fixed_enum {
    fieldtab::include_schema!("tests/schemas/fixed_enum.md");
}

/// A fixed value on an enum field is the `const` rule, checked before `enum` (docs/SEMANTICS.md
/// §2.4), in generated decoding (`from_json`, `validate_json`), generated `validate()`, the
/// dynamic validator and the JSON Schema export alike.
#[test]
fn a_fixed_value_on_an_enum_field_is_const_before_enum() {
    const SCHEMA: &str = "tests/schemas/fixed_enum.md";
    let module = load(SCHEMA);
    let validator = Validator::new(&module, "Reply").unwrap_or_else(|e| panic!("{e}"));
    let cases: &[(&str, &[(&str, &'static str)])] = &[
        (r#"{"status":"S","maybe":"F","statuses":["S","F"]}"#, &[]),
        (r#"{"status":"F"}"#, &[("/status", "const")]),
        (
            r#"{"status":"Q","maybe":"S"}"#,
            &[
                ("/status", "const"),
                ("/status", "enum"),
                ("/maybe", "const"),
            ],
        ),
        (r#"{"status":""}"#, &[("/status", "required")]),
        (
            r#"{"status":"S","maybe":""}"#,
            &[("/maybe", "const"), ("/maybe", "enum")],
        ),
        (
            r#"{"status":"S","statuses":["Q","S"]}"#,
            &[("/statuses/0", "enum")],
        ),
    ];
    expect_cases::<fixed_enum::Reply>(&validator, cases);

    // A value built in Rust holds a listed value; its fixed value is still checked.
    let reply = fixed_enum::Reply {
        status: fixed_enum::Status::F,
        maybe: Some(fixed_enum::Status::S),
        statuses: None,
    };
    assert_eq!(
        pairs(fieldtab::Validate::validate(&reply)),
        [
            ("/status".to_string(), "const"),
            ("/maybe".to_string(), "const")
        ]
    );

    // The JSON Schema export says `const` next to the enum's `$ref`.
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SCHEMA);
    let schema = Schema::load(&path).unwrap_or_else(|d| panic!("{d}"));
    let json = schema
        .to_json_schema(Some("Reply"))
        .unwrap_or_else(|e| panic!("{e}"));
    let properties = &json["$defs"]["Reply"]["properties"];
    assert_eq!(properties["status"]["const"], "S");
    assert_eq!(properties["status"]["$ref"], "#/$defs/Status");
    let maybe = properties["maybe"].to_string();
    assert!(maybe.contains(r#""const":"F""#), "{maybe}");
}
