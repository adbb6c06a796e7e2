//! Dates without a time (`YYYY-MM-DD`, `YYYYMMDD`) and times of day without a date
//! (`HH:MM:SS`, `HHMMSS`), checked with the calendar code of `YYYYMMDDHHMISS`.

use std::borrow::Cow;

use super::digits::fixed;
use super::local_time::{check_date, check_time, date_pattern, time_pattern};
use super::owned;
use crate::RuleError;

/// A date or a time of day, with or without separators.
#[derive(Clone, Copy)]
pub(crate) enum Kind {
    /// `YYYY-MM-DD` (ISO 8601 extended, RFC 3339 `full-date`).
    Date,
    /// `YYYYMMDD` (ISO 8601 basic).
    CompactDate,
    /// `HH:MM:SS` (ISO 8601 extended, no fraction, no offset).
    Time,
    /// `HHMMSS` (ISO 8601 basic).
    CompactTime,
}

impl Kind {
    /// The separator between the fields (empty for the compact forms).
    fn sep(self) -> &'static str {
        match self {
            Kind::Date => "-",
            Kind::Time => ":",
            Kind::CompactDate | Kind::CompactTime => "",
        }
    }

    fn shape(self) -> &'static str {
        match self {
            Kind::Date => "must be a date YYYY-MM-DD (such as 2024-02-29)",
            Kind::CompactDate => "must be a date YYYYMMDD (8 digits, such as 20240229)",
            Kind::Time => "must be a time of day HH:MM:SS (such as 23:59:59)",
            Kind::CompactTime => "must be a time of day HHMMSS (6 digits, such as 235959)",
        }
    }

    /// The rule: the shape, then the calendar (a real date of years 0000–9999) or the clock
    /// (00:00:00–23:59:59, no leap second).
    pub(crate) fn check(self, value: &str) -> Result<(), RuleError> {
        let s = value.as_bytes();
        let sep = self.sep().as_bytes();
        let w = sep.len();
        let date = matches!(self, Kind::Date | Kind::CompactDate);
        let first = if date { 4 } else { 2 };
        let len = first + 4 + 2 * w;
        let separators_ok = sep.is_empty()
            || (s.get(first..first + w) == Some(sep)
                && s.get(first + 2 + w..first + 2 + 2 * w) == Some(sep));
        let fields = (s.len() == len && separators_ok)
            .then(|| {
                let a = if date {
                    fixed::<4>(s, 0)
                } else {
                    fixed::<2>(s, 0)
                }?;
                let b = fixed::<2>(s, first + w)?;
                let c = fixed::<2>(s, first + 2 + 2 * w)?;
                Some((a, b, c))
            })
            .flatten();
        let Some((a, b, c)) = fields else {
            return Err(RuleError::format(self.shape()));
        };
        // At most 4 digits each: the casts are lossless.
        if date {
            check_date(a as u16, b as u8, c as u8)
        } else {
            check_time(a as u8, b as u8, c as u8)
        }
    }
}

/// The date and time-of-day formats.
pub(crate) struct Spec(pub(crate) Kind);

impl super::FormatSpec for Spec {
    #[inline]
    fn check(&self, value: &str) -> Result<(), RuleError> {
        self.0.check(value)
    }

    fn name(&self) -> Cow<'static, str> {
        match self.0 {
            Kind::Date => "YYYY-MM-DD",
            Kind::CompactDate => "YYYYMMDD",
            Kind::Time => "HH:MM:SS",
            Kind::CompactTime => "HHMMSS",
        }
        .into()
    }

    fn aliases(&self) -> &'static [&'static str] {
        match self.0 {
            Kind::Date => &["ISO 8601 date"],
            Kind::CompactDate => &[],
            Kind::Time => &["HH:MI:SS"],
            Kind::CompactTime => &["HHMISS"],
        }
    }

    fn samples(&self) -> Vec<String> {
        match self.0 {
            Kind::Date => owned(&["2024-02-29", "1999-12-31", "2000-01-01", "2024-11-22"]),
            Kind::CompactDate => owned(&["20240229", "19991231", "20000101", "20241122"]),
            Kind::Time => owned(&["12:30:00", "23:59:59", "00:00:00", "14:15:30"]),
            Kind::CompactTime => owned(&["123000", "235959", "000000", "141530"]),
        }
    }

    fn extremes(&self) -> Option<&'static [&'static str]> {
        Some(match self.0 {
            Kind::Date => &["2024-02-29"],
            Kind::CompactDate => &["20240229"],
            Kind::Time => &["12:30:00"],
            Kind::CompactTime => &["123000"],
        })
    }

    fn exact_len(&self) -> Option<u32> {
        Some(match self.0 {
            Kind::Date => 10,
            Kind::CompactDate => 8,
            Kind::Time => 8,
            Kind::CompactTime => 6,
        })
    }

    fn json_schema_pattern(&self) -> Option<String> {
        let sep = self.0.sep();
        Some(match self.0 {
            Kind::Date | Kind::CompactDate => format!("^{}$", date_pattern(sep)),
            Kind::Time | Kind::CompactTime => format!("^{}$", time_pattern(sep)),
        })
    }

    fn typed_value(&self) -> Option<&'static str> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::Kind;

    #[test]
    fn dates() {
        for (kind, ok, bad) in [
            (
                Kind::Date,
                &["2024-02-29", "2000-02-29", "0000-01-01", "9999-12-31"][..],
                &[
                    "2023-02-29",
                    "1900-02-29",
                    "2024-04-31",
                    "2024-13-01",
                    "2024-00-10",
                    "2024-01-00",
                    "2024-1-01",
                    "20240101",
                    "2024/01/01",
                    "2024-01-01T00:00:00",
                    " 2024-01-01",
                    "2024-01-0１",
                    "",
                    "2024-01-01-",
                ][..],
            ),
            (
                Kind::CompactDate,
                &["20240229", "20000229", "00000101", "99991231"][..],
                &[
                    "20230229",
                    "19000229",
                    "20240431",
                    "20241301",
                    "2024-01-01",
                    "2024010",
                    "202401011",
                    "2024010１",
                    "",
                ][..],
            ),
        ] {
            for v in ok {
                assert!(kind.check(v).is_ok(), "{v}");
            }
            for v in bad {
                assert!(kind.check(v).is_err(), "{v}");
            }
        }
    }

    #[test]
    fn times() {
        for (kind, ok, bad) in [
            (
                Kind::Time,
                &["00:00:00", "23:59:59", "12:30:00"][..],
                &[
                    "24:00:00",
                    "23:60:00",
                    "23:59:60",
                    "2:30:00",
                    "12:30",
                    "123000",
                    "12:30:00Z",
                    "12:30:00.5",
                    "12-30-00",
                    "",
                    "12:30:0１",
                ][..],
            ),
            (
                Kind::CompactTime,
                &["000000", "235959", "123000"][..],
                &[
                    "240000", "236000", "235960", "12300", "1230000", "12:30:00", "",
                ][..],
            ),
        ] {
            for v in ok {
                assert!(kind.check(v).is_ok(), "{v}");
            }
            for v in bad {
                assert!(kind.check(v).is_err(), "{v}");
            }
        }
    }
}
