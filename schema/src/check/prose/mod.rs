//! Rules stated in prose in a field's Description (Note, Remarks) cell, as vendors write them
//! ("Maximum length: 64 characters", "The valid value is `X`"): [`phrases`] finds them, this
//! module writes what they state in the syntax of the cell that would state it explicitly
//! (Length `64`, Format `fixed X`) and reads that with the same cell readers as an explicit
//! cell, so a rule in prose is exactly an explicit one (`schemas/README.md`, "Rules in prose").
//!
//! A phrase that starts like a rule but does not read is a warning; a rule in prose that
//! disagrees with an explicit cell, or with another phrase, is an error pointing at both. Each
//! rule read is recorded as a [`ProseRule`] for `fieldtab check --explain`; the model holds the
//! rule only.

mod listed;
mod phrases;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use self::phrases::{Bound, Phrase, Reading, Stated, Unit};
use super::file::FileChecker;
use super::numbers;
use super::{Draft, FieldSpans};
use crate::diagnostics::{Diagnostics, Note, Source, Span};
use crate::model::{Field, Requirement, Type};
use crate::prose::ProseRule;
use crate::read::lexer::Cell;

/// The cell a rule in prose stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Column {
    Length,
    Format,
    /// A list of values: the field's type, which must hold exactly those values.
    Type,
}

impl Column {
    fn name(self) -> &'static str {
        match self {
            Column::Length => "Length",
            Column::Format => "Format",
            Column::Type => "Type",
        }
    }
}

/// A rule of a cell's prose in cell syntax, and the phrases (indices) that state it.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct CellRule {
    pub(super) column: Column,
    pub(super) syntax: String,
    pub(super) phrases: Vec<usize>,
    /// For a length: whether the phrases state its minimum and its maximum (the other bound
    /// is the explicit cell's to say).
    pub(super) states: (bool, bool),
    /// For a list of values: the values listed.
    pub(super) values: Vec<String>,
}

/// Why a phrase that reads is not a rule of the field.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Problem {
    /// Two phrases state the same rule differently (indices: the later one, the earlier one).
    Conflict(usize, usize),
    /// The phrase reads, but what it states cannot be a rule here: a warning, with why.
    Unsupported(usize, String),
    /// The phrase states what the field's type cannot hold: an error, with why.
    Impossible(usize, String),
}

