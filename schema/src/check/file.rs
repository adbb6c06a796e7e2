//! The checker's first stage: one file's syntax tree -> draft items. The [`FileChecker`] maps
//! each table's header to columns, checks item names and options, and reads every row (its
//! cells with the readers of [`super::cells`]), reporting every malformed part. What needs the
//! whole module is checked afterwards, on the drafts of every file, by [`super::module`].

use std::collections::HashMap;

use heck::ToUpperCamelCase;

use super::cells::{is_placeholder, strip_code};
use super::prose::Explicit;
use super::variant::Filled;
use super::{Draft, FieldSpans};
use crate::diagnostics::{Diagnostics, Note, Source, Span};
use crate::model::{Enum, Field, Item, ItemKind, Object, Requirement, Type};
use crate::prose::ProseRule;
use crate::read::syntax::{Document, ItemSyntax, Keyword, Row, Table};
use crate::{names, suggest};

/// The columns a field table may have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Column {
    Identifier,
    Label,
    Type,
    Length,
    Request,
    Format,
    Default,
    Note,
    Example,
    Value,
}

impl Column {
    /// Whether a cell of this column may be left empty: then a placeholder (`-`, `N/A`) reads
    /// as empty too.
    fn optional(self) -> bool {
        !matches!(
            self,
            Column::Identifier | Column::Type | Column::Request | Column::Value
        )
    }

    fn name(self) -> &'static str {
        match self {
            Column::Identifier => "Identifier",
            Column::Label => "Field name",
            Column::Type => "Type",
            Column::Length => "Length",
            Column::Request => "Request",
            Column::Format => "Format",
            Column::Default => "Default value",
            Column::Note => "Note",
            Column::Example => "Example",
            Column::Value => "Value",
        }
    }
}

/// Header names of field tables, as offered by help texts; matched case-insensitively. Vendors'
/// own headings (`Field | Data type | Required | Description | Example`) are here, so a table
/// pastes in as the vendor's page shows it.
const FIELD_COLUMNS: &[(&str, Column)] = &[
    ("Identifier", Column::Identifier),
    ("Property", Column::Identifier),
    ("Field", Column::Identifier),
    ("Parameter", Column::Identifier),
    ("Field name", Column::Label),
    // The identifier in a table without another identifier column (`FileChecker::columns`).
    ("Name", Column::Label),
    ("Type", Column::Type),
    ("Data Type", Column::Type),
    ("Length", Column::Length),
    ("Max length", Column::Length),
    ("Request", Column::Request),
    ("Required", Column::Request),
    ("M/O", Column::Request),
    ("Format", Column::Format),
    ("Default value", Column::Default),
    ("Default", Column::Default),
    ("Note", Column::Note),
    ("Description", Column::Note),
    ("Remarks", Column::Note),
    ("Example", Column::Example),
];

/// Header names of enum tables.
pub(super) const ENUM_COLUMNS: &[(&str, Column)] = &[
    ("Value", Column::Value),
    ("Note", Column::Note),
    ("Description", Column::Note),
    ("Remarks", Column::Note),
];

/// Names an item may not take: they are the type column's own words.
pub(super) const RESERVED: &[&str] = &[
    "String", "Integer", "Number", "Boolean", "Array", "Object", "Self", "A", "N", "S", "AN", "AS",
    "NS", "ANS",
];

/// Reads one file's items into drafts, reporting into the schema's diagnostics.
pub(super) struct FileChecker<'a> {
    /// The loader's index of the file, kept in each draft.
    file: usize,
    source: &'a Source,
    diagnostics: &'a mut Diagnostics,
    /// The rules read from prose, for `--explain`.
    prose: &'a mut Vec<ProseRule>,
    /// The name of the item being read.
    current_item: String,
    /// The file's `Accepts:` default: what every field it fits accepts besides its own kind.
    pub(super) accepts: crate::model::Accepts,
}

impl<'a> FileChecker<'a> {
    pub(super) fn new(
        file: usize,
        source: &'a Source,
        diagnostics: &'a mut Diagnostics,
        prose: &'a mut Vec<ProseRule>,
    ) -> Self {
        FileChecker {
            file,
            source,
            diagnostics,
            prose,
            current_item: String::new(),
            accepts: crate::model::Accepts::NONE,
        }
    }

