//! Arrays with a count, maps and free-form objects, on a hand-written impl shaped like the
//! generated ones.

use std::collections::BTreeMap;

use serde::de::MapAccess;

use super::super::__decode as d;
use crate::plan::prelude::*;
use crate::{Path, RawObject, Report, Rule, from_json, validate_json};

#[derive(Debug, PartialEq)]
struct Bag {
    tags: Option<Vec<String>>,
    meta: Option<BTreeMap<String, RawObject>>,
    codes: Option<BTreeMap<String, Vec<String>>>,
    raw: Option<RawObject>,
}

const FIELDS: [FieldPlan<'static>; 4] = [
    FieldPlan::new("tags", Optional)
        .length(Chars, 1, 3)
        .items(1, Some(2)),
    FieldPlan::new("meta", Optional).items(0, Some(2)),
    FieldPlan::new("codes", Optional)
        .length(Bytes, 0, 2)
        .charset(Charset::An),
    FieldPlan::new("raw", Optional),
];

impl d::Decode for Bag {
    fn decode_object<'de, A, const M: u8>(
        mut map: A,
        path: &Path<'_>,
        report: &mut Report,
    ) -> Result<Option<Self>, A::Error>
    where
        A: MapAccess<'de>,
    {
        let mut v0 = d::Slot::Absent;
        let mut v1 = d::Slot::Absent;
        let mut v2 = d::Slot::Absent;
        let mut v3 = d::Slot::Absent;
        let mut x = d::Extras::new();
        while let Some(key) = map.next_key_seed(d::KeySeed::<M>)? {
            let i: u32 = match key.as_bytes() {
                b"tags" => 0,
                b"meta" => 1,
                b"codes" => 2,
                b"raw" => 3,
                _ => u32::MAX,
            };
            match i {
                0 if v0.is_absent() => {
                    let p = path.key("tags");
                    let kind = d::ArrayElem(d::StrElem::<String>::new(&FIELDS[0]), FIELDS[0].items);
                    v0 = map.next_value_seed(d::FieldSeed::<_, M>::new(kind, &p))?;
                }
                1 if v1.is_absent() => {
                    let p = path.key("meta");
                    let kind = d::MapElem(d::ObjectElem, FIELDS[1].items);
                    v1 = map.next_value_seed(d::FieldSeed::<_, M>::new(kind, &p))?;
                }
                2 if v2.is_absent() => {
                    let p = path.key("codes");
                    let inner = d::ArrayElem(d::StrElem::<String>::new(&FIELDS[2]), None);
                    let kind = d::MapElem(inner, FIELDS[2].items);
                    v2 = map.next_value_seed(d::FieldSeed::<_, M>::new(kind, &p))?;
                }
                3 if v3.is_absent() => {
                    let p = path.key("raw");
                    v3 = map.next_value_seed(d::FieldSeed::<_, M>::new(d::ObjectElem, &p))?;
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
        let s = d::no_siblings;
        let p = path.key("tags");
        let f0 = v0.finish(&FIELDS[0], &s, &p, report);
        x.repeats(0, &p, report);
        let p = path.key("meta");
        let f1 = v1.finish(&FIELDS[1], &s, &p, report);
        x.repeats(1, &p, report);
        let p = path.key("codes");
        let f2 = v2.finish(&FIELDS[2], &s, &p, report);
        x.repeats(2, &p, report);
        let p = path.key("raw");
        let f3 = v3.finish(&FIELDS[3], &s, &p, report);
        x.repeats(3, &p, report);
        x.finish(report);
        if !d::build(M) {
            return Ok(None);
        }
        Ok((|| {
            Some(Bag {
                tags: f0?,
                meta: f1?,
                codes: f2?,
                raw: f3?,
            })
        })())
    }
}

/// `(path, rule, message)` of every violation of `json`; from_json and validate_json agree.
fn violations(json: &str) -> Vec<(String, Rule, String)> {
    let report = from_json::<Bag>(json.as_bytes()).err().unwrap_or_default();
    let validated = validate_json::<Bag>(json.as_bytes())
        .err()
        .unwrap_or_default();
    assert_eq!(report, validated, "from_json and validate_json on {json}");
    report
        .iter()
        .map(|v| (v.path.clone(), v.rule, v.message.to_string()))
        .collect()
}

fn v(path: &str, rule: Rule, message: &str) -> (String, Rule, String) {
    (path.to_owned(), rule, message.to_owned())
}

#[test]
fn a_valid_bag_decodes_with_its_raw_objects_verbatim() {
    let json = r#"{"tags":["a","bc"],"meta":{"z":{"n": 1.50e3},"a":{}},"codes":{"a/b":["x1"]},"raw":{ "k" : [true, null, "é"] }}"#;
    let bag = from_json::<Bag>(json.as_bytes()).unwrap();
    assert_eq!(bag.tags, Some(vec!["a".to_owned(), "bc".to_owned()]));
    let meta = bag.meta.unwrap();
    assert_eq!(meta.keys().collect::<Vec<_>>(), ["a", "z"]);
    assert_eq!(meta["z"].as_str(), r#"{"n": 1.50e3}"#);
    assert_eq!(bag.codes.unwrap()["a/b"], ["x1"]);
    assert_eq!(bag.raw.unwrap().as_str(), r#"{ "k" : [true, null, "é"] }"#);
    // Without a float, the fast reader hands the text over itself.
    let bag = from_json::<Bag>(br#"{"raw":{"k":[1,"x"]}}"#).unwrap();
    assert_eq!(bag.raw.unwrap().as_str(), r#"{"k":[1,"x"]}"#);
    assert!(violations(json).is_empty());
}

#[test]
fn the_count_comes_before_the_elements() {
    assert_eq!(
        violations(r#"{"tags":[]}"#),
        [v(
            "/tags",
            Rule::Length,
            "must have at least 1 element, not 0"
        )]
    );
    assert_eq!(
        violations(r#"{"tags":["a","bcde",3]}"#),
        [
            v("/tags", Rule::Length, "must have at most 2 elements, not 3"),
            v(
                "/tags/1",
                Rule::Length,
                "must be at most 3 characters long, not 4"
            ),
            v("/tags/2", Rule::Type, "expected a string, found a number"),
        ]
    );
    assert_eq!(
        violations(r#"{"meta":{"a":{},"b":[],"c":{}}}"#),
        [
            v("/meta", Rule::Length, "must have at most 2 entries, not 3"),
            v("/meta/b", Rule::Type, "expected an object, found an array"),
        ]
    );
}

#[test]
fn map_values_have_the_field_rules_and_keys_are_escaped() {
    assert_eq!(
        violations(r#"{"codes":{"a/b~":["x!", "abc"], "n": null, "s": "x"}}"#),
        [
            v(
                "/codes/a~1b~0/0",
                Rule::Charset,
                "must hold only letters, digits and space (AN); the character at byte 1 is not allowed",
            ),
            v(
                "/codes/a~1b~0/1",
                Rule::Length,
                "must be at most 2 bytes long, not 3"
            ),
            v("/codes/n", Rule::Type, "expected an array, found null"),
            v("/codes/s", Rule::Type, "expected an array, found a string"),
        ]
    );
}

#[test]
fn a_repeated_map_key_is_a_syntax_violation_and_counts_once() {
    for json in [
        r#"{"meta":{"a":{},"b":{},"a":{}}}"#,
        r#"{"meta":{"a":1,"b":{},"a":{}}}"#,
    ] {
        let found = violations(json);
        let last = found.last().unwrap();
        assert_eq!(
            (last.0.as_str(), last.1),
            ("/meta/a", Rule::Syntax),
            "{json}"
        );
        assert!(found.iter().all(|v| v.1 != Rule::Length), "{json}");
    }
}

#[test]
fn a_free_form_object_checks_only_its_kind() {
    for (json, found) in [
        (r#"{"raw":[]}"#, "an array"),
        (r#"{"raw":"{}"}"#, "a string"),
        (r#"{"raw":1.5}"#, "a number"),
        (r#"{"raw":false}"#, "a boolean"),
    ] {
        assert_eq!(
            violations(json),
            [v(
                "/raw",
                Rule::Type,
                &format!("expected an object, found {found}")
            )],
            "{json}"
        );
    }
    assert!(violations(r#"{"raw":null,"meta":null}"#).is_empty());
    // Inside, nothing is looked at: repeated keys, any kinds.
    assert!(violations(r#"{"raw":{"a":1,"a":[{"b":null}]}}"#).is_empty());
    // Malformed inside is malformed JSON, a lone surrogate escape too (which serde_json's
    // raw value would keep).
    for json in [
        r#"{"raw":{"a":"\ud800"}}"#,
        r#"{"meta":{"k":{"a":"\ud800x"}}}"#,
    ] {
        let found = violations(json);
        assert_eq!(found.len(), 1, "{json}");
        assert_eq!(
            (found[0].0.as_str(), found[0].1),
            ("", Rule::Syntax),
            "{json}"
        );
    }
    assert_eq!(
        violations(r#"{"raw":{"a":tru}}"#)
            .iter()
            .map(|v| (v.0.as_str(), v.1))
            .collect::<Vec<_>>(),
        [("", Rule::Syntax)]
    );
}