/// The rules `phrases` state for a field of type `ty`, in cell syntax; and the problems.
pub(super) fn translate(phrases: &[Phrase<'_>], ty: &Type) -> (Vec<CellRule>, Vec<Problem>) {
    let mut rules = Vec::new();
    let mut problems = Vec::new();
    let mut length = Bounds::default();
    let mut size = Bounds::default();
    let mut fixed: Option<(String, Vec<usize>)> = None;
    let mut values: Option<(Vec<String>, Vec<usize>)> = None;
    let mut forbidden: Option<(String, Vec<usize>)> = None;
    let mut range: Option<(String, Vec<usize>)> = None;
    for (index, phrase) in phrases.iter().enumerate() {
        let Reading::Rule(stated) = &phrase.reading else {
            continue;
        };
        match stated {
            Stated::Length { bound, n, unit } => {
                if *unit == Unit::Bytes && *ty == Type::String {
                    problems.push(Problem::Unsupported(
                        index,
                        "a `String` field's length counts characters, not bytes".into(),
                    ));
                    continue;
                }
                if let Err(other) = length.set(*bound, n, index) {
                    problems.push(Problem::Conflict(index, other));
                }
            }
            Stated::Fixed(value) => match &mut fixed {
                Some((first, at)) if first == value => at.push(index),
                Some((_, at)) => problems.push(Problem::Conflict(index, at[0])),
                None => fixed = Some((value.clone(), vec![index])),
            },
            Stated::Size { bound, n } => {
                if let Err(other) = size.set(*bound, n, index) {
                    problems.push(Problem::Conflict(index, other));
                }
            }
            Stated::Values(listed) => match &mut values {
                Some((first, at)) if same_values(first, listed) => at.push(index),
                Some((_, at)) => problems.push(Problem::Conflict(index, at[0])),
                None => values = Some((listed.clone(), vec![index])),
            },
            // `Value range: unlimited`: no rule to read.
            Stated::Range {
                min: None,
                max: None,
            } => {}
            Stated::Range { min, max } => match numbers::range_syntax(ty, min, max) {
                Ok(syntax) => match &mut range {
                    Some((first, at)) if *first == syntax => at.push(index),
                    Some((_, at)) => problems.push(Problem::Conflict(index, at[0])),
                    None => range = Some((syntax, vec![index])),
                },
                Err(why) => problems.push(Problem::Unsupported(index, why)),
            },
            // Two lists of characters not allowed both hold: the union is not allowed.
            Stated::Forbidden(chars) => {
                let (known, at) = forbidden.get_or_insert_with(|| (String::new(), Vec::new()));
                for c in chars.chars() {
                    if !known.contains(c) {
                        known.push(c);
                    }
                }
                at.push(index);
            }
        }
    }
    match length.syntax() {
        Ok(Some((syntax, states))) => rules.push(CellRule {
            column: Column::Length,
            syntax,
            phrases: length.phrases.clone(),
            states,
            values: Vec::new(),
        }),
        Ok(None) => {}
        Err(message) => {
            for &index in &length.phrases {
                problems.push(Problem::Unsupported(index, message.clone()));
            }
        }
    }
    if let Some((syntax, states)) = size.items_syntax() {
        rules.push(CellRule {
            column: Column::Format,
            syntax,
            phrases: size.phrases.clone(),
            states,
            values: Vec::new(),
        });
    }
    if let Some((syntax, phrases)) = range {
        rules.push(CellRule {
            column: Column::Format,
            syntax,
            phrases,
            states: (false, false),
            values: Vec::new(),
        });
    }
    if let Some((value, phrases)) = fixed {
        rules.push(CellRule {
            column: Column::Format,
            syntax: format!("fixed {}", quote_if_needed(&value)),
            phrases,
            states: (false, false),
            values: Vec::new(),
        });
    }
    if let Some((chars, phrases)) = forbidden {
        rules.push(CellRule {
            column: Column::Format,
            syntax: format!("forbidden {}", serde_json::Value::String(chars)),
            phrases,
            states: (false, false),
            values: Vec::new(),
        });
    }
    if let Some((listed, phrases)) = values {
        match values_rule(&listed, ty) {
            Ok(syntax) => rules.push(CellRule {
                column: Column::Type,
                syntax,
                phrases,
                states: (false, false),
                values: listed,
            }),
            Err(problem) => problems.extend(phrases.iter().map(|&i| problem(i))),
        }
    }
    (rules, problems)
}

/// Whether two sets of characters are the same, in any order.
fn same_chars(a: &str, b: &str) -> bool {
    a.chars().all(|c| b.contains(c)) && b.chars().all(|c| a.contains(c))
}

/// Whether two lists hold the same values, in any order.
fn same_values(a: &[String], b: &[String]) -> bool {
    let mut a: Vec<&String> = a.iter().collect();
    let mut b: Vec<&String> = b.iter().collect();
    a.sort();
    a.dedup();
    b.sort();
    b.dedup();
    a == b
}

/// The Type cell a list of values stands for on a field of type `ty`: an enum type names its
/// values (checked against the enum once the module is read), `Boolean` holds `true` and
/// `false`; otherwise the problem it is.
fn values_rule(listed: &[String], ty: &Type) -> Result<String, fn(usize) -> Problem> {
    match ty {
        Type::Named(name) => Ok(name.clone()),
        Type::Boolean if listed.iter().all(|v| v == "true" || v == "false") => Ok("Boolean".into()),
        Type::Boolean => Err(|i| {
            Problem::Impossible(i, "a `Boolean` field holds only `true` and `false`".into())
        }),
        Type::String => {
            let values: Vec<String> = listed.iter().map(|v| enum_value(v)).collect();
            Ok(format!("enum({})", values.join(", ")))
        }
        Type::Array(element) => values_rule(listed, element).map(|inner| format!("Array<{inner}>")),
        Type::Map(value) => values_rule(listed, value).map(|inner| format!("Map<String, {inner}>")),
        _ => Err(|i| {
            Problem::Unsupported(
                i,
                "a list of values is read on `String` fields and fields of an enum type".into(),
            )
        }),
    }
}

/// A Length cell's text, and whether it states the minimum and the maximum.
type LengthCell = (String, (bool, bool));

/// A length's bounds as the phrases state them: `(number, phrase)` for each.
#[derive(Default)]
struct Bounds {
    min: Option<(String, usize)>,
    max: Option<(String, usize)>,
    phrases: Vec<usize>,
}

impl Bounds {
    /// Records a bound (an exact length sets both); `Err(other)` when `other` phrase states
    /// that bound differently.
    fn set(&mut self, bound: Bound, n: &str, index: usize) -> Result<(), usize> {
        let n = n.trim_start_matches('0');
        let n = if n.is_empty() { "0" } else { n };
        let slots: &mut [&mut Option<(String, usize)>] = match bound {
            Bound::Min => &mut [&mut self.min],
            Bound::Max => &mut [&mut self.max],
            Bound::Exact => &mut [&mut self.min, &mut self.max],
        };
        for slot in slots.iter() {
            if let Some((known, other)) = slot.as_ref()
                && known != n
            {
                return Err(*other);
            }
        }
        for slot in slots.iter_mut() {
            if slot.is_none() {
                **slot = Some((n.to_string(), index));
            }
        }
        self.phrases.push(index);
        Ok(())
    }

    /// The Length cell (`64`, `1..64`) and which bounds it states; `None` without a phrase;
    /// `Err` for a minimum without a maximum, which a Length cell cannot state.
    fn syntax(&self) -> Result<Option<LengthCell>, String> {
        match (&self.min, &self.max) {
            (None, None) => Ok(None),
            (Some(_), None) => Err(
                "a Length cell needs a maximum: state the length in the Length cell (`MIN..MAX`)"
                    .into(),
            ),
            (None, Some((max, _))) => Ok(Some((max.clone(), (false, true)))),
            (Some((min, _)), Some((max, _))) => Ok(Some((format!("{min}..{max}"), (true, true)))),
        }
    }
}

impl Bounds {
    /// The Format part `items …` a collection's size phrases stand for (`items ..100`,
    /// `items 1..`, `items 1..100`) and which bounds it states; `None` without a phrase.
    fn items_syntax(&self) -> Option<LengthCell> {
        match (&self.min, &self.max) {
            (None, None) => None,
            // "Minimum size: 0 elements" alone states no limit.
            (Some((min, _)), None) if min == "0" => None,
            (Some((min, _)), None) => Some((format!("items {min}.."), (true, false))),
            (None, Some((max, _))) => Some((format!("items ..{max}"), (false, true))),
            (Some((min, _)), Some((max, _))) => Some((format!("items {min}..{max}"), (true, true))),
        }
    }
}

/// A value as `enum(…)` writes it: a bare word, or a JSON string when it holds a space, a
/// comma, parentheses, a quote or a backtick.
fn enum_value(value: &str) -> String {
    let bare =
        !value.is_empty() && !value.contains(|c: char| c.is_whitespace() || "(),`\"".contains(c));
    if bare {
        value.to_string()
    } else {
        serde_json::Value::String(value.to_string()).to_string()
    }
}

/// A value as a Format part writes it: bare, or a JSON string when it would not read back
/// bare (`;`, edge spaces, a leading `"`).
fn quote_if_needed(value: &str) -> String {
    let bare = !value.contains(';')
        && !value.starts_with('"')
        && value.trim() == value
        && !value.is_empty();
    if bare {
        value.to_string()
    } else {
        serde_json::Value::String(value.to_string()).to_string()
    }
}

/// The values a Description lists for a field of a named type, where they are: the type must
/// be an enum of exactly these values (`ModuleChecker::listed_values`).
#[derive(Clone, Debug, Default)]
pub(crate) struct Listed {
    pub(crate) values: Vec<String>,
    pub(crate) span: Span,
}

/// Where each rule read from prose stands (its file and phrase) and what it was read as.
pub(super) type ProseNotes = Vec<(std::path::PathBuf, Span, String)>;

/// The notes of the rules read from prose in `drafts`, for [`annotate`].
pub(super) fn notes(sources: &[Source], drafts: &[Draft]) -> ProseNotes {
    let mut notes = Vec::new();
    for draft in drafts {
        let path = &sources[draft.file].path;
        for spans in &draft.fields {
            notes.extend(
                spans
                    .prose
                    .iter()
                    .map(|(at, note)| (path.clone(), *at, note.clone())),
            );
        }
    }
    notes
}

/// Adds to every diagnostic at the phrase of a rule read from prose (its reader's errors, a
/// disagreement, `fit`'s and the module checks' errors about the rule) a note saying what the
/// phrase was read as: the diagnostic points at prose, the note names the cell it stands for.
pub(super) fn annotate(notes: &ProseNotes, diagnostics: &mut Diagnostics) {
    if notes.is_empty() {
        return;
    }
    let mut at: HashMap<(&std::path::Path, u32, u32, u32), Vec<&str>> = HashMap::new();
    for (path, span, note) in notes {
        let key = (path.as_path(), span.line, span.col, span.len.max(1));
        at.entry(key).or_default().push(note);
    }
    for diagnostic in diagnostics.since(0) {
        let key = (
            diagnostic.file.as_path(),
            diagnostic.line,
            diagnostic.col,
            diagnostic.len,
        );
        for note in at.get(&key).into_iter().flatten() {
            if !diagnostic.notes.iter().any(|n| n.message == *note) {
                diagnostic.notes.push(Note {
                    message: note.to_string(),
                    at: None,
                });
            }
        }
    }
}

/// The explicit cells of the row, which rules in prose must agree with.
pub(super) struct Explicit<'c> {
    pub(super) length: Option<&'c Cell>,
}

