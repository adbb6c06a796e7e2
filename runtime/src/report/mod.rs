//! Violations with their paths, and the report that collects them.

mod later;
mod located;
mod printable;

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{Path, Rule, RuleError};
use later::Later;
pub use located::Located;

thread_local! {
    /// The limit of the report of the document this thread is decoding (see
    /// [`Report::nested`]); unlimited outside a decode.
    static DECODE_LIMIT: Cell<usize> = const { Cell::new(usize::MAX) };
}
pub use printable::printable;

/// One broken rule at one place of a message.
///
/// Serializes as `{"path": "/header/localTime", "rule": "format", "message": "..."}`.
///
/// ```
/// use fieldtab_runtime::{Rule, Violation};
///
/// let v = Violation { path: "/data/cardNo".into(), rule: Rule::Length, message: "too long".into() };
/// assert_eq!(v.to_string(), "/data/cardNo: length: too long");
/// assert_eq!(
///     serde_json::to_string(&v).unwrap(),
///     r#"{"path":"/data/cardNo","rule":"length","message":"too long"}"#
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Violation {
    /// RFC 6901 JSON Pointer of the value, with wire identifiers (`""` for the whole document).
    pub path: String,
    /// The rule that was broken.
    pub rule: Rule,
    /// What is wrong, in words; never the value itself.
    pub message: Cow<'static, str>,
}

crate::serde_struct::serde_struct!(Violation {
    path: String,
    rule: Rule,
    message: Cow<'static, str>,
});

impl fmt::Display for Violation {
    /// `"{path}: {rule}: {message}"`, the root path (`""`) shown as `/`; control and
    /// bidirectional characters of the path and message escaped ([`printable`]): the path
    /// holds the sender's keys.
    ///
    /// ```
    /// use fieldtab_runtime::{Rule, Violation};
    ///
    /// let v = Violation {
    ///     path: "/x\nrequest.json: valid".into(),
    ///     rule: Rule::UnknownField,
    ///     message: "unknown field".into(),
    /// };
    /// assert_eq!(v.to_string(), "/x\\u{a}request.json: valid: unknown_field: unknown field");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            Cow::Borrowed("/")
        } else {
            printable(&self.path)
        };
        write!(f, "{path}: {}: {}", self.rule, printable(&self.message))
    }
}

/// Every violation found in one message, in the order they were recorded.
///
/// `Display` writes one violation a line (`"{path}: {rule}: {message}"`, lines separated by
/// `\n`, no trailing newline; the root path `""` shown as `/`). Serializes as a JSON array of
/// [`Violation`]s. It is a `std::error::Error`.
///
/// ```
/// use fieldtab_runtime::{Path, Report, RuleError};
///
/// let mut report = Report::new();
/// report.push(&Path::root(), RuleError::syntax("EOF while parsing at line 1 column 0"));
/// let root = Path::root();
/// report.push(&root.key("procType"), RuleError::const_mismatch("41"));
/// assert_eq!(
///     report.to_string(),
///     "/: syntax: EOF while parsing at line 1 column 0\n/procType: const: must be `41`"
/// );
/// assert!(report.into_result().is_err());
/// ```
#[derive(Clone)]
pub struct Report {
    violations: Vec<Violation>,
    /// What waits for a condition on an object above (`later.rs`); `None` in every report a
    /// caller sees (they are settled).
    later: Option<Box<Later>>,
    /// At most this many violations are kept (`usize::MAX`: all): a hostile message of 6 MB
    /// held a million violations, and a report is what a server sends back.
    limit: usize,
    /// How many violations were found beyond `limit`, and not kept.
    more: usize,
}

impl Default for Report {
    fn default() -> Report {
        Report::new()
    }
}

/// Two reports are equal when they hold the same violations and the same count of those not
/// kept, whatever their limits.
impl PartialEq for Report {
    fn eq(&self, other: &Report) -> bool {
        self.violations == other.violations && self.more == other.more && self.later == other.later
    }
}

impl Eq for Report {}

impl std::hash::Hash for Report {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.violations.hash(state);
        self.more.hash(state);
    }
}

impl fmt::Debug for Report {
    /// `Report { violations: [..] }`, and what waits for a condition when something does.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = f.debug_struct("Report");
        out.field("violations", &self.violations);
        if self.more > 0 {
            out.field("more", &self.more);
        }
        if let Some(later) = &self.later {
            out.field("later", later);
        }
        out.finish()
    }
}

/// The array of its violations.
impl Serialize for Report {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.violations.serialize(serializer)
    }
}

/// An array of violations.
impl<'de> Deserialize<'de> for Report {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::deserialize(deserializer).map(Report::from)
    }
}

impl Report {
    /// An empty report.
    ///
    /// ```
    /// assert!(fieldtab_runtime::Report::new().is_empty());
    /// ```
    pub const fn new() -> Report {
        Report {
            violations: Vec::new(),
            later: None,
            limit: usize::MAX,
            more: 0,
        }
    }

