//! The `pattern` rule: a schema's regular expression, compiled once per field per process.
//!
//! A pattern is written in the subset of regular-expression syntax that the `regex` crate and
//! ECMA-262 (JSON Schema's `pattern`) read the same way (see [`Pattern::new`]), so the exported
//! JSON Schema means what fieldtab checks. Like JSON Schema's `pattern`, it matches anywhere in
//! the value unless anchored with `^` and `$`.
//!
//! How a field reaches its compiled pattern ([`PatternRef`]):
//!
//! - the dynamic validator compiles each pattern when the schema is loaded (the model holds the
//!   [`Pattern`]) and its plans borrow it;
//! - generated rules tables are `const` items, which are copied at each use, so they cannot
//!   hold the compiled pattern (nor a reference to a `static` with interior mutability before
//!   Rust 1.89): they hold a function, and the function holds the [`LazyPattern`] `static`
//!   that compiles on first use. Every check of the field goes through that one `static`.

use std::cell::Cell;
use std::fmt;
use std::sync::OnceLock;

use regex_syntax::ast::{self, Ast, ClassSetItem, LiteralKind, SpecialLiteralKind};

use crate::{Rule, RuleError};

/// The most memory a compiled pattern may take (the `regex` crate's size limit): a pattern
/// beyond it is a schema error rather than a slow or large compilation.
pub const PATTERN_SIZE_LIMIT: usize = 256 * 1024;

/// How deeply groups and repetitions may nest in a pattern.
const NEST_LIMIT: u32 = 32;

thread_local! {
    /// How many patterns this thread has compiled: what the compile-once tests read (per
    /// thread, so tests running at the same time do not count each other's).
    static COMPILED: Cell<usize> = const { Cell::new(0) };
}

/// A compiled pattern: the schema's regular expression (its source as written) and the
/// `regex` crate's automaton.
///
/// ```
/// use fieldtab_runtime::Pattern;
///
/// let zip = Pattern::new("^[0-9]{5}$").unwrap();
/// assert!(zip.is_match("75001"));
/// assert!(!zip.is_match("7500"));
/// // Unanchored, a pattern matches anywhere, as JSON Schema's `pattern` does.
/// assert!(Pattern::new("[0-9]").unwrap().is_match("ab1"));
/// assert_eq!(zip.as_str(), "^[0-9]{5}$");
/// ```
#[derive(Clone)]
pub struct Pattern {
    regex: regex::Regex,
}

impl Pattern {
    /// Compiles `source`, or says why it is not a pattern fieldtab accepts: not valid syntax,
    /// outside the portable subset, or compiling to more than [`PATTERN_SIZE_LIMIT`] bytes.
    ///
    /// The portable subset is what the `regex` crate and ECMA-262 read alike: literals and the
    /// escapes `\.` `\\` `\t` `\n` `\r` `\f` `\v` `\xHH` `\uHHHH`; `.`; bracket classes with
    /// ranges (`[A-Za-z0-9_-]`, `[^@#]`); `^` and `$`; `|`; groups `(…)`, `(?:…)` and
    /// `(?<name>…)`; the repetitions `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}` and their lazy forms.
    /// Perl classes (`\d`, `\w`, `\s`), Unicode classes (`\pL`), POSIX classes (`[[:alpha:]]`),
    /// word boundaries, `\A` and `\z`, flags (`(?i)`) and class set operations are rejected with
    /// a help that says what to write: they mean something else in one of the two, or are
    /// missing from one.
    ///
    /// ```
    /// use fieldtab_runtime::Pattern;
    ///
    /// assert!(Pattern::new("^[A-Z]{3}/[A-Z]{3}$").is_ok());
    /// let e = Pattern::new("(ab").unwrap_err();
    /// assert_eq!(e.message(), "unclosed group");
    /// let e = Pattern::new(r"^\d+$").unwrap_err();
    /// assert_eq!(e.help(), Some("write `[0-9]` for `\\d`"));
    /// assert!(Pattern::new("a{1000}{1000}").unwrap_err().message().contains("too big"));
    /// ```
    pub fn new(source: &str) -> Result<Pattern, PatternError> {
        let tree = ast::parse::ParserBuilder::new()
            .nest_limit(NEST_LIMIT)
            .build()
            .parse(source)
            .map_err(|e| PatternError::syntax(e.kind().to_string(), e.span().start.offset))?;
        ast::visit(&tree, Portable { source })?;
        let regex = regex::RegexBuilder::new(source)
            .nest_limit(NEST_LIMIT)
            .size_limit(PATTERN_SIZE_LIMIT)
            .dfa_size_limit(PATTERN_SIZE_LIMIT)
            .build()
            .map_err(PatternError::from_regex)?;
        COMPILED.with(|count| count.set(count.get() + 1));
        Ok(Pattern { regex })
    }

