//! Property tests: every type survives `Display` -> `FromStr` and serde, and no rule panics.

use std::fmt::Display;
use std::str::FromStr;

use fieldtab_runtime::{
    Amount, Charset, Currency, Format, GmtOffset, ImageKinds, LengthUnit, LocalTime, MinorUnits,
    NumericCurrency, Pan, Report, Rule, RuleError, Timestamp, Violation, check_charset,
    check_length,
};
use proptest::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

fn round_trip<T>(value: T)
where
    T: Display
        + FromStr<Err = RuleError>
        + Serialize
        + DeserializeOwned
        + PartialEq
        + std::fmt::Debug,
{
    let text = value.to_string();
    assert_eq!(text.parse::<T>().as_ref(), Ok(&value), "{text}");
    let json = serde_json::to_string(&value).unwrap();
    assert_eq!(json, serde_json::to_string(&text).unwrap());
    assert_eq!(serde_json::from_str::<T>(&json).unwrap(), value);
}

fn days_in(year: u16, month: u8) -> u8 {
    time::util::days_in_month(time::Month::try_from(month).unwrap(), i32::from(year))
}

prop_compose! {
    fn local_time()(year in 0u16..=9999, month in 1u8..=12, day in 1u8..=31,
                    hour in 0u8..24, minute in 0u8..60, second in 0u8..60) -> LocalTime {
        let day = day.min(days_in(year, month));
        LocalTime::new(year, month, day, hour, minute, second).unwrap()
    }
}

prop_compose! {
    fn gmt_offset()(minutes in -720i16..=840, minus_zero in any::<bool>()) -> GmtOffset {
        if minutes == 0 && minus_zero {
            "GMT-00:00".parse().unwrap()
        } else {
            GmtOffset::from_minutes(minutes).unwrap()
        }
    }
}

prop_compose! {
    fn timestamp()(t in local_time(), digits in 0usize..=9, fraction in 0u32..1_000_000_000,
                   offset in prop_oneof![Just(None), (-1439i32..=1439, any::<bool>()).prop_map(Some)])
                   -> String {
        let mut s = format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            t.year(), t.month(), t.day(), t.hour(), t.minute(), t.second()
        );
        if digits > 0 {
            let f = format!("{fraction:09}");
            s.push('.');
            s.push_str(&f[..digits]);
        }
        match offset {
            None => s.push('Z'),
            Some((m, minus)) => {
                let sign = if m < 0 || (m == 0 && minus) { '-' } else { '+' };
                s.push_str(&format!("{sign}{:02}:{:02}", m.abs() / 60, m.abs() % 60));
            }
        }
        s
    }
}

fn currency() -> impl Strategy<Value = Currency> {
    (0u16..1000).prop_filter_map("not a currency", Currency::from_numeric)
}

