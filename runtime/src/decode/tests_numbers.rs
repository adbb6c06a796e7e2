//! The decoder on numbers and on the JSON kinds a field accepts besides its own
//! (docs/SEMANTICS.md §2.8, §2.9), on a hand-written impl shaped like the generated ones.

use serde::de::MapAccess;

use super::__decode as d;
use super::mode::BUILD;
use super::root::run;
use crate::plan::prelude::*;
use crate::{Number, Path, Report, Rule, from_json, validate_json};

#[derive(Debug, PartialEq)]
struct Quote {
    offset: Option<i64>,
    price: Option<Number>,
    code: Option<String>,
    count: Option<i64>,
    flag: Option<bool>,
    prices: Option<Vec<Number>>,
}

const FIELDS: [FieldPlan<'static>; 6] = [
    FieldPlan::new("offset", Optional)
        .number(NumberRules::INTEGER.range(Some("-720"), Some("720"))),
    FieldPlan::new("price", Optional)
        .number(NumberRules::NUMBER.range(Some("0.01"), None).scale(2)),
    FieldPlan::new("code", Optional)
        .length(Chars, 1, 4)
        .accepts(Accepts::NUMBER.and(Accepts::BOOLEAN)),
    FieldPlan::new("count", Optional)
        .number(NumberRules::INTEGER)
        .accepts(Accepts::STRING),
    FieldPlan::new("flag", Optional)
        .boolean()
        .accepts(Accepts::STRING),
    FieldPlan::new("prices", Optional).number(NumberRules::NUMBER.range(None, Some("1"))),
];

