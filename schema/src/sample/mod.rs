//! Messages generated from the model: valid ones for tests and mock servers, and invalid ones
//! that break exactly one rule at one place.
//!
//! [`Sampler::valid`] draws a message of a message or struct from a seed: every mandatory
//! field, optional and conditional ones present or absent by the seed, values from what the
//! schema says of each field (its fixed value, its Example cells when the runtime accepts
//! them, the values conditions compare it with, the runtime's samples of its format — real
//! calendar times, Luhn-valid card numbers, listed currencies —, its enum's values, text of its
//! charset and length, numbers within its range and scale, collections within their `items`
//! counts). Whether the message is valid is never decided here: the dynamic validator
//! ([`crate::dynamic::Validator`]) judges it, and each violation it reports is answered where
//! it points (a field a condition requires is added, a value a conditional format or its
//! currency rejects is replaced, a group is met) until it reports none.
//!
//! [`Sampler::invalid`] changes a valid message so that it breaks exactly one rule at one
//! place, and returns the message with that `(path, rule)`: a change is kept only when the
//! dynamic validator reports exactly that one violation. Consecutive seeds go through the rule
//! kinds of [`Sampler::rules`], so they cover every kind the message has.
//!
//! The same seed gives the same message on every platform: the generator is a SplitMix64
//! drawn in a fixed order, and nothing depends on hash order or floating point.
//!
//! ```
//! use fieldtab_schema::dynamic::Validator;
//! use fieldtab_schema::sample::Sampler;
//!
//! let text = "# Pay\n\n## message Pay\n\n\
//!     | Field | Data type | Required | Length | Format |\n|---|---|---|---|---|\n\
//!     | cardNo | N | M | 19 | PAN luhn |\n| when | N | O | 14 | YYYYMMDDHHMISS |\n";
//! let schema = fieldtab_schema::Schema::parse("pay.md", text).unwrap();
//! let sampler = Sampler::new(&schema, "Pay").unwrap();
//! let message = sampler.valid(7);
//! assert_eq!(message, sampler.valid(7));
//! let validator = Validator::new(&schema.module, "Pay").unwrap();
//! assert!(validator.validate(message.to_string().as_bytes(), false).is_ok());
//! ```

mod invalid;
mod repair;
mod rng;
mod values;

use std::collections::HashMap;

use serde_json::Value;

use crate::dynamic::{UnknownItem, Validator};
use crate::model::{Module, Object};
use rng::Rng;

/// How many draws [`Sampler::try_valid`] makes before it gives up.
const MAX_ATTEMPTS: u64 = 16;

/// Generates messages of one message or struct of a module.
///
/// Cheap to build; holds references into the module and the values conditions compare fields
/// with.
#[derive(Clone, Debug)]
pub struct Sampler<'m> {
    module: &'m Module,
    object: &'m Object,
    validator: Validator<'m>,
    /// The values conditions compare each field with, by the field's address: drawn half the
    /// time, so that conditions hold as often as not.
    compared: HashMap<usize, Vec<Value>>,
    /// [`Sampler::rules`], once computed.
    breakable: std::sync::OnceLock<Vec<fieldtab_runtime::Rule>>,
}

