//! Amounts in minor units.

use std::fmt;
use std::str::FromStr;

use super::owned;
use super::serde_str::serde_via_str;
use crate::{Currency, RuleError};
use std::borrow::Cow;

/// A positive integer amount in minor units, written as a string of at most 16 ASCII digits
/// without a leading zero (`"100"` = 100 cents; `"0"` is not positive). Held as a `u64`.
/// `FromStr`, `Display` and serde use the digit string.
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

const SHAPE: &str = "must be a positive integer in minor units, written in digits only";

impl MinorUnits {
    /// The largest value (16 nines).
    ///
    /// ```
    /// assert_eq!(fieldtab_runtime::MinorUnits::MAX.to_string(), "9999999999999999");
    /// ```
    pub const MAX: MinorUnits = MinorUnits(9_999_999_999_999_999);

    /// Parses the digits; the one implementation of the `MinorUnits` format rule. Each
    /// message says what is wrong: a character that is not a digit, no digit at all, zero,
    /// a leading zero, too many digits.
    #[inline]
    pub(crate) fn parse(s: &[u8]) -> Result<MinorUnits, RuleError> {
        let mut value = 0u64;
        for &b in s {
            let d = b.wrapping_sub(b'0');
            if d > 9 {
                return Err(RuleError::format(SHAPE));
            }
            value = value * 10 + u64::from(d);
            if value > MinorUnits::MAX.0 {
                return Err(RuleError::format("must have at most 16 digits"));
            }
        }
        match s.first() {
            None => Err(RuleError::format(
                "must be a positive integer in minor units, not empty",
            )),
            Some(b'0') if value == 0 => Err(RuleError::format("must be positive, not zero")),
            Some(b'0') => Err(RuleError::format("must not have leading zeros")),
            Some(_) => Ok(MinorUnits(value)),
        }
    }

    /// `value` if it is 1..=9,999,999,999,999,999.
    ///
    /// ```
    /// use fieldtab_runtime::MinorUnits;
    /// assert!(MinorUnits::new(1).is_some());
    /// assert!(MinorUnits::new(0).is_none());
    /// ```
    pub const fn new(value: u64) -> Option<MinorUnits> {
        if value >= 1 && value <= MinorUnits::MAX.0 {
            Some(MinorUnits(value))
        } else {
            None
        }
    }

    /// The number.
    ///
    /// ```
    /// assert_eq!(fieldtab_runtime::MinorUnits::new(5).unwrap().get(), 5);
    /// ```
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

/// An amount of money: a currency and a value in its minor units, as Alipay+ writes it
/// (`{"currency": "USD", "value": "100"}` with serde). `Display` and `FromStr` use the major
/// units with the currency's exact number of decimals: `"USD 1.00"`, `"JPY 100"`, `"KWD 1.000"`.
/// `FromStr`, `Deserialize` and [`Amount::try_new`] reject a currency that has no minor unit
/// (`XAU`, `XDR`, `XXX`, …: [`Currency::minor_unit`]); [`Amount::new`] does not check it.
///
/// ```
/// use fieldtab_runtime::{Amount, Currency, MinorUnits};
///
/// let a = Amount::new(Currency::from_code("KWD").unwrap(), MinorUnits::new(1000).unwrap());
/// assert_eq!(a.to_decimal().to_string(), "1.000");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Amount {
    /// The currency.
    pub currency: Currency,
    /// The value in the currency's minor units.
    pub value: MinorUnits,
}

crate::serde_struct::serde_struct!(Amount {
    currency: Currency,
    value: MinorUnits,
} check Amount::check);

/// Why an amount in minor units cannot be in a currency ISO 4217 gives no minor unit. Names
/// the kinds of code, never the code sent (docs/SEMANTICS.md §5.2).
const NO_MINOR_UNIT: &str = "cannot be an amount in minor units: its currency has no minor unit \
     in ISO 4217 (a precious metal such as XAU, a unit of account such as XDR, or XTS, XXX)";

