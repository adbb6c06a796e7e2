//! A server author's view: decode an inbound UPI Enrollment Registration request (from a file
//! or standard input) in one pass, and either use the typed value or answer with every
//! violation.
//!
//! ```text
//! cargo run --example server_validate -- examples/messages/upi/enrollment_registration/EnrollmentRegistrationRequest/invalid-14-many-violations.json
//! cargo run --example server_validate < request.json
//! ```

mod upi {
    fieldtab::include_schema!("schemas/upi/enrollment_registration.md");
}

use std::io::Read;
use std::process::ExitCode;

use upi::EnrollmentRegistrationRequest;

fn main() -> ExitCode {
    let mut bytes = Vec::new();
    let read = match std::env::args_os().nth(1) {
        Some(path) if path != "-" => std::fs::read(&path).map(|b| bytes = b),
        _ => std::io::stdin().read_to_end(&mut bytes).map(drop),
    };
    if let Err(error) = read {
        eprintln!("error: cannot read the request: {error}");
        return ExitCode::from(2);
    }

    match fieldtab::from_json::<EnrollmentRegistrationRequest>(&bytes) {
        Ok(request) => {
            // Typed and valid: the time is a real date, the zone a real offset.
            let header = &request.header;
            println!(
                "accepted: refNum {} at {} {}, card {}",
                header.ref_num, header.local_time, header.local_time_zone, request.data.card_no
            );
            ExitCode::SUCCESS
        }
        Err(report) => {
            // What a server would answer with (e.g. HTTP 400): every violation, as JSON.
            println!("rejected: {} violation(s)", report.len());
            for violation in &report {
                println!("  {violation}");
            }
            match fieldtab::to_json(&report) {
                Ok(json) => println!("{json}"),
                Err(error) => eprintln!("error: {error}"),
            }
            ExitCode::from(1)
        }
    }
}
