//! The string rules of a field: length, charset and forbidden characters, fixed value, pattern
//! and format, as data. Their order and composition with the field's other rules is
//! [`FieldPlan::check`]'s.

use crate::plan::{FieldPlan, Requirement, Seen, Text, no_siblings};
use crate::{Charset, CustomFormat, Format, LengthUnit, Path, PatternRef, Report};

/// The string rules of one field (of its elements, for an array): the data part of its
/// [`FieldPlan`], whose check runs them (docs/SEMANTICS.md).
///
/// For a JSON string value [`StrRules::check`] runs them in this order:
///
/// 1. an empty value in a field where it is `required` (mandatory, or conditional with its
///    condition holding) is one `required` violation ([`RuleError::empty`](crate::RuleError::empty))
///    and nothing else;
/// 2. otherwise, each independently: `length`, `charset` (the ISO class, then, if it held, the
///    forbidden characters), `const` (the fixed value), `pattern`, and `format` (the
///    registry's, or a custom format's user function), which is skipped when `charset` failed
///    (its message would only repeat it).
///
/// ```
/// use fieldtab_runtime::{Charset, Format, LengthUnit, Path, Report, StrRules};
///
/// const LOCAL_TIME: StrRules<'static> = StrRules {
///     length: Some((LengthUnit::Bytes, 14, 14)),
///     charset: Some(Charset::N),
///     forbidden: None,
///     fixed: None,
///     pattern: None,
///     format: Some(Format::LocalTime),
///     custom: None,
/// };
/// let root = Path::root();
/// let path = root.key("localTime");
///
/// let mut report = Report::new();
/// LOCAL_TIME.check("20240229120000", true, &path, &mut report);
/// assert!(report.is_empty());
/// assert!(LOCAL_TIME.is_valid("20240229120000", true));
///
/// LOCAL_TIME.check("2024-02-29", true, &path, &mut report);
/// let rules: Vec<&str> = report.iter().map(|v| v.rule.as_str()).collect();
/// assert_eq!(rules, ["length", "charset"]); // format skipped: charset failed
///
/// let mut report = Report::new();
/// LOCAL_TIME.check("", true, &path, &mut report);
/// assert_eq!(report.violations()[0].rule.as_str(), "required");
/// assert!(!LOCAL_TIME.is_valid("", true));
/// assert!(!LOCAL_TIME.is_valid("", false)); // an optional "" is a value: too short
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StrRules<'a> {
    /// The length limits: unit, inclusive minimum, inclusive maximum.
    pub length: Option<(LengthUnit, u32, u32)>,
    /// The ISO 8583 character class (ISO type codes only).
    pub charset: Option<Charset>,
    /// The characters the value must not contain (`forbidden "@#?"`): part of the `charset`
    /// rule, checked when the ISO class (if any) held.
    pub forbidden: Option<&'a str>,
    /// The fixed value the field must hold.
    pub fixed: Option<&'a str>,
    /// The pattern the value must match (anywhere, unless anchored).
    pub pattern: Option<PatternRef<'a>>,
    /// The value format, from the registry.
    pub format: Option<Format>,
    /// The value format, when it is a custom one (`custom(merchant-ref)`) bound to a user
    /// function: checked at the place of `format`. A field has one or the other.
    pub custom: Option<CustomFormat<'a>>,
}

impl StrRules<'_> {
    /// No rule at all: every string is valid (an empty one only when not `required`).
    ///
    /// ```
    /// assert!(fieldtab_runtime::StrRules::NONE.is_valid("anything", true));
    /// ```
    pub const NONE: StrRules<'static> = StrRules {
        length: None,
        charset: None,
        forbidden: None,
        fixed: None,
        pattern: None,
        format: None,
        custom: None,
    };

    /// The rules of one JSON string value in a field that is `required` (mandatory, or
    /// conditional with its condition holding) or not: [`FieldPlan::check`] of a field with
    /// only these rules (docs/SEMANTICS.md). An empty value when `required` is one `required`
    /// violation; otherwise length, charset, const, pattern and format (skipped if charset
    /// failed).
    /// Every violation is pushed to `report` at `path`; nothing is allocated when the value is
    /// valid.
    ///
    /// ```
    /// use fieldtab_runtime::{Charset, LengthUnit, Path, Report, StrRules};
    ///
    /// let rules = StrRules {
    ///     length: Some((LengthUnit::Bytes, 0, 2)),
    ///     charset: Some(Charset::An),
    ///     fixed: Some("41"),
    ///     ..StrRules::NONE
    /// };
    /// let mut report = Report::new();
    /// rules.check("4-1", true, &Path::root(), &mut report);
    /// let rules: Vec<&str> = report.iter().map(|v| v.rule.as_str()).collect();
    /// assert_eq!(rules, ["length", "charset", "const"]);
    /// ```
    #[inline]
    pub fn check(&self, value: &str, required: bool, path: &Path<'_>, report: &mut Report) {
        let requirement = if required {
            Requirement::Mandatory
        } else {
            Requirement::Optional
        };
        let plan = FieldPlan::new("", requirement).rules(*self);
        plan.check(Seen::from(value), &mut Text, &no_siblings, path, report);
    }

    /// Whether [`StrRules::check`] finds no violation (for code generation, which asks it of
    /// sample values).
    ///
    /// ```
    /// use fieldtab_runtime::{Format, StrRules};
    ///
    /// let rules = StrRules { format: Some(Format::GmtOffset), ..StrRules::NONE };
    /// assert!(rules.is_valid("GMT+08:00", true));
    /// assert!(!rules.is_valid("GMT+8", true));
    /// ```
    pub fn is_valid(&self, value: &str, required: bool) -> bool {
        let mut report = Report::new();
        self.check(value, required, &Path::root(), &mut report);
        report.is_empty()
    }
}

