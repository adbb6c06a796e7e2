//! Finding the phrases of a Description (Note, Remarks) cell that state a rule, and reading each
//! into what it states. Pure text work: no cell syntax, no diagnostics; the caller
//! ([`super`]) writes each statement in the cell syntax and reads it with the cell readers.
//!
//! The closed list of phrases is documented in `schemas/README.md`, "Rules in prose". A phrase
//! starts with a lead-in (`Maximum length`, `Valid values are`, …) at a word boundary, in any
//! case; `<br>` and bullets (`•`, `-`, `*`) separate the cell into lines. A lead-in whose
//! continuation does not read is [`Reading::Unclear`]: a warning, never silence.

/// One phrase of a cell: where it is, and what it says.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Phrase<'a> {
    /// The phrase as written: a slice of the cell's text, from its lead-in to the end of what
    /// was read (for a list of values on the lines below, through its last value).
    pub(crate) text: &'a str,
    /// The phrase for `--explain`: `text`, or for a list on the lines below, the lead-in and
    /// the values (`Valid values are: S, F, U`).
    pub(crate) shown: String,
    /// What it says.
    pub(crate) reading: Reading,
}

/// What a phrase says.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Reading {
    /// A rule.
    Rule(Stated),
    /// It starts like a rule, but the rest does not read: `form` is how it reads.
    Unclear {
        /// The form the lead-in takes, for the warning's help (`Maximum length: N characters`).
        form: &'static str,
    },
}

/// A rule as a phrase states it; numbers and values as written.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Stated {
    /// `Maximum length: 64 characters`, `Minimum length: 1`, `The length is 8 characters`.
    Length {
        /// Which bound.
        bound: Bound,
        /// The number, digits only.
        n: String,
        /// The unit, if one is written.
        unit: Unit,
    },
    /// `Maximum size: 100 elements`, `Minimum size: 1 element`: an array's element count.
    Size {
        /// Which bound (never [`Bound::Exact`]).
        bound: Bound,
        /// The number, digits only.
        n: String,
    },
    /// `Valid values are: S, F, U` or the list on the lines below.
    Values(Vec<String>),
    /// `Value range: 1 - unlimited`: the bounds as written, `None` for `unlimited`
    /// (`Value range: unlimited` states no bound at all).
    Range {
        /// The lower bound.
        min: Option<String>,
        /// The upper bound.
        max: Option<String>,
    },
    /// `Characters not allowed: special characters such as @ # ?`: the listed characters.
    Forbidden(String),
    /// `The valid value is X`, `The value is fixed as X`.
    Fixed(String),
}

/// Which bound a length or size phrase states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Bound {
    /// `Maximum …`.
    Max,
    /// `Minimum …`.
    Min,
    /// `The length is …`.
    Exact,
}

/// The unit of a length phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    /// `characters` (or `character`, `chars`).
    Characters,
    /// `bytes` (or `byte`).
    Bytes,
    /// None written.
    None,
}

/// What a lead-in begins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Length(Bound),
    Size(Bound),
    Values,
    Range,
    Forbidden,
    Fixed,
}

/// The lead-ins, lower case; at one position the longest wins.
const LEADS: &[(&str, Kind)] = &[
    ("maximum length", Kind::Length(Bound::Max)),
    ("max length", Kind::Length(Bound::Max)),
    ("minimum length", Kind::Length(Bound::Min)),
    ("min length", Kind::Length(Bound::Min)),
    ("the length is", Kind::Length(Bound::Exact)),
    ("maximum size", Kind::Size(Bound::Max)),
    ("max size", Kind::Size(Bound::Max)),
    ("minimum size", Kind::Size(Bound::Min)),
    ("min size", Kind::Size(Bound::Min)),
    ("valid values are", Kind::Values),
    ("valid values of this field are", Kind::Values),
    ("valid values of this parameter are", Kind::Values),
    ("the valid value is", Kind::Fixed),
    ("valid value is", Kind::Fixed),
    ("the value is fixed as", Kind::Fixed),
    ("fixed as", Kind::Fixed),
    ("value range", Kind::Range),
    ("the value is between", Kind::Range),
    ("value is between", Kind::Range),
    ("characters not allowed", Kind::Forbidden),
];

