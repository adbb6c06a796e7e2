//! The closed registry of value formats a schema can name: one module per format, holding its
//! rule, its names, its sample values, its exact length and its JSON Schema `pattern`, and for
//! the formats that have one, the typed value its rule parses into.
//!
//! [`Format`]'s methods give these facts. The only place that maps a [`Format`] to its module
//! is the `with_spec!` macro below; each module implements [`FormatSpec`], whose methods are
//! all required, so a new format's module states every fact.
//!
//! | format | canonical name | other names |
//! |---|---|---|
//! | [`Format::LocalTime`] | `YYYYMMDDHHMISS` | |
//! | [`Format::GmtOffset`] | `GMT±hh:mm` | `GMT+hh:mm`, `GMT+/-hh:mm`, `GMT±xx:xx`, `GMT+/-xx:xx` |
//! | [`Format::Timestamp`] | `ISO 8601` | `ISO 8601 date-time`, `ISO8601` |
//! | [`Format::Date`] | `YYYY-MM-DD` | `ISO 8601 date` |
//! | [`Format::CompactDate`] | `YYYYMMDD` | |
//! | [`Format::TimeOfDay`] | `HH:MM:SS` | `HH:MI:SS` |
//! | [`Format::CompactTimeOfDay`] | `HHMMSS` | `HHMISS` |
//! | [`Format::CurrencyAlpha`] | `ISO 4217` | `ISO 4217 alpha`, `ISO-4217` |
//! | [`Format::CurrencyNumeric`] | `ISO 4217 numeric` | `ISO-4217 numeric` |
//! | [`Format::CountryAlpha2`] | `ISO 3166` | `ISO 3166-1`, `ISO 3166 alpha-2`, `ISO 3166-1 alpha-2`, `ISO-3166` |
//! | [`Format::CountryAlpha3`] | `ISO 3166 alpha-3` | `ISO 3166-1 alpha-3`, `ISO-3166 alpha-3` |
//! | [`Format::MinorUnits`] | `minor units` | |
//! | [`Format::Decimal`] | `decimal MIN..MAX scale N` (`decimal 0..1 scale 2`) | |
//! | [`Format::Url`] | `URL` | |
//! | [`Format::Uri`] | `URI` | `absolute URI`, `RFC 3986`, `RFC 3986 URI` |
//! | [`Format::Base64Image`] | `base64 image SIZE KINDS` (`base64 image 100 KB jpeg png`) | |
//! | [`Format::JsonText`] | `JSON` | |
//! | [`Format::Mobile`] | `mobile` | |
//! | [`Format::Pan`] | `PAN`, `PAN luhn` | `PAN with luhn` |
//!
//! Names are case-insensitive and runs of spaces count as one. The schema reader parses the
//! parametric names (`decimal …`, `base64 image …`) itself, with its diagnostics.
//!
//! A format outside the registry is a [`CustomFormat`]: a schema names it `custom(NAME)` and
//! the user binds the name to a function (module `custom`).

mod amount;
mod country;
mod currency;
mod currency_table;
mod custom;
mod date;
mod decimal;
mod digits;
mod gmt_offset;
mod image;
mod json_text;
mod local_time;
mod mobile;
mod pan;
mod serde_str;
#[cfg(test)]
mod tests;
mod timestamp;
mod uri;
mod url;
mod wire_str;

pub(crate) use amount::amount_currency;
pub use amount::{Amount, DecimalAmount, MinorUnits};
pub use currency::{Currency, NumericCurrency};
pub use custom::{CustomFormat, FormatError, FormatFn};
pub use gmt_offset::GmtOffset;
pub use local_time::LocalTime;
pub use pan::Pan;
pub use timestamp::Timestamp;
pub use wire_str::{ToWireStr, WireStr};

use std::borrow::Cow;

