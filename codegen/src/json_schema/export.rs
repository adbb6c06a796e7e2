//! The walk over the model: one definition per item, one property per field, the root that
//! ties them together, and the currency tables the fields use.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use fieldtab_runtime::{Format, NumberRules, forbidden_pattern};
use serde_json::Value;

use super::tree::{Node, Obj};
use super::{DRAFT_2020_12, JsonSchemaOptions};
use fieldtab_runtime::plan::{FieldPlan, GroupKind, GroupRule, Requirement, ValueKind};

use crate::model::{Enum, Field, Item, ItemKind, Module, Object, Type};

/// Walks a module's items into JSON Schema definitions.
pub(super) struct Exporter<'m> {
    pub(super) module: &'m Module,
    pub(super) options: JsonSchemaOptions,
}

impl Exporter<'_> {
    /// The whole document: `$defs` holds `items`; the root is `{"$ref": root}`, or the `anyOf`
    /// of the module's messages when `root` is `None`.
    pub(super) fn document(&self, root_item: Option<&Item>, items: &[&Item]) -> Obj {
        let module = self.module;
        let mut notes = Used::default();
        let mut defs = Obj::new();
        for item in items {
            defs.set(item.name.clone(), self.item(item, &mut notes));
        }

        let mut root = Obj::new();
        root.set("$schema", DRAFT_2020_12);
        if let Some(title) = &module.title {
            root.set("title", title.as_str());
        }
        if !module.doc.trim().is_empty() {
            root.set("description", module.doc.trim());
        }
        root.set("$comment", root_comment(&notes.notes));
        match root_item {
            Some(item) => root.set("$ref", def_ref(&item.name)),
            None => {
                let messages: Vec<Node> = module
                    .items
                    .iter()
                    .filter(|i| matches!(i.kind, ItemKind::Message(_)))
                    .map(|i| Node::Obj(Obj::new().with("$ref", def_ref(&i.name))))
                    .collect();
                if !messages.is_empty() {
                    root.set("anyOf", Node::Arr(messages));
                }
            }
        }
        // The currency tables, under names no item can have (item names are Rust type names).
        for (used, numeric, name, title) in [
            (
                notes.alpha,
                false,
                ISO_4217_ALPHA,
                "ISO 4217 alphabetic currency code",
            ),
            (
                notes.numeric,
                true,
                ISO_4217_NUMERIC,
                "ISO 4217 numeric currency code",
            ),
        ] {
            if used {
                let codes = currency_codes(numeric)
                    .iter()
                    .map(|c| Node::from(c.as_str()))
                    .collect();
                defs.set(
                    name,
                    Obj::new()
                        .with("title", title)
                        .with("type", "string")
                        .with("enum", Node::Arr(codes)),
                );
            }
        }
        root.set("$defs", defs);
        root
    }

    fn item(&self, item: &Item, notes: &mut Used) -> Obj {
        match &item.kind {
            ItemKind::Message(object) | ItemKind::Struct(object) => {
                self.object(item, object, notes)
            }
            ItemKind::Enum(en) => enum_schema(item, en),
        }
    }

    fn object(&self, item: &Item, object: &Object, notes: &mut Used) -> Obj {
        let mut schema = Obj::new();
        schema.set("title", item.name.as_str());
        set_doc(&mut schema, &item.doc);
        schema.set("type", "object");
        let mut properties = Obj::new();
        let mut required = Vec::new();
        for field in &object.fields {
            // The runtime's description of the field, as the other consumers read it.
            field.with_plan(self.module, object, |plan| {
                properties.set(field.ident.clone(), self.field(field, plan, notes));
                if plan.requirement == Requirement::Mandatory {
                    required.push(Node::from(plan.ident));
                }
            });
        }
        schema.set("properties", properties);
        if !required.is_empty() {
            schema.set("required", Node::Arr(required));
        }
        let mut conditions = self.conditions(object, notes);
        conditions.extend(self.format_conditions(object, notes));
        conditions.extend(self.conditions_from_below(item, notes));
        conditions.extend(
            object.with_groups(|groups| groups.iter().map(group_schema).collect::<Vec<_>>()),
        );
        if !conditions.is_empty() {
            schema.set("allOf", Node::Arr(conditions));
        }
        if object.deny_unknown || self.options.deny_unknown {
            schema.set("additionalProperties", false);
        }
        schema
    }

    fn field(&self, field: &Field, plan: &FieldPlan<'_>, notes: &mut Used) -> Node {
        let mandatory = plan.requirement == Requirement::Mandatory;
        let mut comments: Vec<String> = Vec::new();
        let custom = field.custom_format.as_deref();
        let mut value = self.value(plan, custom, &field.ty, mandatory, &mut comments, notes);
        // The count of the field's own collection (not of the inner ones).
        if let Some(items) = plan.items {
            let (min, max) = match field.ty {
                Type::Map(_) => ("minProperties", "maxProperties"),
                _ => ("minItems", "maxItems"),
            };
            if items.min > 0 {
                value.set(min, items.min);
            }
            if let Some(most) = items.max {
                value.set(max, most);
            }
        }

        let mut schema = Obj::new();
        if let Some(label) = &field.label
            && label != &field.ident
        {
            schema.set("title", label.as_str());
        }
        set_doc(&mut schema, &field.doc);
        if field.sensitive {
            comments.push(
                "sensitive: fieldtab never prints this value (Debug, Display, reports)".into(),
            );
        }
        if !comments.is_empty() {
            schema.set("$comment", comments.join(" "));
        }
        if mandatory {
            schema.extend(value);
        } else {
            // `null` counts as absent.
            match value.get("type") {
                Some(Node::Str(ty))
                    if !value.contains("const")
                        && !value.contains("enum")
                        && !value.contains("$ref") =>
                {
                    let ty = ty.clone();
                    let mut value = value;
                    value.set("type", Node::Arr(vec![Node::Str(ty), Node::from("null")]));
                    schema.extend(value);
                }
                _ => schema.set(
                    "anyOf",
                    Node::Arr(vec![
                        Node::Obj(value),
                        Node::Obj(Obj::new().with("type", "null")),
                    ]),
                ),
            }
        }
        if !field.sensitive && !field.examples.is_empty() {
            let examples: Vec<Node> = field
                .examples
                .iter()
                .filter_map(|e| serde_json::from_str::<Value>(e).ok())
                .map(Node::Raw)
                .collect();
            if !examples.is_empty() {
                schema.set("examples", Node::Arr(examples));
            }
        }
        Node::Obj(schema)
    }

    /// The schema of a present, non-`null` value of type `ty` (the field's type, or its
    /// element type inside an array). `nonempty`: an empty string is a violation. `custom`: the
    /// field's custom format, which the plan holds only once bound to its function.
    fn value(
        &self,
        plan: &FieldPlan<'_>,
        custom: Option<&str>,
        ty: &Type,
        nonempty: bool,
        comments: &mut Vec<String>,
        notes: &mut Used,
    ) -> Obj {
        let mut schema = Obj::new();
        match ty {
            Type::Iso(_) | Type::String => {
                schema.set("type", "string");
                let accepted = [
                    (plan.accepts.number, "number"),
                    (plan.accepts.boolean, "boolean"),
                ];
                if accepted.iter().any(|(on, _)| *on) {
                    // The string rules below apply to strings only: a number or a Boolean the
                    // field accepts is not held to them here (it is by fieldtab).
                    notes.notes.insert(NOTE_ACCEPTS);
                    let kinds = std::iter::once("string")
                        .chain(accepted.iter().filter(|(on, _)| *on).map(|(_, k)| *k))
                        .map(Node::from)
                        .collect();
                    schema.set("type", Node::Arr(kinds));
                }
                // The rules generated code and the dynamic validator apply.
                let rules = &plan.rules;
                if let Some(fixed) = rules.fixed {
                    schema.set("const", fixed);
                }
                let (min, max) = match rules.length {
                    Some((_, min, max)) => (min, Some(max)),
                    None => (0, None),
                };
                let min = if nonempty { min.max(1) } else { min };
                if min > 0 {
                    schema.set("minLength", min);
                }
                if let Some(max) = max {
                    schema.set("maxLength", max);
                }
                // One `pattern` per rule that has one; the second and later go to `allOf`.
                let patterns = [
                    rules.charset.map(|charset| charset.pattern().to_owned()),
                    rules.forbidden.map(forbidden_pattern),
                    rules
                        .pattern
                        .map(|pattern| pattern.get().as_str().to_owned()),
                ];
                let mut all_of = Vec::new();
                for pattern in patterns.into_iter().flatten() {
                    if schema.contains("pattern") {
                        all_of.push(Node::Obj(Obj::new().with("pattern", pattern)));
                    } else {
                        schema.set("pattern", pattern);
                    }
                }
                if let Some(format) = rules.format {
                    let (keywords, comment) = format_keywords(&format, notes);
                    if let Some(comment) = comment {
                        comments.push(comment);
                    }
                    if keywords.keys().any(|k| schema.contains(k)) {
                        all_of.push(Node::Obj(keywords));
                    } else {
                        schema.extend(keywords);
                    }
                }
                if let Some(name) = custom {
                    // An annotation: JSON Schema validators do not know the format.
                    schema.set("format", name);
                    notes.notes.insert(NOTE_CUSTOM);
                    comments.push(format!(
                        "custom format `{name}`: not checked by JSON Schema validators; fieldtab \
                         checks it with the function bound to it."
                    ));
                }
                if !all_of.is_empty() {
                    schema.set("allOf", Node::Arr(all_of));
                }
            }
            Type::Integer | Type::Number => {
                let integer = matches!(ty, Type::Integer);
                if integer {
                    notes.notes.insert(NOTE_INTEGER);
                    schema.set("type", "integer");
                } else {
                    schema.set("type", "number");
                }
                let rules = match plan.value {
                    ValueKind::Number(rules) => rules,
                    ValueKind::Text | ValueKind::Boolean => NumberRules::NUMBER,
                };
                // The bounds as the schema writes them (an `Integer`'s are within `i64`).
                let bound = |text: Option<&str>, default: i64| match text {
                    Some(text) => {
                        serde_json::from_str::<Value>(text).map_or(Node::from(default), Node::Raw)
                    }
                    None => Node::from(default),
                };
                if integer || rules.min.is_some() {
                    schema.set("minimum", bound(rules.min, i64::MIN));
                }
                if integer || rules.max.is_some() {
                    schema.set("maximum", bound(rules.max, i64::MAX));
                }
                if rules.scale.is_some() {
                    // `multipleOf: 0.01` would be judged in floating point by validators
                    // (0.07 is no multiple of 0.01 there): the scale is not expressed.
                    notes.notes.insert(NOTE_SCALE);
                }
                if plan.accepts.string {
                    // A string holding the number: its form, not its range (a pattern applies
                    // to strings only).
                    notes.notes.insert(NOTE_ACCEPTS);
                    let kind = if integer { "integer" } else { "number" };
                    schema.set(
                        "type",
                        Node::Arr(vec![Node::from(kind), Node::from("string")]),
                    );
                    let pattern = if integer { INTEGER_TEXT } else { NUMBER_TEXT };
                    schema.set("pattern", pattern);
                }
            }
            Type::Boolean if plan.accepts.string => {
                schema.set(
                    "enum",
                    Node::Arr(vec![
                        Node::from(true),
                        Node::from(false),
                        Node::from("true"),
                        Node::from("false"),
                    ]),
                );
            }
            Type::Boolean => schema.set("type", "boolean"),
            Type::Named(name) => {
                schema.set("$ref", def_ref(name));
                if nonempty && empty_is_required(ty, plan) {
                    schema.set("minLength", 1);
                }
                // A fixed value of an enum field is its `const` rule (checked before `enum`).
                if plan.enumeration.is_some()
                    && let Some(fixed) = plan.rules.fixed
                {
                    schema.set("const", fixed);
                }
            }
            Type::Array(element) => {
                schema.set("type", "array");
                // Elements are never `required`: an empty string element is a value.
                let items = self.value(plan, custom, element, false, comments, notes);
                schema.set("items", items);
            }
            Type::Map(element) => {
                schema.set("type", "object");
                // Any key; every value a value of the element type (a repeated key, a
                // `syntax` violation, is not expressible).
                let values = self.value(plan, custom, element, false, comments, notes);
                schema.set("additionalProperties", values);
            }
            // Free-form: only its kind (`deny_unknown` never looks inside).
            Type::Object => schema.set("type", "object"),
        }
        schema
    }
}

