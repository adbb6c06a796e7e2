//! Decimal numbers with a range and a scale, written as strings (`"0.88"`).

use crate::{Rule, RuleError};
use std::borrow::Cow;

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

/// The `decimal MIN..MAX scale N` format.
pub(crate) struct Spec {
    /// Inclusive lower bound.
    pub(crate) min: i64,
    /// Inclusive upper bound.
    pub(crate) max: i64,
    /// Maximum number of digits after the point.
    pub(crate) scale: u8,
}

impl super::FormatSpec for Spec {
    #[inline]
    fn check(&self, value: &str) -> Result<(), RuleError> {
        check_decimal(value, self.min, self.max, self.scale)
    }

    fn name(&self) -> Cow<'static, str> {
        let Spec { min, max, scale } = self;
        format!("decimal {min}..{max} scale {scale}").into()
    }

    fn aliases(&self) -> &'static [&'static str] {
        &[]
    }

    fn samples(&self) -> Vec<String> {
        self.samples_in_range()
    }

    fn extremes(&self) -> Option<&'static [&'static str]> {
        None
    }

    fn exact_len(&self) -> Option<u32> {
        None
    }

    fn json_schema_pattern(&self) -> Option<String> {
        Some(decimal_pattern(self.min, self.max, self.scale))
    }

    fn typed_value(&self) -> Option<&'static str> {
        None
    }
}

impl Spec {
    /// `min`, `max`, `max` with `scale` zeros, and when the range has room, values with one to
    /// `scale` fraction digits just above `min`.
    fn samples_in_range(&self) -> Vec<String> {
        let Spec { min, max, scale } = *self;
        let mut samples = vec![min.to_string(), max.to_string()];
        if scale > 0 {
            let zeros = "0".repeat(usize::from(scale));
            samples.push(format!("{max}.{zeros}"));
            if min < max {
                // Between `min` and `min + 1`: `min.f` or, below zero, `-(|min| - 1).f`, with
                // `scale` fives, one five, and a five as the last of `scale` digits.
                let int = if min >= 0 {
                    min.to_string()
                } else {
                    format!("-{}", -(i128::from(min) + 1))
                };
                let last = format!("{}5", "0".repeat(usize::from(scale) - 1));
                let mut fractions = vec!["5".repeat(usize::from(scale)), "5".into(), last];
                fractions.dedup();
                samples.extend(fractions.iter().map(|f| format!("{int}.{f}")));
            }
        }
        samples
    }
}

/// A decimal string of the runtime's decimal rule: `[-]digits[.digits]` without leading zeros,
/// at most `scale` fraction digits, between `min` and `max` inclusive — exactly.
///
/// With `I` the integer digits and `f` the fraction, a non-negative value lies in the range
/// when `max(min, 0) <= I <= max - 1` (any fraction) or `I == max` with an all-zero fraction
/// (or `I >= min` for `I == max`); a negative one when `max(-max, 0) <= I <= -min - 1` (any
/// fraction) or `I == -min` with an all-zero fraction.
fn decimal_pattern(min: i64, max: i64, scale: u8) -> String {
    let (any, zero) = match scale {
        0 => (String::new(), String::new()),
        1 => (r"(\.[0-9])?".to_owned(), r"(\.0)?".to_owned()),
        n => (format!(r"(\.[0-9]{{1,{n}}})?"), format!(r"(\.0{{1,{n}}})?")),
    };
    let (min, max) = (i128::from(min), i128::from(max));
    let mut alternatives = Vec::new();
    // Non-negative: `I` in [max(min, 0), max - 1] with any fraction, `I == max` with zeros.
    // (A fraction can only raise the value, so `I >= min` suffices for the lower bound.)
    let lo = min.max(0);
    if let Some(ints) = int_range(lo, max - 1) {
        alternatives.push(format!("{ints}{any}"));
    }
    if max >= lo {
        alternatives.push(format!("{max}{zero}"));
    }
    // Negative, written `-I.f`: the value is -(I + f).
    let lo = (-max).max(0);
    if let Some(ints) = int_range(lo, -min - 1) {
        alternatives.push(format!("-{ints}{any}"));
    }
    if -min >= lo {
        alternatives.push(format!("-{}{zero}", -min));
    }
    if alternatives.is_empty() {
        // Unreachable for a checked schema (min <= max), but never an empty alternation.
        return "^[]$".into();
    }
    format!("^({})$", alternatives.join("|"))
}

/// A regular expression for the integers `lo..=hi` written without leading zeros (grouped
/// when an alternation), `None` when the range is empty.
fn int_range(lo: i128, hi: i128) -> Option<String> {
    if hi < lo || hi < 0 {
        return None;
    }
    let lo = lo.max(0);
    let mut parts = Vec::new();
    let mut start = lo;
    while start <= hi {
        let digits = start.to_string().len() as u32;
        let end = hi.min(10i128.pow(digits) - 1);
        parts.push(same_length(&start.to_string(), &end.to_string()));
        start = end + 1;
    }
    Some(group(&parts.join("|")))
}

/// The numbers from `lo` to `hi`, two digit strings of the same length, `lo <= hi`.
fn same_length(lo: &str, hi: &str) -> String {
    let (lo, hi) = (lo.as_bytes(), hi.as_bytes());
    let digit = |b: u8| char::from(b);
    let class = |a: u8, b: u8| {
        if a == b {
            digit(a).to_string()
        } else {
            format!("[{}-{}]", digit(a), digit(b))
        }
    };
    let any = |n: usize| match n {
        0 => String::new(),
        1 => "[0-9]".into(),
        n => format!("[0-9]{{{n}}}"),
    };
    let (Some((&l, lo_rest)), Some((&h, hi_rest))) = (lo.split_first(), hi.split_first()) else {
        return String::new();
    };
    let n = lo_rest.len();
    if l == h {
        return format!("{}{}", digit(l), group(&same_length_str(lo_rest, hi_rest)));
    }
    let lo_full = lo_rest.iter().all(|&b| b == b'0');
    let hi_full = hi_rest.iter().all(|&b| b == b'9');
    let mut parts = Vec::new();
    // From `l` + lo_rest to `l` + 99..9 (or from `l` when lo_rest is all zeros).
    let first_inner = if lo_full { l } else { l + 1 };
    let last_inner = if hi_full { h } else { h - 1 };
    if !lo_full {
        let nines = "9".repeat(n);
        parts.push(format!(
            "{}{}",
            digit(l),
            group(&same_length_str(lo_rest, nines.as_bytes()))
        ));
    }
    if first_inner <= last_inner {
        parts.push(format!("{}{}", class(first_inner, last_inner), any(n)));
    }
    if !hi_full {
        let zeros = "0".repeat(n);
        parts.push(format!(
            "{}{}",
            digit(h),
            group(&same_length_str(zeros.as_bytes(), hi_rest))
        ));
    }
    parts.join("|")
}

fn same_length_str(lo: &[u8], hi: &[u8]) -> String {
    same_length(
        std::str::from_utf8(lo).unwrap_or_default(),
        std::str::from_utf8(hi).unwrap_or_default(),
    )
}

/// `(x)` when `x` is an alternation, `x` otherwise.
fn group(x: &str) -> String {
    if x.contains('|') {
        format!("({x})")
    } else {
        x.to_owned()
    }
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
