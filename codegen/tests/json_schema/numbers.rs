//! Numbers and accepted kinds in the export (`minimum`/`maximum` from the bounds' text, type
//! lists for the kinds a field accepts): on chosen documents of `tests/schemas/numbers.md`,
//! the `jsonschema` crate's verdict is the dynamic validator's. What the export does not
//! express (a scale; the other rules of an accepted kind, and conditions comparing it) is
//! left out: its notes say so.

use fieldtab_codegen::dynamic::Validator;
use fieldtab_codegen::{Generate, JsonSchemaOptions, Schema};
use serde_json::Value;

use crate::{repo, validator};

const DOCUMENTS: &[&str] = &[
    r#"{"quantity":1}"#,
    r#"{"quantity":"3"}"#,
    r#"{"quantity":1,"offset":-720,"price":0.01,"ratios":[0,1,0.5],"counts":[100,-3]}"#,
    r#"{"quantity":1,"offset":720,"price":99999999.99,"big":-9223372036854775808}"#,
    r#"{"quantity":1,"code":12,"digits":5,"rate":1e300}"#,
    r#"{"quantity":1,"code":true,"guaranteed":"false"}"#,
    r#"{"quantity":0}"#,
    r#"{"quantity":1.5}"#,
    r#"{"quantity":"x"}"#,
    r#"{"quantity":true}"#,
    r#"{"quantity":1,"offset":721}"#,
    r#"{"quantity":1,"offset":"5"}"#,
    r#"{"quantity":1,"price":0.001}"#,
    r#"{"quantity":1,"price":100000000}"#,
    r#"{"quantity":1,"rate":"1"}"#,
    r#"{"quantity":1,"ratios":[2]}"#,
    r#"{"quantity":1,"counts":[101]}"#,
    r#"{"quantity":1,"guaranteed":"yes"}"#,
    r#"{"quantity":1,"code":[1]}"#,
    r#"{"quantity":1,"code":null,"digits":{}}"#,
];

#[test]
fn bounds_and_accepted_kinds_get_the_dynamic_validators_verdict() {
    let schema = Schema::load(repo().join("tests/schemas/numbers.md")).unwrap();
    let dynamic = Validator::new(&schema.module, "Quote").unwrap();
    let export = schema
        .json_schema(Some("Quote"), JsonSchemaOptions::new())
        .unwrap()
        .to_value();
    let json_schema = validator(&export, true);
    let (mut valid, mut invalid) = (0, 0);
    for doc in DOCUMENTS {
        let value: Value = serde_json::from_str(doc).unwrap();
        let report = dynamic.validate(doc.as_bytes(), false);
        assert_eq!(
            json_schema.is_valid(&value),
            report.is_ok(),
            "{doc}: {report:?}\n{export:#}"
        );
        if report.is_ok() {
            valid += 1;
        } else {
            invalid += 1;
        }
    }
    assert!(
        valid >= 6 && invalid >= 12,
        "{valid} valid, {invalid} invalid"
    );
}