fn set_doc(schema: &mut Obj, doc: &str) {
    let doc = doc.trim();
    if !doc.is_empty() {
        schema.set("description", doc);
    }
}

fn enum_schema(item: &Item, en: &Enum) -> Obj {
    let mut schema = Obj::new();
    schema.set("title", item.name.as_str());
    let mut doc = item.doc.trim().to_owned();
    let documented: Vec<String> = en
        .values
        .iter()
        .filter(|v| !v.doc.trim().is_empty())
        .map(|v| format!("- `{}`: {}", v.value, v.doc.trim()))
        .collect();
    if !documented.is_empty() {
        if !doc.is_empty() {
            doc.push_str("\n\n");
        }
        doc.push_str(&documented.join("\n"));
    }
    set_doc(&mut schema, &doc);
    schema.set("type", "string");
    let values = Node::Arr(
        en.values
            .iter()
            .map(|v| Node::from(v.value.as_str()))
            .collect(),
    );
    if en.open {
        schema.set(
            "$comment",
            "open enum: values outside the list are accepted",
        );
        schema.set("examples", values);
    } else {
        schema.set("enum", values);
    }
    schema
}

/// The keywords of a format, and the field's `$comment` on what they approximate; records in
/// `used` the currency table they refer to and the root note on what they approximate.
///
/// The `pattern` is the runtime's ([`Format::json_schema_pattern`]); this adds JSON Schema's own
/// vocabulary (`format`, the currency tables, `contentMediaType`, a base64 image's
/// `maxLength`) and says what the keywords leave to fieldtab.
pub(super) fn format_keywords(format: &Format, used: &mut Used) -> (Obj, Option<String>) {
    let mut keywords = Obj::new();
    let name = format.name();
    let mut max_length = None;
    let gap = match *format {
        Format::Timestamp => {
            keywords.set("format", "date-time");
            None
        }
        Format::Date => {
            keywords.set("format", "date");
            None
        }
        Format::Url | Format::Uri => {
            keywords.set("format", "uri");
            None
        }
        Format::CurrencyAlpha => {
            used.alpha = true;
            keywords.set("$ref", def_ref(ISO_4217_ALPHA));
            None
        }
        Format::CurrencyNumeric => {
            used.numeric = true;
            keywords.set("$ref", def_ref(ISO_4217_NUMERIC));
            None
        }
        Format::JsonText => {
            keywords.set("contentMediaType", "application/json");
            Some((
                format!(
                    "{name}: contentMediaType is an annotation; fieldtab also checks that the text is one JSON value."
                ),
                NOTE_JSON,
            ))
        }
        Format::Base64Image { max_bytes, .. } => {
            max_length = Some(image_max_length(max_bytes));
            Some((
                format!(
                    "{name}: the pattern checks the data URL prefix, the image signature and the base64 alphabet, maxLength bounds the size; fieldtab also checks the padding, the trailing bits and the exact decoded size."
                ),
                NOTE_IMAGE,
            ))
        }
        Format::Pan { luhn: true } => Some((
            format!(
                "{name}: the pattern checks the digits; fieldtab also checks the Luhn check digit."
            ),
            NOTE_LUHN,
        )),
        // Exact patterns.
        Format::CountryAlpha2
        | Format::CountryAlpha3
        | Format::CompactDate
        | Format::TimeOfDay
        | Format::CompactTimeOfDay
        | Format::LocalTime
        | Format::GmtOffset
        | Format::MinorUnits
        | Format::Decimal { .. }
        | Format::Mobile
        | Format::Pan { luhn: false } => None,
    };
    if let Some(pattern) = format.json_schema_pattern() {
        keywords.set("pattern", pattern);
    }
    if let Some(max_length) = max_length {
        keywords.set("maxLength", max_length);
    }
    match gap {
        Some((comment, note)) => {
            used.notes.insert(note);
            (keywords, Some(comment))
        }
        None => (keywords, None),
    }
}

