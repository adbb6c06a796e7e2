//! The lexer: splits a schema's text into classified lines (headings, table rows, prose) with
//! 1-based line/column spans. Tables are line-based in Markdown, so a line is the natural token.

use crate::diagnostics::{Span, to_u32};

/// One line of the source, classified.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Line {
    /// An empty or whitespace-only line.
    Blank,
    /// An ATX heading: `#` to `######`, then a space.
    Heading {
        level: usize,
        /// The heading's text, trimmed (closing `#`s are not special here).
        text: String,
        /// The span of `text`.
        span: Span,
        /// The span of the whole line, for errors about the heading as a whole.
        line_span: Span,
    },
    /// A line starting with `|`: a table row, already split into cells.
    Row { cells: Vec<Cell>, span: Span },
    /// Anything else, including the lines of fenced code blocks (which stay prose).
    Text { text: String, span: Span },
}

/// One cell of a table row.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Cell {
    /// The cell's text: trimmed, with `\|` unescaped to `|`.
    pub(crate) text: String,
    /// The span of the trimmed text in the source; for an empty cell, the position just after
    /// its opening pipe, one character wide.
    pub(crate) span: Span,
    /// Character offsets in `text` at which a `\` was removed, to map offsets back to columns.
    escapes: Vec<usize>,
    /// For a stand-in cell (a rule read from prose, written in cell syntax): every part of its
    /// text is at `span`, the phrase it was read from.
    pinned: bool,
}

impl Cell {
    /// A cell that is not in the source: `text` in cell syntax, read from the phrase at `span`
    /// (docs/ARCHITECTURE.md §2.2). Every part of it points at `span`.
    pub(crate) fn stand_in(text: String, span: Span) -> Cell {
        Cell {
            text,
            span,
            escapes: Vec::new(),
            pinned: true,
        }
    }

    /// The span of `len` characters starting `offset` characters into `text`.
    pub(crate) fn sub_span(&self, offset: usize, len: usize) -> Span {
        if self.pinned {
            return self.span;
        }
        let before = self.escapes.iter().filter(|&&e| e < offset).count();
        let inside = self
            .escapes
            .iter()
            .filter(|&&e| e >= offset && e < offset + len)
            .count();
        self.span.sub(offset + before, len.max(1) + inside)
    }

    /// The span of the substring `part` of `text`, located by its byte offset.
    pub(crate) fn span_of(&self, part: &str) -> Span {
        let base = self.text.as_ptr() as usize;
        let at = part.as_ptr() as usize;
        if at >= base && at + part.len() <= base + self.text.len() {
            let byte_offset = at - base;
            let offset = self.text[..byte_offset].chars().count();
            self.sub_span(offset, part.chars().count())
        } else {
            self.span
        }
    }
}

/// Splits `text` into classified lines, one per source line (`\n` or `\r\n`).
pub(crate) fn lex(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut fence: Option<&str> = None;
    for (index, raw) in text.split('\n').enumerate() {
        let number = to_u32(index + 1);
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let trimmed = raw.trim_start();
        let indent = raw.chars().count() - trimmed.chars().count();
        let line_span = Span::new(number, 1, to_u32(raw.chars().count()).max(1));
        // Fenced code blocks are prose: their lines are never headings or table rows.
        if let Some(marker) = fence {
            if trimmed.starts_with(marker) {
                fence = None;
            }
            lines.push(Line::Text {
                text: raw.to_string(),
                span: line_span,
            });
            continue;
        }
        if indent < 4
            && let Some(marker) = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m))
        {
            fence = Some(marker);
            lines.push(Line::Text {
                text: raw.to_string(),
                span: line_span,
            });
            continue;
        }
        if trimmed.is_empty() {
            lines.push(Line::Blank);
        } else if indent < 4 && trimmed.starts_with('#') {
            lines.push(heading(trimmed, number, indent, line_span, raw));
        } else if indent < 4 && trimmed.starts_with('|') {
            lines.push(Line::Row {
                cells: split_row(trimmed, number, indent),
                span: line_span,
            });
        } else {
            let text = raw.trim();
            lines.push(Line::Text {
                text: text.to_string(),
                span: Span::new(number, to_u32(indent + 1), to_u32(text.chars().count())),
            });
        }
    }
    lines
}

