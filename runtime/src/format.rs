//! The closed registry of value formats a schema can name.

/// A value format from the closed registry of the schema language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// `YYYYMMDDHHMISS`: a local date and time, see [`crate::LocalTime`].
    LocalTime,
    /// `GMT±hh:mm`: a UTC offset, see [`crate::GmtOffset`].
    GmtOffset,
    /// ISO 8601 date-time with a mandatory offset, see [`crate::Timestamp`].
    Timestamp,
    /// ISO 4217 alphabetic currency code (`USD`).
    CurrencyAlpha,
    /// ISO 4217 numeric currency code (`840`).
    CurrencyNumeric,
    /// A positive integer amount in minor units, as a string of digits.
    MinorUnits,
    /// A decimal number between `min` and `max` (inclusive, whole numbers) with at most `scale`
    /// fractional digits.
    Decimal {
        /// Inclusive lower bound.
        min: i64,
        /// Inclusive upper bound.
        max: i64,
        /// Maximum number of digits after the point.
        scale: u8,
    },
    /// An absolute `http` or `https` URL.
    Url,
    /// A base64-encoded image, at most `max_bytes` once decoded, of one of `kinds`.
    Base64Image {
        /// Maximum decoded size in bytes.
        max_bytes: u32,
        /// Accepted image kinds.
        kinds: ImageKinds,
    },
    /// A string holding a JSON document.
    JsonText,
    /// A mobile number written `+<country code>-<number>`.
    Mobile,
    /// A primary account number (card number); `luhn` adds the Luhn check digit rule.
    Pan {
        /// Whether the Luhn check digit is verified.
        luhn: bool,
    },
}

/// The set of image kinds a [`Format::Base64Image`] accepts, recognised by magic bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ImageKinds {
    /// JPEG (`image/jpeg`, `image/jpg`).
    pub jpeg: bool,
    /// PNG (`image/png`).
    pub png: bool,
}
