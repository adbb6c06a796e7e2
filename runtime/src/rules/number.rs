//! The rules of `Integer` and `Number` values, on the number's JSON text, never through a
//! floating-point value: what counts as an integer, the range (`range 1..720`) and the scale
//! (`scale 2`), all rule `range` (docs/SEMANTICS.md §2.8).
//!
//! A JSON number is written `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?` (RFC 8259 §6).
//! Its value is compared exactly: `1e3` is `1000`, `1.50` is `1.5`, `-0` is `0`, whatever the
//! number of digits or the size of the exponent.

use std::cmp::Ordering;

use crate::{JsonKind, Rule, RuleError};

/// The rules of one `Integer` or `Number` field (of its elements, for an array): the data part
/// of its [`FieldPlan`](crate::plan::FieldPlan), checked by [`check_number`].
///
/// Bounds are decimal numbers written as JSON numbers without an exponent (`-720`, `0.01`),
/// inclusive; the checker guarantees `min <= max` and, for an integer, integer bounds within
/// `i64`.
///
/// ```
/// use fieldtab_runtime::{NumberRules, check_number};
///
/// const OFFSET: NumberRules<'static> = NumberRules::INTEGER.range(Some("-720"), Some("720"));
/// assert!(check_number("-720", &OFFSET).is_ok());
/// assert_eq!(check_number("721", &OFFSET).unwrap_err().message, "must be at most 720");
/// const PRICE: NumberRules<'static> = NumberRules::NUMBER.range(Some("0.01"), None).scale(2);
/// assert!(check_number("0.88", &PRICE).is_ok());
/// assert!(check_number("0.880", &PRICE).is_ok()); // the value has 2 decimal places
/// assert!(check_number("0.885", &PRICE).is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumberRules<'a> {
    /// Whether the value must be an integer (an `Integer` field): written without a fraction
    /// or an exponent, and within `i64`.
    pub integer: bool,
    /// The inclusive lower bound.
    pub min: Option<&'a str>,
    /// The inclusive upper bound.
    pub max: Option<&'a str>,
    /// The most digits the value may have after the decimal point.
    pub scale: Option<u32>,
}

impl<'a> NumberRules<'a> {
    /// An `Integer` without a range of its own: any integer within `i64`.
    pub const INTEGER: NumberRules<'static> = NumberRules {
        integer: true,
        min: None,
        max: None,
        scale: None,
    };

    /// A `Number` without a range or a scale: any JSON number.
    pub const NUMBER: NumberRules<'static> = NumberRules {
        integer: false,
        min: None,
        max: None,
        scale: None,
    };

    /// The same rules with the inclusive bounds `min` and `max`.
    pub const fn range<'b>(self, min: Option<&'b str>, max: Option<&'b str>) -> NumberRules<'b>
    where
        'a: 'b,
    {
        NumberRules {
            integer: self.integer,
            min,
            max,
            scale: self.scale,
        }
    }

    /// The same rules with at most `scale` digits after the decimal point.
    pub const fn scale(mut self, scale: u32) -> NumberRules<'a> {
        self.scale = Some(scale);
        self
    }

    /// The JSON kind the field's type asks for: what a `type` violation says was expected.
    pub const fn kind(&self) -> JsonKind {
        if self.integer {
            JsonKind::Integer
        } else {
            JsonKind::Number
        }
    }
}

/// The least `i64`, as text: the lower bound of every `Integer`.
const I64_MIN: &str = "-9223372036854775808";
/// The greatest `i64`, as text: the upper bound of every `Integer`.
const I64_MAX: &str = "9223372036854775807";

/// Whether `text` is a JSON number (RFC 8259 §6), exactly: no `+`, no leading zeros, no lone
/// point, no spaces.
///
/// ```
/// use fieldtab_runtime::is_json_number;
///
/// assert!(is_json_number("-0.5e+3") && is_json_number("0") && is_json_number("12"));
/// assert!(!is_json_number("01") && !is_json_number("+1") && !is_json_number(".5"));
/// assert!(!is_json_number("1.") && !is_json_number("") && !is_json_number(" 1"));
/// ```
pub fn is_json_number(text: &str) -> bool {
    Parts::of(text).is_some()
}

