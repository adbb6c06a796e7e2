//! Untrusted text made safe to print for a person: what `Violation`'s `Display` and the CLI's
//! text output show of a path (a path holds the document's keys, and an unknown or repeated key
//! appears in it).

use std::borrow::Cow;
use std::fmt::Write as _;

/// `text` with every control character and Unicode bidirectional formatting character written
/// as a `\u{…}` escape; other text as it is. Printed raw, a key `"\u001b[2J"` would reach the
/// terminal as an escape sequence, and a key holding a newline would forge a line of output
/// (`request.json: valid …`). JSON output needs none of this: serde escapes what JSON must.
///
/// ```
/// use fieldtab_runtime::printable;
///
/// assert_eq!(printable("/header/pid"), "/header/pid");
/// assert_eq!(printable("/é/日本"), "/é/日本");
/// assert_eq!(printable("/\u{1b}[31mred"), "/\\u{1b}[31mred");
/// assert_eq!(printable("/a\nb\u{7f}"), "/a\\u{a}b\\u{7f}");
/// assert_eq!(printable("/\u{202e}x"), "/\\u{202e}x");
/// ```
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            // Writing to a String cannot fail.
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Characters that change what a terminal shows rather than showing themselves: C0 and C1
/// controls, DEL, and the bidirectional embeddings, overrides and isolates.
fn unsafe_char(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}
