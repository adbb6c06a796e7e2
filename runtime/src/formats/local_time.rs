//! `YYYYMMDDHHMISS` local date and time.

use std::fmt;
use std::str::FromStr;

use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time};

use super::digits::{Text, fixed};
use super::owned;
use super::serde_str::serde_via_str;
use crate::{GmtOffset, RuleError};
use std::borrow::Cow;

/// A local date and time written `YYYYMMDDHHMISS` (exactly 14 ASCII digits): a real date of the
/// proleptic Gregorian calendar, years 0000–9999, and a time 00:00:00–23:59:59 (no leap second).
///
/// Held as integers: no allocation to parse, copy or print. Converts to and from the `time`
/// crate's [`PrimitiveDateTime`]; [`LocalTime::now`] gives the time at a [`GmtOffset`].
/// `FromStr`, `Display` and serde use the 14-digit text.
///
/// ```
/// use fieldtab_runtime::{GmtOffset, LocalTime};
///
/// let t: LocalTime = "20240229235959".parse().unwrap();
/// assert_eq!((t.year(), t.month(), t.day()), (2024, 2, 29));
/// assert_eq!(t.to_string(), "20240229235959");
/// assert!("20230229000000".parse::<LocalTime>().is_err());
///
/// let now = LocalTime::now("GMT+08:00".parse::<GmtOffset>().unwrap());
/// assert_eq!(now.to_string().len(), 14);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LocalTime {
    year: u16,
    month: u8,
    day: u8,
    hour: u8,
    minute: u8,
    second: u8,
}

const SHAPE: &str = "must be a local date and time YYYYMMDDHHMISS (14 digits)";

impl LocalTime {
    /// Parses `YYYYMMDDHHMISS`; the one implementation of the `LocalTime` format rule.
    #[inline]
    pub(crate) fn parse(s: &[u8]) -> Result<LocalTime, RuleError> {
        if s.len() != 14 {
            return Err(RuleError::format(SHAPE));
        }
        let (Some(year), Some(month), Some(day), Some(hour), Some(minute), Some(second)) = (
            fixed::<4>(s, 0),
            fixed::<2>(s, 4),
            fixed::<2>(s, 6),
            fixed::<2>(s, 8),
            fixed::<2>(s, 10),
            fixed::<2>(s, 12),
        ) else {
            return Err(RuleError::format(SHAPE));
        };
        // All fields are at most 4 digits, so the casts below are lossless.
        LocalTime::new(
            year as u16,
            month as u8,
            day as u8,
            hour as u8,
            minute as u8,
            second as u8,
        )
    }

    /// A local time from its parts, checked against the calendar.
    ///
    /// ```
    /// use fieldtab_runtime::LocalTime;
    ///
    /// let t = LocalTime::new(2024, 2, 29, 23, 59, 59).unwrap();
    /// assert_eq!(t.to_string(), "20240229235959");
    /// assert!(LocalTime::new(2023, 2, 29, 0, 0, 0).is_err());
    /// assert!(LocalTime::new(2024, 1, 1, 24, 0, 0).is_err());
    /// ```
    pub fn new(
        year: u16,
        month: u8,
        day: u8,
        hour: u8,
        minute: u8,
        second: u8,
    ) -> Result<LocalTime, RuleError> {
        check_date(year, month, day)?;
        check_time(hour, minute, second)?;
        Ok(LocalTime {
            year,
            month,
            day,
            hour,
            minute,
            second,
        })
    }

    /// The year (0–9999).
    ///
    /// ```
    /// let t: fieldtab_runtime::LocalTime = "20240102030405".parse().unwrap();
    /// assert_eq!(t.year(), 2024);
    /// ```
    pub const fn year(self) -> u16 {
        self.year
    }

    /// The month (1–12).
    ///
    /// ```
    /// let t: fieldtab_runtime::LocalTime = "20240102030405".parse().unwrap();
    /// assert_eq!(t.month(), 1);
    /// ```
    pub const fn month(self) -> u8 {
        self.month
    }

    /// The day of the month (1–31).
    ///
    /// ```
    /// let t: fieldtab_runtime::LocalTime = "20240102030405".parse().unwrap();
    /// assert_eq!(t.day(), 2);
    /// ```
    pub const fn day(self) -> u8 {
        self.day
    }

    /// The hour (0–23).
    ///
    /// ```
    /// let t: fieldtab_runtime::LocalTime = "20240102030405".parse().unwrap();
    /// assert_eq!(t.hour(), 3);
    /// ```
    pub const fn hour(self) -> u8 {
        self.hour
    }

    /// The minute (0–59).
    ///
    /// ```
    /// let t: fieldtab_runtime::LocalTime = "20240102030405".parse().unwrap();
    /// assert_eq!(t.minute(), 4);
    /// ```
    pub const fn minute(self) -> u8 {
        self.minute
    }

