//! The Rust names generated code gives the things a schema names: fields, items and enum
//! values. Decided here, once: the checker reports two fields or two enum values that would
//! get the same name (in the very spelling code generation emits), and the code generator turns
//! these strings into identifiers.
//!
//! Every function returns a valid Rust identifier for any input, so code generation never fails
//! on a strange wire identifier (`3ds`, `image/jpeg`, `type`, `self`, an empty string): text is
//! converted to the case Rust wants (with `heck`), anything but ASCII letters, digits and `_`
//! becomes `_`, an empty name gets a fallback, a name starting with a digit gets a prefix, a
//! keyword becomes a raw identifier (`r#type`) or, for the four keywords that cannot be raw,
//! gets a trailing `_` (`self_`). The wire spelling itself is kept by the generated code's
//! `#[serde(rename = "...")]` and in the paths of violations; these names are only what Rust
//! code sees.

use std::collections::HashSet;

use heck::{ToSnakeCase, ToUpperCamelCase};

use crate::model::{Enum, Field};

/// Keywords that can be written as raw identifiers (`r#type`). Strict and reserved keywords of
/// edition 2024, without the four that cannot be raw (`crate`, `self`, `super`, `Self`).
const RAW_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return",
    "static", "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use",
    "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers: they get a trailing underscore instead.
const NON_RAW_KEYWORDS: &[&str] = &["crate", "self", "super", "Self", "_"];

/// The name of the variant that keeps the unknown values of an open enum (`Other(String)`).
pub const OTHER_VARIANT: &str = "Other";

/// The Rust name of a struct field: snake_case of the wire identifier (`localTime` ->
/// `local_time`), a raw identifier for a keyword (`type` -> `r#type`), `self_` for `self`,
/// `_3ds` for `3ds`, `field` when nothing is left.
///
/// Two identifiers of one object may get the same name (`cardNo`, `card_no`): the checker
/// reports it, and [`field_names`] keeps them apart in any model.
///
/// ```
/// use fieldtab_schema::names::field_name;
///
/// assert_eq!(field_name("localTime"), "local_time");
/// assert_eq!(field_name("type"), "r#type");
/// ```
pub fn field_name(ident: &str) -> String {
    identifier(&ident.to_snake_case(), "field")
}

/// The Rust names of an object's fields, in order, unique within the object: a later field
/// whose [`field_name`] is taken gets `_2`, `_3`, ….
pub fn field_names(fields: &[Field]) -> Vec<String> {
    unique(
        fields.iter().map(|field| field_name(&field.ident)),
        &[],
        "_",
    )
}

/// The help of the checker's warning when two identifiers give one Rust field name: the
/// code-generation option that gives the field `ident` of item `item` a name of its own.
pub fn rename_field_help(item: &str, ident: &str) -> String {
    format!(
        "give it a Rust name of its own: `rename({item}.{ident} = name)` in `include_schema!`, \
         or `Builder::rename_field(\"{item}.{ident}\", \"name\")`"
    )
}

/// `names` (field names, some chosen by the user) made unique within an object as
/// [`field_names`] does: a later name that is taken gets `_2`, `_3`, ….
pub fn unique_field_names(names: Vec<String>) -> Vec<String> {
    unique(names.into_iter(), &[], "_")
}

/// The Rust name of a message, struct or enum item. The checker already guarantees an
/// UpperCamelCase name that is not a keyword; this only makes sure the result is an identifier
/// whatever happens (`Self` -> `Self_`).
pub fn type_name(name: &str) -> String {
    identifier(name, "Item")
}

/// The Rust variant name of one enum value: UpperCamelCase of the wire value (`REDUCE_BY` ->
/// `ReduceBy`, `S` -> `S`), `V41` for a value that starts with a digit, `Empty` for one with no
/// letters or digits. Two values may get the same name: the checker reports it when the values
/// have letters or digits, and [`variant_names`] keeps them apart in any model.
pub fn variant_name(value: &str) -> String {
    let camel = sanitize(&value.to_upper_camel_case());
    match camel.as_bytes().first() {
        Some(b) if b.is_ascii_digit() => identifier(&format!("V{camel}"), "Empty"),
        _ => identifier(&camel, "Empty"),
    }
}

/// The Rust names of an enum's values, in order, unique within the enum: a later value whose
/// [`variant_name`] is taken gets `2`, `3`, …. When `open`, [`OTHER_VARIANT`] is kept for the
/// variant that holds unknown values (a value `Other` becomes `Other2`).
pub fn variant_names<'a>(values: impl IntoIterator<Item = &'a str>, open: bool) -> Vec<String> {
    let reserved: &[&str] = if open { &[OTHER_VARIANT] } else { &[] };
    unique(values.into_iter().map(variant_name), reserved, "")
}

/// The Rust variant names of an enum item's values, beside the wire values they stand for (in
/// table order): what the enum, its `as_str` and its decoder all name.
pub fn enum_variants(enumeration: &Enum) -> (Vec<String>, Vec<&str>) {
    let wire: Vec<&str> = enumeration
        .values
        .iter()
        .map(|value| value.value.as_str())
        .collect();
    (variant_names(wire.iter().copied(), enumeration.open), wire)
}

