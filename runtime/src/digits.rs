//! Reading fixed-width ASCII digit fields (crate-internal).

/// The value of the ASCII digits `s[at..at + N]`, or `None` when any byte is not `0-9` or the
/// range is out of bounds.
#[inline]
pub(crate) fn fixed<const N: usize>(s: &[u8], at: usize) -> Option<u32> {
    let field = s.get(at..at.checked_add(N)?)?;
    let mut value = 0u32;
    for &b in field {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        value = value * 10 + u32::from(d);
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::fixed;

    #[test]
    fn reads_fixed_fields() {
        assert_eq!(fixed::<4>(b"x2024", 1), Some(2024));
        assert_eq!(fixed::<2>(b"0a", 0), None);
        assert_eq!(fixed::<2>(b"1", 0), None);
        assert_eq!(fixed::<2>("１2".as_bytes(), 0), None);
        assert_eq!(fixed::<1>(b"1", usize::MAX), None);
    }
}
