//! ISO 8601 date-times with a mandatory offset.

use std::fmt;
use std::str::FromStr;

use crate::RuleError;
use crate::serde_str::serde_via_str;

/// An ISO 8601 date-time with a mandatory offset: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±hh:mm)`.
///
/// ```
/// use fieldtab_runtime::Timestamp;
///
/// let t: Timestamp = "2019-11-27T12:01:01.250+08:30".parse().unwrap();
/// assert_eq!(t.to_string(), "2019-11-27T12:01:01.250+08:30");
/// assert!("2019-11-27T12:01:01".parse::<Timestamp>().is_err()); // no offset
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Timestamp {
    date_time: time::PrimitiveDateTime,
    /// Number of fractional digits as written (0 = none).
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

impl Timestamp {
    /// Parses the text; the one implementation of the `Timestamp` format rule.
    pub(crate) fn parse(_s: &[u8]) -> Result<Timestamp, RuleError> {
        todo!()
    }

    /// As the date/time crate's offset date-time (the instant and its offset).
    pub fn to_offset_date_time(self) -> time::OffsetDateTime {
        todo!()
    }
}

impl FromStr for Timestamp {
    type Err = RuleError;
    fn from_str(s: &str) -> Result<Timestamp, RuleError> {
        Timestamp::parse(s.as_bytes())
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, _f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let _ = (self.fraction_digits, self.offset, self.date_time);
        todo!()
    }
}

serde_via_str!(Timestamp, "an ISO 8601 date-time with offset");
