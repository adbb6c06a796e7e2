//! The fast path of the JSON text rule against serde_json's verdict: on JSON of every kind,
//! edited a byte at a time, and on random values edited at random, the fast reader accepts
//! only what serde_json accepts, and the rule's answer (verdict and message) is serde_json's.

use proptest::prelude::*;
use serde_json::{Map, Value};

use super::{check_json_text, check_json_text_checked};
use crate::decode::is_one_value;

/// JSON values. The fast path must accept those without an escape itself (so that it is what
/// the tests exercise); it gives those with one to serde_json (unescaping would allocate).
const VALID: &[&str] = &[
    r#"{"k1":"abc123","k2":"v2"}"#,
    "{}",
    "[]",
    "[1,2]",
    r#"{"a":[1,2,{"b":null}]}"#,
    r#"{"a":{"b":{"c":[[],[{}]]}},"d":[true,false,null]}"#,
    r#"{"":"","a":1,"a":2}"#,
    r#""s""#,
    r#""""#,
    r#""a\"b\\c\/d\b\f\n\r\t""#,
    r#""\u0041\u00e9\u20AC\ud83d\ude00\uDBFF\uDFFF\u0000""#,
    r#"{"名前":"日本\u0041","x":"é\u007f"}"#,
    "0",
    "-0",
    "7",
    "-12",
    "123456789012345678",
    "1234567890123456789012345",
    "18446744073709551616",
    "-9223372036854775809",
    "0.5",
    "-0.0",
    "1.25e10",
    "1E+2",
    "1e-2",
    "2.5E-07",
    "1e400",
    "-1e400",
    "[1.5e308,2e-400,1e999999999999999999999]",
    "true",
    "false",
    "null",
    " \t\n\r{ \"a\" : [ 1 , 2 ] }\r\n\t ",
    " 1 ",
];

/// Text serde_json refuses (or, for the lone surrogates, accepts where the fast reader gives
/// up), as seeds for the edits.
const OTHER: &[&str] = &[
    "",
    "   ",
    "{",
    "[1,]",
    r#"{"a":1,}"#,
    "{'a':1}",
    "{} {}",
    "[] x",
    "1 2",
    "01",
    "-01",
    "1.",
    "-",
    "1e",
    "1e+",
    ".5",
    "+1",
    "tru",
    "nul",
    "NaN",
    r#""abc"#,
    r#"{"a" 1}"#,
    r#"{1:2}"#,
    r#"["\ud800"]"#,
    r#""\udc00\ud800\u0041""#,
    r#""\x""#,
    r#""\u12G4""#,
    "\"a\u{1}\"",
];

/// Pieces put over or before a byte: the bytes of JSON's grammar, whitespace of JSON and not,
/// control and non-ASCII characters, and a few whole tokens.
const PIECES: &[&str] = &[
    "\"", "{", "}", "[", "]", ",", ":", "\\", " ", "\t", "\n", "\r", "\x0c", "\x0b", "0", "1", "9",
    "-", "+", ".", "e", "E", "a", "Z", "u", "n", "t", "f", "/", "\x00", "\x1f", "\x7f", "é",
    "\u{a0}", "\u{2028}", "１", "\u{feff}", "\"\"", "{}", "[]", "\\u", "\\ud800", "\\udc00",
    "\\\"", "1e400", "null",
];

/// Checks `text`: the fast path accepts only what serde_json accepts, and the rule answers as
/// serde_json's check alone does. Whether the fast path accepted it.
fn same_verdict(text: &str) -> bool {
    let fast = is_one_value(text.as_bytes());
    let serde = serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok();
    assert!(
        !fast || serde,
        "the fast path accepts what serde_json refuses: {text:?}"
    );
    assert_eq!(
        check_json_text(text),
        check_json_text_checked(text),
        "{text:?}"
    );
    fast
}

