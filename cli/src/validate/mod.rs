//! `fieldtab validate SCHEMA --message NAME [--format text|json] [--deny-unknown]
//! [--max-violations N] [--max-bytes N] [--jsonl [--jobs N]] [FILE...]`.
//!
//! Loads the schema (its diagnostics and exit 2 when it has errors), finds the message or
//! struct (exit 2 with a did-you-mean when there is none), then validates each input with the
//! dynamic validator. `-`, or no FILE at all, reads standard input.
//!
//! Text output: each violation, under it where it is in the message (`snippet.rs`: the line,
//! sensitive values masked, a caret under the value), then one summary line per input:
//!
//! ```text
//! error[format]: /header/localTime: ...
//!  --> request.json:9:18
//!   |
//! 9 |     "localTime": "2024112214153",
//!   |                  ^^^^^^^^^^^^^^^
//! error[required]: /data/cardNo: is required
//!   --> request.json:12:11
//! …
//! request.json: invalid EnrollmentRegistrationRequest: 2 violations
//! other.json: valid EnrollmentRegistrationRequest
//! ```
//!
//! JSON output: one object a line per input,
//! `{"file":"request.json","valid":false,"violations":[{"path":…,"rule":…,"message":…,"line":…,"column":…}]}`,
//! with `"more":N` after `violations` when more than `--max-violations` (100) were found; the
//! text output says `and N more violations` before the summary line. A message larger than
//! `--max-bytes` (16 MiB) is an input error: only that many bytes are read, of a regular file
//! or of a pipe, a device or standard input.
//!
//! Exit status: 0 every input valid, 1 some input invalid, 2 usage, schema or I/O error (an
//! unreadable input is reported on stderr and the others are still validated).
//!
//! With `--jsonl` each input is JSON Lines, one message a line, validated on every core
//! (`batch.rs`, reading by `lines.rs`): the same formats with the line number of each message
//! (`file:7: valid …`, `"line":7`), then a summary line.

use std::borrow::Cow;
use std::io::{self, Read, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use fieldtab_codegen::Schema;
use fieldtab_codegen::dynamic::{Unchecked, Validator};
use fieldtab_runtime::{Report, Rule, printable};

use crate::OutputFormat;
use crate::snippet::{Message, write_snippet};

mod batch;
mod lines;

/// The largest message `fieldtab validate` reads unless `--max-bytes` says otherwise: 16 MiB,
/// far above any payment message, far below what fills memory (`/dev/zero` did). With
/// `--jsonl`, the longest line.
pub(crate) const MAX_BYTES: u64 = 16 * 1024 * 1024;

/// What bounds the work on one input.
#[derive(Clone, Copy)]
pub(crate) struct Limits {
    /// `--max-violations`.
    pub(crate) max_violations: usize,
    /// `--max-bytes`.
    pub(crate) max_bytes: u64,
}

/// How `validate` checks and prints.
pub(crate) struct Options {
    /// `--format`.
    pub(crate) format: OutputFormat,
    /// `--deny-unknown`.
    pub(crate) deny_unknown: bool,
    /// `--max-violations` and `--max-bytes`.
    pub(crate) limits: Limits,
    /// `--jsonl`: each input holds one message a line.
    pub(crate) jsonl: bool,
    /// `--jobs`: the threads validating lines (by default one a core).
    pub(crate) jobs: Option<NonZeroUsize>,
}

/// Runs `fieldtab validate`.
pub(crate) fn run(schema: &Path, message: &str, options: &Options, files: &[PathBuf]) -> ExitCode {
    let loaded = match Schema::load(schema) {
        Ok(loaded) => loaded,
        Err(diagnostics) => {
            eprintln!("{diagnostics}");
            return ExitCode::from(2);
        }
    };
    let validator = match Validator::new(&loaded.module, message) {
        Ok(validator) => validator.max_violations(options.limits.max_violations),
        Err(error) => return crate::output::unknown_item(&error, schema),
    };
    let check = Check {
        validator,
        deny_unknown: options.deny_unknown,
        format: options.format,
    };

    let stdin_only = [PathBuf::from("-")];
    let inputs: &[PathBuf] = if files.is_empty() { &stdin_only } else { files };
    if options.jsonl {
        let jobs = options
            .jobs
            .unwrap_or_else(|| std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN));
        return batch::run(&check, inputs, options.limits.max_bytes, jobs);
    }

    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut any_invalid = false;
    let mut any_error = false;
    for input in inputs {
        let name = InputName::of(input);
        let bytes = if name.is_stdin() {
            read_capped(io::stdin().lock(), options.limits.max_bytes)
        } else {
            std::fs::File::open(input).and_then(|file| read_capped(file, options.limits.max_bytes))
        };
        let bytes = match bytes {
            Ok(bytes) => bytes,
            Err(error) => {
                name.read_error(&error);
                any_error = true;
                continue;
            }
        };
        let written = check.message(&mut out, &name, None, &bytes);
        match written.and_then(|valid| out.flush().map(|()| valid)) {
            Ok(valid) => any_invalid |= !valid,
            // stdout is gone (a closed pipe): nothing more can be reported.
            Err(_) => return ExitCode::from(2),
        }
    }
    verdict(any_error, any_invalid)
}

