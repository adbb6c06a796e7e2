//! Forbidden characters: a schema's set of characters a value must not contain (`forbidden
//! "@#?"`), part of the `charset` rule.

use std::fmt::Write as _;

use crate::{Rule, RuleError};

/// The forbidden-characters part of the `charset` rule: `value` holds none of the characters
/// of `forbidden`.
///
/// The message names the forbidden characters (from the schema) and the byte offset of the
/// first one found, never the value.
///
/// ```
/// use fieldtab_runtime::{check_forbidden, Rule};
///
/// assert!(check_forbidden("2088102122524333", "@#?").is_ok());
/// let e = check_forbidden("abc#1@", "@#?").unwrap_err();
/// assert_eq!(e.rule, Rule::Charset);
/// assert_eq!(e.message, "must not contain `@`, `#` or `?`; found one at byte 3");
/// ```
#[inline]
pub fn check_forbidden(value: &str, forbidden: &str) -> Result<(), RuleError> {
    let found = if forbidden.is_ascii() {
        // Byte by byte: an ASCII byte never occurs inside a multi-byte character.
        let set = forbidden.as_bytes();
        value.bytes().position(|b| set.contains(&b))
    } else {
        value.find(|c| forbidden.contains(c))
    };
    match found {
        None => Ok(()),
        Some(at) => Err(forbidden_error(forbidden, at)),
    }
}

#[cold]
#[inline(never)]
fn forbidden_error(forbidden: &str, at: usize) -> RuleError {
    RuleError::new(
        Rule::Charset,
        format!(
            "must not contain {}; found one at byte {at}",
            forbidden_list(forbidden)
        ),
    )
}

/// The characters of a forbidden set in words: each quoted (`` `@` ``; a backtick as
/// ``` `` ` `` ```, white space and control characters as `` `\u{9}` ``), joined with commas and
/// a final "or".
///
/// ```
/// assert_eq!(fieldtab_runtime::forbidden_list("@# "), r"`@`, `#` or `\u{20}`");
/// ```
pub fn forbidden_list(forbidden: &str) -> String {
    let chars: Vec<char> = forbidden.chars().collect();
    let mut list = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if i > 0 {
            list.push_str(if i + 1 == chars.len() { " or " } else { ", " });
        }
        match c {
            '`' => list.push_str("`` ` ``"),
            c if c.is_whitespace() || c.is_control() => {
                let _ = write!(list, "`\\u{{{:x}}}`", u32::from(c));
            }
            c => {
                list.push('`');
                list.push(c);
                list.push('`');
            }
        }
    }
    list
}

/// An ECMA-262 regular expression matching exactly the strings without any character of
/// `forbidden` (`^[^@#?]*$`), for JSON Schema's `pattern`. Class metacharacters are escaped,
/// control characters and other ASCII outside the printable range written `\xHH`.
///
/// ```
/// use fieldtab_runtime::forbidden_pattern;
///
/// assert_eq!(forbidden_pattern("@#?"), "^[^@#?]*$");
/// assert_eq!(forbidden_pattern(r"]^-\"), r"^[^\]\^\-\\]*$");
/// assert_eq!(forbidden_pattern("\t"), r"^[^\x09]*$");
/// ```
pub fn forbidden_pattern(forbidden: &str) -> String {
    let mut pattern = String::from("^[^");
    for c in forbidden.chars() {
        match c {
            '\\' | ']' | '[' | '^' | '-' => {
                pattern.push('\\');
                pattern.push(c);
            }
            c if c.is_ascii_control() => {
                let _ = write!(pattern, "\\x{:02x}", u32::from(c));
            }
            c => pattern.push(c),
        }
    }
    pattern.push_str("]*$");
    pattern
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_forbidden_character() {
        assert!(check_forbidden("", "@").is_ok());
        assert!(check_forbidden("plain", "@#?").is_ok());
        let at = |value: &str, set: &str| {
            check_forbidden(value, set)
                .unwrap_err()
                .message
                .rsplit(' ')
                .next()
                .unwrap()
                .to_owned()
        };
        assert_eq!(at("@", "@"), "0");
        assert_eq!(at("éé?", "@#?"), "4", "byte offset, not character");
        assert_eq!(at("a€b€", "€"), "1", "non-ASCII set");
        assert_eq!(at("a😀", "😀x"), "1");
        assert!(check_forbidden("é", "\u{e9}x").is_err());
        assert!(
            check_forbidden("e\u{301}", "é").is_ok(),
            "characters, not graphemes"
        );
    }

    #[test]
    fn messages_name_the_set_never_the_value() {
        let e = check_forbidden("secret@", "@").unwrap_err();
        assert_eq!(e.message, "must not contain `@`; found one at byte 6");
        assert!(!e.message.contains("secret"));
        assert_eq!(forbidden_list("@#"), "`@` or `#`");
        assert_eq!(forbidden_list("`"), "`` ` ``");
        assert_eq!(forbidden_list("\n"), r"`\u{a}`");
    }

    #[test]
    fn the_pattern_is_the_rule() {
        let sets = ["@#?", r"]^-\[", "\t\u{7f} ", "é😀", "/"];
        let values = [
            "", "abc", "a@b", "]", "^", "-", "\\", "[", "\t", " ", "é", "😀", "/x",
        ];
        for set in sets {
            let regex = regex::Regex::new(&forbidden_pattern(set)).unwrap();
            for value in values {
                assert_eq!(
                    regex.is_match(value),
                    check_forbidden(value, set).is_ok(),
                    "{set:?} {value:?}"
                );
            }
        }
    }
}