/// The `maxLength` bound of a base64 image of at most `max_bytes` decoded bytes: the most
/// significant characters those bytes take, plus padding and the longest prefix
/// (`data:image/jpeg;base64,`).
fn image_max_length(max_bytes: u32) -> i64 {
    let max = u64::from(max_bytes);
    let significant = max / 3 * 4
        + match max % 3 {
            0 => 0,
            1 => 2,
            _ => 3,
        };
    let bound = significant + 2 + 23;
    i64::try_from(bound).unwrap_or(i64::MAX)
}

/// Whether an empty string value of type `ty` (of the field `plan` describes) is a `required`
/// violation when the field is required, and the type's own keywords do not already reject `""`:
/// a string, or an enum whose rule accepts `""`.
pub(super) fn empty_is_required(ty: &Type, plan: &FieldPlan<'_>) -> bool {
    match ty {
        Type::Iso(_) | Type::String => true,
        Type::Named(_) => plan.enumeration.is_some_and(|rule| rule.accepts("")),
        _ => false,
    }
}

/// `item` and every item it uses, directly or not, in module order.
pub(super) fn reachable<'m>(module: &'m Module, item: &'m Item) -> Vec<&'m Item> {
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let mut stack = vec![item];
    seen.insert(&item.name);
    while let Some(item) = stack.pop() {
        let Some(object) = item.kind.object() else {
            continue;
        };
        for field in &object.fields {
            if let Some(name) = field.ty.named()
                && let Some(used) = module.item(name)
                && seen.insert(&used.name)
            {
                stack.push(used);
            }
        }
    }
    module
        .items
        .iter()
        .filter(|i| seen.contains(i.name.as_str()))
        .collect()
}

