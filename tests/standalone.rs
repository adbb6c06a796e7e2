//! The generated code compiled the way users compile it: in a crate of its own whose only
//! dependency is `fieldtab`, with `#![deny(warnings)]`, for every shipped schema (found at test
//! time); and cargo rebuilding that crate when a schema it includes, or a file that schema
//! imports, changes.
//!
//! The shipped schemas are copied into the scratch crate, as a user's crate holds its own (one
//! read from outside the crate's folder gets a warning: `tests/build_errors.rs`).
//!
//! The scratch crate lives under the test's own target folder and builds into the same
//! `CARGO_TARGET_DIR`, with the workspace's `Cargo.lock` and `--offline`, so it reuses the
//! dependencies cargo already built and fetched: no network, a few seconds.

use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The target folder this test was built in: `CARGO_TARGET_DIR`, or the folder above
/// `debug/deps/` holding the test executable.
fn target_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("CARGO_TARGET_DIR") {
        return PathBuf::from(dir);
    }
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.ancestors().nth(3).map(Path::to_path_buf))
        .unwrap_or_else(|| workspace().join("target"))
}

/// Every `.md` under `schemas/` but the language reference.
fn shipped_schemas() -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut todo = vec![workspace().join("schemas")];
    while let Some(dir) = todo.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
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

