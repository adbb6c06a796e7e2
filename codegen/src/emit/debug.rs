//! A hand-written `Debug` for structs holding sensitive fields: it prints every other field as
//! the derive would, and only the presence of a sensitive one.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::types::is_optional;
use crate::model::Field;

/// `impl Debug for #name`, masking the sensitive fields (`Some(***)` for a present optional
/// one, `***` for a mandatory one). `field_names` are the Rust names of `fields`, in order.
pub(crate) fn emit(name: &Ident, fields: &[Field], field_names: &[Ident]) -> TokenStream {
    let label = name.to_string();
    let entries = fields.iter().zip(field_names).map(|(field, rust_name)| {
        let shown = rust_name.to_string();
        let shown = fieldtab_schema::names::unraw(&shown);
        let value = match (field.sensitive, is_optional(field)) {
            (false, _) => quote!(&self.#rust_name),
            (true, false) => quote!(&::fieldtab::__private::Redacted),
            (true, true) => {
                quote!(&self.#rust_name.as_ref().map(|_| ::fieldtab::__private::Redacted))
            }
        };
        quote!(d.field(#shown, #value);)
    });
    // One statement a field rather than one chain of calls: a chain of thousands of calls is
    // an expression that deep for syn, prettyplease and rustc, which recurse through it.
    quote! {
        impl ::core::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                let mut d = f.debug_struct(#label);
                #(#entries)*
                d.finish()
            }
        }
    }
}
