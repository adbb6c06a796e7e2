//! Values decoded in place, each reporting its own violations: strings and enums as array
//! elements, nested objects, integers and booleans; and the slot a field of such a type is read
//! into. Arrays, maps and free-form objects are in `collections.rs`.

use std::cell::Cell;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::Decode;
use super::mode::build;
use super::skip::{skip_map, skip_seq};
use super::strings::{StrSeed, StrTarget, StrValue, Target, Variant, WireEnum};
use crate::plan::{Fact, Facts, FieldPlan, Proven, Seen, wrong_type};
use crate::{JsonKind, Path, Report};

/// How one present JSON value of a schema type is decoded where it occurs (an array element, a
/// nested object, the value of an integer field), violations pushed at `path`.
pub trait Elem {
    /// The Rust value.
    type Out;

    /// Decodes one value. `Ok(Some(_))` when `BUILD` and valid; `Ok(None)` when not `BUILD`
    /// (the report tells) or when a violation was pushed.
    fn decode<'de, D, const M: u8>(
        &self,
        deserializer: D,
        path: &Path<'_>,
        report: &mut Report,
    ) -> Result<Option<Self::Out>, D::Error>
    where
        D: Deserializer<'de>;
}

/// A JSON string checked as an element of the field `plan` describes, becoming a `T` (`String`
/// or a typed value).
pub struct StrElem<T> {
    plan: &'static FieldPlan<'static>,
    target: PhantomData<fn() -> T>,
}

impl<T> StrElem<T> {
    /// The element kind of the string elements of the field `plan` describes.
    pub const fn new(plan: &'static FieldPlan<'static>) -> StrElem<T> {
        StrElem {
            plan,
            target: PhantomData,
        }
    }
}

impl<T: StrTarget> Elem for StrElem<T> {
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
        let seed = StrSeed::<M> {
            charset: self.plan.rules.charset,
        };
        Ok(match seed.deserialize(deserializer)? {
            StrValue::Str(s, known) => {
                let mut target = Target::<T>(None);
                let ok = self
                    .plan
                    .check_element(&s, known, &mut target, path, report);
                if ok && build(M) {
                    T::from_valid(&s, target.0)
                } else {
                    None
                }
            }
            other => not_a_string(other, path, report),
        })
    }
}

/// A JSON string checked as an element of the field `plan` describes, becoming a value of the
/// enum `E`.
pub struct EnumElem<E> {
    plan: &'static FieldPlan<'static>,
    target: PhantomData<fn() -> E>,
}

impl<E> EnumElem<E> {
    /// The element kind of the enum elements of the field `plan` describes.
    pub const fn new(plan: &'static FieldPlan<'static>) -> EnumElem<E> {
        EnumElem {
            plan,
            target: PhantomData,
        }
    }
}

impl<E: WireEnum> Elem for EnumElem<E> {
    type Out = E;

    #[inline]
    fn decode<'de, D, const M: u8>(
        &self,
        deserializer: D,
        path: &Path<'_>,
        report: &mut Report,
    ) -> Result<Option<E>, D::Error>
    where
        D: Deserializer<'de>,
    {
        let seed = StrSeed::<M> { charset: None };
        Ok(match seed.deserialize(deserializer)? {
            StrValue::Str(s, known) => {
                let mut variant = Variant::<E, M>(None);
                if self
                    .plan
                    .check_element(&s, known, &mut variant, path, report)
                {
                    variant.0
                } else {
                    None
                }
            }
            other => not_a_string(other, path, report),
        })
    }
}

/// The `type` violation of an element that is not a string (`null` included: elements have no
/// requirement).
#[inline]
fn not_a_string<T>(value: StrValue<'_>, path: &Path<'_>, report: &mut Report) -> Option<T> {
    let found = match value {
        StrValue::Wrong(found) => found,
        _ => JsonKind::Null,
    };
    wrong_type(JsonKind::String, found, path, report);
    None
}

/// A JSON number that is an integer in `i64` range.
#[derive(Clone, Copy, Debug, Default)]
pub struct IntElem;

/// `true` or `false`.
#[derive(Clone, Copy, Debug, Default)]
pub struct BoolElem;

/// A JSON object decoded as the message or struct `T`; when its value is a field that
/// conditions of other objects read into, the facts they read are set in `facts`
/// ([`Decode::decode_exporting`]).
pub struct ObjElem<'f, T> {
    facts: &'f [Cell<Fact<'static>>],
    target: PhantomData<fn() -> T>,
}

impl<T> ObjElem<'_, T> {
    /// The element kind of objects of type `T`.
    pub const fn new() -> ObjElem<'static, T> {
        ObjElem {
            facts: &[],
            target: PhantomData,
        }
    }
}

impl<'f, T> ObjElem<'f, T> {
    /// The kind of an object of type `T` whose exported facts go to `facts`.
    pub const fn exporting(facts: &'f [Cell<Fact<'static>>]) -> ObjElem<'f, T> {
        ObjElem {
            facts,
            target: PhantomData,
        }
    }
}

