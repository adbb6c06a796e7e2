//! The dynamic validator: checks JSON input against a message or struct of a checked
//! [`Module`], without generating code.
//!
//! It interprets the model with the very check generated code calls: each field of the model
//! becomes the runtime's description of it ([`Field::with_plan`]), and what the document holds
//! for the field is checked by [`FieldPlan::check`] (requirement, JSON type, empty required
//! string, string rules, conditional formats, enum, in the order of docs/SEMANTICS.md §2), so the
//! two cannot disagree. What is left here is the walk of the document:
//!
//! - per object, fields in table order, each field's violations at its position; a condition
//!   reads the document where its paths lead ([`ObjectFacts`]: first occurrences, through
//!   objects, up to the objects that hold this one); array elements in index order
//!   ([`FieldPlan::check_element`]); the object's groups
//!   ([`check_groups`](fieldtab_runtime::plan::check_groups)) after the table fields;
//!   `unknown_field` (only when denied) after them, in input order;
//! - malformed JSON: exactly one `syntax` violation at `""`; a document that is JSON but not
//!   an object: exactly one `type` violation at `""`;
//! - a duplicate key: a `syntax` violation at the key's path (after the violations of the field
//!   it repeats; for a key the table does not name, with the unknown keys, in input order); the
//!   first occurrence is the one checked.
//!
//! A custom format (`custom(merchant-ref)` in a Format cell) is checked by the user function
//! registered for its name ([`Validator::formats`]), exactly as generated code bound to the same
//! function checks it. A field whose custom format has no registered function is **not
//! checked** for its format (its other rules are): [`Validator::validate_noting`] lists each
//! such present value as an [`Unchecked`], which `fieldtab validate` prints as a note. Its
//! verdict is that of the rules checked.
//!
//! ```
//! use fieldtab_schema::dynamic::Validator;
//! use fieldtab_schema::model::*;
//!
//! let module = Module {
//!     title: None,
//!     doc: String::new(),
//!     items: vec![Item {
//!         name: "Ping".into(),
//!         doc: String::new(),
//!         kind: ItemKind::Message(Object {
//!             fields: vec![Field {
//!                 length: Some(Length::max_only(2)),
//!                 fixed: Some("41".into()),
//!                 ..Field::new("procType", Type::Iso(Charset::An), Requirement::Mandatory)
//!             }],
//!             deny_unknown: false,
//!             groups: Vec::new(),
//!         }),
//!     }],
//! };
//! let validator = Validator::new(&module, "Ping").unwrap();
//! assert!(validator.validate(br#"{"procType":"41"}"#, false).is_ok());
//! let report = validator.validate(br#"{"procType":"4x1"}"#, false).unwrap_err();
//! let rules: Vec<&str> = report.iter().map(|v| v.rule.as_str()).collect();
//! assert_eq!(rules, ["length", "const"]);
//! ```

mod facts;
mod json;
mod keys;
mod sensitive;

use std::cell::RefCell;
use std::fmt;

use fieldtab_runtime::plan::{Facts, FieldPlan, Seen, Text, check_groups, no_siblings};
use fieldtab_runtime::suggest::hint_misspelled_keys;
use fieldtab_runtime::{Counted, CustomFormat, JsonKind, Path, Report, RuleError};

use crate::model::{Field, ItemKind, Module, Object, Type};
use facts::{Below, ObjectFacts};
use fieldtab_runtime::json::syntax::SyntaxError;
pub(crate) use json::{Json, parse as parse_json, parse_all};
use json::{Member, Members};
use keys::Keys;

/// Checks JSON documents against one message or struct of a module.
///
/// Cheap to build and to copy; holds only references into the module.
#[derive(Clone, Copy, Debug)]
pub struct Validator<'m> {
    module: &'m Module,
    name: &'m str,
    object: &'m Object,
    /// The violations [`Validator::validate`] keeps (see [`Validator::max_violations`]).
    max_violations: usize,
    /// The user functions of custom formats, by name ([`Validator::formats`]).
    formats: &'m [CustomFormat<'m>],
}

