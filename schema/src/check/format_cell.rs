//! The Format cell's reader: its `;`-separated parts (a format, conditional formats,
//! `sensitive`, `fixed VALUE`) into the draft field, every malformed part reported through the
//! [`FileChecker`]. Whether the format fits the row's type and length is
//! [`FileChecker::fit`](super::cells)'s.

use super::cells::strip_code;
use super::file::FileChecker;
use super::{FieldSpans, formats};
use crate::diagnostics::Span;
use crate::model::{ConditionalFormat, Field};
use crate::read::lexer::Cell;

impl FileChecker<'_> {
    /// `FORMAT; sensitive; fixed VALUE`, parts in any order, each at most once; a format may
    /// be conditional (`FORMAT if sibling = VALUE`), several times. False when a part is wrong.
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
            let lower_ascii = trimmed.to_ascii_lowercase();
            let conditional = lower_ascii
                .find(" if ")
                .or_else(|| lower_ascii.ends_with(" if").then(|| trimmed.len() - 3));
            ok &= if lower == "sensitive" {
                let once = !field.sensitive;
                if !once {
                    self.error(span, "`sensitive` given twice", None);
                }
                field.sensitive = true;
                once
            } else if lower == "fixed" || lower.starts_with("fixed ") {
                self.fixed_part(trimmed, span, field, spans)
            } else if let Some(at) = conditional {
                self.conditional_format_part(cell, trimmed, at, span, field, spans)
            } else {
                self.format_part(trimmed, span, field, spans)
            };
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

    /// `fixed 41` or `fixed "a; b"` (a JSON string), at `span`: the field's fixed value.
    fn fixed_part(
        &mut self,
        part: &str,
        span: Span,
        field: &mut Field,
        spans: &mut FieldSpans,
    ) -> bool {
        let value = part.get(5..).unwrap_or("").trim();
        let value = if value.starts_with('"') {
            match serde_json::from_str::<String>(value) {
                Ok(v) => v,
                Err(_) => {
                    self.error(
                        span,
                        "malformed quoted fixed value",
                        Some("write `fixed 41` or a JSON string: `fixed \"a b\"`".into()),
                    );
                    return false;
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
            return false;
        }
        if field.fixed.is_some() {
            self.error(span, "two fixed values", None);
            return false;
        }
        field.fixed = Some(value);
        spans.fixed = span;
        true
    }

    /// `FORMAT if sibling = VALUE` (` if ` at byte `at` of `part`): a conditional format.
    fn conditional_format_part(
        &mut self,
        cell: &Cell,
        part: &str,
        at: usize,
        span: Span,
        field: &mut Field,
        spans: &mut FieldSpans,
    ) -> bool {
        let (format_text, condition) = (
            part[..at].trim(),
            part.get(at + 4..).unwrap_or_default().trim(),
        );
        if condition.is_empty() {
            self.error(
                span,
                "a conditional format without a condition",
                Some("write `FORMAT if sibling = VALUE`".into()),
            );
            return false;
        }
        let format = match formats::parse(format_text) {
            Ok(format) => format,
            Err(e) => {
                self.error(cell.span_of(format_text), e.message, e.help);
                return false;
            }
        };
        let Some((when, at)) = self.parse_condition(cell, condition, "FORMAT if") else {
            return false;
        };
        field.format_when.push(ConditionalFormat { when, format });
        spans.format_when.push(at);
        true
    }

    /// An unconditional format (`ISO 4217`), at `span`; at most one per field.
    fn format_part(
        &mut self,
        part: &str,
        span: Span,
        field: &mut Field,
        spans: &mut FieldSpans,
    ) -> bool {
        match formats::parse(part) {
            Ok(format) => {
                spans.format = span;
                if field.format.is_some() {
                    self.error(
                        span,
                        "two formats",
                        Some("a field has at most one format".into()),
                    );
                    return false;
                }
                field.format = Some(format);
                true
            }
            Err(e) => {
                self.error(span, e.message, e.help);
                false
            }
        }
    }
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
