//! Every format against its own facts: the table test over the registry, and the rules'
//! accept/reject cases.

use super::*;
use crate::Rule;

/// Formats beyond [`Format::EXAMPLES`]: other parameters of the parametric ones.
const MORE: [Format; 5] = [
    Format::Decimal {
        min: -5,
        max: 12,
        scale: 3,
    },
    Format::Decimal {
        min: -1,
        max: 0,
        scale: 1,
    },
    Format::Decimal {
        min: 7,
        max: 7,
        scale: 0,
    },
    Format::Base64Image {
        max_bytes: 1000,
        kinds: ImageKinds {
            jpeg: true,
            png: false,
        },
    },
    Format::Base64Image {
        max_bytes: 2048,
        kinds: ImageKinds {
            jpeg: false,
            png: true,
        },
    },
];

/// A value the format rejects (besides the empty string and a full-width digit, which every
/// format rejects).
fn wrong(format: &Format) -> &'static str {
    match format {
        Format::LocalTime => "20230229120000",
        Format::GmtOffset => "GMT-12:01",
        Format::Timestamp => "2019-11-27T12:01:01",
        Format::CurrencyAlpha => "usd",
        Format::CurrencyNumeric => "8400",
        Format::CountryAlpha2 => "XK",
        Format::Date => "2023-02-29",
        Format::CompactDate => "20240431",
        Format::TimeOfDay => "24:00:00",
        Format::CompactTimeOfDay => "235960",
        Format::CountryAlpha3 => "chn",
        Format::MinorUnits => "0",
        Format::Decimal { .. } => "1.",
        Format::Url => "example.com/a.png",
        Format::Uri => "//example.com/a.png",
        Format::Base64Image { .. } => "not base64!",
        Format::JsonText => "{k:v}",
        Format::Mobile => "13800000000",
        Format::Pan { luhn: false } => "621483592067268x",
        Format::Pan { luhn: true } => "4111111111111112",
    }
}

/// The position of the format's variant: every variant must have one in [`Format::EXAMPLES`].
fn variant(format: &Format) -> usize {
    match format {
        Format::LocalTime => 0,
        Format::GmtOffset => 1,
        Format::Timestamp => 2,
        Format::CurrencyAlpha => 3,
        Format::CurrencyNumeric => 4,
        Format::MinorUnits => 5,
        Format::Decimal { .. } => 6,
        Format::Url => 7,
        Format::Base64Image { .. } => 8,
        Format::JsonText => 9,
        Format::Mobile => 10,
        Format::Pan { .. } => 11,
        Format::CountryAlpha2 => 12,
        Format::CountryAlpha3 => 13,
        Format::Date => 14,
        Format::CompactDate => 15,
        Format::TimeOfDay => 16,
        Format::CompactTimeOfDay => 17,
        Format::Uri => 18,
    }
}

const VARIANTS: usize = 19;

fn anchored(pattern: &str) -> regex::Regex {
    assert!(
        pattern.starts_with('^') && pattern.ends_with('$'),
        "{pattern}"
    );
    regex::Regex::new(pattern).unwrap_or_else(|e| panic!("{pattern}: {e}"))
}

#[test]
fn every_variant_has_an_example() {
    let mut seen = [false; VARIANTS];
    for format in Format::EXAMPLES {
        seen[variant(&format)] = true;
    }
    assert!(seen.iter().all(|&s| s), "{seen:?}");
}

/// The registry, table-driven: each format states every fact, and its facts agree with its
/// rule.
#[test]
fn every_format_agrees_with_its_facts() {
    for format in Format::EXAMPLES.iter().chain(&MORE) {
        let name = format.name();
        assert!(!name.trim().is_empty(), "{format:?}");
        if Format::EXAMPLES.contains(format) {
            assert_eq!(Format::by_name(&name), Some(*format), "{name}");
            assert_eq!(
                Format::by_name(&name.to_uppercase()),
                Some(*format),
                "{name}"
            );
        }
        for alias in format.aliases() {
            assert_eq!(Format::by_name(alias), Some(*format), "{alias}");
        }

        let samples = format.samples();
        assert!(!samples.is_empty(), "{name}: no samples");
        let extremes = format.extremes().unwrap_or_default();
        let valid = samples
            .iter()
            .map(String::as_str)
            .chain(extremes.iter().copied());
        let pattern = format.json_schema_pattern().map(|p| anchored(&p));
        for value in valid {
            assert_eq!(format.check(value), Ok(()), "{name}: {value}");
            if let Some(len) = format.exact_len() {
                assert_eq!(value.len(), len as usize, "{name}: {value}");
            }
            if let Some(pattern) = &pattern {
                assert!(
                    pattern.is_match(value),
                    "{name}: pattern {pattern} on {value}"
                );
            }
        }

        for bad in [wrong(format), "", "１"] {
            assert!(format.check(bad).is_err(), "{name}: {bad}");
        }
        if let Some(pattern) = &pattern {
            for bad in ["", "１"] {
                assert!(
                    !pattern.is_match(bad),
                    "{name}: pattern {pattern} on {bad:?}"
                );
            }
        }
    }
}

