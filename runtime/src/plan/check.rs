//! [`FieldPlan::check`]: the one sequence of checks of a field, for every consumer.

use super::{
    Condition, EnumRule, Fact, Facts, FieldPlan, NothingAbove, Parse, Requirement, Seen, ValueKind,
};
use crate::field_rules::{StrRules, surely_in_length};
use crate::{
    Counted, JsonKind, NumberRules, Path, Report, Rule, RuleError, check_charset, check_const,
    check_forbidden, check_length, check_number, check_pattern, is_json_integer, is_json_number,
};

impl FieldPlan<'_> {
    /// Checks what was seen for this field, pushing every violation to `report` at `path`, in
    /// the order of docs/SEMANTICS.md §2; returns whether it broke no rule.
    ///
    /// 1. absent or `null`: `required` when the field is required (mandatory, or conditional
    ///    with its condition holding), else nothing (§2.1);
    /// 2. a value of another JSON kind: one `type` violation, nothing else (§2.2);
    /// 3. a non-string value decoded elsewhere: nothing left to check (§2.7 is the caller's); a
    ///    number or a Boolean: the rules of numbers (§2.8), or, for a kind the field accepts
    ///    besides its own (§2.9), the value read as one of the field's type;
    /// 4. an empty string in a required field: one `required` violation, nothing else (§2.3);
    /// 5. otherwise, each independently: `length`, `charset` (the ISO class, then the
    ///    forbidden characters when the class held), `const` (the fixed value), `pattern`,
    ///    `format` through `parse`, or a custom format through its user function (skipped when
    ///    the charset failed: its message would only repeat it) (§2.4), then each conditional format whose condition holds (skipped
    ///    likewise) (§2.5), then `enum` through `parse` (§2.6).
    ///
    /// `facts` gives what the conditions' paths lead to (for the paths of the field's own
    /// object, a function from the path's index to its [`Fact`]). A fact of an object above
    /// that `facts` does not know ([`Fact::Later`]) reads as absent: nothing is above (see
    /// [`FieldPlan::check_deferring`]). Nothing is allocated when the value is valid.
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
        check_with(self, seen, parse, facts, &mut Now, path, report)
    }

    /// Checks one present value read in place (the value of an `Integer`, `Number` or
    /// `Boolean` field, or an element of an array of them): a value, so it has no requirement,
    /// and `null` is a `type` violation. Numbers go through their rules (docs/SEMANTICS.md
    /// §2.8) and what the field accepts besides its own kind is read as its value (§2.9).
    #[inline]
    pub fn check_value<P: Parse>(
        &self,
        seen: Seen<'_>,
        parse: &mut P,
        path: &Path<'_>,
        report: &mut Report,
    ) -> bool {
        match seen {
            Seen::Absent | Seen::Null => {
                wrong_type(self.expected_kind(), JsonKind::Null, path, report);
                false
            }
            Seen::Str(value, charset) if matches!(self.value, ValueKind::Text) => {
                self.check_element(value, charset, parse, path, report)
            }
            _ => check_with(self, seen, parse, &no_facts, &mut Now, path, report),
        }
    }

    /// The JSON kind the field's values are of, as a `type` violation names it.
    pub fn expected_kind(&self) -> JsonKind {
        match self.value {
            ValueKind::Text => JsonKind::String,
            ValueKind::Number(rules) => rules.kind(),
            ValueKind::Boolean => JsonKind::Bool,
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
        check_str::<P, fn(usize) -> Fact<'static>, Now>(
            self, value, charset, parse, None, path, report,
        )
    }
}

