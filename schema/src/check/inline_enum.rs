//! Inline enums: a Type cell `enum(S, F, U)` or `open enum(S, F, U)` (also inside
//! `Array<…>`). The first stage reads the values here and turns each inline enum into an enum
//! item of its own, named after the item and the field (`Order.terminalType` ->
//! `OrderTerminalType`), placed right after the item that holds it; the field names that item.
//! From there an inline enum is an enum like any other: conditions, fixed values, examples,
//! generated code, the dynamic validator and the JSON Schema export read it as one. A name that
//! another item takes is reported by the module-wide check of item names
//! ([`super::module`]).

use std::collections::HashMap;

use heck::ToUpperCamelCase;

use super::file::{FileChecker, RESERVED};
use super::{Draft, FieldSpans};
use crate::diagnostics::Span;
use crate::model::{Enum, EnumValue, Item, ItemKind, Type};
use crate::names;
use crate::read::lexer::Cell;

/// An inline enum as the Type cell states it, waiting for its item to be named.
#[derive(Clone, Debug)]
pub(crate) struct InlineEnum {
    /// The values, in the order written.
    pub(crate) values: Vec<String>,
    /// `open enum(…)`: a value outside the list is kept.
    pub(crate) open: bool,
    /// The `enum(…)` text in the Type cell.
    pub(crate) span: Span,
}

/// The inside of `enum(…)` or `open enum(…)` (any case, spaces before `(` allowed), and whether
/// it is open; `None` when `text` is not an inline enum.
pub(super) fn inline_enum_text(text: &str) -> Option<(bool, &str)> {
    let (open, rest) = match strip_word(text, "open") {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text),
    };
    let rest = strip_word(rest, "enum")?.trim_start();
    rest.starts_with('(').then_some((open, rest))
}

/// `text` without its leading `word` (any case), when `word` is followed by a space or `(`.
fn strip_word<'t>(text: &'t str, word: &str) -> Option<&'t str> {
    let head = text.get(..word.len())?;
    let rest = &text[word.len()..];
    (head.eq_ignore_ascii_case(word) && rest.starts_with([' ', '\t', '('])).then_some(rest)
}

