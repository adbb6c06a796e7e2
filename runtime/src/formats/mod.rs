//! The closed registry of value formats a schema can name: one module per format, holding its
//! rule and, for the formats that have one, the typed value its rule parses into.

mod amount;
mod currency;
mod decimal;
mod digits;
mod gmt_offset;
mod image;
mod json_text;
mod local_time;
mod mobile;
mod pan;
mod serde_str;
mod timestamp;
mod url;
mod wire_str;

pub use amount::{Amount, DecimalAmount, MinorUnits};
pub use currency::{Currency, NumericCurrency};
pub use gmt_offset::GmtOffset;
pub use local_time::LocalTime;
pub use pan::Pan;
pub use timestamp::Timestamp;
pub use wire_str::{ToWireStr, WireStr};

use crate::{RuleError, check_luhn};

/// A value format from the closed registry of the schema language.
///
/// [`Format::check`] is the one implementation of each format rule; the typed values
/// ([`LocalTime`], [`GmtOffset`], …) parse with the same code.
///
/// ```
/// use fieldtab_runtime::{Format, Rule};
///
/// assert!(Format::LocalTime.check("20240229120000").is_ok());
/// let ratio = Format::Decimal { min: 0, max: 1, scale: 2 };
/// assert!(ratio.check("0.88").is_ok());
/// assert_eq!(ratio.check("1.5").unwrap_err().rule, Rule::Range);
/// assert_eq!(ratio.check("0.885").unwrap_err().rule, Rule::Format);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// `YYYYMMDDHHMISS`: a local date and time, see [`crate::LocalTime`].
    LocalTime,
    /// `GMT±hh:mm`: a UTC offset, see [`crate::GmtOffset`].
    GmtOffset,
    /// ISO 8601 date-time with a mandatory offset, see [`crate::Timestamp`].
    Timestamp,
    /// ISO 4217 alphabetic currency code (`USD`, capitals only), see [`crate::Currency`].
    CurrencyAlpha,
    /// ISO 4217 numeric currency code (`840`, three digits), see [`crate::NumericCurrency`].
    CurrencyNumeric,
    /// A positive integer amount in minor units, as a string of at most 16 digits without a
    /// leading zero, see [`crate::MinorUnits`].
    MinorUnits,
    /// A decimal number written `[-]digits[.digits]` (no leading zeros, no `+`, no exponent)
    /// with at most `scale` digits after the point (rule `format`), between `min` and `max`
    /// inclusive (rule `range`, compared exactly). A ratio 0–1 with two places:
    /// `Decimal { min: 0, max: 1, scale: 2 }`.
    Decimal {
        /// Inclusive lower bound.
        min: i64,
        /// Inclusive upper bound.
        max: i64,
        /// Maximum number of digits after the point.
        scale: u8,
    },
    /// An absolute `http` or `https` URL: a valid host name or bracketed IP literal, an
    /// optional port, no user information, and printable ASCII (non-ASCII percent-encoded).
    Url,
    /// A base64-encoded image (standard alphabet, padding optional, an optional
    /// `data:image/png;base64,`-style prefix), at most `max_bytes` once decoded, of one of
    /// `kinds` by its magic bytes.
    Base64Image {
        /// Maximum decoded size in bytes.
        max_bytes: u32,
        /// Accepted image kinds.
        kinds: ImageKinds,
    },
    /// A string holding one JSON value (RFC 8259), checked by `serde_json`.
    JsonText,
    /// A mobile number written `+<country code>-<number>`: a 1–3 digit country code not starting
    /// with 0, a 4–14 digit number, at most 15 digits in all (`+86-13800000000`).
    Mobile,
    /// A primary account number (card number) of 12–19 digits, see [`crate::Pan`]; `luhn` adds
    /// the Luhn check digit rule ([`crate::check_luhn`]).
    Pan {
        /// Whether the Luhn check digit is verified.
        luhn: bool,
    },
}

/// The set of image kinds a [`Format::Base64Image`] accepts, recognised by magic bytes.
///
/// ```
/// use fieldtab_runtime::{Format, ImageKinds};
///
/// let png_only = Format::Base64Image { max_bytes: 1024, kinds: ImageKinds { jpeg: false, png: true } };
/// // The 8-byte PNG signature, base64-encoded.
/// assert!(png_only.check("iVBORw0KGgo=").is_ok());
/// // A JPEG start (FF D8 FF E0).
/// assert!(png_only.check("/9j/4A==").is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ImageKinds {
    /// JPEG (`image/jpeg`, `image/jpg`).
    pub jpeg: bool,
    /// PNG (`image/png`).
    pub png: bool,
}

impl ImageKinds {
    /// JPEG and PNG.
    ///
    /// ```
    /// assert!(fieldtab_runtime::ImageKinds::ALL.png);
    /// ```
    pub const ALL: ImageKinds = ImageKinds {
        jpeg: true,
        png: true,
    };
}

