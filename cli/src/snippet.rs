//! The excerpt of a message under a violation, rustc style (docs/SEMANTICS.md §9.3):
//!
//! ```text
//! error[length]: /header/pid: must be at most 10 bytes long, not 11
//!   --> request.json:3:12
//!    |
//!  3 |     "pid": "10000000019",
//!    |            ^^^^^^^^^^^^^
//! ```
//!
//! The line is the message's own text, so it is shown as safely as a violation's path, masked
//! with `*`: the values of sensitive fields (wherever they are on the line); any run of
//! [`LONG_DIGITS`] digits or more, wherever it is (a card number sent in the wrong field, or as
//! a key, is not known to be one; a PCI scanner would flag it in a log); and, on a malformed
//! message, which cannot be read for its fields, every string's content and every number, so
//! only its syntax shows. Control and bidirectional characters are escaped
//! (`fieldtab_runtime::printable`); a long line is cut to a window around the caret.

use std::io::{self, Write};
use std::ops::Range;

use fieldtab_runtime::json::locate::{Location, value_end_at};
use fieldtab_runtime::printable;

/// How many characters of a line are shown before the caret, and in all, at most.
const BEFORE: usize = 40;
const WIDTH: usize = 100;

/// The shortest run of digits masked wherever it is: the shortest card numbers (ISO/IEC 7812)
/// have 12 digits.
pub(crate) const LONG_DIGITS: usize = 12;

/// What a snippet needs of the message.
pub(crate) struct Message<'a> {
    /// The name printed after `-->`.
    pub(crate) file: &'a str,
    pub(crate) text: &'a [u8],
    /// The byte ranges of sensitive values (`Validator::sensitive_spans`).
    pub(crate) masked: &'a [Range<usize>],
    /// Whether the text is malformed JSON (then every value is masked).
    pub(crate) malformed: bool,
    /// Whether the text was kept to show: not for a line of `validate --jsonl` longer than
    /// `--max-bytes`, then only the location line is written.
    pub(crate) excerpt: bool,
}

impl Message<'_> {
    /// For each byte of `line` (the text from `start`), whether it is masked.
    fn mask(&self, start: usize, line: &[u8]) -> Vec<bool> {
        // A sensitive value's quotes stay: they show what is masked is a string.
        let inside = |span: &Range<usize>, at: usize| {
            span.contains(&at)
                && !((at == span.start || at + 1 == span.end) && self.text[at] == b'"')
        };
        let mut mask: Vec<bool> = (start..start + line.len())
            .map(|at| self.masked.iter().any(|span| inside(span, at)))
            .collect();
        let mut i = 0;
        while i < line.len() {
            let run = line[i..].iter().take_while(|b| b.is_ascii_digit()).count();
            if run >= LONG_DIGITS {
                mask[i..i + run].iter_mut().for_each(|m| *m = true);
            }
            i += run.max(1);
        }
        if self.malformed {
            let mut in_string = false;
            let mut escaped = false;
            for (b, m) in line.iter().zip(mask.iter_mut()) {
                match (in_string, *b) {
                    (true, _) if escaped => escaped = false,
                    (true, b'\\') => escaped = true,
                    (_, b'"') => {
                        in_string = !in_string;
                        continue;
                    }
                    _ => {}
                }
                *m |= in_string || b.is_ascii_digit();
            }
        }
        mask
    }
}