impl<'m> Sampler<'m> {
    /// A sampler of the message or struct called `name` of `schema` (a loaded
    /// [`Schema`](crate::Schema) or its [`Module`]), of the root file or of one of its
    /// imports.
    ///
    /// Fails when no message or struct has that name (the error suggests close names).
    pub fn new<S: AsRef<Module> + ?Sized>(
        schema: &'m S,
        name: &str,
    ) -> Result<Sampler<'m>, UnknownItem> {
        let module = schema.as_ref();
        let validator = Validator::new(module, name)?;
        Ok(Sampler {
            module,
            object: validator.object(),
            validator,
            compared: compared_values(module),
            breakable: std::sync::OnceLock::new(),
        })
    }

    /// The name of the message or struct this sampler generates.
    pub fn name(&self) -> &'m str {
        self.validator.name()
    }

    /// A valid message for `seed`: the same seed gives the same message. The dynamic
    /// validator accepts it (see [`Sampler::try_valid`] for a schema whose rules the generator
    /// cannot meet, which then returns the last draw).
    pub fn valid(&self, seed: u64) -> Value {
        match self.try_valid(seed) {
            Ok(message) | Err(Unmet { message, .. }) => message,
        }
    }

    /// [`Sampler::valid`], or the last draw and the validator's report when no draw of `seed`
    /// could be made valid (a field with a `pattern` and no Example cell, whose values the
    /// generator does not know; a schema whose rules contradict each other).
    ///
    /// A mandatory field in a custom format (`custom(NAME)`) without an Example cell (or a
    /// fixed value, or a value a condition compares it with) has no value the generator knows:
    /// the error then holds a `format` violation at each such field, saying so, and the draw
    /// holds `""` there. An optional one is left out.
    pub fn try_valid(&self, seed: u64) -> Result<Value, Unmet> {
        let mut undrawable = fieldtab_runtime::Report::new();
        let root = fieldtab_runtime::Path::root();
        self.undrawable_required(self.object, &root, &mut undrawable, 0);
        if !undrawable.is_empty() {
            let mut rng = Rng::new(seed, 0);
            let message = self.object_value(self.object, &mut rng, 0);
            return Err(Unmet {
                message,
                report: undrawable,
            });
        }
        let mut last = None;
        for attempt in 0..MAX_ATTEMPTS {
            let mut rng = Rng::new(seed, attempt);
            let mut message = self.object_value(self.object, &mut rng, 0);
            match self.settle(&mut message, &mut rng) {
                Ok(()) => return Ok(message),
                Err(report) => last = Some(Unmet { message, report }),
            }
        }
        Err(last.unwrap_or_else(|| Unmet {
            message: Value::Null,
            report: fieldtab_runtime::Report::new(),
        }))
    }
}

/// An invalid message of [`Sampler::invalid`] and the one violation the dynamic validator
/// reports for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Invalid {
    /// The message.
    pub message: Value,
    /// The RFC 6901 JSON Pointer of the violation (`/order/goods/0/goodsName`).
    pub path: String,
    /// The rule broken.
    pub rule: fieldtab_runtime::Rule,
}

/// The error of [`Sampler::try_valid`]: the last message drawn, and what the validator says of
/// it.
#[derive(Clone, Debug)]
pub struct Unmet {
    /// The last message drawn.
    pub message: Value,
    /// The violations the generator could not answer.
    pub report: fieldtab_runtime::Report,
}

impl std::fmt::Display for Unmet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "no valid message could be generated:\n{}", self.report)
    }
}

impl std::error::Error for Unmet {}

/// The values each field is compared with by a condition somewhere in the module (by the
/// field's address), as JSON values.
fn compared_values(module: &Module) -> HashMap<usize, Vec<Value>> {
    let mut compared: HashMap<usize, Vec<Value>> = HashMap::new();
    for item in &module.items {
        let Some(object) = item.kind.object() else {
            continue;
        };
        for condition in object
            .fields
            .iter()
            .flat_map(crate::model::Field::conditions)
        {
            condition.for_each_atom(&mut |path, values| {
                let Some(values) = values else {
                    return;
                };
                for start in module.ancestors(&item.name, path.up) {
                    if let Some(leaf) = leaf(module, start.kind.object(), &path.steps) {
                        let list = compared.entry(values::address(leaf)).or_default();
                        for value in values {
                            let value = match value {
                                crate::model::Value::Str(s) => Value::from(s.as_str()),
                                crate::model::Value::Bool(b) => Value::Bool(*b),
                                crate::model::Value::Int(i) => Value::from(*i),
                            };
                            if !list.contains(&value) {
                                list.push(value);
                            }
                        }
                    }
                }
            });
        }
    }
    compared
}

/// The field `steps` lead to from `object`, through fields holding objects.
fn leaf<'m>(
    module: &'m Module,
    object: Option<&'m Object>,
    steps: &[String],
) -> Option<&'m crate::model::Field> {
    let (last, through) = steps.split_last()?;
    let mut object = object?;
    for step in through {
        let field = object.fields.iter().find(|f| f.ident == *step)?;
        object = module.item(field.ty.named()?)?.kind.object()?;
    }
    object.fields.iter().find(|f| f.ident == *last)
}

#[cfg(test)]
mod tests;
