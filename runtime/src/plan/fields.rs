//! [`Fields`]: the fields of one struct value as generated `validate()` checks them.

use super::{Fact, Facts, FieldPlan, GroupRule, Proven, Seen, Text, check_groups, no_siblings};
use crate::{Counted, Number, Path, Report, ToWireStr, Validate};

/// The fields of one struct value, checked one by one against its table of plans: each call
/// checks field `i` (its plan is `plans[i]`, its path `path/ident`) with [`FieldPlan::check`].
///
/// Generated `validate()` builds one and calls it for every field whose Rust type does not
/// prove every rule by itself.
///
/// ```
/// use fieldtab_runtime::plan::prelude::*;
/// use fieldtab_runtime::plan::Fields;
/// use fieldtab_runtime::{Path, Report};
///
/// const FIELDS: [FieldPlan<'static>; 2] = [
///     FieldPlan::new("procType", Mandatory).length(Bytes, 0, 2).charset(Charset::An),
///     FieldPlan::new("resvFld", Optional).length(Bytes, 0, 5),
/// ];
/// let (proc_type, resv_fld) = (String::from("4-1"), None::<String>);
/// let (root, mut report) = (Path::root(), Report::new());
/// let mut fields = Fields::new(&FIELDS, &root, &mut report);
/// fields.text(0, &proc_type);
/// fields.text(1, &resv_fld);
/// let found: Vec<(&str, &str)> =
///     report.iter().map(|v| (v.path.as_str(), v.rule.as_str())).collect();
/// assert_eq!(found, [("/procType", "length"), ("/procType", "charset")]);
/// ```
pub struct Fields<'a, 'p, S> {
    plans: &'static [FieldPlan<'static>],
    facts: S,
    path: &'a Path<'p>,
    report: &'a mut Report,
}

impl<'a, 'p> Fields<'a, 'p, fn(usize) -> Fact<'static>> {
    /// The fields of the struct at `path` whose table is `plans`, which has no condition (see
    /// [`Fields::with_facts`]).
    #[inline]
    pub fn new(
        plans: &'static [FieldPlan<'static>],
        path: &'a Path<'p>,
        report: &'a mut Report,
    ) -> Self {
        Fields {
            plans,
            facts: no_siblings,
            path,
            report,
        }
    }

    /// The same fields, `facts` giving what the conditions of the table read (for the paths
    /// of this object, a function from the path's index to its [`Fact`]).
    #[inline]
    pub fn with_facts<'s, T>(self, facts: T) -> Fields<'a, 'p, T>
    where
        T: Facts<'s>,
    {
        Fields {
            plans: self.plans,
            facts,
            path: self.path,
            report: self.report,
        }
    }
}