    /// The pattern as the schema writes it.
    pub fn as_str(&self) -> &str {
        self.regex.as_str()
    }

    /// Whether the pattern matches somewhere in `value` (anchors as written). Linear in the
    /// length of `value`. Allocates nothing once warm: the `regex` crate's lazy DFA builds its
    /// states, in a cache bounded by [`PATTERN_SIZE_LIMIT`], the first time an input needs
    /// them.
    #[inline]
    pub fn is_match(&self, value: &str) -> bool {
        self.regex.is_match(value)
    }

    /// How many patterns the calling thread has compiled so far (every [`Pattern::new`] that
    /// succeeded): what tests read to prove that a field's pattern is compiled once, not per
    /// check.
    #[doc(hidden)]
    pub fn compiled_on_this_thread() -> usize {
        COMPILED.with(Cell::get)
    }
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Pattern").field(&self.as_str()).finish()
    }
}

/// Two patterns are equal when they are written the same (they compile to the same automaton).
impl PartialEq for Pattern {
    fn eq(&self, other: &Pattern) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Pattern {}

/// Why a text is not a pattern fieldtab accepts ([`Pattern::new`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternError {
    message: String,
    at: Option<usize>,
    help: Option<&'static str>,
}

impl PatternError {
    fn syntax(message: String, at: usize) -> PatternError {
        PatternError {
            message,
            at: Some(at),
            help: None,
        }
    }

    fn unportable(message: String, at: usize, help: &'static str) -> PatternError {
        PatternError {
            message,
            at: Some(at),
            help: Some(help),
        }
    }

    fn from_regex(error: regex::Error) -> PatternError {
        let message = match error {
            regex::Error::CompiledTooBig(limit) => {
                format!("the pattern is too big: compiled, it would exceed {limit} bytes")
            }
            // The last line of the crate's report is the error itself ("error: …").
            other => other
                .to_string()
                .lines()
                .rev()
                .find_map(|line| line.trim().strip_prefix("error: "))
                .map_or_else(|| other.to_string(), str::to_owned),
        };
        PatternError {
            message,
            at: None,
            help: Some("simplify the pattern"),
        }
    }

    /// What is wrong, in the `regex` crate's words when it is a syntax error (`unclosed
    /// group`).
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The byte offset in the pattern where the error is, when it has one.
    pub fn offset(&self) -> Option<usize> {
        self.at
    }

    /// What to write instead, when there is a portable way.
    pub fn help(&self) -> Option<&'static str> {
        self.help
    }
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(at) = self.at {
            write!(f, " (at byte {at} of the pattern)")?;
        }
        Ok(())
    }
}

impl std::error::Error for PatternError {}

/// Rejects what the `regex` crate and ECMA-262 do not read alike (see [`Pattern::new`]).
struct Portable<'s> {
    source: &'s str,
}

