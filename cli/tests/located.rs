//! Violations located in the message (issue 15): under each violation, `fieldtab validate`
//! shows the file's line and column of the value (of the key of an unknown field or a repeated
//! key, of the object missing a field, of malformed input's fault) and the line with a caret;
//! `--format json` adds `"line"` and `"column"`. Snapshots of multi-line, single-line and
//! malformed messages, with violations inside an array and a missing field; sensitive values
//! never shown.

use std::path::PathBuf;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_fieldtab");
const SCHEMA: &str = "cli/tests/located/orders.md";

fn validate(message: &str, format: &str) -> (i32, String) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("cli/ has a parent")
        .to_path_buf();
    let out = Command::new(BIN)
        .args(["validate", SCHEMA, "--message", "Order", "--deny-unknown"])
        .args(["--format", format])
        .arg(format!("cli/tests/located/{message}.json"))
        .current_dir(root)
        .output()
        .expect("the binary runs");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        !text.contains("6214835920672688"),
        "a card number shown: {text}"
    );
    (out.status.code().expect("exited"), text)
}

#[test]
fn text_output_shows_each_violation_in_the_message() {
    for message in ["multi-line", "single-line", "malformed"] {
        let (code, text) = validate(message, "text");
        assert_eq!(code, 1);
        insta::assert_snapshot!(format!("located_text_{message}"), text);
    }
}

#[test]
fn json_output_adds_line_and_column() {
    for message in ["multi-line", "single-line", "malformed"] {
        let (code, text) = validate(message, "json");
        assert_eq!(code, 1);
        let value: serde_json::Value = serde_json::from_str(&text).expect("one JSON object");
        insta::assert_snapshot!(
            format!("located_json_{message}"),
            serde_json::to_string_pretty(&value["violations"]).expect("JSON")
        );
    }
}
