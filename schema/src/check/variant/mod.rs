//! Variants (`## struct OrderEntryCode from Order`, schemas/README.md "Variants"): an item
//! derived from another message or struct of the module, its table listing only what changes.
//!
//! The first stage reads a variant's rows as what they fill ([`Filled`]; an empty cell is one
//! the row leaves to the base), and keeps its group lines. The second stage, once names are
//! resolved, expands every variant into an ordinary item ([`ModuleChecker::variants`]): the
//! base's fields in the base's order, each row overriding the cells it fills of the field of its
//! identifier, or adding a field; the base's groups and options, and the variant's own. Every
//! later check (cycles, conditions, values) and every consumer (codegen, the dynamic validator,
//! the JSON Schema export) sees an ordinary item: the variant exists only here.

mod fields;

use self::fields::{BaseIndex, override_field, pointing_at};
use super::file::FileChecker;
use super::module::ModuleChecker;
use super::numbers::default_for;
use super::scope::Names;
use super::{Draft, FieldSpans};
use crate::diagnostics::Span;
use crate::model::{Accepts, Field, Group, ItemKind, Object, Requirement};
use crate::read::lexer::Cell;
use crate::read::syntax::{GroupSyntax, ItemSyntax, Keyword, Table};
use crate::{names, suggest};

/// What a variant adds to its draft until it is expanded.
#[derive(Clone, Debug)]
pub(crate) struct Variant {
    /// The base's name as the variant's file names it.
    pub(super) base: String,
    pub(super) base_span: Span,
    /// The variant's own group lines, checked against the expanded fields.
    pub(super) groups: Vec<GroupSyntax>,
    /// For each row (the draft's fields, same order): what it fills.
    pub(super) rows: Vec<Filled>,
}

/// The cells a row of a variant's table fills (an empty cell, or a placeholder in an optional
/// column, keeps the base's), and the cells its fit is checked with once it is expanded.
#[derive(Clone, Debug, Default)]
pub(crate) struct Filled {
    pub(super) ty: bool,
    /// The Length cell, or a length read from the Description.
    pub(super) length: bool,
    pub(super) request: bool,
    /// The Format cell: the format, conditional formats, fixed value, pattern, forbidden
    /// characters and sensitivity, all restated.
    pub(super) format: bool,
    /// The Description (or Default value) cell: the documentation.
    pub(super) doc: bool,
    pub(super) label: bool,
    pub(super) example: bool,
    pub(super) type_cell: Option<Cell>,
    pub(super) length_cell: Option<Cell>,
    pub(super) format_cell: Option<Cell>,
    /// The `Accepts:` default of the variant's file, for the fields whose type or Format cell
    /// the row states without an `accepts` part, and for the fields it adds.
    pub(super) accepts_default: Accepts,
}

impl Filled {
    /// Whether the row fills no cell but its identifier.
    fn is_empty(&self) -> bool {
        !(self.ty
            || self.length
            || self.request
            || self.format
            || self.doc
            || self.label
            || self.example)
    }
}

impl FileChecker<'_> {
    /// The draft of a variant: its rows read as what they change, and its group lines kept;
    /// the second stage expands it once its base is known.
    pub(super) fn variant_draft(
        &mut self,
        syntax: &ItemSyntax,
        base: &str,
        base_span: Span,
        deny_unknown: bool,
        table: Option<&Table>,
    ) -> Draft {
        let (fields, spans, rows) = match table {
            Some(table) => self.fields(&syntax.name, table, true),
            None => Default::default(),
        };
        let object = Object {
            fields,
            deny_unknown,
            groups: Vec::new(),
        };
        let kind = if syntax.keyword == Keyword::Message {
            ItemKind::Message(object)
        } else {
            ItemKind::Struct(object)
        };
        Draft {
            file: self.file(),
            name_span: syntax.name_span,
            item: crate::model::Item {
                name: syntax.name.clone(),
                doc: syntax.doc.clone(),
                kind,
            },
            fields: spans,
            variant: Some(Box::new(Variant {
                base: base.to_string(),
                base_span,
                groups: syntax.groups.clone(),
                rows,
            })),
            inline_of: None,
        }
    }
}

