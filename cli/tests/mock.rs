//! `fieldtab mock` through the built binary: started on 127.0.0.1:0, the port read from its
//! `listening on ADDR` line, driven over real HTTP/1.1 by hyper's client (and, for what a
//! client would not send — a `GET` with no body, no content type, a chunked body too long —
//! by raw HTTP/1.1 over `std::net::TcpStream`; loopback only), stopped with SIGTERM or SIGINT. Every shipped request message with each of its valid
//! and invalid samples, every status, the body shapes of each `--errors` style, concurrent
//! requests, every `200` body validated by the dynamic validator against its response
//! message, and no card number in any response or log line. Each wait is bounded.

#![cfg(unix)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use axum::http::Request;
use bytes::Bytes;
use fieldtab_codegen::Schema;
use fieldtab_codegen::dynamic::Validator;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::{Client, connect::HttpConnector};
use hyper_util::rt::TokioExecutor;
use serde_json::Value;

const CARD: &str = "6214835920672688";
const WAIT: Duration = Duration::from_secs(20);

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("cli/ has a parent")
        .to_path_buf()
}

/// A running mock; killed if a test fails before it stops it.
struct Mock {
    child: Child,
    port: u16,
    stderr: Option<thread::JoinHandle<String>>,
}

impl Mock {
    fn start(schema: &str, args: &[&str]) -> Mock {
        let mut child = Command::new(env!("CARGO_BIN_EXE_fieldtab"))
            .current_dir(root())
            .arg("mock")
            .arg(schema)
            .args(["--listen", "127.0.0.1:0"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary starts");
        let stdout = child.stdout.take().expect("stdout");
        let (lines, first) = mpsc::channel();
        thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = lines.send(line);
        });
        let mut stderr = child.stderr.take().expect("stderr");
        let stderr = thread::spawn(move || {
            let mut text = String::new();
            let _ = stderr.read_to_string(&mut text);
            text
        });
        let line = first.recv_timeout(WAIT).unwrap_or_default();
        let mut mock = Mock {
            child,
            port: 0,
            stderr: Some(stderr),
        };
        let Some(addr) = line.trim().strip_prefix("listening on ") else {
            let _ = mock.child.kill();
            let _ = mock.child.wait();
            let log = mock.stderr.take().map(|h| h.join().unwrap_or_default());
            panic!("no `listening on` line: {line:?}; stderr: {log:?}");
        };
        assert!(addr.starts_with("127.0.0.1:"), "{addr}");
        mock.port = addr
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .expect("a port");
        assert_ne!(mock.port, 0);
        mock
    }

    /// Sends one request, `Connection: close`; the status, the headers (lower-case names) and
    /// the body.
    fn send(&self, raw: &[u8]) -> Response {
        send(self.port, raw)
    }

    fn post(&self, path: &str, content_type: &str, body: &[u8]) -> Response {
        post(self.port, path, content_type, body)
    }

    /// Sends `signal`, waits (bounded) for the exit, and returns the exit code and stderr.
    fn stop(mut self, signal: i32) -> (Option<i32>, String) {
        let pid = i32::try_from(self.child.id()).expect("a pid");
        // SAFETY: kill(2) on the child this test started; no memory is involved.
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                break status;
            }
            assert!(
                start.elapsed() < WAIT,
                "the mock did not stop on signal {signal}"
            );
            thread::sleep(Duration::from_millis(20));
        };
        let log = self.stderr.take().map(|h| h.join().unwrap_or_default());
        (status.code(), log.unwrap_or_default())
    }
}

