//! What the mock answers to one request, decided without HTTP: the route (`404`, `405`), the
//! content type (`415`), the size (`413`), the verdict of the dynamic validator (`400` or the
//! vendor's error, `200` with a response message), and the line the log gets.

use std::sync::atomic::{AtomicU64, Ordering};

use fieldtab_runtime::{Report, Rule};
use serde_json::{Value, json};

use super::ErrorStyle;
use super::message::{self, Shape};
use super::route::{Found, RouteSpec, find};

/// A route with its request and response messages found in the schema.
pub(crate) struct Route {
    pub(crate) spec: RouteSpec,
    pub(crate) request: Shape<'static>,
    pub(crate) response: Shape<'static>,
}

/// Everything the server answers from.
pub(crate) struct Mock {
    pub(crate) routes: Vec<Route>,
    pub(crate) errors: ErrorStyle,
    pub(crate) deny_unknown: bool,
    pub(crate) max_bytes: usize,
    /// The seed of the next generated response: answers differ from request to request, and
    /// the same run of requests gets the same answers.
    pub(crate) seed: AtomicU64,
}

/// One answer: status, JSON body, the `Allow` header of a `405`, and the verdict for the log
/// (never a value of the request).
#[derive(Debug)]
pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) body: String,
    pub(crate) allow: Option<String>,
    pub(crate) verdict: String,
}

impl Answer {
    fn error(status: u16, text: &str) -> Answer {
        Answer {
            status,
            body: json!({ "error": text }).to_string(),
            allow: None,
            verdict: text.to_owned(),
        }
    }
}

impl Mock {
    /// The route of a request, or the answer that refuses it before its body is read: `404`,
    /// `405` (with `Allow`), `415` (not a JSON content type), `413` (a `Content-Length` over
    /// the limit).
    pub(crate) fn route(
        &self,
        method: &str,
        path: &str,
        content_type: Option<&str>,
        content_length: Option<u64>,
    ) -> Result<&Route, Answer> {
        let specs: Vec<RouteSpec> = self.routes.iter().map(|r| r.spec.clone()).collect();
        let route = match find(&specs, method, path) {
            Found::Route(i) => &self.routes[i],
            Found::OtherMethods(methods) => {
                let mut answer = Answer::error(405, "method not allowed");
                answer.allow = Some(methods.join(", "));
                return Err(answer);
            }
            Found::NoRoute => return Err(Answer::error(404, "no route")),
        };
        if !content_type.is_some_and(is_json) {
            return Err(Answer::error(
                415,
                "unsupported media type: the body must be application/json",
            ));
        }
        if content_length.is_some_and(|n| n > self.max_bytes as u64) {
            return Err(self.too_large());
        }
        Ok(route)
    }

    /// `413`: the body is over `--max-bytes`.
    pub(crate) fn too_large(&self) -> Answer {
        Answer::error(
            413,
            &format!(
                "the body is larger than {} bytes (--max-bytes)",
                self.max_bytes
            ),
        )
    }

    /// The answer to a body read whole: `200` with a response message when it is a valid
    /// request, else the error of `--errors`.
    pub(crate) fn answer(&self, route: &Route, body: &[u8]) -> Answer {
        let name = route.spec.request.as_str();
        let request: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
        let seed = self.seed.fetch_add(1, Ordering::Relaxed);
        let report = match route.request.validator.validate(body, self.deny_unknown) {
            Ok(()) => {
                let message = message::answer(route.response, route.request, &request, &[], seed);
                return Answer {
                    status: 200,
                    body: message.to_string(),
                    allow: None,
                    verdict: format!("valid {name}"),
                };
            }
            Err(report) => report,
        };
        let verdict = format!("invalid {name}: {}", count_and_rules(&report));
        let (status, body) = match self.errors {
            ErrorStyle::Plain => (
                400,
                format!(
                    "{{{}}}",
                    crate::output::violations_members(&report, body, 1)
                ),
            ),
            ErrorStyle::Upi => {
                let text = one_line(&report, "Message format error", 200, &[]);
                let codes = [("respCode", "30"), ("respMsg", text.as_str())];
                let message =
                    message::answer(route.response, route.request, &request, &codes, seed);
                (200, message.to_string())
            }
            ErrorStyle::Alipayplus => (200, alipay_plus(route.response, &report).to_string()),
        };
        Answer {
            status,
            body,
            allow: None,
            verdict,
        }
    }
}

