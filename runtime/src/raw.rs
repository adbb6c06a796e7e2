//! [`RawObject`]: the Rust value of a free-form `Object` field, its JSON text kept verbatim.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer};
use serde::{Serialize, Serializer};
use serde_json::value::RawValue;

use crate::{JsonKind, Path, Report, Validate};

/// Any JSON object, kept as the JSON text it was read from: the value of a free-form `Object`
/// field (`paymentMethodMetaData`). Nothing inside it is checked or interpreted; it is written
/// back verbatim ([`Serialize`] with serde_json writes the text as it was read).
///
/// It always holds one JSON object: [`RawObject::from_json`] and [`Deserialize`] reject other
/// JSON. Its content is untrusted input, so `Debug` shows at most
/// [`RawObject::DEBUG_CHARS`] characters of it, escaped, and its length.
///
/// ```
/// use fieldtab_runtime::RawObject;
///
/// let meta = RawObject::from_json(r#"{"loginId": "x", "n": 1.50}"#).unwrap();
/// assert_eq!(meta.as_str(), r#"{"loginId": "x", "n": 1.50}"#);
/// assert_eq!(serde_json::to_string(&meta).unwrap(), r#"{"loginId": "x", "n": 1.50}"#);
/// assert!(RawObject::from_json("[1]").is_err());
/// let value: serde_json::Value = meta.parse().unwrap();
/// assert_eq!(value["loginId"], "x");
/// ```
#[derive(Clone)]
pub struct RawObject(Box<RawValue>);

/// The error of [`RawObject::from_json`]: the text is not JSON, or not an object.
#[derive(Debug)]
pub enum RawObjectError {
    /// The text is not one JSON value (serde_json's error; it never quotes the input).
    Json(serde_json::Error),
    /// The text is JSON of another kind.
    NotAnObject(JsonKind),
}

impl fmt::Display for RawObjectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RawObjectError::Json(error) => write!(f, "malformed JSON: {error}"),
            RawObjectError::NotAnObject(kind) => write!(f, "expected an object, found {kind}"),
        }
    }
}

impl std::error::Error for RawObjectError {}

impl RawObject {
    /// How many characters of the text `Debug` shows.
    pub const DEBUG_CHARS: usize = 64;

    /// The object written as `json` (one JSON object, surrounding whitespace allowed),
    /// kept verbatim.
    pub fn from_json(json: impl Into<String>) -> Result<RawObject, RawObjectError> {
        let raw = RawValue::from_string(json.into()).map_err(RawObjectError::Json)?;
        RawObject::from_raw(raw)
    }

    /// The object held by `raw`; an error if it holds JSON of another kind.
    pub fn from_raw(raw: Box<RawValue>) -> Result<RawObject, RawObjectError> {
        match kind_of_raw(raw.get()) {
            JsonKind::Object => Ok(RawObject(raw)),
            other => Err(RawObjectError::NotAnObject(other)),
        }
    }

    /// The JSON text, as it was read.
    pub fn as_str(&self) -> &str {
        self.0.get()
    }

    /// The text as serde_json's raw value.
    pub fn as_raw(&self) -> &RawValue {
        &self.0
    }

    /// The text as serde_json's raw value, moved out.
    pub fn into_raw(self) -> Box<RawValue> {
        self.0
    }

    /// Deserializes the object as a `T` (a `serde_json::Value`, a type of the caller's).
    pub fn parse<'a, T: Deserialize<'a>>(&'a self) -> serde_json::Result<T> {
        serde_json::from_str(self.0.get())
    }
}

/// The kind of the JSON value whose text is `raw` (one valid JSON value), by its first byte.
pub(crate) fn kind_of_raw(raw: &str) -> JsonKind {
    match raw.trim_start().as_bytes().first() {
        Some(b'{') => JsonKind::Object,
        Some(b'[') => JsonKind::Array,
        Some(b'"') => JsonKind::String,
        Some(b't' | b'f') => JsonKind::Bool,
        Some(b'n') => JsonKind::Null,
        _ => JsonKind::Number,
    }
}

impl PartialEq for RawObject {
    /// The same text (not the same JSON value: `{"a":1}` and `{ "a": 1 }` differ).
    fn eq(&self, other: &RawObject) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for RawObject {}

impl std::hash::Hash for RawObject {
    /// The text, as `PartialEq` compares it (so generated structs holding one derive `Hash`).
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Debug for RawObject {
    /// `RawObject("{\"a\":…", 1234 bytes)`: at most [`RawObject::DEBUG_CHARS`] characters,
    /// escaped as a Rust string, then the length.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.as_str();
        let cut = text
            .char_indices()
            .nth(Self::DEBUG_CHARS)
            .map_or(text.len(), |(i, _)| i);
        let shown = if cut < text.len() {
            format!("{}…", &text[..cut])
        } else {
            text.to_owned()
        };
        write!(f, "RawObject({shown:?}, {} bytes)", text.len())
    }
}

impl Serialize for RawObject {
    /// The text verbatim (with serde_json; other serializers get what serde_json's
    /// `RawValue` gives them).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for RawObject {
    /// A JSON object, kept verbatim (serde_json deserializers only, as for `RawValue`).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        RawObject::from_raw(raw).map_err(de::Error::custom)
    }
}

impl Validate for RawObject {
    /// Nothing: a free-form object has no rule but its kind, which the type proves.
    fn validate_into(&self, _: &Path<'_>, _: &mut Report) {}

    fn is_valid(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_objects_are_kept() {
        for (text, kind) in [
            ("[]", JsonKind::Array),
            ("\"x\"", JsonKind::String),
            ("1.5", JsonKind::Number),
            ("-1", JsonKind::Number),
            ("true", JsonKind::Bool),
            ("null", JsonKind::Null),
        ] {
            match RawObject::from_json(text) {
                Err(RawObjectError::NotAnObject(found)) => assert_eq!(found, kind, "{text}"),
                other => panic!("{text}: {other:?}"),
            }
        }
        assert!(matches!(
            RawObject::from_json("{"),
            Err(RawObjectError::Json(_))
        ));
        assert!(RawObject::from_json(" {} ").is_ok());
    }

    #[test]
    fn debug_is_escaped_and_cut() {
        // A right-to-left override is valid inside a JSON string, and must not reach a log raw.
        let long = format!(r#"{{"k":"{}"}}"#, "\u{202e}ab".repeat(40));
        let raw = RawObject::from_json(long.clone()).unwrap();
        let debug = format!("{raw:?}");
        assert!(!debug.contains('\u{202e}'), "{debug}");
        assert!(debug.contains("\\u{202e}"), "{debug}");
        assert!(
            debug.ends_with(&format!("…\", {} bytes)", long.len())),
            "{debug}"
        );
        let short = RawObject::from_json("{}").unwrap();
        assert_eq!(format!("{short:?}"), "RawObject(\"{}\", 2 bytes)");
    }

    #[test]
    fn deserializes_objects_only() {
        let raw: RawObject = serde_json::from_str(r#" {"a": [1, 2.0]} "#).unwrap();
        assert_eq!(raw.as_str(), r#"{"a": [1, 2.0]}"#);
        assert!(serde_json::from_str::<RawObject>("[]").is_err());
        assert_eq!(raw.clone(), raw);
    }
}
