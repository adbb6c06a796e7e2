//! The Rust enum of an `## enum` item: one variant per value, plus `Other(String)` when open.

use proc_macro2::TokenStream;
use quote::quote;

use super::doc::{doc_attrs, item_doc};
use crate::model::{Enum, Item};
use crate::names;

/// The enum, its `as_str` (the wire value; the decoder, `validate()` and conditions use it), a
/// `Serialize` writing that string, and `Display` and `FromStr` of the wire value.
pub(crate) fn emit(item: &Item, enumeration: &Enum) -> TokenStream {
    let name = names::type_name(&item.name);
    let doc = item_doc(item);
    let options = names::options();
    let already = [
        "Clone",
        "Copy",
        "PartialEq",
        "Eq",
        "Hash",
        "Debug",
        "Serialize",
        "Deserialize",
    ];
    let extra = options.derives(&item.name, &already);
    let attrs = options.item_attributes(&item.name);
    let wire_name = &item.name;
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
        #[derive(::core::clone::Clone, #copy ::core::cmp::PartialEq, ::core::cmp::Eq, ::core::hash::Hash, ::core::fmt::Debug #(, #extra)*)]
        #attrs
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

        impl ::core::fmt::Display for #name {
            /// The wire value.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::core::str::FromStr for #name {
            type Err = ::fieldtab::__private::UnknownEnumValue;

            /// The variant of a wire value (an open enum keeps any other value in its last
            /// variant).
            fn from_str(value: &str) -> ::core::result::Result<Self, Self::Err> {
                <Self as ::fieldtab::__private::__decode::WireEnum>::from_wire(value)
                    .ok_or(::fieldtab::__private::UnknownEnumValue::new(#wire_name))
            }
        }
    }
}
