//! A differential test with the `jsonschema` crate over every sample of `examples/messages/`:
//! every valid sample is valid against the export of its item; an invalid sample is invalid when
//! one of its violations is of a kind JSON Schema expresses, and valid when none is.

use fieldtab_codegen::model::{Field, Module, Type};
use fieldtab_codegen::{Generate, JsonSchemaOptions, Schema};
use serde_json::Value;

use crate::formats::exact;
use crate::{files_under, repo, validator};

/// The field a violation's path ends at (through nested objects and array indexes), with the
/// type of the value at that path.
fn field_at<'m>(module: &'m Module, item: &str, pointer: &str) -> Option<(&'m Field, &'m Type)> {
    let mut object = module.item(item)?.kind.object()?;
    let mut found: Option<(&Field, &Type)> = None;
    for segment in pointer.split('/').skip(1) {
        let segment = segment.replace("~1", "/").replace("~0", "~");
        match found {
            Some((field, Type::Array(element))) if segment.parse::<usize>().is_ok() => {
                found = Some((field, element));
            }
            Some((_, Type::Named(name))) => {
                object = module.item(name)?.kind.object()?;
                let field = object.fields.iter().find(|f| f.ident == segment)?;
                found = Some((field, &field.ty));
            }
            None => {
                let field = object.fields.iter().find(|f| f.ident == segment)?;
                found = Some((field, &field.ty));
            }
            Some(_) => return None,
        }
    }
    found
}

/// Whether JSON Schema sees a violation: `Some(true)` when it expresses it (the export must
/// reject the document), `Some(false)` when it cannot (the export accepts what this violation
/// alone makes invalid), `None` when that depends on the value (a format the export
/// approximates, a duplicate key).
pub(crate) fn expressible(
    module: &Module,
    item: &str,
    doc: &Value,
    path: &str,
    rule: &str,
) -> Option<bool> {
    match rule {
        "required" | "length" | "charset" | "const" | "enum" | "group" | "unknown_field"
        | "pattern" => Some(true),
        // A top-level value that is not an object; a duplicate key depends on which occurrence
        // the JSON parser keeps.
        "syntax" if path.is_empty() => Some(!doc.is_object()),
        "syntax" => None,
        "type" => match (field_at(module, item, path), doc.pointer(path)) {
            // A whole-valued float in `i64`'s range (`1.0`) is a JSON Schema integer; a larger
            // integer fails `maximum`.
            (Some((_, Type::Integer)), Some(Value::Number(n))) if n.is_f64() => {
                let whole = n
                    .as_f64()
                    .is_some_and(|f| f.fract() == 0.0 && f.abs() < 9.2e18);
                Some(!whole)
            }
            _ => Some(true),
        },
        "format" => match field_at(module, item, path).and_then(|(field, _)| field.format) {
            Some(format) if exact(&format) => Some(true),
            _ => None,
        },
        // Only decimal strings have a range, and their pattern holds it.
        "range" => Some(true),
        _ => None,
    }
}

#[test]
fn samples_agree_with_the_export() {
    let messages = repo().join("examples/messages");
    let samples = files_under(&messages, "json");
    let (mut valid, mut rejected, mut accepted) = (0, 0, 0);
    for path in &samples {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".expected.json") {
            continue;
        }
        // <vendor>/<schema>/<Item>/<sample>.json
        let relative = path.strip_prefix(&messages).unwrap();
        let parts: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let [vendor, schema_name, item, _] = parts.as_slice() else {
            panic!("unexpected sample path {}", relative.display());
        };
        let schema_path = repo()
            .join("schemas")
            .join(vendor)
            .join(format!("{schema_name}.md"));
        let schema = Schema::load(&schema_path).unwrap();
        let bytes = std::fs::read(path).unwrap();
        let doc: Option<Value> = serde_json::from_slice(&bytes).ok();

        if name.starts_with("valid-") {
            let export = schema.to_json_schema(Some(item)).unwrap();
            let doc = doc.unwrap_or_else(|| panic!("{}: malformed", path.display()));
            for formats in [false, true] {
                let v = validator(&export, formats);
                let errors: Vec<String> = v.iter_errors(&doc).map(|e| e.to_string()).collect();
                assert!(
                    errors.is_empty(),
                    "{}: valid sample rejected (formats {formats}): {errors:?}",
                    path.display()
                );
            }
            valid += 1;
            continue;
        }

        let expected_path = path.with_file_name(name.replace(".json", ".expected.json"));
        let expected: Value =
            serde_json::from_slice(&std::fs::read(&expected_path).unwrap()).unwrap();
        let deny = expected["deny_unknown"].as_bool().unwrap_or(false);
        let violations = expected["violations"].as_array().unwrap();
        let export = schema
            .json_schema(Some(item), JsonSchemaOptions::new().deny_unknown(deny))
            .unwrap()
            .to_value();
        let Some(doc) = &doc else {
            continue; // malformed JSON: nothing to give a JSON Schema validator
        };
        let seen: Vec<Option<bool>> = violations
            .iter()
            .map(|v| {
                expressible(
                    &schema.module,
                    item,
                    doc,
                    v["path"].as_str().unwrap(),
                    v["rule"].as_str().unwrap(),
                )
            })
            .collect();
        let must_reject = seen.contains(&Some(true));
        let must_accept = seen.iter().all(|&s| s == Some(false));
        for formats in [false, true] {
            let verdict = validator(&export, formats).is_valid(doc);
            assert!(
                !must_reject || !verdict,
                "{}: expressible violations {violations:?} but valid (formats {formats})",
                path.display()
            );
            assert!(
                !must_accept || verdict,
                "{}: only inexpressible violations {violations:?} but invalid (formats {formats})",
                path.display()
            );
        }
        if must_reject {
            rejected += 1;
        } else if must_accept {
            accepted += 1;
        }
    }
    assert!(valid >= 30, "{valid} valid samples");
    assert!(rejected >= 100, "{rejected} rejected invalid samples");
    eprintln!("{valid} valid, {rejected} invalid rejected, {accepted} inexpressible accepted");
}