/// Writes the location line, the line of `message` at `location` and a caret under the value
/// there (to the end of the value or of the line; one caret for a point such as malformed
/// input's fault).
pub(crate) fn write_snippet(
    out: &mut impl Write,
    message: &Message<'_>,
    location: Location,
    point: bool,
) -> io::Result<()> {
    let text = message.text;
    let start = text[..location.offset]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let mut end = text[location.offset..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(text.len(), |i| location.offset + i);
    if end > start && text[end - 1] == b'\r' {
        end -= 1;
    }
    let value_end = match point || location.offset >= end {
        true => location.offset + 1,
        false => value_end_at(text, location.offset).clamp(location.offset + 1, end),
    };

    // The line's characters as shown, with the byte each starts at.
    let mask = message.mask(start, &text[start..end]);
    let line = String::from_utf8_lossy(&text[start..end]);
    let mut shown: Vec<(usize, String)> = Vec::new();
    let mut byte = start;
    for c in line.chars() {
        let masked = mask.get(byte - start).copied().unwrap_or(true);
        let form = if masked && !c.is_whitespace() {
            "*".to_string()
        } else {
            printable(c.encode_utf8(&mut [0; 4])).into_owned()
        };
        shown.push((byte, form));
        byte += c.len_utf8();
    }
    let first = shown
        .iter()
        .position(|(b, _)| *b >= location.offset)
        .unwrap_or(shown.len());
    let last = shown
        .iter()
        .position(|(b, _)| *b >= value_end)
        .unwrap_or(shown.len());
    let from = first.saturating_sub(BEFORE);
    let to = shown.len().min(from + WIDTH);
    let mut body = String::new();
    let mut pad = 0;
    let mut carets = 0;
    if from > 0 {
        body.push('…');
        pad += 1;
    }
    for (i, (_, form)) in shown[from..to].iter().enumerate() {
        let i = from + i;
        let width = form.chars().count();
        if i < first {
            pad += width;
        } else if i < last {
            carets += width;
        }
        body.push_str(form);
    }
    if to < shown.len() {
        body.push('…');
    }
    let number = location.line.to_string();
    let gutter = " ".repeat(number.len());
    writeln!(
        out,
        "{gutter}--> {}:{}:{}",
        printable(message.file),
        location.line,
        location.column
    )?;
    if !message.excerpt {
        return Ok(());
    }
    writeln!(out, "{gutter} |")?;
    writeln!(out, "{number} | {body}")?;
    writeln!(
        out,
        "{gutter} | {}{}",
        " ".repeat(pad),
        "^".repeat(carets.max(1))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snippet(text: &str, offset: usize, masked: &[Range<usize>]) -> String {
        let message = Message {
            file: "m.json",
            text: text.as_bytes(),
            masked,
            malformed: false,
            excerpt: true,
        };
        let mut out = Vec::new();
        let location = Location::of(text.as_bytes(), offset);
        write_snippet(&mut out, &message, location, false).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn carets_under_the_value_and_sensitive_values_masked() {
        let text = "{\n  \"pid\": \"10000000019\", \"cardNo\": \"6214835920672688\"\n}";
        let card = text.find("\"6214").unwrap();
        let spans = [Range {
            start: card,
            end: card + 18,
        }];
        let out = snippet(text, text.find("\"1000").unwrap(), &spans);
        assert_eq!(
            out,
            " --> m.json:2:10\n  |\n2 |   \"pid\": \"10000000019\", \"cardNo\": \"****************\"\n  |          ^^^^^^^^^^^^^\n"
        );
    }

    #[test]
    fn long_digit_runs_and_malformed_values_are_masked() {
        let text = r#"{"refNum": "6214835920672688", "pid": "12345678901", "6214835920672688": 1}"#;
        let out = snippet(text, text.find("\"6214").unwrap(), &[]);
        assert!(!out.contains("62148359206"), "{out}");
        assert!(out.contains(r#""pid": "12345678901""#), "{out}");
        let message = Message {
            file: "m.json",
            text: br#"{"pid": "12\"3", "n": 42 x"#,
            masked: &[],
            malformed: true,
            excerpt: true,
        };
        let mut out = Vec::new();
        write_snippet(&mut out, &message, Location::of(message.text, 25), true).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains(r#"1 | {"***": "*****", "*": ** x"#), "{out}");
    }

    #[test]
    fn long_lines_are_cut_and_controls_escaped() {
        let text = format!("{{\"a\":\"{}\",\"b\":\"x\u{1b}y\"}}", "z".repeat(500));
        let out = snippet(&text, text.find("\"x").unwrap(), &[]);
        let line = out.lines().nth(2).unwrap();
        assert!(line.starts_with("1 | …"), "{line}");
        assert!(line.contains("\"x\\u{1b}y\""), "{line}");
        assert!(line.chars().count() < 120, "{line}");
        let caret = out.lines().nth(3).unwrap();
        assert_eq!(
            caret.trim_start_matches(['|', ' ']).len(),
            "\"x\\u{1b}y\"".len()
        );
    }
}