/// Words a value list on the lines below stops at when its lines have no bullets
/// (`Note: This field is required …` is prose, not a value `Note`).
const STOP_WORDS: &[&str] = &[
    "note",
    "notes",
    "more information",
    "for example",
    "example",
    "examples",
    "remarks",
    "description",
];

/// Words between `Characters not allowed:` and the characters.
const FILLER: &[&str] = &[
    "special",
    "characters",
    "character",
    "such",
    "as",
    "like",
    "eg",
    "including",
    "the",
    "following",
];

impl Kind {
    /// How the phrase reads, for the help of a warning.
    fn form(self) -> &'static str {
        match self {
            Kind::Length(Bound::Max) => "Maximum length: N characters",
            Kind::Length(Bound::Min) => "Minimum length: N characters",
            Kind::Length(Bound::Exact) => "The length is N characters",
            Kind::Size(Bound::Min) => "Minimum size: N elements",
            Kind::Size(_) => "Maximum size: N elements",
            Kind::Values => "Valid values are: `A`, `B`, or one value a line on the lines below",
            Kind::Range => "Value range: MIN - MAX (a number or `unlimited`)",
            Kind::Forbidden => "Characters not allowed: special characters such as @ # ?",
            Kind::Fixed => "The valid value is `X`",
        }
    }
}

/// One line of a cell (split at `<br>`): its text without the bullet, the bullet, and the
/// byte offset of that text in the cell.
#[derive(Clone, Copy, Debug)]
struct Line<'a> {
    text: &'a str,
    bullet: Option<char>,
    at: usize,
}

/// Every phrase of a cell's text, in order.
pub(crate) fn find(text: &str) -> Vec<Phrase<'_>> {
    let lines = lines(text);
    let mut phrases = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index];
        let lower = line.text.to_ascii_lowercase();
        let mut from = 0;
        let mut next_line = index + 1;
        while let Some((start, lead, kind)) = lead_in(&lower, from) {
            let rest = &line.text[start + lead..];
            let (end, reading, shown, lines_used) = match kind {
                Kind::Values => values(rest, &lines[index + 1..]),
                _ => {
                    let (used, reading) = read(kind, rest);
                    (used, reading, None, 0)
                }
            };
            let reading = reading.unwrap_or(Reading::Unclear { form: kind.form() });
            let text_start = line.at + start;
            let text_end = match (&reading, lines_used) {
                (Reading::Unclear { .. }, _) => text_start + lead + sentence_end(rest),
                (_, 0) => text_start + lead + end,
                (_, used) => lines[index + used].at + end,
            };
            let phrase = text[text_start..text_end].trim_end();
            phrases.push(Phrase {
                text: phrase,
                shown: shown.map_or_else(
                    || phrase.to_string(),
                    |values| format!("{}: {values}", line.text[start..start + lead].trim_end()),
                ),
                reading,
            });
            if lines_used > 0 {
                next_line = index + lines_used + 1;
                break;
            }
            from = text_end - line.at;
        }
        index = next_line;
    }
    phrases
}

/// The cell's lines: split at `<br>` (`<br/>`, `<br />`, any case), each without its bullet.
fn lines(text: &str) -> Vec<Line<'_>> {
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut start = 0;
    let mut search = 0;
    while let Some(found) = lower[search..].find("<br") {
        let at = search + found;
        let after = &lower[at + 3..];
        let inner = after.len() - after.trim_start_matches([' ', '/']).len();
        if after[inner..].starts_with('>') {
            out.push(line(text, start, at));
            start = at + 3 + inner + 1;
            search = start;
        } else {
            search = at + 3;
        }
    }
    out.push(line(text, start, text.len()));
    out
}

fn line(text: &str, start: usize, end: usize) -> Line<'_> {
    let raw = &text[start..end];
    let trimmed = raw.trim_start();
    let mut at = start + (raw.len() - trimmed.len());
    let mut bullet = None;
    let mut chars = trimmed.chars();
    if let Some(c) = chars.next()
        && matches!(c, '•' | '-' | '*' | '·' | '◦' | '‣' | '–')
        && chars.next().is_some_and(char::is_whitespace)
    {
        bullet = Some(c);
        let after = &trimmed[c.len_utf8()..];
        at += c.len_utf8() + (after.len() - after.trim_start().len());
    }
    Line {
        text: text[at..end].trim_end(),
        bullet,
        at,
    }
}

