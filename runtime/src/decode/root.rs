//! The entry points: bytes in, a value or a report out.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::Decode;
use super::fast::FastDe;
use super::mode::{BUILD, DENY, FAST, fast};
use super::scan::proves_valid;
use super::skip::skip_seq;
use super::strings::WireEnum;
use crate::{JsonKind, Path, Report, RuleError};

/// Decodes one JSON message of type `T`, checking every rule of its schema on the way.
///
/// One pass over the input (see [`Decode`] for how); on failure the [`Report`] holds **every**
/// violation, in schema field order, each with its JSON Pointer path. Malformed JSON is exactly
/// one `syntax` violation at `""`; a document that is JSON but not an object (`[]`, `"x"`,
/// `null`) is exactly one `type` violation at `""` (docs/SEMANTICS.md §7). Unknown
/// fields are ignored unless the schema denies them (see [`from_json_with`]). Never panics,
/// whatever the input.
///
/// ```ignore
/// fieldtab::include_schema!("schemas/upi/enrollment_registration.md");
///
/// let request: EnrollmentRegistrationRequest = fieldtab::from_json(bytes)?;
/// ```
pub fn from_json<T: Decode>(bytes: &[u8]) -> Result<T, Report> {
    // Not through `from_json_with`: that would compile the denying decoder too.
    let (value, report) = decode::<T, { BUILD | FAST }, BUILD>(bytes, MAX_VIOLATIONS);
    if !report.is_empty() {
        return Err(report);
    }
    value.ok_or_else(internal)
}

/// [`from_json`] on a `&str`.
pub fn from_str<T: Decode>(text: &str) -> Result<T, Report> {
    from_json(text.as_bytes())
}

/// Checks one JSON message of type `T` without building it: the same verdict and the same
/// report as [`from_json`], faster (no value, no `String` allocated).
pub fn validate_json<T: Decode>(bytes: &[u8]) -> Result<(), Report> {
    // The scanner proves most valid messages without serde's protocol; what it cannot prove,
    // the decoder judges (and reports).
    if proves_valid::<T>(bytes, false) {
        return Ok(());
    }
    decode::<T, FAST, 0>(bytes, MAX_VIOLATIONS).1.into_result()
}

/// The violations a report keeps unless [`DecodeOptions::max_violations`] says otherwise.
pub const MAX_VIOLATIONS: usize = 100;

/// What a caller can ask of [`from_json_with`] and [`validate_json_with`].
///
/// ```
/// use fieldtab_runtime::DecodeOptions;
///
/// let options = DecodeOptions { deny_unknown: true, ..DecodeOptions::default() };
/// assert!(!DecodeOptions::default().deny_unknown);
/// assert_eq!(DecodeOptions::default().max_violations, fieldtab_runtime::MAX_VIOLATIONS);
/// # let _ = options;
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DecodeOptions {
    /// Every field the schema does not name is an `unknown_field` violation, in every object
    /// (as if every item of the schema denied them).
    pub deny_unknown: bool,
    /// The report keeps at most this many violations (at least one; default
    /// [`MAX_VIOLATIONS`], 100), the first in the order of docs/SEMANTICS.md §6.1, and counts
    /// the others ([`Report::more`]): a report sent back to a client stays small, and a hostile
    /// message of a million violations costs no more memory than one of a hundred.
    pub max_violations: usize,
}

impl Default for DecodeOptions {
    fn default() -> DecodeOptions {
        DecodeOptions {
            deny_unknown: false,
            max_violations: MAX_VIOLATIONS,
        }
    }
}

/// [`from_json`] with options.
pub fn from_json_with<T: Decode>(bytes: &[u8], options: DecodeOptions) -> Result<T, Report> {
    let limit = options.max_violations;
    let (value, report) = if options.deny_unknown {
        decode::<T, { BUILD | FAST | DENY }, { BUILD | DENY }>(bytes, limit)
    } else {
        decode::<T, { BUILD | FAST }, BUILD>(bytes, limit)
    };
    if !report.is_empty() {
        return Err(report);
    }
    value.ok_or_else(internal)
}

/// [`validate_json`] with options.
pub fn validate_json_with<T: Decode>(bytes: &[u8], options: DecodeOptions) -> Result<(), Report> {
    if proves_valid::<T>(bytes, options.deny_unknown) {
        return Ok(());
    }
    let limit = options.max_violations;
    let (_, report) = if options.deny_unknown {
        decode::<T, { FAST | DENY }, DENY>(bytes, limit)
    } else {
        decode::<T, FAST, 0>(bytes, limit)
    };
    report.into_result()
}

/// A fast run (mode `M`), and when it asks for it, the checked run (mode `C`, the same without
/// `FAST`).
#[inline]
fn decode<T: Decode, const M: u8, const C: u8>(bytes: &[u8], limit: usize) -> (Option<T>, Report) {
    match run_limited::<T, M>(bytes, limit) {
        Some(done) => done,
        None => checked::<T, C>(bytes, limit),
    }
}

/// The checked run, which never asks to be re-run.
#[cold]
#[inline(never)]
fn checked<T: Decode, const C: u8>(bytes: &[u8], limit: usize) -> (Option<T>, Report) {
    run_limited::<T, C>(bytes, limit).unwrap_or_else(|| (None, syntax_report("malformed JSON")))
}

/// One run over `bytes`, every violation kept (for the tests).
#[cfg(test)]
pub(crate) fn run<T: Decode, const M: u8>(bytes: &[u8]) -> Option<(Option<T>, Report)> {
    run_limited::<T, M>(bytes, usize::MAX)
}

