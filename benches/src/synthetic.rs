//! Generated schemas for the code-generation benches and the build-time script: one message of
//! `n` fields, or `n` small message types, in the schema language of `schemas/README.md`.

use std::fmt::Write as _;

/// The type, length, requirement and format cells of field `i` (a fixed mix of what the
/// shipped schemas use: ISO codes, `String`, `Integer`, `Boolean`, formats, optional fields).
fn field_cells(i: usize) -> (&'static str, &'static str, &'static str, &'static str) {
    match i % 10 {
        0 => ("AN", "2", "M", "fixed 41"),
        1 => ("N", "14", "M", "YYYYMMDDHHMISS"),
        2 => ("ANS", "9", "M", "GMT±hh:mm"),
        3 => ("ANS", "500", "O", ""),
        4 => ("N", "19", "M", "PAN; sensitive"),
        5 => ("String", "64", "M", ""),
        6 => ("String", "", "O", "ISO 8601"),
        7 => ("Integer", "", "O", ""),
        8 => ("Boolean", "", "O", ""),
        _ => ("AN", "1..50", "M", ""),
    }
}

fn table_header(out: &mut String) {
    out.push_str("| Field name | Identifier | Type | Length | Request | Format | Note |\n");
    out.push_str("|------------|------------|------|--------|---------|--------|------|\n");
}

fn field_row(out: &mut String, i: usize) {
    let (ty, len, req, format) = field_cells(i);
    let _ = writeln!(
        out,
        "| Field {i} | field{i} | {ty} | {len} | {req} | {format} | The field number {i}. |"
    );
}

/// A schema holding one message with `fields` fields.
pub fn one_message(fields: usize) -> String {
    let mut out = String::with_capacity(fields * 80 + 200);
    out.push_str("# Synthetic\n\nA generated schema for the code generation benches.\n\n");
    out.push_str("## message Synthetic\n\nOne message with many fields.\n\n");
    table_header(&mut out);
    for i in 0..fields {
        field_row(&mut out, i);
    }
    out
}

/// A schema holding `messages` message types of `fields` fields each (`Message0`, …).
pub fn many_messages(messages: usize, fields: usize) -> String {
    let mut out = String::new();
    out.push_str("# Synthetic\n\nGenerated message types for the build-time comparison.\n\n");
    for m in 0..messages {
        let _ = write!(out, "## message Message{m}\n\nMessage number {m}.\n\n");
        table_header(&mut out);
        for i in 0..fields {
            field_row(&mut out, i);
        }
        out.push('\n');
    }
    out
}

/// Hand-written Rust equivalent of [`many_messages`]: the same structs with the same field
/// types (the runtime's `LocalTime`, `GmtOffset`, `Pan`, `Timestamp`), serde derives only, no
/// validation (what a person writes without a generator).
pub fn many_messages_by_hand(messages: usize, fields: usize) -> String {
    let mut out = String::from("//! Hand-written message types (serde derives).\n\n");
    out.push_str("use serde::{Deserialize, Serialize};\n\n");
    for m in 0..messages {
        let _ = writeln!(out, "/// Message number {m}.");
        out.push_str("#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]\n");
        let _ = writeln!(out, "pub struct Message{m} {{");
        for i in 0..fields {
            let (ty, _, req, format) = field_cells(i);
            let base = match (ty, format) {
                (_, "YYYYMMDDHHMISS") => "fieldtab::LocalTime",
                (_, "GMT±hh:mm") => "fieldtab::GmtOffset",
                (_, "PAN; sensitive") => "fieldtab::Pan",
                (_, "ISO 8601") => "fieldtab::Timestamp",
                ("Integer", _) => "i64",
                ("Boolean", _) => "bool",
                _ => "String",
            };
            let _ = writeln!(out, "    /// The field number {i}.");
            let _ = writeln!(out, "    #[serde(rename = \"field{i}\")]");
            if req == "O" {
                out.push_str("    #[serde(default, skip_serializing_if = \"Option::is_none\")]\n");
                let _ = writeln!(out, "    pub field{i}: Option<{base}>,");
            } else {
                let _ = writeln!(out, "    pub field{i}: {base},");
            }
        }
        out.push_str("}\n\n");
    }
    out
}

/// Writes the two crates of `build_time.sh` under `dir`: a workspace with `generated` (the
/// schema of [`many_messages`] through `include_schema!`) and `by_hand` (the same types from
/// [`many_messages_by_hand`]), both depending on the `fieldtab` at `fieldtab_path`.
pub fn write_build_crates(
    dir: &std::path::Path,
    fieldtab_path: &std::path::Path,
    messages: usize,
    fields: usize,
) -> std::io::Result<()> {
    use std::fs;
    let dep = format!(
        "fieldtab = {{ path = {:?} }}\n",
        fieldtab_path.display().to_string()
    );
    fs::create_dir_all(dir.join("generated/src"))?;
    fs::create_dir_all(dir.join("by_hand/src"))?;
    fs::write(
        dir.join("Cargo.toml"),
        "[workspace]\nmembers = [\"generated\", \"by_hand\"]\nresolver = \"3\"\n",
    )?;
    let manifest = |name: &str, extra: &str| {
        format!(
            "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\n{dep}{extra}"
        )
    };
    fs::write(dir.join("generated/Cargo.toml"), manifest("generated", ""))?;
    fs::write(
        dir.join("by_hand/Cargo.toml"),
        manifest(
            "by_hand",
            "serde = { version = \"1\", features = [\"derive\"] }\n",
        ),
    )?;
    fs::write(
        dir.join("generated/schema.md"),
        many_messages(messages, fields),
    )?;
    fs::write(
        dir.join("generated/src/lib.rs"),
        "//! Generated message types.\n\nfieldtab::include_schema!(\"schema.md\");\n",
    )?;
    fs::write(
        dir.join("by_hand/src/lib.rs"),
        many_messages_by_hand(messages, fields),
    )?;
    Ok(())
}
