//! Mobile numbers written `+<country code>-<number>`.

use super::owned;
use crate::RuleError;
use std::borrow::Cow;

/// The mobile rule of [`Format::Mobile`](crate::Format::Mobile): `+`, a country calling code of
/// 1 to 3 digits not starting with 0, `-`, and a subscriber number of 4 to 14 digits; at most
/// 15 digits in all (ITU-T E.164). For example `+86-13800000000`, `+852-91234567`.
pub(crate) fn check_mobile(value: &str) -> Result<(), RuleError> {
    let s = value.as_bytes();
    let ok = (|| {
        let rest = s.strip_prefix(b"+")?;
        let dash = rest.iter().position(|&b| b == b'-')?;
        let (cc, number) = (&rest[..dash], &rest[dash + 1..]);
        let digits = |d: &[u8]| d.iter().all(u8::is_ascii_digit);
        let cc_ok = (1..=3).contains(&cc.len()) && digits(cc) && cc[0] != b'0';
        let number_ok = (4..=14).contains(&number.len()) && digits(number);
        (cc_ok && number_ok && cc.len() + number.len() <= 15).then_some(())
    })();
    ok.ok_or_else(|| {
        RuleError::format(
            "must be a mobile number +<country code>-<number>, such as +86-13800000000 (at most 15 digits)",
        )
    })
}

/// The `mobile` format.
pub(crate) struct Spec;

impl super::FormatSpec for Spec {
    #[inline]
    fn check(&self, value: &str) -> Result<(), RuleError> {
        check_mobile(value)
    }

    fn name(&self) -> Cow<'static, str> {
        "mobile".into()
    }

    fn aliases(&self) -> &'static [&'static str] {
        &[]
    }

    fn samples(&self) -> Vec<String> {
        owned(&["+86-13800000000", "+1-2025550123", "+852-91234567"])
    }

    fn extremes(&self) -> Option<&'static [&'static str]> {
        None
    }

    fn exact_len(&self) -> Option<u32> {
        None
    }

    fn json_schema_pattern(&self) -> Option<String> {
        Some(MOBILE.into())
    }

    fn typed_value(&self) -> Option<&'static str> {
        None
    }
}

/// `+cc-number`: a 1–3 digit country code not starting with 0, a 4–14 digit number, at most
/// 15 digits in all.
const MOBILE: &str = r"^\+([1-9]-[0-9]{4,14}|[1-9][0-9]-[0-9]{4,13}|[1-9][0-9]{2}-[0-9]{4,12})$";

#[cfg(test)]
mod tests {
    use super::check_mobile;

    #[test]
    fn boundaries() {
        for ok in [
            "+86-13800000000",
            "+1-2025550123",
            "+852-91234567",
            "+1-1234",
            "+123-123456789012",
        ] {
            assert!(check_mobile(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "+",
            "+-",
            "+86",
            "+86-",
            "86-13800000000",
            "+086-1380000",
            "+1234-5678901",
            "+86-123",
            "+86-138 0000 0000",
            "+86-1380000000x",
            "+86--13800000000",
            "+86-1380000-0000",
            "+123-1234567890123",
            "+8６-13800000000",
            "+86-123456789012345",
            " +86-13800000000",
        ] {
            assert!(check_mobile(bad).is_err(), "{bad}");
        }
    }
}
