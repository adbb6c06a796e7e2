//! Conditions (docs/SEMANTICS.md §3) as JSON Schema: one `if`/`then` per conditional
//! requirement (fields with the same condition together), per conditional format and per
//! amount that reads its currency (§2.4), in the definition of the object the condition starts
//! from; those that read an object above are exported there (`above.rs`).

use fieldtab_runtime::plan::{self, Condition, FactPath, Requirement};
use fieldtab_runtime::{Currency, Format};

use super::export::{Exporter, NOTE_ALONE, Used, empty_is_required, format_keywords};
use super::tree::{Node, Obj};
use crate::model::Object;

impl Exporter<'_> {
    /// One `if`/`then` per distinct condition, in the order of the first field that has it.
    pub(super) fn conditions(&self, object: &Object, notes: &mut Used) -> Vec<Node> {
        // The condition's `if`, and the fields it requires with whether an empty string is
        // `required` for them.
        type Group<'m> = (Obj, Vec<(&'m str, bool)>);
        let mut groups: Vec<Group<'_>> = Vec::new();
        let mut reads_up = false;
        for field in &object.fields {
            field.with_plan(self.module, object, |plan| {
                let Requirement::When(condition) = plan.requirement else {
                    return;
                };
                // A condition on an object above is exported there (`above.rs`).
                if condition.reads_up() {
                    reads_up = true;
                    return;
                }
                let key = condition_schema(&condition);
                let member = (field.ident.as_str(), empty_is_required(&field.ty, plan));
                match groups.iter_mut().find(|(k, _)| *k == key) {
                    Some(group) => group.1.push(member),
                    None => groups.push((key, vec![member])),
                }
            });
        }
        if reads_up {
            notes.notes.insert(NOTE_ALONE);
        }
        groups
            .into_iter()
            .map(|(when, fields)| {
                Node::Obj(
                    Obj::new()
                        .with("if", when)
                        .with("then", required_then(&fields)),
                )
            })
            .collect()
    }

    /// One `if`/`then` per conditional format, after the conditional requirements, in field
    /// order: when the condition holds, the field (if present) also has the format's keywords.
    pub(super) fn format_conditions(&self, object: &Object, notes: &mut Used) -> Vec<Node> {
        let mut out = Vec::new();
        for field in &object.fields {
            field.with_plan(self.module, object, |plan| {
                for conditional in plan.format_when {
                    if conditional.when.reads_up() {
                        notes.notes.insert(NOTE_ALONE);
                        continue;
                    }
                    let then = format_then(plan.ident, &conditional.format, notes);
                    out.push(Node::Obj(
                        Obj::new()
                            .with("if", condition_schema(&conditional.when))
                            .with("then", then),
                    ));
                }
                if let Some(at) = plan.currency {
                    out.push(no_minor_unit(object, at, plan.ident));
                }
            });
        }
        out
    }
}

/// The rule between a `minor units` field `ident` and its currency at `at` (docs/SEMANTICS.md
/// §2.4), exact: when the currency is one without a minor unit, the amount can only be absent
/// or `null` (any other value is a violation, of the format or of this rule).
fn no_minor_unit(object: &Object, at: FactPath<'_>, ident: &str) -> Node {
    let numeric = matches!(
        object.fields.get(at.at).and_then(|f| f.format),
        Some(Format::CurrencyNumeric)
    );
    let codes: Vec<String> = Currency::all()
        .filter(|c| c.minor_unit().is_none())
        .map(|c| {
            if numeric {
                c.to_numeric().to_string()
            } else {
                c.code().to_owned()
            }
        })
        .collect();
    let values: Vec<plan::Value<'_>> = codes.iter().map(|c| plan::Value::Str(c)).collect();
    let when = Condition::In(at, &values);
    let then = Obj::new().with(
        "properties",
        Obj::new().with(ident, Obj::new().with("type", "null")),
    );
    Node::Obj(
        Obj::new()
            .with(
                "$comment",
                "no amount in minor units of a currency that has no minor unit",
            )
            .with("if", condition_schema(&when))
            .with("then", then),
    )
}

/// The `then` of a conditional requirement of `fields` (each with whether an empty string is
/// `required` for it): present, not `null`, and (for strings) not empty.
pub(super) fn required_then(fields: &[(&str, bool)]) -> Obj {
    let mut present = Obj::new();
    for &(ident, nonempty) in fields {
        let mut must = Obj::new().with("not", Obj::new().with("type", "null"));
        if nonempty {
            must.set("minLength", 1);
        }
        present.set(ident, must);
    }
    Obj::new()
        .with(
            "required",
            Node::Arr(fields.iter().map(|&(ident, _)| Node::from(ident)).collect()),
        )
        .with("properties", present)
}

/// The `then` of a conditional format of the field `ident`: the format's keywords on it.
pub(super) fn format_then(ident: &str, format: &Format, notes: &mut Used) -> Obj {
    let (mut keywords, comment) = format_keywords(format, notes);
    if let Some(comment) = comment {
        keywords.set("$comment", comment);
    }
    Obj::new().with("properties", Obj::new().with(ident, keywords))
}

/// The `if` of a condition (docs/SEMANTICS.md §3), on the object its paths start from: each
/// step of a path is a required property of an object (a path through anything else is
/// absent), the last one `const`/`enum` for a comparison, not `null` for a presence test.
pub(super) fn condition_schema(condition: &Condition<'_>) -> Obj {
    match condition {
        Condition::In(path, values) => {
            let values: Vec<Node> = values
                .iter()
                .map(|value| match value {
                    plan::Value::Str(s) => Node::from(*s),
                    plan::Value::Bool(b) => Node::Bool(*b),
                    plan::Value::Int(i) => Node::Int(*i),
                })
                .collect();
            let test = match <[Node; 1]>::try_from(values) {
                Ok([one]) => Obj::new().with("const", one),
                Err(many) => Obj::new().with("enum", Node::Arr(many)),
            };
            along(path.steps, test)
        }
        Condition::Present(path) => along(
            path.steps,
            Obj::new().with("not", Obj::new().with("type", "null")),
        ),
        Condition::Not(inner) => Obj::new().with("not", condition_schema(inner)),
        Condition::All(list) => Obj::new().with(
            "allOf",
            Node::Arr(
                list.iter()
                    .map(|c| Node::Obj(condition_schema(c)))
                    .collect(),
            ),
        ),
        Condition::Any(list) => Obj::new().with(
            "anyOf",
            Node::Arr(
                list.iter()
                    .map(|c| Node::Obj(condition_schema(c)))
                    .collect(),
            ),
        ),
    }
}

/// `leaf` at the end of `steps`: `{"properties": {a: {"type": "object", "properties": {b:
/// leaf}, "required": [b]}}, "required": [a]}`.
fn along(steps: &[&str], leaf: Obj) -> Obj {
    let Some((first, rest)) = steps.split_first() else {
        return leaf;
    };
    let inner = if rest.is_empty() {
        leaf
    } else {
        Obj::new()
            .with("type", "object")
            .extend_with(along(rest, leaf))
    };
    Obj::new()
        .with("properties", Obj::new().with(*first, inner))
        .with("required", Node::Arr(vec![Node::from(*first)]))
}
