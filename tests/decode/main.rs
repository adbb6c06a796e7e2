//! One-pass decoding end to end: every shipped schema through `include_schema!`, decoded by
//! `from_json`, `validate_json` and the plain serde `Deserialize`, on every sample of
//! `examples/messages/` and on hand-written messages with 1, 3 and many violations.
//!
//! `edge_cases.rs` decodes the schemas of `tests/schemas/` made for the decoder's corners;
//! `never_panics.rs` feeds every entry point arbitrary input.

use std::path::{Path, PathBuf};

use fieldtab::{Decode, DecodeOptions, Report, Validate};
use serde::Serialize;
use serde_json::Value;

#[path = "../common/mod.rs"]
mod common;
mod edge_cases;
mod never_panics;

use common::{
    alipayplus_benefit, alipayplus_connect_benefit_apis, alipayplus_payment_apis,
    upi_enrollment_registration, upi_instant_discount_budget_progress_query,
    upi_instant_discount_usage_query,
};

use upi_enrollment_registration::{EnrollmentRegistrationRequest, EnrollmentRegistrationResponse};

/// `(path, rule)` pairs, the form expectations are written in.
type Pairs = Vec<(String, String)>;

fn pairs(report: &Report) -> Pairs {
    report
        .iter()
        .map(|v| (v.path.clone(), v.rule.as_str().to_owned()))
        .collect()
}

fn expect(list: &[(&str, &str)]) -> Pairs {
    list.iter()
        .map(|(p, r)| ((*p).to_owned(), (*r).to_owned()))
        .collect()
}

/// Decodes `bytes` as `T` every way there is, checks that all ways agree, and returns the report.
fn decode_all_ways<T>(bytes: &[u8], deny_unknown: bool) -> Result<T, Report>
where
    T: Decode
        + Validate
        + Serialize
        + for<'de> serde::Deserialize<'de>
        + PartialEq
        + std::fmt::Debug,
{
    let options = DecodeOptions {
        deny_unknown,
        ..DecodeOptions::default()
    };
    let decoded = fieldtab::from_json_with::<T>(bytes, options);
    let validated = fieldtab::validate_json_with::<T>(bytes, options);
    match (&decoded, &validated) {
        (Ok(_), Ok(())) => {}
        (Err(a), Err(b)) => assert_eq!(a, b, "from_json and validate_json disagree"),
        _ => panic!("from_json and validate_json disagree: {decoded:?} / {validated:?}"),
    }
    if !deny_unknown {
        assert_eq!(
            fieldtab::from_json::<T>(bytes).err(),
            decoded.as_ref().err().cloned()
        );
        assert_eq!(fieldtab::validate_json::<T>(bytes), validated);
        // The plain serde path validates too, and says what is wrong.
        match (serde_json::from_slice::<T>(bytes), &decoded) {
            (Ok(value), Ok(expected)) => assert_eq!(&value, expected),
            (Err(error), Err(report)) => {
                if report.violations()[0].rule != fieldtab::Rule::Syntax {
                    let text = error.to_string();
                    assert!(
                        text.contains(&report.violations()[0].to_string()),
                        "{text} / {report}"
                    );
                }
            }
            (serde, ours) => panic!("serde Deserialize disagrees: {serde:?} / {ours:?}"),
        }
    }
    if let Ok(value) = &decoded {
        // A decoded value breaks no rule, and re-decodes to itself.
        assert_eq!(value.validate(), Ok(()));
        let json = serde_json::to_vec(value).unwrap_or_default();
        assert_eq!(fieldtab::from_json::<T>(&json).as_ref(), Ok(value));
    }
    decoded
}

/// `value` without its `null` members, recursively (what a decoded value serializes back to).
fn without_nulls(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, without_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(without_nulls).collect()),
        other => other,
    }
}

