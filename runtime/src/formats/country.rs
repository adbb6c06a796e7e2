//! ISO 3166-1 country codes, alpha-2 and alpha-3, from the table of the `iso_country` crate.
//!
//! Its code table is the current one: the 249 officially assigned codes, South Sudan (`SS`,
//! `SSD`, 2011) the newest; no code has been assigned or withdrawn since. Its English names
//! predate the renamings of 2018-2019 (Eswatini, North Macedonia), which changed no code; only
//! the codes are read here.
//! User-assigned codes (`AA`, `QM`-`QZ`, `XA`-`XZ`, `ZZ`, so Kosovo's `XK`), reserved ones
//! (`UK`, `EU`) and withdrawn ones (`AN`) are not in the table, so not accepted.

use std::borrow::Cow;
use std::sync::OnceLock;

use super::owned;
use crate::RuleError;

/// The assigned codes as tables indexed by their letters (`A` = 0): 26² entries for alpha-2,
/// 26³ for alpha-3, built once from the crate's table so that a check is one index.
struct Tables {
    alpha2: [bool; 26 * 26],
    alpha3: [bool; 26 * 26 * 26],
}

/// The index of `code` in a 26^len table, if it is capitals `A`-`Z` only.
fn key(code: &[u8]) -> Option<usize> {
    code.iter().try_fold(0usize, |acc, &b| {
        b.is_ascii_uppercase()
            .then(|| acc * 26 + usize::from(b - b'A'))
    })
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut tables = Tables {
            alpha2: [false; 26 * 26],
            alpha3: [false; 26 * 26 * 26],
        };
        for country in iso_country::data::all() {
            let (a2, a3) = (country.alpha2.as_bytes(), country.alpha3.as_bytes());
            if let Some(slot) = key(a2)
                .filter(|_| a2.len() == 2)
                .and_then(|k| tables.alpha2.get_mut(k))
            {
                *slot = true;
            }
            if let Some(slot) = key(a3)
                .filter(|_| a3.len() == 3)
                .and_then(|k| tables.alpha3.get_mut(k))
            {
                *slot = true;
            }
        }
        tables
    })
}

/// The rule of [`Format::CountryAlpha2`](crate::Format::CountryAlpha2): an assigned ISO 3166-1
/// alpha-2 code, two capital letters (`CN`, `US`).
pub(crate) fn check_alpha2(value: &str) -> Result<(), RuleError> {
    let s = value.as_bytes();
    let Some(k) = key(s).filter(|_| s.len() == 2) else {
        return Err(RuleError::format(
            "must be an ISO 3166-1 alpha-2 country code (two capital letters)",
        ));
    };
    if tables().alpha2.get(k).copied().unwrap_or(false) {
        Ok(())
    } else {
        Err(RuleError::format(
            "is not an assigned ISO 3166-1 alpha-2 country code",
        ))
    }
}

/// The rule of [`Format::CountryAlpha3`](crate::Format::CountryAlpha3): an assigned ISO 3166-1
/// alpha-3 code, three capital letters (`CHN`, `USA`).
pub(crate) fn check_alpha3(value: &str) -> Result<(), RuleError> {
    let s = value.as_bytes();
    let Some(k) = key(s).filter(|_| s.len() == 3) else {
        return Err(RuleError::format(
            "must be an ISO 3166-1 alpha-3 country code (three capital letters)",
        ));
    };
    if tables().alpha3.get(k).copied().unwrap_or(false) {
        Ok(())
    } else {
        Err(RuleError::format(
            "is not an assigned ISO 3166-1 alpha-3 country code",
        ))
    }
}

/// The exact, anchored pattern of the codes of `len` letters that `check` accepts, asked of
/// the rule itself: the codes grouped by all but their last letter (`^(A[DEFG…]|…)$`).
fn pattern(len: usize, check: fn(&str) -> Result<(), RuleError>) -> String {
    let letters = || (b'A'..=b'Z').map(char::from);
    let mut prefixes: Vec<String> = letters().map(String::from).collect();
    for _ in 2..len {
        prefixes = prefixes
            .iter()
            .flat_map(|p| letters().map(move |c| format!("{p}{c}")))
            .collect();
    }
    let groups: Vec<String> = prefixes
        .iter()
        .filter_map(|prefix| {
            let last: String = letters()
                .filter(|c| check(&format!("{prefix}{c}")).is_ok())
                .collect();
            match last.len() {
                0 => None,
                1 => Some(format!("{prefix}{last}")),
                _ => Some(format!("{prefix}[{last}]")),
            }
        })
        .collect();
    format!("^({})$", groups.join("|"))
}

