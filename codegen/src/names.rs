//! Rust names for the things a schema names: fields, items and enum values.
//!
//! Every function here returns a valid identifier for any input, so code generation never panics
//! on a strange wire identifier (`3ds`, `image/jpeg`, `type`, `self`, an empty string). The wire
//! spelling itself is kept by the emitters in `#[serde(rename = "...")]` and in the paths of
//! violations; these names are only what Rust code sees.

use std::collections::HashSet;

use heck::{ToShoutySnakeCase, ToSnakeCase, ToUpperCamelCase};
use proc_macro2::{Ident, Span};

use crate::model::Field;

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

/// The Rust name of a struct field: snake_case of the wire identifier (`localTime` ->
/// `local_time`), a raw identifier for a keyword (`type` -> `r#type`).
///
/// Two identifiers of one object may map to the same name (`cardNo`, `card_no`): emitters of an
/// object's fields use [`field_names`], which keeps them apart.
pub(crate) fn field_name(ident: &str) -> Ident {
    ident_from(&sanitize(&ident.to_snake_case()), "field")
}

/// The Rust names of an object's fields, in order, unique within the object.
pub(crate) fn field_names(fields: &[Field]) -> Vec<Ident> {
    unique(
        fields.iter().map(|field| field_name(&field.ident)),
        &[],
        "_",
    )
}

/// The name of a `const` holding a field's rules (`localTime` -> `LOCAL_TIME`), for code that
/// emits one per field. Unique within an object when built from [`field_names`]' output.
pub(crate) fn const_name(field_name: &Ident) -> Ident {
    let text = field_name.to_string();
    let bare = text.strip_prefix("r#").unwrap_or(&text);
    ident_from(&sanitize(&bare.to_shouty_snake_case()), "FIELD")
}

/// The Rust name of a message, struct or enum item. The checker already guarantees an
/// UpperCamelCase name; this only makes sure the result is an identifier whatever happens.
pub(crate) fn type_name(name: &str) -> Ident {
    ident_from(&sanitize(name), "Item")
}

/// The Rust variant names of an enum item's values, beside the wire values they stand for (in
/// table order): what the enum, its `as_str` and its decoder all name.
pub(crate) fn enum_variants(enumeration: &crate::model::Enum) -> (Vec<Ident>, Vec<&str>) {
    let wire: Vec<&str> = enumeration
        .values
        .iter()
        .map(|value| value.value.as_str())
        .collect();
    (variant_names(wire.iter().copied(), enumeration.open), wire)
}

/// The Rust names of an enum's values, in order, unique within the enum: UpperCamelCase of the
/// wire value (`REDUCE_BY` -> `ReduceBy`, `S` -> `S`), `V41` for a value that starts with a digit,
/// `Empty` for one with no letters or digits. When `open`, the name `Other` is kept for the
/// variant that holds unknown values.
pub(crate) fn variant_names<'a>(
    values: impl IntoIterator<Item = &'a str>,
    open: bool,
) -> Vec<Ident> {
    let reserved: &[&str] = if open { &["Other"] } else { &[] };
    let names = values.into_iter().map(|value| {
        let camel = sanitize(&value.to_upper_camel_case());
        match camel.as_bytes().first() {
            None => ident_from("Empty", "Empty"),
            Some(b) if b.is_ascii_digit() => ident_from(&format!("V{camel}"), "Empty"),
            Some(_) => ident_from(&camel, "Empty"),
        }
    });
    unique(names, reserved, "")
}

