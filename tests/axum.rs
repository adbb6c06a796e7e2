//! `fieldtab::axum` (feature `axum`, enabled for the facade's tests by its dev-dependency on
//! itself): routers driven with `tower::ServiceExt::oneshot`, no socket. Every shipped sample of
//! the Enrollment Registration request through the extractor, each rejection's status and body,
//! the vendors' shapes, and no card number in any answer.

use std::path::{Path, PathBuf};

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::DefaultBodyLimit;
use axum::http::{Request, StatusCode, header::CONTENT_TYPE};
use axum::response::IntoResponse;
use axum::routing::post;
use fieldtab::axum::{AlipayPlus, AlipayPlusFlat, Plain, ReportResponse, Upi, Valid};
use serde_json::{Value, json};
use tower::ServiceExt;

mod upi {
    fieldtab::include_schema!("schemas/upi/enrollment_registration.md");
}
mod usage {
    fieldtab::include_schema!("schemas/upi/instant_discount_usage_query.md");
}
mod connect {
    fieldtab::include_schema!("schemas/alipayplus/connect_benefit_apis.md");
}
use upi::{EnrollmentRegistrationRequest, EnrollmentRegistrationResponse};

const CARD: &str = "6214835920672688";

async fn accept(Valid(request, _): Valid<EnrollmentRegistrationRequest>) -> String {
    format!("accepted {}", request.header.ref_num)
}

async fn accept_400(Valid(request, _): Valid<EnrollmentRegistrationRequest, Plain<400>>) -> String {
    request.header.ref_num
}

async fn accept_upi(
    Valid(request, _): Valid<EnrollmentRegistrationRequest, Upi<EnrollmentRegistrationResponse>>,
) -> String {
    request.header.ref_num
}

async fn accept_usage(
    Valid(request, _): Valid<
        usage::InstantDiscountUsageQueryRequest,
        Upi<usage::InstantDiscountUsageQueryResponse>,
    >,
) -> String {
    request.ref_num
}

async fn accept_alipay(
    Valid(request, _): Valid<connect::InquireBenefitSyncRequest, AlipayPlus>,
) -> String {
    request.benefit_sync_request_id
}

async fn accept_flat(
    Valid(request, _): Valid<connect::InquireBenefitIssueRequest, AlipayPlusFlat>,
) -> String {
    request.benefit_issue_request_id
}

async fn own_check() -> Result<String, ReportResponse> {
    let header = fieldtab::from_json::<upi::EnrollmentRegistrationRequestHeader>(b"{}")?;
    Ok(header.pid)
}

fn app() -> Router {
    Router::new()
        .route("/enroll", post(accept))
        .route("/enroll-400", post(accept_400))
        .route("/enroll-upi", post(accept_upi))
        .route("/usage-upi", post(accept_usage))
        .route("/inquire-sync", post(accept_alipay))
        .route("/inquire-issue", post(accept_flat))
        .route("/own-check", post(own_check))
        .route("/small", post(accept).layer(DefaultBodyLimit::max(64)))
}

/// The status and body of one POST.
async fn post_to(uri: &str, content_type: Option<&str>, body: Vec<u8>) -> (StatusCode, String) {
    let mut request = Request::builder().method("POST").uri(uri);
    if let Some(content_type) = content_type {
        request = request.header(CONTENT_TYPE, content_type);
    }
    let response = app()
        .oneshot(request.body(Body::from(body)).expect("a request"))
        .await
        .expect("the router answers");
    let status = response.status();
    let bytes = to_bytes(response.into_body(), 1 << 20)
        .await
        .expect("a body");
    (status, String::from_utf8(bytes.to_vec()).expect("UTF-8"))
}

async fn post_json(uri: &str, body: &Value) -> (StatusCode, Value) {
    let (status, text) =
        post_to(uri, Some("application/json"), body.to_string().into_bytes()).await;
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

fn samples(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/messages/upi/enrollment_registration/EnrollmentRegistrationRequest");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the samples")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.starts_with(kind) && name.ends_with(".json") && !name.ends_with(".expected.json")
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no {kind} sample in {}", dir.display());
    files
}

fn valid_request() -> Value {
    json!({
        "header": {"procType": "41", "signCertId": "001", "encCertId": "002",
                   "insCode": "39990157", "pid": "1000000001", "refNum": "202411220000001",
                   "localTime": "20241122141530", "localTimeZone": "GMT+08:00"},
        "data": {"userToken": "USR20241122A7", "cardNo": CARD}
    })
}

