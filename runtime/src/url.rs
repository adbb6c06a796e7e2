//! Absolute `http`/`https` URLs.

use crate::RuleError;

/// The URL rule: see [`Format::Url`](crate::Format::Url).
pub(crate) fn check_url(_value: &str) -> Result<(), RuleError> {
    todo!()
}
