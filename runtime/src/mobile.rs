//! Mobile numbers written `+<country code>-<number>`.

use crate::RuleError;

/// The mobile rule: see [`Format::Mobile`](crate::Format::Mobile).
pub(crate) fn check_mobile(_value: &str) -> Result<(), RuleError> {
    todo!()
}
