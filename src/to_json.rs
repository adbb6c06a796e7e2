//! JSON text of what fieldtab builds (a generated message, a [`Report`](crate::Report)), so a
//! crate whose only dependency is `fieldtab` can send it.

use std::fmt;

use serde::Serialize;

/// Serializes `value` to compact JSON text: a generated message or struct with its wire
/// identifiers (absent optional fields omitted), or a [`Report`](crate::Report) as
/// `[{"path": …, "rule": …, "message": …}, …]`.
///
/// The text decodes back to the same value with [`from_json`](crate::from_json).
///
/// ```
/// mod upi {
///     fieldtab::include_schema!("schemas/upi/enrollment_registration.md");
/// }
/// use upi::EnrollmentRegistrationResponse;
///
/// let json = br#"{"header": {"procType": "41", "insCode": "39990157", "pid": "1000000001",
///     "refNum": "202411220000001", "respCode": "00", "respMsg": "Approved"}}"#;
/// let response: EnrollmentRegistrationResponse = fieldtab::from_json(json)?;
/// let text = fieldtab::to_json(&response)?;
/// assert!(text.starts_with(r#"{"header":{"procType":"41","#));
/// assert_eq!(fieldtab::from_json::<EnrollmentRegistrationResponse>(text.as_bytes())?, response);
///
/// let report = fieldtab::from_json::<EnrollmentRegistrationResponse>(b"{}").unwrap_err();
/// assert_eq!(
///     fieldtab::to_json(&report)?,
///     r#"[{"path":"/header","rule":"required","message":"is required"}]"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String, ToJsonError> {
    serde_json::to_string(value).map_err(ToJsonError)
}

/// [`to_json`], pretty-printed (two-space indentation, one member a line).
///
/// ```
/// let report = fieldtab::Report::new();
/// assert_eq!(fieldtab::to_json_pretty(&report)?, "[]");
/// # Ok::<(), fieldtab::ToJsonError>(())
/// ```
pub fn to_json_pretty<T: Serialize + ?Sized>(value: &T) -> Result<String, ToJsonError> {
    serde_json::to_string_pretty(value).map_err(ToJsonError)
}

/// Why [`to_json`] failed: the value's `Serialize` impl reported an error. Generated types and
/// [`Report`](crate::Report) never do; a hand-written type can (a map with non-string keys).
pub struct ToJsonError(serde_json::Error);

impl fmt::Debug for ToJsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for ToJsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot serialize to JSON: {}", self.0)
    }
}

impl std::error::Error for ToJsonError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    #[test]
    fn a_failing_serialize_impl_is_an_error_not_a_panic() {
        let map = BTreeMap::from([((1, 2), "a")]);
        let error = super::to_json(&map).unwrap_err();
        assert!(error.to_string().starts_with("cannot serialize to JSON: "));
        assert!(super::to_json_pretty(&map).is_err());
        assert!(std::error::Error::source(&error).is_some());
    }
}
