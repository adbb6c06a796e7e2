//! An Alipay+ Connect ISV endpoint, on `fieldtab::axum`: the three APIs Alipay+ calls on an
//! Independent Software Vendor for benefits (`schemas/alipayplus/connect_benefit_apis.md`):
//! `issueBenefit` issues benefits of a template to a user, `inquireBenefitIssue` answers the
//! result of an issuing with its `ExternalBenefitDetail` items, `reverseBenefitIssue` reverses
//! it. Requests are decoded and validated in one pass; an invalid one is answered in the flat
//! shape of these APIs (`success: false`, `resultCode` `PARAM_ILLEGAL`); every response is
//! checked against its schema before it is sent.
//!
//! ```sh
//! cargo run --example alipayplus_isv_server --features axum -- 127.0.0.1:8081
//! curl -s -H 'Content-Type: application/json' -d '{"benefitIssueRequestId":"20211111010101000001234","userId":"2160120000000001","benefitTemplateId":"202110013121247125127141241"}' http://127.0.0.1:8081/isv/benefit/issue
//! curl -s -H 'Content-Type: application/json' -d '{"benefitIssueRequestId":"20211111010101000001234"}' http://127.0.0.1:8081/isv/benefit/query
//! ```

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::State;
use axum::routing::post;
use fieldtab::Timestamp;
use fieldtab::axum::{AlipayPlusFlat, Checked, Valid};

/// The Alipay+ Connect benefit APIs, with the data dictionary items they import.
// The enums read from "Valid values are: …" in a Description cell carry no doc of their own.
#[allow(missing_docs)]
pub mod connect {
    fieldtab::include_schema!("schemas/alipayplus/connect_benefit_apis.md");
}
use connect::{
    BenefitStatus, ExternalBenefitDetail, InquireBenefitIssueRequest, InquireBenefitIssueResponse,
    IssueBenefitRequest, IssueBenefitResponse, ReverseBenefitIssueRequest,
    ReverseBenefitIssueResponse,
};

/// At most this many benefits in one issuing.
const MAX_QUANTITY: i64 = 10;

/// The ISV's issuings, by `benefitIssueRequestId`.
#[derive(Default)]
pub struct Isv {
    issued: Mutex<HashMap<String, Vec<ExternalBenefitDetail>>>,
}

/// The routes (the paths of the Connect pages' samples), over an ISV with nothing issued.
pub fn router() -> Router {
    Router::new()
        .route("/isv/benefit/issue", post(issue))
        .route("/isv/benefit/query", post(inquire))
        .route("/isv/benefit/reverse", post(reverse))
        .with_state(Arc::new(Isv::default()))
}

/// A flat failure of these APIs.
fn failure(code: &str, message: &str) -> (bool, Option<String>, Option<String>) {
    (false, Some(code.into()), Some(message.into()))
}

/// `issueBenefit`: `quantity` benefits (1 unless told) of the template, valid for 30 days; the
/// same request ID again gives the same benefits (the field is an idempotency key).
async fn issue(
    State(isv): State<Arc<Isv>>,
    Valid(request, _): Valid<IssueBenefitRequest, AlipayPlusFlat>,
) -> Checked<IssueBenefitResponse> {
    let quantity = request.quantity.unwrap_or(1);
    if !(1..=MAX_QUANTITY).contains(&quantity) {
        let (success, result_code, result_message) =
            failure("PARAM_ILLEGAL", "quantity must be 1 to 10");
        return Checked(IssueBenefitResponse {
            success,
            result_code,
            result_message,
            benefit_details: None,
        });
    }
    let template = request
        .benefit_template_id
        .unwrap_or_else(|| "DEFAULT-TEMPLATE".into());
    let Ok(mut issued) = isv.issued.lock() else {
        let (success, result_code, result_message) = failure("SYSTEM_ERROR", "System error");
        return Checked(IssueBenefitResponse {
            success,
            result_code,
            result_message,
            benefit_details: None,
        });
    };
    let id = request.benefit_issue_request_id;
    let details = match issued.get(&id) {
        Some(details) => details.clone(),
        None => {
            let made: Option<Vec<_>> = (0..quantity).map(|i| benefit(&id, i, &template)).collect();
            let Some(made) = made else {
                let (success, result_code, result_message) =
                    failure("SYSTEM_ERROR", "System error");
                return Checked(IssueBenefitResponse {
                    success,
                    result_code,
                    result_message,
                    benefit_details: None,
                });
            };
            issued.insert(id, made.clone());
            made
        }
    };
    Checked(IssueBenefitResponse {
        success: true,
        result_code: None,
        result_message: None,
        benefit_details: Some(details),
    })
}

/// One benefit instance, active from now for 30 days (`None` if the clock is beyond what ISO
/// 8601 times hold here).
fn benefit(request_id: &str, index: i64, template: &str) -> Option<ExternalBenefitDetail> {
    let now = fieldtab::time::OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .ok()?;
    let activate_time = Timestamp::from_offset_date_time(now)?;
    let expire_time = Timestamp::from_offset_date_time(now + fieldtab::time::Duration::days(30))?;
    let id: String = request_id.chars().take(56).collect();
    Some(ExternalBenefitDetail {
        benefit_instance_id: format!("{id}-{index}"),
        benefit_template_id: template.into(),
        amount: None,
        status: BenefitStatus::Activated,
        activate_time,
        expire_time,
        benefit_code: Some(format!("CODE{index}")),
        benefit_pin: None,
        benefit_url: None,
        extend_info: None,
    })
}

/// `inquireBenefitIssue`: the benefits of an issuing, or `ISSUE_REQUEST_ID_NOT_EXIST`.
async fn inquire(
    State(isv): State<Arc<Isv>>,
    Valid(request, _): Valid<InquireBenefitIssueRequest, AlipayPlusFlat>,
) -> Checked<InquireBenefitIssueResponse> {
    let found = isv
        .issued
        .lock()
        .ok()
        .and_then(|issued| issued.get(&request.benefit_issue_request_id).cloned());
    Checked(match found {
        Some(details) => InquireBenefitIssueResponse {
            success: true,
            result_code: None,
            result_message: None,
            benefit_details: Some(details),
        },
        None => InquireBenefitIssueResponse {
            success: false,
            result_code: Some("ISSUE_REQUEST_ID_NOT_EXIST".into()),
            result_message: Some("The issuing request ID does not exist".into()),
            benefit_details: None,
        },
    })
}

/// `reverseBenefitIssue`: the issuing's benefits become `REVERSED`; an unknown ID needs no
/// reversal (success, as the page says of `ISSUE_REQUEST_ID_NOT_EXIST`).
async fn reverse(
    State(isv): State<Arc<Isv>>,
    Valid(request, _): Valid<ReverseBenefitIssueRequest, AlipayPlusFlat>,
) -> Checked<ReverseBenefitIssueResponse> {
    if let Ok(mut issued) = isv.issued.lock()
        && let Some(details) = issued.get_mut(&request.benefit_issue_request_id)
    {
        for detail in details {
            detail.status = BenefitStatus::Reversed;
        }
    }
    Checked(ReverseBenefitIssueResponse {
        success: true,
        result_code: None,
        result_message: None,
    })
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:8081".into());
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!("listening on {}", listener.local_addr()?);
    axum::serve(listener, router())
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
