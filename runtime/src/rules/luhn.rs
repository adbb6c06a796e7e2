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

#[cfg(test)]
mod tests {
    use super::check_luhn;

    #[test]
    fn boundaries() {
        for ok in [
            "4111111111111111",
            "79927398713",
            "00",
            "18",
            "6214835920672688",
        ] {
            assert!(check_luhn(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "0",
            "4111111111111112",
            "79927398710",
            "4111 1111 1111 1111",
            "411111111111111１",
            "-18",
        ] {
            assert!(check_luhn(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn every_single_digit_error_is_caught() {
        let good = b"4111111111111111";
        for at in 0..good.len() {
            for d in b'0'..=b'9' {
                if d == good[at] {
                    continue;
                }
                let mut bad = *good;
                bad[at] = d;
                assert!(check_luhn(std::str::from_utf8(&bad).unwrap()).is_err());
            }
        }
    }
}
