//! Arrays with a count, maps and free-form objects (docs/SEMANTICS.md §2.7) through generated
//! code and the dynamic validator: the same verdicts on generated messages, their mutations
//! and chosen values; a decoded map and free-form object as the Rust types say.

use fieldtab_codegen::dynamic::Validator;

use crate::assert::{Case, agree_on, expect_cases, generated_triples};
use crate::load;

mod generated {
    fieldtab::include_schema!("tests/schemas/collections.md");
}

const SCHEMA: &str = "tests/schemas/collections.md";

#[test]
fn generated_code_and_the_dynamic_validator_agree_on_collections() {
    agree_on(&Case {
        schema: SCHEMA,
        item: "Bag",
        generated: generated_triples::<generated::Bag>,
        scanned: fieldtab::__private::__decode::scan_verdict::<generated::Bag>,
    });

    let module = load(SCHEMA);
    let validator = Validator::new(&module, "Bag").unwrap_or_else(|e| panic!("{e}"));
    let cases: &[(&str, &[(&str, &'static str)])] = &[
        (r#"{"codes":{"a":["x1"]}}"#, &[]),
        // The count first, then the elements.
        (
            r#"{"codes":{"a":[]},"tags":["ab","C1","abcd"]}"#,
            &[
                ("/tags", "length"),
                ("/tags/1", "charset"),
                ("/tags/2", "length"),
            ],
        ),
        (r#"{"codes":{}}"#, &[("/codes", "length")]),
        (
            r#"{"codes":{"a":[],"b":[],"c":[],"d":["x!!"]}}"#,
            &[
                ("/codes", "length"),
                ("/codes/d/0", "length"),
                ("/codes/d/0", "charset"),
            ],
        ),
        // Only the outer array is counted.
        (r#"{"codes":{"a":[]},"grid":[[]]}"#, &[]),
        (r#"{"codes":{"a":[]},"grid":[]}"#, &[("/grid", "length")]),
        // Map keys are never unknown fields; a repeated one is a syntax violation.
        (
            r#"{"codes":{"a/b":[],"a/b":[]},"kinds":{"x":"A","y":"C"}}"#,
            &[("/codes/a~1b", "syntax"), ("/kinds/y", "enum")],
        ),
        // Free-form objects: only their kind.
        (
            r#"{"codes":{"a":[]},"raw":{"a":1,"a":[1.5e3]},"meta":{"m":{"x":{}},"n":[]}}"#,
            &[("/meta/n", "type")],
        ),
        (r#"{"codes":{"a":[]},"raw":"{}"}"#, &[("/raw", "type")]),
        // Structs inside maps and counted arrays: their own rules, `super.` the bag's.
        (
            r#"{"kind":"NOTED","codes":{"a":[]},"metas":{"k":{"loginId":"u1"}},"all":[]}"#,
            &[("/metas/k/note", "required"), ("/all", "length")],
        ),
        // A map's keys are never unknown fields, whether or not unknown fields are denied.
        (
            r#"{"codes":{"weird key":[]},"metas":{"x":{"loginId":"u1"}},"kinds":{"":"A"}}"#,
            &[],
        ),
    ];
    expect_cases::<generated::Bag>(&validator, cases);
}

#[test]
fn maps_and_free_form_objects_decode_to_their_rust_types() {
    let json = r#"{"codes":{"b":["x1"],"a":[]},"raw":{ "n" : 1.50 },"meta":{"k":{"deep":[null]}}}"#;
    let bag: generated::Bag = fieldtab::from_json(json.as_bytes()).unwrap();
    let keys: Vec<&String> = bag.codes.keys().collect();
    assert_eq!(keys, ["a", "b"]);
    assert_eq!(bag.raw.as_ref().unwrap().as_str(), r#"{ "n" : 1.50 }"#);
    assert_eq!(
        bag.meta.as_ref().unwrap()["k"].as_str(),
        r#"{"deep":[null]}"#
    );
    // Written back: the map in key order, the free-form text verbatim.
    let text = fieldtab::to_json(&bag).unwrap();
    assert!(
        text.contains(r#""codes":{"a":[],"b":["x1"]}"#) && text.contains(r#""raw":{ "n" : 1.50 }"#),
        "{text}"
    );
    // `validate()` on a value built in Rust holds the count too.
    let mut bag = bag;
    bag.codes.clear();
    let report = fieldtab::Validate::validate(&bag).unwrap_err();
    assert_eq!(report.violations()[0].path, "/codes");
    assert_eq!(
        report.violations()[0].message,
        "must have at least 1 entry, not 0"
    );
}
