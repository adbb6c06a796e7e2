//! The closed formats (country codes, URIs, dates) through generated code and the dynamic
//! validator: the same verdicts on generated messages and their mutations, and on chosen values.

use fieldtab_codegen::dynamic::Validator;

use crate::assert::{Case, agree_on, expect_cases, generated_triples};
use crate::load;

mod closed {
    fieldtab::include_schema!("tests/schemas/closed_formats.md");
}

const SCHEMA: &str = "tests/schemas/closed_formats.md";

#[test]
fn generated_code_and_the_dynamic_validator_agree_on_closed_formats() {
    agree_on(&Case {
        schema: SCHEMA,
        item: "Closed",
        generated: generated_triples::<closed::Closed>,
    });

    let module = load(SCHEMA);
    let validator = Validator::new(&module, "Closed").unwrap_or_else(|e| panic!("{e}"));
    let cases: &[(&str, &[(&str, &'static str)])] = &[
        (r#"{"country":"CN","country3":"SSD","origin":"SS"}"#, &[]),
        (r#"{"country":"XK"}"#, &[("/country", "format")]),
        (
            r#"{"country":"CN","day":"2024-02-29","day8":"20000229","at":"23:59:59","at6":"000000"}"#,
            &[],
        ),
        (
            r#"{"country":"CN","day":"2023-02-29","day8":"19000229","at":"24:00:00","at6":"235960"}"#,
            &[
                ("/day", "format"),
                ("/day8", "format"),
                ("/at", "format"),
                ("/at6", "format"),
            ],
        ),
        (r#"{"country":"cn"}"#, &[("/country", "format")]),
        (
            r#"{"country":"CN","country3":"ANT","origin":"UK"}"#,
            &[("/country3", "format"), ("/origin", "format")],
        ),
    ];
    expect_cases::<closed::Closed>(&validator, cases);
}
