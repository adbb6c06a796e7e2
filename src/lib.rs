//! fieldtab: schema-first code generation and validation for JSON payment APIs whose
//! specifications are field tables (UnionPay International, Alipay+).
//!
//! This facade re-exports the runtime crate (`fieldtab-runtime`) and the `include_schema!`
//! macro (`fieldtab-macros`), as `serde` re-exports `serde_derive`, and adds [`to_json`]. A
//! crate that uses the generated code needs this one dependency.
//!
//! ```
//! mod enrollment {
//!     // Relative to the crate's Cargo.toml; cargo rebuilds when the schema changes.
//!     fieldtab::include_schema!("schemas/upi/enrollment_registration.md");
//! }
//! use fieldtab::Validate;
//! use enrollment::EnrollmentRegistrationRequest;
//!
//! let json = br#"{
//!     "header": {"procType": "41", "signCertId": "001", "encCertId": "002",
//!                "insCode": "39990157", "pid": "1000000001", "refNum": "202411220000001",
//!                "localTime": "20241122141530", "localTimeZone": "GMT+08:00"},
//!     "data": {"userToken": "USR20241122A7", "cardNo": "6214835920672688"}
//! }"#;
//! let mut request: EnrollmentRegistrationRequest = fieldtab::from_json(json).unwrap();
//! assert!(request.is_valid());
//! assert!(!format!("{request:?}").contains("6214835920672688")); // masked
//!
//! request.header.pid = "10000000019".into(); // 11 digits: N 10
//! let report = request.validate().unwrap_err();
//! assert_eq!(report.violations()[0].path, "/header/pid");
//! assert_eq!(report.violations()[0].rule.as_str(), "length");
//! ```

mod enum_value;
#[cfg(feature = "proptest")]
pub mod proptest;
mod to_json;

#[cfg(feature = "axum")]
pub mod axum;

pub use enum_value::UnknownEnumValue;
#[cfg(feature = "macros")]
pub use fieldtab_macros::include_schema;
pub use fieldtab_runtime::*;
pub use to_json::{ToJsonError, to_json, to_json_pretty};

/// The code snippets of README.md, compiled (and run, unless marked `no_run`) as doctests by
/// `cargo test --workspace`, so the README cannot drift from the API.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// Not public API: the paths generated code names. Changes here are not breaking changes.
///
/// Generated code reaches everything through here, so a crate whose only dependency is
/// `fieldtab` compiles it.
#[doc(hidden)]
pub mod __private {
    pub use fieldtab_runtime::*;
    pub use serde;
    pub use serde_json;

    pub use crate::UnknownEnumValue;

    use std::fmt;

    /// What a generated `Debug` prints in place of a sensitive value.
    pub struct Redacted;

    impl fmt::Debug for Redacted {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("***")
        }
    }
}
