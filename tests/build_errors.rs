//! What a person sees when a build script's schema is bad, and when a schema lies outside the
//! crate's folder: a scratch crate built by cargo, as a user's crate is.
//!
//! Like `standalone.rs`, the crate lives under the test's target folder and builds offline into
//! the same `CARGO_TARGET_DIR` with the workspace's `Cargo.lock`: no network, a few seconds.

use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The target folder this test was built in (see `standalone.rs`).
fn target_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("CARGO_TARGET_DIR") {
        return PathBuf::from(dir);
    }
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.ancestors().nth(3).map(Path::to_path_buf))
        .unwrap_or_else(|| workspace().join("target"))
}

/// Runs `cargo build` in `dir`; returns (success, stderr).
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

/// A schema whose row 7 names an unknown type code at column 9.
const BAD: &str = "# Bad\n\n## message Ping\n\n\
| Identifier | Type | Length | Request |\n|---|---|---|---|\n| pid | Q | 10 | M |\n";
const GOOD: &str = "# Good\n\n## message Ping\n\n\
| Identifier | Type | Length | Request |\n|---|---|---|---|\n| pid | N | 10 | M |\n";

#[test]
fn build_script_errors_are_diagnostics_and_outside_schemas_are_warned_about() {
    let dir = target_dir().join("fieldtab-build-errors");
    std::fs::create_dir_all(dir.join("src")).expect("create the scratch crate");
    let manifest = format!(
        "[package]\nname = \"fieldtab-build-errors\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nfieldtab = {{ path = {:?} }}\n\n\
         [build-dependencies]\nfieldtab-codegen = {{ path = {:?} }}\n\n[workspace]\n",
        workspace().display().to_string(),
        workspace().join("codegen").display().to_string()
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).expect("write Cargo.toml");
    std::fs::copy(workspace().join("Cargo.lock"), dir.join("Cargo.lock")).expect("copy Cargo.lock");
    std::fs::write(dir.join("ping.md"), BAD).expect("write ping.md");
    // A schema of the workspace, by an absolute path: outside the scratch crate's folder.
    let outside = workspace().join("schemas/upi/instant_discount_budget_progress_query.md");
    let outside = outside.display().to_string();
    std::fs::write(
        dir.join("build.rs"),
        format!(
            "fn main() {{\n    fieldtab_codegen::Builder::new().compile_or_exit(&[\"ping.md\", {outside:?}]);\n}}\n"
        ),
    )
    .expect("write build.rs");
    std::fs::write(
        dir.join("src/lib.rs"),
        format!(
            "//! Scratch.\n#![allow(dead_code)]\n\n\
             pub mod ping {{\n    include!(concat!(env!(\"OUT_DIR\"), \"/ping.rs\"));\n}}\n\n\
             pub mod budget {{\n    fieldtab::include_schema!({outside:?});\n}}\n"
        ),
    )
    .expect("write lib.rs");

    // The bad schema: cargo fails and shows the diagnostic as rustc would, not a Debug dump.
    let (ok, stderr) = build(&dir);
    assert!(!ok, "a bad schema built:\n{stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("ping.md:7:9: unknown type code `Q`"))
        .unwrap_or_else(|| panic!("no file:line:col line:\n{stderr}"));
    let prefix = "error: fieldtab-build-errors@0.0.0: ";
    assert!(lines[at].starts_with(prefix), "{stderr}");
    assert_eq!(
        lines[at + 2],
        format!("{prefix}7 | | pid | Q | 10 | M |"),
        "{stderr}"
    );
    assert_eq!(lines[at + 3], format!("{prefix}  |         ^"), "{stderr}");
    for dump in ["Schema {", "diagnostics:", "source_line", "cargo::error"] {
        assert!(!stderr.contains(dump), "`{dump}` in:\n{stderr}");
    }

    // Fixed: it builds, and both the Builder and the macro warn that the schema read from
    // outside the crate will not be packaged.
    std::fs::write(dir.join("ping.md"), GOOD).expect("fix ping.md");
    let (ok, stderr) = build(&dir);
    assert!(ok, "{stderr}");
    let warned = |from: &str| {
        stderr.lines().any(|l| {
            l.contains(from)
                && l.contains(
                    "instant_discount_budget_progress_query.md` is outside this crate's folder",
                )
        })
    };
    assert!(
        warned("warning: fieldtab-build-errors@0.0.0: schema file `"),
        "{stderr}"
    );
    assert!(
        stderr.contains("warning: use of deprecated constant")
            && warned("`cargo package` will not include it"),
        "{stderr}"
    );
}
