//! Arbitrary bytes as a schema file through `Schema::parse`: never a panic (nor, with
//! `-timeout`, a hang). The file is read as if it sat in `schemas/alipayplus/`, so imports of
//! the shipped `benefit.md` resolve. A schema that loads is held to the model's promises that
//! are cheap to check (model.rs); one that does not has at least one error, and its
//! diagnostics print.

#![no_main]

use std::collections::HashSet;

use fieldtab_schema::Schema;
use fieldtab_schema::dynamic::Validator;
use fieldtab_schema::model::{ItemKind, Module, Object, Requirement, Type};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let path = fieldtab_fuzz::repository().join("schemas/alipayplus/fuzz-input.md");
    match Schema::parse(&path, &text) {
        Ok(schema) => check_schema(&schema),
        Err(diagnostics) => {
            assert!(
                diagnostics.has_errors(),
                "a schema refused without an error"
            );
            let _ = diagnostics.to_string();
        }
    }
});

fn check_schema(schema: &Schema) {
    let module = &schema.module;
    assert!(!schema.warnings.has_errors(), "a schema loaded with errors");
    let _ = schema.warnings.to_string();
    assert_eq!(schema.item_files.len(), module.items.len());
    assert!(schema.item_files.iter().all(|&f| f < schema.files.len()));
    let mut names = HashSet::new();
    for item in &module.items {
        assert!(names.insert(item.name.as_str()), "two items {}", item.name);
        assert!(
            item.name.starts_with(|c: char| c.is_ascii_uppercase()),
            "item name {:?}",
            item.name
        );
        match &item.kind {
            ItemKind::Message(object) | ItemKind::Struct(object) => {
                check_object(module, &item.name, object);
                let validator = Validator::new(module, &item.name)
                    .unwrap_or_else(|e| panic!("{}: {e}", item.name));
                for deny in [false, true] {
                    let _ = validator.validate(b"{}", deny);
                }
            }
            ItemKind::Enum(enumeration) => {
                let mut values = HashSet::new();
                for value in &enumeration.values {
                    assert!(
                        values.insert(value.value.as_str()),
                        "{}: two values {:?}",
                        item.name,
                        value.value
                    );
                    assert!(enumeration.accepts(&value.value));
                }
            }
        }
    }
}

fn check_object(module: &Module, name: &str, object: &Object) {
    let mut idents = HashSet::new();
    for field in &object.fields {
        let at = format!("{name}.{}", field.ident);
        assert!(idents.insert(field.ident.as_str()), "{at}: twice");
        if let Some(target) = field.ty.named() {
            assert!(module.item(target).is_some(), "{at}: unresolved {target}");
        }
        if let Some(length) = field.length {
            assert!(
                length.max >= 1 && length.min <= length.max,
                "{at}: {length:?}"
            );
        }
        if let Some(range) = &field.range {
            assert!(
                range.min.is_some() || range.max.is_some(),
                "{at}: empty range"
            );
            let bound = |b: &Option<String>| {
                b.as_deref().map(|text| {
                    assert!(fieldtab::is_json_number(text), "{at}: bound {text:?}");
                    text.parse::<f64>().expect("a JSON number parses")
                })
            };
            if let (Some(min), Some(max)) = (bound(&range.min), bound(&range.max)) {
                // f64 rounding keeps the order (never reverses it), so this cannot misfire.
                assert!(min <= max, "{at}: {range:?}");
            }
            assert!(
                matches!(field.ty.element(), Type::Integer | Type::Number),
                "{at}: a range on {}",
                field.ty
            );
        }
        if field.items.is_some() {
            assert!(field.ty.is_collection(), "{at}: items on {}", field.ty);
        }
        if !field.format_when.is_empty() {
            assert!(field.format.is_none(), "{at}: two kinds of format");
        }
        for example in &field.examples {
            let parsed = serde_json::from_str::<serde::de::IgnoredAny>(example);
            assert!(parsed.is_ok(), "{at}: example {example:?} is not JSON");
        }
    }
    for group in &object.groups {
        let mut members = HashSet::new();
        for member in &group.members {
            assert!(
                members.insert(member.as_str()),
                "{name}: group member twice"
            );
            let field = object
                .fields
                .iter()
                .find(|f| &f.ident == member)
                .unwrap_or_else(|| panic!("{name}: group member {member} is no field"));
            assert!(
                field.requirement != Requirement::Mandatory,
                "{name}: mandatory group member {member}"
            );
        }
        assert!(members.len() >= 2, "{name}: a group of {}", members.len());
    }
}
