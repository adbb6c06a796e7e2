//! The checker: syntax trees -> the checked model, in two stages.
//!
//! 1. **One file at a time** ([`check_file`]): a [`file::FileChecker`] maps each table's header
//!    to columns and reads every cell of every row ([`cells`]: type, length, requirement;
//!    [`format_cell`]: format, fixed value, sensitivity; a condition's text with
//!    [`conditions`]) into a [`Draft`] item,
//!    reporting every malformed cell.
//! 2. **Every file at once** ([`check_module`]): a [`module::ModuleChecker`] resolves type
//!    references across imports, expands each variant (`## struct X from Base`, [`variant`])
//!    into an ordinary item, rejects structs that hold themselves, verifies that every
//!    condition names a sibling and values it can hold ([`conditions`]), and holds fixed values
//!    and examples to their field's own rules.
//!
//! Both stages push every error into one [`Diagnostics`] and carry on. A row with a wrong cell
//! is marked not [`FieldSpans::clean`], and the later checks skip it rather than pile
//! consequences on the first error.

use crate::diagnostics::{Diagnostics, Source, Span};
use crate::model::Item;
use crate::prose::ProseRule;
use crate::read::lexer::Cell;
use crate::read::syntax::Document;

mod cells;
mod conditions;
mod enum_values;
mod file;
mod format_cell;
pub(crate) mod formats;
mod groups;
mod inline_enum;
mod module;
mod numbers;
mod prose;
mod scope;
mod variant;

pub(crate) use scope::Link;
pub use variant::MAX_VARIANT_FIELDS;
#[cfg(test)]
mod tests;

/// An item read from one file, with the spans the module-wide checks need: what the first
/// stage hands the second.
#[derive(Clone, Debug)]
pub(crate) struct Draft {
    /// Index of the file (in the loader's list).
    pub(crate) file: usize,
    pub(crate) name_span: Span,
    /// The item; `Type::Named` references are not resolved yet, and examples not read.
    pub(crate) item: Item,
    /// For messages and structs: one entry per field of the object, in the same order.
    pub(crate) fields: Vec<FieldSpans>,
    /// For a variant (`## struct OrderEntryCode from Order`): its base and what each row
    /// fills. Until the second stage expands it, `item`'s fields are the variant's rows only.
    pub(crate) variant: Option<Box<variant::Variant>>,
    /// For the enum item of an inline enum (`enum(S, F)` in a Type cell): the field that
    /// states it, as `Item.field` (its diagnostics name it).
    pub(crate) inline_of: Option<String>,
}

/// Where the parts of a field row are, and whether the row read cleanly.
#[derive(Clone, Debug, Default)]
pub(crate) struct FieldSpans {
    pub(crate) ident: Span,
    /// The span of the named type inside the type cell (`Amount` in `Array<Amount>`).
    pub(crate) type_name: Span,
    /// An inline enum in the Type cell (`enum(S, F)`), until the first stage makes it an item.
    pub(crate) inline_enum: Option<inline_enum::InlineEnum>,
    /// The conditional requirement's condition, if the field has one.
    pub(crate) condition: ConditionSpans,
    pub(crate) fixed: Span,
    /// The `pattern "…"` part of the Format cell.
    pub(crate) pattern: Span,
    /// The `forbidden "…"` part of the Format cell.
    pub(crate) forbidden: Span,
    /// The `items …` part of the Format cell.
    pub(crate) items: Span,
    /// The unconditional format's part of the Format cell.
    pub(crate) format: Span,
    /// The `range A..B` part of the Format cell.
    pub(crate) range: Span,
    /// The `scale N` part of the Format cell.
    pub(crate) scale: Span,
    /// The `accepts …` part of the Format cell, when the field states one (it then replaces
    /// the file's `Accepts:` default).
    pub(crate) accepts: Option<Span>,
    /// For each conditional format (`Field::format_when`, same order): its condition.
    pub(crate) format_when: Vec<ConditionSpans>,
    /// Where each rule read from the Description stands (its phrase), and what it was read
    /// as: the note of every diagnostic there.
    pub(crate) prose: Vec<(Span, String)>,
    /// The values the Description lists for a field of a named type (checked against the enum
    /// once every item is read).
    pub(crate) listed: Option<prose::Listed>,
    /// The Example cell, read once the field's type is resolved (bare text is a string only
    /// for a string type, and whether a named type is an enum is known only then).
    pub(crate) example: Option<Cell>,
    /// False when a cell of the row was wrong, or its type did not resolve: later checks skip
    /// the field rather than piling consequences on the first error.
    pub(crate) clean: bool,
}

/// Where a condition's parts are in its cell: one entry per comparison or presence test, in
/// the order they are written (that of `Condition::for_each_atom`).
#[derive(Clone, Debug, Default)]
pub(crate) struct ConditionSpans {
    pub(crate) atoms: Vec<AtomSpans>,
}

/// Where one comparison (`result.resultStatus in (S, F)`) or presence test is in its cell.
#[derive(Clone, Debug, Default)]
pub(crate) struct AtomSpans {
    /// The whole path.
    pub(crate) path: Span,
    /// Each step of the path after its `super.`s.
    pub(crate) steps: Vec<Span>,
    /// Each value, and whether it was written quoted (a JSON string or in backticks).
    pub(crate) values: Vec<(Span, bool)>,
}

/// The first stage: checks the items of one file (`file`, the loader's index of `source`) into
/// drafts; the rules read from prose (`Description` cells) are recorded in `prose`.
pub(crate) fn check_file(
    file: usize,
    source: &Source,
    doc: &Document,
    diagnostics: &mut Diagnostics,
    prose: &mut Vec<ProseRule>,
) -> Vec<Draft> {
    file::FileChecker::new(file, source, diagnostics, prose).items(doc)
}

/// The second stage: checks the drafts of every file together and returns the items the
/// module holds, each with the loader's index of its file and its name there (meaningful only
/// when no error was pushed). `links[f]` are the imports of file `f`, resolved.
pub(crate) fn check_module(
    sources: &[Source],
    links: &[Vec<Link<'_>>],
    drafts: Vec<Draft>,
    diagnostics: &mut Diagnostics,
) -> Vec<(usize, String, Item)> {
    let notes = prose::notes(sources, &drafts);
    let items = module::ModuleChecker::new(sources, diagnostics).items(links, drafts);
    prose::annotate(&notes, diagnostics);
    items
}
