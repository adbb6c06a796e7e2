//! The Format cell's reader: its `;`-separated parts (a format, conditional formats,
//! `sensitive`, `fixed VALUE`, `pattern "REGEX"`, `forbidden "CHARS"`, `items N`; `range`,
//! `scale` and `accepts`, read by [`super::numbers`]) into the draft field,
//! every malformed part reported through the [`FileChecker`]. Whether the format fits the row's
//! type and length is [`FileChecker::fit`](super::cells)'s.

use super::cells::strip_code;
use super::file::FileChecker;
use super::numbers::NumberPart;
use super::{FieldSpans, formats};
use crate::diagnostics::Span;
use crate::model::{ConditionalFormat, Field, Pattern};
use crate::read::lexer::Cell;

impl FileChecker<'_> {
    /// `FORMAT; sensitive; fixed VALUE; pattern "REGEX"; forbidden "CHARS"`, parts in any
    /// order, each at most once; a format may be conditional (`FORMAT if sibling = VALUE`),
    /// several times. False when a part is wrong.
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
            } else if lower == "items" || lower.starts_with("items ") {
                self.items_part(trimmed, span, field, spans)
            } else if let Some(kind) = NumberPart::of(trimmed) {
                self.number_part(kind, trimmed, span, field, spans)
            } else if let Some(keyword) = quoted_keyword(trimmed) {
                // Before conditional formats: a quoted pattern may hold ` if `.
                self.quoted_part(keyword, trimmed, span, field, spans)
            } else if let Some(at) = conditional {
                self.conditional_format_part(cell, trimmed, at, span, field, spans)
            } else {
                self.format_part(trimmed, span, field, spans)
            };
        }
        if field.custom_format.is_some() && !field.format_when.is_empty() {
            self.error(
                spans.format,
                "a field with a custom format cannot also have conditional formats",
                Some("a field has at most one format: keep `custom(NAME)` or the conditional formats".into()),
            );
            ok = false;
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

    /// `items 100` (at most 100), `items 1..100`, `items 1..` (at least 1), `items ..100`, at
    /// `span`: how many elements the field's array (entries, its map) may have. Whether the
    /// field is a collection is [`FileChecker::fit`](super::cells)'s.
    fn items_part(
        &mut self,
        part: &str,
        span: Span,
        field: &mut Field,
        spans: &mut FieldSpans,
    ) -> bool {
        let text = part.get(5..).unwrap_or("").trim();
        let help = || {
            Some(
                "write `items 100` (at most 100), `items 1..100`, `items 1..` (at least 1) or \
                 `items ..100`"
                    .to_string(),
            )
        };
        if text.is_empty() {
            self.error(span, "`items` without a count", help());
            return false;
        }
        let number = |s: &str| -> Result<Option<u32>, ()> {
            let s = s.trim();
            if s.is_empty() {
                return Ok(None);
            }
            if !s.chars().all(|c| c.is_ascii_digit()) {
                return Err(());
            }
            s.parse().map(Some).map_err(|_| ())
        };
        let bounds = match text.split_once("..") {
            Some((a, b)) => number(a).and_then(|a| number(b).map(|b| (a, b))),
            None => number(text).map(|max| (None, max)),
        };
        let (min, max) = match bounds {
            Ok((min, Some(max))) => (min.unwrap_or(0), Some(max)),
            Ok((Some(min), None)) => (min, None),
            _ => {
                self.error(span, format!("malformed count `items {text}`"), help());
                return false;
            }
        };
        if max == Some(0) {
            self.error(
                span,
                "a maximum of 0 elements",
                Some(
                    "an empty collection needs no field; a count's maximum is at least 1 \
                     (`items 1..`, `items ..100`)"
                        .into(),
                ),
            );
            return false;
        }
        if let Some(max) = max
            && min > max
        {
            self.error(
                span,
                format!("inverted count `items {text}`"),
                Some(format!("write `items {max}..{min}`")),
            );
            return false;
        }
        if min == 0 && max.is_none() {
            self.error(
                span,
                "`items 0..` states no limit",
                Some("remove it, or give a bound: `items 1..`, `items ..100`".into()),
            );
            return false;
        }
        if field.items.is_some() {
            self.error(span, "`items` given twice", None);
            return false;
        }
        field.items = Some(crate::model::Items::new(min, max));
        spans.items = span;
        true
    }

    /// `pattern "REGEX"` or `forbidden "CHARS"` (`keyword`, the part's first word, any case):
    /// the value is a JSON string, so a pattern's backslashes are doubled (`"^\\.$"` is the
    /// pattern `^\.$`) and a `;` inside it does not end the part.
    fn quoted_part(
        &mut self,
        keyword: Quoted,
        part: &str,
        span: Span,
        field: &mut Field,
        spans: &mut FieldSpans,
    ) -> bool {
        let name = keyword.name();
        let rest = part.get(name.len()..).unwrap_or_default().trim();
        let example = match keyword {
            Quoted::Pattern => r#"pattern "^[0-9]{5}$""#,
            Quoted::Forbidden => r#"forbidden "@#?""#,
        };
        if rest.is_empty() {
            self.error(
                span,
                format!("`{name}` without a value"),
                Some(format!("write `{example}`")),
            );
            return false;
        }
        let value = if rest.starts_with('"') {
            match serde_json::from_str::<String>(rest) {
                Ok(value) => value,
                Err(_) => {
                    self.error(
                        span,
                        format!("malformed quoted `{name}` value"),
                        Some(format!(
                            "the value is one JSON string, with `\\` and `\"` escaped: `{example}`"
                        )),
                    );
                    return false;
                }
            }
        } else {
            let quoted = serde_json::Value::String(rest.to_owned()).to_string();
            self.error(
                span,
                format!("the value of `{name}` is a JSON string"),
                Some(format!("write `{name} {quoted}`")),
            );
            return false;
        };
        match keyword {
            Quoted::Pattern => self.pattern_value(&value, span, field, spans),
            Quoted::Forbidden => {
                if value.is_empty() {
                    self.error(
                        span,
                        "an empty `forbidden` set",
                        Some(format!(
                            "list the characters the value must not contain: `{example}`"
                        )),
                    );
                    return false;
                }
                if field.forbidden.is_some() {
                    self.error(
                        span,
                        "two `forbidden` sets",
                        Some("a field has at most one; list every character in it".into()),
                    );
                    return false;
                }
                field.forbidden = Some(value);
                spans.forbidden = span;
                true
            }
        }
    }

    /// The pattern of `pattern "REGEX"`, compiled now, once for every use of the schema.
    fn pattern_value(
        &mut self,
        value: &str,
        span: Span,
        field: &mut Field,
        spans: &mut FieldSpans,
    ) -> bool {
        if value.is_empty() {
            self.error(
                span,
                "an empty pattern",
                Some("an empty pattern matches every value; drop the part".into()),
            );
            return false;
        }
        let pattern = match Pattern::new(value) {
            Ok(pattern) => pattern,
            Err(e) => {
                self.error(
                    span,
                    format!("invalid pattern: {e}"),
                    e.help().map(str::to_owned),
                );
                return false;
            }
        };
        if field.pattern.is_some() {
            self.error(
                span,
                "two patterns",
                Some("a field has at most one pattern; join them into one".into()),
            );
            return false;
        }
        field.pattern = Some(pattern);
        spans.pattern = span;
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
        if formats::custom_name(format_text).is_some() {
            self.error(
                cell.span_of(format_text),
                "a custom format cannot be conditional",
                Some(
                    "a custom format applies to every value of its field: write `custom(NAME)` \
                     without a condition"
                        .into(),
                ),
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

    /// An unconditional format (`ISO 4217`, or a custom one: `custom(merchant-ref)`), at
    /// `span`; at most one per field.
    fn format_part(
        &mut self,
        part: &str,
        span: Span,
        field: &mut Field,
        spans: &mut FieldSpans,
    ) -> bool {
        let parsed = match formats::custom_name(part) {
            Some(rest) => formats::parse_custom(rest).map(|name| (None, Some(name))),
            None => formats::parse(part).map(|format| (Some(format), None)),
        };
        match parsed {
            Ok((format, custom_format)) => {
                spans.format = span;
                if field.format.is_some() || field.custom_format.is_some() {
                    self.error(
                        span,
                        "two formats",
                        Some("a field has at most one format".into()),
                    );
                    return false;
                }
                field.format = format;
                field.custom_format = custom_format;
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

/// The parts whose value is a JSON string.
#[derive(Clone, Copy)]
enum Quoted {
    Pattern,
    Forbidden,
}

impl Quoted {
    fn name(self) -> &'static str {
        match self {
            Quoted::Pattern => "pattern",
            Quoted::Forbidden => "forbidden",
        }
    }
}

/// The quoted part `part` starts with (its first word, any case), if any.
fn quoted_keyword(part: &str) -> Option<Quoted> {
    let word = part.split(|c: char| c.is_whitespace() || c == '"').next()?;
    [Quoted::Pattern, Quoted::Forbidden]
        .into_iter()
        .find(|keyword| keyword.name().eq_ignore_ascii_case(word))
}