/// The rule between a `minor units` field and the currency field beside it
/// ([`FieldPlan::currency`](crate::plan::FieldPlan::currency)): a `format` error when `code`
/// (alpha or numeric, as the currency field writes it) is a currency that has no minor unit.
/// Nothing to say about a code that is no currency: the currency field reports that.
pub(crate) fn amount_currency(code: &str) -> Result<(), RuleError> {
    let currency = Currency::parse_alpha(code.as_bytes())
        .or_else(|_| Currency::parse_numeric(code.as_bytes()));
    match currency {
        Ok(currency) if currency.minor_unit().is_none() => Err(RuleError::format(NO_MINOR_UNIT)),
        _ => Ok(()),
    }
}

impl Amount {
    /// An amount.
    ///
    /// ```
    /// use fieldtab_runtime::{Amount, Currency, MinorUnits};
    /// let a = Amount::new(Currency::from_code("USD").unwrap(), MinorUnits::new(100).unwrap());
    /// assert_eq!(a.to_string(), "USD 1.00");
    /// ```
    pub const fn new(currency: Currency, value: MinorUnits) -> Amount {
        Amount { currency, value }
    }

    /// An amount, if its currency has a minor unit: ISO 4217 gives none to the precious
    /// metals (XAU, XAG, XPT, XPD), the units of account (XDR, XBA–XBD, XSU, XUA), XTS and
    /// XXX, so "100 minor units" of them means nothing. The error is a `format` violation
    /// saying so; `FromStr` and `Deserialize` check the same.
    ///
    /// ```
    /// use fieldtab_runtime::{Amount, Currency, MinorUnits, Rule};
    /// let one = MinorUnits::new(1).unwrap();
    /// assert!(Amount::try_new(Currency::from_code("USD").unwrap(), one).is_ok());
    /// let gold = Amount::try_new(Currency::from_code("XAU").unwrap(), one).unwrap_err();
    /// assert_eq!(gold.rule, Rule::Format);
    /// assert!(gold.message.contains("no minor unit"));
    /// ```
    pub fn try_new(currency: Currency, value: MinorUnits) -> Result<Amount, RuleError> {
        let amount = Amount { currency, value };
        amount.check()?;
        Ok(amount)
    }

    /// Whether the currency has a minor unit (see [`Amount::try_new`]).
    fn check(&self) -> Result<(), RuleError> {
        match self.currency.minor_unit() {
            Some(_) => Ok(()),
            None => Err(RuleError::format(NO_MINOR_UNIT)),
        }
    }

    /// The value in major units, with exactly the currency's number of decimals
    /// (USD `"100"` → `1.00`, JPY `"100"` → `100`, KWD `"1000"` → `1.000`).
    ///
    /// ```
    /// use fieldtab_runtime::{Amount, Currency, MinorUnits};
    /// let jpy = Amount::new(Currency::from_code("JPY").unwrap(), MinorUnits::new(100).unwrap());
    /// assert_eq!(jpy.to_decimal().to_string(), "100");
    /// ```
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
    ///
    /// ```
    /// assert_eq!(fieldtab_runtime::DecimalAmount::new(1000, 3).to_string(), "1.000");
    /// ```
    pub const fn new(minor: u64, exponent: u8) -> DecimalAmount {
        DecimalAmount { minor, exponent }
    }
    /// The value in minor units.
    ///
    /// ```
    /// assert_eq!(fieldtab_runtime::DecimalAmount::new(7, 2).minor(), 7);
    /// ```
    pub const fn minor(self) -> u64 {
        self.minor
    }
    /// The number of decimals.
    ///
    /// ```
    /// assert_eq!(fieldtab_runtime::DecimalAmount::new(7, 2).exponent(), 2);
    /// ```
    pub const fn exponent(self) -> u8 {
        self.exponent
    }
}

