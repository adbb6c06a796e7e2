//! What `cargo package` would publish of each crate: its sources, README and (for the facade)
//! licenses, changelog and the schema language reference its docs include; never the sample
//! messages, tests, snapshots or CI files.
//!
//! `cargo package --list`, not a full `cargo package`: the crates depend on each other at
//! versions crates.io does not have yet, so verifying one against the registry cannot work
//! before they are published (`.ci/run` packages the whole workspace with `--no-verify`, which
//! resolves them among themselves). `--offline`: CI machines reach no registry but crates.io
//! through cargo, and the list needs none.

use std::path::PathBuf;
use std::process::Command;

/// The published crates.
const CRATES: &[&str] = &[
    "fieldtab",
    "fieldtab-runtime",
    "fieldtab-schema",
    "fieldtab-codegen",
    "fieldtab-macros",
    "fieldtab-cli",
];

fn package_list(name: &str) -> Vec<String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "package",
            "--list",
            "--offline",
            "--allow-dirty",
            "-p",
            name,
        ])
        .current_dir(PathBuf::from(env!("CARGO_MANIFEST_DIR")))
        .env("CARGO_TERM_COLOR", "never")
        .output()
        .expect("run cargo package --list");
    assert!(
        output.status.success(),
        "cargo package --list -p {name} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn packages_hold_sources_and_docs_and_no_samples_tests_or_ci_files() {
    for name in CRATES {
        let files = package_list(name);
        for needed in ["Cargo.toml", "README.md", "src/main.rs|src/lib.rs"] {
            assert!(
                needed.split('|').any(|n| files.iter().any(|f| f == n)),
                "{name}: no {needed} in the package: {files:?}"
            );
        }
        for file in &files {
            let shipped = file.ends_with(".rs")
                || file.ends_with(".md")
                || file.starts_with("LICENSE-")
                || [
                    ".cargo_vcs_info.json",
                    "Cargo.toml",
                    "Cargo.toml.orig",
                    "Cargo.lock",
                ]
                .contains(&file.as_str());
            let banned = [
                "examples/",
                "tests/",
                ".ci/",
                "benches/",
                "fuzz/",
                "research/",
            ]
            .iter()
            .any(|dir| file.starts_with(dir))
                || file.contains("/snapshots/");
            assert!(shipped && !banned, "{name} would publish `{file}`");
        }
    }
    let facade = package_list("fieldtab");
    for needed in [
        "LICENSE-MIT",
        "LICENSE-APACHE",
        "CHANGELOG.md",
        "schemas/README.md",
    ] {
        assert!(
            facade.iter().any(|f| f == needed),
            "fieldtab: no {needed}: {facade:?}"
        );
    }
    assert!(
        !facade
            .iter()
            .any(|f| f.starts_with("schemas/") && f != "schemas/README.md"),
        "fieldtab would publish a schema: {facade:?}"
    );
}
