//! Collections decoded in place: arrays (`Array<T>`), maps (`Map<String, T>`) and free-form
//! objects (`Object`, kept as raw JSON).
//!
//! The count of an array or map (its `items` rule, docs/SEMANTICS.md §2.7) is known only once
//! every element is read, but comes first in the order of violations: the elements report into
//! a report of their own, appended after the count's violation.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};
use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::elem::{Elem, KindVisitor, reject, visited_elem};
use super::fast::RAW_JSON;
use super::mode::{build, fast};
use super::skip::{Skip, skip_map, skip_seq};
use crate::plan::wrong_type;
use crate::raw::kind_of_raw;
use crate::{Counted, Items, JsonKind, Path, RawObject, Report, RuleError};

/// A JSON array whose elements are of kind `E`, and the count it must have (the `items` of
/// its field, for the outer array of a field; `None` otherwise).
pub struct ArrayElem<E>(pub E, pub Option<Items>);

/// A JSON object with any keys whose values are of kind `E` (`Map<String, T>`), and the count of
/// entries it must have. Decoded as a `BTreeMap`: key order, not input order.
///
/// A repeated key is a `syntax` violation at its path, in input order among the entries; the
/// first occurrence is the one checked and kept (docs/SEMANTICS.md §6.2). Unknown fields are
/// never denied here: every key is an entry.
pub struct MapElem<E>(pub E, pub Option<Items>);

/// Any JSON object (`Object`), kept as its raw text ([`RawObject`]); only its kind is checked.
#[derive(Clone, Copy, Debug, Default)]
pub struct ObjectElem;

/// Decodes one element or map value (a seed for `SeqAccess` and `MapAccess`).
struct ElemSeed<'a, 'p, K, const M: u8> {
    kind: &'a K,
    path: &'a Path<'p>,
    report: &'a mut Report,
}

impl<'de, K: Elem, const M: u8> DeserializeSeed<'de> for ElemSeed<'_, '_, K, M> {
    type Value = Option<K::Out>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Option<K::Out>, D::Error> {
        self.kind
            .decode::<D, M>(deserializer, self.path, self.report)
    }
}

/// Pushes the count's violation, if any, then the elements' report.
#[inline]
fn counted(
    items: Option<Items>,
    count: usize,
    what: Counted,
    elements: Report,
    path: &Path<'_>,
    report: &mut Report,
) -> bool {
    let mut ok = true;
    if let Some(items) = items
        && let Err(error) = items.check(count, what)
    {
        report.push(path, error);
        ok = false;
    }
    report.append(elements);
    ok
}

impl<'de, K: Elem, const M: u8> Visitor<'de> for KindVisitor<'_, '_, ArrayElem<K>, M> {
    type Value = Option<Vec<K::Out>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON array")
    }

    reject!(JsonKind::Array; bool, number, null, string, map);

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Option<Vec<K::Out>>, A::Error> {
        let mut items = Vec::new();
        let mut ok = true;
        let mut index = 0usize;
        let mut elements = Report::nested();
        loop {
            let path = self.path.index(index);
            let seed = ElemSeed::<K, M> {
                kind: &self.kind.0,
                path: &path,
                report: &mut elements,
            };
            match seq.next_element_seed(seed)? {
                None => break,
                Some(Some(item)) => {
                    if build(M) {
                        items.push(item);
                    }
                }
                Some(None) => ok = false,
            }
            index += 1;
        }
        let count_ok = counted(
            self.kind.1,
            index,
            Counted::Elements,
            elements,
            self.path,
            self.report,
        );
        Ok(if build(M) && ok && count_ok {
            Some(items)
        } else {
            None
        })
    }
}

visited_elem!(<K: Elem> for ArrayElem<K> => Vec<K::Out>);

/// Reads a map key as text: borrowed when it holds no escape (both readers validate it as
/// serde_json's checked reading does).
struct MapKey;

impl<'de> DeserializeSeed<'de> for MapKey {
    type Value = Cow<'de, str>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Cow<'de, str>, D::Error> {
        deserializer.deserialize_str(MapKey)
    }
}

impl<'de> Visitor<'de> for MapKey {
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

impl<'de, K: Elem, const M: u8> Visitor<'de> for KindVisitor<'_, '_, MapElem<K>, M> {
    type Value = Option<BTreeMap<String, K::Out>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    reject!(JsonKind::Object; bool, number, null, string, seq);

