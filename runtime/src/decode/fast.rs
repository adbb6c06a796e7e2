//! The fast reader: a small `serde::Deserializer` over the input bytes for the common case.
//!
//! It reads all of JSON: strings (a string with an escape unescaped into a scratch buffer),
//! numbers of any length and exponent, `true`, `false`, `null`, objects and arrays less than
//! [`MAX_DEPTH`] deep (serde_json's limit). On what serde_json would refuse (a control
//! character, a lone surrogate, invalid UTF-8, malformed or too deep input) it gives up with
//! [`Bail`], and the entry points run serde_json's checked reading instead, which says what is
//! malformed. So the fast reader only has to be right where it succeeds: there it accepts what
//! serde_json accepts, and hands the visitors the same values (strings borrowed, or as
//! `visit_str` of a scratch buffer when they hold an escape, as serde_json does; the strings of
//! `deserialize_bytes` as raw bytes, which serde_json's `deserialize_bytes` does too) — except
//! numbers beyond `f64`, which serde_json calls malformed and a field calls the wrong type or
//! out of range (docs/SEMANTICS.md §2.8): so valid JSON never needs the checked reading, and a
//! `1e400` anywhere is judged at its field.

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use std::fmt;

use super::skip::Skip;
use crate::Charset;
use crate::swar::{HIGH, ONES};

mod iso;

pub(crate) use iso::IsoStr;

/// The name under which [`StrSeed`](super::strings::StrSeed) asks the fast reader, through
/// `deserialize_tuple_struct`, for the string of an ISO 8583 field: `len` is the charset's
/// place in [`Charset::ALL`]. The reader then checks the charset while it scans, and hands the string over
/// as `visit_borrowed_str` when every byte is in the charset (so the visitor knows), as
/// `visit_borrowed_bytes` otherwise; `null` as `visit_none`.
pub(crate) const ISO_STRING: &str = "\0fieldtab:iso-string";

/// The name under which [`ScalarSeed`](super::scalar::ScalarSeed) asks the fast reader,
/// through `deserialize_tuple_struct`, for a value that may be a number: a number is handed
/// over as its text (`visit_borrowed_bytes`, which nothing else of this request uses), any
/// other value as `deserialize_any` gives it. Numbers of any length and exponent: the text is
/// all the field reads.
pub(crate) const NUMBER_TEXT: &str = "\0fieldtab:number-text";

/// The name under which a free-form object's decoder (`collections.rs`) asks the fast reader,
/// through `deserialize_tuple_struct`, for the raw text of a value: the reader skips the value
/// (as strictly as [`Skip`] does anywhere) and hands its text over as `visit_borrowed_str`.
/// serde_json has no such call; it is asked for its `RawValue` instead.
pub(crate) const RAW_JSON: &str = "\0fieldtab:raw-json";

/// The bytes of a string from `raw_string`, checked as UTF-8 (`ascii`: all below 0x80).
#[inline(always)]
pub(crate) fn utf8(bytes: &[u8], ascii: bool) -> Result<&str, Bail> {
    if ascii {
        // SAFETY: every byte is below 0x80 (checked by `raw_string`): ASCII is UTF-8.
        Ok(unsafe { std::str::from_utf8_unchecked(bytes) })
    } else {
        std::str::from_utf8(bytes).map_err(|_| Bail)
    }
}

/// The 4 hex digits of a `\u` escape at `at`.
#[inline]
fn hex4(input: &[u8], at: usize) -> Result<u32, Bail> {
    let digits = input.get(at..at + 4).ok_or(Bail)?;
    let mut value = 0;
    for &d in digits {
        let digit = match d {
            b'0'..=b'9' => d - b'0',
            b'a'..=b'f' => d - b'a' + 10,
            b'A'..=b'F' => d - b'A' + 10,
            _ => return Err(Bail),
        };
        value = value * 16 + u32::from(digit);
    }
    Ok(value)
}

