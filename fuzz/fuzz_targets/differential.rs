//! The generated decoder against the dynamic validator, on the same arbitrary bytes, for every
//! shipped message (and benefit.md's structs), unknown fields allowed and denied, with the
//! default and a small limit of violations: the same verdict, the same (path, rule) list, then
//! the same messages and the same count of violations not kept (tests/agreement holds them to
//! the same (path, rule, message) lists, with no exception).

#![no_main]

use fieldtab::Report;
use fieldtab_fuzz::{ITEMS, options, validators};
use libfuzzer_sys::fuzz_target;

/// A report as its (path, rule) list.
fn pairs(result: &Result<(), Report>) -> Vec<(&str, &'static str)> {
    match result {
        Ok(()) => Vec::new(),
        Err(report) => report
            .iter()
            .map(|v| (v.path.as_str(), v.rule.as_str()))
            .collect(),
    }
}

fuzz_target!(|bytes: &[u8]| {
    for (item, validator) in ITEMS.iter().zip(validators()) {
        for options in options() {
            let generated = (item.decoded)(bytes, options);
            let dynamic = validator
                .max_violations(options.max_violations)
                .validate(bytes, options.deny_unknown);
            let context = || {
                format!(
                    "{} (deny_unknown: {}, max_violations: {}) on {:?}",
                    item.name,
                    options.deny_unknown,
                    options.max_violations,
                    String::from_utf8_lossy(bytes)
                )
            };
            assert_eq!(
                pairs(&generated),
                pairs(&dynamic),
                "(path, rule): generated, dynamic; {}",
                context()
            );
            assert_eq!(generated, dynamic, "messages or count: {}", context());
        }
    }
});