    /// An empty report that keeps at most `limit` violations (at least one), the first ones in
    /// the order of docs/SEMANTICS.md §6.1, and counts the others ([`Report::more`]).
    ///
    /// ```
    /// use fieldtab_runtime::{Path, Report, RuleError};
    /// let mut report = Report::with_limit(2);
    /// for key in ["a", "b", "c", "d"] {
    ///     report.push(&Path::root().key(key), RuleError::required());
    /// }
    /// assert_eq!((report.len(), report.more()), (2, 2));
    /// assert!(report.to_string().ends_with("/b: required: is required\nand 2 more violations"));
    /// ```
    pub const fn with_limit(limit: usize) -> Report {
        Report {
            violations: Vec::new(),
            later: None,
            limit: if limit == 0 { 1 } else { limit },
            more: 0,
        }
    }

    /// How many violations were found beyond the limit of [`Report::with_limit`] and not kept.
    pub fn more(&self) -> usize {
        self.more
    }

    /// An empty report for a nested value of the document being decoded: it keeps at most what
    /// the document's report keeps, so a nested object of a million unknown keys costs no more
    /// than the document's limit before it is appended.
    #[doc(hidden)]
    pub fn nested() -> Report {
        Report::with_limit(DECODE_LIMIT.with(Cell::get))
    }

    /// Runs `f` with [`Report::nested`] keeping at most `limit` violations (restored after,
    /// whatever `f` does).
    pub(crate) fn with_nested_limit<R>(limit: usize, f: impl FnOnce() -> R) -> R {
        struct Restore(usize);
        impl Drop for Restore {
            fn drop(&mut self) {
                DECODE_LIMIT.with(|l| l.set(self.0));
            }
        }
        let _restore = Restore(DECODE_LIMIT.with(|l| l.replace(limit)));
        f()
    }

    /// Takes the limit of [`Report::nested`] if nothing is recorded yet (a report made in a
    /// `const` context).
    #[doc(hidden)]
    pub fn inherit_limit(&mut self) {
        if self.violations.is_empty() && self.more == 0 {
            self.limit = DECODE_LIMIT.with(Cell::get).max(1);
        }
    }

    /// Drops the violations beyond the limit, counting them: entries put in their places when a
    /// condition above was decided (`later.rs`) can take the count over it.
    fn enforce_limit(&mut self) {
        if self.violations.len() > self.limit {
            self.more += self.violations.len() - self.limit;
            self.violations.truncate(self.limit);
        }
    }

    /// Records `error` at `path`; the pointer text is rendered here, and only here.
    ///
    /// ```
    /// use fieldtab_runtime::{Path, Report, RuleError};
    /// let mut report = Report::new();
    /// let root = Path::root();
    /// report.push(&root.key("a").index(0), RuleError::required());
    /// assert_eq!(report.violations()[0].path, "/a/0");
    /// ```
    #[cold]
    #[inline(never)]
    pub fn push(&mut self, path: &Path<'_>, error: RuleError) {
        if self.violations.len() >= self.limit {
            self.more += 1;
            return;
        }
        self.violations.push(Violation {
            path: path.to_pointer(),
            rule: error.rule,
            message: error.message,
        });
    }

    /// Records a violation that already has its path.
    ///
    /// ```
    /// use fieldtab_runtime::{Report, Rule, Violation};
    /// let mut report = Report::new();
    /// report.push_violation(Violation { path: "/x".into(), rule: Rule::Enum, message: "bad".into() });
    /// assert_eq!(report.len(), 1);
    /// ```
    #[cold]
    pub fn push_violation(&mut self, violation: Violation) {
        if self.violations.len() >= self.limit {
            self.more += 1;
            return;
        }
        self.violations.push(violation);
    }

    /// Moves every violation of `other` to the end of this report, keeping their order.
    ///
    /// ```
    /// use fieldtab_runtime::{Path, Report, RuleError};
    /// let (mut a, mut b) = (Report::new(), Report::new());
    /// a.push(&Path::root(), RuleError::required());
    /// b.push(&Path::root(), RuleError::unknown_field());
    /// a.append(b);
    /// assert_eq!(a.len(), 2);
    /// ```
    pub fn append(&mut self, mut other: Report) {
        if let Some(later) = other.later.take() {
            self.adopt(*later);
        }
        self.violations.append(&mut other.violations);
        self.more += other.more;
        self.enforce_limit();
    }