/// The exit status: 2 when an input could not be read, else 1 when a message was invalid.
fn verdict(any_error: bool, any_invalid: bool) -> ExitCode {
    if any_error {
        ExitCode::from(2)
    } else if any_invalid {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Reads at most `max` bytes; more is an error (the input is not read further).
fn read_capped(input: impl Read, max: u64) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    input.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(io::Error::other(format!(
            "larger than {max} bytes (--max-bytes)"
        )));
    }
    Ok(bytes)
}

/// An input's name as each format prints it: `<stdin>` or the path in text, `-` or the path
/// in JSON (already a JSON string).
pub(crate) struct InputName {
    text: String,
    json: String,
    stdin: bool,
}

impl InputName {
    fn of(input: &Path) -> InputName {
        let is_stdin = input.as_os_str() == "-";
        let text = match is_stdin {
            true => "<stdin>".to_owned(),
            false => input.display().to_string(),
        };
        let lossy = input.to_string_lossy();
        // A string serializes: it cannot fail.
        let json = serde_json::to_string(lossy.as_ref()).unwrap_or_else(|_| "\"?\"".to_owned());
        InputName {
            text,
            json,
            stdin: is_stdin,
        }
    }

    fn is_stdin(&self) -> bool {
        self.stdin
    }

    /// Reports on stderr that the input cannot be read.
    fn read_error(&self, error: &io::Error) {
        eprintln!("error: cannot read `{}`: {error}", printable(&self.text));
    }
}

/// Validates one message and writes its result in the chosen format.
pub(crate) struct Check<'m> {
    validator: Validator<'m>,
    deny_unknown: bool,
    format: OutputFormat,
}

impl Check<'_> {
    /// Validates `text`, the input `name` or its line `line`, and writes the result; whether the
    /// message is valid.
    fn message(
        &self,
        out: &mut impl Write,
        name: &InputName,
        line: Option<usize>,
        text: &[u8],
    ) -> io::Result<bool> {
        // The CLI runs no user function: each value in a custom format is noted, unchecked.
        let mut unchecked = Vec::new();
        let verdict = self
            .validator
            .validate_noting(text, self.deny_unknown, &mut unchecked);
        let report = match verdict {
            Ok(()) => Report::new(),
            Err(report) => report,
        };
        self.write(out, name, line, Some(text), &report, &unchecked)?;
        Ok(report.is_empty())
    }

    /// Writes the result of a message: its violations (each with its place in `text`, unless
    /// `text` was not kept), the values whose custom format was not checked (`unchecked`) and
    /// its summary line, or the JSON object.
    fn write(
        &self,
        out: &mut impl Write,
        name: &InputName,
        line: Option<usize>,
        text: Option<&[u8]>,
        report: &Report,
        unchecked: &[Unchecked],
    ) -> io::Result<()> {
        match self.format {
            OutputFormat::Text => {
                let kept = text.unwrap_or_default();
                let masked = match report.is_empty() || text.is_none() {
                    true => Vec::new(),
                    false => self.validator.sensitive_spans(kept),
                };
                let message = Message {
                    file: &name.text,
                    text: kept,
                    masked: &masked,
                    malformed: report
                        .iter()
                        .any(|v| v.rule == Rule::Syntax && v.path.is_empty()),
                    excerpt: text.is_some(),
                };
                let name = self.validator.name();
                write_text(out, &message, line, name, report, unchecked)
            }
            OutputFormat::Json => {
                let text = text.unwrap_or_default();
                write_json(out, name, line, text, report, unchecked)
            }
        }
    }
}

