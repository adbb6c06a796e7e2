//! The messages the mock answers with: a response message of the route's `RESPONSE`, with the
//! request's values copied into the fields both messages name (the echo), and for an error in
//! a vendor's style, the vendor's codes in their fields; made valid against the schema before
//! it is sent, by the dynamic validator.

use std::collections::HashSet;

use fieldtab_codegen::dynamic::Validator;
use fieldtab_codegen::model::{ItemKind, Module, Object};
use fieldtab_schema::sample::Sampler;
use serde_json::{Map, Value};

/// How deep the echo and the code placement walk nested objects.
const MAX_DEPTH: usize = 8;

/// One message or struct of the module, with what the mock needs of it.
#[derive(Clone, Copy)]
pub(crate) struct Shape<'m> {
    pub(crate) module: &'m Module,
    pub(crate) object: &'m Object,
    pub(crate) validator: Validator<'m>,
    /// The generator of its valid messages.
    pub(crate) sampler: &'m Sampler<'m>,
}

impl<'m> Shape<'m> {
    /// The shape of the message or struct of `sampler` (which found it in `module`).
    pub(crate) fn new(module: &'m Module, sampler: &'m Sampler<'m>) -> Option<Shape<'m>> {
        let validator = Validator::new(module, sampler.name()).ok()?;
        Some(Shape {
            module,
            object: object_named(module, sampler.name())?,
            validator,
            sampler,
        })
    }
}

fn object_named<'m>(module: &'m Module, name: &str) -> Option<&'m Object> {
    match &module.item(name)?.kind {
        ItemKind::Message(object) | ItemKind::Struct(object) => Some(object),
        ItemKind::Enum(_) => None,
    }
}

/// A response of `response`: the generated message of `seed`, each field it holds that has an
/// Example cell holding the first one (`respCode` `00`), the request's values in the
/// fields `response` shares with it (never a field either schema marks sensitive), each of
/// `codes` (identifier, value) in the field of that identifier, then every value the dynamic
/// validator rejects put back as generated (or removed, when it was not generated).
pub(crate) fn answer(
    response: Shape<'_>,
    request_shape: Shape<'_>,
    request: &Value,
    codes: &[(&str, &str)],
    seed: u64,
) -> Value {
    let generated = generate(response, seed);
    let mut message = generated.clone();
    let mut secret = HashSet::new();
    sensitive_idents(request_shape.module, request_shape.object, 0, &mut secret);
    sensitive_idents(response.module, response.object, 0, &mut secret);
    if let Value::Object(members) = &mut message {
        examples_first(response.module, response.object, members, &secret, 0);
        echo(
            response.module,
            response.object,
            members,
            request,
            request,
            &secret,
            0,
        );
        place_codes(response.module, response.object, members, codes, 0);
    }
    repair(response.validator, &mut message, &generated);
    message
}

/// Puts the first Example cell of each field of `object` (and of the structs under it) that
/// `members` holds, and is not sensitive, in place of the generated value: a mock answers what
/// the vendor's table shows (`respCode` `00`) where it shows something.
fn examples_first(
    module: &Module,
    object: &Object,
    members: &mut Map<String, Value>,
    secret: &HashSet<String>,
    depth: usize,
) {
    if depth > MAX_DEPTH {
        return;
    }
    for field in &object.fields {
        if secret.contains(&field.ident) {
            continue;
        }
        let Some(present) = members.get_mut(&field.ident) else {
            continue;
        };
        if let Some(inner) = field.ty.named().and_then(|n| object_named(module, n)) {
            if let Value::Object(nested) = present {
                examples_first(module, inner, nested, secret, depth + 1);
            }
        } else if let Some(example) = field.examples.first() {
            // Example cells are JSON text, checked against the field's rules by the checker.
            if let Ok(value) = serde_json::from_str::<Value>(example) {
                *present = value;
            }
        }
    }
}

/// The identifiers of the fields marked sensitive in `object` and the structs under it.
fn sensitive_idents(module: &Module, object: &Object, depth: usize, out: &mut HashSet<String>) {
    if depth > MAX_DEPTH {
        return;
    }
    for field in &object.fields {
        if field.sensitive {
            out.insert(field.ident.clone());
        }
        if let Some(inner) = field
            .ty
            .element()
            .named()
            .and_then(|n| object_named(module, n))
        {
            sensitive_idents(module, inner, depth + 1, out);
        }
    }
}