fn def_ref(name: &str) -> String {
    // Item names are Rust type names (letters, digits, `_`): nothing to escape (RFC 6901).
    format!("#/$defs/{name}")
}

/// What the root `$comment` says: the general approximations and those of the exported fields.
fn root_comment(notes: &BTreeSet<&'static str>) -> String {
    let mut text = String::from(
        "Exported by fieldtab. This schema accepts every document fieldtab accepts; JSON \
         Schema cannot express every rule, so it also accepts some that fieldtab rejects: \
         objects with duplicate keys (fieldtab: syntax)",
    );
    for note in notes {
        text.push_str("; ");
        text.push_str(note);
    }
    text.push_str(
        ". ISO code lengths count bytes and JSON Schema counts code points: every ISO \
         character is ASCII, so they agree on every value the pattern admits.",
    );
    text
}

const NOTE_INTEGER: &str =
    "integers written with a fraction or an exponent (1.0, 1e2; fieldtab: type)";
const NOTE_SCALE: &str = "numbers with more decimal places than their scale (fieldtab: range)";
const NOTE_ACCEPTS: &str = "values of another JSON kind that a field accepts (a number in a string field, a string in a number field) that break the field's other rules, and conditions comparing such values (fieldtab: length, charset, range, required, …)";
/// A JSON integer, as a string holding one is written.
const INTEGER_TEXT: &str = "^-?(0|[1-9][0-9]*)$";
/// A JSON number, as a string holding one is written.
const NUMBER_TEXT: &str = "^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?$";
const NOTE_CUSTOM: &str =
    "values not in a custom format, which JSON Schema validators do not know (fieldtab: format)";