    /// The drafts of the file's items, in source order; an item without a table is left out.
    /// The enum item of each inline enum (`enum(S, F)` in a Type cell) follows the item that
    /// holds it.
    pub(super) fn items(mut self, doc: &Document) -> Vec<Draft> {
        self.accepts_default(doc);
        let mut drafts = Vec::new();
        for item in &doc.items {
            if let Some(mut draft) = self.item(item) {
                let inline = self.inline_enum_items(&mut draft);
                drafts.push(draft);
                drafts.extend(inline);
            }
        }
        drafts
    }

    pub(super) fn error(&mut self, span: Span, message: impl Into<String>, help: Option<String>) {
        self.diagnostics
            .push(self.source.error_help(span, message, help));
    }

    /// An error with notes (another place it concerns, a fact that explains it).
    pub(super) fn error_notes(
        &mut self,
        span: Span,
        message: impl Into<String>,
        notes: Vec<Note>,
        help: Option<String>,
    ) {
        let mut diagnostic = self.source.error_help(span, message, help);
        diagnostic.notes = notes;
        self.diagnostics.push(diagnostic);
    }

    /// A warning: the schema still loads.
    pub(super) fn warning(&mut self, span: Span, message: impl Into<String>, help: Option<String>) {
        self.diagnostics
            .push(self.source.warning(span, message, help));
    }

    /// A note pointing at `span` of this file.
    pub(super) fn note(&self, span: Span, message: impl Into<String>) -> Note {
        self.source.note(span, message)
    }

    /// The loader's index of the file being read.
    pub(super) fn file(&self) -> usize {
        self.file
    }

    /// The file being read, as displayed.
    pub(super) fn path(&self) -> &std::path::Path {
        &self.source.path
    }

    /// The item being read.
    pub(super) fn current_item(&self) -> &str {
        &self.current_item
    }

    /// Records a rule read from prose.
    pub(super) fn push_prose(&mut self, rule: ProseRule) {
        self.prose.push(rule);
    }

    fn item(&mut self, syntax: &ItemSyntax) -> Option<Draft> {
        self.item_name(syntax);
        self.current_item.clone_from(&syntax.name);
        let (mut open, mut deny_unknown) = (false, false);
        for (option, span) in &syntax.options {
            let allowed: &[&str] = match syntax.keyword {
                Keyword::Enum => &["open"],
                _ => &["deny_unknown"],
            };
            match option.as_str() {
                "open" if syntax.keyword == Keyword::Enum => open = true,
                "deny_unknown" if syntax.keyword != Keyword::Enum => deny_unknown = true,
                _ => {
                    let help =
                        suggest::help(option, allowed.iter().copied()).unwrap_or_else(|| {
                            format!(
                                "`{}` items take the option `{}`",
                                syntax.keyword.as_str(),
                                allowed.join("`, `")
                            )
                        });
                    self.error(*span, format!("unknown item option `{option}`"), Some(help));
                }
            }
        }
        let base = match (&syntax.base, syntax.keyword) {
            (Some((_, span)), Keyword::Enum) => {
                self.error(
                    *span,
                    format!("`enum {}` cannot derive from another item", syntax.name),
                    Some("variants derive a message or struct from another; list an enum's values in its own table".into()),
                );
                None
            }
            (base, _) => base.as_ref(),
        };
        let Some(table) = &syntax.table else {
            if let Some((base, base_span)) = base {
                // A variant without a table is a copy of its base.
                return Some(self.variant_draft(syntax, base, *base_span, deny_unknown, None));
            }
            let help = match syntax.keyword {
                Keyword::Enum => "add a table with a `Value` column (and `Note`)",
                _ => "add a field table with at least the columns Identifier, Type and Request",
            };
            self.error(
                syntax.name_span,
                format!("`{} {}` has no table", syntax.keyword.as_str(), syntax.name),
                Some(help.into()),
            );
            return None;
        };
        if table.rows.is_empty() {
            self.error(
                table.header.span,
                format!("the table of `{}` is empty", syntax.name),
                Some("add one row per field (or value) under the alignment row".into()),
            );
        }
        if let Some((base, base_span)) = base {
            return Some(self.variant_draft(syntax, base, *base_span, deny_unknown, Some(table)));
        }
        let doc = syntax.doc.clone();
        if syntax.keyword == Keyword::Enum {
            for group in &syntax.groups {
                self.error(
                    group.span,
                    format!("a group in `enum {}`", syntax.name),
                    Some(
                        "groups count the fields of a message or struct; an enum has values".into(),
                    ),
                );
            }
        }
        let (kind, fields) = match syntax.keyword {
            Keyword::Enum => (
                ItemKind::Enum(Enum {
                    values: self.enum_values(table),
                    open,
                }),
                Vec::new(),
            ),
            keyword => {
                let (fields, spans, _) = self.fields(&syntax.name, table, false);
                let mut errors = Vec::new();
                let groups =
                    super::groups::groups(&syntax.name, &syntax.groups, &fields, &mut errors);
                for (span, message, help) in errors {
                    self.error(span, message, help);
                }
                let object = Object {
                    fields,
                    deny_unknown,
                    groups,
                };
                let kind = if keyword == Keyword::Message {
                    ItemKind::Message(object)
                } else {
                    ItemKind::Struct(object)
                };
                (kind, spans)
            }
        };
        Some(Draft {
            file: self.file,
            name_span: syntax.name_span,
            item: Item {
                name: syntax.name.clone(),
                doc,
                kind,
            },
            fields,
            variant: None,
            inline_of: None,
        })
    }

