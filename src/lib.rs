//! fieldtab: schema-first code generation and validation for JSON payment APIs whose
//! specifications are field tables (UnionPay International, Alipay+).
//!
//! A schema is a Markdown file holding the vendor's tables: identifier, ISO 8583 type code
//! (`N`, `AN`, `ANS`…), length, M/O, format ([`schema_language`]). From it fieldtab generates
//! Rust message types that decode JSON in one pass and report **every** violation with its JSON
//! Pointer path, and validates messages against a schema read at run time. This facade is the
//! one dependency a crate using generated code needs: it re-exports the runtime
//! (`fieldtab-runtime`) and `include_schema!` (`fieldtab-macros`), and adds [`to_json`].
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
//!
//! # Three ways to generate
//!
//! - **The macro**, `include_schema!("path.md", options…)` (default feature `macros`): the
//!   items are generated at compile time, the path relative to the crate's `Cargo.toml`; a bad
//!   schema is a compile error holding every diagnostic.
//! - **A build script**, with `fieldtab-codegen` in `[build-dependencies]`: the code is written
//!   to `OUT_DIR` (or any folder), one file per schema, and included. A crate that only does
//!   this can turn off the default features and compile no proc-macro.
//!
//!   ```ignore
//!   // build.rs: a bad schema fails the build with its diagnostics (`cargo::error` lines)
//!   fieldtab_codegen::Builder::new().compile_or_exit(&["schemas/upi/enrollment_registration.md"]);
//!   // src/lib.rs
//!   mod upi { include!(concat!(env!("OUT_DIR"), "/enrollment_registration.rs")); }
//!   ```
//! - **The CLI**, `fieldtab expand SCHEMA > src/upi.rs` (package `fieldtab-cli`): the code in
//!   the source tree, reviewed like any other file; `fieldtab check` prints the diagnostics.
//!
//! A schema file outside the crate's folder gets a warning from the macro and the builder:
//! `cargo package` would leave it out of the published crate.
//!
//! # Decoding and validation
//!
//! - [`from_json`] (and [`from_str`], [`from_json_with`] with [`DecodeOptions`]): bytes to a
//!   typed value in one pass, or a [`Report`] of every [`Violation`] (path, [`Rule`],
//!   message). The typed fields ([`LocalTime`], [`GmtOffset`], [`Pan`], [`Currency`],
//!   [`Number`], …) are valid by construction.
//! - [`validate_json`]: the same verdict and report without building a value.
//! - [`Validate::validate`] on a value built in code, before sending it; [`to_json`] writes it
//!   with the vendor's identifiers.
//! - Reports are bounded ([`MAX_VIOLATIONS`]); a path is printed through [`printable`], and no
//!   value is ever quoted, so a report can go to a log or back to the sender.
//! - Without generated code: `fieldtab_schema::dynamic::Validator` checks a message against a
//!   schema loaded at run time, with the same checks (`fieldtab validate` on the command line).
//!
//! # The server pattern
//!
//! Decode the body with [`from_json`]; on a [`Report`], answer 400 with
//! [`to_json`]`(&report)` (a JSON list of `{"path", "rule", "message"}`), which names the
//! fields and rules and never echoes a value:
//!
//! ```
//! mod upi {
//!     fieldtab::include_schema!("schemas/upi/enrollment_registration.md");
//! }
//! fn receive(body: &[u8]) -> (u16, String) {
//!     match fieldtab::from_json::<upi::EnrollmentRegistrationRequest>(body) {
//!         Ok(request) => (200, format!("accepted {}", request.header.ref_num)),
//!         Err(report) => (400, fieldtab::to_json(&report).unwrap_or_default()),
//!     }
//! }
//! let (status, answer) = receive(br#"{"header": {"procType": "41"}}"#);
//! assert_eq!(status, 400);
//! assert!(answer.starts_with(r#"[{"path":"/header/signCertId","rule":"required","#));
//! ```
//!
//! With the feature `axum`, `fieldtab::axum::Valid` is that pattern as an extractor, with
//! responders that answer in a vendor's own error shape (see the `axum` module).
//!
//! # Options
//!
//! The macro's options and the build script's `Builder` setters are one model
//! (`fieldtab_codegen::Options`): extra derives for every item or one, attributes on items
//! and fields, Rust names for items and fields (also the fix when two identifiers give one
//! name), an existing Rust type for an item, and the function of each custom format
//! (`custom(NAME)` in a Format cell: a `fn(&str) -> Result<(), FormatError>`, see
//! [`CustomFormat`]). Generated structs derive `Eq` and `Hash`; enums implement `Display` and
//! `FromStr` ([`UnknownEnumValue`]).
//!
//! ```ignore
//! fieldtab::include_schema!(
//!     "schemas/upi/enrollment_registration.md",
//!     derive(EnrollmentRegistrationResponseHeader: PartialOrd, Ord),
//!     attribute(EnrollmentRegistrationRequest = #[non_exhaustive]),
//!     rename(EnrollmentRegistrationData.cardNo = pan),
//!     extern_type(EnrollmentRegistrationData = crate::shared::CardholderData),
//!     format("merchant-ref" = crate::formats::merchant_ref),
//! );
//! ```
//!
//! Schemas that import one file share its types with `extern_schema`: the file is generated
//! once, and each importing schema refers to its items there (`Builder::extern_schema` in a
//! build script). The shipped UPI schemas share `schemas/upi/common.md`:
//!
//! ```ignore
//! pub mod common { fieldtab::include_schema!("schemas/upi/common.md"); }
//! pub mod enrollment {
//!     fieldtab::include_schema!(
//!         "schemas/upi/enrollment_registration.md",
//!         extern_schema("common.md" = crate::common), // `EnrollmentRegistrationData` is `common::Cardholder`
//!     );
//! }
//! ```
//!
//! # Items
//!
//! - Decoding: [`from_json`], [`from_str`], [`from_json_with`], [`validate_json`],
//!   [`validate_json_with`], [`DecodeOptions`], [`Decode`].
//! - Validation and reports: [`Validate`], [`Message`], [`Report`], [`Violation`], [`Rule`],
//!   [`RuleError`], [`Path`], [`printable`].
//! - Typed values: [`LocalTime`], [`GmtOffset`], [`Timestamp`], [`Currency`],
//!   [`NumericCurrency`], [`MinorUnits`], [`Amount`], [`DecimalAmount`], [`Pan`], [`Number`],
//!   [`RawObject`].
//! - Writing JSON: [`to_json`], [`to_json_pretty`], [`ToJsonError`].
//! - The rules themselves, for hand-written checks: [`Charset`], [`Format`], [`check_length`],
//!   [`check_charset`], … and [`plan`], the per-field description generated code runs;
//!   custom formats: [`CustomFormat`], [`FormatError`].
//! - The schema language: [`schema_language`].

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

/// The schema language: how a Markdown file of field tables reads (`schemas/README.md` of the
/// repository, included here).
#[doc = include_str!("../schemas/README.md")]
pub mod schema_language {}

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