/// Whether `text` is a JSON number written as an integer: without a fraction or an exponent
/// (`-0` is one; `1.0` and `1e3` are not). What an `Integer` field holds.
pub fn is_json_integer(text: &str) -> bool {
    Parts::of(text).is_some_and(|p| p.frac.is_empty() && p.exp.is_none())
}

/// Checks the JSON number `text` against `rules`: an integer's form (rule `type`: "expected an
/// integer, found a number"), then its range (the `i64` bounds of an integer too), then its
/// scale, each `range`. Returns the first violation; the message names the bound or the
/// scale, never the value. Text that is not a JSON number is a `type` violation (the callers
/// hand over only JSON numbers, or strings they accept as numbers).
pub fn check_number(text: &str, rules: &NumberRules<'_>) -> Result<(), RuleError> {
    let Some(value) = Parts::of(text) else {
        return Err(RuleError::wrong_type(rules.kind(), JsonKind::String));
    };
    if rules.integer && (!value.frac.is_empty() || value.exp.is_some()) {
        return Err(RuleError::wrong_type(JsonKind::Integer, JsonKind::Number));
    }
    let min = rules.min.or(rules.integer.then_some(I64_MIN));
    if let Some(min) = min
        && let Some(bound) = Parts::of(min)
        && value.cmp_value(&bound) == Ordering::Less
    {
        return Err(RuleError::new(
            Rule::Range,
            format!("must be at least {min}"),
        ));
    }
    let max = rules.max.or(rules.integer.then_some(I64_MAX));
    if let Some(max) = max
        && let Some(bound) = Parts::of(max)
        && value.cmp_value(&bound) == Ordering::Greater
    {
        return Err(RuleError::new(
            Rule::Range,
            format!("must be at most {max}"),
        ));
    }
    // An integer beyond `i64` was out of range above; below it, every bound is within `i64`.
    if let Some(scale) = rules.scale
        && value.scale() > u64::from(scale)
    {
        return Err(too_many_places(scale));
    }
    Ok(())
}

#[cold]
fn too_many_places(scale: u32) -> RuleError {
    match scale {
        0 => RuleError::new(
            Rule::Range,
            "must be a whole number, without decimal places",
        ),
        1 => RuleError::new(Rule::Range, "must have at most 1 decimal place"),
        n => RuleError::new(Rule::Range, format!("must have at most {n} decimal places")),
    }
}

/// The parts of a JSON number's text.
#[derive(Clone, Copy, Debug)]
struct Parts<'t> {
    negative: bool,
    /// The integer digits (no leading zero but a lone `0`).
    int: &'t [u8],
    /// The fraction digits, without the point; empty when there is none.
    frac: &'t [u8],
    /// The exponent, saturated to `i64` (its digits can be as many as the input holds).
    exp: Option<i64>,
}

impl<'t> Parts<'t> {
    /// The parts of `text`, if it is a JSON number.
    fn of(text: &'t str) -> Option<Parts<'t>> {
        let s = text.as_bytes();
        let (negative, s) = match s.split_first() {
            Some((b'-', rest)) => (true, rest),
            _ => (false, s),
        };
        let int_len = s.iter().take_while(|b| b.is_ascii_digit()).count();
        let (int, rest) = s.split_at(int_len);
        if int.is_empty() || (int.len() > 1 && int[0] == b'0') {
            return None;
        }
        let (frac, rest) = match rest.split_first() {
            Some((b'.', rest)) => {
                let n = rest.iter().take_while(|b| b.is_ascii_digit()).count();
                if n == 0 {
                    return None;
                }
                rest.split_at(n)
            }
            _ => (&[][..], rest),
        };
        let exp = match rest.split_first() {
            None => None,
            Some((b'e' | b'E', rest)) => {
                let (sign, digits) = match rest.split_first() {
                    Some((b'-', d)) => (-1i64, d),
                    Some((b'+', d)) => (1, d),
                    _ => (1, rest),
                };
                if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
                    return None;
                }
                let magnitude = digits.iter().fold(0i64, |acc, &d| {
                    acc.saturating_mul(10).saturating_add(i64::from(d - b'0'))
                });
                Some(sign * magnitude)
            }
            Some(_) => return None,
        };
        Some(Parts {
            negative,
            int,
            frac,
            exp,
        })
    }

