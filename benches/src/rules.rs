//! Hand-written rule functions, as a careful person writes them: straight-line, no regex, no
//! allocation. The hand-written validators and the custom functions of the garde and validator
//! derives all call these, so the peers are measured with the same rule code.

/// ISO 8583 `N`: digits only.
pub fn is_n(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

/// ISO 8583 `AN`: letters, digits and space.
pub fn is_an(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b' ')
}

/// ISO 8583 `ANS`: printable ASCII.
pub fn is_ans(s: &str) -> bool {
    s.bytes().all(|b| (0x20..=0x7e).contains(&b))
}

/// At most `max` Unicode scalar values (byte length first: it bounds the count).
pub fn chars_at_most(s: &str, max: usize) -> bool {
    s.len() <= max || s.chars().count() <= max
}

fn two(b: &[u8], at: usize) -> Option<u32> {
    let hi = b.get(at)?.checked_sub(b'0').filter(|d| *d < 10)?;
    let lo = b.get(at + 1)?.checked_sub(b'0').filter(|d| *d < 10)?;
    Some(u32::from(hi) * 10 + u32::from(lo))
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

fn date_ok(year: u32, month: u32, day: u32) -> bool {
    (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)
}

fn time_ok(h: u32, m: u32, s: u32) -> bool {
    h < 24 && m < 60 && s < 60
}

/// `YYYYMMDDHHMISS`: fourteen digits, a real calendar date and time.
pub fn is_local_time(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 14 {
        return false;
    }
    let (Some(y1), Some(y2), Some(mo), Some(d), Some(h), Some(mi), Some(se)) = (
        two(b, 0),
        two(b, 2),
        two(b, 4),
        two(b, 6),
        two(b, 8),
        two(b, 10),
        two(b, 12),
    ) else {
        return false;
    };
    date_ok(y1 * 100 + y2, mo, d) && time_ok(h, mi, se)
}

/// `GMT±hh:mm`, between `GMT-12:00` and `GMT+14:00`.
pub fn is_gmt_offset(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 9 || &b[..3] != b"GMT" || b[6] != b':' {
        return false;
    }
    let (Some(h), Some(m)) = (two(b, 4), two(b, 7)) else {
        return false;
    };
    if m >= 60 {
        return false;
    }
    let minutes = h * 60 + m;
    match b[3] {
        b'+' => minutes <= 14 * 60,
        b'-' => minutes <= 12 * 60,
        _ => false,
    }
}

/// A mobile number `+<country code>-<number>`: a 1–3 digit country code not starting with 0,
/// a 4–14 digit number, at most 15 digits in all (E.164).
pub fn is_mobile(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('+') else {
        return false;
    };
    let Some((cc, number)) = rest.split_once('-') else {
        return false;
    };
    (1..=3).contains(&cc.len())
        && is_n(cc)
        && !cc.starts_with('0')
        && (4..=14).contains(&number.len())
        && is_n(number)
        && cc.len() + number.len() <= 15
}

/// A card number: 12 to 19 digits.
pub fn is_pan(s: &str) -> bool {
    (12..=19).contains(&s.len()) && is_n(s)
}

/// ISO 8601 date-time with a mandatory offset: `YYYY-MM-DDTHH:MM:SS[.f+](Z|±hh:mm)`.
pub fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' {
        return false;
    }
    if b[16] != b':' {
        return false;
    }
    let (Some(y1), Some(y2), Some(mo), Some(d), Some(h), Some(mi), Some(se)) = (
        two(b, 0),
        two(b, 2),
        two(b, 5),
        two(b, 8),
        two(b, 11),
        two(b, 14),
        two(b, 17),
    ) else {
        return false;
    };
    if !date_ok(y1 * 100 + y2, mo, d) || !time_ok(h, mi, se) {
        return false;
    }
    let mut rest = &b[19..];
    if let Some(frac) = rest.strip_prefix(b".") {
        let n = frac.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return false;
        }
        rest = &frac[n..];
    }
    match rest {
        b"Z" => true,
        [sign, ..] if (*sign == b'+' || *sign == b'-') && rest.len() == 6 && rest[3] == b':' => {
            matches!((two(rest, 1), two(rest, 4)), (Some(h), Some(m)) if h < 24 && m < 60)
        }
        _ => false,
    }
}

/// ISO 4217 List One as of 2026-12-01 (the runtime's table, `formats/currency_table.rs`): the
/// current currencies and the funds/precious-metal codes.
pub const ISO_4217: &[&str] = &[
    "AED", "AFN", "ALL", "AMD", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BHD",
    "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF",
    "CHE", "CHF", "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUP", "CVE", "CZK", "DJF",
    "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP",
    "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR",
    "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT",
    "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP",
    "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR",
    "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB",
    "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN",
    "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH",
    "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS", "VED", "VES", "VND", "VUV", "WST", "XAD",
    "XAF", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XCD", "XCG", "XDR", "XOF", "XPD", "XPF",
    "XPT", "XSU", "XTS", "XUA", "XXX", "YER", "ZAR", "ZMW", "ZWG",
];

/// An ISO 4217 alphabetic currency code (binary search in the sorted table).
pub fn is_currency(s: &str) -> bool {
    s.len() == 3 && ISO_4217.binary_search(&s).is_ok()
}

/// A positive integer in minor units: 1–16 digits, no leading zero.
pub fn is_minor_units(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty() && b.len() <= 16 && b[0] != b'0' && is_n(s)
}

/// An absolute `http` or `https` URL with a non-empty host and no whitespace.
pub fn is_url(s: &str) -> bool {
    let rest = match s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
    {
        Some(rest) => rest,
        None => return false,
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty() && s.bytes().all(|b| b > 0x20 && b < 0x7f)
}

/// A string holding one JSON document.
pub fn is_json_text(s: &str) -> bool {
    serde_json::from_str::<serde::de::IgnoredAny>(s).is_ok()
}

/// The values of the closed `status` enum of `ExternalBenefitDetail`.
pub const BENEFIT_STATUS: &[&str] = &["ACTIVATED", "REVERSED", "USED", "EXPIRED"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_at_their_edges() {
        assert!(ISO_4217.windows(2).all(|w| w[0] < w[1]));
        assert!(is_local_time("20240229235959"));
        assert!(!is_local_time("20230229120000"));
        assert!(!is_local_time("2024112215300"));
        assert!(is_gmt_offset("GMT+14:00") && is_gmt_offset("GMT-12:00"));
        assert!(!is_gmt_offset("GMT+14:01") && !is_gmt_offset("GMT+8:00"));
        assert!(is_mobile("+86-13800138000") && !is_mobile("13800138000"));
        assert!(is_timestamp("2019-04-04T12:08:56+05:30"));
        assert!(is_timestamp("2019-04-04T12:08:56.123Z"));
        assert!(!is_timestamp("2019-11-27T12:01:01"));
        assert!(!is_timestamp("2019-02-30T00:00:00Z"));
        assert!(is_currency("USD") && !is_currency("usd"));
        assert!(is_minor_units("100") && !is_minor_units("0") && !is_minor_units("12.5"));
        assert!(is_url("https://a.example/b") && !is_url("ftp://x"));
        assert!(is_json_text("{\"k\":1}") && !is_json_text("{k1:v1}"));
    }

    /// The hand-written baseline checks the same codes as the runtime, so the benchmarks
    /// compare equal work.
    #[test]
    fn the_currency_list_is_the_runtime_table() {
        let runtime: Vec<&str> = fieldtab::Currency::all().map(|c| c.code()).collect();
        assert_eq!(ISO_4217, runtime.as_slice());
    }
}
