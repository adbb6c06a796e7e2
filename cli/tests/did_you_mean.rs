//! Did-you-mean on unknown fields through `fieldtab validate` (docs/SEMANTICS.md §6.4): a key
//! one or two edits from a missing required field is named in the `required` violation, and,
//! when unknown fields are denied, the `unknown_field` violation names the field; a key farther
//! away, or a field that is present, gets no hint.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_fieldtab");
const SCHEMA: &str = "schemas/alipayplus/payment_apis.md";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("cli/ has a parent")
        .to_path_buf()
}

/// A valid `PayRequest` whose `paymentAmount` key is written `key`.
fn request(key: &str) -> String {
    format!(
        r#"{{"paymentRequestId":"PR1","paymentMethod":{{"paymentMethodType":"CONNECT_WALLET"}},"{key}":{{"currency":"JPY","value":"1000"}},"order":{{"referenceOrderId":"1","orderDescription":"d","orderAmount":{{"currency":"JPY","value":"1000"}}}}}}"#
    )
}

fn validate(body: &str, extra: &[&str]) -> Output {
    let mut args = vec!["validate", SCHEMA, "--message", "PayRequest"];
    args.extend(extra);
    let mut child = Command::new(BIN)
        .args(&args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .expect("piped stdin")
        .write_all(body.as_bytes())
        .unwrap();
    child.wait_with_output().expect("the binary finishes")
}

/// The text output without the excerpts of the message under each violation.
fn stdout(output: &Output) -> String {
    let text = String::from_utf8(output.stdout.clone()).expect("UTF-8 stdout");
    text.lines()
        .filter(|line| !line.trim_start().starts_with("-->") && !line.contains(" |"))
        .map(|line| format!("{line}\n"))
        .collect()
}

#[test]
fn a_key_one_or_two_edits_away_is_named_in_text_and_json() {
    assert_eq!(
        validate(&request("paymentAmount"), &["--deny-unknown"])
            .status
            .code(),
        Some(0)
    );
    for key in ["paymetAmount", "pymetAmount", "PaymentAmount"] {
        let denied = validate(&request(key), &["--deny-unknown"]);
        assert_eq!(denied.status.code(), Some(1));
        assert_eq!(
            stdout(&denied),
            format!(
                "error[required]: /paymentAmount: is required; did you misspell it as `{key}`?\n\
                 error[unknown_field]: /{key}: unknown field; did you mean `paymentAmount`?\n\
                 <stdin>: invalid PayRequest: 2 violations\n"
            )
        );
        // Unknown fields ignored: the required field still says which key it probably is.
        let ignored = validate(&request(key), &[]);
        assert_eq!(
            stdout(&ignored),
            format!(
                "error[required]: /paymentAmount: is required; did you misspell it as `{key}`?\n\
                 <stdin>: invalid PayRequest: 1 violation\n"
            )
        );
        let json = stdout(&validate(
            &request(key),
            &["--deny-unknown", "--format", "json"],
        ));
        assert!(
            json.contains(&format!(
                r#"{{"path":"/{key}","rule":"unknown_field","message":"unknown field; did you mean `paymentAmount`?","line":"#
            )),
            "{json}"
        );
    }
}

#[test]
fn a_key_far_away_gets_no_hint() {
    let output = validate(&request("amountToPay"), &["--deny-unknown"]);
    assert_eq!(
        stdout(&output),
        "error[required]: /paymentAmount: is required\n\
         error[unknown_field]: /amountToPay: unknown field\n\
         <stdin>: invalid PayRequest: 2 violations\n"
    );
}
