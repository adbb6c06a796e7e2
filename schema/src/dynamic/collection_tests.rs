//! The dynamic validator on arrays with a count, maps and free-form objects, from a schema's
//! text (so the checker's reading of `items`, `Map<String, T>` and `Object` is exercised too).

use super::Validator;
use crate::Schema;

const SCHEMA: &str = r#"# Collections

## struct Meta

| Field   | Data type | Required | Length |
|---------|-----------|----------|--------|
| loginId | String    | Yes      | 8      |

## message Bag

| Field  | Data type                  | Required | Length | Format                | Description |
|--------|----------------------------|----------|--------|-----------------------|-------------|
| tags   | Array<String>              | No       | 1..3   | pattern "^[a-z]+$"    | Maximum size: 2 elements |
| grid   | Array<Array<AN>>           | No       | 2      | items 1..             | |
| meta   | Map<String, Object>        | No       |        | items ..2             | |
| metas  | Map<String, Meta>          | No       |        |                       | |
| codes  | Map<String, Array<AN>>     | No       | 2      | items 1..             | |
| raw    | Object                     | No       |        |                       | |
"#;

/// `(path, rule, message)` of every violation of `json` as `Bag`.
fn run(json: &str, deny: bool) -> Vec<(String, String, String)> {
    let schema = Schema::parse("bag.md", SCHEMA).unwrap();
    let validator = Validator::new(&schema.module, "Bag").unwrap();
    match validator.validate(json.as_bytes(), deny) {
        Ok(()) => Vec::new(),
        Err(report) => report
            .iter()
            .map(|v| (v.path.clone(), v.rule.to_string(), v.message.to_string()))
            .collect(),
    }
}

fn v(path: &str, rule: &str, message: &str) -> (String, String, String) {
    (path.into(), rule.into(), message.into())
}

#[test]
fn valid_collections_pass_even_when_unknown_fields_are_denied() {
    let json = r#"{"tags":["ab"],"grid":[["x1","y"],[]],"meta":{"a":{"any":[1,{"deep":null}]}},
        "metas":{"k":{"loginId":"u1"}},"codes":{"a/b":["x1"]},"raw":{"n":1.5,"n":2}}"#;
    assert_eq!(run(json, true), []);
}

#[test]
fn the_count_comes_before_the_elements_and_counts_only_the_outer_collection() {
    assert_eq!(
        run(r#"{"tags":["ab","C","toolong"]}"#, false),
        [
            v("/tags", "length", "must have at most 2 elements, not 3"),
            v("/tags/1", "pattern", "must match the pattern `^[a-z]+$`"),
            v(
                "/tags/2",
                "length",
                "must be at most 3 characters long, not 7"
            ),
        ]
    );
    // `items 1..` on the outer array; the inner empty array is not counted.
    assert_eq!(run(r#"{"grid":[[]]}"#, false), []);
    assert_eq!(
        run(r#"{"grid":[]}"#, false),
        [v("/grid", "length", "must have at least 1 element, not 0")]
    );
}

#[test]
fn maps_check_their_values_at_their_keys_and_count_distinct_keys() {
    assert_eq!(
        run(r#"{"meta":{"a":{},"b":[],"c":{}}}"#, false),
        [
            v("/meta", "length", "must have at most 2 entries, not 3"),
            v("/meta/b", "type", "expected an object, found an array"),
        ]
    );
    // A repeated key is a syntax violation where it occurs, and not an entry.
    assert_eq!(
        run(r#"{"meta":{"a":{},"a":1,"b":{}}}"#, false),
        [v(
            "/meta/a",
            "syntax",
            "duplicate key; the first occurrence is the one checked"
        )]
    );
    assert_eq!(
        run(r#"{"codes":{"a/b~":["x!"],"e":[]}}"#, false),
        [v(
            "/codes/a~1b~0/0",
            "charset",
            "must hold only letters, digits and space (AN); the character at byte 1 is not allowed"
        )]
    );
    assert_eq!(
        run(r#"{"codes":{}}"#, false),
        [v("/codes", "length", "must have at least 1 entry, not 0")]
    );
    // Objects inside a map are objects of their struct: their unknown keys are denied.
    assert_eq!(
        run(r#"{"metas":{"k":{"loginId":"u1","x":1},"j":{}}}"#, true),
        [
            v("/metas/k/x", "unknown_field", "unknown field"),
            v("/metas/j/loginId", "required", "is required"),
        ]
    );
}

#[test]
fn a_free_form_object_checks_its_kind_only() {
    assert_eq!(
        run(r#"{"raw":[],"meta":"x"}"#, false),
        [
            v("/meta", "type", "expected an object, found a string"),
            v("/raw", "type", "expected an object, found an array"),
        ]
    );
    assert_eq!(
        run(r#"{"meta":{"a":null}}"#, false),
        [v("/meta/a", "type", "expected an object, found null")]
    );
}

#[test]
fn maps_nest_as_deep_as_arrays_and_no_deeper() {
    let deep = |n: usize| {
        let ty = format!("{}String{}", "Map<String, ".repeat(n), ">".repeat(n));
        format!(
            "## message M\n\n| Field | Data type | Required |\n|---|---|---|\n| m | {ty} | No |\n"
        )
    };
    assert!(Schema::parse("deep.md", &deep(16)).is_ok());
    let error = Schema::parse("deep.md", &deep(40)).unwrap_err().to_string();
    assert!(
        error.contains("arrays and maps nested more than 16 deep"),
        "{error}"
    );
}
