//! The Rust struct of a `## message` or `## struct` item, with its `Debug` impl, its rules table,
//! its `Validate` impl and (for messages) its `Message` impl.

use proc_macro2::TokenStream;
use quote::quote;

use super::doc::{doc_attrs, item_doc};
use super::facts::Reads;
use super::types::{is_optional, rust_type};
use super::{debug as emit_debug, table as emit_table, validate as emit_validate};
use crate::model::{Condition, Field, FieldPath, Item, Module, Object, Requirement, Type};
use crate::names;

/// Everything EMIT generates for one message or struct (the decoder's `Deserialize` is emitted
/// separately).
pub(crate) fn emit(
    module: &Module,
    reads: &Reads,
    item: &Item,
    object: &Object,
    message: bool,
) -> TokenStream {
    let name = names::type_name(&item.name);
    let doc = item_doc(item);
    let options = names::options();
    let field_names = names::field_names(&item.name, &object.fields);
    let fields = object
        .fields
        .iter()
        .zip(&field_names)
        .map(|(field, rust_name)| {
            let doc = doc_attrs(&field_doc(field));
            let attrs = options.field_attributes(&item.name, &field.ident);
            let ty = rust_type(field);
            let wire = &field.ident;
            // `rename` only where the Rust name is not the wire identifier already.
            let renamed = *rust_name != wire;
            let serde = match (is_optional(field), renamed) {
                (true, true) => quote!(#[serde(rename = #wire, skip_serializing_if = "::core::option::Option::is_none")]),
                (true, false) => quote!(#[serde(skip_serializing_if = "::core::option::Option::is_none")]),
                (false, true) => quote!(#[serde(rename = #wire)]),
                (false, false) => TokenStream::new(),
            };
            quote! {
                #doc
                #serde
                #attrs
                pub #rust_name: #ty,
            }
        });
    let masks_debug = object.fields.iter().any(|field| field.sensitive);
    let derive_debug = if masks_debug {
        quote!()
    } else {
        quote!(::core::fmt::Debug,)
    };
    let debug = if masks_debug {
        emit_debug::emit(&name, &object.fields, &field_names)
    } else {
        TokenStream::new()
    };
    // `Eq` and `Hash` whenever every field has them: every type generated code uses does, so
    // only an item holding an extern type goes without (its derives may be asked for).
    let eq_hash = if options.eq_hash(module, &item.name) {
        quote!(::core::cmp::Eq, ::core::hash::Hash,)
    } else {
        quote!()
    };
    let mut already = vec!["Clone", "PartialEq", "Debug", "Serialize", "Deserialize"];
    if !eq_hash.is_empty() {
        already.extend(["Eq", "Hash"]);
    }
    let extra = options.derives(&item.name, &already);
    let attrs = options.item_attributes(&item.name);
    let table = emit_table::emit(module, item, object);
    let validate = emit_validate::emit(module, reads, item, &name, object, &field_names);
    let message_impl = if message {
        let wire_name = &item.name;
        quote! {
            impl ::fieldtab::__private::Message for #name {
                const NAME: &'static str = #wire_name;
            }
        }
    } else {
        TokenStream::new()
    };
    quote! {
        #doc
        #[derive(::core::clone::Clone, ::core::cmp::PartialEq, #eq_hash #derive_debug ::fieldtab::__private::serde::Serialize #(, #extra)*)]
        #[serde(crate = "::fieldtab::__private::serde")]
        #attrs
        pub struct #name {
            #(#fields)*
        }
        #debug
        #table
        #validate
        #message_impl
    }
}

/// A field's rustdoc: its label, its wire form in one line, its note and its examples.
fn field_doc(field: &Field) -> String {
    let label = field
        .label
        .as_deref()
        .map(str::trim)
        .filter(|label| !label.is_empty() && !label.eq_ignore_ascii_case(&field.ident));
    let note = Some(field.doc.trim()).filter(|note| !note.is_empty() && Some(*note) != label);
    let mut doc = String::new();
    if let Some(label) = label {
        doc.push_str(label);
        doc.push_str("\n\n");
    }
    doc.push_str(&format!("`{}`: {}", field.ident, summary(field)));
    if let Some(note) = note {
        doc.push_str("\n\n");
        doc.push_str(note);
    }
    // Examples of sensitive fields stay out of the docs, like their values out of `Debug`.
    if !field.examples.is_empty() && !field.sensitive {
        let examples: Vec<String> = field.examples.iter().map(|e| format!("`{e}`")).collect();
        doc.push_str(&format!("\n\nExample: {}", examples.join(", ")));
    }
    doc
}

/// The schema row in words: type, length, requirement, fixed value, sensitivity.
fn summary(field: &Field) -> String {
    let mut parts = vec![type_doc(&field.ty)];
    if let Some(length) = field.length {
        let unit = match field.ty.element() {
            Type::Iso(_) => "bytes",
            _ => "characters",
        };
        parts.push(if length.min == 0 {
            format!("at most {} {unit}", length.max)
        } else {
            format!("{}..={} {unit}", length.min, length.max)
        });
    }
    if let Some(items) = field.items {
        let unit = match field.ty {
            Type::Map(_) => "entries",
            _ => "elements",
        };
        parts.push(match (items.min, items.max) {
            (0, Some(max)) => format!("at most {max} {unit}"),
            (min, Some(max)) => format!("{min}..={max} {unit}"),
            (min, None) => format!("at least {min} {unit}"),
        });
    }
    parts.push(match &field.requirement {
        Requirement::Mandatory => "mandatory".to_owned(),
        Requirement::Optional => "optional".to_owned(),
        Requirement::Conditional(condition) => match comparison(condition) {
            Some((path, values)) => format!("required when `{path}` is {values}"),
            None => format!("required when `{condition}`"),
        },
    });
    for conditional in &field.format_when {
        parts.push(match comparison(&conditional.when) {
            Some((path, values)) => format!("a format that depends on `{path}` (when {values})"),
            None => format!("a format that applies when `{}`", conditional.when),
        });
    }
    if let Some(fixed) = &field.fixed {
        parts.push(format!("always `{fixed}`"));
    }
    if field.sensitive {
        parts.push("sensitive (masked by `Debug`)".to_owned());
    }
    let mut text = parts.join(", ");
    text.push('.');
    text
}

/// A condition that is one comparison (`type in (A, B)`), in words: the path and
/// "`A` or `B`".
fn comparison(condition: &Condition) -> Option<(&FieldPath, String)> {
    let Condition::In(path, values) = condition else {
        return None;
    };
    let values: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
    Some((path, values.join(" or ")))
}

/// The schema type in the schema's own words (its `Display`: `AN`, `Array<AN>`), as rustdoc
/// shows it: a named type links to its item (`[`Array<Amount>`](Amount)`), an array is code (its
/// `<…>` would otherwise read as HTML), a scalar is a bare word.
fn type_doc(ty: &Type) -> String {
    match ty.named() {
        Some(_) if ty.depth() == 0 => format!("[`{ty}`]"),
        Some(name) => format!("[`{ty}`]({})", names::type_name(name)),
        None if ty.depth() == 0 => ty.to_string(),
        None => format!("`{ty}`"),
    }
}
