//! The checker's cell readers: one table cell (type, length, requirement, format) into its
//! part of the model, every malformed cell reported; and the agreement of a row's type, length
//! and format. A submodule of [`super`], so it shares the checker's context.

use fieldtab_runtime::Charset;

use super::{Cx, FieldSpans, strip_code};
use crate::check::formats;
use crate::diagnostics::Span;
use crate::model::{Condition, ConditionalFormat, Field, Format, Length, Requirement, Type};
use crate::read::lexer::Cell;

/// How deeply `Array<…>` may nest: far beyond any real schema, and it bounds the recursion of
/// every consumer of the model.
const MAX_ARRAY_DEPTH: usize = 16;

impl Cx<'_> {
    pub(super) fn identifier(&mut self, cell: &Cell, ident: &str) -> bool {
        if ident.is_empty() {
            self.error(cell.span, "missing identifier", None);
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

    /// `AN`, `String`, `Integer`, `Boolean`, `Name`, `Array<T>`.
    pub(super) fn ty(&mut self, cell: &Cell, spans: &mut FieldSpans) -> Option<Type> {
        let text = strip_code(&cell.text);
        if text.is_empty() {
            self.error(
                cell.span,
                "missing type",
                Some("write a type code (`AN`), `String`, `Integer`, `Boolean`, an item name or `Array<T>`".into()),
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
                format!("arrays nested more than {MAX_ARRAY_DEPTH} deep"),
                None,
            );
            return None;
        }
        if let Some(inner) = array_inner(text) {
            let inner = inner.trim();
            if inner.is_empty() {
                self.error(span, "`Array<>` without an element type", None);
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
        for builtin in [Type::String, Type::Integer, Type::Boolean] {
            if builtin.to_string().eq_ignore_ascii_case(text) {
                return Some(builtin);
            }
        }
        if text.eq_ignore_ascii_case("object") {
            self.error(
                span,
                "`Object` is not a type",
                Some(
                    "declare a `## struct Name` for the object's fields and write its name here"
                        .into(),
                ),
            );
            return None;
        }
        let is_name = text.starts_with(|c: char| c.is_ascii_alphabetic())
            && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !is_name {
            self.error(
                span,
                format!("malformed type `{text}`"),
                Some("write a type code (`AN`), `String`, `Integer`, `Boolean`, an item name or `Array<T>`".into()),
            );
            return None;
        }
        // Resolved (or reported as an unknown type code or type) once every file is read.
        spans.type_name = span;
        Some(Type::Named(text.to_string()))
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
    /// `C: sibling in (V1, V2)`.
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
        let unknown = |cx: &mut Self| {
            cx.error(
                cell.span,
                format!("unknown requirement `{text}`"),
                Some(help.into()),
            );
        };
        let Some(after_c) = text.strip_prefix(['C', 'c']) else {
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
        let (condition, sibling_span, value_spans) = self.condition(cell, condition, "C:")?;
        spans.condition_sibling = sibling_span;
        spans.condition_values = value_spans;
        Some(Requirement::Conditional(condition))
    }

    /// The condition `sibling = V` or `sibling in (V1, V2)` of a conditional requirement
    /// (`lead` = `C:`) or a conditional format (`lead` = `FORMAT if`), with the spans of the
    /// sibling and of each value; every malformed part reported.
    fn condition(
        &mut self,
        cell: &Cell,
        condition: &str,
        lead: &str,
    ) -> Option<(Condition, Span, Vec<Span>)> {
        let (sibling, values) = if let Some((sibling, value)) = condition.split_once('=') {
            (sibling.trim(), vec![value.trim()])
        } else if let Some((sibling, list)) = split_in(condition) {
            let inner = list
                .trim()
                .strip_prefix('(')
                .and_then(|l| l.strip_suffix(')'));
            match inner {
                Some(inner) => (sibling.trim(), inner.split(',').map(str::trim).collect()),
                None => {
                    self.error(
                        cell.span_of(list),
                        "malformed value list",
                        Some(format!("write `{lead} sibling in (V1, V2)`")),
                    );
                    return None;
                }
            }
        } else {
            self.error(
                cell.span_of(condition),
                format!("malformed condition `{condition}`"),
                Some(format!(
                    "write `{lead} sibling = VALUE` or `{lead} sibling in (V1, V2)`"
                )),
            );
            return None;
        };
        let sibling_ok = !sibling.is_empty()
            && sibling
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !sibling_ok {
            self.error(
                if sibling.is_empty() {
                    cell.span
                } else {
                    cell.span_of(sibling)
                },
                "a condition must name a sibling field",
                Some(format!("write `{lead} sibling = VALUE`")),
            );
            return None;
        }
        let mut out = Vec::new();
        let sibling_span = cell.span_of(sibling);
        let mut value_spans = Vec::new();
        for value in values {
            let unquoted = value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .or_else(|| value.strip_prefix('`').and_then(|v| v.strip_suffix('`')))
                .unwrap_or(value);
            if unquoted.is_empty() {
                self.error(
                    if value.is_empty() {
                        cell.span
                    } else {
                        cell.span_of(value)
                    },
                    "empty value in a condition",
                    None,
                );
                return None;
            }
            value_spans.push(cell.span_of(value));
            out.push(unquoted.to_string());
        }
        Some((
            Condition {
                sibling: sibling.to_string(),
                values: out,
            },
            sibling_span,
            value_spans,
        ))
    }

    /// `FORMAT; sensitive; fixed VALUE`, parts in any order, each at most once.
    pub(super) fn format_cell(
        &mut self,
        cell: &Cell,
        field: &mut Field,
        spans: &mut FieldSpans,
    ) -> bool {
        let mut ok = true;
        for part in split_parts(&cell.text) {
            let trimmed = strip_code(part.trim());
            if trimmed.is_empty() {
                continue;
            }
            let span = cell.span_of(part.trim());
            let lower = trimmed.to_lowercase();
            if lower == "sensitive" {
                if field.sensitive {
                    self.error(span, "`sensitive` given twice", None);
                    ok = false;
                }
                field.sensitive = true;
                continue;
            }
            if lower == "fixed" || lower.starts_with("fixed ") {
                let value = trimmed.get(5..).unwrap_or("").trim();
                let value = if value.starts_with('"') {
                    match serde_json::from_str::<String>(value) {
                        Ok(v) => v,
                        Err(_) => {
                            self.error(
                                span,
                                "malformed quoted fixed value",
                                Some("write `fixed 41` or a JSON string: `fixed \"a b\"`".into()),
                            );
                            ok = false;
                            continue;
                        }
                    }
                } else {
                    value.to_string()
                };
                if value.is_empty() {
                    self.error(
                        span,
                        "`fixed` without a value",
                        Some("write `fixed 41`".into()),
                    );
                    ok = false;
                    continue;
                }
                if field.fixed.is_some() {
                    self.error(span, "two fixed values", None);
                    ok = false;
                    continue;
                }
                field.fixed = Some(value);
                spans.fixed = span;
                continue;
            }
            let lower_ascii = trimmed.to_ascii_lowercase();
            let conditional = lower_ascii
                .find(" if ")
                .or_else(|| lower_ascii.ends_with(" if").then(|| trimmed.len() - 3));
            if let Some(at) = conditional {
                // `FORMAT if sibling = VALUE`: a conditional format.
                let (format_text, condition) = (
                    trimmed[..at].trim(),
                    trimmed.get(at + 4..).unwrap_or_default().trim(),
                );
                if condition.is_empty() {
                    self.error(
                        span,
                        "a conditional format without a condition",
                        Some("write `FORMAT if sibling = VALUE`".into()),
                    );
                    ok = false;
                    continue;
                }
                let format = match formats::parse(format_text) {
                    Ok(format) => format,
                    Err(e) => {
                        self.error(cell.span_of(format_text), e.message, e.help);
                        ok = false;
                        continue;
                    }
                };
                match self.condition(cell, condition, "FORMAT if") {
                    Some((when, sibling, values)) => {
                        field.format_when.push(ConditionalFormat { when, format });
                        spans.format_when.push((sibling, values));
                    }
                    None => ok = false,
                }
                continue;
            }
            match formats::parse(trimmed) {
                Ok(format) => {
                    spans.format = span;
                    if field.format.is_some() {
                        self.error(
                            span,
                            "two formats",
                            Some("a field has at most one format".into()),
                        );
                        ok = false;
                    } else {
                        field.format = Some(format);
                    }
                }
                Err(e) => {
                    self.error(span, e.message, e.help);
                    ok = false;
                }
            }
        }
        if field.format.is_some() && !field.format_when.is_empty() {
            self.error(
                spans.format,
                "a field with conditional formats cannot also have an unconditional one",
                Some(
                    "make this format conditional too (`FORMAT if sibling = VALUE`), or drop it"
                        .into(),
                ),
            );
            ok = false;
        }
        ok
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
        let has_length = matches!(field.ty, Type::Iso(_) | Type::String);
        match (&field.length, has_length) {
            (Some(_), false) => {
                self.error(
                    length_cell.map_or(type_span, |c| c.span),
                    format!("`{}` fields have no length", field.ty),
                    Some(
                        "only type codes (`AN`, …) and `String` have a length; empty this cell"
                            .into(),
                    ),
                );
                spans.sound = false;
            }
            (None, true) if matches!(field.ty, Type::Iso(_)) => {
                self.error(
                    length_cell.map_or(type_span, |c| c.span),
                    format!("`{}` fields need a length", field.ty),
                    Some("type codes need a length: a maximum (`15`) or a range (`1..15`)".into()),
                );
                spans.sound = false;
            }
            _ => {}
        }
        let format_span = format_cell.map_or(type_span, |c| c.span);
        let formats = field
            .format
            .iter()
            .chain(field.format_when.iter().map(|c| &c.format));
        for format in formats {
            if !self.fit_format(field, format, format_span, length_cell) {
                spans.sound = false;
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
        match &field.ty {
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
                    Some("formats apply to string fields: a type code or `String`".into()),
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

/// Whether an unresolved type name reads as a mistyped type code (`AM`, `ansx` does not): a
/// short word of letters in one case.
pub(crate) fn looks_like_type_code(name: &str) -> bool {
    name.len() <= 3
        && name.chars().all(|c| c.is_ascii_alphabetic())
        && (name == name.to_uppercase() || name == name.to_lowercase())
}

/// The `;`-separated parts of a Format cell; a `;` inside a JSON string (`fixed "a; b"`) does
/// not separate. The parts borrow from `text`, so their spans can be found.
fn split_parts(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut start, mut quoted, mut escaped) = (0usize, false, false);
    for (i, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            ';' if !quoted => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

/// `sibling in (list)`: splits at the word `in`.
fn split_in(condition: &str) -> Option<(&str, &str)> {
    let lower = condition.to_ascii_lowercase();
    let at = lower.find(" in ").or_else(|| lower.find(" in("))?;
    Some((&condition[..at], &condition[at + 3..]))
}

fn array_inner(text: &str) -> Option<&str> {
    let head = text.get(..6)?;
    if head.eq_ignore_ascii_case("array<") {
        text[6..].strip_suffix('>')
    } else {
        None
    }
}
