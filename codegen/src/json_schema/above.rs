//! Conditions that read an object above their own (`super.`, docs/SEMANTICS.md §3.2): a JSON
//! Schema keyword sees only the value it is applied to, so such a condition is exported in
//! the definition of the object above, which holds both ends, descending to the field through
//! `properties` (and `items`, for arrays) along every chain of fields that holds its struct.
//!
//! A condition may compare values of several levels (`super.paid = true and code is absent`).
//! At each object of the chain, from the top, the comparisons that read that object are
//! decided case by case (one `if` per combination of their truths), and what is left of the
//! condition is carried down, until the field's own object, where the rest is its `if`.

use fieldtab_runtime::plan::{Condition, FieldPlan, Requirement};

use super::conditions::{condition_schema, format_then, required_then};
use super::export::{Exporter, NOTE_ABOVE, Used, empty_is_required};
use super::tree::{Node, Obj};
use crate::model::{Field, Item, Module, Type};

/// More comparisons than this on one object of a chain are not exported (the export then
/// accepts more, as its root `$comment` says).
const MAX_COMPARISONS: usize = 6;

/// A step down a chain: a field of an object, holding the next object (through arrays and
/// maps: the keyword of each, outer first, `items` or `additionalProperties`).
struct Step<'m> {
    field: &'m str,
    through: Vec<&'static str>,
}

/// The keywords that reach the values of the collections of `ty`, outer first.
fn through(ty: &Type) -> Vec<&'static str> {
    let mut keywords = Vec::new();
    let mut ty = ty;
    loop {
        match ty {
            Type::Array(inner) => {
                keywords.push("items");
                ty = inner;
            }
            Type::Map(inner) => {
                keywords.push("additionalProperties");
                ty = inner;
            }
            _ => return keywords,
        }
    }
}

/// What is left of a condition once the comparisons of the objects above are decided.
#[derive(Clone, Debug, PartialEq)]
enum Left<'c> {
    Known(bool),
    Atom(&'c Condition<'c>),
    Not(Box<Left<'c>>),
    All(Vec<Left<'c>>),
    Any(Vec<Left<'c>>),
}

impl Exporter<'_> {
    /// The `if`/`then`s, for the definition of `item`, of the conditions of objects under it
    /// that read it (`super.`, as many times as the objects between).
    pub(super) fn conditions_from_below(&self, item: &Item, notes: &mut Used) -> Vec<Node> {
        let mut out = Vec::new();
        for below in &self.module.items {
            let Some(object) = below.kind.object() else {
                continue;
            };
            for field in &object.fields {
                field.with_plan(self.module, object, |plan| {
                    self.field_from_below(item, below, field, plan, notes, &mut out);
                });
            }
        }
        out
    }

    /// The conditions of `field` (of the object `below`) whose highest `super.` reaches
    /// `item`, one set of `if`/`then`s per chain of fields from `item` down to `below`.
    fn field_from_below(
        &self,
        item: &Item,
        below: &Item,
        field: &Field,
        plan: &FieldPlan<'_>,
        notes: &mut Used,
        out: &mut Vec<Node>,
    ) {
        let required = match &plan.requirement {
            Requirement::When(condition) => Some(condition),
            _ => None,
        };
        let conditions = required
            .map(|c| (c, None))
            .into_iter()
            .chain(plan.format_when.iter().map(|c| (&c.when, Some(&c.format))));
        for (condition, format) in conditions {
            let up = highest(condition);
            if up == 0 {
                continue;
            }
            for chain in chains(self.module, below, up) {
                if chain.first().map(|(top, _)| top.name.as_str()) != Some(item.name.as_str()) {
                    continue;
                }
                let steps: Vec<Step<'_>> = chain
                    .iter()
                    .map(|(_, f)| Step {
                        field: &f.ident,
                        through: through(&f.ty),
                    })
                    .collect();
                let then = match format {
                    Some(format) => format_then(plan.ident, format, notes),
                    None => required_then(&[(plan.ident, empty_is_required(&field.ty, plan))]),
                };
                match level(&steps, up, &Left::of(condition), &then) {
                    Some(nodes) => out.extend(nodes),
                    None => {
                        notes.notes.insert(NOTE_ABOVE);
                    }
                }
            }
        }
    }
}

/// The schemas, at the object `up` levels above the field's, of `left` on the chain `steps`
/// down to the field's object, whose `then` is the field's constraint; `None` when an object
/// has too many comparisons to decide case by case.
fn level(steps: &[Step<'_>], up: u8, left: &Left<'_>, then: &Obj) -> Option<Vec<Node>> {
    let Some((step, rest)) = steps.split_first() else {
        // The field's own object: what is left reads it.
        return Some(match left {
            Left::Known(false) => Vec::new(),
            Left::Known(true) => vec![Node::Obj(then.clone())],
            left => vec![Node::Obj(
                Obj::new()
                    .with("if", left.schema())
                    .with("then", then.clone()),
            )],
        });
    };
    let mut atoms = Vec::new();
    left.atoms(up, &mut atoms);
    if atoms.len() > MAX_COMPARISONS {
        return None;
    }
    let mut out = Vec::new();
    for case in 0..1u32 << atoms.len() {
        let truth = |atom: &Condition<'_>| {
            let index = atoms.iter().position(|a| std::ptr::eq(*a, atom))?;
            Some(case & (1 << index) != 0)
        };
        let rest_left = left.decide(up, &truth);
        if rest_left == Left::Known(false) {
            continue;
        }
        let inner = level(rest, up - 1, &rest_left, then)?;
        if inner.is_empty() {
            continue;
        }
        let down = descend(step, inner);
        if atoms.is_empty() {
            out.push(Node::Obj(down));
            continue;
        }
        let when: Vec<Node> = atoms
            .iter()
            .enumerate()
            .map(|(index, atom)| {
                let test = condition_schema(atom);
                Node::Obj(if case & (1 << index) != 0 {
                    test
                } else {
                    Obj::new().with("not", test)
                })
            })
            .collect();
        out.push(Node::Obj(
            Obj::new()
                .with("if", Obj::new().with("allOf", Node::Arr(when)))
                .with("then", down),
        ));
    }
    Some(out)
}

/// `inner` applied to the value of `step`'s field (to each element, through its arrays and
/// maps).
fn descend(step: &Step<'_>, inner: Vec<Node>) -> Obj {
    let mut schema = Obj::new().with("allOf", Node::Arr(inner));
    for keyword in step.through.iter().rev() {
        schema = Obj::new().with(*keyword, schema);
    }
    Obj::new().with("properties", Obj::new().with(step.field, schema))
}

/// The highest level a condition reads (`super.super.`: 2).
fn highest(condition: &Condition<'_>) -> u8 {
    let mut up = 0;
    condition.for_each_path(&mut |path| up = up.max(path.up));
    up
}

/// Every chain of fields `up` objects long from an object down to the object `below`: each
/// link an object and its field that holds the next one (directly or through arrays), from the
/// top.
fn chains<'m>(module: &'m Module, below: &Item, up: u8) -> Vec<Vec<(&'m Item, &'m Field)>> {
    let mut chains: Vec<Vec<(&'m Item, &'m Field)>> = vec![Vec::new()];
    let Some(start) = module.item(&below.name) else {
        return Vec::new();
    };
    for _ in 0..up {
        let mut longer = Vec::new();
        for chain in &chains {
            let top = chain.first().map_or(start, |(item, _)| *item);
            for holder in module.holders(&top.name) {
                let Some(object) = holder.kind.object() else {
                    continue;
                };
                for field in &object.fields {
                    if field.ty.named() == Some(top.name.as_str()) {
                        let mut next = vec![(holder, field)];
                        next.extend(chain.iter().copied());
                        longer.push(next);
                    }
                }
            }
        }
        chains = longer;
    }
    chains
}

