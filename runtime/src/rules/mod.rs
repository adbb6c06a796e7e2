//! The leaf rules a field's string goes through besides its format: length, charset and
//! forbidden characters, fixed value, pattern, and the Luhn check digit (which `PAN luhn` adds
//! to the card number format); the rules of numbers (integer, range, scale); and the count of
//! a collection's elements (`items`).

mod charset;
mod fixed;
mod forbidden;
mod items;
mod length;
mod luhn;
mod number;
mod pattern;

pub use charset::{Charset, check_charset};
pub use fixed::check_const;
pub use forbidden::{check_forbidden, forbidden_list, forbidden_pattern};
pub use items::{Counted, Items};
pub use length::{LengthUnit, check_length};
pub use luhn::check_luhn;
pub(crate) use number::integer_value;
pub use number::{NumberRules, check_number, is_json_integer, is_json_number};
pub use pattern::{
    LazyPattern, PATTERN_SIZE_LIMIT, Pattern, PatternError, PatternRef, check_pattern,
};
