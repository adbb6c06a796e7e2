//! `fieldtab diff` through the built binary: exit 0 when nothing breaks, 1 when something
//! does, 2 on a bad schema or argument; text lines start with `breaking:` or `compatible:`;
//! `--format json` is one object `{"changes":[{"item","path","change","class"}]}`. The
//! fixtures are the library's (`schema/tests/diff/`), whose snapshots hold every line.

use std::path::PathBuf;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_fieldtab");
const OLD: &str = "schema/tests/diff/payments/old/pay.md";
const NEW: &str = "schema/tests/diff/payments/new/pay.md";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("cli/ has a parent")
        .to_path_buf()
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(root())
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 stdout")
}

#[test]
fn breaking_changes_exit_1_with_lines_starting_with_their_class() {
    let output = run(&["diff", OLD, NEW]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.lines().count() > 10, "{text}");
    assert!(
        text.lines()
            .all(|l| l.starts_with("breaking: ") || l.starts_with("compatible: ")),
        "{text}"
    );
    assert!(
        text.contains("breaking: PayRequest /merchantId: new mandatory field (breaks senders)\n")
    );
    assert!(text.contains("compatible: CancelRequest: message added\n"));
}

#[test]
fn compatible_or_no_changes_exit_0() {
    let compatible = run(&[
        "diff",
        "schema/tests/diff/compatible/old.md",
        "schema/tests/diff/compatible/new.md",
    ]);
    assert_eq!(compatible.status.code(), Some(0));
    let text = stdout(&compatible);
    assert!(
        !text.is_empty() && text.lines().all(|l| l.starts_with("compatible: ")),
        "{text}"
    );
    let same = run(&["diff", NEW, NEW]);
    assert_eq!(same.status.code(), Some(0));
    assert_eq!(stdout(&same), "");
    let json = run(&["diff", NEW, NEW, "--format", "json"]);
    assert_eq!(json.status.code(), Some(0));
    assert_eq!(stdout(&json), "{\"changes\":[]}\n");
}

#[test]
fn json_is_one_object_with_the_fixed_keys() {
    let output = run(&["diff", OLD, NEW, "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert_eq!(text.lines().count(), 1);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let changes = value["changes"].as_array().unwrap();
    let text_lines = stdout(&run(&["diff", OLD, NEW]));
    assert_eq!(changes.len(), text_lines.lines().count());
    for (change, line) in changes.iter().zip(text_lines.lines()) {
        let keys: Vec<&String> = change.as_object().unwrap().keys().collect();
        assert_eq!(keys.len(), 4);
        let class = change["class"].as_str().unwrap();
        assert!(class == "breaking" || class == "compatible");
        assert!(line.starts_with(&format!("{class}: {}", change["item"].as_str().unwrap())));
        assert!(line.ends_with(change["change"].as_str().unwrap()));
        assert!(line.contains(change["path"].as_str().unwrap()));
    }
    // The keys in the contract's order.
    assert!(text.starts_with("{\"changes\":[{\"item\":"), "{text}");
    assert!(text.contains("\"path\":\"/merchantId\",\"change\":\"new mandatory field (breaks senders)\",\"class\":\"breaking\"}"));
}

#[test]
fn a_bad_schema_or_argument_is_exit_2() {
    let dir = std::env::temp_dir().join(format!("fieldtab-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.md");
    std::fs::write(
        &bad,
        "# Bad\n\n## message M\n\n| Identifier | Type | Request |\n|---|---|---|\n| a | AM | M |\n",
    )
    .unwrap();
    for args in [
        vec!["diff", OLD, bad.to_str().unwrap()],
        vec!["diff", bad.to_str().unwrap(), NEW],
        vec!["diff", OLD, "no/such/file.md"],
    ] {
        let output = run(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty());
        assert!(!output.stderr.is_empty());
    }
    std::fs::remove_dir_all(&dir).unwrap();
    let usage = run(&["diff", OLD]);
    assert_eq!(usage.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&usage.stderr).contains("Usage:"));
    let format = run(&["diff", OLD, NEW, "--format", "yaml"]);
    assert_eq!(format.status.code(), Some(2));
}
