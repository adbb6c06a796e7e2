//! Decimal numbers with a range and a scale, written as strings (`"0.88"`).

use crate::{Rule, RuleError};

/// The decimal rule of [`Format::Decimal`](crate::Format::Decimal): `value` is written
/// `[-]digits[.digits]` — no leading zeros (but `0.5`), no `+`, no exponent, no lone point —
/// with at most `scale` digits after the point (rule `format`), and lies in `min..=max`
/// (rule `range`; checked exactly, without floating point).
pub(crate) fn check_decimal(value: &str, min: i64, max: i64, scale: u8) -> Result<(), RuleError> {
    let s = value.as_bytes();
    let (negative, s) = match s.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, s),
    };
    let int_len = s
        .iter()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(s.len());
    let (int, rest) = s.split_at(int_len);
    let frac = match rest {
        [] => &[][..],
        [b'.', frac @ ..] if !frac.is_empty() && frac.iter().all(u8::is_ascii_digit) => frac,
        _ => return Err(malformed()),
    };
    if int.is_empty() || (int.len() > 1 && int[0] == b'0') {
        return Err(malformed());
    }
    if frac.len() > usize::from(scale) {
        return Err(too_many_places(scale));
    }
    // value = ±(int + f), 0 <= f < 1. Compare floor/ceil with the integer bounds:
    // value <= max  <=>  ceil(value) <= max;  value >= min  <=>  floor(value) >= min.
    let frac_nonzero = frac.iter().any(|&b| b != b'0');
    let int: i128 = if int.len() > 20 {
        // Beyond every i64 bound; any value of this size compares the same.
        i128::from(u64::MAX)
    } else {
        int.iter()
            .fold(0i128, |acc, &b| acc * 10 + i128::from(b - b'0'))
    };
    let (floor, ceil) = match (negative, frac_nonzero) {
        (false, f) => (int, int + i128::from(f)),
        (true, f) => (-int - i128::from(f), -int),
    };
    if floor < i128::from(min) || ceil > i128::from(max) {
        return Err(out_of_range(min, max));
    }
    Ok(())
}

#[cold]
fn malformed() -> RuleError {
    RuleError::format(
        "must be a decimal number written with digits and an optional point, such as 0.88",
    )
}

#[cold]
fn too_many_places(scale: u8) -> RuleError {
    match scale {
        0 => RuleError::format("must be a whole number, without decimal places"),
        1 => RuleError::format("must have at most 1 decimal place"),
        n => RuleError::format(format!("must have at most {n} decimal places")),
    }
}

#[cold]
fn out_of_range(min: i64, max: i64) -> RuleError {
    RuleError::new(Rule::Range, format!("must be between {min} and {max}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(value: &str, min: i64, max: i64, scale: u8) -> Option<Rule> {
        check_decimal(value, min, max, scale).err().map(|e| e.rule)
    }

    #[test]
    fn ratio_boundaries() {
        let ratio = |v| rule(v, 0, 1, 2);
        for ok in [
            "0", "1", "0.88", "0.8", "0.00", "1.00", "1.0", "0.01", "0.99",
        ] {
            assert_eq!(ratio(ok), None, "{ok}");
        }
        for range in [
            "1.01",
            "2",
            "-0.01",
            "-1",
            "100",
            "99999999999999999999999999",
        ] {
            assert_eq!(ratio(range), Some(Rule::Range), "{range}");
        }
        for format in [
            "", "0.885", "1.001", ".5", "5.", "00.5", "01", "+0.5", "0,5", "1e0", " 0.5", "0.5 ",
            "０.5", "-", "-.5", "0..5", "0.5.1", "NaN", "0x1",
        ] {
            assert_eq!(ratio(format), Some(Rule::Format), "{format}");
        }
    }

    #[test]
    fn negative_ranges_and_scale_zero() {
        assert_eq!(rule("-5", -5, 5, 0), None);
        assert_eq!(rule("-5.5", -5, 5, 1), Some(Rule::Range));
        assert_eq!(rule("-4.9", -5, 5, 1), None);
        assert_eq!(rule("5.0", -5, 5, 1), None);
        assert_eq!(rule("5.1", -5, 5, 1), Some(Rule::Range));
        assert_eq!(rule("1.0", 0, 5, 0), Some(Rule::Format));
        assert_eq!(rule("-0", 0, 5, 0), None);
        assert_eq!(rule("-0.1", -1, -1, 1), Some(Rule::Range));
        assert_eq!(rule("-1.0", -1, -1, 1), None);
        assert_eq!(rule("9223372036854775807", i64::MIN, i64::MAX, 0), None);
        assert_eq!(
            rule("9223372036854775808", i64::MIN, i64::MAX, 0),
            Some(Rule::Range)
        );
        assert_eq!(rule("-9223372036854775808", i64::MIN, i64::MAX, 0), None);
        assert_eq!(
            rule("-9223372036854775808.1", i64::MIN, i64::MAX, 1),
            Some(Rule::Range)
        );
    }

    #[test]
    fn messages() {
        let e = check_decimal("1.5", 0, 1, 2).unwrap_err();
        assert_eq!(e.message, "must be between 0 and 1");
        let e = check_decimal("0.885", 0, 1, 2).unwrap_err();
        assert_eq!(e.message, "must have at most 2 decimal places");
    }
}
