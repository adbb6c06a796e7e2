//! A seeded generator of valid documents, driven by the checked model: every field of every
//! schema is exercised without a hand-written strategy per message.

use std::collections::HashMap;

use fieldtab_codegen::model::{
    Charset, Condition, Field, FieldPath, Format, GroupKind, ItemKind, Module, Object, Requirement,
    Type, Value,
};

use crate::json::Node;

/// A seeded xorshift64* generator: proptest draws the `u64` seed, so a failing case is
/// reproduced from the seed alone and the generator is as fast as a few shifts.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15 | 1)
    }
    pub(crate) fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub(crate) fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The characters of an ISO class, as the runtime defines them (the generated code and the
/// dynamic validator check the same definition, so valid values come from it).
pub(crate) fn alphabet(charset: Charset) -> String {
    (0x20u8..=0x7E)
        .filter(|&b| charset.allows(b))
        .map(char::from)
        .collect()
}

/// Random text of `len` characters drawn from `alphabet`.
pub(crate) fn text_of(rng: &mut Rng, alphabet: &str, len: usize) -> String {
    let chars: Vec<char> = alphabet.chars().collect();
    (0..len).map(|_| *rng.pick(&chars)).collect()
}

/// Generates valid documents of a module's objects.
pub(crate) struct Gen<'m> {
    pub(crate) module: &'m Module,
    /// The values conditions compare each field with (by the field's address in the module):
    /// generated half the time, so conditions hold as often as not.
    compared: HashMap<usize, Vec<Node>>,
}

/// Members of the objects from a value's own object up to the document (`super.` goes right).
type Chain<'a> = [&'a [(String, Node)]];