    fn item_name(&mut self, syntax: &ItemSyntax) {
        if let Some((message, help)) = bad_item_name(&syntax.name, "item name") {
            self.error(syntax.name_span, message, Some(help));
        }
    }

    /// Maps header cells to columns, reporting unknown, duplicate and missing ones.
    pub(super) fn columns(
        &mut self,
        table: &Table,
        known: &[(&str, Column)],
        required: &[Column],
    ) -> Vec<Option<Column>> {
        let mut columns = Vec::new();
        let mut seen: HashMap<Column, Span> = HashMap::new();
        let names: Vec<String> = table
            .header
            .cells
            .iter()
            .map(|cell| {
                strip_code(&cell.text)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let meaning = |name: &str| {
            known
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, c)| *c)
        };
        // Vendors head the identifier `Name` when nothing else names the field; beside an
        // identifier column, `Name` is a human label.
        let name_is_identifier = known.iter().any(|(_, c)| *c == Column::Identifier)
            && !names.iter().any(|n| meaning(n) == Some(Column::Identifier));
        for (cell, name) in table.header.cells.iter().zip(&names) {
            let name = name.as_str();
            let column = match meaning(name) {
                Some(Column::Label) if name_is_identifier && name.eq_ignore_ascii_case("Name") => {
                    Some(Column::Identifier)
                }
                other => other,
            };
            match column {
                Some(column) => {
                    if let Some(first) = seen.get(&column) {
                        let first_name = table
                            .header
                            .cells
                            .iter()
                            .find(|c| c.span == *first)
                            .map_or("", |c| c.text.as_str());
                        let (message, help) = if first_name.eq_ignore_ascii_case(&cell.text) {
                            (
                                format!("duplicate column `{}`", cell.text),
                                format!(
                                    "the {} column is already at column {}",
                                    column.name(),
                                    first.col
                                ),
                            )
                        } else {
                            (
                                format!(
                                    "columns `{first_name}` and `{}` both mean {}",
                                    cell.text,
                                    column.name()
                                ),
                                format!(
                                    "a table has one {} column: remove or rename one of them",
                                    column.name()
                                ),
                            )
                        };
                        self.error(cell.span, message, Some(help));
                        columns.push(None);
                        continue;
                    }
                    seen.insert(column, cell.span);
                }
                None => {
                    let guess = suggest::did_you_mean(name, known.iter().map(|(n, _)| *n));
                    let help = match guess {
                        Some(g) => Some(format!(
                            "did you mean `{g}`? (column names are case-insensitive)"
                        )),
                        None => {
                            let names: Vec<&str> = known.iter().map(|(n, _)| *n).collect();
                            Some(format!("known columns: {}", names.join(", ")))
                        }
                    };
                    let message = if cell.text.is_empty() {
                        "empty column name".to_string()
                    } else {
                        format!("unknown column `{}`", cell.text)
                    };
                    self.error(cell.span, message, help);
                    // Read the column as its likely meaning, so the rows' own errors show too.
                    let guessed = guess
                        .and_then(|g| known.iter().find(|(n, _)| *n == g))
                        .map(|(_, c)| *c)
                        .filter(|c| !seen.contains_key(c));
                    if let Some(c) = guessed {
                        seen.insert(c, cell.span);
                    }
                    columns.push(guessed);
                    continue;
                }
            }
            columns.push(column);
        }
        for column in required {
            if !seen.contains_key(column) {
                let synonyms: Vec<&str> = known
                    .iter()
                    .filter(|(_, c)| c == column)
                    .map(|(n, _)| *n)
                    .collect();
                self.error(
                    table.header.span,
                    format!("missing required column `{}`", column.name()),
                    Some(format!(
                        "add a column named one of: {}",
                        synonyms.join(", ")
                    )),
                );
            }
        }
        columns
    }

