//! `validate --jsonl`: JSON Lines inputs, one message a line, validated on every core.
//!
//! The main thread reads each input in chunks of whole lines (`lines.rs`) and hands them to
//! `jobs` worker threads; each worker validates its chunk's lines and writes their results
//! into the chunk's own buffer, in either format; the main thread writes the buffers to
//! stdout in the order the chunks were read, so the output is in input order whatever
//! thread finished first. At most [`IN_FLIGHT_BYTES`] of input (and one chunk more) is read
//! ahead of what is written, so memory stays bounded, however long the input: about
//! `IN_FLIGHT_BYTES` plus one line of at most `--max-bytes`, plus the outputs of those chunks.
//!
//! A line longer than `--max-bytes` is one `syntax` violation of that line (not read, not an
//! I/O error). A blank line (only spaces, tabs or a `\r`) is not a message: it is skipped,
//! not counted, and the lines after it keep their numbers in the file. After the results, a
//! summary line: `summary: 3 messages, 2 valid, 1 invalid` in text,
//! `{"summary":{"messages":3,"valid":2,"invalid":1}}` in JSON.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, mpsc};
use std::thread;

use fieldtab_runtime::{Path, Report, RuleError};

use super::lines::{Chunk, Line, Lines};
use super::{Check, InputName};
use crate::OutputFormat;

/// The text a chunk holds (whole lines, so one line more at most).
const CHUNK_BYTES: usize = 256 * 1024;

/// The input read but not yet written, past which the main thread waits for the workers.
const IN_FLIGHT_BYTES: usize = 8 * 1024 * 1024;

/// The size of the read buffer of each input.
const READ_BUFFER: usize = 256 * 1024;

/// A chunk validated: its results, written in either format.
struct Done {
    /// The chunk's place in the input order.
    seq: u64,
    /// The size of the chunk's text, counted against [`IN_FLIGHT_BYTES`] until written.
    bytes: usize,
    output: Vec<u8>,
    valid: u64,
    invalid: u64,
}

/// Runs `fieldtab validate --jsonl` on `inputs` with `jobs` worker threads.
pub(super) fn run(check: &Check<'_>, inputs: &[PathBuf], max: u64, jobs: NonZeroUsize) -> ExitCode {
    let names: Vec<InputName> = inputs.iter().map(|input| InputName::of(input)).collect();
    let mut reader = Reader {
        inputs,
        names: &names,
        max,
        index: 0,
        current: None,
        any_error: false,
    };
    let (work, queue) = mpsc::channel::<(u64, Chunk)>();
    let queue = Mutex::new(queue);
    let (finished, results) = mpsc::channel::<Done>();
    // Set when stdout is gone: the workers stop taking chunks.
    let stop = AtomicBool::new(false);

    let mut totals = Totals::default();
    let written = thread::scope(|scope| {
        for _ in 0..jobs.get() {
            let finished = finished.clone();
            let work = Work {
                check,
                names: &names,
                max,
            };
            let (queue, stop) = (&queue, &stop);
            scope.spawn(move || work.run(queue, &finished, stop));
        }
        drop(finished);
        let written = feed(&mut reader, &work, &results, &mut totals);
        if written.is_err() {
            stop.store(true, Ordering::Relaxed);
        }
        // The workers end when the queue is empty and closed.
        drop(work);
        written
    });
    let written = written.and_then(|()| {
        let mut out = io::stdout().lock();
        totals.write(&mut out, check.format)?;
        out.flush()
    });
    if written.is_err() {
        // stdout is gone (a closed pipe): nothing more can be reported.
        return ExitCode::from(2);
    }
    super::verdict(reader.any_error, totals.invalid > 0)
}

/// The main thread's loop: reads chunks while little enough is in flight, and writes the
/// results in the order the chunks were read.
fn feed(
    reader: &mut Reader<'_>,
    work: &mpsc::Sender<(u64, Chunk)>,
    results: &mpsc::Receiver<Done>,
    totals: &mut Totals,
) -> io::Result<()> {
    let mut out = io::stdout().lock();
    let mut pending: BTreeMap<u64, Done> = BTreeMap::new();
    let (mut read, mut next) = (0u64, 0u64);
    let mut in_flight = 0usize;
    loop {
        while read == next || in_flight < IN_FLIGHT_BYTES {
            let Some(chunk) = reader.next_chunk() else {
                break;
            };
            in_flight += chunk.bytes.len();
            if work.send((read, chunk)).is_err() {
                return Err(io::Error::other("the workers stopped"));
            }
            read += 1;
        }
        if read == next {
            return out.flush();
        }
        let Ok(done) = results.recv() else {
            return Err(io::Error::other("the workers stopped"));
        };
        pending.insert(done.seq, done);
        while let Some(done) = pending.remove(&next) {
            out.write_all(&done.output)?;
            in_flight -= done.bytes;
            totals.valid += done.valid;
            totals.invalid += done.invalid;
            next += 1;
        }
    }
}

