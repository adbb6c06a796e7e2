//! Invalid messages: a valid message with one change that breaks exactly one rule at one
//! place. Each change is a guess at a rule kind (a value one element too long, a character
//! outside the charset, a member of a group added, …); only a change after which the dynamic
//! validator reports exactly that one violation is kept, so the expected `(path, rule)` is the
//! runtime's verdict, not the generator's belief.

use serde_json::{Map, Value};

use fieldtab_runtime::Rule;

use super::repair::{Site, remove, set};
use super::rng::Rng;
use super::values::ascii;
use super::{Invalid, Sampler};
use crate::model::{Field, GroupKind, Object, Type};

/// How many valid messages an invalid one may start from before the rule kind is given up.
const MAX_BASES: u64 = 24;

/// How many changes of one kind are tried on one valid message.
const MAX_TRIES: usize = 48;

/// The key an unknown field is given: far from any identifier a schema would have, so no
/// did-you-mean points at it.
const UNKNOWN_KEY: &str = "x-unexpected-member";

/// One change of a message.
#[derive(Clone, Debug)]
enum Edit {
    /// The value at the pointer (the member added when its object lacks it).
    Set(String, Value),
    /// The member at the pointer removed.
    Remove(String),
}

/// A change and the violation it is meant to cause.
#[derive(Clone, Debug)]
struct Change {
    edits: Vec<Edit>,
    path: String,
}

/// A place of a message: an object of the model, or a value of a field.
struct Place<'m> {
    pointer: String,
    site: Site<'m>,
}

impl<'m> Sampler<'m> {
    /// An invalid message for `seed`, with the one violation the validator reports for it;
    /// `None` when the message has no rule the generator can break alone (see
    /// [`Sampler::rules`]). Seed `s` breaks the rule kind `rules()[s % rules().len()]` when it
    /// can (so `rules().len()` consecutive seeds cover every kind), another kind otherwise.
    pub fn invalid(&self, seed: u64) -> Option<Invalid> {
        let kinds = self.rules();
        let n = u64::try_from(kinds.len()).ok()?;
        if n == 0 {
            return None;
        }
        for shift in 0..n {
            let kind = kinds[usize::try_from((seed.wrapping_add(shift)) % n).ok()?];
            for attempt in 0..MAX_BASES {
                let base_seed = if attempt == 0 {
                    seed
                } else {
                    seed ^ attempt.wrapping_mul(0x9E37_79B9_7F4A_7C15)
                };
                let Ok(base) = self.try_valid(base_seed) else {
                    continue;
                };
                let mut rng = Rng::new(seed, 1000 + attempt);
                if let Some(invalid) = self.break_one(&base, kind, &mut rng) {
                    return Some(invalid);
                }
            }
        }
        None
    }

    /// The rule kinds an invalid message of [`Sampler::invalid`] may break, in the order of
    /// [`Rule::ALL`]: those the model declares for the message and the objects under it
    /// (`type` for any field, `required` for a mandatory or conditional one, `length` for a
    /// length or an `items` count, `charset` for a type code or forbidden characters, `format`,
    /// `enum` for a closed enum without a fixed value, `const` for a fixed value, `range` for
    /// an integer (within `i64`), a number with a range or scale, or a decimal format,
    /// `pattern`, `group`, `unknown_field` for an object that denies unknown fields), less
    /// those no change the generator tries breaks alone: a length of 3 on an `ISO 4217` code
    /// (a fourth letter is no currency either), a field required only by a `super.` condition
    /// of a struct sampled on its own (nothing is above it). `syntax` is never one: a
    /// generated message is JSON. Computed once per sampler, on the first call.
    pub fn rules(&self) -> Vec<Rule> {
        self.breakable
            .get_or_init(|| {
                self.declared_rules()
                    .into_iter()
                    .filter(|kind| {
                        (0..MAX_BASES).any(|seed| {
                            let mut rng = Rng::new(seed, 2000);
                            self.try_valid(seed)
                                .ok()
                                .and_then(|base| self.break_one(&base, *kind, &mut rng))
                                .is_some()
                        })
                    })
                    .collect()
            })
            .clone()
    }