impl FieldPlan<'_> {
    /// Checks the count of the field's present array (or map: `counted` says which): its
    /// `items` rule, a `length` violation at `path` (docs/SEMANTICS.md §2.7). Every caller
    /// checks it after [`FieldPlan::check`] found the value present and of its kind, and
    /// before the elements: the count comes first in the order of violations. Only the outer
    /// collection of a field is counted (`Array<Array<T>>`: the outer array).
    #[inline]
    pub fn check_count(
        &self,
        count: usize,
        counted: Counted,
        path: &Path<'_>,
        report: &mut Report,
    ) -> bool {
        match &self.items {
            Some(items) => match items.check(count, counted) {
                Ok(()) => true,
                Err(error) => {
                    report.push(path, error);
                    false
                }
            },
            None => true,
        }
    }
}

impl FieldPlan<'_> {
    /// Whether [`FieldPlan::check`] with [`Text`](super::Text) surely finds nothing in the
    /// non-empty string `value` (`charset` the verdict the caller knows, as in [`Seen::Str`]):
    /// the scanner's shortcut for the common field, a string whose charset its scan already
    /// checked, without the full check's dispatch. `false` when a rule fails and whenever the
    /// plan has one the shortcut does not judge (forbidden characters, a pattern, a custom or
    /// conditional format, a currency, a kind other than text): the full check then decides
    /// and reports, so the shortcut never changes a verdict or a report.
    #[inline(always)]
    pub(crate) fn surely_passes_str(&self, value: &str, charset: Option<bool>) -> bool {
        // Every part of the plan is named, so that a rule added to it stops the build here
        // until the shortcut judges it or leaves it to the full check. `requirement` is met by
        // any non-empty value; `accepts` and `items` are about values that are not strings.
        let FieldPlan {
            ident: _,
            requirement: _,
            rules,
            enumeration,
            format_when,
            value: kind,
            accepts: _,
            items: _,
            currency,
        } = self;
        let StrRules {
            length,
            charset: allowed,
            forbidden,
            fixed,
            pattern,
            format,
            custom,
        } = rules;
        // An empty string depends on the requirement; the rest on what the shortcut skips.
        if value.is_empty()
            || !matches!(kind, ValueKind::Text)
            || forbidden.is_some()
            || pattern.is_some()
            || custom.is_some()
            || currency.is_some()
            || !format_when.is_empty()
        {
            return false;
        }
        if allowed.is_some() && charset != Some(true) {
            return false;
        }
        if let Some((unit, min, max)) = *length
            && !surely_in_length(value, unit, min, max)
            && !(min as usize..=max as usize).contains(&unit.len_of(value))
        {
            return false;
        }
        fixed.is_none_or(|fixed| value == fixed)
            && format
                .as_ref()
                .is_none_or(|format| format.check(value).is_ok())
            && enumeration.is_none_or(|rule| rule.accepts(value))
    }
}

impl FieldPlan<'static> {
    /// [`FieldPlan::check`] for a field of a generated table, whose conditions may read an
    /// object above that is not complete yet (a `super.` path, for which `facts` answers
    /// [`Fact::Later`]): what depends on such a condition waits in `report` at its place
    /// until the objects above decide it (`Report::lift`, `Report::settle`;
    /// docs/SEMANTICS.md §3.4). The verdict returned is the one where the condition does not
    /// hold: the only one in which the value can be valid (a condition that holds only adds
    /// violations).
    #[inline]
    pub fn check_deferring<'s, P, F>(
        &'static self,
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
        check_with(self, seen, parse, facts, &mut Defer, path, report)
    }
}

/// What [`check_with`] does with a condition it cannot decide: one on an object above that is
/// not complete yet.
trait Undecided<'c> {
    /// Gives `then` if `when` holds, else `otherwise`, now or once the facts above are known.
    fn put<'s, F: Facts<'s>>(
        &mut self,
        when: &'c Condition<'c>,
        facts: &F,
        then: Report,
        otherwise: Report,
        report: &mut Report,
    );
}

/// Decides now, nothing being above ([`FieldPlan::check`]).
struct Now;

