//! Violations that wait for a condition on an object above (docs/SEMANTICS.md §3.4).
//!
//! Generated code checks the fields of an object before the object above it is complete: the
//! decoder reads a document once, and `validate()` checks a nested value before the fields of
//! the value holding it. A field whose verdict depends on a `super.` condition — the
//! requirement of an absent, `null` or empty value, a conditional format that fails — leaves a
//! *pending* entry at its place: the violations it gives if the condition holds, and those if
//! it does not, with the truth of the condition's comparisons decided so far. Each time the
//! object holding it takes the report ([`Report::lift`]), the comparisons one more level up
//! read that object's facts ([`Facts::below`]); once the condition is decided, its branch
//! takes the entry's place, so the violations come in the order of docs/SEMANTICS.md §6.1.
//! Above the document there is nothing: [`Report::settle`] reads what is left as absent.
//!
//! The did-you-mean of an object with unknown keys (docs/SEMANTICS.md §6.4) rewrites its
//! `required` violations, so while some may be pending it waits for `settle` too.

use super::Report;
use crate::plan::{Condition, Fact, FactPath, Facts, Value};

/// What a report holds besides its violations while a condition waits.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub(super) struct Later {
    /// The undecided conditions, in the order of their places.
    pending: Vec<Pending>,
    /// The did-you-mean hints put off until the report is settled: each object's pointer and
    /// its unknown keys, in input order.
    hints: Vec<(String, Vec<String>)>,
}

/// One undecided condition and the violations it chooses between.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Pending {
    /// Where the chosen violations go: before `violations[at]`.
    at: usize,
    /// The condition (of a generated table: `'static`).
    when: &'static Condition<'static>,
    /// How many objects above its own the entry has been taken by: the comparisons `up` that
    /// many levels were decided by the last of them.
    depth: u8,
    /// The truth of each comparison of `when`, in written order, once decided.
    truths: Vec<Option<bool>>,
    /// The violations when the condition holds.
    then: Report,
    /// The violations when it does not.
    otherwise: Report,
}

/// How [`Report::decide`] decides comparisons: by the facts of the object one level up, or as
/// absent (nothing is above).
enum Step<'f, F> {
    Up(&'f F),
    Settle,
}

impl Report {
    /// Puts `then` or `otherwise` here, as `when` turns out: its comparisons on this object's
    /// facts are decided now, from `facts`; those on objects above, later.
    pub(crate) fn defer<'s>(
        &mut self,
        when: &'static Condition<'static>,
        facts: &impl Facts<'s>,
        then: Report,
        otherwise: Report,
    ) {
        let mut truths = Vec::new();
        atoms(when, &mut |path, values| {
            truths.push(match facts.fact(path) {
                Fact::Later => None,
                fact => Some(atom_holds(fact, values)),
            });
        });
        let at = self.violations.len();
        let later = self.later.get_or_insert_with(Box::default);
        later.pending.push(Pending {
            at,
            when,
            depth: 0,
            truths,
            then,
            otherwise,
        });
    }

    /// Puts off the did-you-mean of the object at `object` (its unknown `keys`) until the
    /// report is settled, when a `required` violation it rewrites may still be pending.
    pub(crate) fn defer_hint(&mut self, object: String, keys: Vec<String>) {
        let later = self.later.get_or_insert_with(Box::default);
        later.hints.push((object, keys));
    }

    /// Whether a violation of this report still waits for a condition.
    #[inline]
    pub(crate) fn has_pending(&self) -> bool {
        self.later
            .as_ref()
            .is_some_and(|later| !later.pending.is_empty())
    }

    /// The number of entries waiting for a condition (a mark for [`Report::lift_from`]).
    #[doc(hidden)]
    #[inline]
    pub fn pending_len(&self) -> usize {
        self.later.as_ref().map_or(0, |later| later.pending.len())
    }

    /// This report, of an object, is taken by the object holding it, whose facts are `facts`:
    /// the pending comparisons one more level up are decided by them.
    #[doc(hidden)]
    #[inline]
    pub fn lift<'s>(&mut self, facts: &impl Facts<'s>) {
        self.lift_from(0, facts);
    }

    /// [`Report::lift`] for the entries from number `first` on (those a nested value added
    /// since [`Report::pending_len`] was `first`).
    #[doc(hidden)]
    #[inline]
    pub fn lift_from<'s>(&mut self, first: usize, facts: &impl Facts<'s>) {
        if self.pending_len() > first {
            self.decide(first, &Step::Up(facts));
        }
    }

    /// Nothing is above this report's object (it is the document): every comparison still
    /// undecided reads an absent value (docs/SEMANTICS.md §3.2), every pending entry takes its
    /// branch, and the put-off did-you-mean hints are given.
    #[doc(hidden)]
    pub fn settle(&mut self) {
        if self.later.is_none() {
            // What a decided entry put in its place may have taken the count over the limit.
            self.enforce_limit();
            return;
        }
        self.decide::<fn(usize) -> Fact<'static>>(0, &Step::Settle);
        if let Some(later) = self.later.take() {
            for (object, keys) in later.hints {
                let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
                crate::suggest::hint_misspelled_keys(self, &object, &keys);
            }
        }
        self.enforce_limit();
    }

    /// Moves the pending entries and hints of `later` here, their places after this report's
    /// violations (which `other`'s follow).
    pub(super) fn adopt(&mut self, other: Later) {
        let offset = self.violations.len();
        let later = self.later.get_or_insert_with(Box::default);
        later
            .pending
            .extend(other.pending.into_iter().map(|mut pending| {
                pending.at += offset;
                pending
            }));
        later.hints.extend(other.hints);
    }

    /// Decides what `step` decides of the entries from number `first` on, and puts the branch
    /// of each decided one in its place.
    fn decide<'s, F: Facts<'s>>(&mut self, first: usize, step: &Step<'_, F>) {
        let Some(mut later) = self.later.take() else {
            return;
        };
        let pending = std::mem::take(&mut later.pending);
        let mut kept = Vec::with_capacity(pending.len());
        let mut shift = 0;
        for (index, mut entry) in pending.into_iter().enumerate() {
            entry.at += shift;
            if index < first {
                kept.push(entry);
                continue;
            }
            // The branches wait on the same objects above: they move up with the entry.
            entry.then.decide(0, step);
            entry.otherwise.decide(0, step);
            entry.step(step);
            match eval(entry.when, &entry.truths, &mut 0) {
                Some(holds) => {
                    let branch = if holds { entry.then } else { entry.otherwise };
                    let count = branch.violations.len();
                    let at = entry.at;
                    self.more += branch.more;
                    // Its place was cut off (the report kept its first violations only): what
                    // it puts there comes after them, counted, not kept.
                    if at > self.violations.len() {
                        self.more += count;
                        continue;
                    }
                    self.violations.splice(at..at, branch.violations);
                    if let Some(inner) = branch.later {
                        kept.extend(inner.pending.into_iter().map(|mut pending| {
                            pending.at += at;
                            pending
                        }));
                        later.hints.extend(inner.hints);
                    }
                    shift += count;
                }
                None => kept.push(entry),
            }
        }
        later.pending = kept;
        if !later.pending.is_empty() || !later.hints.is_empty() {
            self.later = Some(later);
        }
    }
}

