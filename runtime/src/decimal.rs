//! Decimal numbers with a range and a scale, written as strings (`"0.88"`).

use crate::RuleError;

/// The decimal rule: see [`Format::Decimal`](crate::Format::Decimal).
pub(crate) fn check_decimal(
    _value: &str,
    _min: i64,
    _max: i64,
    _scale: u8,
) -> Result<(), RuleError> {
    todo!()
}
