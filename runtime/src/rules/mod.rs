//! The leaf rules a field's string goes through besides its format: length, charset and
//! forbidden characters, fixed value, pattern, and the Luhn check digit (which `PAN luhn` adds
//! to the card number format).

mod charset;
mod fixed;
mod forbidden;
mod length;
mod luhn;
mod pattern;

pub use charset::{Charset, check_charset};
pub use fixed::check_const;
pub use forbidden::{check_forbidden, forbidden_list, forbidden_pattern};
pub use length::{LengthUnit, check_length};
pub use luhn::check_luhn;
pub use pattern::{
    LazyPattern, PATTERN_SIZE_LIMIT, Pattern, PatternError, PatternRef, check_pattern,
};
