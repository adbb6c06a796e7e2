//! Violations located in the message's text (docs/SEMANTICS.md §5.3): the line and column of
//! each violation's value, of the key of an unknown field or a repeated key, of the object that
//! lacks a required field, of the fault in malformed JSON. Computed from the text and the
//! paths when asked for, so a valid message, and decoding in general, costs nothing more.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use super::{Report, Violation};
use crate::Rule;
use crate::json::locate::{Location, Target, find};
use crate::json::syntax::check_document;

impl Report {
    /// Where each violation is in `message`, the text this report is of, in the report's order
    /// (`None` for a path the text does not lead to, which a report of that text never has).
    ///
    /// ```
    /// use fieldtab_runtime::{Path, Report, RuleError};
    ///
    /// let message = b"{\n  \"pid\": 12\n}";
    /// let mut report = Report::new();
    /// report.push(&Path::root().key("pid"), RuleError::wrong_type(
    ///     fieldtab_runtime::JsonKind::String, fieldtab_runtime::JsonKind::Number));
    /// let at = report.locate(message)[0].unwrap();
    /// assert_eq!((at.line, at.column), (2, 10));
    /// ```
    pub fn locate(&self, message: &[u8]) -> Vec<Option<Location>> {
        if let Err(fault) = check_document(message) {
            // Malformed: the one `syntax` violation is at the fault.
            let at = Location::of(message, fault.offset());
            return self
                .iter()
                .map(|v| (v.rule == Rule::Syntax && v.path.is_empty()).then_some(at))
                .collect();
        }
        self.iter()
            .enumerate()
            .map(|(i, violation)| {
                let target = target(&self.violations()[..i], violation);
                find(message, &violation.path, target).map(|at| Location::of(message, at))
            })
            .collect()
    }

    /// The report as [`Serialize`] writes it (`[{"path", "rule", "message"}, …]`), each
    /// violation with its `"line"` and `"column"` in `message` as well (`null` when unknown):
    /// the JSON of `fieldtab validate --format json`.
    pub fn located<'r>(&'r self, message: &[u8]) -> Located<'r> {
        Located {
            report: self,
            locations: self.locate(message),
        }
    }
}

/// What a violation's path designates in the text: the key of an unknown field; for a
/// repeated key (a `syntax` violation below the document), the key of the repeat, the first
/// such violation at a path the first repeat; the value otherwise (or the object lacking it).
fn target(before: &[Violation], violation: &Violation) -> Target {
    match violation.rule {
        Rule::UnknownField => Target::Key,
        Rule::Syntax if !violation.path.is_empty() => {
            let earlier = before
                .iter()
                .filter(|v| v.rule == Rule::Syntax && v.path == violation.path)
                .count();
            Target::Repeat(earlier + 1)
        }
        _ => Target::Value,
    }
}

/// A report with the location of each violation in its message: see [`Report::located`].
#[derive(Debug)]
pub struct Located<'r> {
    report: &'r Report,
    locations: Vec<Option<Location>>,
}

impl Located<'_> {
    /// The same locations in a larger text whose line `first` (from 1) the message starts
    /// (a message that is one line of a JSON Lines file): each line number moved down by
    /// `first - 1`, the columns and offsets unchanged.
    ///
    /// ```
    /// use fieldtab_runtime::{JsonKind, Path, Report, RuleError};
    ///
    /// let mut report = Report::new();
    /// report.push(&Path::root().key("pid"), RuleError::wrong_type(JsonKind::String, JsonKind::Number));
    /// let located = report.located(br#"{"pid": 12}"#).from_line(7);
    /// let (_, at) = located.iter().next().unwrap();
    /// assert_eq!(at.map(|at| (at.line, at.column)), Some((7, 9)));
    /// ```
    #[must_use]
    pub fn from_line(mut self, first: usize) -> Self {
        for location in self.locations.iter_mut().flatten() {
            location.line += first.saturating_sub(1);
        }
        self
    }

    /// The violations with their locations, in the report's order.
    pub fn iter(&self) -> impl Iterator<Item = (&Violation, Option<Location>)> {
        self.report.iter().zip(self.locations.iter().copied())
    }
}

impl Serialize for Located<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.report.len()))?;
        for (violation, location) in self.iter() {
            seq.serialize_element(&LocatedViolation {
                violation,
                location,
            })?;
        }
        seq.end()
    }
}

struct LocatedViolation<'v> {
    violation: &'v Violation,
    location: Option<Location>,
}

impl Serialize for LocatedViolation<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(5))?;
        map.serialize_entry("path", &self.violation.path)?;
        map.serialize_entry("rule", &self.violation.rule)?;
        map.serialize_entry("message", &self.violation.message)?;
        map.serialize_entry("line", &self.location.map(|l| l.line))?;
        map.serialize_entry("column", &self.location.map(|l| l.column))?;
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use crate::{JsonKind, Path, Report, RuleError};

    #[test]
    fn each_rule_points_where_a_person_looks() {
        let message = b"{\"a\": 1,\n \"zz\": 2,\n \"a\": 3,\n \"o\": {}}";
        let root = Path::root();
        let mut report = Report::new();
        report.push(
            &root.key("a"),
            RuleError::wrong_type(JsonKind::String, JsonKind::Number),
        );
        report.push(&root.key("a"), RuleError::syntax("duplicate key"));
        report.push(&root.key("o").key("need"), RuleError::required());
        report.push(&root.key("zz"), RuleError::unknown_field());
        let at: Vec<(usize, usize)> = report
            .locate(message)
            .into_iter()
            .map(|l| l.map_or((0, 0), |l| (l.line, l.column)))
            .collect();
        assert_eq!(at, [(1, 7), (3, 2), (4, 7), (2, 2)]);
        let json = serde_json::to_value(report.located(message)).unwrap();
        assert_eq!(
            json[0],
            serde_json::json!({"path": "/a", "rule": "type",
                "message": "expected a string, found a number", "line": 1, "column": 7})
        );
    }

    #[test]
    fn malformed_json_points_at_the_fault() {
        let mut report = Report::new();
        report.push(&Path::root(), RuleError::syntax("malformed JSON: …"));
        let at = report.locate(b"{\n  \"a\": [1,]\n}")[0].unwrap();
        assert_eq!((at.line, at.column), (2, 11));
    }
}
