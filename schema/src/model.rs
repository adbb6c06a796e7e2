//! The checked model of a schema: what code generation, JSON Schema export and the dynamic
//! validator consume. Everything here has already passed the checker, so consumers never
//! re-validate it: every type reference resolves, every condition's path resolves, every length
//! is well-formed.

use std::fmt;

pub use fieldtab_runtime::plan::{Accepts, GroupKind};
pub use fieldtab_runtime::{Charset, Format, ImageKinds, Items, Pattern};

mod condition;
mod docs;
mod plan;

pub use condition::{Condition, FieldPath, Value};

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

    /// The messages and structs that hold an object of the item `name` in a field, directly or
    /// through arrays (the objects a `super.` path of its conditions reads), each once, in
    /// module order.
    pub fn holders(&self, name: &str) -> Vec<&Item> {
        self.items
            .iter()
            .filter(|item| {
                item.kind
                    .object()
                    .is_some_and(|o| o.fields.iter().any(|f| f.ty.named() == Some(name)))
            })
            .collect()
    }

    /// The objects `up` levels above an object of the item `name` (`super.super.`: 2), each
    /// once, in the order found: every chain of holders of that length.
    pub fn ancestors(&self, name: &str, up: usize) -> Vec<&Item> {
        let mut level: Vec<&Item> = self.item(name).into_iter().collect();
        for _ in 0..up {
            let mut above: Vec<&Item> = Vec::new();
            for item in &level {
                for holder in self.holders(&item.name) {
                    if !above.iter().any(|known| known.name == holder.name) {
                        above.push(holder);
                    }
                }
            }
            level = above;
        }
        level
    }

    /// The enum item named `name`, if `name` names an enum (not a message, struct or nothing):
    /// what a `Type::Named` is asked when its values are strings.
    pub fn enum_named(&self, name: &str) -> Option<&Enum> {
        match &self.item(name)?.kind {
            ItemKind::Enum(enumeration) => Some(enumeration),
            ItemKind::Message(_) | ItemKind::Struct(_) => None,
        }
    }
}

