//! `include_schema!` on every shipped schema and on `tests/schemas/edge_cases.md`, compiled and
//! exercised: construction, `validate()` with paths in schema order, `Debug` masking, `Serialize`.
//!
//! A new shipped schema must get a `mod` in `tests/common/mod.rs`
//! (`every_shipped_schema_is_included` fails until it does); `tests/standalone.rs` compiles every
//! shipped schema without being told.

use fieldtab::{Message, Validate};

mod common;

use common::{alipayplus_benefit, upi_enrollment_registration};

mod edge {
    fieldtab::include_schema!("tests/schemas/edge_cases.md");
}
mod cond {
    fieldtab::include_schema!("tests/schemas/conditional_formats.md");
}

/// Every shipped schema has a `mod` in `tests/common/mod.rs`.
#[test]
fn every_shipped_schema_is_included() {
    // Without whitespace: a call with options is broken across lines.
    let common: String = include_str!("common/mod.rs").split_whitespace().collect();
    let mut todo = vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schemas")];
    while let Some(dir) = todo.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
                continue;
            }
            let Ok(relative) = path.strip_prefix(env!("CARGO_MANIFEST_DIR")) else {
                continue;
            };
            let relative = relative.to_string_lossy().replace('\\', "/");
            if relative.ends_with(".md") && !relative.ends_with("README.md") {
                // The path, then its options if any.
                let call = format!("include_schema!(\"{relative}\"");
                assert!(
                    common.contains(&call),
                    "add a `mod` with `{call});` to tests/common/mod.rs"
                );
            }
        }
    }
}

/// The (path, rule) pairs of a report, for comparisons.
fn pairs(report: &fieldtab::Report) -> Vec<(String, &'static str)> {
    report
        .iter()
        .map(|v| (v.path.clone(), v.rule.as_str()))
        .collect()
}

fn edge_request() -> edge::Request {
    edge::Request {
        proc_type: "41".into(),
        local_time: "20240229123000".parse().expect("a valid local time"),
        time_zone: "GMT+08:00".parse().expect("a valid offset"),
        card_no: Some("6214835920672688".parse().expect("a valid card number")),
        mobile: "+86-13800000000".into(),
        sent_at: None,
        result: edge::Result::S,
        items: vec![edge::Vec {
            r#type: edge::Option::Ratio,
            r#match: Some(edge::Result::S),
            self_: None,
            ratio: Some("0.88".into()),
            count: Some(3),
            flag: None,
            tags: Some(vec!["ab".into()]),
            grid: Some(vec![vec!["12".into()]]),
        }],
        note: None,
    }
}

#[test]
fn a_valid_value_validates() {
    let request = edge_request();
    assert!(request.is_valid());
    assert_eq!(request.validate().map_err(|r| r.to_string()), Ok(()));
    assert_eq!(<edge::Request as Message>::NAME, "Request");
}

#[test]
fn violations_come_in_schema_order_with_wire_paths() {
    let mut request = edge_request();
    request.proc_type = "4a1".into();
    request.mobile = String::new();
    request.note = Some("toolong".into());
    let item = &mut request.items[0];
    item.r#type = edge::Option::ReduceBy; // now `self` is required, `ratio` and `count` are not
    item.r#match = Some(edge::Result::F); // fixed S
    item.ratio = Some("1.5".into());
    item.tags = Some(vec!["ok".into(), "n0".into()]);
    item.grid = Some(vec![vec![], vec!["1".into(), "x".into()]]);
    let report = request.validate().expect_err("invalid");
    assert_eq!(
        pairs(&report),
        [
            ("/procType".to_owned(), "length"),
            ("/procType".to_owned(), "const"),
            ("/mobile".to_owned(), "required"),
            ("/items/0/match".to_owned(), "const"),
            ("/items/0/self".to_owned(), "required"),
            ("/items/0/ratio".to_owned(), "range"),
            ("/items/0/tags/1".to_owned(), "charset"),
            ("/items/0/grid/1/1".to_owned(), "charset"),
            ("/note".to_owned(), "length"),
        ]
    );
    assert!(!request.is_valid());
}

#[test]
fn conditions_follow_their_sibling() {
    let mut request = edge_request();
    let item = &mut request.items[0];
    item.ratio = None;
    item.count = None;
    let report = request
        .validate()
        .expect_err("ratio and count are required for RATIO");
    assert_eq!(
        pairs(&report),
        [
            ("/items/0/ratio".to_owned(), "required"),
            ("/items/0/count".to_owned(), "required")
        ]
    );
    // A condition that names several values holds for each; an open enum's unknown value holds
    // for none.
    request.items[0].r#type = edge::Option::V41;
    assert_eq!(
        pairs(&request.validate().expect_err("41")),
        [("/items/0/ratio".to_owned(), "required")]
    );
    request.items[0].r#type = edge::Option::Other("SOMETHING".into());
    assert!(request.is_valid());
    request.items[0].r#type = edge::Option::Other(String::new());
    assert_eq!(
        pairs(&request.validate().expect_err("empty")),
        [("/items/0/type".to_owned(), "required")]
    );
}