/// A present value whose custom format the validator did not check, no function being
/// registered for it ([`Validator::formats`]): what [`Validator::validate_noting`] notes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unchecked {
    /// Where the value is, as a JSON Pointer (`/merchantRef`; its keys may come from the input:
    /// print it with [`fieldtab_runtime::printable`]).
    pub path: String,
    /// The custom format's name (`merchant-ref`).
    pub format: String,
}

impl<'m> Validator<'m> {
    /// A validator for the message or struct called `name` (of the root file or of one of its
    /// imports).
    ///
    /// Fails when no message or struct has that name; the error suggests close names.
    pub fn new(module: &'m Module, name: &str) -> Result<Validator<'m>, UnknownItem> {
        match module.item(name) {
            Some(item) => match &item.kind {
                ItemKind::Message(object) | ItemKind::Struct(object) => Ok(Validator {
                    module,
                    name: &item.name,
                    object,
                    max_violations: fieldtab_runtime::MAX_VIOLATIONS,
                    formats: &[],
                }),
                ItemKind::Enum(_) => Err(UnknownItem::new(module, name, true)),
            },
            None => Err(UnknownItem::new(module, name, false)),
        }
    }

    /// Keeps at most `max` violations in the reports of [`Validator::validate`] (at least one;
    /// by default [`fieldtab_runtime::MAX_VIOLATIONS`], as the generated decoder), the first
    /// in the order of docs/SEMANTICS.md §6.1, counting the others (`Report::more`).
    pub fn max_violations(self, max: usize) -> Validator<'m> {
        Validator {
            max_violations: max,
            ..self
        }
    }

