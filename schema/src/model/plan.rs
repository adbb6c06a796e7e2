//! The model's fields as the runtime describes them ([`FieldPlan`]): the one translation the
//! dynamic validator, code generation and the JSON Schema export share, so the requirement,
//! the conditions, the enum rule, the fixed value and the conditional formats mean the same in
//! all of them (the runtime's check gives them their meaning).

use fieldtab_runtime::StrRules;
use fieldtab_runtime::plan::{self, EnumRule, FactPath, FieldPlan, FormatWhen, GroupRule};

use super::{Condition, Enum, Field, FieldPath, Format, Module, Object, Requirement, Type, Value};

impl Field {
    /// Calls `f` with the runtime description of this field of `object` (a condition's path of
    /// `object` is numbered as [`Object::fact_index`] says; `module` gives an enum type its
    /// rule). The description borrows from a few short lists built here, hence the callback.
    pub fn with_plan<R>(
        &self,
        module: &Module,
        object: &Object,
        f: impl FnMut(&FieldPlan<'_>) -> R,
    ) -> R {
        self.plan_with(module, Some(object), None, f)
    }

    /// [`Field::with_plan`] for a value checked on its own (an example, a fixed value): no
    /// object around it, so no condition and no conditional format, and the requirement
    /// `Mandatory` when `required` (an empty string is then a `required` violation), else
    /// `Optional`.
    pub(crate) fn with_lone_plan<R>(
        &self,
        module: &Module,
        required: bool,
        f: impl FnMut(&FieldPlan<'_>) -> R,
    ) -> R {
        let requirement = if required {
            plan::Requirement::Mandatory
        } else {
            plan::Requirement::Optional
        };
        self.plan_with(module, None, Some(requirement), f)
    }

    fn plan_with<R>(
        &self,
        module: &Module,
        object: Option<&Object>,
        requirement: Option<plan::Requirement<'static>>,
        mut f: impl FnMut(&FieldPlan<'_>) -> R,
    ) -> R {
        let enumeration = self.ty.named().and_then(|name| module.enum_named(name));
        let enum_values = enumeration.map(Enum::wire_values).unwrap_or_default();
        let rules = match (self.str_rules(), enumeration) {
            (Some(rules), _) => rules,
            (None, Some(_)) => self.enum_rules(),
            (None, None) => StrRules::NONE,
        };
        // The conditions, in one list (the requirement's first, then the formats'); a lone
        // value has none.
        let conditions: Vec<&Condition> = match object {
            Some(_) => self.conditions().collect(),
            None => Vec::new(),
        };
        // The sibling holding the currency of a `minor units` amount, as a one-step path.
        let currency = object.and_then(|object| {
            let at = object.amount_currency(self)?;
            Some((at, [object.fields[at].ident.as_str()]))
        });
        let conditional = matches!(self.requirement, Requirement::Conditional(_));
        let value = match (self.number_rules(), self.ty.element()) {
            (Some(rules), _) => plan::ValueKind::Number(rules),
            (None, Type::Boolean) => plan::ValueKind::Boolean,
            (None, _) => plan::ValueKind::Text,
        };
        with_conditions(&conditions, object, &mut |runtime| {
            let (required_when, formats_when) = match runtime.split_first() {
                Some((first, rest)) if conditional => (Some(*first), rest),
                _ => (None, runtime),
            };
            let format_when: Vec<FormatWhen<'_>> = self
                .format_when
                .iter()
                .zip(formats_when)
                .map(|(conditional, when)| FormatWhen {
                    when: *when,
                    format: conditional.format,
                })
                .collect();
            let requirement = requirement.unwrap_or(match (&self.requirement, required_when) {
                (Requirement::Mandatory, _) => plan::Requirement::Mandatory,
                (Requirement::Conditional(_), Some(when)) => plan::Requirement::When(when),
                (Requirement::Optional | Requirement::Conditional(_), _) => {
                    plan::Requirement::Optional
                }
            });
            let plan = FieldPlan {
                rules,
                enumeration: enumeration.map(|en| EnumRule {
                    values: &enum_values,
                    open: en.open,
                }),
                format_when: &format_when,
                items: self.items,
                value,
                accepts: self.accepts,
                currency: currency
                    .as_ref()
                    .map(|(at, steps)| FactPath::own(*at, steps)),
                ..FieldPlan::new(&self.ident, requirement)
            };
            f(&plan)
        })
    }
}

impl Object {
    /// The field that holds the currency of `field`'s amount (docs/SEMANTICS.md §2.4): for a
    /// `minor units` string field, the object's one string field with an `ISO 4217` or `ISO
    /// 4217 numeric` format; `None` for another field, and when the object has no such field or
    /// several (which one would it be?).
    pub fn amount_currency(&self, field: &Field) -> Option<usize> {
        let text = |f: &Field| matches!(f.ty, Type::Iso(_) | Type::String);
        if !matches!(field.format, Some(Format::MinorUnits)) || !text(field) {
            return None;
        }
        let mut currencies = self.fields.iter().enumerate().filter(|(_, f)| {
            text(f)
                && matches!(
                    f.format,
                    Some(Format::CurrencyAlpha | Format::CurrencyNumeric)
                )
        });
        match (currencies.next(), currencies.next()) {
            (Some((at, _)), None) => Some(at),
            _ => None,
        }
    }
}

impl Enum {
    /// The wire values, in table order.
    pub(crate) fn wire_values(&self) -> Vec<&str> {
        self.values.iter().map(|v| v.value.as_str()).collect()
    }
}

/// The callback of [`with_conditions`].
type WithAll<'f, R> = dyn FnMut(&[plan::Condition<'_>]) -> R + 'f;

/// Calls `f` with the runtime form of `conditions`, one slice in the same order (each is built
/// in a stack frame of its own, hence the callbacks).
fn with_conditions<R>(
    conditions: &[&Condition],
    object: Option<&Object>,
    f: &mut WithAll<'_, R>,
) -> R {
    fn go<R>(
        rest: &[&Condition],
        done: &[plan::Condition<'_>],
        object: Option<&Object>,
        f: &mut WithAll<'_, R>,
    ) -> R {
        match rest.split_first() {
            None => f(done),
            Some((first, rest)) => with_condition(first, object, &mut |condition| {
                let next: Vec<plan::Condition<'_>> =
                    done.iter().copied().chain([condition]).collect();
                go(rest, &next, object, f)
            }),
        }
    }
    go(conditions, &[], object, f)
}

/// Calls `f` with the runtime form of `condition`, its paths numbered in `object`.
fn with_condition<R>(
    condition: &Condition,
    object: Option<&Object>,
    f: &mut dyn FnMut(plan::Condition<'_>) -> R,
) -> R {
    match condition {
        Condition::In(path, values) => {
            let steps: Vec<&str> = path.steps.iter().map(String::as_str).collect();
            let values: Vec<plan::Value<'_>> = values
                .iter()
                .map(|value| match value {
                    Value::Str(s) => plan::Value::Str(s),
                    Value::Bool(b) => plan::Value::Bool(*b),
                    Value::Int(i) => plan::Value::Int(*i),
                })
                .collect();
            f(plan::Condition::In(
                fact_path(path, &steps, object),
                &values,
            ))
        }
        Condition::Present(path) => {
            let steps: Vec<&str> = path.steps.iter().map(String::as_str).collect();
            f(plan::Condition::Present(fact_path(path, &steps, object)))
        }
        Condition::Not(inner) => {
            with_condition(inner, object, &mut |inner| f(plan::Condition::Not(&inner)))
        }
        Condition::All(list) | Condition::Any(list) => {
            let all = matches!(condition, Condition::All(_));
            let list: Vec<&Condition> = list.iter().collect();
            with_conditions(&list, object, &mut |list| {
                f(if all {
                    plan::Condition::All(list)
                } else {
                    plan::Condition::Any(list)
                })
            })
        }
    }
}

/// The runtime form of `path` (its steps borrowed as `steps`), numbered in `object` when it is
/// one of its own (see [`Object::fact_index`]).
fn fact_path<'a>(path: &FieldPath, steps: &'a [&'a str], object: Option<&Object>) -> FactPath<'a> {
    match (path.up, object) {
        (0, Some(object)) => FactPath::own(object.fact_index(&path.steps), steps),
        (0, None) => FactPath::own(usize::MAX, steps),
        (up, _) => FactPath::up(u8::try_from(up).unwrap_or(u8::MAX), steps),
    }
}

impl Object {
    /// Calls `f` with the runtime description of the object's groups, in order: each member
    /// by its index in the table and its identifier (a member the table does not have, which
    /// the checker rules out, is left out).
    pub fn with_groups<R>(&self, f: impl FnOnce(&[GroupRule<'_>]) -> R) -> R {
        let members: Vec<Vec<(usize, &str)>> = self
            .groups
            .iter()
            .map(|group| {
                group
                    .members
                    .iter()
                    .filter_map(|ident| {
                        let index = self.fields.iter().position(|f| f.ident == *ident)?;
                        Some((index, ident.as_str()))
                    })
                    .collect()
            })
            .collect();
        let rules: Vec<GroupRule<'_>> = self
            .groups
            .iter()
            .zip(&members)
            .map(|(group, members)| GroupRule::new(group.kind, members))
            .collect();
        f(&rules)
    }
}
