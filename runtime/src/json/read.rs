//! Reading a JSON text that [`syntax`](super::syntax) has accepted: values are made on demand,
//! where a reader asks for them, and nothing of the document is kept besides the text itself
//! (the dynamic validator's memory stays within the input's size: SECURITY.md). Since the text
//! is known to be well formed, these readers never fail; they only have to find where each
//! value ends.

use std::borrow::Cow;
use std::fmt;

use super::Json;
use super::syntax::skip_ws;

/// The value at `pos` (its first byte) of a checked text.
pub(super) fn value_at(input: &[u8], pos: usize) -> Json<'_> {
    match input.get(pos) {
        Some(b'n') | None => Json::Null,
        Some(b't') => Json::Bool(true),
        Some(b'f') => Json::Bool(false),
        Some(b'"') => Json::Str(string_at(input, pos)),
        Some(b'[') => Json::Array(Elements { input, at: pos }),
        Some(b'{') => Json::Object(Members { input, at: pos }),
        Some(_) => {
            let end = number_end(input, pos);
            Json::Number(as_str(&input[pos..end]))
        }
    }
}

/// Where the value at `pos` ends.
pub(crate) fn value_end(input: &[u8], pos: usize) -> usize {
    match input.get(pos) {
        Some(b'"') => string_end(input, pos),
        Some(b'[' | b'{') => container_end(input, pos),
        Some(b'n' | b't') => pos + 4,
        Some(b'f') => pos + 5,
        Some(_) => number_end(input, pos),
        None => pos,
    }
}

fn number_end(input: &[u8], pos: usize) -> usize {
    pos + input[pos..]
        .iter()
        .take_while(|b| matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
        .count()
}

/// Where the string whose opening quote is at `pos` ends (after its closing quote).
fn string_end(input: &[u8], pos: usize) -> usize {
    let mut i = pos + 1;
    while let Some(&b) = input.get(i) {
        match b {
            b'"' => return i + 1,
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
    i
}

/// Where the array or object at `pos` ends: depth counted, strings skipped.
fn container_end(input: &[u8], pos: usize) -> usize {
    let mut depth = 0usize;
    let mut i = pos;
    while let Some(&b) = input.get(i) {
        match b {
            b'"' => {
                i = string_end(input, i);
                continue;
            }
            b'[' | b'{' => depth += 1,
            b']' | b'}' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    i
}

/// Checked text is UTF-8; `""` would only be reached on text the syntax check refused.
fn as_str(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap_or_default()
}

/// The content of the string whose opening quote is at `pos`: borrowed without escapes.
pub(super) fn string_at(input: &[u8], pos: usize) -> Cow<'_, str> {
    let end = string_end(input, pos);
    let raw = &input[pos + 1..end - 1];
    if !raw.contains(&b'\\') {
        return Cow::Borrowed(as_str(raw));
    }
    Cow::Owned(unescape(raw))
}

/// The content of a string with escapes (checked: every escape is valid, surrogates paired),
/// in a buffer of exactly its size: a long string of escapes takes half its text's room or less.
fn unescape(raw: &[u8]) -> String {
    let mut out = String::with_capacity(unescaped_len(raw));
    let mut i = 0;
    while i < raw.len() {
        let plain = raw[i..]
            .iter()
            .position(|&b| b == b'\\')
            .unwrap_or(raw.len() - i);
        out.push_str(as_str(&raw[i..i + plain]));
        i += plain;
        if i >= raw.len() {
            break;
        }
        let escaped = raw.get(i + 1).copied().unwrap_or(b'\\');
        i += 2;
        let c = match escaped {
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let high = hex4(raw, i);
                i += 4;
                let code = if (0xD800..=0xDBFF).contains(&high) {
                    let low = hex4(raw, i + 2);
                    i += 6;
                    0x10000 + ((high - 0xD800) << 10) + (low.wrapping_sub(0xDC00) & 0x3FF)
                } else {
                    high
                };
                char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
            }
            other => char::from(other),
        };
        out.push(c);
    }
    out
}

/// The length in bytes of what [`unescape`] makes of `raw`.
fn unescaped_len(raw: &[u8]) -> usize {
    let mut len = 0;
    let mut i = 0;
    while i < raw.len() {
        if raw[i] != b'\\' {
            len += 1;
            i += 1;
        } else if raw.get(i + 1) == Some(&b'u') {
            let unit = hex4(raw, i + 2);
            i += 6;
            len += match unit {
                0..=0x7F => 1,
                0x80..=0x7FF => 2,
                // A high surrogate and its low one: four bytes for the two escapes.
                0xD800..=0xDBFF => {
                    i += 6;
                    4
                }
                _ => 3,
            };
        } else {
            len += 1;
            i += 2;
        }
    }
    len
}

fn hex4(raw: &[u8], at: usize) -> u32 {
    raw.get(at..at + 4)
        .and_then(|digits| std::str::from_utf8(digits).ok())
        .and_then(|digits| u32::from_str_radix(digits, 16).ok())
        .unwrap_or(0)
}

/// The members of an object of checked text, read as they are asked for.
#[derive(Clone, Copy, PartialEq)]
pub struct Members<'a> {
    input: &'a [u8],
    /// The object's `{`.
    at: usize,
}

/// One member of an object: where its key and value are.
#[derive(Clone, Copy, Debug)]
pub struct Member<'a> {
    input: &'a [u8],
    /// The key's opening quote.
    pub key_at: usize,
    /// The value's first byte.
    pub value_at: usize,
}

impl<'a> Member<'a> {
    /// The key, unescaped.
    pub fn key(&self) -> Cow<'a, str> {
        string_at(self.input, self.key_at)
    }

    /// Whether the key is `ident` (compared as unescaped text).
    pub fn key_is(&self, ident: &str) -> bool {
        let raw = self.raw_key();
        match raw.contains(&b'\\') {
            false => raw == ident.as_bytes(),
            true => self.key() == ident,
        }
    }

    /// The key's text between its quotes, escapes as written.
    pub fn raw_key(&self) -> &'a [u8] {
        &self.input[self.key_at + 1..string_end(self.input, self.key_at) - 1]
    }

    /// The value.
    pub fn value(&self) -> Json<'a> {
        value_at(self.input, self.value_at)
    }
}