/// Whether `text` is one JSON value with only whitespace around it, as far as the fast reader
/// can tell: `true` only where serde_json accepts `text` as well (see the module comment; a
/// number beyond `f64` is accepted, as serde_json accepts it when it skips a value as
/// `IgnoredAny`); `false` where the reader gives up, which says nothing. The value is skipped
/// with [`Skip`], as an unknown member's value is: one grammar for both. A string with an
/// escape is given up on too: unescaping it would allocate, where serde_json's skipping does
/// not (no rule allocates on a valid value: tests/no_alloc.rs).
pub(crate) fn is_one_value(text: &[u8]) -> bool {
    let mut de = FastDe::new(text);
    de.unescape = false;
    DeserializeSeed::deserialize(Skip, &mut de).is_ok() && de.at_end()
}

/// The depth at which the fast reader gives up: serde_json's own limit (it refuses the 128th
/// level), so that only input serde_json calls too deep goes to the checked reading.
pub(crate) const MAX_DEPTH: u32 = 128;

/// The fast reader gave up: run the checked reading.
#[derive(Debug)]
pub(crate) struct Bail;

impl fmt::Display for Bail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the fast reader gave up")
    }
}

impl std::error::Error for Bail {}

impl de::Error for Bail {
    #[cold]
    fn custom<T: fmt::Display>(_: T) -> Bail {
        Bail
    }
}

/// The fast reader over `input`.
pub(crate) struct FastDe<'de> {
    pub(crate) input: &'de [u8],
    pub(crate) pos: usize,
    pub(crate) depth: u32,
    /// The unescaped content of the last string with an escape (see [`FastDe::escaped_string`]).
    scratch: Vec<u8>,
    /// Whether a string with an escape is read (into `scratch`, which allocates) or given up
    /// on: [`is_one_value`] gives it up, to serde_json, whose skipping allocates nothing.
    unescape: bool,
}

