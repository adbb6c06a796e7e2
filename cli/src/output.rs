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