impl Portable<'_> {
    fn reject(&self, span: &ast::Span, help: &'static str) -> Result<(), PatternError> {
        let text = self
            .source
            .get(span.start.offset..span.end.offset)
            .unwrap_or_default();
        Err(PatternError::unportable(
            format!("`{text}` is not in the portable pattern syntax"),
            span.start.offset,
            help,
        ))
    }

    fn literal(&self, literal: &ast::Literal) -> Result<(), PatternError> {
        match &literal.kind {
            LiteralKind::Verbatim | LiteralKind::Meta | LiteralKind::Superfluous => Ok(()),
            LiteralKind::HexFixed(ast::HexLiteralKind::X)
            | LiteralKind::HexFixed(ast::HexLiteralKind::UnicodeShort) => Ok(()),
            LiteralKind::Special(
                SpecialLiteralKind::Tab
                | SpecialLiteralKind::LineFeed
                | SpecialLiteralKind::CarriageReturn
                | SpecialLiteralKind::FormFeed
                | SpecialLiteralKind::VerticalTab,
            ) => Ok(()),
            LiteralKind::HexFixed(_) | LiteralKind::HexBrace(_) => self.reject(
                &literal.span,
                "write a character outside the Basic Multilingual Plane as itself, others as `\\xHH` or `\\uHHHH`",
            ),
            LiteralKind::Octal | LiteralKind::Special(_) => {
                self.reject(&literal.span, "write the character as `\\xHH`")
            }
        }
    }

    fn class_item(&self, item: &ClassSetItem) -> Result<(), PatternError> {
        match item {
            ClassSetItem::Empty(_) | ClassSetItem::Union(_) => Ok(()),
            ClassSetItem::Literal(literal) => self.literal(literal),
            ClassSetItem::Range(range) => {
                self.literal(&range.start)?;
                self.literal(&range.end)
            }
            ClassSetItem::Perl(perl) => self.perl(perl),
            ClassSetItem::Ascii(ascii) => self.reject(
                &ascii.span,
                "list the characters: `[A-Za-z]` for `[:alpha:]`, `[0-9]` for `[:digit:]`",
            ),
            ClassSetItem::Unicode(unicode) => self.reject(
                &unicode.span,
                "list the characters in a class (`[A-Za-z]`): Unicode classes are not portable",
            ),
            ClassSetItem::Bracketed(bracketed) => self.reject(
                &bracketed.span,
                "write one flat class (`[a-z0-9]`), escaping a literal `[` as `\\[`",
            ),
        }
    }

    fn perl(&self, perl: &ast::ClassPerl) -> Result<(), PatternError> {
        let help = match (perl.kind.clone(), perl.negated) {
            (ast::ClassPerlKind::Digit, false) => "write `[0-9]` for `\\d`",
            (ast::ClassPerlKind::Digit, true) => "write `[^0-9]` for `\\D`",
            (ast::ClassPerlKind::Word, false) => "write `[A-Za-z0-9_]` for `\\w`",
            (ast::ClassPerlKind::Word, true) => "write `[^A-Za-z0-9_]` for `\\W`",
            (ast::ClassPerlKind::Space, _) => {
                "list the white space characters meant, as in `[ \\t]`"
            }
        };
        self.reject(&perl.span, help)
    }
}

impl ast::Visitor for Portable<'_> {
    type Output = ();
    type Err = PatternError;

    fn finish(self) -> Result<(), PatternError> {
        Ok(())
    }

    fn visit_pre(&mut self, tree: &Ast) -> Result<(), PatternError> {
        match tree {
            Ast::Empty(_)
            | Ast::Dot(_)
            | Ast::Repetition(_)
            | Ast::Alternation(_)
            | Ast::Concat(_)
            | Ast::ClassBracketed(_) => Ok(()),
            Ast::Literal(literal) => self.literal(literal),
            Ast::Flags(flags) => self.reject(
                &flags.span,
                "flags are not portable: spell the cases out (`[Aa]`) instead of `(?i)`",
            ),
            Ast::Assertion(assertion) => match assertion.kind {
                ast::AssertionKind::StartLine | ast::AssertionKind::EndLine => Ok(()),
                ast::AssertionKind::StartText => {
                    self.reject(&assertion.span, "write `^` for `\\A`")
                }
                ast::AssertionKind::EndText => self.reject(&assertion.span, "write `$` for `\\z`"),
                _ => self.reject(
                    &assertion.span,
                    "word boundaries are not portable: write the characters around the word",
                ),
            },
            Ast::ClassUnicode(unicode) => self.reject(
                &unicode.span,
                "list the characters in a class (`[A-Za-z]`): Unicode classes are not portable",
            ),
            Ast::ClassPerl(perl) => self.perl(perl),
            Ast::Group(group) => match &group.kind {
                ast::GroupKind::CaptureIndex(_)
                | ast::GroupKind::CaptureName {
                    starts_with_p: false,
                    ..
                } => Ok(()),
                ast::GroupKind::CaptureName { .. } => {
                    self.reject(&group.span, "write `(?<name>…)` for `(?P<name>…)`")
                }
                ast::GroupKind::NonCapturing(flags) if flags.items.is_empty() => Ok(()),
                ast::GroupKind::NonCapturing(_) => self.reject(
                    &group.span,
                    "flags are not portable: write `(?:…)` and spell the cases out (`[Aa]`)",
                ),
            },
        }
    }

    fn visit_class_set_item_pre(&mut self, item: &ClassSetItem) -> Result<(), PatternError> {
        self.class_item(item)
    }

    fn visit_class_set_binary_op_pre(
        &mut self,
        op: &ast::ClassSetBinaryOp,
    ) -> Result<(), PatternError> {
        self.reject(
            &op.span,
            "class set operations (`&&`, `--`, `~~`) are not portable: list the characters",
        )
    }
}

