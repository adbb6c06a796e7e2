//! One-pass decoding: JSON bytes to a typed message, every violation on the way.
//!
//! [`from_json`], [`from_str`] and [`validate_json`] read the input once and report **every**
//! violation of the validation semantics (wrong JSON type, missing field, `null` counted as
//! absent, empty mandatory string, length, charset, fixed value, format, enum, conditions,
//! duplicate keys, unknown fields where denied) with its JSON Pointer path, in schema field
//! order (docs/SEMANTICS.md). Malformed JSON gives exactly one `syntax` violation at `""`; a
//! document that is JSON but not an object gives exactly one `type` violation at `""`.
//! serde_json's recursion limit (128 levels) applies: deep input is a `syntax` violation, never
//! a stack overflow.
//!
//! # How generated code decodes an object
//!
//! The generated [`Decode`] impl of a message or struct is a `serde` map visitor in two phases:
//!
//! 1. **Reading.** Each key is read as borrowed bytes and matched by length, then bytes. The
//!    value of a string field goes into a [`StrValue`](__decode::StrValue) slot that accepts
//!    any JSON value and borrows the string from the input (nothing is allocated for a rejected
//!    value); a nested object, array, integer or boolean is decoded in place into a
//!    [`Slot`](__decode::Slot) with a report of its own. A repeated key is remembered and its
//!    value skipped; an unknown key is remembered (for duplicates, and for `unknown_field` when
//!    denied) and its value skipped.
//! 2. **Checking, in table order.** Each field's slot is checked (one call of
//!    [`Checks`](__decode::Checks) a field) against the field's entry in the struct's rules
//!    table by the one check of a field
//!    ([`FieldPlan::check`](crate::plan::FieldPlan::check): requirement, type, string rules,
//!    conditional formats, enum; conditions read the siblings' slots), the nested reports
//!    appended, then the duplicate keys of that field; the unknown keys come last. Only then are
//!    `String`s allocated, and only when every rule passed; typed fields (`LocalTime`,
//!    `GmtOffset`, …) are parsed straight from the borrowed text by the format step of that
//!    check, and allocate nothing.
//!
//! Violations are recorded through `#[cold]` functions and paths ([`Path`]) are rendered only
//! then, so a valid message pays for neither.
//!
//! # What conditions read, in one pass
//!
//! A condition (docs/SEMANTICS.md §3) reads *facts*: the value at a path, as a
//! [`Fact`](crate::plan::Fact) (absent, a string, a boolean, an integer, present of another
//! kind). In the second phase of an object every fact of the object itself is known: a
//! sibling's is its slot (`StrValue::fact`, and for a field decoded in place its
//! `Slot::fact`, taken before the second phase consumes the slot).
//!
//! A path into a sibling object (`result.resultStatus`) needs a fact of an object that was
//! decoded in place — in validate-only mode nothing of it is built. So that object hands the
//! facts up itself: code generation knows the whole module, so it knows, for each struct, which
//! of its values conditions of other objects read (its *exports*, numbered), and the object
//! that holds such a struct decodes it with [`ObjElem::exporting`](__decode::ObjElem), giving it
//! cells to fill ([`Decode::decode_exporting`]). The struct fills them at the end of its first
//! phase from its own facts (or its own nested objects' exports). A string is exported as the
//! schema's own copy of the value it equals ([`Fact::known`](crate::plan::Fact::known), one of
//! the values conditions compare it with; any other string is just "present"), so nothing
//! borrows from the input and a cell is a few bytes on the stack. A struct nothing reads into
//! exports nothing: its decoder is unchanged, and a schema without such paths pays nothing.
//!
//! A `super.` path reads the object above, which is not complete when the object below is
//! checked: it may come later in the input (`{"lines": [...], "paid": true}`). Decoding the
//! nested object again once the one above is read would read its bytes twice; instead, what
//! depends on such a condition waits in the report, at its place. Only a few things can: the
//! requirement of an absent, `null` or empty value, and a conditional format that fails. So
//! the field's check ([`FieldPlan::check_deferring`](crate::plan::FieldPlan::check_deferring))
//! leaves a *pending* entry — the violations if the condition holds, those if it does not,
//! the comparisons on its own object already decided — and goes on. The object above takes
//! the nested report in its second phase, when its own facts are known (`Slot::finish`): the
//! comparisons that read it are decided by its facts by their steps
//! ([`Facts::below`](crate::plan::Facts::below): generated code answers them from its slots
//! and nested exports, with [`FactsWith`](crate::plan::FactsWith)), and a decided entry is
//! replaced by its branch, in place, so the order of violations is the one of the tables.
//! What is undecided moves up with the report, level by level; the document has nothing above
//! it, so [`from_json`] and [`validate_json`] settle what is left as absent. Until then a
//! nested value is built as if the condition did not hold (the only case where it can be
//! valid); a violation added later makes the document invalid. The did-you-mean of an object
//! with unknown keys waits too when a `required` it rewrites may be pending. `validate()`
//! goes the same way: a nested value's pending entries are decided by the value holding it
//! (`plan::Fields::nested`). None of it exists for a schema without `super.`: no entry is
//! made, and taking a nested report costs one test.
//!
//! The value of an ISO 8583 field (`N`, `AN`, `ANS`, …) is read as raw bytes, without serde_json's
//! UTF-8 validation: the charset check, which every such value needs anyway, proves the bytes are
//! ASCII. A value that fails its charset, or anything unusual the raw reading cannot judge the
//! way serde_json's checked reading would (a number or object where such a string is expected,
//! a key with control characters, malformed JSON), makes the decoder start again in checked mode
//! — that mode is the reference, so both agree by construction.
//!
//! # The side channel: how the fast reader learns a field's charset
//!
//! serde's `Deserializer` has no call for "read a string and check it against this charset".
//! So [`StrSeed`](__decode::StrSeed) asks for an ISO 8583 field's string through a call no
//! JSON value otherwise uses: `deserialize_tuple_struct(ISO_STRING, class, visitor)`, where
//! `ISO_STRING` is a reserved name (`"\0fieldtab:iso-string"`, which no Rust type can have)
//! and `class` (the `len` argument) is the charset's place in `Charset::ALL`. The fast reader
//! (`fast.rs`) recognises the name, checks the charset while it scans the string, and answers
//! `visit_borrowed_str` when every byte is in the charset, `visit_borrowed_bytes` when one is
//! not (the visitor then knows the verdict without a second pass). serde_json would read a
//! tuple struct as an array, so the seed makes this call only in the fast mode (the mode bit
//! `FAST`), where the deserializer is always the fast reader; otherwise it reads the value
//! through `deserialize_any`.
//!
//! # Details of the semantics
//!
//! - Array elements have no requirement: a `null` element is a `type` violation, an empty string
//!   element goes through the field's string rules.
//! - A repeated key is a `syntax` violation at the key's path ("the first occurrence is the one
//!   checked"), after the violations of the field it repeats; a repeated unknown key is one too,
//!   with the unknown keys, in input order (whether or not unknown keys are denied).
//! - A string value with escapes is copied once (serde_json hands it over in a scratch buffer).

