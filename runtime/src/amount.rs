//! Amounts in minor units.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::serde_str::serde_via_str;
use crate::{Currency, RuleError};

/// A positive integer amount in minor units, written as a string of at most 16 digits without
/// a leading zero (`"100"` = 100 cents).
///
/// ```
/// use fieldtab_runtime::MinorUnits;
///
/// let v: MinorUnits = "100".parse().unwrap();
/// assert_eq!(v.get(), 100);
/// assert!("0100".parse::<MinorUnits>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MinorUnits(u64);

impl MinorUnits {
    /// The largest value (16 nines).
    pub const MAX: MinorUnits = MinorUnits(9_999_999_999_999_999);

    /// Parses the digits; the one implementation of the `MinorUnits` format rule.
    pub(crate) fn parse(_s: &[u8]) -> Result<MinorUnits, RuleError> {
        todo!()
    }

    /// `value` if it is 1..=9,999,999,999,999,999.
    pub const fn new(value: u64) -> Option<MinorUnits> {
        if value >= 1 && value <= MinorUnits::MAX.0 {
            Some(MinorUnits(value))
        } else {
            None
        }
    }

    /// The number.
    pub const fn get(self) -> u64 {
        self.0
    }
}

impl FromStr for MinorUnits {
    type Err = RuleError;
    fn from_str(s: &str) -> Result<MinorUnits, RuleError> {
        MinorUnits::parse(s.as_bytes())
    }
}

impl fmt::Display for MinorUnits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

serde_via_str!(MinorUnits, "a positive integer in minor units, as a string");

/// An amount of money: a currency and a value in its minor units.
///
/// ```
/// use fieldtab_runtime::{Amount, Currency, MinorUnits};
///
/// let a = Amount::new(Currency::from_code("KWD").unwrap(), MinorUnits::new(1000).unwrap());
/// assert_eq!(a.to_decimal().to_string(), "1.000");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Amount {
    /// The currency.
    pub currency: Currency,
    /// The value in the currency's minor units.
    pub value: MinorUnits,
}

impl Amount {
    /// An amount.
    pub const fn new(currency: Currency, value: MinorUnits) -> Amount {
        Amount { currency, value }
    }

    /// The value in major units, with exactly the currency's number of decimals.
    pub fn to_decimal(&self) -> DecimalAmount {
        DecimalAmount {
            minor: self.value.get(),
            exponent: self.currency.exponent(),
        }
    }
}

/// An amount in major units: [`Amount::to_decimal`]. `Display` writes exactly the currency's
/// number of decimals (USD `1.00`, JPY `100`, KWD `1.000`).
///
/// ```
/// use fieldtab_runtime::DecimalAmount;
///
/// assert_eq!(DecimalAmount::new(5, 2).to_string(), "0.05");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DecimalAmount {
    minor: u64,
    exponent: u8,
}

impl DecimalAmount {
    /// `minor` × 10^−`exponent`.
    pub const fn new(minor: u64, exponent: u8) -> DecimalAmount {
        DecimalAmount { minor, exponent }
    }
    /// The value in minor units.
    pub const fn minor(self) -> u64 {
        self.minor
    }
    /// The number of decimals.
    pub const fn exponent(self) -> u8 {
        self.exponent
    }
}

impl fmt::Display for DecimalAmount {
    fn fmt(&self, _f: &mut fmt::Formatter<'_>) -> fmt::Result {
        todo!()
    }
}

impl fmt::Display for Amount {
    /// `"USD 1.00"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.currency, self.to_decimal())
    }
}

impl FromStr for Amount {
    type Err = RuleError;
    /// Parses `"USD 1.00"`: a currency code, one space, and the value in major units with
    /// exactly the currency's number of decimals.
    fn from_str(_s: &str) -> Result<Amount, RuleError> {
        todo!()
    }
}
