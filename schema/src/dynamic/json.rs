//! A small JSON tree that keeps what the validator needs and `serde_json::Value` loses: every
//! key of an object in input order, duplicates included, and every number's text as written
//! (numbers are checked on their text, never through `f64`: docs/SEMANTICS.md §2.8).
//!
//! serde_json reads the document (so what is malformed, and the message saying so, are
//! serde_json's, as for the decoder), but hands a visitor a number's value, not its text. So
//! the texts are taken from the input by a small scan that only has to be right on input
//! serde_json accepts: the numbers of a JSON text, in order, are the tokens outside strings
//! that start with `-` or a digit, and serde_json visits them in that same order.

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;

use fieldtab_runtime::JsonKind;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

/// A parsed JSON value. Strings borrow from the input when they hold no escape.
#[derive(Debug, PartialEq)]
pub(crate) enum Json<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written (`-720`, `0.88`, `1e3`).
    Number(&'a str),
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
            Json::Number(_) => JsonKind::Number,
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
    let numbers = Numbers {
        input: bytes,
        at: Cell::new(0),
    };
    let value = TreeSeed { numbers: &numbers }.deserialize(&mut de)?;
    de.end()?;
    Ok(value)
}

/// The texts of the numbers of a JSON input, in order (see the module docs), found as
/// serde_json visits them.
struct Numbers<'a> {
    input: &'a [u8],
    /// Where the scan goes on: after the last number found.
    at: Cell<usize>,
}

impl<'a> Numbers<'a> {
    /// The text of the next number of the input.
    fn next(&self) -> &'a str {
        let input = self.input;
        let mut i = self.at.get();
        while let Some(&b) = input.get(i) {
            match b {
                b'"' => {
                    i += 1;
                    while let Some(&c) = input.get(i) {
                        i += if c == b'\\' { 2 } else { 1 };
                        if c == b'"' {
                            break;
                        }
                    }
                }
                b'-' | b'0'..=b'9' => {
                    let len = input[i..]
                        .iter()
                        .take_while(|c| matches!(c, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
                        .count();
                    self.at.set(i + len);
                    return std::str::from_utf8(&input[i..i + len]).unwrap_or("0");
                }
                _ => i += 1,
            }
        }
        self.at.set(i);
        // Not reached on input serde_json accepted.
        "0"
    }
}

/// Parses a sequence of JSON values separated by whitespace (the values of an `Example` cell):
/// each value with its own text (surrounding whitespace trimmed).
pub(crate) fn parse_all(text: &str) -> Result<Vec<(Json<'_>, &str)>, serde_json::Error> {
    let stream = serde_json::Deserializer::from_str(text).into_iter::<&RawValue>();
    let mut values = Vec::new();
    for raw in stream {
        let raw = raw?.get();
        values.push((parse(raw.as_bytes())?, raw.trim()));
    }
    Ok(values)
}

/// The seed (and visitor) that builds a [`Json`] tree.
#[derive(Clone, Copy)]
struct TreeSeed<'n, 'de> {
    numbers: &'n Numbers<'de>,
}

impl<'de> DeserializeSeed<'de> for TreeSeed<'_, 'de> {
    type Value = Json<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json<'de>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for TreeSeed<'_, 'de> {
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

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Json<'de>, E> {
        Ok(Json::Number(self.numbers.next()))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Json<'de>, E> {
        Ok(Json::Number(self.numbers.next()))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Json<'de>, E> {
        Ok(Json::Number(self.numbers.next()))
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
        while let Some(item) = seq.next_element_seed(self)? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
        let mut members = Vec::new();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let value = map.next_value_seed(self)?;
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
        assert_eq!(members[0].1, Json::Number("1"));
        assert_eq!(members[2].1, Json::Number("2"));
    }

    #[test]
    fn numbers_keep_their_text() {
        assert_eq!(parse(b"-5").unwrap(), Json::Number("-5"));
        assert_eq!(parse(b" 0.10 ").unwrap(), Json::Number("0.10"));
        assert_eq!(parse(b"1E+3").unwrap(), Json::Number("1E+3"));
        let v = parse(br#"{"a-1":[1.50,"2\"3",-0],"9":{"x":99999999999999999999999}}"#).unwrap();
        let Json::Object(members) = v else {
            panic!("not an object")
        };
        assert_eq!(
            members[0].1,
            Json::Array(vec![
                Json::Number("1.50"),
                Json::Str("2\"3".into()),
                Json::Number("-0")
            ])
        );
        assert_eq!(
            members[1].1,
            Json::Object(vec![("x".into(), Json::Number("99999999999999999999999"))])
        );
        assert!(parse(b"[1e400]").is_err());
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
        assert_eq!(values[1].0, Json::Number("12"));
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