use crate::RuleError;

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
    /// `YYYY-MM-DD`: a real calendar date of years 0000–9999, without a time (ISO 8601
    /// extended, RFC 3339 `full-date`).
    Date,
    /// `YYYYMMDD`: a real calendar date of years 0000–9999, 8 digits (ISO 8601 basic).
    CompactDate,
    /// `HH:MM:SS`: a time of day 00:00:00–23:59:59, without a date, fraction or offset.
    TimeOfDay,
    /// `HHMMSS`: a time of day 00:00:00–23:59:59, 6 digits.
    CompactTimeOfDay,
    /// ISO 4217 alphabetic currency code (`USD`, capitals only), see [`crate::Currency`].
    CurrencyAlpha,
    /// ISO 4217 numeric currency code (`840`, three digits), see [`crate::NumericCurrency`].
    CurrencyNumeric,
    /// An assigned ISO 3166-1 alpha-2 country code (`CN`, capitals only), from the maintained
    /// table of the `iso_country` crate; user-assigned (`XK`) and reserved codes are rejected.
    CountryAlpha2,
    /// An assigned ISO 3166-1 alpha-3 country code (`CHN`, capitals only), from the same table.
    CountryAlpha3,
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
    /// A URI of any scheme, as RFC 3986 §3 defines it (`alipays://platformapi/startApp?…`,
    /// `mailto:a@b.c`, `urn:isbn:0451450523`): a scheme, then an authority and a path, or a
    /// path; an optional query and fragment; only the characters the RFC allows in each
    /// component, others percent-encoded. A relative reference is not a URI.
    Uri,
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

/// The facts of one format, stated by its module. [`Format`]'s methods of the same names give
/// them (see there for what each means).
trait FormatSpec {
    /// The rule: `Ok(())` or a [`RuleError`]; allocates nothing when the value is valid.
    fn check(&self, value: &str) -> Result<(), RuleError>;
    /// The canonical name, as a schema writes it.
    fn name(&self) -> Cow<'static, str>;
    /// The other names a schema may write.
    fn aliases(&self) -> &'static [&'static str];
    /// Valid values, the first the typical one.
    fn samples(&self) -> Vec<String>;
    /// Values spanning the lengths and character classes of every value, if the format's
    /// values have a few fixed shapes.
    fn extremes(&self) -> Option<&'static [&'static str]>;
    /// The length (in bytes) of every value, if all have the same.
    fn exact_len(&self) -> Option<u32>;
    /// The anchored JSON Schema `pattern` of the values, if a regular expression describes
    /// them (exactly or approximately).
    fn json_schema_pattern(&self) -> Option<String>;
    /// The name of the typed value (exported by this crate) whose parser is the rule.
    fn typed_value(&self) -> Option<&'static str>;
}

/// Evaluates `$body` with `$spec` bound to the [`FormatSpec`] of the format `$format` (a
/// `&Format`): the one mapping from [`Format`] variants to their modules. Static dispatch: each
/// arm has its own concrete type.
macro_rules! with_spec {
    ($format:expr, $spec:ident => $body:expr) => {
        match *$format {
            Format::LocalTime => {
                let $spec = local_time::Spec;
                $body
            }
            Format::GmtOffset => {
                let $spec = gmt_offset::Spec;
                $body
            }
            Format::Timestamp => {
                let $spec = timestamp::Spec;
                $body
            }
            Format::Date => {
                let $spec = date::Spec(date::Kind::Date);
                $body
            }
            Format::CompactDate => {
                let $spec = date::Spec(date::Kind::CompactDate);
                $body
            }
            Format::TimeOfDay => {
                let $spec = date::Spec(date::Kind::Time);
                $body
            }
            Format::CompactTimeOfDay => {
                let $spec = date::Spec(date::Kind::CompactTime);
                $body
            }
            Format::CurrencyAlpha => {
                let $spec = currency::AlphaSpec;
                $body
            }
            Format::CurrencyNumeric => {
                let $spec = currency::NumericSpec;
                $body
            }
            Format::CountryAlpha2 => {
                let $spec = country::Alpha2Spec;
                $body
            }
            Format::CountryAlpha3 => {
                let $spec = country::Alpha3Spec;
                $body
            }
            Format::MinorUnits => {
                let $spec = amount::Spec;
                $body
            }
            Format::Decimal { min, max, scale } => {
                let $spec = decimal::Spec { min, max, scale };
                $body
            }
            Format::Url => {
                let $spec = url::Spec;
                $body
            }
            Format::Uri => {
                let $spec = uri::Spec;
                $body
            }
            Format::Base64Image { max_bytes, kinds } => {
                let $spec = image::Spec { max_bytes, kinds };
                $body
            }
            Format::JsonText => {
                let $spec = json_text::Spec;
                $body
            }
            Format::Mobile => {
                let $spec = mobile::Spec;
                $body
            }
            Format::Pan { luhn } => {
                let $spec = pan::Spec { luhn };
                $body
            }
        }
    };
}

