//! The validate-only scanner: a proof that a message is valid, read straight off the bytes,
//! without serde's protocol.
//!
//! [`validate_json`](super::validate_json) asks the scanner first. Generated code gives each
//! message and struct a [`ScanTable`] (its rules table, what each field's JSON value is, its
//! groups) and a [`ScanFn`] that walks one of its objects with it
//! ([`Decode::SCAN`](super::Decode::SCAN)). The walk matches keys as bytes (the next field of
//! the table first: messages are mostly written in table order), checks a string field's
//! charset in the scan that finds the string's end ([`FastDe::iso_string`]), walks nested
//! objects and arrays without building anything, and then checks each field with the one check
//! of a field ([`FieldPlan::check`]) over what it saw, and the groups ([`check_groups`]). A
//! plain string field (its charset checked in the scan; at most a length, a fixed value, a
//! format, an enum besides) is proven first by an inline shortcut of that check
//! (`FieldPlan::surely_passes_str`), which leaves any failure to it.
//!
//! The scanner only proves: on the first rule that fails, and on anything it does not judge
//! itself — a key with an escape or outside ASCII, a repeated key, more than
//! [`MAX_UNKNOWN`] unknown keys, input the fast reader gives up on (serde_json would call it
//! malformed, or too deep), a condition that reads a fact of another object, a field of a kind
//! it has no table for (a map, a free-form object) — it stops ([`Stop`]), and
//! `validate_json` runs the decoder, which finds the violations and their order. So the verdict
//! and the report are the decoder's whenever the scanner does not prove; when it proves, the
//! decoder would have found nothing (the differential tests in `tests/agreement/scanner.rs`
//! check it on mutated messages).

mod object;
#[cfg(test)]
mod tests;

use super::Decode;
use super::fast::FastDe;
use crate::plan::{FieldPlan, GroupRule};
use crate::{Path, Report};

/// How many distinct unknown keys an object may have for the scanner to judge it; past them it
/// stops (their duplicates are checked pairwise).
pub const MAX_UNKNOWN: usize = 16;

/// The walk of one object of a generated struct: [`Scanner::object`] with its table.
pub type ScanFn = for<'s, 'de> fn(&'s mut Scanner<'de>) -> Result<(), Stop>;

/// What the scanner knows of a message or struct: generated beside its rules table.
#[derive(Clone, Copy, Debug)]
pub struct ScanTable {
    /// The rules table: one plan a field, in table order.
    pub fields: &'static [FieldPlan<'static>],
    /// What each field's JSON value is, in the same order.
    pub kinds: &'static [ScanKind],
    /// The groups of the object.
    pub groups: &'static [GroupRule<'static>],
    /// Whether the item denies unknown fields.
    pub deny_unknown: bool,
    /// Whether every key of `fields` is plain ([`plain_keys`]): then the walk may match the
    /// key it expects next in place, byte for byte.
    pub plain_keys: bool,
}

/// Whether every field's key is plain JSON string content: printable ASCII without `"` or
/// `\\`, so that the bytes between a key's quotes equal the key exactly when they are the same
/// bytes. (Schema identifiers always are; the table says so rather than the walk assuming it.)
/// Evaluated when the table is built, at compile time.
pub const fn plain_keys(fields: &[FieldPlan<'_>]) -> bool {
    let mut f = 0;
    while f < fields.len() {
        let key = fields[f].ident.as_bytes();
        let mut i = 0;
        while i < key.len() {
            if !matches!(key[i], 0x20..=0x7E) || key[i] == b'"' || key[i] == b'\\' {
                return false;
            }
            i += 1;
        }
        f += 1;
    }
    true
}

/// What a field's (or an array element's) JSON value is, for the scanner.
#[derive(Clone, Copy, Debug)]
pub enum ScanKind {
    /// A string: an ISO code, a `String` (typed or not), an enum's value; a number or a
    /// Boolean only where the field accepts it.
    Str,
    /// An `Integer` (a string only where it accepts strings).
    Integer,
    /// A `Number` (a string only where it accepts strings).
    Number,
    /// A `Boolean` (a string only where it accepts strings).
    Boolean,
    /// An object of a struct, walked by its function.
    Object(ScanFn),
    /// An array of elements of this kind.
    Array(&'static ScanKind),
    /// A value the scanner does not judge (a map, a free-form object, a struct without a
    /// table): present, the scanner stops.
    Unsupported,
}

impl ScanKind {
    /// The kind of an object whose type has the walk `scan` (`Decode::SCAN`), or
    /// [`ScanKind::Unsupported`] when it has none.
    pub const fn object(scan: Option<ScanFn>) -> ScanKind {
        match scan {
            Some(scan) => ScanKind::Object(scan),
            None => ScanKind::Unsupported,
        }
    }
}

/// The scanner cannot prove the message valid: a rule fails, or it does not judge the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stop;

impl From<super::fast::Bail> for Stop {
    #[inline(always)]
    fn from(_: super::fast::Bail) -> Stop {
        Stop
    }
}

/// The state of one scan: the reader, the unescaped strings of the objects being checked, and
/// what the checks need.
pub struct Scanner<'de> {
    de: FastDe<'de>,
    /// The unescaped text of the string values with an escape, of every object not yet
    /// checked (values refer to ranges of it).
    arena: String,
    /// Unknown fields are denied everywhere (`DecodeOptions::deny_unknown`).
    deny_unknown: bool,
    /// Where the checks put violations: any violation stops the scan, so it stays empty.
    report: Report,
}

impl std::fmt::Debug for Scanner<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The input is a message: its text never goes to a Debug output.
        f.debug_struct("Scanner").finish_non_exhaustive()
    }
}

/// Whether the scanner proves `bytes` a valid message of type `T` (`deny_unknown` as
/// `DecodeOptions::deny_unknown`); `false` when it cannot tell, or `T` has no scanner.
#[inline]
pub(crate) fn proves_valid<T: Decode>(bytes: &[u8], deny_unknown: bool) -> bool {
    let Some(scan) = T::SCAN else {
        return false;
    };
    let mut scanner = Scanner {
        de: FastDe::new(bytes),
        arena: String::new(),
        deny_unknown,
        report: Report::new(),
    };
    let proved = scanner.document(scan).is_ok();
    // The buffers go back to the thread's spare for the next scan (`spare.rs`).
    if scanner.arena.capacity() != 0 {
        super::spare::keep_text(std::mem::take(&mut scanner.arena));
    }
    scanner.de.give_back();
    proved
}

/// Whether the scanner proves `bytes` valid as `T` (tests compare it with the decoder's
/// verdict).
#[doc(hidden)]
pub fn scan_verdict<T: Decode>(bytes: &[u8], deny_unknown: bool) -> bool {
    proves_valid::<T>(bytes, deny_unknown)
}

impl Scanner<'_> {
    /// The whole document: one object, walked by `scan`, then only whitespace.
    fn document(&mut self, scan: ScanFn) -> Result<(), Stop> {
        if self.de.next_token()? != b'{' {
            return Err(Stop);
        }
        scan(self)?;
        if self.de.at_end() && self.report.is_empty() {
            Ok(())
        } else {
            Err(Stop)
        }
    }

    /// The path the checks report at: never rendered, since a violation stops the scan.
    #[inline(always)]
    fn path() -> Path<'static> {
        Path::root()
    }
}
