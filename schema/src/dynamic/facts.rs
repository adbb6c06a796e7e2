//! What the conditions of an object's fields read in a parsed document (docs/SEMANTICS.md §3).

use std::borrow::Cow;

use fieldtab_runtime::plan::{Fact, FactPath, Facts};

use super::Json;

/// The facts of one object of the document: its members, and (for `super.` paths) the facts
/// of the object that holds it, directly or through an array (`None` for the document).
pub(super) struct ObjectFacts<'a, 'j> {
    pub(super) members: &'a [(Cow<'j, str>, Json<'j>)],
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
        let mut members = object.members;
        for step in through {
            match first(members, step) {
                Some(Json::Object(inner)) => members = inner,
                _ => return Fact::Absent,
            }
        }
        match first(members, last) {
            None | Some(Json::Null) => Fact::Absent,
            Some(Json::Str(s)) => Fact::Str(s),
            Some(Json::Bool(b)) => Fact::Bool(*b),
            Some(Json::Int(i)) => Fact::Int(*i),
            Some(Json::OtherNumber | Json::Array(_) | Json::Object(_)) => Fact::Other,
        }
    }
}

/// The value of the first occurrence of `key` among `members`.
fn first<'a, 'j>(members: &'a [(Cow<'j, str>, Json<'j>)], key: &str) -> Option<&'a Json<'j>> {
    members
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, value)| value)
}
