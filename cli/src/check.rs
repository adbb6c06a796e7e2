//! `fieldtab check [--explain] SCHEMA...`: prints every diagnostic of every schema to stderr
//! (errors and warnings), and one `ok:` line per schema without errors to stdout (so a
//! newcomer's first run says something): the file's own items by kind, and apart from them the
//! items it imports. With `--explain`, before the `ok:` line, every rule read from the prose of
//! a Description cell, with where it is and the cell that would state it.
//! Exit 0 when no schema has errors (warnings do not count), 1 when some schema has errors,
//! 2 when a file cannot be read (an I/O error outranks schema errors, as a usage error would).

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

/// Runs `fieldtab check`; `explain` lists the rules read from prose.
pub(crate) fn run(schemas: &[PathBuf], explain: bool) -> ExitCode {
    let mut errors = false;
    let mut io_error = false;
    for path in schemas {
        match Schema::load(path) {
            Ok(schema) => {
                if !schema.warnings.is_empty() {
                    eprintln!("{}\n", schema.warnings);
                    eprintln!(
                        "warning: `{}`: {}",
                        path.display(),
                        schema.warnings.summary()
                    );
                }
                if explain {
                    print_explained(path, &schema);
                }
                println!("ok: {} ({})", path.display(), counts(&schema));
            }
            Err(diagnostics) if diagnostics.is_io_error() => {
                io_error = true;
                eprintln!("{diagnostics}");
            }
            Err(diagnostics) => {
                errors = true;
                eprintln!("{diagnostics}\n");
                eprintln!("error: `{}`: {}", path.display(), diagnostics.summary());
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

/// `--explain`: one line per rule read from prose (`x.md:12:40: Item.field: Length `64` from
/// "Maximum length: 64 characters"`), or one line saying there is none.
fn print_explained(path: &std::path::Path, schema: &Schema) {
    if schema.prose.is_empty() {
        println!("{}: no rules read from prose", path.display());
    }
    for rule in &schema.prose {
        println!("{rule}");
    }
}
