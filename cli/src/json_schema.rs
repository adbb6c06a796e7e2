//! `fieldtab json-schema SCHEMA [--message NAME]`: prints the JSON Schema (draft 2020-12) of a
//! message, struct or enum of a schema, or of the whole schema without `--message` (see
//! `fieldtab_codegen::json_schema` for the layout and what JSON Schema cannot express).
//! Exit 0 on success, 1 when the schema has errors (diagnostics on stderr), 2 when the file
//! cannot be read, no item has the name, or stdout cannot be written.

use std::path::Path;
use std::process::ExitCode;

use fieldtab_codegen::JsonSchemaError;

use crate::output::{load_schema, write_stdout};
use fieldtab_codegen::Generate;

/// Runs `fieldtab json-schema`.
pub(crate) fn run(schema_path: &Path, message: Option<&str>) -> ExitCode {
    let schema = match load_schema(schema_path, "no JSON Schema exported") {
        Ok(schema) => schema,
        Err(code) => return code,
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
    write_stdout(&text, "the JSON Schema")
}
