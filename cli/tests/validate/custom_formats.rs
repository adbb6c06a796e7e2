//! Custom formats (`custom(NAME)`, `tests/schemas/custom_formats.md`) through the built binary:
//! `validate` cannot run their user functions, so it notes each value it did not check (text:
//! a `note[format]` line; JSON: an `unchecked` key) and exits by the rules it checked; `sample`
//! draws an Example cell's value or says which field it cannot draw; `json-schema` exports an
//! annotation; `diff` classes a change of custom format.

use super::{run, stderr, stdout};

const SCHEMA: &str = "tests/schemas/custom_formats.md";

const NOTE: &str = "not checked: `merchant-ref` is a custom format, whose function only \
                    generated code or `Validator::formats` can run";

#[test]
fn validate_notes_each_value_it_did_not_check_and_exits_by_the_rules_it_checked() {
    // Not in the format (`M-` and 8 digits), but no rule the CLI checks is broken.
    let valid = br#"{"merchant":{"ref":"nope","token":null},"orderRef":"M-00000001"}"#;
    let output = run(&["validate", SCHEMA, "--message", "Payment"], valid);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!(
            "note[format]: /merchant/ref: {NOTE}\nnote[format]: /orderRef: {NOTE}\n\
             <stdin>: valid Payment\n"
        )
    );

    // A rule it checks is broken: exit 1, the violation, then the notes.
    let invalid = br#"{"merchant":{"ref":"M-123456789"},"orderRef":"M-00000001"}"#;
    let output = run(&["validate", SCHEMA, "--message", "Payment"], invalid);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.starts_with("error[length]: /merchant/ref: must be at most 10 bytes long, not 11\n"),
        "{text}"
    );
    let notes: Vec<&str> = text.lines().filter(|l| l.starts_with("note[")).collect();
    assert_eq!(
        notes,
        [
            format!("note[format]: /merchant/ref: {NOTE}"),
            format!("note[format]: /orderRef: {NOTE}")
        ]
    );
    assert!(
        text.ends_with("<stdin>: invalid Payment: 1 violation\n"),
        "{text}"
    );
}

#[test]
fn validate_json_adds_an_unchecked_key_only_when_something_was_not_checked() {
    let json = br#"{"merchant":{"ref":"nope","token":"t"},"orderRef":"M-00000001","refs":["a"]}"#;
    let output = run(
        &[
            "validate",
            SCHEMA,
            "--message",
            "Payment",
            "--format",
            "json",
        ],
        json,
    );
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        "{\"file\":\"-\",\"valid\":true,\"violations\":[],\"unchecked\":[\
         {\"path\":\"/merchant/ref\",\"format\":\"merchant-ref\"},\
         {\"path\":\"/merchant/token\",\"format\":\"token\"},\
         {\"path\":\"/orderRef\",\"format\":\"merchant-ref\"},\
         {\"path\":\"/refs\",\"format\":\"merchant-ref\"}]}\n"
    );
    // A schema without custom formats: the keys of §9.4, exactly.
    let output = run(
        &[
            "validate",
            "schemas/alipayplus/benefit.md",
            "--message",
            "Amount",
            "--format",
            "json",
        ],
        br#"{"currency":"USD","value":"100"}"#,
    );
    assert_eq!(
        stdout(&output),
        "{\"file\":\"-\",\"valid\":true,\"violations\":[]}\n"
    );
}

#[test]
fn sample_draws_the_example_or_names_the_field_it_cannot_draw() {
    // `Merchant.ref` has an Example cell, `token` is optional: every draw is valid.
    let output = run(
        &["sample", SCHEMA, "--message", "Merchant", "--count", "8"],
        b"",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    for line in stdout(&output).lines() {
        let value: serde_json::Value = serde_json::from_str(line).expect("JSON");
        assert_eq!(value["ref"], "M-12345678", "{line}");
        assert!(
            value.get("token").is_none(),
            "no value of `token` is known: {line}"
        );
    }
    // `Payment.orderRef` is mandatory and has none: exit 1, the field named, no panic.
    let output = run(&["sample", SCHEMA, "--message", "Payment"], b"");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "");
    assert!(
        stderr(&output).contains(
            "/orderRef: format: the generator knows no value of the custom format \
             `merchant-ref`: give the field an Example cell"
        ),
        "{}",
        stderr(&output)
    );
}

#[test]
fn json_schema_exports_a_custom_format_as_an_annotation() {
    let output = run(&["json-schema", SCHEMA, "--message", "Merchant"], b"");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let schema: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let field = &schema["$defs"]["Merchant"]["properties"]["ref"];
    assert_eq!(field["format"], "merchant-ref");
    assert!(
        field["$comment"]
            .as_str()
            .is_some_and(|c| c.contains("not checked by JSON Schema validators")),
        "{field}"
    );
}

#[test]
fn diff_classes_a_change_of_custom_format() {
    let dir = std::env::temp_dir().join(format!("fieldtab-custom-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let table = |format: &str| {
        format!(
            "## message Pay\n\n| Identifier | Type | Length | Request | Format |\n\
             |---|---|---|---|---|\n| ref | ANS | 10 | M | {format} |\n"
        )
    };
    let write = |name: &str, format: &str| {
        let path = dir.join(name);
        std::fs::write(&path, table(format)).unwrap();
        path.display().to_string()
    };
    let none = write("none.md", "");
    let a = write("a.md", "custom(merchant-ref)");
    let b = write("b.md", "custom(merchant-ref2)");
    let url = write("url.md", "URL");
    let cases = [
        (&none, &a, "format `custom(merchant-ref)` added"),
        (&a, &none, "format `custom(merchant-ref)` removed"),
        (
            &a,
            &b,
            "format changed from `custom(merchant-ref)` to `custom(merchant-ref2)`",
        ),
        (
            &url,
            &a,
            "format changed from `URL` to `custom(merchant-ref)`",
        ),
    ];
    for (old, new, change) in cases {
        let output = run(&["diff", old, new], b"");
        let text = stdout(&output);
        assert!(text.contains(change), "{old} -> {new}: {text}");
        assert_eq!(output.status.code(), Some(1), "{text}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
