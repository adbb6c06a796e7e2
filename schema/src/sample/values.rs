//! Valid values of one field, drawn from what the schema and the runtime say about it: the
//! field's fixed value, its Example cells, the values conditions compare it with, the
//! runtime's samples of its format, its enum's values, text of its charset and length. Each
//! candidate is kept only if the runtime's own check of the field accepts it
//! ([`crate::dynamic::check_value`]); what depends on the rest of the message (conditions,
//! groups, an amount's currency) is settled afterwards by `repair.rs`.

use std::borrow::Cow;

use serde_json::{Map, Value};

use fieldtab_runtime::{Charset, Path, Report};

use super::Sampler;
use super::rng::Rng;

use crate::dynamic::{Json, check_value, parse_json};
use crate::model::{Field, GroupKind, ItemKind, Object, Requirement, Type};

/// Below this depth of nested objects, optional fields are left out and collections are
/// empty: a struct that holds itself through an array must end.
const MAX_DEPTH: usize = 6;

/// The longest random text drawn for a field without a smaller maximum length.
const MAX_RANDOM_LEN: usize = 24;

/// Keys of generated maps: ordinary ones and some a JSON Pointer escapes.
const MAP_KEYS: [&str; 6] = ["k1", "a/b", "~x", "é", "key 2", "z9"];

