//! `fieldtab expand`.

use std::path::Path;
use std::process::ExitCode;

/// Runs `fieldtab expand`.
pub(crate) fn run(schema: &Path) -> ExitCode {
    let _ = schema;
    eprintln!("fieldtab: `expand` is not implemented yet");
    ExitCode::from(2)
}