/// The typed value a format names is the one its rule parses into.
#[test]
fn typed_values_parse_the_samples() {
    for format in Format::EXAMPLES {
        let Some(typed) = format.typed_value() else {
            continue;
        };
        for sample in format.samples() {
            let parsed = match typed {
                "LocalTime" => sample.parse::<LocalTime>().map(|v| v.to_string()),
                "GmtOffset" => sample.parse::<GmtOffset>().map(|v| v.to_string()),
                "Timestamp" => sample
                    .parse::<Timestamp>()
                    .map(drop)
                    .map(|()| sample.clone()),
                "Currency" => sample.parse::<Currency>().map(|v| v.to_string()),
                "NumericCurrency" => sample.parse::<NumericCurrency>().map(|v| v.to_string()),
                "MinorUnits" => sample.parse::<MinorUnits>().map(|v| v.to_string()),
                "Pan" => sample.parse::<Pan>().map(|v| v.reveal().to_owned()),
                other => panic!("unknown typed value {other}"),
            };
            assert_eq!(parsed.ok().as_ref(), Some(&sample), "{typed}: {sample}");
        }
    }
}

fn rule(format: Format, value: &str) -> Option<Rule> {
    format.check(value).err().map(|e| e.rule)
}

#[test]
fn every_format_accepts_and_rejects() {
    let image = Format::Base64Image {
        max_bytes: 100 * 1024,
        kinds: ImageKinds::ALL,
    };
    // A 1x1 PNG.
    let png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
    let cases: [(Format, &str, &str); 20] = [
        (Format::LocalTime, "20240229120000", "20230229120000"),
        (Format::GmtOffset, "GMT-12:00", "GMT-12:01"),
        (
            Format::Timestamp,
            "2019-11-27T12:01:01+08:30",
            "2019-11-27T12:01:01",
        ),
        (Format::CurrencyAlpha, "KWD", "kwd"),
        (Format::CurrencyNumeric, "414", "4140"),
        (Format::CountryAlpha2, "SS", "UK"),
        (Format::Date, "2024-02-29", "2023-02-29"),
        (Format::CompactDate, "20000229", "19000229"),
        (Format::TimeOfDay, "23:59:59", "23:59:60"),
        (Format::CompactTimeOfDay, "000000", "240000"),
        (Format::CountryAlpha3, "SSD", "XKX"),
        (Format::MinorUnits, "100", "0"),
        (
            Format::Decimal {
                min: 0,
                max: 1,
                scale: 2,
            },
            "0.88",
            "0.888",
        ),
        (
            Format::Url,
            "https://example.com/a.png",
            "example.com/a.png",
        ),
        (
            Format::Uri,
            "alipays://platformapi/startApp?appId=20000067",
            "alipays://platformapi/start App",
        ),
        (image, png, "not base64!"),
        (Format::JsonText, r#"{"k":"v"}"#, "{k:v}"),
        (Format::Mobile, "+86-13800000000", "13800000000"),
        (
            Format::Pan { luhn: false },
            "6214835920672688",
            "621483592067268x",
        ),
        (
            Format::Pan { luhn: true },
            "4111111111111111",
            "4111111111111112",
        ),
    ];
    for (format, good, bad) in cases {
        assert_eq!(rule(format, good), None, "{format:?} {good}");
        assert_eq!(rule(format, bad), Some(Rule::Format), "{format:?} {bad}");
        assert_eq!(rule(format, ""), Some(Rule::Format), "{format:?} empty");
        assert_eq!(
            rule(format, "１"),
            Some(Rule::Format),
            "{format:?} full-width"
        );
    }
    let ratio = Format::Decimal {
        min: 0,
        max: 1,
        scale: 2,
    };
    assert_eq!(rule(ratio, "1.01"), Some(Rule::Range));
    assert_eq!(rule(ratio, "-0.01"), Some(Rule::Range));
}

#[test]
fn no_message_echoes_the_value() {
    // A small image too, so that a size error is among the messages.
    let tiny = Format::Base64Image {
        max_bytes: 10,
        kinds: ImageKinds::ALL,
    };
    let formats = Format::EXAMPLES.into_iter().chain(MORE).chain([tiny]);
    for format in formats {
        for value in [
            "SECRETVALUE123",
            "secret-value-987654",
            "+99-SECRET",
            "{\"secret\":",
        ] {
            if let Err(e) = format.check(value) {
                assert!(!e.message.contains(value), "{format:?}: {}", e.message);
                assert!(!e.message.contains("SECRET") && !e.message.contains("secret"));
            }
        }
    }
}
