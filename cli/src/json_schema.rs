//! `fieldtab json-schema SCHEMA [--message NAME]`: prints the JSON Schema (draft 2020-12) of a
//! message, struct or enum of a schema, or of the whole schema without `--message` (see
//! `fieldtab_codegen::emit_json_schema` for the layout and what JSON Schema cannot express).
//! Exit 0 on success, 1 when the schema has errors (diagnostics on stderr), 2 when the file
//! cannot be read, no item has the name, or stdout cannot be written.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use fieldtab_codegen::{JsonSchemaError, Schema};

/// Runs `fieldtab json-schema`.
pub(crate) fn run(schema_path: &Path, message: Option<&str>) -> ExitCode {
    let schema = match Schema::load(schema_path) {
        Ok(schema) => schema,
        Err(diagnostics) if diagnostics.is_io_error() => {
            eprintln!("{diagnostics}");
            return ExitCode::from(2);
        }
        Err(diagnostics) => {
            let n = diagnostics.len();
            eprintln!("{diagnostics}\n");
            eprintln!(
                "error: `{}`: {n} error{}; no JSON Schema exported",
                schema_path.display(),
                if n == 1 { "" } else { "s" }
            );
            return ExitCode::from(1);
        }
    };
    let text = match schema.to_json_schema_pretty(message) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("error: `{}`: {error}", schema_path.display());
            match &error {
                JsonSchemaError::UnknownItem { available, .. } if !available.is_empty() => {
                    eprintln!("  = note: the schema defines {}", available.join(", "));
                }
                _ => {}
            }
            eprintln!("\nUsage: fieldtab json-schema <SCHEMA> [--message <NAME>]");
            return ExitCode::from(2);
        }
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`fieldtab json-schema x.md | head`) is an I/O error, not a panic.
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write the JSON Schema: {e}");
            ExitCode::from(2)
        }
    }
}
