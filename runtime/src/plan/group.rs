//! Groups of a message or struct (docs/SEMANTICS.md §6.5): how many of some optional fields must
//! be present (`Exactly one of: priceId, referenceGoodsId`), checked once per object after its
//! fields (§6.1). Generated decoders and `validate()`, and the dynamic validator, all call
//! [`check_groups`] with the object's table and what they know of each member's presence.

use crate::{Path, Report, Rule, RuleError};

/// How many members of a group must be present.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GroupKind {
    /// `Exactly one of:`: one member, no more, no less.
    ExactlyOne,
    /// `At most one of:`: none or one.
    AtMostOne,
    /// `At least one of:`: one or more.
    AtLeastOne,
    /// `All or none of:`: every member, or none of them.
    AllOrNone,
}

impl GroupKind {
    /// Every kind, in declaration order.
    pub const ALL: [GroupKind; 4] = [
        GroupKind::ExactlyOne,
        GroupKind::AtMostOne,
        GroupKind::AtLeastOne,
        GroupKind::AllOrNone,
    ];

    /// The kind as a schema writes it before the colon, in lower case: `exactly one of`.
    ///
    /// ```
    /// use fieldtab_runtime::plan::GroupKind;
    /// assert_eq!(GroupKind::AllOrNone.phrase(), "all or none of");
    /// ```
    pub const fn phrase(self) -> &'static str {
        match self {
            GroupKind::ExactlyOne => "exactly one of",
            GroupKind::AtMostOne => "at most one of",
            GroupKind::AtLeastOne => "at least one of",
            GroupKind::AllOrNone => "all or none of",
        }
    }

    /// Whether `present` members out of `members` satisfy the kind.
    ///
    /// ```
    /// use fieldtab_runtime::plan::GroupKind;
    /// assert!(GroupKind::ExactlyOne.admits(1, 2));
    /// assert!(!GroupKind::ExactlyOne.admits(0, 2) && !GroupKind::ExactlyOne.admits(2, 2));
    /// assert!(GroupKind::AllOrNone.admits(0, 3) && GroupKind::AllOrNone.admits(3, 3));
    /// assert!(!GroupKind::AllOrNone.admits(2, 3));
    /// ```
    #[inline]
    pub const fn admits(self, present: usize, members: usize) -> bool {
        match self {
            GroupKind::ExactlyOne => present == 1,
            GroupKind::AtMostOne => present <= 1,
            GroupKind::AtLeastOne => present >= 1,
            GroupKind::AllOrNone => present == 0 || present == members,
        }
    }
}

/// A group of an object's table: its kind and its members, each by its index in the table
/// (what the caller's presence flags are indexed by) and its wire identifier (what the message
/// names).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GroupRule<'a> {
    /// How many members must be present.
    pub kind: GroupKind,
    /// The members: index in the object's table and wire identifier, in the order the schema
    /// lists them.
    pub members: &'a [(usize, &'a str)],
}

impl<'a> GroupRule<'a> {
    /// The group of `kind` over `members`.
    pub const fn new(kind: GroupKind, members: &'a [(usize, &'a str)]) -> GroupRule<'a> {
        GroupRule { kind, members }
    }

    /// Checks the group: `present(i)` tells whether field `i` of the table is present (its key
    /// occurs and its value is not `null`, docs/SEMANTICS.md §4). Pushes one `group` violation
    /// at `path` (the object's path) when the count does not fit; returns whether it fits.
    ///
    /// ```
    /// use fieldtab_runtime::plan::prelude::*;
    /// use fieldtab_runtime::{Path, Report};
    ///
    /// const GROUP: GroupRule<'static> =
    ///     GroupRule::new(ExactlyOne, &[(0, "priceId"), (1, "referenceGoodsId")]);
    /// let mut report = Report::new();
    /// assert!(GROUP.check(|i| i == 1, &Path::root(), &mut report));
    /// assert!(!GROUP.check(|_| false, &Path::root(), &mut report));
    /// assert_eq!(
    ///     report.to_string(),
    ///     "/: group: exactly one of `priceId`, `referenceGoodsId` must be present, found none"
    /// );
    /// ```
    #[inline]
    pub fn check(
        &self,
        present: impl Fn(usize) -> bool,
        path: &Path<'_>,
        report: &mut Report,
    ) -> bool {
        let found = self.members.iter().filter(|&&(i, _)| present(i)).count();
        if self.kind.admits(found, self.members.len()) {
            return true;
        }
        self.violation(found, path, report);
        false
    }

    #[cold]
    #[inline(never)]
    fn violation(&self, found: usize, path: &Path<'_>, report: &mut Report) {
        let names: Vec<&str> = self.members.iter().map(|&(_, ident)| ident).collect();
        report.push(path, RuleError::group(self.kind, &names, found));
    }
}

