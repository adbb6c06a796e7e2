//! The `length` rule.

use crate::{Rule, RuleError};

/// What a length counts.
///
/// ISO 8583 codes count bytes (their values are ASCII); `String` fields count Unicode scalar
/// values (`char`s).
///
/// ```
/// use fieldtab_runtime::{check_length, LengthUnit};
///
/// assert!(check_length("ümlaut", LengthUnit::Chars, 0, 6).is_ok());
/// assert!(check_length("ümlaut", LengthUnit::Bytes, 0, 6).is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LengthUnit {
    /// UTF-8 bytes.
    Bytes,
    /// Unicode scalar values.
    Chars,
}

impl LengthUnit {
    /// The unit in words, plural (`"bytes"`, `"characters"`).
    ///
    /// ```
    /// assert_eq!(fieldtab_runtime::LengthUnit::Chars.as_str(), "characters");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            LengthUnit::Bytes => "bytes",
            LengthUnit::Chars => "characters",
        }
    }

    /// The unit in words for a count of `n`: singular for 1 (`"1 byte"`), plural otherwise
    /// (`"0 bytes"`, `"2 characters"`).
    ///
    /// ```
    /// use fieldtab_runtime::LengthUnit;
    /// assert_eq!(LengthUnit::Bytes.counted(1), "byte");
    /// assert_eq!(LengthUnit::Chars.counted(2), "characters");
    /// ```
    pub const fn counted(self, n: u64) -> &'static str {
        match (self, n) {
            (LengthUnit::Bytes, 1) => "byte",
            (LengthUnit::Chars, 1) => "character",
            _ => self.as_str(),
        }
    }

    /// The length of `value` in this unit.
    ///
    /// ```
    /// use fieldtab_runtime::LengthUnit;
    /// assert_eq!(LengthUnit::Chars.len_of("１２"), 2);
    /// assert_eq!(LengthUnit::Bytes.len_of("１２"), 6);
    /// ```
    #[inline]
    pub fn len_of(self, value: &str) -> usize {
        match self {
            LengthUnit::Bytes => value.len(),
            // std counts chars a word at a time.
            LengthUnit::Chars => value.chars().count(),
        }
    }
}

/// The `length` rule: `min <= length(value) <= max`, counted in `unit`.
///
/// ```
/// use fieldtab_runtime::{check_length, LengthUnit, Rule};
///
/// assert!(check_length("41", LengthUnit::Bytes, 2, 2).is_ok());
/// let e = check_length("410", LengthUnit::Bytes, 2, 2).unwrap_err();
/// assert_eq!(e.rule, Rule::Length);
/// assert_eq!(e.message, "must be exactly 2 bytes long, not 3");
/// ```
#[inline]
pub fn check_length(value: &str, unit: LengthUnit, min: u32, max: u32) -> Result<(), RuleError> {
    let len = unit.len_of(value);
    if (min as usize..=max as usize).contains(&len) {
        Ok(())
    } else {
        Err(length_error(len, unit, min, max))
    }
}

#[cold]
#[inline(never)]
fn length_error(len: usize, unit: LengthUnit, min: u32, max: u32) -> RuleError {
    // The count named is the bound, so the unit agrees with it ("at least 1 character").
    let message = if min == max {
        format!(
            "must be exactly {max} {} long, not {len}",
            unit.counted(max.into())
        )
    } else if len > max as usize {
        format!(
            "must be at most {max} {} long, not {len}",
            unit.counted(max.into())
        )
    } else {
        format!(
            "must be at least {min} {} long, not {len}",
            unit.counted(min.into())
        )
    };
    RuleError::new(Rule::Length, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries() {
        let bytes = |v: &str, min, max| check_length(v, LengthUnit::Bytes, min, max).is_ok();
        let chars = |v: &str, min, max| check_length(v, LengthUnit::Chars, min, max).is_ok();
        assert!(bytes("", 0, 15), "empty");
        assert!(!bytes("", 1, 15), "empty below min");
        assert!(bytes("123456789012345", 0, 15), "max");
        assert!(!bytes("1234567890123456", 0, 15), "max+1");
        assert!(bytes("12", 2, 2) && !bytes("1", 2, 2) && !bytes("123", 2, 2));
        assert!(!bytes("１", 0, 2), "full-width digit is 3 bytes");
        assert!(chars("１", 0, 1), "full-width digit is 1 char");
        assert!(chars("日本語テキスト", 7, 7));
        assert!(!chars("日本語テキスト", 0, 6));
        assert!(chars("😀", 1, 1), "astral char is one scalar value");
        assert!(chars(&"x".repeat(2048), 0, 2048) && !chars(&"é".repeat(2049), 0, 2048));
    }

    #[test]
    fn messages_name_lengths_only() {
        let msg = |v: &str, min, max| {
            check_length(v, LengthUnit::Chars, min, max)
                .unwrap_err()
                .message
        };
        assert_eq!(msg("abc", 0, 2), "must be at most 2 characters long, not 3");
        assert_eq!(
            msg("abc", 4, 9),
            "must be at least 4 characters long, not 3"
        );
        assert_eq!(msg("abc", 2, 2), "must be exactly 2 characters long, not 3");
    }

    #[test]
    fn a_bound_of_one_is_singular() {
        let msg = |v: &str, unit, min, max| check_length(v, unit, min, max).unwrap_err().message;
        assert_eq!(
            msg("", LengthUnit::Chars, 1, 5),
            "must be at least 1 character long, not 0"
        );
        assert_eq!(
            msg("ab", LengthUnit::Bytes, 0, 1),
            "must be at most 1 byte long, not 2"
        );
        assert_eq!(
            msg("ab", LengthUnit::Bytes, 1, 1),
            "must be exactly 1 byte long, not 2"
        );
        assert_eq!(
            msg("", LengthUnit::Bytes, 2, 3),
            "must be at least 2 bytes long, not 0"
        );
        assert_eq!(
            msg("abc", LengthUnit::Chars, 0, 0),
            "must be exactly 0 characters long, not 3"
        );
    }
}
