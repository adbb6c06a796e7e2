//! Schema diagnostics, rendered like rustc's: `path:line:col: error: message` (or `warning:`),
//! the source line, a caret line under the span, `= note:` and `= help:` lines, and notes that
//! point at another place (`path:line:col: note: …` with its own snippet).
//!
//! Every stage of the reader pushes into one [`Diagnostics`] list and carries on, so a schema
//! author sees every error of a file at once, not the first only. Errors make a schema unusable;
//! warnings (a rule in prose that is not understood, `schemas/README.md`, "Rules in prose") do
//! not: a schema with warnings only loads, and carries them in [`crate::Schema::warnings`].

use std::collections::HashMap;
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
    /// The text of the line, for the snippet: the whole line, or an excerpt around the span
    /// when the line is long (see [`Diagnostic::source_line`]).
    pub source_line: String,
    /// The column the first character of `source_line` stands for (1 for the whole line).
    pub source_from: u32,
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
    /// The text of the source line, for the snippet (empty when `line` is 0). A line longer
    /// than 200 characters is quoted as an excerpt around the span, cut ends marked `…`, so a
    /// diagnostic costs the same on an 80 KB line as on a short one.
    pub source_line: String,
    /// The column the first character of `source_line` stands for: 1 for the whole line, the
    /// column of the cut for an excerpt (whose first character is the `…`).
    pub source_from: u32,
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
            source_from: 1,
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
        snippet(
            f,
            self.line,
            self.col,
            self.len,
            &self.source_line,
            self.source_from,
        )?;
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
                snippet(f, at.line, at.col, at.len, &at.source_line, at.source_from)?;
            }
        }
        Ok(())
    }
}

