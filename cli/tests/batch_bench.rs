//! `benches/batch.sh --fieldtab-only` in its smoke mode (a 1 MB corpus, one run, this test's
//! binary): it generates its corpus, finds the verdicts it intends (the script fails if the
//! summary's counts differ), prints both rows of its table, and deletes its temporary directory.
//! The 1 GB run and the peers are not run here (minutes, and installs from crates.io and PyPI).

use std::path::PathBuf;
use std::process::Command;

#[test]
fn batch_bench_smoke_mode_measures_and_cleans_up() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("cli/ has a parent")
        .to_path_buf();
    let tmp = std::env::temp_dir().join(format!("fieldtab-batch-smoke-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let output = Command::new("bash")
        .arg(root.join("benches/batch.sh"))
        .arg("--fieldtab-only")
        .env("FIELDTAB", env!("CARGO_BIN_EXE_fieldtab"))
        .env("SIZE_MB", "1")
        .env("RUNS", "1")
        .env("TMPDIR", &tmp)
        .env_remove("JOBS")
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    for expected in [
        "machine: nproc ",
        "EnrollmentRegistrationRequest messages (fieldtab sample;",
        "fieldtab validate --jsonl --format text ",
        "fieldtab validate --jsonl --format json ",
    ] {
        assert!(stdout.contains(expected), "{expected:?} not in\n{stdout}");
    }
    assert!(!stdout.contains("jsonschema"), "{stdout}");
    let left: Vec<_> = std::fs::read_dir(&tmp).unwrap().collect();
    assert!(left.is_empty(), "batch.sh left {left:?}");
    std::fs::remove_dir(&tmp).unwrap();
}