    /// The significant digits (of `int` then `frac`, without the leading zeros), and the
    /// position of the decimal point relative to their start: the value is `0.DIGITS × 10^point`.
    /// `None` for zero.
    fn significand(&self) -> Option<(impl Iterator<Item = u8> + Clone + 't, i64)> {
        let digits = self.int.iter().chain(self.frac).copied();
        let zeros = digits.clone().take_while(|&d| d == b'0').count();
        if zeros == self.int.len() + self.frac.len() {
            return None;
        }
        let point = (self.int.len() as i64)
            .saturating_sub(zeros as i64)
            .saturating_add(self.exp.unwrap_or(0));
        Some((digits.skip(zeros), point))
    }

    /// Compares the values of two numbers.
    fn cmp_value(&self, other: &Parts<'_>) -> Ordering {
        match (self.significand(), other.significand()) {
            (None, None) => Ordering::Equal,
            (None, Some(_)) => sign_order(other.negative).reverse(),
            (Some(_), None) => sign_order(self.negative),
            (Some((a, pa)), Some((b, pb))) => {
                if self.negative != other.negative {
                    return sign_order(self.negative);
                }
                let magnitude = pa.cmp(&pb).then_with(|| cmp_digits(a, b));
                if self.negative {
                    magnitude.reverse()
                } else {
                    magnitude
                }
            }
        }
    }

    /// How many digits the value has after the decimal point (trailing zeros do not count:
    /// `1.50` has 1, `1.5e1` none, `15e-1` 1).
    fn scale(&self) -> u64 {
        let digits = self.int.len() + self.frac.len();
        let trailing = self
            .int
            .iter()
            .chain(self.frac)
            .rev()
            .take_while(|&&d| d == b'0')
            .count();
        if trailing == digits {
            return 0;
        }
        let places = (self.frac.len() as i64)
            .saturating_sub(trailing as i64)
            .saturating_sub(self.exp.unwrap_or(0));
        u64::try_from(places).unwrap_or(0)
    }
}

/// `Greater` for a positive non-zero value, `Less` for a negative one: how it compares with 0.
fn sign_order(negative: bool) -> Ordering {
    if negative {
        Ordering::Less
    } else {
        Ordering::Greater
    }
}

/// Compares two digit sequences as the fractions `0.A` and `0.B` (a missing digit is a zero).
fn cmp_digits(a: impl Iterator<Item = u8>, b: impl Iterator<Item = u8>) -> Ordering {
    let mut a = a.fuse();
    let mut b = b.fuse();
    loop {
        match (a.next(), b.next()) {
            (None, None) => return Ordering::Equal,
            (x, y) => {
                let order = x.unwrap_or(b'0').cmp(&y.unwrap_or(b'0'));
                if order != Ordering::Equal {
                    return order;
                }
            }
        }
    }
}

