//! `fieldtab json-schema` through the built binary: the JSON Schema on stdout and exit 0; the
//! diagnostics on stderr and exit 1 for a bad schema; exit 2 for a file that cannot be read,
//! an unknown `--message` and bad arguments. Cargo runs these tests in `cli/`, so schema paths
//! start with `../`.

use fieldtab_codegen::Generate;
use std::process::{Command, Output};

fn json_schema(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fieldtab"))
        .arg("json-schema")
        .args(args)
        .output()
        .expect("the fieldtab binary runs")
}

#[test]
fn prints_the_same_schema_as_the_library() {
    let path = "../schemas/upi/enrollment_registration.md";
    let schema = fieldtab_codegen::Schema::load(path).expect("a shipped schema is clean");
    for message in [Some("EnrollmentRegistrationRequest"), None] {
        let mut args = vec![path];
        if let Some(message) = message {
            args.extend(["--message", message]);
        }
        let output = json_schema(&args);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(output.stderr.is_empty());
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert_eq!(stdout, schema.to_json_schema_pretty(message).unwrap());
        let value: serde_json::Value = serde_json::from_str(&stdout).expect("JSON on stdout");
        assert_eq!(
            value["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
    }
}

#[test]
fn structs_of_a_data_dictionary_export_too() {
    let output = json_schema(&[
        "../schemas/alipayplus/benefit.md",
        "--message",
        "ExternalBenefitDetail",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["$ref"], "#/$defs/ExternalBenefitDetail");
}

#[test]
fn schema_errors_exit_1_with_diagnostics_on_stderr() {
    let output = json_schema(&["../tests/ui/schemas/many_errors.md"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("many_errors.md:7:16: error: unknown type code `AM`"),
        "{stderr}"
    );
    assert!(stderr.contains("no JSON Schema exported"), "{stderr}");
}

#[test]
fn unreadable_files_exit_2() {
    let output = json_schema(&["../schemas/no_such_schema.md"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.starts_with("error: cannot read"), "{stderr}");
}

#[test]
fn unknown_messages_exit_2_with_a_suggestion_and_the_usage() {
    let output = json_schema(&[
        "../schemas/alipayplus/benefit.md",
        "--message",
        "ExternalBenefitDetial",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("did you mean `ExternalBenefitDetail`?"),
        "{stderr}"
    );
    assert!(stderr.contains("Usage: fieldtab json-schema"), "{stderr}");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(json_schema(&[]).status.code(), Some(2));
    assert_eq!(
        json_schema(&["../schemas/upi/enrollment_registration.md", "--message"])
            .status
            .code(),
        Some(2)
    );
}
