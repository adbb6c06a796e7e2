//! fieldtab's code generator: schema text -> syntax tree (with spans) -> checked model -> Rust
//! tokens; rustc-style diagnostics; the dynamic validator used by the CLI.

pub mod dynamic;
pub mod model;

pub use dynamic::validate_json;

mod emit_debug;
mod emit_doc;
mod emit_enum;
mod emit_rust;
mod emit_struct;
#[cfg(test)]
mod emit_tests;
mod emit_types;
mod emit_validate;
mod names;

pub use emit_rust::{rust_pretty, rust_tokens};