/// [`same_verdict`] of `bytes` when they are UTF-8 (the rule reads strings).
fn same_verdict_bytes(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_ok_and(same_verdict)
}

#[test]
fn accepts_json_of_every_kind() {
    for text in VALID {
        let fast = same_verdict(text);
        assert_eq!(fast, !text.contains('\\'), "{text:?}");
        assert!(check_json_text(text).is_ok(), "{text:?}");
    }
    let long = format!("1{}", "0".repeat(400));
    let long_fraction = format!("-0.{}e-{}", "9".repeat(400), "9".repeat(30));
    for text in [&long, &long_fraction] {
        assert!(same_verdict(text), "{text}");
    }
    for text in OTHER {
        assert!(!same_verdict(text), "{text:?}");
    }
}

#[test]
fn nesting_deeper_than_the_fast_reader_goes_to_serde_json() {
    for depth in [1, 126, 127, 128, 129, 1000] {
        let text = "[".repeat(depth) + &"]".repeat(depth);
        // The fast reader gives up at its depth limit, 128 levels; serde_json decides then.
        assert_eq!(same_verdict(&text), depth < 128, "{depth}");
        assert!(check_json_text(&text).is_ok());
        let unclosed = &text[..text.len() - 1];
        assert!(!same_verdict(unclosed));
    }
}

#[test]
fn every_single_edit_of_the_seeds() {
    let mut accepted = 0usize;
    let mut cases = 0usize;
    for seed in VALID.iter().chain(OTHER) {
        let bytes = seed.as_bytes();
        for i in 0..=bytes.len() {
            // Truncated at either end, and one byte removed.
            same_verdict_bytes(&bytes[..i]);
            same_verdict_bytes(&bytes[i..]);
            if i < bytes.len() {
                let mut removed = bytes.to_vec();
                removed.remove(i);
                same_verdict_bytes(&removed);
            }
            for piece in PIECES {
                let mut inserted = bytes.to_vec();
                inserted.splice(i..i, piece.bytes());
                accepted += usize::from(same_verdict_bytes(&inserted));
                if i < bytes.len() {
                    let mut replaced = bytes.to_vec();
                    replaced.splice(i..=i, piece.bytes());
                    accepted += usize::from(same_verdict_bytes(&replaced));
                }
                cases += 2;
            }
            for byte in [0xc3, 0x80, 0xff] {
                // Non-UTF-8 is skipped; over a continuation byte it may still be UTF-8.
                let mut replaced = bytes.to_vec();
                if i < bytes.len() {
                    replaced[i] = byte;
                    same_verdict_bytes(&replaced);
                }
            }
        }
    }
    // The edits keep many texts valid: the fast path is what is being tested.
    assert!(accepted > cases / 20, "{accepted} of {cases}");
}

/// Any JSON value, a few levels deep, with strings that need escapes.
fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "[a-z0-9\"\\\\/\u{0}-\u{1f}\u{7f}é日\u{1F600}]{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(("[a-z\"\\\\é]{0,4}", inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn on_random_values_edited_at_random(
        value in value(),
        pretty in any::<bool>(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), 0..3u8), 0..4),
    ) {
        let text = if pretty {
            serde_json::to_string_pretty(&value).unwrap()
        } else {
            serde_json::to_string(&value).unwrap()
        };
        if edits.is_empty() {
            prop_assert_eq!(same_verdict(&text), !text.contains('\\'), "{}", text);
        }
        let mut bytes = text.into_bytes();
        for (at, piece, how) in edits {
            let i = at.index(bytes.len() + 1);
            let piece = PIECES[piece.index(PIECES.len())].bytes();
            match how {
                0 if i < bytes.len() => { bytes.splice(i..=i, piece); }
                1 => { bytes.splice(i..i, piece); }
                _ if i < bytes.len() => { bytes.remove(i); }
                _ => {}
            }
        }
        same_verdict_bytes(&bytes);
    }
}
