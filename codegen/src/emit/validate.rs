//! `impl Validate` for a generated struct: the validation semantics (docs/SEMANTICS.md §8.1)
//! applied to a typed value, in table order, with wire-identifier paths.
//!
//! Each field is checked by the runtime's one check of a field against the struct's rules table
//! (see `table.rs`), through `plan::Fields`; what is emitted here is only how each Rust field
//! value is shown to it. What the Rust types already prove is not checked again
//! (docs/SEMANTICS.md §1.3): a mandatory field is present, a closed enum holds a listed value, a
//! typed string (`LocalTime`, `Pan`, …) is in its format, an integer is an integer. What is left
//! is the string rules, conditional requirements and formats, the `required` rule of empty
//! strings, and recursion into nested structs and arrays.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

use fieldtab_runtime::StrRules;

use super::table;
use super::types::{is_optional, is_typed_string};
use crate::model::{Field, Format, Item, ItemKind, Module, Object, Requirement, Type};

/// `impl Validate for #name`, the struct of `item`. `field_names` are the Rust names of the
/// object's fields.
pub(crate) fn emit(
    module: &Module,
    item: &Item,
    name: &Ident,
    object: &Object,
    field_names: &[Ident],
) -> TokenStream {
    let checks: Vec<TokenStream> = object
        .fields
        .iter()
        .zip(field_names)
        .enumerate()
        .filter_map(|(index, (field, rust_name))| field_check(module, index, field, rust_name))
        .collect();
    if checks.is_empty() {
        return quote! {
            impl ::fieldtab::__private::Validate for #name {
                fn validate_into(
                    &self,
                    _path: &::fieldtab::__private::Path<'_>,
                    _report: &mut ::fieldtab::__private::Report,
                ) {}
            }
        };
    }
    let table = table::module_name(item);
    let fields = match siblings(module, object, field_names) {
        Some(siblings) => quote! {
            #siblings
            let mut fields = Fields::new(&FIELDS, path, report).with_siblings(siblings);
        },
        None => quote!(let mut fields = Fields::new(&FIELDS, path, report);),
    };
    quote! {
        impl ::fieldtab::__private::Validate for #name {
            fn validate_into(
                &self,
                path: &::fieldtab::__private::Path<'_>,
                report: &mut ::fieldtab::__private::Report,
            ) {
                use ::fieldtab::__private::plan::Fields;
                use #table::FIELDS;
                #fields
                #(#checks)*
            }
        }
    }
}

/// Whether every value of the field's runtime type passes the field's length and charset rules
/// (a fixed value, forbidden characters and a pattern are always checked), so `validate()` need
/// not render it to text. Decided at
/// generation time by the runtime's own rules, on the texts at the extremes of the type's shape:
/// the ISO charsets treat all digits alike and all letters alike, and lengths are intervals.
fn proven_by_type(field: &Field) -> bool {
    if field.fixed.is_some() || field.forbidden.is_some() || field.pattern.is_some() {
        return false;
    }
    let Some(rules) = field.str_rules() else {
        return false;
    };
    if rules.length.is_none() && rules.charset.is_none() {
        return true;
    }
    let rules = StrRules {
        format: None,
        ..rules
    };
    // The runtime's extremes of the format's shape; `None` (a timestamp varies in shape, with
    // fractions and `Z` or an offset) leaves the rules to run time.
    let Some(extremes) = field.format.as_ref().and_then(Format::extremes) else {
        return false;
    };
    extremes.iter().all(|text| rules.is_valid(text, false))
}

