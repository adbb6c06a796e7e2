//! String values: the slot a string field is read into, the seeds that read it, and the typed
//! targets a checked string becomes.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::fast::ISO_STRING;
use super::mode::{build, fast};
use super::skip::{skip_map, skip_seq};
use crate::plan::{EnumRule, Fact, Facts, FieldPlan, Parse, Seen};
use crate::{
    Charset, Currency, Format, GmtOffset, JsonKind, LocalTime, MinorUnits, NumericCurrency, Pan,
    Path, Report, RuleError, Timestamp,
};

/// What was read for a field whose value is a JSON string (ISO codes, `String`, enums): any
/// JSON value, strings borrowed from the input. Checked later, in table order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum StrValue<'de> {
    /// The key did not occur.
    #[default]
    Absent,
    /// The value was `null` (counts as absent).
    Null,
    /// A string, and the verdict of the field's charset when the reader already computed it.
    Str(Cow<'de, str>, Option<bool>),
    /// A number, as written (read by [`ScalarSeed`](super::scalar::ScalarSeed) only: a field that accepts numbers).
    Num(Cow<'de, str>),
    /// `true` or `false` (read by [`ScalarSeed`](super::scalar::ScalarSeed) only).
    Bool(bool),
    /// A value of another JSON kind (already skipped).
    Wrong(JsonKind),
}

impl StrValue<'_> {
    /// Whether the key did not occur (a second occurrence is a duplicate).
    #[inline]
    pub fn is_absent(&self) -> bool {
        matches!(self, StrValue::Absent)
    }

    /// Whether the field holds a value: its key occurred and the value is not `null`
    /// (docs/SEMANTICS.md §4), whatever its kind; what a group counts.
    #[inline]
    pub fn is_present(&self) -> bool {
        !matches!(self, StrValue::Absent | StrValue::Null)
    }

    /// The string, when the value is one.
    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            StrValue::Str(s, _) => Some(s),
            _ => None,
        }
    }

    /// What a condition that reads this field finds (docs/SEMANTICS.md §3): a number or a
    /// Boolean the field accepts is read as its text (`20`, `true`), as the field reads it.
    #[inline]
    pub fn fact(&self) -> Fact<'_> {
        match self {
            StrValue::Absent | StrValue::Null => Fact::Absent,
            StrValue::Str(s, _) | StrValue::Num(s) => Fact::Str(s),
            StrValue::Bool(true) => Fact::Str("true"),
            StrValue::Bool(false) => Fact::Str("false"),
            StrValue::Wrong(_) => Fact::Other,
        }
    }

    /// The value as the field's plan sees it.
    #[inline(always)]
    fn seen(&self) -> Seen<'_> {
        self.seen_as(JsonKind::String)
    }

    /// The value as the plan of a field whose type wants `expected` sees it.
    #[inline(always)]
    pub(crate) fn seen_as(&self, expected: JsonKind) -> Seen<'_> {
        match self {
            StrValue::Absent => Seen::Absent,
            StrValue::Null => Seen::Null,
            StrValue::Str(s, known) => Seen::Str(s, *known),
            StrValue::Num(s) => Seen::Num(s),
            StrValue::Bool(b) => Seen::Bool(*b),
            StrValue::Wrong(found) => Seen::Wrong {
                expected,
                found: *found,
            },
        }
    }

    /// Checks the value of a string field against its `plan` ([`FieldPlan::check`]; the format
    /// through `T`'s parser when `T` is a typed value); `facts` gives what the conditions
    /// read.
    ///
    /// Returns `None` when a rule failed; `Some(None)` for an absent optional value, or for any
    /// valid value when not `BUILD`; `Some(Some(value))` otherwise.
    #[inline]
    pub fn finish<'s, T: StrTarget, const M: u8>(
        &self,
        plan: &'static FieldPlan<'static>,
        facts: &impl Facts<'s>,
        path: &Path<'_>,
        report: &mut Report,
    ) -> Option<Option<T>> {
        let mut target = Target::<T>(None);
        if !plan.check_deferring(self.seen(), &mut target, facts, path, report) {
            return None;
        }
        Some(match self {
            StrValue::Str(s, _) | StrValue::Num(s) if build(M) => T::from_valid(s, target.0),
            StrValue::Bool(b) if build(M) => {
                T::from_valid(if *b { "true" } else { "false" }, target.0)
            }
            _ => None,
        })
    }

    /// Checks the value of an enum field against its `plan`, the `enum` rule through `E`'s
    /// variants when values are built.
    #[inline]
    pub fn finish_enum<'s, E: WireEnum, const M: u8>(
        &self,
        plan: &'static FieldPlan<'static>,
        facts: &impl Facts<'s>,
        path: &Path<'_>,
        report: &mut Report,
    ) -> Option<Option<E>> {
        let mut variant = Variant::<E, M>(None);
        if plan.check_deferring(self.seen(), &mut variant, facts, path, report) {
            Some(variant.0)
        } else {
            None
        }
    }
}

