//! Patterns and forbidden characters (docs/SEMANTICS.md §2.4) and inline enums through generated
//! code and the dynamic validator: the same verdicts on generated messages, their mutations and
//! chosen values; and each pattern compiled once per field, not per check.

use fieldtab::Pattern;
use fieldtab_codegen::dynamic::Validator;

use crate::assert::{Case, agree_on, expect_cases, generated_triples, triples};
use crate::load;

mod generated {
    fieldtab::include_schema!("tests/schemas/strings.md");
}

const SCHEMA: &str = "tests/schemas/strings.md";

#[test]
fn generated_code_and_the_dynamic_validator_agree_on_patterns_and_forbidden_sets() {
    agree_on(&Case {
        schema: SCHEMA,
        item: "Strings",
        generated: generated_triples::<generated::Strings>,
        scanned: fieldtab::__private::__decode::scan_verdict::<generated::Strings>,
    });

    let module = load(SCHEMA);
    let validator = Validator::new(&module, "Strings").unwrap_or_else(|e| panic!("{e}"));
    let cases: &[(&str, &[(&str, &'static str)])] = &[
        (
            r#"{"id":"a1","pair":"392/156","zip":"75001-1234","code":"100000","tags":["a"],"note":"x"}"#,
            &[],
        ),
        (r#"{"id":"a@1"}"#, &[("/id", "charset")]),
        (r#"{"id":"a1","pair":"392-156"}"#, &[("/pair", "pattern")]),
        // Unanchored: a match anywhere is enough; `^` anchors the start only.
        (r#"{"id":"a1","code":"1abc"}"#, &[("/code", "charset")]),
        (r#"{"id":"a1","code":"012345"}"#, &[("/code", "pattern")]),
        // The ISO class first; the forbidden set only when it held; the pattern still runs.
        (
            r#"{"id":"a1","zip":"7500é"}"#,
            &[("/zip", "charset"), ("/zip", "pattern")],
        ),
        (
            r#"{"id":"a1","zip":"750 1"}"#,
            &[("/zip", "charset"), ("/zip", "pattern")],
        ),
        (
            r#"{"id":"a1","zip":"75001-12345"}"#,
            &[("/zip", "length"), ("/zip", "pattern")],
        ),
        // Elements: each one, at its index; an empty element is a value.
        (
            r#"{"id":"a1","tags":["ok","box","","Up"]}"#,
            &[
                ("/tags/1", "charset"),
                ("/tags/2", "pattern"),
                ("/tags/3", "pattern"),
            ],
        ),
        (r#"{"id":"a1","note":"a\\b"}"#, &[("/note", "charset")]),
        (r#"{"id":"a1","note":"a`b"}"#, &[("/note", "charset")]),
        // An empty required value is `required` and nothing else.
        (r#"{"id":""}"#, &[("/id", "required")]),
        // Inline enums: closed, open with a fixed value, of array elements; conditions on them.
        (r#"{"id":"a1","channel":"POS"}"#, &[("/channel", "enum")]),
        (r#"{"id":"a1","channel":"WEB"}"#, &[("/site", "required")]),
        (
            r#"{"id":"a1","channel":"IN STORE","site":"a b"}"#,
            &[("/site", "charset")],
        ),
        (r#"{"id":"a1","channel":"APP","os":"IOS"}"#, &[]),
        (r#"{"id":"a1","os":"WINDOWS"}"#, &[("/os", "const")]),
        (
            r#"{"id":"a1","kinds":["A","C","B",""]}"#,
            &[("/kinds/1", "enum"), ("/kinds/3", "enum")],
        ),
    ];
    expect_cases::<generated::Strings>(&validator, cases);

    // The messages name the rule's characters and pattern, never the value.
    let report = validator
        .validate(br#"{"id":"secret#1","pair":"secret","code":"0sec"}"#, false)
        .unwrap_err();
    let messages: Vec<String> = report.iter().map(|v| v.to_string()).collect();
    assert_eq!(
        messages,
        [
            "/id: charset: must not contain `@`, `#` or `?`; found one at byte 6",
            "/pair: pattern: must match the pattern `^[0-9]{3}/[0-9]{3}$`",
            "/code: charset: must hold only digits (N); the character at byte 1 is not allowed",
            "/code: pattern: must match the pattern `^[1-9]`",
        ]
    );
    let bytes = br#"{"id":"secret#1","pair":"secret","code":"0sec"}"#;
    assert_eq!(
        triples(validator.validate(bytes, false)),
        generated_triples::<generated::Strings>(bytes, false)
    );

    // A value built in Rust is held to the same rules by `validate()`.
    let value = generated::Strings {
        id: "a?".into(),
        pair: Some("1/2".into()),
        zip: None,
        code: None,
        tags: Some(vec!["ok".into(), "x".into()]),
        note: None,
        // An inline enum is a Rust enum named after its item and field.
        channel: Some(generated::StringsChannel::InStore),
        os: Some(generated::StringsOs::Other("WINDOWS".into())),
        kinds: Some(vec![generated::StringsKinds::B]),
        site: None,
    };
    assert_eq!(
        crate::assert::pairs(fieldtab::Validate::validate(&value)),
        [
            ("/id".to_string(), "charset"),
            ("/pair".to_string(), "pattern"),
            ("/tags/1".to_string(), "charset"),
            ("/os".to_string(), "const"),
            ("/site".to_string(), "required"),
        ]
    );
    assert_eq!(generated::StringsChannel::InStore.as_str(), "IN STORE");
}

/// Only this test uses these generated types, so their patterns are compiled on its thread.
mod once {
    fieldtab::include_schema!("tests/schemas/strings.md");
}

/// Each pattern is compiled once per field per process: by generated code at its first use
/// (one `static` per field), by the dynamic validator when the schema is loaded; never per
/// check. The count is the calling thread's, so tests running beside this one do not disturb it.
#[test]
fn each_pattern_is_compiled_once() {
    const PATTERNS: usize = 4; // pair, zip, code, tags
    let valid = br#"{"id":"a1","pair":"392/156","zip":"75001","code":"1","tags":["a","b"]}"#;
    let invalid = br#"{"id":"a1","pair":"3","zip":"7","code":"0","tags":["A","B"]}"#;

    let start = Pattern::compiled_on_this_thread();
    for _ in 0..200 {
        assert!(fieldtab::from_json::<once::Strings>(valid).is_ok());
        assert!(fieldtab::validate_json::<once::Strings>(invalid).is_err());
        let value = fieldtab::from_json::<once::Strings>(valid).unwrap();
        assert!(fieldtab::Validate::is_valid(&value));
    }
    assert_eq!(Pattern::compiled_on_this_thread() - start, PATTERNS);

    let start = Pattern::compiled_on_this_thread();
    let module = load(SCHEMA);
    assert_eq!(
        Pattern::compiled_on_this_thread() - start,
        PATTERNS,
        "loading the schema compiles its patterns"
    );
    let validator = Validator::new(&module, "Strings").unwrap_or_else(|e| panic!("{e}"));
    for _ in 0..200 {
        assert!(validator.validate(valid, false).is_ok());
        assert!(validator.validate(invalid, false).is_err());
    }
    assert_eq!(
        Pattern::compiled_on_this_thread() - start,
        PATTERNS,
        "validating compiles nothing"
    );
}
