//! Reading a JSON Lines input in chunks of whole lines, in bounded memory: a line longer than
//! the limit (`--max-bytes`) is not kept, only its length, and the rest of it is skipped as it
//! is read, so no input (`/dev/zero`, a file with no newline) makes a buffer grow past it.

use std::io::{self, BufRead};
use std::ops::Range;

/// One line of a chunk.
pub(crate) enum Line {
    /// The line's text: a range of the chunk's bytes, without its `\n`.
    Kept { number: usize, text: Range<usize> },
    /// A line longer than the limit, not kept: its length in bytes, without its `\n`.
    TooLong { number: usize, len: u64 },
}

/// Whole lines of one input, read together and handed to a worker together.
pub(crate) struct Chunk {
    /// The input, an index into the list of inputs.
    pub(crate) input: usize,
    /// The text of the kept lines.
    pub(crate) bytes: Vec<u8>,
    pub(crate) lines: Vec<Line>,
}

/// Reads the lines of an input, at most `max` bytes of each kept.
pub(crate) struct Lines<R> {
    reader: R,
    max: u64,
    /// The number of the next line, from 1.
    next: usize,
    done: bool,
}

impl<R: BufRead> Lines<R> {
    pub(crate) fn new(reader: R, max: u64) -> Lines<R> {
        Lines {
            reader,
            max,
            next: 1,
            done: false,
        }
    }

    /// Whether the input has been read to its end (or failed).
    pub(crate) fn is_done(&self) -> bool {
        self.done
    }

    /// Appends lines to `chunk` until its text holds `target` bytes or more, or the input ends.
    /// After an error the lines read before it stay in the chunk and the input is done.
    pub(crate) fn fill(&mut self, chunk: &mut Chunk, target: usize) -> io::Result<()> {
        while chunk.bytes.len() < target && !self.done {
            if let Err(error) = self.read_line(chunk) {
                self.done = true;
                return Err(error);
            }
        }
        Ok(())
    }

    /// Reads one line into `chunk` (none at the end of the input).
    fn read_line(&mut self, chunk: &mut Chunk) -> io::Result<()> {
        let start = chunk.bytes.len();
        // The line and its `\n`: one byte more is a line too long.
        let limit = self.max.saturating_add(1);
        let read = <&mut R as io::Read>::take(&mut self.reader, limit)
            .read_until(b'\n', &mut chunk.bytes)?;
        if read == 0 {
            self.done = true;
            return Ok(());
        }
        let number = self.next;
        self.next += 1;
        let ended = chunk.bytes.last() == Some(&b'\n');
        if ended || (read as u64) < limit {
            // A whole line, or the last one, without a `\n`, within the limit.
            let end = chunk.bytes.len() - usize::from(ended);
            chunk.lines.push(Line::Kept {
                number,
                text: start..end,
            });
            return Ok(());
        }
        chunk.bytes.truncate(start);
        let rest = self.skip_line()?;
        chunk.lines.push(Line::TooLong {
            number,
            len: (read as u64).saturating_add(rest),
        });
        Ok(())
    }

    /// Skips the rest of a line and its `\n`, keeping nothing; the bytes skipped before the
    /// `\n`.
    fn skip_line(&mut self) -> io::Result<u64> {
        let mut skipped: u64 = 0;
        loop {
            let buffer = match self.reader.fill_buf() {
                Ok(buffer) => buffer,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(error),
            };
            if buffer.is_empty() {
                self.done = true;
                return Ok(skipped);
            }
            match buffer.iter().position(|&b| b == b'\n') {
                Some(at) => {
                    self.reader.consume(at + 1);
                    return Ok(skipped.saturating_add(at as u64));
                }
                None => {
                    let len = buffer.len();
                    self.reader.consume(len);
                    skipped = skipped.saturating_add(len as u64);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines of `input` read in chunks of `target` bytes, as (number, text or length).
    fn read(input: &[u8], max: u64, target: usize) -> Vec<(usize, Result<String, u64>)> {
        // A reader buffer smaller than the lines, so lines span refills.
        let mut lines = Lines::new(io::BufReader::with_capacity(3, input), max);
        let mut all = Vec::new();
        while !lines.is_done() {
            let mut chunk = Chunk {
                input: 0,
                bytes: Vec::new(),
                lines: Vec::new(),
            };
            lines.fill(&mut chunk, target).unwrap();
            assert!(chunk.bytes.len() < target + max as usize + 1);
            for line in chunk.lines {
                all.push(match line {
                    Line::Kept { number, text } => (
                        number,
                        Ok(String::from_utf8(chunk.bytes[text].to_vec()).unwrap()),
                    ),
                    Line::TooLong { number, len } => (number, Err(len)),
                });
            }
        }
        all
    }

    #[test]
    fn lines_are_numbered_and_split_without_their_newline() {
        let got = read(b"{}\n\n{\"a\":1}\r\n[]", 100, 4);
        let want = [
            (1, Ok("{}".to_owned())),
            (2, Ok(String::new())),
            (3, Ok("{\"a\":1}\r".to_owned())),
            (4, Ok("[]".to_owned())),
        ];
        assert_eq!(got, want);
        assert_eq!(read(b"", 100, 4), []);
        assert_eq!(read(b"x\n", 100, 1), [(1, Ok("x".to_owned()))]);
    }

    #[test]
    fn a_line_over_the_limit_is_skipped_and_measured() {
        let input = b"12345\n123456\n1234567\n12345";
        let got = read(input, 6, 1);
        let want = [
            (1, Ok("12345".to_owned())),
            (2, Ok("123456".to_owned())),
            (3, Err(7)),
            (4, Ok("12345".to_owned())),
        ];
        assert_eq!(got, want);
        // The last line, too long and without a newline.
        assert_eq!(read(b"{}\n1234567", 6, 100)[1], (2, Err(7)));
        assert_eq!(read(&[b'x'; 10_000], 6, 100), [(1, Err(10_000))]);
    }
}
