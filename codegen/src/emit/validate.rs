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

use super::facts::{Reads, own_reads};
use super::table;
use super::types::{is_optional, is_typed_string};
use crate::model::{Field, Format, Item, ItemKind, Module, Object, Requirement, Type};

/// `impl Validate for #name`, the struct of `item`. `field_names` are the Rust names of the
/// object's fields.
pub(crate) fn emit(
    module: &Module,
    reads: &Reads,
    item: &Item,
    name: &Ident,
    object: &Object,
    field_names: &[Ident],
) -> TokenStream {
    let exports = exports(module, reads, item, name, object, field_names);
    let mut checks: Vec<TokenStream> = object
        .fields
        .iter()
        .zip(field_names)
        .enumerate()
        .filter_map(|(index, (field, rust_name))| {
            // An amount that reads its currency (`Object::amount_currency`): no Rust type
            // proves the rule between the two fields.
            let reads_currency = object.amount_currency(field).is_some();
            field_check(module, index, field, rust_name, reads_currency)
        })
        .collect();
    let table = table::module_name(item);
    checks.extend(groups_check(object, field_names, &table));
    if checks.is_empty() {
        return quote! {
            impl ::fieldtab::__private::Validate for #name {
                fn validate_into(
                    &self,
                    _path: &::fieldtab::__private::Path<'_>,
                    _report: &mut ::fieldtab::__private::Report,
                ) {}
            }
            #exports
        };
    }
    let fields = match siblings(module, reads, item, object, field_names) {
        Some(facts) => quote! {
            #facts
            let mut fields = Fields::new(&FIELDS, path, report).with_facts(facts);
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
        #exports
    }
}

