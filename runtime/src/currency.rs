//! ISO 4217 currencies, from the maintained table of the `iso_currency` crate.

use std::fmt;
use std::str::FromStr;

use crate::RuleError;
use crate::serde_str::serde_via_str;

/// An ISO 4217 currency, written as its alphabetic code (`USD`, upper case only).
///
/// ```
/// use fieldtab_runtime::Currency;
///
/// let usd: Currency = "USD".parse().unwrap();
/// assert_eq!(usd.numeric(), 840);
/// assert_eq!(usd.exponent(), 2);
/// assert!("usd".parse::<Currency>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Currency(iso_currency::Currency);

/// The same currencies as [`Currency`], written as the three-digit numeric code (`840`, `036`).
///
/// ```
/// use fieldtab_runtime::NumericCurrency;
///
/// let c: NumericCurrency = "036".parse().unwrap();
/// assert_eq!(c.currency().code(), "AUD");
/// assert_eq!(c.to_string(), "036");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NumericCurrency(Currency);

impl Currency {
    /// Parses an alpha code; the one implementation of the `CurrencyAlpha` format rule.
    pub(crate) fn parse_alpha(_s: &[u8]) -> Result<Currency, RuleError> {
        todo!()
    }

    /// Parses a numeric code; the one implementation of the `CurrencyNumeric` format rule.
    pub(crate) fn parse_numeric(_s: &[u8]) -> Result<Currency, RuleError> {
        todo!()
    }

    /// The currency of an alpha code (`"EUR"`), upper case only.
    pub fn from_code(code: &str) -> Option<Currency> {
        Currency::parse_alpha(code.as_bytes()).ok()
    }

    /// The currency of a numeric code (`978`).
    pub fn from_numeric(numeric: u16) -> Option<Currency> {
        iso_currency::Currency::from_numeric(numeric).map(Currency)
    }

    /// The alpha code (`"EUR"`).
    pub fn code(self) -> &'static str {
        self.0.code()
    }

    /// The numeric code (`978`).
    pub fn numeric(self) -> u16 {
        self.0.numeric()
    }

    /// The minor-unit exponent (USD 2, JPY 0, KWD 3; 0 for currencies without a minor unit).
    pub fn exponent(self) -> u8 {
        todo!()
    }

    /// The English name.
    pub fn name(self) -> &'static str {
        todo!()
    }

    /// The entry of the `iso_currency` table.
    pub fn iso(self) -> iso_currency::Currency {
        self.0
    }

    /// The same currency, written as its numeric code.
    pub fn to_numeric(self) -> NumericCurrency {
        NumericCurrency(self)
    }
}

impl NumericCurrency {
    /// The currency.
    pub fn currency(self) -> Currency {
        self.0
    }
}

impl From<iso_currency::Currency> for Currency {
    fn from(c: iso_currency::Currency) -> Currency {
        Currency(c)
    }
}

impl From<Currency> for NumericCurrency {
    fn from(c: Currency) -> NumericCurrency {
        NumericCurrency(c)
    }
}

impl From<NumericCurrency> for Currency {
    fn from(c: NumericCurrency) -> Currency {
        c.0
    }
}

impl FromStr for Currency {
    type Err = RuleError;
    fn from_str(s: &str) -> Result<Currency, RuleError> {
        Currency::parse_alpha(s.as_bytes())
    }
}

impl FromStr for NumericCurrency {
    type Err = RuleError;
    fn from_str(s: &str) -> Result<NumericCurrency, RuleError> {
        Currency::parse_numeric(s.as_bytes()).map(NumericCurrency)
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Display for NumericCurrency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:03}", self.0.numeric())
    }
}

serde_via_str!(Currency, "an ISO 4217 alphabetic currency code");
serde_via_str!(NumericCurrency, "an ISO 4217 numeric currency code");
