//! `fieldtab sample`: messages generated from a schema (docs/SEMANTICS.md §9.1), one JSON
//! object a line, by `fieldtab_schema::sample::Sampler` — valid ones, or with `--invalid` ones
//! that break exactly one rule at one place. Message `i` of `--seed S` is the sampler's message
//! of seed `S + i`, so a run is reproduced from its seed alone.

use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use fieldtab_schema::Schema;
use fieldtab_schema::sample::Sampler;

/// What `sample` is asked for.
pub(crate) struct Request<'a> {
    /// The message or struct.
    pub(crate) message: &'a str,
    /// How many messages.
    pub(crate) count: u64,
    /// The seed of the first message.
    pub(crate) seed: u64,
    /// Whether each message breaks one rule.
    pub(crate) invalid: bool,
}

pub(crate) fn run(schema: &Path, request: &Request<'_>) -> ExitCode {
    let loaded = match Schema::load(schema) {
        Ok(loaded) => loaded,
        Err(diagnostics) => {
            eprintln!("{diagnostics}");
            return ExitCode::from(2);
        }
    };
    let sampler = match Sampler::new(&loaded, request.message) {
        Ok(sampler) => sampler,
        Err(error) => return crate::output::unknown_item(&error, schema),
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for i in 0..request.count {
        let seed = request.seed.wrapping_add(i);
        let message = if request.invalid {
            match sampler.invalid(seed) {
                Some(invalid) => invalid.message,
                None => {
                    let _ = out.flush();
                    eprintln!(
                        "error: `{}` has no rule a message can break alone",
                        sampler.name()
                    );
                    return ExitCode::from(1);
                }
            }
        } else {
            match sampler.try_valid(seed) {
                Ok(message) => message,
                Err(unmet) => {
                    let _ = out.flush();
                    eprintln!(
                        "error: no valid `{}` could be drawn for seed {seed}:\n{}",
                        sampler.name(),
                        unmet.report
                    );
                    return ExitCode::from(1);
                }
            }
        };
        if writeln!(out, "{message}").is_err() {
            // stdout is gone (a closed pipe): nothing more can be written.
            return ExitCode::from(2);
        }
    }
    match out.flush() {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(2),
    }
}