/// The decoder's format step for a field read as `T`: a typed value is parsed by the format's
/// own rule, and kept.
pub(crate) struct Target<T>(pub(crate) Option<T>);

impl<T: StrTarget> Parse for Target<T> {
    #[inline]
    fn format(&mut self, format: &Format, value: &str) -> Result<(), RuleError> {
        self.0 = T::check_format(value, format)?;
        Ok(())
    }
}

/// The decoder's enum step: when values are built, the variant of the wire value (kept);
/// otherwise the enum rule on the text.
pub(crate) struct Variant<E, const M: u8>(pub(crate) Option<E>);

impl<E: WireEnum, const M: u8> Parse for Variant<E, M> {
    #[inline]
    fn variant(&mut self, rule: &EnumRule<'_>, value: &str) -> bool {
        if build(M) {
            self.0 = E::from_wire(value);
            self.0.is_some()
        } else {
            rule.accepts(value)
        }
    }
}

/// The error that makes a fast (raw bytes) decode start again in checked mode. It never
/// reaches a user: the entry points catch it.
#[cold]
#[inline(never)]
pub(crate) fn retry<E: de::Error>() -> E {
    E::custom("fieldtab: input needs the checked reading")
}

/// `bytes` as a `&str`, if serde_json's checked reading would have accepted the JSON string they
/// came from with this content: valid UTF-8 without control characters. (Raw reading lets
/// control characters and lone surrogates through; checked reading rejects them.)
#[cold]
#[inline(never)]
pub(crate) fn checked_str(bytes: &[u8]) -> Option<&str> {
    if bytes.iter().any(|&b| b < 0x20) {
        return None;
    }
    std::str::from_utf8(bytes).ok()
}

/// The Rust type a checked JSON string becomes: `String`, or a runtime type whose parser is the
/// format rule (`LocalTime`, `GmtOffset`, `Timestamp`, `Currency`, `NumericCurrency`,
/// `MinorUnits`, `Pan`).
pub trait StrTarget: Sized {
    /// The format rule on `s` (which passed its charset): for a typed value, its parser, which
    /// gives the value.
    fn check_format(s: &str, format: &Format) -> Result<Option<Self>, RuleError>;

    /// The value of a string that broke no rule: a `String`, or the typed value `parsed` by
    /// [`StrTarget::check_format`].
    fn from_valid(s: &str, parsed: Option<Self>) -> Option<Self>;
}

impl StrTarget for String {
    #[inline]
    fn check_format(s: &str, format: &Format) -> Result<Option<String>, RuleError> {
        format.check(s).map(|()| None)
    }

    #[inline]
    fn from_valid(s: &str, _: Option<String>) -> Option<String> {
        Some(s.to_owned())
    }
}

macro_rules! typed_target {
    ($($ty:ty => $parse:expr),* $(,)?) => {$(
        impl StrTarget for $ty {
            #[inline]
            fn check_format(s: &str, _: &Format) -> Result<Option<$ty>, RuleError> {
                let parse: fn(&[u8]) -> Result<$ty, RuleError> = $parse;
                parse(s.as_bytes()).map(Some)
            }

            #[inline]
            fn from_valid(_: &str, parsed: Option<$ty>) -> Option<$ty> {
                parsed
            }
        }
    )*};
}

typed_target! {
    LocalTime => LocalTime::parse,
    GmtOffset => GmtOffset::parse,
    Timestamp => Timestamp::parse,
    Currency => Currency::parse_alpha,
    NumericCurrency => |b| Currency::parse_numeric(b).map(Currency::to_numeric),
    MinorUnits => MinorUnits::parse,
}

impl StrTarget for Pan {
    #[inline]
    fn check_format(s: &str, format: &Format) -> Result<Option<Pan>, RuleError> {
        // `Format::Pan`'s own rule; a `Pan` field's format is `PAN` or `PAN luhn`.
        let luhn = *format == Format::Pan { luhn: true };
        Pan::parse_format(s.as_bytes(), luhn).map(Some)
    }

    #[inline]
    fn from_valid(_: &str, parsed: Option<Pan>) -> Option<Pan> {
        parsed
    }
}

/// A generated enum's wire values.
pub trait WireEnum: Sized {
    /// The enum rule: the values in table order (the `enum` violation lists them), and whether
    /// the enum is open.
    const RULE: EnumRule<'static>;