/// The text format: `error[rule]: path: message` a violation, its place in the message under
/// it, a `note[format]` line for each value whose custom format was not checked, then the
/// message's summary line (`file: valid Name`, or `file:LINE: …` for line `LINE` of a JSON
/// Lines input, where the message's text starts).
fn write_text(
    out: &mut impl Write,
    message: &Message<'_>,
    line: Option<usize>,
    name: &str,
    report: &Report,
    unchecked: &[Unchecked],
) -> io::Result<()> {
    let file = printable(message.file);
    let first_line = line.unwrap_or(1);
    for (violation, location) in report.located(message.text).from_line(first_line).iter() {
        let path = if violation.path.is_empty() {
            Cow::Borrowed("/")
        } else {
            printable(&violation.path)
        };
        writeln!(
            out,
            "error[{}]: {path}: {}",
            violation.rule,
            printable(&violation.message)
        )?;
        if let Some(location) = location {
            // Malformed input: a caret at the fault, not under a value.
            let point = violation.rule == Rule::Syntax && violation.path.is_empty();
            write_snippet(out, message, location, point)?;
        }
    }
    match report.more() {
        0 => {}
        1 => writeln!(out, "and 1 more violation, not kept (--max-violations)")?,
        n => writeln!(out, "and {n} more violations, not kept (--max-violations)")?,
    }
    for note in unchecked {
        writeln!(
            out,
            "note[format]: {}: not checked: `{}` is a custom format, whose function only \
             generated code or `Validator::formats` can run",
            printable(&note.path),
            note.format
        )?;
    }
    let at = match line {
        Some(line) => format!(":{line}"),
        None => String::new(),
    };
    match report.len() + report.more() {
        0 => writeln!(out, "{file}{at}: valid {name}"),
        1 => writeln!(out, "{file}{at}: invalid {name}: 1 violation"),
        n => writeln!(out, "{file}{at}: invalid {name}: {n} violations"),
    }
}

/// The JSON format: one object a line, `{"file", "valid", "violations"}` in that order (each
/// violation with its `line` and `column` in the input), `"line"` after `"file"` for a line
/// of a JSON Lines input, then `"more"` when violations were found beyond `--max-violations`,
/// then `"unchecked"` when values in a custom format were not checked (`[{"path", "format"}]`).
fn write_json(
    out: &mut impl Write,
    name: &InputName,
    line: Option<usize>,
    text: &[u8],
    report: &Report,
    unchecked: &[Unchecked],
) -> io::Result<()> {
    let file = &name.json;
    let at = match line {
        Some(line) => format!(",\"line\":{line}"),
        None => String::new(),
    };
    let mut notes = String::new();
    if !unchecked.is_empty() {
        let string = |s: &str| serde_json::Value::from(s).to_string();
        let list: Vec<String> = unchecked
            .iter()
            .map(|note| {
                let (path, format) = (string(&note.path), string(&note.format));
                format!("{{\"path\":{path},\"format\":{format}}}")
            })
            .collect();
        notes = format!(",\"unchecked\":[{}]", list.join(","));
    }
    writeln!(
        out,
        "{{\"file\":{file}{at},\"valid\":{},{}{notes}}}",
        report.is_empty(),
        crate::output::violations_members(report, text, line.unwrap_or(1))
    )
}
