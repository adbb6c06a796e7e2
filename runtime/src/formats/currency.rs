//! ISO 4217 currencies, from the maintained table of the `iso_currency` crate.

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use super::digits::{Text, fixed};
use super::owned;
use super::serde_str::serde_via_str;
use crate::RuleError;
use std::borrow::Cow;

/// An ISO 4217 currency, written as its alphabetic code (`USD`, upper case only).
///
/// The table (codes, numeric codes, minor-unit exponents) is the maintained one of the
/// `iso_currency` crate, not a hand list. `FromStr`, `Display` and serde use the alpha code;
/// [`NumericCurrency`] is the same currency written as its numeric code.
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

/// The index of three capitals `A`-`Z` in a 26³ table.
fn alpha_key(a: u8, b: u8, c: u8) -> usize {
    let d = |x: u8| usize::from(x.wrapping_sub(b'A'));
    (d(a) * 26 + d(b)) * 26 + d(c)
}

/// Alpha code -> numeric code (0: none), built once from the `iso_currency` table so that a
/// lookup is one index instead of a string match over every code.
fn alpha_index() -> &'static [u16; 26 * 26 * 26] {
    static INDEX: OnceLock<[u16; 26 * 26 * 26]> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = [0u16; 26 * 26 * 26];
        for numeric in 1..1000 {
            if let Some(c) = iso_currency::Currency::from_numeric(numeric)
                && let [a, b, c] = *c.code().as_bytes()
                && [a, b, c].iter().all(u8::is_ascii_uppercase)
            {
                index[alpha_key(a, b, c)] = numeric;
            }
        }
        index
    })
}

impl Currency {
    /// Parses an alpha code; the one implementation of the `CurrencyAlpha` format rule.
    #[inline]
    pub(crate) fn parse_alpha(s: &[u8]) -> Result<Currency, RuleError> {
        let key = match s {
            [a, b, c]
                if a.is_ascii_uppercase() && b.is_ascii_uppercase() && c.is_ascii_uppercase() =>
            {
                alpha_key(*a, *b, *c)
            }
            _ => {
                return Err(RuleError::format(
                    "must be an ISO 4217 alphabetic currency code (three capital letters)",
                ));
            }
        };
        let numeric = alpha_index().get(key).copied().unwrap_or(0);
        iso_currency::Currency::from_numeric(numeric)
            .filter(|_| numeric != 0)
            .map(Currency)
            .ok_or_else(|| RuleError::format("is not an ISO 4217 currency code"))
    }

    /// Parses a numeric code; the one implementation of the `CurrencyNumeric` format rule.
    #[inline]
    pub(crate) fn parse_numeric(s: &[u8]) -> Result<Currency, RuleError> {
        let Some(numeric) = fixed::<3>(s, 0).filter(|_| s.len() == 3) else {
            return Err(RuleError::format(
                "must be an ISO 4217 numeric currency code (three digits)",
            ));
        };
        // Three digits fit in u16.
        iso_currency::Currency::from_numeric(numeric as u16)
            .map(Currency)
            .ok_or_else(|| RuleError::format("is not an ISO 4217 numeric currency code"))
    }

    /// The currency of an alpha code (`"EUR"`), upper case only.
    ///
    /// ```
    /// use fieldtab_runtime::Currency;
    /// assert!(Currency::from_code("EUR").is_some());
    /// assert!(Currency::from_code("eur").is_none());
    /// assert!(Currency::from_code("ABC").is_none());
    /// ```
    pub fn from_code(code: &str) -> Option<Currency> {
        Currency::parse_alpha(code.as_bytes()).ok()
    }

    /// The currency of a numeric code (`978`).
    ///
    /// ```
    /// let c = fieldtab_runtime::Currency::from_numeric(978).unwrap();
    /// assert_eq!(c.code(), "EUR");
    /// ```
    pub fn from_numeric(numeric: u16) -> Option<Currency> {
        iso_currency::Currency::from_numeric(numeric).map(Currency)
    }

    /// The alpha code (`"EUR"`).
    ///
    /// ```
    /// assert_eq!(fieldtab_runtime::Currency::from_numeric(392).unwrap().code(), "JPY");
    /// ```
    pub fn code(self) -> &'static str {
        self.0.code()
    }

    /// The numeric code (`978`).
    ///
    /// ```
    /// assert_eq!(fieldtab_runtime::Currency::from_code("KWD").unwrap().numeric(), 414);
    /// ```
    pub fn numeric(self) -> u16 {
        self.0.numeric()
    }

    /// The minor-unit exponent (USD 2, JPY 0, KWD 3), from the ISO 4217 table; 0 for the
    /// codes that have no minor unit (XAU, XDR, XXX, …).
    ///
    /// ```
    /// use fieldtab_runtime::Currency;
    /// assert_eq!(Currency::from_code("JPY").unwrap().exponent(), 0);
    /// assert_eq!(Currency::from_code("KWD").unwrap().exponent(), 3);
    /// ```
    pub fn exponent(self) -> u8 {
        self.0
            .exponent()
            .and_then(|e| u8::try_from(e).ok())
            .unwrap_or(0)
    }

    /// The English name.
    ///
    /// ```
    /// let c = fieldtab_runtime::Currency::from_code("JPY").unwrap();
    /// assert_eq!(c.name(), "Japanese yen");
    /// ```
    pub fn name(&self) -> &str {
        self.0.name()
    }

    /// The entry of the `iso_currency` table.
    ///
    /// ```
    /// let c = fieldtab_runtime::Currency::from_code("USD").unwrap();
    /// assert_eq!(c.iso(), iso_currency::Currency::USD);
    /// ```
    pub fn iso(self) -> iso_currency::Currency {
        self.0
    }

    /// The same currency, written as its numeric code.
    ///
    /// ```
    /// let c = fieldtab_runtime::Currency::from_code("USD").unwrap();
    /// assert_eq!(c.to_numeric().to_string(), "840");
    /// ```
    pub fn to_numeric(self) -> NumericCurrency {
        NumericCurrency(self)
    }
}