impl<'m> Gen<'m> {
    pub(crate) fn new(module: &'m Module) -> Gen<'m> {
        let mut compared: HashMap<usize, Vec<Node>> = HashMap::new();
        for item in &module.items {
            let Some(object) = item.kind.object() else {
                continue;
            };
            for condition in object.fields.iter().flat_map(Field::conditions) {
                condition.for_each_atom(&mut |path, values| {
                    let Some(values) = values else {
                        return;
                    };
                    for start in module.ancestors(&item.name, path.up) {
                        if let Some(leaf) = leaf(module, start.kind.object(), &path.steps) {
                            let list = compared
                                .entry(std::ptr::from_ref(leaf) as usize)
                                .or_default();
                            list.extend(values.iter().map(node_of));
                        }
                    }
                });
            }
        }
        Gen { module, compared }
    }

    /// A valid document of `object`: generated, then repaired until every condition that holds
    /// is met (a required field present, a value in its conditional formats).
    pub(crate) fn document(&self, object: &Object, rng: &mut Rng) -> Node {
        let mut doc = self.object(object, rng, 0);
        for _ in 0..8 {
            let Node::Obj(members) = &mut doc else {
                break;
            };
            if !self.repair(object, members, &[], rng) {
                break;
            }
        }
        doc
    }

    pub(crate) fn object(&self, object: &Object, rng: &mut Rng, depth: usize) -> Node {
        let mut members = Vec::new();
        for field in &object.fields {
            let include = match &field.requirement {
                Requirement::Mandatory => true,
                Requirement::Optional => rng.chance(60),
                // Required when the condition holds: `repair` adds it then.
                Requirement::Conditional(_) => rng.chance(40),
            };
            if include {
                members.push((
                    field.ident.clone(),
                    self.value(field, &field.ty, rng, depth),
                ));
            }
        }
        Node::Obj(members)
    }

    /// Makes `members` (an object of `object`, under the objects `above`) meet the conditions
    /// that hold, then its nested objects; whether anything changed.
    fn repair(
        &self,
        object: &Object,
        members: &mut Vec<(String, Node)>,
        above: &Chain<'_>,
        rng: &mut Rng,
    ) -> bool {
        let mut changed = false;
        for (i, field) in object.fields.iter().enumerate() {
            let snapshot = members.clone();
            let chain: Vec<&[(String, Node)]> = std::iter::once(snapshot.as_slice())
                .chain(above.iter().copied())
                .collect();
            let at = members.iter().position(|(k, _)| *k == field.ident);
            let present = at.is_some_and(|at| !matches!(members[at].1, Node::Null));
            if let Requirement::Conditional(condition) = &field.requirement
                && !present
                && holds(condition, &chain)
            {
                let value = self.value(field, &field.ty, rng, 1);
                match at {
                    Some(at) => members[at].1 = value,
                    None => {
                        // In table order, before the first member of a later field.
                        let later =
                            |key: &str| object.fields[i + 1..].iter().any(|f| f.ident == key);
                        let to = members
                            .iter()
                            .position(|(k, _)| later(k))
                            .unwrap_or(members.len());
                        members.insert(to, (field.ident.clone(), value));
                    }
                }
                changed = true;
            }
            let formats: Vec<&Format> = field
                .format_when
                .iter()
                .filter(|conditional| holds(&conditional.when, &chain))
                .map(|conditional| &conditional.format)
                .collect();
            if let Some(at) = members.iter().position(|(k, _)| *k == field.ident)
                && let Node::Str(value) = &members[at].1
                && !formats.iter().all(|format| format.check(value).is_ok())
                && let Some(value) = self.of_formats(field, &formats, rng)
            {
                members[at].1 = Node::Str(value);
                changed = true;
            }
        }
        changed |= self.satisfy_groups(object, members, above, rng);
        // The objects under this one, this one (as repaired) above them.
        let snapshot = members.clone();
        let chain: Vec<&[(String, Node)]> = std::iter::once(snapshot.as_slice())
            .chain(above.iter().copied())
            .collect();
        for (key, value) in members.iter_mut() {
            let Some(field) = object.fields.iter().find(|f| f.ident == *key) else {
                continue;
            };
            let Some(inner) = field
                .ty
                .named()
                .and_then(|n| self.module.item(n))
                .and_then(|i| i.kind.object())
            else {
                continue;
            };
            changed |= self.repair_value(inner, &field.ty, value, &chain, rng);
        }
        changed
    }

    /// Makes the groups of `object` hold in `members` (docs/SEMANTICS.md §6.5): members added
    /// or removed, keeping the fields that must be there (mandatory, or conditional with the
    /// condition holding); whether anything changed. A group that such a field breaks is the
    /// schema's own contradiction (no test schema has one).
    fn satisfy_groups(
        &self,
        object: &Object,
        members: &mut Vec<(String, Node)>,
        above: &Chain<'_>,
        rng: &mut Rng,
    ) -> bool {
        let mut changed = false;
        for group in &object.groups {
            let snapshot = members.clone();
            let chain: Vec<&[(String, Node)]> = std::iter::once(snapshot.as_slice())
                .chain(above.iter().copied())
                .collect();
            let fields: Vec<&Field> = group
                .members
                .iter()
                .filter_map(|m| object.fields.iter().find(|f| f.ident == *m))
                .collect();
            let present = |members: &[(String, Node)], field: &Field| {
                members
                    .iter()
                    .find(|(k, _)| *k == field.ident)
                    .is_some_and(|(_, v)| !matches!(v, Node::Null))
            };
            let forced = |field: &Field| match &field.requirement {
                Requirement::Mandatory => true,
                Requirement::Optional => false,
                Requirement::Conditional(condition) => holds(condition, &chain),
            };
            let found: Vec<&Field> = fields
                .iter()
                .copied()
                .filter(|f| present(members, f))
                .collect();
            let keep: Vec<&Field> = match group.kind {
                GroupKind::ExactlyOne | GroupKind::AtMostOne if found.len() > 1 => {
                    let first = found
                        .iter()
                        .copied()
                        .find(|f| forced(f))
                        .unwrap_or(found[0]);
                    vec![first]
                }
                GroupKind::ExactlyOne | GroupKind::AtLeastOne if found.is_empty() => {
                    // A member no other group counts, if there is one: adding it cannot break
                    // another group (a variant adds `Exactly one of: barcode, scannedAt` to a
                    // base's `At most one of: sku, barcode`), so the repair settles.
                    let alone: Vec<&Field> = fields
                        .iter()
                        .copied()
                        .filter(|f| {
                            !object.groups.iter().any(|other| {
                                !std::ptr::eq(other, group) && other.members.contains(&f.ident)
                            })
                        })
                        .collect();
                    vec![*rng.pick(if alone.is_empty() { &fields } else { &alone })]
                }
                GroupKind::AllOrNone if !found.is_empty() && found.len() < fields.len() => {
                    fields.clone()
                }
                _ => continue,
            };
            for field in &fields {
                let wanted = keep.iter().any(|k| k.ident == field.ident);
                if wanted && !present(members, field) {
                    let value = self.value(field, &field.ty, rng, 1);
                    members.retain(|(k, _)| *k != field.ident);
                    members.push((field.ident.clone(), value));
                    changed = true;
                } else if !wanted && present(members, field) {
                    members.retain(|(k, _)| *k != field.ident);
                    changed = true;
                }
            }
        }
        changed
    }

    /// [`Gen::repair`] on an object value (of type `ty`), or on each object of an array or
    /// map value.
    fn repair_value(
        &self,
        object: &Object,
        ty: &Type,
        value: &mut Node,
        above: &Chain<'_>,
        rng: &mut Rng,
    ) -> bool {
        match (ty, value) {
            (Type::Array(element), Node::Arr(items)) => {
                let mut changed = false;
                for item in items {
                    changed |= self.repair_value(object, element, item, above, rng);
                }
                changed
            }
            (Type::Map(element), Node::Obj(entries)) => {
                let mut changed = false;
                for (_, item) in entries {
                    changed |= self.repair_value(object, element, item, above, rng);
                }
                changed
            }
            (Type::Named(_), Node::Obj(members)) => self.repair(object, members, above, rng),
            _ => false,
        }
    }

    /// A valid value of `field` (of the type `ty`, the field's or an element's).
    pub(crate) fn value(&self, field: &Field, ty: &Type, rng: &mut Rng, depth: usize) -> Node {
        // A fixed value is the only valid one, whatever conditions elsewhere compare the field
        // with (a variant fixes the scenario its base's conditions read).
        if ty == &field.ty
            && field.fixed.is_none()
            && let Some(values) = self.compared.get(&(std::ptr::from_ref(field) as usize))
            && rng.chance(50)
        {
            return rng.pick(values).clone();
        }
        match ty {
            Type::Iso(_) | Type::String => Node::Str(self.string(field, ty, rng)),
            Type::Integer | Type::Number => {
                let text = self.number(field, ty, rng);
                // A field that accepts strings gets the number as a string, now and then
                // (not one that conditions compare: the repair of conditions reads JSON kinds).
                if self.stringify(field, ty) && rng.chance(30) {
                    Node::Str(text)
                } else {
                    Node::Num(text)
                }
            }
            Type::Boolean if self.stringify(field, ty) && rng.chance(30) => {
                Node::Str(if rng.chance(50) { "true" } else { "false" }.into())
            }
            Type::Boolean => Node::Bool(rng.chance(50)),
            Type::Array(element) => {
                let n = self.count(field, ty, rng, depth);
                Node::Arr(
                    (0..n)
                        .map(|_| self.value(field, element, rng, depth + 1))
                        .collect(),
                )
            }
            Type::Map(element) => {
                let n = self.count(field, ty, rng, depth);
                // Distinct keys, some that a JSON Pointer escapes.
                let keys = ["a", "b/c", "~d", "é", "", "k e y", "z9"];
                let first = rng.below(keys.len());
                Node::Obj(
                    (0..n)
                        .map(|i| {
                            let key = match keys.get(first + i) {
                                Some(key) => (*key).to_owned(),
                                None => format!("key{i}"),
                            };
                            (key, self.value(field, element, rng, depth + 1))
                        })
                        .collect(),
                )
            }
            Type::Object => free_form(rng, depth),
            Type::Named(name) => match self.module.item(name).map(|i| &i.kind) {
                Some(ItemKind::Enum(_)) if field.fixed.is_some() => {
                    Node::Str(field.fixed.clone().unwrap_or_default())
                }
                Some(ItemKind::Enum(en)) => Node::Str(rng.pick(&en.values).value.clone()),
                Some(ItemKind::Struct(o) | ItemKind::Message(o)) => self.object(o, rng, depth + 1),
                None => Node::Null,
            },
        }
    }

    /// How many elements (entries) a collection of type `ty` gets: within the field's `items`
    /// for its own collection, up to 3 otherwise (none deep down).
    fn count(&self, field: &Field, ty: &Type, rng: &mut Rng, depth: usize) -> usize {
        let outer = std::ptr::eq(ty, &field.ty);
        match field.items.filter(|_| outer) {
            Some(items) => {
                let min = items.min as usize;
                let max = items.max.map_or(min + 3, |max| (max as usize).min(min + 3));
                min + rng.below(max - min + 1)
            }
            None if depth > 3 => 0,
            None => rng.below(4),
        }
    }

    /// Whether a value of `field` (of type `ty`) may be written as the string it accepts.
    fn stringify(&self, field: &Field, ty: &Type) -> bool {
        field.accepts.string
            && ty == &field.ty
            && !self
                .compared
                .contains_key(&(std::ptr::from_ref(field) as usize))
    }

    /// A valid number of `field` (an `Integer` or `Number`, or an element of an array of
    /// them): one of a few candidates near the bounds and zero, written in the forms JSON
    /// allows, that the runtime's rule keeps.
    fn number(&self, field: &Field, ty: &Type, rng: &mut Rng) -> String {
        let Some(rules) = field.number_rules() else {
            return "0".into();
        };
        let mut candidates: Vec<String> = vec![
            "0".into(),
            (rng.next() as i64).to_string(),
            rng.below(1_000_000).to_string(),
            format!("-{}", 1 + rng.below(1000)),
        ];
        candidates.extend(rules.min.map(str::to_owned));
        candidates.extend(rules.max.map(str::to_owned));
        if ty.element() == &Type::Number {
            candidates.extend([
                format!("{}.{}", rng.below(100), rng.below(100)),
                format!("0.{:02}", rng.below(100)),
                format!("{}e2", rng.below(10)),
                format!("-{}.50", rng.below(10)),
                "1.5e-1".into(),
                "0.10".into(),
            ]);
            if let Some(min) = rules.min {
                candidates.push(format!("{min}0"));
            }
        }
        let valid: Vec<String> = candidates
            .into_iter()
            .filter(|text| fieldtab::check_number(text, &rules).is_ok())
            .collect();
        if valid.is_empty() {
            return rules.min.or(rules.max).unwrap_or("0").to_owned();
        }
        rng.pick(&valid).clone()
    }

    /// A value of every one of `formats` that fits the field's length, if the runtime's samples
    /// have one.
    fn of_formats(&self, field: &Field, formats: &[&Format], rng: &mut Rng) -> Option<String> {
        let first = formats.first()?;
        let (min, max) = field
            .length
            .map_or((1, usize::MAX), |l| (l.min.max(1) as usize, l.max as usize));
        let samples = first.samples();
        let fitting: Vec<&str> = samples
            .iter()
            .map(String::as_str)
            .filter(|v| v.chars().count() >= min && v.len() <= max)
            .filter(|v| formats.iter().all(|f| f.check(v).is_ok()))
            .collect();
        (!fitting.is_empty()).then(|| rng.pick(&fitting).to_string())
    }

    /// A value of `format` that fits the field's length, if the runtime's samples have one.
    fn of_format(&self, field: &Field, format: &Format, rng: &mut Rng) -> Option<String> {
        let (min, max) = field
            .length
            .map_or((1, usize::MAX), |l| (l.min.max(1) as usize, l.max as usize));
        // The runtime's valid values of the format.
        let samples = format.samples();
        let fitting: Vec<&str> = samples
            .iter()
            .map(String::as_str)
            .filter(|v| v.chars().count() >= min && v.len() <= max)
            .collect();
        if fitting.is_empty() {
            None
        } else {
            Some(rng.pick(&fitting).to_string())
        }
    }

    fn string(&self, field: &Field, ty: &Type, rng: &mut Rng) -> String {
        if let Some(fixed) = &field.fixed {
            return fixed.clone();
        }
        let (min, max) = field
            .length
            .map_or((1, 24), |l| (l.min.max(1) as usize, l.max as usize));
        if let Some(format) = &field.format
            && let Some(value) = self.of_format(field, format, rng)
        {
            return value;
        }
        // A pattern's valid values: its field's examples (the checker holds them to it).
        if field.pattern.is_some() {
            let examples = example_strings(field);
            if !examples.is_empty() {
                return rng.pick(&examples).clone();
            }
        }
        let mut alphabet = match ty {
            Type::Iso(charset) => alphabet(*charset),
            _ => format!("{}é汉-_", alphabet(Charset::An)),
        };
        if let Some(forbidden) = &field.forbidden {
            alphabet.retain(|c| !forbidden.contains(c));
        }
        let max = max.min(24).max(min);
        let len = min + rng.below(max - min + 1);
        text_of(rng, &alphabet, len)
    }
}

/// The string values of a field's examples, those inside array examples included.
fn example_strings(field: &Field) -> Vec<String> {
    fn strings(value: serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::String(s) => out.push(s),
            serde_json::Value::Array(items) => {
                for item in items {
                    strings(item, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for example in &field.examples {
        if let Ok(value) = serde_json::from_str(example) {
            strings(value, &mut out);
        }
    }
    out
}

/// The field `steps` lead to from `object`, through object fields.
fn leaf<'m>(module: &'m Module, object: Option<&'m Object>, steps: &[String]) -> Option<&'m Field> {
    let (last, through) = steps.split_last()?;
    let mut object = object?;
    for step in through {
        let field = object.fields.iter().find(|f| f.ident == *step)?;
        object = module.item(field.ty.named()?)?.kind.object()?;
    }
    object.fields.iter().find(|f| f.ident == *last)
}

/// A condition's value as a document value.
fn node_of(value: &Value) -> Node {
    match value {
        Value::Str(s) => Node::Str(s.clone()),
        Value::Bool(b) => Node::Bool(*b),
        Value::Int(i) => Node::Num(i.to_string()),
    }
}

/// What the document holds at `path` from the object `chain[0]` (docs/SEMANTICS.md §3): up
/// `path.up` objects, then the first occurrence of each step, through objects; `None` when
/// absent, `null` or through anything else.
fn at<'a>(chain: &Chain<'a>, path: &FieldPath) -> Option<&'a Node> {
    let mut members = *chain.get(path.up)?;
    let (last, through) = path.steps.split_last()?;
    for step in through {
        match members.iter().find(|(k, _)| k == step).map(|(_, v)| v) {
            Some(Node::Obj(inner)) => members = inner,
            _ => return None,
        }
    }
    match members.iter().find(|(k, _)| k == last).map(|(_, v)| v) {
        None | Some(Node::Null) => None,
        found => found,
    }
}

/// Whether `condition` holds for the object `chain[0]` (an implementation of its own, from
/// docs/SEMANTICS.md §3, to generate documents the two sides then judge).
pub(crate) fn holds(condition: &Condition, chain: &Chain<'_>) -> bool {
    match condition {
        Condition::In(path, values) => at(chain, path).is_some_and(|node| {
            values.iter().any(|value| match (node, value) {
                (Node::Str(a), Value::Str(b)) => a == b,
                (Node::Bool(a), Value::Bool(b)) => a == b,
                // A string the field accepts in place of its value (generated only for such
                // fields: docs/SEMANTICS.md §2.9).
                (Node::Str(a), Value::Bool(b)) => a == if *b { "true" } else { "false" },
                (Node::Str(a), Value::Int(b)) => {
                    a.parse::<i64>().is_ok_and(|a| a == *b) && !a.contains(['.', 'e', 'E', '+'])
                }
                (Node::Num(a), Value::Int(b)) => {
                    a.parse::<i64>().is_ok_and(|a| a == *b) && !a.contains(['.', 'e', 'E'])
                }
                _ => false,
            })
        }),
        Condition::Present(path) => at(chain, path).is_some(),
        Condition::Not(inner) => !holds(inner, chain),
        Condition::All(list) => list.iter().all(|c| holds(c, chain)),
        Condition::Any(list) => list.iter().any(|c| holds(c, chain)),
    }
}

/// A free-form object: any members, numbers of every form, nested values, a repeated key.
fn free_form(rng: &mut Rng, depth: usize) -> Node {
    let n = if depth > 3 { 0 } else { rng.below(4) };
    let pool = |rng: &mut Rng, depth: usize| match rng.below(7) {
        0 => Node::Num("1.50e3".into()),
        1 => Node::Num("-0.25".into()),
        2 => Node::Str("é\"x".into()),
        3 => Node::Null,
        4 => Node::Arr(vec![
            Node::Bool(true),
            Node::Num("18446744073709551616".into()),
        ]),
        5 => free_form(rng, depth + 1),
        _ => Node::Obj(vec![
            ("k".into(), Node::Num("1".into())),
            ("k".into(), Node::Null),
        ]),
    };
    Node::Obj(
        (0..n)
            .map(|i| (format!("m{i}"), pool(rng, depth)))
            .collect(),
    )
}
