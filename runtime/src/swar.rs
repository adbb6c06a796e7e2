//! SWAR ("SIMD within a register"): tests on 8 bytes at once in a `u64`, without a table or a
//! branch per byte. The charset rule ([`crate::Charset::matches`]) and the fast reader's string
//! scan (`decode/fast.rs`) both use these.
//!
//! A result marks a byte by setting its high bit (bit 7 of that byte): [`HIGH`] has every mark.

/// 0x01 in every byte: `ONES * b` is the byte `b` in every byte.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// 0x80 in every byte: the mark bit of every byte.
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;

/// The mark of each byte of `x` that lies in `lo..=hi`.
///
/// Needs every byte of `x` below 0x80 and `0x20 <= lo <= hi <= 0x7E`: then `b + (0x80 - lo)`
/// reaches bit 7 iff `b >= lo` and `b + (0x7F - hi)` iff `b > hi`, and no sum carries into
/// the next byte (at most 0x7F + 0x60).
#[inline(always)]
pub(crate) const fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    let at_least_lo = x.wrapping_add(ONES * (0x80 - lo as u64));
    let above_hi = x.wrapping_add(ONES * (0x7F - hi as u64));
    at_least_lo & !above_hi & HIGH
}

/// How many bytes from `start` the whole 8-byte words of `input` with no byte marked by `marks`
/// (a high bit per byte, the lowest one exact) cover, plus the unmarked bytes of the first word
/// with a mark.
#[inline(always)]
pub(crate) fn skip_words(input: &[u8], start: usize, marks: fn(u64) -> u64) -> usize {
    let mut i = start;
    while let Some(chunk) = input.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let m = marks(u64::from_le_bytes(word));
        if m != 0 {
            return i - start + (m.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i - start
}

/// A high bit for every byte of `x` that is not an ASCII digit (exact: no carries between
/// bytes).
#[inline(always)]
pub(crate) fn non_digits(x: u64) -> u64 {
    // Digits are 0x30..=0x39: high nibble 3, low nibble at most 9.
    let high = (x & 0xF0F0_F0F0_F0F0_F0F0) ^ 0x3030_3030_3030_3030;
    let low = ((x & 0x0F0F_0F0F_0F0F_0F0F) + 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0;
    let bad = high | low;
    // Any bit set in a byte -> its high bit (adding 0x7F to the low 7 bits cannot carry out).
    (((bad & !HIGH) + !HIGH) | bad) & HIGH
}

/// A high bit for the bytes of `x` that are not printable ASCII, or are `"` or `\\`; the lowest
/// one exact.
#[inline(always)]
pub(crate) fn non_plain(x: u64) -> u64 {
    let quote = x ^ (ONES * u64::from(b'"'));
    let backslash = x ^ (ONES * u64::from(b'\\'));
    ((quote.wrapping_sub(ONES) & !quote)
        | (backslash.wrapping_sub(ONES) & !backslash)
        | (x.wrapping_sub(ONES * 0x20) & !x)
        | x.wrapping_add(ONES)
        | x)
        & HIGH
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_range_marks_exactly_the_bytes_in_range() {
        for (lo, hi) in [(b'0', b'9'), (b'a', b'z'), (b' ', b' '), (0x20, 0x7E)] {
            for b in 0..0x80u8 {
                let x = ONES * u64::from(b);
                let expected = if (lo..=hi).contains(&b) { HIGH } else { 0 };
                assert_eq!(in_range(x, lo, hi), expected, "{b:#x} in {lo:#x}..={hi:#x}");
            }
        }
    }

    #[test]
    fn word_masks_mark_exactly_the_first_byte_out_of_the_class() {
        for len in 0..20usize {
            for bad in 0..=255u8 {
                for at in 0..len.max(1) {
                    let mut bytes: Vec<u8> = (0..len).map(|i| b'0' + (i % 10) as u8).collect();
                    if at < len {
                        bytes[at] = bad;
                    }
                    let first_non_digit = bytes.iter().position(|b| !b.is_ascii_digit());
                    let skipped = skip_words(&bytes, 0, non_digits);
                    let expected = match first_non_digit {
                        Some(p) if p < len / 8 * 8 => p,
                        _ => len / 8 * 8,
                    };
                    assert_eq!(skipped, expected, "{bytes:?}");
                    let plain = |b: &u8| (0x20..0x7F).contains(b) && *b != b'"' && *b != b'\\';
                    let first_special = bytes.iter().position(|b| !plain(b));
                    let skipped = skip_words(&bytes, 0, non_plain);
                    let expected = match first_special {
                        Some(p) if p < len / 8 * 8 => p,
                        _ => len / 8 * 8,
                    };
                    assert_eq!(skipped, expected, "{bytes:?}");
                }
            }
        }
    }
}
