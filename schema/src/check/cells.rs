//! The cell readers of the first stage: one table cell (identifier, type, length,
//! requirement, example) into its part of the model, every malformed cell reported through the
//! [`FileChecker`]; and the agreement of a row's type, length and format. A condition's text is
//! read by [`super::conditions`], the Format cell by [`super::format_cell`].

use std::borrow::Cow;

use fieldtab_runtime::Charset;

use super::FieldSpans;
use super::file::FileChecker;
use super::inline_enum::inline_enum_text;
use crate::diagnostics::Span;
use crate::dynamic::{Json, parse_all};
use crate::model::{Field, Format, Length, Requirement, Type};
use crate::read::lexer::Cell;

/// How deeply `Array<…>` and `Map<…>` may nest: far beyond any real schema, and it bounds the
/// recursion of every consumer of the model.
const MAX_ARRAY_DEPTH: usize = 16;

/// The built-in type words, offered by did-you-mean next to item names.
pub(super) const BUILTIN_TYPES: &[&str] = &["String", "Integer", "Number", "Boolean", "Object"];

impl FileChecker<'_> {
    pub(super) fn identifier(&mut self, cell: &Cell, ident: &str) -> bool {
        if ident.is_empty() || is_placeholder(ident) {
            self.error(
                cell.span,
                "missing identifier",
                placeholder_help(ident, "the field's wire name"),
            );
            return false;
        }
        let valid = ident.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && ident.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !valid {
            self.error(
                cell.span,
                format!("invalid identifier `{ident}`"),
                Some(
                    "identifiers are ASCII letters, digits and `_`, not starting with a digit"
                        .into(),
                ),
            );
        }
        valid
    }

    /// `AN`, `String`, `Integer`, `Number`, `Boolean`, `Name`, `Array<T>` (or `List<T>`), `Map<String, T>`,
    /// `Object`.
    pub(super) fn ty(&mut self, cell: &Cell, spans: &mut FieldSpans) -> Option<Type> {
        let text = strip_code(&cell.text);
        if text.is_empty() || is_placeholder(text) {
            let help = "write a type code (`AN`), `String`, `Integer`, `Number`, `Boolean`, an item name, `Array<T>`, `Map<String, T>` or `Object`";
            self.error(
                cell.span,
                "missing type",
                placeholder_help(text, "the field's type").or(Some(help.into())),
            );
            return None;
        }
        self.type_text(cell, text, spans, 0)
    }

    pub(super) fn type_text(
        &mut self,
        cell: &Cell,
        text: &str,
        spans: &mut FieldSpans,
        depth: usize,
    ) -> Option<Type> {
        let span = cell.span_of(text);
        if depth > MAX_ARRAY_DEPTH {
            self.error(
                span,
                format!("arrays and maps nested more than {MAX_ARRAY_DEPTH} deep"),
                None,
            );
            return None;
        }
        if let Some((open, list)) = inline_enum_text(text) {
            return self.inline_enum(cell, list, open, span, spans);
        }
        if let Some(inner) = map_inner(text) {
            return self.map_type(cell, text, inner, spans, depth);
        }
        if let Some((spelling, inner)) = array_inner(text) {
            let inner = inner.trim();
            if inner.is_empty() {
                self.error(
                    span,
                    format!("`{spelling}<>` without an element type"),
                    Some(format!("write the element type: `{spelling}<String>`")),
                );
                return None;
            }
            return self
                .type_text(cell, inner, spans, depth + 1)
                .map(|t| Type::Array(Box::new(t)));
        }
        if let Some(inner) = text
            .strip_suffix("[]")
            .or_else(|| text.strip_prefix('[').and_then(|t| t.strip_suffix(']')))
        {
            self.error(
                span,
                format!("arrays are written `Array<{}>`", inner.trim()),
                Some(format!("write `Array<{}>`", inner.trim())),
            );
            return None;
        }
        if let Some(cs) = Charset::from_code(text) {
            return Some(Type::Iso(cs));
        }
        for builtin in [Type::String, Type::Integer, Type::Number, Type::Boolean] {
            if builtin.to_string().eq_ignore_ascii_case(text) {
                return Some(builtin);
            }
        }
        if text.eq_ignore_ascii_case("object") {
            return Some(Type::Object);
        }
        let is_name = text.starts_with(|c: char| c.is_ascii_alphabetic())
            && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !is_name {
            self.error(
                span,
                format!("malformed type `{text}`"),
                Some("write a type code (`AN`), `String`, `Integer`, `Number`, `Boolean`, an item name, `Array<T>`, `Map<String, T>` or `Object`".into()),
            );
            return None;
        }
        // Resolved (or reported as an unknown type code or type) once every file is read.
        spans.type_name = span;
        Some(Type::Named(text.to_string()))
    }

    /// `Map<String, T>` (`inner` is what the brackets hold): a JSON object whose values are
    /// `T`; its keys are JSON object keys, strings, so a key type other than `String` is an
    /// error.
    fn map_type(
        &mut self,
        cell: &Cell,
        text: &str,
        inner: &str,
        spans: &mut FieldSpans,
        depth: usize,
    ) -> Option<Type> {
        let span = cell.span_of(text);
        let Some((key, value)) = split_top_level(inner) else {
            let value = inner.trim();
            let value = if value.is_empty() { "String" } else { value };
            self.error(
                span,
                format!("`Map<{}>` needs a key type and a value type", inner.trim()),
                Some(format!(
                    "a map names its key type and its value type: write `Map<String, {value}>`"
                )),
            );
            return None;
        };
        let (key, value) = (key.trim(), value.trim());
        if value.is_empty() {
            self.error(
                span,
                format!("`Map<{key}, >` without a value type"),
                Some(
                    "write the value type: `Map<String, String>`, or `Map<String, Object>` for \
                     any values that are objects"
                        .into(),
                ),
            );
            return None;
        }
        if !key.eq_ignore_ascii_case("String") {
            self.error(
                cell.span_of(key),
                format!("map keys are strings, not `{key}`"),
                Some(format!(
                    "JSON object keys are always strings: write `Map<String, {value}>`"
                )),
            );
            return None;
        }
        self.type_text(cell, value, spans, depth + 1)
            .map(|t| Type::Map(Box::new(t)))
    }

    /// `15` (a maximum) or `1..15`; empty is no length.
    pub(super) fn length(&mut self, cell: &Cell) -> Result<Option<Length>, ()> {
        let text = strip_code(&cell.text);
        if text.is_empty() {
            return Ok(None);
        }
        let help = Some("write a maximum (`15`) or a range (`1..15`)".to_string());
        let number = |s: &str| -> Option<u32> {
            let s = s.trim();
            (!s.is_empty() && s.chars().all(|c| c.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let (min, max) = match text.split_once("..") {
            Some((a, b)) => match (number(a), number(b)) {
                (Some(a), Some(b)) => (a, b),
                _ => {
                    self.error(cell.span, format!("malformed length `{text}`"), help);
                    return Err(());
                }
            },
            None => match number(text) {
                Some(max) => (0, max),
                None => {
                    self.error(cell.span, format!("malformed length `{text}`"), help);
                    return Err(());
                }
            },
        };
        if max == 0 {
            self.error(
                cell.span,
                "a maximum length of 0",
                Some("a length's maximum is at least 1".into()),
            );
            return Err(());
        }
        if min > max {
            self.error(
                cell.span,
                format!("inverted length range `{text}`"),
                Some(format!("write `{max}..{min}`")),
            );
            return Err(());
        }
        Ok(Some(Length { min, max }))
    }

    /// `M`, `O`, `M:Mandatory`, `O:Optional`, `Yes`, `No`, `C: sibling = V`,
    /// `C: sibling in (V1, V2)` (`Conditional:` for `C:`).
    pub(super) fn requirement(
        &mut self,
        cell: &Cell,
        spans: &mut FieldSpans,
    ) -> Option<Requirement> {
        let text = strip_code(&cell.text);
        // Vendors write `M:Mandatory`, `M: Mandatory`, `m`: spaces and case do not matter.
        let compact: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_lowercase();
        match compact.as_str() {
            "m" | "m:mandatory" | "mandatory" | "required" | "yes" | "y" => {
                return Some(Requirement::Mandatory);
            }
            "o" | "o:optional" | "optional" | "no" | "n" => return Some(Requirement::Optional),
            _ => {}
        }
        let help = "write `M`, `O`, `M:Mandatory`, `O:Optional`, `Yes`, `No`, `C: sibling = VALUE` or `C: sibling in (V1, V2)`";
        if is_placeholder(text) {
            self.error(
                cell.span,
                "missing requirement",
                placeholder_help(text, "`Yes`, `No` or a condition"),
            );
            return None;
        }
        let unknown = |cx: &mut Self| {
            cx.error(
                cell.span,
                format!("unknown requirement `{text}`"),
                Some(help.into()),
            );
        };
        // `Conditional: …` is the long spelling of `C: …`.
        let long = text
            .get(..11)
            .filter(|head| head.eq_ignore_ascii_case("conditional"));
        let after_c = match long {
            Some(_) => Some(&text[11..]),
            None => text.strip_prefix(['C', 'c']),
        };
        let Some(after_c) = after_c else {
            unknown(self);
            return None;
        };
        if after_c.trim().is_empty() || after_c.trim() == ":" {
            self.error(
                cell.span,
                "a conditional requirement without a condition",
                Some(help.into()),
            );
            return None;
        }
        let condition = if let Some(rest) = after_c.strip_prefix(':') {
            rest.trim()
        } else if after_c.starts_with(char::is_whitespace) {
            after_c.trim()
        } else {
            unknown(self);
            return None;
        };
        let (condition, at) = self.parse_condition(cell, condition, "C:")?;
        spans.condition = at;
        Some(Requirement::Conditional(condition))
    }

    /// The type, length and format of a row must agree with each other.
    pub(super) fn fit(
        &mut self,
        field: &Field,
        type_cell: Option<&Cell>,
        length_cell: Option<&Cell>,
        format_cell: Option<&Cell>,
        spans: &mut FieldSpans,
    ) {
        let type_span = type_cell.map_or(spans.ident, |c| c.span);
        if matches!(&field.ty, Type::Named(name) if looks_like_type_code(name)) {
            // Reported as an unknown type code once names resolve; nothing else to say.
            return;
        }
        // The length of an array's (a map's) strings is their elements' (values'), each.
        let has_length = matches!(field.ty.element(), Type::Iso(_) | Type::String);
        match (&field.length, has_length) {
            (Some(_), false) => {
                let help = if field.ty.is_collection() {
                    "only type codes (`AN`, …) and `String` have a length (in an array or a map, each \
                     element's); to limit how many elements a collection has, write `items N` in \
                     the Format cell"
                } else {
                    "only type codes (`AN`, …) and `String` have a length; empty this cell"
                };
                self.error(
                    length_cell.map_or(type_span, |c| c.span),
                    format!("`{}` fields have no length", field.ty),
                    Some(help.into()),
                );
                spans.clean = false;
            }
            (None, true) if matches!(field.ty, Type::Iso(_)) => {
                self.error(
                    length_cell.map_or(type_span, |c| c.span),
                    format!("`{}` fields need a length", field.ty),
                    Some("type codes need a length: a maximum (`15`) or a range (`1..15`)".into()),
                );
                spans.clean = false;
            }
            _ => {}
        }
        if field.items.is_some() && !field.ty.is_collection() {
            self.error(
                spans.items,
                format!("`items` does not fit type `{}`", field.ty),
                Some(
                    "`items` counts the elements of an array (`Array<T>`, `List<T>`) or the \
                     entries of a map (`Map<String, T>`); a string's length goes in the Length \
                     cell"
                        .into(),
                ),
            );
            spans.clean = false;
        }
        let string_parts = [
            ("pattern", field.pattern.is_some(), spans.pattern),
            ("forbidden", field.forbidden.is_some(), spans.forbidden),
            ("custom(NAME)", field.custom_format.is_some(), spans.format),
        ];
        for (part, given, span) in string_parts {
            if given && !matches!(field.ty.element(), Type::Iso(_) | Type::String) {
                self.error(
                    span,
                    format!("`{part}` does not fit type `{}`", field.ty),
                    Some(format!(
                        "`{part}` applies to string fields (a type code or `String`, or arrays and maps of them){}",
                        if matches!(field.ty.element(), Type::Named(_)) {
                            "; an enum's values are listed in its table"
                        } else {
                            ""
                        }
                    )),
                );
                spans.clean = false;
            }
        }
        if !self.fit_numbers(field, spans) {
            spans.clean = false;
        }
        let format_span = format_cell.map_or(type_span, |c| c.span);
        let formats = field
            .format
            .iter()
            .chain(field.format_when.iter().map(|c| &c.format));
        for format in formats {
            if !self.fit_format(field, format, format_span, length_cell) {
                spans.clean = false;
                return;
            }
        }
    }

    /// One format (unconditional or conditional) of a row fits its type and length; false
    /// (after reporting it) when it does not.
    fn fit_format(
        &mut self,
        field: &Field,
        format: &Format,
        format_span: Span,
        length_cell: Option<&Cell>,
    ) -> bool {
        let name = format.name();
        // The format of an array's (a map's) strings applies to each element (value).
        match field.ty.element() {
            Type::String => {}
            Type::Iso(cs) => {
                // The typical value of the format (its first sample) tells what it needs.
                let samples = format.samples();
                let sample = samples.first().map_or("", String::as_str);
                if !cs.matches(sample.as_bytes()) {
                    let better = Charset::ALL
                        .into_iter()
                        .find(|c| c.matches(sample.as_bytes()))
                        .map(|c| format!("values of `{name}` need type `{}` or wider", c.code()));
                    self.error(
                        format_span,
                        format!(
                            "format `{name}` does not fit type `{}`: it admits only {}",
                            cs.code(),
                            cs.description()
                        ),
                        better,
                    );
                    return false;
                }
            }
            other => {
                self.error(
                    format_span,
                    format!("format `{name}` does not fit type `{}`", other),
                    Some(
                        "formats apply to string fields: a type code or `String`, or arrays and \
                         maps of them"
                            .into(),
                    ),
                );
                return false;
            }
        }
        if let (Some(exact), Some(length)) = (format.exact_len(), &field.length)
            && (exact < length.min || exact > length.max)
        {
            self.error(
                length_cell.map_or(format_span, |c| c.span),
                if length.min == 0 {
                    format!(
                        "format `{name}` has exactly {exact} characters; the length allows at most {}",
                        length.max
                    )
                } else {
                    format!(
                        "format `{name}` has exactly {exact} characters; the length allows {}..{}",
                        length.min, length.max
                    )
                },
                Some(format!("write the length `{exact}`")),
            );
            return false;
        }
        true
    }
}

/// A cell's text without one pair of surrounding backticks (authors often write code spans).
pub(super) fn strip_code(text: &str) -> &str {
    let text = text.trim();
    text.strip_prefix('`')
        .and_then(|t| t.strip_suffix('`'))
        .map_or(text, str::trim)
}

/// One value of an Example cell: the value the field's rules judge, and the JSON text the model
/// stores (as serde_json writes the value: one spelling per value).
pub(super) struct Example<'a> {
    pub(super) value: Json<'a>,
    pub(super) stored: Option<String>,
}

/// The values of an Example cell's text: JSON values one after the other, or, for a field whose
/// values are strings (`string`), bare text as one string. `None` when it reads as neither.
/// Read once the field's type is resolved: only then is it known whether a named type is an
/// enum (a string).
pub(super) fn example_values(text: &str, string: bool) -> Option<Vec<Example<'_>>> {
    if string && !text.starts_with('"') {
        let stored = serde_json::Value::String(text.to_string()).to_string();
        return Some(vec![Example {
            value: Json::Str(Cow::Borrowed(text)),
            stored: Some(stored),
        }]);
    }
    let values = parse_all(text).ok()?;
    Some(
        values
            .into_iter()
            .map(|(value, raw)| Example {
                value,
                stored: serde_json::from_str::<serde_json::Value>(raw)
                    .ok()
                    .map(|v| v.to_string()),
            })
            .collect(),
    )
}

