//! The leaf rules a field's string goes through besides its format: length, charset, fixed
//! value, and the Luhn check digit (which `PAN luhn` adds to the card number format).

mod charset;
mod fixed;
mod length;
mod luhn;

pub use charset::{Charset, check_charset};
pub use fixed::check_const;
pub use length::{LengthUnit, check_length};
pub use luhn::check_luhn;
