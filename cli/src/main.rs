//! The `fieldtab` command-line tool. Its commands, flags, output formats and exit codes are a
//! fixed contract (docs/SEMANTICS.md §9): exit 0 success, 1 when the input is bad (schema
//! errors, invalid messages), 2 for usage and I/O errors (and, for `validate`, schema errors).

mod check;
mod diff;
mod expand;
mod json_schema;
mod mock;
mod output;
mod sample;
mod snippet;
mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

/// Schema-first code generation and validation for JSON payment APIs.
#[derive(Parser)]
#[command(name = "fieldtab", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check schema files and print their diagnostics (errors and warnings).
    Check {
        /// Also print every rule read from the prose of a Description cell ("Maximum length:
        /// 64 characters"), with its file:line:col and the cell that would state it.
        #[arg(long)]
        explain: bool,
        /// Schema files (Markdown field tables).
        #[arg(required = true, value_name = "SCHEMA")]
        schemas: Vec<PathBuf>,
    },
    /// Print the Rust code generated from a schema, formatted.
    Expand {
        /// The schema file.
        #[arg(value_name = "SCHEMA")]
        schema: PathBuf,
    },
    /// Print the JSON Schema (draft 2020-12) of a message, struct or enum, or of the whole schema.
    JsonSchema {
        /// The schema file.
        #[arg(value_name = "SCHEMA")]
        schema: PathBuf,
        /// The message, struct or enum to export (of the file or its imports); without it,
        /// every item, the root accepting any of the file's messages.
        #[arg(long, value_name = "NAME")]
        message: Option<String>,
    },
    /// Validate JSON messages against a message or struct of a schema.
    Validate {
        /// The schema file.
        #[arg(value_name = "SCHEMA")]
        schema: PathBuf,
        /// The message or struct to validate against (of the file or its imports).
        #[arg(long, value_name = "NAME")]
        message: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
        /// Report fields the schema does not name as `unknown_field` violations.
        #[arg(long)]
        deny_unknown: bool,
        /// Keep at most N violations a message (the first ones; the rest are counted).
        #[arg(long, value_name = "N", default_value_t = fieldtab_runtime::MAX_VIOLATIONS,
              value_parser = clap::value_parser!(usize))]
        max_violations: usize,
        /// Refuse a message larger than N bytes (an error on stderr, exit 2), before reading
        /// more of it. With --jsonl, a line longer than N bytes is an invalid message (a
        /// `syntax` violation), skipped without being kept.
        #[arg(long, value_name = "N", default_value_t = validate::MAX_BYTES)]
        max_bytes: u64,
        /// Each input is JSON Lines: one message a line (blank lines skipped), validated on
        /// every core, printed in input order with its line number, then a summary line.
        #[arg(long)]
        jsonl: bool,
        /// With --jsonl, the threads that validate (by default one a core).
        #[arg(long, value_name = "N", requires = "jsonl")]
        jobs: Option<std::num::NonZeroUsize>,
        /// JSON files (JSON Lines with --jsonl); `-` or none reads standard input.
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// List what a new version of a schema changes, and whether each change breaks the
    /// programs built on the old one (exit 1 when one does).
    Diff {
        /// The old version of the schema file.
        #[arg(value_name = "OLD")]
        old: PathBuf,
        /// The new version.
        #[arg(value_name = "NEW")]
        new: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Print messages generated from a schema, one JSON object a line: valid ones, or with
    /// `--invalid` ones that each break exactly one rule at one place.
    Sample {
        /// The schema file.
        #[arg(value_name = "SCHEMA")]
        schema: PathBuf,
        /// The message or struct to generate (of the file or its imports).
        #[arg(long, value_name = "NAME")]
        message: String,
        /// How many messages.
        #[arg(long, value_name = "N", default_value_t = 1)]
        count: u64,
        /// The seed of the first message (message i has seed S + i).
        #[arg(long, value_name = "S", default_value_t = 0)]
        seed: u64,
        /// Each message breaks exactly one rule at one place.
        #[arg(long)]
        invalid: bool,
    },
    /// Serve a strict mock of a vendor API: validate each request, answer a valid response.
    Mock {
        /// The schema file.
        #[arg(value_name = "SCHEMA")]
        schema: PathBuf,
        /// The address to listen on (`127.0.0.1:0` picks a free port; the address is printed).
        #[arg(long, value_name = "ADDR")]
        listen: std::net::SocketAddr,
        /// A route: 'METHOD PATH=REQUEST:RESPONSE' (messages or structs of the schema); repeat
        /// for more.
        #[arg(long = "route", value_name = "ROUTE", required = true, value_parser = mock::parse_route)]
        routes: Vec<mock::RouteSpec>,
        /// The shape of the answer to an invalid request.
        #[arg(long, value_enum, default_value_t = mock::ErrorStyle::Plain)]
        errors: mock::ErrorStyle,
        /// Report fields the schema does not name as `unknown_field` violations.
        #[arg(long)]
        deny_unknown: bool,
        /// Refuse a body larger than N bytes (413).
        #[arg(long, value_name = "N", default_value_t = 1024 * 1024)]
        max_bytes: usize,
    },
}

/// How `validate` and `diff` print their results.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// rustc-like text, one violation a line.
    Text,
    /// One JSON object per input (`validate`), one for the whole comparison (`diff`).
    Json,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return usage_error(&error),
    };
    match cli.command {
        Command::Check { explain, schemas } => check::run(&schemas, explain),
        Command::Expand { schema } => expand::run(&schema),
        Command::JsonSchema { schema, message } => json_schema::run(&schema, message.as_deref()),
        Command::Validate {
            schema,
            message,
            format,
            deny_unknown,
            max_violations,
            max_bytes,
            jsonl,
            jobs,
            files,
        } => {
            let options = validate::Options {
                format,
                deny_unknown,
                limits: validate::Limits {
                    max_violations,
                    max_bytes,
                },
                jsonl,
                jobs,
            };
            validate::run(&schema, &message, &options, &files)
        }
        Command::Diff { old, new, format } => diff::run(&old, &new, format),
        Command::Sample {
            schema,
            message,
            count,
            seed,
            invalid,
        } => {
            let request = sample::Request {
                message: &message,
                count,
                seed,
                invalid,
            };
            sample::run(&schema, &request)
        }
        Command::Mock {
            schema,
            listen,
            routes,
            errors,
            deny_unknown,
            max_bytes,
        } => mock::run(mock::Options {
            schema,
            listen,
            routes,
            errors,
            deny_unknown,
            max_bytes,
        }),
    }
}

/// Bad arguments: clap's message, with the usage line of the command at fault when clap's own
/// message has none (an invalid value: `--max-bytes x`), and exit code 2; `--help` and
/// `--version` print as asked and exit 0.
fn usage_error(error: &clap::Error) -> ExitCode {
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        // Printing to a closed stdout has nothing left to report.
        let _ = error.print();
        return ExitCode::SUCCESS;
    }
    let message = error.render().to_string();
    eprint!("{message}");
    if !message.contains("Usage:") {
        let mut command = Cli::command();
        command.build();
        let name = std::env::args().nth(1).unwrap_or_default();
        let usage = match command.find_subcommand_mut(&name) {
            Some(sub) => sub.render_usage(),
            None => command.render_usage(),
        };
        eprintln!("\n{usage}");
    }
    ExitCode::from(2)
}
