//! fieldtab's code generator: schema text -> syntax tree (with spans) -> checked model -> Rust
//! tokens; rustc-style diagnostics; the dynamic validator used by the CLI.

pub mod dynamic;
pub mod model;

// The reader: lexer -> parser -> syntax tree -> checker -> model, with diagnostics.
mod check;
mod check_module;
mod diagnostics;
pub mod format_registry;
mod lexer;
mod parser;
mod schema;
mod syntax;

pub use diagnostics::{Diagnostic, Diagnostics};
pub use schema::Schema;

pub use dynamic::validate_json;

mod builder;
mod emit_debug;
mod emit_decode;
mod emit_doc;
mod emit_enum;
pub mod emit_json_schema;
mod emit_rust;
mod emit_struct;
#[cfg(test)]
mod emit_tests;
mod emit_types;
mod emit_validate;
mod names;

pub use builder::{BuildError, Builder, GENERATED_HEADER};
pub use emit_json_schema::{JsonSchema, JsonSchemaError, JsonSchemaOptions, json_schema};
pub use emit_rust::{rust_pretty, rust_tokens};
