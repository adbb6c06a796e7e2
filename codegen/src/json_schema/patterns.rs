//! Regular expressions for the formats a `pattern` can capture, exactly or approximately (the
//! module docs of `json_schema` list which). ECMA-262 syntax, `[0-9]` rather than `\d` so that
//! no engine reads them as Unicode digits. Self-contained: it knows the runtime's formats and
//! nothing of the JSON tree.

use fieldtab_runtime::{Format, ImageKinds};

/// The anchored `pattern` of `format`, `None` for a format a pattern does not describe (the
/// currency tables are an `enum`, `JSON` text an annotation).
pub(super) fn pattern(format: &Format) -> Option<String> {
    Some(match *format {
        Format::LocalTime => format!("^{DATE_COMPACT}{TIME_COMPACT}$"),
        Format::GmtOffset => GMT_OFFSET.into(),
        Format::Timestamp => TIMESTAMP.into(),
        Format::CurrencyAlpha | Format::CurrencyNumeric | Format::JsonText => return None,
        Format::MinorUnits => "^[1-9][0-9]{0,15}$".into(),
        Format::Decimal { min, max, scale } => decimal_pattern(min, max, scale),
        Format::Url => url_pattern(),
        Format::Base64Image { kinds, .. } => image_pattern(kinds),
        Format::Mobile => MOBILE.into(),
        // The Luhn check digit is beyond a regular expression: the same digits for both.
        Format::Pan { .. } => "^[0-9]{12,19}$".into(),
    })
}

/// `YYYYMMDD`, a real date of years 0000–9999 (proleptic Gregorian: 0000 is a leap year).
const DATE_COMPACT: &str = "([0-9]{4}((0[1-9]|1[0-2])(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])(29|30)|(0[13578]|1[02])31)|([0-9]{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)0229)";
/// `HHMISS`, 00:00:00–23:59:59.
const TIME_COMPACT: &str = "([01][0-9]|2[0-3])[0-5][0-9][0-5][0-9]";
/// `GMT-12:00` to `GMT+14:00`.
const GMT_OFFSET: &str =
    r"^GMT(\+((0[0-9]|1[0-3]):[0-5][0-9]|14:00)|-((0[0-9]|1[01]):[0-5][0-9]|12:00))$";
/// `YYYY-MM-DDTHH:MM:SS[.f{1,9}](Z|±hh:mm)`, a real date and time, offset hours 00–23.
const TIMESTAMP: &str = r"^([0-9]{4}-((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31)|([0-9]{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)-02-29)T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,9})?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$";
/// `+cc-number`: a 1–3 digit country code not starting with 0, a 4–14 digit number, at most
/// 15 digits in all.
const MOBILE: &str = r"^\+([1-9]-[0-9]{4,14}|[1-9][0-9]-[0-9]{4,13}|[1-9][0-9]{2}-[0-9]{4,12})$";

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

/// An absolute `http`/`https` URL as the runtime's URL rule reads it.
fn url_pattern() -> String {
    let label = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    let host = format!(r"({label}(\.{label})*|\[[0-9A-Fa-f:.]+\])");
    let port =
        "(:([0-9]{1,4}|[0-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]))?";
    let tail = r"([/?#]([!#$&-;=?-\[\]_a-z~]|%[0-9A-Fa-f]{2})*)?";
    format!("^[Hh][Tt][Tt][Pp][Ss]?://{host}{port}{tail}$")
}

/// A base64 image: the optional data URL prefix agreeing with the signature, the base64 of the
/// signature (`/9j/` for JPEG's FF D8 FF, `iVBORw0KGg` and one of `o`–`r` for PNG's 8 bytes),
/// the alphabet, padding.
fn image_pattern(kinds: ImageKinds) -> String {
    let mut starts = Vec::new();
    if kinds.png {
        starts.push("(data:image/png;base64,)?iVBORw0KGg[o-r]");
    }
    if kinds.jpeg {
        starts.push("(data:image/jpe?g;base64,)?/9j/");
    }
    format!("^({})[A-Za-z0-9+/]*={{0,2}}$", starts.join("|"))
}

/// The `maxLength` bound of a base64 image of at most `max_bytes` decoded bytes: the most
/// significant characters those bytes take, plus padding and the longest prefix
/// (`data:image/jpeg;base64,`).
pub(super) fn image_max_length(max_bytes: u32) -> i64 {
    let max = u64::from(max_bytes);
    let significant = max / 3 * 4
        + match max % 3 {
            0 => 0,
            1 => 2,
            _ => 3,
        };
    let bound = significant + 2 + 23;
    i64::try_from(bound).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_bound_covers_the_largest_image() {
        // 100 KB: 102400 bytes -> 136534 significant characters (+2 padding, +23 prefix).
        assert_eq!(image_max_length(102_400), 136_534 + 2 + 23);
    }
}