    /// Checks each custom format named in `formats` with its function (a later entry of a name
    /// wins), as generated code bound to the same functions does. A custom format of the schema
    /// that none names is not checked (see [`Validator::validate_noting`]); a name the schema
    /// does not use is ignored.
    ///
    /// ```
    /// use fieldtab_runtime::{CustomFormat, FormatError};
    /// use fieldtab_schema::Schema;
    /// use fieldtab_schema::dynamic::Validator;
    ///
    /// fn upper(value: &str) -> Result<(), FormatError> {
    ///     match value.bytes().all(|b| b.is_ascii_uppercase()) {
    ///         true => Ok(()),
    ///         false => Err(FormatError::new("must be capital letters")),
    ///     }
    /// }
    /// let text = "## message Ping\n\n| Identifier | Type | Request | Format |\n|---|---|---|---|\n\
    ///             | code | String | M | custom(upper) |\n";
    /// let schema = Schema::parse("ping.md", text).unwrap();
    /// let formats = [CustomFormat::new("upper", upper)];
    /// let validator = Validator::new(&schema.module, "Ping").unwrap().formats(&formats);
    /// assert!(validator.validate(br#"{"code":"AB"}"#, false).is_ok());
    /// let report = validator.validate(br#"{"code":"ab"}"#, false).unwrap_err();
    /// assert_eq!(report.violations()[0].message, "is not in the format `upper`: must be capital letters");
    /// ```
    pub fn formats(self, formats: &'m [CustomFormat<'m>]) -> Validator<'m> {
        Validator { formats, ..self }
    }

    /// The names of the custom formats of the fields this validator can reach (the message
    /// or struct, and the objects it holds) that no function registered with
    /// [`Validator::formats`] checks, sorted, each once.
    pub fn unbound_formats(&self) -> Vec<&'m str> {
        let mut names: Vec<&'m str> = Vec::new();
        let mut todo = vec![self.object];
        let mut seen: Vec<*const Object> = Vec::new();
        while let Some(object) = todo.pop() {
            if seen.contains(&std::ptr::from_ref(object)) {
                continue;
            }
            seen.push(object);
            for field in &object.fields {
                if let Some(name) = &field.custom_format
                    && !self.formats.iter().any(|f| f.name == name)
                {
                    names.push(name);
                }
                if let Some(inner) = field.ty.named().and_then(|n| self.module.item(n)) {
                    todo.extend(inner.kind.object());
                }
            }
        }
        names.sort_unstable();
        names.dedup();
        names
    }

    /// The name of the message or struct this validator checks.
    pub fn name(&self) -> &'m str {
        self.name
    }

    /// The fields of the message or struct this validator checks.
    pub(crate) fn object(&self) -> &'m Object {
        self.object
    }

    /// Validates one JSON document. `deny_unknown` makes every field the schema does not name an
    /// `unknown_field` violation, in every object (as if each item denied them).
    ///
    /// Returns every violation, in the order of docs/SEMANTICS.md §6.1.
    pub fn validate(&self, bytes: &[u8], deny_unknown: bool) -> Result<(), Report> {
        let mut report = Report::with_limit(self.max_violations);
        self.validate_into(bytes, deny_unknown, &mut report);
        report.into_result()
    }

    /// Like [`Validator::validate`], appending to `report`.
    pub fn validate_into(&self, bytes: &[u8], deny_unknown: bool, report: &mut Report) {
        self.walk(bytes, deny_unknown, None, report);
    }

    /// Like [`Validator::validate`], and appends to `unchecked` each present value (not `null`)
    /// of a field whose custom format no registered function checks (see
    /// [`Validator::formats`]), in the order the fields are walked: its format was not checked,
    /// its other rules were. The verdict is that of the rules checked.
    pub fn validate_noting(
        &self,
        bytes: &[u8],
        deny_unknown: bool,
        unchecked: &mut Vec<Unchecked>,
    ) -> Result<(), Report> {
        let mut report = Report::with_limit(self.max_violations);
        let noted = RefCell::new(std::mem::take(unchecked));
        self.walk(bytes, deny_unknown, Some(&noted), &mut report);
        *unchecked = noted.into_inner();
        report.into_result()
    }

    fn walk(
        &self,
        bytes: &[u8],
        deny_unknown: bool,
        unchecked: Option<&RefCell<Vec<Unchecked>>>,
        report: &mut Report,
    ) {
        let root = Path::root();
        match json::parse(bytes) {
            Err(error) => report.push(&root, RuleError::syntax(syntax_message(&error))),
            Ok(Json::Object(members)) => {
                let walker = Walker {
                    module: self.module,
                    deny_unknown,
                    formats: self.formats,
                    unchecked,
                };
                walker.object(self.object, members, None, &root, report);
            }
            // A value of the wrong kind, as anywhere else (docs/SEMANTICS.md §7.1).
            Ok(other) => report.push(&root, RuleError::wrong_type(JsonKind::Object, other.kind())),
        }
    }
}

/// Checks one present, non-`null` value as a value of `field` of `module` (of the field's type,
/// with the field's own rules), appending its violations at `path`: the very rules
/// [`Validator`] applies to that field. `required` says whether an empty string is a
/// `required` violation (as for a mandatory field), not a value.
///
/// For the checker, which holds a schema's fixed values, examples and condition values to
/// their fields' rules. Named types `module` does not define accept any value.
pub(crate) fn check_value(
    module: &Module,
    field: &Field,
    value: &Json<'_>,
    required: bool,
    path: &Path<'_>,
    report: &mut Report,
) {
    // No user function here: the checker cannot know them, so a custom format is not checked.
    let walker = Walker {
        module,
        deny_unknown: false,
        formats: &[],
        unchecked: None,
    };
    field.with_lone_plan(module, required, |plan| {
        walker.field(
            plan,
            &field.ty,
            Some(value),
            &no_siblings,
            None,
            path,
            report,
        );
    });
}

/// The error of [`Validator::new`]: no message or struct has the name asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownItem {
    /// The name asked for.
    pub name: String,
    /// Whether the name is that of an enum (which cannot be validated as a document).
    pub is_enum: bool,
    /// The closest message or struct name, if one is close enough to be a likely typo.
    pub suggestion: Option<String>,
    /// Every message name of the module, then every struct name, each in module order (the
    /// messages first: they are what one validates, and a module lists imported items before
    /// the root file's own).
    pub available: Vec<String>,
}