    /// The variant of a wire value; `None` when [`WireEnum::RULE`] does not accept it (an open
    /// enum keeps any value).
    fn from_wire(value: &str) -> Option<Self>;
}

/// Reads the value of a string field into a [`StrValue`]. With `FAST` and a charset, the string
/// is read as raw bytes and checked against the charset at once (see the module docs).
#[derive(Clone, Copy, Debug)]
pub struct StrSeed<const M: u8> {
    /// The field's charset (ISO 8583 codes), `None` for `String` and enums.
    pub charset: Option<Charset>,
}

impl<'de, const M: u8> DeserializeSeed<'de> for StrSeed<M> {
    type Value = StrValue<'de>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<StrValue<'de>, D::Error> {
        match self.charset {
            // The fast mode reads only through the fast reader (`FastDe`), which checks the
            // charset while it scans (see `ISO_STRING`).
            Some(charset) if fast(M) => deserializer.deserialize_tuple_struct(
                ISO_STRING,
                charset as usize,
                RawStr { charset },
            ),
            _ => deserializer.deserialize_any(AnyStr),
        }
    }
}

/// Reads any JSON value, keeping a string (checked reading).
struct AnyStr;

macro_rules! wrong_kinds {
    () => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<StrValue<'de>, E> {
            Ok(StrValue::Wrong(JsonKind::Bool))
        }

        fn visit_i64<E: de::Error>(self, _: i64) -> Result<StrValue<'de>, E> {
            Ok(StrValue::Wrong(JsonKind::Number))
        }

        fn visit_u64<E: de::Error>(self, _: u64) -> Result<StrValue<'de>, E> {
            Ok(StrValue::Wrong(JsonKind::Number))
        }

        fn visit_i128<E: de::Error>(self, _: i128) -> Result<StrValue<'de>, E> {
            Ok(StrValue::Wrong(JsonKind::Number))
        }

        fn visit_u128<E: de::Error>(self, _: u128) -> Result<StrValue<'de>, E> {
            Ok(StrValue::Wrong(JsonKind::Number))
        }

        fn visit_f64<E: de::Error>(self, _: f64) -> Result<StrValue<'de>, E> {
            Ok(StrValue::Wrong(JsonKind::Number))
        }

        fn visit_unit<E: de::Error>(self) -> Result<StrValue<'de>, E> {
            Ok(StrValue::Null)
        }

        fn visit_none<E: de::Error>(self) -> Result<StrValue<'de>, E> {
            Ok(StrValue::Null)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<StrValue<'de>, A::Error> {
            skip_seq(&mut seq)?;
            Ok(StrValue::Wrong(JsonKind::Array))
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<StrValue<'de>, A::Error> {
            skip_map(&mut map)?;
            Ok(StrValue::Wrong(JsonKind::Object))
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<StrValue<'de>, E> {
            Ok(StrValue::Str(Cow::Owned(v.to_owned()), None))
        }

        fn visit_string<E: de::Error>(self, v: String) -> Result<StrValue<'de>, E> {
            Ok(StrValue::Str(Cow::Owned(v), None))
        }
    };
}

impl<'de> Visitor<'de> for AnyStr {
    type Value = StrValue<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON string")
    }

    wrong_kinds!();

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<StrValue<'de>, E> {
        Ok(StrValue::Str(Cow::Borrowed(v), None))
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<StrValue<'de>, D::Error> {
        deserializer.deserialize_any(AnyStr)
    }

    fn visit_borrowed_bytes<E: de::Error>(self, v: &'de [u8]) -> Result<StrValue<'de>, E> {
        match std::str::from_utf8(v) {
            Ok(s) => Ok(StrValue::Str(Cow::Borrowed(s), None)),
            Err(_) => Err(E::custom("a string is not valid UTF-8")),
        }
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<StrValue<'de>, E> {
        match std::str::from_utf8(v) {
            Ok(s) => Ok(StrValue::Str(Cow::Owned(s.to_owned()), None)),
            Err(_) => Err(E::custom("a string is not valid UTF-8")),
        }
    }
}

/// Reads a JSON string of an ISO 8583 field as raw bytes (fast reading): `null` through
/// `deserialize_option`, then `deserialize_bytes`.
struct RawStr {
    charset: Charset,
}

