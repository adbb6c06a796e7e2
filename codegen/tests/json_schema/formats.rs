//! The format patterns against the runtime's rules, value by value: equal verdicts for the
//! formats the export calls exact, never stricter for the others; the currency tables.

use fieldtab_codegen::model::ItemKind;
use fieldtab_codegen::{Generate, Schema};
use fieldtab_runtime::Format;
use serde_json::{Value, json};

use crate::validator;

/// The formats whose JSON Schema keywords admit exactly the values the runtime admits.
pub(crate) fn exact(format: &Format) -> bool {
    matches!(
        format,
        Format::LocalTime
            | Format::GmtOffset
            | Format::Timestamp
            | Format::MinorUnits
            | Format::Url
            | Format::Uri
            | Format::Mobile
            | Format::Pan { luhn: false }
            | Format::Decimal { .. }
            | Format::CurrencyAlpha
            | Format::CurrencyNumeric
            | Format::CountryAlpha2
            | Format::CountryAlpha3
            | Format::Date
            | Format::CompactDate
            | Format::TimeOfDay
            | Format::CompactTimeOfDay
    )
}

const FORMATS: &str = "\
## message Formats

| Identifier | Type   | Request | Format |
|------------|--------|---------|--------|
| localTime  | String | O       | YYYYMMDDHHMISS |
| offset     | String | O       | GMT±hh:mm |
| timestamp  | String | O       | ISO 8601 |
| currency   | String | O       | ISO 4217 |
| numeric    | String | O       | ISO 4217 numeric |
| country    | String | O       | ISO 3166 |
| date       | String | O       | YYYY-MM-DD |
| date8      | String | O       | YYYYMMDD |
| time       | String | O       | HH:MM:SS |
| time6      | String | O       | HHMMSS |
| country3   | String | O       | ISO 3166 alpha-3 |
| minor      | String | O       | minor units |
| ratio      | String | O       | decimal 0..1 scale 2 |
| dec2       | String | O       | decimal -5..10 scale 1 |
| dec3       | String | O       | decimal 0..100 scale 0 |
| dec4       | String | O       | decimal 17..12345 scale 3 |
| dec5       | String | O       | decimal -120..-7 scale 2 |
| dec6       | String | O       | decimal -9223372036854775808..9223372036854775807 scale 18 |
| url        | String | O       | URL |
| uri        | String | O       | URI |
| image      | String | O       | base64 image 1 KB jpeg png |
| json       | String | O       | JSON |
| mobile     | String | O       | mobile |
| pan        | String | O       | PAN |
| luhn       | String | O       | PAN luhn |
";