/// A pattern compiled on its first use, held by a `static` in generated code (see
/// [`PatternRef::Lazy`]).
///
/// ```
/// use fieldtab_runtime::{LazyPattern, Pattern};
///
/// fn zip() -> &'static Pattern {
///     static PATTERN: LazyPattern = LazyPattern::new("^[0-9]{5}$");
///     PATTERN.get()
/// }
/// assert!(zip().is_match("75001"));
/// assert!(std::ptr::eq(zip(), zip())); // one compiled pattern
/// ```
pub struct LazyPattern {
    source: &'static str,
    compiled: OnceLock<Pattern>,
}

impl LazyPattern {
    /// The pattern `source`, not compiled yet. The code generator writes only patterns that
    /// [`Pattern::new`] compiled when it checked the schema.
    pub const fn new(source: &'static str) -> LazyPattern {
        LazyPattern {
            source,
            compiled: OnceLock::new(),
        }
    }

    /// The compiled pattern, compiling it on the first call.
    ///
    /// # Panics
    ///
    /// When the pattern does not compile, which only happens when the code was generated by
    /// another version of fieldtab than the one it runs with (the generator compiled it).
    pub fn get(&self) -> &Pattern {
        self.compiled
            .get_or_init(|| match Pattern::new(self.source) {
                Ok(pattern) => pattern,
                Err(error) => panic!(
                    "a generated pattern does not compile ({error}); regenerate the code with this \
                 version of fieldtab"
                ),
            })
    }
}

impl fmt::Debug for LazyPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("LazyPattern").field(&self.source).finish()
    }
}

/// How a field's plan reaches its compiled pattern.
#[derive(Clone, Copy)]
pub enum PatternRef<'a> {
    /// A pattern compiled when the schema was loaded (the dynamic validator's model holds it).
    Compiled(&'a Pattern),
    /// A function returning the pattern from its [`LazyPattern`] `static` (generated code,
    /// whose `const` tables can hold a function but not the pattern itself).
    Lazy(fn() -> &'static Pattern),
}

impl<'a> PatternRef<'a> {
    /// The compiled pattern (compiled now if it is a lazy one's first use).
    #[inline]
    pub fn get(self) -> &'a Pattern {
        match self {
            PatternRef::Compiled(pattern) => pattern,
            PatternRef::Lazy(get) => get(),
        }
    }
}

impl fmt::Debug for PatternRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.get().fmt(f)
    }
}

/// Equal when the patterns are written the same.
impl PartialEq for PatternRef<'_> {
    fn eq(&self, other: &PatternRef<'_>) -> bool {
        self.get() == other.get()
    }
}

impl Eq for PatternRef<'_> {}

/// The `pattern` rule: `pattern` matches somewhere in `value`.
///
/// The message names the pattern (from the schema), never the value.
///
/// ```
/// use fieldtab_runtime::{check_pattern, Pattern, Rule};
///
/// let pair = Pattern::new("^[0-9]{3}/[0-9]{3}$").unwrap();
/// assert!(check_pattern("392/156", &pair).is_ok());
/// let e = check_pattern("392-156", &pair).unwrap_err();
/// assert_eq!(e.rule, Rule::Pattern);
/// assert_eq!(e.message, "must match the pattern `^[0-9]{3}/[0-9]{3}$`");
/// ```
#[inline]
pub fn check_pattern(value: &str, pattern: &Pattern) -> Result<(), RuleError> {
    if pattern.is_match(value) {
        Ok(())
    } else {
        Err(pattern_error(pattern))
    }
}

