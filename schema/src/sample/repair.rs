//! Settling a generated message: the dynamic validator judges the whole message, and each
//! violation it reports is answered where it points — a field a condition makes required is
//! added, a value a conditional format or an amount's currency rejects is replaced by another
//! candidate, a group is met. The generator never evaluates a condition itself: the runtime's
//! verdict is the only one.

use serde_json::{Map, Value};

use fieldtab_runtime::{Report, Rule, Violation};

use super::Sampler;
use super::rng::Rng;
use crate::model::{Field, Object, Type};

/// How many rounds of answers a message gets before the generator starts again from another
/// draw.
const MAX_ROUNDS: usize = 12;

/// Where a JSON Pointer leads in the model.
#[derive(Clone, Copy, Debug)]
pub(super) enum Site<'m> {
    /// An object of a message or struct (the document, a field's object, an element's).
    Object(&'m Object),
    /// A value of `field`, of type `ty` (the field's own type, or an element type), `owner`
    /// the object whose member it is when it is the field's value itself.
    Value {
        /// The field.
        field: &'m Field,
        /// The type of the value.
        ty: &'m Type,
        /// The object the field belongs to, for the field's own value.
        owner: Option<&'m Object>,
    },
}

impl<'m> Sampler<'m> {
    /// The model at the JSON Pointer `pointer` of a message of this sampler's object.
    pub(super) fn site(&self, pointer: &str) -> Option<Site<'m>> {
        let mut site = Site::Object(self.object);
        for token in tokens(pointer)? {
            site = match site {
                Site::Object(object) => {
                    let field = object.fields.iter().find(|f| f.ident == token)?;
                    Site::Value {
                        field,
                        ty: &field.ty,
                        owner: Some(object),
                    }
                }
                Site::Value { field, ty, .. } => match ty {
                    Type::Array(element) | Type::Map(element) => Site::Value {
                        field,
                        ty: element,
                        owner: None,
                    },
                    Type::Named(name) => {
                        let object = self.module.item(name)?.kind.object()?;
                        let field = object.fields.iter().find(|f| f.ident == token)?;
                        Site::Value {
                            field,
                            ty: &field.ty,
                            owner: Some(object),
                        }
                    }
                    _ => return None,
                },
            };
        }
        Some(match site {
            Site::Value { field, ty, owner } => match ty {
                Type::Named(name) => match self.module.item(name).and_then(|i| i.kind.object()) {
                    Some(object) => Site::Object(object),
                    None => Site::Value { field, ty, owner },
                },
                _ => site,
            },
            site => site,
        })
    }

    /// The dynamic validator's verdict on `message`.
    pub(super) fn judge(&self, message: &Value) -> Result<(), Report> {
        let bytes = serde_json::to_vec(message).unwrap_or_default();
        self.validator.validate(&bytes, false)
    }

    /// Answers the violations of `message` until the validator accepts it, for a few rounds;
    /// the last report if it still does not.
    pub(super) fn settle(&self, message: &mut Value, rng: &mut Rng) -> Result<(), Report> {
        for _ in 0..MAX_ROUNDS {
            let report = match self.judge(message) {
                Ok(()) => return Ok(()),
                Err(report) => report,
            };
            let mut changed = false;
            // One answer per place a round: a later violation may be gone once the first is
            // answered.
            let mut answered: Vec<&str> = Vec::new();
            for violation in report.iter() {
                let below = |p: &&str| {
                    violation.path == *p
                        || violation
                            .path
                            .strip_prefix(*p)
                            .is_some_and(|rest| rest.starts_with('/'))
                };
                if answered.iter().any(below) {
                    continue;
                }
                if self.answer(message, violation, rng) {
                    changed = true;
                    answered.push(&violation.path);
                }
            }
            if !changed {
                return Err(report);
            }
        }
        self.judge(message)
    }

    /// Answers one violation; whether `message` changed.
    fn answer(&self, message: &mut Value, violation: &Violation, rng: &mut Rng) -> bool {
        let path = violation.path.as_str();
        match violation.rule {
            Rule::UnknownField | Rule::Syntax => remove(message, path),
            Rule::Group => {
                let Some(Site::Object(object)) = self.site(path) else {
                    return false;
                };
                match message.pointer_mut(path) {
                    Some(Value::Object(members)) => {
                        let before = members.clone();
                        self.shake_groups(object, members, rng, depth(path));
                        *members != before
                    }
                    _ => false,
                }
            }
            // A field's own value: drawn again (a required one is added).
            _ if self.field_at(path).is_some() && !self.is_scalar_at(path) => {
                let Some(field) = self.field_at(path) else {
                    return false;
                };
                let value = self.value(field, &field.ty, rng, depth(path));
                set(message, path, value)
            }
            Rule::Required => match self.field_at(path) {
                Some(field) => {
                    let value = self.value(field, &field.ty, rng, depth(path));
                    set(message, path, value)
                }
                None => false,
            },
            _ => match self.site(path) {
                Some(Site::Value { field, ty, .. }) => self.replace(message, path, field, ty, rng),
                _ => false,
            },
        }
    }

    /// Whether the value at `pointer` is a string, number, Boolean or enum value (one that
    /// [`Sampler::replace`] draws from candidates).
    fn is_scalar_at(&self, pointer: &str) -> bool {
        match self.site(pointer) {
            Some(Site::Value { ty, .. }) => {
                !ty.is_collection()
                    && !matches!(ty, Type::Object)
                    && ty
                        .named()
                        .is_none_or(|n| self.module.enum_named(n).is_some())
            }
            _ => false,
        }
    }

    /// The field whose own value is at `pointer`, if the pointer ends at a field.
    fn field_at(&self, pointer: &str) -> Option<&'m Field> {
        let (parent, key) = split(pointer)?;
        match self.site(parent)? {
            Site::Object(object) => object.fields.iter().find(|f| f.ident == key),
            Site::Value { .. } => None,
        }
    }

    /// Replaces the value at `pointer` by the first other candidate of the field under which
    /// the validator reports nothing there any more; whether one was found.
    fn replace(
        &self,
        message: &mut Value,
        pointer: &str,
        field: &Field,
        ty: &Type,
        rng: &mut Rng,
    ) -> bool {
        let Some(old) = message.pointer(pointer).cloned() else {
            return false;
        };
        if !self.is_scalar_at(pointer) {
            let value = self.value(field, ty, rng, depth(pointer));
            return set(message, pointer, value);
        }
        for candidate in self.scalars(field, ty, rng) {
            if candidate == old {
                continue;
            }
            set(message, pointer, candidate);
            let clean = match self.judge(message) {
                Ok(()) => true,
                Err(report) => !report.iter().any(|v| v.path == pointer),
            };
            if clean {
                return true;
            }
        }
        set(message, pointer, old);
        false
    }

    /// Draws the members of each group of `object` in `members` again (a group another group
    /// or a condition keeps breaking gets another draw each round).
    fn shake_groups(
        &self,
        object: &Object,
        members: &mut Map<String, Value>,
        rng: &mut Rng,
        depth: usize,
    ) {
        for group in &object.groups {
            if rng.chance(50) {
                for member in &group.members {
                    members.remove(member);
                }
            }
        }
        self.meet_groups(object, members, rng, depth);
    }
}

