//! What is JSON and what is malformed (docs/SEMANTICS.md §7.2), decided in one place: RFC 8259
//! as serde_json reads it (the same strings, escapes, surrogate pairs, depth limit and
//! whitespace), except that a number is never converted, so any number the grammar allows is
//! a number (`1e400`, a 400-digit integer: what a field makes of it is the field's rules, §2.8).
//!
//! The dynamic validator checks a document with it before it reads anything; the decoder, which
//! reads in one pass, words its `syntax` violation with it, so both say the same thing about
//! the same bytes. It builds nothing: an explicit stack of one bit per open container (the
//! depth is bounded), so its memory is constant and it cannot overflow the call stack.
//!
//! ```
//! use fieldtab_runtime::json::syntax::check_document;
//!
//! assert!(check_document(br#"{"amount": 1e400}"#).is_ok());
//! let error = check_document(b"{\"a\": [1,]}").unwrap_err();
//! assert_eq!(error.to_string(), "trailing comma at line 1 column 10");
//! ```

use std::fmt;

/// How deep containers may nest: serde_json's limit (it refuses the 128th level), so that the
/// dynamic validator and the decoder call the same documents too deep.
pub const MAX_DEPTH: u32 = 127;

/// Malformed JSON: what is wrong and where (line and column, 1-based, the column in bytes).
/// Never quotes the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    what: &'static str,
    offset: usize,
    line: usize,
    column: usize,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.what, self.line, self.column
        )
    }
}

impl std::error::Error for SyntaxError {}

impl SyntaxError {
    /// The error `what` at byte `at` of `input`.
    #[cold]
    pub fn at(input: &[u8], at: usize, what: &'static str) -> SyntaxError {
        let at = at.min(input.len());
        let before = &input[..at];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = at
            - before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1)
            + 1;
        SyntaxError {
            what,
            offset: at,
            line,
            column,
        }
    }

    /// The byte offset of the fault.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// A document too large for a reader (the dynamic validator reads at most 2 GiB).
    #[cold]
    pub fn too_large() -> SyntaxError {
        SyntaxError {
            what: "document larger than 2 GiB",
            offset: 0,
            line: 1,
            column: 1,
        }
    }
}

/// Checks one JSON document: a value, whitespace around it, nothing else.
pub fn check_document(input: &[u8]) -> Result<(), SyntaxError> {
    let end = check_value(input, skip_ws(input, 0))?;
    let after = skip_ws(input, end);
    match after == input.len() {
        true => Ok(()),
        false => Err(SyntaxError::at(input, after, "trailing characters")),
    }
}

/// Checks one JSON value starting at `pos` (its first byte); returns where it ends.
pub fn check_value(input: &[u8], pos: usize) -> Result<usize, SyntaxError> {
    Scanner {
        input,
        pos,
        stack: 0,
        depth: 0,
    }
    .value()
}

/// Skips JSON whitespace from `pos`.
#[inline]
pub fn skip_ws(input: &[u8], mut pos: usize) -> usize {
    while let Some(b' ' | b'\t' | b'\n' | b'\r') = input.get(pos) {
        pos += 1;
    }
    pos
}

struct Scanner<'a> {
    input: &'a [u8],
    pos: usize,
    /// One bit per open container, the innermost lowest: set for an object.
    stack: u128,
    depth: u32,
}