impl fmt::Display for DecimalAmount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = u32::from(self.exponent);
        if e == 0 {
            return write!(f, "{}", self.minor);
        }
        match 10u64.checked_pow(e) {
            Some(scale) => write!(
                f,
                "{}.{:0width$}",
                self.minor / scale,
                self.minor % scale,
                width = e as usize
            ),
            // More decimals than a u64 has digits: the integer part is zero.
            None => write!(f, "0.{:0width$}", self.minor, width = e as usize),
        }
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
    fn from_str(s: &str) -> Result<Amount, RuleError> {
        let Some((code, number)) = s.split_once(' ') else {
            return Err(RuleError::format(
                "must be a currency code, a space and an amount in major units",
            ));
        };
        let currency: Currency = code.parse()?;
        let Some(e) = currency.minor_unit() else {
            return Err(RuleError::format(NO_MINOR_UNIT));
        };
        let e = usize::from(e);
        let (int, frac) = match number.split_once('.') {
            Some((int, frac)) if e > 0 && frac.len() == e => (int, frac),
            None if e == 0 => (number, ""),
            _ => {
                return Err(RuleError::format(
                    "must have exactly the currency's number of decimals",
                ));
            }
        };
        let int_ok = !int.is_empty()
            && int.bytes().all(|b| b.is_ascii_digit())
            && (int == "0" || !int.starts_with('0'));
        if !int_ok || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return Err(RuleError::format(
                "must be an amount in major units such as 1.00",
            ));
        }
        let mut minor = 0u64;
        for b in int.bytes().chain(frac.bytes()) {
            minor = minor
                .checked_mul(10)
                .and_then(|m| m.checked_add(u64::from(b - b'0')))
                .ok_or_else(|| RuleError::format("must have at most 16 digits in minor units"))?;
        }
        let value = MinorUnits::new(minor).ok_or_else(|| {
            RuleError::format("must be positive, with at most 16 digits in minor units")
        })?;
        Ok(Amount { currency, value })
    }
}

/// The `minor units` format.
pub(crate) struct Spec;

impl super::FormatSpec for Spec {
    #[inline]
    fn check(&self, value: &str) -> Result<(), RuleError> {
        MinorUnits::parse(value.as_bytes()).map(drop)
    }

