//! `YYYYMMDDHHMISS` local date and time.

use std::fmt;
use std::str::FromStr;

use crate::serde_str::serde_via_str;
use crate::{GmtOffset, RuleError};

/// A local date and time written `YYYYMMDDHHMISS` (14 digits), a real calendar date and time.
///
/// Held as integers: no allocation to parse, copy or print.
///
/// ```
/// use fieldtab_runtime::LocalTime;
///
/// let t: LocalTime = "20240229235959".parse().unwrap();
/// assert_eq!((t.year(), t.month(), t.day()), (2024, 2, 29));
/// assert_eq!(t.to_string(), "20240229235959");
/// assert!("20230229000000".parse::<LocalTime>().is_err());
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

impl LocalTime {
    /// Parses `YYYYMMDDHHMISS`; the one implementation of the `LocalTime` format rule.
    pub(crate) fn parse(_s: &[u8]) -> Result<LocalTime, RuleError> {
        todo!()
    }

    /// The year (0–9999).
    pub const fn year(self) -> u16 {
        self.year
    }
    /// The month (1–12).
    pub const fn month(self) -> u8 {
        self.month
    }
    /// The day of the month (1–31).
    pub const fn day(self) -> u8 {
        self.day
    }
    /// The hour (0–23).
    pub const fn hour(self) -> u8 {
        self.hour
    }
    /// The minute (0–59).
    pub const fn minute(self) -> u8 {
        self.minute
    }
    /// The second (0–59).
    pub const fn second(self) -> u8 {
        self.second
    }

    /// The current local time at `offset`.
    pub fn now(offset: GmtOffset) -> LocalTime {
        let _ = offset;
        todo!()
    }

    /// As the date/time crate's date-time.
    pub fn to_primitive(self) -> time::PrimitiveDateTime {
        todo!()
    }

    /// From the date/time crate's date-time (sub-second part dropped); `None` outside years 0–9999.
    pub fn from_primitive(_dt: time::PrimitiveDateTime) -> Option<LocalTime> {
        todo!()
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
        write!(
            f,
            "{:04}{:02}{:02}{:02}{:02}{:02}",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )
    }
}

serde_via_str!(LocalTime, "a local time YYYYMMDDHHMISS");
