//! Card numbers (primary account numbers) that never print in clear.

use std::fmt;
use std::str::FromStr;

use super::owned;
use super::serde_str::deserialize_via_str;
use crate::{RuleError, check_luhn};
use std::borrow::Cow;

/// A card number: 12 to 19 ASCII digits (the Luhn check digit is the separate rule
/// [`check_luhn`]). `Debug` and `Display` show at most the first 6 and the
/// last 4 digits (PCI DSS 3.4), the others as `*`; numbers shorter than 16 digits show fewer
/// leading digits so that at least 6 stay hidden. serde writes the whole number (it is the wire
/// value), and [`Pan::reveal`] gives it explicitly. Held inline, no allocation.
///
/// ```
/// use fieldtab_runtime::Pan;
///
/// let pan: Pan = "6214835920672688".parse().unwrap();
/// assert_eq!(pan.to_string(), "621483******2688");
/// assert_eq!(format!("{pan:?}"), "Pan(621483******2688)");
/// assert_eq!(pan.reveal(), "6214835920672688");
/// assert_eq!(serde_json::to_string(&pan).unwrap(), r#""6214835920672688""#);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Pan {
    digits: [u8; Pan::MAX_LEN],
    len: u8,
}

impl Pan {
    /// The fewest digits of a card number.
    ///
    /// ```
    /// assert!("12345678901".parse::<fieldtab_runtime::Pan>().is_err());
    /// ```
    pub const MIN_LEN: usize = 12;
    /// The most digits of a card number (ISO/IEC 7812).
    ///
    /// ```
    /// assert!("12345678901234567890".parse::<fieldtab_runtime::Pan>().is_err());
    /// ```
    pub const MAX_LEN: usize = 19;

    /// Parses the digits; the one implementation of the `Pan` format rule (without Luhn).
    #[inline]
    pub(crate) fn parse(s: &[u8]) -> Result<Pan, RuleError> {
        if !(Pan::MIN_LEN..=Pan::MAX_LEN).contains(&s.len()) || !crate::Charset::N.matches(s) {
            return Err(RuleError::format(
                "must be a card number of 12 to 19 digits",
            ));
        }
        let mut digits = [0u8; Pan::MAX_LEN];
        digits[..s.len()].copy_from_slice(s);
        Ok(Pan {
            digits,
            // At most 19.
            len: s.len() as u8,
        })
    }

    /// The rule of the `PAN` format (`luhn`: `PAN luhn`): the digits, then the Luhn check digit
    /// ([`check_luhn`]). The one implementation, for [`Format::Pan`](crate::Format::Pan)'s check
    /// and for the decoder's `Pan` fields.
    #[inline]
    pub(crate) fn parse_format(s: &[u8], luhn: bool) -> Result<Pan, RuleError> {
        let pan = Pan::parse(s)?;
        if luhn {
            check_luhn(pan.reveal())?;
        }
        Ok(pan)
    }

    /// The digits shown in clear at the start: 6, fewer for short numbers so that at least
    /// 6 digits stay hidden (12 digits: 2 + 4 shown).
    fn shown_first(&self) -> usize {
        (usize::from(self.len)).saturating_sub(10).min(6)
    }

    /// The whole number, in clear. Never log it.
    ///
    /// ```
    /// let pan: fieldtab_runtime::Pan = "4111111111111111".parse().unwrap();
    /// assert_eq!(pan.reveal().len(), 16);
    /// ```
    pub fn reveal(&self) -> &str {
        // ASCII digits only, checked by `parse`.
        std::str::from_utf8(&self.digits[..usize::from(self.len)]).unwrap_or_default()
    }

    /// The number of digits.
    ///
    /// ```
    /// let pan: fieldtab_runtime::Pan = "4111111111111111".parse().unwrap();
    /// assert_eq!(pan.len(), 16);
    /// ```
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        usize::from(self.len)
    }

    /// The last four digits, in clear.
    ///
    /// ```
    /// let pan: fieldtab_runtime::Pan = "4111111111111234".parse().unwrap();
    /// assert_eq!(pan.last4(), "1234");
    /// ```
    pub fn last4(&self) -> &str {
        let all = self.reveal();
        all.get(all.len().saturating_sub(4)..).unwrap_or_default()
    }

    /// Whether the Luhn check digit is right.
    ///
    /// ```
    /// let pan: fieldtab_runtime::Pan = "4111111111111111".parse().unwrap();
    /// assert!(pan.luhn_valid());
    /// ```
    pub fn luhn_valid(&self) -> bool {
        check_luhn(self.reveal()).is_ok()
    }
}

impl FromStr for Pan {
    type Err = RuleError;
    fn from_str(s: &str) -> Result<Pan, RuleError> {
        Pan::parse(s.as_bytes())
    }
}

impl fmt::Display for Pan {
    /// The masked number: the first digits (at most 6), `*` for each hidden digit, and the last 4.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let len = usize::from(self.len);
        let first = self.shown_first();
        let mut masked = self.digits;
        for d in masked.iter_mut().take(len - 4).skip(first) {
            *d = b'*';
        }
        f.pad(std::str::from_utf8(&masked[..len]).unwrap_or_default())
    }
}

impl fmt::Debug for Pan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Pan({self})")
    }
}

impl serde::Serialize for Pan {
    /// The whole number: it is the value on the wire.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.reveal())
    }
}

