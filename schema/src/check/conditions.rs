//! Conditions on a sibling field (`C: type = GIFT`, `URL if type = URL`), from their text to
//! their meaning, for conditional requirements and conditional formats alike: the first stage
//! reads one from its cell ([`FileChecker::parse_condition`]), the second verifies it against
//! the table ([`ModuleChecker::conditions`]): it names another field of the same table, of a
//! string type (a type code, `String` or an enum), and values that sibling can hold.

use std::borrow::Cow;

use super::file::FileChecker;
use super::module::{ModuleChecker, breaks};
use super::{ConditionSpans, Draft};
use crate::dynamic::Json;
use crate::model::{Condition, Field, ItemKind, Module, Requirement, Type};
use crate::read::lexer::Cell;
use crate::suggest;

impl FileChecker<'_> {
    /// Reads the condition `sibling = V` or `sibling in (V1, V2)` of a conditional requirement
    /// (`lead` = `C:`) or a conditional format (`lead` = `FORMAT if`), with the spans of the
    /// sibling and of each value; every malformed part reported.
    pub(super) fn parse_condition(
        &mut self,
        cell: &Cell,
        condition: &str,
        lead: &str,
    ) -> Option<(Condition, ConditionSpans)> {
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
            ConditionSpans {
                sibling: sibling_span,
                values: value_spans,
            },
        ))
    }
}

impl ModuleChecker<'_> {
    /// Every condition of every field, of its conditional requirement and of its conditional
    /// formats alike, names another field of the same table, of a string type, and values
    /// that sibling can hold.
    pub(super) fn conditions(&mut self, drafts: &[Draft], module: &Module) {
        for draft in drafts {
            let Some(object) = draft.item.kind.object() else {
                continue;
            };
            for (field, spans) in object.fields.iter().zip(&draft.fields) {
                if let Requirement::Conditional(condition) = &field.requirement {
                    let at = &spans.condition;
                    self.verify_condition(module, draft, field, condition, at, "condition");
                }
                for (conditional, at) in field.format_when.iter().zip(&spans.format_when) {
                    let when = &conditional.when;
                    self.verify_condition(module, draft, field, when, at, "format condition");
                }
            }
        }
    }

    /// One condition of `field` (`what`: of a conditional requirement, `condition`, or of a
    /// conditional format, `format condition`), its sibling's and values' spans `at`: it names
    /// another field of the same table, of a string type, and values that sibling can hold (of
    /// a closed enum: its values; of a string: values that obey the sibling's own rules).
    fn verify_condition(
        &mut self,
        module: &Module,
        draft: &Draft,
        field: &Field,
        condition: &Condition,
        at: &ConditionSpans,
        what: &str,
    ) {
        let (sibling_span, value_spans) = (at.sibling, &at.values);
        let Some(object) = draft.item.kind.object() else {
            return;
        };
        if condition.sibling == field.ident {
            self.error(
                draft.file,
                sibling_span,
                format!("the {what} of `{}` names the field itself", field.ident),
                Some("a condition names another field of the same table".into()),
            );
            return;
        }
        let Some((sibling, sibling_spans)) = object
            .fields
            .iter()
            .zip(&draft.fields)
            .find(|(f, _)| f.ident == condition.sibling)
        else {
            let help = suggest::help(
                &condition.sibling,
                object.fields.iter().map(|f| f.ident.as_str()),
            )
            .unwrap_or_else(|| "a condition names another field of the same table".into());
            self.error(
                draft.file,
                sibling_span,
                format!(
                    "the {what} names `{}`, which is not a field of `{}`",
                    condition.sibling, draft.item.name
                ),
                Some(help),
            );
            return;
        };
        if !sibling_spans.clean {
            return;
        }
        match &sibling.ty {
            // A value the sibling can never hold makes the condition dead: say so.
            Type::Iso(_) | Type::String => {
                for (value, span) in condition.values.iter().zip(value_spans) {
                    let json = Json::Str(Cow::Borrowed(value));
                    if let Some(found) = breaks(module, sibling, &json) {
                        self.error(
                            draft.file,
                            *span,
                            format!(
                                "`{value}` can never be the value of `{}`: {found}",
                                sibling.ident
                            ),
                            None,
                        );
                    }
                }
            }
            Type::Named(name) => match module.item(name).map(|item| &item.kind) {
                Some(ItemKind::Enum(e)) => {
                    let allowed: Vec<&str> = e.values.iter().map(|v| v.value.as_str()).collect();
                    for (value, span) in condition.values.iter().zip(value_spans) {
                        if e.accepts(value) {
                            continue;
                        }
                        let help = suggest::help(value, allowed.iter().copied()).unwrap_or_else(|| {
                            format!("`{name}` has the values {}", allowed.join(", "))
                        });
                        self.error(
                            draft.file,
                            *span,
                            format!(
                                "`{value}` is not a value of `{name}`, the type of `{}`",
                                sibling.ident
                            ),
                            Some(help),
                        );
                    }
                }
                Some(_) => self.error(
                    draft.file,
                    sibling_span,
                    format!(
                        "the {what} names `{}`, of type `{name}` (an object); conditions compare string values",
                        sibling.ident
                    ),
                    None,
                ),
                None => {}
            },
            other => self.error(
                draft.file,
                sibling_span,
                format!(
                    "the {what} names `{}`, of type `{}`; conditions compare string values",
                    sibling.ident,
                    other
                ),
                None,
            ),
        }
    }
}

/// `sibling in (list)`: splits at the word `in`.
fn split_in(condition: &str) -> Option<(&str, &str)> {
    let lower = condition.to_ascii_lowercase();
    let at = lower.find(" in ").or_else(|| lower.find(" in("))?;
    Some((&condition[..at], &condition[at + 3..]))
}
