//! What the conditions of an object's fields read in a document (docs/SEMANTICS.md §3).

use std::cell::OnceCell;

use fieldtab_runtime::plan::{Fact, FactPath, Facts};
use fieldtab_runtime::{is_json_integer, is_json_number};

use super::json::{Json, Members};
use crate::model::{Field, Module, Object, Type};

/// The facts of one object of the document: the first occurrence of each of its fields, its
/// members, and (for `super.` paths) the facts of the object that holds it, directly or
/// through an array (`None` for the document).
pub(super) struct ObjectFacts<'a, 'j> {
    /// The first occurrence of each field of `object`, in table order.
    pub(super) slots: &'a [Option<Json<'j>>],
    pub(super) members: Members<'j>,
    /// The object of the model the members are of: a path ends at one of its fields (or of
    /// the objects below), whose type says how it reads a value of another kind it accepts.
    pub(super) object: &'a Object,
    pub(super) module: &'a Module,
    pub(super) parent: Option<&'a ObjectFacts<'a, 'j>>,
    /// The values that paths of more than one step found below this object.
    pub(super) below: &'a Below<'j>,
}

/// The values found below an object at the end of paths of more than one step, each looked up
/// once: the objects they go through are read on demand, and reading one again for every
/// element of a long array that asks would be quadratic. An append-only list (a path of the
/// schema is one entry), so a value found stays where the condition reading it can borrow it.
#[derive(Default)]
pub(super) struct Below<'j> {
    first: OnceCell<Box<Found<'j>>>,
}

struct Found<'j> {
    steps: Vec<String>,
    value: Option<Json<'j>>,
    next: OnceCell<Box<Found<'j>>>,
}

impl<'j> Below<'j> {
    /// The value at the end of `steps`, `from` being the value of the first step (the steps
    /// after it are followed from there), looked up once.
    fn get<'a>(&'a self, steps: &[&str], from: Option<Json<'j>>) -> Option<&'a Json<'j>> {
        let mut cell = &self.first;
        loop {
            let found = cell.get_or_init(|| {
                Box::new(Found {
                    steps: steps.iter().map(|s| s.to_string()).collect(),
                    value: follow(from.clone(), &steps[1..]),
                    next: OnceCell::new(),
                })
            });
            if found
                .steps
                .iter()
                .map(String::as_str)
                .eq(steps.iter().copied())
            {
                return found.value.as_ref();
            }
            cell = &found.next;
        }
    }
}

/// The value `steps` lead to from `value`: each step the first occurrence of its key in an
/// object; nothing through a value that is absent, `null` or not an object.
fn follow<'j>(mut value: Option<Json<'j>>, steps: &[&str]) -> Option<Json<'j>> {
    for step in steps {
        match value {
            Some(Json::Object(members)) => value = members.first(step),
            _ => return None,
        }
    }
    value
}

impl<'a> Facts<'a> for ObjectFacts<'a, '_> {
    /// Up `path.up` objects (none above the document: absent), then each step reads the first
    /// occurrence of its key; a step through an absent, `null` or non-object value is absent.
    fn fact(&self, path: &FactPath<'_>) -> Fact<'a> {
        let mut object = self;
        for _ in 0..path.up {
            match object.parent {
                Some(parent) => object = parent,
                None => return Fact::Absent,
            }
        }
        let (Some((&head, tail)), Some(&last)) = (path.steps.split_first(), path.steps.last())
        else {
            return Fact::Absent;
        };
        let module = object.module;
        let mut model = Some(object.object);
        for step in &path.steps[..path.steps.len() - 1] {
            model = model
                .and_then(|o| field(o, step))
                .and_then(|f| f.ty.named())
                .and_then(|name| module.item(name))
                .and_then(|item| item.kind.object());
        }
        let field = model.and_then(|o| field(o, last));
        let slot = field_index(object.object, head).and_then(|at| object.slots.get(at));
        let value = match (slot, tail.is_empty()) {
            (Some(slot), true) => slot.as_ref(),
            // Paths of more than one step (and, though the checker lets none through, a first
            // step that is not a field) are looked up once and kept.
            (Some(slot), false) => object.below.get(path.steps, slot.clone()),
            (None, _) => object.below.get(path.steps, object.members.first(head)),
        };
        match value {
            None | Some(Json::Null) => Fact::Absent,
            Some(value) => read(field, value),
        }
    }
}

fn field_index(object: &Object, ident: &str) -> Option<usize> {
    object.fields.iter().position(|f| f.ident == ident)
}

/// What a condition finds in `value`, a present value of `field` (docs/SEMANTICS.md §3.3):
/// the value as the field reads it, a kind it accepts besides its own included
/// (§2.9: `"20"` in an `Integer` field that accepts strings is the integer 20, `20` in a
/// string field that accepts numbers the string `"20"`).
fn read<'a>(field: Option<&Field>, value: &'a Json<'_>) -> Fact<'a> {
    let accepts = field.map(|f| f.accepts).unwrap_or_default();
    let ty = field.map(|f| &f.ty);
    let integer = |text: &str| match is_json_integer(text) {
        true => text.parse().map_or(Fact::Other, Fact::Int),
        false => Fact::Other,
    };
    match (ty, value) {
        (Some(Type::Iso(_) | Type::String), Json::Number(text)) if accepts.number => {
            Fact::Str(text)
        }
        (Some(Type::Iso(_) | Type::String), Json::Bool(b)) if accepts.boolean => {
            Fact::Str(if *b { "true" } else { "false" })
        }
        (Some(Type::Integer), Json::Str(text)) if accepts.string && is_json_number(text) => {
            integer(text)
        }
        (Some(Type::Boolean), Json::Str(text)) if accepts.string => match text.as_ref() {
            "true" => Fact::Bool(true),
            "false" => Fact::Bool(false),
            _ => Fact::Other,
        },
        (Some(Type::Integer) | None, Json::Number(text)) => integer(text),
        (_, Json::Str(s)) => Fact::Str(s),
        (_, Json::Bool(b)) => Fact::Bool(*b),
        (_, Json::Number(_) | Json::Array(_) | Json::Object(_) | Json::Null) => Fact::Other,
    }
}

/// The field of `object` named `ident`.
fn field<'o>(object: &'o Object, ident: &str) -> Option<&'o Field> {
    object.fields.iter().find(|f| f.ident == ident)
}
