//! The checked model of a schema: what code generation, JSON Schema export and the dynamic
//! validator consume. Everything here has already passed the checker, so consumers never
//! re-validate it: every type reference resolves, every condition names a sibling, every length
//! is well-formed.

pub use fieldtab_runtime::{Charset, Format, ImageKinds};

/// A checked schema file together with every item of the files it imports (transitively).
#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    /// The `# Title` of the root file, if any.
    pub title: Option<String>,
    /// The prose under the title: the module's documentation.
    pub doc: String,
    /// Every item, those of imported files first (in import order), then the root file's, each
    /// in source order. Names are unique across the whole module.
    pub items: Vec<Item>,
}

impl Module {
    /// The item named `name`, if any.
    pub fn item(&self, name: &str) -> Option<&Item> {
        self.items.iter().find(|item| item.name == name)
    }
}

/// A `## message`, `## struct` or `## enum` item.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// The item's name as written in the heading (`EnrollmentRegistrationRequest`): already a
    /// valid Rust type name in UpperCamelCase.
    pub name: String,
    /// The prose under the heading: the item's documentation.
    pub doc: String,
    /// What the item is.
    pub kind: ItemKind,
}

/// The three kinds of item.
#[derive(Clone, Debug, PartialEq)]
pub enum ItemKind {
    /// A top-level request or response.
    Message(Object),
    /// A nested object type.
    Struct(Object),
    /// A set of string values.
    Enum(Enum),
}

/// The fields of a message or struct.
#[derive(Clone, Debug, PartialEq)]
pub struct Object {
    /// The fields, in table order (which is also the order of violations).
    pub fields: Vec<Field>,
    /// Whether a field the table does not name is an `unknown_field` violation.
    pub deny_unknown: bool,
}

/// One row of a field table.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// The wire identifier, exactly as in the JSON (`localTime`, `type`).
    pub ident: String,
    /// The human name from the `Field name` column, if the table has one.
    pub label: Option<String>,
    /// The field's type.
    pub ty: Type,
    /// The length limits, for types that have a length.
    pub length: Option<Length>,
    /// Mandatory, optional or conditional.
    pub requirement: Requirement,
    /// The value format, from the closed registry.
    pub format: Option<Format>,
    /// Formats that apply only when a condition on a sibling holds (`base64 image 100 KB jpeg
    /// png if type = BASE64; URL if type = URL`), in the order the Format cell gives them.
    ///
    /// Semantics (point 4b of the validation semantics): after the rules of point 4, each
    /// conditional format whose condition holds (exactly as for a conditional requirement: the
    /// sibling's first occurrence is a JSON string whose value is listed; for a typed value, the
    /// sibling's wire value) is checked with [`Format::check`], a failure being a `format`
    /// violation. Skipped, as the unconditional format is, when the value is an empty required
    /// one (point 3) or the charset failed. The checker guarantees such a field is a string (ISO
    /// code or `String`, not an array) without an unconditional [`Field::format`], and that every
    /// condition names a string or enum sibling.
    pub format_when: Vec<ConditionalFormat>,
    /// A fixed value the field must hold (`procType` is `41`).
    pub fixed: Option<String>,
    /// Whether the value is sensitive: it is never printed by Debug, Display or reports.
    pub sensitive: bool,
    /// The `Note` column: the field's documentation.
    pub doc: String,
    /// The `Example` cells, already checked against the field's own rules (JSON text).
    pub examples: Vec<String>,
}

impl Field {
    /// A field with no length, format, fixed value, sensitivity, documentation or examples: what
    /// the checker starts from before it reads a row's cells, and what tests build on.
    pub fn new(ident: impl Into<String>, ty: Type, requirement: Requirement) -> Field {
        Field {
            ident: ident.into(),
            label: None,
            ty,
            length: None,
            requirement,
            format: None,
            format_when: Vec::new(),
            fixed: None,
            sensitive: false,
            doc: String::new(),
            examples: Vec::new(),
        }
    }