    /// The rule kinds the model declares for the message (see [`Sampler::rules`]).
    pub(super) fn declared_rules(&self) -> Vec<Rule> {
        let mut found: Vec<Rule> = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        let mut stack: Vec<&Object> = vec![self.object];
        while let Some(object) = stack.pop() {
            if !object.groups.is_empty() {
                found.push(Rule::Group);
            }
            if object.deny_unknown {
                found.push(Rule::UnknownField);
            }
            for field in &object.fields {
                found.extend(field_rules(self, field));
                if let Some(name) = field.ty.named()
                    && !seen.contains(&name)
                {
                    seen.push(name);
                    if let Some(inner) = self.module.item(name).and_then(|i| i.kind.object()) {
                        stack.push(inner);
                    }
                }
            }
        }
        Rule::ALL
            .into_iter()
            .filter(|rule| found.contains(rule))
            .collect()
    }

    /// A change of `base` that breaks `kind` alone, if one of those tried does.
    fn break_one(&self, base: &Value, kind: Rule, rng: &mut Rng) -> Option<Invalid> {
        let mut places = Vec::new();
        if let Value::Object(members) = base {
            self.places_of_object(self.object, members, String::new(), &mut places);
        }
        rng.shuffle(&mut places);
        let mut tried = 0;
        for place in &places {
            for change in self.changes(base, place, kind, rng) {
                if tried == MAX_TRIES {
                    return None;
                }
                tried += 1;
                let mut message = base.clone();
                for edit in &change.edits {
                    match edit {
                        Edit::Set(pointer, value) => set(&mut message, pointer, value.clone()),
                        Edit::Remove(pointer) => remove(&mut message, pointer),
                    };
                }
                if let Err(report) = self.judge(&message)
                    && let [violation] = report.iter().as_slice()
                    && violation.rule == kind
                    && violation.path == change.path
                {
                    return Some(Invalid {
                        message,
                        path: change.path,
                        rule: kind,
                    });
                }
            }
        }
        None
    }

    /// Every object and value of `members` (an object of `object` at `pointer`), depth first.
    fn places_of_object(
        &self,
        object: &'m Object,
        members: &Map<String, Value>,
        pointer: String,
        out: &mut Vec<Place<'m>>,
    ) {
        for field in &object.fields {
            if let Some(value) = members.get(&field.ident) {
                let at = format!("{pointer}/{}", escape(&field.ident));
                self.places_of_value(field, &field.ty, Some(object), value, at, out);
            }
        }
        out.push(Place {
            pointer,
            site: Site::Object(object),
        });
    }

