//! An SDK author's view: build a UPI Enrollment Registration request with typed fields,
//! validate it, and print the JSON to send.
//!
//! ```text
//! cargo run --example sdk_enrollment
//! ```

mod upi {
    fieldtab::include_schema!("schemas/upi/enrollment_registration.md");
}

use fieldtab::{GmtOffset, LocalTime, Validate};
use upi::{
    EnrollmentRegistrationData, EnrollmentRegistrationRequest, EnrollmentRegistrationRequestHeader,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // China Standard Time; `localTime` is the wall-clock time in that zone.
    let zone: GmtOffset = "GMT+08:00".parse()?;
    let mut request = EnrollmentRegistrationRequest {
        header: EnrollmentRegistrationRequestHeader {
            proc_type: "41".into(),
            sign_cert_id: "001".into(),
            enc_cert_id: "002".into(),
            ins_code: "39990157".into(),
            pid: "1000000001".into(),
            ref_num: "202411220000001".into(),
            local_time: LocalTime::now(zone),
            local_time_zone: zone,
            resv_fld: None,
        },
        data: EnrollmentRegistrationData {
            user_token: "USR20241122A7".into(),
            // A typed card number: its Debug and Display never show it in clear.
            card_no: "6214835920672688".parse()?,
            mobile: Some("+86-13800000000".into()),
        },
    };

    // Every rule of the schema, every violation at once.
    request.validate()?;
    println!("{}", fieldtab::to_json_pretty(&request)?);
    // Debug masks the sensitive fields (`cardNo`, `mobile`).
    eprintln!("{request:?}");

    // A request that breaks rules reports all of them, with wire paths.
    request.header.proc_type = "42".into();
    request.header.pid = "10000000011".into();
    if let Err(report) = request.validate() {
        eprintln!("a broken request:\n{report}");
    }
    Ok(())
}