mod check;
mod collections;
mod elem;
mod fast;
mod key;
mod root;
mod scalar;
mod scan;
mod skip;
mod spare;
mod strings;

use std::cell::Cell;

use serde::de::MapAccess;

use crate::plan::Fact;
use crate::{Path, Report};

pub(crate) use fast::is_one_value;
pub use root::{
    DecodeOptions, MAX_VIOLATIONS, from_json, from_json_with, from_str, validate_json,
    validate_json_with,
};

/// A message or struct that [`from_json`] and [`validate_json`] can decode in one pass.
///
/// Implemented by generated code (`include_schema!`); not meant to be implemented by hand.
pub trait Decode: Sized {
    /// Decodes the members of one JSON object from `map`, appending every violation (paths under
    /// `path`) to `report` in schema order.
    ///
    /// `M` is the decoding mode (bits: build values, fast reading, deny unknown fields). Returns `Ok(Some(value))` when the mode builds values and
    /// the object broke no rule, `Ok(None)` otherwise (when it does not build, the report alone
    /// tells). `Err` only for what the deserializer itself reports (malformed JSON), or, in the
    /// fast mode, to ask for a checked re-run.
    fn decode_object<'de, A, const M: u8>(
        map: A,
        path: &Path<'_>,
        report: &mut Report,
    ) -> Result<Option<Self>, A::Error>
    where
        A: MapAccess<'de>;

    /// [`Decode::decode_object`] for the value of a field that conditions of other objects
    /// read into (`result.resultStatus`): also sets `facts` to what they read here, in the
    /// order code generation numbers them (see the module docs). An object nothing reads into
    /// ignores `facts`.
    #[doc(hidden)]
    #[inline]
    fn decode_exporting<'de, A, const M: u8>(
        map: A,
        path: &Path<'_>,
        report: &mut Report,
        facts: &[Cell<Fact<'static>>],
    ) -> Result<Option<Self>, A::Error>
    where
        A: MapAccess<'de>,
    {
        let _ = facts;
        Self::decode_object::<A, M>(map, path, report)
    }

    /// The walk of the validate-only scanner over one object of this type (see `scan`), which
    /// [`validate_json`] tries before decoding; `None` when there is none.
    #[doc(hidden)]
    const SCAN: Option<__decode::ScanFn> = None;
}

