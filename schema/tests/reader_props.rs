//! Property tests of the schema reader: whatever the input, it returns a schema or diagnostics
//! and never panics. Three families: arbitrary bytes as text (6,000 cases); random mutations of
//! every shipped schema, globbed at test time so new schemas are covered as they land, parsed at
//! the schema's own path so imports resolve (4,000 cases); and arbitrary bytes and truncated
//! schemas written to a file and loaded, so the UTF-8, NUL and size checks run (500 cases plus
//! the truncations). A debug build reads a shipped schema in a few milliseconds, which keeps
//! this test within about ten seconds.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use fieldtab_schema::{Diagnostics, Schema};
use proptest::prelude::*;

/// Fragments of the schema language, so mutations hit the interesting paths and not only
/// random noise.
const VOCAB: &[&str] = &[
    "|",
    "\\|",
    "\n",
    "\r\n",
    "## ",
    "# ",
    "### ",
    "message ",
    "struct ",
    "enum ",
    "(open)",
    "(deny_unknown)",
    "|---|",
    ":--:",
    "`",
    "```\n",
    "AN",
    "ans",
    "N",
    "String",
    "Integer",
    "Boolean",
    "Array<",
    ">",
    "Object",
    "..",
    "0",
    "15",
    "4294967296",
    "M",
    "O",
    "C: ",
    " = ",
    " in (",
    ")",
    ", ",
    "fixed ",
    "sensitive",
    "; ",
    "YYYYMMDDHHMISS",
    "GMT±hh:mm",
    "ISO 8601",
    "ISO 4217 numeric",
    "decimal 0..1 scale 2",
    "base64 image 100 KB png",
    "PAN luhn",
    "Import: [x](",
    "enrollment_registration.md",
    "../",
    "\"",
    "{\"a\": [1, {\"b\": null}]}",
    "é",
    "±",
    "日本",
    "🦀",
    "\t",
    "\u{feff}",
    "\u{0}",
    "Identifier",
    "Type",
    "Request",
    "Example",
    "Value",
];

fn shipped() -> &'static [(PathBuf, Vec<u8>)] {
    static SCHEMAS: OnceLock<Vec<(PathBuf, Vec<u8>)>> = OnceLock::new();
    SCHEMAS.get_or_init(|| {
        let mut out = Vec::new();
        collect(Path::new("../schemas"), &mut out);
        out.sort();
        assert!(!out.is_empty(), "no shipped schema found under ../schemas/");
        out
    })
}

fn collect(dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(|e| e.ok()) {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "md")
            && let Ok(bytes) = std::fs::read(&path)
        {
            out.push((path, bytes));
        }
    }
}

/// The diagnostics are well-formed: not empty, and every one renders.
fn well_formed(diagnostics: &Diagnostics) {
    assert!(!diagnostics.is_empty());
    let text = diagnostics.to_string();
    for d in diagnostics.iter() {
        assert!(d.line > 0 || diagnostics.is_io_error(), "{d}");
    }
    assert!(text.contains("error"));
}

/// What the checker promises consumers of the model (code generation, the dynamic
/// validator): checked on every schema that loads, mutated ones included.
fn model_invariants(schema: &Schema) {
    use fieldtab_schema::model::{Requirement, Type, Value};
    let module = &schema.module;
    let mut names = std::collections::HashSet::new();
    for item in &module.items {
        assert!(
            names.insert(item.name.as_str()),
            "duplicate item {}",
            item.name
        );
    }
    let is_enum = |name: &str| module.enum_named(name).is_some();
    for item in &module.items {
        let Some(object) = item.kind.object() else {
            continue;
        };
        let mut idents = std::collections::HashSet::new();
        for field in &object.fields {
            assert!(
                idents.insert(field.ident.as_str()),
                "duplicate field {}",
                field.ident
            );
            assert!(field.ty.depth() <= 16);
            if let Some(name) = field.ty.named() {
                assert!(module.item(name).is_some(), "unresolved {name}");
            }
            let stringy = match &field.ty {
                Type::Iso(_) | Type::String => true,
                Type::Named(name) => is_enum(name),
                _ => false,
            };
            // A collection's length and format are its strings' (docs/SEMANTICS.md §2.7).
            let strings = matches!(field.ty.element(), Type::Iso(_) | Type::String);
            if let Some(length) = field.length {
                assert!(strings, "{} has a length", field.ident);
                assert!(length.max >= 1 && length.min <= length.max);
            }
            if matches!(field.ty, Type::Iso(_)) {
                assert!(field.length.is_some(), "{} has no length", field.ident);
            }
            if field.format.is_some() {
                assert!(strings, "{} has a format", field.ident);
            }
            if field.fixed.is_some() {
                assert!(stringy);
            }
            for example in &field.examples {
                assert!(serde_json::from_str::<serde_json::Value>(example).is_ok());
            }
            if let Requirement::Conditional(c) = &field.requirement {
                c.for_each_atom(&mut |path, values| {
                    let Some(sibling) = path.as_sibling() else {
                        return;
                    };
                    assert_ne!(sibling, field.ident);
                    let sibling = object.fields.iter().find(|f| f.ident == sibling);
                    let sibling = sibling.unwrap_or_else(|| panic!("no sibling {path}"));
                    let Some(values) = values else {
                        return;
                    };
                    assert!(!values.is_empty());
                    for value in values {
                        assert!(match (&sibling.ty, value) {
                            (Type::Iso(_) | Type::String, Value::Str(_)) => true,
                            (Type::Named(name), Value::Str(_)) => is_enum(name),
                            (Type::Boolean, Value::Bool(_)) | (Type::Integer, Value::Int(_)) => {
                                true
                            }
                            _ => false,
                        });
                    }
                });
            }
        }
    }
}

