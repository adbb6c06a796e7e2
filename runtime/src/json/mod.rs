//! JSON text as fieldtab reads it, in one place for every reader: what is JSON ([`syntax`]:
//! RFC 8259 as serde_json reads it, any number included, docs/SEMANTICS.md §7.2), values read
//! in place from checked text without building a tree ([`Json`], [`Members`], [`Elements`]:
//! the dynamic validator's view of a document), and where a violation's value is in the text
//! ([`locate`](locate::locate), for reports that point at a line and column).
//!
//! ```
//! use fieldtab_runtime::json::{Json, read_document};
//!
//! let text = br#"{"amount": {"value": 1e400, "currency": "USD"}, "tags": ["a", "b"]}"#;
//! let Ok(Json::Object(message)) = read_document(text) else { panic!("not an object") };
//! let Some(Json::Object(amount)) = message.first("amount") else { panic!("no amount") };
//! assert_eq!(amount.first("value"), Some(Json::Number("1e400")));
//! let Some(Json::Array(tags)) = message.first("tags") else { panic!("no tags") };
//! assert_eq!(tags.iter().count(), 2);
//! ```

pub mod locate;
mod read;
pub mod syntax;

use std::borrow::Cow;

pub use read::{ElementIter, Elements, Member, MemberIter, Members};
use syntax::{SyntaxError, check_document, skip_ws};

use crate::JsonKind;

/// A JSON value of checked text. Strings borrow from the text when they hold no escape; arrays
/// and objects are positions in the text, their elements and members read when iterated.
#[derive(Clone, Debug, PartialEq)]
pub enum Json<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written (`-720`, `0.88`, `1e3`, `1e400`).
    Number(&'a str),
    /// A string, unescaped.
    Str(Cow<'a, str>),
    /// An array, elements in order.
    Array(Elements<'a>),
    /// An object: every member in input order, duplicate keys kept.
    Object(Members<'a>),
}

impl Json<'_> {
    /// The kind of the value, to word `type` violations.
    pub fn kind(&self) -> JsonKind {
        match self {
            Json::Null => JsonKind::Null,
            Json::Bool(_) => JsonKind::Bool,
            Json::Number(_) => JsonKind::Number,
            Json::Str(_) => JsonKind::String,
            Json::Array(_) => JsonKind::Array,
            Json::Object(_) => JsonKind::Object,
        }
    }
}

/// Checks `text` as one JSON document ([`syntax::check_document`]) and gives its value.
pub fn read_document(text: &[u8]) -> Result<Json<'_>, SyntaxError> {
    check_document(text)?;
    Ok(read::value_at(text, skip_ws(text, 0)))
}

/// The value at byte `pos` (its first byte) of text [`syntax`] accepted: for a reader that
/// checked a sequence of values itself ([`syntax::check_value`]).
pub fn value_at(text: &[u8], pos: usize) -> Json<'_> {
    read::value_at(text, pos)
}
