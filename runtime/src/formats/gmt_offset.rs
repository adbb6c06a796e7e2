//! `GMT±hh:mm` offsets.

use std::fmt;
use std::str::FromStr;

use time::UtcOffset;

use super::digits::{Text, fixed};
use super::owned;
use super::serde_str::serde_via_str;
use crate::RuleError;
use std::borrow::Cow;

/// A UTC offset written `GMT+hh:mm` or `GMT-hh:mm` (exactly 9 characters, `GMT` in capitals),
/// from `GMT-12:00` to `GMT+14:00`, minutes 00–59. The sign is kept as written, so `GMT-00:00`
/// prints back as such (and is not equal to `GMT+00:00`, though both are the same offset).
///
/// Converts to and from the `time` crate's [`UtcOffset`]. `FromStr`, `Display` and serde use the
/// 9-character text.
///
/// ```
/// use fieldtab_runtime::GmtOffset;
///
/// let o: GmtOffset = "GMT+08:00".parse().unwrap();
/// assert_eq!(o.total_minutes(), 480);
/// assert_eq!(o.to_string(), "GMT+08:00");
/// assert!("GMT+14:01".parse::<GmtOffset>().is_err());
/// assert!("GMT-12:00".parse::<GmtOffset>().is_ok());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GmtOffset {
    negative: bool,
    hours: u8,
    minutes: u8,
}

const SHAPE: &str = "must be a UTC offset GMT+hh:mm or GMT-hh:mm";
const RANGE: &str = "must be between GMT-12:00 and GMT+14:00";

impl GmtOffset {
    /// `GMT+00:00`.
    ///
    /// ```
    /// assert_eq!(fieldtab_runtime::GmtOffset::UTC.to_string(), "GMT+00:00");
    /// ```
    pub const UTC: GmtOffset = GmtOffset {
        negative: false,
        hours: 0,
        minutes: 0,
    };

    /// The westmost offset, `GMT-12:00`.
    ///
    /// ```
    /// assert_eq!(fieldtab_runtime::GmtOffset::MIN.total_minutes(), -720);
    /// ```
    pub const MIN: GmtOffset = GmtOffset {
        negative: true,
        hours: 12,
        minutes: 0,
    };

    /// The eastmost offset, `GMT+14:00`.
    ///
    /// ```
    /// assert_eq!(fieldtab_runtime::GmtOffset::MAX.total_minutes(), 840);
    /// ```
    pub const MAX: GmtOffset = GmtOffset {
        negative: false,
        hours: 14,
        minutes: 0,
    };

    /// Parses `GMT±hh:mm`; the one implementation of the `GmtOffset` format rule.
    #[inline]
    pub(crate) fn parse(s: &[u8]) -> Result<GmtOffset, RuleError> {
        let (Some(b"GMT"), Some(&sign), Some(hours), Some(b':'), Some(minutes), 9) = (
            s.get(..3),
            s.get(3),
            fixed::<2>(s, 4),
            s.get(6),
            fixed::<2>(s, 7),
            s.len(),
        ) else {
            return Err(RuleError::format(SHAPE));
        };
        let negative = match sign {
            b'+' => false,
            b'-' => true,
            _ => return Err(RuleError::format(SHAPE)),
        };
        if minutes > 59 {
            return Err(RuleError::format("has minutes outside 00-59"));
        }
        // Two digits each, so the casts are lossless.
        let offset = GmtOffset {
            negative,
            hours: hours as u8,
            minutes: minutes as u8,
        };
        if (-720..=840).contains(&offset.total_minutes()) {
            Ok(offset)
        } else {
            Err(RuleError::format(RANGE))
        }
    }

    /// The offset `total` minutes east of UTC (negative: west); `None` outside −720..=840.
    ///
    /// ```
    /// use fieldtab_runtime::GmtOffset;
    /// assert_eq!(GmtOffset::from_minutes(-330).unwrap().to_string(), "GMT-05:30");
    /// assert_eq!(GmtOffset::from_minutes(841), None);
    /// ```
    pub const fn from_minutes(total: i16) -> Option<GmtOffset> {
        if total < -720 || total > 840 {
            return None;
        }
        let abs = total.unsigned_abs();
        Some(GmtOffset {
            negative: total < 0,
            hours: (abs / 60) as u8,
            minutes: (abs % 60) as u8,
        })
    }

    /// Minutes east of UTC (negative: west).
    ///
    /// ```
    /// let o: fieldtab_runtime::GmtOffset = "GMT-03:30".parse().unwrap();
    /// assert_eq!(o.total_minutes(), -210);
    /// ```
    pub const fn total_minutes(self) -> i16 {
        let abs = self.hours as i16 * 60 + self.minutes as i16;
        if self.negative { -abs } else { abs }
    }

    /// As the `time` crate's offset.
    ///
    /// ```
    /// let o: fieldtab_runtime::GmtOffset = "GMT+05:45".parse().unwrap();
    /// assert_eq!(o.to_utc_offset().whole_minutes(), 345);
    /// ```
    pub fn to_utc_offset(self) -> UtcOffset {
        let (h, m) = (self.hours as i8, self.minutes as i8);
        let (h, m) = if self.negative { (-h, -m) } else { (h, m) };
        // Within ±14:59, always a valid `UtcOffset`.
        UtcOffset::from_hms(h, m, 0).unwrap_or(UtcOffset::UTC)
    }

