//! The character classes of the ISO 8583 type codes.

use crate::swar::{HIGH, ONES, in_range};
use crate::{Rule, RuleError};

/// An ISO 8583 character class, as written in a vendor's field table (`N`, `AN`, `ANS`, …).
///
/// Every class is ASCII-only: `N` = `0-9`; `A` = `A-Z`, `a-z` and space; `S` = printable ASCII
/// (0x20–0x7E) that is neither a letter nor a digit; the others are unions of these. Space is
/// both in `A` and in `S`.
///
/// ```
/// use fieldtab_runtime::Charset;
///
/// let an = Charset::from_code("an").unwrap();
/// assert_eq!(an, Charset::An);
/// assert_eq!(an.code(), "AN");
/// assert!(an.matches(b"Abc 123"));
/// assert!(!an.matches(b"12.5"));
/// assert!(!Charset::N.matches("１".as_bytes())); // full-width digit
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Charset {
    /// `A`: letters and space.
    A,
    /// `N`: digits.
    N,
    /// `S`: special characters.
    S,
    /// `AN`: letters, space and digits.
    An,
    /// `AS`: letters, space and special characters.
    As,
    /// `NS`: digits and special characters.
    Ns,
    /// `ANS`: all printable ASCII.
    Ans,
}

const ALPHA: u8 = 1;
const NUM: u8 = 2;
const SPECIAL: u8 = 4;

/// The classes each byte belongs to (0 for non-printable and non-ASCII bytes). A constant, so
/// that [`Charset::allows`] can build other tables at compile time.
const CLASSES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0x20;
    while b <= 0x7E {
        let c = b as u8;
        table[b] = if c.is_ascii_alphabetic() {
            ALPHA
        } else if c.is_ascii_digit() {
            NUM
        } else if c == b' ' {
            ALPHA | SPECIAL
        } else {
            SPECIAL
        };
        b += 1;
    }
    table
};

/// The mark (the high bit, as in `crate::swar`) of every byte of `x` outside the class with
/// `mask`: exact for each byte, with no carry between bytes (SWAR: a few integer operations for
/// 8 bytes, no table, no branch per byte).
#[inline(always)]
const fn outside(x: u64, mask: u8) -> u64 {
    // The classes are judged on the low 7 bits, where `in_range` is exact; a non-ASCII byte is
    // outside every class by its own high bit.
    let low = x & !HIGH;
    let digit = in_range(low, b'0', b'9');
    // `| 0x20` folds capitals onto small letters and maps no other byte into a..=z.
    let alpha = in_range(low | (ONES * 0x20), b'a', b'z');
    let space = in_range(low, b' ', b' ');
    let printable = in_range(low, 0x20, 0x7E);
    let special = printable & !alpha & !digit;
    let mut ok = 0;
    if mask & ALPHA != 0 {
        ok |= alpha | space;
    }
    if mask & NUM != 0 {
        ok |= digit;
    }
    if mask & SPECIAL != 0 {
        ok |= special;
    }
    (x | !ok) & HIGH
}

/// Whether all 8 bytes of `x` belong to the class with `mask`.
#[inline(always)]
const fn all_in(x: u64, mask: u8) -> bool {
    outside(x, mask) == 0
}

impl Charset {
    /// Every class.
    ///
    /// ```
    /// assert_eq!(fieldtab_runtime::Charset::ALL.len(), 7);
    /// ```
    pub const ALL: [Charset; 7] = [
        Charset::A,
        Charset::N,
        Charset::S,
        Charset::An,
        Charset::As,
        Charset::Ns,
        Charset::Ans,
    ];

    /// The class of an ISO 8583 type code, case-insensitive (`"ans"`, `"AN"`, `"n"`).
    ///
    /// ```
    /// use fieldtab_runtime::Charset;
    /// assert_eq!(Charset::from_code("Ns"), Some(Charset::Ns));
    /// assert_eq!(Charset::from_code("NA"), None);
    /// ```
    pub fn from_code(code: &str) -> Option<Charset> {
        Charset::ALL
            .into_iter()
            .find(|c| c.code().eq_ignore_ascii_case(code))
    }