/// Checks every group of an object in order (docs/SEMANTICS.md §6.1: after the table's fields
/// and their duplicate keys, before the unknown keys); see [`GroupRule::check`]. Returns whether
/// every group fits.
#[inline]
pub fn check_groups(
    groups: &[GroupRule<'_>],
    present: impl Fn(usize) -> bool,
    path: &Path<'_>,
    report: &mut Report,
) -> bool {
    let mut ok = true;
    for group in groups {
        ok &= group.check(&present, path, report);
    }
    ok
}

impl RuleError {
    /// A group's count of present members does not fit its kind (rule `group`): the message
    /// names the members (from the schema) and how many were found.
    ///
    /// ```
    /// use fieldtab_runtime::RuleError;
    /// use fieldtab_runtime::plan::GroupKind;
    ///
    /// let e = RuleError::group(GroupKind::AtMostOne, &["a", "b", "c"], 2);
    /// assert_eq!(e.message, "at most one of `a`, `b`, `c` must be present, found 2");
    /// ```
    #[cold]
    pub fn group(kind: GroupKind, members: &[&str], found: usize) -> RuleError {
        let mut message = String::from(kind.phrase());
        for (i, member) in members.iter().enumerate() {
            message.push_str(if i == 0 { " `" } else { ", `" });
            message.push_str(member);
            message.push('`');
        }
        message.push_str(" must be present, found ");
        if found == 0 {
            message.push_str("none");
        } else {
            message.push_str(&found.to_string());
        }
        RuleError::new(Rule::Group, message)
    }
}

#[cfg(test)]
mod tests {
    use super::super::prelude::*;
    use super::check_groups;
    use crate::plan::Fields;
    use crate::{Path, Report};

    const FIELDS: [FieldPlan<'static>; 4] = [
        FieldPlan::new("id", Mandatory),
        FieldPlan::new("a", Optional),
        FieldPlan::new("b", Optional),
        FieldPlan::new("c", Optional),
    ];
    const A: (usize, &str) = (1, "a");
    const B: (usize, &str) = (2, "b");
    const C: (usize, &str) = (3, "c");

    /// The messages of `group` for each set of present members (a bit per field index).
    fn messages(group: GroupRule<'_>) -> Vec<(u8, String)> {
        let mut out = Vec::new();
        for bits in 0u8..16 {
            let present = |i: usize| bits & (1 << i) != 0;
            let mut report = Report::new();
            let ok = group.check(present, &Path::root(), &mut report);
            assert_eq!(ok, report.is_empty());
            if let Some(v) = report.iter().next() {
                assert_eq!(v.rule.as_str(), "group");
                assert_eq!(v.path, "");
                out.push((bits, v.message.to_string()));
            }
        }
        out
    }

    #[test]
    fn each_kind_counts_its_present_members() {
        // Bit 0 (`id`) is not a member: it never counts.
        let exactly = messages(GroupRule::new(ExactlyOne, &[A, B]));
        let bad: Vec<u8> = exactly.iter().map(|(b, _)| b & !1).collect();
        assert_eq!(bad, [0, 0, 6, 6, 8, 8, 14, 14]);
        assert_eq!(
            exactly[0].1,
            "exactly one of `a`, `b` must be present, found none"
        );
        assert_eq!(
            exactly[2].1,
            "exactly one of `a`, `b` must be present, found 2"
        );
        let at_most = messages(GroupRule::new(AtMostOne, &[A, B, C]));
        assert!(at_most.iter().all(|(b, _)| (b >> 1).count_ones() >= 2));
        assert_eq!(at_most.len(), 8);
        let at_least = messages(GroupRule::new(AtLeastOne, &[C, A]));
        assert!(at_least.iter().all(|(b, _)| b & 0b1010 == 0));
        assert_eq!(
            at_least[0].1,
            "at least one of `c`, `a` must be present, found none"
        );
        let all_or_none = messages(GroupRule::new(AllOrNone, &[A, B, C]));
        assert!(
            all_or_none
                .iter()
                .all(|(b, _)| !matches!(b >> 1, 0 | 0b111))
        );
        assert_eq!(all_or_none.len(), 12);
        assert!(
            all_or_none
                .iter()
                .any(|(_, m)| m == "all or none of `a`, `b`, `c` must be present, found 2")
        );
    }

    #[test]
    fn groups_are_checked_in_order_at_the_object() {
        let groups = [
            GroupRule::new(AtLeastOne, &[A, B]),
            GroupRule::new(AtMostOne, &[B, C]),
        ];
        let root = Path::root();
        let path = root.key("order");
        let mut report = Report::new();
        let present = |i: usize| i == 0;
        assert!(!check_groups(&groups, present, &path, &mut report));
        let present = |i: usize| i >= 2;
        let mut fields = Fields::new(&FIELDS, &path, &mut report);
        fields.groups(&groups, present);
        let found: Vec<String> = report.iter().map(ToString::to_string).collect();
        assert_eq!(
            found,
            [
                "/order: group: at least one of `a`, `b` must be present, found none",
                "/order: group: at most one of `b`, `c` must be present, found 2",
            ]
        );
    }
}