#[test]
fn debug_masks_sensitive_fields() {
    let request = edge_request();
    let debug = format!("{request:?}");
    assert!(!debug.contains("6214835920672688"), "{debug}");
    assert!(!debug.contains("621483"), "{debug}");
    assert!(!debug.contains("13800000000"), "{debug}");
    assert!(debug.contains("card_no: Some(***)"), "{debug}");
    assert!(debug.contains("mobile: ***"), "{debug}");
    assert!(debug.contains("proc_type: \"41\""), "{debug}");
    let report = {
        let mut bad = request.clone();
        bad.card_no = Some("6214835920672688".parse().expect("valid"));
        bad.proc_type = "x".into();
        bad.validate().expect_err("invalid")
    };
    assert!(!report.to_string().contains("6214835920672688"));
}

#[test]
fn serializes_with_wire_names_and_skips_none() {
    let request = edge_request();
    let json = serde_json::to_value(&request).expect("serializable");
    assert_eq!(
        json,
        serde_json::json!({
            "procType": "41",
            "localTime": "20240229123000",
            "timeZone": "GMT+08:00",
            "cardNo": "6214835920672688",
            "mobile": "+86-13800000000",
            "result": "S",
            "items": [{
                "type": "RATIO",
                "match": "S",
                "ratio": "0.88",
                "count": 3,
                "tags": ["ab"],
                "grid": [["12"]],
            }],
        })
    );
    let open = edge::Option::Other("NEW".into());
    assert_eq!(serde_json::to_value(&open).expect("serializable"), "NEW");
    assert_eq!(edge::Option::ReduceBy.as_str(), "REDUCE_BY");
}

#[test]
fn shipped_messages_build_and_validate() {
    use upi_enrollment_registration as upi;
    let request = upi::EnrollmentRegistrationRequest {
        header: upi::EnrollmentRegistrationRequestHeader {
            proc_type: "41".into(),
            sign_cert_id: "001".into(),
            enc_cert_id: "002".into(),
            ins_code: "12345678901".into(),
            pid: "1234567890".into(),
            ref_num: "123456789012345".into(),
            local_time: "20240229123000".parse().expect("valid"),
            local_time_zone: "GMT+08:00".parse().expect("valid"),
            resv_fld: None,
        },
        data: upi::EnrollmentRegistrationData {
            user_token: "token".into(),
            card_no: "6214835920672688".parse().expect("valid"),
            mobile: Some("+86-13800000000".into()),
        },
    };
    assert_eq!(request.validate().map_err(|r| r.to_string()), Ok(()));
    assert!(!format!("{request:?}").contains("6214835920672688"));
    let mut bad = request.clone();
    bad.header.proc_type = "42".into();
    bad.header.pid = "12345678901".into();
    assert_eq!(
        pairs(&bad.validate().expect_err("invalid")),
        [
            ("/header/procType".to_owned(), "const"),
            ("/header/pid".to_owned(), "length")
        ]
    );
    assert_eq!(
        <upi::EnrollmentRegistrationRequest as Message>::NAME,
        "EnrollmentRegistrationRequest"
    );

    use alipayplus_benefit as benefit;
    let content = benefit::BenefitContent {
        r#type: benefit::BenefitType::Discount,
        threshold_amount: None,
        amount: None,
        ratio: None,
        gift_description: None,
    };
    assert_eq!(
        pairs(&content.validate().expect_err("ratio")),
        [("/ratio".to_owned(), "required")]
    );
}

/// The generated `Serialize` (EMIT) and `Deserialize` (DECODE) agree: what one writes the other
/// reads back equal, keyword fields, nested arrays and open enums included; and a value that
/// `validate()` rejects is rejected by decoding with the same (path, rule) list.
#[test]
fn serialize_then_decode_round_trips_and_verdicts_agree() {
    let mut request = edge_request();
    request.items[0].r#type = edge::Option::Other("NEW".into());
    request.items[0].flag = Some(true);
    request.sent_at = Some("2019-11-27T12:01:01.5+08:30".parse().expect("valid"));
    let json = serde_json::to_vec(&request).expect("serializable");
    let back: edge::Request = fieldtab::from_json(&json).expect("decodes");
    assert_eq!(back, request);
    assert!(fieldtab::validate_json::<edge::Request>(&json).is_ok());

    let mut bad = edge_request();
    bad.proc_type = "4a1".into();
    bad.items[0].ratio = None;
    bad.note = Some(String::new());
    let json = serde_json::to_vec(&bad).expect("serializable");
    let by_validate = bad.validate().expect_err("invalid");
    let by_decode = fieldtab::from_json::<edge::Request>(&json).expect_err("invalid");
    assert_eq!(pairs(&by_decode), pairs(&by_validate));
}