    fn visit_map<A: MapAccess<'de>>(
        self,
        mut map: A,
    ) -> Result<Option<BTreeMap<String, K::Out>>, A::Error> {
        let mut entries = BTreeMap::new();
        // The keys seen and not in `entries` (all of them when values are not built): a
        // repeat of any key is one, whatever its first value was.
        let mut seen: HashSet<String> = HashSet::new();
        let mut count = 0usize;
        let mut ok = true;
        let mut values = Report::nested();
        while let Some(key) = map.next_key_seed(MapKey)? {
            let path = self.path.key(&key);
            if entries.contains_key(key.as_ref()) || seen.contains(key.as_ref()) {
                map.next_value_seed(Skip)?;
                values.push(&path, duplicate_key());
                ok = false;
                continue;
            }
            count += 1;
            let seed = ElemSeed::<K, M> {
                kind: &self.kind.0,
                path: &path,
                report: &mut values,
            };
            match map.next_value_seed(seed)? {
                Some(value) if build(M) => {
                    entries.insert(key.into_owned(), value);
                }
                outcome => {
                    ok &= outcome.is_some();
                    seen.insert(key.into_owned());
                }
            }
        }
        let count_ok = counted(
            self.kind.1,
            count,
            Counted::Entries,
            values,
            self.path,
            self.report,
        );
        Ok(if build(M) && ok && count_ok {
            Some(entries)
        } else {
            None
        })
    }
}

visited_elem!(<K: Elem> for MapElem<K> => BTreeMap<String, K::Out>);

/// The `syntax` violation of a repeated key (docs/SEMANTICS.md §6.2).
#[cold]
fn duplicate_key() -> RuleError {
    RuleError::syntax("duplicate key; the first occurrence is the one checked")
}

impl<'de, const M: u8> Visitor<'de> for KindVisitor<'_, '_, ObjectElem, M> {
    type Value = Option<RawObject>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    reject!(JsonKind::Object; bool, number, null, string, seq);

    /// Validating only: the object is skipped, nothing inside it is checked.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<RawObject>, A::Error> {
        skip_map(&mut map)?;
        Ok(None)
    }
}

/// The visitor of the fast reader's [`RAW_JSON`]: the value's text, whatever its kind.
struct RawText<'a, 'p, const M: u8>(KindVisitor<'a, 'p, ObjectElem, M>);

impl<'de, const M: u8> Visitor<'de> for RawText<'_, '_, M> {
    type Value = Option<RawObject>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the text of a JSON value")
    }

    fn visit_borrowed_str<E: de::Error>(self, raw: &'de str) -> Result<Option<RawObject>, E> {
        match kind_of_raw(raw) {
            JsonKind::Object => {
                let raw = RawValue::from_string(raw.to_owned()).map_err(E::custom)?;
                Ok(RawObject::from_raw(raw).ok())
            }
            found => Ok(self.0.wrong(JsonKind::Object, found)),
        }
    }
}

impl Elem for ObjectElem {
    type Out = RawObject;

    #[inline]
    fn decode<'de, D, const M: u8>(
        &self,
        deserializer: D,
        path: &Path<'_>,
        report: &mut Report,
    ) -> Result<Option<RawObject>, D::Error>
    where
        D: Deserializer<'de>,
    {
        let visitor = KindVisitor::<_, M> {
            kind: self,
            path,
            report,
        };
        if !build(M) {
            return deserializer.deserialize_any(visitor);
        }
        if fast(M) {
            return deserializer.deserialize_tuple_struct(RAW_JSON, 0, RawText(visitor));
        }
        // Checked reading: serde_json's own raw value, then its kind. serde_json keeps a raw
        // value without reading its strings (a lone surrogate escape passes), so it is read
        // again as every value is: malformed, it is malformed JSON (the caller words it as
        // for the whole input).
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        let mut strict = serde_json::Deserializer::from_str(raw.get());
        if Skip.deserialize(&mut strict).is_err() {
            return Err(de::Error::custom(
                "malformed JSON inside a free-form object",
            ));
        }
        match kind_of_raw(raw.get()) {
            JsonKind::Object => Ok(RawObject::from_raw(raw).ok()),
            found => {
                wrong_type(JsonKind::Object, found, path, report);
                Ok(None)
            }
        }
    }
}

#[cfg(test)]
mod tests;
