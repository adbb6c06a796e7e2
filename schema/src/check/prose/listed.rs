//! The second stage's part of rules in prose: a list of values ("Valid values are: S, F, U")
//! in the Description of a field whose type is a named item must be the values of that enum,
//! which only the whole module knows.

use super::same_values;
use crate::check::Draft;
use crate::check::module::ModuleChecker;
use crate::model::{ItemKind, Module};

impl ModuleChecker<'_> {
    /// Every list of values read from a Description for a field of a named type: the type is
    /// an enum, and its values are the listed ones (in any order).
    pub(in crate::check) fn listed_values(&mut self, drafts: &[Draft], module: &Module) {
        for draft in drafts {
            let Some(object) = draft.item.kind.object() else {
                continue;
            };
            for (field, spans) in object.fields.iter().zip(&draft.fields) {
                let (Some(listed), Some(name), true) =
                    (&spans.listed, field.ty.named(), spans.clean)
                else {
                    continue;
                };
                let Some(item) = module.item(name) else {
                    continue;
                };
                let quoted = |values: &mut dyn Iterator<Item = &str>| {
                    values
                        .map(|v| format!("`{v}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let (message, note) = match &item.kind {
                    ItemKind::Enum(enumeration) => {
                        let values: Vec<String> =
                            enumeration.values.iter().map(|v| v.value.clone()).collect();
                        if same_values(&values, &listed.values) {
                            continue;
                        }
                        (
                            format!(
                                "the Description lists {}, not the values of `{name}`",
                                quoted(&mut listed.values.iter().map(String::as_str))
                            ),
                            format!(
                                "the Type cell names `{name}`, whose values are {}",
                                quoted(&mut values.iter().map(String::as_str))
                            ),
                        )
                    }
                    ItemKind::Message(_) | ItemKind::Struct(_) => (
                        format!("the Description lists values, but `{name}` is an object"),
                        format!("the Type cell names `{name}`"),
                    ),
                };
                self.error_notes(
                    draft.file,
                    listed.span,
                    message,
                    vec![(spans.type_name, note)],
                    Some("make the list and the type agree".into()),
                );
            }
        }
    }
}