/// A row that adds a field: the row read, what it fills, and its index in the table.
struct New<'r> {
    row: &'r Field,
    filled: &'r Filled,
    r: usize,
}

/// A variant being expanded: the base's fields so far, with where each came from.
struct Expansion {
    fields: Vec<Field>,
    spans: Vec<FieldSpans>,
    /// For each field: the index of the variant's row that overrode or added it, if any.
    row_of: Vec<Option<usize>>,
}

/// The most fields the variants of a module may copy from their bases, in all: each variant
/// copies its base's fields, so a long chain of variants of a wide struct (a hostile or
/// generated file) would otherwise take memory quadratic in the file's size. Real schemas copy
/// a few hundred.
pub const MAX_VARIANT_FIELDS: usize = 100_000;

/// How many unknown bases get a did-you-mean ([`ModuleChecker::base`]).
const MAX_SUGGESTED: usize = 32;

/// A variant once expanded: where its heading is and what it derives from, for the note of a
/// later diagnostic about a field it copied ([`ModuleChecker::note_copied`]).
pub(super) struct Expanded {
    file: usize,
    at: Span,
    name: String,
    base: String,
}

impl ModuleChecker<'_> {
    /// Expands every variant into an ordinary item, bases first; reports an unknown base, a
    /// base that is an enum, variants deriving from each other in a cycle, each misused row,
    /// and expansions beyond [`MAX_VARIANT_FIELDS`]. Runs once names are resolved (`names` are
    /// the module's), before any check that reads the fields of an item. Returns the variants
    /// expanded.
    pub(super) fn variants(&mut self, names: &Names, drafts: &mut [Draft]) -> Vec<Expanded> {
        let mut expanded = Vec::new();
        let mut copied = 0usize;
        let count = drafts.len();
        // Each variant's base (a draft index), once it is known to be a message or struct.
        let mut base_of: Vec<Option<usize>> = vec![None; count];
        let mut failed = vec![false; count];
        let mut suggested = 0;
        for d in 0..count {
            let Some(variant) = &drafts[d].variant else {
                continue;
            };
            match self.base(names, &drafts[d], variant, drafts, &mut suggested) {
                Some(b) => base_of[d] = Some(b),
                None => failed[d] = true,
            }
        }
        self.variant_cycles(drafts, &mut base_of, &mut failed);
        let mut done = vec![false; count];
        for start in 0..count {
            // The chain of variants to expand before `start`, ending at a base that needs none.
            let mut chain = vec![start];
            while let Some(&last) = chain.last() {
                match base_of[last] {
                    Some(b) if drafts[b].variant.is_some() && !done[b] && !failed[b] => {
                        chain.push(b);
                    }
                    _ => break,
                }
            }
            for &d in chain.iter().rev() {
                if done[d] || drafts[d].variant.is_none() {
                    continue;
                }
                done[d] = true;
                let mut base = base_of[d].filter(|&b| !failed[b]);
                if let Some(b) = base {
                    let width = drafts[b].item.kind.object().map_or(0, |o| o.fields.len());
                    copied = copied.saturating_add(width);
                    if copied > MAX_VARIANT_FIELDS {
                        if let Some(variant) = &drafts[d].variant {
                            self.error(
                                drafts[d].file,
                                variant.base_span,
                                format!("the variants of this schema copy more than {MAX_VARIANT_FIELDS} fields from their bases"),
                                Some("write fewer variants of wide items, or declare some of them in full".into()),
                            );
                        }
                        // Reported once: every later variant fails too, silently.
                        copied = usize::MAX;
                        base = None;
                    }
                }
                match base {
                    Some(b) => {
                        expanded.push(Expanded {
                            file: drafts[d].file,
                            at: drafts[d].name_span,
                            name: drafts[d].item.name.clone(),
                            base: drafts[b].item.name.clone(),
                        });
                        self.expand(drafts, d, b);
                    }
                    None => {
                        // Reported (its base, or the base's base): its rows are not checked
                        // further.
                        failed[d] = true;
                        drafts[d].variant = None;
                        drafts[d].fields.iter_mut().for_each(|s| s.clean = false);
                    }
                }
            }
        }
        expanded
    }

    /// Adds a note to each diagnostic pushed since `from` at the heading of a variant of
    /// `expanded`: the fields a variant copies point there (their cells are in the base's
    /// table), so what fails is a rule of a base field checked against the variant's fields
    /// (a condition naming a sibling the variant changed, an example).
    pub(super) fn note_copied(&mut self, expanded: &[Expanded], from: usize) {
        if expanded.is_empty() {
            return;
        }
        let sources = self.sources;
        let at: Vec<(&std::path::Path, Span, String)> = expanded
            .iter()
            .map(|e| {
                (
                    sources[e.file].path.as_path(),
                    e.at,
                    format!(
                        "`{}` keeps the fields of `{}` its table does not name; their rules (conditions, examples) are checked against the fields of `{}`",
                        e.name, e.base, e.name
                    ),
                )
            })
            .collect();
        for diagnostic in self.diagnostics().since(from) {
            for (path, span, note) in &at {
                if diagnostic.file == *path
                    && (diagnostic.line, diagnostic.col, diagnostic.len)
                        == (span.line, span.col, span.len.max(1))
                    && !diagnostic.notes.iter().any(|n| n.message == *note)
                {
                    diagnostic.notes.push(crate::diagnostics::Note {
                        message: note.clone(),
                        at: None,
                    });
                }
            }
        }
    }

    /// The draft a variant's base names, if it is a message or struct; else reported, with a
    /// did-you-mean for the first [`MAX_SUGGESTED`] unknown bases (`suggested` counts them).
    fn base(
        &mut self,
        names: &Names,
        draft: &Draft,
        variant: &Variant,
        drafts: &[Draft],
        suggested: &mut usize,
    ) -> Option<usize> {
        if variant.base.is_empty() {
            // A malformed heading, reported by the parser.
            return None;
        }
        let scope = &names.scopes[draft.file];
        if let Some(&b) = scope.get(&variant.base) {
            if drafts[b].item.kind.object().is_some() {
                return Some(b);
            }
            self.error(
                draft.file,
                variant.base_span,
                format!("`{}` is an enum: a variant derives from a message or struct", variant.base),
                Some(format!(
                    "an enum's values are its own; to change them, declare another `## enum` (or an inline `enum(…)` in the Type cell of `{}`'s row)",
                    drafts[b].item.name
                )),
            );
            return None;
        }
        // An item of a file this one does not import, or imports without selecting it.
        if let Some(home) = drafts
            .iter()
            .find(|other| other.file != draft.file && other.item.name == variant.base)
        {
            let path = self.sources[home.file].path.display().to_string();
            self.error(
                draft.file,
                variant.base_span,
                format!(
                    "`{}` is an item of `{path}`, which this file cannot name",
                    variant.base
                ),
                Some(format!(
                    "import that file, or select `{}` in this file's import of it (`Import: …, {} from [label](path)`)",
                    variant.base, variant.base
                )),
            );
            return None;
        }
        // Each did-you-mean reads every name of the file: past a few, a file of unknown bases
        // would take time quadratic in its size.
        let mut objects: Vec<&str> = Vec::new();
        if *suggested < MAX_SUGGESTED {
            *suggested += 1;
            objects = scope
                .iter()
                .filter(|(_, b)| drafts[**b].item.kind.object().is_some())
                .map(|(name, _)| name.as_str())
                .collect();
            objects.sort_unstable();
        }
        let help = suggest::help(&variant.base, objects).unwrap_or_else(|| {
            format!(
                "a variant derives from a message or struct of this file or of one it imports; declare `## struct {}` or import it",
                variant.base
            )
        });
        self.error(
            draft.file,
            variant.base_span,
            format!("unknown base `{}`", variant.base),
            Some(help),
        );
        None
    }

    /// Variants deriving from each other in a circle cannot be expanded: each cycle is
    /// reported once, at the variant that closes it, and its variants fail.
    fn variant_cycles(
        &mut self,
        drafts: &[Draft],
        base_of: &mut [Option<usize>],
        failed: &mut [bool],
    ) {
        // 0 = unvisited, 1 = on the current walk, 2 = done. Each variant has one base: a walk
        // follows one chain.
        let mut state = vec![0u8; drafts.len()];
        for start in 0..drafts.len() {
            let mut walk = Vec::new();
            let mut at = Some(start);
            while let Some(d) = at {
                if state[d] != 0 {
                    break;
                }
                state[d] = 1;
                walk.push(d);
                at = base_of[d];
            }
            if let Some(d) = at
                && state[d] == 1
            {
                let from = walk.iter().position(|&w| w == d).unwrap_or(0);
                let cycle = &walk[from..];
                let mut chain: Vec<&str> = cycle
                    .iter()
                    .map(|&c| drafts[c].item.name.as_str())
                    .collect();
                chain.push(&drafts[d].item.name);
                // A generated file may chain thousands: the message names the first few.
                let shown = if chain.len() > 8 {
                    format!(
                        "{} from … from {} ({} variants)",
                        chain[..4].join(" from "),
                        chain[chain.len() - 2..].join(" from "),
                        cycle.len()
                    )
                } else {
                    chain.join(" from ")
                };
                let last = *cycle.last().unwrap_or(&d);
                if let Some(variant) = &drafts[last].variant {
                    self.error(
                        drafts[last].file,
                        variant.base_span,
                        format!("variants derive from each other in a cycle: {shown}"),
                        Some("a variant derives from an item that is not, through its own bases, derived from it; derive one of them from an ordinary message or struct".into()),
                    );
                }
                for &c in cycle {
                    base_of[c] = None;
                    failed[c] = true;
                }
            }
            for d in walk {
                state[d] = 2;
            }
        }
    }

    /// Expands variant `d` from its base `b` (an ordinary item, or a variant already expanded).
    fn expand(&mut self, drafts: &mut [Draft], d: usize, b: usize) {
        let Some(variant) = drafts[d].variant.take() else {
            return;
        };
        let (file, at) = (drafts[d].file, drafts[d].name_span);
        let Some(base) = drafts[b].item.kind.object().cloned() else {
            return;
        };
        let base_name = drafts[b].item.name.clone();
        let mut expansion = Expansion {
            fields: base.fields.clone(),
            spans: drafts[b]
                .fields
                .iter()
                .map(|s| pointing_at(s, at))
                .collect(),
            row_of: vec![None; base.fields.len()],
        };
        let own = drafts[d].item.kind.object().cloned();
        let rows = own.as_ref().map_or(&[][..], |o| &o.fields[..]);
        let row_spans = std::mem::take(&mut drafts[d].fields);
        let index = BaseIndex::new(&base.fields);
        for (r, ((row, spans), filled)) in rows.iter().zip(row_spans).zip(&variant.rows).enumerate()
        {
            match index.field(&row.ident) {
                Some(i) => {
                    if filled.is_empty() && row.fixed.is_none() && row.forbidden.is_none() {
                        let sources = self.sources;
                        self.diagnostics().push(sources[file].warning(
                            spans.ident,
                            format!("this row changes nothing: `{}` stays as `{base_name}` has it", row.ident),
                            Some("fill the cells the variant changes, or remove the row (a variant keeps every field of its base)".into()),
                        ));
                    }
                    let (field, merged) = override_field(
                        &expansion.fields[i],
                        &expansion.spans[i],
                        row,
                        spans,
                        filled,
                    );
                    expansion.fields[i] = field;
                    expansion.spans[i] = merged;
                    expansion.row_of[i] = Some(r);
                    self.fit_row(file, &mut expansion, i, filled);
                }
                None => {
                    let new = New { row, filled, r };
                    self.add_field(file, &base_name, &index, &mut expansion, new, spans);
                }
            }
        }
        let groups = self.variant_groups(drafts, d, &variant, &base, &index, &expansion);
        let object = Object {
            fields: expansion.fields,
            deny_unknown: base.deny_unknown || own.is_some_and(|o| o.deny_unknown),
            groups,
        };
        drafts[d].item.kind = match drafts[d].item.kind {
            ItemKind::Message(_) => ItemKind::Message(object),
            _ => ItemKind::Struct(object),
        };
        drafts[d].fields = expansion.spans;
    }

    /// A row whose identifier is not the base's: a new field, which states its type and
    /// requirement; a name one edit from a base field's is taken for a misspelled override.
    fn add_field(
        &mut self,
        file: usize,
        base_name: &str,
        index: &BaseIndex,
        expansion: &mut Expansion,
        new: New<'_>,
        mut spans: FieldSpans,
    ) {
        let New { row, filled, r } = new;
        let near = index
            .near(&row.ident, &expansion.fields)
            .map(|i| expansion.fields[i].ident.clone());
        if let Some(near) = near {
            self.error(
                file,
                spans.ident,
                format!("`{}` is not a field of `{base_name}`", row.ident),
                Some(format!(
                    "did you mean to override `{near}`? (a new field one edit from a base field's name is taken for a misspelling; choose a clearly different name to add one)"
                )),
            );
            spans.clean = false;
        } else if !filled.ty || !filled.request {
            let missing = match (filled.ty, filled.request) {
                (false, false) => "a Type and a Request",
                (false, true) => "a Type",
                _ => "a Request",
            };
            self.error(
                file,
                spans.ident,
                format!("`{}` is not a field of `{base_name}`: a new field needs {missing}", row.ident),
                Some(format!(
                    "fill its Type and Request cells to add it; to override a field of `{base_name}`, write its identifier as `{base_name}` does"
                )),
            );
            spans.clean = false;
        } else {
            let rust = names::field_name(&row.ident);
            if let Some(other) = index.rust(&rust).map(|i| &expansion.fields[i]) {
                self.error(
                    file,
                    spans.ident,
                    format!(
                        "identifiers `{}` (of `{base_name}`) and `{}` give the same Rust field name `{rust}`",
                        other.ident, row.ident
                    ),
                    Some("rename the new field".into()),
                );
                spans.clean = false;
            }
        }
        let mut field = row.clone();
        if spans.accepts.is_none() {
            field.accepts = default_for(&field.ty, filled.accepts_default);
        }
        if !filled.example {
            spans.example = None;
        }
        field.examples.clear();
        expansion.fields.push(field);
        expansion.spans.push(spans);
        expansion.row_of.push(Some(r));
        let i = expansion.fields.len() - 1;
        self.fit_row(file, expansion, i, filled);
    }

    /// The type, length and format of field `i`, made of a base field and a row, agree (the
    /// check a row of an ordinary table gets when it is read).
    fn fit_row(&mut self, file: usize, expansion: &mut Expansion, i: usize, filled: &Filled) {
        if !expansion.spans[i].clean {
            return;
        }
        let mut prose = Vec::new();
        let mut checker =
            FileChecker::new(file, &self.sources[file], self.diagnostics(), &mut prose);
        checker.fit(
            &expansion.fields[i],
            filled.type_cell.as_ref(),
            filled.length_cell.as_ref(),
            filled.format_cell.as_ref(),
            &mut expansion.spans[i],
        );
    }

    /// The groups of the expanded variant: the base's, whose members a row may not make
    /// mandatory, then the variant's own lines, checked as an ordinary item's are.
    fn variant_groups(
        &mut self,
        drafts: &[Draft],
        d: usize,
        variant: &Variant,
        base: &Object,
        index: &BaseIndex,
        expansion: &Expansion,
    ) -> Vec<Group> {
        let file = drafts[d].file;
        let mut groups = Vec::new();
        for group in &base.groups {
            let mut kept = true;
            for member in &group.members {
                // A member is a base field: its place in the expansion is its place in the base.
                let Some(i) = index.field(member) else {
                    continue;
                };
                if expansion.fields[i].requirement == Requirement::Mandatory
                    && expansion.row_of[i].is_some()
                {
                    let phrase = crate::read::directives::capitalized(group.kind.phrase());
                    self.error(
                        file,
                        expansion.spans[i].ident,
                        format!(
                            "`{member}` is a member of the base's group `{phrase}: {}`: it cannot be mandatory",
                            group.members.join(", ")
                        ),
                        Some(format!(
                            "a group counts fields that may be absent; keep `{member}` optional (`O`) or conditional, or derive from an item without this group"
                        )),
                    );
                    kept = false;
                }
            }
            if kept {
                groups.push(group.clone());
            }
        }
        let mut errors = Vec::new();
        let own = super::groups::groups(
            &drafts[d].item.name,
            &variant.groups,
            &expansion.fields,
            &mut errors,
        );
        for (span, message, help) in errors {
            self.error(file, span, message, help);
        }
        groups.extend(own);
        groups
    }
}
