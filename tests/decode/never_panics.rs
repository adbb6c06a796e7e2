//! No input makes a decoder panic: arbitrary bytes, and arbitrary edits of a valid message.

use proptest::prelude::*;

use fieldtab::DecodeOptions;

use crate::edge_cases::edge;
use crate::{EnrollmentRegistrationRequest, VALID_REQUEST, alipayplus_benefit};

fn all_entry_points(bytes: &[u8]) {
    use alipayplus_benefit as ap;
    let _ = fieldtab::from_json::<EnrollmentRegistrationRequest>(bytes);
    let _ = fieldtab::validate_json::<EnrollmentRegistrationRequest>(bytes);
    let _ = serde_json::from_slice::<EnrollmentRegistrationRequest>(bytes);
    let _ = fieldtab::from_json::<ap::ExternalBenefitDetail>(bytes);
    let _ = fieldtab::validate_json_with::<ap::BenefitContent>(
        bytes,
        DecodeOptions {
            deny_unknown: true,
            ..DecodeOptions::default()
        },
    );
    let _ = fieldtab::from_json::<edge::Request>(bytes);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Arbitrary bytes.
    #[test]
    fn on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        all_entry_points(&bytes);
    }

    /// Arbitrary edits of a valid message: mostly well-formed JSON that reaches the rules.
    #[test]
    fn on_edited_messages(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
    ) {
        let mut bytes = VALID_REQUEST.as_bytes().to_vec();
        for (at, byte) in edits {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        all_entry_points(&bytes);
    }
}