/// Copies into `members` the request's scalar value of each field of `object` that is not
/// sensitive: the request's value at the same place, else under the same identifier at its
/// top or one object below.
fn echo(
    module: &Module,
    object: &Object,
    members: &mut Map<String, Value>,
    here: &Value,
    request: &Value,
    secret: &HashSet<String>,
    depth: usize,
) {
    if depth > MAX_DEPTH {
        return;
    }
    for field in &object.fields {
        if secret.contains(&field.ident) || field.ty.is_collection() {
            continue;
        }
        if let Some(inner) = field.ty.named().and_then(|n| object_named(module, n)) {
            let below = here.get(&field.ident).unwrap_or(&Value::Null);
            if let Some(Value::Object(nested)) = members.get_mut(&field.ident) {
                echo(module, inner, nested, below, request, secret, depth + 1);
            }
            continue;
        }
        let same = here.get(&field.ident).filter(is_scalar);
        if let Some(value) = same.or_else(|| shared(request, &field.ident)) {
            members.insert(field.ident.clone(), value.clone());
        }
    }
}

fn is_scalar(value: &&Value) -> bool {
    matches!(value, Value::String(_) | Value::Number(_) | Value::Bool(_))
}

/// The request's scalar under `ident`, at its top or in one of its objects.
fn shared<'a>(request: &'a Value, ident: &str) -> Option<&'a Value> {
    let top = request.as_object()?;
    top.get(ident).filter(is_scalar).or_else(|| {
        top.values()
            .filter_map(Value::as_object)
            .find_map(|object| object.get(ident).filter(is_scalar))
    })
}

/// Sets each code's field: where `object`, or a struct it holds, names the identifier.
fn place_codes(
    module: &Module,
    object: &Object,
    members: &mut Map<String, Value>,
    codes: &[(&str, &str)],
    depth: usize,
) {
    if depth > MAX_DEPTH {
        return;
    }
    for field in &object.fields {
        if let Some((_, value)) = codes.iter().find(|(ident, _)| *ident == field.ident) {
            members.insert(field.ident.clone(), Value::String((*value).to_owned()));
        } else if let Some(inner) = field.ty.named().and_then(|n| object_named(module, n))
            && let Some(Value::Object(nested)) = members.get_mut(&field.ident)
        {
            place_codes(module, inner, nested, codes, depth + 1);
        }
    }
}

/// Puts back the generated value (or removes the value) at each path the validator rejects,
/// a few rounds: an echoed value the response's own rules refuse is not sent.
fn repair(validator: Validator<'_>, message: &mut Value, generated: &Value) {
    for _ in 0..4 {
        let Err(report) = validator.validate(message.to_string().as_bytes(), false) else {
            return;
        };
        let mut changed = false;
        for violation in report.violations() {
            let path = violation.path.as_str();
            if path.is_empty() {
                continue;
            }
            let want = generated.pointer(path).cloned();
            if message.pointer(path) == want.as_ref() {
                continue;
            }
            changed |= set(message, path, want);
        }
        if !changed {
            return;
        }
    }
}

/// Sets (or, for `None`, removes) the value at JSON Pointer `path`, whose parent is an object.
fn set(message: &mut Value, path: &str, value: Option<Value>) -> bool {
    let Some((parent, last)) = path.rsplit_once('/') else {
        return false;
    };
    let key = last.replace("~1", "/").replace("~0", "~");
    let Some(object) = message.pointer_mut(parent).and_then(Value::as_object_mut) else {
        return false;
    };
    match value {
        Some(value) => object.insert(key, value),
        None => object.remove(&key),
    };
    true
}

/// The generated message of `shape` for `seed`: the schema's Example cells where the
/// runtime accepts them, then generated values (`fieldtab_schema::sample`), valid against the
/// message.
fn generate(shape: Shape<'_>, seed: u64) -> Value {
    shape.sampler.valid(seed)
}