    /// The type code in upper case (`"ANS"`).
    ///
    /// ```
    /// assert_eq!(fieldtab_runtime::Charset::Ans.code(), "ANS");
    /// ```
    pub const fn code(self) -> &'static str {
        match self {
            Charset::A => "A",
            Charset::N => "N",
            Charset::S => "S",
            Charset::An => "AN",
            Charset::As => "AS",
            Charset::Ns => "NS",
            Charset::Ans => "ANS",
        }
    }

    /// What the class admits, in words (`"digits"`, `"letters, digits and space"`).
    ///
    /// ```
    /// assert_eq!(fieldtab_runtime::Charset::N.description(), "digits");
    /// ```
    pub const fn description(self) -> &'static str {
        match self {
            Charset::A => "letters and space",
            Charset::N => "digits",
            Charset::S => "special characters (printable ASCII other than letters and digits)",
            Charset::An => "letters, digits and space",
            Charset::As => "letters and special characters (printable ASCII other than digits)",
            Charset::Ns => "digits and special characters (printable ASCII other than letters)",
            Charset::Ans => "printable ASCII characters",
        }
    }

    /// An ECMA-262 regular expression matching exactly the strings of the class, for exports
    /// such as JSON Schema's `pattern` (fieldtab itself never runs a regular expression).
    ///
    /// ```
    /// use fieldtab_runtime::Charset;
    /// assert_eq!(Charset::N.pattern(), "^[0-9]*$");
    /// assert_eq!(Charset::Ans.pattern(), "^[ -~]*$");
    /// ```
    pub const fn pattern(self) -> &'static str {
        match self {
            Charset::A => "^[A-Za-z ]*$",
            Charset::N => "^[0-9]*$",
            Charset::S => r"^[ -/:-@\[-`{-~]*$",
            Charset::An => "^[A-Za-z0-9 ]*$",
            Charset::As => "^[ -/:-~]*$",
            Charset::Ns => r"^[ -@\[-`{-~]*$",
            Charset::Ans => "^[ -~]*$",
        }
    }

    const fn mask(self) -> u8 {
        match self {
            Charset::A => ALPHA,
            Charset::N => NUM,
            Charset::S => SPECIAL,
            Charset::An => ALPHA | NUM,
            Charset::As => ALPHA | SPECIAL,
            Charset::Ns => NUM | SPECIAL,
            Charset::Ans => ALPHA | NUM | SPECIAL,
        }
    }

    /// Whether the byte `b` belongs to the class.
    ///
    /// ```
    /// use fieldtab_runtime::Charset;
    /// assert!(Charset::S.allows(b' '));
    /// assert!(Charset::A.allows(b' '));
    /// assert!(!Charset::Ans.allows(0x7F));
    /// ```
    #[inline]
    pub const fn allows(self, b: u8) -> bool {
        CLASSES[b as usize] & self.mask() != 0
    }

    /// Whether every byte of `s` belongs to the class (true for the empty string). Checks 8 bytes
    /// at a time and allocates nothing.
    ///
    /// ```
    /// use fieldtab_runtime::Charset;
    /// assert!(Charset::N.matches(b"6214835920672688"));
    /// assert!(!Charset::N.matches(b"621483592067268x"));
    /// assert!(Charset::N.matches(b""));
    /// ```
    #[inline]
    pub fn matches(self, s: &[u8]) -> bool {
        let (chunks, tail) = s.as_chunks::<8>();
        let mask = self.mask();
        chunks.iter().all(|c| all_in(u64::from_le_bytes(*c), mask))
            && tail.iter().all(|&b| CLASSES[usize::from(b)] & mask != 0)
    }

    /// The mark (the high bit of the byte) of every byte of the 8 bytes of `x` outside the
    /// class, exact for each byte: what the fast reader skips words of a string field with.
    #[inline(always)]
    pub(crate) const fn outside(self, x: u64) -> u64 {
        outside(x, self.mask())
    }
}

/// The `charset` rule: every byte of `value` belongs to `cs`.
///
/// The message names the class and the (zero-based) byte position of the first offending
/// character, never the character.
///
/// ```
/// use fieldtab_runtime::{check_charset, Charset, Rule};
///
/// assert!(check_charset("20240229", Charset::N).is_ok());
/// let e = check_charset("2024-02", Charset::N).unwrap_err();
/// assert_eq!(e.rule, Rule::Charset);
/// assert_eq!(e.message, "must hold only digits (N); the character at byte 4 is not allowed");
/// ```
#[inline]
pub fn check_charset(value: &str, cs: Charset) -> Result<(), RuleError> {
    if cs.matches(value.as_bytes()) {
        Ok(())
    } else {
        Err(charset_error(value, cs))
    }
}

