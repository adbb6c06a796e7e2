//! ISO 8601 date-times with a mandatory offset.

use std::fmt;
use std::str::FromStr;

use time::{Date, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

use super::digits::{self, Text, fixed};
use super::local_time::{calendar_date, check_time};
use super::owned;
use super::serde_str::serde_via_str;
use crate::RuleError;
use std::borrow::Cow;

/// An ISO 8601 date-time with a mandatory offset, in the extended format of RFC 3339:
/// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+hh:mm|-hh:mm)`.
///
/// - a real calendar date (years 0000–9999) and time (no leap second); `T` and `Z` in capitals;
/// - an optional fraction of 1 to 9 digits;
/// - the offset is mandatory: `Z`, or `±hh:mm` with hours 00–23 and minutes 00–59.
///
/// The value keeps its text: the number of fraction digits and the way the offset was written
/// (`Z`, `+00:00` and `-00:00` stay distinct), so `Display` gives back the parsed text and
/// equality compares the text's meaning *and* its notation. Compare instants with
/// [`Timestamp::to_offset_date_time`].
///
/// ```
/// use fieldtab_runtime::Timestamp;
///
/// let t: Timestamp = "2019-11-27T12:01:01.250+08:30".parse().unwrap();
/// assert_eq!(t.to_string(), "2019-11-27T12:01:01.250+08:30");
/// let z: Timestamp = "2019-04-04T12:08:56Z".parse().unwrap();
/// assert_eq!(z.to_offset_date_time().unix_timestamp(), 1554379736);
/// assert!("2019-11-27T12:01:01".parse::<Timestamp>().is_err()); // no offset
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Timestamp {
    date_time: PrimitiveDateTime,
    /// Number of fraction digits as written (0 = no fraction).
    fraction_digits: u8,
    offset: OffsetText,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum OffsetText {
    Z,
    Numeric {
        negative: bool,
        hours: u8,
        minutes: u8,
    },
}

const SHAPE: &str = "must be an ISO 8601 date-time with offset, YYYY-MM-DDTHH:MM:SS[.fraction] followed by Z or ±hh:mm";

impl Timestamp {
    /// Parses the text; the one implementation of the `Timestamp` format rule.
    #[inline]
    pub(crate) fn parse(s: &[u8]) -> Result<Timestamp, RuleError> {
        match Fields::fast(s) {
            Some(f) => f.build().map_or_else(|| Timestamp::parse_general(s), Ok),
            None => Timestamp::parse_general(s),
        }
    }

    /// The general parser: accepts exactly what [`Fields::fast`] accepts and more, and finds
    /// the error of every text the fast path turns down.
    #[cold]
    #[inline(never)]
    fn parse_general(s: &[u8]) -> Result<Timestamp, RuleError> {
        let shape = || RuleError::format(SHAPE);
        let (
            Some(year),
            Some(b'-'),
            Some(month),
            Some(b'-'),
            Some(day),
            Some(b'T'),
            Some(hour),
            Some(b':'),
            Some(minute),
            Some(b':'),
            Some(second),
        ) = (
            fixed::<4>(s, 0),
            s.get(4),
            fixed::<2>(s, 5),
            s.get(7),
            fixed::<2>(s, 8),
            s.get(10),
            fixed::<2>(s, 11),
            s.get(13),
            fixed::<2>(s, 14),
            s.get(16),
            fixed::<2>(s, 17),
        )
        else {
            return Err(shape());
        };
        let mut at = 19;
        let mut fraction_digits = 0u8;
        let mut nanos = 0u32;
        if s.get(at) == Some(&b'.') {
            at += 1;
            while let Some(&b) = s.get(at) {
                if !b.is_ascii_digit() {
                    break;
                }
                if fraction_digits == 9 {
                    return Err(RuleError::format(
                        "has more than 9 digits in its fraction of a second",
                    ));
                }
                nanos = nanos * 10 + u32::from(b - b'0');
                fraction_digits += 1;
                at += 1;
            }
            if fraction_digits == 0 {
                return Err(shape());
            }
            nanos *= 10u32.pow(9 - u32::from(fraction_digits));
        }
        let offset = match (s.get(at), &s[at.min(s.len())..]) {
            (Some(b'Z'), rest) if rest.len() == 1 => OffsetText::Z,
            (Some(&sign @ (b'+' | b'-')), rest) if rest.len() == 6 && rest[3] == b':' => {
                let (Some(hours), Some(minutes)) = (fixed::<2>(rest, 1), fixed::<2>(rest, 4))
                else {
                    return Err(shape());
                };
                if hours > 23 || minutes > 59 {
                    return Err(RuleError::format("has an offset outside -23:59..+23:59"));
                }
                OffsetText::Numeric {
                    negative: sign == b'-',
                    hours: hours as u8,
                    minutes: minutes as u8,
                }
            }
            (None, _) => return Err(RuleError::format("must end with an offset, Z or ±hh:mm")),
            _ => return Err(shape()),
        };
        // Fields of at most 4 digits: the casts are lossless.
        let (year, month, day) = (year as u16, month as u8, day as u8);
        let (hour, minute, second) = (hour as u8, minute as u8, second as u8);
        let date = calendar_date(year, month, day)?;
        check_time(hour, minute, second)?;
        let Ok(time) = Time::from_hms_nano(hour, minute, second, nanos) else {
            return Err(shape());
        };
        Ok(Timestamp {
            date_time: PrimitiveDateTime::new(date, time),
            fraction_digits,
            offset,
        })
    }

    /// The instant and its offset, as the `time` crate's [`OffsetDateTime`].
    ///
    /// ```
    /// let t: fieldtab_runtime::Timestamp = "2024-02-29T23:30:00-01:00".parse().unwrap();
    /// let utc = t.to_offset_date_time().to_offset(time::UtcOffset::UTC);
    /// assert_eq!((utc.month() as u8, utc.day(), utc.hour()), (3, 1, 0));
    /// ```
    pub fn to_offset_date_time(self) -> OffsetDateTime {
        self.date_time.assume_offset(self.utc_offset())
    }

    /// The offset, as the `time` crate's [`UtcOffset`] (`Z` is UTC).
    ///
    /// ```
    /// let t: fieldtab_runtime::Timestamp = "2024-01-01T00:00:00+05:30".parse().unwrap();
    /// assert_eq!(t.utc_offset().whole_minutes(), 330);
    /// ```
    pub fn utc_offset(self) -> UtcOffset {
        match self.offset {
            OffsetText::Z => UtcOffset::UTC,
            OffsetText::Numeric {
                negative,
                hours,
                minutes,
            } => {
                let (h, m) = (hours as i8, minutes as i8);
                let (h, m) = if negative { (-h, -m) } else { (h, m) };
                // Hours <= 23, minutes <= 59: always valid.
                UtcOffset::from_hms(h, m, 0).unwrap_or(UtcOffset::UTC)
            }
        }
    }

    /// The local date and time as written, without the offset.
    ///
    /// ```
    /// let t: fieldtab_runtime::Timestamp = "2024-01-01T10:20:30Z".parse().unwrap();
    /// assert_eq!(t.date_time().minute(), 20);
    /// ```
    pub fn date_time(self) -> PrimitiveDateTime {
        self.date_time
    }

    /// A timestamp from the `time` crate's [`OffsetDateTime`], written with `Z` for UTC and the
    /// shortest fraction that keeps its nanoseconds; `None` outside years 0–9999 or for offsets
    /// with seconds.
    ///
    /// ```
    /// use fieldtab_runtime::Timestamp;
    /// let t: Timestamp = "2024-01-01T10:20:30.5+01:00".parse().unwrap();
    /// let back = Timestamp::from_offset_date_time(t.to_offset_date_time()).unwrap();
    /// assert_eq!(back.to_string(), "2024-01-01T10:20:30.5+01:00");
    /// ```
    pub fn from_offset_date_time(odt: OffsetDateTime) -> Option<Timestamp> {
        if !(0..=9999).contains(&odt.year()) {
            return None;
        }
        let off = odt.offset();
        if off.seconds_past_minute() != 0 {
            return None;
        }
        let offset = if off.is_utc() {
            OffsetText::Z
        } else {
            let total = off.whole_minutes();
            OffsetText::Numeric {
                negative: total < 0,
                hours: (total.unsigned_abs() / 60) as u8,
                minutes: (total.unsigned_abs() % 60) as u8,
            }
        };
        let mut fraction_digits = 0;
        let mut nanos = odt.nanosecond();
        if nanos != 0 {
            fraction_digits = 9;
            while nanos.is_multiple_of(10) {
                nanos /= 10;
                fraction_digits -= 1;
            }
        }
        Some(Timestamp {
            date_time: PrimitiveDateTime::new(odt.date(), odt.time()),
            fraction_digits,
            offset,
        })
    }
}

/// The fields of a timestamp that [`Fields::fast`] found valid.
struct Fields {
    date: Date,
    hour: u8,
    minute: u8,
    second: u8,
    nanos: u32,
    fraction_digits: u8,
    offset: OffsetText,
}

impl Fields {
    /// A straight-line reading of a valid timestamp, without the general parser's
    /// `Option`-per-field bookkeeping (about 300 instructions); the date and the time of day
    /// are checked by the same functions as the general parser's. It returns `None` for *any* text it does not accept, valid or not, so that
    /// the general parser alone decides every error; whatever it accepts, the general parser
    /// accepts with the same fields (the `fast_path_agrees` test holds it to that).
    #[inline]
    fn fast(s: &[u8]) -> Option<Fields> {
        let head: &[u8; 19] = s.get(..19)?.try_into().ok()?;
        if head[4] != b'-' || head[7] != b'-' || head[10] != b'T' {
            return None;
        }
        if head[13] != b':' || head[16] != b':' {
            return None;
        }
        // All 14 digits are checked at once: a byte outside `0-9` makes its `d` above 9.
        let d = |i: usize| u32::from(head[i].wrapping_sub(b'0'));
        let digits = [
            d(0),
            d(1),
            d(2),
            d(3),
            d(5),
            d(6),
            d(8),
            d(9),
            d(11),
            d(12),
            d(14),
            d(15),
            d(17),
            d(18),
        ];
        if digits.iter().any(|&v| v > 9) {
            return None;
        }
        let two = |i: usize| digits[i] * 10 + digits[i + 1];
        let year = two(0) * 100 + two(2);
        let (month, day) = (two(4), two(6));
        let (hour, minute, second) = (two(8), two(10), two(12));
        // The date and time rules are those of `LocalTime`, the general parser's too. Fields of
        // at most 4 digits: the casts are lossless.
        let date = calendar_date(year as u16, month as u8, day as u8).ok()?;
        let (hour, minute, second) = (hour as u8, minute as u8, second as u8);
        check_time(hour, minute, second).ok()?;
        let (offset, rest) = match s {
            [rest @ .., b'Z'] => (OffsetText::Z, rest),
            [rest @ .., sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
                let hours = fixed::<2>(&[*h1, *h2], 0)?;
                let minutes = fixed::<2>(&[*m1, *m2], 0)?;
                if hours > 23 || minutes > 59 {
                    return None;
                }
                let offset = OffsetText::Numeric {
                    negative: *sign == b'-',
                    hours: hours as u8,
                    minutes: minutes as u8,
                };
                (offset, rest)
            }
            _ => return None,
        };
        // `rest` is the first 19 bytes and the fraction, if any: `.` and 1 to 9 digits.
        let (fraction_digits, nanos) = match rest.get(19..)? {
            [] => (0, 0),
            [b'.', fraction @ ..] if (1..=9).contains(&fraction.len()) => {
                let nanos = digits::value(fraction)?;
                // At most 9 digits: the fraction scaled to nanoseconds fits a `u32`.
                let scale = 10u32.pow(9 - fraction.len() as u32);
                (fraction.len() as u8, nanos * scale)
            }
            _ => return None,
        };
        Some(Fields {
            date,
            hour,
            minute,
            second,
            nanos,
            fraction_digits,
            offset,
        })
    }

    /// The timestamp of valid fields (`None` never happens: the `time` crate agrees that the
    /// time is real, and the caller then falls back to the general parser).
    #[inline]
    fn build(self) -> Option<Timestamp> {
        let date = self.date;
        let time = Time::from_hms_nano(self.hour, self.minute, self.second, self.nanos).ok()?;
        Some(Timestamp {
            date_time: PrimitiveDateTime::new(date, time),
            fraction_digits: self.fraction_digits,
            offset: self.offset,
        })
    }
}

impl From<Timestamp> for OffsetDateTime {
    fn from(t: Timestamp) -> OffsetDateTime {
        t.to_offset_date_time()
    }
}

impl FromStr for Timestamp {
    type Err = RuleError;
    fn from_str(s: &str) -> Result<Timestamp, RuleError> {
        Timestamp::parse(s.as_bytes())
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let dt = self.date_time;
        let mut t = Text::<40>::new();
        // Years are 0-9999 by construction.
        t.digits(dt.year().unsigned_abs(), 4);
        t.push(b'-');
        t.digits(u32::from(u8::from(dt.month())), 2);
        t.push(b'-');
        t.digits(u32::from(dt.day()), 2);
        t.push(b'T');
        t.digits(u32::from(dt.hour()), 2);
        t.push(b':');
        t.digits(u32::from(dt.minute()), 2);
        t.push(b':');
        t.digits(u32::from(dt.second()), 2);
        if self.fraction_digits > 0 {
            let digits = u32::from(self.fraction_digits.min(9));
            t.push(b'.');
            t.digits(dt.nanosecond() / 10u32.pow(9 - digits), digits as usize);
        }
        match self.offset {
            OffsetText::Z => t.push(b'Z'),
            OffsetText::Numeric {
                negative,
                hours,
                minutes,
            } => {
                t.push(if negative { b'-' } else { b'+' });
                t.digits(u32::from(hours), 2);
                t.push(b':');
                t.digits(u32::from(minutes), 2);
            }
        }
        f.pad(t.as_str())
    }
}

serde_via_str!(Timestamp, "an ISO 8601 date-time with offset");

/// The `ISO 8601` format.
pub(crate) struct Spec;

impl super::FormatSpec for Spec {
    #[inline]
    fn check(&self, value: &str) -> Result<(), RuleError> {
        // A valid text needs no `Timestamp` built; the general parser finds any error.
        if Fields::fast(value.as_bytes()).is_some() {
            return Ok(());
        }
        Timestamp::parse_general(value.as_bytes()).map(drop)
    }

    fn name(&self) -> Cow<'static, str> {
        "ISO 8601".into()
    }

    fn aliases(&self) -> &'static [&'static str] {
        &["ISO 8601 date-time", "ISO8601"]
    }

    fn samples(&self) -> Vec<String> {
        owned(&[
            "2019-11-27T12:01:01Z",
            "2019-11-27T12:01:01+08:30",
            "2019-04-04T12:08:56+05:30",
            "2019-11-27T12:01:01.253+08:30",
            "2024-02-29T23:59:59-03:00",
        ])
    }

    fn extremes(&self) -> Option<&'static [&'static str]> {
        // Timestamps vary in shape (fractions, `Z` or an offset).
        None
    }

    fn exact_len(&self) -> Option<u32> {
        None
    }

    fn json_schema_pattern(&self) -> Option<String> {
        Some(TIMESTAMP.into())
    }

    fn typed_value(&self) -> Option<&'static str> {
        Some("Timestamp")
    }
}

