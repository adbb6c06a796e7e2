//! The values of an `## enum` item's table: each once, each a distinct Rust variant.

use std::collections::HashMap;

use super::cells::{is_placeholder, strip_code};
use super::file::{Column, ENUM_COLUMNS, FileChecker, note};
use crate::model::EnumValue;
use crate::names;
use crate::read::syntax::Table;

impl FileChecker<'_> {
    /// The values of an enum's table, reporting an empty, duplicate or colliding one.
    pub(super) fn enum_values(&mut self, table: &Table) -> Vec<EnumValue> {
        let columns = self.columns(table, ENUM_COLUMNS, &[Column::Value]);
        if table.alignment.cells.len() != table.header.cells.len() {
            self.ragged(table, &table.alignment);
        }
        let mut values: Vec<EnumValue> = Vec::new();
        let mut seen: HashMap<String, u32> = HashMap::new();
        let mut variants: HashMap<String, String> = HashMap::new();
        for row in &table.rows {
            if self.ragged(table, row) {
                continue;
            }
            let mut value = None;
            let mut doc = String::new();
            for (cell, column) in row.cells.iter().zip(&columns) {
                match column {
                    Some(Column::Value) => value = Some(cell),
                    Some(Column::Note) if !is_placeholder(&cell.text) => doc = note(&cell.text),
                    _ => {}
                }
            }
            let Some(cell) = value else { continue };
            let text = strip_code(&cell.text);
            if text.is_empty() {
                self.error(cell.span, "empty enum value", None);
                continue;
            }
            if let Some(line) = seen.get(text) {
                self.error(
                    cell.span,
                    format!("duplicate enum value `{text}`"),
                    Some(format!("first listed on line {line}")),
                );
                continue;
            }
            seen.insert(text.to_string(), cell.span.line);
            // Generated code turns values into Rust variants; two values must not collide. Values
            // without an ASCII letter or digit (`-`, `是`) all read as `Empty`: numbered, not an
            // error (a wire value cannot be renamed, and no name would be better).
            if text.bytes().any(|b| b.is_ascii_alphanumeric()) {
                let variant = names::variant_name(text);
                if let Some(other) = variants.get(&variant) {
                    self.error(
                        cell.span,
                        format!("enum values `{other}` and `{text}` give the same Rust variant `{variant}`"),
                        Some("rename one of the values".into()),
                    );
                    continue;
                }
                variants.insert(variant, text.to_string());
            }
            values.push(EnumValue {
                value: text.to_string(),
                doc,
            });
        }
        values
    }
}