/// The decoding mode: the bits of the `M` const parameter every decoding function takes
/// (one parameter, so that adding a mode changes no signature).
pub(crate) mod mode {
    /// Values are built (`from_json`); without it only violations are collected
    /// (`validate_json`).
    pub(crate) const BUILD: u8 = 1;
    /// ISO strings and keys are read as raw bytes (see the module docs); without it, serde_json's
    /// checked reading, the reference the fast reading falls back to.
    pub(crate) const FAST: u8 = 2;
    /// Unknown fields are violations in every object (the caller's `deny_unknown`).
    pub(crate) const DENY: u8 = 4;

    /// Whether mode `m` builds values.
    #[inline(always)]
    pub const fn build(m: u8) -> bool {
        m & BUILD != 0
    }

    /// Whether mode `m` reads raw bytes.
    #[inline(always)]
    pub const fn fast(m: u8) -> bool {
        m & FAST != 0
    }

    /// Whether mode `m` denies unknown fields everywhere.
    #[inline(always)]
    pub const fn deny(m: u8) -> bool {
        m & DENY != 0
    }
}

/// Not public API: the support types generated decoders name. Changes here are not breaking
/// changes.
#[doc(hidden)]
pub mod __decode {
    pub use super::Decode;
    pub use super::check::Checks;
    pub use super::collections::{ArrayElem, MapElem, ObjectElem};
    pub use super::elem::{
        BoolElem, Elem, EnumElem, FieldSeed, IntElem, ObjElem, Slot, StrElem, export, facts,
    };
    pub use super::key::{Extras, Key, KeySeed};
    pub use super::mode::{build, deny, fast};
    pub use super::root::{deserialize, deserialize_enum};
    pub use super::scalar::{ScalarElem, ScalarSeed, ScalarTarget};
    pub use super::scan::{
        MAX_UNKNOWN, ScanFn, ScanKind, ScanTable, Scanner, Stop, plain_keys, scan_verdict,
    };
    pub use super::skip::Skip;
    pub use super::strings::{StrSeed, StrTarget, StrValue, WireEnum};
    pub use crate::plan::{Fact, FactsWith, check_groups, no_siblings};
    pub use std::cell::Cell;
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_numbers;
