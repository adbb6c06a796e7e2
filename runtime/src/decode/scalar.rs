//! Values that may be numbers, read with their JSON text: the values of `Integer` and `Number`
//! fields, and of every field that accepts another JSON kind than its type's own
//! (docs/SEMANTICS.md §2.8, §2.9).
//!
//! serde hands a number to a visitor as an `i64`, `u64` or `f64`, which loses how it was
//! written (`0.10`, digits beyond `f64`'s precision, an integer beyond `u64`). So a number is
//! read as its text: the fast reader answers the reserved request [`NUMBER_TEXT`] with the
//! number's bytes (`visit_borrowed_bytes`, which no other value of that request uses); the
//! checked reading takes the value's raw JSON text from serde_json (`RawValue`) and reads it
//! again, as strictly as serde_json's own reading of such a value (a number beyond `f64`'s
//! range, a string with an invalid escape are malformed JSON there too).

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::elem::Elem;
use super::fast::NUMBER_TEXT;
use super::mode::{build, fast};
use super::skip::{Skip, skip_map, skip_seq};
use super::strings::{StrValue, retry};
use crate::plan::{FieldPlan, Text};
use crate::rules::integer_value;
use crate::{JsonKind, Number, Path, Report};

/// The message of a value the checked reading takes as raw text but serde_json's reading of
/// such a value rejects; the entry points replace it with serde_json's own error for the
/// whole input (`root::canonical`).
pub(crate) const REREAD: &str = "fieldtab: raw value rejected by the checked reading";

/// Reads any JSON value into a [`StrValue`], keeping a number's text as written
/// ([`StrValue::Num`]) and a Boolean ([`StrValue::Bool`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct ScalarSeed<const M: u8>;

impl<'de, const M: u8> DeserializeSeed<'de> for ScalarSeed<M> {
    type Value = StrValue<'de>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<StrValue<'de>, D::Error> {
        if fast(M) {
            // Only the fast reader is asked this (see `NUMBER_TEXT`).
            return deserializer.deserialize_tuple_struct(NUMBER_TEXT, 0, ScalarVisitor);
        }
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        classify(raw.get())
    }
}

/// The value whose raw JSON text is `raw` (checked reading).
fn classify<'de, E: de::Error>(raw: &str) -> Result<StrValue<'de>, E> {
    let value = match raw.as_bytes().first() {
        Some(b'"') => match serde_json::from_str::<String>(raw) {
            Ok(s) => StrValue::Str(Cow::Owned(s), None),
            Err(_) => return Err(E::custom(REREAD)),
        },
        Some(b't') => StrValue::Bool(true),
        Some(b'f') => StrValue::Bool(false),
        Some(b'n') => StrValue::Null,
        Some(b'[') => {
            strictly(raw)?;
            StrValue::Wrong(JsonKind::Array)
        }
        Some(b'{') => {
            strictly(raw)?;
            StrValue::Wrong(JsonKind::Object)
        }
        _ => {
            // Only an exponent or many digits can take a number beyond `f64`'s range, which
            // serde_json's reading rejects.
            if raw.len() > 300 || raw.bytes().any(|b| b == b'e' || b == b'E') {
                strictly(raw)?;
            }
            StrValue::Num(Cow::Owned(raw.to_owned()))
        }
    };
    Ok(value)
}

/// Fails when serde_json's reading of a value (`deserialize_any`, as the rest of the
/// document is read) rejects `raw`, which its raw reading let through.
fn strictly<E: de::Error>(raw: &str) -> Result<(), E> {
    let mut de = serde_json::Deserializer::from_str(raw);
    match Skip.deserialize(&mut de) {
        Ok(()) => Ok(()),
        Err(_) => Err(E::custom(REREAD)),
    }
}