impl AsRef<Module> for Module {
    fn as_ref(&self) -> &Module {
        self
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

impl ItemKind {
    /// The fields of a message or struct; `None` for an enum.
    pub fn object(&self) -> Option<&Object> {
        match self {
            ItemKind::Message(object) | ItemKind::Struct(object) => Some(object),
            ItemKind::Enum(_) => None,
        }
    }

    /// [`ItemKind::object`], mutably.
    pub fn object_mut(&mut self) -> Option<&mut Object> {
        match self {
            ItemKind::Message(object) | ItemKind::Struct(object) => Some(object),
            ItemKind::Enum(_) => None,
        }
    }
}

/// The fields of a message or struct.
#[derive(Clone, Debug, PartialEq)]
pub struct Object {
    /// The fields, in table order (which is also the order of violations).
    pub fields: Vec<Field>,
    /// Whether a field the table does not name is an `unknown_field` violation.
    pub deny_unknown: bool,
    /// The groups (`Exactly one of: a, b`), in the order the schema declares them (which is
    /// also the order of their violations, after the fields').
    pub groups: Vec<Group>,
}

/// A group of an object's fields: how many of them must be present (docs/SEMANTICS.md §6.5).
/// The checker guarantees at least two distinct members, each a field of the object that is
/// not mandatory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// How many members must be present.
    pub kind: GroupKind,
    /// The members' wire identifiers, in the order the schema lists them.
    pub members: Vec<String>,
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
    /// The name of the field's custom format (`merchant-ref` from `custom(merchant-ref)`): a
    /// format outside the registry, checked by a user function bound to the name when code is
    /// generated or the dynamic validator is built (docs/SEMANTICS.md §2.4). The checker
    /// guarantees a string field (or an array or map of strings) without [`Field::format`] or
    /// conditional formats, and a name of ASCII letters, digits, `-`, `_` and `.`.
    pub custom_format: Option<String>,
    /// Formats that apply only when a condition holds (`base64 image 100 KB jpeg png if type =
    /// BASE64; URL if type = URL`), in the order the Format cell gives them.
    ///
    /// Semantics (docs/SEMANTICS.md §2.5): after the string rules (§2.4), each conditional
    /// format whose condition holds (exactly as for a conditional requirement, §3) is checked
    /// with [`Format::check`], a failure being a `format` violation. Skipped, as the
    /// unconditional format is, when the value is an empty required one (§2.3) or the charset
    /// failed. The checker guarantees such a field is a string (ISO code or `String`, not an
    /// array) without an unconditional [`Field::format`].
    pub format_when: Vec<ConditionalFormat>,
    /// A fixed value the field must hold (`procType` is `41`).
    pub fixed: Option<String>,
    /// The characters the value must not contain (`forbidden "@#?"`): part of the `charset`
    /// rule (docs/SEMANTICS.md §2.4). Never empty; string fields (and their array elements)
    /// only.
    pub forbidden: Option<String>,
    /// The pattern the value must match, compiled when the schema was loaded (`pattern
    /// "^[0-9]{5}$"`; docs/SEMANTICS.md §2.4). String fields (and their array elements) only.
    pub pattern: Option<Pattern>,
    /// The inclusive bounds of an `Integer` or `Number` field's values (of its elements, for
    /// an array): `range 1..`, `range -720..720` (docs/SEMANTICS.md §2.8). The checker
    /// guarantees a bound at least, `min <= max`, and integer bounds within `i64` on an
    /// `Integer`.
    pub range: Option<Range>,
    /// The most digits a `Number` field's values may have after the decimal point (`scale 2`).
    pub scale: Option<u32>,
    /// The JSON kinds the field accepts besides its type's own (`accepts number, boolean`;
    /// the file's `Accepts:` line): resolved by the checker, [`Accepts::NONE`] by default
    /// (docs/SEMANTICS.md §2.9). Only on fields that are not arrays.
    pub accepts: Accepts,
    /// Whether the value is sensitive: it is never printed by Debug, Display or reports.
    pub sensitive: bool,
    /// How many elements the field's array (entries, its map) may have (`items 1..100`;
    /// docs/SEMANTICS.md §2.7): the outer collection only. Array and map fields only.
    pub items: Option<Items>,
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
            custom_format: None,
            format_when: Vec::new(),
            fixed: None,
            forbidden: None,
            pattern: None,
            range: None,
            scale: None,
            accepts: Accepts::NONE,
            sensitive: false,
            items: None,
            doc: String::new(),
            examples: Vec::new(),
        }
    }

    /// The conditions of the field: its conditional requirement's, then its conditional
    /// formats', in the order of the Format cell.
    pub fn conditions(&self) -> impl Iterator<Item = &Condition> {
        let required = match &self.requirement {
            Requirement::Conditional(condition) => Some(condition),
            _ => None,
        };
        required
            .into_iter()
            .chain(self.format_when.iter().map(|conditional| &conditional.when))
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
    /// in bytes for ISO codes and in characters for `String`, the ISO charset, the forbidden
    /// characters, the fixed value, the pattern and the format. `None` when the values are not strings. Code generation and the dynamic
    /// validator both take the rules from here, so they agree on them.
    pub fn str_rules(&self) -> Option<fieldtab_runtime::StrRules<'_>> {
        let (unit, charset) = match self.ty.element() {
            Type::Iso(charset) => (fieldtab_runtime::LengthUnit::Bytes, Some(*charset)),
            Type::String => (fieldtab_runtime::LengthUnit::Chars, None),
            _ => return None,
        };
        Some(fieldtab_runtime::StrRules {
            length: self.length.map(|length| (unit, length.min, length.max)),
            charset,
            forbidden: self.forbidden.as_deref(),
            fixed: self.fixed.as_deref(),
            pattern: self
                .pattern
                .as_ref()
                .map(fieldtab_runtime::PatternRef::Compiled),
            format: self.format,
            // Bound to its function by the consumer (generated code, `Validator::formats`).
            custom: None,
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
    /// A JSON number written as an integer (no fraction, no exponent), within `i64`.
    Integer,
    /// Any JSON number, kept as its text (`fieldtab::Number`).
    Number,
    /// A JSON `true` or `false`.
    Boolean,
    /// A named `struct`, `message` or `enum` of the module.
    Named(String),
    /// A JSON array of the element type.
    Array(Box<Type>),
    /// `Map<String, T>`: a JSON object with any keys, whose values are all of the value type.
    Map(Box<Type>),
    /// `Object`: any JSON object, free-form; only its kind is checked.
    Object,
}

impl Type {
    /// The type at the bottom of nested arrays and maps (`AN` in `Array<Array<AN>>` and in
    /// `Map<String, Array<AN>>`); the type itself when it is not a collection. Formats,
    /// lengths and fixed values apply to it.
    pub fn element(&self) -> &Type {
        let mut ty = self;
        while let Some(element) = ty.inner() {
            ty = element;
        }
        ty
    }

    /// The element type of an array, the value type of a map; `None` for other types.
    pub fn inner(&self) -> Option<&Type> {
        match self {
            Type::Array(element) | Type::Map(element) => Some(element),
            _ => None,
        }
    }

    /// Whether the type is a collection (an array or a map), which `items` counts.
    pub fn is_collection(&self) -> bool {
        self.inner().is_some()
    }

    /// The item this type names, through arrays (`Amount` in `Array<Amount>`), if any.
    pub fn named(&self) -> Option<&str> {
        match self.element() {
            Type::Named(name) => Some(name),
            _ => None,
        }
    }

    /// How many arrays and maps nest (`0` for `AN`, `2` for `Array<Array<AN>>` and for
    /// `Map<String, Array<AN>>`).
    pub fn depth(&self) -> usize {
        let mut ty = self;
        let mut depth = 0;
        while let Some(element) = ty.inner() {
            ty = element;
            depth += 1;
        }
        depth
    }
}

impl fmt::Display for Type {
    /// The type in the schema's own words, as a Type cell writes it: `AN`, `String`,
    /// `Integer`, `Boolean`, an item name, `Array<AN>`, `Map<String, AN>`, `Object`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Type::Iso(charset) => f.write_str(charset.code()),
            Type::String => f.write_str("String"),
            Type::Integer => f.write_str("Integer"),
            Type::Number => f.write_str("Number"),
            Type::Boolean => f.write_str("Boolean"),
            Type::Named(name) => f.write_str(name),
            Type::Array(element) => write!(f, "Array<{element}>"),
            Type::Map(value) => write!(f, "Map<String, {value}>"),
            Type::Object => f.write_str("Object"),
        }
    }
}

