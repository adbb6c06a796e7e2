//! The decoder on hand-written impls shaped exactly like the generated ones.

use serde::de::MapAccess;

use super::__decode as d;
use crate::plan::prelude::*;
use crate::{LocalTime, Path, Report, Rule, from_json, from_str, validate_json};

#[derive(Debug, PartialEq)]
struct Header {
    proc_type: String,
    local_time: LocalTime,
    resv_fld: Option<String>,
}

#[derive(Debug, PartialEq)]
enum Kind {
    A,
    B,
}

impl d::WireEnum for Kind {
    const RULE: EnumRule<'static> = EnumRule {
        values: &["A", "B"],
        open: false,
    };
    fn from_wire(value: &str) -> Option<Self> {
        match value {
            "A" => Some(Kind::A),
            "B" => Some(Kind::B),
            _ => None,
        }
    }
}

#[derive(Debug, PartialEq)]
struct Msg {
    header: Header,
    items: Option<Vec<String>>,
    count: Option<i64>,
    kind: Kind,
    extra: Option<String>,
}

impl d::Decode for Header {
    fn decode_object<'de, A, const M: u8>(
        mut map: A,
        path: &Path<'_>,
        report: &mut Report,
    ) -> Result<Option<Self>, A::Error>
    where
        A: MapAccess<'de>,
    {
        const FIELDS: [FieldPlan<'static>; 3] = [
            FieldPlan::new("procType", Mandatory)
                .length(Bytes, 0, 2)
                .charset(Charset::An)
                .fixed("41"),
            FieldPlan::new("localTime", Mandatory)
                .length(Bytes, 0, 14)
                .charset(Charset::N)
                .format(Format::LocalTime),
            FieldPlan::new("resvFld", Optional)
                .length(Bytes, 0, 500)
                .charset(Charset::Ans),
        ];
        let seed = |i: usize| d::StrSeed::<M> {
            charset: FIELDS[i].rules.charset,
        };
        let mut v0 = d::StrValue::Absent;
        let mut v1 = d::StrValue::Absent;
        let mut v2 = d::StrValue::Absent;
        let mut x = d::Extras::new();
        while let Some(key) = map.next_key_seed(d::KeySeed::<M>)? {
            let b = key.as_bytes();
            let i: u32 = match b.len() {
                8 if b == b"procType" => 0,
                9 if b == b"localTime" => 1,
                7 if b == b"resvFld" => 2,
                _ => u32::MAX,
            };
            match i {
                0 if v0.is_absent() => v0 = map.next_value_seed(seed(0))?,
                1 if v1.is_absent() => v1 = map.next_value_seed(seed(1))?,
                2 if v2.is_absent() => v2 = map.next_value_seed(seed(2))?,
                u32::MAX => {
                    x.unknown::<A::Error>(key, d::deny(M), path)?;
                    map.next_value_seed(d::Skip)?;
                }
                _ => {
                    x.repeat(i);
                    map.next_value_seed(d::Skip)?;
                }
            }
        }
        let s = d::no_siblings;
        let p = path.key("procType");
        let f0 = v0.finish::<String, M>(&FIELDS[0], &s, &p, report);
        x.repeats(0, &p, report);
        let p = path.key("localTime");
        let f1 = v1.finish::<LocalTime, M>(&FIELDS[1], &s, &p, report);
        x.repeats(1, &p, report);
        let p = path.key("resvFld");
        let f2 = v2.finish::<String, M>(&FIELDS[2], &s, &p, report);
        x.repeats(2, &p, report);
        x.finish(report);
        if !d::build(M) {
            return Ok(None);
        }
        let Some(Some(f0)) = f0 else { return Ok(None) };
        let Some(Some(f1)) = f1 else { return Ok(None) };
        let Some(f2) = f2 else { return Ok(None) };
        Ok(Some(Header {
            proc_type: f0,
            local_time: f1,
            resv_fld: f2,
        }))
    }
}