impl FileChecker<'_> {
    /// Reads the rules the Description cell `note` states into `field`, whose explicit cells
    /// are read: a rule the cells do not state is added, one they state must agree. Returns
    /// the stand-in Length cell when the length comes from prose (for [`FileChecker::fit`]).
    pub(super) fn prose(
        &mut self,
        note: &Cell,
        field: &mut Field,
        spans: &mut FieldSpans,
        explicit: &Explicit<'_>,
    ) -> Option<Cell> {
        let phrases = phrases::find(&note.text);
        if phrases.is_empty() {
            return None;
        }
        let span = |phrase: &Phrase<'_>| note.span_of(phrase.text);
        for phrase in &phrases {
            if let Reading::Unclear { form } = phrase.reading {
                self.warning(
                    span(phrase),
                    format!("`{}` reads like a rule but is not understood", phrase.text),
                    Some(format!(
                        "write it as \"{form}\", or state the rule in its column (see \"Rules in prose\" in schemas/README.md)"
                    )),
                );
            }
        }
        // A row with a wrong cell is not read further: its rules would pile up consequences.
        if !spans.clean {
            return None;
        }
        let (rules, problems) = translate(&phrases, &field.ty);
        for problem in problems {
            match problem {
                Problem::Conflict(index, other) => {
                    let note_at = self.note(span(&phrases[other]), "stated here first");
                    self.error_notes(
                        span(&phrases[index]),
                        format!(
                            "the Description states this rule twice, differently: `{}`",
                            phrases[index].shown
                        ),
                        vec![note_at],
                        Some("keep one of the two phrases".into()),
                    );
                    spans.clean = false;
                }
                Problem::Impossible(index, why) => {
                    self.error(
                        span(&phrases[index]),
                        format!(
                            "`{}` cannot be a rule of this field: {why}",
                            phrases[index].shown
                        ),
                        Some("reword the phrase, or change the field's type".into()),
                    );
                    spans.clean = false;
                }
                Problem::Unsupported(index, why) => {
                    self.warning(
                        span(&phrases[index]),
                        format!("`{}` is not read as a rule: {why}", phrases[index].shown),
                        Some("state the rule in its column, or reword the phrase".into()),
                    );
                }
            }
        }
        if !spans.clean {
            return None;
        }
        let mut length_cell = None;
        for rule in rules {
            let first = &phrases[rule.phrases[0]];
            let cell = Cell::stand_in(rule.syntax.clone(), span(first));
            let read = match rule.column {
                Column::Length => self.prose_length(&rule, &cell, field, explicit),
                Column::Format => self.prose_format(&rule, &cell, field, spans),
                Column::Type => match field.ty.element() {
                    Type::String => self.prose_enum(&rule, &cell, field, spans),
                    Type::Named(_) => {
                        // Held to the enum's values once every item is read.
                        spans.listed = Some(Listed {
                            values: rule.values.clone(),
                            span: cell.span,
                        });
                        Read::Agrees
                    }
                    _ => Read::Agrees,
                },
            };
            let read_as = format!(
                "read from the Description's {:?} as the {} cell `{}`",
                first.shown,
                rule.column.name(),
                rule.syntax
            );
            // Every diagnostic at the phrase, of this stage or the next, says what it read as.
            spans.prose.push((cell.span, read_as));
            match read {
                Read::Failed => spans.clean = false,
                Read::Agrees | Read::Added => {
                    if read == Read::Added && rule.column == Column::Length {
                        length_cell = Some(cell);
                    }
                    for &index in &rule.phrases {
                        let at = span(&phrases[index]);
                        self.explained(
                            at,
                            field,
                            rule.column.name(),
                            &rule.syntax,
                            &phrases[index].shown,
                        );
                    }
                }
            }
        }
        length_cell
    }

    /// The Length cell `rule` stands for, read and held to the explicit Length cell.
    fn prose_length(
        &mut self,
        rule: &CellRule,
        cell: &Cell,
        field: &mut Field,
        explicit: &Explicit<'_>,
    ) -> Read {
        let Ok(Some(length)) = self.length(cell) else {
            return Read::Failed;
        };
        let Some(known) = field.length else {
            field.length = Some(length);
            return Read::Added;
        };
        let (min, max) = rule.states;
        if (min && known.min != length.min) || (max && known.max != length.max) {
            let cell_span = explicit.length.map_or(cell.span, |c| c.span);
            let explicit_text = explicit.length.map_or(String::new(), |c| c.text.clone());
            self.disagree(cell.span, "Length", &explicit_text, cell_span);
            return Read::Failed;
        }
        Read::Agrees
    }

    /// The Format part of the stand-in `cell` (of `rule`), read into a blank field and merged
    /// into `field`.
    fn prose_format(
        &mut self,
        rule: &CellRule,
        cell: &Cell,
        field: &mut Field,
        spans: &mut FieldSpans,
    ) -> Read {
        let mut read = Field::new(field.ident.clone(), field.ty.clone(), Requirement::Optional);
        let mut read_spans = FieldSpans::default();
        if !self.format_cell(cell, &mut read, &mut read_spans) {
            return Read::Failed;
        }
        let mut outcome = Read::Agrees;
        if let Some(items) = read.items {
            match field.items {
                // Only the bounds the phrases state are held to the explicit count.
                Some(known)
                    if (rule.states.0 && known.min != items.min)
                        || (rule.states.1 && known.max != items.max) =>
                {
                    let explicit = match known.max {
                        Some(max) => format!("items {}..{max}", known.min),
                        None => format!("items {}..", known.min),
                    };
                    self.disagree(cell.span, "Format", &explicit, spans.items);
                    return Read::Failed;
                }
                Some(_) => {}
                None => {
                    field.items = Some(items);
                    spans.items = read_spans.items;
                    outcome = Read::Added;
                }
            }
        }
        match self.prose_range(&read, &read_spans, cell.span, field, spans) {
            None => return Read::Failed,
            Some(true) => outcome = Read::Added,
            Some(false) => {}
        }
        if let Some(chars) = read.forbidden {
            match &field.forbidden {
                Some(known) if !same_chars(known, &chars) => {
                    let explicit =
                        format!("forbidden {}", serde_json::Value::String(known.clone()));
                    self.disagree(cell.span, "Format", &explicit, spans.forbidden);
                    return Read::Failed;
                }
                Some(_) => {}
                None => {
                    field.forbidden = Some(chars);
                    spans.forbidden = read_spans.forbidden;
                    outcome = Read::Added;
                }
            }
        }
        if let Some(value) = read.fixed {
            match &field.fixed {
                Some(known) if *known != value => {
                    let explicit = format!("fixed {}", quote_if_needed(known));
                    self.disagree(cell.span, "Format", &explicit, spans.fixed);
                    return Read::Failed;
                }
                Some(_) => {}
                None => {
                    field.fixed = Some(value);
                    spans.fixed = read_spans.fixed;
                    outcome = Read::Added;
                }
            }
        }
        outcome
    }

    /// The Type cell `enum(…)` (in arrays as the field's type is) that a list of values on a
    /// `String` field stands for. The field's length and forbidden characters, which an enum
    /// field cannot have, are checked against the listed values instead: a vendor writes
    /// "Maximum length: 32 characters" beside "Valid values are:" (docs: "Rules in prose").
    fn prose_enum(
        &mut self,
        rule: &CellRule,
        cell: &Cell,
        field: &mut Field,
        spans: &mut FieldSpans,
    ) -> Read {
        let Some(ty) = self.ty(cell, spans) else {
            return Read::Failed;
        };
        for value in &rule.values {
            let count = u32::try_from(value.chars().count()).unwrap_or(u32::MAX);
            let broken = match (field.length, &field.forbidden) {
                (Some(length), _) if count < length.min || count > length.max => Some(format!(
                    "the listed value `{value}` has {count} characters, which the field's length ({}..{}) does not allow",
                    length.min, length.max
                )),
                (_, Some(chars)) if value.contains(|c| chars.contains(c)) => Some(format!(
                    "the listed value `{value}` holds a character the field forbids ({chars:?})"
                )),
                _ => None,
            };
            if let Some(message) = broken {
                self.error(
                    cell.span,
                    message,
                    Some("make the list and the field's rules agree".into()),
                );
                return Read::Failed;
            }
        }
        field.length = None;
        field.forbidden = None;
        field.ty = ty;
        Read::Added
    }

    /// An error: the phrase at `at` disagrees with the explicit `column` cell (at
    /// `explicit_at`), which says `explicit`.
    pub(super) fn disagree(&mut self, at: Span, column: &str, explicit: &str, explicit_at: Span) {
        // The caller notes what the phrase reads as.
        let notes = vec![self.note(explicit_at, format!("the {column} cell says `{explicit}`"))];
        self.error_notes(
            at,
            format!("the Description and the {column} cell disagree"),
            notes,
            Some("make them agree, or state the rule in one place".into()),
        );
    }

    /// Records a rule read from prose for `--explain`.
    fn explained(
        &mut self,
        at: Span,
        field: &Field,
        column: &'static str,
        syntax: &str,
        phrase: &str,
    ) {
        let rule = ProseRule {
            file: self.path().to_path_buf(),
            line: at.line,
            col: at.col,
            item: self.current_item().to_string(),
            field: field.ident.clone(),
            column,
            syntax: syntax.to_string(),
            phrase: phrase.to_string(),
        };
        self.push_prose(rule);
    }
}

/// How reading a rule from prose went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Read {
    /// It is wrong (reported).
    Failed,
    /// The explicit cells state it already.
    Agrees,
    /// It is a rule the cells do not state, now the field's.
    Added,
}