/// A name without the `r#` of a raw identifier (`r#type` -> `type`): how `derive(Debug)` and
/// serde spell the field.
pub fn unraw(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}

/// Keeps ASCII letters, digits and underscores, replacing anything else by `_` (heck already
/// split words on it, so what is left is rare: non-ASCII letters).
fn sanitize(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// An identifier from `text` (sanitized first): `fallback` when nothing but underscores is
/// left, `_` prefixed when it starts with a digit, raw for a keyword that can be raw, `_`
/// suffixed for one that cannot.
fn identifier(text: &str, fallback: &str) -> String {
    let text = sanitize(text);
    if text.bytes().all(|b| b == b'_') {
        return fallback.to_owned();
    }
    if text.as_bytes()[0].is_ascii_digit() {
        return format!("_{text}");
    }
    if RAW_KEYWORDS.contains(&text.as_str()) {
        return format!("r#{text}");
    }
    if NON_RAW_KEYWORDS.contains(&text.as_str()) {
        return format!("{text}_");
    }
    text
}

/// Makes names unique by suffixing `{separator}2`, `{separator}3`, … to later duplicates (and to
/// names in `reserved`): `_2` for snake_case names, `2` for CamelCase ones. A suffixed raw
/// identifier is no longer a keyword, so it loses its `r#`.
fn unique(names: impl Iterator<Item = String>, reserved: &[&str], separator: &str) -> Vec<String> {
    // A set, not a list: generated schemas of 10,000 fields must stay linear.
    let mut taken: HashSet<String> = reserved.iter().map(|name| (*name).to_owned()).collect();
    let mut out = Vec::new();
    for name in names {
        if taken.insert(name.clone()) {
            out.push(name);
            continue;
        }
        let bare = unraw(&name);
        let mut n = 2;
        let fresh = loop {
            let candidate = format!("{bare}{separator}{n}");
            if !taken.contains(&candidate) {
                break candidate;
            }
            n += 1;
        };
        taken.insert(fresh.clone());
        out.push(fresh);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Requirement, Type};

    fn variants(values: &[&str], open: bool) -> Vec<String> {
        variant_names(values.iter().copied(), open)
    }

    #[test]
    fn field_names_are_snake_case_and_keywords_are_raw() {
        assert_eq!(field_name("localTime"), "local_time");
        assert_eq!(field_name("cardNo"), "card_no");
        assert_eq!(field_name("type"), "r#type");
        assert_eq!(field_name("self"), "self_");
        assert_eq!(field_name("3ds"), "_3ds");
        assert_eq!(field_name(""), "field");
        assert_eq!(field_name("_"), "field");
        assert_eq!(field_name("a-b.c"), "a_b_c");
        assert_eq!(field_name("größe"), "gr__e");
    }

    #[test]
    fn field_names_are_unique_within_an_object() {
        let fields: Vec<Field> = ["cardNo", "card_no", "type", "Type", "card_no_2"]
            .into_iter()
            .map(|ident| Field::new(ident, Type::String, Requirement::Optional))
            .collect();
        assert_eq!(
            field_names(&fields),
            ["card_no", "card_no_2", "r#type", "type_2", "card_no_2_2"]
        );
    }

    #[test]
    fn variant_names_are_camel_case_and_unique() {
        assert_eq!(
            variants(&["REDUCE_BY", "S", "41", "", "image/jpeg"], false),
            ["ReduceBy", "S", "V41", "Empty", "ImageJpeg"]
        );
        assert_eq!(
            variants(&["A_B", "A-B", "Other"], true),
            ["AB", "AB2", "Other2"]
        );
        assert_eq!(variants(&["Self", "self"], false), ["Self_", "Self_2"]);
    }

    #[test]
    fn type_names_are_kept() {
        assert_eq!(type_name("Result"), "Result");
        assert_eq!(type_name("Self"), "Self_");
    }

    proptest::proptest! {
        /// Whatever the schema says, the names are identifiers and an object's or enum's names
        /// are distinct. (codegen's names.rs parses them back with syn.)
        #[test]
        fn any_text_gives_distinct_identifiers(texts in proptest::collection::vec(".{0,12}", 1..8)) {
            let fields: Vec<Field> = texts
                .iter()
                .map(|t| Field::new(t.clone(), Type::String, Requirement::Optional))
                .collect();
            let all = [
                field_names(&fields),
                variant_names(texts.iter().map(String::as_str), true),
                texts.iter().map(|t| type_name(t)).collect(),
            ];
            for name in all.iter().flatten() {
                let bare = unraw(name);
                proptest::prop_assert!(!bare.is_empty(), "{}", name);
                proptest::prop_assert!(!bare.as_bytes()[0].is_ascii_digit(), "{}", name);
                proptest::prop_assert!(
                    bare.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'),
                    "{}", name
                );
            }
            for names in &all[..2] {
                let mut seen = names.clone();
                seen.sort();
                seen.dedup();
                proptest::prop_assert_eq!(seen.len(), names.len());
            }
            proptest::prop_assert!(!all[1].iter().any(|v| v == OTHER_VARIANT));
        }
    }
}
