//! The checker, second half: the checks that need every file's items at once. Type
//! references resolve (against the file's own items and those of the files it imports), no
//! struct holds itself without indirection, conditions name real siblings and values, and
//! fixed values and examples obey their field's own rules — checked by the dynamic validator
//! ([`crate::dynamic::check_value`]), the same interpreter of the validation semantics that
//! validates documents, over a module of the items as resolved.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use fieldtab_runtime::{Charset, Path, Report};
use serde_json::Value;

use crate::check::file::{BUILTIN_TYPES, Draft, looks_like_type_code};
use crate::diagnostics::{Diagnostics, Source, Span, suggest};
use crate::dynamic::{Json, check_value, parse_all};
use crate::model::{Condition, Field, Item, ItemKind, Module, Requirement, Type};

/// Checks the drafts of every file together and returns the items (meaningful only when no
/// diagnostic was pushed). `visible[f]` holds the files whose items file `f` may name.
pub(crate) fn check_module(
    sources: &[Source],
    visible: &[HashSet<usize>],
    mut drafts: Vec<Draft>,
    diagnostics: &mut Diagnostics,
) -> Vec<Item> {
    let mut names: HashMap<String, usize> = HashMap::new();
    for (index, draft) in drafts.iter().enumerate() {
        let name = &draft.item.name;
        if name.is_empty() {
            continue;
        }
        match names.get(name) {
            Some(&first) => {
                let first = &drafts[first];
                let help = format!(
                    "first defined at {}:{}",
                    sources[first.file].path.display(),
                    first.name_span.line
                );
                diagnostics.push(sources[draft.file].error_help(
                    draft.name_span,
                    format!("duplicate item name `{name}`"),
                    Some(help),
                ));
            }
            None => {
                names.insert(name.clone(), index);
            }
        }
    }
    let mut cx = Cx {
        sources,
        visible,
        names: &names,
        diagnostics,
    };
    cx.resolve(&mut drafts);
    cx.cycles(&drafts);
    // Values are checked against the items as resolved; a field whose type did not resolve is
    // not `sound` and is skipped, and a reference that did not resolve further down accepts
    // any value.
    let module = Module {
        title: None,
        doc: String::new(),
        items: drafts.iter().map(|d| d.item.clone()).collect(),
    };
    cx.format_conditions(&drafts, &module);
    cx.conditions(&drafts, &module);
    cx.values(&mut drafts, &module);
    drafts.into_iter().map(|d| d.item).collect()
}

/// Whether values of type `ty` are JSON strings (ISO codes, `String`, enums).
fn is_string(module: &Module, ty: &Type) -> bool {
    match ty {
        Type::Iso(_) | Type::String => true,
        Type::Named(name) => module.enum_named(name).is_some(),
        _ => false,
    }
}

/// The violations of `value` as a value of `field` (the dynamic validator's verdict), worded
/// for a diagnostic: `path: rule: message` (`rule: message` at the value itself), joined by
/// `; `. `None` when the value obeys the field's rules.
fn breaks(module: &Module, field: &Field, value: &Json<'_>) -> Option<String> {
    let mut report = Report::new();
    check_value(module, field, value, false, &Path::root(), &mut report);
    if report.is_empty() {
        return None;
    }
    let found: Vec<String> = report
        .iter()
        .map(|v| {
            if v.path.is_empty() {
                format!("{}: {}", v.rule.as_str(), v.message)
            } else {
                format!("{}: {}: {}", v.path, v.rule.as_str(), v.message)
            }
        })
        .collect();
    Some(found.join("; "))
}

struct Cx<'a> {
    sources: &'a [Source],
    visible: &'a [HashSet<usize>],
    names: &'a HashMap<String, usize>,
    diagnostics: &'a mut Diagnostics,
}

