//! Snapshots of the code generated from every shipped schema (`schemas/**/*.md`, found at test
//! time, so a new schema gets a snapshot without editing this file), with the schema's text as
//! the snapshot's description.
//!
//! After a change to the generated code, or for a new schema, review and accept with
//! `INSTA_UPDATE=always cargo test -p fieldtab-codegen --test expand` (or `cargo insta review`),
//! then commit `codegen/tests/snapshots/`. CI never writes snapshots: a missing one fails.

use std::path::{Path, PathBuf};

use fieldtab_codegen::Generate;
use fieldtab_codegen::Schema;

/// The shipped schemas: every `.md` under `schemas/` except the language reference
/// (`README.md`), sorted.
fn shipped_schemas() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas");
    let mut found = Vec::new();
    let mut todo = vec![root];
    while let Some(dir) = todo.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == "md")
                && path.file_name().is_some_and(|n| n != "README.md")
            {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// `upi/enrollment_registration.md` -> `upi__enrollment_registration`.
fn snapshot_name(path: &Path) -> String {
    let relative = path
        .strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas"))
        .unwrap_or(path);
    relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("__")
}

#[test]
fn every_shipped_schema_expands_to_its_snapshot() {
    let schemas = shipped_schemas();
    assert!(!schemas.is_empty(), "no schema found under schemas/");
    for path in schemas {
        let schema = Schema::load(&path).unwrap_or_else(|d| panic!("{}:\n{d}", path.display()));
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let mut settings = insta::Settings::clone_current();
        settings.set_description(text);
        settings.set_prepend_module_to_snapshot(false);
        settings.set_omit_expression(true);
        settings.bind(|| {
            insta::assert_snapshot!(snapshot_name(&path), schema.to_rust_pretty());
        });
    }
}

#[test]
fn expansion_is_deterministic() {
    for path in shipped_schemas() {
        let Ok(schema) = Schema::load(&path) else {
            continue;
        };
        assert_eq!(schema.to_rust_pretty(), schema.to_rust_pretty());
        let again = Schema::load(&path)
            .map(|s| s.to_rust_pretty())
            .unwrap_or_default();
        assert_eq!(schema.to_rust_pretty(), again, "{}", path.display());
    }
}

/// The code-generation test schemas of the facade (items named like prelude types, keyword
/// fields, nested arrays, open enums, conditions, conditional formats, groups, selected
/// imports, collections), which `tests/include_schema.rs` and `tests/agreement/` compile and exercise.
/// Listed, not globbed: other test schemas in `tests/schemas/` belong to other suites.
#[test]
fn test_schemas_expand_to_their_snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/schemas");
    let paths = [
        "edge_cases.md",
        "conditional_formats.md",
        "groups_and_variants.md",
        "selected_imports.md",
        "collections.md",
    ]
    .map(|name| dir.join(name));
    for path in paths {
        let schema = Schema::load(&path).unwrap_or_else(|d| panic!("{d}"));
        let stem = path.file_stem().unwrap_or_default().to_string_lossy();
        let mut settings = insta::Settings::clone_current();
        settings.set_description(std::fs::read_to_string(&path).unwrap_or_default());
        settings.set_prepend_module_to_snapshot(false);
        settings.set_omit_expression(true);
        settings
            .bind(|| insta::assert_snapshot!(format!("tests__{stem}"), schema.to_rust_pretty()));
    }
}

/// A schema whose imported file is shared (`extern_schema`): the items of `common.md` are not
/// generated again but re-exported from the module generated for it, under the aliases the
/// import gives them; the schema's own items are generated as without the option.
#[test]
fn a_shared_import_is_referred_to_not_generated() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas/upi/enrollment_registration.md");
    let schema = Schema::load(&path).unwrap_or_else(|d| panic!("{d}"));
    let options = fieldtab_codegen::Options::new().extern_schema("common.md", "crate::upi::common");
    let code = schema
        .to_rust_pretty_with(&options)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(code.contains("pub use crate::upi::common::Cardholder as EnrollmentRegistrationData;"));
    assert!(!code.contains("pub struct EnrollmentRegistrationData"));
    // Without the option, the same schema generates the struct itself.
    assert!(
        schema
            .to_rust_pretty()
            .contains("pub struct EnrollmentRegistrationData")
    );
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!("shared__upi__enrollment_registration", code));
}