impl<'c> Left<'c> {
    fn of(condition: &'c Condition<'c>) -> Left<'c> {
        match condition {
            Condition::In(..) | Condition::Present(_) => Left::Atom(condition),
            Condition::Not(inner) => Left::Not(Box::new(Left::of(inner))),
            Condition::All(list) => Left::All(list.iter().map(Left::of).collect()),
            Condition::Any(list) => Left::Any(list.iter().map(Left::of).collect()),
        }
    }

    /// The comparisons that read the object `up` levels above, each once, in written order.
    fn atoms(&self, up: u8, out: &mut Vec<&'c Condition<'c>>) {
        match self {
            Left::Known(_) => {}
            Left::Atom(atom) => {
                if path_up(atom) == up && !out.iter().any(|a| std::ptr::eq(*a, *atom)) {
                    out.push(atom);
                }
            }
            Left::Not(inner) => inner.atoms(up, out),
            Left::All(list) | Left::Any(list) => {
                for left in list {
                    left.atoms(up, out);
                }
            }
        }
    }

    /// The condition with the comparisons `truth` knows decided, simplified.
    fn decide(&self, up: u8, truth: &impl Fn(&Condition<'_>) -> Option<bool>) -> Left<'c> {
        match self {
            Left::Known(known) => Left::Known(*known),
            Left::Atom(atom) if path_up(atom) == up => match truth(atom) {
                Some(known) => Left::Known(known),
                None => Left::Atom(atom),
            },
            Left::Atom(atom) => Left::Atom(atom),
            Left::Not(inner) => match inner.decide(up, truth) {
                Left::Known(known) => Left::Known(!known),
                inner => Left::Not(Box::new(inner)),
            },
            Left::All(list) | Left::Any(list) => {
                let any = matches!(self, Left::Any(_));
                let mut kept = Vec::new();
                for left in list {
                    match left.decide(up, truth) {
                        Left::Known(known) if known == any => return Left::Known(any),
                        Left::Known(_) => {}
                        left => kept.push(left),
                    }
                }
                match kept.len() {
                    0 => Left::Known(!any),
                    1 => kept.remove(0),
                    _ if any => Left::Any(kept),
                    _ => Left::All(kept),
                }
            }
        }
    }

    /// The `if` of what is left, on the field's own object.
    fn schema(&self) -> Obj {
        match self {
            Left::Known(true) => Obj::new(),
            Left::Known(false) => Obj::new().with("not", Obj::new()),
            Left::Atom(atom) => condition_schema(atom),
            Left::Not(inner) => Obj::new().with("not", inner.schema()),
            Left::All(list) => Obj::new().with(
                "allOf",
                Node::Arr(list.iter().map(|l| Node::Obj(l.schema())).collect()),
            ),
            Left::Any(list) => Obj::new().with(
                "anyOf",
                Node::Arr(list.iter().map(|l| Node::Obj(l.schema())).collect()),
            ),
        }
    }
}

/// How many objects up a comparison reads.
fn path_up(atom: &Condition<'_>) -> u8 {
    match atom {
        Condition::In(path, _) | Condition::Present(path) => path.up,
        _ => 0,
    }
}
