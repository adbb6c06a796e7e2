//! What the validate-only scanner of the runtime (`fieldtab_runtime`'s `decode/scan`) is given
//! for a message or struct: in its `Decode` impl, `const SCAN`, the function walking one of its
//! objects, which holds its `ScanTable` (the rules table, what each field's JSON value is, the
//! groups, whether unknown fields are denied).
//!
//! ```text
//! const SCAN: Option<ScanFn> = {
//!     use ::fieldtab::__private::__decode as __s;
//!     fn scan(scanner: &mut __s::Scanner<'_>) -> Result<(), __s::Stop> {
//!         static TABLE: __s::ScanTable = __s::ScanTable {
//!             fields: &__Header::FIELDS,
//!             kinds: &[__s::ScanKind::Str, __s::ScanKind::object(<Amount as __s::Decode>::SCAN)],
//!             groups: &[],
//!             deny_unknown: false,
//!             plain_keys: __s::plain_keys(&__Header::FIELDS),
//!         };
//!         scanner.object::<2>(&TABLE)
//!     }
//!     Some(scan)
//! };
//! ```

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use crate::model::{Item, Module, Object, Type};
use crate::names;

/// The `const SCAN` of the `Decode` impl of `item` (whose fields are `object`'s): the walk of
/// one of its objects, holding the scanner's table. Types are named as the decoder names them
/// (no `super::`: `include_schema!` may expand in a function body).
pub(super) fn decode_const(module: &Module, item: &Item, object: &Object) -> TokenStream {
    let table = super::table::module_name(item);
    let len = Literal::usize_unsuffixed(object.fields.len());
    let kinds = object.fields.iter().map(|field| kind(module, &field.ty));
    let groups = if object.with_groups(|groups| groups.is_empty()) {
        quote!(&[])
    } else {
        quote!(&#table::GROUPS)
    };
    let deny = object.deny_unknown;
    quote! {
        const SCAN: ::core::option::Option<::fieldtab::__private::__decode::ScanFn> = {
            use ::fieldtab::__private::__decode as __s;
            fn scan(scanner: &mut __s::Scanner<'_>) -> ::core::result::Result<(), __s::Stop> {
                static TABLE: __s::ScanTable = __s::ScanTable {
                    fields: &#table::FIELDS,
                    kinds: &[#(#kinds),*],
                    groups: #groups,
                    deny_unknown: #deny,
                    plain_keys: __s::plain_keys(&#table::FIELDS),
                };
                scanner.object::<#len>(&TABLE)
            }
            ::core::option::Option::Some(scan)
        };
    }
}

/// The `ScanKind` of a value of type `ty`.
fn kind(module: &Module, ty: &Type) -> TokenStream {
    match ty {
        Type::Iso(_) | Type::String => quote!(__s::ScanKind::Str),
        Type::Integer => quote!(__s::ScanKind::Integer),
        Type::Number => quote!(__s::ScanKind::Number),
        Type::Boolean => quote!(__s::ScanKind::Boolean),
        Type::Named(name) if module.enum_named(name).is_some() => quote!(__s::ScanKind::Str),
        Type::Named(name) => {
            let target = names::type_name(name);
            quote!(__s::ScanKind::object(<#target as __s::Decode>::SCAN))
        }
        Type::Array(element) => {
            let element = kind(module, element);
            quote!(__s::ScanKind::Array(&#element))
        }
        // Maps and free-form objects: the decoder judges them.
        Type::Map(_) | Type::Object => quote!(__s::ScanKind::Unsupported),
    }
}
