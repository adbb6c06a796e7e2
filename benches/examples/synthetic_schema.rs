//! Prints a synthetic schema, for timing `fieldtab expand` (`benches/expand_time.sh`):
//! `cargo run -p fieldtab-benches --example synthetic_schema -- FIELDS` (one message of FIELDS
//! fields, 10,000 by default), or `-- FIELDS MESSAGES` (MESSAGES messages of FIELDS fields each,
//! the schema of `build_time.sh`).

use std::io::Write as _;
use std::process::ExitCode;

use fieldtab_benches::synthetic;

fn main() -> ExitCode {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse().unwrap_or(0))
        .collect();
    let fields = args.first().copied().unwrap_or(10_000);
    let text = match args.get(1) {
        Some(&messages) => synthetic::many_messages(messages, fields),
        None => synthetic::one_message(fields),
    };
    match std::io::stdout().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cannot write the schema: {e}");
            ExitCode::FAILURE
        }
    }
}