/// A type code written with its letters repeated or out of order (`NA`, `nn`, `SNA`): the code
/// of the same letters, in the canonical order A, N, S.
fn code_suggestion(word: &str) -> Option<&'static str> {
    let upper = word.to_ascii_uppercase();
    if !upper.chars().all(|c| "ANS".contains(c)) {
        return None;
    }
    let letters: String = "ANS".chars().filter(|&c| upper.contains(c)).collect();
    Charset::from_code(&letters).map(Charset::code)
}

impl Cx<'_> {
    fn error(&mut self, file: usize, span: Span, message: String, help: Option<String>) {
        self.diagnostics
            .push(self.sources[file].error_help(span, message, help));
    }

    /// Every `Type::Named` must name an item visible from its file.
    fn resolve(&mut self, drafts: &mut [Draft]) {
        let files: Vec<usize> = drafts.iter().map(|d| d.file).collect();
        let mut visible_names: Vec<Vec<String>> = vec![Vec::new(); self.sources.len()];
        for (file, names) in visible_names.iter_mut().enumerate() {
            names.extend(
                drafts
                    .iter()
                    .filter(|d| self.visible[file].contains(&d.file))
                    .map(|d| d.item.name.clone()),
            );
        }
        for (index, draft) in drafts.iter_mut().enumerate() {
            let file = files[index];
            let Some(object) = draft.item.kind.object() else {
                continue;
            };
            for (field, spans) in object.fields.iter().zip(draft.fields.iter_mut()) {
                let Some(name) = field.ty.named() else {
                    continue;
                };
                let target = self.names.get(name).map(|&i| files[i]);
                match target {
                    Some(target) if self.visible[file].contains(&target) => continue,
                    Some(target) => {
                        let path = self.sources[target].path.display().to_string();
                        self.error(
                            file,
                            spans.type_name,
                            format!("type `{name}` is defined in `{path}`, which this file does not import"),
                            Some("a file names only its own items and those of the files it imports; move the item into a file that both import".into()),
                        );
                    }
                    None => {
                        let short_code = looks_like_type_code(name);
                        let codes = Charset::ALL.map(Charset::code);
                        if short_code {
                            self.error(
                                file,
                                spans.type_name,
                                format!("unknown type code `{name}`"),
                                code_suggestion(name)
                                    .map(|code| format!("did you mean `{code}`?"))
                                    .or_else(|| suggest(name, codes))
                                    .or_else(|| {
                                        Some(format!("type codes are {}", codes.join(", ")))
                                    }),
                            );
                        } else {
                            let candidates = visible_names[file]
                                .iter()
                                .map(String::as_str)
                                .chain(BUILTIN_TYPES.iter().copied())
                                .chain(codes);
                            let help = suggest(name, candidates).or_else(|| {
                                Some(format!("declare `## struct {name}` or `## enum {name}`, or import the file that does"))
                            });
                            self.error(
                                file,
                                spans.type_name,
                                format!("unknown type `{name}`"),
                                help,
                            );
                        }
                    }
                }
                spans.sound = false;
            }
        }
    }

    /// A struct may not hold itself (directly or through other structs) without an array in
    /// between: the generated Rust type would have infinite size.
    fn cycles(&mut self, drafts: &[Draft]) {
        // 0 = unvisited, 1 = on the path, 2 = done. An explicit stack rather than recursion:
        // a generated schema may chain thousands of structs.
        let mut state = vec![0u8; drafts.len()];
        // The path: each struct on it and the index of its next field to follow.
        let mut frames: Vec<(usize, usize)> = Vec::new();
        for start in 0..drafts.len() {
            if state[start] != 0 {
                continue;
            }
            state[start] = 1;
            frames.push((start, 0));
            while let Some(top) = frames.last_mut() {
                let (node, index) = *top;
                top.1 += 1;
                let draft = &drafts[node];
                let fields = draft.item.kind.object().map_or(&[][..], |o| &o.fields[..]);
                let Some(field) = fields.get(index) else {
                    state[node] = 2;
                    frames.pop();
                    continue;
                };
                let Type::Named(name) = &field.ty else {
                    continue;
                };
                let Some(&target) = self.names.get(name) else {
                    continue;
                };
                if drafts[target].item.kind.object().is_none() {
                    continue;
                }
                match state[target] {
                    0 => {
                        state[target] = 1;
                        frames.push((target, 0));
                    }
                    1 => {
                        let from = frames.iter().position(|(n, _)| *n == target).unwrap_or(0);
                        let mut chain: Vec<String> = frames[from..]
                            .iter()
                            .map(|&(n, next)| {
                                let ident = drafts[n]
                                    .item
                                    .kind
                                    .object()
                                    .and_then(|o| o.fields.get(next.wrapping_sub(1)))
                                    .map_or("", |f| f.ident.as_str());
                                format!("{}.{ident}", drafts[n].item.name)
                            })
                            .collect();
                        chain.push(drafts[target].item.name.clone());
                        let span = draft
                            .fields
                            .get(index)
                            .map_or(draft.name_span, |s| s.type_name);
                        self.error(
                            draft.file,
                            span,
                            format!(
                                "`{}` contains itself without indirection: {}",
                                drafts[target].item.name,
                                chain.join(" -> ")
                            ),
                            Some("a struct cannot hold itself; break the cycle, or hold the value in an `Array<T>` (an indirection)".into()),
                        );
                    }
                    _ => {}
                }
            }
        }
    }

    /// A condition names a string sibling of the same object; against a closed enum sibling,
    /// its values must be values of the enum.
    fn conditions(&mut self, drafts: &[Draft], module: &Module) {
        for draft in drafts {
            let Some(object) = draft.item.kind.object() else {
                continue;
            };
            for (field, spans) in object.fields.iter().zip(&draft.fields) {
                if let Requirement::Conditional(condition) = &field.requirement {
                    let at = (spans.condition_sibling, &spans.condition_values[..]);
                    self.condition(module, draft, field, condition, at, "condition");
                }
            }
        }
    }

    /// One condition of `field` (`what`: of a conditional requirement, `condition`, or of a
    /// conditional format, `format condition`), its sibling's and values' spans `at`: it names
    /// another field of the same table, of a string type, and values that sibling can hold (of
    /// a closed enum: its values; of a string: values that obey the sibling's own rules).
    fn condition(
        &mut self,
        module: &Module,
        draft: &Draft,
        field: &Field,
        condition: &Condition,
        at: (Span, &[Span]),
        what: &str,
    ) {
        let (sibling_span, value_spans) = at;
        let Some(object) = draft.item.kind.object() else {
            return;
        };
        if condition.sibling == field.ident {
            self.error(
                draft.file,
                sibling_span,
                format!("the {what} of `{}` names the field itself", field.ident),
                Some("a condition names another field of the same table".into()),
            );
            return;
        }
        let Some((sibling, sibling_spans)) = object
            .fields
            .iter()
            .zip(&draft.fields)
            .find(|(f, _)| f.ident == condition.sibling)
        else {
            let help = suggest(
                &condition.sibling,
                object.fields.iter().map(|f| f.ident.as_str()),
            )
            .unwrap_or_else(|| "a condition names another field of the same table".into());
            self.error(
                draft.file,
                sibling_span,
                format!(
                    "the {what} names `{}`, which is not a field of `{}`",
                    condition.sibling, draft.item.name
                ),
                Some(help),
            );
            return;
        };
        if !sibling_spans.sound {
            return;
        }
        match &sibling.ty {
            // A value the sibling can never hold makes the condition dead: say so.
            Type::Iso(_) | Type::String => {
                for (value, span) in condition.values.iter().zip(value_spans) {
                    let json = Json::Str(Cow::Borrowed(value));
                    if let Some(found) = breaks(module, sibling, &json) {
                        self.error(
                            draft.file,
                            *span,
                            format!(
                                "`{value}` can never be the value of `{}`: {found}",
                                sibling.ident
                            ),
                            None,
                        );
                    }
                }
            }
            Type::Named(name) => match module.item(name).map(|item| &item.kind) {
                Some(ItemKind::Enum(e)) => {
                    let allowed: Vec<&str> = e.values.iter().map(|v| v.value.as_str()).collect();
                    for (value, span) in condition.values.iter().zip(value_spans) {
                        if e.accepts(value) {
                            continue;
                        }
                        let help = suggest(value, allowed.iter().copied()).unwrap_or_else(|| {
                            format!("`{name}` has the values {}", allowed.join(", "))
                        });
                        self.error(
                            draft.file,
                            *span,
                            format!(
                                "`{value}` is not a value of `{name}`, the type of `{}`",
                                sibling.ident
                            ),
                            Some(help),
                        );
                    }
                }
                Some(_) => self.error(
                    draft.file,
                    sibling_span,
                    format!(
                        "the {what} names `{}`, of type `{name}` (an object); conditions compare string values",
                        sibling.ident
                    ),
                    None,
                ),
                None => {}
            },
            other => self.error(
                draft.file,
                sibling_span,
                format!(
                    "the {what} names `{}`, of type `{}`; conditions compare string values",
                    sibling.ident,
                    other
                ),
                None,
            ),
        }
    }

    /// Fixed values and examples obey their field's own rules; examples are stored as JSON.
    fn values(&mut self, drafts: &mut [Draft], module: &Module) {
        // Checked against the module, then stored in the drafts: (draft, field, JSON text).
        let mut found: Vec<(usize, usize, String)> = Vec::new();
        for (d, draft) in drafts.iter().enumerate() {
            let file = draft.file;
            let Some(object) = draft.item.kind.object() else {
                continue;
            };
            for (f, (field, spans)) in object.fields.iter().zip(&draft.fields).enumerate() {
                if !spans.sound {
                    continue;
                }
                let string = is_string(module, &field.ty);
                if let Some(fixed) = &field.fixed {
                    if !string {
                        self.error(
                            file,
                            spans.fixed,
                            format!("`{}` fields cannot have a fixed value", field.ty),
                            Some("fixed values apply to string fields".into()),
                        );
                    } else if let Some(broken) =
                        breaks(module, field, &Json::Str(Cow::Borrowed(fixed)))
                    {
                        self.error(
                            file,
                            spans.fixed,
                            format!("the fixed value breaks the field's own rules: {broken}"),
                            None,
                        );
                    }
                }
                let Some(cell) = &spans.example else {
                    continue;
                };
                let text = crate::check::file::strip_code(&cell.text);
                let parsed = if string && !text.starts_with('"') {
                    Ok(vec![(Json::Str(Cow::Borrowed(text)), None)])
                } else {
                    parse_all(text).map(|values| {
                        values
                            .into_iter()
                            .map(|(value, raw)| (value, Some(raw)))
                            .collect()
                    })
                };
                let Ok(values) = parsed else {
                    self.error(
                        file,
                        cell.span,
                        "malformed example".into(),
                        Some("write JSON values (`\"S\"`, `2592000`, `{\"currency\": \"USD\"}`), or bare text for a string field".into()),
                    );
                    continue;
                };
                for (value, raw) in values {
                    let broken = match value {
                        Json::Null => Some("null is absence, not an example".to_string()),
                        _ => breaks(module, field, &value),
                    };
                    if let Some(broken) = broken {
                        self.error(
                            file,
                            cell.span,
                            format!("the example breaks the field's own rules: {broken}"),
                            None,
                        );
                        continue;
                    }
                    // Stored as serde_json writes the value (one spelling per value).
                    let stored = match raw {
                        None => Some(Value::String(text.to_string())),
                        Some(raw) => serde_json::from_str::<Value>(raw).ok(),
                    };
                    if let Some(stored) = stored {
                        found.push((d, f, stored.to_string()));
                    }
                }
            }
        }
        for (d, f, example) in found {
            if let Some(field) = drafts[d]
                .item
                .kind
                .object_mut()
                .and_then(|object| object.fields.get_mut(f))
            {
                field.examples.push(example);
            }
        }
    }
}

mod format_when;