fn values() -> Vec<String> {
    let mut out = Vec::new();
    let years = [
        "0000", "0001", "0004", "0100", "0400", "1900", "1996", "2000", "2023", "2024", "2100",
        "9996", "9999",
    ];
    for year in years {
        for month in 0..=13 {
            for day in [0, 1, 9, 10, 19, 20, 28, 29, 30, 31, 32] {
                for time in ["000000", "235959"] {
                    out.push(format!("{year}{month:02}{day:02}{time}"));
                }
                out.push(format!("{year}-{month:02}-{day:02}T12:00:00Z"));
                out.push(format!("{year}-{month:02}-{day:02}"));
                out.push(format!("{year}{month:02}{day:02}"));
            }
        }
    }
    for time in ["240000", "236000", "235960", "99", "2359590"] {
        out.push(format!("20240229{time}"));
    }
    for hour in [0, 9, 10, 19, 20, 23, 24, 25, 99] {
        for minute in [0, 59, 60] {
            for second in [0, 59, 60] {
                out.push(format!("{hour:02}{minute:02}{second:02}"));
                out.push(format!("{hour:02}:{minute:02}:{second:02}"));
            }
        }
    }
    out.extend(["1:00:00", "12:00", "12:00:00Z", "2024-1-01", "2024-01-01 "].map(String::from));
    for t in [
        "T00:00:00Z",
        "T23:59:59.123456789+23:59",
        "T23:59:59.1234567890Z",
        "T24:00:00Z",
        "T12:60:00Z",
        "T12:00:60Z",
        "T12:00:00+24:00",
        "T12:00:00-00:60",
        "T12:00:00",
        "T12:00:00z",
        "t12:00:00Z",
        "T12:00:00.Z",
        "T12:00:00+0800",
        " 12:00:00Z",
        "T12:00:00.5-05:30",
    ] {
        out.push(format!("2024-02-29{t}"));
    }
    let ints = (0..=25)
        .chain(95..=130)
        .chain(990..=1010)
        .chain(12340..=12350)
        .chain([99999, 100000, 9223372036854775807, 9223372036854775808])
        .map(|i: u64| i.to_string())
        .chain(
            [
                "00",
                "01",
                "007",
                "18446744073709551616",
                "123456789012345678901",
            ]
            .map(String::from),
        );
    for int in ints {
        for fraction in [
            "", ".0", ".00", ".000", ".0000", ".5", ".05", ".001", ".9", ".99", ".",
        ] {
            out.push(format!("{int}{fraction}"));
            out.push(format!("-{int}{fraction}"));
        }
    }
    for sign in ['+', '-', ' '] {
        for hours in 0..=15 {
            for minutes in [0, 1, 30, 59, 60] {
                out.push(format!("GMT{sign}{hours:02}:{minutes:02}"));
            }
        }
    }
    out.extend(["gmt+08:00", "GMT+8:00", "GMT+08:00 ", "UTC+08:00"].map(String::from));
    for a in 'A'..='Z' {
        for b in 'A'..='Z' {
            out.push(format!("{a}{b}"));
            for c in ['A', 'B', 'D', 'N', 'R', 'X'] {
                out.push(format!("{a}{b}{c}"));
            }
        }
    }
    out.extend(["cn", "Cn", "chn", "C N", "ＣN"].map(String::from));
    for v in [
        "USD",
        "usd",
        "XXX",
        "ABC",
        "US",
        "USDD",
        "840",
        "156",
        "000",
        "999",
        "84",
        "8400",
        "1",
        "100",
        "0",
        "01",
        "9999999999999999",
        "10000000000000000",
        "1.5",
        "-1",
        "0.88",
        "1",
        "1.00",
        "1.01",
        "0.885",
        "-0",
        "-0.00",
        "-0.01",
        "00.5",
        ".5",
        "0.",
        "+1",
        "1e2",
        "2",
    ] {
        out.push(v.to_owned());
    }
    for v in [
        "https://example.com",
        "http://example.com/",
        "HTTPS://Example.COM/a/b?c=d&e=%2F#frag",
        "https://www.isv.host:8443/isv/provided/path/for/benefit/sync/notify",
        "https://example.com:65535/",
        "https://example.com:65536/",
        "https://example.com:99999/",
        "https://example.com:/",
        "https://example.com:123456/",
        "http://127.0.0.1/x",
        "http://[::1]:80/x",
        "http://[]/x",
        "http://[::1]x/",
        "https://a.b-c.d/~user/file.png",
        "https://example.com?q",
        "https://example.com#f",
        "example.com",
        "ftp://example.com",
        "https://",
        "https://user@example.com/",
        "https://-a.com/",
        "https://a-.com/",
        "https://a..com/",
        "https://a.com./",
        "https://a.com/a b",
        "https://a.com/%zz",
        "https://a.com/%2",
        "https://a.com/{x}",
        "https://a.com/é",
        "https://exa_mple.com/",
        "https://a.com/\"",
        "https://a.com/|",
    ] {
        out.push(v.to_owned());
    }
    for v in [
        "alipays://platformapi/startApp?appId=20000067&url=https%3A%2F%2Fa.b",
        "mailto:John.Doe@example.com",
        "urn:isbn:0451450523",
        "urn:oasis:names:specification:docbook:dtd:xml:4.1.2",
        "tel:+1-816-555-1212",
        "ldap://[2001:db8::7]/c=GB?objectClass?one",
        "telnet://192.0.2.16:80/",
        "foo://u:p@example.com:8042/over/there?name=ferret#nose",
        "s://[v1.fe80::a+en1]/",
        "s://[::ffff:192.0.2.128]/",
        "s://[1:2:3:4:5:6:7]/",
        "s://[1::2::3]/",
        "s://[::256.1.1.1]/",
        "s://a@b@c",
        "s:/abs//path",
        "s:rootless:a@b",
        "s:",
        "s:?q#f",
        "s:#a#b",
        "s://h:8o/",
        "//example.com/x",
        "/path",
        "1s:x",
        "s:a%2",
        "s:a%41",
    ] {
        out.push(v.to_owned());
    }
    out.push(format!("https://{}.com/", "a".repeat(63)));
    out.push(format!("https://{}.com/", "a".repeat(64)));
    for v in [
        "+86-13800000000",
        "+1-2025550123",
        "+852-91234567",
        "+1-1234",
        "+123-123456789012",
        "+123-1234567890123",
        "+1-12345678901234",
        "+1-123456789012345",
        "+12-1234567890123",
        "+12-12345678901234",
        "+086-1380000",
        "+1234-5678901",
        "+86-123",
        "86-13800000000",
        "+86-138 0000 0000",
        "+8６-13800000000",
    ] {
        out.push(v.to_owned());
    }
    for v in [
        "6214835920672688",
        "4111111111111111",
        "4111111111111112",
        "123456789012",
        "12345678901",
        "1234567890123456789",
        "12345678901234567890",
        "621483592067268x",
        r#"{"k":"v"}"#,
        "{k:v}",
        "[1,2]",
        "null",
        "iVBORw0KGgo=",
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
        "data:image/png;base64,iVBORw0KGgo=",
        "data:image/jpeg;base64,iVBORw0KGgo=",
        "/9j/4A==",
        "data:image/jpg;base64,/9j/4A==",
        "not base64!",
        "",
        "１",
    ] {
        out.push(v.to_owned());
    }
    out
}