/// `YYYY-MM-DDTHH:MM:SS[.f{1,9}](Z|±hh:mm)`, a real date and time, offset hours 00–23.
const TIMESTAMP: &str = r"^([0-9]{4}-((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31)|([0-9]{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)-02-29)T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,9})?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Rule;

    fn ok(s: &str) -> bool {
        Timestamp::parse(s.as_bytes()).is_ok()
    }

    #[test]
    fn boundaries() {
        assert!(ok("2019-11-27T12:01:01+08:30"));
        assert!(ok("2019-04-04T12:08:56Z"));
        assert!(ok("2024-02-29T00:00:00Z"), "leap day");
        assert!(!ok("2023-02-29T00:00:00Z"), "not a leap year");
        assert!(!ok("2024-13-01T00:00:00Z"), "month 13");
        assert!(!ok("2024-00-01T00:00:00Z"), "month 0");
        assert!(!ok("2024-01-00T00:00:00Z"), "day 0");
        assert!(!ok("2024-01-01T24:00:00Z"), "hour 24");
        assert!(!ok("2024-01-01T23:60:00Z"), "minute 60");
        assert!(!ok("2024-01-01T23:59:60Z"), "second 60");
        assert!(ok("2024-01-01T23:59:59.1Z"), "1 fraction digit");
        assert!(ok("2024-01-01T23:59:59.123456789Z"), "9 fraction digits");
        assert!(!ok("2024-01-01T23:59:59.1234567890Z"), "10 fraction digits");
        assert!(!ok("2024-01-01T23:59:59.Z"), "empty fraction");
        assert!(!ok("2024-01-01T23:59:59,5Z"), "comma");
        assert!(ok("2024-01-01T00:00:00+23:59"));
        assert!(ok("2024-01-01T00:00:00-23:59"));
        assert!(!ok("2024-01-01T00:00:00+24:00"));
        assert!(!ok("2024-01-01T00:00:00+05:60"), "offset minutes 60");
        assert!(!ok("2024-01-01T00:00:00"), "no offset");
        assert!(!ok("2024-01-01T00:00:00+0800"), "basic offset");
        assert!(!ok("2024-01-01T00:00:00+08"), "hour-only offset");
        assert!(!ok("2024-01-01T00:00:00z"), "lower-case z");
        assert!(!ok("2024-01-01t00:00:00Z"), "lower-case t");
        assert!(!ok("2024-01-01 00:00:00Z"), "space");
        assert!(!ok("2024-01-01T00:00Z"), "no seconds");
        assert!(!ok("2024-01-01T00:00:00ZZ"), "trailing");
        assert!(!ok("2024-01-01T00:00:00+08:00 "), "trailing space");
        assert!(!ok("２024-01-01T00:00:00Z"), "full-width digit");
        assert!(!ok(""), "empty");
        assert!(!ok("20240101T000000Z"), "basic format");
    }

    #[test]
    fn keeps_its_text() {
        for s in [
            "2024-01-01T00:00:00Z",
            "2024-01-01T00:00:00+00:00",
            "2024-01-01T00:00:00-00:00",
            "2024-01-01T00:00:00.000+01:00",
            "2024-01-01T00:00:00.010-11:30",
            "0000-01-01T00:00:00.123456789Z",
        ] {
            assert_eq!(s.parse::<Timestamp>().unwrap().to_string(), s);
        }
        let z: Timestamp = "2024-01-01T00:00:00Z".parse().unwrap();
        let p: Timestamp = "2024-01-01T00:00:00+00:00".parse().unwrap();
        assert_ne!(z, p);
        assert_eq!(z.to_offset_date_time(), p.to_offset_date_time());
    }

    /// The fast path and the general parser give the same result (value or error) for `s`,
    /// and `Spec::check` the same verdict.
    fn agree(s: &[u8]) {
        let general = Timestamp::parse_general(s);
        assert_eq!(
            Timestamp::parse(s),
            general,
            "{}",
            String::from_utf8_lossy(s)
        );
        if let Some(f) = Fields::fast(s) {
            assert_eq!(
                f.build().ok_or(()),
                general.clone().map_err(drop),
                "fast accepted"
            );
        }
        if let Ok(text) = std::str::from_utf8(s) {
            use super::super::FormatSpec;
            assert_eq!(Spec.check(text), general.map(drop), "check: {text}");
        }
    }

    #[test]
    fn fast_path_agrees() {
        let seeds = [
            "2019-11-27T12:01:01Z",
            "2019-11-27T12:01:01+08:30",
            "2019-11-27T12:01:01-23:59",
            "2019-11-27T12:01:01.253+08:30",
            "2024-02-29T23:59:59.1Z",
            "0000-02-29T00:00:00.123456789-00:00",
            "9999-12-31T23:59:59.12345678+00:00",
        ];
        let replacements = b"0123456789-:T.Z+zt ,\x00\xff";
        let mut checked = 0;
        for seed in seeds {
            let seed = seed.as_bytes();
            agree(seed);
            for len in 0..seed.len() + 2 {
                // Cut short, and padded with a digit or a `Z`.
                let mut t = seed[..len.min(seed.len())].to_vec();
                t.resize(len, if len % 2 == 0 { b'0' } else { b'Z' });
                agree(&t);
            }
            for at in 0..seed.len() {
                for &r in replacements {
                    let mut t = seed.to_vec();
                    t[at] = r;
                    agree(&t);
                    t.insert(at, r);
                    agree(&t);
                    checked += 2;
                }
                let mut t = seed.to_vec();
                t.remove(at);
                agree(&t);
            }
        }
        // Every field around its bounds, with every kind of offset and fraction.
        let years = [
            0, 1, 4, 100, 200, 400, 1900, 2000, 2023, 2024, 2100, 9996, 9999,
        ];
        for year in years {
            for month in 0..=13 {
                for day in [0, 1, 28, 29, 30, 31, 32, 99] {
                    agree(format!("{year:04}-{month:02}-{day:02}T00:00:00Z").as_bytes());
                    checked += 1;
                }
            }
        }
        for (hour, minute, second) in [
            (23, 59, 59),
            (24, 0, 0),
            (0, 60, 0),
            (0, 0, 60),
            (99, 99, 99),
        ] {
            for tail in [
                "Z",
                ".5Z",
                "+23:59",
                "-24:00",
                "+00:60",
                "+0a:00",
                ".1234567890Z",
                ".Z",
            ] {
                agree(format!("2024-06-15T{hour:02}:{minute:02}:{second:02}{tail}").as_bytes());
                checked += 1;
            }
        }
        assert!(checked > 5000, "{checked}");
    }

    #[test]
    fn errors_are_format() {
        let e = Timestamp::parse(b"2024-01-01T00:00:00").unwrap_err();
        assert_eq!(e.rule, Rule::Format);
    }
}