/// The unescaped reference tokens of a JSON Pointer (`/a~1b/0` -> `a/b`, `0`); `None` for a
/// text that is not one.
pub(super) fn tokens(pointer: &str) -> Option<Vec<String>> {
    if pointer.is_empty() {
        return Some(Vec::new());
    }
    let rest = pointer.strip_prefix('/')?;
    Some(
        rest.split('/')
            .map(|t| t.replace("~1", "/").replace("~0", "~"))
            .collect(),
    )
}

/// The pointer of the parent and the unescaped last token.
pub(super) fn split(pointer: &str) -> Option<(&str, String)> {
    let at = pointer.rfind('/')?;
    let last = tokens(&pointer[at..])?.pop()?;
    Some((&pointer[..at], last))
}

/// How many objects and collections deep `pointer` is.
pub(super) fn depth(pointer: &str) -> usize {
    pointer.matches('/').count()
}

/// Sets the value at `pointer`, adding the member if its object lacks it; whether the parent
/// was found.
pub(super) fn set(message: &mut Value, pointer: &str, value: Value) -> bool {
    if pointer.is_empty() {
        *message = value;
        return true;
    }
    let Some((parent, key)) = split(pointer) else {
        return false;
    };
    match message.pointer_mut(parent) {
        Some(Value::Object(members)) => {
            members.insert(key, value);
            true
        }
        Some(Value::Array(items)) => match key.parse::<usize>().ok().and_then(|i| items.get_mut(i))
        {
            Some(slot) => {
                *slot = value;
                true
            }
            None => false,
        },
        _ => false,
    }
}

/// Removes the member at `pointer`; whether it was there.
pub(super) fn remove(message: &mut Value, pointer: &str) -> bool {
    let Some((parent, key)) = split(pointer) else {
        return false;
    };
    match message.pointer_mut(parent) {
        Some(Value::Object(members)) => members.remove(&key).is_some(),
        _ => false,
    }
}