impl FileChecker<'_> {
    /// Reads `enum(…)` (`list` is the text from the `(`), at `span`, into `spans`: the field's
    /// type is the item named once the table is read ([`FileChecker::inline_enum_items`]).
    pub(super) fn inline_enum(
        &mut self,
        cell: &Cell,
        list: &str,
        open: bool,
        span: Span,
        spans: &mut FieldSpans,
    ) -> Option<Type> {
        let keyword = if open { "open enum" } else { "enum" };
        let Some(inner) = list.strip_prefix('(').and_then(|l| l.strip_suffix(')')) else {
            self.error(
                span,
                format!("malformed `{keyword}(…)`"),
                Some(format!(
                    "write the values in parentheses: `{keyword}(S, F, U)`"
                )),
            );
            return None;
        };
        let mut values: Vec<String> = Vec::new();
        let mut variants: HashMap<String, String> = HashMap::new();
        let mut ok = true;
        for item in split_values(inner) {
            let at = if item.trim().is_empty() {
                span
            } else {
                cell.span_of(item.trim())
            };
            let Some(value) = self.enum_value(item.trim(), at) else {
                ok = false;
                continue;
            };
            if values.contains(&value) {
                self.error(at, format!("duplicate enum value `{value}`"), None);
                ok = false;
                continue;
            }
            // As in an enum's table: two values must not give one Rust variant.
            if value.bytes().any(|b| b.is_ascii_alphanumeric()) {
                let variant = names::variant_name(&value);
                if let Some(other) = variants.get(&variant) {
                    self.error(
                        at,
                        format!(
                            "enum values `{other}` and `{value}` give the same Rust variant `{variant}`"
                        ),
                        Some("rename one of the values".into()),
                    );
                    ok = false;
                    continue;
                }
                variants.insert(variant, value.clone());
            }
            values.push(value);
        }
        if !ok {
            return None;
        }
        if values.is_empty() {
            self.error(
                span,
                format!("`{keyword}()` without values"),
                Some(format!("list the values: `{keyword}(S, F, U)`")),
            );
            return None;
        }
        spans.inline_enum = Some(InlineEnum { values, open, span });
        spans.type_name = span;
        // Named once the item's name is known; until then its text names it in diagnostics.
        let text = format!("{keyword}{list}");
        Some(Type::Named(text))
    }

    /// One value of `enum(…)`: a bare word, or a JSON string (for spaces and punctuation), or
    /// a word in backticks; as a condition's values are written.
    fn enum_value(&mut self, text: &str, at: Span) -> Option<String> {
        let help = "write a bare word (`SUCCESS`) or a JSON string (`\"in store\"`)";
        let value = if text.starts_with('"') {
            match serde_json::from_str::<String>(text) {
                Ok(value) => value,
                Err(_) => {
                    self.error(at, "malformed quoted enum value", Some(help.into()));
                    return None;
                }
            }
        } else if let Some(inner) = text.strip_prefix('`').and_then(|t| t.strip_suffix('`')) {
            inner.to_owned()
        } else if text.contains(|c: char| c.is_whitespace() || "()`\"".contains(c)) {
            self.error(
                at,
                format!("`{text}` is not a bare word"),
                Some(format!(
                    "write it as a JSON string: `{}`",
                    serde_json::Value::String(text.to_owned())
                )),
            );
            return None;
        } else {
            text.to_owned()
        };
        if value.is_empty() {
            self.error(at, "empty enum value", Some(help.into()));
            return None;
        }
        Some(value)
    }

    /// The enum items of the inline enums of `draft`'s fields, named `<Item><Field>`
    /// (UpperCamelCase), each field's type now naming its item.
    pub(super) fn inline_enum_items(&mut self, draft: &mut Draft) -> Vec<Draft> {
        let owner = draft.item.name.clone();
        let Some(object) = draft.item.kind.object_mut() else {
            return Vec::new();
        };
        let mut items = Vec::new();
        for (field, spans) in object.fields.iter_mut().zip(&mut draft.fields) {
            let Some(inline) = spans.inline_enum.take() else {
                continue;
            };
            let name = format!("{owner}{}", field.ident.to_upper_camel_case());
            if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(&name)) {
                self.error(
                    inline.span,
                    format!(
                        "the inline enum of `{owner}.{}` would be named `{name}`, a built-in type name",
                        field.ident
                    ),
                    Some("declare the values as `## enum Name` and write `Name` in the Type cell".into()),
                );
                field.ty = Type::String;
                spans.clean = false;
                continue;
            }
            name_inline(&mut field.ty, &name);
            let values = inline
                .values
                .into_iter()
                .map(|value| EnumValue {
                    value,
                    doc: String::new(),
                })
                .collect();
            items.push(Draft {
                file: draft.file,
                name_span: inline.span,
                item: Item {
                    name,
                    doc: format!("The values of `{}` in `{owner}`.", field.ident),
                    kind: ItemKind::Enum(Enum {
                        values,
                        open: inline.open,
                    }),
                },
                fields: Vec::new(),
                variant: None,
                inline_of: Some(format!("{owner}.{}", field.ident)),
            });
        }
        items
    }
}

/// Gives the inline enum's item name to the type that stands for it (through arrays and maps).
fn name_inline(ty: &mut Type, name: &str) {
    match ty {
        Type::Array(element) | Type::Map(element) => name_inline(element, name),
        Type::Named(text) => *text = name.to_owned(),
        _ => {}
    }
}

/// The `,`-separated values of `enum(…)`; a `,` inside a JSON string or backticks does not
/// separate. The parts borrow from `text`, so their spans can be found.
fn split_values(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut start, mut quote, mut escaped) = (0usize, None, false);
    for (i, c) in text.char_indices() {
        match (quote, c) {
            _ if escaped => escaped = false,
            (Some('"'), '\\') => escaped = true,
            (Some(q), c) if c == q => quote = None,
            (None, '"' | '`') => quote = Some(c),
            (None, ',') => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    if parts.len() == 1 && parts[0].trim().is_empty() {
        parts.clear();
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_enums_are_recognised() {
        assert_eq!(inline_enum_text("enum(S, F)"), Some((false, "(S, F)")));
        assert_eq!(inline_enum_text("ENUM (S)"), Some((false, "(S)")));
        assert_eq!(inline_enum_text("open enum(S)"), Some((true, "(S)")));
        assert_eq!(inline_enum_text("Open  Enum(S)"), Some((true, "(S)")));
        assert_eq!(inline_enum_text("enum"), None);
        assert_eq!(inline_enum_text("Enumeration"), None);
        assert_eq!(inline_enum_text("openenum(S)"), None);
        assert_eq!(inline_enum_text("open Status"), None);
    }

    #[test]
    fn values_split_outside_quotes() {
        assert_eq!(split_values("S, F ,U"), ["S", " F ", "U"]);
        assert_eq!(
            split_values(r#""a, b", `c,d`, "e\"," "#),
            [r#""a, b""#, " `c,d`", r#" "e\"," "#]
        );
        assert!(split_values("  ").is_empty());
        assert_eq!(split_values("A,,B"), ["A", "", "B"]);
    }
}
