use super::*;
use crate::plan::prelude::*;

const FIELDS: [FieldPlan<'static>; 4] = [
    FieldPlan::new("type", Mandatory)
        .length(Bytes, 1, 4)
        .charset(Charset::An),
    FieldPlan::new("note", Optional).length(Chars, 0, 5),
    FieldPlan::new(
        "count",
        When(In(FactPath::own(0, &["type"]), &[Str("CNT")])),
    )
    .number(NumberRules::INTEGER),
    FieldPlan::new("inner", Optional),
];

static TABLE: ScanTable = ScanTable {
    fields: &FIELDS,
    kinds: &[
        ScanKind::Str,
        ScanKind::Str,
        ScanKind::Integer,
        ScanKind::Array(&ScanKind::Object(walk_inner)),
    ],
    groups: &[],
    deny_unknown: false,
    plain_keys: plain_keys(&FIELDS),
};

fn walk(scanner: &mut Scanner<'_>) -> Result<(), Stop> {
    scanner.object::<4>(&TABLE)
}

const INNER: [FieldPlan<'static>; 1] =
    [FieldPlan::new("ok", When(In(FactPath::up(1, &["type"]), &[Str("UP")]))).boolean()];

static INNER_TABLE: ScanTable = ScanTable {
    fields: &INNER,
    kinds: &[ScanKind::Boolean],
    groups: &[],
    deny_unknown: true,
    plain_keys: plain_keys(&INNER),
};

fn walk_inner(scanner: &mut Scanner<'_>) -> Result<(), Stop> {
    scanner.object::<1>(&INNER_TABLE)
}

fn proves(json: &str, deny_unknown: bool) -> bool {
    let mut scanner = Scanner {
        de: FastDe::new(json.as_bytes()),
        arena: String::new(),
        deny_unknown,
        report: Report::new(),
    };
    scanner.document(walk).is_ok()
}

#[test]
fn valid_objects_are_proved_in_any_order_and_spacing() {
    for json in [
        r#"{"type":"AB"}"#,
        r#"{"type":"CNT","count":7}"#,
        r#" { "count" : -3 , "type" : "CNT" , "note" : null } "#,
        r#"{"type":"AB","inner":[{"ok":true},{"ok":false}],"extra":[1,{"a":"b"}]}"#,
        r#"{"note":"h\u00e9llo","type":"AB"}"#,
    ] {
        assert!(proves(json, false), "{json}");
    }
}

#[test]
fn a_broken_rule_stops() {
    for json in [
        r#"{}"#,
        r#"{"type":"A-B"}"#,
        r#"{"type":"ABCDE"}"#,
        r#"{"type":"CNT"}"#,
        r#"{"type":"CNT","count":1.5}"#,
        r#"{"type":"AB","note":"toolong"}"#,
        r#"{"type":"AB","note":"t\u00e9\u00e9\u00e9\u00e9\u00e9"}"#,
        r#"{"type":7}"#,
        r#"{"type":"AB","inner":[null]}"#,
        r#"{"type":"AB","inner":{"ok":true}}"#,
    ] {
        assert!(!proves(json, false), "{json}");
    }
}

#[test]
fn what_the_scanner_does_not_judge_stops() {
    for json in [
        // A repeated key, known or unknown.
        r#"{"type":"AB","type":"AB"}"#,
        r#"{"type":"AB","x":1,"x":1}"#,
        // A key with an escape, or outside ASCII.
        r#"{"typ\u0065":"AB"}"#,
        r#"{"type":"AB","é":1}"#,
        // An unknown key where unknown fields are denied (the inner struct denies them).
        r#"{"type":"AB","inner":[{"ok":true,"x":1}]}"#,
        // A fact of the object above (`super.type`) when the field is absent.
        r#"{"type":"AB","inner":[{}]}"#,
        // Malformed JSON, trailing text, a document that is not an object.
        r#"{"type":"AB""#,
        r#"{"type":"AB"} x"#,
        r#"["type"]"#,
        r#"{"type":"AB","x":"\ud800"}"#,
    ] {
        assert!(!proves(json, false), "{json}");
    }
    assert!(!proves(r#"{"type":"AB","x":1}"#, true));
    // Too many unknown keys.
    let many: String = (0..=MAX_UNKNOWN).map(|i| format!(r#""k{i}":1,"#)).collect();
    assert!(!proves(&format!(r#"{{{many}"type":"AB"}}"#), false));
    let few: String = (0..MAX_UNKNOWN).map(|i| format!(r#""k{i}":1,"#)).collect();
    assert!(proves(&format!(r#"{{{few}"type":"AB"}}"#), false));
}

/// A key with a byte that ends or escapes a JSON string: the bytes `a\\` between quotes are the
/// string `a\`, another key, which matching in place would take for it.
const ODD: [FieldPlan<'static>; 1] = [FieldPlan::new("a\\\\", Optional).charset(Charset::An)];

static ODD_TABLE: ScanTable = ScanTable {
    fields: &ODD,
    kinds: &[ScanKind::Str],
    groups: &[],
    deny_unknown: true,
    plain_keys: plain_keys(&ODD),
};

#[test]
fn keys_are_matched_in_place_only_when_plain() {
    assert!(TABLE.plain_keys && INNER_TABLE.plain_keys);
    assert!(!ODD_TABLE.plain_keys);
    for ident in ["a\"b", "a\u{1}", "\u{e9}", "a\u{7f}"] {
        assert!(!plain_keys(&[FieldPlan::new(ident, Optional)]), "{ident:?}");
    }
    let walk_odd = |json: &str| {
        let mut scanner = Scanner {
            de: FastDe::new(json.as_bytes()),
            arena: String::new(),
            deny_unknown: false,
            report: Report::new(),
        };
        scanner.document(|s| s.object::<1>(&ODD_TABLE)).is_ok()
    };
    // `"a\\\\"` is the key `a\\`, unknown where unknown keys are denied.
    assert!(!walk_odd(r#"{"a\\":"x1"}"#));
    assert!(walk_odd(r#"{}"#));
}

#[test]
fn deep_input_stops_at_serde_jsons_limit() {
    let nested = |depth: usize| {
        format!(
            r#"{{"type":"AB","x":{}{}}}"#,
            "[".repeat(depth),
            "]".repeat(depth)
        )
    };
    assert!(proves(&nested(120), false));
    assert!(!proves(&nested(200), false));
}

#[test]
fn escaped_values_are_unescaped_and_their_room_freed() {
    let json = r#"{"type":"A\u0042","note":"\n\t","inner":[{"ok":true}]}"#;
    let mut scanner = Scanner {
        de: FastDe::new(json.as_bytes()),
        arena: String::new(),
        deny_unknown: false,
        report: Report::new(),
    };
    assert_eq!(scanner.document(walk), Ok(()));
    assert!(scanner.arena.is_empty());
    assert!(
        !proves(r#"{"type":"A\u002D"}"#, false),
        "the unescaped text is checked"
    );
}

#[test]
fn the_scanner_debug_shows_no_input() {
    let scanner = Scanner {
        de: FastDe::new(b"{\"cardNo\":\"6214835920672688\"}"),
        arena: String::from("6214835920672688"),
        deny_unknown: false,
        report: Report::new(),
    };
    assert!(!format!("{scanner:?}").contains("6214"));
}

#[test]
fn same_key_is_byte_equality_at_every_length() {
    // Every length the word comparison handles and past it, with the keys differing at each
    // position in turn: a byte the overlapping words missed would show here.
    for len in 0..=20usize {
        let key: Vec<u8> = (0..len).map(|i| b'a' + (i % 26) as u8).collect();
        assert!(object::same_key(&key, &key.clone()), "len {len}");
        for at in 0..len {
            let mut other = key.clone();
            other[at] ^= 0x01;
            assert!(
                !object::same_key(&key, &other),
                "len {len}, differing at {at}"
            );
        }
        let mut longer = key.clone();
        longer.push(b'a');
        assert!(
            !object::same_key(&key, &longer),
            "len {len} against {}",
            len + 1
        );
    }
}