impl<T> Default for ObjElem<'_, T> {
    fn default() -> Self {
        ObjElem::new()
    }
}

/// The cells an object's exported facts are set in (see [`ObjElem::exporting`]), all
/// [`Fact::Absent`] until it is read: what the facts of an absent, `null` or non-object value
/// stay.
#[inline]
pub fn facts<const N: usize>() -> [Cell<Fact<'static>>; N] {
    [const { Cell::new(Fact::Absent) }; N]
}

/// Sets `out` (the cells of [`ObjElem::exporting`], or none) to `facts`.
#[inline]
pub fn export<const N: usize>(out: &[Cell<Fact<'static>>], facts: [Fact<'static>; N]) {
    for (cell, fact) in out.iter().zip(facts) {
        cell.set(fact);
    }
}

/// The visitor of the kinds above: what is not the expected kind is one `type` violation.
pub(super) struct KindVisitor<'a, 'p, K, const M: u8> {
    pub(super) kind: &'a K,
    pub(super) path: &'a Path<'p>,
    pub(super) report: &'a mut Report,
}

impl<K, const M: u8> KindVisitor<'_, '_, K, M> {
    #[inline]
    pub(super) fn wrong<T>(self, expected: JsonKind, found: JsonKind) -> Option<T> {
        wrong_type(expected, found, self.path, self.report);
        None
    }
}

/// The `Elem` of a kind that its `KindVisitor` reads whatever JSON value comes (so that a value of
/// the wrong kind becomes a `type` violation, not a serde error).
macro_rules! visited_elem {
    ($(<$($param:ident: $bound:path),*>)? for $ty:ty => $out:ty) => {
        impl$(<$($param: $bound),*>)? Elem for $ty {
            type Out = $out;

            #[inline]
            fn decode<'de, D, const M: u8>(
                &self,
                deserializer: D,
                path: &Path<'_>,
                report: &mut Report,
            ) -> Result<Option<$out>, D::Error>
            where
                D: Deserializer<'de>,
            {
                deserializer.deserialize_any(KindVisitor::<_, M> {
                    kind: self,
                    path,
                    report,
                })
            }
        }
    };
}

/// The `visit_*` methods every kind rejects with a `type` violation (`$expected`).
macro_rules! reject {
    ($expected:expr; $($method:ident),*) => {$(
        reject!(@one $expected; $method);
    )*};
    (@one $expected:expr; bool) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok(self.wrong($expected, JsonKind::Bool))
        }
    };
    (@one $expected:expr; number) => {
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok(self.wrong($expected, JsonKind::Number))
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok(self.wrong($expected, JsonKind::Number))
        }
        fn visit_i128<E: de::Error>(self, _: i128) -> Result<Self::Value, E> {
            Ok(self.wrong($expected, JsonKind::Number))
        }
        fn visit_u128<E: de::Error>(self, _: u128) -> Result<Self::Value, E> {
            Ok(self.wrong($expected, JsonKind::Number))
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok(self.wrong($expected, JsonKind::Number))
        }
    };
    (@one $expected:expr; null) => {
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(self.wrong($expected, JsonKind::Null))
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(self.wrong($expected, JsonKind::Null))
        }
    };
    (@one $expected:expr; string) => {
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok(self.wrong($expected, JsonKind::String))
        }
        fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Self::Value, E> {
            Ok(self.wrong($expected, JsonKind::String))
        }
    };
    (@one $expected:expr; seq) => {
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            skip_seq(&mut seq)?;
            Ok(self.wrong($expected, JsonKind::Array))
        }
    };
    (@one $expected:expr; map) => {
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            skip_map(&mut map)?;
            Ok(self.wrong($expected, JsonKind::Object))
        }
    };
}