impl Format {
    /// Checks `value` against the format: `Ok(())`, or a [`RuleError`] with rule `format` (or
    /// `range` for a well-formed decimal out of its range). Allocates nothing when the value is
    /// valid.
    ///
    /// ```
    /// use fieldtab_runtime::Format;
    ///
    /// assert!(Format::GmtOffset.check("GMT+08:00").is_ok());
    /// assert!(Format::CurrencyAlpha.check("usd").is_err());
    /// assert!(Format::Mobile.check("+86-13800000000").is_ok());
    /// ```
    pub fn check(&self, value: &str) -> Result<(), RuleError> {
        let bytes = value.as_bytes();
        match *self {
            Format::LocalTime => LocalTime::parse(bytes).map(drop),
            Format::GmtOffset => GmtOffset::parse(bytes).map(drop),
            Format::Timestamp => crate::Timestamp::parse(bytes).map(drop),
            Format::CurrencyAlpha => Currency::parse_alpha(bytes).map(drop),
            Format::CurrencyNumeric => Currency::parse_numeric(bytes).map(drop),
            Format::MinorUnits => MinorUnits::parse(bytes).map(drop),
            Format::Decimal { min, max, scale } => decimal::check_decimal(value, min, max, scale),
            Format::Url => url::check_url(value),
            Format::Base64Image { max_bytes, kinds } => {
                image::check_base64_image(value, max_bytes, kinds)
            }
            Format::JsonText => json_text::check_json_text(value),
            Format::Mobile => mobile::check_mobile(value),
            Format::Pan { luhn } => {
                Pan::parse(bytes)?;
                if luhn { check_luhn(value) } else { Ok(()) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Rule;

    fn rule(format: Format, value: &str) -> Option<Rule> {
        format.check(value).err().map(|e| e.rule)
    }

    #[test]
    fn every_format_accepts_and_rejects() {
        let image = Format::Base64Image {
            max_bytes: 100 * 1024,
            kinds: ImageKinds::ALL,
        };
        // A 1x1 PNG.
        let png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
        let cases: [(Format, &str, &str); 13] = [
            (Format::LocalTime, "20240229120000", "20230229120000"),
            (Format::GmtOffset, "GMT-12:00", "GMT-12:01"),
            (
                Format::Timestamp,
                "2019-11-27T12:01:01+08:30",
                "2019-11-27T12:01:01",
            ),
            (Format::CurrencyAlpha, "KWD", "kwd"),
            (Format::CurrencyNumeric, "414", "4140"),
            (Format::MinorUnits, "100", "0"),
            (
                Format::Decimal {
                    min: 0,
                    max: 1,
                    scale: 2,
                },
                "0.88",
                "0.888",
            ),
            (
                Format::Url,
                "https://example.com/a.png",
                "example.com/a.png",
            ),
            (image, png, "not base64!"),
            (Format::JsonText, r#"{"k":"v"}"#, "{k:v}"),
            (Format::Mobile, "+86-13800000000", "13800000000"),
            (
                Format::Pan { luhn: false },
                "6214835920672688",
                "621483592067268x",
            ),
            (
                Format::Pan { luhn: true },
                "4111111111111111",
                "4111111111111112",
            ),
        ];
        for (format, good, bad) in cases {
            assert_eq!(rule(format, good), None, "{format:?} {good}");
            assert_eq!(rule(format, bad), Some(Rule::Format), "{format:?} {bad}");
            assert_eq!(rule(format, ""), Some(Rule::Format), "{format:?} empty");
            assert_eq!(
                rule(format, "１"),
                Some(Rule::Format),
                "{format:?} full-width"
            );
        }
        let ratio = Format::Decimal {
            min: 0,
            max: 1,
            scale: 2,
        };
        assert_eq!(rule(ratio, "1.01"), Some(Rule::Range));
        assert_eq!(rule(ratio, "-0.01"), Some(Rule::Range));
    }

    #[test]
    fn no_message_echoes_the_value() {
        let formats = [
            Format::LocalTime,
            Format::GmtOffset,
            Format::Timestamp,
            Format::CurrencyAlpha,
            Format::CurrencyNumeric,
            Format::MinorUnits,
            Format::Decimal {
                min: 0,
                max: 1,
                scale: 2,
            },
            Format::Url,
            Format::Base64Image {
                max_bytes: 10,
                kinds: ImageKinds::ALL,
            },
            Format::JsonText,
            Format::Mobile,
            Format::Pan { luhn: true },
        ];
        for format in formats {
            for value in [
                "SECRETVALUE123",
                "secret-value-987654",
                "+99-SECRET",
                "{\"secret\":",
            ] {
                if let Err(e) = format.check(value) {
                    assert!(!e.message.contains(value), "{format:?}: {}", e.message);
                    assert!(!e.message.contains("SECRET") && !e.message.contains("secret"));
                }
            }
        }
    }
}
