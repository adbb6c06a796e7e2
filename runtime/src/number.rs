//! [`Number`]: the Rust value of a `Number` field, its JSON text kept as written.

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::value::RawValue;

use crate::rules::is_json_number;

/// A JSON number as written (`0.88156063`, `-720`, `1e3`): the value of a `Number` field.
///
/// It holds the number's text, never a floating-point value, so nothing is rounded: the
/// schema's range and scale are checked on the text (docs/SEMANTICS.md §2.8), and the value
/// serializes back as the same JSON number. Equality compares the text as written (`1.50` and
/// `1.5` are different `Number`s, though the same value).
///
/// ```
/// use fieldtab_runtime::Number;
///
/// let price: Number = "0.88156063".parse().unwrap();
/// assert_eq!(price.as_str(), "0.88156063");
/// assert_eq!(serde_json::to_string(&price).unwrap(), "0.88156063");
/// let back: Number = serde_json::from_str(" 1e3 ").unwrap();
/// assert_eq!(back.to_string(), "1e3");
/// assert!("01".parse::<Number>().is_err());
/// assert!(serde_json::from_str::<Number>("\"1\"").is_err());
/// ```
#[derive(Clone)]
pub struct Number(Box<RawValue>);

/// The error of `Number::from_str`: the text is not a JSON number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotANumber;

impl fmt::Display for NotANumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a JSON number")
    }
}

impl std::error::Error for NotANumber {}

impl Number {
    /// The number's JSON text, as written.
    pub fn as_str(&self) -> &str {
        self.0.get()
    }

    /// The value of a text that was checked to be a JSON number (the decoder's).
    pub(crate) fn from_checked(text: &str) -> Option<Number> {
        text.parse().ok()
    }
}

impl FromStr for Number {
    type Err = NotANumber;

    /// The number written `text`, a JSON number (RFC 8259 §6) without surrounding spaces.
    fn from_str(text: &str) -> Result<Number, NotANumber> {
        if !is_json_number(text) {
            return Err(NotANumber);
        }
        RawValue::from_string(text.to_owned())
            .map(Number)
            .map_err(|_| NotANumber)
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Number({})", self.as_str())
    }
}

impl PartialEq for Number {
    fn eq(&self, other: &Number) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Number {}

impl std::hash::Hash for Number {
    /// The text, as `PartialEq` compares it (`1.0` and `1` differ in both).
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl Serialize for Number {
    /// As the JSON number it holds (serde_json's raw value: another serializer writes it as
    /// serde_json's raw-value wrapper).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Number {
    /// From a JSON number (serde_json's raw value); any other JSON value is an error.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Number, D::Error> {
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        if is_json_number(raw.get()) {
            Ok(Number(raw))
        } else {
            Err(de::Error::custom("expected a JSON number"))
        }
    }
}
