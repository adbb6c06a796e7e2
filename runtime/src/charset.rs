//! The character classes of the ISO 8583 type codes.

/// An ISO 8583 character class, as written in a vendor's field table (`N`, `AN`, `ANS`, …).
///
/// Every class is ASCII-only: `N` = `0-9`; `A` = `A-Z`, `a-z` and space; `S` = printable ASCII
/// (0x20–0x7E) that is neither a letter nor a digit; the others are unions of these.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Charset {
    /// `A`: letters and space.
    A,
    /// `N`: digits.
    N,
    /// `S`: special characters.
    S,
    /// `AN`: letters, space and digits.
    An,
    /// `AS`: letters, space and special characters.
    As,
    /// `NS`: digits and special characters.
    Ns,
    /// `ANS`: all printable ASCII.
    Ans,
}
