//! The rules a value can break, and one rule's failure.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, EnumAccess, Unexpected, VariantAccess};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The kind of rule a [`Violation`](crate::Violation) broke.
///
/// The names ([`Rule::as_str`], `Display`, serde) are those of docs/SEMANTICS.md §5.1:
/// `syntax`, `type`, `required`, `length`, `charset`, `format`, `enum`, `const`, `range`,
/// `unknown_field`, `pattern`, `group`.
///
/// ```
/// use fieldtab_runtime::Rule;
///
/// assert_eq!(Rule::UnknownField.as_str(), "unknown_field");
/// assert_eq!(Rule::Const.to_string(), "const");
/// assert_eq!(serde_json::to_string(&Rule::Type).unwrap(), r#""type""#);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    /// Bytes that are not JSON (malformed, not UTF-8, nested too deep), or a duplicate key.
    Syntax,
    /// The JSON value has the wrong type (a number where a string is expected, an array where
    /// the document's object is expected, …).
    Type,
    /// A mandatory value is absent, `null` or an empty string.
    Required,
    /// The value is shorter or longer than the field allows.
    Length,
    /// The value holds a character outside the field's ISO 8583 character class.
    Charset,
    /// The value does not have the field's format (date, offset, currency, URL, …).
    Format,
    /// The value is not one of a closed enumeration's values.
    Enum,
    /// The value differs from the field's fixed value.
    Const,
    /// A well-formed number lies outside the field's range.
    Range,
    /// A field the schema does not name, where unknown fields are denied.
    UnknownField,
    /// The value does not match the field's pattern.
    Pattern,
    /// A group of an object's fields (`Exactly one of: a, b`) has too many or too few of its
    /// members present.
    Group,
}

impl Rule {
    /// Every rule, in declaration order.
    ///
    /// ```
    /// assert_eq!(fieldtab_runtime::Rule::ALL.len(), 12);
    /// ```
    pub const ALL: [Rule; 12] = [
        Rule::Syntax,
        Rule::Type,
        Rule::Required,
        Rule::Length,
        Rule::Charset,
        Rule::Format,
        Rule::Enum,
        Rule::Const,
        Rule::Range,
        Rule::UnknownField,
        Rule::Pattern,
        Rule::Group,
    ];

    /// The rule's name as docs/SEMANTICS.md §5.1 spells it.
    ///
    /// ```
    /// assert_eq!(fieldtab_runtime::Rule::Range.as_str(), "range");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Rule::Syntax => "syntax",
            Rule::Type => "type",
            Rule::Required => "required",
            Rule::Length => "length",
            Rule::Charset => "charset",
            Rule::Format => "format",
            Rule::Enum => "enum",
            Rule::Const => "const",
            Rule::Range => "range",
            Rule::UnknownField => "unknown_field",
            Rule::Pattern => "pattern",
            Rule::Group => "group",
        }
    }
}

/// The names of [`Rule::ALL`], in order: serde's list of variants.
const NAMES: [&str; Rule::ALL.len()] = {
    let mut names = [""; Rule::ALL.len()];
    let mut i = 0;
    while i < names.len() {
        names[i] = Rule::ALL[i].as_str();
        i += 1;
    }
    names
};

/// As serde's derive of a unit-only enum writes it: the variant, named by [`Rule::as_str`].
impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_unit_variant("Rule", *self as u32, self.as_str())
    }
}

/// As serde's derive of a unit-only enum reads it: a variant named by [`Rule::as_str`] (or
/// by its index, in formats that write indices), without content.
impl<'de> Deserialize<'de> for Rule {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Variant;
        impl<'de> de::Visitor<'de> for Variant {
            type Value = Rule;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("enum Rule")
            }
            fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Rule, A::Error> {
                let (rule, content) = data.variant::<Name>()?;
                content.unit_variant()?;
                Ok(rule.0)
            }
        }
        deserializer.deserialize_enum("Rule", &NAMES, Variant)
    }
}

/// A rule's variant identifier.
struct Name(Rule);

impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_identifier(Name(Rule::Syntax))
    }
}

