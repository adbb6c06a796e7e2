//! A small JSON tree that keeps what the validator needs and `serde_json::Value` loses: every
//! key of an object in input order, duplicates included, and whether a number is an integer in
//! `i64` range.

use std::borrow::Cow;
use std::fmt;

use fieldtab_runtime::JsonKind;
use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

/// A parsed JSON value. Strings borrow from the input when they hold no escape.
#[derive(Debug, PartialEq)]
pub(crate) enum Json<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number that is an integer in `i64` range.
    Int(i64),
    /// Any other number: a fraction, an exponent, or an integer out of `i64` range.
    OtherNumber,
    /// A string.
    Str(Cow<'a, str>),
    /// An array, elements in order.
    Array(Vec<Json<'a>>),
    /// An object: every member in input order, duplicate keys kept.
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

impl Json<'_> {
    /// The kind of the value, to word `type` violations.
    pub(crate) fn kind(&self) -> JsonKind {
        match self {
            Json::Null => JsonKind::Null,
            Json::Bool(_) => JsonKind::Bool,
            Json::Int(_) | Json::OtherNumber => JsonKind::Number,
            Json::Str(_) => JsonKind::String,
            Json::Array(_) => JsonKind::Array,
            Json::Object(_) => JsonKind::Object,
        }
    }
}

/// Parses one JSON document (surrounding whitespace allowed, nothing else after it).
///
/// serde_json's recursion limit (128 levels) applies, so deep input is an error, not a stack
/// overflow.
pub(crate) fn parse(bytes: &[u8]) -> Result<Json<'_>, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = TreeSeed.deserialize(&mut de)?;
    de.end()?;
    Ok(value)
}

/// Parses a sequence of JSON values separated by whitespace (the values of an `Example` cell):
/// each value with its own text (surrounding whitespace trimmed).
pub(crate) fn parse_all(text: &str) -> Result<Vec<(Json<'_>, &str)>, serde_json::Error> {
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Json<'_>>();
    let mut values = Vec::new();
    let mut start = 0;
    while let Some(value) = stream.next() {
        let value = value?;
        let end = stream.byte_offset();
        values.push((value, text.get(start..end).unwrap_or_default().trim()));
        start = end;
    }
    Ok(values)
}

impl<'de> Deserialize<'de> for Json<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Json<'de>, D::Error> {
        TreeSeed.deserialize(deserializer)
    }
}

/// The seed (and visitor) that builds a [`Json`] tree.
struct TreeSeed;

impl<'de> DeserializeSeed<'de> for TreeSeed {
    type Value = Json<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json<'de>, D::Error> {
        deserializer.deserialize_any(TreeVisitor)
    }
}

struct TreeVisitor;

impl<'de> Visitor<'de> for TreeVisitor {
    type Value = Json<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Json<'de>, E> {
        Ok(Json::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Json<'de>, E> {
        Ok(Json::Int(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Json<'de>, E> {
        Ok(match i64::try_from(v) {
            Ok(v) => Json::Int(v),
            Err(_) => Json::OtherNumber,
        })
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Json<'de>, E> {
        Ok(Json::OtherNumber)
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Json<'de>, E> {
        Ok(Json::Str(Cow::Borrowed(v)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Json<'de>, E> {
        Ok(Json::Str(Cow::Owned(v.to_owned())))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Json<'de>, E> {
        Ok(Json::Str(Cow::Owned(v)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'de>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(TreeSeed)? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
        let mut members = Vec::new();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let value = map.next_value_seed(TreeSeed)?;
            members.push((key, value));
        }
        Ok(Json::Object(members))
    }
}

/// Reads an object key, borrowed when it holds no escape.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Cow<'de, str>, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_duplicate_keys_in_order() {
        let v = parse(br#"{"a":1,"b":"x","a":2}"#).unwrap();
        let Json::Object(members) = v else {
            panic!("not an object")
        };
        let keys: Vec<&str> = members.iter().map(|(k, _)| k.as_ref()).collect();
        assert_eq!(keys, ["a", "b", "a"]);
        assert_eq!(members[0].1, Json::Int(1));
        assert_eq!(members[2].1, Json::Int(2));
    }

    #[test]
    fn numbers_are_classified() {
        assert_eq!(parse(b"-5").unwrap(), Json::Int(-5));
        assert_eq!(parse(b"9223372036854775807").unwrap(), Json::Int(i64::MAX));
        assert_eq!(parse(b"9223372036854775808").unwrap(), Json::OtherNumber);
        assert_eq!(parse(b"1.0").unwrap(), Json::OtherNumber);
        assert_eq!(parse(b"1e3").unwrap(), Json::OtherNumber);
    }

    #[test]
    fn strings_with_escapes_and_keys_with_escapes() {
        let v = parse(br#"{"a\u0062":"x\ny"}"#).unwrap();
        assert_eq!(
            v,
            Json::Object(vec![("ab".into(), Json::Str("x\ny".into()))])
        );
    }

    #[test]
    fn a_sequence_of_values_keeps_each_text() {
        let values = parse_all(r#" "a" 12  {"k": [1, 2.5]} "#).unwrap();
        let texts: Vec<&str> = values.iter().map(|(_, text)| *text).collect();
        assert_eq!(texts, [r#""a""#, "12", r#"{"k": [1, 2.5]}"#]);
        assert_eq!(values[1].0, Json::Int(12));
        assert!(parse_all(r#""a" {"#).is_err());
        assert!(parse_all("").unwrap().is_empty());
    }

    #[test]
    fn malformed_and_trailing_input_fail() {
        assert!(parse(b"{").is_err());
        assert!(parse(b"{} {}").is_err());
        assert!(parse(b"").is_err());
        assert!(parse(b"{\"a\":\"\xff\"}").is_err());
        let deep = "[".repeat(10_000);
        assert!(parse(deep.as_bytes()).is_err());
    }
}
