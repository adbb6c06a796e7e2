//! fieldtab: schema-first code generation and validation for JSON payment APIs whose
//! specifications are field tables (UnionPay International, Alipay+).
//!
//! This facade re-exports the runtime crate (`fieldtab-runtime`) and the `include_schema!`
//! macro (`fieldtab-macros`), as `serde` re-exports `serde_derive`.

pub use fieldtab_runtime::*;

/// Not public API: the paths generated code names. Changes here are not breaking changes.
#[doc(hidden)]
pub mod __private {
    pub use fieldtab_runtime::*;
}