/// The `ISO 3166` format (alpha-2 codes).
pub(crate) struct Alpha2Spec;

impl super::FormatSpec for Alpha2Spec {
    #[inline]
    fn check(&self, value: &str) -> Result<(), RuleError> {
        check_alpha2(value)
    }

    fn name(&self) -> Cow<'static, str> {
        "ISO 3166".into()
    }

    fn aliases(&self) -> &'static [&'static str] {
        &[
            "ISO 3166-1",
            "ISO 3166 alpha-2",
            "ISO 3166-1 alpha-2",
            "ISO-3166",
        ]
    }

    fn samples(&self) -> Vec<String> {
        owned(&["CN", "US", "JP", "SS", "GB"])
    }

    fn extremes(&self) -> Option<&'static [&'static str]> {
        Some(&["CN"])
    }

    fn exact_len(&self) -> Option<u32> {
        Some(2)
    }

    fn json_schema_pattern(&self) -> Option<String> {
        Some(pattern(2, check_alpha2))
    }

    fn typed_value(&self) -> Option<&'static str> {
        None
    }
}

/// The `ISO 3166 alpha-3` format.
pub(crate) struct Alpha3Spec;

impl super::FormatSpec for Alpha3Spec {
    #[inline]
    fn check(&self, value: &str) -> Result<(), RuleError> {
        check_alpha3(value)
    }

    fn name(&self) -> Cow<'static, str> {
        "ISO 3166 alpha-3".into()
    }

    fn aliases(&self) -> &'static [&'static str] {
        &["ISO 3166-1 alpha-3", "ISO-3166 alpha-3"]
    }

    fn samples(&self) -> Vec<String> {
        owned(&["CHN", "USA", "JPN", "SSD", "GBR"])
    }

    fn extremes(&self) -> Option<&'static [&'static str]> {
        Some(&["CHN"])
    }

    fn exact_len(&self) -> Option<u32> {
        Some(3)
    }

    fn json_schema_pattern(&self) -> Option<String> {
        Some(pattern(3, check_alpha3))
    }

    fn typed_value(&self) -> Option<&'static str> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> &str {
        std::str::from_utf8(bytes).unwrap()
    }

    #[test]
    fn the_table_is_the_assigned_codes() {
        let all = iso_country::data::all();
        assert_eq!(all.len(), 249);
        for country in &all {
            assert_eq!(check_alpha2(country.alpha2), Ok(()), "{}", country.alpha2);
            assert_eq!(check_alpha3(country.alpha3), Ok(()), "{}", country.alpha3);
        }
        let (mut two, mut three) = (0, 0);
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                two += usize::from(check_alpha2(text(&[a, b])).is_ok());
                for c in b'A'..=b'Z' {
                    three += usize::from(check_alpha3(text(&[a, b, c])).is_ok());
                }
            }
        }
        assert_eq!((two, three), (249, 249));
    }

    #[test]
    fn boundaries() {
        for ok in ["CN", "US", "SS", "BQ", "CW", "SX", "AX", "ZW"] {
            assert_eq!(check_alpha2(ok), Ok(()), "{ok}");
        }
        for ok in ["CHN", "USA", "SSD", "BES", "CUW", "SXM", "ALA", "ZWE"] {
            assert_eq!(check_alpha3(ok), Ok(()), "{ok}");
        }
        // User-assigned, reserved, withdrawn, lower case, wrong length, non-ASCII.
        for bad in [
            "XK", "AA", "ZZ", "QM", "UK", "EU", "AN", "cn", "Cn", "C", "CHN", "", "ＣN", "C ",
        ] {
            assert!(check_alpha2(bad).is_err(), "{bad}");
        }
        for bad in [
            "XKX", "AAA", "ZZZ", "ANT", "chn", "CN", "CHNA", "", "C N", "ＣHN",
        ] {
            assert!(check_alpha3(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_patterns_match_exactly_the_codes() {
        let two = regex::Regex::new(&pattern(2, check_alpha2)).unwrap();
        let three = regex::Regex::new(&pattern(3, check_alpha3)).unwrap();
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                let code = text(&[a, b]).to_owned();
                assert_eq!(two.is_match(&code), check_alpha2(&code).is_ok(), "{code}");
                for c in b'A'..=b'Z' {
                    let code = text(&[a, b, c]).to_owned();
                    assert_eq!(three.is_match(&code), check_alpha3(&code).is_ok(), "{code}");
                }
            }
        }
        assert!(two.as_str().starts_with("^(A[DEFGILMOQRSTUWXZ]|B"), "{two}");
    }
}