impl Drop for Mock {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

#[derive(Debug)]
struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

fn request(method: &str, path: &str, content_type: Option<&str>, body: &[u8]) -> Vec<u8> {
    let mut raw = format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    if let Some(content_type) = content_type {
        raw.push_str(&format!("Content-Type: {content_type}\r\n"));
    }
    raw.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    let mut raw = raw.into_bytes();
    raw.extend_from_slice(body);
    raw
}

/// POSTs `body` with hyper's client (its own runtime, so the tests stay synchronous); the
/// status, the headers (lower-case names) and the body.
fn post(port: u16, path: &str, content_type: &str, body: &[u8]) -> Response {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let client: Client<HttpConnector, Full<Bytes>> =
            Client::builder(TokioExecutor::new()).build_http();
        let request = Request::builder()
            .method("POST")
            .uri(format!("http://127.0.0.1:{port}{path}"))
            .header("content-type", content_type)
            .body(Full::new(Bytes::copy_from_slice(body)))
            .expect("a request");
        let response = tokio::time::timeout(WAIT, client.request(request))
            .await
            .expect("an answer in time")
            .expect("an answer");
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(n, v)| (n.as_str().to_owned(), v.to_str().unwrap_or("").to_owned()))
            .collect();
        let bytes = tokio::time::timeout(WAIT, response.into_body().collect())
            .await
            .expect("a body in time")
            .expect("a body")
            .to_bytes();
        Response {
            status,
            headers,
            body: String::from_utf8(bytes.to_vec()).expect("UTF-8"),
        }
    })
}

fn send(port: u16, raw: &[u8]) -> Response {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream.set_read_timeout(Some(WAIT)).expect("timeout");
    stream.set_write_timeout(Some(WAIT)).expect("timeout");
    // The server may answer (413) before it has read the whole body: a failed write is fine.
    let _ = stream.write_all(raw);
    let mut bytes = Vec::new();
    let _ = stream.read_to_end(&mut bytes);
    let text = String::from_utf8(bytes).expect("UTF-8");
    let (head, body) = text
        .split_once("\r\n\r\n")
        .unwrap_or_else(|| panic!("{text:?}"));
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|line| line.split(' ').nth(1))
        .and_then(|code| code.parse().ok())
        .expect("a status line");
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    Response {
        status,
        headers,
        body: body.to_owned(),
    }
}

/// The messages of `schemas/<vendor>/<schema>.md` with samples: (schema path, vendor dir of
/// samples, request name, response name); a request `XRequest…` answers `XResponse`.
fn request_messages() -> Vec<(String, PathBuf, String, String)> {
    let mut all = Vec::new();
    for vendor in ["upi", "alipayplus"] {
        let base = root().join("examples/messages").join(vendor);
        for schema in sorted(&base) {
            let schema_name = schema.file_name().unwrap().to_string_lossy().into_owned();
            for item in sorted(&schema) {
                let name = item.file_name().unwrap().to_string_lossy().into_owned();
                if let Some((stem, _)) = name.split_once("Request") {
                    all.push((
                        format!("schemas/{vendor}/{schema_name}.md"),
                        item.clone(),
                        name.clone(),
                        format!("{stem}Response"),
                    ));
                }
            }
        }
    }
    assert!(all.len() >= 15, "{}", all.len());
    all
}

fn sorted(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("a folder")
        .map(|e| e.expect("an entry").path())
        .collect();
    entries.sort();
    entries
}

fn route_of(request: &str, response: &str) -> String {
    format!("POST /{request}={request}:{response}")
}

