//! JSON Schema export: a checked schema as a JSON Schema (draft 2020-12), for tools that speak
//! JSON Schema (editors, API gateways, other languages, the `jsonschema` peer in the benches).
//!
//! ```
//! let text = "\
//! ### message Ping
//!
//! | Identifier | Type | Length | Request | Format |
//! |------------|------|--------|---------|--------|
//! | procType   | AN   | 2      | M       | fixed 41 |
//! | localTime  | N    | 14     | M       | YYYYMMDDHHMISS |
//! ";
//! let schema = fieldtab_codegen::Schema::parse("ping.md", text).unwrap();
//! let json = schema.to_json_schema(Some("Ping")).unwrap();
//! assert_eq!(json["$ref"], "#/$defs/Ping");
//! assert_eq!(json["$defs"]["Ping"]["required"], serde_json::json!(["procType", "localTime"]));
//! assert_eq!(json["$defs"]["Ping"]["properties"]["procType"]["const"], "41");
//! ```
//!
//! # Layout
//!
//! - `$schema` is draft 2020-12. Every item (message, struct, enum) is a definition in `$defs`
//!   under its own name, with its name as `title` and its prose as `description`; fields of a
//!   named type are `{"$ref": "#/$defs/Name"}`.
//! - With a name (`fieldtab json-schema SCHEMA --message NAME`; any message, struct or enum of
//!   the file or its imports), the root is `{"$ref": "#/$defs/NAME"}` and `$defs` holds that
//!   item and every item it uses, directly or not.
//! - Without a name, `$defs` holds every item of the module, and the root accepts a document
//!   that is valid as any one of the module's messages (`anyOf` of their `$ref`s; exactly the
//!   message when there is one). A module without messages (a data dictionary such as
//!   `schemas/alipayplus/benefit.md`) is a bundle of definitions: its root constrains nothing;
//!   refer to `#/$defs/Name`, or export with a name.
//! - When a field has an ISO 4217 format, `$defs` also holds the currency table,
//!   `iso4217-alpha` or `iso4217-numeric` (names no item can have).
//! - The output keeps the schema's order (items, fields); [`JsonSchema::to_pretty_string`]
//!   prints it in that order. (A `serde_json::Value` sorts keys unless serde_json's
//!   `preserve_order` feature is on; the content is the same.)
//!
//! # Mapping
//!
//! | fieldtab | JSON Schema |
//! |---|---|
//! | ISO code (`N`, `AN`, `ANS`, …) | `type: string`, `pattern` from [`Charset::pattern`](fieldtab_runtime::Charset::pattern) (anchored) |
//! | `String` | `type: string` |
//! | length `1..15` | `minLength: 1`, `maxLength: 15` |
//! | `Integer` | `type: integer`, `minimum`/`maximum` of `i64` |
//! | `Boolean` | `type: boolean` |
//! | struct, message, enum | `$ref` to its definition |
//! | array | `type: array`, `items` (the field's string rules apply to the elements) |
//! | `M` | listed in `required`; a string field also gets `minLength: 1` (an empty mandatory string is a `required` violation) |
//! | `O` | the value may also be `null` (`null` counts as absent) |
//! | `C: type in (A, B)` | as `O`, plus `allOf: [{if: {properties: {type: {enum: [A, B]}}, required: [type]}, then: {required: [...], properties: {f: {not: {type: null}, minLength: 1}}}}]` |
//! | `FORMAT if type = A` (conditional format) | in the object's `allOf`: `{if: {properties: {type: {const: A}}, required: [type]}, then: {properties: {f: <the format's keywords>}}}` |
//! | fixed value | `const` |
//! | closed enum | `enum` (value docs in the `description`) |
//! | open enum | `type: string`, the known values as `examples` |
//! | denied unknown fields | `additionalProperties: false` |
//! | `Field name`, `Note`, `Example` | `title`, `description`, `examples` (no examples for sensitive fields) |
//! | sensitive | a `$comment` |
//!
//! Formats, as `format` where JSON Schema has one and a `pattern` for what a regular expression
//! can capture (patterns are ECMA-262, `[0-9]` rather than `\d` so that no engine reads them as
//! Unicode digits; when the field already has a charset `pattern`, the format's keywords go in
//! an `allOf`):
//!
//! | format | JSON Schema |
//! |---|---|
//! | `YYYYMMDDHHMISS` | `pattern`, exact: real calendar dates (month lengths, leap years) and times |
//! | `GMT±hh:mm` | `pattern`, exact: `GMT-12:00` to `GMT+14:00` |
//! | `ISO 8601` | `format: date-time` and a `pattern`, exact: real dates, 1–9 fraction digits, `Z` or `±hh:mm` |
//! | `ISO 4217` | `$ref` to `#/$defs/iso4217-alpha`, an `enum` of every code the runtime accepts, exact |
//! | `ISO 4217 numeric` | `$ref` to `#/$defs/iso4217-numeric`, likewise, exact |
//! | `minor units` | `pattern: ^[1-9][0-9]{0,15}$`, exact |
//! | `decimal MIN..MAX scale N` | `pattern`, exact: the shape, the scale and the range (an alternation of digit ranges) |
//! | `URL` | `format: uri` and a `pattern`, exact: `http(s)://`, host name or IP literal, port ≤ 65535, allowed characters and `%` escapes |
//! | `base64 image` | `pattern` of the data URL prefix, the image signature and the alphabet, and a `maxLength` bound from the size (approximated: padding, trailing bits and the exact decoded size are not checked) |
//! | `JSON` | `contentMediaType: application/json` (an annotation: that the text is JSON is not checked) |
//! | `mobile` | `pattern`, exact: `+cc-number`, at most 15 digits |
//! | `PAN`, `PAN luhn` | `pattern: ^[0-9]{12,19}$` (approximated for `PAN luhn`: the check digit is not checked) |
//!
//! # What JSON Schema cannot express
//!
//! The export never rejects a document fieldtab accepts; it accepts a few that fieldtab rejects:
//!
//! - the Luhn check digit, the decoded size and bytes of a base64 image beyond its signature,
//!   and that a `JSON` string holds JSON (each field says which in its `$comment`);
//! - `Integer`: JSON Schema's `integer` is a number whose value is whole, so it admits `1.0` and
//!   `1e2`, which fieldtab rejects as `type` (it wants an integer literal);
//! - duplicate keys: a JSON Schema validator sees the parsed document (serde_json keeps the
//!   last occurrence); fieldtab reports a `syntax` violation and checks the first;
//! - the order and the number of violations (JSON Schema validators report in their own way).
//!
//! Exact although the units differ: ISO codes count bytes and JSON Schema counts code points;
//! every character of every ISO class is ASCII, so on every value that passes the `pattern` the
//! two counts agree, and on the others the `pattern` fails anyway.

