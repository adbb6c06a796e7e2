//! The per-field semantics, once: what a field of a message or struct is ([`FieldPlan`]: its
//! requirement, the rules of its string value, its enum, its conditional formats) and the one
//! function that checks what was seen for it ([`FieldPlan::check`]), in the order
//! docs/SEMANTICS.md gives.
//!
//! Every consumer describes a field with a `FieldPlan` and calls that function:
//!
//! - generated code emits one table of plans per struct, read by its `validate()` (through
//!   [`Fields`]) and by its decoder;
//! - the dynamic validator builds the plans from the schema model;
//! - the JSON Schema export translates the same plans.
//!
//! The groups of an object (`Exactly one of: a, b`) are [`GroupRule`]s over the same table,
//! checked after its fields by [`check_groups`].
//!
//! Each caller brings what differs between them: its view of the value ([`Seen`]: the decoder
//! knows a string's charset verdict from the raw bytes), what a condition finds at the paths it
//! reads ([`Facts`]: for the paths of the field's own object, a function from the path's index
//! to its [`Fact`]), and what the format and enum rules do with a string ([`Parse`]: check the
//! text, trust a Rust value that proves them, or parse a typed value).
//!
//! ```
//! use fieldtab_runtime::plan::prelude::*;
//! use fieldtab_runtime::plan::{Fact, Seen, Text, no_siblings};
//! use fieldtab_runtime::{Path, Report};
//!
//! const FIELDS: [FieldPlan<'static>; 2] = [
//!     FieldPlan::new("type", Mandatory),
//!     FieldPlan::new("count", When(In(FactPath::own(0, &["type"]), &[Str("COUNT")])))
//!         .length(Chars, 1, 4),
//! ];
//! let siblings = |i: usize| if i == 0 { Fact::Str("COUNT") } else { Fact::Absent };
//! let root = Path::root();
//! let path = root.key("count");
//!
//! let mut report = Report::new();
//! assert!(!FIELDS[1].check(Seen::Absent, &mut Text, &siblings, &path, &mut report));
//! assert!(FIELDS[1].check(Seen::from("12"), &mut Text, &siblings, &path, &mut report));
//! assert!(FIELDS[1].check(Seen::Absent, &mut Text, &no_siblings, &path, &mut report));
//! let rules: Vec<&str> = report.iter().map(|v| v.rule.as_str()).collect();
//! assert_eq!(rules, ["required"]);
//! ```

mod check;
mod condition;
mod fields;
mod group;

use crate::{
    Charset, CustomFormat, Format, Items, JsonKind, LengthUnit, NumberRules, Pattern, PatternRef,
    RuleError, StrRules,
};

pub(crate) use check::wrong_type;
pub(crate) use condition::NothingAbove;
pub use condition::{Condition, Exports, Fact, FactPath, Facts, FactsWith, Value, no_siblings};
pub use fields::Fields;
pub use group::{GroupKind, GroupRule, check_groups};

/// The runtime description of one field of a message or struct: a row of its table.
///
/// Built in constant context by generated code (`FieldPlan::new(..).length(..).charset(..)`),
/// or from the schema model by the dynamic validator. Checked by [`FieldPlan::check`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldPlan<'a> {
    /// The wire identifier (`localTime`): the field's key in the JSON object.
    pub ident: &'a str,
    /// Whether the field must be present (and, if a string, not empty).
    pub requirement: Requirement<'a>,
    /// The rules of the field's string values (of its elements, for an array): length,
    /// charset, fixed value, format. [`StrRules::NONE`] for values that are not strings.
    pub rules: StrRules<'a>,
    /// The enum rule, for a field whose values are those of an enum.
    pub enumeration: Option<EnumRule<'a>>,
    /// Formats that apply when a condition holds, in order (only on a string field that has no
    /// format of its own).
    pub format_when: &'a [FormatWhen<'a>],
    /// What the field's values are, for the rules of numbers and for what it accepts of
    /// another JSON kind: [`ValueKind::Text`] for strings and enums (and for objects and arrays
    /// of them, which never reach those rules).
    pub value: ValueKind<'a>,
    /// The JSON kinds the field accepts besides its type's own (`accepts number, boolean` on a
    /// string field, `accepts string` on an `Integer`, `Number` or `Boolean` one).
    pub accepts: Accepts,
    /// How many elements (entries, for a map) the field's array or map may have: checked by
    /// [`FieldPlan::check_count`] on the outer collection, before its elements.
    pub items: Option<Items>,
    /// For a `minor units` field: the sibling that holds the currency of the amount (the
    /// object's one `ISO 4217` or `ISO 4217 numeric` field). When it holds a currency that has
    /// no minor unit (`XAU`, `XDR`, `XXX`, …), a value in the format is a `format` violation
    /// (docs/SEMANTICS.md §2.4).
    pub currency: Option<FactPath<'a>>,
}

