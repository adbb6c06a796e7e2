//! The one-pass decoder of each item: `Decode` and `Deserialize` for messages and structs,
//! `WireEnum` and `Deserialize` for enums.
//!
//! The emitted `decode_object` is a map visitor in two phases (see `fieldtab_runtime`'s
//! `Decode`): it reads every member into a slot, matching keys by length then bytes, and then
//! checks the fields in table order, so violations come out in schema order whatever the input
//! order, and a condition can look at a sibling that comes later in the input. It is generic over
//! `BUILD` (keep values, or only validate) and `FAST` (raw-bytes reading of ISO strings), so the
//! same code is `from_json` and `validate_json`.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

mod facts;

use super::facts::{Reads, own_reads};
use super::types::type_tokens;
use crate::model::{Field, Item, ItemKind, Module, Object, Requirement, Type};
use crate::names;
use facts::{export, kept_facts, siblings};

/// The decoder of one item: for a message or struct its `Decode` and `Deserialize` impls, for an
/// enum its `WireEnum` and `Deserialize` impls. `reads` says what conditions read across
/// objects.
pub(crate) fn emit(module: &Module, reads: &Reads, item: &Item) -> TokenStream {
    match &item.kind {
        ItemKind::Message(object) | ItemKind::Struct(object) => {
            emit_object(module, reads, item, object)
        }
        ItemKind::Enum(enumeration) => emit_enum(item, enumeration),
    }
}

/// How a field is read in the first phase.
enum Kind {
    /// A JSON string of an ISO code or `String` (typed or not): a `StrValue` slot, read with
    /// the charset of its rules.
    Str,
    /// A value of a named enum: a `StrValue` slot.
    Enum {
        /// The enum's Rust type.
        ty: Ident,
    },
    /// Anything decoded in place (objects, arrays, integers, booleans): a `Slot`.
    Elem {
        /// The element-kind expression.
        kind: TokenStream,
    },
}

/// Whether `name` names an enum item of the module.
fn is_enum(module: &Module, name: &str) -> bool {
    module.enum_named(name).is_some()
}

