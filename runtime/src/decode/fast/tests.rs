//! The fast reader against serde_json.

use super::*;
use serde::Deserialize;
use serde_json::Value;

/// What the fast reader makes of `json` as a `Value`, or `None` when it gives up.
fn fast(json: &str) -> Option<Value> {
    let mut de = FastDe::new(json.as_bytes());
    let value = Value::deserialize(&mut de).ok()?;
    de.at_end().then_some(value)
}

#[test]
fn reads_plain_json_as_serde_json_does() {
    for json in [
        r#"{"a":"b","c":[1,-2,true,false,null,{}],"d":{"e":[]}}"#,
        " { \"x\" : [ 0 , 10 ] , \"y\" : \"é\" } ",
        "[]",
        "\"s\"",
        "123456789012345678",
        "-7",
        r#""a\"b""#,
        r#"{"k\"":"\\\/\b\f\n\r\t\u0000\u00e9\u20AC\ud83d\ude00é"}"#,
        r#"["\"", "x\ny", "\uDBFF\uDFFF"]"#,
    ] {
        assert_eq!(
            fast(json),
            serde_json::from_str::<Value>(json).ok(),
            "{json}"
        );
    }
}

#[test]
fn gives_up_on_anything_else() {
    for json in [
        "\"a\u{1}\"",
        "\"a\\\"\u{1}\"",
        r#""\ud800""#,
        r#""\udc00""#,
        r#""\ud800\u0041""#,
        r#""\ud800\n""#,
        r#""\ud800\ud800""#,
        r#""\u12""#,
        r#""\u12g4""#,
        r#""\x""#,
        r#""\'""#,
        r#""a\"#,
        r#""a\""#,
        "01",
        "-",
        "1.",
        "1e",
        "1e+",
        "-.5",
        r#"{"a":1,}"#,
        "[1,]",
        "[1 2]",
        r#"{"a" 1}"#,
        r#"{1:2}"#,
        "tru",
        "nul",
        "{",
        "[",
        "\"abc",
        "",
        "x",
    ] {
        assert_eq!(fast(json), None, "{json}");
    }
    let deep = format!("{}{}", "[".repeat(128), "]".repeat(128));
    assert_eq!(fast(&deep), None);
    assert!(serde_json::from_str::<Value>(&deep).is_err());
    let mut de = FastDe::new(b"\"\xff\"");
    assert!(Value::deserialize(&mut de).is_err());
    let mut de = FastDe::new(b"\"\\n\xff\"");
    assert!(Value::deserialize(&mut de).is_err());
    // Invalid UTF-8 in a string without escapes, followed by what looks like one.
    let mut de = FastDe::new(b"[\"\xb3\"\\u0041\"]");
    assert!(Value::deserialize(&mut de).is_err());
}

#[test]
fn the_word_scan_finds_the_first_special_byte() {
    for len in 0..24 {
        let plain: String = (0..len)
            .map(|i| char::from(b'a' + (i % 26) as u8))
            .collect();
        let json = format!("\"{plain}\" ");
        let mut de = FastDe::new(json.as_bytes());
        assert_eq!(de.raw_string().ok(), Some((plain.as_bytes(), true)));
        for at in 0..len {
            for special in ["\\n", "\u{1}", "é", "\u{7f}", " ", "~"] {
                let mut text = plain.clone();
                text.replace_range(at..=at, special);
                let json = format!("\"{text}\"");
                let mut de = FastDe::new(json.as_bytes());
                let expected = match special {
                    "\\n" | "\u{1}" => None,
                    "é" => Some((text.as_bytes(), false)),
                    _ => Some((text.as_bytes(), true)),
                };
                assert_eq!(de.raw_string().ok(), expected, "{json:?}");
            }
        }
    }
}

#[test]
fn trailing_input_is_seen() {
    let mut de = FastDe::new(b"{} x");
    assert!(Value::deserialize(&mut de).is_ok());
    assert!(!de.at_end());
}

#[test]
fn reads_every_number_as_serde_json_hands_it_over() {
    for json in [
        "1.5",
        "1e3",
        "-0",
        "-0.0",
        "1234567890123456789",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "0.1E-2",
        "[1,-2,3.25,4E+1]",
        "-12345678901234567890123",
    ] {
        let expected: Value = serde_json::from_str(json).unwrap();
        assert_eq!(fast(json), Some(expected), "{json}");
    }
    let deep = format!("{}{}", "[".repeat(127), "]".repeat(127));
    assert!(fast(&deep).is_some());
}

#[test]
fn numbers_beyond_f64_are_numbers() {
    // serde_json refuses them; the fast reader hands them over (a field judges them).
    for json in ["1e400", "-1e999", "[1e400]"] {
        assert!(serde_json::from_str::<Value>(json).is_err());
        let mut de = FastDe::new(json.as_bytes());
        assert!(Value::deserialize(&mut de).is_ok(), "{json}");
    }
    let long = "9".repeat(400);
    let mut de = FastDe::new(long.as_bytes());
    assert!(Value::deserialize(&mut de).is_ok());
}
