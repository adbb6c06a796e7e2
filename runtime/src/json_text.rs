//! Strings that hold a JSON document.

use crate::RuleError;

/// The JSON text rule: see [`Format::JsonText`](crate::Format::JsonText).
pub(crate) fn check_json_text(_value: &str) -> Result<(), RuleError> {
    todo!()
}