impl d::Decode for Quote {
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
        let mut v2 = d::StrValue::Absent;
        let mut v3 = d::Slot::Absent;
        let mut v4 = d::Slot::Absent;
        let mut v5 = d::Slot::Absent;
        let mut x = d::Extras::new();
        while let Some(key) = map.next_key_seed(d::KeySeed::<M>)? {
            let i: u32 = match key.as_bytes() {
                b"offset" => 0,
                b"price" => 1,
                b"code" => 2,
                b"count" => 3,
                b"flag" => 4,
                b"prices" => 5,
                _ => u32::MAX,
            };
            let p = path.key(FIELDS.get(i as usize).map_or("", |f| f.ident));
            match i {
                0 if v0.is_absent() => {
                    let k = d::ScalarElem::<i64>::new(&FIELDS[0]);
                    v0 = map.next_value_seed(d::FieldSeed::<_, M>::new(k, &p))?;
                }
                1 if v1.is_absent() => {
                    let k = d::ScalarElem::<Number>::new(&FIELDS[1]);
                    v1 = map.next_value_seed(d::FieldSeed::<_, M>::new(k, &p))?;
                }
                2 if v2.is_absent() => v2 = map.next_value_seed(d::ScalarSeed::<M>)?,
                3 if v3.is_absent() => {
                    let k = d::ScalarElem::<i64>::new(&FIELDS[3]);
                    v3 = map.next_value_seed(d::FieldSeed::<_, M>::new(k, &p))?;
                }
                4 if v4.is_absent() => {
                    let k = d::ScalarElem::<bool>::new(&FIELDS[4]);
                    v4 = map.next_value_seed(d::FieldSeed::<_, M>::new(k, &p))?;
                }
                5 if v5.is_absent() => {
                    let k = d::ArrayElem(d::ScalarElem::<Number>::new(&FIELDS[5]), None);
                    v5 = map.next_value_seed(d::FieldSeed::<_, M>::new(k, &p))?;
                }
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
        let f0 = v0.finish(&FIELDS[0], &s, &path.key("offset"), report);
        x.repeats(0, &path.key("offset"), report);
        let f1 = v1.finish(&FIELDS[1], &s, &path.key("price"), report);
        let f2 = v2.finish::<String, M>(&FIELDS[2], &s, &path.key("code"), report);
        let f3 = v3.finish(&FIELDS[3], &s, &path.key("count"), report);
        let f4 = v4.finish(&FIELDS[4], &s, &path.key("flag"), report);
        let f5 = v5.finish(&FIELDS[5], &s, &path.key("prices"), report);
        x.finish(report);
        if !d::build(M) {
            return Ok(None);
        }
        let (Some(offset), Some(price), Some(code), Some(count), Some(flag), Some(prices)) =
            (f0, f1, f2, f3, f4, f5)
        else {
            return Ok(None);
        };
        Ok(Some(Quote {
            offset,
            price,
            code,
            count,
            flag,
            prices,
        }))
    }
}

/// `(path, rule, message)` of every violation, checking that the fast and the checked
/// readings, and validation without building, agree.
fn violations(json: &str) -> Vec<(String, Rule, String)> {
    let report = from_json::<Quote>(json.as_bytes())
        .err()
        .unwrap_or_default();
    let checked = run::<Quote, BUILD>(json.as_bytes())
        .map(|(_, report)| report)
        .unwrap_or_default();
    assert_eq!(report, checked, "the checked reading disagrees on {json}");
    let validated = validate_json::<Quote>(json.as_bytes())
        .err()
        .unwrap_or_default();
    assert_eq!(report, validated, "validate_json disagrees on {json}");
    report
        .iter()
        .map(|v| (v.path.clone(), v.rule, v.message.to_string()))
        .collect()
}

fn v(path: &str, rule: Rule, message: &str) -> (String, Rule, String) {
    (path.to_owned(), rule, message.to_owned())
}

#[test]
fn numbers_keep_their_text() {
    let json = r#"{"offset":-720,"price":0.88156063e0,"code":20,"count":"20","flag":"true","prices":[0.10,-1e3,1]}"#;
    // A scale of 2 on 0.88156063: out of range; without it, the value decodes.
    assert_eq!(
        violations(json),
        [v(
            "/price",
            Rule::Range,
            "must have at most 2 decimal places"
        )]
    );
    let json =
        r#"{"offset":720,"price":0.880,"code":true,"count":-3,"flag":false,"prices":[0.10,-1e3]}"#;
    let quote = from_json::<Quote>(json.as_bytes()).unwrap_or_else(|r| panic!("{r}"));
    assert_eq!(quote.offset, Some(720));
    assert_eq!(quote.price.as_ref().map(Number::as_str), Some("0.880"));
    assert_eq!(quote.code.as_deref(), Some("true"));
    assert_eq!(quote.count, Some(-3));
    assert_eq!(quote.flag, Some(false));
    let prices: Vec<&str> = quote.prices.iter().flatten().map(Number::as_str).collect();
    assert_eq!(prices, ["0.10", "-1e3"]);
    let quote = from_json::<Quote>(br#"{"code":1.50,"count":"9"}"#).unwrap();
    assert_eq!(quote.code.as_deref(), Some("1.50"));
    assert_eq!(quote.count, Some(9));
}

#[test]
fn ranges_integers_and_kinds() {
    assert_eq!(
        violations(
            r#"{"offset":721,"price":0.009,"code":12345,"count":9223372036854775808,"flag":1,"prices":[2,"1",null]}"#
        ),
        [
            v("/offset", Rule::Range, "must be at most 720"),
            v("/price", Rule::Range, "must be at least 0.01"),
            v(
                "/code",
                Rule::Length,
                "must be at most 4 characters long, not 5"
            ),
            v("/count", Rule::Range, "must be at most 9223372036854775807"),
            v("/flag", Rule::Type, "expected a boolean, found a number"),
            v("/prices/0", Rule::Range, "must be at most 1"),
            v("/prices/1", Rule::Type, "expected a number, found a string"),
            v("/prices/2", Rule::Type, "expected a number, found null"),
        ]
    );
    assert_eq!(
        violations(r#"{"offset":1.5,"count":"1.5","flag":"yes","code":[1e3]}"#),
        [
            v("/offset", Rule::Type, "expected an integer, found a number"),
            v("/code", Rule::Type, "expected a string, found an array"),
            v(
                "/count",
                Rule::Type,
                "expected an integer, or a string holding one; found a string that does not"
            ),
            v(
                "/flag",
                Rule::Type,
                "expected a boolean, or a string holding one; found a string that does not"
            ),
        ]
    );
    assert_eq!(
        violations(r#"{"offset":"1","offset":99999999999999999999999}"#),
        [
            v("/offset", Rule::Type, "expected an integer, found a string"),
            v(
                "/offset",
                Rule::Syntax,
                "duplicate key; the first occurrence is the one checked"
            ),
        ]
    );
    assert_eq!(
        violations(r#"{"offset":-0,"price":1E2,"count":-99999999999999999999999}"#),
        [v(
            "/count",
            Rule::Range,
            "must be at least -9223372036854775808"
        )]
    );
    assert_eq!(
        from_json::<Quote>(br#"{"count":"-0"}"#)
            .ok()
            .and_then(|q| q.count),
        Some(0)
    );
}

/// Numbers beyond `f64` are numbers, judged at their field (docs/SEMANTICS.md §2.8), and the
/// rest of the message is checked: never one `syntax` violation for the whole message, as
/// serde_json's reading would make it. The same cases and reports as the dynamic validator's
/// (`schema/src/dynamic/tests_numbers.rs`).
#[test]
fn numbers_beyond_f64_are_checked_at_their_field() {
    let digits = "9".repeat(400);
    let json = format!(
        r#"{{"price":1e400,"offset":-1e400,"count":{digits},"code":1E400,"flag":{digits},"prices":[1e-400,-{digits}],"zz":[1e999,{{"a":-1e999}}]}}"#
    );
    // Only the fast reading can read them: serde_json's calls them malformed.
    let report = from_json::<Quote>(json.as_bytes())
        .err()
        .unwrap_or_default();
    let validated = validate_json::<Quote>(json.as_bytes())
        .err()
        .unwrap_or_default();
    assert_eq!(report, validated);
    let found: Vec<(String, Rule, String)> = report
        .iter()
        .map(|x| (x.path.clone(), x.rule, x.message.to_string()))
        .collect();
    assert_eq!(
        found,
        [
            v("/offset", Rule::Type, "expected an integer, found a number"),
            v(
                "/code",
                Rule::Length,
                "must be at most 4 characters long, not 5"
            ),
            v("/count", Rule::Range, "must be at most 9223372036854775807"),
            v("/flag", Rule::Type, "expected a boolean, found a number"),
        ]
    );
    let quote = from_json::<Quote>(br#"{"price":1e400,"prices":[1e-400]}"#).unwrap();
    assert_eq!(quote.price.as_ref().map(|p| p.as_str()), Some("1e400"));
}