/// The statement checking field `index`, or `None` when its Rust type proves every rule.
fn field_check(
    module: &Module,
    index: usize,
    field: &Field,
    rust_name: &Ident,
) -> Option<TokenStream> {
    let i = Literal::usize_unsuffixed(index);
    let optional = is_optional(field);
    let conditional = matches!(field.requirement, Requirement::Conditional(_));
    let present = conditional.then(|| quote!(fields.present(#i, self.#rust_name.is_some());));
    // The value as a `&T` or an `Option<&T>`, for the calls that take either.
    let some = if optional {
        quote!(self.#rust_name.as_ref())
    } else {
        quote!(&self.#rust_name)
    };
    match &field.ty {
        Type::Iso(_) | Type::String if is_typed_string(field) => {
            if proven_by_type(field) {
                present
            } else {
                Some(quote!(fields.wire(#i, #some);))
            }
        }
        Type::Iso(_) | Type::String => Some(quote!(fields.text(#i, &self.#rust_name);)),
        Type::Integer | Type::Boolean => present,
        Type::Named(name) => match module.item(name).map(|item| &item.kind) {
            Some(ItemKind::Message(_) | ItemKind::Struct(_)) => {
                Some(quote!(fields.nested(#i, #some);))
            }
            // A closed enum holds a listed value by construction; what is left is the fixed
            // value and the `required` rule of an empty value (possible in an open enum, or
            // listed in a closed one).
            Some(ItemKind::Enum(en))
                if field.fixed.is_some()
                    || (field.requirement != Requirement::Optional && en.accepts("")) =>
            {
                Some(if optional {
                    quote!(fields.text(#i, self.#rust_name.as_ref().map(|value| value.as_str()));)
                } else {
                    quote!(fields.text(#i, self.#rust_name.as_str());)
                })
            }
            Some(ItemKind::Enum(_)) | None => present,
        },
        Type::Array(_) => {
            if matches!(field.ty.named(), Some(name) if module.item(name).and_then(|item| item.kind.object()).is_some())
            {
                return Some(quote!(fields.nested(#i, #some);));
            }
            let Some(loops) = element_loops(module, index, field, &field.ty, 0) else {
                return present;
            };
            let checks = if optional {
                quote! {
                    if let ::core::option::Option::Some(value) = &self.#rust_name {
                        #loops
                    }
                }
            } else {
                quote! {
                    let value = &self.#rust_name;
                    #loops
                }
            };
            let present = present.unwrap_or_default();
            Some(quote!(#present #checks))
        }
    }
}

/// The loops checking each element (at the bottom of nested arrays) of the array `value` of
/// type `ty`, `depth` arrays down from the field's type; `None` when the element type proves
/// every rule. Elements are values, not fields: no requirement (docs/SEMANTICS.md §2.7).
fn element_loops(
    module: &Module,
    index: usize,
    field: &Field,
    ty: &Type,
    depth: usize,
) -> Option<TokenStream> {
    let i = Literal::usize_unsuffixed(index);
    // The element's path: the field's, then one index per array.
    let wire = &field.ident;
    let indexes = (0..depth).map(index_name);
    let path = quote!(&path.key(#wire)#(.index(#indexes))*);
    Some(match ty {
        Type::Array(element) => {
            let counter = index_name(depth);
            let inner = element_loops(module, index, field, element, depth + 1)?;
            quote! {
                for (#counter, value) in value.iter().enumerate() {
                    #inner
                }
            }
        }
        Type::Iso(_) | Type::String if is_typed_string(field) => {
            if proven_by_type(field) {
                return None;
            }
            quote!(fields.wire_element(#i, value, #path);)
        }
        Type::Iso(_) | Type::String => quote!(fields.element(#i, value, #path);),
        Type::Named(name) => match module.item(name).map(|item| &item.kind) {
            Some(ItemKind::Enum(_)) if field.fixed.is_some() => {
                quote!(fields.element(#i, value.as_str(), #path);)
            }
            _ => return None,
        },
        Type::Integer | Type::Boolean => return None,
    })
}

/// The counter of the loop over the arrays `depth` levels down: `index`, `index_1`, …
fn index_name(depth: usize) -> Ident {
    match depth {
        0 => format_ident!("index"),
        depth => format_ident!("index_{depth}"),
    }
}

/// The closure giving the string value of a field that a condition of the object names (by its
/// index), with the locals it needs; `None` when no condition names a sibling.
fn siblings(module: &Module, object: &Object, field_names: &[Ident]) -> Option<TokenStream> {
    let named = table::condition_siblings(module, object);
    if named.is_empty() {
        return None;
    }
    let mut locals = TokenStream::new();
    let arms = named.iter().filter_map(|&j| {
        let field = &object.fields[j];
        let rust_name = &field_names[j];
        let optional = is_optional(field);
        let text = match &field.ty {
            // A typed value's wire text, rendered once.
            Type::Iso(_) | Type::String if is_typed_string(field) => {
                let local = format_ident!("text_{}", j);
                if optional {
                    locals.extend(quote! {
                        let #local = self.#rust_name
                            .as_ref()
                            .map(::fieldtab::__private::ToWireStr::to_wire_str);
                    });
                    quote!(#local.as_deref())
                } else {
                    locals.extend(quote! {
                        let #local = ::fieldtab::__private::ToWireStr::to_wire_str(&self.#rust_name);
                    });
                    quote!(::core::option::Option::Some(&*#local))
                }
            }
            Type::Iso(_) | Type::String if optional => quote!(self.#rust_name.as_deref()),
            Type::Iso(_) | Type::String => {
                quote!(::core::option::Option::Some(self.#rust_name.as_str()))
            }
            Type::Named(name) if module.enum_named(name).is_some() => {
                if optional {
                    quote!(self.#rust_name.as_ref().map(|value| value.as_str()))
                } else {
                    quote!(::core::option::Option::Some(self.#rust_name.as_str()))
                }
            }
            // The checker only lets conditions name string or enum siblings.
            _ => return None,
        };
        let j = Literal::usize_unsuffixed(j);
        Some(quote!(#j => #text,))
    });
    let arms: Vec<TokenStream> = arms.collect();
    Some(quote! {
        #locals
        let siblings = |i: usize| match i {
            #(#arms)*
            _ => ::core::option::Option::None,
        };
    })
}
