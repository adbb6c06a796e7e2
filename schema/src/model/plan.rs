//! The model's fields as the runtime describes them ([`FieldPlan`]): the one translation the
//! dynamic validator, code generation and the JSON Schema export share, so the requirement,
//! the conditions, the enum rule, the fixed value and the conditional formats mean the same in
//! all of them (the runtime's check gives them their meaning).

use fieldtab_runtime::StrRules;
use fieldtab_runtime::plan::{self, EnumRule, FieldPlan, FormatWhen};

use super::{Condition, Enum, Field, Module, Object, Requirement};

impl Field {
    /// Calls `f` with the runtime description of this field of `object` (conditions name their
    /// sibling by its index in `object`; `module` gives an enum type its rule). The description
    /// borrows from a few short lists built here, hence the callback.
    pub fn with_plan<R>(
        &self,
        module: &Module,
        object: &Object,
        f: impl FnOnce(&FieldPlan<'_>) -> R,
    ) -> R {
        self.plan_with(module, &object.fields, None, f)
    }

    /// [`Field::with_plan`] for a value checked on its own (an example, a fixed value): no
    /// siblings, and the requirement `Mandatory` when `required` (an empty string is then a
    /// `required` violation), else `Optional`.
    pub(crate) fn with_lone_plan<R>(
        &self,
        module: &Module,
        required: bool,
        f: impl FnOnce(&FieldPlan<'_>) -> R,
    ) -> R {
        let requirement = if required {
            plan::Requirement::Mandatory
        } else {
            plan::Requirement::Optional
        };
        self.plan_with(module, &[], Some(requirement), f)
    }

    fn plan_with<R>(
        &self,
        module: &Module,
        siblings: &[Field],
        requirement: Option<plan::Requirement<'_>>,
        f: impl FnOnce(&FieldPlan<'_>) -> R,
    ) -> R {
        let enumeration = self.ty.named().and_then(|name| module.enum_named(name));
        let enum_values = enumeration.map(Enum::wire_values).unwrap_or_default();
        let required_when = match &self.requirement {
            Requirement::Conditional(condition) => condition.wire_values(),
            _ => Vec::new(),
        };
        let format_values: Vec<Vec<&str>> = self
            .format_when
            .iter()
            .map(|conditional| conditional.when.wire_values())
            .collect();
        let format_when: Vec<FormatWhen<'_>> = self
            .format_when
            .iter()
            .zip(&format_values)
            .map(|(conditional, values)| FormatWhen {
                when: runtime_condition(&conditional.when, values, siblings),
                format: conditional.format,
            })
            .collect();
        let requirement = requirement.unwrap_or(match &self.requirement {
            Requirement::Mandatory => plan::Requirement::Mandatory,
            Requirement::Optional => plan::Requirement::Optional,
            Requirement::Conditional(condition) => {
                plan::Requirement::When(runtime_condition(condition, &required_when, siblings))
            }
        });
        let rules = match (self.str_rules(), enumeration) {
            (Some(rules), _) => rules,
            (None, Some(_)) => self.enum_rules(),
            (None, None) => StrRules::NONE,
        };
        let plan = FieldPlan {
            ident: &self.ident,
            requirement,
            rules,
            enumeration: enumeration.map(|en| EnumRule {
                values: &enum_values,
                open: en.open,
            }),
            format_when: &format_when,
        };
        f(&plan)
    }
}

impl Condition {
    /// The values, borrowed.
    pub(crate) fn wire_values(&self) -> Vec<&str> {
        self.values.iter().map(String::as_str).collect()
    }
}

impl Enum {
    /// The wire values, in table order.
    pub(crate) fn wire_values(&self) -> Vec<&str> {
        self.values.iter().map(|v| v.value.as_str()).collect()
    }
}

/// `condition` with its sibling as an index into `siblings` (past the end when no sibling has
/// that name: such a condition never holds).
fn runtime_condition<'a>(
    condition: &Condition,
    values: &'a [&'a str],
    siblings: &[Field],
) -> plan::Condition<'a> {
    let sibling = siblings
        .iter()
        .position(|field| field.ident == condition.sibling)
        .unwrap_or(usize::MAX);
    plan::Condition { sibling, values }
}
