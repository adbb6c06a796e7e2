//! Custom formats (`custom(merchant-ref)` in a Format cell) in generated code: each is bound to
//! a user function by an option (`Options::format`, the macro's `format(..)`), and the rules
//! table calls it through the runtime's `CustomFormat` (`.custom_format(..)`), so the plan's
//! one check runs it at the format's place (docs/SEMANTICS.md §2.4).

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Field, Module};
use crate::names;
use crate::options::Names;

/// The fields in each custom format of `module`, by format name: `Item.field` for each.
fn custom_fields(module: &Module) -> BTreeMap<&str, Vec<String>> {
    let mut found: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for item in &module.items {
        for field in item.kind.object().into_iter().flat_map(|o| &o.fields) {
            if let Some(name) = &field.custom_format {
                let at = format!("{}.{}", item.name, field.ident);
                found.entry(name.as_str()).or_default().push(at);
            }
        }
    }
    found
}

/// Why a setting binding the custom format `name` does not fit `module`: no field is in that
/// format (a typo would leave the real one unbound).
pub(crate) fn unused_format(module: &Module, name: &str) -> Option<String> {
    let found = custom_fields(module);
    if found.contains_key(name) {
        return None;
    }
    let hint = match fieldtab_schema::suggest::did_you_mean(name, found.keys().copied()) {
        Some(close) => format!("; did you mean `{close}`?"),
        None if found.is_empty() => "; it has none".to_owned(),
        None => format!(
            "; it has {}",
            found
                .keys()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    Some(format!("the schema has no custom format `{name}`{hint}"))
}

/// One error for each custom format of `module` that `options` binds to no function, naming
/// the fields (and their Format cell) and the options that bind it.
pub(crate) fn unbound_formats(module: &Module, options: &Names) -> Vec<String> {
    custom_fields(module)
        .into_iter()
        .filter(|(name, _)| options.format_fn(name).is_none())
        .map(|(name, fields)| {
            format!(
                "the custom format `{name}` (Format cell `custom({name})` of {}) is bound to no \
                 function: add `format(\"{name}\" = crate::path::to::function)` to \
                 `include_schema!`, or call `Builder::format(\"{name}\", \
                 \"crate::path::to::function\")`; the function is a `fn(&str) -> \
                 Result<(), fieldtab::FormatError>`",
                fields
                    .iter()
                    .map(|f| format!("`{f}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
        .collect()
}

/// The rules table's call for `field`'s custom format, if it has one:
/// `.custom_format(CustomFormat::new("merchant-ref", crate::formats::merchant_ref))`. Without a
/// bound function (code generated without options: `Generate::to_tokens`) the table holds a
/// `compile_error!` that says which option binds it.
pub(crate) fn call(field: &Field) -> Option<TokenStream> {
    let name = field.custom_format.as_deref()?;
    let function = match names::options().format_fn(name) {
        Some(path) => quote!(#path),
        None => {
            let message = format!(
                "the custom format `{name}` of `{}` is bound to no function: add \
                 `format(\"{name}\" = crate::path::to::function)` to `include_schema!`, or call \
                 `Builder::format`",
                field.ident
            );
            quote!(::core::compile_error!(#message))
        }
    };
    Some(quote!(.custom_format(CustomFormat::new(#name, #function))))
}
