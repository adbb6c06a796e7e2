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

use super::types::{ShortNames, enum_rules, format_tokens, str_rules_short, type_tokens};
use crate::model::{Condition, Field, Item, ItemKind, Module, Object, Requirement, Type};
use crate::names;

/// The decoder of one item: for a message or struct its `Decode` and `Deserialize` impls, for an
/// enum its `WireEnum` and `Deserialize` impls.
pub(crate) fn emit(module: &Module, item: &Item) -> TokenStream {
    match &item.kind {
        ItemKind::Message(object) | ItemKind::Struct(object) => emit_object(module, item, object),
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
    matches!(
        module.item(name).map(|item| &item.kind),
        Some(ItemKind::Enum(_))
    )
}

/// The rules `const` of a field, if its values are strings (ISO, `String`, enum), with the short
/// names recorded in `names` (the constants live in a module that imports them).
fn rules_of(module: &Module, field: &Field, names: &mut ShortNames) -> Option<TokenStream> {
    match field.ty.element() {
        Type::Iso(_) | Type::String => str_rules_short(field, true, names),
        Type::Named(name) if is_enum(module, name) => Some(enum_rules(field)),
        _ => None,
    }
}

/// The element-kind expression of a value of type `ty` (the field's type, or an element type).
fn elem_kind(module: &Module, field: &Field, ty: &Type, rules: &Ident) -> TokenStream {
    match ty {
        Type::Iso(_) | Type::String => {
            let target = type_tokens(ty, field.format.as_ref());
            quote!(__d::StrElem::<#target>::new(&#rules))
        }
        Type::Integer => quote!(__d::IntElem),
        Type::Boolean => quote!(__d::BoolElem),
        Type::Named(name) => {
            let target = names::type_name(name);
            if is_enum(module, name) {
                quote!(__d::EnumElem::<#target>::new(&#rules))
            } else {
                quote!(__d::ObjElem::<#target>::new())
            }
        }
        Type::Array(element) => {
            let inner = elem_kind(module, field, element, rules);
            quote!(__d::ArrayElem(#inner))
        }
    }
}

fn kind_of(module: &Module, field: &Field, rules: &Ident) -> Kind {
    match &field.ty {
        Type::Iso(_) | Type::String => Kind::Str,
        Type::Named(name) if is_enum(module, name) => Kind::Enum {
            ty: names::type_name(name),
        },
        ty => Kind::Elem {
            kind: elem_kind(module, field, ty, rules),
        },
    }
}

fn emit_object(module: &Module, item: &Item, object: &Object) -> TokenStream {
    let name = names::type_name(&item.name);
    let d = quote!(::fieldtab::__private::__decode);
    let some = quote!(::core::option::Option::Some);
    let fields = &object.fields;
    let rust_names = names::field_names(fields);

    let rule_names: Vec<Ident> = (0..fields.len())
        .map(|i| format_ident!("__R{}", i))
        .collect();
    let slots: Vec<Ident> = (0..fields.len())
        .map(|i| format_ident!("__v{}", i))
        .collect();
    let values: Vec<Ident> = (0..fields.len())
        .map(|i| format_ident!("__f{}", i))
        .collect();
    let kinds: Vec<Kind> = fields
        .iter()
        .zip(&rule_names)
        .map(|(field, rules)| kind_of(module, field, rules))
        .collect();

    let mut consts = Vec::new();
    let mut short_names = ShortNames::default();
    let mut slot_inits = Vec::new();
    let mut arms = Vec::new();
    for (i, field) in fields.iter().enumerate() {
        let (rules, slot) = (&rule_names[i], &slots[i]);
        if let Some(tokens) = rules_of(module, field, &mut short_names) {
            let ty = short_names.str_rules_type();
            consts.push(quote!(pub(super) const #rules: #ty<'static> = #tokens;));
        }
        let index = Literal::u32_unsuffixed(i as u32);
        let ident = &field.ident;
        // A string's charset (none for an enum's value) is checked as it is read.
        let (init, read) = match &kinds[i] {
            Kind::Str | Kind::Enum { .. } => (
                quote!(__d::StrValue::Absent),
                quote!(#slot = __map.next_value_seed(__seed(&#rules))?,),
            ),
            Kind::Elem { kind } => (
                quote!(__d::Slot::Absent),
                quote!({
                    let __p = __path.key(#ident);
                    #slot = __map.next_value_seed(
                        __d::FieldSeed::<_, __M>::new(#kind, &__p),
                    )?;
                }),
            ),
        };
        slot_inits.push(quote!(let mut #slot = #init;));
        arms.push(quote!(#index if #slot.is_absent() => #read));
    }

    // Keys by length, then bytes.
    let key_arms = fields.iter().enumerate().map(|(i, field)| {
        let len = Literal::usize_unsuffixed(field.ident.len());
        let bytes = Literal::byte_string(field.ident.as_bytes());
        let index = Literal::u32_unsuffixed(i as u32);
        quote!(#len if __b == #bytes => #index,)
    });

    // Conditions, before any slot is consumed: whether the sibling's slot holds one of the
    // values (an absent, `null` or non-string sibling holds none).
    let index_of: std::collections::HashMap<&str, usize> = fields
        .iter()
        .enumerate()
        .map(|(i, f)| (f.ident.as_str(), i))
        .collect();
    let condition_test = |condition: &Condition| match index_of.get(condition.sibling.as_str()) {
        Some(&j) if !matches!(kinds[j], Kind::Elem { .. }) && !condition.values.is_empty() => {
            let slot = &slots[j];
            let values = &condition.values;
            quote!(::core::matches!(#slot.as_str(), #some(#(#values)|*)))
        }
        _ => quote!(false),
    };
    let mut conditions = Vec::new();
    let required: Vec<TokenStream> = fields
        .iter()
        .enumerate()
        .map(|(i, field)| match &field.requirement {
            Requirement::Mandatory => quote!(true),
            Requirement::Optional => quote!(false),
            Requirement::Conditional(condition) => {
                let q = format_ident!("__q{}", i);
                let test = condition_test(condition);
                conditions.push(quote!(let #q: bool = #test;));
                quote!(#q)
            }
        })
        .collect();

    // Conditional formats (point 4b): each one whose condition holds is checked on the string,
    // before any slot is consumed; its violation is pushed after the field's other rules.
    let mut format_checks = Vec::new();
    let conditional_formats: Vec<Vec<Ident>> = fields
        .iter()
        .enumerate()
        .map(|(i, field)| {
            if !matches!(kinds[i], Kind::Str) {
                return Vec::new();
            }
            let (slot, rules, req) = (&slots[i], &rule_names[i], &required[i]);
            field
                .format_when
                .iter()
                .enumerate()
                .map(|(j, conditional)| {
                    let c = format_ident!("__c{}_{}", i, j);
                    let test = condition_test(&conditional.when);
                    let format = format_tokens(&conditional.format);
                    format_checks.push(quote! {
                        let #c = if #test {
                            #slot.as_str().and_then(|__s| {
                                #rules.conditional_format_error(&#format, __s, #req)
                            })
                        } else {
                            ::core::option::Option::None
                        };
                    });
                    c
                })
                .collect()
        })
        .collect();

    let checks = fields.iter().enumerate().map(|(i, field)| {
        let (slot, value, rules, req) = (&slots[i], &values[i], &rule_names[i], &required[i]);
        let ident = &field.ident;
        let index = Literal::u32_unsuffixed(i as u32);
        let pushes = conditional_formats[i].iter().map(|c| {
            quote! {
                if let #some(__e) = #c {
                    __report.push(&__p, __e);
                    #value = ::core::option::Option::None;
                }
            }
        });
        let binding = if conditional_formats[i].is_empty() {
            quote!(let #value)
        } else {
            quote!(let mut #value)
        };
        let finish = match &kinds[i] {
            // The value's type is the struct field's, inferred from `Self { .. }` below.
            Kind::Str => quote!(#slot.finish::<_, __M>(&#rules, #req, &__p, __report)),
            Kind::Enum { ty } => {
                quote!(#slot.finish_enum::<#ty, __M>(&#rules, #req, &__p, __report))
            }
            Kind::Elem { .. } => quote!(#slot.finish(#req, &__p, __report)),
        };
        quote! {
            let __p = __path.key(#ident);
            #binding = #finish;
            #(#pushes)*
            __x.repeats(#index, &__p, __report);
        }
    });

    // Each `__f` is `None` when a rule failed, `Some(None)` for an absent optional value:
    // mandatory fields take `??`, optional ones `?`, in a closure that gives `None` on failure.
    let inits = fields
        .iter()
        .zip(rust_names.iter().zip(&values))
        .map(|(field, (rust, value))| {
            if matches!(field.requirement, Requirement::Mandatory) {
                quote!(#rust: #value??,)
            } else {
                quote!(#rust: #value?,)
            }
        });
    // The fields' rules, with the short names they use imported in a module of their own (so
    // the imports cannot shadow a schema item named like them in the body), read like the
    // schema's rows.
    let rules_module = if consts.is_empty() {
        TokenStream::new()
    } else {
        let uses = short_names.uses();
        quote! {
            mod __rules {
                #uses
                #(#consts)*
            }
            use __rules::*;
        }
    };
    // The seed reading a string field's value with the charset of its rules.
    let seed = if kinds
        .iter()
        .any(|kind| matches!(kind, Kind::Str | Kind::Enum { .. }))
    {
        quote! {
            let __seed = |__r: &::fieldtab::__private::StrRules<'_>| __d::StrSeed::<__M> {
                charset: __r.charset,
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

    quote! {
        #[automatically_derived]
        #[allow(clippy::all, clippy::pedantic, clippy::nursery, non_snake_case, unused_mut)]
        impl #d::Decode for #name {
            fn decode_object<'de, __A, const __M: u8>(
                mut __map: __A,
                __path: &::fieldtab::__private::Path<'_>,
                __report: &mut ::fieldtab::__private::Report,
            ) -> ::core::result::Result<::core::option::Option<Self>, __A::Error>
            where
                __A: ::fieldtab::__private::serde::de::MapAccess<'de>,
            {
                use ::fieldtab::__private::__decode as __d;
                #rules_module
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
                        #(#arms)*
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
                #(#conditions)*
                #(#format_checks)*
                #(#checks)*
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
    let (fallback, accepts) = if enumeration.open {
        let other = names::other_variant();
        (
            quote!(_ => #some(Self::#other(::std::string::ToString::to_string(__value))),),
            quote!(true),
        )
    } else if wire.is_empty() {
        (quote!(_ => ::core::option::Option::None,), quote!(false))
    } else {
        (
            quote!(_ => ::core::option::Option::None,),
            quote!(::core::matches!(__value, #(#wire)|*)),
        )
    };
    quote! {
        #[automatically_derived]
        #[allow(clippy::all, clippy::pedantic, clippy::nursery)]
        impl #d::WireEnum for #name {
            const VALUES: &'static [&'static str] = &[#(#wire),*];

            fn from_wire(__value: &str) -> ::core::option::Option<Self> {
                match __value {
                    #(#wire => #some(Self::#variants),)*
                    #fallback
                }
            }

            fn accepts(__value: &str) -> bool {
                #accepts
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
mod tests {
    use super::*;
    use crate::model::{Charset, Enum, EnumValue, Length};

    fn field(ident: &str, ty: Type, requirement: Requirement) -> Field {
        Field {
            length: Some(Length::max_only(14)),
            ..Field::new(ident, ty, requirement)
        }
    }

    fn module() -> Module {
        let kind = Item {
            name: "Kind".into(),
            doc: String::new(),
            kind: ItemKind::Enum(Enum {
                values: vec![
                    EnumValue {
                        value: "A".into(),
                        doc: String::new(),
                    },
                    EnumValue {
                        value: "REDUCE_BY".into(),
                        doc: String::new(),
                    },
                ],
                open: false,
            }),
        };
        let inner = Item {
            name: "Inner".into(),
            doc: String::new(),
            kind: ItemKind::Struct(Object {
                fields: vec![field("type", Type::Iso(Charset::N), Requirement::Mandatory)],
                deny_unknown: true,
            }),
        };
        let msg = Item {
            name: "Result".into(),
            doc: String::new(),
            kind: ItemKind::Message(Object {
                fields: vec![
                    field("kind", Type::Named("Kind".into()), Requirement::Mandatory),
                    field(
                        "when",
                        Type::String,
                        Requirement::Conditional(Condition {
                            sibling: "kind".into(),
                            values: vec!["A".into()],
                        }),
                    ),
                    field(
                        "inners",
                        Type::Array(Box::new(Type::Named("Inner".into()))),
                        Requirement::Optional,
                    ),
                    field("count", Type::Integer, Requirement::Optional),
                ],
                deny_unknown: false,
            }),
        };
        Module {
            title: None,
            doc: String::new(),
            items: vec![kind, inner, msg],
        }
    }

    /// The code, checked to parse, with every whitespace removed (so tests do not depend on
    /// prettyplease's line breaks).
    fn text(tokens: TokenStream) -> String {
        let file: syn::File = syn::parse2(tokens).unwrap_or_else(|e| panic!("does not parse: {e}"));
        squash(&prettyplease::unparse(&file))
    }

    fn squash(code: &str) -> String {
        code.chars().filter(|c| !c.is_whitespace()).collect()
    }

    #[test]
    fn emits_parseable_code_for_every_item() {
        let module = module();
        for item in &module.items {
            text(emit(&module, item));
        }
    }

    #[test]
    fn keys_match_by_length_then_bytes() {
        let module = module();
        let code = text(emit(&module, &module.items[2]));
        assert!(
            code.contains(&squash(r#"4 if __b == b"kind" => 0"#)),
            "{code}"
        );
        assert!(
            code.contains(&squash(r#"6 if __b == b"inners" => 2"#)),
            "{code}"
        );
        assert!(code.contains(&squash(
            "impl ::fieldtab::__private::__decode::Decode for Result"
        )));
        assert!(code.contains(&squash("__decode::deserialize::<Self, __D>")));
    }

    #[test]
    fn conditions_read_the_sibling_slot() {
        let module = module();
        let code = text(emit(&module, &module.items[2]));
        assert!(
            code.contains(&squash(r#"let __q1: bool = ::core::matches!(__v0.as_str(), ::core::option::Option::Some("A"));"#)),
            "{code}"
        );
        assert!(code.contains(&squash("finish_enum::<Kind, __M>")), "{code}");
        assert!(
            code.contains(&squash("__d::ArrayElem(__d::ObjElem::<Inner>::new()")),
            "{code}"
        );
    }

    #[test]
    fn enums_know_their_values() {
        let module = module();
        let code = text(emit(&module, &module.items[0]));
        assert!(
            code.contains(&squash(
                r#""REDUCE_BY" => ::core::option::Option::Some(Self::ReduceBy)"#
            )),
            "{code}"
        );
        assert!(
            code.contains(&squash(r#"::core::matches!(__value, "A" | "REDUCE_BY")"#)),
            "{code}"
        );
    }

    #[test]
    fn deny_unknown_is_passed_on() {
        let module = module();
        let code = text(emit(&module, &module.items[1]));
        assert!(
            code.contains(&squash("__x.unknown::<__A::Error>(__k, true, __path)?")),
            "{code}"
        );
        assert!(code.contains(&squash(r#"__path.key("type")"#)), "{code}");
        assert!(code.contains(&squash("r#type: __f0")), "{code}");
    }
}