/// What a worker thread needs.
struct Work<'a> {
    check: &'a Check<'a>,
    names: &'a [InputName],
    /// `--max-bytes`, the longest line.
    max: u64,
}

impl Work<'_> {
    /// Validates the lines of each chunk taken from `queue`, until it is closed.
    fn run(
        &self,
        queue: &Mutex<mpsc::Receiver<(u64, Chunk)>>,
        finished: &mpsc::Sender<Done>,
        stop: &AtomicBool,
    ) {
        loop {
            // A worker that panicked holding the lock took its chunk with it: the scope
            // re-raises its panic, so the others may carry on meanwhile.
            let taken = queue
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .recv();
            let Ok((seq, chunk)) = taken else {
                return;
            };
            if stop.load(Ordering::Relaxed) || finished.send(self.chunk(seq, &chunk)).is_err() {
                return;
            }
        }
    }

    /// Validates the lines of a chunk, writing their results into a buffer.
    fn chunk(&self, seq: u64, chunk: &Chunk) -> Done {
        let name = &self.names[chunk.input];
        let mut done = Done {
            seq,
            bytes: chunk.bytes.len(),
            output: Vec::new(),
            valid: 0,
            invalid: 0,
        };
        for line in &chunk.lines {
            let valid = match line {
                Line::Kept { number, text } => {
                    let text = &chunk.bytes[text.clone()];
                    if text.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r')) {
                        continue;
                    }
                    self.check
                        .message(&mut done.output, name, Some(*number), text)
                }
                Line::TooLong { number, len } => {
                    let mut report = Report::with_limit(1);
                    let message = format!(
                        "a line of {len} bytes, longer than --max-bytes ({}): not read",
                        self.max
                    );
                    report.push(&Path::root(), RuleError::syntax(message));
                    self.check
                        .write(&mut done.output, name, Some(*number), None, &report, &[])
                        .map(|()| false)
                }
            };
            // Writing to a Vec cannot fail: `Err` is not reached.
            match valid {
                Ok(true) => done.valid += 1,
                _ => done.invalid += 1,
            }
        }
        done
    }
}

/// What the main thread reads from: the inputs in turn, each opened when reached.
struct Reader<'a> {
    inputs: &'a [PathBuf],
    names: &'a [InputName],
    max: u64,
    /// The input being read, or the next one to open.
    index: usize,
    current: Option<Lines<Box<dyn BufRead + 'a>>>,
    /// Whether an input could not be opened or read (reported on stderr).
    any_error: bool,
}

impl Reader<'_> {
    /// The next chunk of lines, of the current input or of the next one that has lines.
    fn next_chunk(&mut self) -> Option<Chunk> {
        while self.index < self.inputs.len() {
            let Some(lines) = &mut self.current else {
                self.current = self.open(self.index);
                if self.current.is_none() {
                    self.index += 1;
                }
                continue;
            };
            let mut chunk = Chunk {
                input: self.index,
                bytes: Vec::with_capacity(CHUNK_BYTES + CHUNK_BYTES / 8),
                lines: Vec::new(),
            };
            if let Err(error) = lines.fill(&mut chunk, CHUNK_BYTES) {
                self.names[self.index].read_error(&error);
                self.any_error = true;
            }
            if lines.is_done() {
                self.current = None;
                self.index += 1;
            }
            if !chunk.lines.is_empty() {
                return Some(chunk);
            }
        }
        None
    }

    /// Opens input `index` (standard input for `-`), reporting on stderr when it cannot be.
    fn open(&mut self, index: usize) -> Option<Lines<Box<dyn BufRead + 'static>>> {
        let reader: Box<dyn BufRead> = if self.names[index].is_stdin() {
            Box::new(BufReader::with_capacity(READ_BUFFER, io::stdin()))
        } else {
            match File::open(&self.inputs[index]) {
                Ok(file) => Box::new(BufReader::with_capacity(READ_BUFFER, file)),
                Err(error) => {
                    self.names[index].read_error(&error);
                    self.any_error = true;
                    return None;
                }
            }
        };
        Some(Lines::new(reader, self.max))
    }
}

/// The messages of all inputs, for the summary line.
#[derive(Default)]
struct Totals {
    valid: u64,
    invalid: u64,
}

impl Totals {
    fn write(&self, out: &mut impl Write, format: OutputFormat) -> io::Result<()> {
        let (valid, invalid) = (self.valid, self.invalid);
        let messages = valid + invalid;
        match format {
            OutputFormat::Text => {
                let plural = if messages == 1 { "" } else { "s" };
                writeln!(
                    out,
                    "summary: {messages} message{plural}, {valid} valid, {invalid} invalid"
                )
            }
            OutputFormat::Json => writeln!(
                out,
                "{{\"summary\":{{\"messages\":{messages},\"valid\":{valid},\"invalid\":{invalid}}}}}"
            ),
        }
    }
}