/// The element-kind expression of a value of type `ty` (the field's type, or an element type) of
/// the field whose plan is `__fields[index]`; `outer`: `ty` is the field's own type, whose
/// array is counted by the plan's `items` (an inner array is not).
fn elem_kind(
    module: &Module,
    field: &Field,
    ty: &Type,
    index: &Literal,
    outer: bool,
) -> TokenStream {
    let plan = quote!(&__fields[#index]);
    match ty {
        Type::Iso(_) | Type::String => {
            let target = type_tokens(ty, field.format.as_ref());
            quote!(__d::StrElem::<#target>::new(#plan))
        }
        // Numbers are read with their text and checked where they are read (docs/SEMANTICS.md
        // §2.8); a Boolean only needs its plan when it accepts strings.
        Type::Integer => quote!(__d::ScalarElem::<i64>::new(#plan)),
        Type::Number => {
            let target = type_tokens(ty, None);
            quote!(__d::ScalarElem::<#target>::new(#plan))
        }
        Type::Boolean if field.accepts.string => quote!(__d::ScalarElem::<bool>::new(#plan)),
        Type::Boolean => quote!(__d::BoolElem),
        Type::Named(name) => {
            let target = names::type_name(name);
            if is_enum(module, name) {
                quote!(__d::EnumElem::<#target>::new(#plan))
            } else {
                quote!(__d::ObjElem::<#target>::new())
            }
        }
        Type::Array(element) => {
            let inner = elem_kind(module, field, element, index, false);
            let items = if outer {
                quote!(__fields[#index].items)
            } else {
                quote!(::core::option::Option::None)
            };
            quote!(__d::ArrayElem(#inner, #items))
        }
        Type::Map(value) => {
            let inner = elem_kind(module, field, value, index, false);
            let items = if outer {
                quote!(__fields[#index].items)
            } else {
                quote!(::core::option::Option::None)
            };
            quote!(__d::MapElem(#inner, #items))
        }
        Type::Object => quote!(__d::ObjectElem),
    }
}

/// One field as the decoder handles it.
struct Member<'a> {
    field: &'a Field,
    /// Its index in the table (`__fields[index]` is its plan).
    index: Literal,
    /// The Rust field of the struct.
    rust: &'a Ident,
    /// The local holding what was read (`__v3`).
    slot: Ident,
    /// The local holding the checked value (`__f3`).
    value: Ident,
    /// How it is read.
    kind: Kind,
    /// For an object field that conditions read into: the local holding the facts its value
    /// exports (`__n3`).
    facts: Option<Ident>,
}

impl<'a> Member<'a> {
    /// Field `index` of the object; `exporting`: whether conditions read into its value (an
    /// object), so its facts are kept.
    fn new(
        module: &Module,
        index: usize,
        field: &'a Field,
        rust: &'a Ident,
        exporting: bool,
    ) -> Member<'a> {
        let index_literal = Literal::usize_unsuffixed(index);
        let facts = exporting.then(|| format_ident!("__n{}", index));
        let kind = match (&field.ty, &facts) {
            (Type::Iso(_) | Type::String, _) => Kind::Str,
            (Type::Named(name), _) if is_enum(module, name) => Kind::Enum {
                ty: names::type_name(name),
            },
            (Type::Named(name), Some(facts)) => {
                let target = names::type_name(name);
                Kind::Elem {
                    kind: quote!(__d::ObjElem::<#target>::exporting(&#facts)),
                }
            }
            (ty, _) => Kind::Elem {
                kind: elem_kind(module, field, ty, &index_literal, true),
            },
        };
        Member {
            field,
            index: index_literal,
            rust,
            slot: format_ident!("__v{}", index),
            value: format_ident!("__f{}", index),
            kind,
            facts,
        }
    }

    /// The local holding the fact of a field decoded in place (`__g3`), taken before the
    /// second phase consumes its slot.
    fn kept_fact(&self) -> Ident {
        format_ident!("__g{}", self.index.to_string())
    }

    /// Whether the slot is a `StrValue` (read by the `__seed` of its plan).
    fn is_str(&self) -> bool {
        matches!(self.kind, Kind::Str | Kind::Enum { .. })
    }

    /// `let mut __v3 = …;` (and the cells of the facts its value exports).
    fn slot_init(&self, reads: &Reads) -> TokenStream {
        let slot = &self.slot;
        let facts = match (&self.facts, self.field.ty.named()) {
            (Some(facts), Some(name)) => {
                let n = Literal::usize_unsuffixed(reads.exports(name).len());
                quote!(let #facts = __d::facts::<#n>();)
            }
            _ => TokenStream::new(),
        };
        if self.is_str() {
            quote!(#facts let mut #slot = __d::StrValue::Absent;)
        } else {
            quote!(#facts let mut #slot = __d::Slot::Absent;)
        }
    }

    /// The match arm reading the member's value into its slot (first occurrence only).
    fn read_arm(&self) -> TokenStream {
        let (index, slot, ident) = (&self.index, &self.slot, &self.field.ident);
        let read = match &self.kind {
            // A string field that accepts numbers or Booleans reads them with their text.
            Kind::Str if self.field.accepts.number || self.field.accepts.boolean => {
                quote!(#slot = __map.next_value_seed(__d::ScalarSeed::<__M>)?,)
            }
            // A string's charset (none for an enum's value) is checked as it is read.
            Kind::Str | Kind::Enum { .. } => {
                quote!(#slot = __map.next_value_seed(__seed(#index))?,)
            }
            Kind::Elem { kind } => quote!({
                let __p = __path.key(#ident);
                #slot = __map.next_value_seed(
                    __d::FieldSeed::<_, __M>::new(#kind, &__p),
                )?;
            }),
        };
        quote!(#index if #slot.is_absent() => #read)
    }

    /// The key arm: the member's wire identifier by length, then bytes.
    fn key_arm(&self) -> TokenStream {
        let ident = &self.field.ident;
        let len = Literal::usize_unsuffixed(ident.len());
        let bytes = Literal::byte_string(ident.as_bytes());
        let index = &self.index;
        quote!(#len if __b == #bytes => #index,)
    }

    /// The second phase for this field: its plan's check, then its duplicate keys, by one
    /// call of the object's `Checks` (`__c`).
    fn check(&self) -> TokenStream {
        let (index, slot, value) = (&self.index, &self.slot, &self.value);
        // The value's type is the struct field's, inferred from `Self { .. }` below.
        match &self.kind {
            Kind::Str => quote!(let #value = __c.str(&#slot, #index);),
            Kind::Enum { ty } => quote!(let #value = __c.enumeration::<#ty>(&#slot, #index);),
            Kind::Elem { .. } => quote!(let #value = __c.elem(#slot, #index);),
        }
    }

    /// The member of `Self { .. }`: each `__f` is `None` when a rule failed, `Some(None)` for
    /// an absent optional value, so mandatory fields take `??`, optional ones `?` (in a closure
    /// that gives `None` on failure).
    fn init(&self) -> TokenStream {
        let (rust, value) = (self.rust, &self.value);
        if matches!(self.field.requirement, Requirement::Mandatory) {
            quote!(#rust: #value??,)
        } else {
            quote!(#rust: #value?,)
        }
    }
}

/// The decoder's part of the object's groups (docs/SEMANTICS.md §6.1): which members hold a
/// value, read before the checks take the slots (`let __h2 = __v2.is_present();`), and the
/// groups' check after the fields, which ends the decoding without a value when it fails.
/// Nothing when the object has no group.
fn groups(object: &Object, members: &[Member<'_>], table: &Ident) -> (TokenStream, TokenStream) {
    let named = super::table::group_members(object);
    if named.is_empty() {
        return (TokenStream::new(), TokenStream::new());
    }
    let flag = |j: usize| format_ident!("__h{}", j);
    let presence = named.iter().map(|&j| {
        let (flag, slot) = (flag(j), &members[j].slot);
        quote!(let #flag = #slot.is_present();)
    });
    let arms = named.iter().map(|&j| {
        let (index, flag) = (&members[j].index, flag(j));
        quote!(#index => #flag,)
    });
    let presence = quote!(#(#presence)*);
    let check = quote! {
        let __present = |__i: usize| match __i {
            #(#arms)*
            _ => false,
        };
        if !__d::check_groups(&#table::GROUPS, __present, __path, __report) {
            __x.finish(__report);
            return ::core::result::Result::Ok(::core::option::Option::None);
        }
    };
    (presence, check)
}

fn emit_object(module: &Module, reads: &Reads, item: &Item, object: &Object) -> TokenStream {
    let name = names::type_name(&item.name);
    let table = super::table::module_name(item);
    let d = quote!(::fieldtab::__private::__decode);
    let some = quote!(::core::option::Option::Some);
    let rust_names = names::field_names(&item.name, &object.fields);
    // Every path of this object whose fact the decoder needs: for its own conditions, for the
    // object holding it (exports), for the objects under it (`super.`).
    let own = own_reads(object);
    let exports = reads.exports(&item.name);
    let paths: Vec<&[String]> = own
        .iter()
        .map(|(_, steps)| steps.as_slice())
        .chain(exports.iter().map(|e| e.steps.as_slice()))
        .chain(reads.asked(&item.name).iter().map(Vec::as_slice))
        .collect();
    let members: Vec<Member<'_>> = object
        .fields
        .iter()
        .zip(&rust_names)
        .enumerate()
        .map(|(index, (field, rust))| {
            let exporting = paths
                .iter()
                .any(|p| p.len() > 1 && p[0] == field.ident && field.ty.depth() == 0);
            Member::new(module, index, field, rust, exporting)
        })
        .collect();

    let slot_inits = members.iter().map(|m| m.slot_init(reads));
    let key_arms = members.iter().map(Member::key_arm);
    let read_arms = members.iter().map(Member::read_arm);
    let kept = kept_facts(&members, &paths);
    let export = export(reads, item, &members);
    let siblings = siblings(reads, item, object, &members);
    let checks = members.iter().map(Member::check);
    let inits = members.iter().map(Member::init);
    let (presence, groups) = groups(object, &members, &table);
    let scan = super::scan::decode_const(module, item, object);
    // The seed reading a string field's value with the charset of its plan.
    let seed = if members.iter().any(Member::is_str) {
        quote! {
            let __seed = |__i: usize| __d::StrSeed::<__M> {
                charset: __fields[__i].rules.charset,
            };
        }
    } else {
        TokenStream::new()
    };
    let deny = if object.deny_unknown {
        quote!(true)
    } else {
        quote!(__d::deny(__M))
    };

    // An object that exports facts decodes in `decode_exporting`, which sets them.
    let signature = if exports.is_empty() {
        quote! {
            fn decode_object<'de, __A, const __M: u8>(
                mut __map: __A,
                __path: &::fieldtab::__private::Path<'_>,
                __report: &mut ::fieldtab::__private::Report,
            ) -> ::core::result::Result<::core::option::Option<Self>, __A::Error>
            where
                __A: ::fieldtab::__private::serde::de::MapAccess<'de>,
        }
    } else {
        quote! {
            fn decode_object<'de, __A, const __M: u8>(
                __map: __A,
                __path: &::fieldtab::__private::Path<'_>,
                __report: &mut ::fieldtab::__private::Report,
            ) -> ::core::result::Result<::core::option::Option<Self>, __A::Error>
            where
                __A: ::fieldtab::__private::serde::de::MapAccess<'de>,
            {
                Self::decode_exporting::<__A, __M>(__map, __path, __report, &[])
            }

            fn decode_exporting<'de, __A, const __M: u8>(
                mut __map: __A,
                __path: &::fieldtab::__private::Path<'_>,
                __report: &mut ::fieldtab::__private::Report,
                __facts: &[#d::Cell<#d::Fact<'static>>],
            ) -> ::core::result::Result<::core::option::Option<Self>, __A::Error>
            where
                __A: ::fieldtab::__private::serde::de::MapAccess<'de>,
        }
    };

    quote! {
        #[automatically_derived]
        #[allow(clippy::all, clippy::pedantic, clippy::nursery, non_snake_case, unused_mut)]
        impl #d::Decode for #name {
            #scan
            #signature
            {
                use ::fieldtab::__private::__decode as __d;
                let __fields = &#table::FIELDS;
                #seed
                #(#slot_inits)*
                let mut __x = __d::Extras::new();
                while let #some(__k) = __map.next_key_seed(__d::KeySeed::<__M>)? {
                    let __b = __k.as_bytes();
                    let __i: u32 = match __b.len() {
                        #(#key_arms)*
                        _ => u32::MAX,
                    };
                    match __i {
                        #(#read_arms)*
                        u32::MAX => {
                            __x.unknown::<__A::Error>(__k, #deny, __path)?;
                            __map.next_value_seed(__d::Skip)?;
                        }
                        _ => {
                            __x.repeat(__i);
                            __map.next_value_seed(__d::Skip)?;
                        }
                    }
                }
                #kept
                #export
                #siblings
                #presence
                let mut __c = __d::Checks::<_, __M>::new(__fields, &__s, __path, __report, &__x);
                #(#checks)*
                #groups
                __x.finish(__report);
                if !__d::build(__M) {
                    return ::core::result::Result::Ok(::core::option::Option::None);
                }
                ::core::result::Result::Ok((|| #some(Self { #(#inits)* }))())
            }
        }

        #[automatically_derived]
        impl<'de> ::fieldtab::__private::serde::Deserialize<'de> for #name {
            fn deserialize<__D>(__deserializer: __D) -> ::core::result::Result<Self, __D::Error>
            where
                __D: ::fieldtab::__private::serde::Deserializer<'de>,
            {
                #d::deserialize::<Self, __D>(__deserializer)
            }
        }
    }
}

fn emit_enum(item: &Item, enumeration: &crate::model::Enum) -> TokenStream {
    let name = names::type_name(&item.name);
    let d = quote!(::fieldtab::__private::__decode);
    let some = quote!(::core::option::Option::Some);
    let (variants, wire) = names::enum_variants(enumeration);
    let open = enumeration.open;
    let fallback = if open {
        let other = names::other_variant();
        quote!(_ => #some(Self::#other(::std::string::ToString::to_string(__value))),)
    } else {
        quote!(_ => ::core::option::Option::None,)
    };
    quote! {
        #[automatically_derived]
        #[allow(clippy::all, clippy::pedantic, clippy::nursery)]
        impl #d::WireEnum for #name {
            const RULE: ::fieldtab::__private::plan::EnumRule<'static> =
                ::fieldtab::__private::plan::EnumRule { values: &[#(#wire),*], open: #open };

            fn from_wire(__value: &str) -> ::core::option::Option<Self> {
                match __value {
                    #(#wire => #some(Self::#variants),)*
                    #fallback
                }
            }
        }

        #[automatically_derived]
        impl<'de> ::fieldtab::__private::serde::Deserialize<'de> for #name {
            fn deserialize<__D>(__deserializer: __D) -> ::core::result::Result<Self, __D::Error>
            where
                __D: ::fieldtab::__private::serde::Deserializer<'de>,
            {
                #d::deserialize_enum::<Self, __D>(__deserializer)
            }
        }
    }
}

#[cfg(test)]
mod tests;