    /// `value` (of `field`, of type `ty`) and what it holds.
    fn places_of_value(
        &self,
        field: &'m Field,
        ty: &'m Type,
        owner: Option<&'m Object>,
        value: &Value,
        pointer: String,
        out: &mut Vec<Place<'m>>,
    ) {
        match (ty, value) {
            (Type::Array(element), Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    self.places_of_value(field, element, None, item, format!("{pointer}/{i}"), out);
                }
            }
            (Type::Map(element), Value::Object(entries)) => {
                for (key, item) in entries {
                    let at = format!("{pointer}/{}", escape(key));
                    self.places_of_value(field, element, None, item, at, out);
                }
            }
            (Type::Named(name), Value::Object(members)) => {
                if let Some(object) = self.module.item(name).and_then(|i| i.kind.object()) {
                    self.places_of_object(object, members, pointer.clone(), out);
                }
            }
            _ => {}
        }
        out.push(Place {
            pointer,
            site: Site::Value { field, ty, owner },
        });
    }

    /// The changes tried at `place` to break `kind`, in an order drawn from `rng`.
    fn changes(&self, base: &Value, place: &Place<'m>, kind: Rule, rng: &mut Rng) -> Vec<Change> {
        let pointer = place.pointer.as_str();
        let one = |value: Value| Change {
            edits: vec![Edit::Set(pointer.to_owned(), value)],
            path: pointer.to_owned(),
        };
        let Some(current) = base.pointer(pointer) else {
            return Vec::new();
        };
        let mut out: Vec<Change> = match (kind, place.site) {
            (Rule::Group, Site::Object(object)) => {
                self.group_changes(object, current, pointer, rng)
            }
            (Rule::UnknownField, Site::Object(object)) if object.deny_unknown => {
                let path = format!("{pointer}/{UNKNOWN_KEY}");
                vec![Change {
                    edits: vec![Edit::Set(path.clone(), Value::from("x"))],
                    path,
                }]
            }
            (_, Site::Object(_)) => Vec::new(),
            (Rule::Type, Site::Value { ty, .. }) => {
                let scalar = self.scalar_type(ty);
                vec![one(if scalar {
                    Value::Array(Vec::new())
                } else {
                    Value::Bool(true)
                })]
            }
            (Rule::Required, Site::Value { owner: Some(_), .. }) => {
                let mut out = vec![
                    Change {
                        edits: vec![Edit::Remove(pointer.to_owned())],
                        path: pointer.to_owned(),
                    },
                    one(Value::Null),
                ];
                if current.is_string() {
                    out.push(one(Value::from("")));
                }
                out
            }
            (Rule::Required, _) => Vec::new(),
            (_, Site::Value { field, ty, owner }) => match (kind, current) {
                (Rule::Length, Value::Array(_) | Value::Object(_)) if owner.is_some() => {
                    collection_lengths(field, current)
                        .into_iter()
                        .map(one)
                        .collect()
                }
                (Rule::Range, Value::Number(_) | Value::String(_)) => {
                    out_of_range(field, ty).into_iter().map(one).collect()
                }
                (_, Value::String(text)) => self
                    .string_changes(field, ty, text, kind, rng)
                    .into_iter()
                    .map(Value::from)
                    .map(one)
                    .collect(),
                _ => Vec::new(),
            },
        };
        rng.shuffle(&mut out);
        out
    }

    /// Whether values of `ty` are strings, numbers, Booleans or enum values.
    fn scalar_type(&self, ty: &Type) -> bool {
        match ty {
            Type::Iso(_) | Type::String | Type::Integer | Type::Number | Type::Boolean => true,
            Type::Named(name) => self.module.enum_named(name).is_some(),
            Type::Array(_) | Type::Map(_) | Type::Object => false,
        }
    }

    /// Changes of the members of a group of `object` (at `pointer`, holding `current`) that
    /// make the group fail: a member added, or the present ones removed.
    fn group_changes(
        &self,
        object: &Object,
        current: &Value,
        pointer: &str,
        rng: &mut Rng,
    ) -> Vec<Change> {
        let Value::Object(members) = current else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for group in &object.groups {
            let fields: Vec<&Field> = group
                .members
                .iter()
                .filter_map(|m| object.fields.iter().find(|f| f.ident == *m))
                .collect();
            let at = |f: &Field| format!("{pointer}/{}", escape(&f.ident));
            let (present, absent): (Vec<&Field>, Vec<&Field>) = fields
                .iter()
                .partition(|f| members.get(&f.ident).is_some_and(|v| !v.is_null()));
            let add = |f: &&Field, rng: &mut Rng| {
                Edit::Set(
                    at(f),
                    self.value(f, &f.ty, rng, super::repair::depth(pointer) + 1),
                )
            };
            let remove_all: Vec<Edit> = present.iter().map(|f| Edit::Remove(at(f))).collect();
            let mut edits: Vec<Vec<Edit>> = Vec::new();
            match group.kind {
                GroupKind::ExactlyOne => {
                    edits.extend(absent.iter().map(|f| vec![add(f, rng)]));
                    edits.push(remove_all);
                }
                GroupKind::AtMostOne => {
                    let needed = 2usize.saturating_sub(present.len());
                    if absent.len() >= needed {
                        edits.push(absent.iter().take(needed).map(|f| add(f, rng)).collect());
                    }
                }
                GroupKind::AtLeastOne => edits.push(remove_all),
                GroupKind::AllOrNone => {
                    if absent.is_empty() {
                        edits.extend(present.iter().map(|f| vec![Edit::Remove(at(f))]));
                    } else if present.is_empty() {
                        edits.extend(absent.iter().map(|f| vec![add(f, rng)]));
                    }
                }
            }
            out.extend(
                edits
                    .into_iter()
                    .filter(|e| !e.is_empty())
                    .map(|edits| Change {
                        edits,
                        path: pointer.to_owned(),
                    }),
            );
        }
        out
    }

    /// Texts near `text` (a valid value of `field`, of type `ty`) that the runtime's check of
    /// the field's own rules rejects for `kind` alone (for `format`, a conditional format's
    /// too, which that check does not see).
    fn string_changes(
        &self,
        field: &Field,
        ty: &Type,
        text: &str,
        kind: Rule,
        rng: &mut Rng,
    ) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let iso = match ty.element() {
            Type::Iso(charset) => Some(*charset),
            _ => None,
        };
        let mut alphabet: Vec<char> = match iso {
            Some(charset) => ascii(charset),
            None => ascii(fieldtab_runtime::Charset::Ans),
        };
        if let Some(forbidden) = &field.forbidden {
            alphabet.retain(|c| !forbidden.contains(*c));
        }
        let mut guesses: Vec<String> = Vec::new();
        let replace = |i: usize, c: char| -> String {
            let mut out = chars.clone();
            out[i] = c;
            out.into_iter().collect()
        };
        match kind {
            Rule::Length => {
                if let Some(length) = field.length {
                    let units = |s: &str| {
                        if iso.is_some() {
                            s.len()
                        } else {
                            s.chars().count()
                        }
                    };
                    let pad = chars.last().copied().unwrap_or('1');
                    let mut long = text.to_owned();
                    while units(&long) <= length.max as usize {
                        long.push(if pad.is_ascii() { pad } else { 'a' });
                    }
                    guesses.push(long);
                    if length.min > 1 {
                        guesses.push(chars.iter().take(length.min as usize - 1).collect());
                    }
                }
            }
            Rule::Charset => {
                let outside: Vec<char> = match iso {
                    Some(charset) => (0x20u8..=0x7E)
                        .filter(|b| !charset.allows(*b))
                        .map(char::from)
                        .chain(['é'])
                        .collect(),
                    None => Vec::new(),
                };
                let forbidden: Vec<char> = field.forbidden.iter().flat_map(|f| f.chars()).collect();
                for _ in 0..8 {
                    if chars.is_empty() {
                        break;
                    }
                    let i = rng.below(chars.len());
                    for pool in [&outside, &forbidden] {
                        if !pool.is_empty() {
                            guesses.push(replace(i, pool[rng.below(pool.len())]));
                        }
                    }
                }
            }
            Rule::Format | Rule::Pattern | Rule::Const => {
                for _ in 0..24 {
                    if chars.is_empty() || alphabet.is_empty() {
                        break;
                    }
                    guesses.push(replace(
                        rng.below(chars.len()),
                        alphabet[rng.below(alphabet.len())],
                    ));
                }
                guesses.push(format!(
                    "{text}{}",
                    alphabet.first().copied().unwrap_or('x')
                ));
                if chars.len() > 1 {
                    guesses.push(chars[1..].iter().collect());
                }
                if kind == Rule::Const
                    && let Some(enumeration) =
                        field.ty.named().and_then(|n| self.module.enum_named(n))
                {
                    guesses.extend(enumeration.values.iter().map(|v| v.value.clone()));
                }
            }
            Rule::Enum => {
                guesses.extend([
                    format!("{text}X"),
                    text.to_lowercase(),
                    "NOT_LISTED".to_owned(),
                ]);
            }
            _ => {}
        }
        guesses.retain(|g| g != text);
        guesses.dedup();
        guesses
            .into_iter()
            .filter(|g| {
                let lone = self.lone_rules(field, ty, &Value::from(g.as_str()));
                match kind {
                    // A conditional format is not among the field's own rules: the value must
                    // keep those, and fail one of the conditional formats.
                    Rule::Format if field.format.is_none() => {
                        lone.is_empty()
                            && field
                                .format_when
                                .iter()
                                .any(|c| c.format.check(g).is_err_and(|e| e.rule == Rule::Format))
                    }
                    _ => lone == [kind],
                }
            })
            .collect()
    }

    /// The rules the runtime's check of `field`'s own rules (an element's, when `ty` is not
    /// the field's type) reports for a present `value`.
    fn lone_rules(&self, field: &Field, ty: &Type, value: &Value) -> Vec<Rule> {
        self.lone_report(field, ty, value)
            .map(|report| report.iter().map(|v| v.rule).collect())
            .unwrap_or_default()
    }
}

