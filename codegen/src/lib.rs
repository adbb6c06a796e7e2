//! fieldtab's code generator: schema text -> syntax tree (with spans) -> checked model -> Rust
//! tokens; rustc-style diagnostics; the dynamic validator used by the CLI.

pub mod dynamic;
pub mod model;

pub use dynamic::validate_json;

// Used by the emitters as they land; the allow goes when they do.
#[allow(dead_code)]
mod emit_types;
#[allow(dead_code)]
mod names;