impl<'de> FastDe<'de> {
    pub(crate) fn new(input: &'de [u8]) -> FastDe<'de> {
        FastDe {
            input,
            pos: 0,
            depth: 0,
            scratch: Vec::new(),
            unescape: true,
        }
    }

    /// Gives the scratch buffer back to the thread's spare (`spare.rs`), for the next reader.
    /// Called where a reader's work ends rather than on drop: a `Drop` impl cost every reader
    /// a few instructions more on its exits, with or without an escaped string.
    #[inline]
    pub(crate) fn give_back(&mut self) {
        if self.scratch.capacity() != 0 {
            super::spare::keep_bytes(std::mem::take(&mut self.scratch));
        }
    }

    /// Whether only whitespace is left.
    pub(crate) fn at_end(&mut self) -> bool {
        self.skip_ws();
        self.pos >= self.input.len()
    }

    #[inline(always)]
    pub(crate) fn peek(&self) -> Option<u8> {
        self.input.get(self.pos).copied()
    }

    #[inline(always)]
    pub(crate) fn skip_ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.pos += 1;
        }
    }

    /// The next byte that is not whitespace, not consumed.
    #[inline(always)]
    pub(crate) fn next_token(&mut self) -> Result<u8, Bail> {
        self.skip_ws();
        self.peek().ok_or(Bail)
    }

    /// The bytes of a string whose opening quote is at `pos`, without escapes or control
    /// characters, and whether they are all ASCII. Consumes the closing quote; leaves `pos` as
    /// is when it gives up.
    ///
    /// Scans 8 bytes at a time: a chunk of plain ASCII without `"` or `\\` is skipped whole.
    #[inline(always)]
    pub(crate) fn raw_string(&mut self) -> Result<(&'de [u8], bool), Bail> {
        let input = self.input;
        let start = self.pos + 1;
        let mut i = start;
        let mut ascii = true;
        loop {
            if let Some(chunk) = input.get(i..i + 8) {
                let mut word = [0u8; 8];
                word.copy_from_slice(chunk);
                let x = u64::from_le_bytes(word);
                // A high bit per byte that is `"`, `\\`, below 0x20, or not ASCII. Borrows can
                // only mark bytes above the first marked one, so the lowest mark is exact.
                let quote = x ^ (ONES * u64::from(b'"'));
                let backslash = x ^ (ONES * u64::from(b'\\'));
                let marks = ((quote.wrapping_sub(ONES) & !quote)
                    | (backslash.wrapping_sub(ONES) & !backslash)
                    | (x.wrapping_sub(ONES * 0x20) & !x)
                    | x)
                    & HIGH;
                if marks == 0 {
                    i += 8;
                    continue;
                }
                i += (marks.trailing_zeros() / 8) as usize;
            }
            match input.get(i) {
                Some(b'"') => {
                    self.pos = i + 1;
                    return Ok((&input[start..i], ascii));
                }
                Some(b'\\' | 0..=0x1F) | None => return Err(Bail),
                Some(0x80..) => {
                    ascii = false;
                    i += 1;
                }
                Some(_) => i += 1,
            }
        }
    }

    /// A string whose opening quote is at `pos` and which `raw_string` gave up on: its content
    /// unescaped into `scratch` and checked as UTF-8, as serde_json's checked reading gives it
    /// (`visit_str` of a scratch buffer). Gives up on a control character, an invalid escape,
    /// a `\u` escape of a surrogate that is not a high one followed by a low one (serde_json
    /// rejects those), invalid UTF-8 or the end of the input. Consumes the closing quote.
    #[cold]
    #[inline(never)]
    pub(crate) fn escaped_string(&mut self) -> Result<&str, Bail> {
        if !self.unescape {
            return Err(Bail);
        }
        let input = self.input;
        let mut i = self.pos + 1;
        if self.scratch.capacity() == 0 {
            self.scratch = super::spare::bytes();
        }
        self.scratch.clear();
        // Room for most escaped strings at once: grown a byte at a time from empty, a new
        // reader's buffer would reallocate three or four times for a string of 30 bytes.
        self.scratch.reserve(64);
        loop {
            // Byte by byte: the runs between escapes are short in the strings that have them
            // (JSON text in a string, `{\"k\":\"v\"}`), where a call to copy each run cost
            // more than the run.
            match *input.get(i).ok_or(Bail)? {
                b'"' => break,
                b'\\' => {}
                0..=0x1F => return Err(Bail),
                b => {
                    self.scratch.push(b);
                    i += 1;
                    continue;
                }
            }
            let escape = *input.get(i + 1).ok_or(Bail)?;
            i += 2;
            let byte = match escape {
                b'"' => b'"',
                b'\\' => b'\\',
                b'/' => b'/',
                b'b' => 0x08,
                b'f' => 0x0C,
                b'n' => b'\n',
                b'r' => b'\r',
                b't' => b'\t',
                b'u' => {
                    let first = hex4(input, i)?;
                    i += 4;
                    let code = match first {
                        0xD800..=0xDBFF => {
                            if input.get(i..i + 2) != Some(&b"\\u"[..]) {
                                return Err(Bail);
                            }
                            let second = hex4(input, i + 2)?;
                            if !(0xDC00..=0xDFFF).contains(&second) {
                                return Err(Bail);
                            }
                            i += 6;
                            0x1_0000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                        }
                        0xDC00..=0xDFFF => return Err(Bail),
                        _ => first,
                    };
                    let c = char::from_u32(code).ok_or(Bail)?;
                    let mut buf = [0u8; 4];
                    self.scratch
                        .extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                    continue;
                }
                _ => return Err(Bail),
            };
            self.scratch.push(byte);
        }
        self.pos = i + 1;
        std::str::from_utf8(&self.scratch).map_err(|_| Bail)
    }

    /// The literal `word` at `pos`.
    #[inline(always)]
    pub(crate) fn literal(&mut self, word: &[u8]) -> Result<(), Bail> {
        if self.input.get(self.pos..self.pos + word.len()) == Some(word) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(Bail)
        }
    }

    /// A number at `pos`, handed to `visitor` as serde_json's `deserialize_any` hands it: an
    /// integer as `u64` (`i64` when negative) when it fits, any other number as `f64`. Unlike
    /// serde_json, a number beyond `f64` is not malformed (docs/SEMANTICS.md §2.8): it is
    /// handed over as infinite, and no visitor of the decoder keeps an `f64` (every one calls
    /// it a number of the wrong kind, or skips it).
    ///
    /// Integers of at most 18 digits, the common case, are read in the one scan.
    fn number<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Bail> {
        let at = self.pos;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        let start = self.pos;
        let mut value: u64 = 0;
        while let Some(b @ b'0'..=b'9') = self.peek() {
            value = value * 10 + u64::from(b - b'0');
            self.pos += 1;
            if self.pos - start > 18 {
                break;
            }
        }
        let digits = self.pos - start;
        let leading_zero = digits > 1 && self.input.get(start) == Some(&b'0');
        if digits == 0 || leading_zero {
            return Err(Bail);
        }
        if digits > 18 || matches!(self.peek(), Some(b'0'..=b'9' | b'.' | b'e' | b'E')) {
            self.pos = at;
            return self.long_number(visitor);
        }
        match (negative, value) {
            (false, _) => visitor.visit_u64(value),
            // `-0` is a float for serde_json.
            (true, 0) => visitor.visit_f64(-0.0),
            // At most 18 digits: fits.
            (true, _) => visitor.visit_i64(-(value as i64)),
        }
    }

    /// [`FastDe::number`] for a number with a fraction, an exponent or many digits.
    #[cold]
    #[inline(never)]
    fn long_number<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Bail> {
        let text = self.number_text()?;
        // ASCII: the grammar was checked.
        let text = std::str::from_utf8(text).map_err(|_| Bail)?;
        if !text.contains(['.', 'e', 'E']) {
            match text.strip_prefix('-') {
                None => {
                    if let Ok(value) = text.parse::<u64>() {
                        return visitor.visit_u64(value);
                    }
                }
                // `-0` is a float for serde_json.
                Some(_) => {
                    if let Ok(value @ ..=-1) = text.parse::<i64>() {
                        return visitor.visit_i64(value);
                    }
                }
            }
        }
        visitor.visit_f64(text.parse::<f64>().unwrap_or(f64::INFINITY))
    }

    /// The text of a number at `pos`: the JSON grammar (`-?(0|[1-9][0-9]*)(\.[0-9]+)?
    /// ([eE][+-]?[0-9]+)?`), of any length and exponent.
    pub(crate) fn number_text(&mut self) -> Result<&'de [u8], Bail> {
        let input = self.input;
        let start = self.pos;
        let mut i = start;
        if input.get(i) == Some(&b'-') {
            i += 1;
        }
        let digits = |i: usize| {
            input.get(i..).map_or(0, |rest| {
                rest.iter().take_while(|b| b.is_ascii_digit()).count()
            })
        };
        let int = digits(i);
        if int == 0 || (int > 1 && input[i] == b'0') {
            return Err(Bail);
        }
        i += int;
        if input.get(i) == Some(&b'.') {
            let frac = digits(i + 1);
            if frac == 0 {
                return Err(Bail);
            }
            i += 1 + frac;
        }
        if let Some(b'e' | b'E') = input.get(i) {
            i += 1;
            if let Some(b'+' | b'-') = input.get(i) {
                i += 1;
            }
            let exponent = digits(i);
            if exponent == 0 {
                return Err(Bail);
            }
            i += exponent;
        }
        self.pos = i;
        Ok(&input[start..i])
    }

    /// [`RAW_JSON`]: the text of the next value, skipped, as `visit_borrowed_str`.
    fn raw_value<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Bail> {
        self.skip_ws();
        let start = self.pos;
        de::DeserializeSeed::deserialize(Skip, &mut *self)?;
        // Skipping read every string of it as UTF-8 and the rest is ASCII punctuation, digits
        // and literals; checked again all the same (a raw text must never be invalid).
        let text = std::str::from_utf8(&self.input[start..self.pos]).map_err(|_| Bail)?;
        visitor.visit_borrowed_str(text)
    }

    #[inline(always)]
    pub(crate) fn enter(&mut self) -> Result<(), Bail> {
        self.depth += 1;
        if self.depth >= MAX_DEPTH {
            return Err(Bail);
        }
        self.pos += 1;
        Ok(())
    }
}

