//! The dynamic validator on numbers and on the JSON kinds a field accepts besides its own
//! (docs/SEMANTICS.md §2.8, §2.9): the same cases as the decoder's
//! (`runtime/src/decode/tests_numbers.rs`), the same reports.

use super::*;
use crate::model::{Accepts, Condition, Field, Item, Length, Range, Requirement as R, Type};

fn range(min: Option<&str>, max: Option<&str>) -> Option<Range> {
    Some(Range {
        min: min.map(str::to_owned),
        max: max.map(str::to_owned),
    })
}

fn module() -> Module {
    let offset = Field {
        range: range(Some("-720"), Some("720")),
        ..Field::new("offset", Type::Integer, R::Optional)
    };
    let price = Field {
        range: range(Some("0.01"), None),
        scale: Some(2),
        ..Field::new("price", Type::Number, R::Optional)
    };
    let code = Field {
        length: Some(Length { min: 1, max: 4 }),
        accepts: Accepts::NUMBER.and(Accepts::BOOLEAN),
        ..Field::new("code", Type::String, R::Optional)
    };
    let count = Field {
        accepts: Accepts::STRING,
        ..Field::new("count", Type::Integer, R::Optional)
    };
    let flag = Field {
        accepts: Accepts::STRING,
        ..Field::new("flag", Type::Boolean, R::Optional)
    };
    let prices = Field {
        range: range(None, Some("1")),
        ..Field::new("prices", Type::Array(Box::new(Type::Number)), R::Optional)
    };
    // Conditions read a value the field accepts as the field reads it.
    let twenty = Field::new(
        "twenty",
        Type::String,
        R::Conditional(Condition::In(
            crate::model::FieldPath::sibling("count"),
            vec![crate::model::Value::Int(20)],
        )),
    );
    let coded = Field::new(
        "coded",
        Type::String,
        R::Conditional(Condition::one_of("code", &["20"])),
    );
    Module {
        title: None,
        doc: String::new(),
        items: vec![Item {
            name: "Quote".into(),
            doc: String::new(),
            kind: ItemKind::Message(Object {
                fields: vec![offset, price, code, count, flag, prices, twenty, coded],
                deny_unknown: false,
                groups: Vec::new(),
            }),
        }],
    }
}

fn violations(json: &str) -> Vec<(String, Rule, String)> {
    let module = module();
    let validator = Validator::new(&module, "Quote").unwrap();
    let report = validator
        .validate(json.as_bytes(), false)
        .err()
        .unwrap_or_default();
    report
        .iter()
        .map(|v| (v.path.clone(), v.rule, v.message.to_string()))
        .collect()
}

fn v(path: &str, rule: Rule, message: &str) -> (String, Rule, String) {
    (path.to_owned(), rule, message.to_owned())
}

use fieldtab_runtime::Rule;

#[test]
fn numbers_are_checked_on_their_text() {
    assert_eq!(
        violations(
            r#"{"offset":-720,"price":0.88156063e0,"code":2,"count":"2","flag":"true","prices":[0.10,-1e3,1]}"#
        ),
        [v(
            "/price",
            Rule::Range,
            "must have at most 2 decimal places"
        )]
    );
    assert_eq!(
        violations(
            r#"{"offset":720,"price":0.880,"code":true,"count":-3,"flag":false,"prices":[]}"#
        ),
        []
    );
}

#[test]
fn ranges_integers_and_kinds_as_the_decoder_reports_them() {
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
}

/// Numbers beyond `f64` are numbers, checked at their field like any other (docs/SEMANTICS.md
/// §2.8), and the rest of the message is checked too: never a `syntax` violation of the whole.
#[test]
fn numbers_beyond_f64_are_checked_at_their_field() {
    let digits = "9".repeat(400);
    let found = violations(&format!(
        r#"{{"price":1e400,"offset":-1e400,"count":{digits},"code":1E400,"flag":{digits},"prices":[1e-400,-{digits}]}}"#
    ));
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
}

#[test]
fn conditions_read_accepted_values_as_the_field_reads_them() {
    assert_eq!(
        violations(r#"{"count":"20","code":20}"#),
        [
            v("/twenty", Rule::Required, "is required"),
            v("/coded", Rule::Required, "is required"),
        ]
    );
    assert_eq!(violations(r#"{"count":"21","code":"21"}"#), []);
}