impl UnknownItem {
    fn new(module: &Module, name: &str, is_enum: bool) -> UnknownItem {
        let messages = module
            .items
            .iter()
            .filter(|item| matches!(item.kind, ItemKind::Message(_)));
        let structs = module
            .items
            .iter()
            .filter(|item| matches!(item.kind, ItemKind::Struct(_)));
        let available: Vec<String> = messages
            .chain(structs)
            .map(|item| item.name.clone())
            .collect();
        let suggestion = if is_enum {
            None
        } else {
            crate::suggest::did_you_mean(name, available.iter().map(String::as_str))
                .map(str::to_owned)
        };
        UnknownItem {
            name: name.to_owned(),
            is_enum,
            suggestion,
            available,
        }
    }
}

impl fmt::Display for UnknownItem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_enum {
            write!(
                f,
                "`{}` is an enum; only a message or struct can be validated",
                self.name
            )
        } else {
            write!(f, "no message or struct named `{}`", self.name)
        }
    }
}

impl std::error::Error for UnknownItem {}

/// The message of the `syntax` violation for malformed JSON: what is wrong and where, never
/// quoting the input.
fn syntax_message(error: &SyntaxError) -> String {
    format!("malformed JSON: {error}")
}

/// Walks a parsed document along the model.
struct Walker<'m, 'u> {
    module: &'m Module,
    deny_unknown: bool,
    /// The user functions of custom formats.
    formats: &'m [CustomFormat<'m>],
    /// Where a value whose custom format is not checked is noted, if anywhere.
    unchecked: Option<&'u RefCell<Vec<Unchecked>>>,
}

