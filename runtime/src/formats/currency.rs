//! ISO 4217 currencies, from fieldtab's own dated table of List One (`currency_table.rs`).

use std::fmt;
use std::str::FromStr;

use super::currency_table::{ABSENT, BY_ALPHA, BY_NUMERIC, NONE, Row, TABLE, alpha_key};
use super::digits::{Text, fixed};
use super::owned;
use super::serde_str::serde_via_str;
use crate::RuleError;
use std::borrow::Cow;

/// An ISO 4217 currency, written as its alphabetic code (`USD`, upper case only).
///
/// The table (codes, numeric codes, minor units, names) is fieldtab's own copy of ISO 4217
/// List One as current on [`Currency::AS_OF`], sources named in it: withdrawn codes (`HRK`,
/// `CUC`, `ZWL`, `SLL`, `ANG`, `BGN`) are not currencies, new ones (`XCG`, `ZWG`, `VED`,
/// `XAD`) are. `FromStr`, `Display` and serde use the alpha code; [`NumericCurrency`] is the
/// same currency written as its numeric code.
///
/// ```
/// use fieldtab_runtime::Currency;
///
/// let usd: Currency = "USD".parse().unwrap();
/// assert_eq!(usd.numeric(), 840);
/// assert_eq!(usd.exponent(), 2);
/// assert!("usd".parse::<Currency>().is_err());
/// assert!("HRK".parse::<Currency>().is_err());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Currency(u8);

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
    /// The date of the table: ISO 4217 List One as current on this day (`YYYY-MM-DD`).
    ///
    /// ```
    /// assert_eq!(fieldtab_runtime::Currency::AS_OF, "2026-12-01");
    /// ```
    pub const AS_OF: &'static str = super::currency_table::AS_OF;

    /// The row; `self.0` is always a row number (only the indexes make a `Currency`).
    #[inline]
    fn row(self) -> &'static Row {
        &TABLE[usize::from(self.0)]
    }

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
        match BY_ALPHA[key] {
            ABSENT => Err(RuleError::format("is not an ISO 4217 currency code")),
            row => Ok(Currency(row)),
        }
    }

    /// Parses a numeric code; the one implementation of the `CurrencyNumeric` format rule.
    #[inline]
    pub(crate) fn parse_numeric(s: &[u8]) -> Result<Currency, RuleError> {
        let Some(numeric) = fixed::<3>(s, 0).filter(|_| s.len() == 3) else {
            return Err(RuleError::format(
                "must be an ISO 4217 numeric currency code (three digits)",
            ));
        };
        // Three digits: below 1000.
        match BY_NUMERIC[numeric as usize] {
            ABSENT => Err(RuleError::format(
                "is not an ISO 4217 numeric currency code",
            )),
            row => Ok(Currency(row)),
        }
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
        match BY_NUMERIC.get(usize::from(numeric)).copied() {
            None | Some(ABSENT) => None,
            Some(row) => Some(Currency(row)),
        }
    }

    /// Every currency of the table, in the order of their alpha codes.
    ///
    /// ```
    /// let first = fieldtab_runtime::Currency::all().next().unwrap();
    /// assert_eq!(first.code(), "AED");
    /// ```
    pub fn all() -> impl ExactSizeIterator<Item = Currency> + Clone {
        // The table has fewer than 255 rows (a compile-time check in its module).
        (0..TABLE.len()).map(|row| Currency(row as u8))
    }

    /// The alpha code (`"EUR"`).
    ///
    /// ```
    /// assert_eq!(fieldtab_runtime::Currency::from_numeric(392).unwrap().code(), "JPY");
    /// ```
    pub fn code(self) -> &'static str {
        self.row().code
    }

    /// The numeric code (`978`).
    ///
    /// ```
    /// assert_eq!(fieldtab_runtime::Currency::from_code("KWD").unwrap().numeric(), 414);
    /// ```
    pub fn numeric(self) -> u16 {
        self.row().numeric
    }

    /// The minor-unit exponent (USD 2, JPY 0, KWD 3), from the ISO 4217 table; 0 for the
    /// codes that have no minor unit (XAU, XDR, XXX, …: see [`Currency::minor_unit`]).
    ///
    /// ```
    /// use fieldtab_runtime::Currency;
    /// assert_eq!(Currency::from_code("JPY").unwrap().exponent(), 0);
    /// assert_eq!(Currency::from_code("KWD").unwrap().exponent(), 3);
    /// ```
    pub fn exponent(self) -> u8 {
        self.minor_unit().unwrap_or(0)
    }

    /// The minor unit (the number of decimals), or `None` where ISO 4217 writes "N.A.": the
    /// precious metals (XAU, XAG, XPT, XPD), the bond-market units (XBA–XBD), XDR, XSU, XUA,
    /// the testing code XTS and XXX. No amount can be written in minor units of these.
    ///
    /// ```
    /// use fieldtab_runtime::Currency;
    /// assert_eq!(Currency::from_code("JPY").unwrap().minor_unit(), Some(0));
    /// assert_eq!(Currency::from_code("XAU").unwrap().minor_unit(), None);
    /// ```
    pub fn minor_unit(self) -> Option<u8> {
        match self.row().minor {
            NONE => None,
            e => Some(e),
        }
    }

    /// The English name.
    ///
    /// ```
    /// let c = fieldtab_runtime::Currency::from_code("JPY").unwrap();
    /// assert_eq!(c.name(), "Japanese yen");
    /// ```
    pub fn name(&self) -> &'static str {
        self.row().name
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

