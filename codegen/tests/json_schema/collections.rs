//! Arrays with a count, maps and free-form objects in the export (`minItems`/`maxItems`,
//! `additionalProperties` of the value schema with `minProperties`/`maxProperties`, `"type":
//! "object"`): on chosen documents of `tests/schemas/collections.md`, the `jsonschema` crate's
//! verdict is the dynamic validator's, with and without the caller's `deny_unknown` (the
//! export itself is snapshotted by `main.rs`).

use fieldtab_codegen::dynamic::Validator;
use fieldtab_codegen::{Generate, JsonSchemaOptions, Schema};
use serde_json::Value;

use crate::{repo, validator};

/// Documents of `Bag`, valid or not: the verdicts must agree (a repeated key, which JSON
/// Schema cannot see, is left out).
const DOCUMENTS: &[&str] = &[
    r#"{"codes":{"a":["x1"]}}"#,
    r#"{"codes":{}}"#,
    r#"{"codes":{"a":[],"b":[],"c":[]}}"#,
    r#"{"codes":{"a":[],"b":[],"c":[],"d":[]}}"#,
    r#"{"codes":{"a":["x!!"]}}"#,
    r#"{"codes":{"a":[]},"tags":["ab"]}"#,
    r#"{"codes":{"a":[]},"tags":["ab","cd","ef"]}"#,
    r#"{"codes":{"a":[]},"tags":[]}"#,
    r#"{"codes":{"a":[]},"grid":[]}"#,
    r#"{"codes":{"a":[]},"grid":[[]]}"#,
    r#"{"codes":{"a":[]},"meta":{"x":{"any":[1.5,{"deep":null}]},"y":{}}}"#,
    r#"{"codes":{"a":[]},"meta":{"x":{},"y":{},"z":{}}}"#,
    r#"{"codes":{"a":[]},"meta":{"x":[]}}"#,
    r#"{"codes":{"a":[]},"metas":{"k":{"loginId":"u1"}}}"#,
    r#"{"codes":{"a":[]},"metas":{"k":{"loginId":"u1","extra":1}}}"#,
    r#"{"codes":{"a":[]},"metas":{"k":{}}}"#,
    r#"{"codes":{"a":[]},"kinds":{"x":"A","y":"C"}}"#,
    r#"{"codes":{"a":[]},"raw":{"a":1}}"#,
    r#"{"codes":{"a":[]},"raw":"{}"}"#,
    r#"{"codes":{"a":[]},"raw":null}"#,
    r#"{"codes":{"a":[]},"all":[]}"#,
    r#"{"kind":"NOTED","codes":{"a":[]},"metas":{"k":{"loginId":"u1"}}}"#,
    r#"{"kind":"NOTED","codes":{"a":[]},"metas":{"k":{"loginId":"u1","note":"n"}}}"#,
    r#"{"kind":"PLAIN","codes":{"a":[]},"metas":{"k":{"loginId":"u1"}}}"#,
    r#"{"codes":{"a":[]},"all":[{"loginId":"a"},{"loginId":"b"},{"loginId":"c"}]}"#,
];

#[test]
fn counts_maps_and_free_form_objects_get_the_dynamic_validators_verdict() {
    let schema = Schema::load(repo().join("tests/schemas/collections.md")).unwrap();
    let dynamic = Validator::new(&schema.module, "Bag").unwrap();
    for deny in [false, true] {
        let export = schema
            .json_schema(Some("Bag"), JsonSchemaOptions::new().deny_unknown(deny))
            .unwrap()
            .to_value();
        let json_schema = validator(&export, true);
        let (mut valid, mut invalid) = (0, 0);
        for doc in DOCUMENTS {
            let value: Value = serde_json::from_str(doc).unwrap();
            let report = dynamic.validate(doc.as_bytes(), deny);
            assert_eq!(
                json_schema.is_valid(&value),
                report.is_ok(),
                "deny {deny}: {doc}: {report:?}"
            );
            if report.is_ok() {
                valid += 1;
            } else {
                invalid += 1;
            }
        }
        assert!(
            valid >= 8 && invalid >= 10,
            "{valid} valid, {invalid} invalid"
        );
    }
}
