//! The serde wire format of the report types and `Amount`, inputs and errors alike, pinned
//! case by case: their `Serialize`/`Deserialize` impls are written by hand (the runtime does
//! not use serde's derive) and read and write what serde's derive did, error messages included.

use std::borrow::Cow;

use fieldtab_runtime::{Amount, Currency, MinorUnits, Report, Rule, Violation};
use serde::de::DeserializeOwned;

/// `serde_json::from_str` as text: the value's `Debug` or the error's message.
fn read<T: DeserializeOwned + std::fmt::Debug>(json: &str) -> String {
    match serde_json::from_str::<T>(json) {
        Ok(value) => format!("Ok({value:?})"),
        Err(error) => format!("Err({error})"),
    }
}

fn check<T: DeserializeOwned + std::fmt::Debug>(cases: &[(&str, &str)]) {
    for (input, expected) in cases {
        assert_eq!(read::<T>(input), *expected, "{input}");
    }
}

/// A rule: its name; `{"name": null}` also reads (serde's enum shape); nothing else does.
const RULES: &[(&str, &str)] = &[
    (r#""syntax""#, r#"Ok(Syntax)"#),
    (r#""unknown_field""#, r#"Ok(UnknownField)"#),
    (r#""pattern""#, r#"Ok(Pattern)"#),
    (r#""group""#, r#"Ok(Group)"#),
    (
        r#""Type""#,
        r#"Err(unknown variant `Type`, expected one of `syntax`, `type`, `required`, `length`, `charset`, `format`, `enum`, `const`, `range`, `unknown_field`, `pattern`, `group` at line 1 column 6)"#,
    ),
    (
        r#""""#,
        r#"Err(unknown variant ``, expected one of `syntax`, `type`, `required`, `length`, `charset`, `format`, `enum`, `const`, `range`, `unknown_field`, `pattern`, `group` at line 1 column 2)"#,
    ),
    (r#"{"type":null}"#, r#"Ok(Type)"#),
    (
        r#"{"type":1}"#,
        r#"Err(invalid type: integer `1`, expected unit at line 1 column 9)"#,
    ),
    (r#"{}"#, r#"Err(expected value at line 1 column 2)"#),
    (r#"3"#, r#"Err(expected value at line 1 column 1)"#),
    (r#"null"#, r#"Err(expected value at line 1 column 1)"#),
    (r#"["type"]"#, r#"Err(expected value at line 1 column 1)"#),
];

/// A violation: a map (any order, unknown keys ignored, each key once) or a 3-element array.
const VIOLATIONS: &[(&str, &str)] = &[
    (
        r#"{"path":"/a","rule":"length","message":"too long"}"#,
        r#"Ok(Violation { path: "/a", rule: Length, message: "too long" })"#,
    ),
    (
        r#"{"message":"m","rule":"enum","path":""}"#,
        r#"Ok(Violation { path: "", rule: Enum, message: "m" })"#,
    ),
    (
        r#"{"path":"/a","rule":"length","message":"m","extra":[1,{"x":2}]}"#,
        r#"Ok(Violation { path: "/a", rule: Length, message: "m" })"#,
    ),
    (
        r#"{"path":"/a","path":"/b","rule":"length","message":"m"}"#,
        r#"Err(duplicate field `path` at line 1 column 19)"#,
    ),
    (
        r#"{"path":"/a","message":"m"}"#,
        r#"Err(missing field `rule` at line 1 column 27)"#,
    ),
    (
        r#"{"path":"/a","rule":"length"}"#,
        r#"Err(missing field `message` at line 1 column 29)"#,
    ),
    (
        r#"{"rule":"length","message":"m"}"#,
        r#"Err(missing field `path` at line 1 column 31)"#,
    ),
    (
        r#"{"path":1,"rule":"length","message":"m"}"#,
        r#"Err(invalid type: integer `1`, expected a string at line 1 column 9)"#,
    ),
    (
        r#"{"path":"/a","rule":"nope","message":"m"}"#,
        r#"Err(unknown variant `nope`, expected one of `syntax`, `type`, `required`, `length`, `charset`, `format`, `enum`, `const`, `range`, `unknown_field`, `pattern`, `group` at line 1 column 26)"#,
    ),
    (
        r#"["/a","length","m"]"#,
        r#"Ok(Violation { path: "/a", rule: Length, message: "m" })"#,
    ),
    (
        r#"["/a","length"]"#,
        r#"Err(invalid length 2, expected struct Violation with 3 elements at line 1 column 15)"#,
    ),
    (
        r#"["/a","length","m","x"]"#,
        r#"Err(trailing characters at line 1 column 20)"#,
    ),
    (
        r#""/a""#,
        r#"Err(invalid type: string "/a", expected struct Violation at line 1 column 4)"#,
    ),
    (
        r#"null"#,
        r#"Err(invalid type: null, expected struct Violation at line 1 column 4)"#,
    ),
];

/// A report: an array of violations.
const REPORTS: &[(&str, &str)] = &[
    (r#"[]"#, r#"Ok(Report { violations: [] })"#),
    (
        r#"[{"path":"/a","rule":"required","message":"is required"},{"path":"","rule":"syntax","message":"x"}]"#,
        r#"Ok(Report { violations: [Violation { path: "/a", rule: Required, message: "is required" }, Violation { path: "", rule: Syntax, message: "x" }] })"#,
    ),
    (
        r#"{}"#,
        r#"Err(invalid type: map, expected a sequence at line 1 column 0)"#,
    ),
    (
        r#"[1]"#,
        r#"Err(invalid type: integer `1`, expected struct Violation at line 1 column 2)"#,
    ),
    (
        r#"null"#,
        r#"Err(invalid type: null, expected a sequence at line 1 column 4)"#,
    ),
];

/// An amount: a map (any order, unknown keys ignored, each key once) or a 2-element array.
const AMOUNTS: &[(&str, &str)] = &[
    (
        r#"{"currency":"USD","value":"100"}"#,
        r#"Ok(Amount { currency: Currency(USD), value: MinorUnits(100) })"#,
    ),
    (
        r#"{"value":"100","currency":"JPY"}"#,
        r#"Ok(Amount { currency: Currency(JPY), value: MinorUnits(100) })"#,
    ),
    (
        r#"{"currency":"USD","value":"100","note":"x"}"#,
        r#"Ok(Amount { currency: Currency(USD), value: MinorUnits(100) })"#,
    ),
    (
        r#"{"currency":"USD","currency":"EUR","value":"100"}"#,
        r#"Err(duplicate field `currency` at line 1 column 28)"#,
    ),
    (
        r#"{"currency":"USD"}"#,
        r#"Err(missing field `value` at line 1 column 18)"#,
    ),
    (
        r#"{"value":"100"}"#,
        r#"Err(missing field `currency` at line 1 column 15)"#,
    ),
    (
        r#"{"currency":"usd","value":"100"}"#,
        r#"Err(must be an ISO 4217 alphabetic currency code (three capital letters) at line 1 column 17)"#,
    ),
    (
        r#"{"currency":"USD","value":100}"#,
        r#"Err(invalid type: a number, expected a positive integer in minor units, as a string at line 1 column 29)"#,
    ),
    (
        r#"["USD","100"]"#,
        r#"Ok(Amount { currency: Currency(USD), value: MinorUnits(100) })"#,
    ),
    (
        r#"["USD"]"#,
        r#"Err(invalid length 1, expected struct Amount with 2 elements at line 1 column 7)"#,
    ),
    (
        r#"[]"#,
        r#"Err(invalid length 0, expected struct Amount with 2 elements at line 1 column 2)"#,
    ),
    (
        r#""USD 1.00""#,
        r#"Err(invalid type: string "USD 1.00", expected struct Amount at line 1 column 10)"#,
    ),
];

#[test]
fn rules_read_as_before() {
    check::<Rule>(RULES);
}

#[test]
fn violations_read_as_before() {
    check::<Violation>(VIOLATIONS);
}

#[test]
fn reports_read_as_before() {
    check::<Report>(REPORTS);
}

#[test]
fn amounts_read_as_before() {
    check::<Amount>(AMOUNTS);
}

#[test]
fn written_as_before() {
    for rule in Rule::ALL {
        assert_eq!(
            serde_json::to_string(&rule).unwrap(),
            format!("\"{}\"", rule.as_str())
        );
    }
    let violation = Violation {
        path: "/a/0".into(),
        rule: Rule::UnknownField,
        message: Cow::Owned("is \"odd\"".into()),
    };
    assert_eq!(
        serde_json::to_string(&violation).unwrap(),
        r#"{"path":"/a/0","rule":"unknown_field","message":"is \"odd\""}"#
    );
    let report: Report =
        serde_json::from_str(r#"[{"path":"","rule":"syntax","message":"x"}]"#).unwrap();
    assert_eq!(
        serde_json::to_string(&report).unwrap(),
        r#"[{"path":"","rule":"syntax","message":"x"}]"#
    );
    assert_eq!(
        serde_json::to_string_pretty(&report).unwrap(),
        "[\n  {\n    \"path\": \"\",\n    \"rule\": \"syntax\",\n    \"message\": \"x\"\n  }\n]"
    );
    assert_eq!(serde_json::to_string(&Report::new()).unwrap(), "[]");
    let amount = Amount::new(
        Currency::from_code("KWD").unwrap(),
        MinorUnits::new(1000).unwrap(),
    );
    assert_eq!(
        serde_json::to_string(&amount).unwrap(),
        r#"{"currency":"KWD","value":"1000"}"#
    );
    assert_eq!(
        serde_json::to_value(amount).unwrap(),
        serde_json::json!({"currency": "KWD", "value": "1000"})
    );
}