/// Whether `output` (a decoded value, serialized) is `input`, where a string the field
/// accepted in place of its number or Boolean (`"2"`, `"true"`: docs/SEMANTICS.md §2.9) comes
/// back as that number or Boolean, the field's own kind.
fn same_but_accepted_kinds(output: &Value, input: &Value) -> bool {
    match (output, input) {
        (Value::Object(a), Value::Object(b)) => {
            a.len() == b.len()
                && a.iter()
                    .all(|(k, v)| b.get(k).is_some_and(|w| same_but_accepted_kinds(v, w)))
        }
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(v, w)| same_but_accepted_kinds(v, w))
        }
        (Value::Number(n), Value::String(s)) => {
            s.parse::<Value>().ok() == Some(Value::Number(n.clone()))
        }
        (Value::Bool(b), Value::String(s)) => s == if *b { "true" } else { "false" },
        (a, b) => a == b,
    }
}

/// Checks one sample file against its `.expected.json` (or its being valid).
fn check_sample<T>(sample: &Path) -> usize
where
    T: Decode
        + Validate
        + Serialize
        + for<'de> serde::Deserialize<'de>
        + PartialEq
        + std::fmt::Debug,
{
    let bytes = std::fs::read(sample).unwrap_or_default();
    let name = sample
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let expected_path = sample.with_extension("expected.json");
    let (deny, expected) = match std::fs::read(&expected_path) {
        Ok(text) => {
            let value: Value = serde_json::from_slice(&text).unwrap_or(Value::Null);
            let deny = value["deny_unknown"].as_bool().unwrap_or(false);
            let list: Pairs = value["violations"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|v| {
                            (
                                v["path"].as_str().unwrap_or_default().to_owned(),
                                v["rule"].as_str().unwrap_or_default().to_owned(),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            (deny, list)
        }
        Err(_) => (false, Vec::new()),
    };
    let decoded = decode_all_ways::<T>(&bytes, deny);
    match &decoded {
        Ok(value) => {
            assert!(
                expected.is_empty(),
                "{}: decoded, expected {expected:?}",
                sample.display()
            );
            assert!(name.starts_with("valid"), "{} decoded", sample.display());
            // Serializes back to the input (nulls are absent; unknown fields are dropped).
            let input: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
            let output = serde_json::to_value(value).unwrap_or(Value::Null);
            if !name.contains("unknown") {
                let input = without_nulls(input);
                assert!(
                    same_but_accepted_kinds(&output, &input),
                    "{}:\n{output}\n{input}",
                    sample.display()
                );
            }
        }
        Err(report) => {
            assert_eq!(pairs(report), expected, "{}:\n{report}", sample.display());
        }
    }
    1
}

/// Every sample of every message or struct that has a folder in `examples/messages/`.
#[test]
fn every_sample_decodes_as_expected() {
    use alipayplus_benefit as ap;
    use alipayplus_connect_benefit_apis as cb;
    use alipayplus_payment_apis as pa;
    use upi_enrollment_registration as er;
    use upi_instant_discount_budget_progress_query as bp;
    use upi_instant_discount_usage_query as uq;

    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/messages");
    let mut count = 0;
    let mut todo = vec![root.clone()];
    while let Some(dir) = todo.pop() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                todo.push(path);
                continue;
            }
            let name = path.to_string_lossy().into_owned();
            if !name.ends_with(".json") || name.ends_with(".expected.json") {
                continue;
            }
            let rel = path.strip_prefix(&root).unwrap_or(&path);
            let parts: Vec<String> = rel
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            let key = parts[..parts.len().saturating_sub(1)].join("/");
            count += match key.as_str() {
                "upi/enrollment_registration/EnrollmentRegistrationRequest" => {
                    check_sample::<er::EnrollmentRegistrationRequest>(&path)
                }
                "upi/enrollment_registration/EnrollmentRegistrationResponse" => {
                    check_sample::<er::EnrollmentRegistrationResponse>(&path)
                }
                "upi/instant_discount_usage_query/InstantDiscountUsageQueryRequest" => {
                    check_sample::<uq::InstantDiscountUsageQueryRequest>(&path)
                }
                "upi/instant_discount_usage_query/InstantDiscountUsageQueryResponse" => {
                    check_sample::<uq::InstantDiscountUsageQueryResponse>(&path)
                }
                "upi/instant_discount_budget_progress_query/InstantDiscountBudgetProgressQueryRequest" => {
                    check_sample::<bp::InstantDiscountBudgetProgressQueryRequest>(&path)
                }
                "upi/instant_discount_budget_progress_query/InstantDiscountBudgetProgressQueryResponse" => {
                    check_sample::<bp::InstantDiscountBudgetProgressQueryResponse>(&path)
                }
                "alipayplus/benefit/Result" => check_sample::<ap::Result>(&path),
                "alipayplus/benefit/Amount" => check_sample::<ap::Amount>(&path),
                "alipayplus/benefit/ExternalBenefitDetail" => {
                    check_sample::<ap::ExternalBenefitDetail>(&path)
                }
                "alipayplus/benefit/BenefitValidPeriod" => {
                    check_sample::<ap::BenefitValidPeriod>(&path)
                }
                "alipayplus/benefit/BenefitBudget" => check_sample::<ap::BenefitBudget>(&path),
                "alipayplus/benefit/MerchantInfo" => check_sample::<ap::MerchantInfo>(&path),
                "alipayplus/benefit/Image" => check_sample::<ap::Image>(&path),
                "alipayplus/benefit/BenefitContent" => check_sample::<ap::BenefitContent>(&path),
                "alipayplus/benefit/BenefitCollectRule" => {
                    check_sample::<ap::BenefitCollectRule>(&path)
                }
                "alipayplus/payment_apis/PayRequest" => check_sample::<pa::PayRequest>(&path),
                "alipayplus/payment_apis/PayRequestPaymentCode" => {
                    check_sample::<pa::PayRequestPaymentCode>(&path)
                }
                "alipayplus/payment_apis/PayRequestOrderCode" => {
                    check_sample::<pa::PayRequestOrderCode>(&path)
                }
                "alipayplus/payment_apis/PayRequestEntryCode" => {
                    check_sample::<pa::PayRequestEntryCode>(&path)
                }
                "alipayplus/payment_apis/PayRequestCashier" => {
                    check_sample::<pa::PayRequestCashier>(&path)
                }
                "alipayplus/payment_apis/PayResponse" => check_sample::<pa::PayResponse>(&path),
                "alipayplus/payment_apis/NotifyPaymentRequest" => {
                    check_sample::<pa::NotifyPaymentRequest>(&path)
                }
                "alipayplus/payment_apis/NotifyPaymentResponse" => {
                    check_sample::<pa::NotifyPaymentResponse>(&path)
                }
                "alipayplus/payment_apis/InquiryPaymentRequest" => {
                    check_sample::<pa::InquiryPaymentRequest>(&path)
                }
                "alipayplus/payment_apis/InquiryPaymentResponse" => {
                    check_sample::<pa::InquiryPaymentResponse>(&path)
                }
                "alipayplus/payment_apis/CancelPaymentRequest" => {
                    check_sample::<pa::CancelPaymentRequest>(&path)
                }
                "alipayplus/payment_apis/CancelPaymentResponse" => {
                    check_sample::<pa::CancelPaymentResponse>(&path)
                }
                "alipayplus/payment_apis/RefundRequest" => check_sample::<pa::RefundRequest>(&path),
                "alipayplus/payment_apis/RefundResponse" => {
                    check_sample::<pa::RefundResponse>(&path)
                }
                "alipayplus/connect_benefit_apis/SyncBenefitRequest" => {
                    check_sample::<cb::SyncBenefitRequest>(&path)
                }
                "alipayplus/connect_benefit_apis/SyncBenefitResponse" => {
                    check_sample::<cb::SyncBenefitResponse>(&path)
                }
                "alipayplus/connect_benefit_apis/InquireBenefitSyncRequest" => {
                    check_sample::<cb::InquireBenefitSyncRequest>(&path)
                }
                "alipayplus/connect_benefit_apis/InquireBenefitSyncResponse" => {
                    check_sample::<cb::InquireBenefitSyncResponse>(&path)
                }
                "alipayplus/connect_benefit_apis/NotifyBenefitSyncRequest" => {
                    check_sample::<cb::NotifyBenefitSyncRequest>(&path)
                }
                "alipayplus/connect_benefit_apis/NotifyBenefitSyncResponse" => {
                    check_sample::<cb::NotifyBenefitSyncResponse>(&path)
                }
                "alipayplus/connect_benefit_apis/IssueBenefitRequest" => {
                    check_sample::<cb::IssueBenefitRequest>(&path)
                }
                "alipayplus/connect_benefit_apis/IssueBenefitResponse" => {
                    check_sample::<cb::IssueBenefitResponse>(&path)
                }
                "alipayplus/connect_benefit_apis/InquireBenefitIssueRequest" => {
                    check_sample::<cb::InquireBenefitIssueRequest>(&path)
                }
                "alipayplus/connect_benefit_apis/InquireBenefitIssueResponse" => {
                    check_sample::<cb::InquireBenefitIssueResponse>(&path)
                }
                "alipayplus/connect_benefit_apis/ReverseBenefitIssueRequest" => {
                    check_sample::<cb::ReverseBenefitIssueRequest>(&path)
                }
                "alipayplus/connect_benefit_apis/ReverseBenefitIssueResponse" => {
                    check_sample::<cb::ReverseBenefitIssueResponse>(&path)
                }
                "alipayplus/connect_benefit_apis/SyncUsedBenefitRequest" => {
                    check_sample::<cb::SyncUsedBenefitRequest>(&path)
                }
                "alipayplus/connect_benefit_apis/SyncUsedBenefitResponse" => {
                    check_sample::<cb::SyncUsedBenefitResponse>(&path)
                }
                other => panic!("no type for samples in {other}: add it to tests/decode/main.rs"),
            };
        }
    }
    assert!(count >= 200, "only {count} samples");
}

