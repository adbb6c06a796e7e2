//! The axum examples served as their `main` serves them, on a socket (127.0.0.1, port 0), and
//! driven over real HTTP/1.1 by hyper's client: the UPI Marketing Platform stand-in
//! (`examples/upi_marketing_platform_mock.rs`) and the Alipay+ Connect ISV endpoint
//! (`examples/alipayplus_isv_server.rs`). Each answer is held to its response message by
//! `from_json`. The servers stop with the test's runtime.

use axum::Router;
use axum::http::{Request, StatusCode, header::CONTENT_TYPE};
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::{Client, connect::HttpConnector};
use hyper_util::rt::TokioExecutor;
use serde_json::{Value, json};

#[allow(dead_code, unreachable_pub)]
#[path = "../examples/upi_marketing_platform_mock.rs"]
mod upi_example;

#[allow(dead_code, unreachable_pub)]
#[path = "../examples/alipayplus_isv_server.rs"]
mod isv_example;

const CARD: &str = "6214835920672688";

/// An example's router served on 127.0.0.1 (a free port), and a client for it.
struct Served {
    base: String,
    client: Client<HttpConnector, Full<Bytes>>,
}

/// Serves `app` as the examples' `main` does, on a port the system picks.
async fn serve(app: Router) -> Served {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a loopback port");
    let addr = listener.local_addr().expect("its address");
    tokio::spawn(async move { axum::serve(listener, app).await });
    Served {
        base: format!("http://{addr}"),
        client: Client::builder(TokioExecutor::new()).build_http(),
    }
}

/// Posts JSON to the served example (which keeps its state); the status and the body as JSON.
async fn post(app: &Served, uri: &str, content_type: &str, body: &Value) -> (StatusCode, Value) {
    let request = Request::builder()
        .method("POST")
        .uri(format!("{}{uri}", app.base))
        .header(CONTENT_TYPE, content_type)
        .body(Full::new(Bytes::from(body.to_string())))
        .expect("a request");
    let response = app.client.request(request).await.expect("an answer");
    let status = response.status();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("a body")
        .to_bytes();
    assert!(
        !String::from_utf8_lossy(&bytes).contains(CARD),
        "a card number in {uri}"
    );
    (status, serde_json::from_slice(&bytes).expect("a JSON body"))
}

fn header() -> Value {
    json!({"procType": "41", "signCertId": "001", "encCertId": "002", "insCode": "39990157",
           "pid": "1000000001", "refNum": "202411220000001", "localTime": "20241122141530",
           "localTimeZone": "GMT+08:00"})
}

/// A flat UPI request: the header's fields at the top, then `data`.
fn flat(card: &str) -> Value {
    let mut request = header();
    request["data"] = json!({"userToken": "USR1", "cardNo": card});
    request
}

#[tokio::test]
async fn upi_marketing_platform() {
    let app = serve(upi_example::router()).await;
    let enrollment = json!({"header": header(), "data": {"userToken": "USR1", "cardNo": CARD}});
    let (status, body) = post(&app, "/enrollment", "application/json", &enrollment).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["header"]["respCode"], "00");
    assert_eq!(body["header"]["refNum"], "202411220000001");
    fieldtab::from_json::<upi_example::enrollment::EnrollmentRegistrationResponse>(
        body.to_string().as_bytes(),
    )
    .unwrap_or_else(|report| panic!("{report}"));

    let (status, body) = post(
        &app,
        "/instant-discount/usage",
        "application/json",
        &flat(CARD),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        (body["respCode"].clone(), body["discCurr"].clone()),
        (json!("00"), json!("156"))
    );
    let other = flat("4111111111111111");
    let (_, body) = post(&app, "/instant-discount/usage", "application/json", &other).await;
    assert_eq!(body["respCode"], "73");

    let (_, body) = post(
        &app,
        "/instant-discount/budget-progress",
        "application/json",
        &header(),
    )
    .await;
    assert_eq!(
        (body["respCode"].clone(), body["ttlRemainProp"].clone()),
        (json!("00"), json!("0.99"))
    );

    // Invalid: UPI's own answer, the header echoed, never the card.
    let mut bad = enrollment.clone();
    bad["header"]["localTimeZone"] = json!("GMT+8");
    let (status, body) = post(&app, "/enrollment", "application/json", &bad).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["header"]["respCode"], "30");
    assert_eq!(body["header"]["pid"], "1000000001");
    let (status, _) = post(&app, "/enrollment", "text/plain", &enrollment).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
}

#[tokio::test]
async fn alipayplus_isv_server() {
    let app = serve(isv_example::router()).await;
    let issue = json!({"benefitIssueRequestId": "REQ1", "userId": "2160120000000001",
                       "benefitTemplateId": "TPL7", "quantity": 2});
    let (status, issued) = post(&app, "/isv/benefit/issue", "application/json", &issue).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(issued["success"], true);
    let details = issued["benefitDetails"].as_array().expect("benefitDetails");
    assert_eq!(details.len(), 2);
    assert_eq!(details[0]["status"], "ACTIVATED");
    fieldtab::from_json::<isv_example::connect::IssueBenefitResponse>(
        issued.to_string().as_bytes(),
    )
    .unwrap_or_else(|report| panic!("{report}"));

    let query = json!({"benefitIssueRequestId": "REQ1"});
    let (_, found) = post(&app, "/isv/benefit/query", "application/json", &query).await;
    assert_eq!(found["benefitDetails"], issued["benefitDetails"]);
    fieldtab::from_json::<isv_example::connect::InquireBenefitIssueResponse>(
        found.to_string().as_bytes(),
    )
    .unwrap_or_else(|report| panic!("{report}"));

    let (_, reversed) = post(&app, "/isv/benefit/reverse", "application/json", &query).await;
    assert_eq!(reversed, json!({"success": true}));
    let (_, after) = post(&app, "/isv/benefit/query", "application/json", &query).await;
    assert_eq!(after["benefitDetails"][1]["status"], "REVERSED");

    let unknown = json!({"benefitIssueRequestId": "REQ2"});
    let (_, missing) = post(&app, "/isv/benefit/query", "application/json", &unknown).await;
    assert_eq!(missing["resultCode"], "ISSUE_REQUEST_ID_NOT_EXIST");
    let (status, invalid) = post(
        &app,
        "/isv/benefit/query",
        "application/json",
        &json!({"benefitIssueRequestId": "a@b"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        invalid,
        json!({"success": false, "resultCode": "PARAM_ILLEGAL",
               "resultMessage": "Illegal parameters: /benefitIssueRequestId charset"})
    );
}
