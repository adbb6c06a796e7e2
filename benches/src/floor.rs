//! The floor: plain serde structs with `String` fields. The same structs carry the `garde` and
//! `validator` derives (the peers validate the floor structs after serde has decoded them), and
//! the hand-written straight-line rules below.

use crate::rules;
use serde::Deserialize;
// validator's derive calls `.validate()` on nested values by method syntax.
use validator::Validate as _;

/// Turns a `fn(&str) -> bool` rule into the custom-function shapes of garde and validator.
macro_rules! custom_rules {
    ($($garde:ident, $garde_opt:ident, $validator:ident => $rule:expr;)*) => {$(
        fn $garde(value: &str, _: &()) -> garde::Result {
            if $rule(value) {
                Ok(())
            } else {
                Err(garde::Error::new(stringify!($garde)))
            }
        }
        #[allow(dead_code)]
        fn $garde_opt(value: &Option<String>, _: &()) -> garde::Result {
            match value {
                Some(value) => $garde(value, &()),
                None => Ok(()),
            }
        }
        fn $validator(value: &str) -> Result<(), validator::ValidationError> {
            if $rule(value) {
                Ok(())
            } else {
                Err(validator::ValidationError::new(stringify!($validator)))
            }
        }
    )*};
}

custom_rules! {
    g_n, go_n, v_n => rules::is_n;
    g_an, go_an, v_an => rules::is_an;
    g_ans, go_ans, v_ans => rules::is_ans;
    g_proc_type, go_proc_type, v_proc_type => |s: &str| rules::is_an(s) && s == "41";
    g_local_time, go_local_time, v_local_time => |s: &str| rules::is_n(s) && rules::is_local_time(s);
    g_gmt_offset, go_gmt_offset, v_gmt_offset => |s: &str| rules::is_ans(s) && rules::is_gmt_offset(s);
    g_pan, go_pan, v_pan => |s: &str| rules::is_n(s) && rules::is_pan(s);
    g_mobile, go_mobile, v_mobile => |s: &str| rules::is_ans(s) && rules::is_mobile(s);
    g_timestamp, go_timestamp, v_timestamp => rules::is_timestamp;
    g_currency, go_currency, v_currency => rules::is_currency;
    g_minor_units, go_minor_units, v_minor_units => rules::is_minor_units;
    g_status, go_status, v_status => |s: &str| rules::BENEFIT_STATUS.contains(&s);
    g_url, go_url, v_url => rules::is_url;
    g_json_text, go_json_text, v_json_text => rules::is_json_text;
}

/// UPI Enrollment Registration request, floor version.
#[derive(Debug, Deserialize, garde::Validate, validator::Validate)]
pub struct UpiRequest {
    /// The header.
    #[garde(dive)]
    #[validate(nested)]
    pub header: UpiHeader,
    /// The data.
    #[garde(dive)]
    #[validate(nested)]
    pub data: UpiData,
}

/// UPI request header, floor version.
#[derive(Debug, Deserialize, garde::Validate, validator::Validate)]
#[serde(rename_all = "camelCase")]
pub struct UpiHeader {
    /// `procType` AN 2, fixed `41`.
    #[garde(length(min = 1, max = 2), custom(g_proc_type))]
    #[validate(length(min = 1, max = 2), custom(function = "v_proc_type"))]
    pub proc_type: String,
    /// `signCertId` AN 3.
    #[garde(length(min = 1, max = 3), custom(g_an))]
    #[validate(length(min = 1, max = 3), custom(function = "v_an"))]
    pub sign_cert_id: String,
    /// `encCertId` AN 3.
    #[garde(length(min = 1, max = 3), custom(g_an))]
    #[validate(length(min = 1, max = 3), custom(function = "v_an"))]
    pub enc_cert_id: String,
    /// `insCode` ANS 11.
    #[garde(length(min = 1, max = 11), custom(g_ans))]
    #[validate(length(min = 1, max = 11), custom(function = "v_ans"))]
    pub ins_code: String,
    /// `pid` N 10.
    #[garde(length(min = 1, max = 10), custom(g_n))]
    #[validate(length(min = 1, max = 10), custom(function = "v_n"))]
    pub pid: String,
    /// `refNum` N 15.
    #[garde(length(min = 1, max = 15), custom(g_n))]
    #[validate(length(min = 1, max = 15), custom(function = "v_n"))]
    pub ref_num: String,
    /// `localTime` N 14, `YYYYMMDDHHMISS`.
    #[garde(length(min = 1, max = 14), custom(g_local_time))]
    #[validate(length(min = 1, max = 14), custom(function = "v_local_time"))]
    pub local_time: String,
    /// `localTimeZone` ANS 9, `GMT±hh:mm`.
    #[garde(length(min = 1, max = 9), custom(g_gmt_offset))]
    #[validate(length(min = 1, max = 9), custom(function = "v_gmt_offset"))]
    pub local_time_zone: String,
    /// `resvFld` ANS 500, optional.
    #[garde(length(max = 500), custom(go_ans))]
    #[validate(length(max = 500), custom(function = "v_ans"))]
    pub resv_fld: Option<String>,
}

