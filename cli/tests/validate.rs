//! `fieldtab validate` through the built binary: every exit code, both output formats, standard
//! input, several files, `--deny-unknown`, and no full card number in any output.

#[path = "validate/custom_formats.rs"]
mod custom_formats;
#[path = "validate/jsonl.rs"]
mod jsonl;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_fieldtab");

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("cli/ has a parent")
        .to_path_buf()
}

const ENROLLMENT: &str = "schemas/upi/enrollment_registration.md";
const REQUEST: &str = "EnrollmentRegistrationRequest";
const SAMPLES: &str = "examples/messages/upi/enrollment_registration/EnrollmentRegistrationRequest";

fn sample(name: &str) -> String {
    format!("{SAMPLES}/{name}.json")
}

/// Runs `fieldtab` in the workspace root with `args`, feeding `stdin`.
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().expect("piped stdin");
    // The process may exit before reading (usage errors): a broken pipe is fine.
    let _ = input.write_all(stdin);
    drop(input);
    child.wait_with_output().expect("the binary finishes")
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("exited normally")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 stdout")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 stderr")
}

fn json_lines(output: &Output) -> Vec<serde_json::Value> {
    stdout(output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object a line"))
        .collect()
}

#[test]
fn valid_file_exits_0_with_a_summary_line() {
    let file = sample("valid-01-minimal");
    let out = run(&["validate", ENROLLMENT, "--message", REQUEST, &file], b"");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), format!("{file}: valid {REQUEST}\n"));
    assert_eq!(stderr(&out), "");
}

/// The lines of text output that are not a violation's place in the message.
fn headlines(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|line| !line.trim_start().starts_with("-->") && !line.contains(" |"))
        .collect()
}

#[test]
fn invalid_file_exits_1_with_every_violation_then_the_summary() {
    let file = sample("invalid-14-many-violations");
    let out = run(&["validate", ENROLLMENT, "--message", REQUEST, &file], b"");
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    let lines = headlines(&text);
    assert_eq!(lines.len(), 9, "{text}");
    assert!(
        lines[0].starts_with("error[required]: /header/procType: "),
        "{text}"
    );
    assert!(
        lines[1].starts_with("error[type]: /header/encCertId: "),
        "{text}"
    );
    assert!(
        lines[7].starts_with("error[format]: /data/mobile: "),
        "{text}"
    );
    assert_eq!(lines[8], format!("{file}: invalid {REQUEST}: 8 violations"));
}