    /// Whether no violation was recorded.
    ///
    /// ```
    /// assert!(fieldtab_runtime::Report::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.violations.is_empty()
    }

    /// The number of violations.
    ///
    /// ```
    /// assert_eq!(fieldtab_runtime::Report::new().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.violations.len()
    }

    /// The violations, in recorded order.
    ///
    /// ```
    /// use fieldtab_runtime::{Path, Report, RuleError};
    /// let mut report = Report::new();
    /// report.push(&Path::root(), RuleError::required());
    /// assert_eq!(report.iter().count(), 1);
    /// ```
    pub fn iter(&self) -> std::slice::Iter<'_, Violation> {
        self.violations.iter()
    }

    /// The violations, in recorded order.
    ///
    /// ```
    /// assert!(fieldtab_runtime::Report::new().violations().is_empty());
    /// ```
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// The violations, to reword (the did-you-mean of `suggest`; paths and rules stay).
    pub(crate) fn violations_mut(&mut self) -> &mut [Violation] {
        &mut self.violations
    }

    /// The violations, moved out.
    ///
    /// ```
    /// assert!(fieldtab_runtime::Report::new().into_violations().is_empty());
    /// ```
    pub fn into_violations(self) -> Vec<Violation> {
        self.violations
    }

    /// `Ok(())` when empty, else `Err(self)`.
    ///
    /// ```
    /// assert!(fieldtab_runtime::Report::new().into_result().is_ok());
    /// ```
    pub fn into_result(self) -> Result<(), Report> {
        if self.violations.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, violation) in self.violations.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            fmt::Display::fmt(violation, f)?;
        }
        match self.more {
            0 => Ok(()),
            1 => f.write_str("\nand 1 more violation"),
            n => write!(f, "\nand {n} more violations"),
        }
    }
}

impl std::error::Error for Report {}

impl From<Violation> for Report {
    fn from(violation: Violation) -> Report {
        Report::from(vec![violation])
    }
}

impl From<Vec<Violation>> for Report {
    fn from(violations: Vec<Violation>) -> Report {
        Report {
            violations,
            ..Report::new()
        }
    }
}

impl IntoIterator for Report {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.violations.into_iter()
    }
}

impl<'r> IntoIterator for &'r Report {
    type Item = &'r Violation;
    type IntoIter = std::slice::Iter<'r, Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.violations.iter()
    }
}

impl Extend<Violation> for Report {
    fn extend<I: IntoIterator<Item = Violation>>(&mut self, iter: I) {
        for violation in iter {
            self.push_violation(violation);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Report {
        let mut report = Report::new();
        let root = Path::root();
        let header = root.key("header");
        report.push(
            &header.key("localTime"),
            RuleError::new(Rule::Format, "bad time"),
        );
        report.push(
            &root,
            RuleError::syntax("trailing characters at line 1 column 9"),
        );
        let details = root.key("benefitDetails");
        let third = details.index(3);
        let amount = third.key("amount");
        report.push(&amount.key("value"), RuleError::required());
        report
    }

    #[test]
    fn nested_reports_keep_the_document_s_limit_while_it_is_decoded() {
        let fill = |report: &mut Report| {
            for key in ["a", "b", "c", "d", "e"] {
                report.push(&Path::root().key(key), RuleError::required());
            }
        };
        let (kept, more) = Report::with_nested_limit(3, || {
            let mut nested = Report::nested();
            fill(&mut nested);
            // A report made in a `const` context takes the limit at its first violation.
            let mut extras = Report::new();
            extras.inherit_limit();
            fill(&mut extras);
            assert_eq!((extras.len(), extras.more()), (3, 2));
            (nested.len(), nested.more())
        });
        assert_eq!((kept, more), (3, 2));
        // Outside a decode, and after one, nested reports keep everything.
        let mut after = Report::nested();
        fill(&mut after);
        assert_eq!((after.len(), after.more()), (5, 0));
    }

    #[test]
    fn keeps_order_and_displays_one_per_line() {
        let report = sample();
        assert_eq!(
            report.to_string(),
            "/header/localTime: format: bad time\n\
             /: syntax: trailing characters at line 1 column 9\n\
             /benefitDetails/3/amount/value: required: is required"
        );
        let paths: Vec<&str> = report.iter().map(|v| v.path.as_str()).collect();
        assert_eq!(
            paths,
            ["/header/localTime", "", "/benefitDetails/3/amount/value"]
        );
        assert_eq!(Report::new().to_string(), "");
    }

    #[test]
    fn serializes_as_an_array() {
        let report = sample();
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(
            json[2],
            serde_json::json!({"path": "/benefitDetails/3/amount/value", "rule": "required", "message": "is required"})
        );
        assert_eq!(json.as_array().unwrap().len(), 3);
        let back: Report = serde_json::from_value(json).unwrap();
        assert_eq!(back, report);
    }

    #[test]
    fn append_and_result() {
        let mut a = sample();
        a.append(sample());
        assert_eq!(a.len(), 6);
        assert_eq!(a.violations()[3], sample().violations()[0]);
        let err: Box<dyn std::error::Error> = Box::new(a.clone());
        assert!(err.to_string().lines().count() == 6);
        assert!(a.into_result().is_err());
        assert_eq!(Report::new().into_result(), Ok(()));
    }
}
