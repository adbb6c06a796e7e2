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

/// What [`FastDe::iso_string`] must answer for the input after an opening quote, written from
/// the definitions: the end is the first `"`, `\\` or
/// control character; the verdict is `Charset::matches` of the bytes before it.
fn iso_reference(content: &[u8], charset: Charset) -> Result<IsoStr<'_>, ()> {
    let end = content
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .ok_or(())?;
    match content[end] {
        b'"' if charset.matches(&content[..end]) => Ok(IsoStr::InCharset(
            std::str::from_utf8(&content[..end]).unwrap(),
        )),
        b'"' => Ok(IsoStr::OutOfCharset(&content[..end])),
        b'\\' => Ok(IsoStr::Escaped),
        _ => Err(()),
    }
}

/// The word-at-a-time skips of `iso_string` agree with the definitions for every charset, every
/// length around the word size, and one odd byte at every place, before and after the end.
#[test]
fn iso_strings_agree_with_the_charset_rule() {
    let odd = [
        b'0', b'9', b'a', b'Z', b' ', b'-', b'.', b'/', b':', b'@', b'[', b'`', b'{', b'~', b'"',
        b'\\', 0x00, 0x1F, 0x7F, 0x80, 0xC3, 0xFF,
    ];
    let mut checked = 0;
    for charset in Charset::ALL {
        for fill in [b'7', b'k', b' ', b'#'] {
            for len in 0..20 {
                for at in 0..len + 2 {
                    for &b in &odd {
                        let mut content = vec![fill; len];
                        content.push(b'"');
                        if at < content.len() {
                            content[at] = b;
                        }
                        let mut input = vec![b'"'];
                        input.extend_from_slice(&content);
                        input.extend_from_slice(b"\"}");
                        let mut de = FastDe::new(&input);
                        let got = de.iso_string(charset).map_err(drop);
                        let expected = iso_reference(&input[1..], charset);
                        assert_eq!(got, expected, "{charset:?} {input:x?}");
                        if let Ok(IsoStr::InCharset(s)) = expected {
                            assert_eq!(de.pos, s.len() + 2, "{charset:?} {input:x?}");
                        }
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked > 50_000, "{checked}");
}