#[cold]
#[inline(never)]
fn charset_error(value: &str, cs: Charset) -> RuleError {
    let at = value.bytes().position(|b| !cs.allows(b)).unwrap_or(0);
    RuleError::new(
        Rule::Charset,
        format!(
            "must hold only {} ({}); the character at byte {at} is not allowed",
            cs.description(),
            cs.code()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition of each class, byte by byte, written independently of the tables.
    fn reference(cs: Charset, b: u8) -> bool {
        let a = b.is_ascii_alphabetic() || b == b' ';
        let n = b.is_ascii_digit();
        let s = (0x20..=0x7E).contains(&b) && !b.is_ascii_alphanumeric();
        match cs {
            Charset::A => a,
            Charset::N => n,
            Charset::S => s,
            Charset::An => a || n,
            Charset::As => a || s,
            Charset::Ns => n || s,
            Charset::Ans => a || n || s,
        }
    }

    #[test]
    fn every_byte_of_every_class() {
        for cs in Charset::ALL {
            for b in 0..=255u8 {
                assert_eq!(cs.allows(b), reference(cs, b), "{cs:?} {b:#x}");
                // The byte alone, and at every position of a 17-byte run (chunks and tail).
                assert_eq!(cs.matches(&[b]), reference(cs, b), "{cs:?} {b:#x}");
                let fill = if reference(cs, b'5') {
                    b'5'
                } else if reference(cs, b'a') {
                    b'a'
                } else {
                    b'.'
                };
                for at in 0..17 {
                    let mut run = [fill; 17];
                    run[at] = b;
                    assert_eq!(cs.matches(&run), reference(cs, b), "{cs:?} {b:#x} at {at}");
                }
            }
        }
    }

    /// The fast reader's side channel names a charset by its place in `ALL`.
    #[test]
    fn all_lists_the_classes_in_declaration_order() {
        for (i, cs) in Charset::ALL.into_iter().enumerate() {
            assert_eq!(cs as usize, i);
        }
    }

    /// `outside` marks exactly the bytes outside the class, whatever their neighbours: every
    /// byte at every position of a word whose other bytes are in the class, out of it, or
    /// extreme (0x00, 0x7F, 0xFF, which would carry or borrow in a careless SWAR test).
    #[test]
    fn outside_marks_each_byte_exactly() {
        let neighbours = [
            b'5', b'a', b'Z', b' ', b'.', b'"', 0x00, 0x1F, 0x7F, 0x80, 0xFF,
        ];
        for cs in Charset::ALL {
            for b in 0..=255u8 {
                for &n in &neighbours {
                    for at in 0..8 {
                        let mut bytes = [n; 8];
                        bytes[at] = b;
                        let marks = cs.outside(u64::from_le_bytes(bytes));
                        for (i, &byte) in bytes.iter().enumerate() {
                            let marked = marks >> (i * 8 + 7) & 1 == 1;
                            assert_eq!(marked, !reference(cs, byte), "{cs:?} {bytes:x?} byte {i}");
                        }
                        assert_eq!(marks & !crate::swar::HIGH, 0);
                    }
                }
            }
        }
    }

    /// Membership of `b` in the one bracket expression of `pattern` (ranges, `\\[` escapes).
    fn in_pattern(pattern: &str, b: u8) -> bool {
        let class = pattern
            .strip_prefix("^[")
            .and_then(|p| p.strip_suffix("]*$"))
            .unwrap();
        let mut items = Vec::new();
        let mut bytes = class.bytes();
        while let Some(c) = bytes.next() {
            items.push(if c == b'\\' { bytes.next().unwrap() } else { c });
        }
        // Items are single bytes or `lo - hi` triples.
        let (mut i, mut found) = (0, false);
        while i < items.len() {
            if i + 2 < items.len() && items[i + 1] == b'-' {
                found |= (items[i]..=items[i + 2]).contains(&b);
                i += 3;
            } else {
                found |= items[i] == b;
                i += 1;
            }
        }
        found
    }

    #[test]
    fn patterns_describe_the_classes() {
        for cs in Charset::ALL {
            for b in 0..=255u8 {
                assert_eq!(in_pattern(cs.pattern(), b), cs.allows(b), "{cs:?} {b:#x}");
            }
        }
    }

    #[test]
    fn codes() {
        for cs in Charset::ALL {
            assert_eq!(Charset::from_code(cs.code()), Some(cs));
            assert_eq!(Charset::from_code(&cs.code().to_lowercase()), Some(cs));
        }
        assert_eq!(Charset::from_code("aNs"), Some(Charset::Ans));
        for bad in ["", "X", "NA", "SA", "ANSI", "A N", "ｎ"] {
            assert_eq!(Charset::from_code(bad), None, "{bad}");
        }
    }

    #[test]
    fn boundaries() {
        assert!(check_charset("", Charset::N).is_ok(), "empty");
        assert!(check_charset("0123456789", Charset::N).is_ok());
        assert!(check_charset("１", Charset::N).is_err(), "full-width digit");
        assert!(check_charset("１", Charset::Ans).is_err(), "non-ASCII");
        assert!(check_charset("é", Charset::A).is_err(), "non-ASCII letter");
        assert!(check_charset("10.23", Charset::Ns).is_ok());
        assert!(check_charset("-1", Charset::Ns).is_ok());
        assert!(check_charset("a b", Charset::A).is_ok(), "space is in A");
        assert!(check_charset(" ", Charset::S).is_ok(), "space is in S");
        assert!(check_charset("a", Charset::S).is_err());
        assert!(check_charset("1", Charset::As).is_err());
        assert!(check_charset("a", Charset::Ns).is_err());
        assert!(check_charset("~", Charset::Ans).is_ok());
        assert!(check_charset("\t", Charset::Ans).is_err(), "tab");
        assert!(check_charset("\u{7f}", Charset::Ans).is_err(), "DEL");
        let e = check_charset("12345678１", Charset::N).unwrap_err();
        assert_eq!(e.rule, Rule::Charset);
        assert_eq!(
            e.message,
            "must hold only digits (N); the character at byte 8 is not allowed"
        );
    }
}