/// One edit: what to do, where (a fraction of the length), how much, and what to insert.
#[derive(Clone, Debug)]
struct Edit {
    kind: u8,
    at: u32,
    len: u8,
    insert: Vec<u8>,
}

fn edit() -> impl Strategy<Value = Edit> {
    let insert = prop_oneof![
        3 => (0..VOCAB.len()).prop_map(|i| VOCAB[i].as_bytes().to_vec()),
        1 => proptest::collection::vec(any::<u8>(), 1..8),
    ];
    (0u8..6, any::<u32>(), 0u8..64, insert).prop_map(|(kind, at, len, insert)| Edit {
        kind,
        at,
        len,
        insert,
    })
}

fn apply(bytes: &mut Vec<u8>, edit: &Edit) {
    let at = if bytes.is_empty() {
        0
    } else {
        edit.at as usize % (bytes.len() + 1)
    };
    let end = (at + usize::from(edit.len)).min(bytes.len());
    match edit.kind {
        // Insert a fragment.
        0 | 1 => {
            bytes.splice(at..at, edit.insert.iter().copied());
        }
        // Delete a range.
        2 => {
            bytes.drain(at..end);
        }
        // Replace a range by a fragment.
        3 => {
            bytes.splice(at..end, edit.insert.iter().copied());
        }
        // Duplicate a range (a repeated row or heading, a duplicated pipe).
        4 => {
            let copy: Vec<u8> = bytes[at..end].to_vec();
            bytes.splice(at..at, copy);
        }
        // Truncate, possibly inside a multi-byte character.
        _ => bytes.truncate(at),
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 6_000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let text = String::from_utf8_lossy(&bytes);
        match Schema::parse("arbitrary.md", &text) {
            Ok(schema) => model_invariants(&schema),
            Err(d) => well_formed(&d),
        }
    }
}

/// Found by the mutations below: a length on `Array<String>` is each element's, as the checker
/// says, not a broken invariant.
#[test]
fn collections_of_strings_have_lengths_and_formats() {
    let text = "# Demo\n\n## message M\n\n| Identifier | Type | Length | Request | Format |\n\
                |---|---|---|---|---|\n| regions | Array<String> | 8 | O | |\n\
                | refs | Array<ANS> | 10 | O | YYYYMMDD |\n";
    let schema = Schema::parse("demo.md", text).unwrap_or_else(|d| panic!("{d}"));
    model_invariants(&schema);
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 4_000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn mutated_shipped_schemas_never_panic(
        which in any::<prop::sample::Index>(),
        edits in proptest::collection::vec(edit(), 1..6),
    ) {
        let schemas = shipped();
        let (path, original) = &schemas[which.index(schemas.len())];
        let mut bytes = original.clone();
        for e in &edits {
            apply(&mut bytes, e);
        }
        let text = String::from_utf8_lossy(&bytes);
        match Schema::parse(path, &text) {
            Ok(schema) => model_invariants(&schema),
            Err(d) => well_formed(&d),
        }
    }
}

/// The bytes path (`Schema::load`: size limit, UTF-8, NUL detection) on files holding
/// arbitrary bytes and truncated schemas.
#[test]
fn arbitrary_files_never_panic() {
    let dir = std::env::temp_dir().join(format!("fieldtab-reader-props-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("input.md");
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 500,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    let result = runner.run(&proptest::collection::vec(any::<u8>(), 0..300), |bytes| {
        std::fs::write(&path, &bytes).expect("write");
        if let Err(d) = Schema::load(&path) {
            well_formed(&d);
        }
        Ok(())
    });
    for (_, bytes) in shipped() {
        for cut in (0..bytes.len()).step_by(97) {
            std::fs::write(&path, &bytes[..cut]).expect("write");
            if let Err(d) = Schema::load(&path) {
                well_formed(&d);
            }
        }
    }
    std::fs::remove_dir_all(&dir).ok();
    if let Err(e) = result {
        panic!("{e}");
    }
}