impl d::Decode for Msg {
    fn decode_object<'de, A, const M: u8>(
        mut map: A,
        path: &Path<'_>,
        report: &mut Report,
    ) -> Result<Option<Self>, A::Error>
    where
        A: MapAccess<'de>,
    {
        const FIELDS: [FieldPlan<'static>; 5] = [
            FieldPlan::new("header", Mandatory),
            FieldPlan::new("items", Optional)
                .length(Bytes, 0, 3)
                .charset(Charset::An),
            FieldPlan::new("count", Optional),
            FieldPlan::new("kind", Mandatory).enumeration(<Kind as d::WireEnum>::RULE),
            FieldPlan::new("extra", When(In(FactPath::own(3, &["kind"]), &[Str("B")])))
                .length(Chars, 1, 4),
        ];
        let mut v0 = d::Slot::Absent;
        let mut v1 = d::Slot::Absent;
        let mut v2 = d::Slot::Absent;
        let mut v3 = d::StrValue::Absent;
        let mut v4 = d::StrValue::Absent;
        let mut x = d::Extras::new();
        while let Some(key) = map.next_key_seed(d::KeySeed::<M>)? {
            let i: u32 = match key.as_bytes() {
                b"header" => 0,
                b"items" => 1,
                b"count" => 2,
                b"kind" => 3,
                b"extra" => 4,
                _ => u32::MAX,
            };
            match i {
                0 if v0.is_absent() => {
                    let p = path.key("header");
                    v0 = map.next_value_seed(d::FieldSeed::<_, M>::new(
                        d::ObjElem::<Header>::new(),
                        &p,
                    ))?;
                }
                1 if v1.is_absent() => {
                    let p = path.key("items");
                    v1 = map.next_value_seed(d::FieldSeed::<_, M>::new(
                        d::ArrayElem(d::StrElem::<String>::new(&FIELDS[1]), None),
                        &p,
                    ))?;
                }
                2 if v2.is_absent() => {
                    let p = path.key("count");
                    v2 = map.next_value_seed(d::FieldSeed::<_, M>::new(d::IntElem, &p))?;
                }
                3 if v3.is_absent() => {
                    v3 = map.next_value_seed(d::StrSeed::<M> { charset: None })?;
                }
                4 if v4.is_absent() => {
                    v4 = map.next_value_seed(d::StrSeed::<M> { charset: None })?;
                }
                u32::MAX => {
                    x.unknown::<A::Error>(key, true, path)?;
                    map.next_value_seed(d::Skip)?;
                }
                _ => {
                    x.repeat(i);
                    map.next_value_seed(d::Skip)?;
                }
            }
        }
        let s = |i: usize| if i == 3 { v3.fact() } else { d::Fact::Absent };
        let p = path.key("header");
        let f0 = v0.finish(&FIELDS[0], &s, &p, report);
        x.repeats(0, &p, report);
        let p = path.key("items");
        let f1 = v1.finish(&FIELDS[1], &s, &p, report);
        x.repeats(1, &p, report);
        let p = path.key("count");
        let f2 = v2.finish(&FIELDS[2], &s, &p, report);
        x.repeats(2, &p, report);
        let p = path.key("kind");
        let f3 = v3.finish_enum::<Kind, M>(&FIELDS[3], &s, &p, report);
        x.repeats(3, &p, report);
        let p = path.key("extra");
        let f4 = v4.finish::<String, M>(&FIELDS[4], &s, &p, report);
        x.repeats(4, &p, report);
        x.finish(report);
        if !d::build(M) {
            return Ok(None);
        }
        let Some(Some(f0)) = f0 else { return Ok(None) };
        let Some(f1) = f1 else { return Ok(None) };
        let Some(f2) = f2 else { return Ok(None) };
        let Some(Some(f3)) = f3 else { return Ok(None) };
        let Some(f4) = f4 else { return Ok(None) };
        Ok(Some(Msg {
            header: f0,
            items: f1,
            count: f2,
            kind: f3,
            extra: f4,
        }))
    }
}

