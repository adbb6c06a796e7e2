//! A rejection in one line of a vendor's message field: `respMsg` (ANS, at most 200 bytes),
//! `resultMessage` (at most 256 characters, some APIs without `@ # ?`).

use super::extract::Rejection;

/// `"{lead}: /header/pid length; /data/cardNo charset"` for an invalid message (the paths and
/// rules of its violations; never a value), or the rejection in words; cut to `max` bytes,
/// every character outside printable ASCII, and each of `forbidden`, written `_`, so that the
/// message itself obeys the vendor's field (a path holds the sender's keys).
pub(super) fn one_line(
    rejection: &Rejection,
    lead: &str,
    max: usize,
    forbidden: &[char],
) -> String {
    let mut text = String::from(lead);
    match rejection {
        Rejection::Invalid(report) => {
            for (i, violation) in report.violations().iter().enumerate() {
                text.push_str(if i == 0 { ": " } else { "; " });
                let path = if violation.path.is_empty() {
                    "/"
                } else {
                    &violation.path
                };
                text.push_str(path);
                text.push(' ');
                text.push_str(violation.rule.as_str());
                if text.len() > max {
                    break;
                }
            }
        }
        other => {
            text.push_str(": ");
            text.push_str(&other.describe());
        }
    }
    let mut out = String::with_capacity(max.min(text.len()));
    for c in text.chars() {
        if out.len() >= max {
            break;
        }
        let plain = matches!(c, ' '..='~') && !forbidden.contains(&c);
        out.push(if plain { c } else { '_' });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Path, Report, RuleError};

    #[test]
    fn paths_and_rules_cut_and_escaped() {
        let mut report = Report::new();
        let root = Path::root();
        report.push(&root.key("héader").key("pid"), RuleError::required());
        report.push(&root.key("a?b"), RuleError::required());
        let line = one_line(&Rejection::Invalid(report), "Illegal", 200, &['?']);
        assert_eq!(line, "Illegal: /h_ader/pid required; /a_b required");
        let long = one_line(&Rejection::PayloadTooLarge, "x", 5, &[]);
        assert_eq!(long, "x: th");
    }
}
