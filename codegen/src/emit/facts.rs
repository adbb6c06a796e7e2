//! What conditions read across objects (docs/SEMANTICS.md §3), decided once from the whole
//! module: code generation knows every object, so each struct learns which of its values
//! conditions elsewhere read ([`Reads::exports`]: `resultStatus` for `C: result.resultStatus =
//! S` in the object holding `result`), and each object which of its values conditions of the
//! objects under it read with `super.` ([`Reads::asked`]).
//!
//! An export is a path into the struct, numbered by its position in the struct's sorted list:
//! its decoder sets that fact for the object that holds it (`Decode::decode_exporting`), its
//! Rust value answers it (`plan::Exports`). A string is exported as one of the values
//! conditions compare it with (`Fact::known`), so nothing borrows from the input.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Field, Module, Object, Value};

/// A value of a struct read by conditions of other objects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Export {
    /// The path from the struct (at least one step).
    pub(crate) steps: Vec<String>,
    /// For a string read at a one-step path: every value a condition compares it with.
    pub(crate) known: Vec<String>,
}

/// The module's conditions, as the emitters of each object need them.
#[derive(Debug, Default)]
pub(crate) struct Reads {
    exports: BTreeMap<String, Vec<Export>>,
    asked: BTreeMap<String, Vec<Vec<String>>>,
}

impl Reads {
    /// What the conditions of `module` read across objects.
    pub(crate) fn of(module: &Module) -> Reads {
        let mut exports: BTreeMap<String, BTreeSet<Vec<String>>> = BTreeMap::new();
        let mut known: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
        let mut asked: BTreeMap<String, BTreeSet<Vec<String>>> = BTreeMap::new();
        for item in &module.items {
            let Some(object) = item.kind.object() else {
                continue;
            };
            for condition in object.fields.iter().flat_map(Field::conditions) {
                condition.for_each_atom(&mut |path, values| {
                    let strings: Vec<&str> = values
                        .unwrap_or_default()
                        .iter()
                        .filter_map(|value| match value {
                            Value::Str(s) => Some(s.as_str()),
                            _ => None,
                        })
                        .collect();
                    let starts = if path.up == 0 {
                        vec![item]
                    } else {
                        module.ancestors(&item.name, path.up)
                    };
                    for start in starts {
                        if path.up > 0 {
                            asked
                                .entry(start.name.clone())
                                .or_default()
                                .insert(path.steps.clone());
                        }
                        if path.up > 0 && path.steps.len() == 1 {
                            continue;
                        }
                        // Every object the path goes into exports the rest of it.
                        let mut at = start;
                        for (k, step) in path.steps.iter().enumerate() {
                            let rest = &path.steps[k..];
                            if k > 0 {
                                exports
                                    .entry(at.name.clone())
                                    .or_default()
                                    .insert(rest.to_vec());
                            }
                            if rest.len() == 1 {
                                let key = (at.name.clone(), step.clone());
                                let set = known.entry(key).or_default();
                                set.extend(strings.iter().map(|s| (*s).to_owned()));
                                break;
                            }
                            let inner =
                                field(module.item(&at.name).and_then(|i| i.kind.object()), step)
                                    .and_then(|f| f.ty.named())
                                    .and_then(|name| module.item(name));
                            match inner {
                                Some(inner) => at = inner,
                                None => break,
                            }
                        }
                    }
                });
            }
        }
        let exports = exports
            .into_iter()
            .map(|(name, paths)| {
                let list = paths
                    .into_iter()
                    .map(|steps| {
                        let known = match steps.as_slice() {
                            [one] => known
                                .get(&(name.clone(), one.clone()))
                                .map(|set| set.iter().cloned().collect())
                                .unwrap_or_default(),
                            _ => Vec::new(),
                        };
                        Export { steps, known }
                    })
                    .collect();
                (name, list)
            })
            .collect();
        let asked = asked
            .into_iter()
            .map(|(name, set)| (name, set.into_iter().collect()))
            .collect();
        Reads { exports, asked }
    }

    /// The values of item `name` that conditions of other objects read, numbered by position.
    pub(crate) fn exports(&self, name: &str) -> &[Export] {
        self.exports.get(name).map_or(&[], Vec::as_slice)
    }

    /// The number of the export of item `name` at `steps`.
    pub(crate) fn export_index(&self, name: &str, steps: &[String]) -> Option<usize> {
        self.exports(name).iter().position(|e| e.steps == steps)
    }

    /// The paths of item `name` that conditions of objects under it read with `super.`.
    pub(crate) fn asked(&self, name: &str) -> &[Vec<String>] {
        self.asked.get(name).map_or(&[], Vec::as_slice)
    }
}

/// The field `ident` of `object`.
fn field<'m>(object: Option<&'m Object>, ident: &str) -> Option<&'m Field> {
    object?.fields.iter().find(|f| f.ident == ident)
}

/// The facts the conditions of `object`'s own fields read from the object itself (siblings,
/// paths into sibling objects), and the currency a `minor units` amount reads
/// (`Object::amount_currency`), each once, by their number (`Object::fact_index`), in order.
pub(crate) fn own_reads(object: &Object) -> Vec<(usize, Vec<String>)> {
    let mut reads: Vec<(usize, Vec<String>)> = Vec::new();
    // The currency of a `minor units` amount (`FieldPlan::currency`): its sibling's value.
    for field in &object.fields {
        if let Some(at) = object.amount_currency(field)
            && !reads.iter().any(|(known, _)| *known == at)
        {
            reads.push((at, vec![object.fields[at].ident.clone()]));
        }
    }
    for condition in object.fields.iter().flat_map(Field::conditions) {
        condition.for_each_path(&mut |path| {
            if path.up == 0 {
                let at = object.fact_index(&path.steps);
                if at != usize::MAX && !reads.iter().any(|(known, _)| *known == at) {
                    reads.push((at, path.steps.clone()));
                }
            }
        });
    }
    reads.sort();
    reads
}
