//! Schema diagnostics, rendered like rustc's: `path:line:col: error: message` (or `warning:`),
//! the source line, a caret line under the span, `= note:` and `= help:` lines, and notes that
//! point at another place (`path:line:col: note: …` with its own snippet).
//!
//! Every stage of the reader pushes into one [`Diagnostics`] list and carries on, so a schema
//! author sees every error of a file at once, not the first only. Errors make a schema unusable;
//! warnings (a rule in prose that is not understood, `schemas/README.md`, "Rules in prose") do
//! not: a schema with warnings only loads, and carries them in [`crate::Schema::warnings`].

use std::fmt;
use std::path::{Path, PathBuf};

/// A position in a source file: 1-based line and column (columns count characters, as rustc's
/// do), and the width of the underlined text in characters (at least one caret is drawn).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) struct Span {
    pub(crate) line: u32,
    pub(crate) col: u32,
    pub(crate) len: u32,
}

impl Span {
    pub(crate) fn new(line: u32, col: u32, len: u32) -> Self {
        Span { line, col, len }
    }

    /// A part of this span, `offset` characters in and `len` characters wide. Only valid for
    /// spans that lie on one line, which every span of the reader does.
    pub(crate) fn sub(self, offset: usize, len: usize) -> Span {
        Span {
            line: self.line,
            col: self.col.saturating_add(to_u32(offset)),
            len: to_u32(len),
        }
    }
}

pub(crate) fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Severity {
    /// The schema cannot be used: it does not load.
    Error,
    /// Something the author should look at (text that reads like a rule but is not
    /// understood); the schema loads.
    Warning,
}

impl Severity {
    /// The word rendered before the message: `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A note attached to a diagnostic: a fact that explains it, at another place of the source
/// (the explicit cell a prose rule disagrees with) or nowhere in particular.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// What the note says.
    pub message: String,
    /// Where it points, if anywhere: line, column and width (as for [`Diagnostic`]) and the
    /// text of that line, in the diagnostic's file.
    pub at: Option<NoteSpan>,
}

/// Where a [`Note`] points, in its diagnostic's file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoteSpan {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub col: u32,
    /// Width of the underlined text, in characters.
    pub len: u32,
    /// The text of the line, for the snippet.
    pub source_line: String,
}

/// One schema error or warning, with everything needed to render it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, as given by the caller (imports: joined to the importing file's folder).
    pub file: PathBuf,
    /// 1-based line; `0` when the error concerns the whole file (it cannot be read).
    pub line: u32,
    /// 1-based column, in characters.
    pub col: u32,
    /// Width of the underlined text, in characters.
    pub len: u32,
    /// What is wrong.
    pub message: String,
    /// A likely fix (`did you mean `AN`?`), if any.
    pub help: Option<String>,
    /// The text of the source line, for the snippet (empty when `line` is 0).
    pub source_line: String,
    /// Notes, rendered after the snippet: those without a place as `= note:` lines, those
    /// with one as their own snippet.
    pub notes: Vec<Note>,
}

impl Diagnostic {
    /// An error about a whole file, rendered on one line (`error: cannot read `x`: ...`).
    pub(crate) fn file_error(file: &Path, message: String) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_path_buf(),
            line: 0,
            col: 0,
            len: 0,
            message,
            help: None,
            source_line: String::new(),
            notes: Vec::new(),
        }
    }

    /// Whether this is an error (the schema does not load), not a warning.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            // Nothing to point at: one line, as the CLI contract wants for unreadable files.
            return write!(f, "{}: {}", self.severity.as_str(), self.message);
        }
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.file.display(),
            self.line,
            self.col,
            self.severity.as_str(),
            self.message
        )?;
        let pad = " ".repeat(self.line.to_string().len());
        snippet(f, self.line, self.col, self.len, &self.source_line)?;
        for note in self.notes.iter().filter(|n| n.at.is_none()) {
            write!(f, "\n{pad} = note: {}", note.message)?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n{pad} = help: {help}")?;
        }
        for note in &self.notes {
            if let Some(at) = &note.at {
                write!(
                    f,
                    "\n{}:{}:{}: note: {}",
                    self.file.display(),
                    at.line,
                    at.col,
                    note.message
                )?;
                snippet(f, at.line, at.col, at.len, &at.source_line)?;
            }
        }
        Ok(())
    }
}

