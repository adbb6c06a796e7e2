//! The mandatory fields of a response type, found by the runtime's own decoder, and a
//! response of that shape filled from the request.
//!
//! A vendor's error response is its ordinary response with an error code: UPI answers
//! `respCode`/`respMsg` in the response's own place (in `header` for Enrollment Registration,
//! at the top of the flat usage query response) with the request's header fields the response
//! table echoes. Generated types do not list their fields, but their decoder knows them:
//! decoding `{}` as the response type reports each absent mandatory field as `required` at its
//! path; putting `{}` there shows, by a `type` violation or none, whether the field is a value
//! or an object whose own mandatory fields the next round reports. A few rounds on a few bytes
//! give the response's mandatory skeleton, with nothing written per message.

use serde_json::{Map, Value};

use crate::{Decode, Rule};

/// Rounds of probing: one a level of nesting.
const MAX_ROUNDS: usize = 8;

/// The mandatory fields of `R`: objects as objects, every other field as `Value::Null`.
pub(super) fn mandatory_skeleton<R: Decode>() -> Value {
    let mut doc = Value::Object(Map::new());
    let mut leaves: Vec<String> = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let bytes = doc.to_string();
        let Err(report) = crate::validate_json::<R>(bytes.as_bytes()) else {
            break;
        };
        let mut changed = false;
        for violation in report.violations() {
            let path = violation.path.as_str();
            if path.is_empty() || leaves.iter().any(|leaf| leaf == path) {
                continue;
            }
            match violation.rule {
                Rule::Required if doc.pointer(path).is_none() => {
                    changed |= insert(&mut doc, path, Value::Object(Map::new()));
                }
                Rule::Type if doc.pointer(path).is_some_and(Value::is_object) => {
                    leaves.push(path.to_owned());
                    changed = true;
                }
                _ => {}
            }
        }
        // A value is not an object: `null` (absent) keeps it out of the next rounds' probing.
        for leaf in &leaves {
            if let Some(slot) = doc.pointer_mut(leaf) {
                *slot = Value::Null;
            }
        }
        if !changed {
            break;
        }
    }
    doc
}

/// Sets the value at JSON Pointer `path`, whose parent is an object of `doc`.
fn insert(doc: &mut Value, path: &str, value: Value) -> bool {
    let Some((parent, last)) = path.rsplit_once('/') else {
        return false;
    };
    let key = last.replace("~1", "/").replace("~0", "~");
    match doc.pointer_mut(parent).and_then(Value::as_object_mut) {
        Some(object) => {
            object.insert(key, value);
            true
        }
        None => false,
    }
}

/// Fills each value of `skeleton`: `fixed(identifier)` when it gives one, else the string of
/// the request at the same path, else the request's string under the same identifier at its
/// top or one object below; a value with none of them is left out.
pub(super) fn fill(
    skeleton: &Value,
    request: &Value,
    fixed: &dyn Fn(&str) -> Option<String>,
) -> Value {
    fill_at(skeleton, request, request, fixed)
}

fn fill_at(
    skeleton: &Value,
    here: &Value,
    request: &Value,
    fixed: &dyn Fn(&str) -> Option<String>,
) -> Value {
    let mut out = Map::new();
    if let Value::Object(fields) = skeleton {
        for (key, shape) in fields {
            let same = here.get(key).unwrap_or(&Value::Null);
            if shape.is_object() {
                out.insert(key.clone(), fill_at(shape, same, request, fixed));
            } else if let Some(value) = fixed(key) {
                out.insert(key.clone(), Value::String(value));
            } else if let Some(value) = same.as_str().or_else(|| shared(request, key)) {
                out.insert(key.clone(), Value::String(value.to_owned()));
            }
        }
    }
    Value::Object(out)
}

/// The request's string under `key`, at its top or in one of its objects.
fn shared<'a>(request: &'a Value, key: &str) -> Option<&'a str> {
    let top = request.as_object()?;
    top.get(key).and_then(Value::as_str).or_else(|| {
        top.values()
            .filter_map(Value::as_object)
            .find_map(|object| object.get(key).and_then(Value::as_str))
    })
}

/// Removes from `answer` each echoed value that `R`'s own rules refuse: an invalid request's
/// value is not sent back as if it were the vendor's.
pub(super) fn drop_refused<R: Decode>(answer: &mut Value) {
    let Err(report) = crate::validate_json::<R>(answer.to_string().as_bytes()) else {
        return;
    };
    for violation in report.violations() {
        let Some((parent, last)) = violation.path.rsplit_once('/') else {
            continue;
        };
        let key = last.replace("~1", "/").replace("~0", "~");
        if let Some(object) = answer.pointer_mut(parent).and_then(Value::as_object_mut)
            && object.get(&key).is_some_and(Value::is_string)
        {
            object.remove(&key);
        }
    }
}
