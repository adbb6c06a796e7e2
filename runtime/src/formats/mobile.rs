//! Mobile numbers written `+<country code>-<number>`.

use crate::RuleError;

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