impl Sampler<'_> {
    /// A value of `object`: its mandatory fields, some optional and conditional ones (by the
    /// seed), its groups met as far as its own members go.
    pub(super) fn object_value(&self, object: &Object, rng: &mut Rng, depth: usize) -> Value {
        let mut members = Map::new();
        for field in &object.fields {
            let include = match field.requirement {
                Requirement::Mandatory => true,
                _ if depth >= MAX_DEPTH || self.undrawable(field) => false,
                Requirement::Optional | Requirement::Conditional(_) => rng.chance(50),
            };
            if include {
                members.insert(
                    field.ident.clone(),
                    self.value(field, &field.ty, rng, depth),
                );
            }
        }
        self.meet_groups(object, &mut members, rng, depth);
        Value::Object(members)
    }

    /// Adds or removes members of `members` (an object of `object`) so that each group holds
    /// when counted alone (`repair.rs` settles groups that share members).
    pub(super) fn meet_groups(
        &self,
        object: &Object,
        members: &mut Map<String, Value>,
        rng: &mut Rng,
        depth: usize,
    ) {
        for group in &object.groups {
            let fields: Vec<&Field> = group
                .members
                .iter()
                .filter_map(|m| object.fields.iter().find(|f| f.ident == *m))
                .collect();
            let present: Vec<&Field> = fields
                .iter()
                .copied()
                .filter(|f| members.get(&f.ident).is_some_and(|v| !v.is_null()))
                .collect();
            let keep: Vec<&Field> = match group.kind {
                GroupKind::ExactlyOne | GroupKind::AtMostOne if present.len() > 1 => {
                    vec![present[rng.below(present.len())]]
                }
                GroupKind::ExactlyOne | GroupKind::AtLeastOne if present.is_empty() => {
                    vec![fields[rng.below(fields.len())]]
                }
                GroupKind::AllOrNone if !present.is_empty() && present.len() < fields.len() => {
                    if rng.chance(50) {
                        fields.clone()
                    } else {
                        Vec::new()
                    }
                }
                _ => continue,
            };
            for field in fields {
                let wanted = keep.iter().any(|k| k.ident == field.ident);
                let there = members.get(&field.ident).is_some_and(|v| !v.is_null());
                if wanted && !there {
                    let value = self.value(field, &field.ty, rng, depth);
                    members.insert(field.ident.clone(), value);
                } else if !wanted && there {
                    members.remove(&field.ident);
                }
            }
        }
    }

    /// A valid value of `field`, of type `ty` (the field's own, or an element's of its
    /// collections), as far as the field's own rules go.
    pub(super) fn value(&self, field: &Field, ty: &Type, rng: &mut Rng, depth: usize) -> Value {
        let outer = std::ptr::eq(ty, &field.ty);
        // The schema's own examples of the field, when the runtime accepts them.
        if outer && !field.examples.is_empty() && rng.chance(25) {
            let mut examples: Vec<Value> = field
                .examples
                .iter()
                .filter_map(|e| serde_json::from_str(e).ok())
                .filter(|v| self.lone_ok(field, ty, v))
                .collect();
            if !examples.is_empty() {
                return examples.swap_remove(rng.below(examples.len()));
            }
        }
        match ty {
            Type::Array(element) => {
                let n = self.count(field, outer, rng, depth);
                Value::Array(
                    (0..n)
                        .map(|_| self.value(field, element, rng, depth + 1))
                        .collect(),
                )
            }
            Type::Map(element) => {
                let n = self.count(field, outer, rng, depth);
                let first = rng.below(MAP_KEYS.len());
                let entries = (0..n).map(|i| {
                    let key = MAP_KEYS
                        .get(first + i)
                        .map_or_else(|| format!("key{i}"), |k| (*k).to_owned());
                    (key, self.value(field, element, rng, depth + 1))
                });
                Value::Object(entries.collect())
            }
            Type::Object => {
                let mut free = Map::new();
                if rng.chance(50) {
                    free.insert("note".into(), Value::from("free-form"));
                    free.insert("n".into(), Value::from(rng.below(100)));
                }
                Value::Object(free)
            }
            Type::Named(name) => match self.module.item(name).map(|item| &item.kind) {
                Some(ItemKind::Message(object) | ItemKind::Struct(object)) => {
                    self.object_value(object, rng, depth + 1)
                }
                _ => self.scalar(field, ty, rng),
            },
            Type::Iso(_) | Type::String | Type::Integer | Type::Number | Type::Boolean => {
                self.scalar(field, ty, rng)
            }
        }
    }

    /// One of the valid values [`Sampler::scalars`] would list, one the schema gives (an
    /// example, a compared value) a quarter of the time; a placeholder the settling then replaces if the runtime accepts
    /// none. Candidates are checked in the drawn order until one passes, not all of them.
    fn scalar(&self, field: &Field, ty: &Type, rng: &mut Rng) -> Value {
        let (preferred, mut other) = self.raw_candidates(field, ty, rng);
        other.retain(|v| !preferred.contains(v));
        let from_schema = rng.chance(25);
        let mut order: Vec<&Value> = Vec::new();
        if from_schema {
            order.extend(&preferred);
            order.extend(&other);
        } else {
            order.extend(preferred.iter().chain(&other));
            rng.shuffle(&mut order);
        }
        order
            .into_iter()
            .find(|v| self.lone_ok(field, ty, v))
            .cloned()
            .unwrap_or_else(|| Value::from(""))
    }

    /// How many elements (entries) a collection gets: within the field's `items` for its own
    /// collection, up to three otherwise, none deep down.
    fn count(&self, field: &Field, outer: bool, rng: &mut Rng, depth: usize) -> usize {
        match field.items.filter(|_| outer) {
            Some(items) => {
                let min = items.min as usize;
                let max = items.max.map_or(min + 3, |max| (max as usize).min(min + 3));
                min + rng.below(max - min + 1)
            }
            None if depth >= MAX_DEPTH / 2 => 0,
            None => rng.below(4),
        }
    }

    /// The valid values of a string, number, Boolean or enum `field` (of type `ty`) the
    /// generator knows, in an order drawn from `rng`: first those the schema gives (fixed
    /// value, examples, values conditions compare it with), then the others. Every one is
    /// accepted by the runtime's check of the field's own rules.
    pub(super) fn scalars(&self, field: &Field, ty: &Type, rng: &mut Rng) -> Vec<Value> {
        let (preferred, other) = self.raw_candidates(field, ty, rng);
        let mut out: Vec<Value> = Vec::new();
        for value in preferred.into_iter().chain(other) {
            if !out.contains(&value) && self.lone_ok(field, ty, &value) {
                out.push(value);
            }
        }
        out
    }

    /// The candidates of [`Sampler::scalars`] before the runtime's check: those the schema
    /// gives, and the others, each list in an order drawn from `rng`.
    fn raw_candidates(&self, field: &Field, ty: &Type, rng: &mut Rng) -> (Vec<Value>, Vec<Value>) {
        let outer = std::ptr::eq(ty, &field.ty);
        let mut preferred: Vec<Value> = Vec::new();
        let mut other: Vec<Value> = Vec::new();
        if let Some(fixed) = &field.fixed {
            preferred.push(Value::from(fixed.as_str()));
        }
        for example in &field.examples {
            match serde_json::from_str::<Value>(example) {
                Ok(Value::Array(items)) if !outer => preferred.extend(items),
                Ok(value) if outer => preferred.push(value),
                _ => {}
            }
        }
        if outer && let Some(values) = self.compared.get(&address(field)) {
            preferred.extend(values.iter().cloned());
        }
        match ty.element() {
            Type::Iso(_) | Type::String => other.extend(self.texts(field, ty, rng)),
            Type::Integer | Type::Number => other.extend(numbers(field, ty, rng)),
            Type::Boolean => other.extend([Value::Bool(true), Value::Bool(false)]),
            Type::Named(name) => {
                if let Some(enumeration) = self.module.enum_named(name) {
                    other.extend(
                        enumeration
                            .values
                            .iter()
                            .map(|v| Value::from(v.value.as_str())),
                    );
                }
            }
            Type::Array(_) | Type::Map(_) | Type::Object => {}
        }
        // What a field takes besides its own kind (docs/SEMANTICS.md §2.9), now and then.
        if outer && field.accepts.string && rng.chance(30) {
            let texts: Vec<Value> = other
                .iter()
                .filter_map(|v| match v {
                    Value::Number(n) => Some(Value::from(n.to_string())),
                    Value::Bool(b) => Some(Value::from(b.to_string())),
                    _ => None,
                })
                .collect();
            other.extend(texts);
        }
        rng.shuffle(&mut preferred);
        rng.shuffle(&mut other);
        (preferred, other)
    }

    /// Whether the generator knows no value of `field`: a field in a custom format (which only
    /// a user function knows) without a fixed value, an Example cell or a value a condition
    /// compares it with. Such a field is left out when it may be, and reported by
    /// [`Sampler::try_valid`] when it must be present.
    pub(super) fn undrawable(&self, field: &Field) -> bool {
        field.custom_format.is_some()
            && field.fixed.is_none()
            && field.examples.is_empty()
            && !self.compared.contains_key(&address(field))
    }

    /// A `format` violation at the path of each mandatory field, in `object` and the structs
    /// its mandatory fields hold, that [`Sampler::undrawable`] says no value can be drawn for.
    pub(super) fn undrawable_required(
        &self,
        object: &Object,
        path: &Path<'_>,
        report: &mut Report,
        depth: usize,
    ) {
        for field in &object.fields {
            if field.requirement != Requirement::Mandatory || depth >= MAX_DEPTH {
                continue;
            }
            let at = path.key(&field.ident);
            if let (true, Some(name)) = (self.undrawable(field), &field.custom_format) {
                report.push(
                    &at,
                    fieldtab_runtime::RuleError::new(
                        fieldtab_runtime::Rule::Format,
                        format!(
                            "the generator knows no value of the custom format `{name}`: give \
                             the field an Example cell"
                        ),
                    ),
                );
            } else if let Type::Named(name) = &field.ty
                && let Some(inner) = self.module.item(name).and_then(|i| i.kind.object())
            {
                self.undrawable_required(inner, &at, report, depth + 1);
            }
        }
    }

    /// Texts for a string field: the runtime's samples of its formats (conditional ones
    /// included), and random text of its charset within its length; none for a custom format,
    /// whose values only its user function knows.
    fn texts(&self, field: &Field, ty: &Type, rng: &mut Rng) -> Vec<Value> {
        let mut out: Vec<Value> = Vec::new();
        if field.custom_format.is_some() {
            return out;
        }
        for format in field
            .format
            .iter()
            .chain(field.format_when.iter().map(|c| &c.format))
        {
            out.extend(format.samples().into_iter().map(Value::from));
        }
        let (min, max) = field.length.map_or((1, MAX_RANDOM_LEN), |l| {
            (l.min.max(1) as usize, l.max as usize)
        });
        let max = max.clamp(min, min.max(MAX_RANDOM_LEN));
        let mut alphabet: Vec<char> = match ty.element() {
            Type::Iso(charset) => ascii(*charset),
            // `String` counts characters: some beyond ASCII too.
            _ => ascii(Charset::An)
                .into_iter()
                .chain(['é', '汉', '-', '_'])
                .collect(),
        };
        if let Some(forbidden) = &field.forbidden {
            alphabet.retain(|c| !forbidden.contains(*c));
        }
        if alphabet.is_empty() {
            return out;
        }
        for _ in 0..4 {
            let len = min + rng.below(max - min + 1);
            let text: String = (0..len)
                .map(|_| alphabet[rng.below(alphabet.len())])
                .collect();
            out.push(Value::from(text));
        }
        out
    }

    /// Whether the runtime's check of `field`'s own rules (of an element's, when `ty` is not
    /// the field's type) accepts `value` as a present value: no condition, group or currency
    /// is looked at.
    pub(super) fn lone_ok(&self, field: &Field, ty: &Type, value: &Value) -> bool {
        self.lone_report(field, ty, value)
            .is_some_and(|r| r.is_empty())
    }

    /// The report of the runtime's check of `field`'s own rules (an element's, when `ty` is
    /// not the field's type) on a present `value`; `None` if the value cannot be checked.
    pub(super) fn lone_report(&self, field: &Field, ty: &Type, value: &Value) -> Option<Report> {
        // Scalars as the validator's tree directly; objects and arrays through their text.
        let number;
        let text;
        let json = match value {
            Value::String(s) => Json::Str(Cow::Borrowed(s)),
            Value::Bool(b) => Json::Bool(*b),
            Value::Null => Json::Null,
            Value::Number(n) => {
                number = n.to_string();
                Json::Number(&number)
            }
            Value::Array(_) | Value::Object(_) => {
                text = serde_json::to_string(value).ok()?;
                parse_json(text.as_bytes()).ok()?
            }
        };
        let mut report = Report::new();
        if std::ptr::eq(ty, &field.ty) {
            check_value(self.module, field, &json, true, &Path::root(), &mut report);
        } else {
            // An element is a value of the element type with the field's rules.
            let element = Field {
                ty: ty.clone(),
                items: None,
                ..field.clone()
            };
            check_value(
                self.module,
                &element,
                &json,
                false,
                &Path::root(),
                &mut report,
            );
        }
        Some(report)
    }
}