const NOTE_LUHN: &str = "card numbers with a wrong Luhn check digit (fieldtab: format)";
const NOTE_IMAGE: &str =
    "base64 images with bad padding, trailing bits or decoded size (fieldtab: format)";
const NOTE_JSON: &str = "JSON text fields that hold no JSON (fieldtab: format)";
/// A struct with conditions on the object above it, as a document of its own: they are exported
/// in the definitions of the objects above (`above.rs`), so its own definition does not have
/// them.
pub(super) const NOTE_ALONE: &str = "a struct whose conditions read the object above it (super.) \
     validated as a document of its own, where they read absent values (fieldtab: required, \
     format)";
/// A condition that compares too many values of one object above its own to be exported case
/// by case (`above.rs`).
pub(super) const NOTE_ABOVE: &str = "documents where a condition on an object above (super.) \
     with more than 6 comparisons on one object holds (fieldtab: required, format)";

/// What the exported fields use: the approximations to list at the root, the currency tables
/// to define.
#[derive(Default)]
pub(super) struct Used {
    pub(super) notes: BTreeSet<&'static str>,
    alpha: bool,
    numeric: bool,
}

/// The `$defs` names of the currency tables: not Rust type names, so no item has them.
const ISO_4217_ALPHA: &str = "iso4217-alpha";
const ISO_4217_NUMERIC: &str = "iso4217-numeric";

