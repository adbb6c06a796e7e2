//! Numbers (`Integer`, `Number`, ranges, scales) and the JSON kinds a field accepts besides its
//! own, through generated code and the dynamic validator: the same verdicts on generated
//! messages and their mutations, and on chosen values (docs/SEMANTICS.md §2.8, §2.9).

use fieldtab_codegen::dynamic::Validator;

use crate::assert::{Case, agree_on, expect_cases, generated_triples};
use crate::load;

mod quote {
    fieldtab::include_schema!("tests/schemas/numbers.md");
}

const SCHEMA: &str = "tests/schemas/numbers.md";

#[test]
fn generated_code_and_the_dynamic_validator_agree_on_numbers() {
    agree_on(&Case {
        schema: SCHEMA,
        item: "Quote",
        generated: generated_triples::<quote::Quote>,
        scanned: fieldtab::__private::__decode::scan_verdict::<quote::Quote>,
    });

    let module = load(SCHEMA);
    let validator = Validator::new(&module, "Quote").unwrap_or_else(|e| panic!("{e}"));
    let cases: &[(&str, &[(&str, &'static str)])] = &[
        (
            r#"{"quantity":1,"offset":-720,"price":0.01,"ratios":[0,1,0.1234],"big":-9223372036854775808}"#,
            &[],
        ),
        (
            r#"{"quantity":"3","price":99999999.990,"rate":1e300,"counts":[100,-5],"guaranteed":"false"}"#,
            &[],
        ),
        (
            r#"{"quantity":0,"offset":721,"price":0.001,"ratios":[1.00001,0.12345],"counts":[101]}"#,
            &[
                ("/offset", "range"),
                ("/quantity", "range"),
                ("/price", "range"),
                ("/ratios/0", "range"),
                ("/ratios/1", "range"),
                ("/counts/0", "range"),
            ],
        ),
        (
            r#"{"quantity":1.0,"offset":"5","rate":"1","big":9223372036854775808,"guaranteed":"yes"}"#,
            &[
                ("/offset", "type"),
                ("/quantity", "type"),
                ("/rate", "type"),
                ("/big", "range"),
                ("/guaranteed", "type"),
            ],
        ),
        // Numbers and Booleans in string fields that accept them, held to the string rules.
        (
            r#"{"quantity":1,"code":123456789,"digits":-12}"#,
            &[("/code", "length"), ("/digits", "charset")],
        ),
        (r#"{"quantity":1,"code":false,"digits":120}"#, &[]),
        // Conditions read accepted values as the field reads them.
        (
            r#"{"quantity":"20","guaranteed":"true","code":20}"#,
            &[
                ("/note", "required"),
                ("/flagged", "required"),
                ("/coded", "required"),
            ],
        ),
        // Numbers beyond f64 are numbers, judged at their field; the rest is checked too.
        (r#"{"quantity":1e400}"#, &[("/quantity", "type")]),
        (
            r#"{"quantity":1,"price":1e400,"rate":-1e999,"ratios":[1e-400],"big":1000000000000000000000,"code":1E400,"digits":1e400,"guaranteed":1e400}"#,
            &[
                ("/price", "range"),
                // 400 decimal places: beyond the scale of 4.
                ("/ratios/0", "range"),
                ("/big", "range"),
                ("/guaranteed", "type"),
                ("/digits", "charset"),
            ],
        ),
    ];
    expect_cases::<quote::Quote>(&validator, cases);
}