fn heading(trimmed: &str, number: u32, indent: usize, line_span: Span, raw: &str) -> Line {
    let level = trimmed.chars().take_while(|&c| c == '#').count();
    let rest = &trimmed[level..];
    // `#word` is not a heading in Markdown; neither is a run of seven or more `#`.
    if level > 6 || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return Line::Text {
            text: raw.trim().to_string(),
            span: line_span,
        };
    }
    let text = rest.trim();
    let leading = rest.chars().count() - rest.trim_start().chars().count();
    let col = indent + level + leading + 1;
    Line::Heading {
        level,
        text: text.to_string(),
        span: Span::new(number, to_u32(col), to_u32(text.chars().count()).max(1)),
        line_span,
    }
}

/// Splits a row (starting with `|`) into cells. A trailing pipe is optional; `\|` is a pipe
/// inside a cell. Works on byte offsets: `|` and `\` are ASCII, so they never occur inside a
/// multi-byte character.
fn split_row(trimmed: &str, number: u32, indent: usize) -> Vec<Cell> {
    let bytes = trimmed.as_bytes();
    let mut cells = Vec::new();
    let mut start = 1usize;
    let mut i = 1usize;
    let mut escapes: Vec<usize> = Vec::new();
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if bytes.get(i + 1) == Some(&b'|') => {
                escapes.push(i);
                i += 2;
            }
            b'|' => {
                cells.push(make_cell(trimmed, start, i, &escapes, indent, number));
                escapes.clear();
                start = i + 1;
                i += 1;
            }
            _ => i += 1,
        }
    }
    let rest = &trimmed[start..];
    if cells.is_empty() || !rest.trim().is_empty() {
        cells.push(make_cell(
            trimmed,
            start,
            bytes.len(),
            &escapes,
            indent,
            number,
        ));
    }
    cells
}

/// The cell `line[start..end]` (byte offsets), `escapes` the byte offsets of its `\|`s.
fn make_cell(
    line: &str,
    start: usize,
    end: usize,
    escapes: &[usize],
    indent: usize,
    number: u32,
) -> Cell {
    let raw = &line[start..end];
    let text = raw.trim();
    let first = start + (raw.len() - raw.trim_start().len());
    let col = line[..first].chars().count() + indent + 1;
    if text.is_empty() {
        let col = line[..start].chars().count() + indent + 1;
        return Cell {
            text: String::new(),
            span: Span::new(number, to_u32(col), 1),
            escapes: Vec::new(),
            pinned: false,
        };
    }
    let width = text.chars().count();
    let mut unescaped = String::with_capacity(text.len());
    let mut char_escapes = Vec::new();
    let mut last = first;
    for &at in escapes
        .iter()
        .filter(|&&e| e >= first && e < first + text.len())
    {
        unescaped.push_str(&line[last..at]);
        char_escapes.push(unescaped.chars().count());
        last = at + 1; // drop the backslash, keep the pipe
    }
    unescaped.push_str(&line[last..first + text.len()]);
    Cell {
        text: unescaped,
        span: Span::new(number, to_u32(col), to_u32(width)),
        escapes: char_escapes,
        pinned: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(line: &str) -> Vec<(String, u32, u32)> {
        match lex(line).into_iter().next() {
            Some(Line::Row { cells, .. }) => cells
                .into_iter()
                .map(|c| (c.text, c.span.col, c.span.len))
                .collect(),
            other => panic!("not a row: {other:?}"),
        }
    }

    #[test]
    fn splits_cells_with_spans_and_escapes() {
        assert_eq!(
            cells("| a | b\\|c |  |"),
            vec![
                ("a".to_string(), 3, 1),
                ("b|c".to_string(), 7, 4),
                (String::new(), 13, 1)
            ]
        );
        assert_eq!(cells("|x|y"), vec![("x".into(), 2, 1), ("y".into(), 4, 1)]);
    }

    #[test]
    fn fenced_code_is_prose() {
        let lines = lex("```\n| a |\n# b\n```\n## c");
        assert!(matches!(lines[1], Line::Text { .. }));
        assert!(matches!(lines[2], Line::Text { .. }));
        assert!(matches!(lines[4], Line::Heading { level: 2, .. }));
    }

    #[test]
    fn escaped_sub_span() {
        let lines = lex("| a\\|b c |");
        let Some(Line::Row { cells, .. }) = lines.first() else {
            panic!()
        };
        // "a|b c": the `c` is at offset 4 in the text, column 8 in the line.
        assert_eq!(cells[0].sub_span(4, 1).col, 8);
    }
}
