//! The differences of one field's rules between two versions, each with its effect on the
//! set of valid messages: a rule added or narrowed tightens, one removed or widened loosens.

use super::Effect;
use crate::model::{Charset, Condition, Field, Format, Length, Range, Requirement, Type};
use fieldtab_runtime::Items;

/// One difference found, before it is classed for a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    pub(crate) what: String,
    pub(crate) effect: Effect,
}

impl Found {
    pub(crate) fn new(what: impl Into<String>, effect: Effect) -> Found {
        Found {
            what: what.into(),
            effect,
        }
    }
}

/// The difference of two requirements, if any.
pub(crate) fn requirement(before: &Requirement, after: &Requirement) -> Option<Found> {
    use Requirement::{Conditional, Mandatory, Optional};
    Some(match (before, after) {
        (Mandatory, Mandatory) | (Optional, Optional) => return None,
        (Conditional(b), Conditional(a)) if b == a => return None,
        (Mandatory, Optional) => Found::new("now optional: can be absent", Effect::LOOSENS),
        (Optional, Mandatory) => Found::new("now mandatory", Effect::TIGHTENS),
        (Mandatory, Conditional(a)) => Found::new(
            format!("now required only when `{a}`: can be absent"),
            Effect::LOOSENS,
        ),
        (Conditional(b), Mandatory) => Found::new(
            format!("now mandatory, was required when `{b}`"),
            Effect::TIGHTENS,
        ),
        (Optional, Conditional(a)) => {
            Found::new(format!("now required when `{a}`"), Effect::TIGHTENS)
        }
        (Conditional(b), Optional) => Found::new(
            format!("now optional, was required when `{b}`: can be absent"),
            Effect::LOOSENS,
        ),
        (Conditional(b), Conditional(a)) => {
            // Required in more cases when the old condition implies the new one.
            let (word, effect) = match (implies(b, a), implies(a, b)) {
                (true, false) => ("tightened", Effect::TIGHTENS),
                (false, true) => ("relaxed", Effect::LOOSENS),
                _ => ("changed", Effect::BOTH),
            };
            Found::new(format!("condition {word} from `{b}` to `{a}`"), effect)
        }
    })
}

/// Whether `a` holding makes `b` hold, as far as a look at their shapes tells (`x = A`
/// implies `x in (A, B)` and `x is present`; `false` when it cannot tell).
fn implies(a: &Condition, b: &Condition) -> bool {
    if a == b {
        return true;
    }
    match (a, b) {
        (Condition::Any(list), _) => list.iter().all(|c| implies(c, b)),
        (_, Condition::All(list)) => list.iter().all(|c| implies(a, c)),
        (_, Condition::Any(list)) => list.iter().any(|c| implies(a, c)),
        (Condition::All(list), _) => list.iter().any(|c| implies(c, b)),
        (Condition::In(p, values), Condition::In(q, others)) => {
            p == q && values.iter().all(|v| others.contains(v))
        }
        (Condition::In(p, _), Condition::Present(q)) => p == q,
        (Condition::Not(x), Condition::Not(y)) => implies(y, x),
        _ => false,
    }
}

/// The difference of two scalar types that still compare (a charset narrowed or widened, a
/// type code and `String`, `Integer` and `Number`); `None` for types that do not.
pub(crate) fn scalar_types(before: &Type, after: &Type) -> Option<Found> {
    let found =
        |verb: &str, effect| Found::new(format!("type {verb} from {before} to {after}"), effect);
    Some(match (before, after) {
        (Type::Iso(b), Type::Iso(a)) => {
            let (b_in_a, a_in_b) = (subset(*b, *a), subset(*a, *b));
            return Some(
                match (b_in_a, a_in_b) {
                    (true, false) => Found::new(
                        format!("charset widened from {b:?} to {a:?}"),
                        Effect::LOOSENS,
                    ),
                    (false, true) => Found::new(
                        format!("charset narrowed from {b:?} to {a:?}"),
                        Effect::TIGHTENS,
                    ),
                    _ => Found::new(format!("charset changed from {b:?} to {a:?}"), Effect::BOTH),
                }
                .with_codes(*b, *a),
            );
        }
        (Type::Iso(_), Type::String) => found("widened", Effect::LOOSENS),
        (Type::String, Type::Iso(_)) => found("narrowed", Effect::TIGHTENS),
        (Type::Integer, Type::Number) => found("widened", Effect::LOOSENS),
        (Type::Number, Type::Integer) => found("narrowed", Effect::TIGHTENS),
        _ => return None,
    })
}

