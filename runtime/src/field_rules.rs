//! The string rules of a field: length, charset, fixed value and format, as data. Their order
//! and composition with the field's other rules is [`FieldPlan::check`]'s.

use crate::plan::{FieldPlan, Requirement, Seen, Text, no_siblings};
use crate::{
    Charset, Format, LengthUnit, Path, Report, RuleError, check_charset, check_const, check_length,
};

/// The string rules of one field (of its elements, for an array): the data part of its
/// [`FieldPlan`], whose check runs them (docs/SEMANTICS.md).
///
/// For a JSON string value [`StrRules::check`] runs them in this order:
///
/// 1. an empty value in a field where it is `required` (mandatory, or conditional with its
///    condition holding) is one `required` violation ([`RuleError::empty`](crate::RuleError::empty))
///    and nothing else;
/// 2. otherwise, each independently: `length`, `charset`, `const` (the fixed value), and
///    `format`, which is skipped when `charset` failed (its message would only repeat it).
///
/// ```
/// use fieldtab_runtime::{Charset, Format, LengthUnit, Path, Report, StrRules};
///
/// const LOCAL_TIME: StrRules<'static> = StrRules {
///     length: Some((LengthUnit::Bytes, 14, 14)),
///     charset: Some(Charset::N),
///     fixed: None,
///     format: Some(Format::LocalTime),
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
    /// The fixed value the field must hold.
    pub fixed: Option<&'a str>,
    /// The value format.
    pub format: Option<Format>,
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
        fixed: None,
        format: None,
    };

    /// The rules of one JSON string value in a field that is `required` (mandatory, or
    /// conditional with its condition holding) or not: [`FieldPlan::check`] of a field with
    /// only these rules (docs/SEMANTICS.md). An empty value when `required` is one `required`
    /// violation; otherwise length, charset, const and format (skipped if charset failed).
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
    ///     format: None,
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

    /// Step 4 on a value that is not an empty required one: every rule, each pushed to
    /// `report`; returns whether all passed. `charset_known` as in
    /// [`StrRules::check_before_format`].
    #[inline]
    pub(crate) fn check_known(
        &self,
        value: &str,
        charset_known: Option<bool>,
        path: &Path<'_>,
        report: &mut Report,
    ) -> bool {
        let (mut ok, charset_ok) = self.check_before_format(value, charset_known, path, report);
        if charset_ok
            && let Some(format) = &self.format
            && let Err(error) = format.check(value)
        {
            report.push(path, error);
            ok = false;
        }
        ok
    }

    /// The rules before the format (length, charset, const) on a non-empty-or-optional value,
    /// each pushed to `report`. Returns `(all passed, charset passed)`.
    ///
    /// `charset_known` is the verdict of the charset when the caller has already computed it
    /// (the decoder checks the charset on the raw bytes before it knows they are UTF-8).
    #[inline(always)]
    pub(crate) fn check_before_format(
        &self,
        value: &str,
        charset_known: Option<bool>,
        path: &Path<'_>,
        report: &mut Report,
    ) -> (bool, bool) {
        let mut ok = true;
        if let Some((unit, min, max)) = self.length
            && !surely_in_length(value, unit, min, max)
            && let Err(error) = check_length(value, unit, min, max)
        {
            report.push(path, error);
            ok = false;
        }
        let mut charset_ok = true;
        if let Some(charset) = self.charset {
            let matches = match charset_known {
                Some(known) => known,
                None => charset.matches(value.as_bytes()),
            };
            if !matches {
                if let Err(error) = check_charset(value, charset) {
                    report.push(path, error);
                }
                charset_ok = false;
                ok = false;
            }
        }
        if let Some(fixed) = self.fixed
            && let Err(error) = check_const(value, fixed)
        {
            report.push(path, error);
            ok = false;
        }
        (ok, charset_ok)
    }
}

impl StrRules<'_> {
    /// A conditional format whose condition holds (point 4b of the validation semantics),
    /// checked on a value that went through [`StrRules::check`] with the same `required`: its
    /// `format` violation, or `None` when the value is in the format, is an empty required value
    /// (point 3), or fails the charset (the format is skipped, as the unconditional one is).
    ///
    /// ```
    /// use fieldtab_runtime::{Format, StrRules};
    ///
    /// let rules = StrRules::NONE;
    /// assert!(rules.conditional_format_error(&Format::Url, "https://a.example/x.png", true).is_none());
    /// assert!(rules.conditional_format_error(&Format::Url, "not a url", true).is_some());
    /// assert!(rules.conditional_format_error(&Format::Url, "", true).is_none()); // `required`
    /// ```
    pub fn conditional_format_error(
        &self,
        format: &Format,
        value: &str,
        required: bool,
    ) -> Option<RuleError> {
        if value.is_empty() && required {
            return None;
        }
        if let Some(charset) = self.charset
            && !charset.matches(value.as_bytes())
        {
            return None;
        }
        format.check(value).err()
    }

    /// [`StrRules::conditional_format_error`], pushed to `report` at `path`.
    pub fn check_conditional_format(
        &self,
        format: &Format,
        value: &str,
        required: bool,
        path: &Path<'_>,
        report: &mut Report,
    ) {
        if let Some(error) = self.conditional_format_error(format, value, required) {
            report.push(path, error);
        }
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
    use crate::Rule;

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
        fixed: None,
        format: Some(Format::LocalTime),
    };

    const PROC: StrRules<'static> = StrRules {
        length: Some((LengthUnit::Bytes, 0, 2)),
        charset: Some(Charset::An),
        fixed: Some("41"),
        format: None,
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
