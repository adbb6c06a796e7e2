//! [`FieldPlan::check`]: the one sequence of checks of a field, for every consumer.

use super::{EnumRule, Facts, FieldPlan, Parse, Seen};
use crate::field_rules::surely_in_length;
use crate::{
    JsonKind, Path, Report, RuleError, check_charset, check_const, check_forbidden, check_length,
    check_pattern,
};

impl FieldPlan<'_> {
    /// Checks what was seen for this field, pushing every violation to `report` at `path`, in
    /// the order of docs/SEMANTICS.md §2; returns whether it broke no rule.
    ///
    /// 1. absent or `null`: `required` when the field is required (mandatory, or conditional
    ///    with its condition holding), else nothing (§2.1);
    /// 2. a value of another JSON kind: one `type` violation, nothing else (§2.2);
    /// 3. a non-string value decoded elsewhere: nothing left to check (§2.7 is the caller's);
    /// 4. an empty string in a required field: one `required` violation, nothing else (§2.3);
    /// 5. otherwise, each independently: `length`, `charset` (the ISO class, then the
    ///    forbidden characters when the class held), `const` (the fixed value), `pattern`,
    ///    `format` through `parse` (skipped when the charset failed: its message would only
    ///    repeat it) (§2.4), then each conditional format whose condition holds (skipped
    ///    likewise) (§2.5), then `enum` through `parse` (§2.6).
    ///
    /// `facts` gives what the conditions' paths lead to (for the paths of the field's own
    /// object, a function from the path's index to its [`Fact`](super::Fact)). Nothing is
    /// allocated when the value is valid.
    #[inline]
    pub fn check<'s, P, F>(
        &self,
        seen: Seen<'_>,
        parse: &mut P,
        facts: &F,
        path: &Path<'_>,
        report: &mut Report,
    ) -> bool
    where
        P: Parse,
        F: Facts<'s>,
    {
        match seen {
            Seen::Absent | Seen::Null => {
                if self.is_required(facts) == Some(true) {
                    missing(path, report);
                    false
                } else {
                    true
                }
            }
            Seen::Wrong { expected, found } => {
                wrong_type(expected, found, path, report);
                false
            }
            Seen::Decoded => true,
            Seen::Str(value, charset) => {
                if value.is_empty() && self.is_required(facts) == Some(true) {
                    empty(path, report);
                    return false;
                }
                self.check_str(value, charset, parse, Some(facts), path, report)
            }
        }
    }

    /// Checks one string element of an array field: a value, not a field, so it has no
    /// requirement (an empty string goes through the rules) and no conditional format; step 5
    /// of [`FieldPlan::check`] otherwise (docs/SEMANTICS.md §2.7). (A `null` element is a
    /// `type` violation of the caller's.)
    #[inline]
    pub fn check_element<P: Parse>(
        &self,
        value: &str,
        charset: Option<bool>,
        parse: &mut P,
        path: &Path<'_>,
        report: &mut Report,
    ) -> bool {
        self.check_str::<P, fn(usize) -> super::Fact<'static>>(
            value, charset, parse, None, path, report,
        )
    }

    /// Step 5 of [`FieldPlan::check`]; the conditional formats only with `facts`.
    #[inline(always)]
    fn check_str<'s, P, F>(
        &self,
        value: &str,
        charset_known: Option<bool>,
        parse: &mut P,
        facts: Option<&F>,
        path: &Path<'_>,
        report: &mut Report,
    ) -> bool
    where
        P: Parse,
        F: Facts<'s>,
    {
        let rules = &self.rules;
        let mut ok = true;
        if let Some((unit, min, max)) = rules.length
            && !surely_in_length(value, unit, min, max)
            && let Err(error) = check_length(value, unit, min, max)
        {
            report.push(path, error);
            ok = false;
        }
        let mut charset_ok = true;
        if let Some(charset) = rules.charset {
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
        if charset_ok
            && let Some(forbidden) = rules.forbidden
            && let Err(error) = check_forbidden(value, forbidden)
        {
            report.push(path, error);
            charset_ok = false;
            ok = false;
        }
        if let Some(fixed) = rules.fixed
            && let Err(error) = check_const(value, fixed)
        {
            report.push(path, error);
            ok = false;
        }
        if let Some(pattern) = rules.pattern
            && let Err(error) = check_pattern(value, pattern.get())
        {
            report.push(path, error);
            ok = false;
        }
        if charset_ok {
            if let Some(format) = &rules.format
                && let Err(error) = parse.format(format, value)
            {
                report.push(path, error);
                ok = false;
            }
            if let Some(facts) = facts {
                for conditional in self.format_when {
                    if conditional.when.holds(facts)
                        && let Err(error) = conditional.format.check(value)
                    {
                        report.push(path, error);
                        ok = false;
                    }
                }
            }
        }
        if let Some(rule) = &self.enumeration
            && !parse.variant(rule, value)
        {
            not_in_enum(rule, path, report);
            ok = false;
        }
        ok
    }
}

#[cold]
#[inline(never)]
fn missing(path: &Path<'_>, report: &mut Report) {
    report.push(path, RuleError::required());
}

#[cold]
#[inline(never)]
fn empty(path: &Path<'_>, report: &mut Report) {
    report.push(path, RuleError::empty());
}

/// A `type` violation: `found` where the field's type wants `expected`.
#[cold]
#[inline(never)]
pub(crate) fn wrong_type(
    expected: JsonKind,
    found: JsonKind,
    path: &Path<'_>,
    report: &mut Report,
) {
    report.push(path, RuleError::wrong_type(expected, found));
}

#[cold]
#[inline(never)]
fn not_in_enum(rule: &EnumRule<'_>, path: &Path<'_>, report: &mut Report) {
    report.push(path, RuleError::not_in_enum(rule.values));
}