/// Every sample of every shipped request message, through one mock per schema (and one more
/// with `--deny-unknown` for the samples that deny unknown fields): valid ones `200` with a
/// response valid against its message, invalid ones `400` with exactly their expected
/// (path, rule) list.
#[test]
fn every_shipped_request_sample() {
    let messages = request_messages();
    let mut schemas: Vec<&str> = messages.iter().map(|m| m.0.as_str()).collect();
    schemas.dedup();
    let mut answered = 0;
    for schema in schemas {
        let loaded = Schema::load(root().join(schema)).expect("a shipped schema");
        let routes: Vec<String> = messages
            .iter()
            .filter(|m| m.0 == schema)
            .flat_map(|m| ["--route".to_owned(), route_of(&m.2, &m.3)])
            .collect();
        let routes: Vec<&str> = routes.iter().map(String::as_str).collect();
        let plain = Mock::start(schema, &routes);
        let mut deny_args = routes.clone();
        deny_args.push("--deny-unknown");
        let deny = Mock::start(schema, &deny_args);
        for (_, dir, request, response) in messages.iter().filter(|m| m.0 == schema) {
            let validator = Validator::new(&loaded.module, response).expect("a response");
            for file in sorted(dir) {
                let name = file.file_name().unwrap().to_string_lossy().into_owned();
                if !name.ends_with(".json") || name.ends_with(".expected.json") {
                    continue;
                }
                let body = std::fs::read(&file).expect("a sample");
                if name.starts_with("valid-") {
                    let answer = plain.post(&format!("/{request}"), "application/json", &body);
                    assert_eq!(answer.status, 200, "{}: {}", file.display(), answer.body);
                    assert_eq!(answer.header("content-type"), Some("application/json"));
                    if let Err(report) = validator.validate(answer.body.as_bytes(), false) {
                        panic!(
                            "{}: the answer is not a valid {response}:\n{report}\n{}",
                            file.display(),
                            answer.body
                        );
                    }
                    answered += 1;
                    continue;
                }
                let expected: Value = serde_json::from_slice(
                    &std::fs::read(file.with_extension("expected.json")).expect("expectation"),
                )
                .expect("JSON");
                let mock = if expected["deny_unknown"] == Value::Bool(true) {
                    &deny
                } else {
                    &plain
                };
                let answer = mock.post(&format!("/{request}"), "application/json", &body);
                assert_eq!(answer.status, 400, "{}: {}", file.display(), answer.body);
                let got: Vec<(Value, Value)> = answer.json()["violations"]
                    .as_array()
                    .expect("violations")
                    .iter()
                    .map(|v| (v["path"].clone(), v["rule"].clone()))
                    .collect();
                let want: Vec<(Value, Value)> = expected["violations"]
                    .as_array()
                    .expect("violations")
                    .iter()
                    .map(|v| (v["path"].clone(), v["rule"].clone()))
                    .collect();
                assert_eq!(got, want, "{}", file.display());
                answered += 1;
            }
        }
        for mock in [plain, deny] {
            let (code, log) = mock.stop(libc::SIGTERM);
            assert_eq!(code, Some(0), "{log}");
            assert!(!log.contains(CARD), "a card number in the log:\n{log}");
        }
    }
    assert!(answered > 100, "{answered}");
}

const ENROLL: &str = "schemas/upi/enrollment_registration.md";
const ENROLL_ROUTE: &str =
    "POST /enroll=EnrollmentRegistrationRequest:EnrollmentRegistrationResponse";

fn valid_enrollment() -> Value {
    serde_json::json!({
        "header": {"procType": "41", "signCertId": "001", "encCertId": "002",
                   "insCode": "39990157", "pid": "1000000001", "refNum": "202411220000777",
                   "localTime": "20241122141530", "localTimeZone": "GMT+08:00"},
        "data": {"userToken": "USR20241122A7", "cardNo": CARD, "mobile": "+86-13800000000"}
    })
}