/// The first lead-in at or after byte `from` of a line (given in ASCII lower case), at a word
/// boundary: its start, its length and its kind.
fn lead_in(lower: &str, from: usize) -> Option<(usize, usize, Kind)> {
    let bytes = lower.as_bytes();
    (from..lower.len())
        .filter(|&start| start == 0 || !bytes[start - 1].is_ascii_alphanumeric())
        .find_map(|start| lead_at(lower, start).map(|(len, kind)| (start, len, kind)))
}

/// The lead-in starting at byte `start` of a line (in ASCII lower case), if one does: the
/// longest, and not followed by a letter or digit.
fn lead_at(lower: &str, start: usize) -> Option<(usize, Kind)> {
    let rest = lower.get(start..)?;
    LEADS
        .iter()
        .filter(|(lead, _)| {
            rest.starts_with(lead)
                && !rest
                    .as_bytes()
                    .get(lead.len())
                    .is_some_and(u8::is_ascii_alphanumeric)
        })
        .max_by_key(|(lead, _)| lead.len())
        .map(|(lead, kind)| (lead.len(), *kind))
}

/// Reads what follows a lead-in (other than a value list): the bytes of `rest` it used, and
/// the rule, or `None` when it does not read.
fn read(kind: Kind, rest: &str) -> (usize, Option<Reading>) {
    let mut cursor = Cursor::new(rest);
    let stated = match kind {
        Kind::Length(bound) => {
            cursor.separator(&["is", "of"]);
            cursor.digits().and_then(|n| {
                let unit =
                    match cursor.unit(&["characters", "character", "chars", "bytes", "byte"])? {
                        None => Unit::None,
                        Some(word) if word.starts_with('b') => Unit::Bytes,
                        Some(_) => Unit::Characters,
                    };
                Some(Stated::Length { bound, n, unit })
            })
        }
        Kind::Size(bound) => {
            cursor.separator(&["is", "of"]);
            cursor.digits().and_then(|n| {
                cursor.unit(&["elements", "element", "items", "item"])?;
                Some(Stated::Size { bound, n })
            })
        }
        Kind::Range => {
            cursor.separator(&["is"]);
            range(&mut cursor)
        }
        Kind::Forbidden => {
            cursor.separator(&[]);
            forbidden(&mut cursor)
        }
        Kind::Fixed => {
            cursor.separator(&[]);
            cursor.value().map(Stated::Fixed)
        }
        Kind::Values => None,
    };
    match stated {
        Some(stated) => (cursor.at, Some(Reading::Rule(stated))),
        None => (0, None),
    }
}

/// `MIN - MAX` (or `MIN to MAX`, `MIN and MAX` after "The value is between"), each a number
/// or `unlimited`; or `unlimited` alone (no bound at all).
fn range(cursor: &mut Cursor<'_>) -> Option<Stated> {
    let min = cursor.bound()?;
    let after_min = cursor.at;
    cursor.spaces();
    let rest = cursor.rest();
    let dash = ["-", "–", "—", "~", "to ", "and "]
        .into_iter()
        .find(|d| rest.to_ascii_lowercase().starts_with(d));
    let Some(dash) = dash else {
        cursor.at = after_min;
        return min.is_none().then_some(Stated::Range {
            min: None,
            max: None,
        });
    };
    cursor.at += dash.len();
    cursor.spaces();
    let max = cursor.bound()?;
    Some(Stated::Range { min, max })
}

/// `special characters such as @ # ?`: the characters, each alone between spaces or commas.
fn forbidden(cursor: &mut Cursor<'_>) -> Option<Stated> {
    loop {
        cursor.spaces();
        if cursor.rest().to_ascii_lowercase().starts_with("e.g.") {
            cursor.at += "e.g.".len();
            continue;
        }
        let word = cursor.word();
        if word.is_empty() || !FILLER.contains(&word.to_ascii_lowercase().as_str()) {
            break;
        }
        cursor.at += word.len();
    }
    let mut chars = String::new();
    loop {
        let before = cursor.at;
        cursor.spaces();
        let rest = cursor.rest();
        let token_len = rest
            .find(|c: char| c.is_whitespace() || c == ',')
            .unwrap_or(rest.len());
        let token = &rest[..token_len];
        if token.is_empty() {
            if rest.starts_with(',') {
                cursor.at += 1;
                continue;
            }
            cursor.at = before;
            break;
        }
        // `?.` ends the sentence: the `.` is not one of the characters.
        let (token, last) = match token.strip_suffix('.') {
            Some(t) if !t.is_empty() => (t, true),
            _ => (token, false),
        };
        let token = token
            .strip_prefix('`')
            .and_then(|t| t.strip_suffix('`'))
            .unwrap_or(token);
        let mut it = token.chars();
        match (it.next(), it.next()) {
            (Some(c), None) if !c.is_alphanumeric() => {
                if !chars.contains(c) {
                    chars.push(c);
                }
                cursor.at += token_len - usize::from(last);
                if last {
                    break;
                }
            }
            _ if token.eq_ignore_ascii_case("and") || token.eq_ignore_ascii_case("or") => {
                cursor.at += token_len;
            }
            _ => {
                // Words after the characters end the list (`@ # ? (and spaces)`); anything
                // else is not read.
                if token.chars().any(char::is_alphanumeric) && !chars.is_empty() {
                    cursor.at = before;
                    break;
                }
                return None;
            }
        }
    }
    (!chars.is_empty()).then_some(Stated::Forbidden(chars))
}