impl NumericCurrency {
    /// The currency.
    ///
    /// ```
    /// let n: fieldtab_runtime::NumericCurrency = "392".parse().unwrap();
    /// assert_eq!(n.currency().exponent(), 0);
    /// ```
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
        f.pad(self.code())
    }
}

impl fmt::Display for NumericCurrency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut t = Text::<3>::new();
        t.digits(u32::from(self.0.numeric()), 3);
        f.pad(t.as_str())
    }
}

serde_via_str!(Currency, "an ISO 4217 alphabetic currency code");
serde_via_str!(NumericCurrency, "an ISO 4217 numeric currency code");

/// The `ISO 4217` format (alphabetic codes).
pub(crate) struct AlphaSpec;

impl super::FormatSpec for AlphaSpec {
    #[inline]
    fn check(&self, value: &str) -> Result<(), RuleError> {
        Currency::parse_alpha(value.as_bytes()).map(drop)
    }

    fn name(&self) -> Cow<'static, str> {
        "ISO 4217".into()
    }

    fn aliases(&self) -> &'static [&'static str] {
        &["ISO 4217 alpha", "ISO-4217"]
    }

    fn samples(&self) -> Vec<String> {
        owned(&["USD", "JPY", "KWD", "CNY", "EUR"])
    }

    fn extremes(&self) -> Option<&'static [&'static str]> {
        Some(&["USD"])
    }

    fn exact_len(&self) -> Option<u32> {
        Some(3)
    }

    fn json_schema_pattern(&self) -> Option<String> {
        // JSON Schema lists the codes (an `enum`).
        None
    }

    fn typed_value(&self) -> Option<&'static str> {
        Some("Currency")
    }
}

/// The `ISO 4217 numeric` format.
pub(crate) struct NumericSpec;

impl super::FormatSpec for NumericSpec {
    #[inline]
    fn check(&self, value: &str) -> Result<(), RuleError> {
        Currency::parse_numeric(value.as_bytes()).map(drop)
    }

    fn name(&self) -> Cow<'static, str> {
        "ISO 4217 numeric".into()
    }

    fn aliases(&self) -> &'static [&'static str] {
        &["ISO-4217 numeric"]
    }

    fn samples(&self) -> Vec<String> {
        owned(&["840", "156", "392", "414", "978"])
    }

    fn extremes(&self) -> Option<&'static [&'static str]> {
        Some(&["840"])
    }

    fn exact_len(&self) -> Option<u32> {
        Some(3)
    }

    fn json_schema_pattern(&self) -> Option<String> {
        // JSON Schema lists the codes (an `enum`).
        None
    }

    fn typed_value(&self) -> Option<&'static str> {
        Some("NumericCurrency")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Rule;

    #[test]
    fn alpha_boundaries() {
        assert_eq!("USD".parse::<Currency>().unwrap().exponent(), 2);
        assert_eq!("JPY".parse::<Currency>().unwrap().exponent(), 0);
        assert_eq!("KWD".parse::<Currency>().unwrap().exponent(), 3);
        assert_eq!("CLF".parse::<Currency>().unwrap().exponent(), 4);
        assert_eq!("XAU".parse::<Currency>().unwrap().exponent(), 0);
        for bad in ["usd", "Usd", "USDX", "US", "", "ZZZ", "ＵSD", "U D", "840"] {
            let e = bad.parse::<Currency>().unwrap_err();
            assert_eq!(e.rule, Rule::Format, "{bad}");
        }
    }

    #[test]
    fn numeric_boundaries() {
        assert_eq!(
            "840".parse::<NumericCurrency>().unwrap().currency().code(),
            "USD"
        );
        assert_eq!("008".parse::<NumericCurrency>().unwrap().to_string(), "008");
        assert_eq!(
            "156".parse::<NumericCurrency>().unwrap().currency().code(),
            "CNY"
        );
        for bad in ["84", "0840", "", "000", "999x", "８40", "USD", "+84", "001"] {
            assert!(bad.parse::<NumericCurrency>().is_err(), "{bad}");
        }
    }

    #[test]
    fn the_index_agrees_with_the_table() {
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                for c in b'A'..=b'Z' {
                    let code = [a, b, c];
                    let code = std::str::from_utf8(&code).unwrap();
                    assert_eq!(
                        Currency::from_code(code).map(Currency::iso),
                        iso_currency::Currency::from_code(code),
                        "{code}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_table_entry_round_trips() {
        for n in 0..1000u16 {
            if let Some(c) = Currency::from_numeric(n) {
                assert_eq!(c.code().parse::<Currency>().unwrap(), c);
                assert_eq!(
                    c.to_numeric()
                        .to_string()
                        .parse::<NumericCurrency>()
                        .unwrap(),
                    c.to_numeric()
                );
            }
        }
    }
}