/// `2 violations (length, charset)`: the count and the rules broken, in order, each once.
fn count_and_rules(report: &Report) -> String {
    let mut rules: Vec<Rule> = Vec::new();
    for violation in report {
        if !rules.contains(&violation.rule) {
            rules.push(violation.rule);
        }
    }
    let names: Vec<&str> = rules.iter().map(|rule| rule.as_str()).collect();
    match report.len() + report.more() {
        1 => format!("1 violation ({})", names.join(", ")),
        n => format!("{n} violations ({})", names.join(", ")),
    }
}

/// Alipay+'s failure: `result` `{resultStatus: F, resultCode: PARAM_ILLEGAL, resultMessage}`
/// when the response has a `result`, else the flat `success: false, resultCode,
/// resultMessage` of the APIs Alipay+ calls on an ISV (whose messages forbid `@ # ?`).
fn alipay_plus(response: Shape<'_>, report: &Report) -> Value {
    let has = |ident: &str| response.object.fields.iter().any(|f| f.ident == ident);
    if !has("result") && has("success") {
        let text = one_line(report, "Illegal parameters", 256, &['@', '#', '?']);
        return json!({"success": false, "resultCode": "PARAM_ILLEGAL", "resultMessage": text});
    }
    let text = one_line(report, "Illegal parameters", 256, &[]);
    json!({"result": {"resultStatus": "F", "resultCode": "PARAM_ILLEGAL", "resultMessage": text}})
}

/// `"{lead}: /header/pid length; …"`: the paths and rules of the violations (never a value),
/// cut to `max` bytes, every character outside printable ASCII and each of `forbidden`
/// written `_`, so that the text obeys the vendor's message field.
fn one_line(report: &Report, lead: &str, max: usize, forbidden: &[char]) -> String {
    let mut text = String::from(lead);
    for (i, violation) in report.violations().iter().enumerate() {
        text.push_str(if i == 0 { ": " } else { "; " });
        text.push_str(if violation.path.is_empty() {
            "/"
        } else {
            &violation.path
        });
        text.push(' ');
        text.push_str(violation.rule.as_str());
        if text.len() > max {
            break;
        }
    }
    let text: String = text
        .chars()
        .map(|c| {
            if matches!(c, ' '..='~') && !forbidden.contains(&c) {
                c
            } else {
                '_'
            }
        })
        .take(max)
        .collect();
    text.trim_end_matches([' ', ';']).to_owned()
}

/// Whether a `Content-Type` is JSON: `application/json` (any parameters, any case) or
/// `application/<subtype>+json`.
pub(crate) fn is_json(content_type: &str) -> bool {
    let essence = content_type.split(';').next().unwrap_or("").trim();
    let Some((kind, subtype)) = essence.split_once('/') else {
        return false;
    };
    let subtype = subtype.to_ascii_lowercase();
    kind.eq_ignore_ascii_case("application") && (subtype == "json" || subtype.ends_with("+json"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use fieldtab_runtime::{Path, RuleError};

    #[test]
    fn json_content_types() {
        for yes in [
            "application/json",
            "Application/JSON; charset=UTF-8",
            "application/problem+json",
        ] {
            assert!(is_json(yes), "{yes}");
        }
        for no in ["text/plain", "application/jsonx", "json", ""] {
            assert!(!is_json(no), "{no}");
        }
    }

    #[test]
    fn vendor_text_and_log_verdict() {
        let mut report = Report::new();
        report.push(&Path::root().key("a?é"), RuleError::required());
        report.push(&Path::root().key("b"), RuleError::required());
        assert_eq!(
            one_line(&report, "X", 100, &['?']),
            "X: /a__ required; /b required"
        );
        assert_eq!(one_line(&report, "X", 6, &[]), "X: /a?");
        assert_eq!(count_and_rules(&report), "2 violations (required)");
    }
}
