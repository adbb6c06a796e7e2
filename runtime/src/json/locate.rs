//! Where a JSON Pointer leads in a message's text, for reports that show the line and column
//! of each violation (docs/SEMANTICS.md §5.3). Computed from the text and the path when asked,
//! so decoding and validating pay nothing for it.

use super::read::value_end;
use super::syntax::{check_document, skip_ws};
use super::{Json, Members, read};

/// A place in a message's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Location {
    /// The byte offset.
    pub offset: usize,
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, in characters.
    pub column: usize,
}

impl Location {
    /// The location of byte `offset` of `text` (the end of the text at most).
    pub fn of(text: &[u8], offset: usize) -> Location {
        let offset = offset.min(text.len());
        let before = &text[..offset];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        // Characters, not bytes: UTF-8 continuation bytes do not start one.
        let column = before[line_start..]
            .iter()
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count()
            + 1;
        Location {
            offset,
            line,
            column,
        }
    }
}

/// What a pointer's last step points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// The value (the first occurrence of a repeated key's).
    Value,
    /// The key of the member (an unknown field).
    Key,
    /// The key of the `n`-th repeat of the member's key (1 the first repeat): a duplicate key.
    Repeat(usize),
}

/// The byte offset in `text` (a whole JSON document) of what `pointer` (an RFC 6901 JSON
/// Pointer) designates: the value, a member's key, or a repeat of it (`target`); when a step
/// finds no value (a missing field, an index past the end), the object or array that lacks
/// it. `None` when `text` is not JSON or the pointer goes through a value that is neither.
///
/// ```
/// use fieldtab_runtime::json::locate::{Target, locate};
///
/// let text = b"{\n  \"header\": {\"pid\": 12},\n  \"tags\": [\"a\", \"b\"]\n}";
/// assert_eq!(locate(text, "/header/pid", Target::Value), Some(22));
/// assert_eq!(locate(text, "/tags/1", Target::Value), Some(43));
/// assert_eq!(locate(text, "/header/missing", Target::Value), Some(14)); // the object
/// ```
pub fn locate(text: &[u8], pointer: &str, target: Target) -> Option<usize> {
    check_document(text).ok()?;
    find(text, pointer, target)
}

/// [`locate`] in text already checked (a report locates every violation after one check).
pub(crate) fn find(text: &[u8], pointer: &str, target: Target) -> Option<usize> {
    let mut at = skip_ws(text, 0);
    let mut steps = pointer.split('/').skip(1).peekable();
    while let Some(step) = steps.next() {
        let token = unescape(step);
        let last = steps.peek().is_none();
        match read::value_at(text, at) {
            Json::Object(members) => {
                match member(members, &token, if last { target } else { Target::Value }) {
                    Some(found) => at = found,
                    None => return Some(at),
                }
            }
            Json::Array(elements) => {
                let index: usize = token.parse().ok()?;
                match elements.iter_at().nth(index) {
                    Some(found) => at = found,
                    None => return Some(at),
                }
            }
            _ => return None,
        }
    }
    Some(at)
}

/// The offset of the member `key` of `members` as `target` asks.
fn member(members: Members<'_>, key: &str, target: Target) -> Option<usize> {
    let mut occurrences = members.iter().filter(|m| m.key_is(key));
    match target {
        Target::Value => occurrences.next().map(|m| m.value_at),
        Target::Key => occurrences.next().map(|m| m.key_at),
        Target::Repeat(n) => {
            let first = occurrences.next()?;
            // Not repeated that often: the first occurrence's value then.
            Some(occurrences.nth(n - 1).map_or(first.value_at, |m| m.key_at))
        }
    }
}

/// A pointer token unescaped (`~1` is `/`, `~0` is `~`).
fn unescape(token: &str) -> std::borrow::Cow<'_, str> {
    if token.contains('~') {
        token.replace("~1", "/").replace("~0", "~").into()
    } else {
        token.into()
    }
}

/// Where the value at `at` of checked text ends (for a caret under the whole value).
pub fn value_end_at(text: &[u8], at: usize) -> usize {
    value_end(text, at)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &[u8] =
        "{\"a/b\":{\"k~\":[1,{\"é\":null}]},\"d\":1,\"d\":2,\"d\":3,\n \"x\" :\t\"v\"}".as_bytes();

    fn at(pointer: &str, target: Target) -> Option<(usize, usize)> {
        locate(TEXT, pointer, target).map(|offset| {
            let location = Location::of(TEXT, offset);
            (location.line, location.column)
        })
    }

    #[test]
    fn follows_keys_indices_and_escapes() {
        assert_eq!(at("", Target::Value), Some((1, 1)));
        assert_eq!(at("/a~1b", Target::Value), Some((1, 8)));
        assert_eq!(at("/a~1b/k~0/1/é", Target::Value), Some((1, 22)));
        assert_eq!(at("/x", Target::Value), Some((2, 8)));
        assert_eq!(at("/x", Target::Key), Some((2, 2)));
        // Repeats: the first, second and third occurrence of `d`.
        assert_eq!(at("/d", Target::Value), Some((1, 34)));
        assert_eq!(at("/d", Target::Repeat(1)), Some((1, 36)));
        assert_eq!(at("/d", Target::Repeat(2)), Some((1, 42)));
    }

    #[test]
    fn a_missing_step_points_at_what_lacks_it() {
        assert_eq!(at("/missing", Target::Value), Some((1, 1)));
        assert_eq!(at("/a~1b/k~0/9", Target::Value), Some((1, 14)));
        assert_eq!(at("/a~1b/k~0/x", Target::Value), None);
        assert_eq!(at("/d/e", Target::Value), None);
        assert_eq!(locate(b"{", "", Target::Value), None);
    }

    #[test]
    fn columns_count_characters() {
        let text = "{\"é\": \"ü\", \"b\": 1}".as_bytes();
        let offset = locate(text, "/b", Target::Value).unwrap();
        assert_eq!(Location::of(text, offset).column, 17);
    }
}
