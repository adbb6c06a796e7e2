//! The parser: classified lines -> [`Document`]. It knows the document's shape (title, imports,
//! items, their prose and tables), not what the cells mean; that is the checker's job.

use crate::diagnostics::{Diagnostics, Source, Span};
use crate::read::directives::{self, IMPORT_HELP, Malformed};
use crate::read::lexer::{Line, lex};
use crate::read::syntax::{Document, Import, ItemSyntax, Keyword, Row, Table};
use crate::suggest;

/// Parses one file, pushing every structural error into `diagnostics` and carrying on.
pub(crate) fn parse(source: &Source, diagnostics: &mut Diagnostics) -> Document {
    let mut lines = lex(&source.text);
    let mut doc = Document::default();
    let mut prose: Vec<String> = Vec::new();
    let mut current: Option<ItemSyntax> = None;
    let mut i = 0;
    while i < lines.len() {
        match &lines[i] {
            Line::Blank => prose.push(String::new()),
            Line::Text { text, span } => {
                if let Some(rest) = import_line(text) {
                    match parse_import(rest, text, *span) {
                        Ok(import) if current.is_none() => doc.imports.push(import),
                        Ok(_) => diagnostics.push(source.error_help(
                            *span,
                            "an import inside an item",
                            Some("move the import above the first `##` item".into()),
                        )),
                        Err((at, message, help)) => {
                            diagnostics.push(source.error_help(at, message, Some(help)));
                        }
                    }
                } else if let Some(rest) = directives::accepts_line(text) {
                    if current.is_none() {
                        doc.accepts.push((rest.to_owned(), *span));
                    } else {
                        diagnostics.push(source.error_help(
                            *span,
                            "an `Accepts:` line inside an item",
                            Some("move it above the first `##` item: it sets the default of every field of the file; for one field, write `accepts …` in its Format cell".into()),
                        ));
                    }
                } else if directives::group_line(text).is_some() {
                    group(source, text, *span, &mut current, diagnostics);
                    // The line is documentation too: the item's prose shows it.
                    prose.push(text.clone());
                } else {
                    prose.push(text.clone());
                }
            }
            Line::Heading {
                level,
                text,
                span,
                line_span,
            } => match level {
                1 => {
                    if doc.title.is_some() || current.is_some() || !doc.items.is_empty() {
                        diagnostics.push(source.error_help(
                            *line_span,
                            "a second `#` title",
                            Some("a schema has one `# Title`, at the top; items are `## message|struct|enum Name`".into()),
                        ));
                    } else {
                        doc.title = Some(text.clone());
                        // Prose before the title is still module prose.
                    }
                }
                2 => {
                    flush(&mut doc, &mut current, &mut prose);
                    current = Some(parse_heading(source, text, *span, diagnostics));
                }
                // Deeper headings are prose, so long as they are not a mistyped item.
                _ => {
                    if item_keyword(text).is_some() {
                        diagnostics.push(source.error_help(
                            *line_span,
                            format!("an item heading must be level 2, not level {level}"),
                            Some(format!("write `## {text}`")),
                        ));
                    }
                    prose.push(format!("{} {text}", "#".repeat(*level)));
                }
            },
            Line::Row { span, .. } => {
                let span = *span;
                let start = i;
                while i < lines.len() && matches!(lines[i], Line::Row { .. }) {
                    i += 1;
                }
                let rows: Vec<Row> = lines[start..i]
                    .iter_mut()
                    .filter_map(|line| match line {
                        Line::Row { cells, span } => Some(Row {
                            cells: std::mem::take(cells),
                            span: *span,
                        }),
                        _ => None,
                    })
                    .collect();
                table(source, rows, span, &mut current, diagnostics);
                continue;
            }
        }
        i += 1;
    }
    flush(&mut doc, &mut current, &mut prose);
    doc
}

/// Attaches a run of table rows to the current item, or reports why it cannot.
fn table(
    source: &Source,
    mut rows: Vec<Row>,
    span: Span,
    current: &mut Option<ItemSyntax>,
    diagnostics: &mut Diagnostics,
) {
    let Some(item) = current.as_mut() else {
        diagnostics.push(source.error_help(
            span,
            "a table outside an item",
            Some("put tables under a `## message|struct|enum Name` heading".into()),
        ));
        return;
    };
    if item.table.is_some() {
        diagnostics.push(source.error_help(
            span,
            format!("a second table in `{}`", item.name),
            Some("an item has one table; split it into items or join the tables".into()),
        ));
        return;
    }
    let is_alignment = rows.get(1).is_some_and(|row| {
        !row.cells.is_empty()
            && row.cells.iter().all(|c| {
                let t = c.text.trim_start_matches(':').trim_end_matches(':');
                !t.is_empty() && t.chars().all(|ch| ch == '-')
            })
    });
    if !is_alignment {
        let at = rows.get(1).map_or(span, |r| r.span);
        diagnostics.push(source.error_help(
            at,
            "a table needs an alignment row under its header",
            Some("add a line such as `|---|---|` under the header row".into()),
        ));
        return;
    }
    let mut drained = rows.drain(..2);
    let (Some(header), Some(alignment)) = (drained.next(), drained.next()) else {
        return;
    };
    drop(drained);
    item.table = Some(Table {
        header,
        alignment,
        rows,
    });
}

