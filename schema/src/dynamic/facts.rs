//! What the conditions of an object's fields read in a parsed document (docs/SEMANTICS.md §3).

use std::borrow::Cow;

use fieldtab_runtime::plan::{Fact, FactPath, Facts};
use fieldtab_runtime::{is_json_integer, is_json_number};

use super::Json;
use crate::model::{Field, Module, Object, Type};

/// The facts of one object of the document: its members, and (for `super.` paths) the facts
/// of the object that holds it, directly or through an array (`None` for the document).
pub(super) struct ObjectFacts<'a, 'j> {
    pub(super) members: &'a [(Cow<'j, str>, Json<'j>)],
    /// The object of the model the members are of: a path ends at one of its fields (or of
    /// the objects below), whose type says how it reads a value of another kind it accepts.
    pub(super) object: &'a Object,
    pub(super) module: &'a Module,
    pub(super) parent: Option<&'a ObjectFacts<'a, 'j>>,
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
        let Some((last, through)) = path.steps.split_last() else {
            return Fact::Absent;
        };
        let module = object.module;
        let mut model = Some(object.object);
        let mut members = object.members;
        for step in through {
            match first(members, step) {
                Some(Json::Object(inner)) => members = inner,
                _ => return Fact::Absent,
            }
            model = model
                .and_then(|o| field(o, step))
                .and_then(|f| f.ty.named())
                .and_then(|name| module.item(name))
                .and_then(|item| item.kind.object());
        }
        let field = model.and_then(|o| field(o, last));
        match first(members, last) {
            None | Some(Json::Null) => Fact::Absent,
            Some(value) => read(field, value),
        }
    }
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

/// The value of the first occurrence of `key` among `members`.
fn first<'a, 'j>(members: &'a [(Cow<'j, str>, Json<'j>)], key: &str) -> Option<&'a Json<'j>> {
    members
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, value)| value)
}
