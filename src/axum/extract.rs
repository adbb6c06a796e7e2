//! The extractor: content type, body within the limit, then one pass of decoding and
//! validation.

use std::fmt;
use std::marker::PhantomData;

use ::axum::body::Bytes;
use ::axum::extract::{FromRequest, Request};
use ::axum::http::{HeaderMap, StatusCode, header};
use ::axum::response::Response;

use super::respond::{Plain, Responder};
use crate::Decode;
use crate::Report;

/// A request body of message type `T`, decoded and validated in one pass; what is rejected is
/// answered by the responder `R` ([`Plain`], `422` with the violations, by default).
///
/// Destructure it as `Valid(request, _)`. The body must have a JSON content type
/// (`application/json`, with or without parameters, or `application/…+json`), or `R` answers
/// [`Rejection::UnsupportedMediaType`]; it is read within axum's body limit (2 MB unless a
/// `DefaultBodyLimit` layer says otherwise), or `R` answers [`Rejection::PayloadTooLarge`].
/// Malformed JSON is a `syntax` violation like any other (docs/SEMANTICS.md §7).
///
/// `Debug` prints `T`'s `Debug`, which masks sensitive fields.
pub struct Valid<T, R = Plain>(pub T, pub PhantomData<R>);

impl<T, R> Valid<T, R> {
    /// The decoded message.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T: fmt::Debug, R> fmt::Debug for Valid<T, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Valid").field(&self.0).finish()
    }
}

/// Why a request body was refused, as a [`Responder`] receives it.
#[derive(Debug)]
#[non_exhaustive]
pub enum Rejection {
    /// The content type is not JSON (HTTP `415`).
    UnsupportedMediaType,
    /// The body is larger than the body limit (HTTP `413`).
    PayloadTooLarge,
    /// The body could not be read (the connection failed; HTTP `400`).
    Unreadable,
    /// The body is not a valid message: every violation (malformed JSON is one `syntax`
    /// violation at `""`).
    Invalid(Report),
}

impl Rejection {
    /// The HTTP status of a plain answer: `415`, `413`, `400`, and for [`Rejection::Invalid`]
    /// `invalid`.
    pub fn status(&self, invalid: StatusCode) -> StatusCode {
        match self {
            Rejection::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Rejection::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Rejection::Unreadable => StatusCode::BAD_REQUEST,
            Rejection::Invalid(_) => invalid,
        }
    }

    /// What is wrong, in words, never quoting the request: for [`Rejection::Invalid`], the
    /// count of violations.
    pub fn describe(&self) -> String {
        match self {
            Rejection::UnsupportedMediaType => {
                "unsupported media type: the body must be application/json".to_owned()
            }
            Rejection::PayloadTooLarge => "the body is larger than the limit".to_owned(),
            Rejection::Unreadable => "the body could not be read".to_owned(),
            Rejection::Invalid(report) => match report.len() + report.more() {
                1 => "1 violation".to_owned(),
                n => format!("{n} violations"),
            },
        }
    }
}

/// Whether the headers name a JSON content type: `application/json` (any parameters, any
/// case) or `application/<subtype>+json`.
///
/// ```
/// use axum::http::{HeaderMap, HeaderValue, header::CONTENT_TYPE};
/// let mut headers = HeaderMap::new();
/// assert!(!fieldtab::axum::is_json(&headers));
/// headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json; charset=UTF-8"));
/// assert!(fieldtab::axum::is_json(&headers));
/// headers.insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
/// assert!(!fieldtab::axum::is_json(&headers));
/// ```
pub fn is_json(headers: &HeaderMap) -> bool {
    let Some(value) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or("").trim();
    let Some((kind, subtype)) = essence.split_once('/') else {
        return false;
    };
    let subtype = subtype.to_ascii_lowercase();
    kind.eq_ignore_ascii_case("application") && (subtype == "json" || subtype.ends_with("+json"))
}

impl<S, T, R> FromRequest<S> for Valid<T, R>
where
    S: Send + Sync,
    T: Decode + Send,
    R: Responder,
{
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<Self, Response> {
        if !is_json(request.headers()) {
            return Err(R::respond(Rejection::UnsupportedMediaType, &[]));
        }
        let bytes = match Bytes::from_request(request, state).await {
            Ok(bytes) => bytes,
            Err(error) if error.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Err(R::respond(Rejection::PayloadTooLarge, &[]));
            }
            Err(_) => return Err(R::respond(Rejection::Unreadable, &[])),
        };
        match crate::from_json::<T>(&bytes) {
            Ok(value) => Ok(Valid(value, PhantomData)),
            Err(report) => Err(R::respond(Rejection::Invalid(report), &bytes)),
        }
    }
}