/// Conditional formats (docs/SEMANTICS.md §2.5): the format of `content` follows `kind`, in
/// order; none applies to an unlisted value; `validate()` and decoding agree.
#[test]
fn conditional_formats_follow_their_sibling() {
    let check = |kind: cond::Kind, content: Option<&str>| {
        let value = cond::Content {
            kind,
            content: content.map(Into::into),
        };
        let by_validate = value
            .validate()
            .err()
            .map(|r| pairs(&r))
            .unwrap_or_default();
        let json = serde_json::to_vec(&value).expect("serializable");
        let by_decode = fieldtab::from_json::<cond::Content>(&json)
            .err()
            .map(|r| pairs(&r))
            .unwrap_or_default();
        assert_eq!(by_validate, by_decode, "{json:?}");
        by_validate
    };
    let format = vec![("/content".to_owned(), "format")];
    assert_eq!(check(cond::Kind::Url, Some("https://a.example/x.png")), []);
    assert_eq!(check(cond::Kind::Url, Some("{\"k\": 1}")), format);
    assert_eq!(check(cond::Kind::Json, Some("{\"k\": 1}")), []);
    assert_eq!(check(cond::Kind::Json, Some("not json")), format);
    assert_eq!(check(cond::Kind::Either, Some("not json")), format);
    assert_eq!(check(cond::Kind::Either, None), []);
    assert_eq!(
        check(cond::Kind::Other("ELSE".into()), Some("anything")),
        []
    );
    // An empty required value is `required` only; an empty optional one gets its format.
    assert_eq!(
        check(cond::Kind::Url, Some("")),
        [("/content".to_owned(), "required")]
    );
    assert_eq!(
        check(cond::Kind::Either, Some("")),
        [
            ("/content".to_owned(), "length"),
            ("/content".to_owned(), "format")
        ]
    );
    assert_eq!(
        check(cond::Kind::Json, None),
        [("/content".to_owned(), "required")]
    );
}

/// `include_schema!` in a function body, not a module: the generated tables name nothing
/// through `super::` (a function body is not a module), so enums, conditions and nested structs
/// still resolve.
#[test]
fn include_schema_works_in_a_function_body() {
    fieldtab::include_schema!("schemas/alipayplus/benefit.md");

    let image = Image {
        r#type: ImageType::Url,
        content: "not a url".into(),
    };
    let report = image.validate().unwrap_err();
    let found: Vec<(&str, &str)> = report
        .iter()
        .map(|v| (v.path.as_str(), v.rule.as_str()))
        .collect();
    assert_eq!(found, [("/content", "format")]);
    let decoded =
        fieldtab::from_json::<Image>(br#"{"type":"URL","content":"https://a.example/x.png"}"#);
    assert!(decoded.is_ok(), "{decoded:?}");
    let bad = fieldtab::from_json::<Image>(br#"{"type":"GIF","content":"x"}"#).unwrap_err();
    assert_eq!(bad.violations()[0].rule.as_str(), "enum");
}

mod selected {
    fieldtab::include_schema!("tests/schemas/selected_imports.md");
}

/// An import's selection and aliases (schemas/README.md, "Imports"): the alias is the Rust type
/// of the imported item everywhere in the module, beside this file's own item of the item's
/// own name; an item the selected ones use is generated too.
#[test]
fn selected_items_take_their_aliases_in_generated_code() {
    let basket = selected::Basket {
        order: selected::Order {
            scenario: selected::Scenario::Entry,
            price_id: Some("P1".into()),
            reference_goods_id: None,
            payment_request_id: Some("R".into()),
            payment_id: None,
            latitude: None,
            longitude: None,
            accuracy: None,
            gift: Some(selected::Article {
                name: "gift".into(),
                sku: None,
                barcode: None,
            }),
            goods: None,
        },
        articles: Some(vec![selected::Article {
            name: "a".into(),
            sku: Some("S".into()),
            barcode: Some("1".into()),
        }]),
        own: Some(selected::Goods {
            code: "AB12".into(),
        }),
    };
    let paths: Vec<(String, &str)> = match basket.validate() {
        Ok(()) => vec![],
        Err(report) => report
            .iter()
            .map(|v| (v.path.clone(), v.rule.as_str()))
            .collect(),
    };
    assert_eq!(paths, [("/articles/0".to_string(), "group")]);
    let json =
        br#"{"order":{"scenario":"ENTRY","priceId":"P1","paymentId":"I"},"own":{"code":"AB12"}}"#;
    let decoded = fieldtab::from_json::<selected::Basket>(json).unwrap_or_else(|r| panic!("{r}"));
    assert_eq!(decoded.own.map(|own| own.code).as_deref(), Some("AB12"));
}
