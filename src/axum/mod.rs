//! axum integration (feature `axum`): decode and validate a request body in one pass, and
//! answer what is rejected as plain violations or in the vendor's own error shape.
//!
//! - [`Valid<T, R>`](Valid), the extractor: checks the content type (`415`), reads the body
//!   within axum's body limit (`413`; set it with `DefaultBodyLimit::max`), decodes and
//!   validates it with [`from_json`](crate::from_json), and hands a rejection to the
//!   [`Responder`] `R`;
//! - the responders: [`Plain`] (`422`, or the status it is given, with
//!   `{"violations":[{"path","rule","message"}]}`), [`Upi`] (`respCode`/`respMsg` with the
//!   request fields the response echoes), [`AlipayPlus`] (`result` with `resultStatus` `F` and
//!   `resultCode` `PARAM_ILLEGAL`) and [`AlipayPlusFlat`] (the flat `success`/`resultCode`/
//!   `resultMessage` of the APIs Alipay+ calls on an ISV); a responder of one's own implements
//!   [`Responder`];
//! - [`ReportResponse`], a [`Report`](crate::Report) as a response (the orphan rule forbids
//!   implementing axum's `IntoResponse` on the runtime's `Report` here, and the runtime does not
//!   depend on axum), and [`Checked`], a response that is validated before it is sent.
//!
//! No response and no rejection holds a value of the request: a violation's message never
//! quotes the value (docs/SEMANTICS.md §5.3), and the vendor responders copy only the fields
//! the vendor's response echoes.
//!
//! ```
//! use axum::{Router, routing::post};
//! use fieldtab::axum::{Plain, Valid};
//!
//! mod upi {
//!     fieldtab::include_schema!("schemas/upi/enrollment_registration.md");
//! }
//! use upi::EnrollmentRegistrationRequest;
//!
//! async fn enroll(Valid(request, _): Valid<EnrollmentRegistrationRequest>) -> String {
//!     format!("accepted {}", request.header.ref_num)
//! }
//!
//! // 400 rather than 422 for an invalid request:
//! async fn enroll_400(Valid(request, _): Valid<EnrollmentRegistrationRequest, Plain<400>>) -> String {
//!     request.header.ref_num
//! }
//!
//! let app: Router = Router::new()
//!     .route("/enroll", post(enroll))
//!     .route("/enroll-400", post(enroll_400));
//! # let _ = app;
//! ```

mod extract;
mod respond;
mod skeleton;
mod summary;
mod vendor;

pub use extract::{Rejection, Valid, is_json};
pub use respond::{Checked, Plain, ReportResponse, Responder, violations_body};
pub use vendor::{AlipayPlus, AlipayPlusFlat, Upi};
