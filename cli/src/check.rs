//! `fieldtab check SCHEMA...`: prints every diagnostic of every schema to stderr, and one
//! `ok:` line per clean schema to stdout (so a newcomer's first run says something).
//! Exit 0 when all are clean, 1 when some schema has errors, 2 when a file cannot be read
//! (an I/O error outranks schema errors, as a usage error would).

use std::path::PathBuf;
use std::process::ExitCode;

use fieldtab_codegen::Schema;
use fieldtab_codegen::model::ItemKind;

/// Runs `fieldtab check`.
pub(crate) fn run(schemas: &[PathBuf]) -> ExitCode {
    let mut errors = false;
    let mut io_error = false;
    for path in schemas {
        match Schema::load(path) {
            Ok(schema) => {
                let items = &schema.module.items;
                let count = |f: fn(&ItemKind) -> bool, word: &str| {
                    let n = items.iter().filter(|i| f(&i.kind)).count();
                    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
                };
                println!(
                    "ok: {} ({}, {}, {})",
                    path.display(),
                    count(|k| matches!(k, ItemKind::Message(_)), "message"),
                    count(|k| matches!(k, ItemKind::Struct(_)), "struct"),
                    count(|k| matches!(k, ItemKind::Enum(_)), "enum"),
                );
            }
            Err(diagnostics) if diagnostics.is_io_error() => {
                io_error = true;
                eprintln!("{diagnostics}");
            }
            Err(diagnostics) => {
                errors = true;
                let n = diagnostics.len();
                eprintln!("{diagnostics}\n");
                eprintln!(
                    "error: `{}`: {n} error{}",
                    path.display(),
                    if n == 1 { "" } else { "s" }
                );
            }
        }
    }
    if io_error {
        ExitCode::from(2)
    } else if errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