const VALID: &str = r#"{"header":{"procType":"41","localTime":"20240229120000"},"kind":"A","items":["ab","c"],"count":3}"#;

/// `(path, rule)` of every violation of `json`, checking that every entry point agrees.
fn violations(json: &str) -> Vec<(String, Rule)> {
    let report = match from_json::<Msg>(json.as_bytes()) {
        Ok(_) => Report::new(),
        Err(report) => report,
    };
    let validated = validate_json::<Msg>(json.as_bytes())
        .err()
        .unwrap_or_default();
    assert_eq!(
        report, validated,
        "from_json and validate_json disagree on {json}"
    );
    let serde = serde_json::from_str::<SerdeMsg>(json).err();
    assert_eq!(
        serde.is_some(),
        !report.is_empty(),
        "plain Deserialize disagrees on {json}"
    );
    report.iter().map(|v| (v.path.clone(), v.rule)).collect()
}

/// `Msg` through the generic `Deserialize` path (as generated code wires it).
#[derive(Debug)]
struct SerdeMsg(#[allow(dead_code)] Msg);

impl<'de> serde::Deserialize<'de> for SerdeMsg {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        d::deserialize::<Msg, D>(deserializer).map(SerdeMsg)
    }
}

fn p(path: &str, rule: Rule) -> (String, Rule) {
    (path.to_owned(), rule)
}

#[test]
fn decodes_a_valid_message() {
    let msg = from_json::<Msg>(VALID.as_bytes()).unwrap_or_else(|r| panic!("{r}"));
    assert_eq!(msg.header.proc_type, "41");
    assert_eq!(msg.header.local_time.to_string(), "20240229120000");
    assert_eq!(msg.items, Some(vec!["ab".to_owned(), "c".to_owned()]));
    assert_eq!(msg.count, Some(3));
    assert_eq!(msg.kind, Kind::A);
    assert_eq!(msg.extra, None);
    assert!(validate_json::<Msg>(VALID.as_bytes()).is_ok());
    assert_eq!(from_str::<Msg>(VALID).ok(), Some(msg));
    assert!(violations(VALID).is_empty());
}

#[test]
fn escapes_and_whitespace_decode_the_same() {
    let json = r#" { "header" : { "proc\u0054ype" : "4\u0031", "localTime":"20240229120000", "resvFld": "a\"b\\c" } , "kind" : "A" } "#;
    let msg = from_json::<Msg>(json.as_bytes()).unwrap_or_else(|r| panic!("{r}"));
    assert_eq!(msg.header.proc_type, "41");
    assert_eq!(msg.header.resv_fld.as_deref(), Some("a\"b\\c"));
}

#[test]
fn reports_every_violation_in_schema_order() {
    // Input order is the reverse of table order; the report follows the table.
    let json = r#"{"extra":"","kind":"B","count":1.5,"items":["abcd",7,null],"header":{"resvFld":"é","localTime":"20230229120000","procType":"4x1"},"zz":1}"#;
    assert_eq!(
        violations(json),
        [
            p("/header/procType", Rule::Length),
            p("/header/procType", Rule::Const),
            p("/header/localTime", Rule::Format),
            p("/header/resvFld", Rule::Charset),
            p("/items/0", Rule::Length),
            p("/items/1", Rule::Type),
            p("/items/2", Rule::Type),
            p("/count", Rule::Type),
            p("/extra", Rule::Required),
            p("/zz", Rule::UnknownField),
        ]
    );
}

