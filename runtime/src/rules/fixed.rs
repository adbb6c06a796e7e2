//! The `const` rule: a field's fixed value.

use crate::RuleError;

/// The `const` rule: `value` equals `expected` exactly (byte for byte).
///
/// ```
/// use fieldtab_runtime::{check_const, Rule};
///
/// assert!(check_const("41", "41").is_ok());
/// let e = check_const("42", "41").unwrap_err();
/// assert_eq!((e.rule, e.message.as_ref()), (Rule::Const, "must be `41`"));
/// ```
#[inline]
pub fn check_const(value: &str, expected: &str) -> Result<(), RuleError> {
    if value == expected {
        Ok(())
    } else {
        Err(RuleError::const_mismatch(expected))
    }
}