impl<'de> Visitor<'de> for RawStr {
    type Value = StrValue<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON string")
    }

    wrong_kinds!();

    /// From the fast reader's `ISO_STRING`: a string whose every byte is in the charset.
    #[inline]
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<StrValue<'de>, E> {
        debug_assert!(self.charset.matches(v.as_bytes()));
        Ok(StrValue::Str(Cow::Borrowed(v), Some(true)))
    }

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<StrValue<'de>, D::Error> {
        deserializer.deserialize_bytes(self)
    }

    #[inline]
    fn visit_borrowed_bytes<E: de::Error>(self, v: &'de [u8]) -> Result<StrValue<'de>, E> {
        if self.charset.matches(v) {
            debug_assert!(v.is_ascii());
            // SAFETY: every ISO 8583 charset is a subset of printable ASCII (`Charset`'s
            // documented invariant: its class table has no bit set for any byte >= 0x80), so
            // bytes that match one are ASCII, hence valid UTF-8.
            let s = unsafe { std::str::from_utf8_unchecked(v) };
            return Ok(StrValue::Str(Cow::Borrowed(s), Some(true)));
        }
        // Borrowed bytes held no escape: they are the string's own content, which checked
        // reading would accept exactly when it is valid UTF-8 without control characters.
        match checked_str(v) {
            Some(s) => Ok(StrValue::Str(Cow::Borrowed(s), Some(false))),
            None => Err(retry()),
        }
    }

    #[inline]
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<StrValue<'de>, E> {
        if self.charset.matches(v) {
            debug_assert!(v.is_ascii());
            // SAFETY: as in `visit_borrowed_bytes`: matching bytes are ASCII.
            let s = unsafe { std::str::from_utf8_unchecked(v) };
            return Ok(StrValue::Str(Cow::Owned(s.to_owned()), Some(true)));
        }
        // Unescaped content cannot tell an escaped control character from a raw one: let the
        // checked reading decide.
        Err(retry())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The value read by the fast reader or by serde_json's checked one; `None` when it fails
    /// (the fast reader hands such input to the checked one).
    fn read(json: &str, fast: bool) -> Option<StrValue<'_>> {
        let charset = Some(Charset::An);
        if fast {
            let mut de = super::super::fast::FastDe::new(json.as_bytes());
            StrSeed::<{ super::super::mode::FAST }> { charset }
                .deserialize(&mut de)
                .ok()
        } else {
            let mut de = serde_json::Deserializer::from_str(json);
            StrSeed::<0> { charset }.deserialize(&mut de).ok()
        }
    }

    #[test]
    fn reads_every_kind() {
        for fast in [false, true] {
            assert_eq!(read("null", fast), Some(StrValue::Null));
            let s = read(r#""41""#, fast);
            assert_eq!(s.as_ref().and_then(StrValue::as_str), Some("41"));
            assert_eq!(read("[1,{}]", fast), Some(StrValue::Wrong(JsonKind::Array)));
        }
        assert_eq!(read("12", false), Some(StrValue::Wrong(JsonKind::Number)));
        assert_eq!(read("{}", false), Some(StrValue::Wrong(JsonKind::Object)));
        assert_eq!(read("true", false), Some(StrValue::Wrong(JsonKind::Bool)));
        for fast in [false, true] {
            assert_eq!(read("12", fast), Some(StrValue::Wrong(JsonKind::Number)));
            assert_eq!(
                read("{\"a\":[1]}", fast),
                Some(StrValue::Wrong(JsonKind::Object))
            );
            assert_eq!(read("true", fast), Some(StrValue::Wrong(JsonKind::Bool)));
        }
        assert_eq!(read("1.5", true), Some(StrValue::Wrong(JsonKind::Number)));
        assert_eq!(read("1e400", true), Some(StrValue::Wrong(JsonKind::Number)));
        // The fast reading hands what it cannot judge to the checked one.
        assert!(read("\"a\u{1}\"", true).is_none());
        // An escaped control character is a string (its charset judges it), in both readings.
        assert_eq!(read(r#""a\u0001""#, true), read(r#""a\u0001""#, false));
    }

    #[test]
    fn fast_reading_knows_the_charset() {
        assert_eq!(
            read(r#""a-b""#, true),
            Some(StrValue::Str(Cow::Borrowed("a-b"), Some(false)))
        );
        assert_eq!(
            read(r#""ab""#, true),
            Some(StrValue::Str(Cow::Borrowed("ab"), Some(true)))
        );
        assert_eq!(
            read("\"é\"", true),
            Some(StrValue::Str(Cow::Borrowed("é"), Some(false)))
        );
        // With an escape: unescaped, the charset left to the field's check, in both readings.
        for fast in [true, false] {
            assert_eq!(
                read(r#""\u0041b""#, fast),
                Some(StrValue::Str(Cow::Owned("Ab".into()), None))
            );
        }
    }
}