/// Whether `value` passes the `length` rule for certain without counting its characters: a
/// UTF-8 string has at most one character per byte and at least one per four bytes. When this
/// says no, [`check_length`](crate::check_length) (the rule itself) decides.
#[inline(always)]
pub(crate) fn surely_in_length(value: &str, unit: LengthUnit, min: u32, max: u32) -> bool {
    match unit {
        // Counting bytes costs nothing.
        LengthUnit::Bytes => false,
        LengthUnit::Chars => {
            let bytes = value.len();
            bytes <= max as usize && bytes.div_ceil(4) >= min as usize
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Rule, check_length};

    fn rules_of(rules: &StrRules<'_>, value: &str, required: bool) -> Vec<Rule> {
        let mut report = Report::new();
        rules.check(value, required, &Path::root(), &mut report);
        assert_eq!(
            report.is_empty(),
            rules.is_valid(value, required),
            "check and is_valid disagree on {value:?}"
        );
        report.iter().map(|v| v.rule).collect()
    }

    const TIME: StrRules<'static> = StrRules {
        length: Some((LengthUnit::Bytes, 0, 14)),
        charset: Some(Charset::N),
        format: Some(Format::LocalTime),
        ..StrRules::NONE
    };

    const PROC: StrRules<'static> = StrRules {
        length: Some((LengthUnit::Bytes, 0, 2)),
        charset: Some(Charset::An),
        fixed: Some("41"),
        ..StrRules::NONE
    };

    #[test]
    fn empty_required_is_one_required_violation() {
        assert_eq!(rules_of(&PROC, "", true), [Rule::Required]);
        assert_eq!(rules_of(&StrRules::NONE, "", true), [Rule::Required]);
    }

    #[test]
    fn empty_optional_is_a_value() {
        assert_eq!(rules_of(&PROC, "", false), [Rule::Const]);
        assert_eq!(rules_of(&StrRules::NONE, "", false), []);
    }

    #[test]
    fn rules_run_in_order_and_independently() {
        assert_eq!(rules_of(&PROC, "41", true), []);
        assert_eq!(
            rules_of(&PROC, "4-1", true),
            [Rule::Length, Rule::Charset, Rule::Const]
        );
        assert_eq!(rules_of(&PROC, "42", true), [Rule::Const]);
    }

    #[test]
    fn forbidden_and_pattern_take_their_places() {
        fn digits() -> &'static crate::Pattern {
            static PATTERN: crate::LazyPattern = crate::LazyPattern::new("^[0-9]+$");
            PATTERN.get()
        }
        let rules = StrRules {
            length: Some((LengthUnit::Bytes, 0, 4)),
            charset: Some(Charset::Ans),
            forbidden: Some("@#"),
            fixed: Some("1234"),
            pattern: Some(PatternRef::Lazy(digits)),
            format: Some(Format::MinorUnits),
            custom: None,
        };
        assert_eq!(rules_of(&rules, "1234", true), []);
        assert_eq!(
            rules_of(&rules, "12@45", true),
            [Rule::Length, Rule::Charset, Rule::Const, Rule::Pattern],
            "format skipped: the forbidden characters are the charset rule"
        );
        assert_eq!(
            rules_of(&rules, "12é@", true),
            [Rule::Length, Rule::Charset, Rule::Const, Rule::Pattern],
            "one charset violation: the class's, the forbidden set is not checked"
        );
        assert_eq!(
            rules_of(&rules, "0012", true),
            [Rule::Const, Rule::Format],
            "pattern holds"
        );
        assert_eq!(rules_of(&rules, "", true), [Rule::Required]);
    }

    #[test]
    fn a_custom_format_takes_the_place_of_format() {
        fn all_sevens(value: &str) -> Result<(), crate::FormatError> {
            if value.bytes().all(|b| b == b'7') {
                Ok(())
            } else {
                Err(crate::FormatError::new("must be sevens"))
            }
        }
        let rules = StrRules {
            length: Some((LengthUnit::Bytes, 0, 3)),
            charset: Some(Charset::N),
            fixed: Some("777"),
            custom: Some(CustomFormat::new("sevens", all_sevens)),
            ..StrRules::NONE
        };
        assert_eq!(rules_of(&rules, "777", true), []);
        assert_eq!(
            rules_of(&rules, "7778", true),
            [Rule::Length, Rule::Const, Rule::Format]
        );
        assert_eq!(
            rules_of(&rules, "7x", true),
            [Rule::Charset, Rule::Const],
            "skipped when the charset failed"
        );
        assert_eq!(rules_of(&rules, "", true), [Rule::Required]);
        let mut report = Report::new();
        rules.check("70", true, &Path::root(), &mut report);
        assert_eq!(
            report.violations()[1].message,
            "is not in the format `sevens`: must be sevens"
        );
    }

    #[test]
    fn format_is_skipped_when_charset_fails() {
        assert_eq!(rules_of(&TIME, "2024022912000x", true), [Rule::Charset]);
        assert_eq!(
            rules_of(&TIME, "202402291200000", true),
            [Rule::Length, Rule::Format]
        );
    }

    #[test]
    fn the_length_shortcut_never_contradicts_the_rule() {
        for value in ["", "a", "é", "日本", "😀😀", "abcd", "ééé", "a😀"] {
            for min in 0..6 {
                for max in min.max(1)..9 {
                    let sure = surely_in_length(value, LengthUnit::Chars, min, max);
                    let rule = check_length(value, LengthUnit::Chars, min, max).is_ok();
                    assert!(!sure || rule, "{value:?} {min}..={max}");
                }
            }
        }
    }
}