/// The request with a bad `localTime` (a rule that quotes nothing) and the card kept.
fn invalid_request() -> Value {
    let mut request = valid_request();
    request["header"]["localTime"] = json!("2024112214153x");
    request
}

#[tokio::test]
async fn every_valid_sample_reaches_the_handler() {
    for file in samples("valid-") {
        let body = std::fs::read(&file).expect("the sample");
        let (status, text) = post_to("/enroll", Some("application/json"), body).await;
        assert_eq!(status, StatusCode::OK, "{}: {text}", file.display());
        assert!(text.starts_with("accepted "), "{text}");
    }
}

#[tokio::test]
async fn every_invalid_sample_is_422_with_its_violations() {
    for file in samples("invalid-") {
        let expected: Value = serde_json::from_slice(
            &std::fs::read(file.with_extension("expected.json")).expect("the expectation"),
        )
        .expect("JSON");
        if expected["deny_unknown"] == json!(true) {
            continue; // the extractor keeps the schema's own policy: unknown fields ignored
        }
        let body = std::fs::read(&file).expect("the sample");
        let (status, text) = post_to("/enroll", Some("application/json"), body).await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            file.display()
        );
        let answer: Value = serde_json::from_str(&text).expect("a JSON body");
        let got: Vec<(Value, Value)> = answer["violations"]
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
        assert!(answer["violations"][0]["message"].is_string());
    }
}

