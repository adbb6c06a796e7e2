//! Strings that hold a JSON document.

use super::owned;
use crate::RuleError;
use std::borrow::Cow;

/// The JSON text rule of [`Format::JsonText`](crate::Format::JsonText): the string is one
/// well-formed JSON value (RFC 8259; surrounding whitespace allowed).
///
/// The decoder's fast reader tries first: where it reads the whole string as one value,
/// serde_json accepts it too (its contract), for less (callgrind: about 510 instructions for
/// `{"k1":"abc123","k2":"v2"}`, against about 650 for serde_json's skipping). Anything else — an
/// error, or text the fast reader gives up on (too deep, a lone surrogate) — goes to
/// [`check_json_text_checked`], which alone decides it and words every error.
#[inline]
pub(crate) fn check_json_text(value: &str) -> Result<(), RuleError> {
    if crate::decode::is_one_value(value.as_bytes()) {
        return Ok(());
    }
    check_json_text_checked(value)
}

/// The JSON text rule by `serde_json`, which skips the value without building it. (serde_json
/// skips iteratively; it allocates a small stack only for arrays and objects nested two or more
/// deep.)
#[cold]
#[inline(never)]
fn check_json_text_checked(value: &str) -> Result<(), RuleError> {
    match serde_json::from_str::<serde::de::IgnoredAny>(value) {
        Ok(_) => Ok(()),
        Err(e) => Err(RuleError::format(format!(
            "must be JSON text ({} at line {} column {})",
            match e.classify() {
                serde_json::error::Category::Eof => "unexpected end",
                _ => "invalid JSON",
            },
            e.line(),
            e.column()
        ))),
    }
}

/// The `JSON` format.
pub(crate) struct Spec;

impl super::FormatSpec for Spec {
    #[inline]
    fn check(&self, value: &str) -> Result<(), RuleError> {
        check_json_text(value)
    }

    fn name(&self) -> Cow<'static, str> {
        "JSON".into()
    }

    fn aliases(&self) -> &'static [&'static str] {
        &[]
    }

    fn samples(&self) -> Vec<String> {
        owned(&["{}", "{\"k1\":\"v1\"}", "[1,2]", "\"s\""])
    }

    fn extremes(&self) -> Option<&'static [&'static str]> {
        None
    }

    fn exact_len(&self) -> Option<u32> {
        None
    }

    fn json_schema_pattern(&self) -> Option<String> {
        // That a string holds JSON is beyond a regular expression.
        None
    }

    fn typed_value(&self) -> Option<&'static str> {
        None
    }
}

#[cfg(test)]
mod differential;

#[cfg(test)]
mod tests {
    use super::check_json_text;

    #[test]
    fn boundaries() {
        for ok in [
            r#"{"a":[1,2,{"b":null}]}"#,
            "[]",
            "1",
            r#""s""#,
            " {} ",
            "true",
            r#"{"名前":"日本\u0041"}"#,
        ] {
            assert!(check_json_text(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "{",
            "{'a':1}",
            "{} {}",
            "[1,]",
            "NaN",
            "{\"a\":1,}",
            "\"\u{1}\"",
            "１",
        ] {
            let e = check_json_text(bad).unwrap_err();
            assert!(
                e.message.starts_with("must be JSON text"),
                "{bad}: {}",
                e.message
            );
        }
        // serde_json skips an ignored value iteratively: deep nesting cannot overflow the stack.
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert!(check_json_text(&deep).is_ok());
        assert!(check_json_text(&deep[1..]).is_err());
    }
}
