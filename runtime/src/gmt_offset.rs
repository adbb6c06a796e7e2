//! `GMT±hh:mm` offsets.

use std::fmt;
use std::str::FromStr;

use crate::RuleError;
use crate::serde_str::serde_via_str;

/// A UTC offset written `GMT+hh:mm` or `GMT-hh:mm` (exactly 9 characters), from `GMT-12:00` to
/// `GMT+14:00`, minutes 00–59. The sign is kept as written (`GMT-00:00` prints back as such).
///
/// ```
/// use fieldtab_runtime::GmtOffset;
///
/// let o: GmtOffset = "GMT+08:00".parse().unwrap();
/// assert_eq!(o.total_minutes(), 480);
/// assert_eq!(o.to_string(), "GMT+08:00");
/// assert!("GMT+14:01".parse::<GmtOffset>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GmtOffset {
    negative: bool,
    hours: u8,
    minutes: u8,
}

impl GmtOffset {
    /// `GMT+00:00`.
    pub const UTC: GmtOffset = GmtOffset {
        negative: false,
        hours: 0,
        minutes: 0,
    };

    /// Parses `GMT±hh:mm`; the one implementation of the `GmtOffset` format rule.
    pub(crate) fn parse(_s: &[u8]) -> Result<GmtOffset, RuleError> {
        todo!()
    }

    /// The offset from `total` minutes east of UTC; `None` outside −720..=840.
    pub const fn from_minutes(total: i16) -> Option<GmtOffset> {
        let _ = total;
        todo!()
    }

    /// Minutes east of UTC (negative west).
    pub const fn total_minutes(self) -> i16 {
        todo!()
    }

    /// As the date/time crate's offset.
    pub fn to_utc_offset(self) -> time::UtcOffset {
        todo!()
    }

    /// From the date/time crate's offset; `None` outside the range or with seconds.
    pub fn from_utc_offset(_offset: time::UtcOffset) -> Option<GmtOffset> {
        todo!()
    }
}

impl FromStr for GmtOffset {
    type Err = RuleError;
    fn from_str(s: &str) -> Result<GmtOffset, RuleError> {
        GmtOffset::parse(s.as_bytes())
    }
}

impl fmt::Display for GmtOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.negative { '-' } else { '+' };
        write!(f, "GMT{sign}{:02}:{:02}", self.hours, self.minutes)
    }
}

serde_via_str!(GmtOffset, "a UTC offset GMT±hh:mm");