/// Every code the runtime's currency rule (`ISO 4217`, or `ISO 4217 numeric` when `numeric`)
/// accepts, found by asking the rule itself (every three capital letters, or every three
/// digits), so the table is the runtime's.
fn currency_codes(numeric: bool) -> &'static [String] {
    static ALPHA: OnceLock<Vec<String>> = OnceLock::new();
    static NUMERIC: OnceLock<Vec<String>> = OnceLock::new();
    let (cell, format) = if numeric {
        (&NUMERIC, Format::CurrencyNumeric)
    } else {
        (&ALPHA, Format::CurrencyAlpha)
    };
    cell.get_or_init(|| {
        let mut candidates = Vec::with_capacity(26 * 26 * 26);
        if numeric {
            candidates.extend((0..1000).map(|n| format!("{n:03}")));
        } else {
            for a in 'A'..='Z' {
                for b in 'A'..='Z' {
                    for c in 'A'..='Z' {
                        candidates.push(format!("{a}{b}{c}"));
                    }
                }
            }
        }
        candidates.retain(|code| format.check(code).is_ok());
        candidates
    })
}

/// A group as JSON Schema (docs/SEMANTICS.md §6.5), in the object's `allOf`, with a `$comment`
/// in the runtime's words. A member is present when it is there and not `null`: `P(m)` is
/// `{required: [m], properties: {m: {not: {type: null}}}}`. Exactly one: `oneOf` of the `P`s;
/// at least one: `anyOf`; at most one: `oneOf` of "none" and each `P`; all or none: `anyOf` of
/// "all" and "none".
fn group_schema(group: &GroupRule<'_>) -> Node {
    let present: Vec<Node> = group
        .members
        .iter()
        .map(|&(_, ident)| {
            Node::Obj(
                Obj::new()
                    .with("required", Node::Arr(vec![Node::from(ident)]))
                    .with(
                        "properties",
                        Obj::new().with(
                            ident,
                            Obj::new().with("not", Obj::new().with("type", "null")),
                        ),
                    ),
            )
        })
        .collect();
    let none =
        || Node::Obj(Obj::new().with("not", Obj::new().with("anyOf", Node::Arr(present.clone()))));
    let schema = match group.kind {
        GroupKind::ExactlyOne => Obj::new().with("oneOf", Node::Arr(present.clone())),
        GroupKind::AtLeastOne => Obj::new().with("anyOf", Node::Arr(present.clone())),
        GroupKind::AtMostOne => {
            let mut choices = vec![none()];
            choices.extend(present.iter().cloned());
            Obj::new().with("oneOf", Node::Arr(choices))
        }
        GroupKind::AllOrNone => {
            let all = Node::Obj(Obj::new().with("allOf", Node::Arr(present.clone())));
            Obj::new().with("anyOf", Node::Arr(vec![all, none()]))
        }
    };
    let names: Vec<String> = group
        .members
        .iter()
        .map(|&(_, ident)| format!("`{ident}`"))
        .collect();
    let comment = format!(
        "group: {} {} must be present",
        group.kind.phrase(),
        names.join(", ")
    );
    let mut node = Obj::new().with("$comment", comment);
    node.extend(schema);
    Node::Obj(node)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_bound_covers_the_largest_image() {
        // 100 KB: 102400 bytes -> 136534 significant characters (+2 padding, +23 prefix).
        assert_eq!(image_max_length(102_400), 136_534 + 2 + 23);
    }
}