/// The rule kinds of one field (see [`Sampler::rules`]).
fn field_rules(sampler: &Sampler<'_>, field: &Field) -> Vec<Rule> {
    let mut rules = vec![Rule::Type];
    if !matches!(field.requirement, crate::model::Requirement::Optional) {
        rules.push(Rule::Required);
    }
    let element = field.ty.element();
    let text = matches!(element, Type::Iso(_) | Type::String);
    if (text && field.length.is_some()) || field.items.is_some() {
        rules.push(Rule::Length);
    }
    if matches!(element, Type::Iso(_)) || field.forbidden.is_some() {
        rules.push(Rule::Charset);
    }
    if field.format.is_some() || !field.format_when.is_empty() {
        rules.push(Rule::Format);
    }
    if let Some(enumeration) = field.ty.named().and_then(|n| sampler.module.enum_named(n))
        && !enumeration.open
        && field.fixed.is_none()
    {
        rules.push(Rule::Enum);
    }
    if field.fixed.is_some() {
        rules.push(Rule::Const);
    }
    let numeric = match element {
        Type::Integer => true,
        Type::Number => field.range.is_some() || field.scale.is_some(),
        _ => false,
    };
    if numeric || matches!(field.format, Some(fieldtab_runtime::Format::Decimal { .. })) {
        rules.push(Rule::Range);
    }
    if field.pattern.is_some() {
        rules.push(Rule::Pattern);
    }
    rules
}