proptest! {
    #[test]
    fn local_time_round_trips(t in local_time()) {
        round_trip(t);
        prop_assert_eq!(LocalTime::from_primitive(t.to_primitive()), Some(t));
    }

    #[test]
    fn gmt_offset_round_trips(o in gmt_offset()) {
        round_trip(o);
        prop_assert_eq!(GmtOffset::from_utc_offset(o.to_utc_offset()).map(|o| o.total_minutes()),
                        Some(o.total_minutes()));
    }

    #[test]
    fn timestamp_keeps_its_text(text in timestamp()) {
        let t: Timestamp = text.parse().unwrap();
        prop_assert_eq!(t.to_string(), text);
        round_trip(t);
        prop_assert!(Format::Timestamp.check(&t.to_string()).is_ok());
    }

    #[test]
    fn currency_round_trips(c in currency()) {
        round_trip(c);
        round_trip(c.to_numeric());
        prop_assert_eq!(NumericCurrency::from(c).currency(), c);
    }

    #[test]
    fn minor_units_and_amount_round_trip(c in currency(), v in 1u64..=9_999_999_999_999_999) {
        let value = MinorUnits::new(v).unwrap();
        round_trip(value);
        let amount = Amount::new(c, value);
        let json = serde_json::to_string(&amount).unwrap();
        if c.minor_unit().is_none() {
            // XAU, XDR, XXX, …: ISO 4217 gives them no minor unit, so no amount in minor
            // units reads back (`Amount::new` alone does not check).
            let parsed = amount.to_string().parse::<Amount>();
            prop_assert_eq!(parsed.map_err(|e| e.rule), Err(Rule::Format));
            prop_assert!(serde_json::from_str::<Amount>(&json).is_err());
            prop_assert!(Amount::try_new(c, value).is_err());
            return Ok(());
        }
        prop_assert_eq!(Amount::try_new(c, value), Ok(amount));
        prop_assert_eq!(amount.to_string().parse::<Amount>(), Ok(amount));
        prop_assert_eq!(serde_json::from_str::<Amount>(&json).unwrap(), amount);
        // The decimal text has exactly `exponent` decimals and the same digits.
        let decimal = amount.to_decimal().to_string();
        let e = usize::from(c.exponent());
        match decimal.split_once('.') {
            Some((_, frac)) => prop_assert_eq!(frac.len(), e),
            None => prop_assert_eq!(e, 0),
        }
        let digits: String = decimal.chars().filter(char::is_ascii_digit).collect();
        prop_assert_eq!(digits.trim_start_matches('0'), v.to_string());
    }

    #[test]
    fn pan_round_trips_and_never_prints_in_clear(digits in "[0-9]{12,19}") {
        let pan: Pan = digits.parse().unwrap();
        prop_assert_eq!(pan.reveal(), digits.as_str());
        let json = serde_json::to_string(&pan).unwrap();
        prop_assert_eq!(serde_json::from_str::<Pan>(&json).unwrap(), pan);
        let shown = pan.to_string();
        prop_assert_eq!(pan.to_string().parse::<Pan>().is_err(), true);
        let debug = format!("{pan:?}");
        prop_assert!(!shown.contains(&digits) && !debug.contains(&digits));
        prop_assert!(shown.bytes().filter(u8::is_ascii_digit).count() <= 10);
        prop_assert!(shown.bytes().filter(|&b| b == b'*').count() >= 6);
        prop_assert_eq!(&shown[shown.len() - 4..], &digits[digits.len() - 4..]);
    }

    #[test]
    fn violations_round_trip(path in "(/[a-zA-Z0-9~]{0,6}){0,4}", rule in 0usize..Rule::ALL.len(), message in ".{0,30}") {
        let mut report = Report::new();
        report.push_violation(Violation { path: path.clone(), rule: Rule::ALL[rule], message: message.into() });
        let json = serde_json::to_string(&report).unwrap();
        prop_assert_eq!(serde_json::from_str::<Report>(&json).unwrap(), report);
    }

    #[test]
    fn charset_matches_its_definition(bytes in proptest::collection::vec(any::<u8>(), 0..40), cs in 0usize..7) {
        let cs = Charset::ALL[cs];
        prop_assert_eq!(cs.matches(&bytes), bytes.iter().all(|&b| cs.allows(b)));
        if let Ok(s) = std::str::from_utf8(&bytes) {
            prop_assert_eq!(check_charset(s, cs).is_ok(), cs.matches(&bytes));
        }
    }

    #[test]
    fn char_length_counts_scalar_values(s in "\\PC{0,20}", max in 0u32..25) {
        let n = s.chars().count();
        prop_assert_eq!(LengthUnit::Chars.len_of(&s), n);
        prop_assert_eq!(check_length(&s, LengthUnit::Chars, 0, max).is_ok(), n <= max as usize);
    }

    #[test]
    fn no_format_panics(
        s in "\\PC{0,40}|[0-9:+TZ.-]{0,30}|GMT[+-][0-9]{2}:[0-9]{2}|[a-z]{1,3}:[/\\[\\]:@%0-9a-fv.?#]{0,30}"
    ) {
        for format in [
            Format::LocalTime, Format::GmtOffset, Format::Timestamp, Format::CurrencyAlpha,
            Format::Date, Format::CompactDate, Format::TimeOfDay, Format::CompactTimeOfDay,
            Format::CurrencyNumeric, Format::CountryAlpha2, Format::CountryAlpha3, Format::MinorUnits,
            Format::Decimal { min: -3, max: 7, scale: 3 },
            Format::Url, Format::Uri, Format::Base64Image { max_bytes: 64, kinds: ImageKinds::ALL },
            Format::JsonText, Format::Mobile, Format::Pan { luhn: true },
        ] {
            if let Err(e) = format.check(&s) {
                prop_assert!(matches!(e.rule, Rule::Format | Rule::Range));
            }
        }
    }

    #[test]
    fn the_uri_pattern_is_the_uri_rule(
        s in "[a-zA-Z][a-z0-9+.-]{0,2}:(//([a-z:]{0,3}@)?(\\[[0-9a-fv:.]{0,12}\\]|[a-z0-9.%]{0,6})(:[0-9a-z]{0,3})?)?[/a-z0-9%:@ ?#]{0,12}"
    ) {
        static PATTERN: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        let pattern = PATTERN.get_or_init(|| {
            regex::Regex::new(&Format::Uri.json_schema_pattern().unwrap()).unwrap()
        });
        prop_assert_eq!(pattern.is_match(&s), Format::Uri.check(&s).is_ok(), "{}", s);
    }

    #[test]
    fn ratio_agrees_with_arithmetic(int in 0u32..3, frac in 0u32..1000, places in 0usize..4) {
        let text = match places {
            0 => int.to_string(),
            p => format!("{int}.{:0p$}", frac % 10u32.pow(p as u32)),
        };
        let hundredths_exact = places <= 2;
        let value = text.parse::<f64>().unwrap();
        let expected = if !hundredths_exact {
            Some(Rule::Format)
        } else if value > 1.0 {
            Some(Rule::Range)
        } else {
            None
        };
        let got = Format::Decimal { min: 0, max: 1, scale: 2 }.check(&text).err().map(|e| e.rule);
        prop_assert_eq!(got, expected, "{}", text);
    }
}
