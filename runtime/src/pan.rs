//! Card numbers (primary account numbers) that never print in clear.

use std::fmt;
use std::str::FromStr;

use crate::RuleError;
use crate::serde_str::serde_via_str;

/// A card number: 12 to 19 ASCII digits. `Debug` and `Display` show at most the first 6 and the
/// last 4 digits (PCI DSS 3.4), the rest as `*`; serde writes the whole number (it is the wire
/// value), and [`Pan::reveal`] gives it explicitly.
///
/// ```
/// use fieldtab_runtime::Pan;
///
/// let pan: Pan = "6214835920672688".parse().unwrap();
/// assert_eq!(pan.to_string(), "621483******2688");
/// assert_eq!(format!("{pan:?}"), "Pan(621483******2688)");
/// assert_eq!(pan.reveal(), "6214835920672688");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Pan {
    digits: [u8; Pan::MAX_LEN],
    len: u8,
}

impl Pan {
    /// The fewest digits of a card number.
    pub const MIN_LEN: usize = 12;
    /// The most digits of a card number (ISO/IEC 7812).
    pub const MAX_LEN: usize = 19;

    /// Parses the digits; the one implementation of the `Pan` format rule (without Luhn).
    pub(crate) fn parse(_s: &[u8]) -> Result<Pan, RuleError> {
        todo!()
    }

    /// The whole number, in clear. Never log it.
    pub fn reveal(&self) -> &str {
        todo!()
    }

    /// Whether the Luhn check digit is right.
    pub fn luhn_valid(&self) -> bool {
        todo!()
    }
}

impl FromStr for Pan {
    type Err = RuleError;
    fn from_str(s: &str) -> Result<Pan, RuleError> {
        Pan::parse(s.as_bytes())
    }
}

impl fmt::Display for Pan {
    fn fmt(&self, _f: &mut fmt::Formatter<'_>) -> fmt::Result {
        todo!()
    }
}

impl fmt::Debug for Pan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Pan({self})")
    }
}

serde_via_str!(Pan, "a card number");
