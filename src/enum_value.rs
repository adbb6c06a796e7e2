//! [`UnknownEnumValue`]: the error of a generated enum's `FromStr`.

use std::fmt;

/// A text that is none of a closed enum's values: the error of `str::parse` on a generated enum
/// (whose `FromStr` reads the wire value, as its `Display` writes it).
///
/// It names the enum, never the text: parsed text is often untrusted input.
///
/// ```
/// mod demo {
///     fieldtab::include_schema!("tests/schemas/fixed_enum.md");
/// }
/// # use demo::*;
/// let error = "nonsense".parse::<Status>().unwrap_err();
/// assert_eq!(error.to_string(), "not a value of the enum `Status`");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct UnknownEnumValue {
    enum_name: &'static str,
}

impl UnknownEnumValue {
    /// The error for the enum named `enum_name` in the schema (generated code builds it).
    pub const fn new(enum_name: &'static str) -> Self {
        UnknownEnumValue { enum_name }
    }

    /// The enum's name in the schema.
    pub fn enum_name(&self) -> &'static str {
        self.enum_name
    }
}

impl fmt::Display for UnknownEnumValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a value of the enum `{}`", self.enum_name)
    }
}

impl std::error::Error for UnknownEnumValue {}