impl<'a, 'p, 's, S> Fields<'a, 'p, S>
where
    S: Facts<'s>,
{
    /// Field `i`, a string or enum value (or its absence), checked as text.
    #[inline]
    pub fn text<'v>(&mut self, i: usize, value: impl Into<Seen<'v>>) {
        let plan = &self.plans[i];
        let path = self.path.key(plan.ident);
        plan.check_deferring(value.into(), &mut Text, &self.facts, &path, self.report);
    }

    /// Field `i`, a typed value (`&T`, or an `Option<&T>`) whose type proves its format: the
    /// other rules on its wire text.
    #[inline]
    pub fn wire<'v, T: ToWireStr + 'v>(&mut self, i: usize, value: impl Into<Option<&'v T>>) {
        let value = value.into();
        let plan = &self.plans[i];
        let path = self.path.key(plan.ident);
        let text = value.map(ToWireStr::to_wire_str);
        let seen = Seen::from(text.as_deref());
        plan.check_deferring(seen, &mut Proven, &self.facts, &path, self.report);
    }

    /// Field `i`, an `Integer` (or its absence): its requirement and its range.
    #[inline]
    pub fn int(&mut self, i: usize, value: Option<i64>) {
        let mut buffer = IntText::new();
        let seen = match value {
            Some(value) => Seen::Num(buffer.text(value)),
            None => Seen::Absent,
        };
        let plan = &self.plans[i];
        let path = self.path.key(plan.ident);
        plan.check_deferring(seen, &mut Proven, &self.facts, &path, self.report);
    }

    /// Field `i`, a [`Number`] (`&Number`, or an `Option<&Number>`): its requirement and its
    /// range and scale, on its text.
    #[inline]
    pub fn number<'v>(&mut self, i: usize, value: impl Into<Option<&'v Number>>) {
        let seen = value.into().map_or(Seen::Absent, |n| Seen::Num(n.as_str()));
        let plan = &self.plans[i];
        let path = self.path.key(plan.ident);
        plan.check_deferring(seen, &mut Proven, &self.facts, &path, self.report);
    }

    /// One `Integer` element, at `path`, of array field `i`: its range.
    #[inline]
    pub fn int_element(&mut self, i: usize, value: i64, path: &Path<'_>) {
        let mut buffer = IntText::new();
        let seen = Seen::Num(buffer.text(value));
        self.plans[i].check_value(seen, &mut Proven, path, self.report);
    }

    /// One [`Number`] element, at `path`, of array field `i`: its range and scale.
    #[inline]
    pub fn number_element(&mut self, i: usize, value: &Number, path: &Path<'_>) {
        let seen = Seen::Num(value.as_str());
        self.plans[i].check_value(seen, &mut Proven, path, self.report);
    }

    /// Field `i` when its present value needs no check (its type proves every rule): only its
    /// requirement.
    #[inline]
    pub fn present(&mut self, i: usize, present: bool) {
        let plan = &self.plans[i];
        let path = self.path.key(plan.ident);
        let seen = if present { Seen::Decoded } else { Seen::Absent };
        plan.check_deferring(seen, &mut Proven, &self.facts, &path, self.report);
    }

    /// Field `i`, a nested struct or array of them (`&T`, or an `Option<&T>`): its requirement,
    /// then the value's own violations under the field's path.
    #[inline]
    pub fn nested<'v, T: Validate + 'v>(&mut self, i: usize, value: impl Into<Option<&'v T>>) {
        let value = value.into();
        let plan = &self.plans[i];
        let path = self.path.key(plan.ident);
        let seen = if value.is_some() {
            Seen::Decoded
        } else {
            Seen::Absent
        };
        plan.check_deferring(seen, &mut Proven, &self.facts, &path, self.report);
        if let Some(value) = value {
            // This object is the one above the value's: its conditions that wait for it are
            // decided by this object's facts (docs/SEMANTICS.md §3.4).
            let mark = self.report.pending_len();
            value.validate_into(&path, self.report);
            self.report.lift_from(mark, &self.facts);
        }
    }

    /// The count of the present array of field `i`, `len` elements: its `items` rule, before
    /// the elements are checked (docs/SEMANTICS.md §2.7).
    #[inline]
    pub fn count(&mut self, i: usize, len: usize) {
        let plan = &self.plans[i];
        let path = self.path.key(plan.ident);
        plan.check_count(len, Counted::Elements, &path, self.report);
    }

    /// The count of the present map of field `i`, `len` entries: its `items` rule, before the
    /// values are checked.
    #[inline]
    pub fn count_entries(&mut self, i: usize, len: usize) {
        let plan = &self.plans[i];
        let path = self.path.key(plan.ident);
        plan.check_count(len, Counted::Entries, &path, self.report);
    }

    /// One string element, at `path`, of array field `i`, checked as text.
    #[inline]
    pub fn element(&mut self, i: usize, value: &str, path: &Path<'_>) {
        self.plans[i].check_element(value, None, &mut Text, path, self.report);
    }

    /// One typed element, at `path`, of array field `i`: the rules its type does not prove, on
    /// its wire text.
    #[inline]
    pub fn wire_element<T: ToWireStr>(&mut self, i: usize, value: &T, path: &Path<'_>) {
        let text = value.to_wire_str();
        self.plans[i].check_element(&text, None, &mut Proven, path, self.report);
    }

    /// The groups of the struct, after its fields (docs/SEMANTICS.md §6.1): `present(i)` tells
    /// whether field `i` holds a value (`Option::is_some` of the member's Rust field).
    #[inline]
    pub fn groups(&mut self, groups: &[GroupRule<'_>], present: impl Fn(usize) -> bool) {
        check_groups(groups, present, self.path, self.report);
    }
}

/// The decimal text of an `i64`, written on the stack (a valid value allocates nothing).
struct IntText([u8; 20], usize);

impl IntText {
    fn new() -> IntText {
        IntText([0; 20], 0)
    }

    fn text(&mut self, value: i64) -> &str {
        use std::io::Write;
        let mut cursor = std::io::Cursor::new(&mut self.0[..]);
        // 20 bytes hold every i64 (`-9223372036854775808`).
        let _ = write!(cursor, "{value}");
        self.1 = usize::try_from(cursor.position()).unwrap_or(0);
        std::str::from_utf8(&self.0[..self.1]).unwrap_or("0")
    }
}