#[test]
fn null_is_absent_and_types_are_checked() {
    assert_eq!(
        violations(r#"{"header":null,"kind":null,"items":null}"#),
        [p("/header", Rule::Required), p("/kind", Rule::Required)]
    );
    assert_eq!(
        violations(r#"{"header":[],"kind":3,"items":{"a":1},"count":"3"}"#),
        [
            p("/header", Rule::Type),
            p("/items", Rule::Type),
            p("/count", Rule::Type),
            p("/kind", Rule::Type),
        ]
    );
    assert_eq!(
        violations(r#"{"header":{"procType":41,"localTime":{"a":[1]},"resvFld":true},"kind":"C"}"#),
        [
            p("/header/procType", Rule::Type),
            p("/header/localTime", Rule::Type),
            p("/header/resvFld", Rule::Type),
            p("/kind", Rule::Enum),
        ]
    );
}

#[test]
fn empty_strings() {
    assert_eq!(
        violations(
            r#"{"header":{"procType":"","localTime":"20240229120000","resvFld":""},"kind":""}"#
        ),
        [
            p("/header/procType", Rule::Required),
            p("/kind", Rule::Required)
        ]
    );
}

#[test]
fn conditions_look_at_the_sibling_wherever_it_is() {
    let head = r#""header":{"procType":"41","localTime":"20240229120000"}"#;
    assert_eq!(
        violations(&format!(r#"{{"extra":null,{head},"kind":"B"}}"#)),
        [p("/extra", Rule::Required)]
    );
    assert!(violations(&format!(r#"{{{head},"kind":"B","extra":"x"}}"#)).is_empty());
    assert!(
        violations(&format!(r#"{{{head},"kind":"A","extra":""}}"#)) == [p("/extra", Rule::Length)]
    );
}

#[test]
fn duplicate_keys() {
    let json = r#"{"header":{"procType":"41","localTime":"20240229120000","procType":"xx","procType":1},"kind":"A","q":1,"kind":"B","q":2,"q":3}"#;
    assert_eq!(
        violations(json),
        [
            p("/header/procType", Rule::Syntax),
            p("/header/procType", Rule::Syntax),
            p("/kind", Rule::Syntax),
            p("/q", Rule::UnknownField),
            p("/q", Rule::Syntax),
            p("/q", Rule::Syntax),
        ]
    );
}

#[test]
fn a_document_that_is_not_an_object_is_one_type_violation() {
    for (json, found) in [
        ("[1,2]", "an array"),
        ("\"x\"", "a string"),
        ("null", "null"),
        ("12", "a number"),
        ("1.5", "a number"),
        ("true", "a boolean"),
    ] {
        assert_eq!(violations(json), [p("", Rule::Type)], "{json:?}");
        let report = from_json::<Msg>(json.as_bytes()).err().unwrap_or_default();
        assert_eq!(
            report.violations()[0].message,
            format!("expected an object, found {found}")
        );
    }
    // Not JSON after the value is still `syntax`.
    assert_eq!(violations("[] x"), [p("", Rule::Syntax)]);
}

#[test]
fn malformed_json_is_one_syntax_violation() {
    for json in [
        "",
        "{",
        r#"{"kind":"A""#,
        r#"{"kind":"A"} x"#,
        r#"{"kind":"A",}"#,
        "[1,2",
        "{\"header\":{\"procType\":\"4\u{1}\"}}",
        r#"{"header":{"procType":"\ud800"}}"#,
        "{\"zz\":\"\u{1}\"}",
    ] {
        assert_eq!(violations(json), [p("", Rule::Syntax)], "{json:?}");
    }
    // An escaped control character is valid JSON: the charset rejects it.
    assert_eq!(
        violations(r#"{"header":{"procType":"4\u0001","localTime":"20240229120000"},"kind":"A"}"#),
        [
            p("/header/procType", Rule::Charset),
            p("/header/procType", Rule::Const)
        ]
    );
    // Invalid UTF-8 anywhere, even in a skipped value.
    for bytes in [
        &b"{\"zz\":\"\xff\"}"[..],
        b"{\"header\":{\"procType\":\"\xc3\"}}",
        b"{\"\xff\":1}",
    ] {
        let report = from_json::<Msg>(bytes).err().unwrap_or_default();
        assert_eq!(report.len(), 1);
        assert_eq!(report.violations()[0].rule, Rule::Syntax);
        assert_eq!(validate_json::<Msg>(bytes).err(), Some(report));
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = format!(r#"{{"zz":{}{}}}"#, "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(violations(&deep), [p("", Rule::Syntax)]);
    let deep = format!(
        r#"{{"header":{}{}}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert_eq!(violations(&deep), [p("", Rule::Syntax)]);
}

#[test]
fn messages_never_contain_the_value() {
    let json = r#"{"header":{"procType":"SECRET","localTime":"SECRET2","resvFld":"SECRETé"},"kind":"SECRET","extra":"SECRETSECRET"}"#;
    let report = from_json::<Msg>(json.as_bytes()).err().unwrap_or_default();
    assert!(report.len() >= 5);
    assert!(!report.to_string().contains("SECRET"), "{report}");
    let serde = serde_json::from_str::<SerdeMsg>(json)
        .err()
        .map(|e| e.to_string());
    assert!(!serde.unwrap_or_default().contains("SECRET"));
}

/// The fast reading, where it does not hand over to the checked one, agrees with it exactly:
/// on random edits of valid and invalid messages.
mod fast_agrees_with_checked {
    use proptest::prelude::*;

    use super::super::mode::{BUILD, FAST};
    use super::super::root::run;
    use super::*;

    const SEEDS: &[&str] = &[
        VALID,
        r#"{"extra":"","kind":"B","count":1.5,"items":["abcd",7,null],"header":{"resvFld":"é","localTime":"20230229120000","procType":"4x1"},"zz":1}"#,
        r#"{"header":{"procType":"41","localTime":"20240229120000","procType":"xx"},"kind":"A","q":[1,{"a":null}],"q":2}"#,
        r#"{"header":{"procType":"4\u0031","localTime":"20240229120000"},"kind":"A","items":[]}"#,
        r#"{"header":{"procType":"41","localTime":"20240229120000"},"kind":"\u0042","extra":"\"\u00e9\ud83d\ude00","zz":"\\\/\b\f\n\r\t\u0000\uD83D\uDE00"}"#,
        r#"{"header":{"procType":"41","localTime":"20240229120000"},"kind":"A","items":["a\nb"],"zz":["\ud800","\udc00\ud800\u0041"]}"#,
    ];

    fn check(bytes: &[u8]) {
        let checked = run::<Msg, BUILD>(bytes);
        assert!(checked.is_some());
        if let Some(fast) = run::<Msg, { BUILD | FAST }>(bytes) {
            assert_eq!(Some(fast), checked, "{:?}", String::from_utf8_lossy(bytes));
        }
        let checked = run::<Msg, 0>(bytes);
        if let Some(fast) = run::<Msg, FAST>(bytes) {
            assert_eq!(Some(fast), checked, "{:?}", String::from_utf8_lossy(bytes));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn on_edited_messages(
            seed in 0..SEEDS.len(),
            edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..3u8), 1..4),
        ) {
            let mut bytes = SEEDS[seed].as_bytes().to_vec();
            const SPECIAL: &[u8] = b"\"\\{}[],:01 \x01\xc3\xa9\xffntf-.eEu\\dDc8/b";
            for (at, byte, how) in edits {
                let i = at.index(bytes.len() + 1);
                let b = if byte % 2 == 0 { SPECIAL[usize::from(byte / 2) % SPECIAL.len()] } else { byte };
                match how {
                    0 if i < bytes.len() => bytes[i] = b,
                    1 => bytes.insert(i, b),
                    _ if i < bytes.len() => { bytes.remove(i); }
                    _ => {}
                }
            }
            check(&bytes);
        }
    }

    #[test]
    fn on_the_seeds() {
        for seed in SEEDS {
            check(seed.as_bytes());
        }
        // Escapes in strings read as `deserialize_any` no longer hand over to the checked reading.
        assert!(run::<Msg, { BUILD | FAST }>(SEEDS[4].as_bytes()).is_some());
        assert!(run::<Msg, FAST>(SEEDS[4].as_bytes()).is_some());
    }
}