impl Pending {
    /// One more level up: decides the comparisons that read it.
    fn step<'s, F: Facts<'s>>(&mut self, step: &Step<'_, F>) {
        if let Step::Up(_) = step {
            self.depth = self.depth.saturating_add(1);
        }
        let (depth, truths) = (self.depth, &mut self.truths);
        let mut index = 0;
        atoms(self.when, &mut |path, values| {
            if let Some(truth) = truths.get_mut(index)
                && truth.is_none()
            {
                match step {
                    Step::Up(facts) if path.up == depth => {
                        *truth = Some(atom_holds(facts.below(path.steps), values));
                    }
                    Step::Up(_) => {}
                    Step::Settle => *truth = Some(atom_holds(Fact::Absent, values)),
                }
            }
            index += 1;
        });
    }
}

/// Calls `f` with the path of each comparison (with its values) and presence test (`None`) of
/// `condition`, in written order.
fn atoms<'c>(
    condition: &'c Condition<'c>,
    f: &mut impl FnMut(&'c FactPath<'c>, Option<&'c [Value<'c>]>),
) {
    match condition {
        Condition::In(path, values) => f(path, Some(values)),
        Condition::Present(path) => f(path, None),
        Condition::Not(inner) => atoms(inner, f),
        Condition::All(list) | Condition::Any(list) => {
            for condition in *list {
                atoms(condition, f);
            }
        }
    }
}

/// Whether one comparison (`values`) or presence test (`None`) holds for `fact`.
fn atom_holds(fact: Fact<'_>, values: Option<&[Value<'_>]>) -> bool {
    match values {
        Some(values) => values.iter().any(|value| fact.equals(value)),
        None => !matches!(fact, Fact::Absent | Fact::Later),
    }
}

