//! The module-wide checks of conditional formats (`Field::format_when`): each condition names
//! another field of the same table, of a string type (a type code, `String` or an enum), and
//! its values are values that sibling can hold. The same rules as the conditions of
//! conditional requirements, worded for formats. A submodule of [`super`], so it shares the
//! checker's context.

use super::{Cx, object_of};
use crate::check::{Draft, type_name};
use crate::diagnostics::suggest;
use crate::model::{ItemKind, Type};

impl Cx<'_> {
    /// Reports every conditional format whose condition names no sibling, the field itself, a
    /// sibling that is not a string, or a value the sibling can never hold.
    pub(super) fn format_conditions(&mut self, drafts: &[Draft]) {
        for draft in drafts {
            let Some(object) = object_of(&draft.item) else {
                continue;
            };
            for (field, spans) in object.fields.iter().zip(&draft.fields) {
                for (conditional, (sibling_span, value_spans)) in
                    field.format_when.iter().zip(&spans.format_when)
                {
                    let condition = &conditional.when;
                    if condition.sibling == field.ident {
                        self.error(
                            draft.file,
                            *sibling_span,
                            format!(
                                "the format condition of `{}` names the field itself",
                                field.ident
                            ),
                            Some("a condition names another field of the same table".into()),
                        );
                        continue;
                    }
                    let Some((sibling, sibling_spans)) = object
                        .fields
                        .iter()
                        .zip(&draft.fields)
                        .find(|(f, _)| f.ident == condition.sibling)
                    else {
                        let help = suggest(
                            &condition.sibling,
                            object.fields.iter().map(|f| f.ident.as_str()),
                        )
                        .unwrap_or_else(|| {
                            "a condition names another field of the same table".into()
                        });
                        self.error(
                            draft.file,
                            *sibling_span,
                            format!(
                                "the format condition names `{}`, which is not a field of `{}`",
                                condition.sibling, draft.item.name
                            ),
                            Some(help),
                        );
                        continue;
                    };
                    if !sibling_spans.sound {
                        continue;
                    }
                    match &sibling.ty {
                        Type::Iso(_) | Type::String => {
                            // A value the sibling can never hold makes the condition dead.
                            let Some(rules) = sibling.str_rules() else {
                                continue;
                            };
                            for (value, span) in condition.values.iter().zip(value_spans) {
                                if !rules.is_valid(value, true) {
                                    self.error(
                                        draft.file,
                                        *span,
                                        format!(
                                            "`{value}` can never be the value of `{}`: it breaks the field's own rules",
                                            sibling.ident
                                        ),
                                        None,
                                    );
                                }
                            }
                        }
                        Type::Named(name) => {
                            let target = self.names.get(name).map(|&i| &drafts[i].item.kind);
                            match target {
                                Some(ItemKind::Enum(e)) if !e.open => {
                                    let allowed: Vec<&str> =
                                        e.values.iter().map(|v| v.value.as_str()).collect();
                                    for (value, span) in condition.values.iter().zip(value_spans)
                                    {
                                        if !allowed.contains(&value.as_str()) {
                                            let help = suggest(value, allowed.iter().copied())
                                                .unwrap_or_else(|| {
                                                    format!(
                                                        "`{name}` has the values {}",
                                                        allowed.join(", ")
                                                    )
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
                                }
                                Some(ItemKind::Enum(_)) | None => {}
                                Some(_) => self.error(
                                    draft.file,
                                    *sibling_span,
                                    format!(
                                        "the format condition names `{}`, of type `{name}` (an object); conditions compare string values",
                                        sibling.ident
                                    ),
                                    None,
                                ),
                            }
                        }
                        other => self.error(
                            draft.file,
                            *sibling_span,
                            format!(
                                "the format condition names `{}`, of type `{}`; conditions compare string values",
                                sibling.ident,
                                type_name(other)
                            ),
                            None,
                        ),
                    }
                }
            }
        }
    }
}