impl Found {
    /// The charsets named by their codes (`AN`), not their Rust names.
    fn with_codes(mut self, before: Charset, after: Charset) -> Found {
        self.what = self
            .what
            .replace(
                &format!("from {before:?} "),
                &format!("from {} ", before.code()),
            )
            .replace(&format!("to {after:?}"), &format!("to {}", after.code()));
        self
    }
}

/// Whether every character `inner` allows, `outer` allows.
fn subset(inner: Charset, outer: Charset) -> bool {
    (0x20u8..=0x7E).all(|b| !inner.allows(b) || outer.allows(b))
}

/// The differences of the rules of two versions of a field whose types compare.
pub(crate) fn field_rules(before: &Field, after: &Field) -> Vec<Found> {
    let mut out = Vec::new();
    out.extend(bounds(
        "length",
        length(before.length),
        length(after.length),
        &|n| n.to_string(),
    ));
    out.extend(bounds(
        "element count",
        items(before.items),
        items(after.items),
        &|n| n.to_string(),
    ));
    out.extend(range(before.range.as_ref(), after.range.as_ref()));
    out.extend(added_removed("scale", before.scale, after.scale, |b, a| {
        if a < b {
            Effect::TIGHTENS
        } else {
            Effect::LOOSENS
        }
    }));
    out.extend(format(before, after));
    let conditional = |f: &Field| -> Vec<String> {
        f.format_when
            .iter()
            .map(|c| format!("{} if {}", c.format.name(), c.when))
            .collect()
    };
    if conditional(before) != conditional(after) {
        out.push(Found::new(
            format!(
                "conditional formats changed from `{}` to `{}`",
                conditional(before).join("; "),
                conditional(after).join("; ")
            ),
            Effect::BOTH,
        ));
    }
    out.extend(added_removed(
        "fixed value",
        before.fixed.clone(),
        after.fixed.clone(),
        |_, _| Effect::BOTH,
    ));
    out.extend(forbidden(
        before.forbidden.as_deref(),
        after.forbidden.as_deref(),
    ));
    out.extend(added_removed(
        "pattern",
        before.pattern.as_ref().map(|p| p.as_str().to_owned()),
        after.pattern.as_ref().map(|p| p.as_str().to_owned()),
        |_, _| Effect::BOTH,
    ));
    for (kind, b, a) in [
        ("numbers", before.accepts.number, after.accepts.number),
        ("Booleans", before.accepts.boolean, after.accepts.boolean),
        ("strings", before.accepts.string, after.accepts.string),
    ] {
        match (b, a) {
            (false, true) => out.push(Found::new(format!("now accepts {kind}"), Effect::LOOSENS)),
            (true, false) => out.push(Found::new(
                format!("no longer accepts {kind}"),
                Effect::TIGHTENS,
            )),
            _ => {}
        }
    }
    match (before.sensitive, after.sensitive) {
        (false, true) => out.push(Found::new("now sensitive", Effect::NEITHER)),
        (true, false) => out.push(Found::new("no longer sensitive", Effect::NEITHER)),
        _ => {}
    }
    out
}

/// A length as inclusive bounds.
fn length(length: Option<Length>) -> Option<(u64, Option<u64>)> {
    length.map(|l| (u64::from(l.min), Some(u64::from(l.max))))
}

/// A count as inclusive bounds.
fn items(items: Option<Items>) -> Option<(u64, Option<u64>)> {
    items.map(|i| (u64::from(i.min), i.max.map(u64::from)))
}

/// The differences of two bounds (`min`, `max`) of the rule `what`.
fn bounds(
    what: &str,
    before: Option<(u64, Option<u64>)>,
    after: Option<(u64, Option<u64>)>,
    show: &dyn Fn(u64) -> String,
) -> Vec<Found> {
    let (b_min, b_max) = before.unwrap_or((0, None));
    let (a_min, a_max) = after.unwrap_or((0, None));
    let mut out = Vec::new();
    let most = |max: Option<u64>| {
        max.map_or_else(
            || "unlimited".to_owned(),
            |m| format!("at most {}", show(m)),
        )
    };
    match (b_max, a_max) {
        (Some(b), Some(a)) if a < b => out.push(Found::new(
            format!("{what} narrowed from {} to {}", most(b_max), most(a_max)),
            Effect::TIGHTENS,
        )),
        (Some(b), Some(a)) if a > b => out.push(Found::new(
            format!("{what} widened from {} to {}", most(b_max), most(a_max)),
            Effect::LOOSENS,
        )),
        (None, Some(_)) => out.push(Found::new(
            format!("{what} narrowed from {} to {}", most(b_max), most(a_max)),
            Effect::TIGHTENS,
        )),
        (Some(_), None) => out.push(Found::new(
            format!("{what} widened from {} to {}", most(b_max), most(a_max)),
            Effect::LOOSENS,
        )),
        _ => {}
    }
    if a_min > b_min {
        out.push(Found::new(
            format!(
                "{what} narrowed from at least {} to at least {}",
                show(b_min),
                show(a_min)
            ),
            Effect::TIGHTENS,
        ));
    } else if a_min < b_min {
        out.push(Found::new(
            format!(
                "{what} widened from at least {} to at least {}",
                show(b_min),
                show(a_min)
            ),
            Effect::LOOSENS,
        ));
    }
    out
}