/// One run over `bytes`, keeping at most `limit` violations. `None` (only in the fast mode)
/// when the input needs the checked reading.
#[inline]
fn run_limited<T: Decode, const M: u8>(bytes: &[u8], limit: usize) -> Option<(Option<T>, Report)> {
    Report::with_nested_limit(limit, || run_in::<T, M>(bytes, limit))
}

/// [`run_limited`], with the nested reports' limit set.
#[inline]
fn run_in<T: Decode, const M: u8>(bytes: &[u8], limit: usize) -> Option<(Option<T>, Report)> {
    let mut report = Report::with_limit(limit);
    let seed = RootSeed::<T, M> {
        report: &mut report,
        target: PhantomData,
    };
    if fast(M) {
        let mut de = FastDe::new(bytes);
        return match seed.deserialize(&mut de) {
            Ok(Root::Object(value)) if de.at_end() => Some((value, report)),
            Ok(Root::Other(kind)) if de.at_end() => Some((None, not_an_object(kind))),
            _ => None,
        };
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let result = seed
        .deserialize(&mut de)
        .and_then(|root| de.end().map(|()| root));
    match result {
        Ok(Root::Object(value)) => Some((value, report)),
        Ok(Root::Other(kind)) => Some((None, not_an_object(kind))),
        Err(error) => Some((None, syntax_report(canonical(bytes, error)))),
    }
}

/// The `syntax` message of input the checked reading failed on: what [`crate::json::syntax`] finds
/// wrong with the whole input, the words the dynamic validator uses for the same bytes,
/// whatever part of the decoder met the fault first.
#[cold]
fn canonical(bytes: &[u8], error: serde_json::Error) -> String {
    match crate::json::syntax::check_document(bytes) {
        Err(fault) => format!("malformed JSON: {fault}"),
        // Only if serde_json refused what the syntax accepts: its own words then.
        Ok(()) => format!("malformed JSON: {error}"),
    }
}

/// The generated `Deserialize` impl of a message or struct: decodes as [`from_json`] does
/// (checked reading), and fails with the report's text (one violation a line) when a rule is
/// broken.
pub fn deserialize<'de, T: Decode, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    let mut report = Report::new();
    let root = RootSeed::<T, BUILD> {
        report: &mut report,
        target: PhantomData,
    }
    .deserialize(deserializer)?;
    match root {
        Root::Object(value) => {
            if !report.is_empty() {
                return Err(de::Error::custom(report));
            }
            value.ok_or_else(|| de::Error::custom(internal()))
        }
        Root::Other(kind) => Err(de::Error::custom(not_an_object(kind))),
    }
}

/// The generated `Deserialize` impl of an enum: a JSON string that is one of its values (any
/// string for an open enum).
pub fn deserialize_enum<'de, E: WireEnum, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<E, D::Error> {
    deserializer.deserialize_str(EnumVisitor(PhantomData))
}

struct EnumVisitor<E>(PhantomData<fn() -> E>);

impl<E: WireEnum> Visitor<'_> for EnumVisitor<E> {
    type Value = E;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON string")
    }

    fn visit_str<Er: de::Error>(self, v: &str) -> Result<E, Er> {
        E::from_wire(v).ok_or_else(|| Er::custom(RuleError::not_in_enum(E::RULE.values)))
    }
}

#[cold]
fn syntax_report(message: impl Into<std::borrow::Cow<'static, str>>) -> Report {
    let mut report = Report::new();
    report.push(&Path::root(), RuleError::syntax(message));
    report
}

/// The document is JSON of another kind than an object: a `type` violation at `""`, as for any
/// value of the wrong kind (docs/SEMANTICS.md §7.1); `syntax` is only for bytes that are not JSON.
#[cold]
fn not_an_object(kind: JsonKind) -> Report {
    let mut report = Report::new();
    report.push(&Path::root(), RuleError::wrong_type(JsonKind::Object, kind));
    report
}

/// A decoder that returned no value and no violation: a bug of ours, reported, never a panic.
#[cold]
fn internal() -> Report {
    syntax_report("internal error: the decoder built no value and reported no violation")
}

/// What the top level held.
enum Root<T> {
    Object(Option<T>),
    Other(JsonKind),
}

struct RootSeed<'r, T, const M: u8> {
    report: &'r mut Report,
    target: PhantomData<fn() -> T>,
}

impl<'de, T: Decode, const M: u8> DeserializeSeed<'de> for RootSeed<'_, T, M> {
    type Value = Root<T>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Root<T>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, T: Decode, const M: u8> Visitor<'de> for RootSeed<'_, T, M> {
    type Value = Root<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Root<T>, A::Error> {
        let value = T::decode_object::<A, M>(map, &Path::root(), self.report)?;
        // Nothing is above the document: what waits for it is decided now (a struct with
        // `super.` conditions decoded as the document).
        self.report.settle();
        Ok(Root::Object(value))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Root<T>, E> {
        Ok(Root::Other(JsonKind::Bool))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Root<T>, E> {
        Ok(Root::Other(JsonKind::Number))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Root<T>, E> {
        Ok(Root::Other(JsonKind::Number))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Root<T>, E> {
        Ok(Root::Other(JsonKind::Number))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Root<T>, E> {
        Ok(Root::Other(JsonKind::String))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Root<T>, E> {
        Ok(Root::Other(JsonKind::Null))
    }

    fn visit_none<E: de::Error>(self) -> Result<Root<T>, E> {
        Ok(Root::Other(JsonKind::Null))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Root<T>, A::Error> {
        skip_seq(&mut seq)?;
        Ok(Root::Other(JsonKind::Array))
    }
}
