use std::borrow::Cow;

use super::*;

fn members<'a>(value: &Json<'a>) -> Vec<(Cow<'a, str>, Json<'a>)> {
    let Json::Object(members) = value else {
        panic!("not an object")
    };
    members.iter().map(|m| (m.key(), m.value())).collect()
}

fn elements<'a>(value: &Json<'a>) -> Vec<Json<'a>> {
    let Json::Array(elements) = value else {
        panic!("not an array")
    };
    elements.iter().collect()
}

#[test]
fn keeps_duplicate_keys_in_order() {
    let v = parse(br#"{"a":1,"b":"x","a":2}"#).unwrap();
    let members = members(&v);
    let keys: Vec<&str> = members.iter().map(|(k, _)| k.as_ref()).collect();
    assert_eq!(keys, ["a", "b", "a"]);
    assert_eq!(members[0].1, Json::Number("1"));
    assert_eq!(members[2].1, Json::Number("2"));
    let Json::Object(object) = v else {
        unreachable!()
    };
    assert_eq!(object.first("a"), Some(Json::Number("1")));
    assert_eq!(object.first("c"), None);
}

#[test]
fn numbers_keep_their_text() {
    assert_eq!(parse(b"-5").unwrap(), Json::Number("-5"));
    assert_eq!(parse(b" 0.10 ").unwrap(), Json::Number("0.10"));
    assert_eq!(parse(b"1E+3").unwrap(), Json::Number("1E+3"));
    let v = parse(br#"{"a-1":[1.50,"2\"3",-0],"9":{"x":99999999999999999999999}}"#).unwrap();
    let members = members(&v);
    assert_eq!(
        elements(&members[0].1),
        [
            Json::Number("1.50"),
            Json::Str("2\"3".into()),
            Json::Number("-0")
        ]
    );
    let inner = self::members(&members[1].1);
    assert_eq!(
        inner,
        [("x".into(), Json::Number("99999999999999999999999"))]
    );
}

#[test]
fn numbers_beyond_f64_are_numbers_not_malformed_json() {
    assert_eq!(
        elements(&parse(b"[1e400, 2]").unwrap()),
        [Json::Number("1e400"), Json::Number("2")]
    );
    let long = "9".repeat(400);
    assert_eq!(parse(long.as_bytes()).unwrap(), Json::Number(&long));
}

#[test]
fn strings_with_escapes_and_keys_with_escapes() {
    let v = parse(br#"{"a\u0062":"x\ny\u00e9\ud83d\ude00\/\"\\\t"}"#).unwrap();
    assert_eq!(
        members(&v),
        [("ab".into(), Json::Str("x\ny\u{e9}\u{1f600}/\"\\\t".into()))]
    );
    let Json::Object(object) = v else {
        unreachable!()
    };
    assert!(object.iter().next().unwrap().key_is("ab"));
}

#[test]
fn containers_nest_and_end_where_they_should() {
    let v = parse(br#" [ {"a" : [ ] , "b":{"c":"]}"}} , [[1],[2]] , "x" , true,false , null ] "#)
        .unwrap();
    let items = elements(&v);
    assert_eq!(items.len(), 6);
    let first = members(&items[0]);
    assert_eq!(elements(&first[0].1), []);
    assert_eq!(members(&first[1].1), [("c".into(), Json::Str("]}".into()))]);
    assert_eq!(elements(&items[1]).len(), 2);
    assert_eq!(
        items[2..],
        [
            Json::Str("x".into()),
            Json::Bool(true),
            Json::Bool(false),
            Json::Null
        ]
    );
    assert!(parse(b"{}").is_ok_and(|v| matches!(v, Json::Object(m) if m.iter().next().is_none())));
}

#[test]
fn a_sequence_of_values_keeps_each_text() {
    let values = parse_all(r#" "a" 12  {"k": [1, 2.5]} "#).unwrap();
    let texts: Vec<&str> = values.iter().map(|(_, text)| *text).collect();
    assert_eq!(texts, [r#""a""#, "12", r#"{"k": [1, 2.5]}"#]);
    assert_eq!(values[1].0, Json::Number("12"));
    assert!(parse_all(r#""a" {"#).is_err());
    assert!(parse_all("truefalse").is_err());
    assert!(parse_all("").unwrap().is_empty());
}

#[test]
fn malformed_and_trailing_input_fail() {
    assert!(parse(b"{").is_err());
    assert_eq!(
        parse(b"{} {}").unwrap_err().to_string(),
        "trailing characters at line 1 column 4"
    );
    assert!(parse(b"").is_err());
    assert!(parse(b"{\"a\":\"\xff\"}").is_err());
    let deep = "[".repeat(10_000);
    assert!(parse(deep.as_bytes()).is_err());
}

#[test]
fn debug_never_shows_values() {
    let v = parse(br#"{"cardNo":"6214835920672688"}"#).unwrap();
    assert!(!format!("{v:?}").contains("6214"));
}
