//! fieldtab: schema-first code generation and validation for JSON payment APIs whose
//! specifications are field tables (UnionPay International, Alipay+).
//!
//! This facade re-exports the runtime crate (`fieldtab-runtime`) and the `include_schema!`
//! macro (`fieldtab-macros`), as `serde` re-exports `serde_derive`.

pub use fieldtab_macros::include_schema;
pub use fieldtab_runtime::*;

/// Not public API: the paths generated code names. Changes here are not breaking changes.
///
/// Generated code reaches everything through here, so a crate whose only dependency is
/// `fieldtab` compiles it.
#[doc(hidden)]
pub mod __private {
    pub use fieldtab_runtime::*;
    pub use serde;
    pub use serde_json;

    use std::fmt;

    /// What a generated `Debug` prints in place of a sensitive value.
    pub struct Redacted;

    impl fmt::Debug for Redacted {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("***")
        }
    }
}