/// What a field's values are, for [`FieldPlan::check`]: text, numbers with their rules, or
/// booleans.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind<'a> {
    /// Strings (ISO codes, `String`, enums) — the kind the string rules ([`StrRules`]) apply to;
    /// also objects and arrays, which are checked where they are read.
    Text,
    /// JSON numbers (`Integer`, `Number`), checked by [`check_number`](crate::check_number).
    Number(NumberRules<'a>),
    /// `true` or `false`.
    Boolean,
}

/// The JSON kinds a field accepts besides its type's own, each read as a value of the field's
/// type (docs/SEMANTICS.md §2.9): on a string field, a number (its text as written) or a
/// Boolean (`true`, `false`) is checked as that string; on an `Integer`, `Number` or `Boolean`
/// field, a string that holds such a value (`"20"`, `"true"`) is checked as the value.
///
/// ```
/// use fieldtab_runtime::plan::Accepts;
///
/// let both = Accepts::NUMBER.and(Accepts::BOOLEAN);
/// assert!(both.number && both.boolean && !both.string);
/// assert_eq!(Accepts::default(), Accepts::NONE);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Accepts {
    /// A JSON number, in a string field.
    pub number: bool,
    /// A JSON `true` or `false`, in a string field.
    pub boolean: bool,
    /// A JSON string holding the value, in an `Integer`, `Number` or `Boolean` field.
    pub string: bool,
}

impl Accepts {
    /// Nothing besides the type's own kind.
    pub const NONE: Accepts = Accepts {
        number: false,
        boolean: false,
        string: false,
    };
    /// JSON numbers (in a string field).
    pub const NUMBER: Accepts = Accepts {
        number: true,
        ..Accepts::NONE
    };
    /// JSON Booleans (in a string field).
    pub const BOOLEAN: Accepts = Accepts {
        boolean: true,
        ..Accepts::NONE
    };
    /// JSON strings holding the value (in an `Integer`, `Number` or `Boolean` field).
    pub const STRING: Accepts = Accepts {
        string: true,
        ..Accepts::NONE
    };

    /// What either accepts.
    pub const fn and(self, other: Accepts) -> Accepts {
        Accepts {
            number: self.number || other.number,
            boolean: self.boolean || other.boolean,
            string: self.string || other.string,
        }
    }

    /// Whether nothing is accepted besides the type's own kind.
    pub const fn is_none(&self) -> bool {
        !(self.number || self.boolean || self.string)
    }
}

/// Whether a field must be present: absent and `null` are the same (docs/SEMANTICS.md), and a
/// present empty string counts as missing when the field is required.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Requirement<'a> {
    /// `M`: always required.
    Mandatory,
    /// `O`: never required.
    Optional,
    /// `C`: required when the condition holds.
    When(Condition<'a>),
}

/// The `enum` rule: a value must be one of `values`, unless the enum is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EnumRule<'a> {
    /// The enum's values, in table order (the `enum` violation lists them).
    pub values: &'a [&'a str],
    /// Whether a value outside the list is kept (open) rather than an `enum` violation.
    pub open: bool,
}

/// A format that applies when a condition holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormatWhen<'a> {
    /// When the format applies.
    pub when: Condition<'a>,
    /// The format checked then.
    pub format: Format,
}