/// Attaches a group line to the current item, or reports why it cannot.
fn group(
    source: &Source,
    text: &str,
    span: Span,
    current: &mut Option<ItemSyntax>,
    diagnostics: &mut Diagnostics,
) {
    let help = "write group lines under a `## message|struct Name` heading, above its table";
    let Some(item) = current.as_mut() else {
        diagnostics.push(source.error_help(span, "a group outside an item", Some(help.into())));
        return;
    };
    if item.table.is_some() {
        diagnostics.push(source.error_help(
            span,
            format!("a group after the table of `{}`", item.name),
            Some(help.into()),
        ));
        return;
    }
    match directives::parse_group(text, span) {
        Ok(group) => item.groups.push(group),
        Err((at, message, help)) => diagnostics.push(source.error_help(at, message, Some(help))),
    }
}

fn flush(doc: &mut Document, current: &mut Option<ItemSyntax>, prose: &mut Vec<String>) {
    let text = join_prose(prose);
    prose.clear();
    match current.take() {
        Some(mut item) => {
            item.doc = text;
            doc.items.push(item);
        }
        None => doc.doc = text,
    }
}

/// Prose lines joined, without leading or trailing blank lines; paragraphs stay separated by
/// one blank line.
fn join_prose(lines: &[String]) -> String {
    let mut out = String::new();
    let mut blank = false;
    for line in lines {
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push_str("\n\n");
        } else if !out.is_empty() {
            out.push('\n');
        }
        blank = false;
        out.push_str(line);
    }
    out
}

/// The rest of a line that starts with `Import:` (any case), if it does.
fn import_line(text: &str) -> Option<&str> {
    let head = text.get(..7)?;
    head.eq_ignore_ascii_case("import:").then(|| &text[7..])
}

/// `[label](path)`, or `A, B as C from [label](path)`, allowing nothing else on the line.
fn parse_import(rest: &str, line: &str, span: Span) -> Result<Import, Malformed> {
    let malformed = || {
        (
            span,
            "malformed import".to_string(),
            IMPORT_HELP.to_string(),
        )
    };
    let link_at = rest.find('[').ok_or_else(malformed)?;
    let selection = match rest[..link_at].trim() {
        "" => None,
        before => {
            // `A, B as C from`: the list, then the word `from`.
            let list = before
                .len()
                .checked_sub(4)
                .filter(|&at| before.is_char_boundary(at))
                .filter(|&at| before[at..].eq_ignore_ascii_case("from"))
                .map(|at| &before[..at])
                .filter(|list| list.is_empty() || list.ends_with(char::is_whitespace))
                .ok_or_else(|| {
                    (
                        span,
                        "malformed import: a selection ends with `from` before the link"
                            .to_string(),
                        IMPORT_HELP.to_string(),
                    )
                })?;
            Some(directives::parse_selection(list.trim_end(), line, span)?)
        }
    };
    let rest = rest[link_at..].trim();
    let after_label = rest
        .strip_prefix('[')
        .and_then(|r| r.split_once("]("))
        .ok_or_else(malformed)?
        .1;
    let path = after_label.strip_suffix(')').ok_or_else(malformed)?.trim();
    if path.is_empty() || path.contains(['(', ')']) {
        return Err(malformed());
    }
    // `path` is a slice of `line`: its offset, not a search (the label may hold the same text).
    let offset = (path.as_ptr() as usize)
        .checked_sub(line.as_ptr() as usize)
        .filter(|&o| line.is_char_boundary(o))
        .unwrap_or(0);
    let col = line.get(..offset).map_or(0, |l| l.chars().count());
    Ok(Import {
        path: path.to_string(),
        span: span.sub(col, path.chars().count()),
        selection,
    })
}

