//! `fieldtab expand` through the built binary: the formatted code on stdout and exit 0; the
//! diagnostics on stderr and exit 1 for a bad schema; exit 2 for a file that cannot be read.
//! Cargo runs these tests in `cli/`, so schema paths start with `../`.

use fieldtab_codegen::Generate;
use std::process::{Command, Output};

fn expand(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fieldtab"))
        .arg("expand")
        .args(args)
        .output()
        .expect("the fieldtab binary runs")
}

#[test]
fn prints_the_same_code_as_the_library() {
    let path = "../schemas/upi/enrollment_registration.md";
    let output = expand(&[path]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.stderr.is_empty());
    let stdout = String::from_utf8_lossy(&output.stdout);
    let schema = fieldtab_codegen::Schema::load(path).expect("a shipped schema is clean");
    assert_eq!(stdout, schema.to_rust_pretty());
    assert!(stdout.contains("pub struct EnrollmentRegistrationRequest"));
}

#[test]
fn schema_errors_exit_1_with_diagnostics_on_stderr() {
    let output = expand(&["../tests/ui/schemas/many_errors.md"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("many_errors.md:7:16: error: unknown type code `AM`"),
        "{stderr}"
    );
    assert!(stderr.contains("4 errors; nothing generated"), "{stderr}");
}

#[test]
fn unreadable_files_exit_2() {
    let output = expand(&["../schemas/no_such_schema.md"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.starts_with("error: cannot read"), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
}

#[test]
fn usage_errors_exit_2() {
    let output = expand(&[]);
    assert_eq!(output.status.code(), Some(2));
}
