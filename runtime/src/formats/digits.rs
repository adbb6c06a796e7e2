//! Reading and writing fixed-width ASCII digit fields (crate-internal).

/// The value of the ASCII digits `s[at..at + N]`, or `None` when any byte is not `0-9` or the
/// range is out of bounds.
#[inline]
pub(crate) fn fixed<const N: usize>(s: &[u8], at: usize) -> Option<u32> {
    value(s.get(at..at.checked_add(N)?)?)
}

/// The value of the ASCII digits `s` (at most 9 of them, which fit a `u32`), or `None` when
/// any byte is not `0-9`.
#[inline]
pub(crate) fn value(s: &[u8]) -> Option<u32> {
    let mut value = 0u32;
    for &b in s {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        value = value * 10 + u32::from(d);
    }
    Some(value)
}

/// A short ASCII text built on the stack, for `Display` impls that must not go through the
/// (slow) padded integer formatting of `core::fmt`.
pub(crate) struct Text<const N: usize> {
    bytes: [u8; N],
    len: usize,
}

impl<const N: usize> Text<N> {
    pub(crate) const fn new() -> Self {
        Text {
            bytes: [0; N],
            len: 0,
        }
    }

    /// Appends an ASCII byte (ignored when full: callers size `N` for their longest text).
    #[inline]
    pub(crate) fn push(&mut self, b: u8) {
        if let Some(slot) = self.bytes.get_mut(self.len) {
            *slot = b;
            self.len += 1;
        }
    }

    /// Appends `value` as exactly `width` digits, zero-padded (higher digits dropped).
    #[inline]
    pub(crate) fn digits(&mut self, mut value: u32, width: usize) {
        let start = self.len;
        for _ in 0..width {
            self.push(b'0');
        }
        for i in (start..self.len).rev() {
            self.bytes[i] = b'0' + (value % 10) as u8;
            value /= 10;
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII bytes are ever pushed.
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::{Text, fixed};

    #[test]
    fn writes_fixed_fields() {
        let mut t = Text::<8>::new();
        t.digits(7, 4);
        t.push(b'-');
        t.digits(123, 2);
        assert_eq!(t.as_str(), "0007-23");
        t.digits(5, 3);
        assert_eq!(t.as_str().len(), 8, "full: cut, not overflowed");
    }

    #[test]
    fn reads_fixed_fields() {
        assert_eq!(fixed::<4>(b"x2024", 1), Some(2024));
        assert_eq!(fixed::<2>(b"0a", 0), None);
        assert_eq!(fixed::<2>(b"1", 0), None);
        assert_eq!(fixed::<2>("１2".as_bytes(), 0), None);
        assert_eq!(fixed::<1>(b"1", usize::MAX), None);
    }
}