/// Each status the contract names, the plain body of each, the echo, and the log: one line a
/// request with its verdict, no card number.
#[test]
fn statuses_bodies_echo_and_log() {
    let mock = Mock::start(ENROLL, &["--route", ENROLL_ROUTE, "--max-bytes", "2048"]);
    let valid = valid_enrollment().to_string();

    let ok = mock.post(
        "/enroll",
        "application/json; charset=UTF-8",
        valid.as_bytes(),
    );
    assert_eq!(ok.status, 200, "{}", ok.body);
    let header = &ok.json()["header"];
    assert_eq!(header["refNum"], "202411220000777", "echoed: {}", ok.body);
    assert_eq!(header["insCode"], "39990157");
    assert_eq!(header["pid"], "1000000001");
    assert_eq!(header["respCode"], "00", "the Example cell: {}", ok.body);

    let mut invalid = valid_enrollment();
    invalid["header"]["pid"] = Value::String("10000000019".into());
    invalid["data"]["cardNo"] = Value::String(format!("{CARD}x"));
    let bad = mock.post(
        "/enroll",
        "application/json",
        invalid.to_string().as_bytes(),
    );
    assert_eq!(bad.status, 400);
    let violations = bad.json()["violations"].clone();
    assert_eq!(violations[0]["path"], "/header/pid");
    assert_eq!(violations[0]["rule"], "length");
    assert_eq!(violations[1]["path"], "/data/cardNo");
    assert!(!bad.body.contains(CARD), "{}", bad.body);

    let malformed = mock.post("/enroll", "application/json", b"{\"header\": {");
    assert_eq!(malformed.status, 400);
    let violations = malformed.json()["violations"].clone();
    assert_eq!(violations.as_array().map(Vec::len), Some(1));
    assert_eq!(violations[0]["path"], "");
    assert_eq!(violations[0]["rule"], "syntax");

    let no_route = mock.post(
        &format!("/enroll/{CARD}"),
        "application/json",
        valid.as_bytes(),
    );
    assert_eq!(no_route.status, 404);
    let wrong_method = mock.send(&request("GET", "/enroll", None, b""));
    assert_eq!(wrong_method.status, 405);
    assert_eq!(wrong_method.header("allow"), Some("POST"));
    let not_json = mock.post("/enroll", "text/plain", valid.as_bytes());
    assert_eq!(not_json.status, 415);
    let no_type = mock.send(&request("POST", "/enroll", None, valid.as_bytes()));
    assert_eq!(no_type.status, 415);
    let big = vec![b' '; 4096];
    let too_large = mock.post("/enroll", "application/json", &big);
    assert_eq!(too_large.status, 413);
    // Without a Content-Length: chunked, cut while it is read.
    let mut chunked = b"POST /enroll HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    for _ in 0..4 {
        chunked.extend_from_slice(b"400\r\n");
        chunked.extend_from_slice(&[b' '; 0x400]);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    assert_eq!(mock.send(&chunked).status, 413);
    for answer in [&no_route, &wrong_method, &not_json, &too_large] {
        assert!(answer.json()["error"].is_string(), "{}", answer.body);
        assert_eq!(answer.header("content-type"), Some("application/json"));
    }

    let (code, log) = mock.stop(libc::SIGINT);
    assert_eq!(code, Some(0));
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(
        lines[..3],
        [
            "POST /enroll 200 valid EnrollmentRegistrationRequest",
            "POST /enroll 400 invalid EnrollmentRegistrationRequest: 2 violations (length, charset)",
            "POST /enroll 400 invalid EnrollmentRegistrationRequest: 1 violation (syntax)",
        ],
        "{log}"
    );
    assert!(lines.contains(&"POST /enroll/**** 404 no route"), "{log}");
    assert!(
        lines.contains(&"GET /enroll 405 method not allowed"),
        "{log}"
    );
    assert_eq!(
        lines.iter().filter(|l| l.contains(" 415 ")).count(),
        2,
        "{log}"
    );
    assert_eq!(
        lines.iter().filter(|l| l.contains(" 413 ")).count(),
        2,
        "{log}"
    );
    assert_eq!(lines.last(), Some(&"stopped"));
    assert!(!log.contains(CARD), "{log}");
}

/// `--errors upi` and `--errors alipayplus`: the vendors' shapes, HTTP 200.
#[test]
fn vendor_error_styles() {
    let mock = Mock::start(ENROLL, &["--route", ENROLL_ROUTE, "--errors", "upi"]);
    let mut invalid = valid_enrollment();
    invalid["header"]["localTime"] = Value::String("2024112214153x".into());
    let answer = mock.post(
        "/enroll",
        "application/json",
        invalid.to_string().as_bytes(),
    );
    assert_eq!(answer.status, 200);
    let header = &answer.json()["header"];
    assert_eq!(header["respCode"], "30");
    assert_eq!(
        header["respMsg"],
        "Message format error: /header/localTime charset"
    );
    assert_eq!(header["refNum"], "202411220000777");
    assert!(!answer.body.contains(CARD));
    assert_eq!(mock.stop(libc::SIGTERM).0, Some(0));

    let schema = "schemas/alipayplus/connect_benefit_apis.md";
    let mock = Mock::start(
        schema,
        &[
            "--route",
            "POST /sync/query=InquireBenefitSyncRequest:InquireBenefitSyncResponse",
            "--route",
            "POST /benefit/query=InquireBenefitIssueRequest:InquireBenefitIssueResponse",
            "--errors",
            "alipayplus",
        ],
    );
    let answer = mock.post("/sync/query", "application/json", b"{}");
    assert_eq!(answer.status, 200);
    assert_eq!(
        answer.json(),
        serde_json::json!({"result": {"resultStatus": "F", "resultCode": "PARAM_ILLEGAL",
            "resultMessage": "Illegal parameters: /benefitSyncRequestId required"}})
    );
    let answer = mock.post(
        "/benefit/query",
        "application/json",
        b"{\"benefitIssueRequestId\": 7}",
    );
    assert_eq!(answer.status, 200);
    assert_eq!(
        answer.json(),
        serde_json::json!({"success": false, "resultCode": "PARAM_ILLEGAL",
            "resultMessage": "Illegal parameters: /benefitIssueRequestId type"})
    );
    assert_eq!(mock.stop(libc::SIGTERM).0, Some(0));
}