    /// From the `time` crate's offset; `None` outside GMT-12:00..=GMT+14:00 or with seconds.
    ///
    /// ```
    /// use fieldtab_runtime::GmtOffset;
    /// let o = GmtOffset::from_utc_offset(time::UtcOffset::from_hms(9, 30, 0).unwrap());
    /// assert_eq!(o.unwrap().to_string(), "GMT+09:30");
    /// ```
    pub fn from_utc_offset(offset: UtcOffset) -> Option<GmtOffset> {
        if offset.seconds_past_minute() != 0 {
            return None;
        }
        GmtOffset::from_minutes(offset.whole_minutes())
    }
}

impl From<GmtOffset> for UtcOffset {
    fn from(o: GmtOffset) -> UtcOffset {
        o.to_utc_offset()
    }
}

impl TryFrom<UtcOffset> for GmtOffset {
    type Error = RuleError;
    fn try_from(o: UtcOffset) -> Result<GmtOffset, RuleError> {
        GmtOffset::from_utc_offset(o).ok_or_else(|| RuleError::format(RANGE))
    }
}

impl Default for GmtOffset {
    fn default() -> GmtOffset {
        GmtOffset::UTC
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
        let mut t = Text::<9>::new();
        for b in *b"GMT" {
            t.push(b);
        }
        t.push(if self.negative { b'-' } else { b'+' });
        t.digits(u32::from(self.hours), 2);
        t.push(b':');
        t.digits(u32::from(self.minutes), 2);
        f.pad(t.as_str())
    }
}

serde_via_str!(GmtOffset, "a UTC offset GMT±hh:mm");

/// The `GMT±hh:mm` format.
pub(crate) struct Spec;

impl super::FormatSpec for Spec {
    #[inline]
    fn check(&self, value: &str) -> Result<(), RuleError> {
        GmtOffset::parse(value.as_bytes()).map(drop)
    }

    fn name(&self) -> Cow<'static, str> {
        "GMT±hh:mm".into()
    }

    fn aliases(&self) -> &'static [&'static str] {
        &["GMT+hh:mm", "GMT+/-hh:mm", "GMT±xx:xx", "GMT+/-xx:xx"]
    }

    fn samples(&self) -> Vec<String> {
        owned(&[
            "GMT+08:00",
            "GMT-03:30",
            "GMT+00:00",
            "GMT+14:00",
            "GMT-12:00",
        ])
    }

    fn extremes(&self) -> Option<&'static [&'static str]> {
        Some(&["GMT+08:00", "GMT-08:00"])
    }

    fn exact_len(&self) -> Option<u32> {
        Some(9)
    }

    fn json_schema_pattern(&self) -> Option<String> {
        Some(GMT_OFFSET.into())
    }

    fn typed_value(&self) -> Option<&'static str> {
        Some("GmtOffset")
    }
}

/// `GMT-12:00` to `GMT+14:00`.
const GMT_OFFSET: &str =
    r"^GMT(\+((0[0-9]|1[0-3]):[0-5][0-9]|14:00)|-((0[0-9]|1[01]):[0-5][0-9]|12:00))$";

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> bool {
        GmtOffset::parse(s.as_bytes()).is_ok()
    }

    #[test]
    fn boundaries() {
        assert!(ok("GMT+14:00"));
        assert!(!ok("GMT+14:01"));
        assert!(!ok("GMT+15:00"));
        assert!(ok("GMT-12:00"));
        assert!(!ok("GMT-12:01"));
        assert!(ok("GMT+13:59"));
        assert!(ok("GMT-11:59"));
        assert!(!ok("GMT+05:60"), "minutes 60");
        assert!(ok("GMT+05:59"));
        assert!(ok("GMT+00:00"));
        assert!(ok("GMT-00:00"));
        assert!(!ok(""), "empty");
        assert!(!ok("GMT+8:00"), "8 chars");
        assert!(!ok("GMT+08:000"), "10 chars");
        assert!(!ok("gmt+08:00"), "lower case");
        assert!(!ok("UTC+08:00"));
        assert!(!ok("GMT 08:00"));
        assert!(!ok("GMT+0800 "));
        assert!(!ok("GMT+08-00"));
        assert!(!ok("GMT+０8:00"), "full-width digit");
        assert!(!ok("GMT±08:00"));
    }

    #[test]
    fn sign_is_kept() {
        let minus: GmtOffset = "GMT-00:00".parse().unwrap();
        assert_eq!(minus.to_string(), "GMT-00:00");
        assert_eq!(minus.total_minutes(), 0);
        assert_eq!(minus.to_utc_offset(), UtcOffset::UTC);
    }

    #[test]
    fn converts() {
        for total in [-720i16, -330, -1, 0, 1, 345, 840] {
            let o = GmtOffset::from_minutes(total).unwrap();
            assert_eq!(o.to_utc_offset().whole_minutes(), total);
            assert_eq!(GmtOffset::try_from(o.to_utc_offset()).unwrap(), o);
        }
        assert_eq!(GmtOffset::from_minutes(-721), None);
        assert!(GmtOffset::from_utc_offset(UtcOffset::from_hms(1, 0, 30).unwrap()).is_none());
        assert!(GmtOffset::from_utc_offset(UtcOffset::from_hms(15, 0, 0).unwrap()).is_none());
    }
}