/// The condition by the truths of its comparisons so far (`next`: the number of the next
/// comparison), three-valued as [`Condition::eval`].
fn eval(condition: &Condition<'_>, truths: &[Option<bool>], next: &mut usize) -> Option<bool> {
    match condition {
        Condition::In(..) | Condition::Present(_) => {
            let truth = truths.get(*next).copied().flatten();
            *next += 1;
            truth
        }
        Condition::Not(inner) => eval(inner, truths, next).map(|holds| !holds),
        Condition::All(list) | Condition::Any(list) => {
            // Every member is read, so that the numbering goes on past them.
            let decisive = matches!(condition, Condition::Any(_));
            let mut result = Some(!decisive);
            for member in *list {
                match eval(member, truths, next) {
                    Some(value) if value == decisive => result = Some(decisive),
                    Some(_) => {}
                    None if result != Some(decisive) => result = None,
                    None => {}
                }
            }
            result
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::FactsWith;
    use crate::plan::prelude::*;
    use crate::{Path, RuleError};

    const PAID: Condition<'static> = In(FactPath::up(1, &["paid"]), &[Bool(true)]);
    const DEEP: Condition<'static> = All(&[
        In(FactPath::up(2, &["kind"]), &[Str("A")]),
        Not(&Present(FactPath::own(0, &["code"]))),
    ]);

    fn one(at: &str) -> Report {
        let mut report = Report::new();
        report.push(&Path::root().key(at), RuleError::required());
        report
    }

    fn paths(report: &Report) -> Vec<&str> {
        report.iter().map(|v| v.path.as_str()).collect()
    }

    #[test]
    fn pending_entries_take_their_place_when_decided() {
        let nothing = |_: usize| Fact::Absent;
        let mut report = one("a");
        report.defer(&PAID, &nothing, one("b"), Report::new());
        report.append(one("c"));
        report.defer(&PAID, &nothing, one("d"), one("e"));
        report.append(one("f"));
        assert_eq!(paths(&report), ["/a", "/c", "/f"]);
        assert_eq!(report.pending_len(), 2);
        // The object above: `paid` is true; both entries take their `then` in place.
        let above = FactsWith(nothing, |steps: &[&str]| match steps {
            ["paid"] => Fact::Bool(true),
            _ => Fact::Absent,
        });
        report.lift(&above);
        assert_eq!(paths(&report), ["/a", "/b", "/c", "/d", "/f"]);
        assert_eq!(report.pending_len(), 0);
    }

    #[test]
    fn entries_wait_as_many_levels_as_their_paths_go_up() {
        // `code` is present here, so `DEEP` cannot hold: decided at once.
        let code = |i: usize| if i == 0 { Fact::Str("x") } else { Fact::Absent };
        let mut report = Report::new();
        report.defer(&DEEP, &code, one("b"), Report::new());
        report.lift(&|_: usize| Fact::Absent);
        assert_eq!(report.pending_len(), 0);
        assert!(report.is_empty());
        // No `code`: it waits two levels; the first object above does not decide it.
        let nothing = |_: usize| Fact::Absent;
        let mut report = Report::new();
        report.defer(&DEEP, &nothing, one("b"), Report::new());
        let kind = FactsWith(nothing, |_: &[&str]| Fact::Str("A"));
        report.lift(&kind);
        assert_eq!(report.pending_len(), 1);
        report.lift(&kind);
        assert_eq!(paths(&report), ["/b"]);
        // Settled without objects above: `kind` is absent, the condition does not hold.
        let mut report = Report::new();
        report.defer(&DEEP, &nothing, one("b"), one("c"));
        report.settle();
        assert_eq!(paths(&report), ["/c"]);
        assert_eq!(report, Report::from(one("c").into_violations()));
    }

    #[test]
    fn a_lift_from_a_mark_leaves_earlier_entries_alone() {
        let nothing = |_: usize| Fact::Absent;
        let mut report = Report::new();
        report.defer(&PAID, &nothing, one("a"), Report::new());
        let mark = report.pending_len();
        report.defer(&PAID, &nothing, one("b"), Report::new());
        let paid = FactsWith(nothing, |_: &[&str]| Fact::Bool(true));
        report.lift_from(mark, &paid);
        assert_eq!(paths(&report), ["/b"]);
        assert_eq!(report.pending_len(), 1);
        report.settle();
        assert_eq!(paths(&report), ["/b"]);
    }

    #[test]
    fn an_entry_whose_place_was_cut_off_is_counted_not_inserted() {
        let nothing = |_: usize| Fact::Absent;
        // A nested report of three violations and an entry after them, taken by a report that
        // keeps two: the third violation and the entry's `then` are past the limit.
        let mut nested = one("a");
        nested.append(one("b"));
        nested.append(one("c"));
        nested.defer(&PAID, &nothing, one("d"), Report::new());
        let mut report = Report::with_limit(2);
        report.append(nested);
        assert_eq!((paths(&report), report.more()), (vec!["/a", "/b"], 1));
        let paid = FactsWith(nothing, |_: &[&str]| Fact::Bool(true));
        report.lift(&paid);
        report.settle();
        assert_eq!((paths(&report), report.more()), (vec!["/a", "/b"], 2));
        // An entry within the limit still takes its place, and the limit holds after it.
        let mut report = Report::with_limit(2);
        report.append(one("a"));
        report.defer(&PAID, &nothing, one("b"), Report::new());
        report.append(one("c"));
        report.lift(&paid);
        report.settle();
        assert_eq!((paths(&report), report.more()), (vec!["/a", "/b"], 1));
    }
}
