//! `fieldtab validate SCHEMA --message NAME [--format text|json] [--deny-unknown]
//! [--max-violations N] [--max-bytes N] [FILE...]`.
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

use std::borrow::Cow;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use fieldtab_codegen::Schema;
use fieldtab_codegen::dynamic::Validator;
use fieldtab_runtime::{Report, printable};

use crate::OutputFormat;
use crate::snippet::{Message, write_snippet};

/// The largest message `fieldtab validate` reads unless `--max-bytes` says otherwise: 16 MiB,
/// far above any payment message, far below what fills memory (`/dev/zero` did).
pub(crate) const MAX_BYTES: u64 = 16 * 1024 * 1024;

/// What bounds the work on one input.
#[derive(Clone, Copy)]
pub(crate) struct Limits {
    /// `--max-violations`.
    pub(crate) max_violations: usize,
    /// `--max-bytes`.
    pub(crate) max_bytes: u64,
}

/// Runs `fieldtab validate`.
pub(crate) fn run(
    schema: &Path,
    message: &str,
    format: OutputFormat,
    deny_unknown: bool,
    limits: Limits,
    files: &[PathBuf],
) -> ExitCode {
    let loaded = match Schema::load(schema) {
        Ok(loaded) => loaded,
        Err(diagnostics) => {
            eprintln!("{diagnostics}");
            return ExitCode::from(2);
        }
    };
    let validator = match Validator::new(&loaded.module, message) {
        Ok(validator) => validator.max_violations(limits.max_violations),
        Err(error) => return crate::output::unknown_item(&error, schema),
    };

    let stdin_only = [PathBuf::from("-")];
    let inputs: &[PathBuf] = if files.is_empty() { &stdin_only } else { files };

    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut any_invalid = false;
    let mut any_error = false;
    for input in inputs {
        let is_stdin = input.as_os_str() == "-";
        let bytes = if is_stdin {
            read_capped(io::stdin().lock(), limits.max_bytes)
        } else {
            std::fs::File::open(input).and_then(|file| read_capped(file, limits.max_bytes))
        };
        let bytes = match bytes {
            Ok(bytes) => bytes,
            Err(error) => {
                let name = if is_stdin {
                    "<stdin>".to_owned()
                } else {
                    input.display().to_string()
                };
                eprintln!("error: cannot read `{name}`: {error}");
                any_error = true;
                continue;
            }
        };
        let report = match validator.validate(&bytes, deny_unknown) {
            Ok(()) => Report::new(),
            Err(report) => report,
        };
        any_invalid |= !report.is_empty();
        let file = if is_stdin {
            "<stdin>".to_owned()
        } else {
            input.display().to_string()
        };
        let written = match format {
            OutputFormat::Text => {
                let masked = match report.is_empty() {
                    true => Vec::new(),
                    false => validator.sensitive_spans(&bytes),
                };
                let message = Message {
                    file: &file,
                    text: &bytes,
                    masked: &masked,
                    malformed: report
                        .iter()
                        .any(|v| v.rule == fieldtab_runtime::Rule::Syntax && v.path.is_empty()),
                };
                write_text(&mut out, &message, validator.name(), &report)
            }
            OutputFormat::Json => write_json(&mut out, input, &bytes, &report),
        };
        if written.and_then(|()| out.flush()).is_err() {
            // stdout is gone (a closed pipe): nothing more can be reported.
            return ExitCode::from(2);
        }
    }

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

/// The text format: `error[rule]: path: message` a violation, its place in the message under
/// it, then the input's summary line.
fn write_text(
    out: &mut impl Write,
    message: &Message<'_>,
    name: &str,
    report: &Report,
) -> io::Result<()> {
    let file = printable(message.file);
    for (violation, location) in report.located(message.text).iter() {
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
            let point =
                violation.rule == fieldtab_runtime::Rule::Syntax && violation.path.is_empty();
            write_snippet(out, message, location, point)?;
        }
    }
    match report.more() {
        0 => {}
        1 => writeln!(out, "and 1 more violation, not kept (--max-violations)")?,
        n => writeln!(out, "and {n} more violations, not kept (--max-violations)")?,
    }
    match report.len() + report.more() {
        0 => writeln!(out, "{file}: valid {name}"),
        1 => writeln!(out, "{file}: invalid {name}: 1 violation"),
        n => writeln!(out, "{file}: invalid {name}: {n} violations"),
    }
}

/// The JSON format: one object a line, `{"file", "valid", "violations"}` in that order (each
/// violation with its `line` and `column` in the message), then `"more"` when violations were
/// found beyond `--max-violations`.
fn write_json(out: &mut impl Write, input: &Path, text: &[u8], report: &Report) -> io::Result<()> {
    let file = input.to_string_lossy();
    let file = serde_json::to_string(file.as_ref()).map_err(io::Error::other)?;
    writeln!(
        out,
        "{{\"file\":{file},\"valid\":{},{}}}",
        report.is_empty(),
        crate::output::violations_members(report, text)
    )
}
