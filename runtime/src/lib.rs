//! Runtime types and validation rules shared by fieldtab's generated code and its dynamic
//! validator. Every rule is implemented here exactly once.
//!
//! - character classes and lengths: [`Charset`], [`check_charset`], [`check_length`];
//! - fixed values and card numbers: [`check_const`], [`check_luhn`];
//! - value formats: [`Format::check`], and the typed values [`LocalTime`], [`GmtOffset`],
//!   [`Timestamp`], [`Currency`], [`NumericCurrency`], [`MinorUnits`], [`Amount`], [`Pan`];
//! - the violation report: [`Rule`], [`RuleError`], [`Path`], [`Violation`], [`Report`];
//! - the traits generated code implements: [`Validate`], [`Message`].
//!
//! No rule allocates when the value is valid; a [`RuleError`]'s message never contains the
//! value it rejected.
//!
//! ```
//! use fieldtab_runtime::{check_charset, check_length, Charset, LengthUnit, Path, Report};
//!
//! let mut report = Report::new();
//! let root = Path::root();
//! let header = root.key("header");
//! let field = header.key("procType");
//! if let Err(e) = check_length("4a1", LengthUnit::Bytes, 2, 2) {
//!     report.push(&field, e);
//! }
//! if let Err(e) = check_charset("4a1", Charset::N) {
//!     report.push(&field, e);
//! }
//! assert_eq!(report.len(), 2);
//! assert_eq!(report.violations()[0].path, "/header/procType");
//! ```

mod amount;
mod charset;
mod currency;
mod decimal;
mod decode;
mod digits;
mod field_rules;
mod fixed;
mod format;
mod gmt_offset;
mod image;
mod json_text;
mod length;
mod local_time;
mod luhn;
mod mobile;
mod pan;
mod path;
mod report;
mod rule;
mod serde_str;
mod timestamp;
mod url;
mod validate;
mod wire_str;

/// The ISO 4217 table behind [`Currency`].
#[doc(no_inline)]
pub use iso_currency;
/// The date/time crate of [`LocalTime`], [`GmtOffset`] and [`Timestamp`]'s conversions.
#[doc(no_inline)]
pub use time;

pub use amount::{Amount, DecimalAmount, MinorUnits};
pub use charset::{Charset, check_charset};
pub use currency::{Currency, NumericCurrency};
#[doc(hidden)]
pub use decode::__decode;
pub use decode::{
    Decode, DecodeOptions, from_json, from_json_with, from_str, validate_json, validate_json_with,
};
pub use field_rules::StrRules;
pub use fixed::check_const;
pub use format::{Format, ImageKinds};
pub use gmt_offset::GmtOffset;
pub use length::{LengthUnit, check_length};
pub use local_time::LocalTime;
pub use luhn::check_luhn;
pub use pan::Pan;
pub use path::Path;
pub use report::{Report, Violation};
pub use rule::{JsonKind, Rule, RuleError};
pub use timestamp::Timestamp;
pub use validate::{Message, Validate};
pub use wire_str::{ToWireStr, WireStr};