impl Scanner<'_> {
    fn error(&self, what: &'static str) -> SyntaxError {
        SyntaxError::at(self.input, self.pos, what)
    }

    fn peek(&self) -> Option<u8> {
        self.input.get(self.pos).copied()
    }

    fn ws(&mut self) {
        self.pos = skip_ws(self.input, self.pos);
    }

    fn open(&mut self, object: bool) -> Result<(), SyntaxError> {
        if self.depth == MAX_DEPTH {
            return Err(self.error("recursion limit exceeded"));
        }
        self.depth += 1;
        self.stack = (self.stack << 1) | u128::from(object);
        self.pos += 1;
        Ok(())
    }

    fn close(&mut self) {
        self.depth -= 1;
        self.stack >>= 1;
        self.pos += 1;
    }

    /// One whole value, containers included: a loop over the values, the stack saying what
    /// each one is inside.
    fn value(mut self) -> Result<usize, SyntaxError> {
        'value: loop {
            self.ws();
            match self.peek() {
                Some(b'{') => {
                    self.open(true)?;
                    self.ws();
                    if self.peek() == Some(b'}') {
                        self.close();
                    } else {
                        self.key()?;
                        continue 'value;
                    }
                }
                Some(b'[') => {
                    self.open(false)?;
                    self.ws();
                    if self.peek() == Some(b']') {
                        self.close();
                    } else {
                        continue 'value;
                    }
                }
                Some(b'"') => self.string()?,
                Some(b'-' | b'0'..=b'9') => self.number()?,
                Some(b't') => self.literal(b"true")?,
                Some(b'f') => self.literal(b"false")?,
                Some(b'n') => self.literal(b"null")?,
                Some(_) => return Err(self.error("expected value")),
                None => return Err(self.error("EOF while parsing a value")),
            }
            // After a value: what the container holding it allows next.
            loop {
                if self.depth == 0 {
                    return Ok(self.pos);
                }
                self.ws();
                let object = self.stack & 1 == 1;
                match (self.peek(), object) {
                    (Some(b','), _) => {
                        self.pos += 1;
                        self.ws();
                        match (self.peek(), object) {
                            (Some(b']'), false) | (Some(b'}'), true) => {
                                return Err(self.error("trailing comma"));
                            }
                            (_, true) => self.key()?,
                            (_, false) => {}
                        }
                        continue 'value;
                    }
                    (Some(b']'), false) | (Some(b'}'), true) => self.close(),
                    (Some(_), false) => return Err(self.error("expected `,` or `]`")),
                    (Some(_), true) => return Err(self.error("expected `,` or `}`")),
                    (None, false) => return Err(self.error("EOF while parsing a list")),
                    (None, true) => return Err(self.error("EOF while parsing an object")),
                }
            }
        }
    }

    /// A member's key and its colon.
    fn key(&mut self) -> Result<(), SyntaxError> {
        match self.peek() {
            Some(b'"') => self.string()?,
            Some(_) => return Err(self.error("key must be a string")),
            None => return Err(self.error("EOF while parsing an object")),
        }
        self.ws();
        match self.peek() {
            Some(b':') => {
                self.pos += 1;
                Ok(())
            }
            Some(_) => Err(self.error("expected `:`")),
            None => Err(self.error("EOF while parsing an object")),
        }
    }

    fn literal(&mut self, word: &[u8]) -> Result<(), SyntaxError> {
        for &expected in word {
            match self.peek() {
                Some(b) if b == expected => self.pos += 1,
                Some(_) => return Err(self.error("expected ident")),
                None => return Err(self.error("EOF while parsing a value")),
            }
        }
        Ok(())
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, of any length.
    fn number(&mut self) -> Result<(), SyntaxError> {
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            Some(_) => return Err(self.error("invalid number")),
            None => return Err(self.error("EOF while parsing a value")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            self.some_digits()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            self.some_digits()?;
        }
        Ok(())
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    fn some_digits(&mut self) -> Result<(), SyntaxError> {
        match self.peek() {
            Some(b'0'..=b'9') => {
                self.digits();
                Ok(())
            }
            Some(_) => Err(self.error("invalid number")),
            None => Err(self.error("EOF while parsing a value")),
        }
    }

    /// A string: no control character, valid escapes (a `\u` surrogate only as a pair, as
    /// serde_json wants), valid UTF-8.
    fn string(&mut self) -> Result<(), SyntaxError> {
        self.pos += 1;
        let start = self.pos;
        loop {
            match self.peek() {
                Some(b'"') => break,
                Some(b'\\') => self.escape()?,
                Some(0..=0x1f) => {
                    return Err(self.error(
                        "control character (\\u0000-\\u001F) found while parsing a string",
                    ));
                }
                Some(_) => self.pos += 1,
                None => return Err(self.error("EOF while parsing a string")),
            }
        }
        if let Err(e) = std::str::from_utf8(&self.input[start..self.pos]) {
            self.pos = start + e.valid_up_to();
            return Err(self.error("invalid unicode code point"));
        }
        self.pos += 1;
        Ok(())
    }

    fn escape(&mut self) -> Result<(), SyntaxError> {
        self.pos += 1;
        match self.peek() {
            Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                self.pos += 1;
                Ok(())
            }
            Some(b'u') => {
                self.pos += 1;
                let unit = self.hex4()?;
                if (0xDC00..=0xDFFF).contains(&unit) {
                    return Err(self.error("lone leading surrogate in hex escape"));
                }
                if (0xD800..=0xDBFF).contains(&unit) {
                    if self.input.get(self.pos..self.pos + 2) != Some(b"\\u") {
                        return Err(self.error("unexpected end of hex escape"));
                    }
                    self.pos += 2;
                    if !(0xDC00..=0xDFFF).contains(&self.hex4()?) {
                        return Err(self.error("lone leading surrogate in hex escape"));
                    }
                }
                Ok(())
            }
            Some(_) => Err(self.error("invalid escape")),
            None => Err(self.error("EOF while parsing a string")),
        }
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut unit = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(d @ b'0'..=b'9') => d - b'0',
                Some(d @ b'a'..=b'f') => d - b'a' + 10,
                Some(d @ b'A'..=b'F') => d - b'A' + 10,
                Some(_) => return Err(self.error("invalid escape")),
                None => return Err(self.error("EOF while parsing a string")),
            };
            unit = unit * 16 + u32::from(digit);
            self.pos += 1;
        }
        Ok(unit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> Result<(), SyntaxError> {
        check_document(text.as_bytes())
    }

    /// serde_json's verdict on a text whose numbers are within its range.
    fn serde_json_accepts(text: &str) -> bool {
        serde_json::from_str::<serde_json::Value>(text).is_ok()
    }

    #[test]
    fn agrees_with_serde_json() {
        let cases = [
            "{}",
            "[]",
            " {\"a\" : [1, -0, 0.5, 1e3, 2E-2, true, false, null]} ",
            "\"\\u00e9\"",
            "\"\\ud83d\\ude00\"",
            "\"\\ud83d\"",
            "\"\\ude00\"",
            "\"\\ud83dx\"",
            "\"\\ud83d\\u0041\"",
            "\"\\x\"",
            "\"a\nb\"",
            "01",
            "-",
            "1.",
            ".5",
            "1e",
            "+1",
            "[1,]",
            "{\"a\":1,}",
            "{1:2}",
            "{\"a\" 1}",
            "[1 2]",
            "tru",
            "nul",
            "\"abc",
            "[",
            "{",
            "",
            "  ",
            "[1]]",
            "{}{}",
            "\"\\u12G4\"",
            "[\"\u{7f}\"]",
            "{\"a\":{\"b\":[{}]}}",
            "-12.50e+7",
            "\t\r\n1\n",
        ];
        for case in cases {
            assert_eq!(check(case).is_ok(), serde_json_accepts(case), "{case:?}");
        }
        assert!(check("\"\u{e9}\"").is_ok());
        let bad_utf8 = [b'"', 0xff, b'"'];
        let input: &[u8] = &bad_utf8;
        assert!(check_value(input, 0).is_err());
    }

    #[test]
    fn depth_limit_is_serde_jsons() {
        for depth in [126, 127, 128, 200] {
            let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            assert_eq!(
                check(&text).is_ok(),
                serde_json_accepts(&text),
                "depth {depth}"
            );
        }
        let deep = "[".repeat(1_000_000);
        assert_eq!(
            check(&deep).unwrap_err().to_string(),
            "recursion limit exceeded at line 1 column 128"
        );
    }

    #[test]
    fn numbers_beyond_f64_are_numbers() {
        assert!(check("1e400").is_ok());
        assert!(check(&"9".repeat(400)).is_ok());
        assert!(check("[-1.5e-99999]").is_ok());
    }

    #[test]
    fn errors_say_where() {
        assert_eq!(
            check("{\n  \"a\": x}").unwrap_err().to_string(),
            "expected value at line 2 column 8"
        );
        assert_eq!(
            check("[1").unwrap_err().to_string(),
            "EOF while parsing a list at line 1 column 3"
        );
        assert_eq!(
            check("[1,\n ]").unwrap_err().to_string(),
            "trailing comma at line 2 column 2"
        );
        assert_eq!(
            check("{} x").unwrap_err().to_string(),
            "trailing characters at line 1 column 4"
        );
    }
}