impl<'de> de::Deserializer<'de> for &mut FastDe<'de> {
    type Error = Bail;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        match self.next_token()? {
            b'"' => match self.raw_string() {
                Ok((bytes, ascii)) => visitor.visit_borrowed_str(utf8(bytes, ascii)?),
                // An escape (or a string to give up on; `raw_string` leaves `pos` at its opening
                // quote): unescaped into the scratch buffer.
                Err(Bail) => visitor.visit_str(self.escaped_string()?),
            },
            b'{' => {
                self.enter()?;
                let mut access = Access {
                    de: &mut *self,
                    first: true,
                    done: false,
                };
                let value = visitor.visit_map(&mut access)?;
                if !access.done {
                    return Err(Bail);
                }
                self.depth -= 1;
                Ok(value)
            }
            b'[' => self.deserialize_seq(visitor),
            b't' => {
                self.literal(b"true")?;
                visitor.visit_bool(true)
            }
            b'f' => {
                self.literal(b"false")?;
                visitor.visit_bool(false)
            }
            b'n' => {
                self.literal(b"null")?;
                visitor.visit_unit()
            }
            b'-' | b'0'..=b'9' => self.number(visitor),
            _ => Err(Bail),
        }
    }

    #[inline]
    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        match self.next_token()? {
            b'"' => match self.raw_string() {
                Ok((bytes, _)) => visitor.visit_borrowed_bytes(bytes),
                // An escape: unescaped and checked as serde_json's checked reading does, so
                // handed over as a checked string (a key with an escape, say).
                Err(Bail) => visitor.visit_str(self.escaped_string()?),
            },
            b'[' => self.deserialize_seq(visitor),
            _ => Err(Bail),
        }
    }

    /// [`ISO_STRING`]: the string of an ISO 8583 field, its charset checked during the scan.
    #[inline]
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        class: usize,
        visitor: V,
    ) -> Result<V::Value, Bail> {
        if name == NUMBER_TEXT {
            return match self.next_token()? {
                b'-' | b'0'..=b'9' => {
                    let text = self.number_text()?;
                    visitor.visit_borrowed_bytes(text)
                }
                _ => self.deserialize_any(visitor),
            };
        }
        if name == RAW_JSON {
            return self.raw_value(visitor);
        }
        if name != ISO_STRING {
            return self.deserialize_any(visitor);
        }
        match self.next_token()? {
            b'"' => match self.iso_string(*Charset::ALL.get(class).ok_or(Bail)?)? {
                IsoStr::InCharset(text) => visitor.visit_borrowed_str(text),
                IsoStr::OutOfCharset(bytes) => visitor.visit_borrowed_bytes(bytes),
                // An escape: the string unescaped and checked as serde_json's checked reading
                // does, its charset left to the field's check.
                IsoStr::Escaped => visitor.visit_str(self.escaped_string()?),
            },
            b'n' => {
                self.literal(b"null")?;
                visitor.visit_none()
            }
            // A value of another kind: the visitor records the `type` violation.
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.deserialize_bytes(visitor)
    }

    #[inline]
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        if self.next_token()? == b'n' {
            self.literal(b"null")?;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        if self.next_token()? != b'[' {
            return Err(Bail);
        }
        self.enter()?;
        let mut access = Access {
            de: &mut *self,
            first: true,
            done: false,
        };
        let value = visitor.visit_seq(&mut access)?;
        if !access.done {
            return Err(Bail);
        }
        self.depth -= 1;
        Ok(value)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string unit unit_struct
        newtype_struct tuple map struct enum identifier ignored_any
    }
}

