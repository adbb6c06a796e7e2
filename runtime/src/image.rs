//! Base64-encoded JPEG and PNG images.

use crate::{ImageKinds, RuleError};

/// The base64 image rule: see [`Format::Base64Image`](crate::Format::Base64Image).
pub(crate) fn check_base64_image(
    _value: &str,
    _max_bytes: u32,
    _kinds: ImageKinds,
) -> Result<(), RuleError> {
    todo!()
}