/// UPI request data, floor version.
#[derive(Debug, Deserialize, garde::Validate, validator::Validate)]
#[serde(rename_all = "camelCase")]
pub struct UpiData {
    /// `userToken` AN 50.
    #[garde(length(min = 1, max = 50), custom(g_an))]
    #[validate(length(min = 1, max = 50), custom(function = "v_an"))]
    pub user_token: String,
    /// `cardNo` N 19.
    #[garde(length(min = 1, max = 19), custom(g_pan))]
    #[validate(length(min = 1, max = 19), custom(function = "v_pan"))]
    pub card_no: String,
    /// `mobile` ANS 30, optional, `+cc-number`.
    #[garde(length(max = 30), custom(go_mobile))]
    #[validate(length(max = 30), custom(function = "v_mobile"))]
    pub mobile: Option<String>,
}

/// Alipay+ `ExternalBenefitDetail`, floor version.
#[derive(Debug, Deserialize, garde::Validate, validator::Validate)]
#[serde(rename_all = "camelCase")]
pub struct BenefitDetail {
    /// `benefitInstanceId` String 64.
    #[garde(length(chars, min = 1, max = 64))]
    #[validate(length(min = 1, max = 64))]
    pub benefit_instance_id: String,
    /// `benefitTemplateId` String 64.
    #[garde(length(chars, min = 1, max = 64))]
    #[validate(length(min = 1, max = 64))]
    pub benefit_template_id: String,
    /// `amount`, optional.
    #[garde(dive)]
    #[validate(nested)]
    pub amount: Option<Amount>,
    /// `status`, closed enum.
    #[garde(length(min = 1), custom(g_status))]
    #[validate(length(min = 1), custom(function = "v_status"))]
    pub status: String,
    /// `activateTime`, ISO 8601 with offset.
    #[garde(length(min = 1), custom(g_timestamp))]
    #[validate(length(min = 1), custom(function = "v_timestamp"))]
    pub activate_time: String,
    /// `expireTime`, ISO 8601 with offset.
    #[garde(length(min = 1), custom(g_timestamp))]
    #[validate(length(min = 1), custom(function = "v_timestamp"))]
    pub expire_time: String,
    /// `benefitCode` String 64, optional.
    #[garde(length(chars, max = 64))]
    #[validate(length(max = 64))]
    pub benefit_code: Option<String>,
    /// `benefitPin` String 64, optional.
    #[garde(length(chars, max = 64))]
    #[validate(length(max = 64))]
    pub benefit_pin: Option<String>,
    /// `benefitUrl` String 256, optional, URL.
    #[garde(length(chars, max = 256), custom(go_url))]
    #[validate(length(max = 256), custom(function = "v_url"))]
    pub benefit_url: Option<String>,
    /// `extendInfo` String 2048, optional, JSON text.
    #[garde(length(chars, max = 2048), custom(go_json_text))]
    #[validate(length(max = 2048), custom(function = "v_json_text"))]
    pub extend_info: Option<String>,
}

/// Alipay+ `Amount`, floor version.
#[derive(Debug, Deserialize, garde::Validate, validator::Validate)]
pub struct Amount {
    /// `currency`, ISO 4217 alpha.
    #[garde(length(chars, min = 1, max = 3), custom(g_currency))]
    #[validate(length(min = 1, max = 3), custom(function = "v_currency"))]
    pub currency: String,
    /// `value`, minor units, ≤ 16 characters.
    #[garde(length(chars, min = 1, max = 16), custom(g_minor_units))]
    #[validate(length(min = 1, max = 16), custom(function = "v_minor_units"))]
    pub value: String,
}

/// One violation found by the hand-written rules: a static path and the rule's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HandError {
    /// JSON Pointer of the field.
    pub path: &'static str,
    /// Rule name, as fieldtab names it.
    pub rule: &'static str,
}

#[inline]
fn iso(
    errors: &mut Vec<HandError>,
    path: &'static str,
    value: &str,
    max: usize,
    charset: fn(&str) -> bool,
    required: bool,
) -> bool {
    if value.is_empty() && required {
        errors.push(HandError {
            path,
            rule: "required",
        });
        return false;
    }
    if value.len() > max {
        errors.push(HandError {
            path,
            rule: "length",
        });
    }
    if !charset(value) {
        errors.push(HandError {
            path,
            rule: "charset",
        });
        return false;
    }
    true
}

fn fail(errors: &mut Vec<HandError>, path: &'static str, rule: &'static str) {
    errors.push(HandError { path, rule });
}