/// Whether an unresolved type name reads as a mistyped type code (`AM`, `ansx` does not): a
/// short word of letters in one case.
pub(super) fn looks_like_type_code(name: &str) -> bool {
    name.len() <= 3
        && name.chars().all(|c| c.is_ascii_alphabetic())
        && (name == name.to_uppercase() || name == name.to_lowercase())
}

/// What the brackets of `Map<…>` hold (any case: `map<…>`).
fn map_inner(text: &str) -> Option<&str> {
    let head = text.get(..3)?;
    let inner = text.get(3..)?.strip_prefix('<')?.strip_suffix('>')?;
    head.eq_ignore_ascii_case("Map").then_some(inner)
}

/// `K, V` split at its first comma outside brackets and parentheses (`Map<String, enum(A, B)>`,
/// `Map<String, Map<String, AN>>`); `None` without such a comma.
fn split_top_level(text: &str) -> Option<(&str, &str)> {
    let mut depth = 0i32;
    for (i, c) in text.char_indices() {
        match c {
            '<' | '(' => depth += 1,
            '>' | ')' => depth -= 1,
            ',' if depth == 0 => return Some((&text[..i], &text[i + 1..])),
            _ => {}
        }
    }
    None
}

/// The element type of `Array<T>`, or of `List<T>` (the Alipay+ spelling of the same type),
/// with the spelling used (for messages); any case.
fn array_inner(text: &str) -> Option<(&str, &str)> {
    ["Array", "List"].into_iter().find_map(|word| {
        // `get`, not indexing: the text may hold a multi-byte character anywhere.
        let head = text.get(..word.len())?;
        let inner = text
            .get(word.len()..)?
            .strip_prefix('<')?
            .strip_suffix('>')?;
        head.eq_ignore_ascii_case(word).then_some((head, inner))
    })
}

/// The help for a placeholder (`-`, `N/A`) in a cell that must hold `what`; `None` for
/// other text.
fn placeholder_help(text: &str, what: &str) -> Option<String> {
    is_placeholder(text).then(|| {
        format!(
            "`{text}` stands for an empty cell only in optional columns (Example, Length, \
             Format, Description, …); this cell needs {what}"
        )
    })
}

/// Whether the text of an optional cell (Example, Length, Format, Note, …) is a vendor's way
/// of writing "nothing": a lone `-`, `–`, `—` or `N/A`. The cell then reads as empty. Cells
/// that must hold something (Identifier, Type, Request) do not go through this.
pub(super) fn is_placeholder(text: &str) -> bool {
    let text = strip_code(text);
    matches!(text, "-" | "\u{2013}" | "\u{2014}") || text.eq_ignore_ascii_case("n/a")
}