    /// The string rules of the values of a field whose type is an enum (or an array of one): only
    /// its fixed value (an enum value has no length, charset or format), so a fixed value is the
    /// `const` rule, checked before `enum`. Generated code, the dynamic validator and the JSON
    /// Schema export take it from here.
    pub fn enum_rules(&self) -> fieldtab_runtime::StrRules<'_> {
        fieldtab_runtime::StrRules {
            fixed: self.fixed.as_deref(),
            ..fieldtab_runtime::StrRules::NONE
        }
    }

    /// The string rules of the field's values (of its elements, for an array of strings): length
    /// in bytes for ISO codes and in characters for `String`, the ISO charset, the fixed value and
    /// the format. `None` when the values are not strings. Code generation and the dynamic
    /// validator both take the rules from here, so they agree on them.
    pub fn str_rules(&self) -> Option<fieldtab_runtime::StrRules<'_>> {
        let mut ty = &self.ty;
        while let Type::Array(element) = ty {
            ty = element;
        }
        let (unit, charset) = match ty {
            Type::Iso(charset) => (fieldtab_runtime::LengthUnit::Bytes, Some(*charset)),
            Type::String => (fieldtab_runtime::LengthUnit::Chars, None),
            _ => return None,
        };
        Some(fieldtab_runtime::StrRules {
            length: self.length.map(|length| (unit, length.min, length.max)),
            charset,
            fixed: self.fixed.as_deref(),
            format: self.format,
        })
    }
}

/// The type of a field.
#[derive(Clone, Debug, PartialEq)]
pub enum Type {
    /// A JSON string of an ISO 8583 character class; length counts bytes.
    Iso(Charset),
    /// A JSON string of any Unicode text; length counts Unicode scalar values.
    String,
    /// A JSON number that is an integer (fits `i64`).
    Integer,
    /// A JSON `true` or `false`.
    Boolean,
    /// A named `struct`, `message` or `enum` of the module.
    Named(String),
    /// A JSON array of the element type.
    Array(Box<Type>),
}

/// Length limits, inclusive: `15` reads as `0..=15`, `1..15` as `1..=15`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Length {
    /// Minimum length (`0` when the schema gives only a maximum; emptiness of a mandatory
    /// field is a `required` violation, not a length one).
    pub min: u32,
    /// Maximum length, at least 1 and at least `min`.
    pub max: u32,
}

impl Length {
    /// A limit written as a bare maximum (`15`).
    pub fn max_only(max: u32) -> Self {
        Length { min: 0, max }
    }
}

/// Whether a field must be present.
#[derive(Clone, Debug, PartialEq)]
pub enum Requirement {
    /// `M`: always present, and not an empty string.
    Mandatory,
    /// `O`: may be absent (JSON `null` counts as absent).
    Optional,
    /// `C`: mandatory when the condition on a sibling holds, optional otherwise.
    Conditional(Condition),
}

/// A condition on a sibling field: the sibling's value is one of `values`.
#[derive(Clone, Debug, PartialEq)]
pub struct Condition {
    /// The sibling's wire identifier; the checker guarantees it names a string or enum field
    /// of the same object.
    pub sibling: String,
    /// The values (as they appear on the wire) for which the field is required.
    pub values: Vec<String>,
}

/// A format that applies when a condition on a sibling holds. See [`Field::format_when`].
#[derive(Clone, Debug, PartialEq)]
pub struct ConditionalFormat {
    /// When the format applies: the same kind of condition as a conditional requirement's.
    pub when: Condition,
    /// The format checked when the condition holds.
    pub format: Format,
}

impl Condition {
    /// Whether the condition holds for the sibling's value (`None`: absent, `null` or not a
    /// JSON string, so the condition is false). Raw string comparison.
    pub fn holds(&self, sibling: Option<&str>) -> bool {
        sibling.is_some_and(|value| self.values.iter().any(|v| v == value))
    }
}

/// An enum item: a closed or open set of string values.
#[derive(Clone, Debug, PartialEq)]
pub struct Enum {
    /// The values, in table order.
    pub values: Vec<EnumValue>,
    /// Whether a value outside the list is kept (open) rather than an `enum` violation.
    pub open: bool,
}

impl Enum {
    /// Whether `value` is a value of the enum (the `enum` rule): any value for an open enum, a
    /// listed one (raw string comparison) for a closed one.
    pub fn accepts(&self, value: &str) -> bool {
        self.open || self.values.iter().any(|v| v.value == value)
    }
}

/// One value of an enum.
#[derive(Clone, Debug, PartialEq)]
pub struct EnumValue {
    /// The value as it appears on the wire (`ACTIVATED`, `S`).
    pub value: String,
    /// Its documentation.
    pub doc: String,
}