impl de::Visitor<'_> for Name {
    type Value = Name;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("variant identifier")
    }
    fn visit_u64<E: de::Error>(self, index: u64) -> Result<Name, E> {
        match usize::try_from(index).ok().and_then(|i| Rule::ALL.get(i)) {
            Some(&rule) => Ok(Name(rule)),
            None => Err(E::invalid_value(
                Unexpected::Unsigned(index),
                &"variant index 0 <= i < 12",
            )),
        }
    }
    fn visit_str<E: de::Error>(self, name: &str) -> Result<Name, E> {
        match Rule::ALL.iter().find(|rule| rule.as_str() == name) {
            Some(&rule) => Ok(Name(rule)),
            None => Err(E::unknown_variant(name, &NAMES)),
        }
    }
    fn visit_bytes<E: de::Error>(self, name: &[u8]) -> Result<Name, E> {
        match Rule::ALL
            .iter()
            .find(|rule| rule.as_str().as_bytes() == name)
        {
            Some(&rule) => Ok(Name(rule)),
            None => Err(E::unknown_variant(&String::from_utf8_lossy(name), &NAMES)),
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The kind of a JSON value, to word `type` violations.
///
/// `Integer` is only ever *expected*: a JSON number that must be an integer in `i64` range.
///
/// ```
/// use fieldtab_runtime::JsonKind;
///
/// assert_eq!(JsonKind::of(&serde_json::json!([1])), JsonKind::Array);
/// assert_eq!(JsonKind::String.to_string(), "a string");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JsonKind {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool,
    /// Any JSON number.
    Number,
    /// A JSON number that is an integer in `i64` range (used as an expected kind).
    Integer,
    /// A JSON string.
    String,
    /// A JSON array.
    Array,
    /// A JSON object.
    Object,
}

impl JsonKind {
    /// The kind of a parsed JSON value (`Number` for every number).
    ///
    /// ```
    /// use fieldtab_runtime::JsonKind;
    /// assert_eq!(JsonKind::of(&serde_json::json!(1.5)), JsonKind::Number);
    /// ```
    pub fn of(value: &serde_json::Value) -> JsonKind {
        match value {
            serde_json::Value::Null => JsonKind::Null,
            serde_json::Value::Bool(_) => JsonKind::Bool,
            serde_json::Value::Number(_) => JsonKind::Number,
            serde_json::Value::String(_) => JsonKind::String,
            serde_json::Value::Array(_) => JsonKind::Array,
            serde_json::Value::Object(_) => JsonKind::Object,
        }
    }

    /// The kind in words, with its article: `"a string"`, `"an object"`, `"null"`.
    ///
    /// ```
    /// assert_eq!(fieldtab_runtime::JsonKind::Integer.as_str(), "an integer");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            JsonKind::Null => "null",
            JsonKind::Bool => "a boolean",
            JsonKind::Number => "a number",
            JsonKind::Integer => "an integer",
            JsonKind::String => "a string",
            JsonKind::Array => "an array",
            JsonKind::Object => "an object",
        }
    }
}

impl fmt::Display for JsonKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One rule's failure on one value, without a path; [`Report::push`](crate::Report::push) adds
/// the path.
///
/// The message never contains the rejected value: it may name lengths, positions, expected
/// formats and allowed values. The shared constructors (`required`, `empty`, `wrong_type`, …) are
/// `#[cold]` and used by generated code and the dynamic validator alike, so both word their
/// violations the same way.
///
/// ```
/// use fieldtab_runtime::{JsonKind, Rule, RuleError};
///
/// let e = RuleError::wrong_type(JsonKind::String, JsonKind::Number);
/// assert_eq!(e.rule, Rule::Type);
/// assert_eq!(e.message, "expected a string, found a number");
/// assert_eq!(e.to_string(), "type: expected a string, found a number");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RuleError {
    /// The rule that failed.
    pub rule: Rule,
    /// What is wrong, in words; never the value itself.
    pub message: Cow<'static, str>,
}

impl RuleError {
    /// A failure of `rule` with `message`.
    ///
    /// ```
    /// use fieldtab_runtime::{Rule, RuleError};
    /// let e = RuleError::new(Rule::Range, "must be at most 1");
    /// assert_eq!(e.rule, Rule::Range);
    /// ```
    #[cold]
    pub fn new(rule: Rule, message: impl Into<Cow<'static, str>>) -> RuleError {
        RuleError {
            rule,
            message: message.into(),
        }
    }

    /// A `format` failure: the value does not have the expected format.
    #[cold]
    pub(crate) fn format(message: impl Into<Cow<'static, str>>) -> RuleError {
        RuleError::new(Rule::Format, message)
    }

    /// A mandatory value is absent or `null` (rule `required`).
    ///
    /// ```
    /// assert_eq!(fieldtab_runtime::RuleError::required().message, "is required");
    /// ```
    #[cold]
    pub fn required() -> RuleError {
        RuleError::new(Rule::Required, "is required")
    }

