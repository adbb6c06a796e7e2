//! fieldtab's code generator: schema text -> syntax tree (with spans) -> checked model -> Rust
//! tokens; rustc-style diagnostics; the dynamic validator used by the CLI.

pub mod model;