/// The name of the variant that keeps unknown values of an open enum.
pub(crate) fn other_variant() -> Ident {
    Ident::new("Other", Span::call_site())
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

/// An identifier from sanitized text: `fallback` when empty, `_` prefixed when it starts with a
/// digit, raw for a keyword that can be raw, `_` suffixed for one that cannot.
fn ident_from(text: &str, fallback: &str) -> Ident {
    let span = Span::call_site();
    if text.is_empty() || text.bytes().all(|b| b == b'_') {
        return Ident::new(fallback, span);
    }
    if text.as_bytes()[0].is_ascii_digit() {
        return Ident::new(&format!("_{text}"), span);
    }
    if RAW_KEYWORDS.contains(&text) {
        return Ident::new_raw(text, span);
    }
    if NON_RAW_KEYWORDS.contains(&text) {
        return Ident::new(&format!("{text}_"), span);
    }
    Ident::new(text, span)
}

/// Makes names unique by suffixing `{separator}2`, `{separator}3`, … to later duplicates (and to
/// names in `reserved`): `_2` for snake_case names, `2` for CamelCase ones.
fn unique(names: impl Iterator<Item = Ident>, reserved: &[&str], separator: &str) -> Vec<Ident> {
    // A set, not a list: generated schemas of 10,000 fields must stay linear.
    let mut taken: HashSet<String> = reserved.iter().map(|name| (*name).to_owned()).collect();
    let mut out = Vec::new();
    for name in names {
        let text = name.to_string();
        if taken.insert(text.clone()) {
            out.push(name);
            continue;
        }
        let bare = text.strip_prefix("r#").unwrap_or(&text);
        let mut n = 2;
        let fresh = loop {
            let candidate = format!("{bare}{separator}{n}");
            if !taken.contains(&candidate) {
                break candidate;
            }
            n += 1;
        };
        out.push(Ident::new(&fresh, Span::call_site()));
        taken.insert(fresh);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(values: &[&str], open: bool) -> Vec<String> {
        variant_names(values.iter().copied(), open)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn field_names_are_snake_case_and_keywords_are_raw() {
        assert_eq!(field_name("localTime").to_string(), "local_time");
        assert_eq!(field_name("cardNo").to_string(), "card_no");
        assert_eq!(field_name("type").to_string(), "r#type");
        assert_eq!(field_name("self").to_string(), "self_");
        assert_eq!(field_name("3ds").to_string(), "_3ds");
        assert_eq!(field_name("").to_string(), "field");
        assert_eq!(field_name("_").to_string(), "field");
        assert_eq!(field_name("a-b.c").to_string(), "a_b_c");
        assert_eq!(field_name("größe").to_string(), "gr__e");
    }

    #[test]
    fn const_names_drop_the_raw_prefix() {
        assert_eq!(const_name(&field_name("type")).to_string(), "TYPE");
        assert_eq!(
            const_name(&field_name("localTime")).to_string(),
            "LOCAL_TIME"
        );
    }

    #[test]
    fn variant_names_are_camel_case_and_unique() {
        assert_eq!(
            names(&["REDUCE_BY", "S", "41", "", "image/jpeg"], false),
            ["ReduceBy", "S", "V41", "Empty", "ImageJpeg"]
        );
        assert_eq!(
            names(&["A_B", "A-B", "Other"], true),
            ["AB", "AB2", "Other2"]
        );
        assert_eq!(names(&["Self", "self"], false), ["Self_", "Self_2"]);
    }

    proptest::proptest! {
        /// Whatever the schema says, the names are Rust identifiers (syn parses them back) and
        /// an object's or enum's names are distinct.
        #[test]
        fn any_text_gives_distinct_identifiers(texts in proptest::collection::vec(".{0,12}", 1..8)) {
            let fields: Vec<Field> = texts
                .iter()
                .map(|t| Field::new(t.clone(), crate::model::Type::String, crate::model::Requirement::Optional))
                .collect();
            let all = [
                field_names(&fields),
                variant_names(texts.iter().map(String::as_str), true),
                texts.iter().map(|t| type_name(t)).collect(),
            ];
            for ident in all.iter().flatten() {
                let parsed = syn::parse_str::<syn::Ident>(&ident.to_string());
                proptest::prop_assert!(parsed.is_ok(), "{}", ident);
            }
            for names in &all[..2] {
                let mut seen: Vec<String> = names.iter().map(ToString::to_string).collect();
                seen.sort();
                seen.dedup();
                proptest::prop_assert_eq!(seen.len(), names.len());
            }
            proptest::prop_assert!(!all[1].iter().any(|v| v == "Other"));
        }
    }

    #[test]
    fn type_names_are_kept() {
        assert_eq!(type_name("Result").to_string(), "Result");
        assert_eq!(type_name("Self").to_string(), "Self_");
    }
}