deserialize_via_str!(Pan, "a card number");

/// The `PAN` format, `PAN luhn` with the Luhn check digit.
pub(crate) struct Spec {
    /// Whether the Luhn check digit is verified.
    pub(crate) luhn: bool,
}

impl super::FormatSpec for Spec {
    #[inline]
    fn check(&self, value: &str) -> Result<(), RuleError> {
        Pan::parse_format(value.as_bytes(), self.luhn).map(drop)
    }

    fn name(&self) -> Cow<'static, str> {
        if self.luhn {
            "PAN luhn".into()
        } else {
            "PAN".into()
        }
    }

    fn aliases(&self) -> &'static [&'static str] {
        if self.luhn { &["PAN with luhn"] } else { &[] }
    }

    fn samples(&self) -> Vec<String> {
        let mut samples = owned(&[
            "4111111111111111",
            "6214835920672688",
            "123456789015",
            "1234567890123456785",
        ]);
        if !self.luhn {
            // A wrong check digit.
            samples.push("6250941006528599119".into());
        }
        samples
    }

    fn extremes(&self) -> Option<&'static [&'static str]> {
        Some(&["123456789015", "1234567890123456785"])
    }

    fn exact_len(&self) -> Option<u32> {
        None
    }

    fn json_schema_pattern(&self) -> Option<String> {
        // The Luhn check digit is beyond a regular expression: the same digits for both.
        Some("^[0-9]{12,19}$".into())
    }

    fn typed_value(&self) -> Option<&'static str> {
        Some("Pan")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        Charset, Format, LengthUnit, Rule, check_charset, check_const, check_length, check_luhn,
    };

    const CARDS: [&str; 5] = [
        "621483592067",
        "6214835920672",
        "6214835920672688",
        "6214835920672688123",
        "4111111111111111",
    ];

    #[test]
    fn masks() {
        let cases = [
            ("621483592067", "62******2067"),
            ("6214835920672", "621******0672"),
            ("621483592067268", "62148******7268"),
            ("6214835920672688", "621483******2688"),
            ("6214835920672688123", "621483*********8123"),
        ];
        for (pan, masked) in cases {
            let p: Pan = pan.parse().unwrap();
            assert_eq!(p.to_string(), masked);
            assert_eq!(format!("{p:?}"), format!("Pan({masked})"));
            assert_eq!(p.reveal(), pan);
        }
    }

    #[test]
    fn boundaries() {
        assert!("".parse::<Pan>().is_err());
        assert!("12345678901".parse::<Pan>().is_err());
        assert!("123456789012".parse::<Pan>().is_ok());
        assert!("1234567890123456789".parse::<Pan>().is_ok());
        assert!("12345678901234567890".parse::<Pan>().is_err());
        assert!("62148359206726８8".parse::<Pan>().is_err());
        assert!("6214 8359 2067 2688".parse::<Pan>().is_err());
        let e = "6214-8359-2067-2688".parse::<Pan>().unwrap_err();
        assert_eq!(e.rule, Rule::Format);
    }

    #[test]
    fn no_output_holds_the_whole_number() {
        for card in CARDS {
            let mut outputs = Vec::new();
            if let Ok(p) = card.parse::<Pan>() {
                outputs.push(p.to_string());
                outputs.push(format!("{p:?}"));
                outputs.push(format!("{p:>40}"));
                outputs.push(format!("{:?}", Some(p)));
            }
            // Every rule a card number can break, on the number and on near misses.
            for value in [
                card.to_string(),
                format!("{card}x"),
                format!("{card}0000"),
                card[1..].to_string(),
            ] {
                let errors = [
                    check_length(&value, LengthUnit::Bytes, 1, 10).err(),
                    check_charset(&value, Charset::A).err(),
                    check_const(&value, "0").err(),
                    check_luhn(&value).err(),
                    Format::Pan { luhn: true }.check(&value).err(),
                    value.parse::<Pan>().err(),
                ];
                if let Ok(p) = value.parse::<Pan>() {
                    outputs.push(p.to_string());
                }
                for e in errors.into_iter().flatten() {
                    outputs.push(e.to_string());
                    outputs.push(format!("{e:?}"));
                    let mut report = crate::Report::new();
                    let root = crate::Path::root();
                    report.push(&root.key("cardNo"), e);
                    outputs.push(report.to_string());
                    outputs.push(serde_json::to_string(&report).unwrap());
                }
                for json in [format!("\"{value}\""), value.clone(), format!("{value}.5")] {
                    if let Err(e) = serde_json::from_str::<Pan>(&json) {
                        outputs.push(e.to_string());
                    }
                }
            }
            for out in outputs {
                assert!(!out.contains(card), "{out}");
            }
        }
    }

    #[test]
    fn luhn_is_separate() {
        let bad_luhn = "4111111111111112";
        assert!(bad_luhn.parse::<Pan>().is_ok());
        assert!(Format::Pan { luhn: false }.check(bad_luhn).is_ok());
        assert_eq!(
            Format::Pan { luhn: true }.check(bad_luhn).unwrap_err().rule,
            Rule::Format
        );
        assert!(Format::Pan { luhn: true }.check("4111111111111111").is_ok());
        assert!(!bad_luhn.parse::<Pan>().unwrap().luhn_valid());
    }
}