fn item_keyword(text: &str) -> Option<Keyword> {
    let word = text.split_whitespace().next()?;
    [Keyword::Message, Keyword::Struct, Keyword::Enum]
        .into_iter()
        .find(|k| k.as_str().eq_ignore_ascii_case(word))
}

/// `message Name (option, option)`.
fn parse_heading(
    source: &Source,
    text: &str,
    span: Span,
    diagnostics: &mut Diagnostics,
) -> ItemSyntax {
    let word = text.split_whitespace().next().unwrap_or("");
    let keyword = item_keyword(text).unwrap_or_else(|| {
        diagnostics.push(
            source.error_help(
                span.sub(0, word.chars().count()),
                format!("expected `message`, `struct` or `enum`, found `{word}`"),
                suggest::help(word, ["message", "struct", "enum"])
                    .or_else(|| Some("item headings read `## message|struct|enum Name`".into())),
            ),
        );
        Keyword::Struct
    });
    let after = &text[word.len()..];
    let name_start =
        word.chars().count() + after.chars().count() - after.trim_start().chars().count();
    let after = after.trim_start();
    let (name, options_text) = match after.find('(') {
        Some(open) => (after[..open].trim_end(), Some(&after[open..])),
        None => (after.trim_end(), None),
    };
    let (name, base) = split_base(source, name, name_start, span, diagnostics);
    let name_span = span.sub(name_start, name.chars().count());
    let mut options = Vec::new();
    if let Some(options_text) = options_text {
        let base = name_start + after.chars().count() - options_text.chars().count();
        match options_text
            .strip_prefix('(')
            .and_then(|t| t.strip_suffix(')'))
        {
            Some(inner) => {
                let mut offset = base + 1;
                for part in inner.split(',') {
                    let leading = part.chars().count() - part.trim_start().chars().count();
                    let word = part.trim();
                    options.push((
                        word.to_string(),
                        span.sub(offset + leading, word.chars().count()),
                    ));
                    offset += part.chars().count() + 1;
                }
            }
            None => diagnostics.push(source.error_help(
                span.sub(base, options_text.chars().count()),
                "malformed item options",
                Some("write options in parentheses at the end: `## enum Status (open)`".into()),
            )),
        }
    }
    if name.is_empty() {
        diagnostics.push(source.error_help(
            span,
            format!("`{}` without a name", keyword.as_str()),
            Some(format!("write `## {} Name`", keyword.as_str())),
        ));
    }
    ItemSyntax {
        keyword,
        name: name.to_string(),
        name_span,
        base,
        options,
        groups: Vec::new(),
        doc: String::new(),
        table: None,
    }
}

/// `Name from Base` (the heading of a variant, between the keyword and the options): the name,
/// and the base with its span. `name` starts `name_start` characters into the heading `span`.
/// A `from` without one base name after it is reported, and the heading read without a base.
fn split_base<'t>(
    source: &Source,
    name: &'t str,
    name_start: usize,
    span: Span,
    diagnostics: &mut Diagnostics,
) -> (&'t str, Option<(String, Span)>) {
    let words: Vec<&str> = name.split_whitespace().collect();
    // A lone word is a name, even `From`.
    let Some(at) = words
        .iter()
        .position(|w| w.eq_ignore_ascii_case("from"))
        .filter(|_| words.len() > 1)
    else {
        return (name, None);
    };
    // The offset of the word `from` in `name`: after the words before it.
    let mut offset = 0;
    for word in &words[..=at] {
        let rest = &name[offset..];
        offset += rest.find(word).unwrap_or(0) + word.len();
    }
    let from_end = offset;
    let from_start = from_end - words[at].len();
    let own = name[..from_start].trim_end();
    let after = &name[from_end..];
    let base = after.trim();
    let base_offset = from_end + (after.len() - after.trim_start().len());
    let chars = |bytes: usize| name[..bytes].chars().count();
    let from_span = span.sub(name_start + chars(from_start), words[at].chars().count());
    if base.is_empty() || base.contains(char::is_whitespace) {
        let (message, at_span) = if base.is_empty() {
            ("`from` without a base item".to_string(), from_span)
        } else {
            (
                format!("`{base}` is not one item name"),
                span.sub(name_start + chars(base_offset), base.chars().count()),
            )
        };
        diagnostics.push(source.error_help(
            at_span,
            message,
            Some("a variant names one message or struct it derives from: `## struct OrderEntryCode from Order`".into()),
        ));
        // Still a variant (its table lists changes), of no base: reported once, here.
        return (own, Some((String::new(), at_span)));
    }
    let base_span = span.sub(name_start + chars(base_offset), base.chars().count());
    (own, Some((base.to_string(), base_span)))
}