impl<'m> Walker<'m, '_> {
    /// The object `members` as a value of `object`; `parent` the facts of the object holding
    /// it (`None` for the document).
    fn object<'j>(
        &self,
        object: &Object,
        members: Members<'j>,
        parent: Option<&ObjectFacts<'_, 'j>>,
        path: &Path<'_>,
        report: &mut Report,
    ) {
        // The first occurrence of each field, how often its key repeats, how many members the
        // table does not name: one pass, memory for the fields only.
        let mut slots: Vec<Option<Json<'j>>> = vec![None; object.fields.len()];
        let mut repeats = vec![0u32; object.fields.len()];
        let mut unknown = 0usize;
        for member in members.iter() {
            match field_index(object, &member) {
                Some(i) if slots[i].is_none() => slots[i] = Some(member.value()),
                Some(i) => repeats[i] += 1,
                None => unknown += 1,
            }
        }

        // What a condition reads, from this object and those above it.
        let below = Below::default();
        let facts = ObjectFacts {
            slots: &slots,
            members,
            object,
            module: self.module,
            parent,
            below: &below,
        };

        for ((field, value), &repeated) in object.fields.iter().zip(&slots).zip(&repeats) {
            let field_path = path.key(&field.ident);
            field.with_plan(self.module, object, |plan| {
                let plan = &self.bind(field, plan, value.as_ref(), &field_path);
                self.field(
                    plan,
                    &field.ty,
                    value.as_ref(),
                    &facts,
                    Some(&facts),
                    &field_path,
                    report,
                );
            });
            for _ in 0..repeated {
                report.push(&field_path, duplicate_key());
            }
        }

        // The groups, after the fields (docs/SEMANTICS.md §6.1): a member is present when its
        // first occurrence is not `null` (§4).
        if !object.groups.is_empty() {
            let present = |i: usize| matches!(slots.get(i), Some(Some(v)) if *v != Json::Null);
            object.with_groups(|groups| check_groups(groups, present, path, report));
        }

        if unknown > 0 {
            self.unknown(object, members, unknown, path, report);
        }
    }

    /// `plan` with the user function of `field`'s custom format, if one is registered; else
    /// `plan` as it is, and a present `value` noted as not checked.
    fn bind<'p>(
        &self,
        field: &Field,
        plan: &FieldPlan<'p>,
        value: Option<&Json<'_>>,
        path: &Path<'_>,
    ) -> FieldPlan<'p>
    where
        'm: 'p,
    {
        let mut plan = *plan;
        if let Some(name) = &field.custom_format {
            match self.formats.iter().rev().find(|f| f.name == name) {
                Some(format) => plan.rules.custom = Some(*format),
                None => {
                    if let (Some(noted), Some(value)) = (self.unchecked, value)
                        && *value != Json::Null
                    {
                        noted.borrow_mut().push(Unchecked {
                            path: path.to_pointer(),
                            format: name.clone(),
                        });
                    }
                }
            }
        }
        plan
    }

    /// The `count` members of `members` that `object`'s table does not name, in input order:
    /// a repeat is a `syntax` violation, a first occurrence `unknown_field` when denied; then
    /// the did-you-mean of a required field an unknown key misspells, as the decoder gives it
    /// (docs/SEMANTICS.md §6.4).
    fn unknown(
        &self,
        object: &Object,
        members: Members<'_>,
        count: usize,
        path: &Path<'_>,
        report: &mut Report,
    ) {
        let deny = self.deny_unknown || object.deny_unknown;
        let keys = Keys::of(&members, count, |m| field_index(object, m).is_none());
        for (at, repeat) in keys.iter() {
            let key = members.member_at(at).key();
            if repeat {
                report.push(&path.key(&key), duplicate_key());
            } else if deny {
                report.push(&path.key(&key), RuleError::unknown_field());
            }
        }
        let firsts = keys
            .iter()
            .filter(|(_, repeat)| !repeat)
            .map(|(at, _)| members.member_at(at).key());
        hint_misspelled_keys(report, &path.to_pointer(), firsts);
    }

    /// One field of type `ty` described by `plan`: what the document holds for it (`None`:
    /// absent) checked by the plan (its conditions reading `facts`), then the members or
    /// elements of a present object or array (whose objects `holder`, the facts of the object
    /// holding the field, is the parent of).
    #[allow(clippy::too_many_arguments)]
    fn field<'s, 'j>(
        &self,
        plan: &FieldPlan<'_>,
        ty: &Type,
        value: Option<&Json<'j>>,
        facts: &impl Facts<'s>,
        holder: Option<&ObjectFacts<'_, 'j>>,
        path: &Path<'_>,
        report: &mut Report,
    ) {
        let seen = match value {
            None => Seen::Absent,
            Some(Json::Null) => Seen::Null,
            Some(value) => self.seen(ty, value),
        };
        plan.check(seen, &mut Text, facts, path, report);
        if let (Seen::Decoded, Some(value)) = (seen, value) {
            self.nested(plan, ty, value, holder, true, path, report);
        }
    }

    /// How the plan of a field (or an element) of type `ty` sees a present value: a string, a
    /// value of the wrong JSON kind, or an object or array walked by [`Walker::nested`] (an
    /// integer or boolean has nothing more to check).
    fn seen<'j>(&self, ty: &Type, value: &'j Json<'_>) -> Seen<'j> {
        let expected = match (ty, value) {
            // Strings, numbers and Booleans: the plan knows what the field accepts of each
            // (docs/SEMANTICS.md §2.8, §2.9).
            (Type::Iso(_) | Type::String | Type::Integer | Type::Number | Type::Boolean, _)
                if scalar(value).is_some() =>
            {
                return scalar(value).unwrap_or(Seen::Decoded);
            }
            (Type::Iso(_) | Type::String, _) => JsonKind::String,
            (Type::Integer, _) => JsonKind::Integer,
            (Type::Number, _) => JsonKind::Number,
            (Type::Boolean, _) => JsonKind::Bool,
            (Type::Array(_), Json::Array(_)) => return Seen::Decoded,
            (Type::Array(_), _) => JsonKind::Array,
            (Type::Map(_) | Type::Object, Json::Object(_)) => return Seen::Decoded,
            (Type::Map(_) | Type::Object, _) => JsonKind::Object,
            (Type::Named(name), value) => match self.module.item(name).map(|item| &item.kind) {
                Some(ItemKind::Enum(_)) => match value {
                    Json::Str(s) => return Seen::Str(s, None),
                    _ => JsonKind::String,
                },
                Some(ItemKind::Message(_) | ItemKind::Struct(_)) => match value {
                    Json::Object(_) => return Seen::Decoded,
                    _ => JsonKind::Object,
                },
                // The checker resolves every reference; an unresolved one accepts anything.
                None => return Seen::Decoded,
            },
        };
        Seen::Wrong {
            expected,
            found: value.kind(),
        }
    }

    /// The parts of a present object, array or map value of type `ty`: its members, checked as
    /// an object of the named item, or its elements (a map's values), each a value of the
    /// element type with the field's rules (docs/SEMANTICS.md §2.7), after the count of the
    /// field's own collection (`outer`; an inner array is not counted). A map's repeated key is
    /// a `syntax` violation where it occurs; a map's keys are never unknown fields. A free-form
    /// `Object` has nothing inside to check.
    #[allow(clippy::too_many_arguments)]
    fn nested<'j>(
        &self,
        plan: &FieldPlan<'_>,
        ty: &Type,
        value: &Json<'j>,
        holder: Option<&ObjectFacts<'_, 'j>>,
        outer: bool,
        path: &Path<'_>,
        report: &mut Report,
    ) {
        match (ty, value) {
            (Type::Array(element), Json::Array(items)) => {
                if outer {
                    plan.check_count(items.iter().count(), Counted::Elements, path, report);
                }
                for (i, item) in items.iter().enumerate() {
                    self.element(plan, element, &item, holder, &path.index(i), report);
                }
            }
            (Type::Map(element), Json::Object(members)) => {
                let count = members.iter().count();
                let keys = Keys::of(members, count, |_| true);
                if outer {
                    plan.check_count(keys.distinct(), Counted::Entries, path, report);
                }
                for (at, repeat) in keys.iter() {
                    let member = members.member_at(at);
                    let key = member.key();
                    let item_path = path.key(&key);
                    if repeat {
                        report.push(&item_path, duplicate_key());
                    } else {
                        self.element(plan, element, &member.value(), holder, &item_path, report);
                    }
                }
            }
            (Type::Named(name), Json::Object(members)) => {
                if let Some(object) = self.module.item(name).and_then(|i| i.kind.object()) {
                    self.object(object, *members, holder, path, report);
                }
            }
            _ => {}
        }
    }

    /// One element of an array (or value of a map) of type `element`, at `path`: a value, not
    /// a field, so without requirement.
    fn element<'j>(
        &self,
        plan: &FieldPlan<'_>,
        element: &Type,
        item: &Json<'j>,
        holder: Option<&ObjectFacts<'_, 'j>>,
        path: &Path<'_>,
        report: &mut Report,
    ) {
        match self.seen(element, item) {
            seen @ (Seen::Str(..) | Seen::Num(_) | Seen::Bool(_)) => {
                plan.check_value(seen, &mut Text, path, report);
            }
            seen => {
                plan.check(seen, &mut Text, &no_siblings, path, report);
                if let Seen::Decoded = seen {
                    self.nested(plan, element, item, holder, false, path, report);
                }
            }
        }
    }
}

/// A string, a number or a Boolean as a plan sees it; `None` for another kind.
fn scalar<'j>(value: &'j Json<'_>) -> Option<Seen<'j>> {
    match value {
        Json::Str(s) => Some(Seen::Str(s, None)),
        Json::Number(text) => Some(Seen::Num(text)),
        Json::Bool(b) => Some(Seen::Bool(*b)),
        Json::Null | Json::Array(_) | Json::Object(_) => None,
    }
}

/// The `syntax` violation of a repeated key.
fn duplicate_key() -> RuleError {
    RuleError::syntax("duplicate key; the first occurrence is the one checked")
}

/// The index of the field of `object` whose identifier is `member`'s key.
fn field_index(object: &Object, member: &Member<'_>) -> Option<usize> {
    let raw = member.raw_key();
    if raw.contains(&b'\\') {
        let key = member.key();
        object.fields.iter().position(|f| f.ident == *key)
    } else {
        object.fields.iter().position(|f| f.ident.as_bytes() == raw)
    }
}

#[cfg(test)]
mod collection_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_numbers;
