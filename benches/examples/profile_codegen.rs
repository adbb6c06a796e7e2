//! Generates the code of a synthetic schema of `FIELDS` fields once, for instruction-counting
//! profilers: `valgrind --tool=callgrind target/release/examples/profile_codegen 2000 tokens`.
//! The second argument is `parse`, `tokens` (the default) or `pretty`.

use fieldtab_benches::synthetic;
use fieldtab_codegen::Generate;
use fieldtab_codegen::Schema;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let fields: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let text = synthetic::one_message(fields);
    let schema = match Schema::parse("synthetic.md", &text) {
        Ok(s) => s,
        Err(d) => {
            eprintln!("{d}");
            return ExitCode::FAILURE;
        }
    };
    let size = match args.get(1).map(String::as_str) {
        Some("parse") => schema.module.items.len(),
        Some("pretty") => schema.to_rust_pretty().len(),
        _ => schema.to_tokens().into_iter().count(),
    };
    println!("{fields} fields: {size}");
    ExitCode::SUCCESS
}
