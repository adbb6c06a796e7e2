//! The dynamic validator's view of a JSON document: what the walk of the model needs and
//! `serde_json::Value` loses — every key of an object in input order, duplicates included,
//! and every number's text as written (numbers are checked on their text, never through `f64`:
//! docs/SEMANTICS.md §2.8) — at no cost in memory beyond the input.
//!
//! The text is first checked whole (`fieldtab_runtime::json::syntax`, what the decoder calls
//! malformed too: malformed JSON is one `syntax` violation, before anything else is looked at);
//! then values are read where the walk asks for them (`fieldtab_runtime::json`): an object or
//! an array is a position in the input, its members and elements read again each time they
//! are iterated. So a document of many tiny values costs no tree
//! (the validator's memory stays within the input's size, docs/SEMANTICS.md §7.2), and any
//! number the JSON grammar allows is a number (`1e400` is a number that a string field calls
//! the wrong type and an `Integer` field out of range, not malformed JSON).

pub(crate) use fieldtab_runtime::json::{Json, Member, Members};
use fieldtab_runtime::json::{
    read_document, syntax::SyntaxError, syntax::check_value, syntax::skip_ws, value_at,
};

/// The largest document read: offsets into it are kept in 31 bits (`keys.rs`).
pub(crate) const MAX_DOCUMENT: usize = (1 << 31) - 1;

/// Parses one JSON document (surrounding whitespace allowed, nothing else after it).
///
/// serde_json's depth limit applies (127 levels), so deep input is an error, not a stack
/// overflow; so does [`MAX_DOCUMENT`].
pub(crate) fn parse(bytes: &[u8]) -> Result<Json<'_>, SyntaxError> {
    if bytes.len() > MAX_DOCUMENT {
        return Err(SyntaxError::too_large());
    }
    read_document(bytes)
}

/// Parses a sequence of JSON values separated by whitespace (the values of an `Example` cell):
/// each value with its own text.
pub(crate) fn parse_all(text: &str) -> Result<Vec<(Json<'_>, &str)>, SyntaxError> {
    let bytes = text.as_bytes();
    let mut values = Vec::new();
    let mut pos = skip_ws(bytes, 0);
    while pos < bytes.len() {
        let end = check_value(bytes, pos)?;
        if end < bytes.len() && skip_ws(bytes, end) == end {
            // Two values must be apart (`1"a"` is not two values).
            if !matches!(bytes[pos], b'"' | b'[' | b'{')
                && !matches!(bytes[end], b'"' | b'[' | b'{')
            {
                return Err(SyntaxError::at(bytes, end, "trailing characters"));
            }
        }
        values.push((value_at(bytes, pos), &text[pos..end]));
        pos = skip_ws(bytes, end);
    }
    Ok(values)
}

#[cfg(test)]
mod tests;
