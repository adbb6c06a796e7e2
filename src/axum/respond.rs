//! How a rejection becomes a response: the [`Responder`] hook, the plain answer, a report as a
//! response, and a response checked before it is sent.

use ::axum::http::{HeaderValue, StatusCode, header};
use ::axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::extract::Rejection;
use crate::{Report, Validate};

/// The hook that answers a rejected request; the second type parameter of
/// [`Valid`](super::Valid).
///
/// `body` is the request's body when it was read ([`Rejection::Invalid`]), empty otherwise; a
/// responder may copy from it what the vendor's error response echoes, never more.
///
/// ```
/// use axum::response::{IntoResponse, Response};
/// use fieldtab::axum::{Rejection, Responder};
///
/// /// Answers every rejection with `400` and no body.
/// struct Bare;
/// impl Responder for Bare {
///     fn respond(_: Rejection, _: &[u8]) -> Response {
///         axum::http::StatusCode::BAD_REQUEST.into_response()
///     }
/// }
/// ```
pub trait Responder {
    /// The response to `rejection`.
    fn respond(rejection: Rejection, body: &[u8]) -> Response;
}

/// The plain answer: `STATUS` (`422` unless told; it must be a 4xx) with
/// `{"violations":[{"path","rule","message"}]}` for an invalid message (and `"more": N` after
/// them when the report kept only the first violations), and `415`, `413` or `400` with
/// `{"error": "…"}` for a body that is not JSON or could not be read.
pub struct Plain<const STATUS: u16 = 422>;

impl<const STATUS: u16> Responder for Plain<STATUS> {
    fn respond(rejection: Rejection, _: &[u8]) -> Response {
        const {
            assert!(
                STATUS >= 400 && STATUS < 500,
                "Plain<STATUS>: STATUS must be a 4xx"
            )
        };
        let invalid = StatusCode::from_u16(STATUS).unwrap_or(StatusCode::UNPROCESSABLE_ENTITY);
        let status = rejection.status(invalid);
        match rejection {
            Rejection::Invalid(report) => json_response(status, violations_body(&report)),
            other => json_response(
                status,
                serde_json::json!({ "error": other.describe() }).to_string(),
            ),
        }
    }
}

/// `{"violations":[…]}`, with `"more":N` when violations beyond the report's limit were not
/// kept: the body of a plain answer, and what `fieldtab validate --format json` prints as
/// `violations`.
///
/// ```
/// use fieldtab::{Path, Report, RuleError};
/// let mut report = Report::new();
/// report.push(&Path::root().key("pid"), RuleError::required());
/// assert_eq!(
///     fieldtab::axum::violations_body(&report),
///     r#"{"violations":[{"path":"/pid","rule":"required","message":"is required"}]}"#
/// );
/// ```
pub fn violations_body(report: &Report) -> String {
    // A report serializes as an array of plain strings and rules: it cannot fail.
    let violations = serde_json::to_string(report).unwrap_or_else(|_| "[]".to_owned());
    match report.more() {
        0 => format!("{{\"violations\":{violations}}}"),
        n => format!("{{\"violations\":{violations},\"more\":{n}}}"),
    }
}

/// A JSON body with its status and `Content-Type: application/json`.
pub(super) fn json_response(status: StatusCode, body: String) -> Response {
    let mut response = (status, body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// A [`Report`] as a response: `422` with `{"violations":[…]}`, as [`Plain`] answers. For a
/// handler's own checks: `Err(ReportResponse::from(report))`, or `?` on a
/// `Result<_, Report>` in a handler returning `Result<_, ReportResponse>`.
///
/// (axum's `IntoResponse` cannot be implemented on `Report` itself outside the runtime crate,
/// which links no HTTP crate.)
#[derive(Debug)]
pub struct ReportResponse(pub Report);

impl From<Report> for ReportResponse {
    fn from(report: Report) -> ReportResponse {
        ReportResponse(report)
    }
}

impl IntoResponse for ReportResponse {
    fn into_response(self) -> Response {
        json_response(StatusCode::UNPROCESSABLE_ENTITY, violations_body(&self.0))
    }
}

/// A response message checked against its schema before it is sent: `200` with its JSON when
/// it is valid; when it is not, the server has a bug, answered `500` with
/// `{"error": "…", "violations": […]}` (paths and rules, never a value) instead of a message
/// the client would reject.
///
/// ```
/// use axum::response::IntoResponse;
/// mod upi {
///     fieldtab::include_schema!("schemas/upi/enrollment_registration.md");
/// }
/// use upi::{EnrollmentRegistrationResponse, EnrollmentRegistrationResponseHeader};
///
/// let mut header = EnrollmentRegistrationResponseHeader {
///     proc_type: "41".into(), ins_code: "39990157".into(), pid: "1000000001".into(),
///     ref_num: "202411220000001".into(), resp_code: "00".into(), resp_msg: "success".into(),
/// };
/// let ok = fieldtab::axum::Checked(EnrollmentRegistrationResponse { header: header.clone() });
/// assert_eq!(ok.into_response().status(), 200);
/// header.resp_code = "000".into(); // ANS 2
/// let bad = fieldtab::axum::Checked(EnrollmentRegistrationResponse { header });
/// assert_eq!(bad.into_response().status(), 500);
/// ```
#[derive(Debug)]
pub struct Checked<T>(pub T);

impl<T: Validate + Serialize> IntoResponse for Checked<T> {
    fn into_response(self) -> Response {
        if let Err(report) = self.0.validate() {
            let violations = serde_json::to_string(&report).unwrap_or_else(|_| "[]".to_owned());
            return json_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!(
                    "{{\"error\":\"the response breaks its schema\",\"violations\":{violations}}}"
                ),
            );
        }
        match crate::to_json(&self.0) {
            Ok(body) => json_response(StatusCode::OK, body),
            Err(_) => json_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                "{\"error\":\"the response cannot be written as JSON\"}".to_owned(),
            ),
        }
    }
}
