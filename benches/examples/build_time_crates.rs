//! Writes the two crates that `benches/build_time.sh` builds and times:
//! `cargo run -p fieldtab-benches --example build_time_crates -- DIR [MESSAGES] [FIELDS]`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first().map(PathBuf::from) else {
        eprintln!("usage: build_time_crates DIR [MESSAGES] [FIELDS]");
        return ExitCode::from(2);
    };
    let number =
        |i: usize, default: usize| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default);
    let fieldtab = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let fieldtab = fieldtab.canonicalize().unwrap_or(fieldtab);
    match fieldtab_benches::synthetic::write_build_crates(
        &dir,
        &fieldtab,
        number(1, 50),
        number(2, 20),
    ) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cannot write the crates under {}: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}