#[test]
fn json_format_prints_one_object_per_input_with_exactly_the_contract_keys() {
    let valid = sample("valid-01-minimal");
    let invalid = sample("invalid-18-card-too-long");
    let out = run(
        &[
            "validate",
            ENROLLMENT,
            "--message",
            REQUEST,
            "--format",
            "json",
            &valid,
            &invalid,
        ],
        b"",
    );
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    assert!(
        text.starts_with("{\"file\":"),
        "key order file, valid, violations: {text}"
    );
    assert!(
        text.contains(r#"{"path":"/data/cardNo","rule":"length","message":"#)
            && text.contains(r#","line":"#)
            && text.contains(r#","column":"#),
        "violation keys in the contract's order: {text}"
    );
    let objects = json_lines(&out);
    assert_eq!(objects.len(), 2);
    assert_eq!(
        objects[0],
        serde_json::json!({"file": valid, "valid": true, "violations": []})
    );
    assert_eq!(objects[1]["file"], invalid.as_str());
    assert_eq!(objects[1]["valid"], false);
    let violations = objects[1]["violations"].as_array().unwrap();
    assert_eq!(violations.len(), 2);
    for v in violations {
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["column", "line", "message", "path", "rule"]);
        assert_eq!(v["path"], "/data/cardNo");
        assert!(v["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
    assert_eq!(violations[0]["rule"], "length");
    assert_eq!(violations[1]["rule"], "format");
}

#[test]
fn stdin_is_read_for_dash_and_for_no_file() {
    let bytes = std::fs::read(root().join(sample("valid-02-with-reserved"))).unwrap();
    for args in [
        vec!["validate", ENROLLMENT, "--message", REQUEST],
        vec!["validate", ENROLLMENT, "--message", REQUEST, "-"],
    ] {
        let out = run(&args, &bytes);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        assert_eq!(stdout(&out), format!("<stdin>: valid {REQUEST}\n"));
    }
    let mut args = vec![
        "validate",
        ENROLLMENT,
        "--message",
        REQUEST,
        "--format",
        "json",
    ];
    let out = run(&args, b"{\"header\": 1}");
    assert_eq!(code(&out), 1);
    let objects = json_lines(&out);
    assert_eq!(objects[0]["file"], "-");
    assert_eq!(
        objects[0]["violations"],
        serde_json::json!([
            {"path": "/header", "rule": "type", "message": "expected an object, found a number",
             "line": 1, "column": 12},
            {"path": "/data", "rule": "required", "message": "is required",
             "line": 1, "column": 1},
        ])
    );
    args.push("-");
    let out = run(&args, b"not json");
    assert_eq!(code(&out), 1);
    let objects = json_lines(&out);
    assert_eq!(objects[0]["violations"][0]["path"], "");
    assert_eq!(objects[0]["violations"][0]["rule"], "syntax");
}

#[test]
fn malformed_json_is_an_invalid_message_not_a_crash() {
    for input in [
        &b""[..],
        b"{",
        b"[] x",
        b"\xff\xfe",
        b"{\"header\":{}} trailing",
    ] {
        let out = run(&["validate", ENROLLMENT, "--message", REQUEST], input);
        assert_eq!(code(&out), 1, "{input:?}");
        let text = stdout(&out);
        assert!(text.starts_with("error[syntax]: /: "), "{text}");
        assert_eq!(headlines(&text).len(), 2, "{text}");
    }
}

#[test]
fn a_document_that_is_not_an_object_is_a_type_violation_at_the_root() {
    let out = run(&["validate", ENROLLMENT, "--message", REQUEST], b"[]");
    assert_eq!(code(&out), 1);
    assert_eq!(
        stdout(&out),
        format!(
            "error[type]: /: expected an object, found an array\n --> <stdin>:1:1\n  |\n1 | []\n  | ^^\n<stdin>: invalid {REQUEST}: 1 violation\n"
        )
    );
    let out = run(
        &[
            "validate",
            ENROLLMENT,
            "--message",
            REQUEST,
            "--format",
            "json",
        ],
        b"\"x\"",
    );
    assert_eq!(code(&out), 1);
    let objects = json_lines(&out);
    assert_eq!(
        objects[0]["violations"],
        serde_json::json!([{"path": "", "rule": "type", "message": "expected an object, found a string",
            "line": 1, "column": 1}])
    );
}

#[test]
fn keys_in_paths_reach_the_terminal_escaped() {
    let input = br#"{"\u001b[2J\u001b[31mred":1,"a\nb":2,"\u202eevil":3}"#;
    let args = [
        "validate",
        ENROLLMENT,
        "--message",
        REQUEST,
        "--deny-unknown",
    ];
    let out = run(&args, input);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    assert!(!text.contains(['\u{1b}', '\u{202e}']), "{text:?}");
    assert!(
        text.contains("error[unknown_field]: /\\u{1b}[2J\\u{1b}[31mred: unknown field\n"),
        "{text}"
    );
    assert!(
        text.contains("error[unknown_field]: /a\\u{a}b: unknown field\n"),
        "{text}"
    );
    assert!(
        text.contains("error[unknown_field]: /\\u{202e}evil: unknown field\n"),
        "{text}"
    );
    // JSON output escapes them as JSON does.
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let out = run(&json_args, input);
    let objects = json_lines(&out);
    let paths: Vec<&str> = objects[0]["violations"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|v| v["rule"] == "unknown_field")
        .filter_map(|v| v["path"].as_str())
        .collect();
    assert_eq!(paths, ["/\u{1b}[2J\u{1b}[31mred", "/a\nb", "/\u{202e}evil"]);
}

#[test]
fn deny_unknown_reports_unknown_fields() {
    let file = sample("valid-04-leap-day-and-unknown-field");
    let out = run(&["validate", ENROLLMENT, "--message", REQUEST, &file], b"");
    assert_eq!(code(&out), 0);
    let out = run(
        &[
            "validate",
            ENROLLMENT,
            "--message",
            REQUEST,
            "--deny-unknown",
            "--format",
            "json",
            &file,
        ],
        b"",
    );
    assert_eq!(code(&out), 1);
    let objects = json_lines(&out);
    assert_eq!(objects[0]["violations"][0]["path"], "/x-trace");
    assert_eq!(objects[0]["violations"][0]["rule"], "unknown_field");
}

#[test]
fn a_struct_of_the_file_can_be_validated_too() {
    let header =
        br#"{"procType":"41","insCode":"1","pid":"1","refNum":"1","respCode":"00","respMsg":"ok"}"#;
    let out = run(
        &[
            "validate",
            ENROLLMENT,
            "--message",
            "EnrollmentRegistrationResponseHeader",
        ],
        header,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn unknown_message_exits_2_with_did_you_mean() {
    let out = run(
        &[
            "validate",
            ENROLLMENT,
            "--message",
            "EnrollmentRegistrationReqest",
        ],
        b"{}",
    );
    assert_eq!(code(&out), 2);
    assert_eq!(stdout(&out), "");
    let err = stderr(&out);
    assert!(
        err.contains("no message or struct named `EnrollmentRegistrationReqest`"),
        "{err}"
    );
    assert!(
        err.contains("help: did you mean `EnrollmentRegistrationRequest`?"),
        "{err}"
    );
    let out = run(&["validate", ENROLLMENT, "--message", "Zebra"], b"{}");
    assert_eq!(code(&out), 2);
    assert!(!stderr(&out).contains("did you mean"));
    assert!(stderr(&out).contains("available: EnrollmentRegistrationRequest"));
    let out = run(
        &[
            "validate",
            "schemas/alipayplus/benefit.md",
            "--message",
            "BenefitStatus",
        ],
        b"{}",
    );
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("is an enum"), "{}", stderr(&out));
}

#[test]
fn schema_errors_exit_2_with_the_diagnostics() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("validate-bad-schema");
    std::fs::create_dir_all(&dir).unwrap();
    let schema = dir.join("bad.md");
    std::fs::write(
        &schema,
        "# Bad\n\n## message M\n\n| Identifier | Type | Request |\n|---|---|---|\n| a | AM | M |\n",
    )
    .unwrap();
    let out = run(
        &["validate", schema.to_str().unwrap(), "--message", "M"],
        b"{}",
    );
    assert_eq!(code(&out), 2);
    assert_eq!(stdout(&out), "");
    let err = stderr(&out);
    assert!(err.contains("bad.md:7:"), "{err}");
    assert!(err.contains("error"), "{err}");
}

#[test]
fn missing_schema_or_input_exits_2() {
    let out = run(
        &["validate", "schemas/none.md", "--message", REQUEST],
        b"{}",
    );
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("none.md"), "{}", stderr(&out));

    // An unreadable input is reported, the other inputs are still validated, and 2 wins.
    let valid = sample("valid-01-minimal");
    let invalid = sample("invalid-01-missing-proctype");
    let out = run(
        &[
            "validate",
            ENROLLMENT,
            "--message",
            REQUEST,
            "--format",
            "json",
            &valid,
            "no/such.json",
            &invalid,
        ],
        b"",
    );
    assert_eq!(code(&out), 2);
    assert_eq!(json_lines(&out).len(), 2);
    assert!(
        stderr(&out).contains("cannot read `no/such.json`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec!["validate", ENROLLMENT],
        vec![
            "validate",
            ENROLLMENT,
            "--message",
            REQUEST,
            "--format",
            "yaml",
        ],
        vec!["validate", "--message", REQUEST],
        vec!["validate", ENROLLMENT, "--message", REQUEST, "--bogus"],
    ] {
        let out = run(&args, b"{}");
        assert_eq!(code(&out), 2, "{args:?}");
        assert!(stderr(&out).starts_with("error:"), "{}", stderr(&out));
    }
}

#[test]
fn several_files_mix_valid_and_invalid() {
    let files = [
        sample("valid-01-minimal"),
        sample("invalid-05-refnum-too-long"),
        sample("valid-03-null-optionals"),
    ];
    let mut args = vec!["validate", ENROLLMENT, "--message", REQUEST];
    args.extend(files.iter().map(String::as_str));
    let out = run(&args, b"");
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    let lines = headlines(&text);
    assert_eq!(lines.len(), 4, "{text}");
    assert_eq!(lines[0], format!("{}: valid {REQUEST}", files[0]));
    assert!(lines[1].starts_with("error[length]: /header/refNum: "));
    assert_eq!(
        lines[2],
        format!("{}: invalid {REQUEST}: 1 violation", files[1])
    );
    assert_eq!(lines[3], format!("{}: valid {REQUEST}", files[2]));
}

/// No output, in either format, on stdout or stderr, contains a full card number, whatever
/// rule the card number (or the fields around it) breaks.
#[test]
fn no_output_contains_a_full_card_number() {
    let card = "6214835920672688";
    let long_card = "62148359206726881234";
    let inputs = [
        format!(
            r#"{{"header":{{"procType":"{card}","pid":"{card}","refNum":"{long_card}","localTime":"{card}","localTimeZone":"{card}","insCode":"{card}x"}},"data":{{"userToken":"{card}-","cardNo":"{long_card}","mobile":"{card}"}}}}"#
        ),
        format!(
            r#"{{"header":{{}},"data":{{"cardNo":"{card}a","mobile":"+86-{card}"}},"{card}":1}}"#
        ),
        format!(r#"{{"header":{{}},"data":{{"cardNo":{card}}}}}"#),
        format!(r#"{{"header":{{}},"data":{{"cardNo":"{card}","cardNo":"{card}"}}"#),
        format!(r#"{{"data":{{"cardNo":"{card}" "#),
        format!(r#"{{"data":{{"cardNo":"{card}\u0000"}}}}"#),
        format!("{{\"data\":{{\"cardNo\":\"{card}\u{1}\"}}}}"),
        format!(r#"["{card}"]"#),
        card.to_string(),
    ];
    for input in &inputs {
        for format in ["text", "json"] {
            let out = run(
                &[
                    "validate",
                    ENROLLMENT,
                    "--message",
                    REQUEST,
                    "--deny-unknown",
                    "--format",
                    format,
                ],
                input.as_bytes(),
            );
            assert_eq!(code(&out), 1, "{input}");
            let all = format!("{}{}", stdout(&out), stderr(&out));
            // The one exception is a key the schema does not name: its path is the key itself.
            let all = all.replace(&format!("/{card}"), "/<key>");
            assert!(
                !all.contains(card),
                "{format} output shows a card number: {all}"
            );
            assert!(!all.contains("62148359206726"), "{format}: {all}");
        }
    }
}

/// Issue 13, defect 4: the violations printed are bounded (`--max-violations`, 100 by
/// default), the rest counted in text and JSON.
#[test]
fn violations_beyond_the_limit_are_counted_not_printed() {
    let mut input = String::from("{");
    for i in 0..1_000 {
        input.push_str(&format!("\"k{i}\":1,"));
    }
    input.push_str("\"k\":1}");
    let args = [
        "validate",
        ENROLLMENT,
        "--message",
        REQUEST,
        "--deny-unknown",
    ];
    let out = run(&args, input.as_bytes());
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    assert_eq!(text.matches("error[").count(), 100, "{text}");
    assert!(
        text.ends_with(
            "and 903 more violations, not kept (--max-violations)\n<stdin>: invalid EnrollmentRegistrationRequest: 1003 violations\n"
        ),
        "{text}"
    );
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json", "--max-violations", "2"]);
    let out = run(&json_args, input.as_bytes());
    let objects = json_lines(&out);
    assert_eq!(objects[0]["violations"].as_array().map(Vec::len), Some(2));
    assert_eq!(objects[0]["more"], 1001);
    // A valid message has no `more` key.
    let valid = [
        "validate",
        ENROLLMENT,
        "--message",
        REQUEST,
        "--format",
        "json",
    ];
    let mut valid = valid.to_vec();
    let file = sample("valid-01-minimal");
    valid.push(&file);
    let objects = json_lines(&run(&valid, b""));
    assert!(objects[0].get("more").is_none(), "{:?}", objects[0]);
}

/// Issue 13, defect 5: an input is read up to `--max-bytes` (16 MiB by default), a file, a
/// device or standard input alike; beyond, an input error (exit 2), the others still read.
#[test]
fn inputs_larger_than_max_bytes_are_refused_without_reading_them_whole() {
    let valid = sample("valid-01-minimal");
    let args = [
        "validate",
        ENROLLMENT,
        "--message",
        REQUEST,
        "--max-bytes",
        "64",
        &valid,
        "-",
    ];
    let out = run(&args, b"{}");
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("larger than 64 bytes (--max-bytes)"),
        "{}",
        stderr(&out)
    );
    assert!(
        stdout(&out).contains("<stdin>: invalid"),
        "{}",
        stdout(&out)
    );
    #[cfg(unix)]
    {
        let out = run(
            &["validate", ENROLLMENT, "--message", REQUEST, "/dev/zero"],
            b"",
        );
        assert_eq!(code(&out), 2);
        assert!(
            stderr(&out).contains("larger than 16777216 bytes"),
            "{}",
            stderr(&out)
        );
    }
    let out = run(
        &[
            "validate",
            ENROLLMENT,
            "--message",
            REQUEST,
            "--max-bytes",
            "x",
        ],
        b"",
    );
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("invalid value 'x'"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("Usage: fieldtab validate"),
        "{}",
        stderr(&out)
    );
}
