//! Object keys: read as bytes, matched by generated code; repeated and unknown keys.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

use super::mode::fast;
use super::strings::{checked_str, retry};
use crate::{Path, Report, RuleError};

/// An object key as read: borrowed from the input when it holds no escape.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Key<'de> {
    bytes: Cow<'de, [u8]>,
    /// Whether the bytes are known to be a string checked reading accepts.
    checked: bool,
}

impl<'de> Key<'de> {
    /// The key's bytes (unescaped), for matching against the field identifiers.
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The key as a string, `None` when checked reading would have rejected it.
    fn into_str(self) -> Option<Cow<'de, str>> {
        match self.bytes {
            Cow::Borrowed(b) => {
                if self.checked {
                    std::str::from_utf8(b).ok().map(Cow::Borrowed)
                } else {
                    checked_str(b).map(Cow::Borrowed)
                }
            }
            Cow::Owned(b) => {
                if !self.checked && checked_str(&b).is_none() {
                    return None;
                }
                String::from_utf8(b).ok().map(Cow::Owned)
            }
        }
    }
}

/// Reads an object key: raw bytes when `FAST` (no UTF-8 validation: a key that matches a field
/// identifier is valid by that match; any other is checked by [`Extras::unknown`]), else
/// through `deserialize_str`.
#[derive(Clone, Copy, Debug, Default)]
pub struct KeySeed<const M: u8>;

impl<'de, const M: u8> DeserializeSeed<'de> for KeySeed<M> {
    type Value = Key<'de>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key<'de>, D::Error> {
        if fast(M) {
            deserializer.deserialize_bytes(KeyVisitor)
        } else {
            deserializer.deserialize_str(KeyVisitor)
        }
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }

    #[inline]
    fn visit_borrowed_bytes<E: de::Error>(self, v: &'de [u8]) -> Result<Key<'de>, E> {
        Ok(Key {
            bytes: Cow::Borrowed(v),
            checked: false,
        })
    }

    #[inline]
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Key<'de>, E> {
        Ok(Key {
            bytes: Cow::Owned(v.to_vec()),
            checked: false,
        })
    }

    #[inline]
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
        Ok(Key {
            bytes: Cow::Borrowed(v.as_bytes()),
            checked: true,
        })
    }

    #[inline]
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
        Ok(Key {
            bytes: Cow::Owned(v.as_bytes().to_vec()),
            checked: true,
        })
    }

    #[inline]
    fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
        Ok(Key {
            bytes: Cow::Owned(v.into_bytes()),
            checked: true,
        })
    }
}

/// The repeated and unknown keys of one object: nothing is allocated until one occurs.
#[derive(Debug, Default)]
pub struct Extras<'de> {
    /// The field index of every repeated occurrence of a field's key.
    repeats: Vec<u32>,
    /// The unknown keys seen so far (created with the first one; one word while `None`, so
    /// an object without unknown keys costs what it did).
    unknown: Option<Unknown<'de>>,
    /// The violations of unknown keys, in input order.
    report: Report,
}

impl<'de> Extras<'de> {
    /// Nothing yet.
    #[inline]
    pub const fn new() -> Extras<'de> {
        Extras {
            repeats: Vec::new(),
            unknown: None,
            report: Report::new(),
        }
    }

    /// Notes a repeated occurrence of field `field`'s key (its value is skipped).
    #[cold]
    #[inline(never)]
    pub fn repeat(&mut self, field: u32) {
        self.repeats.push(field);
    }

    /// Pushes a `syntax` violation at `path` for every repeated occurrence of field `field`'s
    /// key: after the field's own violations.
    #[inline]
    pub fn repeats(&self, field: u32, path: &Path<'_>, report: &mut Report) {
        if !self.repeats.is_empty() {
            self.push_repeats(field, path, report);
        }
    }

    #[cold]
    #[inline(never)]
    fn push_repeats(&self, field: u32, path: &Path<'_>, report: &mut Report) {
        for _ in self.repeats.iter().filter(|&&f| f == field) {
            report.push(path, duplicate_key());
        }
    }

    /// Notes a key the object's table does not name: a `syntax` violation if it repeats an
    /// earlier unknown key, else `unknown_field` when `deny`. Its value is the caller's to
    /// skip. `Err` (when `FAST`) when the raw key would be malformed for checked reading.
    #[cold]
    #[inline(never)]
    pub fn unknown<E: de::Error>(
        &mut self,
        key: Key<'de>,
        deny: bool,
        path: &Path<'_>,
    ) -> Result<(), E> {
        let Some(key) = key.into_str() else {
            return Err(retry());
        };
        let key_path = path.key(&key);
        let unknown = self.unknown.get_or_insert_with(|| Unknown {
            seen: HashSet::new(),
            order: Vec::new(),
            object: path.to_pointer(),
        });
        if unknown.seen.contains(&key) {
            self.report.inherit_limit();
            self.report.push(&key_path, duplicate_key());
        } else {
            if deny {
                self.report.inherit_limit();
                self.report.push(&key_path, RuleError::unknown_field());
            }
            unknown.order.push(key.clone());
            unknown.seen.insert(key);
        }
        Ok(())
    }

    /// Appends the violations of unknown keys to `report`: after every table field. When the
    /// object has unknown keys, a `required` field one of them misspells gets a did-you-mean.
    #[inline]
    pub fn finish(self, report: &mut Report) {
        if let Some(unknown) = self.unknown {
            unknown.finish(self.report, report);
        }
    }
}

/// The unknown keys of one object.
#[derive(Debug)]
struct Unknown<'de> {
    /// Each distinct key, to tell a repeat.
    seen: HashSet<Cow<'de, str>>,
    /// The same keys in input order, and the object's pointer: for the did-you-mean of
    /// `suggest::hint_misspelled_keys` (docs/SEMANTICS.md §6.4).
    order: Vec<Cow<'de, str>>,
    object: String,
}

impl Unknown<'_> {
    /// Appends `own` (the violations of unknown keys) to `report`, then hints the `required`
    /// fields the keys misspell.
    #[cold]
    #[inline(never)]
    fn finish(self, own: Report, report: &mut Report) {
        report.append(own);
        if report.has_pending() {
            // A `required` violation the hint rewrites may still be waiting for an object
            // above: the hint waits for the report to be settled (docs/SEMANTICS.md §6.4).
            let keys = self.order.iter().map(|key| key.to_string()).collect();
            report.defer_hint(self.object, keys);
            return;
        }
        let keys: Vec<&str> = self.order.iter().map(AsRef::as_ref).collect();
        crate::suggest::hint_misspelled_keys(report, &self.object, &keys);
    }
}

/// The `syntax` violation of a repeated key (worded as the dynamic validator words it).
#[cold]
fn duplicate_key() -> RuleError {
    RuleError::syntax("duplicate key; the first occurrence is the one checked")
}
