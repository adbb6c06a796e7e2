//! The validate-only scanner against the checked path: on valid messages of every shipped item
//! and on mutations aimed at the scanner's own reading (escapes in keys and values, surrogate
//! pairs and lone surrogates, number forms, whitespace, repeated keys, deep nesting, bytes
//! that are not UTF-8, truncation, and the agreement test's own mutations), the scanner never
//! proves valid a message the decoder finds a violation in, and `validate_json` (which asks the
//! scanner first) gives the decoder's and the dynamic validator's report. The scanner must
//! also prove most valid messages, escaped or not: a scanner that proved nothing would pass the
//! first checks.
//!
//! Cases: `SCANNER_CASES` per item (default 300, 43 items: 12,900 in the normal run).

use fieldtab_codegen::dynamic::Validator;
use proptest::prelude::*;

use crate::CASES;
use crate::assert::{Case, Item, runner, triples};
use crate::generate::{Gen, Rng};
use crate::load;
use crate::mutate::{mutate, mutate_text, spaced};

fn cases_per_item() -> u32 {
    std::env::var("SCANNER_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300)
}

/// Where each string of `text` starts (just after its opening quote: keys and values alike),
/// and where each number starts and ends (outside strings), in one pass.
fn spots(text: &str) -> (Vec<usize>, Vec<(usize, usize)>) {
    let bytes = text.as_bytes();
    let (mut strings, mut numbers) = (Vec::new(), Vec::new());
    let (mut in_string, mut escaped) = (false, false);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
        } else if b == b'"' {
            in_string = true;
            strings.push(i + 1);
        } else if b == b'-' || b.is_ascii_digit() {
            let end = (i..bytes.len())
                .find(|&j| !matches!(bytes[j], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'))
                .unwrap_or(bytes.len());
            numbers.push((i, end));
            i = end;
            continue;
        }
        i += 1;
    }
    (strings, numbers)
}

/// Where each string of `text` starts.
fn string_starts(text: &str) -> Vec<usize> {
    spots(text).0
}

/// One mutation of the text aimed at the scanner; `kind` picks it.
fn scanner_mutation(text: &str, kind: u8, rng: &mut Rng) -> String {
    let starts = string_starts(text);
    // Into a string value (keys have their own mutations: the scanner leaves a key with an
    // escape to the decoder), or at the start of a document without one.
    let values: Vec<usize> = starts
        .iter()
        .copied()
        .filter(|&s| s >= 2 && matches!(text.as_bytes()[s - 2], b':' | b'['))
        .collect();
    let at = match (values.as_slice(), starts.as_slice()) {
        ([], []) => 0,
        ([], all) => *rng.pick(all),
        (values, _) => *rng.pick(values),
    };
    let insert = |what: &str| format!("{}{what}{}", &text[..at], &text[at..]);
    if text.is_empty() {
        return String::new();
    }
    match kind % 14 {
        // The string's first character as a `\u` escape, or a short escape, or `\/`.
        0 => match text.as_bytes().get(at) {
            Some(&b) if b.is_ascii_alphanumeric() => {
                format!("{}\\u{:04X}{}", &text[..at], b, &text[at + 1..])
            }
            _ => insert("\\/"),
        },
        1 => insert(rng.pick::<&str>(&["\\n", "\\t", "\\\"", "\\\\", "\\u00e9", "\\u20AC"])),
        // A surrogate pair (valid), a lone high or low surrogate (malformed for serde_json).
        2 => insert("\\ud83d\\ude00"),
        3 => insert(rng.pick::<&str>(&["\\ud800", "\\udc00", "\\ud800\\u0041", "\\uZZZZ"])),
        // Raw non-ASCII text, a control character, a byte that is not UTF-8 (written as text
        // here; the bytes variant is in `raw_bytes_are_judged_alike`).
        4 => insert(rng.pick::<&str>(&["é", "€", "\u{1F600}", "\u{7}", "\t"])),
        // Number forms.
        5 => {
            let spots = spots(text).1;
            if spots.is_empty() {
                return insert("1e2");
            }
            let (start, end) = *rng.pick(&spots);
            let form = rng.pick::<&str>(&[
                "1e2",
                "1E+2",
                "1.0",
                "-0",
                "0",
                "01",
                "-",
                "1.",
                ".5",
                "1e",
                "-12",
                "100000000000000000000",
                "9223372036854775808",
                "1e400",
                "0.000",
            ]);
            format!("{}{form}{}", &text[..start], &text[end..])
        }
        6 => spaced(text, rng),
        // A member repeated (a key written twice, its value after), or an unknown key twice.
        7 => {
            let key_starts: Vec<usize> = starts
                .iter()
                .copied()
                .filter(|&s| s >= 2 && matches!(text.as_bytes()[s - 2], b'{' | b','))
                .collect();
            if key_starts.is_empty() {
                return text.to_string();
            }
            let s = *rng.pick(&key_starts);
            let end = s + text[s..].find('"').unwrap_or(0);
            let key = &text[s..end];
            format!("{}\"{key}\":null,{}", &text[..s - 1], &text[s - 1..])
        }
        8 => text.replacen('{', "{\"zz\":1,\"zz\":2,", 1),
        // Deep nesting in an unknown member, around serde_json's limit of 128.
        9 => {
            let depth = 100 + rng.below(31);
            let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            text.replacen('{', &format!("{{\"deep\":{nested},"), 1)
        }
        // Many unknown keys (past the scanner's own limit).
        10 => {
            let n = 10 + rng.below(12);
            let members: String = (0..n).map(|i| format!("\"u{i}\":{i},")).collect();
            text.replacen('{', &format!("{{{members}"), 1)
        }
        // Keys with an escape that spells a known key, or an unknown one.
        11 => {
            let key_starts: Vec<usize> = starts
                .iter()
                .copied()
                .filter(|&s| s >= 2 && matches!(text.as_bytes()[s - 2], b'{' | b','))
                .collect();
            match key_starts.as_slice() {
                [] => text.to_string(),
                keys => {
                    let s = *rng.pick(keys);
                    match text.as_bytes().get(s).copied() {
                        Some(b) if b.is_ascii_alphanumeric() => {
                            format!("{}\\u{:04x}{}", &text[..s], b, &text[s + 1..])
                        }
                        _ => text.to_string(),
                    }
                }
            }
        }
        12 => mutate_text(text.to_string(), rng.next() as u8, rng.next()),
        // Truncation (the text mutations' first kind).
        _ => mutate_text(text.to_string(), 0, rng.next()),
    }
}

/// What one item's run saw: valid messages, and how many of them the scanner proved.
#[derive(Default)]
struct Seen {
    plain_valid: u32,
    plain_proved: u32,
    escaped_valid: u32,
    escaped_proved: u32,
    cases: u32,
}

fn run(case: &Case, seen: &mut Seen) {
    let module = load(case.schema);
    let Item {
        validator,
        object,
        enums,
        generator,
        members,
    } = Item::new(&module, case.item);
    let mut runner = runner(cases_per_item());
    let strategy = (
        any::<u64>(),
        proptest::collection::vec((any::<u8>(), any::<u64>()), 0..3),
        proptest::collection::vec(any::<u8>(), 0..3),
        any::<bool>(),
    );
    let tally = std::cell::RefCell::new(std::mem::take(seen));
    let result = runner.run(&strategy, |(seed, plan, text_plan, deny)| {
        let mut rng = Rng::new(seed);
        let mut doc = generator.document(&object, &mut rng);
        for (kind, seed) in &plan {
            mutate(&mut doc, *kind, *seed, &enums, &members);
        }
        let mut text = doc.text();
        for kind in &text_plan {
            text = scanner_mutation(&text, *kind, &mut rng);
        }
        let bytes = text.as_bytes();
        let proved = (case.scanned)(bytes, deny);
        let generated = (case.generated)(bytes, deny);
        let dynamic = triples(validator.validate(bytes, deny));
        prop_assert!(
            !proved || generated.is_empty(),
            "{}: the scanner proved valid a message with violations {:?}: {}",
            case.item,
            generated,
            text
        );
        prop_assert_eq!(&dynamic, &generated, "{} on {}", case.item, text);
        let mut t = tally.borrow_mut();
        t.cases += 1;
        if plan.is_empty() && generated.is_empty() && !deny {
            if text_plan.is_empty() {
                t.plain_valid += 1;
                t.plain_proved += u32::from(proved);
            } else if text_plan.iter().all(|k| matches!(k % 14, 0..=2 | 6)) {
                t.escaped_valid += 1;
                t.escaped_proved += u32::from(proved);
            }
        }
        Ok(())
    });
    *seen = tally.into_inner();
    if let Err(error) = result {
        panic!("{}: {error}", case.item);
    }
}

#[test]
fn the_scanner_proves_only_what_the_decoder_finds_valid() {
    let only = std::env::var("AGREEMENT_ITEM").ok();
    let mut seen = Seen::default();
    for case in CASES {
        if only.as_deref().is_none_or(|name| name == case.item) {
            let before = (seen.plain_valid, seen.plain_proved);
            run(case, &mut seen);
            eprintln!(
                "{}: scanner proved {} of {} plain valid messages",
                case.item,
                seen.plain_proved - before.1,
                seen.plain_valid - before.0
            );
        }
    }
    eprintln!(
        "scanner: {} cases; proved {}/{} plain valid, {}/{} escaped valid",
        seen.cases, seen.plain_proved, seen.plain_valid, seen.escaped_proved, seen.escaped_valid
    );
    if only.is_none() {
        assert_eq!(seen.cases, CASES.len() as u32 * cases_per_item());
        // Most valid messages are proved: the fast path is the common one.
        assert!(
            seen.plain_proved * 10 >= seen.plain_valid * 8,
            "too few plain proofs"
        );
        assert!(
            seen.escaped_proved * 10 >= seen.escaped_valid * 6,
            "too few escaped proofs"
        );
    }
}

/// Bytes that are not UTF-8 (which no `String` holds): inside a value, a key, after the
/// document. The scanner never proves them; the report is the decoder's.
#[test]
fn raw_bytes_are_judged_alike() {
    let module = load("schemas/upi/enrollment_registration.md");
    let generator = Gen::new(&module);
    let item = "EnrollmentRegistrationRequest";
    let case = CASES.iter().find(|c| c.item == item).unwrap();
    let validator = Validator::new(&module, item).unwrap();
    let object = module.item(item).unwrap().kind.object().unwrap().clone();
    for seed in 0..200u64 {
        let mut rng = Rng::new(seed);
        let text = generator.document(&object, &mut rng).text();
        let starts = string_starts(&text);
        let at = *rng.pick(&starts);
        let mut bytes = text.into_bytes();
        bytes.insert(at, *rng.pick(&[0xFF, 0xC3, 0x80, 0xED]));
        assert!(
            !(case.scanned)(&bytes, false),
            "{}",
            String::from_utf8_lossy(&bytes)
        );
        assert_eq!(
            (case.generated)(&bytes, false),
            triples(validator.validate(&bytes, false))
        );
    }
}
