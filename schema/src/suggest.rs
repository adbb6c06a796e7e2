//! Did-you-mean: the one edit distance and the one cut-off every suggestion of fieldtab uses —
//! the schema checker's `help:` lines, the dynamic validator's unknown message, the JSON Schema
//! export's unknown item and the CLI, which prints theirs.
//!
//! The policy: compare case-insensitively; count an insertion, a deletion, a substitution or a
//! swap of two neighbours as one edit (`opne` is one edit from `open`); accept a candidate at
//! most a third of the longer word's length away (at least one edit); of several, take the
//! fewest edits, then the length closest to the word's (`AM` -> `AN`, not `A`), then the first.

/// The candidate closest to `word`, if it is close enough to be a likely typo (see the module
/// docs for the policy).
///
/// ```
/// use fieldtab_schema::suggest::did_you_mean;
///
/// assert_eq!(did_you_mean("Strng", ["String", "Integer"]), Some("String"));
/// assert_eq!(did_you_mean("xyzzy", ["String", "Integer"]), None);
/// ```
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let lower = word.to_lowercase();
    let length = lower.chars().count();
    let mut best: Option<((usize, usize), &'a str)> = None;
    for candidate in candidates {
        let distance = edit_distance(&lower, &candidate.to_lowercase());
        let candidate_length = candidate.chars().count();
        let limit = (length.max(candidate_length) / 3).max(1);
        let key = (distance, length.abs_diff(candidate_length));
        if distance <= limit && best.is_none_or(|(k, _)| key < k) {
            best = Some((key, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// The help line of a diagnostic for the closest candidate, if any: ``did you mean `x`?``.
pub(crate) fn help<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    did_you_mean(word, candidates).map(|c| format!("did you mean `{c}`?"))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_edits_and_swaps() {
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
        assert_eq!(edit_distance("opne", "open"), 1);
        assert_eq!(edit_distance("größe", "grösse"), 2);
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
}
