//! The Luhn check digit of card numbers.

use crate::RuleError;

/// The Luhn (mod 10) check-digit rule (rule `format`): `value` is at least two ASCII digits
/// whose Luhn sum is a multiple of 10.
///
/// ```
/// use fieldtab_runtime::{check_luhn, Rule};
///
/// assert!(check_luhn("4111111111111111").is_ok());
/// let e = check_luhn("4111111111111112").unwrap_err();
/// assert_eq!(e.rule, Rule::Format);
/// assert!(!e.message.contains("4111"));
/// ```
pub fn check_luhn(value: &str) -> Result<(), RuleError> {
    let bytes = value.as_bytes();
    if bytes.len() < 2 || !bytes.iter().all(u8::is_ascii_digit) {
        return Err(RuleError::format("must be a number of at least two digits"));
    }
    let mut sum = 0u32;
    for (i, &b) in bytes.iter().rev().enumerate() {
        let d = u32::from(b - b'0');
        sum += if i % 2 == 1 {
            let d2 = d * 2;
            if d2 > 9 { d2 - 9 } else { d2 }
        } else {
            d
        };
    }
    if sum.is_multiple_of(10) {
        Ok(())
    } else {
        Err(RuleError::format("has a wrong check digit (Luhn)"))
    }
}