/// What follows `Valid values are`: values on the same line (`: S, F, U`), or, when nothing
/// follows, one a line on the lines below. Returns the end of the phrase (in the last line it
/// used: `rest` when none), the reading, the phrase for `--explain` when it spans lines, and
/// how many lines below it used.
fn values(rest: &str, below: &[Line<'_>]) -> (usize, Option<Reading>, Option<String>, usize) {
    let mut cursor = Cursor::new(rest);
    cursor.separator(&[]);
    if !cursor.rest().trim().is_empty() {
        let stated = inline_values(&mut cursor).map(|v| Reading::Rule(Stated::Values(v)));
        return (cursor.at, stated, None, 0);
    }
    let Some(first) = below.first() else {
        return (0, None, None, 0);
    };
    let mut found = Vec::new();
    let mut end = 0;
    for line in below {
        if line.bullet != first.bullet {
            break;
        }
        if (line.bullet.is_none() && starts_prose(line.text))
            || lead_at(&line.text.to_ascii_lowercase(), 0).is_some()
        {
            break;
        }
        let mut cursor = Cursor::new(line.text);
        let Some(value) = cursor.value() else { break };
        cursor.spaces();
        let rest = cursor.rest();
        let described = [":", "：", "- ", "– ", "— "]
            .iter()
            .any(|sep| rest.starts_with(sep));
        if !(rest.is_empty() || described) {
            break;
        }
        end = cursor.at;
        found.push(value);
    }
    if found.is_empty() {
        return (0, None, None, 0);
    }
    let lines_used = found.len();
    (
        end,
        Some(Reading::Rule(Stated::Values(found.clone()))),
        Some(found.join(", ")),
        lines_used,
    )
}

/// Whether an unbulleted line is prose (`Note: …`) rather than a value.
fn starts_prose(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    STOP_WORDS.iter().any(|word| {
        lower
            .strip_prefix(word)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    })
}

/// `S, F, U`, `S, F or U`, `1, 4, 8, or 48.`: the values, or `None` when the line holds more
/// than a list (`POST: Indicates … GET: …`).
fn inline_values(cursor: &mut Cursor<'_>) -> Option<Vec<String>> {
    let mut values = Vec::new();
    loop {
        cursor.spaces();
        let word = cursor.word().to_ascii_lowercase();
        if !values.is_empty() && (word == "or" || word == "and") {
            cursor.at += word.len();
            cursor.spaces();
        }
        values.push(cursor.value()?);
        let after_value = cursor.at;
        cursor.spaces();
        let rest = cursor.rest();
        if rest.starts_with(',') {
            cursor.at += 1;
            continue;
        }
        let word = cursor.word().to_ascii_lowercase();
        if word == "or" || word == "and" {
            continue;
        }
        if rest.is_empty() || rest.starts_with(". ") || rest == "." || rest.starts_with(';') {
            cursor.at = after_value;
            return Some(values);
        }
        return None;
    }
}

/// The end of the sentence that starts `text` (before `. ` or `; `, or the end), where an
/// unclear phrase is cut for its warning.
fn sentence_end(text: &str) -> usize {
    let end = [". ", "; "]
        .iter()
        .filter_map(|stop| text.find(stop))
        .min()
        .unwrap_or(text.len());
    text[..end].trim_end().trim_end_matches('.').len()
}

/// A position in the text after a lead-in.
struct Cursor<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Cursor<'a> {
    fn new(text: &'a str) -> Self {
        Cursor { text, at: 0 }
    }

    fn rest(&self) -> &'a str {
        &self.text[self.at..]
    }

    fn spaces(&mut self) {
        let rest = self.rest();
        self.at += rest.len() - rest.trim_start().len();
    }

    /// The ASCII word (letters) at the cursor, not consumed.
    fn word(&self) -> &'a str {
        let rest = self.rest();
        let end = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        &rest[..end]
    }

    /// An optional `:` (or `：`), or one of `words`, and the spaces around.
    fn separator(&mut self, words: &[&str]) {
        self.spaces();
        let rest = self.rest();
        if let Some(after) = rest.strip_prefix(':').or_else(|| rest.strip_prefix('：')) {
            self.at = self.text.len() - after.len();
        } else {
            let word = self.word().to_ascii_lowercase();
            if words.contains(&word.as_str()) {
                self.at += word.len();
            }
        }
        self.spaces();
    }

    /// Digits (and no other character of a number right after them).
    fn digits(&mut self) -> Option<String> {
        let rest = self.rest();
        let end = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let after = &rest[end..];
        let decimal = after
            .strip_prefix('.')
            .is_some_and(|f| f.starts_with(|c: char| c.is_ascii_digit()));
        if end == 0 || decimal || after.starts_with(char::is_alphanumeric) {
            return None;
        }
        self.at += end;
        Some(rest[..end].to_string())
    }

    /// After a number: one of the unit `words` (`Some(Some(word))`, lower case), or none
    /// (`Some(None)`) when punctuation or the end follows; `None` when another word follows
    /// (`64 kilobytes`, `64 The value …`).
    fn unit(&mut self, words: &[&str]) -> Option<Option<String>> {
        let before = self.at;
        self.spaces();
        let word = self.word();
        let lower = word.to_ascii_lowercase();
        if words.contains(&lower.as_str()) {
            self.at += word.len();
            return Some(Some(lower));
        }
        if self.rest().starts_with(char::is_alphanumeric) {
            return None;
        }
        self.at = before;
        Some(None)
    }

    /// A number (`-720`, `0.01`) or `unlimited`: `Some(None)` for unlimited.
    fn bound(&mut self) -> Option<Option<String>> {
        let rest = self.rest();
        if rest.to_ascii_lowercase().starts_with("unlimited") {
            self.at += "unlimited".len();
            return Some(None);
        }
        let negative = rest.starts_with('-');
        let digits = &rest[usize::from(negative)..];
        let int = digits
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(digits.len());
        if int == 0 {
            return None;
        }
        let mut len = usize::from(negative) + int;
        let after = &rest[len..];
        if let Some(fraction) = after.strip_prefix('.') {
            let frac = fraction
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(fraction.len());
            if frac > 0 {
                len += 1 + frac;
            }
        }
        if rest[len..].starts_with(|c: char| c.is_alphanumeric()) {
            return None;
        }
        self.at += len;
        Some(Some(rest[..len].to_string()))
    }

    /// A value: in backticks (`` `S` ``), a JSON string (`"a b"`), or a bare run of characters
    /// up to a space or a `,` (a final `.` or `:` is not part of it).
    fn value(&mut self) -> Option<String> {
        self.spaces();
        let rest = self.rest();
        if let Some(inner) = rest.strip_prefix('`') {
            let end = inner.find('`')?;
            let value = inner[..end].to_string();
            self.at += end + 2;
            return (!value.is_empty()).then_some(value);
        }
        if rest.starts_with('"') {
            let mut stream =
                serde_json::Deserializer::from_str(rest).into_iter::<serde_json::Value>();
            let value = stream.next()?.ok()?;
            let used = stream.byte_offset();
            let serde_json::Value::String(value) = value else {
                return None;
            };
            self.at += used;
            return (!value.is_empty()).then_some(value);
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || c == ',')
            .unwrap_or(rest.len());
        let value = rest[..end].trim_end_matches(['.', ':', '：', ';', ')']);
        let value = value.split(['：']).next().unwrap_or(value);
        let value = value.split_once(':').map_or(value, |(v, _)| v);
        if value.is_empty() || !value.chars().any(char::is_alphanumeric) {
            return None;
        }
        self.at += value.len();
        Some(value.to_string())
    }
}
