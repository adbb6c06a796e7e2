//! The walk of two versions of a message along its wire paths: fields added and removed,
//! requirements, types (into structs, enums, arrays and maps), and each field's rules
//! (`rules.rs`).

use super::direction::Direction;
use super::rules::{self, Found};
use super::{Change, Effect, object_of};
use crate::model::{Enum, Field, Group, Module, Object, Requirement, Type};

/// One message's comparison.
pub(crate) struct Walk<'m> {
    old: &'m Module,
    new: &'m Module,
    item: &'m str,
    direction: Direction,
    /// The pairs of structs (old name, new name) being compared on the current path: a struct
    /// that holds itself (through an array) is compared once.
    stack: Vec<(String, String)>,
    /// The changes found, in order.
    pub(crate) changes: Vec<Change>,
}

impl<'m> Walk<'m> {
    pub(crate) fn new(
        old: &'m Module,
        new: &'m Module,
        item: &'m str,
        direction: Direction,
    ) -> Walk<'m> {
        Walk {
            old,
            new,
            item,
            direction,
            stack: Vec::new(),
            changes: Vec::new(),
        }
    }

    fn push(&mut self, path: &str, found: Found) {
        let change = self
            .direction
            .change(self.item, path.to_owned(), found.what, found.effect);
        self.changes.push(change);
    }

    /// Two versions of an object at `path`.
    pub(crate) fn object(&mut self, before: &Object, after: &Object, path: &str) {
        for field in &after.fields {
            let at = format!("{path}/{}", field.ident);
            match before.fields.iter().find(|f| f.ident == field.ident) {
                Some(old) => self.field(old, field, &at),
                None => {
                    let found = match &field.requirement {
                        Requirement::Mandatory => {
                            Found::new("new mandatory field", Effect::TIGHTENS)
                        }
                        Requirement::Conditional(when) => Found::new(
                            format!("new conditional field, required when `{when}`"),
                            Effect::TIGHTENS,
                        ),
                        Requirement::Optional => Found::new("new optional field", Effect::NEITHER),
                    };
                    self.push(&at, found);
                }
            }
        }
        for field in &before.fields {
            if after.fields.iter().any(|f| f.ident == field.ident) {
                continue;
            }
            let at = format!("{path}/{}", field.ident);
            let found = match (&field.requirement, after.deny_unknown) {
                (Requirement::Mandatory, _) => Found::new("mandatory field removed", Effect::BOTH),
                (Requirement::Conditional(_), _) => {
                    Found::new("conditional field removed", Effect::BOTH)
                }
                (Requirement::Optional, true) => Found::new(
                    "optional field removed, and unknown fields are denied",
                    Effect::TIGHTENS,
                ),
                (Requirement::Optional, false) => {
                    Found::new("optional field removed", Effect::NEITHER)
                }
            };
            self.push(&at, found);
        }
        match (before.deny_unknown, after.deny_unknown) {
            (false, true) => self.push(
                path,
                Found::new("unknown fields now denied", Effect::TIGHTENS),
            ),
            (true, false) => self.push(
                path,
                Found::new("unknown fields now allowed", Effect::LOOSENS),
            ),
            _ => {}
        }
        for group in after
            .groups
            .iter()
            .filter(|g| !has_group(&before.groups, g))
        {
            self.push(
                path,
                Found::new(
                    format!("group added: {}", group_text(group)),
                    Effect::TIGHTENS,
                ),
            );
        }
        for group in before
            .groups
            .iter()
            .filter(|g| !has_group(&after.groups, g))
        {
            self.push(
                path,
                Found::new(
                    format!("group removed: {}", group_text(group)),
                    Effect::LOOSENS,
                ),
            );
        }
    }

    /// Two versions of a field at `path`.
    fn field(&mut self, before: &Field, after: &Field, path: &str) {
        if let Some(found) = rules::requirement(&before.requirement, &after.requirement) {
            self.push(path, found);
        }
        let typed = self.ty(&before.ty, &after.ty, path);
        if typed {
            for found in rules::field_rules(before, after) {
                self.push(path, found);
            }
        }
    }

    /// Two versions of a type at `path`: the differences of the types and of what they hold;
    /// whether the two are of one kind (so their rules compare).
    fn ty(&mut self, before: &Type, after: &Type, path: &str) -> bool {
        match (before, after) {
            (Type::Array(b), Type::Array(a)) | (Type::Map(b), Type::Map(a)) => {
                self.ty(b, a, &format!("{path}/*"))
            }
            (Type::Named(b), Type::Named(a)) => {
                match (object_of(self.old, b), object_of(self.new, a)) {
                    (Some(old), Some(new)) => {
                        let pair = (b.clone(), a.clone());
                        if !self.stack.contains(&pair) {
                            self.stack.push(pair);
                            self.object(old, new, path);
                            self.stack.pop();
                        }
                        true
                    }
                    (None, None) => {
                        if let (Some(old), Some(new)) =
                            (self.old.enum_named(b), self.new.enum_named(a))
                        {
                            self.enumeration(old, new, path);
                        }
                        true
                    }
                    _ => {
                        self.push(path, type_changed(before, after));
                        false
                    }
                }
            }
            _ if before == after => true,
            _ => match rules::scalar_types(before, after) {
                Some(found) => {
                    self.push(path, found);
                    true
                }
                None => {
                    self.push(path, type_changed(before, after));
                    false
                }
            },
        }
    }

    /// Two versions of an enum, the values of a field at `path`.
    fn enumeration(&mut self, before: &Enum, after: &Enum, path: &str) {
        let has = |e: &Enum, v: &str| e.values.iter().any(|x| x.value == v);
        for value in before.values.iter().filter(|v| !has(after, &v.value)) {
            let effect = if after.open {
                Effect::NEITHER
            } else {
                Effect::TIGHTENS
            };
            self.push(
                path,
                Found::new(format!("enum value `{}` removed", value.value), effect),
            );
        }
        for value in after.values.iter().filter(|v| !has(before, &v.value)) {
            let effect = if before.open {
                Effect::NEITHER
            } else {
                Effect::LOOSENS
            };
            let closed = if after.open { "" } else { " to a closed enum" };
            self.push(
                path,
                Found::new(
                    format!("enum value `{}` added{closed}", value.value),
                    effect,
                ),
            );
        }
        match (before.open, after.open) {
            (true, false) => self.push(path, Found::new("enum now closed", Effect::TIGHTENS)),
            (false, true) => self.push(path, Found::new("enum now open", Effect::LOOSENS)),
            _ => {}
        }
    }
}

/// `type changed from A to B`, which breaks both sides.
fn type_changed(before: &Type, after: &Type) -> Found {
    Found::new(
        format!("type changed from {before} to {after}"),
        Effect::BOTH,
    )
}

/// Whether `groups` has a group of `group`'s kind with its members (in any order).
fn has_group(groups: &[Group], group: &Group) -> bool {
    let mut members = group.members.clone();
    members.sort();
    groups.iter().any(|g| {
        let mut others = g.members.clone();
        others.sort();
        g.kind == group.kind && others == members
    })
}

/// A group as its line writes it, in lower case: `exactly one of: a, b`.
fn group_text(group: &Group) -> String {
    format!("{}: {}", group.kind.phrase(), group.members.join(", "))
}