/// The snippet under a diagnostic's first line: a newline, then the source line with its
/// number and a caret line under the span (`col`, `len` in characters).
fn snippet(
    f: &mut fmt::Formatter<'_>,
    line: u32,
    col: u32,
    len: u32,
    source_line: &str,
) -> fmt::Result {
    let number = line.to_string();
    let pad = " ".repeat(number.len());
    // Tabs are shown as four spaces (as rustc does) so the caret stays under its text;
    // other control characters (only seen in broken files) as U+FFFD.
    let mut shown = String::new();
    let mut caret_col = 0usize;
    let mut caret_len = 0usize;
    let start = col.saturating_sub(1) as usize;
    let end = start + len.max(1) as usize;
    let mut line_chars = 0usize;
    for (i, c) in source_line.chars().enumerate() {
        let piece: &str = match c {
            '\t' => "    ",
            c if c.is_control() => "\u{fffd}",
            _ => "",
        };
        let width = if piece.is_empty() {
            display_width(c)
        } else {
            piece.chars().count()
        };
        if i < start {
            caret_col += width;
        } else if i < end {
            caret_len += width;
        }
        if piece.is_empty() {
            shown.push(c);
        } else {
            shown.push_str(piece);
        }
        line_chars = i + 1;
    }
    // A span past the end of the line (a missing cell) still gets its caret.
    if start >= line_chars {
        caret_col += start - line_chars;
    }
    let caret_len = caret_len.max(1);
    let shown = shown.trim_end();
    write!(f, "\n{pad} |\n{number} | {shown}\n")?;
    write!(
        f,
        "{pad} | {}{}",
        " ".repeat(caret_col),
        "^".repeat(caret_len)
    )
}

/// Terminal columns taken by `c`: 2 for East Asian wide characters and emoji (the common
/// ranges), 0 for combining marks, 1 otherwise, so carets stay under their text.
fn display_width(c: char) -> usize {
    match u32::from(c) {
        0x0300..=0x036F | 0x200B..=0x200F | 0xFE00..=0xFE0F => 0,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1F64F
        | 0x1F900..=0x1F9FF
        | 0x20000..=0x3FFFD => 2,
        _ => 1,
    }
}

/// Every diagnostic of a schema (and of the files it imports), in the order found: by file,
/// then mostly by line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diagnostics {
    list: Vec<Diagnostic>,
}

impl Diagnostics {
    pub(crate) fn single(diagnostic: Diagnostic) -> Self {
        Diagnostics {
            list: vec![diagnostic],
        }
    }

    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        self.list.push(diagnostic);
    }

    /// The diagnostics ordered by file (in the order of `files`), then line and column; the
    /// order of the stages is kept for errors at one position.
    pub(crate) fn sorted(mut self, files: &[&Path]) -> Self {
        let rank = |d: &Diagnostic| {
            files
                .iter()
                .position(|f| *f == d.file)
                .unwrap_or(usize::MAX)
        };
        self.list.sort_by_key(|d| (rank(d), d.line, d.col));
        self
    }

    /// The diagnostics pushed after the first `from`: the stage that pushed them adds notes.
    pub(crate) fn since(&mut self, from: usize) -> &mut [Diagnostic] {
        let from = from.min(self.list.len());
        &mut self.list[from..]
    }

    /// Splits off the warnings: the diagnostics without them, and the warnings.
    pub(crate) fn split_warnings(self) -> (Diagnostics, Diagnostics) {
        let (errors, warnings) = self.list.into_iter().partition(Diagnostic::is_error);
        (Diagnostics { list: errors }, Diagnostics { list: warnings })
    }

    /// How many diagnostics there are, errors and warnings.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// How many of them are errors.
    pub fn errors(&self) -> usize {
        self.list.iter().filter(|d| d.is_error()).count()
    }

    /// How many of them are warnings.
    pub fn warnings(&self) -> usize {
        self.list.len() - self.errors()
    }

    /// Whether there is no diagnostic at all.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Whether some diagnostic is an error (the schema does not load).
    pub fn has_errors(&self) -> bool {
        self.list.iter().any(Diagnostic::is_error)
    }

    /// `2 errors`, `1 error; 3 warnings`, `1 warning`: what a summary line counts.
    pub fn summary(&self) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        match (self.errors(), self.warnings()) {
            (errors, 0) => plural(errors, "error"),
            (0, warnings) => plural(warnings, "warning"),
            (errors, warnings) => {
                format!(
                    "{}; {}",
                    plural(errors, "error"),
                    plural(warnings, "warning")
                )
            }
        }
    }

    /// Whether this is the failure to read the root file itself (its one diagnostic has
    /// `line` 0): an I/O error rather than a schema error (the CLI exits 2, not 1).
    pub fn is_io_error(&self) -> bool {
        self.list.len() == 1 && self.list.iter().all(|d| d.line == 0)
    }

    /// The diagnostics, errors and warnings, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.list.iter()
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.list.iter()
    }
}

