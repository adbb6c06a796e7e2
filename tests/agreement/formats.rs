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
        scanned: fieldtab::__private::__decode::scan_verdict::<closed::Closed>,
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
        (
            r#"{"country":"CN","redirect":"alipays://platformapi/startApp?appId=20000067&url=https%3A%2F%2Fa.b","link":"mailto:a@b.c"}"#,
            &[],
        ),
        (
            r#"{"country":"CN","redirect":"urn:isbn:0451450523","link":"ldap://[2001:db8::7]/c=GB?one"}"#,
            &[],
        ),
        // A relative reference, a bad escape, a non-ASCII character (outside ANS: the format is
        // skipped), a space, a bad IPv6 address.
        (
            r#"{"country":"CN","redirect":"//example.com/x","link":"https://a.b/%zz"}"#,
            &[("/redirect", "format"), ("/link", "format")],
        ),
        (
            r#"{"country":"CN","redirect":"https://a.b/é","link":"https://a.b/c d"}"#,
            &[("/redirect", "charset"), ("/link", "format")],
        ),
        (
            r#"{"country":"CN","link":"https://[1::2::3]/"}"#,
            &[("/link", "format")],
        ),
    ];
    expect_cases::<closed::Closed>(&validator, cases);
}
