//! Groups (docs/SEMANTICS.md §6.5) in the export: on every combination of absent, `null` and
//! present members of `tests/schemas/groups_and_variants.md`'s `Order`, the `jsonschema` crate's
//! verdict on the export is the dynamic validator's.

use fieldtab_codegen::dynamic::Validator;
use fieldtab_codegen::{Generate, Schema};
use serde_json::{Map, Value, json};

use crate::{repo, validator};

#[test]
fn every_presence_of_the_members_gets_the_dynamic_validators_verdict() {
    let schema = Schema::load(repo().join("tests/schemas/groups_and_variants.md")).unwrap();
    let export = schema.to_json_schema(Some("Order")).unwrap();
    let json_schema = validator(&export, true);
    let dynamic = Validator::new(&schema.module, "Order").unwrap();
    let members: [(&str, Value); 9] = [
        ("priceId", json!("P1")),
        ("referenceGoodsId", json!("G")),
        ("paymentRequestId", json!("R")),
        ("paymentId", json!("I")),
        ("latitude", json!("1.5")),
        ("longitude", json!("2.5")),
        ("accuracy", json!(3)),
        ("gift", json!({"name": "n"})),
        ("goods", json!([{"name": "n", "sku": "A"}])),
    ];
    let (mut valid, mut invalid) = (0, 0);
    for mut code in 0..3usize.pow(members.len() as u32) {
        let mut doc = Map::new();
        doc.insert("scenario".into(), json!("ENTRY"));
        for (ident, value) in &members {
            match code % 3 {
                0 => {}
                1 => {
                    doc.insert((*ident).into(), Value::Null);
                }
                _ => {
                    doc.insert((*ident).into(), value.clone());
                }
            }
            code /= 3;
        }
        let doc = Value::Object(doc);
        let report = dynamic.validate(&serde_json::to_vec(&doc).unwrap(), false);
        if let Err(report) = &report {
            assert!(
                report.iter().all(|v| v.rule.as_str() == "group"),
                "{report}"
            );
        }
        assert_eq!(
            json_schema.is_valid(&doc),
            report.is_ok(),
            "{doc}: {}",
            report
                .as_ref()
                .err()
                .map(ToString::to_string)
                .unwrap_or_default()
        );
        if report.is_ok() {
            valid += 1;
        } else {
            invalid += 1;
        }
    }
    assert!(
        valid > 100 && invalid > 100,
        "{valid} valid, {invalid} invalid"
    );
    // A nested group too: `Goods` in `goods`.
    let nested = json!({"scenario": "ENTRY", "priceId": "P", "paymentId": "I",
        "goods": [{"name": "n", "sku": "A", "barcode": "1"}]});
    assert!(!json_schema.is_valid(&nested));
    assert!(
        dynamic
            .validate(&serde_json::to_vec(&nested).unwrap(), false)
            .is_err()
    );
}