/// The differences of two number ranges, their bounds compared as decimal numbers.
fn range(before: Option<&Range>, after: Option<&Range>) -> Vec<Found> {
    let bound = |r: Option<&Range>, max: bool| -> Option<f64> {
        let r = r?;
        let text = if max { r.max.as_ref() } else { r.min.as_ref() }?;
        text.parse().ok()
    };
    let show = |r: Option<&Range>| match r {
        Some(r) => format!(
            "{}..{}",
            r.min.as_deref().unwrap_or(""),
            r.max.as_deref().unwrap_or("")
        ),
        None => "unlimited".to_owned(),
    };
    let (b_min, b_max) = (bound(before, false), bound(before, true));
    let (a_min, a_max) = (bound(after, false), bound(after, true));
    // Narrower: a bound added or moved inwards; wider: removed or moved outwards.
    let narrower = matches!((b_min, a_min), (None, Some(_)))
        || matches!((b_min, a_min), (Some(b), Some(a)) if a > b)
        || matches!((b_max, a_max), (None, Some(_)))
        || matches!((b_max, a_max), (Some(b), Some(a)) if a < b);
    let wider = matches!((b_min, a_min), (Some(_), None))
        || matches!((b_min, a_min), (Some(b), Some(a)) if a < b)
        || matches!((b_max, a_max), (Some(_), None))
        || matches!((b_max, a_max), (Some(b), Some(a)) if a > b);
    let effect = Effect {
        tightens: narrower,
        loosens: wider,
    };
    if effect == Effect::NEITHER {
        return Vec::new();
    }
    let word = match (narrower, wider) {
        (true, false) => "narrowed",
        (false, true) => "widened",
        _ => "changed",
    };
    vec![Found::new(
        format!("range {word} from {} to {}", show(before), show(after)),
        effect,
    )]
}

/// The difference of a rule that is there or not (added: tightens; removed: loosens; changed:
/// `changed`'s effect).
fn added_removed<T: PartialEq + std::fmt::Display>(
    what: &str,
    before: Option<T>,
    after: Option<T>,
    changed: impl Fn(&T, &T) -> Effect,
) -> Option<Found> {
    Some(match (before, after) {
        (None, Some(a)) => Found::new(format!("{what} `{a}` added"), Effect::TIGHTENS),
        (Some(b), None) => Found::new(format!("{what} `{b}` removed"), Effect::LOOSENS),
        (Some(b), Some(a)) if b != a => Found::new(
            format!("{what} changed from `{b}` to `{a}`"),
            changed(&b, &a),
        ),
        _ => return None,
    })
}

/// The difference of two fields' formats, the registry's or custom ones (`custom(NAME)`): one
/// added narrows, one removed widens; `PAN` to `PAN luhn` narrows; another change (a custom
/// format's name included) breaks both ways.
fn format(before: &Field, after: &Field) -> Option<Found> {
    let name = |f: &Field| match (&f.custom_format, f.format) {
        (Some(custom), _) => Some(format!("custom({custom})")),
        (None, format) => format.map(|f| f.name().into_owned()),
    };
    added_removed("format", name(before), name(after), |_, _| {
        match (before.format, after.format) {
            (Some(Format::Pan { luhn: false }), Some(Format::Pan { luhn: true })) => {
                Effect::TIGHTENS
            }
            (Some(Format::Pan { luhn: true }), Some(Format::Pan { luhn: false })) => {
                Effect::LOOSENS
            }
            _ => Effect::BOTH,
        }
    })
}

/// The difference of two sets of forbidden characters.
fn forbidden(before: Option<&str>, after: Option<&str>) -> Option<Found> {
    let b = before.unwrap_or("");
    let a = after.unwrap_or("");
    let more: String = a.chars().filter(|c| !b.contains(*c)).collect();
    let fewer: String = b.chars().filter(|c| !a.contains(*c)).collect();
    let effect = Effect {
        tightens: !more.is_empty(),
        loosens: !fewer.is_empty(),
    };
    if effect == Effect::NEITHER {
        return None;
    }
    let quoted = |s: &str| serde_json::Value::from(s).to_string();
    Some(Found::new(
        format!(
            "forbidden characters changed from {} to {}",
            quoted(b),
            quoted(a)
        ),
        effect,
    ))
}