/// Hand-written straight-line rules for the UPI request, collecting every violation.
pub fn hand_validate_upi(r: &UpiRequest) -> Vec<HandError> {
    let mut e = Vec::new();
    let h = &r.header;
    if iso(
        &mut e,
        "/header/procType",
        &h.proc_type,
        2,
        rules::is_an,
        true,
    ) && h.proc_type != "41"
    {
        fail(&mut e, "/header/procType", "const");
    }
    iso(
        &mut e,
        "/header/signCertId",
        &h.sign_cert_id,
        3,
        rules::is_an,
        true,
    );
    iso(
        &mut e,
        "/header/encCertId",
        &h.enc_cert_id,
        3,
        rules::is_an,
        true,
    );
    iso(
        &mut e,
        "/header/insCode",
        &h.ins_code,
        11,
        rules::is_ans,
        true,
    );
    iso(&mut e, "/header/pid", &h.pid, 10, rules::is_n, true);
    iso(&mut e, "/header/refNum", &h.ref_num, 15, rules::is_n, true);
    if iso(
        &mut e,
        "/header/localTime",
        &h.local_time,
        14,
        rules::is_n,
        true,
    ) && !rules::is_local_time(&h.local_time)
    {
        fail(&mut e, "/header/localTime", "format");
    }
    if iso(
        &mut e,
        "/header/localTimeZone",
        &h.local_time_zone,
        9,
        rules::is_ans,
        true,
    ) && !rules::is_gmt_offset(&h.local_time_zone)
    {
        fail(&mut e, "/header/localTimeZone", "format");
    }
    if let Some(v) = &h.resv_fld {
        iso(&mut e, "/header/resvFld", v, 500, rules::is_ans, false);
    }
    let d = &r.data;
    iso(
        &mut e,
        "/data/userToken",
        &d.user_token,
        50,
        rules::is_an,
        true,
    );
    if iso(&mut e, "/data/cardNo", &d.card_no, 19, rules::is_n, true) && !rules::is_pan(&d.card_no)
    {
        fail(&mut e, "/data/cardNo", "format");
    }
    if let Some(v) = &d.mobile
        && iso(&mut e, "/data/mobile", v, 30, rules::is_ans, false)
        && !rules::is_mobile(v)
    {
        fail(&mut e, "/data/mobile", "format");
    }
    e
}

#[inline]
fn text(
    errors: &mut Vec<HandError>,
    path: &'static str,
    value: &str,
    max: usize,
    required: bool,
) -> bool {
    if value.is_empty() && required {
        fail(errors, path, "required");
        return false;
    }
    if !rules::chars_at_most(value, max) {
        fail(errors, path, "length");
    }
    true
}

/// Hand-written straight-line rules for `ExternalBenefitDetail`, collecting every violation.
pub fn hand_validate_benefit(b: &BenefitDetail) -> Vec<HandError> {
    let mut e = Vec::new();
    text(
        &mut e,
        "/benefitInstanceId",
        &b.benefit_instance_id,
        64,
        true,
    );
    text(
        &mut e,
        "/benefitTemplateId",
        &b.benefit_template_id,
        64,
        true,
    );
    if let Some(a) = &b.amount {
        if text(&mut e, "/amount/currency", &a.currency, 3, true)
            && !rules::is_currency(&a.currency)
        {
            fail(&mut e, "/amount/currency", "format");
        }
        if text(&mut e, "/amount/value", &a.value, 16, true) && !rules::is_minor_units(&a.value) {
            fail(&mut e, "/amount/value", "format");
        }
    }
    if b.status.is_empty() {
        fail(&mut e, "/status", "required");
    } else if !rules::BENEFIT_STATUS.contains(&b.status.as_str()) {
        fail(&mut e, "/status", "enum");
    }
    if text(&mut e, "/activateTime", &b.activate_time, usize::MAX, true)
        && !rules::is_timestamp(&b.activate_time)
    {
        fail(&mut e, "/activateTime", "format");
    }
    if text(&mut e, "/expireTime", &b.expire_time, usize::MAX, true)
        && !rules::is_timestamp(&b.expire_time)
    {
        fail(&mut e, "/expireTime", "format");
    }
    if let Some(v) = &b.benefit_code {
        text(&mut e, "/benefitCode", v, 64, false);
    }
    if let Some(v) = &b.benefit_pin {
        text(&mut e, "/benefitPin", v, 64, false);
    }
    if let Some(v) = &b.benefit_url
        && text(&mut e, "/benefitUrl", v, 256, false)
        && !rules::is_url(v)
    {
        fail(&mut e, "/benefitUrl", "format");
    }
    if let Some(v) = &b.extend_info
        && text(&mut e, "/extendInfo", v, 2048, false)
        && !rules::is_json_text(v)
    {
        fail(&mut e, "/extendInfo", "format");
    }
    e
}