const VALID_REQUEST: &str = r#"{
  "header": {
    "procType": "41",
    "signCertId": "001",
    "encCertId": "002",
    "insCode": "39990157",
    "pid": "1000000001",
    "refNum": "202411220000001",
    "localTime": "20240229141530",
    "localTimeZone": "GMT+08:00",
    "resvFld": "reserved text, with ASCII specials: ~!@#"
  },
  "data": {
    "userToken": "USR20241122A7",
    "cardNo": "6214835920672688",
    "mobile": "+86-13800000000"
  }
}"#;

/// `VALID_REQUEST` with `edit` applied to its JSON value.
fn request_with(edit: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut value: Value = serde_json::from_str(VALID_REQUEST).unwrap_or(Value::Null);
    edit(&mut value);
    serde_json::to_vec(&value).unwrap_or_default()
}

fn request_violations(bytes: &[u8]) -> Pairs {
    match decode_all_ways::<EnrollmentRegistrationRequest>(bytes, false) {
        Ok(_) => Vec::new(),
        Err(report) => pairs(&report),
    }
}

#[test]
fn a_valid_request_decodes_into_typed_fields_and_serializes_back() {
    let request = decode_all_ways::<EnrollmentRegistrationRequest>(VALID_REQUEST.as_bytes(), false)
        .unwrap_or_else(|report| panic!("{report}"));
    assert_eq!(request.header.proc_type, "41");
    assert_eq!(request.header.local_time.to_string(), "20240229141530");
    assert_eq!(request.header.local_time_zone.to_string(), "GMT+08:00");
    assert_eq!(request.data.card_no.reveal(), "6214835920672688");
    let back = serde_json::to_value(&request).unwrap_or(Value::Null);
    let input: Value = serde_json::from_str(VALID_REQUEST).unwrap_or(Value::Null);
    assert_eq!(back, input);
    assert!(
        fieldtab::validate_json::<EnrollmentRegistrationRequest>(VALID_REQUEST.as_bytes()).is_ok()
    );
    assert_eq!(
        fieldtab::from_str::<EnrollmentRegistrationRequest>(VALID_REQUEST).ok(),
        Some(request)
    );
}

