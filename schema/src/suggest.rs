//! Did-you-mean for the schema side: the schema checker's `help:` lines, the dynamic
//! validator's unknown item, the JSON Schema export's unknown item and the CLI, which prints
//! theirs. The edit distance and its cut-off are the runtime's (`fieldtab_runtime::suggest`),
//! which also words the hint on a misspelled key of a message: one policy for both.

pub use fieldtab_runtime::suggest::did_you_mean;

/// The help line of a diagnostic for the closest candidate, if any: ``did you mean `x`?``.
pub(crate) fn help<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    did_you_mean(word, candidates).map(|c| format!("did you mean `{c}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_names_the_closest_candidate() {
        assert_eq!(
            help("Strng", ["String", "Integer"]).as_deref(),
            Some("did you mean `String`?")
        );
        assert_eq!(help("xyzzy", ["String", "Integer"]), None);
        assert_eq!(did_you_mean("opne", ["open"]), Some("open"));
    }
}
