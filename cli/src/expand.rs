//! `fieldtab expand SCHEMA`: prints the Rust code generated from a schema, formatted by
//! prettyplease (the same code `include_schema!` expands to, without its `include_str!` lines).
//! Exit 0 on success, 1 when the schema has errors (diagnostics on stderr), 2 when the file
//! cannot be read or stdout cannot be written.

use std::path::Path;
use std::process::ExitCode;

use crate::output::{load_schema, write_stdout};
use fieldtab_codegen::Generate;

/// Runs `fieldtab expand`.
pub(crate) fn run(schema: &Path) -> ExitCode {
    match load_schema(schema, "nothing generated") {
        Ok(schema) => write_stdout(&schema.to_rust_pretty(), "the generated code"),
        Err(code) => code,
    }
}
