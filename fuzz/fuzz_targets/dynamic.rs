//! Arbitrary bytes through the dynamic validator of every shipped message (and benefit.md's
//! structs), unknown fields allowed and denied, with the default and a small limit of
//! violations: never a panic; every report well formed and printable; a limited report is the
//! full one's first violations, counting the others.

#![no_main]

use fieldtab_fuzz::{check_limited, check_report, options, validators};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let [allow, deny, allow_limited, deny_limited] = options();
    for validator in validators() {
        for (full, limited) in [(allow, allow_limited), (deny, deny_limited)] {
            let full_report = validator.validate(bytes, full.deny_unknown);
            let limited_report = validator
                .max_violations(limited.max_violations)
                .validate(bytes, limited.deny_unknown);
            for report in [&full_report, &limited_report] {
                if let Err(report) = report {
                    check_report(report);
                }
            }
            check_limited(&full_report, &limited_report, limited.max_violations);
        }
    }
});