impl fmt::Debug for Currency {
    /// `Currency(USD)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Currency({})", self.code())
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
        for bad in [
            "usd", "Usd", "USDX", "US", "", "ZZZ", "ＵSD", "U D", "840", "@AA", "[AA",
        ] {
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
        assert_eq!(Currency::from_numeric(0), None);
        assert_eq!(Currency::from_numeric(1000), None);
        assert_eq!(Currency::from_numeric(u16::MAX), None);
    }

    /// The codes ISO has withdrawn from List One (and the numeric codes no current currency
    /// reuses) are rejected by both formats.
    #[test]
    fn withdrawn_codes_are_rejected() {
        for (code, numeric) in [
            ("HRK", "191"),
            ("CUC", "931"),
            ("ZWL", "932"),
            ("SLL", "694"),
            ("BGN", "975"),
            ("ANG", ""),
            ("LVL", "428"),
            ("LTL", "440"),
            ("EEK", "233"),
            ("VEF", "937"),
            ("MRO", "478"),
            ("STD", "678"),
            ("ZWD", "716"),
            ("CSD", "891"),
        ] {
            let e = code.parse::<Currency>().unwrap_err();
            assert_eq!(
                (e.rule, &*e.message),
                (Rule::Format, "is not an ISO 4217 currency code"),
                "{code}"
            );
            if !numeric.is_empty() {
                let e = numeric.parse::<NumericCurrency>().unwrap_err();
                assert_eq!(
                    (e.rule, &*e.message),
                    (Rule::Format, "is not an ISO 4217 numeric currency code"),
                    "{numeric}"
                );
            }
        }
    }

    /// Current codes, the newest ones included, with their numeric codes and minor units.
    #[test]
    fn current_codes_are_accepted() {
        for (code, numeric, minor) in [
            ("XCG", 532, Some(2)),
            ("ZWG", 924, Some(2)),
            ("VED", 926, Some(2)),
            ("VES", 928, Some(2)),
            ("SLE", 925, Some(2)),
            ("XAD", 396, Some(2)),
            ("EUR", 978, Some(2)),
            ("CUP", 192, Some(2)),
            ("UYW", 927, Some(4)),
            ("XAU", 959, None),
        ] {
            let c: Currency = code.parse().unwrap();
            assert_eq!(
                (c.code(), c.numeric(), c.minor_unit()),
                (code, numeric, minor)
            );
            let n: NumericCurrency = format!("{numeric:03}").parse().unwrap();
            assert_eq!(n.currency(), c);
        }
        assert_eq!(
            Currency::from_numeric(532).unwrap().name(),
            "Caribbean guilder"
        );
    }

    /// The size of List One on `AS_OF`: a change to the table must change this on purpose.
    #[test]
    fn the_table_has_178_codes() {
        assert_eq!(Currency::AS_OF, "2026-12-01");
        assert_eq!(Currency::all().len(), 178);
        let accepted = (b'A'..=b'Z')
            .flat_map(|a| (b'A'..=b'Z').flat_map(move |b| (b'A'..=b'Z').map(move |c| [a, b, c])))
            .filter(|code| Currency::parse_alpha(code).is_ok())
            .count();
        assert_eq!(accepted, 178);
        let numeric = (0..1000u16)
            .filter(|n| Currency::from_numeric(*n).is_some())
            .count();
        assert_eq!(numeric, 178);
    }

    /// The funds, metals and other codes with "N.A." as minor unit, exactly.
    #[test]
    fn codes_without_a_minor_unit() {
        let none: Vec<&str> = Currency::all()
            .filter(|c| c.minor_unit().is_none())
            .map(Currency::code)
            .collect();
        assert_eq!(
            none,
            [
                "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XDR", "XPD", "XPT", "XSU", "XTS", "XUA",
                "XXX"
            ]
        );
    }

    #[test]
    fn the_table_is_sorted_unique_and_well_formed() {
        for pair in TABLE.windows(2) {
            assert!(pair[0].code < pair[1].code, "{}", pair[1].code);
        }
        let mut numerics: Vec<u16> = TABLE.iter().map(|r| r.numeric).collect();
        numerics.sort_unstable();
        numerics.dedup();
        assert_eq!(numerics.len(), TABLE.len(), "numeric codes are unique");
        for row in TABLE {
            assert!(row.code.bytes().all(|b| b.is_ascii_uppercase()) && row.code.len() == 3);
            assert!((1..1000).contains(&row.numeric), "{}", row.code);
            assert!(row.minor <= 4 || row.minor == NONE, "{}", row.code);
            assert!(!row.name.is_empty());
        }
    }

    #[test]
    fn every_table_entry_round_trips() {
        for c in Currency::all() {
            assert_eq!(c.code().parse::<Currency>().unwrap(), c);
            assert_eq!(Currency::from_numeric(c.numeric()), Some(c));
            assert_eq!(
                c.to_numeric()
                    .to_string()
                    .parse::<NumericCurrency>()
                    .unwrap(),
                c.to_numeric()
            );
        }
        assert_eq!(
            format!("{:?}", Currency::from_code("USD").unwrap()),
            "Currency(USD)"
        );
    }
}