#[test]
fn format_patterns_agree_with_the_runtime() {
    let schema = Schema::parse("formats.md", FORMATS).unwrap();
    let export = schema.to_json_schema(Some("Formats")).unwrap();
    let ItemKind::Message(object) = &schema.module.item("Formats").unwrap().kind else {
        panic!("a message");
    };
    let values = values();
    for field in &object.fields {
        let format = field.format.expect("every field has a format");
        // The property with the export's `$defs` (the currency tables).
        let mut property = export["$defs"]["Formats"]["properties"][&field.ident].clone();
        property["$defs"] = export["$defs"].clone();
        let property = &property;
        for formats in [false, true] {
            let v = validator(property, formats);
            for value in &values {
                let runtime = format.check(value).is_ok();
                let exported = v.is_valid(&Value::String(value.clone()));
                if runtime {
                    assert!(exported, "{format:?}: `{value}` rejected by the export");
                } else if exact(&format) && !formats {
                    assert!(!exported, "{format:?}: `{value}` accepted by the export");
                }
            }
        }
        assert!(
            v_accepts_null(property),
            "{format:?}: null counts as absent"
        );
    }
}

fn v_accepts_null(property: &Value) -> bool {
    validator(property, true).is_valid(&Value::Null)
}

#[test]
fn currency_tables_are_the_runtimes() {
    let schema = Schema::parse("formats.md", FORMATS).unwrap();
    let export = schema.to_json_schema(Some("Formats")).unwrap();
    let properties = &export["$defs"]["Formats"]["properties"];
    for (ident, format) in [
        ("currency", Format::CurrencyAlpha),
        ("numeric", Format::CurrencyNumeric),
    ] {
        let mut property = properties[ident].clone();
        property["$defs"] = export["$defs"].clone();
        let v = validator(&property, false);
        let mut candidates: Vec<String> = (0..1000).map(|n| format!("{n:03}")).collect();
        for a in 'A'..='Z' {
            for b in 'A'..='Z' {
                for c in ['A', 'D', 'R', 'S', 'X', 'Z', 'a'] {
                    candidates.push(format!("{a}{b}{c}"));
                }
            }
        }
        let mut accepted = 0;
        for code in &candidates {
            let runtime = format.check(code).is_ok();
            assert_eq!(v.is_valid(&json!(code)), runtime, "{format:?} {code}");
            accepted += usize::from(runtime);
        }
        assert!(accepted > 50, "{format:?}: {accepted} codes");
    }
}