    /// Reports a row whose cell count differs from the header's; true when it is ragged.
    pub(super) fn ragged(&mut self, table: &Table, row: &Row) -> bool {
        let (got, want) = (row.cells.len(), table.header.cells.len());
        if got == want {
            return false;
        }
        let span = match row.cells.get(want) {
            Some(extra) => Span::new(row.span.line, extra.span.col, row.span.len),
            None => row.span,
        };
        self.error(
            span,
            format!("this row has {got} cells, the header has {want}"),
            Some(
                "every row needs one cell per column; escape a pipe inside a cell as `\\|`".into(),
            ),
        );
        true
    }

    /// The fields of a table. For a variant's table (`variant`), a row states what it changes:
    /// only the Identifier column is required, an empty cell is one the row leaves to the base,
    /// and what each row fills is returned with it; the fit of its cells is checked once the
    /// base is known.
    pub(super) fn fields(
        &mut self,
        item: &str,
        table: &Table,
        variant: bool,
    ) -> (Vec<Field>, Vec<FieldSpans>, Vec<Filled>) {
        let required: &[Column] = if variant {
            &[Column::Identifier]
        } else {
            &[Column::Identifier, Column::Type, Column::Request]
        };
        let columns = self.columns(table, FIELD_COLUMNS, required);
        let mut filled_rows = Vec::new();
        if table.alignment.cells.len() != table.header.cells.len() {
            self.ragged(table, &table.alignment);
        }
        let mut fields = Vec::new();
        let mut spans = Vec::new();
        let mut seen: HashMap<String, u32> = HashMap::new();
        let mut rust_names: HashMap<String, String> = HashMap::new();
        for row in &table.rows {
            let ragged = self.ragged(table, row);
            let cell_of = |wanted: Column| {
                row.cells
                    .iter()
                    .zip(&columns)
                    .find(|(_, c)| **c == Some(wanted))
                    .map(|(cell, _)| cell)
            };
            let Some(ident_cell) = cell_of(Column::Identifier) else {
                continue;
            };
            let ident = strip_code(&ident_cell.text).to_string();
            let mut field_spans = FieldSpans {
                ident: ident_cell.span,
                clean: !ragged,
                ..FieldSpans::default()
            };
            if !self.identifier(ident_cell, &ident) {
                field_spans.clean = false;
            } else if let Some(line) = seen.get(&ident) {
                self.error(
                    ident_cell.span,
                    format!("duplicate identifier `{ident}`"),
                    Some(format!("first defined on line {line}")),
                );
                continue;
            } else {
                let rust = names::field_name(&ident);
                // A warning: the wire identifiers are the vendor's, and the generated code still
                // compiles (the later field gets `_2`); the Rust name is the user's choice.
                if let Some(other) = rust_names.get(&rust) {
                    self.warning(
                        ident_cell.span,
                        format!("identifiers `{other}` and `{ident}` give the same Rust field name `{rust}`: generated code numbers the later one (`{rust}_2`)"),
                        Some(names::rename_field_help(item, &ident)),
                    );
                }
                rust_names.insert(rust, ident.clone());
                seen.insert(ident.clone(), ident_cell.span.line);
            }
            let mut field = Field::new(ident, Type::String, Requirement::Optional);
            let mut filled = Filled::default();
            if ragged {
                // The cells cannot be trusted to sit under their headers: keep the identifier
                // (so conditions naming it do not cascade) and read nothing else.
                fields.push(field);
                spans.push(field_spans);
                filled_rows.push(filled);
                continue;
            }
            let mut default = None;
            let mut type_cell = None;
            let mut length_cell = None;
            let mut format_cell = None;
            let mut note_cell = None;
            for (cell, column) in row.cells.iter().zip(&columns) {
                if column.is_some_and(Column::optional) && is_placeholder(&cell.text) {
                    continue;
                }
                // In a variant, an empty cell keeps the base's.
                if variant && strip_code(&cell.text).is_empty() {
                    continue;
                }
                match column {
                    Some(Column::Label) if !cell.text.is_empty() => {
                        field.label = Some(cell.text.clone());
                    }
                    Some(Column::Type) => type_cell = Some(cell),
                    Some(Column::Length) => length_cell = Some(cell),
                    Some(Column::Request) => match self.requirement(cell, &mut field_spans) {
                        Some(r) => field.requirement = r,
                        None => field_spans.clean = false,
                    },
                    Some(Column::Format) => format_cell = Some(cell),
                    Some(Column::Default) if !cell.text.is_empty() => {
                        default = Some(cell.text.clone());
                    }
                    Some(Column::Note) => {
                        field.doc = note(&cell.text);
                        note_cell = Some(cell);
                    }
                    Some(Column::Example) if !cell.text.is_empty() => {
                        field_spans.example = Some(cell.clone());
                    }
                    _ => {}
                }
            }
            // A default value is documentation: the model has no defaults, and silently
            // dropping the cell would hide what the vendor wrote.
            if let Some(default) = default {
                if !field.doc.is_empty() {
                    field.doc.push_str("\n\n");
                }
                field.doc.push_str(&format!("Default value: {default}."));
            }
            match type_cell.map(|cell| self.ty(cell, &mut field_spans)) {
                Some(Some(ty)) => field.ty = ty,
                // A variant's row may leave the type to its base.
                None if variant => {}
                _ => field_spans.clean = false,
            }
            if let Some(cell) = length_cell {
                match self.length(cell) {
                    Ok(length) => field.length = length,
                    Err(()) => field_spans.clean = false,
                }
            }
            if let Some(cell) = format_cell
                && !self.format_cell(cell, &mut field, &mut field_spans)
            {
                field_spans.clean = false;
            }
            let explicit = Explicit {
                length: length_cell,
            };
            let prose_length = note_cell
                .and_then(|cell| self.prose(cell, &mut field, &mut field_spans, &explicit));
            if variant {
                // What the row fills; its fit is checked on the field it makes with its base.
                filled = Filled {
                    ty: type_cell.is_some() || field.ty != Type::String,
                    length: length_cell.is_some() || field.length.is_some(),
                    request: columns.iter().zip(&row.cells).any(|(c, cell)| {
                        *c == Some(Column::Request) && !strip_code(&cell.text).is_empty()
                    }),
                    format: format_cell.is_some(),
                    doc: note_cell.is_some() || !field.doc.is_empty(),
                    label: field.label.is_some(),
                    example: field_spans.example.is_some(),
                    type_cell: type_cell.cloned(),
                    length_cell: prose_length.or_else(|| length_cell.cloned()),
                    format_cell: format_cell.cloned(),
                    accepts_default: self.accepts,
                };
            } else if field_spans.clean {
                if field_spans.accepts.is_none() {
                    field.accepts = super::numbers::default_for(&field.ty, self.accepts);
                }
                self.fit(
                    &field,
                    type_cell,
                    prose_length.as_ref().or(length_cell),
                    format_cell,
                    &mut field_spans,
                );
            }
            fields.push(field);
            spans.push(field_spans);
            filled_rows.push(filled);
        }
        (fields, spans, filled_rows)
    }
}