/// A Rust module name for a schema path: `upi/enrollment_registration.md` ->
/// `upi_enrollment_registration`.
fn module_name(path: &Path) -> String {
    let relative = path
        .strip_prefix(workspace().join("schemas"))
        .unwrap_or(path);
    relative
        .with_extension("")
        .to_string_lossy()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

/// The schema the rebuild check edits, and the file it imports (also edited).
const REBUILD_SCHEMA: &str = "# Rebuild\n\nImport: [common](rebuild_common.md)\n\n## message Ping\n\n\
| Identifier | Type | Length | Request |\n|---|---|---|---|\n| status | Status | | M |\n";
const REBUILD_COMMON: &str =
    "# Common\n\n## enum Status\n\n| Value | Note |\n|---|---|\n| S | Success |\n";

/// Runs `cargo build` in the scratch crate; returns (success, stderr).
fn build(dir: &Path) -> (bool, String) {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .args(["build", "--offline", "--lib"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target_dir())
        .env("CARGO_TERM_COLOR", "never")
        .env_remove("RUSTFLAGS")
        .output();
    match output {
        Ok(output) => (
            output.status.success(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        ),
        Err(e) => (false, format!("cannot run cargo: {e}")),
    }
}

fn compiled_scratch(stderr: &str) -> bool {
    compiled(stderr, "fieldtab-scratch")
}

/// Whether cargo's output shows it compiling the package `name`.
fn compiled(stderr: &str, name: &str) -> bool {
    stderr.lines().any(|line| {
        let line = line.trim_start();
        line.strip_prefix("Compiling ")
            .is_some_and(|rest| rest.split(' ').next() == Some(name))
    })
}

/// Whether a fieldtab crate itself was rebuilt (its sources changed under the test, as when
/// someone edits the workspace while the tests run): the scratch crate then rebuilds too.
fn compiled_fieldtab(stderr: &str) -> bool {
    [
        "fieldtab",
        "fieldtab-runtime",
        "fieldtab-codegen",
        "fieldtab-macros",
    ]
    .iter()
    .any(|name| compiled(stderr, name))
}

#[test]
fn a_crate_depending_only_on_fieldtab_compiles_every_schema_and_rebuilds_on_edits() {
    let dir = target_dir().join("fieldtab-scratch");
    let src = dir.join("src");
    std::fs::create_dir_all(&src).expect("create the scratch crate");
    // `fieldtab` is the only dependency of the code; the build script uses the Builder.
    let manifest = format!(
        "[package]\nname = \"fieldtab-scratch\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nfieldtab = {{ path = {:?} }}\n\n\
         [build-dependencies]\nfieldtab-codegen = {{ path = {:?} }}\n\n[workspace]\n",
        workspace().display().to_string(),
        workspace().join("codegen").display().to_string()
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).expect("write Cargo.toml");
    // The workspace's lock file pins the versions already built, so `--offline` resolves.
    std::fs::copy(workspace().join("Cargo.lock"), dir.join("Cargo.lock")).expect("copy Cargo.lock");
    std::fs::write(dir.join("rebuild.md"), REBUILD_SCHEMA).expect("write rebuild.md");
    std::fs::write(dir.join("rebuild_common.md"), REBUILD_COMMON).expect("write rebuild_common.md");

    let mut lib = String::from(
        "//! Every shipped schema, compiled by a crate whose only dependency is `fieldtab`.\n\
         #![deny(warnings)]\n\
         #![allow(dead_code)]\n\n\
         pub mod rebuild {\n    fieldtab::include_schema!(\"rebuild.md\");\n}\n",
    );
    let schemas = shipped_schemas();
    assert!(!schemas.is_empty(), "no schema under schemas/");
    // The build script writes each schema's code to a folder of its own under OUT_DIR (two
    // schemas may share a file name), with the Builder; the library includes both that and the
    // macro's expansion of every schema.
    let mut build_rs = String::from(
        "fn main() {\n    let out = std::path::PathBuf::from(std::env::var_os(\"OUT_DIR\").unwrap());\n",
    );
    for schema in &schemas {
        let module = module_name(schema);
        let relative = schema
            .strip_prefix(workspace())
            .expect("a shipped schema under the workspace");
        let copy = dir.join(relative);
        std::fs::create_dir_all(copy.parent().expect("a folder")).expect("create schemas/");
        std::fs::copy(schema, &copy).expect("copy a shipped schema");
        let schema = &relative.to_path_buf();
        build_rs.push_str(&format!(
            "    if let Err(e) = fieldtab_codegen::Builder::new().out_dir(out.join({module:?})).compile(&[{:?}]) {{\n        \
             panic!(\"{{e}}\");\n    }}\n",
            schema.display().to_string()
        ));
        let stem = schema.file_stem().unwrap_or_default().to_string_lossy();
        lib.push_str(&format!(
            "\npub mod {module} {{\n    fieldtab::include_schema!({:?});\n}}\n\
             \npub mod built_{module} {{\n    include!(concat!(env!(\"OUT_DIR\"), \"/{module}/{stem}.rs\"));\n}}\n",
            schema.display().to_string()
        ));
    }
    build_rs.push_str(
        "    if let Err(e) = fieldtab_codegen::Builder::new().out_dir(out.join(\"rebuild\")).compile(&[\"rebuild.md\"]) {\n        \
         panic!(\"{e}\");\n    }\n}\n",
    );
    std::fs::write(dir.join("build.rs"), build_rs).expect("write build.rs");
    std::fs::write(src.join("lib.rs"), lib).expect("write lib.rs");

    let (ok, stderr) = build(&dir);
    assert!(
        ok,
        "the generated code does not compile on its own:\n{stderr}"
    );

    // Unchanged: nothing to rebuild.
    let (ok, stderr) = build(&dir);
    assert!(ok, "{stderr}");
    assert!(
        !compiled_scratch(&stderr) || compiled_fieldtab(&stderr),
        "rebuilt without a change:\n{stderr}"
    );

    // The schema changed: cargo must rebuild the crate (the `include_str!` the macro emits).
    let edited = REBUILD_SCHEMA.replace("| M |", "| O |");
    std::fs::write(dir.join("rebuild.md"), edited).expect("edit rebuild.md");
    let (ok, stderr) = build(&dir);
    assert!(ok, "{stderr}");
    assert!(
        compiled_scratch(&stderr),
        "editing the schema did not rebuild:\n{stderr}"
    );

    // So must a change to a file it imports.
    let edited = format!("{REBUILD_COMMON}| F | Failure |\n");
    std::fs::write(dir.join("rebuild_common.md"), edited).expect("edit rebuild_common.md");
    let (ok, stderr) = build(&dir);
    assert!(ok, "{stderr}");
    assert!(
        compiled_scratch(&stderr),
        "editing an imported schema did not rebuild:\n{stderr}"
    );

    // The Builder announced every file it read, imports included.
    let announced = build_script_outputs(&target_dir());
    for file in ["rebuild.md", "rebuild_common.md"] {
        let line = format!("cargo:rerun-if-changed={file}");
        assert!(
            announced.lines().any(|l| l == line),
            "the build script did not print `{line}`:\n{announced}"
        );
    }
}

/// What the scratch crate's build scripts printed, concatenated.
fn build_script_outputs(target: &Path) -> String {
    let mut text = String::new();
    for entry in std::fs::read_dir(target.join("debug/build"))
        .into_iter()
        .flatten()
        .flatten()
    {
        if entry
            .file_name()
            .to_string_lossy()
            .starts_with("fieldtab-scratch-")
        {
            text.push_str(
                &std::fs::read_to_string(entry.path().join("output")).unwrap_or_default(),
            );
        }
    }
    text
}