/// The value of a JSON integer within `i64` (`-0` is 0); `None` for any other text.
pub(crate) fn integer_value(text: &str) -> Option<i64> {
    if is_json_integer(text) {
        text.parse().ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmp(a: &str, b: &str) -> Ordering {
        Parts::of(a).unwrap().cmp_value(&Parts::of(b).unwrap())
    }

    fn rule(text: &str, rules: &NumberRules<'_>) -> Option<Rule> {
        check_number(text, rules).err().map(|e| e.rule)
    }

    #[test]
    fn the_grammar_is_json_s() {
        for ok in [
            "0", "-0", "1", "-1", "10", "0.5", "-0.50", "1e3", "1E+3", "1e-3", "0e0", "12.5e10",
        ] {
            assert!(is_json_number(ok), "{ok}");
        }
        for bad in [
            "", "-", "+1", "01", "-01", "1.", ".5", "1e", "1e+", "0x1", "1 ", " 1", "1..2", "NaN",
            "Infinity", "1,5", "１", "--1", "1e1.5", "\"1\"",
        ] {
            assert!(!is_json_number(bad), "{bad}");
        }
        assert!(is_json_integer("-0") && is_json_integer("123"));
        assert!(!is_json_integer("1.0") && !is_json_integer("1e3"));
    }

    #[test]
    fn values_compare_exactly() {
        assert_eq!(cmp("1e3", "1000"), Ordering::Equal);
        assert_eq!(cmp("1.50", "1.5"), Ordering::Equal);
        assert_eq!(cmp("-0", "0"), Ordering::Equal);
        assert_eq!(cmp("0.0e5", "-0.000"), Ordering::Equal);
        assert_eq!(cmp("0.1", "0.09999999999999999999999"), Ordering::Greater);
        assert_eq!(cmp("-0.1", "-0.09999999999999999999999"), Ordering::Less);
        assert_eq!(cmp("-1", "0"), Ordering::Less);
        assert_eq!(cmp("0", "-1"), Ordering::Greater);
        assert_eq!(cmp("1e-400", "0"), Ordering::Greater);
        assert_eq!(cmp("-1e-400", "0"), Ordering::Less);
        assert_eq!(cmp("1e999999999999999999999", "9"), Ordering::Greater);
        assert_eq!(cmp("15e-1", "1.5"), Ordering::Equal);
        assert_eq!(cmp("720", "720.0000000000000001"), Ordering::Less);
        assert_eq!(cmp("9223372036854775808", I64_MAX), Ordering::Greater);
        assert_eq!(cmp("-9223372036854775809", I64_MIN), Ordering::Less);
    }

    #[test]
    fn integers_are_written_as_such_and_fit_i64() {
        let int = NumberRules::INTEGER;
        assert_eq!(rule("9223372036854775807", &int), None);
        assert_eq!(rule("-9223372036854775808", &int), None);
        assert_eq!(rule("9223372036854775808", &int), Some(Rule::Range));
        assert_eq!(rule("-9223372036854775809", &int), Some(Rule::Range));
        assert_eq!(rule(&"9".repeat(300), &int), Some(Rule::Range));
        assert_eq!(rule("1.0", &int), Some(Rule::Type));
        assert_eq!(rule("1e3", &int), Some(Rule::Type));
        let e = check_number("9223372036854775808", &int).unwrap_err();
        assert_eq!(e.message, "must be at most 9223372036854775807");
        let e = check_number("1.5", &int).unwrap_err();
        assert_eq!(e.message, "expected an integer, found a number");
        assert_eq!(integer_value("-0"), Some(0));
        assert_eq!(integer_value("9223372036854775808"), None);
    }

    #[test]
    fn ranges_are_inclusive_and_may_be_open() {
        let offset = NumberRules::INTEGER.range(Some("-720"), Some("720"));
        assert_eq!(rule("-720", &offset), None);
        assert_eq!(rule("720", &offset), None);
        assert_eq!(rule("721", &offset), Some(Rule::Range));
        assert_eq!(rule("-721", &offset), Some(Rule::Range));
        let at_least_one = NumberRules::INTEGER.range(Some("1"), None);
        assert_eq!(
            check_number("0", &at_least_one).unwrap_err().message,
            "must be at least 1"
        );
        assert_eq!(rule(I64_MAX, &at_least_one), None);
        let price = NumberRules::NUMBER.range(Some("0.01"), Some("99999999.99"));
        assert_eq!(rule("0.01", &price), None);
        assert_eq!(rule("0.009", &price), Some(Rule::Range));
        assert_eq!(rule("99999999.99", &price), None);
        assert_eq!(rule("99999999.991", &price), Some(Rule::Range));
        assert_eq!(rule("1e8", &price), Some(Rule::Range));
        assert_eq!(rule("9.999999999e7", &price), None);
        let any = NumberRules::NUMBER;
        assert_eq!(rule("1e400", &any), None);
        assert_eq!(rule("-1e-400", &any), None);
        assert_eq!(rule(" 1", &any), Some(Rule::Type));
    }

    #[test]
    fn the_scale_is_the_value_s() {
        let cents = NumberRules::NUMBER.scale(2);
        for ok in [
            "1", "1.5", "1.50", "1.500000", "0.01", "1.5e-1", "123e-2", "1e5", "-0.99",
        ] {
            assert_eq!(rule(ok, &cents), None, "{ok}");
        }
        for bad in ["0.001", "1.505", "1e-3", "-0.125", "123.4567e1"] {
            assert_eq!(rule(bad, &cents), Some(Rule::Range), "{bad}");
        }
        assert_eq!(
            check_number("0.001", &cents).unwrap_err().message,
            "must have at most 2 decimal places"
        );
        let whole = NumberRules::NUMBER.scale(0);
        assert_eq!(rule("1.0", &whole), None);
        assert_eq!(rule("15e-1", &whole), Some(Rule::Range));
        assert_eq!(rule("1e-99999999999999999999", &whole), Some(Rule::Range));
    }
}