/// The snippet under a diagnostic's first line: a newline, then the source line (or its
/// excerpt, whose first character stands for column `from`) with its number and a caret line
/// under the span (`col`, `len` in characters).
fn snippet(
    f: &mut fmt::Formatter<'_>,
    line: u32,
    col: u32,
    len: u32,
    source_line: &str,
    from: u32,
) -> fmt::Result {
    let number = line.to_string();
    let pad = " ".repeat(number.len());
    // Tabs are shown as four spaces (as rustc does) so the caret stays under its text;
    // other control characters (only seen in broken files) and bidirectional controls as U+FFFD.
    let mut shown = String::new();
    let mut caret_col = 0usize;
    let mut caret_len = 0usize;
    let start = col.saturating_sub(from.max(1)) as usize;
    let end = start + len.max(1) as usize;
    let mut line_chars = 0usize;
    for (i, c) in source_line.chars().enumerate() {
        let piece: &str = match c {
            '\t' => "    ",
            c if c.is_control() || is_bidi_control(c) => "\u{fffd}",
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

/// Whether `c` is a bidirectional control character (an embedding, override or isolate), which
/// reorders the text shown around it.
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
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

/// Diagnostics of one kind kept on one line; those found beyond are counted in a note of the
/// last one kept ("and 19,992 more like this on this line").
const SAME_KIND_PER_LINE: usize = 8;

/// Every diagnostic of a schema (and of the files it imports), in the order found: by file,
/// then mostly by line.
#[derive(Clone, Debug, Default)]
pub struct Diagnostics {
    list: Vec<Diagnostic>,
    /// For each (file, line, kind of message) seen: the index in `list` of the last diagnostic
    /// kept, how many were found, and the index of its "and N more" note once there is one.
    /// One Example cell can hold 20,000 bad values: the author needs the first few and a count.
    kinds: HashMap<(PathBuf, u32, String), Kept>,
}

/// Of one kind of diagnostic on one line: where the last one kept is, how many were found,
/// and where its "and N more" note is once it has one.
#[derive(Clone, Debug, Default)]
struct Kept {
    last: usize,
    found: usize,
    note: Option<usize>,
}

impl PartialEq for Diagnostics {
    fn eq(&self, other: &Self) -> bool {
        self.list == other.list
    }
}

impl Eq for Diagnostics {}

impl Diagnostics {
    pub(crate) fn single(diagnostic: Diagnostic) -> Self {
        Diagnostics {
            list: vec![diagnostic],
            kinds: HashMap::new(),
        }
    }

    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        if diagnostic.line == 0 {
            self.list.push(diagnostic);
            return;
        }
        let key = (
            diagnostic.file.clone(),
            diagnostic.line,
            kind(&diagnostic.message),
        );
        let kept = self.kinds.entry(key).or_default();
        kept.found += 1;
        if kept.found <= SAME_KIND_PER_LINE {
            kept.last = self.list.len();
            self.list.push(diagnostic);
            return;
        }
        let more = kept.found - SAME_KIND_PER_LINE;
        let message = format!("and {more} more like this on this line");
        let Some(last) = self.list.get_mut(kept.last) else {
            return;
        };
        match kept.note {
            Some(note) if note < last.notes.len() => last.notes[note].message = message,
            _ => {
                kept.note = Some(last.notes.len());
                last.notes.push(Note { message, at: None });
            }
        }
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
        // The indices of `kinds` no longer hold; nothing is pushed after sorting.
        self.kinds.clear();
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
        let part = |list| Diagnostics {
            list,
            kinds: HashMap::new(),
        };
        (part(errors), part(warnings))
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

/// The kind of a diagnostic's message: the message without what varies between two
/// diagnostics of one kind (the quoted values and the numbers).
fn kind(message: &str) -> String {
    let mut out = String::new();
    let mut quoted = false;
    for c in message.chars() {
        match c {
            '`' => quoted = !quoted,
            _ if quoted || c.is_ascii_digit() => {}
            c => out.push(c),
        }
    }
    out
}

/// Lines longer than this many characters are quoted as an excerpt around the span.
const MAX_QUOTED_CHARS: usize = 200;

/// Characters kept on each side of the span in an excerpt, and of the span itself.
const EXCERPT_MARGIN: usize = 60;

/// What an excerpt needs to know of a long line without scanning it again: one schema line can
/// get thousands of diagnostics, and each rescan of an 80 KB line made them quadratic.
#[derive(Debug, Default)]
struct LineInfo {
    /// The line's length in characters.
    chars: usize,
    /// Whether every character is ASCII (a character is a byte).
    ascii: bool,
    /// For a long line that is not ASCII: the byte offset of every 64th character.
    marks: Vec<usize>,
}

impl LineInfo {
    fn new(line: &str) -> LineInfo {
        let ascii = line.is_ascii();
        if ascii || line.len() <= MAX_QUOTED_CHARS {
            let chars = if ascii {
                line.len()
            } else {
                line.chars().count()
            };
            return LineInfo {
                chars,
                ascii,
                marks: Vec::new(),
            };
        }
        let mut marks = Vec::new();
        let mut chars = 0;
        for (i, (at, _)) in line.char_indices().enumerate() {
            if i % 64 == 0 {
                marks.push(at);
            }
            chars = i + 1;
        }
        LineInfo {
            chars,
            ascii,
            marks,
        }
    }

    /// The byte offset of character `n` of `line` (its length past the end).
    fn byte_of(&self, line: &str, n: usize) -> usize {
        if n >= self.chars {
            return line.len();
        }
        if self.ascii {
            return n;
        }
        let from = self.marks.get(n / 64).copied().unwrap_or(0);
        let skip = if self.marks.is_empty() { n } else { n % 64 };
        line[from..]
            .char_indices()
            .nth(skip)
            .map_or(line.len(), |(at, _)| from + at)
    }
}

/// The text a diagnostic quotes of `line` for `span`, and the column its first character
/// stands for: the whole line when it is short; otherwise the span (its first 80 characters)
/// with 60 characters on each side, the cut ends shown as `…`. Quoting whole lines made each
/// of 20,000 diagnostics on one 80 KB line copy the line: quadratic memory and output.
fn excerpt(line: &str, info: &LineInfo, span: Span) -> (String, u32) {
    if info.chars <= MAX_QUOTED_CHARS {
        return (line.to_string(), 1);
    }
    let start = span.col.max(1) as usize - 1;
    let first = start.saturating_sub(EXCERPT_MARGIN).min(info.chars);
    let end = (start + (span.len.max(1) as usize).min(80) + EXCERPT_MARGIN).min(info.chars);
    let kept = &line[info.byte_of(line, first)..info.byte_of(line, end.max(first))];
    let mut out = String::with_capacity(kept.len() + 6);
    if first > 0 {
        out.push('…');
    }
    out.push_str(kept);
    if end < info.chars {
        out.push('…');
    }
    // The `…` stands for the column just before the first character kept.
    (out, if first > 0 { to_u32(first) } else { 1 })
}

/// One source file being read: its display path and lines, so diagnostics can quote them.
#[derive(Debug)]
pub(crate) struct Source {
    pub(crate) path: PathBuf,
    pub(crate) text: String,
    /// Byte offset of the start of each line, so quoting a line is not a scan of the file.
    line_starts: Vec<usize>,
    /// For each line, what quoting it needs (see [`LineInfo`]).
    lines: Vec<LineInfo>,
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
            lines: Vec::new(),
        }
        .indexed()
    }

    /// Fills `lines`, once per file.
    fn indexed(mut self) -> Self {
        self.lines = (1..=self.line_starts.len())
            .map(|n| LineInfo::new(self.line(to_u32(n))))
            .collect();
        self
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

    /// What a diagnostic at `span` quotes of its line (see [`excerpt`]).
    fn excerpt(&self, span: Span) -> (String, u32) {
        let line = span.line.max(1);
        let info = self.lines.get(line as usize - 1);
        match info {
            Some(info) => excerpt(self.line(line), info, span),
            None => (String::new(), 1),
        }
    }

    pub(crate) fn error(&self, span: Span, message: impl Into<String>) -> Diagnostic {
        let (source_line, source_from) = self.excerpt(span);
        Diagnostic {
            severity: Severity::Error,
            file: self.path.clone(),
            line: span.line.max(1),
            col: span.col.max(1),
            len: span.len.max(1),
            message: message.into(),
            help: None,
            source_line,
            source_from,
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
        let (source_line, source_from) = self.excerpt(span);
        Note {
            message: message.into(),
            at: Some(NoteSpan {
                line: span.line.max(1),
                col: span.col.max(1),
                len: span.len.max(1),
                source_line,
                source_from,
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