/// The inclusive bounds of a number field (`range -720..720`, `range 1..`), each a decimal
/// number written as a JSON number without an exponent (`0.01`, `-720`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Range {
    /// The least value, if any.
    pub min: Option<String>,
    /// The greatest value, if any.
    pub max: Option<String>,
}

impl Field {
    /// The rules of the field's numbers (of its elements, for an array): `None` unless its
    /// type is `Integer` or `Number`. Code generation and the dynamic validator both take
    /// them from here.
    pub fn number_rules(&self) -> Option<fieldtab_runtime::NumberRules<'_>> {
        let base = match self.ty.element() {
            Type::Integer => fieldtab_runtime::NumberRules::INTEGER,
            Type::Number => fieldtab_runtime::NumberRules::NUMBER,
            _ => return None,
        };
        let range = self.range.as_ref();
        Some(fieldtab_runtime::NumberRules {
            min: range.and_then(|r| r.min.as_deref()),
            max: range.and_then(|r| r.max.as_deref()),
            scale: self.scale,
            ..base
        })
    }
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
    /// `C`: mandatory when the condition holds, optional otherwise.
    Conditional(Condition),
}

/// A format that applies when a condition holds. See [`Field::format_when`].
#[derive(Clone, Debug, PartialEq)]
pub struct ConditionalFormat {
    /// When the format applies: the same kind of condition as a conditional requirement's.
    pub when: Condition,
    /// The format checked when the condition holds.
    pub format: Format,
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
    /// listed one (raw string comparison) for a closed one, by the runtime's
    /// [`EnumRule::accepts`](fieldtab_runtime::plan::EnumRule::accepts).
    pub fn accepts(&self, value: &str) -> bool {
        let values = self.wire_values();
        let rule = fieldtab_runtime::plan::EnumRule {
            values: &values,
            open: self.open,
        };
        rule.accepts(value)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn array(ty: Type) -> Type {
        Type::Array(Box::new(ty))
    }

    #[test]
    fn types_read_through_arrays() {
        let amounts = array(array(Type::Named("Amount".into())));
        assert_eq!(amounts.element(), &Type::Named("Amount".into()));
        assert_eq!(amounts.named(), Some("Amount"));
        assert_eq!(amounts.depth(), 2);
        let code = Type::Iso(Charset::An);
        assert_eq!(code.element(), &code);
        assert_eq!(code.named(), None);
        assert_eq!(code.depth(), 0);
        assert_eq!(array(Type::Integer).named(), None);
        let maps = Type::Map(Box::new(array(Type::Named("Amount".into()))));
        assert_eq!(maps.named(), Some("Amount"));
        assert_eq!(maps.depth(), 2);
        assert!(maps.is_collection() && !Type::Object.is_collection());
        assert_eq!(Type::Object.element(), &Type::Object);
    }

    #[test]
    fn types_display_in_the_schemas_words() {
        assert_eq!(Type::Iso(Charset::Ans).to_string(), "ANS");
        assert_eq!(Type::String.to_string(), "String");
        assert_eq!(Type::Integer.to_string(), "Integer");
        assert_eq!(Type::Boolean.to_string(), "Boolean");
        assert_eq!(
            array(array(Type::Named("Amount".into()))).to_string(),
            "Array<Array<Amount>>"
        );
        assert_eq!(
            Type::Map(Box::new(Type::Object)).to_string(),
            "Map<String, Object>"
        );
    }

    #[test]
    fn items_give_their_object_and_modules_their_enums() {
        let object = Object {
            fields: vec![Field::new("a", Type::String, Requirement::Optional)],
            deny_unknown: false,
            groups: Vec::new(),
        };
        let enumeration = Enum {
            values: Vec::new(),
            open: true,
        };
        let item = |name: &str, kind| Item {
            name: name.into(),
            doc: String::new(),
            kind,
        };
        let mut module = Module {
            title: None,
            doc: String::new(),
            items: vec![
                item("M", ItemKind::Message(object.clone())),
                item("S", ItemKind::Struct(object.clone())),
                item("E", ItemKind::Enum(enumeration.clone())),
            ],
        };
        assert_eq!(module.items[0].kind.object(), Some(&object));
        assert_eq!(module.items[1].kind.object(), Some(&object));
        assert_eq!(module.items[2].kind.object(), None);
        if let Some(o) = module.items[1].kind.object_mut() {
            o.deny_unknown = true;
        }
        assert!(
            module.items[1]
                .kind
                .object()
                .is_some_and(|o| o.deny_unknown)
        );
        assert_eq!(module.enum_named("E"), Some(&enumeration));
        assert_eq!(module.enum_named("S"), None);
        assert_eq!(module.enum_named("X"), None);
    }
}