/// The members of an object, or the elements of an array.
struct Access<'a, 'de> {
    de: &'a mut FastDe<'de>,
    first: bool,
    done: bool,
}

impl Access<'_, '_> {
    /// Before the next member or element: `Ok(false)` at the closing `close`.
    #[inline(always)]
    fn has_next(&mut self, close: u8) -> Result<bool, Bail> {
        let b = self.de.next_token()?;
        if b == close {
            self.de.pos += 1;
            self.done = true;
            return Ok(false);
        }
        if self.first {
            self.first = false;
        } else if b == b',' {
            self.de.pos += 1;
        } else {
            return Err(Bail);
        }
        Ok(true)
    }
}

impl<'de> MapAccess<'de> for Access<'_, 'de> {
    type Error = Bail;

    #[inline]
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Bail> {
        if !self.has_next(b'}')? {
            return Ok(None);
        }
        if self.de.next_token()? != b'"' {
            return Err(Bail);
        }
        seed.deserialize(&mut *self.de).map(Some)
    }

    #[inline]
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Bail> {
        if self.de.next_token()? != b':' {
            return Err(Bail);
        }
        self.de.pos += 1;
        seed.deserialize(&mut *self.de)
    }
}

impl<'de> SeqAccess<'de> for Access<'_, 'de> {
    type Error = Bail;

    #[inline]
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Bail> {
        if !self.has_next(b']')? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.de).map(Some)
    }
}

#[cfg(test)]
mod tests;
