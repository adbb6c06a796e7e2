//! `fieldtab diff`: what a new version of a schema breaks (docs/SEMANTICS.md §9.7), by
//! `fieldtab_schema::diff`. Exit 0 when nothing is breaking, 1 when something is, 2 when a
//! schema cannot be read or has errors.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use fieldtab_runtime::printable;
use fieldtab_schema::Schema;
use fieldtab_schema::diff::{Change, Class, diff};

use crate::OutputFormat;

pub(crate) fn run(old: &Path, new: &Path, format: OutputFormat) -> ExitCode {
    let load = |path: &Path| {
        Schema::load(path).map_err(|diagnostics| {
            eprintln!("{diagnostics}");
            ExitCode::from(2)
        })
    };
    let (before, after) = match (load(old), load(new)) {
        (Ok(before), Ok(after)) => (before, after),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    let changes = diff(&before.module, &after.module);
    let mut out = io::stdout().lock();
    let written = match format {
        OutputFormat::Text => changes
            .iter()
            .try_for_each(|change| writeln!(out, "{}", printable(&change.to_string()))),
        OutputFormat::Json => writeln!(out, "{}", json(&changes)),
    };
    if written.and_then(|()| out.flush()).is_err() {
        // stdout is gone (a closed pipe): nothing more can be reported.
        return ExitCode::from(2);
    }
    if changes.iter().any(|c| c.class == Class::Breaking) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `{"changes":[{"item","path","change","class"}, …]}`, the keys in that order.
fn json(changes: &[Change]) -> String {
    let string = |s: &str| serde_json::Value::from(s).to_string();
    let entries: Vec<String> = changes
        .iter()
        .map(|c| {
            format!(
                "{{\"item\":{},\"path\":{},\"change\":{},\"class\":{}}}",
                string(&c.item),
                string(&c.path),
                string(&c.change),
                string(c.class.as_str())
            )
        })
        .collect();
    format!("{{\"changes\":[{}]}}", entries.join(","))
}
