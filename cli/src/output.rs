//! What the commands that print one generated artefact share: loading the schema with the exit
//! codes of the contract (docs/SEMANTICS.md §9.2), and writing the result to stdout.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use fieldtab_codegen::Schema;

/// Loads a schema; on failure prints the diagnostics and gives the exit code: 2 when the file
/// cannot be read, 1 when the schema has errors (then a summary line ending with `outcome`,
/// such as "nothing generated").
pub(crate) fn load_schema(path: &Path, outcome: &str) -> Result<Schema, ExitCode> {
    match Schema::load(path) {
        Ok(schema) => Ok(schema),
        Err(diagnostics) if diagnostics.is_io_error() => {
            eprintln!("{diagnostics}");
            Err(ExitCode::from(2))
        }
        Err(diagnostics) => {
            eprintln!("{diagnostics}\n");
            eprintln!(
                "error: `{}`: {}; {outcome}",
                path.display(),
                diagnostics.summary()
            );
            Err(ExitCode::from(1))
        }
    }
}

/// Loads a schema for a command that runs it (`mock`): its diagnostics and exit 2 when it
/// cannot be read or has errors, as `validate` does.
pub(crate) fn load_schema_for(path: &Path) -> Result<Schema, ExitCode> {
    Schema::load(path).map_err(|diagnostics| {
        eprintln!("{diagnostics}");
        ExitCode::from(2)
    })
}

/// Writes `text` to stdout. A closed pipe (`fieldtab expand x.md | head`) is an I/O error
/// (exit 2), not a panic; `what` names the text in the message.
pub(crate) fn write_stdout(text: &str, what: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write {what}: {e}");
            ExitCode::from(2)
        }
    }
}

/// `"violations":[…]`, then `,"more":N` when violations were found beyond the report's limit:
/// the violations as `validate --format json` prints them, each with its `line` and `column`
/// in `message` (the text the report is of; its first line is line `first_line` of the input,
/// 1 but for a line of `validate --jsonl`), and the body of `mock`'s plain error answers (`{`
/// and `}` around them).
pub(crate) fn violations_members(
    report: &fieldtab_runtime::Report,
    message: &[u8],
    first_line: usize,
) -> String {
    // A report serializes as an array of plain strings, rule names and numbers: it cannot fail.
    let located = report.located(message).from_line(first_line);
    let violations = serde_json::to_string(&located).unwrap_or_else(|_| "[]".to_owned());
    match report.more() {
        0 => format!("\"violations\":{violations}"),
        n => format!("\"violations\":{violations},\"more\":{n}"),
    }
}

/// Reports that the schema at `schema` has no message or struct named as asked (`sample`,
/// `validate`): the name escaped (it is the user's argument), a did-you-mean, the names there
/// are; exit code 2.
pub(crate) fn unknown_item(
    error: &fieldtab_codegen::dynamic::UnknownItem,
    schema: &Path,
) -> ExitCode {
    eprintln!(
        "error: {} in `{}`",
        fieldtab_runtime::printable(&error.to_string()),
        schema.display()
    );
    if let Some(suggestion) = &error.suggestion {
        eprintln!("help: did you mean `{suggestion}`?");
    }
    if error.available.is_empty() {
        eprintln!("note: the schema has no message or struct");
    } else {
        eprintln!("note: available: {}", error.available.join(", "));
    }
    ExitCode::from(2)
}