impl Format {
    /// Every format without parameters, and an example of each parametric one, in the order of
    /// the registry: what did-you-mean offers, and what the tests go through.
    ///
    /// ```
    /// use fieldtab_runtime::Format;
    ///
    /// assert!(Format::EXAMPLES.iter().all(|f| f.check(&f.samples()[0]).is_ok()));
    /// ```
    pub const EXAMPLES: [Format; 20] = [
        Format::LocalTime,
        Format::GmtOffset,
        Format::Timestamp,
        Format::Date,
        Format::CompactDate,
        Format::TimeOfDay,
        Format::CompactTimeOfDay,
        Format::CurrencyAlpha,
        Format::CurrencyNumeric,
        Format::CountryAlpha2,
        Format::CountryAlpha3,
        Format::MinorUnits,
        Format::Decimal {
            min: 0,
            max: 1,
            scale: 2,
        },
        Format::Url,
        Format::Uri,
        Format::Base64Image {
            max_bytes: 100 * 1024,
            kinds: ImageKinds::ALL,
        },
        Format::JsonText,
        Format::Mobile,
        Format::Pan { luhn: false },
        Format::Pan { luhn: true },
    ];

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
    #[inline]
    pub fn check(&self, value: &str) -> Result<(), RuleError> {
        with_spec!(self, spec => spec.check(value))
    }