    /// The second (0–59).
    ///
    /// ```
    /// let t: fieldtab_runtime::LocalTime = "20240102030405".parse().unwrap();
    /// assert_eq!(t.second(), 5);
    /// ```
    pub const fn second(self) -> u8 {
        self.second
    }

    /// The current local time at `offset` (from the system clock, seconds truncated).
    ///
    /// ```
    /// use fieldtab_runtime::{GmtOffset, LocalTime};
    /// let t = LocalTime::now(GmtOffset::UTC);
    /// assert!(t.year() >= 2024);
    /// ```
    pub fn now(offset: GmtOffset) -> LocalTime {
        let now = OffsetDateTime::now_utc().to_offset(offset.to_utc_offset());
        LocalTime::from_primitive(PrimitiveDateTime::new(now.date(), now.time()))
            // The system clock is within years 0-9999; the fallback keeps `now` total.
            .unwrap_or(LocalTime {
                year: 9999,
                month: 12,
                day: 31,
                hour: 23,
                minute: 59,
                second: 59,
            })
    }

    /// As the `time` crate's date-time.
    ///
    /// ```
    /// let t: fieldtab_runtime::LocalTime = "20240229120000".parse().unwrap();
    /// let dt = t.to_primitive();
    /// assert_eq!(dt.date().ordinal(), 60);
    /// ```
    pub fn to_primitive(self) -> PrimitiveDateTime {
        // The parts were checked against the same calendar when `self` was made.
        let date = Month::try_from(self.month)
            .ok()
            .and_then(|m| Date::from_calendar_date(i32::from(self.year), m, self.day).ok())
            .unwrap_or(Date::MIN);
        let time = Time::from_hms(self.hour, self.minute, self.second).unwrap_or(Time::MIDNIGHT);
        PrimitiveDateTime::new(date, time)
    }

    /// From the `time` crate's date-time, dropping the fraction of a second; `None` outside
    /// years 0–9999.
    ///
    /// ```
    /// use fieldtab_runtime::LocalTime;
    /// let t: LocalTime = "20240229120000".parse().unwrap();
    /// assert_eq!(LocalTime::from_primitive(t.to_primitive()), Some(t));
    /// ```
    pub fn from_primitive(dt: PrimitiveDateTime) -> Option<LocalTime> {
        let year = u16::try_from(dt.year()).ok().filter(|y| *y <= 9999)?;
        Some(LocalTime {
            year,
            month: u8::from(dt.month()),
            day: dt.day(),
            hour: dt.hour(),
            minute: dt.minute(),
            second: dt.second(),
        })
    }

    /// This local time at `offset`: an instant.
    ///
    /// ```
    /// use fieldtab_runtime::{GmtOffset, LocalTime};
    /// let t: LocalTime = "20240101080000".parse().unwrap();
    /// let at = t.assume_offset("GMT+08:00".parse().unwrap());
    /// // The `time` crate is re-exported: no extra dependency needed.
    /// assert_eq!(at.to_offset(fieldtab_runtime::time::UtcOffset::UTC).hour(), 0);
    /// ```
    pub fn assume_offset(self, offset: GmtOffset) -> OffsetDateTime {
        self.to_primitive().assume_offset(offset.to_utc_offset())
    }
}

/// Checks a calendar date (years 0–9999).
pub(crate) fn check_date(year: u16, month: u8, day: u8) -> Result<(), RuleError> {
    calendar_date(year, month, day).map(|_| ())
}

/// The calendar date (years 0–9999, the proleptic Gregorian calendar of the `time` crate): the
/// one definition of a real date for the date formats, which `Timestamp`'s fast path builds
/// its value with.
#[inline]
pub(crate) fn calendar_date(year: u16, month: u8, day: u8) -> Result<Date, RuleError> {
    let Ok(m) = Month::try_from(month) else {
        return Err(RuleError::format("has a month outside 01-12"));
    };
    match Date::from_calendar_date(i32::from(year), m, day) {
        Ok(date) if year <= 9999 => Ok(date),
        _ => Err(RuleError::format("is not a real calendar date")),
    }
}

/// Checks a time of day (no leap second).
pub(crate) fn check_time(hour: u8, minute: u8, second: u8) -> Result<(), RuleError> {
    if hour > 23 {
        Err(RuleError::format("has an hour outside 00-23"))
    } else if minute > 59 {
        Err(RuleError::format("has a minute outside 00-59"))
    } else if second > 59 {
        Err(RuleError::format("has a second outside 00-59"))
    } else {
        Ok(())
    }
}

impl From<LocalTime> for PrimitiveDateTime {
    fn from(t: LocalTime) -> PrimitiveDateTime {
        t.to_primitive()
    }
}

impl TryFrom<PrimitiveDateTime> for LocalTime {
    type Error = RuleError;
    fn try_from(dt: PrimitiveDateTime) -> Result<LocalTime, RuleError> {
        LocalTime::from_primitive(dt)
            .ok_or_else(|| RuleError::format("has a year outside 0000-9999"))
    }
}

