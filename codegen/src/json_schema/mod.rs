//! JSON Schema export: a checked schema as a JSON Schema (draft 2020-12), for tools that speak
//! JSON Schema (editors, API gateways, other languages, the `jsonschema` peer in the benches).
//!
//! ```
//! use fieldtab_codegen::Generate;
//!
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
//! | `items 1..100` on an array | `minItems: 1`, `maxItems: 100` (the field's own array only) |
//! | `Map<String, T>` | `type: object`, `additionalProperties`: the schema of `T` (with the field's string rules); `items` as `minProperties`/`maxProperties`. A repeated key (a `syntax` violation) is not expressible |
//! | `Object` | `type: object`, nothing inside |
//! | `M` | listed in `required`; a string field also gets `minLength: 1` (an empty mandatory string is a `required` violation) |
//! | `O` | the value may also be `null` (`null` counts as absent) |
//! | `C: type in (A, B)` | as `O`, plus `allOf: [{if: {properties: {type: {enum: [A, B]}}, required: [type]}, then: {required: [...], properties: {f: {not: {type: null}, minLength: 1}}}}]` |
//! | `FORMAT if type = A` (conditional format) | in the object's `allOf`: `{if: {properties: {type: {const: A}}, required: [type]}, then: {properties: {f: <the format's keywords>}}}` |
//! | fixed value | `const` |
//! | `forbidden "@#?"` | `pattern: ^[^@#?]*$` (from [`forbidden_pattern`](fieldtab_runtime::forbidden_pattern)); with a charset `pattern`, in an `allOf` |
//! | `pattern "REGEX"` | `pattern: REGEX`, exact (the schema's patterns keep to the syntax ECMA-262 reads alike); with another `pattern`, in an `allOf` |
//! | closed enum | `enum` (value docs in the `description`) |
//! | open enum | `type: string`, the known values as `examples` |
//! | group `Exactly one of: a, b` | in the object's `allOf`: `{oneOf: [P(a), P(b)]}`, where `P(m)` is `{required: [m], properties: {m: {not: {type: null}}}}` (present, not `null`); `At least one of`: `anyOf` of the `P`s; `At most one of`: `oneOf` of `{not: {anyOf: [P…]}}` and the `P`s; `All or none of`: `anyOf` of `{allOf: [P…]}` and `{not: {anyOf: [P…]}}`; exact |
//! | denied unknown fields | `additionalProperties: false` |
//! | `Field name`, `Note`, `Example` | `title`, `description`, `examples` (no examples for sensitive fields) |
//! | sensitive | a `$comment` |
//!
//! Formats, as `format` where JSON Schema has one and a `pattern` for what a regular expression
//! can capture (the runtime's `Format::json_schema_pattern`, next to each format's rule;
//! patterns are ECMA-262, `[0-9]` rather than `\d` so that no engine reads them as Unicode
//! digits; when the field already has a charset `pattern`, the format's keywords go in an
//! `allOf`):
//!
//! | format | JSON Schema |
//! |---|---|
//! | `YYYYMMDDHHMISS` | `pattern`, exact: real calendar dates (month lengths, leap years) and times |
//! | `GMT±hh:mm` | `pattern`, exact: `GMT-12:00` to `GMT+14:00` |
//! | `ISO 8601` | `format: date-time` and a `pattern`, exact: real dates, 1–9 fraction digits, `Z` or `±hh:mm` |
//! | `ISO 4217` | `$ref` to `#/$defs/iso4217-alpha`, an `enum` of every code the runtime accepts, exact |
//! | `ISO 4217 numeric` | `$ref` to `#/$defs/iso4217-numeric`, likewise, exact |
//! | `minor units` | `pattern: ^[1-9][0-9]{0,15}$`, exact; an amount beside one currency field (docs/SEMANTICS.md §2.4) also gets, in the object's `allOf`, `{if: {properties: {currency: {enum: [the codes without a minor unit]}}, required: [currency]}, then: {properties: {value: {type: null}}}}`, exact |
//! | `decimal MIN..MAX scale N` | `pattern`, exact: the shape, the scale and the range (an alternation of digit ranges) |
//! | `URL` | `format: uri` and a `pattern`, exact: `http(s)://`, host name or IP literal, port ≤ 65535, allowed characters and `%` escapes |
//! | `URI` | `format: uri` and a `pattern`, exact: RFC 3986's `URI` rule written out (scheme, authority with IPv6 and `vX.…` literals, path, query, fragment, allowed characters and `%` escapes) |
//! | `base64 image` | `pattern` of the data URL prefix, the image signature and the alphabet, and a `maxLength` bound from the size (approximated: padding, trailing bits and the exact decoded size are not checked) |
//! | `JSON` | `contentMediaType: application/json` (an annotation: that the text is JSON is not checked) |
//! | `mobile` | `pattern`, exact: `+cc-number`, at most 15 digits |
//! | `PAN`, `PAN luhn` | `pattern: ^[0-9]{12,19}$` (approximated for `PAN luhn`: the check digit is not checked) |
//! | `custom(NAME)` | `format: NAME`, an annotation JSON Schema validators do not check (the field's `$comment` says so); fieldtab checks it with the function bound to the name |
//!
//! # What JSON Schema cannot express
//!
//! The export never rejects a document fieldtab accepts; it accepts a few that fieldtab rejects:
//!
//! - the Luhn check digit, the decoded size and bytes of a base64 image beyond its signature,
//!   and that a `JSON` string holds JSON (each field says which in its `$comment`);
//! - custom formats (`custom(NAME)`): the user function bound to the name is Rust code;
//! - `Integer`: JSON Schema's `integer` is a number whose value is whole, so it admits `1.0` and
//!   `1e2`, which fieldtab rejects as `type` (it wants an integer literal);
//! - duplicate keys: a JSON Schema validator sees the parsed document (serde_json keeps the
//!   last occurrence); fieldtab reports a `syntax` violation and checks the first;
//! - the order and the number of violations (JSON Schema validators report in their own way).
//!
//! Exact although the units differ: ISO codes count bytes and JSON Schema counts code points;
//! every character of every ISO class is ASCII, so on every value that passes the `pattern` the
//! two counts agree, and on the others the `pattern` fails anyway.

mod above;
mod conditions;
mod export;
mod tree;

use std::fmt;

use serde::ser::{Serialize, Serializer};
use serde_json::Value;

use self::export::Exporter;
use self::tree::Obj;
use crate::model::{Item, Module};

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
    let (root_item, items): (Option<&Item>, Vec<&Item>) = match message {
        Some(name) => {
            let Some(item) = module.item(name) else {
                let available: Vec<String> = module.items.iter().map(|i| i.name.clone()).collect();
                let suggestion = fieldtab_schema::suggest::did_you_mean(
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
            (Some(item), export::reachable(module, item))
        }
        None => (None, module.items.iter().collect()),
    };

    let root = Exporter { module, options }.document(root_item, &items);
    Ok(JsonSchema { root })
}