/// What was seen for a field: the neutral view of a value every caller gives
/// [`FieldPlan::check`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seen<'v> {
    /// The key did not occur.
    Absent,
    /// The value was `null` (counts as absent).
    Null,
    /// A string, and the verdict of the field's charset when the caller already knows it (the
    /// decoder checks it on the raw bytes); `None` to let the check compute it.
    Str(&'v str, Option<bool>),
    /// A value of another JSON kind than the field's: one `type` violation, nothing else.
    Wrong {
        /// The kind the field's type wants.
        expected: JsonKind,
        /// The kind of the value.
        found: JsonKind,
    },
    /// A JSON number, as written (`0.88`, `-720`, `1e3`).
    Num(&'v str),
    /// `true` or `false`.
    Bool(bool),
    /// A present value that is not a string (an object, an array, an integer, a boolean),
    /// decoded and checked where it was read: nothing is left but its presence.
    Decoded,
}

impl<'v> From<&'v str> for Seen<'v> {
    /// A string value; its charset is not known yet.
    fn from(value: &'v str) -> Seen<'v> {
        Seen::Str(value, None)
    }
}

impl<'v> From<&'v String> for Seen<'v> {
    fn from(value: &'v String) -> Seen<'v> {
        Seen::Str(value, None)
    }
}

impl<'v> From<Option<&'v str>> for Seen<'v> {
    /// A string value, or [`Seen::Absent`].
    fn from(value: Option<&'v str>) -> Seen<'v> {
        value.map_or(Seen::Absent, Seen::from)
    }
}

impl<'v> From<&'v Option<String>> for Seen<'v> {
    fn from(value: &'v Option<String>) -> Seen<'v> {
        Seen::from(value.as_deref())
    }
}

/// What the format and enum rules do with a string that reaches them, for
/// [`FieldPlan::check`]. The default methods check the text ([`Text`]).
pub trait Parse {
    /// The format rule, on a string that passed its charset: its violation, if any.
    #[inline]
    fn format(&mut self, format: &Format, value: &str) -> Result<(), RuleError> {
        format.check(value)
    }

    /// The enum rule: whether `rule` keeps `value`.
    #[inline]
    fn variant(&mut self, rule: &EnumRule<'_>, value: &str) -> bool {
        rule.accepts(value)
    }
}

/// The rules on the text: [`Format::check`] and [`EnumRule::accepts`].
#[derive(Clone, Copy, Debug, Default)]
pub struct Text;

impl Parse for Text {}

/// A text that comes from a Rust value whose type proves its format and its enum membership
/// (generated `validate()` on a `LocalTime`, an enum value): those rules hold by construction.
#[derive(Clone, Copy, Debug, Default)]
pub struct Proven;

impl Parse for Proven {
    #[inline]
    fn format(&mut self, _: &Format, _: &str) -> Result<(), RuleError> {
        Ok(())
    }

    #[inline]
    fn variant(&mut self, _: &EnumRule<'_>, _: &str) -> bool {
        true
    }
}

impl<'a> FieldPlan<'a> {
    /// A field with no rule beyond its requirement: what the builders below start from.
    pub const fn new(ident: &'a str, requirement: Requirement<'a>) -> FieldPlan<'a> {
        FieldPlan {
            ident,
            requirement,
            rules: StrRules::NONE,
            enumeration: None,
            format_when: &[],
            value: ValueKind::Text,
            accepts: Accepts::NONE,
            items: None,
            currency: None,
        }
    }

    /// The rules of a number field (`Integer`, `Number`).
    pub const fn number(mut self, rules: NumberRules<'a>) -> FieldPlan<'a> {
        self.value = ValueKind::Number(rules);
        self
    }

    /// A `Boolean` field.
    pub const fn boolean(mut self) -> FieldPlan<'a> {
        self.value = ValueKind::Boolean;
        self
    }

    /// The JSON kinds the field accepts besides its type's own.
    pub const fn accepts(mut self, accepts: Accepts) -> FieldPlan<'a> {
        self.accepts = accepts;
        self
    }

    /// The length rule: `min..=max` in `unit`.
    pub const fn length(mut self, unit: LengthUnit, min: u32, max: u32) -> FieldPlan<'a> {
        self.rules.length = Some((unit, min, max));
        self
    }

    /// The charset rule (ISO 8583 types).
    pub const fn charset(mut self, charset: Charset) -> FieldPlan<'a> {
        self.rules.charset = Some(charset);
        self
    }

    /// The characters the value must not contain (part of the `charset` rule).
    pub const fn forbidden(mut self, characters: &'a str) -> FieldPlan<'a> {
        self.rules.forbidden = Some(characters);
        self
    }

    /// The fixed value (`const`).
    pub const fn fixed(mut self, value: &'a str) -> FieldPlan<'a> {
        self.rules.fixed = Some(value);
        self
    }

    /// The pattern, reached through `get` (a function returning it from its
    /// [`LazyPattern`](crate::LazyPattern) `static`: generated tables are `const`).
    pub const fn pattern(mut self, get: fn() -> &'static Pattern) -> FieldPlan<'a> {
        self.rules.pattern = Some(PatternRef::Lazy(get));
        self
    }

    /// The format rule.
    pub const fn format(mut self, format: Format) -> FieldPlan<'a> {
        self.rules.format = Some(format);
        self
    }

    /// The custom format: a format outside the registry, checked by its user function.
    pub const fn custom_format(mut self, format: CustomFormat<'a>) -> FieldPlan<'a> {
        self.rules.custom = Some(format);
        self
    }

    /// The string rules, all at once.
    pub const fn rules(mut self, rules: StrRules<'a>) -> FieldPlan<'a> {
        self.rules = rules;
        self
    }

    /// The enum rule of the field's values.
    pub const fn enumeration(mut self, rule: EnumRule<'a>) -> FieldPlan<'a> {
        self.enumeration = Some(rule);
        self
    }

    /// The conditional formats.
    pub const fn format_when(mut self, formats: &'a [FormatWhen<'a>]) -> FieldPlan<'a> {
        self.format_when = formats;
        self
    }

    /// The sibling holding the currency of this `minor units` amount (see
    /// [`FieldPlan::currency`]).
    pub const fn currency(mut self, at: FactPath<'a>) -> FieldPlan<'a> {
        self.currency = Some(at);
        self
    }

    /// The count of the field's array or map: `min..=max` elements (`max` `None`: no
    /// maximum).
    pub const fn items(mut self, min: u32, max: Option<u32>) -> FieldPlan<'a> {
        self.items = Some(Items::new(min, max));
        self
    }

    /// Whether an absent value (or an empty string) is a `required` violation, the condition
    /// of a conditional field reading `facts`: `None` when it depends on a fact not known yet.
    #[inline]
    pub fn is_required<'s>(&self, facts: &impl Facts<'s>) -> Option<bool> {
        match &self.requirement {
            Requirement::Mandatory => Some(true),
            Requirement::Optional => Some(false),
            Requirement::When(condition) => condition.eval(facts),
        }
    }
}

impl<'a> EnumRule<'a> {
    /// The rule of a closed enum: a value must be one of `values`.
    pub const fn closed(values: &'a [&'a str]) -> EnumRule<'a> {
        EnumRule {
            values,
            open: false,
        }
    }

    /// The rule of an open enum: `values` are the known ones, any other is kept.
    pub const fn open(values: &'a [&'a str]) -> EnumRule<'a> {
        EnumRule { values, open: true }
    }

    /// Whether the rule keeps `value`: any value for an open enum, a listed one (raw string
    /// comparison) for a closed one.
    ///
    /// ```
    /// use fieldtab_runtime::plan::EnumRule;
    ///
    /// let closed = EnumRule::closed(&["S", "F"]);
    /// assert!(closed.accepts("S") && !closed.accepts("s"));
    /// assert!(EnumRule::open(&["S", "F"]).accepts("anything"));
    /// ```
    #[inline]
    pub fn accepts(&self, value: &str) -> bool {
        self.open || self.values.contains(&value)
    }
}

/// The names generated rules tables use, imported at once (`use …::plan::prelude::*`).
pub mod prelude {
    pub use super::Condition::{All, Any, In, Not, Present};
    pub use super::GroupKind::{AllOrNone, AtLeastOne, AtMostOne, ExactlyOne};
    pub use super::Requirement::{Mandatory, Optional, When};
    pub use super::Value::{Bool, Int, Str};
    pub use super::{Accepts, Condition, EnumRule, FactPath, FieldPlan, FormatWhen, GroupRule};
    pub use crate::Counted::{Elements, Entries};
    pub use crate::LengthUnit::{Bytes, Chars};
    pub use crate::decode::__decode::WireEnum;
    pub use crate::{
        Charset, CustomFormat, Format, ImageKinds, LazyPattern, NumberRules, Pattern, StrRules,
    };
}

#[cfg(test)]
mod tests;