/// The check of the object's groups, after its fields (docs/SEMANTICS.md §6.1): a member is
/// present when its `Option` is `Some`. `None` when the object has no group.
fn groups_check(object: &Object, field_names: &[Ident], table: &Ident) -> Option<TokenStream> {
    let members = table::group_members(object);
    if members.is_empty() {
        return None;
    }
    let arms = members.iter().map(|&j| {
        let rust_name = &field_names[j];
        let j = Literal::usize_unsuffixed(j);
        quote!(#j => self.#rust_name.is_some(),)
    });
    Some(quote! {
        fields.groups(&#table::GROUPS, |i| match i {
            #(#arms)*
            _ => false,
        });
    })
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

/// The statement checking field `index`, or `None` when its Rust type proves every rule (a
/// field that `reads_currency` always has one left).
fn field_check(
    module: &Module,
    index: usize,
    field: &Field,
    rust_name: &Ident,
    reads_currency: bool,
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
            if proven_by_type(field) && !reads_currency {
                present
            } else {
                Some(quote!(fields.wire(#i, #some);))
            }
        }
        Type::Iso(_) | Type::String => Some(quote!(fields.text(#i, &self.#rust_name);)),
        // An `i64` is within the bounds of every `Integer`: only a range of its own is left.
        Type::Integer if field.range.is_some() => Some(if optional {
            quote!(fields.int(#i, self.#rust_name);)
        } else {
            quote!(fields.int(#i, ::core::option::Option::Some(self.#rust_name));)
        }),
        Type::Number if field.range.is_some() || field.scale.is_some() => {
            Some(quote!(fields.number(#i, #some);))
        }
        Type::Integer | Type::Number | Type::Boolean => present,
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
        Type::Object => present,
        Type::Array(_) | Type::Map(_) => {
            // The count of the field's own collection, before its elements (§2.7).
            let count = field.items.map(|_| {
                let call = match field.ty {
                    Type::Map(_) => quote!(count_entries),
                    _ => quote!(count),
                };
                quote!(fields.#call(#i, value.len());)
            });
            let structs = field.ty.named().is_some_and(|name| {
                module
                    .item(name)
                    .and_then(|item| item.kind.object())
                    .is_some()
            });
            let loops = if structs {
                None
            } else {
                element_loops(module, index, field, &field.ty, &[])
            };
            let nested = structs.then(|| quote!(fields.nested(#i, #some);));
            if count.is_none() && loops.is_none() {
                return nested.or(present);
            }
            let checks = if optional {
                quote! {
                    if let ::core::option::Option::Some(value) = &self.#rust_name {
                        #count
                        #loops
                    }
                }
            } else {
                quote! {
                    let value = &self.#rust_name;
                    #count
                    #loops
                }
            };
            // A collection of structs checks its requirement with its elements (`nested`).
            let present = if structs { None } else { present };
            Some(quote!(#present #checks #nested))
        }
    }
}

/// The loops checking each element (at the bottom of nested arrays and maps) of the
/// collection `value` of type `ty`, whose path is the field's followed by `segments` (one per
/// collection above: `.index(index)`, `.key(key)`); `None` when the element type proves every
/// rule. Elements are values, not fields: no requirement (docs/SEMANTICS.md §2.7).
fn element_loops(
    module: &Module,
    index: usize,
    field: &Field,
    ty: &Type,
    segments: &[TokenStream],
) -> Option<TokenStream> {
    let i = Literal::usize_unsuffixed(index);
    let wire = &field.ident;
    let path = quote!(&path.key(#wire)#(#segments)*);
    let depth = segments.len();
    Some(match ty {
        Type::Array(element) => {
            let counter = index_name(depth);
            let mut inner_segments = segments.to_vec();
            inner_segments.push(quote!(.index(#counter)));
            let inner = element_loops(module, index, field, element, &inner_segments)?;
            quote! {
                for (#counter, value) in value.iter().enumerate() {
                    #inner
                }
            }
        }
        Type::Map(element) => {
            let key = key_name(depth);
            let mut inner_segments = segments.to_vec();
            inner_segments.push(quote!(.key(#key)));
            let inner = element_loops(module, index, field, element, &inner_segments)?;
            quote! {
                for (#key, value) in value {
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
        Type::Integer if field.range.is_some() => {
            quote!(fields.int_element(#i, *value, #path);)
        }
        Type::Number if field.range.is_some() || field.scale.is_some() => {
            quote!(fields.number_element(#i, value, #path);)
        }
        Type::Integer | Type::Number | Type::Boolean | Type::Object => return None,
    })
}

/// The key of the loop over the maps `depth` levels down: `key`, `key_1`, …
fn key_name(depth: usize) -> Ident {
    match depth {
        0 => format_ident!("key"),
        depth => format_ident!("key_{depth}"),
    }
}

/// The counter of the loop over the arrays `depth` levels down: `index`, `index_1`, …
fn index_name(depth: usize) -> Ident {
    match depth {
        0 => format_ident!("index"),
        depth => format_ident!("index_{depth}"),
    }
}

/// The fact of `field` (the Rust field `rust_name` of `self`) that a condition reads
/// (docs/SEMANTICS.md §3), as an expression of type `plan::Fact<'_>`, with the locals it needs
/// (`text_3`, a typed value's wire text, rendered once).
fn field_fact(
    module: &Module,
    index: usize,
    field: &Field,
    rust_name: &Ident,
) -> (TokenStream, TokenStream) {
    let fact = quote!(::fieldtab::__private::plan::Fact);
    let optional = is_optional(field);
    let mut locals = TokenStream::new();
    let expr = match &field.ty {
        // A typed value's wire text.
        Type::Iso(_) | Type::String if is_typed_string(field) => {
            let local = format_ident!("text_{}", index);
            if optional {
                locals.extend(quote! {
                    let #local = self.#rust_name
                        .as_ref()
                        .map(::fieldtab::__private::ToWireStr::to_wire_str);
                });
                quote!(#fact::from(#local.as_deref()))
            } else {
                locals.extend(quote! {
                    let #local = ::fieldtab::__private::ToWireStr::to_wire_str(&self.#rust_name);
                });
                quote!(#fact::Str(&#local))
            }
        }
        Type::Iso(_) | Type::String if optional => quote!(#fact::from(self.#rust_name.as_deref())),
        Type::Iso(_) | Type::String => quote!(#fact::Str(self.#rust_name.as_str())),
        Type::Named(name) if module.enum_named(name).is_some() => {
            if optional {
                quote!(#fact::from(self.#rust_name.as_ref().map(|value| value.as_str())))
            } else {
                quote!(#fact::Str(self.#rust_name.as_str()))
            }
        }
        Type::Integer | Type::Boolean => quote!(#fact::from(self.#rust_name)),
        // An object or an array: only its presence is tested.
        _ if optional => quote! {
            if self.#rust_name.is_some() { #fact::Other } else { #fact::Absent }
        },
        _ => quote!(#fact::Other),
    };
    (locals, expr)
}

/// The fact at `steps` of `self` (see [`field_fact`]): of a field, or exported by the object a
/// field holds.
fn fact_at(
    module: &Module,
    reads: &Reads,
    object: &Object,
    field_names: &[Ident],
    steps: &[String],
) -> (TokenStream, TokenStream) {
    let Some(index) = object
        .fields
        .iter()
        .position(|f| Some(&f.ident) == steps.first())
    else {
        return (
            TokenStream::new(),
            quote!(::fieldtab::__private::plan::Fact::Absent),
        );
    };
    let (field, rust_name) = (&object.fields[index], &field_names[index]);
    if steps.len() == 1 {
        return field_fact(module, index, field, rust_name);
    }
    let at = field
        .ty
        .named()
        .and_then(|name| reads.export_index(name, &steps[1..]));
    let expr = match at {
        Some(at) => {
            let at = Literal::usize_unsuffixed(at);
            quote!(::fieldtab::__private::plan::Exports::export(&self.#rust_name, #at))
        }
        None => quote!(::fieldtab::__private::plan::Fact::Absent),
    };
    (TokenStream::new(), expr)
}

/// What the object's conditions read (`facts`): its own facts by their number, and — when
/// conditions of objects under it read it with `super.` — its facts by their steps
/// (`FactsWith`), with the locals they need; `None` when nothing reads it.
fn siblings(
    module: &Module,
    reads: &Reads,
    item: &Item,
    object: &Object,
    field_names: &[Ident],
) -> Option<TokenStream> {
    let own = own_reads(object);
    let asked = reads.asked(&item.name);
    if own.is_empty() && asked.is_empty() {
        return None;
    }
    let plan = quote!(::fieldtab::__private::plan);
    let mut locals = TokenStream::new();
    let own_facts = if own.is_empty() {
        quote!(#plan::no_siblings)
    } else {
        let arms: Vec<TokenStream> = own
            .iter()
            .map(|(at, steps)| {
                let (local, expr) = fact_at(module, reads, object, field_names, steps);
                locals.extend(local);
                let at = Literal::usize_unsuffixed(*at);
                quote!(#at => #expr,)
            })
            .collect();
        quote! {
            |i: usize| match i {
                #(#arms)*
                _ => #plan::Fact::Absent,
            }
        }
    };
    if asked.is_empty() {
        return Some(quote! {
            #locals
            let facts = #own_facts;
        });
    }
    let arms: Vec<TokenStream> = asked
        .iter()
        .map(|steps| {
            let (local, expr) = fact_at(module, reads, object, field_names, steps);
            locals.extend(local);
            quote!([#(#steps),*] => #expr,)
        })
        .collect();
    Some(quote! {
        #locals
        let facts = #plan::FactsWith(
            #own_facts,
            |steps: &[&str]| match steps {
                #(#arms)*
                _ => #plan::Fact::Absent,
            },
        );
    })
}

/// `impl plan::Exports` for a struct whose values conditions of other objects read: each
/// export by its number, a string as one of the values they compare it with.
fn exports(
    module: &Module,
    reads: &Reads,
    item: &Item,
    name: &Ident,
    object: &Object,
    field_names: &[Ident],
) -> TokenStream {
    let exports = reads.exports(&item.name);
    if exports.is_empty() {
        return TokenStream::new();
    }
    let arms = exports.iter().enumerate().map(|(at, export)| {
        let (locals, expr) = fact_at(module, reads, object, field_names, &export.steps);
        let string = export.steps.len() == 1
            && object
                .fields
                .iter()
                .find(|f| f.ident == export.steps[0])
                .is_some_and(|f| {
                    matches!(f.ty, Type::Iso(_) | Type::String)
                        || f.ty.named().is_some_and(|n| module.enum_named(n).is_some())
                });
        let expr = if string {
            let known = &export.known;
            quote!(#expr.known(&[#(#known),*]))
        } else {
            expr
        };
        let at = Literal::usize_unsuffixed(at);
        quote!(#at => { #locals #expr })
    });
    quote! {
        impl ::fieldtab::__private::plan::Exports for #name {
            fn export(&self, at: usize) -> ::fieldtab::__private::plan::Fact<'static> {
                match at {
                    #(#arms)*
                    _ => ::fieldtab::__private::plan::Fact::Absent,
                }
            }
        }
    }
}