/// What is wrong with `name` as the name of an item (`what` says which: an item name, an
/// alias), and how to write it: not UpperCamelCase ASCII letters and digits, or a built-in type
/// word. `None` for a good name, and for an empty one (reported where it is read).
pub(super) fn bad_item_name(name: &str, what: &str) -> Option<(String, String)> {
    if name.is_empty() {
        return None;
    }
    let valid = name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric());
    if !valid {
        let camel = name.to_upper_camel_case();
        let help = if !camel.is_empty() && camel.starts_with(|c: char| c.is_ascii_uppercase()) {
            format!("write `{camel}`")
        } else {
            "start with an uppercase letter; use only letters and digits".into()
        };
        return Some((
            format!("{what} `{name}` is not an UpperCamelCase name"),
            help,
        ));
    }
    RESERVED
        .iter()
        .any(|r| r.eq_ignore_ascii_case(name))
        .then(|| {
            (
                format!("`{name}` is a built-in type name and cannot name an item"),
                format!("choose another name, such as `{name}Value`"),
            )
        })
}

/// A note cell as documentation: `<br>` becomes a line break.
pub(super) fn note(text: &str) -> String {
    text.replace("<br/>", "\n")
        .replace("<br />", "\n")
        .replace("<br>", "\n")
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\n")
}