    fn name(&self) -> Cow<'static, str> {
        "minor units".into()
    }

    fn aliases(&self) -> &'static [&'static str] {
        &[]
    }

    fn samples(&self) -> Vec<String> {
        owned(&["100", "1", "10000", "9999999999999999"])
    }

    fn extremes(&self) -> Option<&'static [&'static str]> {
        Some(&["1", "1234567890123456"])
    }

    fn exact_len(&self) -> Option<u32> {
        None
    }

    fn json_schema_pattern(&self) -> Option<String> {
        Some("^[1-9][0-9]{0,15}$".into())
    }

    fn typed_value(&self) -> Option<&'static str> {
        Some("MinorUnits")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Rule;

    fn amount(code: &str, value: &str) -> Amount {
        Amount::new(code.parse().unwrap(), value.parse().unwrap())
    }

    #[test]
    fn minor_unit_boundaries() {
        assert_eq!("1".parse::<MinorUnits>().unwrap().get(), 1);
        assert_eq!(
            "9999999999999999".parse::<MinorUnits>().unwrap(),
            MinorUnits::MAX
        );
        for bad in [
            "",
            "0",
            "00",
            "0100",
            "10000000000000000",
            "99999999999999999999999",
            "-1",
            "+1",
            "1.5",
            "1 ",
            " 1",
            "１",
            "1e3",
        ] {
            let e = bad.parse::<MinorUnits>().unwrap_err();
            assert_eq!(e.rule, Rule::Format, "{bad}");
        }
    }

    #[test]
    fn messages_say_what_is_wrong() {
        let message = |v: &str| v.parse::<MinorUnits>().unwrap_err().message;
        assert_eq!(message("001"), "must not have leading zeros");
        assert_eq!(message("0100"), "must not have leading zeros");
        assert_eq!(message("0"), "must be positive, not zero");
        assert_eq!(message("000"), "must be positive, not zero");
        assert_eq!(
            message(""),
            "must be a positive integer in minor units, not empty"
        );
        for bad in ["1.5", "-1", "+1", " 1", "1e3", "0x1"] {
            assert_eq!(
                message(bad),
                "must be a positive integer in minor units, written in digits only",
                "{bad}"
            );
        }
        assert_eq!(message("12345678901234567"), "must have at most 16 digits");
    }

    #[test]
    fn to_decimal_honours_the_exponent() {
        assert_eq!(amount("USD", "100").to_decimal().to_string(), "1.00");
        assert_eq!(amount("USD", "1").to_decimal().to_string(), "0.01");
        assert_eq!(amount("JPY", "100").to_decimal().to_string(), "100");
        assert_eq!(amount("KWD", "1000").to_decimal().to_string(), "1.000");
        assert_eq!(amount("KWD", "1").to_decimal().to_string(), "0.001");
        assert_eq!(amount("CLF", "12345").to_decimal().to_string(), "1.2345");
        assert_eq!(
            amount("USD", "9999999999999999").to_decimal().to_string(),
            "99999999999999.99"
        );
        assert_eq!(
            DecimalAmount::new(5, 25).to_string(),
            "0.0000000000000000000000005"
        );
    }

    #[test]
    fn display_and_parse() {
        for (code, value, text) in [
            ("USD", "100", "USD 1.00"),
            ("JPY", "100", "JPY 100"),
            ("KWD", "1000", "KWD 1.000"),
            ("USD", "5", "USD 0.05"),
        ] {
            let a = amount(code, value);
            assert_eq!(a.to_string(), text);
            assert_eq!(text.parse::<Amount>().unwrap(), a);
        }
        for bad in [
            "USD 1",
            "USD 1.0",
            "USD 1.000",
            "JPY 1.00",
            "usd 1.00",
            "USD 0.00",
            "USD01.00",
            "USD 01.00",
            "USD  1.00",
            "USD .50",
            "USD 1.0x",
        ] {
            assert!(bad.parse::<Amount>().is_err(), "{bad}");
        }
    }

    /// ISO 4217 gives these codes no minor unit ("N.A."): an amount in minor units of them
    /// is a `format` error that says so, however it is made.
    #[test]
    fn currencies_without_a_minor_unit_are_rejected() {
        let one = MinorUnits::new(100).unwrap();
        for code in [
            "XAU", "XAG", "XPT", "XPD", "XDR", "XBA", "XBB", "XBC", "XBD", "XSU", "XUA", "XTS",
            "XXX",
        ] {
            let currency: Currency = code.parse().unwrap();
            for e in [
                Amount::try_new(currency, one).unwrap_err(),
                format!("{code} 100").parse::<Amount>().unwrap_err(),
            ] {
                assert_eq!(
                    (e.rule, &*e.message),
                    (Rule::Format, NO_MINOR_UNIT),
                    "{code}"
                );
                assert!(e.message.contains("has no minor unit"));
            }
            let json = format!(r#"{{"currency":"{code}","value":"100"}}"#);
            let e = serde_json::from_str::<Amount>(&json).unwrap_err();
            assert!(e.to_string().starts_with(NO_MINOR_UNIT), "{code}: {e}");
        }
        // Their neighbours with a minor unit, zero included, are amounts.
        for (code, text) in [("XAF", "XAF 100"), ("XCD", "XCD 1.00"), ("XCG", "XCG 1.00")] {
            let a = Amount::try_new(code.parse().unwrap(), one).unwrap();
            assert_eq!(a.to_string(), text);
            assert_eq!(text.parse::<Amount>().unwrap(), a);
            let json = serde_json::to_string(&a).unwrap();
            assert_eq!(serde_json::from_str::<Amount>(&json).unwrap(), a);
        }
    }

    #[test]
    fn serde_shape() {
        let a = amount("USD", "100");
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(json, r#"{"currency":"USD","value":"100"}"#);
        assert_eq!(serde_json::from_str::<Amount>(&json).unwrap(), a);
        assert!(serde_json::from_str::<Amount>(r#"{"currency":"usd","value":"100"}"#).is_err());
        assert!(serde_json::from_str::<Amount>(r#"{"currency":"USD","value":100}"#).is_err());
    }
}