#[tokio::test]
async fn plain_status_is_configurable() {
    let (status, body) = post_json("/enroll-400", &invalid_request()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["violations"][0]["path"], "/header/localTime");
    let (status, _) = post_json("/enroll-400", &valid_request()).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn content_type_must_be_json() {
    let body = valid_request().to_string().into_bytes();
    for content_type in [
        None,
        Some("text/plain"),
        Some("application/jsonx"),
        Some("json"),
    ] {
        let (status, text) = post_to("/enroll", content_type, body.clone()).await;
        assert_eq!(
            status,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "{content_type:?}"
        );
        let answer: Value = serde_json::from_str(&text).expect("JSON");
        assert!(
            answer["error"]
                .as_str()
                .expect("error")
                .contains("application/json")
        );
    }
    for content_type in [
        "application/json; charset=UTF-8",
        "APPLICATION/JSON",
        "application/vnd.x+json",
    ] {
        let (status, _) = post_to("/enroll", Some(content_type), body.clone()).await;
        assert_eq!(status, StatusCode::OK, "{content_type}");
    }
}

#[tokio::test]
async fn body_over_the_limit_is_413() {
    let (status, text) = post_to(
        "/small",
        Some("application/json"),
        valid_request().to_string().into_bytes(),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{text}");
    let (status, _) = post_to("/small", Some("application/json"), b"{}".to_vec()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn malformed_json_is_one_syntax_violation() {
    let (status, text) = post_to(
        "/enroll",
        Some("application/json"),
        b"{\"header\": ".to_vec(),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let answer: Value = serde_json::from_str(&text).expect("JSON");
    let violations = answer["violations"].as_array().expect("violations");
    assert_eq!(violations.len(), 1);
    assert_eq!(violations[0]["path"], "");
    assert_eq!(violations[0]["rule"], "syntax");
}

#[tokio::test]
async fn upi_answers_its_response_with_the_echoed_header() {
    let (status, body) = post_json("/enroll-upi", &invalid_request()).await;
    assert_eq!(status, StatusCode::OK);
    let header = &body["header"];
    assert_eq!(header["procType"], "41");
    assert_eq!(header["insCode"], "39990157");
    assert_eq!(header["pid"], "1000000001");
    assert_eq!(header["refNum"], "202411220000001");
    assert_eq!(header["respCode"], "30");
    assert_eq!(
        header["respMsg"],
        "Message format error: /header/localTime charset"
    );
    assert_eq!(body.as_object().map(|o| o.len()), Some(1), "{body}");
    // The answer is itself a valid response message.
    let bytes = body.to_string();
    let response: EnrollmentRegistrationResponse =
        fieldtab::from_json(bytes.as_bytes()).unwrap_or_else(|report| panic!("{report}"));
    assert_eq!(response.header.resp_code, "30");
}

#[tokio::test]
async fn upi_leaves_out_an_echo_its_response_refuses() {
    let mut request = invalid_request();
    request["header"]["pid"] = json!("10000000019"); // 11 digits: N 10
    let (status, body) = post_json("/enroll-upi", &request).await;
    assert_eq!(status, StatusCode::OK);
    let header = body["header"].as_object().expect("a header");
    assert!(!header.contains_key("pid"), "{body}");
    assert_eq!(header["refNum"], "202411220000001");
    assert_eq!(header["respCode"], "30");
}

#[tokio::test]
async fn upi_flat_response_and_malformed_request() {
    let request = json!({
        "procType": "51", "signCertId": "001", "encCertId": "002", "insCode": "39990157",
        "pid": "1000000001", "refNum": "202411220000001", "localTime": "20241122141530",
        "localTimeZone": "GMT+8", "data": {"userToken": "U1", "cardNo": CARD}
    });
    let (status, body) = post_json("/usage-upi", &request).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        body,
        json!({"procType": "51", "insCode": "39990157", "refNum": "202411220000001",
               "respCode": "30", "respMsg": "Message format error: /localTimeZone format"})
    );
    // Nothing to echo: the response's own place for the code all the same.
    let (status, text) = post_to("/enroll-upi", Some("application/json"), b"{".to_vec()).await;
    assert_eq!(status, StatusCode::OK);
    let body: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(
        body,
        json!({"header": {"respCode": "30", "respMsg": "Message format error: / syntax"}})
    );
    let (status, text) = post_to("/enroll-upi", Some("text/plain"), b"{}".to_vec()).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(text.contains("\"respCode\":\"30\""), "{text}");
}

#[tokio::test]
async fn alipay_plus_result_and_flat_shapes() {
    let (status, body) = post_json("/inquire-sync", &json!({"benefitSyncRequestId": "a#b"})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        body,
        json!({"result": {"resultStatus": "F", "resultCode": "PARAM_ILLEGAL",
                          "resultMessage": "Illegal parameters: /benefitSyncRequestId charset"}})
    );
    let (status, body) = post_json("/inquire-issue", &json!({"a?b": 1})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        body,
        json!({"success": false, "resultCode": "PARAM_ILLEGAL",
               "resultMessage": "Illegal parameters: /benefitIssueRequestId required"})
    );
    let (status, text) = post_to("/inquire-sync", Some("text/xml"), b"<x/>".to_vec()).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let body: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(body["result"]["resultCode"], "MEDIA_TYPE_NOT_ACCEPTABLE");
    let (status, body) = post_json(
        "/inquire-issue",
        &json!({"benefitIssueRequestId": "REQ-20211111"}),
    )
    .await;
    assert_eq!((status, body), (StatusCode::OK, json!("REQ-20211111")));
}

#[tokio::test]
async fn no_card_number_in_any_answer() {
    let mut card_in_wrong_places = invalid_request();
    card_in_wrong_places["data"]["cardNo"] = json!(format!("{CARD}x"));
    card_in_wrong_places["data"]["mobile"] = json!(CARD);
    card_in_wrong_places[CARD] = json!(CARD);
    for request in [invalid_request(), card_in_wrong_places] {
        for uri in [
            "/enroll",
            "/enroll-400",
            "/enroll-upi",
            "/inquire-sync",
            "/inquire-issue",
        ] {
            let (status, text) = post_to(
                uri,
                Some("application/json"),
                request.to_string().into_bytes(),
            )
            .await;
            assert_ne!(status, StatusCode::INTERNAL_SERVER_ERROR);
            assert!(!text.contains(CARD), "{uri}: {text}");
        }
    }
    // The extracted value's Debug masks it too.
    let body = valid_request().to_string();
    let valid: Valid<EnrollmentRegistrationRequest> = Valid(
        fieldtab::from_json(body.as_bytes()).expect("valid"),
        std::marker::PhantomData,
    );
    assert!(!format!("{valid:?}").contains(CARD));
}

#[tokio::test]
async fn a_report_is_a_422_response() {
    let (status, body) = post_json("/own-check", &json!({})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        body["violations"][0],
        json!({"path": "/procType", "rule": "required", "message": "is required"})
    );
    let mut report = fieldtab::Report::with_limit(1);
    for key in ["a", "b", "c"] {
        report.push(
            &fieldtab::Path::root().key(key),
            fieldtab::RuleError::required(),
        );
    }
    let response = ReportResponse(report).into_response();
    let bytes = to_bytes(response.into_body(), 1 << 16)
        .await
        .expect("a body");
    let body: Value = serde_json::from_slice(&bytes).expect("JSON");
    assert_eq!(body["more"], 2);
}
