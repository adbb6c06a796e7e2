//! Arbitrary bytes through the generated decoder of every shipped message (and benefit.md's
//! structs): `from_json` and `validate_json` (and their `_with` variants, unknown fields allowed
//! and denied, with the default and a small limit of violations) never panic and give the same
//! verdict and the same report; a decoded value is valid and round-trips through `to_json`; a
//! limited report is the full one's first violations, counting the others.

#![no_main]

use fieldtab_fuzz::{ITEMS, check_items, check_limited, options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    static CHECKED: std::sync::Once = std::sync::Once::new();
    CHECKED.call_once(check_items);
    let [allow, deny, allow_limited, deny_limited] = options();
    for item in ITEMS {
        for (full, limited) in [(allow, allow_limited), (deny, deny_limited)] {
            let full_report = (item.checked)(bytes, full);
            let limited_report = (item.checked)(bytes, limited);
            check_limited(&full_report, &limited_report, limited.max_violations);
        }
    }
});
