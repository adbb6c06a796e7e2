//! `fieldtab check SCHEMA...`: prints every diagnostic of every schema to stderr, and one
//! `ok:` line per clean schema to stdout (so a newcomer's first run says something): the
//! file's own items by kind, and apart from them the items it imports.
//! Exit 0 when all are clean, 1 when some schema has errors, 2 when a file cannot be read
//! (an I/O error outranks schema errors, as a usage error would).

use std::path::PathBuf;
use std::process::ExitCode;

use fieldtab_codegen::Schema;
use fieldtab_codegen::model::ItemKind;

/// What the `ok:` line counts: the file's own items by kind, then the items it imports, if
/// any (`3 messages, 2 structs, 1 enum; 7 imported items`).
fn counts(schema: &Schema) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let own = || schema.own_items();
    let count =
        |f: fn(&ItemKind) -> bool, word: &str| plural(own().filter(|i| f(&i.kind)).count(), word);
    let mut text = format!(
        "{}, {}, {}",
        count(|k| matches!(k, ItemKind::Message(_)), "message"),
        count(|k| matches!(k, ItemKind::Struct(_)), "struct"),
        count(|k| matches!(k, ItemKind::Enum(_)), "enum"),
    );
    let imported = schema.module.items.len() - own().count();
    if imported > 0 {
        text.push_str(&format!("; {}", plural(imported, "imported item")));
    }
    text
}

/// Runs `fieldtab check`.
pub(crate) fn run(schemas: &[PathBuf]) -> ExitCode {
    let mut errors = false;
    let mut io_error = false;
    for path in schemas {
        match Schema::load(path) {
            Ok(schema) => println!("ok: {} ({})", path.display(), counts(&schema)),
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
