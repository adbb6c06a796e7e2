//! ISO 8601 date-times with a mandatory offset.

use std::fmt;
use std::str::FromStr;

use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

use super::digits::{Text, fixed};
use super::local_time::{check_date, check_time};
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
    pub(crate) fn parse(s: &[u8]) -> Result<Timestamp, RuleError> {
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
        check_date(year, month, day)?;
        check_time(hour, minute, second)?;
        let date = Month::try_from(month)
            .ok()
            .and_then(|m| Date::from_calendar_date(i32::from(year), m, day).ok());
        let time = Time::from_hms_nano(hour, minute, second, nanos).ok();
        let (Some(date), Some(time)) = (date, time) else {
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
        Timestamp::parse(value.as_bytes()).map(drop)
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

    #[test]
    fn errors_are_format() {
        let e = Timestamp::parse(b"2024-01-01T00:00:00").unwrap_err();
        assert_eq!(e.rule, Rule::Format);
    }
}