#[test]
fn a_valid_response_decodes() {
    let json = r#"{"header":{"procType":"41","insCode":"39990157","pid":"1000000001","refNum":"202411220000001","respCode":"00","respMsg":"Approved"}}"#;
    let response = decode_all_ways::<EnrollmentRegistrationResponse>(json.as_bytes(), false)
        .unwrap_or_else(|report| panic!("{report}"));
    assert_eq!(response.header.resp_code, "00");
}

#[test]
fn one_violation() {
    let bytes = request_with(|v| v["header"]["localTime"] = "20230229141530".into());
    assert_eq!(
        request_violations(&bytes),
        expect(&[("/header/localTime", "format")])
    );
}

#[test]
fn three_violations_in_schema_order_whatever_the_input_order() {
    // `data` first in the input, `header` fields reversed: the report follows the tables.
    let json = r#"{"data":{"mobile":"13800000000","cardNo":"6214835920672688","userToken":"U1"},
        "header":{"localTimeZone":"GMT+08:00","localTime":"20240229141530","refNum":"1",
        "pid":"10","insCode":"3999","encCertId":"002","signCertId":"0-1","procType":"42"}}"#;
    assert_eq!(
        request_violations(json.as_bytes()),
        expect(&[
            ("/header/procType", "const"),
            ("/header/signCertId", "charset"),
            ("/data/mobile", "format"),
        ])
    );
}