#[cold]
#[inline(never)]
fn pattern_error(pattern: &Pattern) -> RuleError {
    RuleError::new(
        Rule::Pattern,
        format!("must match the pattern `{}`", pattern.as_str()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unportable(source: &str) -> String {
        let error = Pattern::new(source).unwrap_err();
        assert!(error.help().is_some(), "{source}: {error}");
        error.message().to_owned()
    }

    #[test]
    fn portable_patterns_compile() {
        for source in [
            "^[0-9]{5}$",
            "^[A-Z]{3}/[A-Z]{3}$",
            "[^@#?]",
            r"^\d?$".replace(r"\d", "[0-9]").as_str(),
            r"^(?:ab|cd)+?\.x*$",
            r"^(?<year>[0-9]{4})-[0-9]{2}$",
            r"^\x41\u00e9\t\n\r\f\v\-\[\]$",
            "^é+😀$",
            "a{0,3}b{2,}",
        ] {
            assert!(Pattern::new(source).is_ok(), "{source}");
        }
    }

    #[test]
    fn what_the_two_syntaxes_read_differently_is_rejected() {
        for (source, bad) in [
            (r"\d", r"`\d`"),
            (r"[\w-]", r"`\w`"),
            (r"\S", r"`\S`"),
            (r"\pL", r"`\pL`"),
            ("[[:alpha:]]", "`[:alpha:]`"),
            (r"\bword", r"`\b`"),
            (r"\Aabc\z", r"`\A`"),
            ("(?i)abc", "`(?i)`"),
            ("(?i:abc)", "`(?i:abc)`"),
            ("(?P<n>a)", "`(?P<n>a)`"),
            ("[a-z&&[^aeiou]]", "`a-z&&[^aeiou]`"),
            ("[a[bc]]", "`[bc]`"),
            (r"\x{41}", r"`\x{41}`"),
            (r"\U0001F600", r"`\U0001F600`"),
            (r"\a", r"`\a`"),
        ] {
            let message = unportable(source);
            assert!(message.starts_with(bad), "{source}: {message}");
        }
    }

    #[test]
    fn syntax_errors_and_limits() {
        let e = Pattern::new("(ab").unwrap_err();
        assert_eq!((e.message(), e.offset()), ("unclosed group", Some(0)));
        assert!(e.help().is_none());
        assert_eq!(e.to_string(), "unclosed group (at byte 0 of the pattern)");
        assert!(Pattern::new("a{2,1}").is_err());
        assert!(Pattern::new(r"(a)\1").is_err(), "backreferences");
        assert!(Pattern::new("(?=a)").is_err(), "look-around");
        let deep = "(".repeat(40) + &")".repeat(40);
        assert!(Pattern::new(&deep).is_err(), "nesting");
        let big = Pattern::new("[a-z]{1000}{1000}").unwrap_err();
        assert!(big.message().contains("too big"), "{big}");
        assert_eq!(big.offset(), None);
    }

    #[test]
    fn the_rule_names_the_pattern_never_the_value() {
        let pattern = Pattern::new("^[0-9]+$").unwrap();
        assert!(check_pattern("123", &pattern).is_ok());
        let e = check_pattern("secret-12", &pattern).unwrap_err();
        assert_eq!(e.rule, Rule::Pattern);
        assert!(!e.message.contains("secret"));
        // Unanchored patterns match anywhere; the empty value is a value too.
        let digit = Pattern::new("[0-9]").unwrap();
        assert!(digit.is_match("ab1cd") && !digit.is_match(""));
        // `.` is a Unicode scalar value, and a class excludes whole characters.
        assert!(Pattern::new("^.$").unwrap().is_match("😀"));
        assert!(!Pattern::new("^[^😀]*$").unwrap().is_match("a😀"));
    }

    #[test]
    fn references_compile_once_and_compare_by_source() {
        fn lazy() -> &'static Pattern {
            static PATTERN: LazyPattern = LazyPattern::new("^x+$");
            PATTERN.get()
        }
        let before = Pattern::compiled_on_this_thread();
        let compiled = Pattern::new("^x+$").unwrap();
        for _ in 0..100 {
            assert!(check_pattern("xx", PatternRef::Lazy(lazy).get()).is_ok());
        }
        assert_eq!(Pattern::compiled_on_this_thread(), before + 2, "once each");
        assert_eq!(PatternRef::Lazy(lazy), PatternRef::Compiled(&compiled));
        assert!(std::ptr::eq(PatternRef::Lazy(lazy).get(), lazy()));
        assert_eq!(
            format!("{:?}", PatternRef::Lazy(lazy)),
            r#"Pattern("^x+$")"#
        );
        assert!(Pattern::new("(").is_err());
        assert_eq!(
            Pattern::compiled_on_this_thread(),
            before + 2,
            "failures do not count"
        );
    }
}
