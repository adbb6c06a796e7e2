//! The groups of a message or struct (`Exactly one of: priceId, referenceGoodsId`): each member
//! is a field of the item's table that is not mandatory, listed once, and a group has at least
//! two members (docs/SEMANTICS.md §6.5).

use crate::diagnostics::Span;
use crate::model::{Field, Group, Requirement};
use crate::read::directives::capitalized;
use crate::read::syntax::GroupSyntax;
use crate::suggest;

/// One diagnostic of a group: where, what, and the help line.
pub(super) type GroupError = (Span, String, Option<String>);

/// The groups written `syntax`, read against the fields of item `item`; every misuse is pushed
/// to `errors`, and a group with one is left out.
pub(super) fn groups(
    item: &str,
    syntax: &[GroupSyntax],
    fields: &[Field],
    errors: &mut Vec<GroupError>,
) -> Vec<Group> {
    let mut out = Vec::new();
    for group in syntax {
        let before = errors.len();
        let phrase = capitalized(group.kind.phrase());
        let mut members: Vec<String> = Vec::new();
        for (member, span) in &group.members {
            if members.contains(member) {
                errors.push((
                    *span,
                    format!("`{member}` is listed twice in this group"),
                    Some("list each member once".into()),
                ));
                continue;
            }
            members.push(member.clone());
            match fields.iter().find(|f| f.ident == *member) {
                None => {
                    let help = suggest::help(member, fields.iter().map(|f| f.ident.as_str()))
                        .unwrap_or_else(|| {
                            "the members of a group are fields of the item's table".into()
                        });
                    errors.push((
                        *span,
                        format!("`{member}` is not a field of `{item}`"),
                        Some(help),
                    ));
                }
                Some(field) if field.requirement == Requirement::Mandatory => {
                    errors.push((
                        *span,
                        format!("`{member}` is mandatory: it cannot be a member of a group"),
                        Some(format!(
                            "a group counts fields that may be absent; make `{member}` optional (`O`) or conditional, or leave it out of `{phrase}:`"
                        )),
                    ));
                }
                Some(_) => {}
            }
        }
        if group.members.len() < 2 {
            errors.push((
                group.span,
                format!("`{phrase}:` with one member"),
                Some(
                    "a group needs two members or more; for one field, say it in its Request cell (`M`, `O`, `C: …`)"
                        .into(),
                ),
            ));
        }
        if errors.len() == before {
            out.push(Group {
                kind: group.kind,
                members,
            });
        }
    }
    out
}