#[test]
fn many_violations() {
    let json = r#"{"header":{"procType":"411","signCertId":null,"encCertId":2,"insCode":"",
        "pid":"12345678901","refNum":"12a","localTime":"2024-02-29","localTimeZone":"GMT+8",
        "resvFld":"é","extra":1},
        "data":{"userToken":"","cardNo":"6214 8359 2067 2688","mobile":"+86-"},"zz":[{"deep":[1]}]}"#;
    assert_eq!(
        request_violations(json.as_bytes()),
        expect(&[
            ("/header/procType", "length"),
            ("/header/procType", "const"),
            ("/header/signCertId", "required"),
            ("/header/encCertId", "type"),
            ("/header/insCode", "required"),
            ("/header/pid", "length"),
            ("/header/refNum", "charset"),
            ("/header/localTime", "charset"),
            ("/header/localTimeZone", "format"),
            ("/header/resvFld", "charset"),
            ("/data/userToken", "required"),
            ("/data/cardNo", "charset"),
            ("/data/mobile", "format"),
        ])
    );
}

#[test]
fn missing_null_and_wrong_types() {
    assert_eq!(
        request_violations(br#"{}"#),
        expect(&[("/header", "required"), ("/data", "required")])
    );
    assert_eq!(
        request_violations(br#"{"header":null,"data":"x"}"#),
        expect(&[("/header", "required"), ("/data", "type")])
    );
    let bytes = request_with(|v| {
        v["header"]["pid"] = 1000000001.into();
        v["data"]["mobile"] = Value::Null;
        v["data"]["cardNo"] = Value::Array(vec![]);
    });
    assert_eq!(
        request_violations(&bytes),
        expect(&[("/header/pid", "type"), ("/data/cardNo", "type")])
    );
}

#[test]
fn duplicate_and_unknown_keys() {
    let json = r#"{"header":{"procType":"41","signCertId":"001","encCertId":"002","insCode":"39990157","pid":"1000000001","refNum":"202411220000001","localTime":"20240229141530","localTimeZone":"GMT+08:00","pid":"x"},"data":{"userToken":"U","cardNo":"6214835920672688"},"extra":1,"extra":2}"#;
    assert_eq!(
        request_violations(json.as_bytes()),
        expect(&[("/header/pid", "syntax"), ("/extra", "syntax")])
    );
    let report = fieldtab::from_json_with::<EnrollmentRegistrationRequest>(
        json.as_bytes(),
        DecodeOptions {
            deny_unknown: true,
            ..DecodeOptions::default()
        },
    )
    .err()
    .unwrap_or_default();
    assert_eq!(
        pairs(&report),
        expect(&[
            ("/header/pid", "syntax"),
            ("/extra", "unknown_field"),
            ("/extra", "syntax")
        ])
    );
}

#[test]
fn malformed_json_is_a_single_syntax_violation() {
    for json in [
        &b""[..],
        b"{",
        br#"{"header":{"procType":"41",}}"#,
        br#"{"header":{}} trailing"#,
        b"{\"header\":{\"procType\":\"4\x011\"}}",
        b"{\"header\":{\"procType\":\"\xff\"}}",
        br#"{"header":{"procType":"\ud800"}}"#,
    ] {
        assert_eq!(
            request_violations(json),
            expect(&[("", "syntax")]),
            "{:?}",
            String::from_utf8_lossy(json)
        );
    }
}

/// A document that is JSON but not an object is a value of the wrong kind: one `type` violation
/// at `""` (docs/SEMANTICS.md §7.1), the same from the generated decoder (every way) and from the
/// dynamic validator. `syntax` is only for bytes that are not JSON.
#[test]
fn a_document_that_is_not_an_object_is_one_type_violation_at_the_root() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schemas/upi/enrollment_registration.md");
    let schema = fieldtab_codegen::Schema::load(&path).unwrap_or_else(|d| panic!("{d}"));
    let validator =
        fieldtab_codegen::dynamic::Validator::new(&schema.module, "EnrollmentRegistrationRequest")
            .unwrap_or_else(|e| panic!("{e}"));
    for (json, found) in [
        ("[]", "an array"),
        (r#"[{"header":{}}]"#, "an array"),
        (r#""x""#, "a string"),
        ("1", "a number"),
        ("-1.5e3", "a number"),
        ("null", "null"),
        ("true", "a boolean"),
        (" false \n", "a boolean"),
    ] {
        let generated = decode_all_ways::<EnrollmentRegistrationRequest>(json.as_bytes(), false)
            .expect_err(json);
        let dynamic = validator.validate(json.as_bytes(), false).expect_err(json);
        assert_eq!(generated, dynamic, "{json}");
        assert_eq!(pairs(&generated), expect(&[("", "type")]), "{json}");
        assert_eq!(
            generated.violations()[0].message,
            format!("expected an object, found {found}"),
            "{json}"
        );
        // Denying unknown fields changes nothing at the root.
        let denied = decode_all_ways::<EnrollmentRegistrationRequest>(json.as_bytes(), true)
            .expect_err(json);
        assert_eq!(denied, generated, "{json}");
        assert_eq!(validator.validate(json.as_bytes(), true), Err(generated));
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for n in [200, 100_000] {
        let deep = format!(r#"{{"zz":{}{}}}"#, "[".repeat(n), "]".repeat(n));
        assert_eq!(
            request_violations(deep.as_bytes()),
            expect(&[("", "syntax")])
        );
        let deep = format!(r#"{{"header":{}1{}}}"#, "{\"a\":".repeat(n), "}".repeat(n));
        assert_eq!(
            request_violations(deep.as_bytes()),
            expect(&[("", "syntax")])
        );
    }
}

#[test]
fn no_output_contains_a_card_number() {
    const CARD: &str = "6214835920672688";
    let request = fieldtab::from_json::<EnrollmentRegistrationRequest>(VALID_REQUEST.as_bytes())
        .unwrap_or_else(|report| panic!("{report}"));
    assert!(!format!("{request:?}").contains(CARD));
    assert!(!format!("{request:#?}").contains(CARD));
    assert!(!format!("{:?}", request.data).contains(CARD));
    // Invalid card numbers, and a valid one beside other violations: never in a report.
    for card in [
        CARD,
        "62148359206726881234567",
        "621483592067268x",
        "6214-8359-2067-2688",
    ] {
        let bytes = request_with(|v| {
            v["data"]["cardNo"] = card.into();
            v["data"]["mobile"] = card.into();
            v["header"]["procType"] = card.into();
        });
        let report = fieldtab::from_json::<EnrollmentRegistrationRequest>(&bytes)
            .err()
            .unwrap_or_default();
        assert!(!report.is_empty());
        let text = format!(
            "{report}\n{report:?}\n{}",
            serde_json::to_string(&report).unwrap_or_default()
        );
        assert!(!text.contains(card), "{text}");
        let serde = serde_json::from_slice::<EnrollmentRegistrationRequest>(&bytes)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(!serde.contains(card), "{serde}");
    }
}

/// Issue 13, defect 4: 6 MB of `"k":1,` gave a million violations (181 MB). A report keeps the
/// first `max_violations` (100 by default) and counts the rest, the same in the generated
/// decoder, `validate_json` and the dynamic validator.
#[test]
fn a_report_keeps_the_first_violations_and_counts_the_rest() {
    let mut json = String::from("{");
    for i in 0..5_000 {
        json.push_str(&format!("\"k{i}\":1,"));
    }
    json.push_str("\"k\":1}");
    let bytes = json.as_bytes();
    let deny = DecodeOptions {
        deny_unknown: true,
        ..DecodeOptions::default()
    };
    let report = fieldtab::from_json_with::<EnrollmentRegistrationRequest>(bytes, deny)
        .err()
        .unwrap_or_default();
    // Two missing fields, then 5,001 unknown keys: 100 kept, in order.
    assert_eq!(report.len(), 100);
    assert_eq!(report.more(), 5_003 - 100);
    assert_eq!(report.violations()[0].path, "/header");
    assert_eq!(report.violations()[99].path, "/k97");
    assert!(report.to_string().ends_with("\nand 4903 more violations"));
    let validated = fieldtab::validate_json_with::<EnrollmentRegistrationRequest>(bytes, deny)
        .err()
        .unwrap_or_default();
    assert_eq!(validated, report);

    let schema = fieldtab_codegen::Schema::load(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/upi/enrollment_registration.md"),
    )
    .expect("the shipped schema loads");
    let validator =
        fieldtab_codegen::dynamic::Validator::new(&schema.module, "EnrollmentRegistrationRequest")
            .expect("the message exists");
    let dynamic = validator.validate(bytes, true).err().unwrap_or_default();
    assert_eq!(dynamic, report);

    let few = DecodeOptions {
        max_violations: 3,
        ..deny
    };
    let report = fieldtab::from_json_with::<EnrollmentRegistrationRequest>(bytes, few)
        .err()
        .unwrap_or_default();
    assert_eq!((report.len(), report.more()), (3, 5_000));
    let dynamic = validator.max_violations(3).validate(bytes, true).err();
    assert_eq!(dynamic.unwrap_or_default(), report);
}

/// The limit holds inside nested objects too: a nested object of 5,000 unknown keys is cut to
/// the document's limit while it is read, not after.
#[test]
fn nested_violations_keep_the_document_s_limit() {
    let mut header = String::from("{");
    for i in 0..5_000 {
        header.push_str(&format!("\"k{i}\":1,"));
    }
    header.push_str("\"k\":1}");
    let json = format!("{{\"header\":{header}}}");
    let deny = DecodeOptions {
        deny_unknown: true,
        max_violations: 50,
    };
    let report = fieldtab::from_json_with::<EnrollmentRegistrationRequest>(json.as_bytes(), deny)
        .err()
        .unwrap_or_default();
    assert_eq!(report.len(), 50);
    let schema = fieldtab_codegen::Schema::load(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/upi/enrollment_registration.md"),
    )
    .expect("the shipped schema loads");
    let dynamic =
        fieldtab_codegen::dynamic::Validator::new(&schema.module, "EnrollmentRegistrationRequest")
            .expect("the message exists")
            .max_violations(50)
            .validate(json.as_bytes(), true)
            .err()
            .unwrap_or_default();
    assert_eq!(dynamic, report);
    assert_eq!(report.len() + report.more(), 5_001 + 8 + 1);
}