impl<'c> Undecided<'c> for Now {
    fn put<'s, F: Facts<'s>>(
        &mut self,
        when: &'c Condition<'c>,
        facts: &F,
        then: Report,
        otherwise: Report,
        report: &mut Report,
    ) {
        let holds = when.holds(&NothingAbove(facts));
        report.append(if holds { then } else { otherwise });
    }
}

/// Waits in the report ([`FieldPlan::check_deferring`]).
struct Defer;

impl Undecided<'static> for Defer {
    fn put<'s, F: Facts<'s>>(
        &mut self,
        when: &'static Condition<'static>,
        facts: &F,
        then: Report,
        otherwise: Report,
        report: &mut Report,
    ) {
        report.defer(when, facts, then, otherwise);
    }
}

/// The checks of [`FieldPlan::check`]; `undecided` says what becomes of a condition on an
/// object above that is not known yet.
#[inline(always)]
fn check_with<'c, 's, P, F, U>(
    plan: &'c FieldPlan<'c>,
    seen: Seen<'_>,
    parse: &mut P,
    facts: &F,
    undecided: &mut U,
    path: &Path<'_>,
    report: &mut Report,
) -> bool
where
    P: Parse,
    F: Facts<'s>,
    U: Undecided<'c>,
{
    match seen {
        Seen::Absent | Seen::Null => match plan.is_required(facts) {
            Some(true) => {
                missing(path, report);
                false
            }
            Some(false) => true,
            None => {
                let mut then = Report::new();
                missing(path, &mut then);
                undecided.put(when(plan), facts, then, Report::new(), report);
                true
            }
        },
        Seen::Wrong { expected, found } => {
            wrong_type(expected, found, path, report);
            false
        }
        Seen::Decoded => true,
        Seen::Num(text) => match plan.value {
            ValueKind::Number(rules) => number(&rules, text, path, report),
            ValueKind::Text if plan.accepts.number => {
                let facts_and = Some((facts, undecided));
                check_str(plan, text, None, parse, facts_and, path, report)
            }
            ValueKind::Text | ValueKind::Boolean => {
                wrong_type(plan.expected_kind(), JsonKind::Number, path, report);
                false
            }
        },
        Seen::Bool(value) => match plan.value {
            ValueKind::Boolean => true,
            ValueKind::Text if plan.accepts.boolean => {
                let text = if value { "true" } else { "false" };
                let facts_and = Some((facts, undecided));
                check_str(plan, text, None, parse, facts_and, path, report)
            }
            ValueKind::Text | ValueKind::Number(_) => {
                wrong_type(plan.expected_kind(), JsonKind::Bool, path, report);
                false
            }
        },
        Seen::Str(value, _) if !matches!(plan.value, ValueKind::Text) => {
            held_in_string(plan, value, path, report)
        }
        Seen::Str(value, charset) => {
            if value.is_empty() {
                match plan.is_required(facts) {
                    Some(true) => {
                        empty(path, report);
                        return false;
                    }
                    Some(false) => {}
                    None => {
                        return empty_undecided(
                            plan, charset, parse, facts, undecided, path, report,
                        );
                    }
                }
            }
            check_str(
                plan,
                value,
                charset,
                parse,
                Some((facts, undecided)),
                path,
                report,
            )
        }
    }
}

/// An empty string in a conditional field whose condition waits: `required` if it holds, the
/// string rules on `""` if it does not.
#[cold]
#[inline(never)]
fn empty_undecided<'c, 's, P, F, U>(
    plan: &'c FieldPlan<'c>,
    charset: Option<bool>,
    parse: &mut P,
    facts: &F,
    undecided: &mut U,
    path: &Path<'_>,
    report: &mut Report,
) -> bool
where
    P: Parse,
    F: Facts<'s>,
    U: Undecided<'c>,
{
    let mut then = Report::new();
    empty(path, &mut then);
    let mut otherwise = Report::new();
    let facts_and = Some((facts, &mut *undecided));
    let ok = check_str(plan, "", charset, parse, facts_and, path, &mut otherwise);
    undecided.put(when(plan), facts, then, otherwise, report);
    ok
}