    /// The canonical name of the format, as a schema writes it (`decimal 0..1 scale 2`).
    ///
    /// ```
    /// use fieldtab_runtime::{Format, ImageKinds};
    ///
    /// assert_eq!(Format::GmtOffset.name(), "GMT±hh:mm");
    /// let image = Format::Base64Image { max_bytes: 2048, kinds: ImageKinds { jpeg: false, png: true } };
    /// assert_eq!(image.name(), "base64 image 2 KB png");
    /// ```
    pub fn name(&self) -> Cow<'static, str> {
        with_spec!(self, spec => spec.name())
    }

    /// The other names of the format a schema may write (compared as [`Format::by_name`] does);
    /// empty for the parametric formats.
    ///
    /// ```
    /// assert!(fieldtab_runtime::Format::Timestamp.aliases().contains(&"ISO 8601 date-time"));
    /// ```
    pub fn aliases(&self) -> &'static [&'static str] {
        with_spec!(self, spec => spec.aliases())
    }

    /// The format whose canonical name or alias is `name`, among the formats without
    /// parameters and [`Format::EXAMPLES`]. Case-insensitive; runs of whitespace count as one
    /// space. The schema reader parses the parametric names (`decimal …`, `base64 image …`).
    ///
    /// ```
    /// use fieldtab_runtime::Format;
    ///
    /// assert_eq!(Format::by_name("gmt+hh:mm"), Some(Format::GmtOffset));
    /// assert_eq!(Format::by_name("PAN  with Luhn"), Some(Format::Pan { luhn: true }));
    /// assert_eq!(Format::by_name("YYYYMMDDHHMMSS"), None);
    /// ```
    pub fn by_name(name: &str) -> Option<Format> {
        let normal = normalize(name);
        Format::EXAMPLES.into_iter().find(|format| {
            normalize(&format.name()) == normal
                || format
                    .aliases()
                    .iter()
                    .any(|alias| normalize(alias) == normal)
        })
    }

    /// Valid values of the format, the first the typical one (the schema checker asks whether
    /// a field's charset holds it). For a [`Format::Base64Image`], the samples are at most 70
    /// bytes once decoded: valid when `max_bytes` allows that.
    ///
    /// ```
    /// use fieldtab_runtime::Format;
    ///
    /// let ratio = Format::Decimal { min: 0, max: 1, scale: 2 };
    /// assert!(ratio.samples().iter().all(|s| ratio.check(s).is_ok()));
    /// ```
    pub fn samples(&self) -> Vec<String> {
        with_spec!(self, spec => spec.samples())
    }

    /// For a format whose values have a few fixed shapes: values spanning every value's length
    /// and character classes (the shortest and the longest of each shape). Whatever length rule
    /// and ISO charset accept all of them accept every value of the format (the ISO charsets
    /// treat all digits alike and all letters alike, and lengths are intervals). `None` when the
    /// values vary in shape (a timestamp's fraction and offset, a URL).
    ///
    /// ```
    /// use fieldtab_runtime::Format;
    ///
    /// assert_eq!(Format::GmtOffset.extremes(), Some(&["GMT+08:00", "GMT-08:00"][..]));
    /// assert_eq!(Format::Timestamp.extremes(), None);
    /// ```
    pub fn extremes(&self) -> Option<&'static [&'static str]> {
        with_spec!(self, spec => spec.extremes())
    }

    /// The length in bytes (all formats with one are ASCII) of every value of the format, for
    /// the formats whose values all have the same.
    ///
    /// ```
    /// use fieldtab_runtime::Format;
    ///
    /// assert_eq!(Format::LocalTime.exact_len(), Some(14));
    /// assert_eq!(Format::Url.exact_len(), None);
    /// ```
    pub fn exact_len(&self) -> Option<u32> {
        with_spec!(self, spec => spec.exact_len())
    }

    /// The anchored JSON Schema `pattern` (ECMA-262, `[0-9]` rather than `\d` so that no engine
    /// reads it as Unicode digits) of the format's values: exact, except for what a regular
    /// expression cannot check (the Luhn digit of `PAN luhn`; a base64 image's padding, size and
    /// bytes beyond its signature). `None` for the currencies (JSON Schema lists their codes)
    /// and `JSON` text.
    ///
    /// ```
    /// use fieldtab_runtime::Format;
    ///
    /// assert_eq!(Format::MinorUnits.json_schema_pattern().as_deref(), Some("^[1-9][0-9]{0,15}$"));
    /// assert_eq!(Format::JsonText.json_schema_pattern(), None);
    /// ```
    pub fn json_schema_pattern(&self) -> Option<String> {
        with_spec!(self, spec => spec.json_schema_pattern())
    }

    /// The name of the typed value, exported by this crate, whose parser is the format's rule
    /// (`LocalTime`, …, `Pan`): a value of that type is valid for the format by construction.
    /// `None` for the formats whose values stay strings.
    ///
    /// ```
    /// use fieldtab_runtime::Format;
    ///
    /// assert_eq!(Format::CurrencyNumeric.typed_value(), Some("NumericCurrency"));
    /// assert_eq!(Format::Mobile.typed_value(), None);
    /// ```
    pub fn typed_value(&self) -> Option<&'static str> {
        with_spec!(self, spec => spec.typed_value())
    }
}

/// `name` in lower case, with runs of whitespace as one space and none at the ends.
fn normalize(name: &str) -> String {
    let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    words.join(" ")
}

/// The `Vec<String>` of `values`, for [`FormatSpec::samples`].
fn owned(values: &[&str]) -> Vec<String> {
    values.iter().map(|v| (*v).to_owned()).collect()
}