impl FromStr for LocalTime {
    type Err = RuleError;
    fn from_str(s: &str) -> Result<LocalTime, RuleError> {
        LocalTime::parse(s.as_bytes())
    }
}

impl fmt::Display for LocalTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut t = Text::<14>::new();
        t.digits(u32::from(self.year), 4);
        for part in [self.month, self.day, self.hour, self.minute, self.second] {
            t.digits(u32::from(part), 2);
        }
        f.pad(t.as_str())
    }
}

serde_via_str!(LocalTime, "a local time YYYYMMDDHHMISS");

/// The `YYYYMMDDHHMISS` format.
pub(crate) struct Spec;

impl super::FormatSpec for Spec {
    #[inline]
    fn check(&self, value: &str) -> Result<(), RuleError> {
        LocalTime::parse(value.as_bytes()).map(drop)
    }

    fn name(&self) -> Cow<'static, str> {
        "YYYYMMDDHHMISS".into()
    }

    fn aliases(&self) -> &'static [&'static str] {
        &[]
    }

    fn samples(&self) -> Vec<String> {
        owned(&[
            "20240229123000",
            "20240229235959",
            "20241122141530",
            "19991231000000",
            "20000101120000",
        ])
    }

    fn extremes(&self) -> Option<&'static [&'static str]> {
        Some(&["20240229123000"])
    }

    fn exact_len(&self) -> Option<u32> {
        Some(14)
    }

    fn json_schema_pattern(&self) -> Option<String> {
        Some(format!("^{}{}$", date_pattern(""), time_pattern("")))
    }

    fn typed_value(&self) -> Option<&'static str> {
        Some("LocalTime")
    }
}

/// The pattern (unanchored) of a real date `YYYY<sep>MM<sep>DD` of years 0000–9999 (proleptic
/// Gregorian: 0000 is a leap year).
pub(super) fn date_pattern(sep: &str) -> String {
    "([0-9]{4}~((0[1-9]|1[0-2])~(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])~(29|30)|(0[13578]|1[02])~31)|([0-9]{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)~02~29)"
        .replace('~', sep)
}

/// The pattern (unanchored) of a time `HH<sep>MI<sep>SS`, 00:00:00–23:59:59.
pub(super) fn time_pattern(sep: &str) -> String {
    "([01][0-9]|2[0-3])~[0-5][0-9]~[0-5][0-9]".replace('~', sep)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Rule;

    fn ok(s: &str) -> bool {
        LocalTime::parse(s.as_bytes()).is_ok()
    }

    #[test]
    fn boundaries() {
        assert!(ok("20240229000000"), "leap day");
        assert!(!ok("20230229000000"), "not a leap year");
        assert!(ok("20000229000000"), "400-year leap");
        assert!(!ok("19000229000000"), "100-year not leap");
        assert!(ok("20241231235959"));
        assert!(ok("00000101000000"));
        assert!(ok("99991231235959"));
        assert!(!ok("20241301000000"), "month 13");
        assert!(!ok("20240001000000"), "month 0");
        assert!(!ok("20240100000000"), "day 0");
        assert!(!ok("20240132000000"), "day 32");
        assert!(!ok("20240431000000"), "April 31");
        assert!(!ok("20240101240000"), "hour 24");
        assert!(!ok("20240101236000"), "minute 60");
        assert!(!ok("20240101235960"), "second 60");
        assert!(!ok(""), "empty");
        assert!(!ok("2024010100000"), "13 digits");
        assert!(!ok("202401010000000"), "15 digits");
        assert!(!ok("2024010100000１"), "full-width digit");
        assert!(!ok("2024-1-1000000"));
        assert!(!ok("20240101 00000"));
        assert!(!ok("+2024010100000"));
    }

    #[test]
    fn errors_are_format_and_do_not_echo() {
        let e = LocalTime::parse(b"20241301000000").unwrap_err();
        assert_eq!(e.rule, Rule::Format);
        assert!(!e.message.contains("2024"));
    }

    #[test]
    fn converts_to_and_from_time() {
        let t: LocalTime = "20240229235959".parse().unwrap();
        let dt = PrimitiveDateTime::from(t);
        assert_eq!(dt.month(), Month::February);
        assert_eq!(LocalTime::try_from(dt), Ok(t));
        let off: GmtOffset = "GMT-05:30".parse().unwrap();
        assert_eq!(t.assume_offset(off).offset().whole_minutes(), -330);
        let far = PrimitiveDateTime::new(
            Date::from_calendar_date(-1, Month::January, 1).unwrap(),
            Time::MIDNIGHT,
        );
        assert!(LocalTime::try_from(far).is_err());
    }

    #[test]
    fn now_is_at_the_offset() {
        let plus = LocalTime::now("GMT+14:00".parse().unwrap()).assume_offset(GmtOffset::UTC);
        let minus = LocalTime::now("GMT-12:00".parse().unwrap()).assume_offset(GmtOffset::UTC);
        let hours = (plus - minus).whole_hours();
        assert!((25..=26).contains(&hours), "{hours}");
    }
}