/// The condition of a conditional field (the only requirement ever undecided).
fn when<'c>(plan: &'c FieldPlan<'c>) -> &'c Condition<'c> {
    match &plan.requirement {
        Requirement::When(condition) => condition,
        // Never undecided: a condition that never holds stands for them.
        Requirement::Mandatory | Requirement::Optional => &Condition::Any(&[]),
    }
}

/// Step 5 of [`FieldPlan::check`]; the conditional formats only with `facts` (and what
/// becomes of a condition of theirs that is undecided).
#[inline(always)]
fn check_str<'c, 's, P, F, U>(
    plan: &'c FieldPlan<'c>,
    value: &str,
    charset_known: Option<bool>,
    parse: &mut P,
    facts: Option<(&F, &mut U)>,
    path: &Path<'_>,
    report: &mut Report,
) -> bool
where
    P: Parse,
    F: Facts<'s>,
    U: Undecided<'c>,
{
    let rules = &plan.rules;
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
        if let Some(format) = &rules.format {
            if let Err(error) = parse.format(format, value) {
                report.push(path, error);
                ok = false;
            } else if let (Some(at), Some((facts, _))) = (&plan.currency, &facts)
                && let Fact::Str(code) = facts.fact(at)
                && let Err(error) = crate::formats::amount_currency(code)
            {
                report.push(path, error);
                ok = false;
            }
        }
        // A custom format stands where the registry's would (a field has one or the other).
        if let Some(custom) = &rules.custom
            && let Err(error) = custom.check(value)
        {
            report.push(path, error);
            ok = false;
        }
        if let Some((facts, undecided)) = facts {
            for conditional in plan.format_when {
                let holds = conditional.when.eval(facts);
                if holds == Some(false) {
                    continue;
                }
                if let Err(error) = conditional.format.check(value) {
                    if holds == Some(true) {
                        report.push(path, error);
                        ok = false;
                    } else {
                        let mut then = Report::new();
                        then.push(path, error);
                        undecided.put(&conditional.when, facts, then, Report::new(), report);
                    }
                }
            }
        }
    }
    if let Some(rule) = &plan.enumeration
        && !parse.variant(rule, value)
    {
        not_in_enum(rule, path, report);
        ok = false;
    }
    ok
}

/// No fact at all: what a value checked in place reads (it has no condition).
fn no_facts(_: usize) -> Fact<'static> {
    Fact::Absent
}

/// The rules of a number (docs/SEMANTICS.md §2.8).
#[inline]
fn number(rules: &NumberRules<'_>, text: &str, path: &Path<'_>, report: &mut Report) -> bool {
    match check_number(text, rules) {
        Ok(()) => true,
        Err(error) => {
            report.push(path, error);
            false
        }
    }
}

/// A string in a field of numbers or Booleans: the value it holds when the field accepts
/// strings (§2.9), else a `type` violation.
fn held_in_string(plan: &FieldPlan<'_>, value: &str, path: &Path<'_>, report: &mut Report) -> bool {
    let expected = plan.expected_kind();
    if !plan.accepts.string {
        wrong_type(expected, JsonKind::String, path, report);
        return false;
    }
    match plan.value {
        ValueKind::Number(rules)
            if is_json_number(value) && (!rules.integer || is_json_integer(value)) =>
        {
            number(&rules, value, path, report)
        }
        ValueKind::Boolean if value == "true" || value == "false" => true,
        _ => {
            report.push(path, not_held(expected));
            false
        }
    }
}

/// A string that does not hold a value of the kind `expected`, where such strings are
/// accepted.
#[cold]
#[inline(never)]
fn not_held(expected: JsonKind) -> RuleError {
    RuleError::new(
        Rule::Type,
        format!(
            "expected {}, or a string holding one; found a string that does not",
            expected.as_str()
        ),
    )
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
