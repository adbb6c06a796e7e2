//! `fieldtab check` through the built binary: its exit codes (0 clean or warnings only, 1 schema
//! errors, 2 usage or I/O errors) and what it prints, `--explain` included (the rules read from
//! the prose of Description cells, snapshotted). Cargo runs these tests in `cli/`, so schema
//! paths start with `../`.

use std::path::PathBuf;
use std::process::{Command, Output};

fn check(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fieldtab"))
        .arg("check")
        .args(args)
        .output()
        .expect("the fieldtab binary runs")
}

fn stderr(output: &Output) -> String {
    text(&output.stderr)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A scratch file of this test process, removed by the caller.
fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("fieldtab-cli-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write scratch file");
    path
}

#[test]
fn clean_schema_exits_0_with_an_ok_line() {
    let output = check(&["../schemas/upi/enrollment_registration.md"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "ok: ../schemas/upi/enrollment_registration.md (2 messages, 2 structs, 0 enums; 1 imported item)\n"
    );
    assert!(output.stderr.is_empty(), "{}", stderr(&output));
}

#[test]
fn the_ok_line_counts_imported_items_apart() {
    let common = "# Common\n\n## struct Amount\n\n| Field | Data type | Required |\n|---|---|---|\n| value | String | Yes |\n\n## enum Status\n\n| Value |\n|---|\n| S |\n";
    let root = "# Root\n\nImport: [common](common.md)\n\n## message Pay\n\n| Field | Data type | Required |\n|---|---|---|\n| amount | Amount | Yes |\n| status | Status | No |\n";
    let common = scratch("common.md", common.as_bytes());
    let root = scratch("root.md", root.as_bytes());
    let shown = root.to_str().expect("utf-8 temp path");
    let output = check(&[shown]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        format!("ok: {shown} (1 message, 0 structs, 0 enums; 2 imported items)\n")
    );
    for path in [common, root] {
        std::fs::remove_file(path).ok();
    }
}

/// With a selection, the imported items are those selected and those they use.
#[test]
fn the_ok_line_counts_the_selected_items_and_what_they_use() {
    let output = check(&["../tests/schemas/selected_imports.md"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "ok: ../tests/schemas/selected_imports.md (1 message, 1 struct, 0 enums; 3 imported items)\n"
    );
}

#[test]
fn schema_errors_exit_1_with_every_diagnostic() {
    let output = check(&["../schema/tests/bad_schemas/many_errors.md"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(
        text.contains(
            "../schema/tests/bad_schemas/many_errors.md:16:32: error: unknown type code `AM`"
        ),
        "{text}"
    );
    assert!(text.contains("= help: did you mean `AN`?"), "{text}");
    assert!(text.contains("^^"), "{text}");
    // Every error of the file, not only the first; then a summary line.
    assert!(text.matches(": error: ").count() >= 8, "{text}");
    assert!(text.contains("errors"), "{text}");
}

#[test]
fn clean_and_bad_schemas_together_exit_1() {
    let output = check(&[
        "../schemas/upi/enrollment_registration.md",
        "../schema/tests/bad_schemas/unknown_format.md",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("unknown format `YYYYMMDDHHMMSS`"));
}

#[test]
fn missing_file_exits_2_with_one_line() {
    let output = check(&["../schemas/upi/no_such_schema.md"]);
    assert_eq!(output.status.code(), Some(2));
    let text = stderr(&output);
    assert_eq!(text.trim_end().lines().count(), 1, "{text}");
    assert!(
        text.starts_with("error: cannot read `../schemas/upi/no_such_schema.md`"),
        "{text}"
    );
}

#[test]
fn an_io_error_outranks_schema_errors() {
    let output = check(&[
        "../schema/tests/bad_schemas/unknown_format.md",
        "../schemas/upi/no_such_schema.md",
    ]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn a_folder_is_an_io_error() {
    let output = check(&["../schemas"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn no_arguments_is_a_usage_error() {
    let output = check(&[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("Usage"), "{}", stderr(&output));
}

#[test]
fn non_utf8_and_binary_input_exit_1_without_panicking() {
    let latin1 = scratch("latin1.md", b"# Caf\xe9\n\n## struct A\n");
    let binary = scratch(
        "binary.md",
        &[0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 0xff, 0xfe],
    );
    let nul = scratch("nul.md", b"# Title\n\ntext\0more\n");
    for path in [&latin1, &binary, &nul] {
        let output = check(&[path.to_str().expect("utf-8 temp path")]);
        let text = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{text}");
        assert!(!text.contains("panicked"), "{text}");
        assert!(text.contains(": error: "), "{text}");
    }
    for path in [latin1, binary, nul] {
        std::fs::remove_file(path).ok();
    }
}

const PUBLISHED: &str = "../schema/tests/fixtures/vendor_table_as_published.md";
const TIDIED: &str = "../schema/tests/fixtures/vendor_table_tidied.md";
const NOT_UNDERSTOOD: &str = "../schema/tests/bad_schemas/prose_not_understood.md";

#[test]
fn explain_lists_every_rule_read_from_prose() {
    let output = check(&["--explain", PUBLISHED, TIDIED]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    insta::assert_snapshot!("explain_vendor_tables", text(&output.stdout));
}

#[test]
fn explain_takes_its_flag_after_the_files_too() {
    let before = check(&["--explain", TIDIED]);
    let after = check(&[TIDIED, "--explain"]);
    assert_eq!(before.stdout, after.stdout);
    assert_eq!(
        text(&after.stdout),
        format!(
            "{TIDIED}: no rules read from prose\nok: {TIDIED} (7 messages, 2 structs, 6 enums; 16 imported items)\n"
        )
    );
}

#[test]
fn without_the_flag_the_output_is_unchanged() {
    let output = check(&[TIDIED]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        text(&output.stdout),
        format!("ok: {TIDIED} (7 messages, 2 structs, 6 enums; 16 imported items)\n")
    );
    assert!(output.stderr.is_empty(), "{}", text(&output.stderr));
}

#[test]
fn warnings_are_printed_and_exit_0() {
    let output = check(&[NOT_UNDERSTOOD]);
    assert_eq!(output.status.code(), Some(0));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains(
            ": warning: `Maximum length: sixty-four` reads like a rule but is not understood"
        ),
        "{stderr}"
    );
    assert!(
        stderr.ends_with(&format!("warning: `{NOT_UNDERSTOOD}`: 8 warnings\n")),
        "{stderr}"
    );
    assert!(!stderr.contains("error"), "{stderr}");
    assert_eq!(
        text(&output.stdout),
        format!("ok: {NOT_UNDERSTOOD} (1 message, 0 structs, 0 enums)\n")
    );
}

#[test]
fn disagreements_are_errors_that_point_at_both_places() {
    let output = check(&["../schema/tests/bad_schemas/prose_disagrees.md"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains(
            "prose_disagrees.md:7:42: error: the Description and the Length cell disagree"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("prose_disagrees.md:7:16: note: the Length cell says `32`"),
        "{stderr}"
    );
    assert!(stderr.ends_with(": 8 errors\n"), "{stderr}");
}
