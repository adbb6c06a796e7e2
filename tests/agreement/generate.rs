//! A seeded generator of valid documents, driven by the checked model: every field of every
//! schema is exercised without a hand-written strategy per message.

use fieldtab_codegen::model::{
    Charset, Field, Format, ItemKind, Module, Object, Requirement, Type,
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
}

impl Gen<'_> {
    pub(crate) fn object(&self, object: &Object, rng: &mut Rng, depth: usize) -> Node {
        let mut values: Vec<Node> = object
            .fields
            .iter()
            .map(|f| self.value(f, &f.ty, rng, depth))
            .collect();
        // A conditional format whose condition holds (docs/SEMANTICS.md §2.5): a value of that
        // format.
        for (i, field) in object.fields.iter().enumerate() {
            let holding = field.format_when.iter().find(|conditional| {
                object.fields.iter().zip(&values).any(|(f, v)| {
                    f.ident == conditional.when.sibling
                        && matches!(v, Node::Str(s) if conditional.when.values.contains(s))
                })
            });
            if let Some(conditional) = holding
                && let Some(value) = self.of_format(field, &conditional.format, rng)
            {
                values[i] = Node::Str(value);
            }
        }
        let mut members = Vec::new();
        for (field, value) in object.fields.iter().zip(&values) {
            let include = match &field.requirement {
                Requirement::Mandatory => true,
                Requirement::Optional => rng.chance(60),
                Requirement::Conditional(condition) => {
                    let holds = object.fields.iter().zip(&values).any(|(f, v)| {
                        f.ident == condition.sibling
                            && matches!(v, Node::Str(s) if condition.values.contains(s))
                    });
                    holds || rng.chance(30)
                }
            };
            if include {
                members.push((field.ident.clone(), value.clone()));
            }
        }
        Node::Obj(members)
    }

    fn value(&self, field: &Field, ty: &Type, rng: &mut Rng, depth: usize) -> Node {
        match ty {
            Type::Iso(_) | Type::String => Node::Str(self.string(field, ty, rng)),
            Type::Integer => Node::Num(match rng.below(4) {
                0 => "0".into(),
                1 => (rng.next() as i64).to_string(),
                2 => (rng.below(1_000_000)).to_string(),
                _ => format!("-{}", 1 + rng.below(1000)),
            }),
            Type::Boolean => Node::Bool(rng.chance(50)),
            Type::Array(element) => {
                let n = if depth > 3 { 0 } else { rng.below(4) };
                Node::Arr(
                    (0..n)
                        .map(|_| self.value(field, element, rng, depth + 1))
                        .collect(),
                )
            }
            Type::Named(name) => match self.module.item(name).map(|i| &i.kind) {
                Some(ItemKind::Enum(en)) => Node::Str(rng.pick(&en.values).value.clone()),
                Some(ItemKind::Struct(o) | ItemKind::Message(o)) => self.object(o, rng, depth + 1),
                None => Node::Null,
            },
        }
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