/// The fast reader's answers to [`NUMBER_TEXT`].
struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = StrValue<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    /// A number's text (ASCII: the fast reader checked its grammar).
    fn visit_borrowed_bytes<E: de::Error>(self, v: &'de [u8]) -> Result<StrValue<'de>, E> {
        match std::str::from_utf8(v) {
            Ok(text) => Ok(StrValue::Num(Cow::Borrowed(text))),
            Err(_) => Err(retry()),
        }
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<StrValue<'de>, E> {
        Ok(StrValue::Str(Cow::Borrowed(v), None))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<StrValue<'de>, E> {
        Ok(StrValue::Str(Cow::Owned(v.to_owned()), None))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<StrValue<'de>, E> {
        Ok(StrValue::Bool(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<StrValue<'de>, E> {
        Ok(StrValue::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<StrValue<'de>, E> {
        Ok(StrValue::Null)
    }

    // The fast reader gives numbers as text; anything else is for the checked reading.
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<StrValue<'de>, E> {
        Err(retry())
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<StrValue<'de>, E> {
        Err(retry())
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<StrValue<'de>, E> {
        Err(retry())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<StrValue<'de>, A::Error> {
        skip_seq(&mut seq)?;
        Ok(StrValue::Wrong(JsonKind::Array))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<StrValue<'de>, A::Error> {
        skip_map(&mut map)?;
        Ok(StrValue::Wrong(JsonKind::Object))
    }
}

/// The Rust value a checked scalar becomes: `i64` (`Integer`), [`Number`], `bool`.
pub trait ScalarTarget: Sized {
    /// Whether conditions compare values of this type (`i64`, `bool`): then the value is read
    /// even when it breaks a rule, and when values are not built.
    const FOR_CONDITIONS: bool;

    /// The value `value` reads as, if any (the field's checks tell whether it is valid).
    fn from_checked(value: &StrValue<'_>) -> Option<Self>;
}

impl ScalarTarget for i64 {
    const FOR_CONDITIONS: bool = true;

    fn from_checked(value: &StrValue<'_>) -> Option<i64> {
        match value {
            StrValue::Num(text) | StrValue::Str(text, _) => integer_value(text),
            _ => None,
        }
    }
}

impl ScalarTarget for Number {
    const FOR_CONDITIONS: bool = false;

    fn from_checked(value: &StrValue<'_>) -> Option<Number> {
        match value {
            StrValue::Num(text) | StrValue::Str(text, _) => Number::from_checked(text),
            _ => None,
        }
    }
}

impl ScalarTarget for bool {
    const FOR_CONDITIONS: bool = true;

    fn from_checked(value: &StrValue<'_>) -> Option<bool> {
        match value {
            StrValue::Bool(b) => Some(*b),
            StrValue::Str(text, _) => match text.as_ref() {
                "true" => Some(true),
                "false" => Some(false),
                _ => None,
            },
            _ => None,
        }
    }
}

/// A value of an `Integer`, `Number` or `Boolean` field (or an element of an array of them),
/// read with its text and checked where it is read by the field's plan
/// ([`FieldPlan::check_value`]): its kind, its number rules, what it accepts besides.
pub struct ScalarElem<T> {
    plan: &'static FieldPlan<'static>,
    target: PhantomData<fn() -> T>,
}

impl<T> ScalarElem<T> {
    /// The values of the field `plan` describes.
    pub const fn new(plan: &'static FieldPlan<'static>) -> ScalarElem<T> {
        ScalarElem {
            plan,
            target: PhantomData,
        }
    }
}

impl<T: ScalarTarget> Elem for ScalarElem<T> {
    type Out = T;

    #[inline]
    fn decode<'de, D, const M: u8>(
        &self,
        deserializer: D,
        path: &Path<'_>,
        report: &mut Report,
    ) -> Result<Option<T>, D::Error>
    where
        D: Deserializer<'de>,
    {
        let value = ScalarSeed::<M>.deserialize(deserializer)?;
        let seen = value.seen_as(self.plan.expected_kind());
        let ok = self.plan.check_value(seen, &mut Text, path, report);
        // A string is a value of the field only where it accepts strings.
        if matches!(value, StrValue::Str(..)) && !self.plan.accepts.string {
            return Ok(None);
        }
        // Integers and Booleans are read whatever their violations and the mode: conditions
        // read the value as the field reads it, valid or not (docs/SEMANTICS.md §3.2); the
        // report alone says whether the field is valid.
        if T::FOR_CONDITIONS || (ok && build(M)) {
            return Ok(T::from_checked(&value));
        }
        Ok(None)
    }
}