impl<'a> Members<'a> {
    /// Where the object's `{` is in the text.
    pub fn at(&self) -> usize {
        self.at
    }

    /// The members in input order, duplicates included.
    pub fn iter(&self) -> MemberIter<'a> {
        MemberIter {
            input: self.input,
            pos: skip_ws(self.input, self.at + 1),
        }
    }

    /// The value of the first member whose key is `key`.
    pub fn first(&self, key: &str) -> Option<Json<'a>> {
        self.iter().find(|m| m.key_is(key)).map(|m| m.value())
    }

    /// The member whose key's opening quote is at `key_at` (from [`Member::key_at`]).
    pub fn member_at(&self, key_at: usize) -> Member<'a> {
        member_from(self.input, key_at)
    }
}

fn member_from(input: &[u8], key_at: usize) -> Member<'_> {
    let colon = skip_ws(input, string_end(input, key_at));
    Member {
        input,
        key_at,
        value_at: skip_ws(input, colon + 1),
    }
}

impl fmt::Debug for Members<'_> {
    /// Where the object is, never what it holds (values may be sensitive).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Members(at byte {})", self.at)
    }
}

/// The iterator of [`Members::iter`].
pub struct MemberIter<'a> {
    input: &'a [u8],
    /// The next key's quote, or the object's `}`.
    pos: usize,
}

impl<'a> Iterator for MemberIter<'a> {
    type Item = Member<'a>;

    fn next(&mut self) -> Option<Member<'a>> {
        if self.input.get(self.pos) != Some(&b'"') {
            return None;
        }
        let member = member_from(self.input, self.pos);
        let after = skip_ws(self.input, value_end(self.input, member.value_at));
        self.pos = match self.input.get(after) {
            Some(b',') => skip_ws(self.input, after + 1),
            _ => after,
        };
        Some(member)
    }
}

/// The elements of an array of checked text, read as they are asked for.
#[derive(Clone, Copy, PartialEq)]
pub struct Elements<'a> {
    input: &'a [u8],
    /// The array's `[`.
    at: usize,
}

impl<'a> Elements<'a> {
    /// Where the array's `[` is in the text.
    pub fn at(&self) -> usize {
        self.at
    }

    /// Where each element starts, in order.
    pub fn iter_at(&self) -> impl Iterator<Item = usize> + 'a {
        let input = self.input;
        let mut pos = skip_ws(input, self.at + 1);
        std::iter::from_fn(move || {
            if let Some(b']') | None = input.get(pos) {
                return None;
            }
            let start = pos;
            let after = skip_ws(input, value_end(input, pos));
            pos = match input.get(after) {
                Some(b',') => skip_ws(input, after + 1),
                _ => after,
            };
            Some(start)
        })
    }

    /// The elements in order.
    pub fn iter(&self) -> ElementIter<'a> {
        ElementIter {
            input: self.input,
            pos: skip_ws(self.input, self.at + 1),
        }
    }
}

impl fmt::Debug for Elements<'_> {
    /// Where the array is, never what it holds.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Elements(at byte {})", self.at)
    }
}

/// The iterator of [`Elements::iter`].
pub struct ElementIter<'a> {
    input: &'a [u8],
    /// The next element, or the array's `]`.
    pos: usize,
}

impl<'a> Iterator for ElementIter<'a> {
    type Item = Json<'a>;

    fn next(&mut self) -> Option<Json<'a>> {
        match self.input.get(self.pos) {
            Some(b']') | None => return None,
            Some(_) => {}
        }
        let value = value_at(self.input, self.pos);
        let after = skip_ws(self.input, value_end(self.input, self.pos));
        self.pos = match self.input.get(after) {
            Some(b',') => skip_ws(self.input, after + 1),
            _ => after,
        };
        Some(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_unescaped_length_is_exact() {
        for raw in [
            r"a\nb",
            r"\u0041\u00e9\u20ac\ud83d\ude00",
            r#"\"\\\/\b\f\r\t"#,
            "é\\u0000x",
            r"\u07ff\u0800\uffff",
        ] {
            let text = unescape(raw.as_bytes());
            assert_eq!(unescaped_len(raw.as_bytes()), text.len(), "{raw}");
            assert_eq!(text.capacity(), text.len(), "{raw}");
        }
        assert_eq!(unescape(br"\u0041\u00e9\ud83d\ude00"), "A\u{e9}\u{1f600}");
    }
}
