//! `fieldtab expand SCHEMA`: prints the Rust code generated from a schema, formatted by
//! prettyplease (the same code `include_schema!` expands to, without its `include_str!` lines).
//! Exit 0 on success, 1 when the schema has errors (diagnostics on stderr), 2 when the file
//! cannot be read or stdout cannot be written.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use fieldtab_codegen::Schema;

/// Runs `fieldtab expand`.
pub(crate) fn run(schema: &Path) -> ExitCode {
    match Schema::load(schema) {
        Ok(schema) => {
            let code = schema.to_rust_pretty();
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`fieldtab expand x.md | head`) is an I/O error, not a panic.
            match stdout
                .write_all(code.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: cannot write the generated code: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Err(diagnostics) if diagnostics.is_io_error() => {
            eprintln!("{diagnostics}");
            ExitCode::from(2)
        }
        Err(diagnostics) => {
            let n = diagnostics.len();
            eprintln!("{diagnostics}\n");
            eprintln!(
                "error: `{}`: {n} error{}; nothing generated",
                schema.display(),
                if n == 1 { "" } else { "s" }
            );
            ExitCode::from(1)
        }
    }
}
