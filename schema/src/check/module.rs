//! The checker's second stage: the checks that need every file's items at once. The
//! [`ModuleChecker`] finds the names of the module and resolves type references (in
//! [`super::scope`]: what each file may name, through its imports and their selections and
//! aliases); rejects a struct that holds itself
//! without indirection; verifies conditions (in [`super::conditions`]); and holds fixed values
//! and examples to their field's own rules — checked by the dynamic validator
//! ([`crate::dynamic::check_value`]), the same interpreter of the validation semantics that
//! validates documents, over a module of the items as resolved.

use std::borrow::Cow;
use std::collections::HashMap;

use fieldtab_runtime::{Charset, Path, Report};

use super::Draft;
use super::cells::{example_values, strip_code};
use super::scope::Link;
use crate::diagnostics::{Diagnostics, Source, Span};
use crate::dynamic::{Json, check_value};
use crate::model::{Field, Item, Module, Type};

/// Checks the drafts of every file together, reporting into the schema's diagnostics.
pub(super) struct ModuleChecker<'a> {
    pub(super) sources: &'a [Source],
    /// Each item's name in the module and the index of its draft (once names are resolved).
    names: HashMap<String, usize>,
    diagnostics: &'a mut Diagnostics,
}

impl<'a> ModuleChecker<'a> {
    /// A checker of the drafts of `sources`.
    pub(super) fn new(sources: &'a [Source], diagnostics: &'a mut Diagnostics) -> Self {
        ModuleChecker {
            sources,
            names: HashMap::new(),
            diagnostics,
        }
    }

    /// Runs the module-wide checks on `drafts` (of files that import each other as `links`
    /// say) and returns the items the module holds, each with its file and its name in that
    /// file (before an import's alias renamed it).
    pub(super) fn items(
        mut self,
        links: &[Vec<Link<'_>>],
        mut drafts: Vec<Draft>,
    ) -> Vec<(usize, String, Item)> {
        let declared: Vec<String> = drafts.iter().map(|d| d.item.name.clone()).collect();
        let names = self.names(links, &drafts);
        self.resolve(&names, links, &mut drafts);
        let expanded = self.variants(&names, &mut drafts);
        let from = self.diagnostics.len();
        self.names = drafts
            .iter()
            .enumerate()
            .map(|(index, draft)| (draft.item.name.clone(), index))
            .collect();
        self.cycles(&drafts);
        // Values are checked against the items as resolved; a field whose type did not
        // resolve is not `clean` and is skipped, and a reference that did not resolve further
        // down accepts any value.
        let module = Module {
            title: None,
            doc: String::new(),
            items: drafts.iter().map(|d| d.item.clone()).collect(),
        };
        self.conditions(&mut drafts, &module);
        self.listed_values(&drafts, &module);
        self.values(&mut drafts, &module);
        self.note_copied(&expanded, from);
        drafts
            .into_iter()
            .zip(declared)
            .zip(names.included)
            .filter(|(_, included)| *included)
            .map(|((draft, declared), _)| (draft.file, declared, draft.item))
            .collect()
    }
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
pub(super) fn breaks(module: &Module, field: &Field, value: &Json<'_>) -> Option<String> {
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

/// A type code written with its letters repeated or out of order (`NA`, `nn`, `SNA`): the code
/// of the same letters, in the canonical order A, N, S.
pub(super) fn code_suggestion(word: &str) -> Option<&'static str> {
    let upper = word.to_ascii_uppercase();
    if !upper.chars().all(|c| "ANS".contains(c)) {
        return None;
    }
    let letters: String = "ANS".chars().filter(|&c| upper.contains(c)).collect();
    Charset::from_code(&letters).map(Charset::code)
}

impl ModuleChecker<'_> {
    /// The schema's diagnostics, for a stage-one check run again on what stage two made (the
    /// fit of a variant's field).
    pub(super) fn diagnostics(&mut self) -> &mut Diagnostics {
        self.diagnostics
    }

    pub(super) fn error(&mut self, file: usize, span: Span, message: String, help: Option<String>) {
        self.diagnostics
            .push(self.sources[file].error_help(span, message, help));
    }

    /// An error with notes, each pointing at another place of the same file.
    pub(super) fn error_notes(
        &mut self,
        file: usize,
        span: Span,
        message: String,
        notes: Vec<(Span, String)>,
        help: Option<String>,
    ) {
        let source = &self.sources[file];
        let mut diagnostic = source.error_help(span, message, help);
        diagnostic.notes = notes
            .into_iter()
            .map(|(at, note)| source.note(at, note))
            .collect();
        self.diagnostics.push(diagnostic);
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
                if !spans.clean {
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
                let text = strip_code(&cell.text);
                let Some(values) = example_values(text, string) else {
                    self.error(
                        file,
                        cell.span,
                        "malformed example".into(),
                        Some("write JSON values (`\"S\"`, `2592000`, `{\"currency\": \"USD\"}`), or bare text for a string field".into()),
                    );
                    continue;
                };
                for example in values {
                    let broken = match example.value {
                        Json::Null => Some("null is absence, not an example".to_string()),
                        ref value => breaks(module, field, value),
                    };
                    if let Some(broken) = broken {
                        self.error(
                            file,
                            cell.span,
                            format!("the example breaks the field's own rules: {broken}"),
                            None,
                        );
                    } else if let Some(stored) = example.stored {
                        found.push((d, f, stored));
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