use std::collections::BTreeSet;
use std::fmt;
use std::sync::OnceLock;

use fieldtab_runtime::{Format, ImageKinds};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::Value;

use crate::model::{Enum, Field, Item, ItemKind, Module, Object, Requirement, Type};

/// The `$schema` of draft 2020-12.
pub const DRAFT_2020_12: &str = "https://json-schema.org/draft/2020-12/schema";

/// Options of the export.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct JsonSchemaOptions {
    /// Deny unknown fields in every object (`additionalProperties: false`), as
    /// `fieldtab validate --deny-unknown` does; items that deny them always do.
    pub deny_unknown: bool,
}

impl JsonSchemaOptions {
    /// The defaults: unknown fields are denied only where the schema denies them.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets [`JsonSchemaOptions::deny_unknown`].
    pub fn deny_unknown(mut self, deny: bool) -> Self {
        self.deny_unknown = deny;
        self
    }
}

/// Why a JSON Schema could not be exported.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum JsonSchemaError {
    /// No item of the module has the name asked for.
    UnknownItem {
        /// The name asked for.
        name: String,
        /// The closest item name, when close enough to be a likely typo.
        suggestion: Option<String>,
        /// Every item name of the module, in module order.
        available: Vec<String>,
    },
}

impl fmt::Display for JsonSchemaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsonSchemaError::UnknownItem {
                name, suggestion, ..
            } => {
                write!(f, "no message, struct or enum named `{name}`")?;
                if let Some(suggestion) = suggestion {
                    write!(f, "; did you mean `{suggestion}`?")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for JsonSchemaError {}

/// An exported JSON Schema, in the schema's order.
#[derive(Clone, Debug, PartialEq)]
pub struct JsonSchema {
    root: Obj,
}

impl JsonSchema {
    /// As a `serde_json::Value`.
    pub fn to_value(&self) -> Value {
        self.root.to_value()
    }

    /// Pretty-printed JSON in the schema's order (items, then fields, in table order), with a
    /// final newline.
    pub fn to_pretty_string(&self) -> String {
        // Serializing this tree cannot fail: every key is a string, every number an integer.
        let mut text = serde_json::to_string_pretty(&self.root).unwrap_or_default();
        text.push('\n');
        text
    }
}

impl Serialize for JsonSchema {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.root.serialize(serializer)
    }
}

/// The JSON Schema of the item `message` of `module` (any message, struct or enum), or of the
/// whole module when `None`.
pub(crate) fn export(
    module: &Module,
    message: Option<&str>,
    options: JsonSchemaOptions,
) -> Result<JsonSchema, JsonSchemaError> {
    let exporter = Exporter { module, options };
    let (root_item, items): (Option<&Item>, Vec<&Item>) = match message {
        Some(name) => {
            let Some(item) = module.item(name) else {
                let available: Vec<String> = module.items.iter().map(|i| i.name.clone()).collect();
                let suggestion = fieldtab_schema::did_you_mean(
                    name,
                    module.items.iter().map(|i| i.name.as_str()),
                )
                .map(str::to_owned);
                return Err(JsonSchemaError::UnknownItem {
                    name: name.to_owned(),
                    suggestion,
                    available,
                });
            };
            (Some(item), reachable(module, item))
        }
        None => (None, module.items.iter().collect()),
    };

    let mut notes = Used::default();
    let mut defs = Obj::new();
    for item in &items {
        defs.set(item.name.clone(), exporter.item(item, &mut notes));
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
    for (used, format, name, title) in [
        (
            notes.alpha,
            Format::CurrencyAlpha,
            ISO_4217_ALPHA,
            "ISO 4217 alphabetic currency code",
        ),
        (
            notes.numeric,
            Format::CurrencyNumeric,
            ISO_4217_NUMERIC,
            "ISO 4217 numeric currency code",
        ),
    ] {
        if used {
            let codes = currency_codes(format)
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
    Ok(JsonSchema { root })
}

/// `item` and every item it uses, directly or not, in module order.
fn reachable<'m>(module: &'m Module, item: &'m Item) -> Vec<&'m Item> {
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let mut stack = vec![item];
    seen.insert(&item.name);
    while let Some(item) = stack.pop() {
        let (ItemKind::Message(object) | ItemKind::Struct(object)) = &item.kind else {
            continue;
        };
        for field in &object.fields {
            if let Some(name) = named(&field.ty)
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

/// The item named by a type, through arrays.
fn named(ty: &Type) -> Option<&str> {
    match ty {
        Type::Named(name) => Some(name),
        Type::Array(element) => named(element),
        _ => None,
    }
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
const NOTE_LUHN: &str = "card numbers with a wrong Luhn check digit (fieldtab: format)";
const NOTE_IMAGE: &str =
    "base64 images with bad padding, trailing bits or decoded size (fieldtab: format)";
const NOTE_JSON: &str = "JSON text fields that hold no JSON (fieldtab: format)";

/// What the exported fields use: the approximations to list at the root, the currency tables
/// to define.
#[derive(Default)]
struct Used {
    notes: BTreeSet<&'static str>,
    alpha: bool,
    numeric: bool,
}

/// The `$defs` names of the currency tables: not Rust type names, so no item has them.
const ISO_4217_ALPHA: &str = "iso4217-alpha";
const ISO_4217_NUMERIC: &str = "iso4217-numeric";

/// Every code the runtime's currency rule `format` accepts, found by asking the rule itself
/// (every three capital letters, or every three digits), so the table is the runtime's.
fn currency_codes(format: Format) -> &'static [String] {
    static ALPHA: OnceLock<Vec<String>> = OnceLock::new();
    static NUMERIC: OnceLock<Vec<String>> = OnceLock::new();
    let numeric = matches!(format, Format::CurrencyNumeric);
    let cell = if numeric { &NUMERIC } else { &ALPHA };
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

struct Exporter<'m> {
    module: &'m Module,
    options: JsonSchemaOptions,
}

impl Exporter<'_> {
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
        for field in &object.fields {
            properties.set(field.ident.clone(), self.field(field, notes));
        }
        schema.set("properties", properties);
        let required: Vec<Node> = object
            .fields
            .iter()
            .filter(|f| f.requirement == Requirement::Mandatory)
            .map(|f| Node::from(f.ident.as_str()))
            .collect();
        if !required.is_empty() {
            schema.set("required", Node::Arr(required));
        }
        let mut conditions = self.conditions(object);
        conditions.extend(self.format_conditions(object, notes));
        if !conditions.is_empty() {
            schema.set("allOf", Node::Arr(conditions));
        }
        if object.deny_unknown || self.options.deny_unknown {
            schema.set("additionalProperties", false);
        }
        schema
    }

    /// One `if`/`then` per distinct condition, in the order of the first field that has it.
    fn conditions(&self, object: &Object) -> Vec<Node> {
        let mut groups: Vec<(&str, &[String], Vec<&Field>)> = Vec::new();
        for field in &object.fields {
            let Requirement::Conditional(condition) = &field.requirement else {
                continue;
            };
            let key = (condition.sibling.as_str(), condition.values.as_slice());
            match groups.iter_mut().find(|(s, v, _)| (*s, *v) == key) {
                Some(group) => group.2.push(field),
                None => groups.push((key.0, key.1, vec![field])),
            }
        }
        groups
            .into_iter()
            .map(|(sibling, values, fields)| {
                let test = match values {
                    [one] => Obj::new().with("const", one.as_str()),
                    many => Obj::new().with(
                        "enum",
                        Node::Arr(many.iter().map(|v| Node::from(v.as_str())).collect()),
                    ),
                };
                let condition = Obj::new()
                    .with("properties", Obj::new().with(sibling, test))
                    .with("required", Node::Arr(vec![Node::from(sibling)]));
                let mut present = Obj::new();
                for field in &fields {
                    // Present, not `null`, and (for strings) not empty: `required` otherwise.
                    let mut must = Obj::new().with("not", Obj::new().with("type", "null"));
                    if self.empty_is_required(&field.ty) {
                        must.set("minLength", 1);
                    }
                    present.set(field.ident.clone(), must);
                }
                let then = Obj::new()
                    .with(
                        "required",
                        Node::Arr(
                            fields
                                .iter()
                                .map(|f| Node::from(f.ident.as_str()))
                                .collect(),
                        ),
                    )
                    .with("properties", present);
                Node::Obj(Obj::new().with("if", condition).with("then", then))
            })
            .collect()
    }

    /// One `if`/`then` per conditional format (point 4b of the semantics), after the
    /// conditional requirements, in field order: when the sibling holds one of the values, the
    /// field (if present) also has the format's keywords.
    fn format_conditions(&self, object: &Object, notes: &mut Used) -> Vec<Node> {
        let mut out = Vec::new();
        for field in &object.fields {
            for conditional in &field.format_when {
                let condition = &conditional.when;
                let test = match condition.values.as_slice() {
                    [one] => Obj::new().with("const", one.as_str()),
                    many => Obj::new().with(
                        "enum",
                        Node::Arr(many.iter().map(|v| Node::from(v.as_str())).collect()),
                    ),
                };
                let sibling = condition.sibling.as_str();
                let when = Obj::new()
                    .with("properties", Obj::new().with(sibling, test))
                    .with("required", Node::Arr(vec![Node::from(sibling)]));
                let format = conditional.format;
                match format {
                    Format::CurrencyAlpha => notes.alpha = true,
                    Format::CurrencyNumeric => notes.numeric = true,
                    _ => {}
                }
                let (mut keywords, comment, note) = format_keywords(&format);
                if let Some(comment) = comment {
                    keywords.set("$comment", comment);
                }
                if let Some(note) = note {
                    notes.notes.insert(note);
                }
                let then =
                    Obj::new().with("properties", Obj::new().with(field.ident.clone(), keywords));
                out.push(Node::Obj(Obj::new().with("if", when).with("then", then)));
            }
        }
        out
    }

    /// Whether an empty string value of type `ty` is a `required` violation when the field
    /// is required (and the type's own keywords do not already reject `""`).
    fn empty_is_required(&self, ty: &Type) -> bool {
        match ty {
            Type::Iso(_) | Type::String => true,
            Type::Named(name) => match self.module.item(name).map(|i| &i.kind) {
                Some(ItemKind::Enum(en)) => en.accepts(""),
                _ => false,
            },
            _ => false,
        }
    }

    fn field(&self, field: &Field, notes: &mut Used) -> Node {
        let mandatory = field.requirement == Requirement::Mandatory;
        let mut comments: Vec<String> = Vec::new();
        let value = self.value(field, &field.ty, mandatory, &mut comments, notes);

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
    /// element type inside an array). `nonempty`: an empty string is a violation.
    fn value(
        &self,
        field: &Field,
        ty: &Type,
        nonempty: bool,
        comments: &mut Vec<String>,
        notes: &mut Used,
    ) -> Obj {
        let mut schema = Obj::new();
        match ty {
            Type::Iso(_) | Type::String => {
                schema.set("type", "string");
                // The rules generated code and the dynamic validator apply.
                let rules = field.str_rules();
                let rules = rules.as_ref();
                if let Some(fixed) = rules.and_then(|r| r.fixed) {
                    schema.set("const", fixed);
                }
                let (min, max) = match rules.and_then(|r| r.length) {
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
                if let Some(charset) = rules.and_then(|r| r.charset) {
                    schema.set("pattern", charset.pattern());
                }
                if let Some(format) = rules.and_then(|r| r.format) {
                    match format {
                        Format::CurrencyAlpha => notes.alpha = true,
                        Format::CurrencyNumeric => notes.numeric = true,
                        _ => {}
                    }
                    let (keywords, comment, note) = format_keywords(&format);
                    if let Some(comment) = comment {
                        comments.push(comment);
                    }
                    if let Some(note) = note {
                        notes.notes.insert(note);
                    }
                    if keywords.0.iter().any(|(k, _)| schema.contains(k)) {
                        schema.set("allOf", Node::Arr(vec![Node::Obj(keywords)]));
                    } else {
                        schema.extend(keywords);
                    }
                }
            }
            Type::Integer => {
                notes.notes.insert(NOTE_INTEGER);
                schema.set("type", "integer");
                schema.set("minimum", i64::MIN);
                schema.set("maximum", i64::MAX);
            }
            Type::Boolean => schema.set("type", "boolean"),
            Type::Named(name) => {
                schema.set("$ref", def_ref(name));
                if nonempty && self.empty_is_required(ty) {
                    schema.set("minLength", 1);
                }
                // A fixed value of an enum field is its `const` rule (checked before `enum`).
                let is_enum = matches!(
                    self.module.item(name).map(|i| &i.kind),
                    Some(ItemKind::Enum(_))
                );
                if is_enum && let Some(fixed) = field.enum_rules().fixed {
                    schema.set("const", fixed);
                }
            }
            Type::Array(element) => {
                schema.set("type", "array");
                // Elements are never `required`: an empty string element is a value.
                let items = self.value(field, element, false, comments, notes);
                schema.set("items", items);
            }
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

/// The keywords of a format, the field's `$comment` on what they approximate, and the root
/// note for it.
fn format_keywords(format: &Format) -> (Obj, Option<String>, Option<&'static str>) {
    let name = fieldtab_schema::format_name(format);
    let pattern = |p: String| Obj::new().with("pattern", p);
    match *format {
        Format::LocalTime => (
            pattern(format!("^{DATE_COMPACT}{TIME_COMPACT}$")),
            None,
            None,
        ),
        Format::GmtOffset => (pattern(GMT_OFFSET.into()), None, None),
        Format::Timestamp => (
            Obj::new()
                .with("format", "date-time")
                .with("pattern", TIMESTAMP),
            None,
            None,
        ),
        Format::CurrencyAlpha => (
            Obj::new().with("$ref", format!("#/$defs/{ISO_4217_ALPHA}")),
            None,
            None,
        ),
        Format::CurrencyNumeric => (
            Obj::new().with("$ref", format!("#/$defs/{ISO_4217_NUMERIC}")),
            None,
            None,
        ),
        Format::MinorUnits => (pattern("^[1-9][0-9]{0,15}$".into()), None, None),
        Format::Decimal { min, max, scale } => {
            (pattern(decimal_pattern(min, max, scale)), None, None)
        }
        Format::Url => (
            Obj::new()
                .with("format", "uri")
                .with("pattern", url_pattern()),
            None,
            None,
        ),
        Format::Base64Image { max_bytes, kinds } => (
            image_keywords(max_bytes, kinds),
            Some(format!(
                "{name}: the pattern checks the data URL prefix, the image signature and the base64 alphabet, maxLength bounds the size; fieldtab also checks the padding, the trailing bits and the exact decoded size."
            )),
            Some(NOTE_IMAGE),
        ),
        Format::JsonText => (
            Obj::new().with("contentMediaType", "application/json"),
            Some(format!(
                "{name}: contentMediaType is an annotation; fieldtab also checks that the text is one JSON value."
            )),
            Some(NOTE_JSON),
        ),
        Format::Mobile => (pattern(MOBILE.into()), None, None),
        Format::Pan { luhn: false } => (pattern("^[0-9]{12,19}$".into()), None, None),
        Format::Pan { luhn: true } => (
            pattern("^[0-9]{12,19}$".into()),
            Some(format!(
                "{name}: the pattern checks the digits; fieldtab also checks the Luhn check digit."
            )),
            Some(NOTE_LUHN),
        ),
    }
}

/// `YYYYMMDD`, a real date of years 0000–9999 (proleptic Gregorian: 0000 is a leap year).
const DATE_COMPACT: &str = "([0-9]{4}((0[1-9]|1[0-2])(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])(29|30)|(0[13578]|1[02])31)|([0-9]{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)0229)";
/// `HHMISS`, 00:00:00–23:59:59.
const TIME_COMPACT: &str = "([01][0-9]|2[0-3])[0-5][0-9][0-5][0-9]";
/// `GMT-12:00` to `GMT+14:00`.
const GMT_OFFSET: &str =
    r"^GMT(\+((0[0-9]|1[0-3]):[0-5][0-9]|14:00)|-((0[0-9]|1[01]):[0-5][0-9]|12:00))$";
/// `YYYY-MM-DDTHH:MM:SS[.f{1,9}](Z|±hh:mm)`, a real date and time, offset hours 00–23.
const TIMESTAMP: &str = r"^([0-9]{4}-((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31)|([0-9]{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)-02-29)T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,9})?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$";
/// `+cc-number`: a 1–3 digit country code not starting with 0, a 4–14 digit number, at most
/// 15 digits in all.
const MOBILE: &str = r"^\+([1-9]-[0-9]{4,14}|[1-9][0-9]-[0-9]{4,13}|[1-9][0-9]{2}-[0-9]{4,12})$";

/// A decimal string of the runtime's decimal rule: `[-]digits[.digits]` without leading zeros,
/// at most `scale` fraction digits, between `min` and `max` inclusive — exactly.
///
/// With `I` the integer digits and `f` the fraction, a non-negative value lies in the range
/// when `max(min, 0) <= I <= max - 1` (any fraction) or `I == max` with an all-zero fraction
/// (or `I >= min` for `I == max`); a negative one when `max(-max, 0) <= I <= -min - 1` (any
/// fraction) or `I == -min` with an all-zero fraction.
fn decimal_pattern(min: i64, max: i64, scale: u8) -> String {
    let (any, zero) = match scale {
        0 => (String::new(), String::new()),
        1 => (r"(\.[0-9])?".to_owned(), r"(\.0)?".to_owned()),
        n => (format!(r"(\.[0-9]{{1,{n}}})?"), format!(r"(\.0{{1,{n}}})?")),
    };
    let (min, max) = (i128::from(min), i128::from(max));
    let mut alternatives = Vec::new();
    // Non-negative: `I` in [max(min, 0), max - 1] with any fraction, `I == max` with zeros.
    // (A fraction can only raise the value, so `I >= min` suffices for the lower bound.)
    let lo = min.max(0);
    if let Some(ints) = int_range(lo, max - 1) {
        alternatives.push(format!("{ints}{any}"));
    }
    if max >= lo {
        alternatives.push(format!("{max}{zero}"));
    }
    // Negative, written `-I.f`: the value is -(I + f).
    let lo = (-max).max(0);
    if let Some(ints) = int_range(lo, -min - 1) {
        alternatives.push(format!("-{ints}{any}"));
    }
    if -min >= lo {
        alternatives.push(format!("-{}{zero}", -min));
    }
    if alternatives.is_empty() {
        // Unreachable for a checked schema (min <= max), but never an empty alternation.
        return "^[]$".into();
    }
    format!("^({})$", alternatives.join("|"))
}

/// A regular expression for the integers `lo..=hi` written without leading zeros (grouped
/// when an alternation), `None` when the range is empty.
fn int_range(lo: i128, hi: i128) -> Option<String> {
    if hi < lo || hi < 0 {
        return None;
    }
    let lo = lo.max(0);
    let mut parts = Vec::new();
    let mut start = lo;
    while start <= hi {
        let digits = start.to_string().len() as u32;
        let end = hi.min(10i128.pow(digits) - 1);
        parts.push(same_length(&start.to_string(), &end.to_string()));
        start = end + 1;
    }
    Some(group(&parts.join("|")))
}

/// The numbers from `lo` to `hi`, two digit strings of the same length, `lo <= hi`.
fn same_length(lo: &str, hi: &str) -> String {
    let (lo, hi) = (lo.as_bytes(), hi.as_bytes());
    let digit = |b: u8| char::from(b);
    let class = |a: u8, b: u8| {
        if a == b {
            digit(a).to_string()
        } else {
            format!("[{}-{}]", digit(a), digit(b))
        }
    };
    let any = |n: usize| match n {
        0 => String::new(),
        1 => "[0-9]".into(),
        n => format!("[0-9]{{{n}}}"),
    };
    let (Some((&l, lo_rest)), Some((&h, hi_rest))) = (lo.split_first(), hi.split_first()) else {
        return String::new();
    };
    let n = lo_rest.len();
    if l == h {
        return format!("{}{}", digit(l), group(&same_length_str(lo_rest, hi_rest)));
    }
    let lo_full = lo_rest.iter().all(|&b| b == b'0');
    let hi_full = hi_rest.iter().all(|&b| b == b'9');
    let mut parts = Vec::new();
    // From `l` + lo_rest to `l` + 99..9 (or from `l` when lo_rest is all zeros).
    let first_inner = if lo_full { l } else { l + 1 };
    let last_inner = if hi_full { h } else { h - 1 };
    if !lo_full {
        let nines = "9".repeat(n);
        parts.push(format!(
            "{}{}",
            digit(l),
            group(&same_length_str(lo_rest, nines.as_bytes()))
        ));
    }
    if first_inner <= last_inner {
        parts.push(format!("{}{}", class(first_inner, last_inner), any(n)));
    }
    if !hi_full {
        let zeros = "0".repeat(n);
        parts.push(format!(
            "{}{}",
            digit(h),
            group(&same_length_str(zeros.as_bytes(), hi_rest))
        ));
    }
    parts.join("|")
}

fn same_length_str(lo: &[u8], hi: &[u8]) -> String {
    same_length(
        std::str::from_utf8(lo).unwrap_or_default(),
        std::str::from_utf8(hi).unwrap_or_default(),
    )
}

/// `(x)` when `x` is an alternation, `x` otherwise.
fn group(x: &str) -> String {
    if x.contains('|') {
        format!("({x})")
    } else {
        x.to_owned()
    }
}

/// An absolute `http`/`https` URL as the runtime's URL rule reads it.
fn url_pattern() -> String {
    let label = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    let host = format!(r"({label}(\.{label})*|\[[0-9A-Fa-f:.]+\])");
    let port =
        "(:([0-9]{1,4}|[0-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]))?";
    let tail = r"([/?#]([!#$&-;=?-\[\]_a-z~]|%[0-9A-Fa-f]{2})*)?";
    format!("^[Hh][Tt][Tt][Pp][Ss]?://{host}{port}{tail}$")
}

/// A base64 image: the optional data URL prefix agreeing with the signature, the base64 of the
/// signature (`/9j/` for JPEG's FF D8 FF, `iVBORw0KGg` and one of `o`–`r` for PNG's 8 bytes),
/// the alphabet, padding; the length bound of `max_bytes` decoded bytes.
fn image_keywords(max_bytes: u32, kinds: ImageKinds) -> Obj {
    let mut starts = Vec::new();
    if kinds.png {
        starts.push("(data:image/png;base64,)?iVBORw0KGg[o-r]");
    }
    if kinds.jpeg {
        starts.push("(data:image/jpe?g;base64,)?/9j/");
    }
    let pattern = format!("^({})[A-Za-z0-9+/]*={{0,2}}$", starts.join("|"));
    // The most significant characters `max_bytes` decoded bytes take, plus padding and the
    // longest prefix (`data:image/jpeg;base64,`).
    let max = u64::from(max_bytes);
    let significant = max / 3 * 4
        + match max % 3 {
            0 => 0,
            1 => 2,
            _ => 3,
        };
    let bound = significant + 2 + 23;
    Obj::new().with("pattern", pattern).with(
        "maxLength",
        Node::Int(i64::try_from(bound).unwrap_or(i64::MAX)),
    )
}

// ---------------------------------------------------------------------------------------------
// An ordered JSON tree: serde_json's `Value` sorts object keys unless its `preserve_order`
// feature is on, and the export keeps the schema's order.

#[derive(Clone, Debug, PartialEq)]
enum Node {
    Bool(bool),
    Int(i64),
    Str(String),
    Arr(Vec<Node>),
    Obj(Obj),
    /// An example value, as parsed.
    Raw(Value),
}

#[derive(Clone, Debug, Default, PartialEq)]
struct Obj(Vec<(String, Node)>);

impl Obj {
    fn new() -> Self {
        Obj(Vec::new())
    }

    /// Sets `key`, in place when present, else at the end.
    fn set(&mut self, key: impl Into<String>, value: impl Into<Node>) {
        let key = key.into();
        let value = value.into();
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some(entry) => entry.1 = value,
            None => self.0.push((key, value)),
        }
    }

    fn with(mut self, key: impl Into<String>, value: impl Into<Node>) -> Self {
        self.set(key, value);
        self
    }

    fn get(&self, key: &str) -> Option<&Node> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    fn extend(&mut self, other: Obj) {
        for (k, v) in other.0 {
            self.set(k, v);
        }
    }

    fn to_value(&self) -> Value {
        Value::Object(
            self.0
                .iter()
                .map(|(k, v)| (k.clone(), v.to_value()))
                .collect(),
        )
    }
}

impl Node {
    fn to_value(&self) -> Value {
        match self {
            Node::Bool(b) => Value::Bool(*b),
            Node::Int(i) => Value::from(*i),
            Node::Str(s) => Value::String(s.clone()),
            Node::Arr(a) => Value::Array(a.iter().map(Node::to_value).collect()),
            Node::Obj(o) => o.to_value(),
            Node::Raw(v) => v.clone(),
        }
    }
}

impl From<bool> for Node {
    fn from(b: bool) -> Self {
        Node::Bool(b)
    }
}

impl From<i64> for Node {
    fn from(i: i64) -> Self {
        Node::Int(i)
    }
}

impl From<u32> for Node {
    fn from(i: u32) -> Self {
        Node::Int(i64::from(i))
    }
}

impl From<i32> for Node {
    fn from(i: i32) -> Self {
        Node::Int(i64::from(i))
    }
}

impl From<&str> for Node {
    fn from(s: &str) -> Self {
        Node::Str(s.to_owned())
    }
}

impl From<String> for Node {
    fn from(s: String) -> Self {
        Node::Str(s)
    }
}

impl From<Obj> for Node {
    fn from(o: Obj) -> Self {
        Node::Obj(o)
    }
}

impl Serialize for Obj {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl Serialize for Node {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Node::Bool(b) => serializer.serialize_bool(*b),
            Node::Int(i) => serializer.serialize_i64(*i),
            Node::Str(s) => serializer.serialize_str(s),
            Node::Arr(a) => {
                let mut seq = serializer.serialize_seq(Some(a.len()))?;
                for v in a {
                    seq.serialize_element(v)?;
                }
                seq.end()
            }
            Node::Obj(o) => o.serialize(serializer),
            Node::Raw(v) => v.serialize(serializer),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_bound_covers_the_largest_image() {
        // 100 KB: 102400 bytes -> 136534 significant characters (+2 padding, +23 prefix).
        let k = image_keywords(102_400, ImageKinds::ALL);
        assert_eq!(k.get("maxLength"), Some(&Node::Int(136_534 + 2 + 23)));
    }
}
