//! The module-wide checks of conditional formats (`Field::format_when`): each condition names
//! another field of the same table, of a string type (a type code, `String` or an enum), and
//! its values are values that sibling can hold. The same rules as the conditions of
//! conditional requirements, worded for formats. A submodule of [`super`], so it shares the
//! checker's context.

use super::Cx;
use crate::check::file::Draft;
use crate::model::Module;

impl Cx<'_> {
    /// Reports every conditional format whose condition names no sibling, the field itself, a
    /// sibling that is not a string, or a value the sibling can never hold: the checks of the
    /// conditions of conditional requirements ([`Cx::condition`]), worded for formats.
    pub(super) fn format_conditions(&mut self, drafts: &[Draft], module: &Module) {
        for draft in drafts {
            let Some(object) = draft.item.kind.object() else {
                continue;
            };
            for (field, spans) in object.fields.iter().zip(&draft.fields) {
                for (conditional, (sibling_span, value_spans)) in
                    field.format_when.iter().zip(&spans.format_when)
                {
                    let at = (*sibling_span, &value_spans[..]);
                    self.condition(
                        module,
                        draft,
                        field,
                        &conditional.when,
                        at,
                        "format condition",
                    );
                }
            }
        }
    }
}