impl fmt::Display for Diagnostics {
    /// Every diagnostic, separated by a blank line, no colour.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.list.iter().enumerate() {
            if i > 0 {
                f.write_str("\n\n")?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// One source file being read: its display path and lines, so diagnostics can quote them.
#[derive(Debug)]
pub(crate) struct Source {
    pub(crate) path: PathBuf,
    pub(crate) text: String,
    /// Byte offset of the start of each line, so quoting a line is not a scan of the file.
    line_starts: Vec<usize>,
}

impl Source {
    pub(crate) fn new(path: PathBuf, text: String) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Source {
            path,
            text,
            line_starts,
        }
    }

    pub(crate) fn line(&self, line: u32) -> &str {
        let index = (line as usize).saturating_sub(1);
        let Some(&start) = self.line_starts.get(index) else {
            return "";
        };
        let end = self
            .line_starts
            .get(index + 1)
            .map_or(self.text.len(), |next| next - 1);
        let text = self.text.get(start..end).unwrap_or("");
        text.strip_suffix('\r').unwrap_or(text)
    }

    pub(crate) fn error(&self, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            file: self.path.clone(),
            line: span.line.max(1),
            col: span.col.max(1),
            len: span.len.max(1),
            message: message.into(),
            help: None,
            source_line: self.line(span.line.max(1)).to_string(),
            notes: Vec::new(),
        }
    }

    /// A warning at `span`: the schema still loads.
    pub(crate) fn warning(
        &self,
        span: Span,
        message: impl Into<String>,
        help: Option<String>,
    ) -> Diagnostic {
        let mut d = self.error_help(span, message, help);
        d.severity = Severity::Warning;
        d
    }

    /// A note pointing at `span` of this file.
    pub(crate) fn note(&self, span: Span, message: impl Into<String>) -> Note {
        Note {
            message: message.into(),
            at: Some(NoteSpan {
                line: span.line.max(1),
                col: span.col.max(1),
                len: span.len.max(1),
                source_line: self.line(span.line.max(1)).to_string(),
            }),
        }
    }

    pub(crate) fn error_help(
        &self,
        span: Span,
        message: impl Into<String>,
        help: Option<String>,
    ) -> Diagnostic {
        let mut d = self.error(span, message);
        d.help = help;
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carets_account_for_wide_characters() {
        let source = Source::new(PathBuf::from("x.md"), "| 日本 | AM |".to_string());
        let d = source.error(Span::new(1, 8, 2), "unknown type code `AM`");
        assert!(
            d.to_string()
                .ends_with("1 | | 日本 | AM |\n  |          ^^"),
            "{d}"
        );
    }

    #[test]
    fn warnings_and_notes_render_as_rustc_does() {
        let source = Source::new(
            PathBuf::from("x.md"),
            "| a | 32 | Maximum length: 64 |".to_string(),
        );
        let mut d = source.error(Span::new(1, 12, 18), "two lengths");
        d.notes
            .push(source.note(Span::new(1, 7, 2), "the Length cell says `32`"));
        d.notes.push(Note {
            message: "read from prose".into(),
            at: None,
        });
        d.help = Some("keep one".into());
        assert_eq!(
            d.to_string(),
            "x.md:1:12: error: two lengths\n  |\n1 | | a | 32 | Maximum length: 64 |\n  |            ^^^^^^^^^^^^^^^^^^\n  = note: read from prose\n  = help: keep one\nx.md:1:7: note: the Length cell says `32`\n  |\n1 | | a | 32 | Maximum length: 64 |\n  |       ^^"
        );
        d.severity = Severity::Warning;
        assert!(
            d.to_string()
                .starts_with("x.md:1:12: warning: two lengths\n")
        );
        let mut all = Diagnostics::single(d.clone());
        assert_eq!(all.summary(), "1 warning");
        assert!(!all.has_errors());
        all.push(source.error(Span::new(1, 1, 1), "bad"));
        assert_eq!(all.summary(), "1 error; 1 warning");
        let (errors, warnings) = all.split_warnings();
        assert_eq!((errors.len(), warnings.len()), (1, 1));
        assert_eq!(errors.summary(), "1 error");
    }

    #[test]
    fn renders_caret_under_span() {
        let source = Source::new(PathBuf::from("x.md"), "one\n| a\t| bad |\n".to_string());
        let d = source.error_help(Span::new(2, 7, 3), "bad thing", Some("fix it".into()));
        assert_eq!(
            d.to_string(),
            "x.md:2:7: error: bad thing\n  |\n2 | | a    | bad |\n  |          ^^^\n  = help: fix it"
        );
    }
}
