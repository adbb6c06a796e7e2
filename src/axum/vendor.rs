//! The vendors' own error responses.
//!
//! UPI: the business outcome is the synchronous response's `respCode`/`respMsg` in an HTTP
//! `200` answer (the response tables of `schemas/upi/`); no code list of the Offers APIs is
//! published, so an invalid request is answered with `30`, "Message format error" in UPI's
//! standard responses. Alipay+: "The business outcome is the `result` of an HTTP 200
//! response (the vendor's SDKs treat any other HTTP status as a transport error)"
//! (`schemas/alipayplus/payment_apis.md`), with the common code `PARAM_ILLEGAL` (`F`),
//! "Illegal parameters", and `MEDIA_TYPE_NOT_ACCEPTABLE` (`F`) for a body that is not JSON.
//! A body over the limit, or one that cannot be read, keeps its HTTP status (`413`, `400`), in
//! the vendor's shape.

use std::marker::PhantomData;

use ::axum::http::StatusCode;
use ::axum::response::Response;
use serde_json::{Value, json};

use super::extract::Rejection;
use super::respond::{Responder, json_response};
use super::{skeleton, summary};
use crate::Decode;

/// UPI's error answer, in the shape of the response message `R` (a generated response type):
/// HTTP `200` (or `413`/`415`/`400` when the body was not read as a message) with `R`'s
/// mandatory fields, `respCode` `30` and `respMsg` "Message format error: " with the paths and
/// rules of the violations (ANS, at most 200 bytes), and each other mandatory field of `R`
/// copied from the request where the request has a string under the same identifier (at the
/// same place, or in the request's header): the request header fields the response echoes
/// (`procType`, `insCode`, `pid`, `refNum`). `R`'s fields are read from its own decoder, not
/// listed per message. A field the request lacks, or whose value `R`'s own rules refuse (an
/// 11-digit `pid`), is left out.
///
/// ```
/// # mod upi { fieldtab::include_schema!("schemas/upi/enrollment_registration.md"); }
/// use fieldtab::axum::{Upi, Valid};
/// use upi::{EnrollmentRegistrationRequest, EnrollmentRegistrationResponse};
///
/// async fn enroll(
///     Valid(request, _): Valid<EnrollmentRegistrationRequest, Upi<EnrollmentRegistrationResponse>>,
/// ) -> String {
///     request.header.ref_num
/// }
/// # let _: axum::Router = axum::Router::new().route("/", axum::routing::post(enroll));
/// ```
pub struct Upi<R>(PhantomData<fn() -> R>);

/// UPI's "Message format error".
const UPI_FORMAT_ERROR: &str = "30";

impl<R: Decode> Responder for Upi<R> {
    fn respond(rejection: Rejection, body: &[u8]) -> Response {
        let status = rejection.status(StatusCode::OK);
        let message = summary::one_line(&rejection, "Message format error", 200, &[]);
        let request: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
        let fixed = |identifier: &str| match identifier {
            "respCode" => Some(UPI_FORMAT_ERROR.to_owned()),
            "respMsg" => Some(message.clone()),
            _ => None,
        };
        let mut answer = skeleton::fill(&skeleton::mandatory_skeleton::<R>(), &request, &fixed);
        skeleton::drop_refused::<R>(&mut answer);
        json_response(status, answer.to_string())
    }
}

/// The Alipay+ `result` of a failure: `resultStatus` `F`, `resultCode`, `resultMessage` (at
/// most 256 characters).
fn alipay_result(rejection: &Rejection, forbidden: &[char]) -> (StatusCode, &'static str, String) {
    let (code, lead) = match rejection {
        Rejection::UnsupportedMediaType => {
            ("MEDIA_TYPE_NOT_ACCEPTABLE", "Media type not acceptable")
        }
        _ => ("PARAM_ILLEGAL", "Illegal parameters"),
    };
    let status = match rejection {
        Rejection::Invalid(_) => StatusCode::OK,
        other => other.status(StatusCode::OK),
    };
    (
        status,
        code,
        summary::one_line(rejection, lead, 256, forbidden),
    )
}

/// Alipay+'s error answer for the APIs that answer `result` (the payment APIs, and the Connect
/// APIs an ISV calls): HTTP `200` with
/// `{"result":{"resultStatus":"F","resultCode":"PARAM_ILLEGAL","resultMessage":"Illegal parameters: …"}}`
/// (`MEDIA_TYPE_NOT_ACCEPTABLE` and `415` for a body that is not JSON; `413`/`400` with
/// `PARAM_ILLEGAL` for a body not read).
pub struct AlipayPlus;

impl Responder for AlipayPlus {
    fn respond(rejection: Rejection, _: &[u8]) -> Response {
        let (status, code, message) = alipay_result(&rejection, &[]);
        let body = json!({
            "result": {"resultStatus": "F", "resultCode": code, "resultMessage": message}
        });
        json_response(status, body.to_string())
    }
}

/// Alipay+'s error answer for the Connect APIs Alipay+ calls on an ISV (`issueBenefit`,
/// `inquireBenefitIssue`, …), whose responses are flat: HTTP `200` with
/// `{"success":false,"resultCode":"PARAM_ILLEGAL","resultMessage":"Illegal parameters: …"}`,
/// the message without `@ # ?` (which those fields forbid).
pub struct AlipayPlusFlat;

impl Responder for AlipayPlusFlat {
    fn respond(rejection: Rejection, _: &[u8]) -> Response {
        let (status, code, message) = alipay_result(&rejection, &['@', '#', '?']);
        let body = json!({"success": false, "resultCode": code, "resultMessage": message});
        json_response(status, body.to_string())
    }
}