/// A field's identity within the loaded module (its address), for the map of compared values.
pub(super) fn address(field: &Field) -> usize {
    std::ptr::from_ref(field) as usize
}

/// The printable ASCII characters of an ISO class, as the runtime defines it.
pub(super) fn ascii(charset: Charset) -> Vec<char> {
    (0x20u8..=0x7E)
        .filter(|&b| charset.allows(b))
        .map(char::from)
        .collect()
}

/// Numbers for an `Integer` or `Number` field: its bounds, zero, numbers near them and random
/// ones, in the forms a JSON number takes; the caller keeps those the runtime accepts.
fn numbers(field: &Field, ty: &Type, rng: &mut Rng) -> Vec<Value> {
    let mut texts: Vec<String> = vec![
        "0".into(),
        "1".into(),
        rng.below(1_000_000).to_string(),
        format!("-{}", 1 + rng.below(1000)),
    ];
    if let Some(rules) = field.number_rules() {
        texts.extend(rules.min.map(str::to_owned));
        texts.extend(rules.max.map(str::to_owned));
        for bound in [rules.min, rules.max].into_iter().flatten() {
            if let Ok(n) = bound.parse::<i64>() {
                texts.push(n.saturating_add(1).to_string());
                texts.push(n.saturating_sub(1).to_string());
                texts.push(
                    n.saturating_add(i64::try_from(rng.below(100)).unwrap_or(0))
                        .to_string(),
                );
                texts.push(
                    n.saturating_sub(i64::try_from(rng.below(100)).unwrap_or(0))
                        .to_string(),
                );
            }
        }
    }
    if ty.element() == &Type::Number {
        texts.extend([
            format!("{}.{}", rng.below(100), 1 + rng.below(9)),
            format!("0.{}", 1 + rng.below(99)),
            format!("-{}.5", rng.below(10)),
        ]);
    }
    texts
        .iter()
        .filter_map(|t| serde_json::from_str::<Value>(t).ok())
        .filter(Value::is_number)
        .collect()
}
