//! fieldtab's schema reader: a Markdown schema file (and the files it imports) -> a checked
//! [`model::Module`], with rustc-style [`Diagnostics`] for every error; and the dynamic
//! validator, which checks JSON against any message of a loaded schema without generating code.
//!
//! The pipeline: [`Schema::load`] reads each file (`read/`: lexer, parser, syntax tree), checks
//! it (`check/`: cells, then the module-wide checks) and gives the [`model`]. The dynamic
//! validator ([`dynamic::Validator`]) interprets that model with the runtime's rules.
//! [`names`] decides the Rust names generated code gives the model's fields, items and enum
//! values (the checker reports two that would collide); [`suggest`] is the did-you-mean of
//! every error message.
//!
//! This crate depends on no proc-macro machinery (syn, quote, prettyplease): a server that
//! validates JSON against a schema at run time links only the reader and the runtime.

pub mod diff;
pub mod dynamic;
pub mod model;
pub mod names;
pub mod prose;
pub mod sample;
pub mod suggest;

mod check;
mod diagnostics;
mod load;
mod read;

pub use check::MAX_VARIANT_FIELDS;
pub use diagnostics::{Diagnostic, Diagnostics, Note, NoteSpan, Severity};
pub use load::{MAX_FILES, MAX_IMPORT_DEPTH, Schema};
