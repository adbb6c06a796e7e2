//! Rules read from prose: what a Description (Note, Remarks) cell states in words ("Maximum
//! length: 64 characters") and the checker reads as the equivalent cell ("Length `64`"), with
//! where the words are. `fieldtab check --explain` prints them; the model itself holds only
//! the rules, as if the cells had been written (`schemas/README.md`, "Rules in prose").

use std::fmt;
use std::path::PathBuf;

/// One rule read from a phrase of a Description cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProseRule {
    /// The schema file, as in [`crate::Schema::files`].
    pub file: PathBuf,
    /// 1-based line of the phrase.
    pub line: u32,
    /// 1-based column (in characters) where the phrase starts.
    pub col: u32,
    /// The message or struct whose table holds the row.
    pub item: String,
    /// The field's identifier.
    pub field: String,
    /// The column the rule is equivalent to: `Length`, `Format` or `Type`.
    pub column: &'static str,
    /// The rule in that column's syntax: `64`, `fixed SPICE_SECRET_VOUCHER`.
    pub syntax: String,
    /// The phrase as written (a list of values on the lines below: the lead-in and the values).
    pub phrase: String,
}

impl fmt::Display for ProseRule {
    /// `x.md:12:40: Item.field: Length `64` from "Maximum length: 64 characters"`; the phrase
    /// quoted as a Rust string literal, so control characters never reach a terminal raw.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}.{}: {} `{}` from {:?}",
            self.file.display(),
            self.line,
            self.col,
            self.item,
            self.field,
            self.column,
            self.syntax,
            self.phrase
        )
    }
}
