//! The string of an ISO 8583 field, its charset checked in the scan that finds its end: what
//! the decoder's [`ISO_STRING`](super::ISO_STRING) request and the validate-only scanner
//! (`decode/scan`) both read a string field with.

use super::{Bail, FastDe};
use crate::Charset;
use crate::swar::{non_digits, non_plain, skip_words};

/// A string read by [`FastDe::iso_string`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum IsoStr<'de> {
    /// Every byte is in the charset (so the text is ASCII): the text, borrowed.
    InCharset(&'de str),
    /// A byte is not in the charset: the raw bytes (not checked as UTF-8; the charset rule
    /// fails on them whatever they are).
    OutOfCharset(&'de [u8]),
    /// The string holds an escape: nothing consumed, the caller reads it with
    /// `FastDe::escaped_string`.
    Escaped,
}

/// The bit of `charset` in [`BYTE_CLASSES`].
const fn charset_bit(charset: Charset) -> u8 {
    match charset {
        Charset::A => 1,
        Charset::N => 1 << 1,
        Charset::S => 1 << 2,
        Charset::An => 1 << 3,
        Charset::As => 1 << 4,
        Charset::Ns => 1 << 5,
        Charset::Ans => 1 << 6,
    }
}

/// The bit of [`BYTE_CLASSES`] for the bytes that end or interrupt a plain string.
const STOP: u8 = 1 << 7;

/// For every byte: the [`charset_bit`] of every charset that allows it (from
/// [`Charset::allows`], the one definition of the classes), and `STOP` for the bytes that end or
/// interrupt a plain string (`"`, `\\`, control characters). Built at compile time: every
/// string of a message reads it, and a lazy table would cost a check on each.
static BYTE_CLASSES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < table.len() {
        let byte = b as u8;
        let mut c = 0;
        while c < Charset::ALL.len() {
            if Charset::ALL[c].allows(byte) {
                table[b] |= charset_bit(Charset::ALL[c]);
            }
            c += 1;
        }
        if byte == b'"' {
            // Ends the string without changing the verdict on its bytes.
            table[b] = u8::MAX;
        } else if byte == b'\\' || byte < 0x20 {
            table[b] = STOP;
        }
        b += 1;
    }
    table
};

impl<'de> FastDe<'de> {
    /// The string whose opening quote is at `pos`, checked against `charset` in the one scan:
    /// whole 8-byte words of the charset's own bytes are skipped first (N and ANS with their
    /// own tests, A and AN with [`Charset::outside`]; the classes with `"` and `\\` in them,
    /// rarer, start byte by byte), then a table gives each byte's charsets. Consumes the closing
    /// quote, except for [`IsoStr::Escaped`]. Gives up on a control character or the end of
    /// the input.
    // Inlined: most fields of a message are read here, and the result is a small enum its
    // callers match on at once.
    #[inline(always)]
    pub(crate) fn iso_string(&mut self, charset: Charset) -> Result<IsoStr<'de>, Bail> {
        let input = self.input;
        let start = self.pos + 1;
        // Each test marks `"`, `\\` and control characters too (outside A, N, AN; `non_plain`
        // marks them): a skip stops at the end of the string at the latest.
        let skipped = match charset {
            Charset::N => skip_words(input, start, non_digits),
            Charset::Ans => skip_words(input, start, non_plain),
            Charset::An => skip_words(input, start, |x| Charset::An.outside(x)),
            Charset::A => skip_words(input, start, |x| Charset::A.outside(x)),
            Charset::S | Charset::As | Charset::Ns => 0,
        };
        // Most strings end where the skip stopped: every byte before is in the charset.
        if input.get(start + skipped) == Some(&b'"') {
            let i = start + skipped;
            self.pos = i + 1;
            return Ok(IsoStr::InCharset(in_charset(&input[start..i])));
        }
        let bit = charset_bit(charset);
        let rest = input.get(start + skipped..).ok_or(Bail)?;
        // The skipped bytes are all in the charset. The closing quote's entry has every
        // charset bit, so it leaves `all` as is.
        let mut all = !STOP;
        let mut end = None;
        for (i, &b) in rest.iter().enumerate() {
            let class = BYTE_CLASSES[usize::from(b)];
            all &= class;
            if class & STOP != 0 {
                end = Some(i);
                break;
            }
        }
        let n = end.ok_or(Bail)?;
        match rest.get(n) {
            Some(b'"') => {}
            Some(b'\\') => return Ok(IsoStr::Escaped),
            _ => return Err(Bail),
        }
        let i = start + skipped + n;
        self.pos = i + 1;
        let bytes = &input[start..i];
        if all & bit != 0 {
            Ok(IsoStr::InCharset(in_charset(bytes)))
        } else {
            Ok(IsoStr::OutOfCharset(bytes))
        }
    }
}

/// The bytes of a string that are all in the charset read, as text.
#[inline(always)]
fn in_charset(bytes: &[u8]) -> &str {
    debug_assert!(bytes.is_ascii());
    // SAFETY: the caller checked that every byte is allowed by a charset, and every ISO 8583
    // charset is a subset of printable ASCII (`Charset`'s documented invariant, tested byte by
    // byte in `rules/charset.rs`), so the bytes are ASCII, hence UTF-8.
    unsafe { std::str::from_utf8_unchecked(bytes) }
}
