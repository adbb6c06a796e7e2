//! The second phase of an object's decoding (see the module docs of `decode`): each field's
//! slot checked against its plan, in table order, then that field's repeated keys.
//!
//! Everything a field's check needs but its slot and its number is the same for every field of
//! the object (the plans, the facts conditions read, the object's path, the report, the
//! repeated keys), so it is gathered once in [`Checks`] and generated code makes one call per
//! field. That keeps the generated decoder small: a schema of 10,000 fields expands to 10,000
//! one-line calls, not 10,000 blocks of three statements.

use super::elem::Slot;
use super::key::Extras;
use super::strings::{StrTarget, StrValue, WireEnum};
use crate::plan::{Facts, FieldPlan};
use crate::{Path, Report};

/// The second phase of one object in mode `M`: `facts` are what its conditions read, `path`
/// is the object's own, `extras` its repeated and unknown keys.
pub struct Checks<'c, 'p, 'x, F, const M: u8> {
    fields: &'static [FieldPlan<'static>],
    facts: &'c F,
    path: &'c Path<'p>,
    report: &'c mut Report,
    extras: &'c Extras<'x>,
}

impl<'c, 'p, 'x, F, const M: u8> Checks<'c, 'p, 'x, F, M> {
    /// The checks of the object whose rules table is `fields`.
    #[inline(always)]
    pub fn new(
        fields: &'static [FieldPlan<'static>],
        facts: &'c F,
        path: &'c Path<'p>,
        report: &'c mut Report,
        extras: &'c Extras<'x>,
    ) -> Self {
        Checks {
            fields,
            facts,
            path,
            report,
            extras,
        }
    }

    /// Field `index` read as a string ([`StrValue::finish`]): `None` when a rule failed,
    /// `Some(None)` for an absent optional value or when values are not built.
    #[inline(always)]
    pub fn str<'s, T: StrTarget>(&mut self, value: &StrValue<'_>, index: u32) -> Option<Option<T>>
    where
        F: Facts<'s>,
    {
        self.field(index, |plan, facts, path, report| {
            value.finish::<T, M>(plan, facts, path, report)
        })
    }

    /// Field `index`, a value of the enum `E` ([`StrValue::finish_enum`]).
    #[inline(always)]
    pub fn enumeration<'s, E: WireEnum>(
        &mut self,
        value: &StrValue<'_>,
        index: u32,
    ) -> Option<Option<E>>
    where
        F: Facts<'s>,
    {
        self.field(index, |plan, facts, path, report| {
            value.finish_enum::<E, M>(plan, facts, path, report)
        })
    }

    /// Field `index`, decoded in place when it was read ([`Slot::finish`]).
    #[inline(always)]
    pub fn elem<'s, T>(&mut self, slot: Slot<T>, index: u32) -> Option<Option<T>>
    where
        F: Facts<'s>,
    {
        self.field(index, |plan, facts, path, report| {
            slot.finish(plan, facts, path, report)
        })
    }

    /// Field `index` checked by `finish` (its plan, the facts, its path, the report), then its
    /// repeated keys.
    #[inline(always)]
    fn field<T>(
        &mut self,
        index: u32,
        finish: impl FnOnce(&'static FieldPlan<'static>, &F, &Path<'_>, &mut Report) -> T,
    ) -> T {
        let plan = &self.fields[index as usize];
        let path = self.path.key(plan.ident);
        let checked = finish(plan, self.facts, &path, self.report);
        self.extras.repeats(index, &path, self.report);
        checked
    }
}
