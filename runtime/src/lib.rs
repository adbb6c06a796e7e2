//! Runtime types and validation rules shared by fieldtab's generated code and its dynamic
//! validator. Every rule is implemented here exactly once.

mod charset;
mod format;

pub use charset::Charset;
pub use format::{Format, ImageKinds};
