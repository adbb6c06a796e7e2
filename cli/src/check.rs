//! `fieldtab check`.

use std::process::ExitCode;

/// Runs `fieldtab check`.
pub(crate) fn run(schemas: &[std::path::PathBuf]) -> ExitCode {
    let _ = schemas;
    eprintln!("fieldtab: `check` is not implemented yet");
    ExitCode::from(2)
}
