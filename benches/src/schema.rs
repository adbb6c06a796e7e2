//! The `jsonschema` peer: JSON Schemas (draft 2020-12) equivalent to the fieldtab schemas,
//! compiled once, applied to a `serde_json::Value`. Rules a JSON Schema keyword cannot express
//! exactly (calendar dates, offsets, currencies) are custom formats calling the same
//! hand-written rule functions as the other peers.

use crate::rules;
use serde_json::{Value, json};

fn iso(pattern: &str, max: u32, required: bool) -> Value {
    json!({
        "type": "string",
        "minLength": u32::from(required),
        "maxLength": max,
        "pattern": pattern,
    })
}

const N: &str = "^[0-9]*$";
const AN: &str = "^[A-Za-z0-9 ]*$";
const ANS: &str = "^[ -~]*$";

/// The JSON Schema of the UPI Enrollment Registration request.
pub fn upi_schema() -> Value {
    let mut local_time = iso(N, 14, true);
    local_time["format"] = json!("local-time");
    let mut zone = iso(ANS, 9, true);
    zone["format"] = json!("gmt-offset");
    let mut card_no = iso(N, 19, true);
    card_no["format"] = json!("pan");
    let mut mobile = iso(ANS, 30, false);
    mobile["format"] = json!("mobile");
    let mut proc_type = iso(AN, 2, true);
    proc_type["const"] = json!("41");
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "required": ["header", "data"],
        "properties": {
            "header": {
                "type": "object",
                "required": ["procType", "signCertId", "encCertId", "insCode", "pid", "refNum",
                             "localTime", "localTimeZone"],
                "properties": {
                    "procType": proc_type,
                    "signCertId": iso(AN, 3, true),
                    "encCertId": iso(AN, 3, true),
                    "insCode": iso(ANS, 11, true),
                    "pid": iso(N, 10, true),
                    "refNum": iso(N, 15, true),
                    "localTime": local_time,
                    "localTimeZone": zone,
                    "resvFld": iso(ANS, 500, false),
                }
            },
            "data": {
                "type": "object",
                "required": ["userToken", "cardNo"],
                "properties": {
                    "userToken": iso(AN, 50, true),
                    "cardNo": card_no,
                    "mobile": mobile,
                }
            }
        }
    })
}

fn text(max: u32, required: bool) -> Value {
    json!({ "type": "string", "minLength": u32::from(required), "maxLength": max })
}

fn formatted(format: &str, max: Option<u32>, required: bool) -> Value {
    let mut v = json!({ "type": "string", "minLength": u32::from(required), "format": format });
    if let Some(max) = max {
        v["maxLength"] = json!(max);
    }
    v
}

/// The JSON Schema of the Alipay+ `ExternalBenefitDetail`.
pub fn benefit_schema() -> Value {
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "required": ["benefitInstanceId", "benefitTemplateId", "status", "activateTime",
                     "expireTime"],
        "properties": {
            "benefitInstanceId": text(64, true),
            "benefitTemplateId": text(64, true),
            "amount": {
                "type": "object",
                "required": ["currency", "value"],
                "properties": {
                    "currency": formatted("iso4217", Some(3), true),
                    "value": formatted("minor-units", Some(16), true),
                }
            },
            "status": { "type": "string", "minLength": 1,
                        "enum": ["ACTIVATED", "REVERSED", "USED", "EXPIRED"] },
            "activateTime": formatted("timestamp", None, true),
            "expireTime": formatted("timestamp", None, true),
            "benefitCode": text(64, false),
            "benefitPin": text(64, false),
            "benefitUrl": formatted("http-url", Some(256), false),
            "extendInfo": formatted("json-text", Some(2048), false),
        }
    })
}

/// Compiles a schema once, with the custom formats registered and format checks on.
pub fn compile(schema: &Value) -> jsonschema::Validator {
    match jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .with_format("local-time", rules::is_local_time)
        .with_format("gmt-offset", rules::is_gmt_offset)
        .with_format("mobile", rules::is_mobile)
        .with_format("pan", rules::is_pan)
        .with_format("iso4217", rules::is_currency)
        .with_format("minor-units", rules::is_minor_units)
        .with_format("timestamp", rules::is_timestamp)
        .with_format("http-url", rules::is_url)
        .with_format("json-text", rules::is_json_text)
        .build(schema)
    {
        Ok(v) => v,
        Err(e) => panic!("bench schema does not compile: {e}"),
    }
}
