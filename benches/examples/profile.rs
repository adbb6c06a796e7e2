//! Runs one implementation over a benchmark corpus, for profilers that count instructions
//! (`valgrind --tool=callgrind`), which stay exact on a noisy shared machine:
//!
//! ```sh
//! cargo build --release -p fieldtab-benches --example profile
//! valgrind --tool=callgrind target/release/examples/profile upi fieldtab_from_json 20
//! ```
//!
//! `CORPUS` is `upi` or `benefit`; `IMPL` is `floor`, `fieldtab_validate_decoded`, `none`
//! (corpus set-up only, to subtract) or a name of `impls::upi_validators()`.

use fieldtab_benches::corpus::{self, CORPUS_LEN};
use fieldtab_benches::{generated, impls};
use std::hint::black_box;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(which), Some(name)) = (args.first(), args.get(1)) else {
        eprintln!("usage: profile upi|benefit IMPL [ITERATIONS]");
        return ExitCode::from(2);
    };
    let iterations: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(10);
    let (corpus, validators) = match which.as_str() {
        "upi" => (
            corpus::upi_enrollment(CORPUS_LEN, corpus::UPI_SEED),
            impls::upi_validators(),
        ),
        "benefit" => (
            corpus::alipay_benefit(CORPUS_LEN, corpus::BENEFIT_SEED),
            impls::benefit_validators(),
        ),
        _ => {
            eprintln!("unknown corpus {which}");
            return ExitCode::from(2);
        }
    };
    let mut found = 0usize;
    match name.as_str() {
        "none" => {}
        "floor" => {
            for _ in 0..iterations {
                for m in &corpus.messages {
                    found += usize::from(if which == "upi" {
                        black_box(impls::floor_upi(black_box(m))).is_some()
                    } else {
                        black_box(impls::floor_benefit(black_box(m))).is_some()
                    });
                }
            }
        }
        "fieldtab_validate_decoded" => {
            if which == "upi" {
                let values: Vec<_> = generated::upi_values(&corpus)
                    .into_iter()
                    .map(|(v, _)| v)
                    .collect();
                for _ in 0..iterations {
                    found += generated::validate_all(black_box(&values));
                }
            } else {
                let values: Vec<_> = generated::benefit_values(&corpus)
                    .into_iter()
                    .map(|(v, _)| v)
                    .collect();
                for _ in 0..iterations {
                    found += generated::validate_all(black_box(&values));
                }
            }
        }
        other => {
            let Some((_, f)) = validators.iter().find(|(n, _)| *n == other) else {
                eprintln!("unknown implementation {other}");
                return ExitCode::from(2);
            };
            for _ in 0..iterations {
                for m in &corpus.messages {
                    found += f(black_box(m));
                }
            }
        }
    }
    println!("{which} {name}: {found}");
    ExitCode::SUCCESS
}