    /// A mandatory value is the empty string (rule `required`).
    ///
    /// ```
    /// assert_eq!(fieldtab_runtime::RuleError::empty().message, "is required and must not be empty");
    /// ```
    #[cold]
    pub fn empty() -> RuleError {
        RuleError::new(Rule::Required, "is required and must not be empty")
    }

    /// The JSON value is of the wrong kind (rule `type`).
    ///
    /// ```
    /// use fieldtab_runtime::{JsonKind, RuleError};
    /// let e = RuleError::wrong_type(JsonKind::Integer, JsonKind::String);
    /// assert_eq!(e.message, "expected an integer, found a string");
    /// ```
    #[cold]
    pub fn wrong_type(expected: JsonKind, found: JsonKind) -> RuleError {
        RuleError::new(
            Rule::Type,
            format!("expected {}, found {}", expected.as_str(), found.as_str()),
        )
    }

    /// The value is not one of a closed enumeration's values (rule `enum`).
    ///
    /// ```
    /// let e = fieldtab_runtime::RuleError::not_in_enum(&["S", "F", "U"]);
    /// assert_eq!(e.message, "must be one of `S`, `F`, `U`");
    /// ```
    #[cold]
    pub fn not_in_enum(allowed: &[&str]) -> RuleError {
        let mut message = String::from("must be one of ");
        for (i, value) in allowed.iter().enumerate() {
            if i > 0 {
                message.push_str(", ");
            }
            message.push('`');
            message.push_str(value);
            message.push('`');
        }
        RuleError::new(Rule::Enum, message)
    }

    /// A field the schema does not name, where unknown fields are denied (rule `unknown_field`).
    ///
    /// ```
    /// assert_eq!(fieldtab_runtime::RuleError::unknown_field().message, "unknown field");
    /// ```
    #[cold]
    pub fn unknown_field() -> RuleError {
        RuleError::new(Rule::UnknownField, "unknown field")
    }

    /// Malformed JSON, or a duplicate key (rule `syntax`).
    ///
    /// ```
    /// let e = fieldtab_runtime::RuleError::syntax("duplicate key");
    /// assert_eq!(e.to_string(), "syntax: duplicate key");
    /// ```
    #[cold]
    pub fn syntax(message: impl Into<Cow<'static, str>>) -> RuleError {
        RuleError::new(Rule::Syntax, message)
    }

    /// The value differs from the field's fixed value (rule `const`).
    ///
    /// ```
    /// assert_eq!(fieldtab_runtime::RuleError::const_mismatch("41").message, "must be `41`");
    /// ```
    #[cold]
    pub fn const_mismatch(expected: &str) -> RuleError {
        RuleError::new(Rule::Const, format!("must be `{expected}`"))
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.rule, self.message)
    }
}

impl std::error::Error for RuleError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_documented_ones() {
        let names: Vec<&str> = Rule::ALL.iter().map(|r| r.as_str()).collect();
        assert_eq!(
            names,
            [
                "syntax",
                "type",
                "required",
                "length",
                "charset",
                "format",
                "enum",
                "const",
                "range",
                "unknown_field",
                "pattern",
                "group"
            ]
        );
        for rule in Rule::ALL {
            let json = serde_json::to_string(&rule).unwrap();
            assert_eq!(json, format!("\"{rule}\""));
            assert_eq!(serde_json::from_str::<Rule>(&json).unwrap(), rule);
        }
    }

    #[test]
    fn shared_constructors() {
        assert_eq!(RuleError::required().rule, Rule::Required);
        assert_eq!(RuleError::empty().rule, Rule::Required);
        assert_eq!(RuleError::unknown_field().rule, Rule::UnknownField);
        assert_eq!(RuleError::syntax("x").rule, Rule::Syntax);
        assert_eq!(RuleError::const_mismatch("41").rule, Rule::Const);
        let e = RuleError::not_in_enum(&[]);
        assert_eq!(
            (e.rule, e.message.as_ref()),
            (Rule::Enum, "must be one of ")
        );
        let e = RuleError::wrong_type(JsonKind::Object, JsonKind::Null);
        assert_eq!(e.message, "expected an object, found null");
        assert_eq!(JsonKind::of(&serde_json::json!({})), JsonKind::Object);
        assert_eq!(JsonKind::of(&serde_json::json!(null)), JsonKind::Null);
        assert_eq!(JsonKind::of(&serde_json::json!(true)), JsonKind::Bool);
        assert_eq!(JsonKind::of(&serde_json::json!("s")), JsonKind::String);
    }
}