impl<'de, const M: u8> Visitor<'de> for KindVisitor<'_, '_, IntElem, M> {
    type Value = Option<i64>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an integer")
    }

    reject!(JsonKind::Integer; bool, null, string, seq, map);

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Option<i64>, E> {
        Ok(Some(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Option<i64>, E> {
        Ok(match i64::try_from(v) {
            Ok(v) => Some(v),
            Err(_) => self.wrong(JsonKind::Integer, JsonKind::Number),
        })
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Option<i64>, E> {
        Ok(match i64::try_from(v) {
            Ok(v) => Some(v),
            Err(_) => self.wrong(JsonKind::Integer, JsonKind::Number),
        })
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Option<i64>, E> {
        Ok(match i64::try_from(v) {
            Ok(v) => Some(v),
            Err(_) => self.wrong(JsonKind::Integer, JsonKind::Number),
        })
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Option<i64>, E> {
        Ok(self.wrong(JsonKind::Integer, JsonKind::Number))
    }
}

visited_elem!(for IntElem => i64);

impl<'de, const M: u8> Visitor<'de> for KindVisitor<'_, '_, BoolElem, M> {
    type Value = Option<bool>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a boolean")
    }

    reject!(JsonKind::Bool; number, null, string, seq, map);

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Option<bool>, E> {
        Ok(Some(v))
    }
}

visited_elem!(for BoolElem => bool);

impl<'de, T: Decode, const M: u8> Visitor<'de> for KindVisitor<'_, '_, ObjElem<'_, T>, M> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    reject!(JsonKind::Object; bool, number, null, string, seq);

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Option<T>, A::Error> {
        T::decode_exporting::<A, M>(map, self.path, self.report, self.kind.facts)
    }
}

visited_elem!(<T: Decode> for ObjElem<'_, T> => T);

pub(super) use {reject, visited_elem};

/// What was read for a field decoded in place (objects, arrays, integers, booleans).
#[derive(Debug, Default)]
pub enum Slot<T> {
    /// The key did not occur.
    #[default]
    Absent,
    /// The value was `null` (counts as absent).
    Null,
    /// The value was decoded: the value (when `BUILD` and valid) and its violations.
    Done(Option<T>, Report),
}

impl<T> Slot<T> {
    /// Whether the key did not occur (a second occurrence is a duplicate).
    #[inline]
    pub fn is_absent(&self) -> bool {
        matches!(self, Slot::Absent)
    }

    /// Whether the field holds a value: its key occurred and the value is not `null`
    /// (docs/SEMANTICS.md §4), whatever its kind; what a group counts.
    #[inline]
    pub fn is_present(&self) -> bool {
        !matches!(self, Slot::Absent | Slot::Null)
    }

    /// The field's requirement (its `plan`; `facts` as for [`FieldPlan::check`]), then the
    /// value's own violations appended to `report`: the object's (`facts`) is the object above
    /// theirs, so their conditions that wait for it are decided by it first
    /// ([`Report::lift`]).
    ///
    /// `None` when a rule failed; `Some(value)` otherwise (`value` is `None` for an absent
    /// optional field, or when values are not built).
    #[inline(always)]
    pub fn finish<'s>(
        self,
        plan: &'static FieldPlan<'static>,
        facts: &impl Facts<'s>,
        path: &Path<'_>,
        report: &mut Report,
    ) -> Option<Option<T>> {
        match self {
            Slot::Absent => plan
                .check_deferring(Seen::Absent, &mut Proven, facts, path, report)
                .then_some(None),
            Slot::Null => plan
                .check_deferring(Seen::Null, &mut Proven, facts, path, report)
                .then_some(None),
            // Present: the value's own checks ran where it was read.
            Slot::Done(value, mut violations) => {
                violations.lift(facts);
                let valid = violations.is_empty();
                // What still waits for an object further up comes along.
                report.append(violations);
                valid.then_some(value)
            }
        }
    }
}

impl<T> Slot<T> {
    /// What a presence test of this field (an object or an array) finds: present or not.
    #[inline]
    pub fn presence(&self) -> Fact<'static> {
        match self {
            Slot::Absent | Slot::Null => Fact::Absent,
            Slot::Done(..) => Fact::Other,
        }
    }
}

impl<T: Copy + Into<Fact<'static>>> Slot<T> {
    /// What a condition that reads this field (an integer or a boolean) finds
    /// (docs/SEMANTICS.md §3): a value of another kind, or out of range, is
    /// [`Fact::Other`].
    #[inline]
    pub fn fact(&self) -> Fact<'static> {
        match self {
            Slot::Absent | Slot::Null => Fact::Absent,
            Slot::Done(Some(value), _) => (*value).into(),
            Slot::Done(None, _) => Fact::Other,
        }
    }
}

/// Reads the value of a field of kind `K` into a [`Slot`]: `null` apart, then `K` in place with
/// a report of its own (appended in table order by [`Slot::finish`]).
pub struct FieldSeed<'a, 'p, K, const M: u8> {
    kind: K,
    path: &'a Path<'p>,
}

impl<'a, 'p, K, const M: u8> FieldSeed<'a, 'p, K, M> {
    /// The seed of a field of kind `kind` at `path`.
    #[inline]
    pub fn new(kind: K, path: &'a Path<'p>) -> Self {
        FieldSeed { kind, path }
    }
}

impl<'de, K: Elem, const M: u8> DeserializeSeed<'de> for FieldSeed<'_, '_, K, M> {
    type Value = Slot<K::Out>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Slot<K::Out>, D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de, K: Elem, const M: u8> Visitor<'de> for FieldSeed<'_, '_, K, M> {
    type Value = Slot<K::Out>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_none<E: de::Error>(self) -> Result<Slot<K::Out>, E> {
        Ok(Slot::Null)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Slot<K::Out>, E> {
        Ok(Slot::Null)
    }

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Slot<K::Out>, D::Error> {
        let mut report = Report::nested();
        let value = self
            .kind
            .decode::<D, M>(deserializer, self.path, &mut report)?;
        Ok(Slot::Done(value, report))
    }
}