/// Requests from several threads at once, each answered with its own echo.
#[test]
fn concurrent_requests() {
    let mock = Mock::start(ENROLL, &["--route", ENROLL_ROUTE]);
    let port = mock.port;
    let workers: Vec<_> = (0..8)
        .map(|worker| {
            thread::spawn(move || {
                for i in 0..5 {
                    let mut body = valid_enrollment();
                    let ref_num = format!("{:015}", worker * 100 + i);
                    body["header"]["refNum"] = Value::String(ref_num.clone());
                    let answer = post(
                        port,
                        "/enroll",
                        "application/json",
                        body.to_string().as_bytes(),
                    );
                    assert_eq!(answer.status, 200, "{}", answer.body);
                    assert_eq!(answer.json()["header"]["refNum"], Value::String(ref_num));
                }
            })
        })
        .collect();
    for worker in workers {
        worker.join().expect("a worker");
    }
    let (code, log) = mock.stop(libc::SIGTERM);
    assert_eq!(code, Some(0));
    assert_eq!(
        log.lines()
            .filter(|l| l.ends_with(" 200 valid EnrollmentRegistrationRequest"))
            .count(),
        40
    );
}

/// Bad arguments: a route of the wrong shape is a usage error; a message the schema lacks,
/// exit 2 with a did-you-mean; neither starts a server.
#[test]
fn bad_arguments_exit_2() {
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_fieldtab"))
            .current_dir(root())
            .arg("mock")
            .args(args)
            .stdin(Stdio::null())
            .output()
            .expect("the binary runs")
    };
    let out = run(&[ENROLL, "--listen", "127.0.0.1:0", "--route", "POST /enroll"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Usage:"));
    let out = run(&[
        ENROLL,
        "--listen",
        "127.0.0.1:0",
        "--route",
        "POST /e=EnrollmentRegistrationRequst:EnrollmentRegistrationResponse",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("did you mean `EnrollmentRegistrationRequest`?"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
    let out = run(&[ENROLL, "--listen", "127.0.0.1:0"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&[ENROLL, "--listen", "nowhere", "--route", ENROLL_ROUTE]);
    assert_eq!(out.status.code(), Some(2));
}

/// Custom formats (`custom(NAME)`): the mock cannot run their functions, says so once per
/// message or struct at start, accepts a request by the rules it checks, and answers with the
/// Example cells' values.
#[test]
fn custom_formats_are_noted_not_checked() {
    let mock = Mock::start(
        "tests/schemas/custom_formats.md",
        &["--route", "POST /pay=Payment:Merchant"],
    );
    let body = br#"{"merchant":{"ref":"nope"},"orderRef":"M-00000001"}"#;
    let response = mock.post("/pay", "application/json", body);
    assert_eq!(response.status, 200, "{}", response.body);
    assert_eq!(
        response.json()["ref"],
        "nope",
        "echoed: its format is not checked"
    );
    let response = mock.post("/pay", "application/json", br#"{"orderRef":"M-00000001"}"#);
    assert_eq!(response.status, 400, "{}", response.body);
    let (code, log) = mock.stop(libc::SIGTERM);
    assert_eq!(code, Some(0), "{log}");
    for item in ["Payment", "Merchant"] {
        let note = format!(
            "note: `{item}`: custom formats not checked (fieldtab mock cannot run their \
             functions); responses hold the Example cells' values: `merchant-ref`, `token`\n"
        );
        assert_eq!(log.matches(&note).count(), 1, "{log}");
    }
}
