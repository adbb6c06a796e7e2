//! The Rust enum of an `## enum` item: one variant per value, plus `Other(String)` when open.

use proc_macro2::TokenStream;
use quote::quote;

use super::doc::doc_attrs;
use crate::model::{Enum, Item};
use crate::names;

/// The enum, its `as_str` (the wire value; the decoder, `validate()` and conditions use it) and
/// a `Serialize` writing that string.
pub(crate) fn emit(item: &Item, enumeration: &Enum) -> TokenStream {
    let name = names::type_name(&item.name);
    let doc = doc_attrs(&item.doc);
    let (variants, wire) = names::enum_variants(enumeration);
    let docs = enumeration.values.iter().map(|value| {
        let text = if value.doc.is_empty() {
            format!("`{}`", value.value)
        } else {
            format!("`{}`: {}", value.value, value.doc)
        };
        doc_attrs(&text)
    });
    let (copy, other_variant, other_arm) = if enumeration.open {
        let other = names::other_variant();
        (
            quote!(),
            quote! {
                /// A value the schema does not list, kept as received (the enum is open).
                #other(::std::string::String),
            },
            quote!(Self::#other(ref value) => value,),
        )
    } else {
        (quote!(::core::marker::Copy,), quote!(), quote!())
    };
    quote! {
        #doc
        #[derive(::core::clone::Clone, #copy ::core::cmp::PartialEq, ::core::cmp::Eq, ::core::fmt::Debug)]
        pub enum #name {
            #( #docs #variants, )*
            #other_variant
        }

        impl #name {
            /// The value as it appears on the wire.
            pub fn as_str(&self) -> &str {
                // `*self`, so that an empty closed enum still matches exhaustively.
                match *self {
                    #( Self::#variants => #wire, )*
                    #other_arm
                }
            }
        }

        impl ::fieldtab::__private::serde::Serialize for #name {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: ::fieldtab::__private::serde::Serializer,
            {
                serializer.serialize_str(self.as_str())
            }
        }
    }
}
