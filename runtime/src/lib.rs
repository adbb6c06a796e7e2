//! Runtime types and validation rules shared by fieldtab's generated code and its dynamic
//! validator. Every rule is implemented here exactly once.
//!
//! - character classes and lengths: [`Charset`], [`check_charset`], [`check_length`];
//! - forbidden characters and patterns: [`check_forbidden`], [`Pattern`], [`check_pattern`];
//! - fixed values and card numbers: [`check_const`], [`check_luhn`];
//! - numbers, on their JSON text: [`check_number`] (integer, range, scale), [`Number`];
//! - value formats: [`Format::check`] and each format's other facts (its names, samples, exact
//!   length, JSON Schema pattern: [`Format::name`], [`Format::samples`], …), and the typed
//!   values [`LocalTime`], [`GmtOffset`], [`Timestamp`], [`Currency`], [`NumericCurrency`],
//!   [`MinorUnits`], [`Amount`], [`Pan`];
//! - the violation report: [`Rule`], [`RuleError`], [`Path`], [`Violation`], [`Report`];
//! - the per-field semantics, once: [`plan::FieldPlan`] and its check (requirement, conditions,
//!   enum, fixed value, conditional formats, in order);
//! - free-form JSON objects kept verbatim: [`RawObject`];
//! - the traits generated code implements: [`Validate`], [`Message`].
//!
//! No rule allocates when the value is valid (a [`Pattern`] once its matcher is warm: see
//! [`Pattern::is_match`]); a [`RuleError`]'s message never contains the value it rejected.
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

mod decode;
mod field_rules;
mod formats;
pub mod json;
mod number;
mod path;
pub mod plan;
mod raw;
mod report;
mod rule;
mod rules;
mod serde_struct;
pub mod suggest;
mod swar;
mod validate;

/// The date/time crate of [`LocalTime`], [`GmtOffset`] and [`Timestamp`]'s conversions.
#[doc(no_inline)]
pub use time;

#[doc(hidden)]
pub use decode::__decode;
pub use decode::{
    Decode, DecodeOptions, MAX_VIOLATIONS, from_json, from_json_with, from_str, validate_json,
    validate_json_with,
};
pub use field_rules::StrRules;
pub use formats::{
    Amount, Currency, CustomFormat, DecimalAmount, Format, FormatError, FormatFn, GmtOffset,
    ImageKinds, LocalTime, MinorUnits, NumericCurrency, Pan, Timestamp, ToWireStr, WireStr,
};
pub use number::{NotANumber, Number};
pub use path::Path;
pub use raw::{RawObject, RawObjectError};
pub use report::{Located, Report, Violation, printable};
pub use rule::{JsonKind, Rule, RuleError};
pub use rules::{
    Charset, Counted, Items, LazyPattern, LengthUnit, NumberRules, PATTERN_SIZE_LIMIT, Pattern,
    PatternError, PatternRef, check_charset, check_const, check_forbidden, check_length,
    check_luhn, check_number, check_pattern, forbidden_list, forbidden_pattern, is_json_integer,
    is_json_number,
};
pub use validate::{Message, Validate};