/// A collection of `field` with one element (entry) too many or too few for its `items`.
fn collection_lengths(field: &Field, current: &Value) -> Vec<Value> {
    let Some(items) = field.items else {
        return Vec::new();
    };
    let mut out = Vec::new();
    match current {
        Value::Array(elements) => {
            let Some(first) = elements.first() else {
                return out;
            };
            if let Some(max) = items.max.filter(|max| *max < 1000) {
                out.push(Value::Array(vec![first.clone(); max as usize + 1]));
            }
            if items.min > 0 {
                out.push(Value::Array(vec![first.clone(); items.min as usize - 1]));
            }
        }
        Value::Object(entries) => {
            let Some((_, first)) = entries.iter().next() else {
                return out;
            };
            let of = |n: usize| {
                Value::Object((0..n).map(|i| (format!("k{i}"), first.clone())).collect())
            };
            if let Some(max) = items.max.filter(|max| *max < 1000) {
                out.push(of(max as usize + 1));
            }
            if items.min > 0 {
                out.push(of(items.min as usize - 1));
            }
        }
        _ => {}
    }
    out
}

/// Numbers just outside `field`'s range or scale (or its decimal format's range, as strings).
fn out_of_range(field: &Field, ty: &Type) -> Vec<Value> {
    let mut texts: Vec<String> = Vec::new();
    if let Some(rules) = field.number_rules() {
        if let Some(max) = rules.max.and_then(|m| m.parse::<f64>().ok()) {
            texts.push(number_text(max + 1.0));
        }
        if let Some(min) = rules.min.and_then(|m| m.parse::<f64>().ok()) {
            texts.push(number_text(min - 1.0));
        }
        if let Some(scale) = rules.scale {
            let min = rules
                .min
                .and_then(|m| m.parse::<f64>().ok())
                .unwrap_or(0.0)
                .max(0.0);
            texts.push(format!("{}.{}1", min.ceil(), "1".repeat(scale as usize)));
        }
        if rules.integer && rules.max.is_none() {
            texts.push("9223372036854775808".to_owned());
        }
        return texts
            .iter()
            .filter_map(|t| serde_json::from_str::<Value>(t).ok())
            .collect();
    }
    if let (Some(fieldtab_runtime::Format::Decimal { min, max, .. }), Type::Iso(_) | Type::String) =
        (field.format, ty.element())
    {
        texts.push(max.saturating_add(1).to_string());
        texts.push(min.saturating_sub(1).to_string());
    }
    texts.into_iter().map(Value::from).collect()
}

/// A number's JSON text, an integer without its `.0`.
fn number_text(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        value.to_string()
    }
}

/// The escaped form of one JSON Pointer reference token.
fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}
