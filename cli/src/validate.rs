//! `fieldtab validate`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::OutputFormat;

/// Runs `fieldtab validate`.
pub(crate) fn run(
    schema: &Path,
    message: &str,
    format: OutputFormat,
    deny_unknown: bool,
    files: &[PathBuf],
) -> ExitCode {
    let _ = (schema, message, format, deny_unknown, files);
    eprintln!("fieldtab: `validate` is not implemented yet");
    ExitCode::from(2)
}
