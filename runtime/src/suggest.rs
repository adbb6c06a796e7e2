//! Did-you-mean: the one edit distance and the one cut-off every suggestion of fieldtab uses —
//! the hint on a `required` field whose key the message misspelled (docs/SEMANTICS.md §6.4),
//! and, through `fieldtab_schema::suggest`, the schema checker's `help:` lines, the dynamic
//! validator's unknown item and the CLI.
//!
//! The policy: compare case-insensitively; count an insertion, a deletion, a substitution or a
//! swap of two neighbours as one edit (`opne` is one edit from `open`); accept a candidate at
//! most a third of the longer word's length away (at least one edit); of several, take the
//! fewest edits, then the length closest to the word's (`AM` -> `AN`, not `A`), then the first.

use std::borrow::Cow;
use std::fmt::Write;

use crate::{Report, Rule};

/// The candidate closest to `word`, if it is close enough to be a likely typo (see the module
/// docs for the policy).
///
/// ```
/// use fieldtab_runtime::suggest::did_you_mean;
///
/// assert_eq!(did_you_mean("Strng", ["String", "Integer"]), Some("String"));
/// assert_eq!(did_you_mean("xyzzy", ["String", "Integer"]), None);
/// ```
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    closest(word, candidates)
}

/// [`did_you_mean`] over candidates of any string type, the chosen one returned by value (the
/// dynamic validator's keys are unescaped as they are read).
fn closest<K: AsRef<str>>(word: &str, candidates: impl IntoIterator<Item = K>) -> Option<K> {
    let lower = word.to_lowercase();
    let length = lower.chars().count();
    let mut best: Option<((usize, usize), K)> = None;
    for candidate in candidates {
        let text = candidate.as_ref();
        let candidate_length = text.chars().count();
        let limit = (length.max(candidate_length) / 3).max(1);
        let candidate_lower = text.to_lowercase();
        // The distance is at least the difference in length: a candidate too long or too short
        // would not be taken, and skipping it bounds the table by the word's length squared,
        // not by the word's length times the candidate's (a message's unknown key of 77 KB
        // against the name of each missing field cost seconds; fuzz/README.md).
        if length.abs_diff(candidate_lower.chars().count()) > limit {
            continue;
        }
        let distance = edit_distance(&lower, &candidate_lower);
        let key = (distance, length.abs_diff(candidate_length));
        if distance <= limit && best.as_ref().is_none_or(|(k, _)| key < *k) {
            best = Some((key, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Edit distance over characters where swapping two neighbours counts as one edit (optimal
/// string alignment). The inputs are names and a cell's words: short.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        for j in 0..=b.len() {
            d[i * width + j] = if i == 0 {
                j
            } else if j == 0 {
                i
            } else {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut best = (d[(i - 1) * width + j] + 1)
                    .min(d[i * width + j - 1] + 1)
                    .min(d[(i - 1) * width + j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(d[(i - 2) * width + j - 2] + 1);
                }
                best
            };
        }
    }
    d[a.len() * width + b.len()]
}

/// The message of a `required` violation (absent or `null`) before any hint.
const REQUIRED: &str = "is required";
/// The message of an `unknown_field` violation before any hint.
const UNKNOWN: &str = "unknown field";
/// How many characters of a key a hint quotes at most.
const MAX_QUOTED: usize = 64;

/// Adds a did-you-mean to the violations of one object that has keys its table does not name
/// (docs/SEMANTICS.md §6.4): each `required` violation ("is required") of a member of the
/// object at `object` (an RFC 6901 pointer) whose identifier is close to one of `unknown` (the
/// object's unknown keys, first occurrences, in input order; read once per `required`
/// violation of the object, so an iterator that reads them on demand will do) becomes "is required; did you
/// misspell it as `KEY`?", and the `unknown_field` violation of that key, if unknown fields are
/// denied, "unknown field; did you mean `IDENT`?". Paths and rules do not change.
///
/// Cold: the decoder and the dynamic validator call it once per object, only when the object
/// has unknown keys. Keys are quoted escaped and cut ([`quote_key`]).
///
/// ```
/// use fieldtab_runtime::{Path, Report, RuleError, suggest::hint_misspelled_keys};
///
/// let root = Path::root();
/// let mut report = Report::new();
/// report.push(&root.key("paymentAmount"), RuleError::required());
/// report.push(&root.key("paymetAmount"), RuleError::unknown_field());
/// hint_misspelled_keys(&mut report, "", &["paymetAmount"]);
/// let messages: Vec<&str> = report.iter().map(|v| v.message.as_ref()).collect();
/// assert_eq!(messages, [
///     "is required; did you misspell it as `paymetAmount`?",
///     "unknown field; did you mean `paymentAmount`?",
/// ]);
/// ```
#[cold]
#[inline(never)]
pub fn hint_misspelled_keys<K: AsRef<str>>(
    report: &mut Report,
    object: &str,
    unknown: impl IntoIterator<Item = K> + Clone,
) {
    if report.is_empty() || unknown.clone().into_iter().next().is_none() {
        return;
    }
    // (identifier, key) of each hinted field.
    let mut hinted: Vec<(String, String)> = Vec::new();
    for violation in report.violations_mut() {
        if violation.rule != Rule::Required || violation.message != REQUIRED {
            continue;
        }
        let Some(ident) = member_of(&violation.path, object) else {
            continue;
        };
        if let Some(key) = closest(&ident, unknown.clone()) {
            let key = key.as_ref();
            let message = format!("{REQUIRED}; did you misspell it as `{}`?", quote_key(key));
            violation.message = message.into();
            hinted.push((ident.into_owned(), key.to_owned()));
        }
    }
    if hinted.is_empty() {
        return;
    }
    for violation in report.violations_mut() {
        if violation.rule != Rule::UnknownField || violation.message != UNKNOWN {
            continue;
        }
        let Some(key) = member_of(&violation.path, object) else {
            continue;
        };
        if let Some((ident, _)) = hinted.iter().find(|(_, k)| *k == key) {
            violation.message = format!("{UNKNOWN}; did you mean `{}`?", quote_key(ident)).into();
        }
    }
}

/// The key of the member of the object at pointer `object` that `path` points at, unescaped;
/// `None` when `path` is not a member of that object.
fn member_of<'p>(path: &'p str, object: &str) -> Option<Cow<'p, str>> {
    let segment = path.strip_prefix(object)?.strip_prefix('/')?;
    if segment.contains('/') {
        return None;
    }
    Some(if segment.contains('~') {
        Cow::Owned(segment.replace("~1", "/").replace("~0", "~"))
    } else {
        Cow::Borrowed(segment)
    })
}

/// A key as a message may quote it: letters, digits and ASCII punctuation as they are, any other
/// character (spaces, controls, bidirectional formatting, the backquote and backslash that
/// would break the quoting) as a `\u{…}` escape, and at most 64 characters of it (then `…`).
/// Keys are not values (docs/SEMANTICS.md §5.2), but they are the sender's text.
///
/// ```
/// use fieldtab_runtime::suggest::quote_key;
/// assert_eq!(quote_key("paymetAmount"), "paymetAmount");
/// assert_eq!(quote_key("a`b\u{202e}"), "a\\u{60}b\\u{202e}");
/// assert_eq!(quote_key(&"x".repeat(70)), format!("{}…", "x".repeat(64)));
/// ```
pub fn quote_key(key: &str) -> String {
    let mut out = String::with_capacity(key.len().min(MAX_QUOTED));
    for (i, c) in key.chars().enumerate() {
        if i == MAX_QUOTED {
            out.push('…');
            break;
        }
        if c.is_alphanumeric() || (c.is_ascii_graphic() && c != '`' && c != '\\') {
            out.push(c);
        } else {
            // Writing to a String cannot fail.
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Path, RuleError};

    #[test]
    fn edit_distance_counts_edits_and_swaps() {
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
        assert_eq!(edit_distance("opne", "open"), 1);
        assert_eq!(edit_distance("größe", "grösse"), 2);
    }

    /// Found by fuzz/ (`dynamic`): a message whose one unknown key was 77 KB took over 10 s,
    /// each missing field's name compared with it in a table of the two lengths' product. A
    /// candidate whose length alone rules it out is now skipped; the bound is generous (the
    /// old cost is seconds in a debug build, the new one milliseconds).
    #[test]
    fn a_long_candidate_costs_no_table() {
        let long = "a".repeat(2_000_000);
        let started = std::time::Instant::now();
        for _ in 0..20 {
            assert_eq!(
                did_you_mean("paymentAmount", [long.as_str(), "paymetAmount"]),
                Some("paymetAmount")
            );
        }
        let elapsed = started.elapsed();
        assert!(elapsed < std::time::Duration::from_secs(2), "{elapsed:?}");
    }

    #[test]
    fn did_you_mean_finds_close_words() {
        assert_eq!(did_you_mean("AM", ["A", "N", "AN", "ANS"]), Some("AN"));
        assert_eq!(did_you_mean("Strng", ["String", "Integer"]), Some("String"));
        assert_eq!(did_you_mean("xyzzy", ["String", "Integer"]), None);
        assert_eq!(did_you_mean("opne", ["open"]), Some("open"));
        assert_eq!(did_you_mean("request", ["Request"]), Some("Request"));
    }

    #[test]
    fn the_cut_off_is_a_third_of_the_longer_word() {
        // 9 characters: 3 edits are a typo, 4 are another word.
        assert_eq!(did_you_mean("abcdefxyz", ["abcdefghi"]), Some("abcdefghi"));
        assert_eq!(did_you_mean("abcdewxyz", ["abcdefghi"]), None);
        // Short words still allow one edit.
        assert_eq!(did_you_mean("x", ["y"]), Some("y"));
        assert_eq!(did_you_mean("xy", ["ab"]), None);
    }

    #[test]
    fn ties_go_to_the_closest_length_then_the_first() {
        assert_eq!(did_you_mean("ab", ["a", "abc"]), Some("a"));
        assert_eq!(did_you_mean("abcd", ["abc", "abcde"]), Some("abc"));
        assert_eq!(did_you_mean("ab", ["ax", "ay"]), Some("ax"));
    }

    fn messages(report: &Report) -> Vec<(&str, &str)> {
        report
            .iter()
            .map(|v| (v.path.as_str(), v.message.as_ref()))
            .collect()
    }

    #[test]
    fn hints_only_absent_members_of_the_object() {
        let root = Path::root();
        let amount = root.key("amount");
        let mut report = Report::new();
        report.push(&root.key("paymentAmount"), RuleError::required());
        report.push(&amount.key("currency"), RuleError::required());
        report.push(&amount.key("value"), RuleError::empty());
        hint_misspelled_keys(
            &mut report,
            "/amount",
            &["paymetAmount", "curency", "valeu"],
        );
        assert_eq!(
            messages(&report),
            [
                ("/paymentAmount", "is required"),
                (
                    "/amount/currency",
                    "is required; did you misspell it as `curency`?"
                ),
                ("/amount/value", "is required and must not be empty"),
            ]
        );
    }

    #[test]
    fn escaped_keys_are_matched_and_quoted_safely() {
        let root = Path::root();
        let mut report = Report::new();
        report.push(&root.key("a/bc"), RuleError::required());
        report.push(&root.key("a/b\u{1b}"), RuleError::unknown_field());
        hint_misspelled_keys(&mut report, "", &["a/b\u{1b}"]);
        assert_eq!(
            messages(&report),
            [
                (
                    "/a~1bc",
                    "is required; did you misspell it as `a/b\\u{1b}`?"
                ),
                ("/a~1b\u{1b}", "unknown field; did you mean `a/bc`?"),
            ]
        );
        // Far keys, no unknown keys: nothing changes.
        let mut report = Report::new();
        report.push(&root.key("paymentAmount"), RuleError::required());
        hint_misspelled_keys(&mut report, "", &["refundId"]);
        hint_misspelled_keys(&mut report, "", [""; 0]);
        assert_eq!(messages(&report), [("/paymentAmount", "is required")]);
    }

    #[test]
    fn quoting_is_bounded() {
        let long = "é".repeat(1000);
        let quoted = quote_key(&long);
        assert_eq!(quoted.chars().count(), MAX_QUOTED + 1);
        assert_eq!(quote_key("a b\\"), "a\\u{20}b\\u{5c}");
    }
}
