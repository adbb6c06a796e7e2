//! The catalogue of bad schemas: every `tests/bad_schemas/*.md` must fail to load, or load with
//! warnings, and the whole text of its diagnostics is pinned by an insta snapshot
//! (`tests/snapshots/`). Files under
//! `tests/bad_schemas/imports/` are helpers that the bad schemas import.
//!
//! Paths are given relative to the package root (cargo runs tests there), so the snapshots
//! show `tests/bad_schemas/x.md:12:5`, never an absolute path.

use std::path::Path;

use fieldtab_schema::Schema;

#[test]
fn every_bad_schema_is_diagnosed_and_snapshotted() {
    let dir = Path::new("tests/bad_schemas");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("tests/bad_schemas exists")
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".md"))
        .collect();
    names.sort();
    assert!(names.len() >= 30, "only {} bad schemas", names.len());
    let mut with_several = 0;
    for name in &names {
        let path = dir.join(name);
        // A schema with warnings only loads: its warnings are what is snapshotted.
        let diagnostics = match Schema::load(&path) {
            Ok(schema) if !schema.warnings.is_empty() => schema.warnings,
            Ok(_) => panic!("{name} loaded without errors or warnings"),
            Err(d) => d,
        };
        let text = diagnostics.to_string();
        // Every diagnostic points into a file: location, source line and caret.
        for d in diagnostics.iter() {
            assert!(d.line > 0, "{name}: a diagnostic without a position: {d}");
            let rendered = d.to_string();
            assert!(
                rendered.starts_with(&format!(
                    "{}:{}:{}: {}: ",
                    d.file.display(),
                    d.line,
                    d.col,
                    d.severity.as_str()
                )),
                "{name}: {rendered}"
            );
            assert!(rendered.contains('^'), "{name}: no caret in {rendered}");
        }
        assert!(
            !text.contains(env!("CARGO_MANIFEST_DIR")),
            "{name}: absolute path"
        );
        if diagnostics.len() > 1 {
            with_several += 1;
        }
        let source = String::from_utf8_lossy(&std::fs::read(&path).expect("read")).into_owned();
        let stem = name.trim_end_matches(".md");
        insta::with_settings!({
            description => source,
            omit_expression => true,
            prepend_module_to_snapshot => false,
        }, {
            insta::assert_snapshot!(stem, text);
        });
    }
    assert!(
        with_several >= 5,
        "only {with_several} files with several errors"
    );
}

#[test]
fn every_shipped_schema_checks_clean() {
    let mut count = 0;
    for path in shipped_schemas(Path::new("../schemas")) {
        if let Err(d) = Schema::load(&path) {
            panic!("{} has errors:\n{d}", path.display());
        }
        count += 1;
    }
    assert!(
        count >= 4,
        "only {count} shipped schemas found under ../schemas"
    );
}

/// Every `*.md` under `dir` except READMEs.
fn shipped_schemas(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.filter_map(|e| e.ok()) {
        let path = entry.path();
        if path.is_dir() {
            out.extend(shipped_schemas(&path));
        } else if path.extension().is_some_and(|e| e == "md")
            && path.file_name().is_some_and(|n| n != "README.md")
        {
            out.push(path);
        }
    }
    out.sort();
    out
}
