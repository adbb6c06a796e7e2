//! The rules that fixed values, examples and condition values are checked against: the
//! contract's validation semantics over a `serde_json::Value`, each rule a call to the runtime
//! (`check_length`, `check_charset`, `check_const`, `Format::check`), so a schema's examples
//! pass exactly when generated code would accept them.

use std::collections::HashMap;

use fieldtab_runtime::{JsonKind, LengthUnit, RuleError, check_charset, check_const, check_length};
use serde_json::Value;

use super::object_of;
use crate::check::Draft;
use crate::model::{Field, Item, ItemKind, Object, Requirement, Type};

/// The validation rules applied to fixed values and examples: the contract's semantics, over
/// `serde_json::Value`, calling the runtime's rule functions.
pub(super) struct Rules<'a> {
    pub(super) names: &'a HashMap<String, usize>,
    pub(super) drafts: &'a [Draft],
}

impl Rules<'_> {
    fn item(&self, name: &str) -> Option<&Item> {
        self.names.get(name).map(|&i| &self.drafts[i].item)
    }

    pub(super) fn is_string(&self, ty: &Type) -> bool {
        match ty {
            Type::Iso(_) | Type::String => true,
            Type::Named(name) => {
                matches!(self.item(name).map(|i| &i.kind), Some(ItemKind::Enum(_)))
            }
            _ => false,
        }
    }

    fn push(out: &mut Vec<String>, path: &str, error: RuleError) {
        if path.is_empty() {
            out.push(format!("{}: {}", error.rule.as_str(), error.message));
        } else {
            out.push(format!(
                "{path}: {}: {}",
                error.rule.as_str(),
                error.message
            ));
        }
    }

    /// One value of type `ty`; `own` says whether `field`'s length, format and fixed value
    /// apply (they do to the field's value, not to the elements of an array field).
    pub(super) fn value(
        &self,
        field: &Field,
        ty: &Type,
        own: bool,
        value: &Value,
        path: &str,
        out: &mut Vec<String>,
    ) {
        let found = JsonKind::of(value);
        let expected = match ty {
            Type::Iso(_) | Type::String => JsonKind::String,
            Type::Integer => JsonKind::Integer,
            Type::Boolean => JsonKind::Bool,
            Type::Array(_) => JsonKind::Array,
            Type::Named(name) => match self.item(name).map(|i| &i.kind) {
                Some(ItemKind::Enum(_)) => JsonKind::String,
                Some(_) => JsonKind::Object,
                None => return,
            },
        };
        // An `Integer` is a JSON number that is an integer in i64 range.
        let fits = match expected {
            JsonKind::Integer => value.as_i64().is_some(),
            _ => found == expected,
        };
        if !fits {
            Self::push(out, path, RuleError::wrong_type(expected, found));
            return;
        }
        match (ty, value) {
            (_, Value::String(s)) => self.string(field, ty, own, s, true, path, out),
            (Type::Array(inner), Value::Array(elements)) => {
                for (i, element) in elements.iter().enumerate() {
                    self.value(field, inner, false, element, &format!("{path}/{i}"), out);
                }
            }
            (Type::Named(name), Value::Object(_)) => {
                if let Some(object) = self.item(name).and_then(object_of) {
                    self.object(object, value, path, out);
                }
            }
            _ => {}
        }
    }

    /// The rules of a string value, in the contract's order: length, charset, const, format
    /// (skipped when the charset failed), enum.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn string(
        &self,
        field: &Field,
        ty: &Type,
        own: bool,
        s: &str,
        with_const: bool,
        path: &str,
        out: &mut Vec<String>,
    ) {
        let mut charset_ok = true;
        if own && let Some(length) = &field.length {
            let unit = match ty {
                Type::Iso(_) => LengthUnit::Bytes,
                _ => LengthUnit::Chars,
            };
            if let Err(e) = check_length(s, unit, length.min, length.max) {
                Self::push(out, path, e);
            }
        }
        if let Type::Iso(cs) = ty
            && let Err(e) = check_charset(s, *cs)
        {
            charset_ok = false;
            Self::push(out, path, e);
        }
        if own
            && with_const
            && let Some(fixed) = &field.fixed
            && let Err(e) = check_const(s, fixed)
        {
            Self::push(out, path, e);
        }
        if own
            && charset_ok
            && let Some(format) = &field.format
            && let Err(e) = format.check(s)
        {
            Self::push(out, path, e);
        }
        if let Type::Named(name) = ty
            && let Some(ItemKind::Enum(e)) = self.item(name).map(|i| &i.kind)
            && !e.open
            && !e.values.iter().any(|v| v.value == s)
        {
            let allowed: Vec<&str> = e.values.iter().map(|v| v.value.as_str()).collect();
            Self::push(out, path, RuleError::not_in_enum(&allowed));
        }
    }

    fn object(&self, object: &Object, value: &Value, path: &str, out: &mut Vec<String>) {
        let Value::Object(map) = value else { return };
        for field in &object.fields {
            let child_path = format!("{path}/{}", field.ident);
            let required = match &field.requirement {
                Requirement::Mandatory => true,
                Requirement::Optional => false,
                Requirement::Conditional(c) => map
                    .get(&c.sibling)
                    .and_then(Value::as_str)
                    .is_some_and(|s| c.values.iter().any(|v| v == s)),
            };
            match map.get(&field.ident) {
                None | Some(Value::Null) => {
                    if required {
                        Self::push(out, &child_path, RuleError::required());
                    }
                }
                Some(Value::String(s)) if s.is_empty() && required && self.is_string(&field.ty) => {
                    Self::push(out, &child_path, RuleError::empty());
                }
                Some(child) => self.value(field, &field.ty, true, child, &child_path, out),
            }
        }
        if object.deny_unknown {
            for key in map.keys() {
                if !object.fields.iter().any(|f| &f.ident == key) {
                    Self::push(out, &format!("{path}/{key}"), RuleError::unknown_field());
                }
            }
        }
    }
}
