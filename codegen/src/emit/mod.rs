//! The Rust code of a whole module: every item in model order, as tokens or formatted text.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{ItemKind, Module};
use crate::names;
use crate::options::Names;

mod custom;
mod debug;
mod decode;
mod doc;
mod enums;
mod facts;
mod scan;
mod structs;
mod table;
#[cfg(test)]
mod tests;
mod types;
mod validate;

/// The items of `module`, side by side (the caller wraps them in a `mod` if it wants one). Every
/// path in them is absolute (`::fieldtab::__private::…`, `::core::…`, `::std::…`), so schema items
/// named like prelude types (`Result`, `Option`, `String`, `Vec`) cannot break them.
///
/// `options` are applied: they have been checked against `module` (`Options::check`).
pub(crate) fn rust_tokens(module: &Module, options: Names) -> TokenStream {
    names::with_options(options, || emit_items(module))
}

pub(crate) use custom::{unbound_formats, unused_format};

/// What conditions read across the objects of `module`, for `Options::check`.
pub(crate) fn facts_of(module: &Module) -> facts::Reads {
    facts::Reads::of(module)
}

fn emit_items(module: &Module) -> TokenStream {
    let reads = facts::Reads::of(module);
    let options = names::options();
    let mut tokens = TokenStream::new();
    for item in &module.items {
        if let Some(path) = options.extern_type(&item.name) {
            // Mapped to an existing type: re-exported under the item's Rust name, so the other
            // items (and users) name it as if it were generated here.
            let name = names::type_name(&item.name);
            let path_text = quote!(#path).to_string().replace(' ', "");
            let doc = match options.shared_from(&item.name) {
                Some(file) => format!(
                    " `{}`: the item of `{file}`, shared with every schema that maps `{file}` to \
                     the module generated from it (`{path_text}`).",
                    item.name
                ),
                None => format!(" `{}`: the existing type `{path_text}`.", item.name),
            };
            tokens.extend(quote! {
                #[doc = #doc]
                pub use #path as #name;
            });
            continue;
        }
        tokens.extend(match &item.kind {
            ItemKind::Message(object) => structs::emit(module, &reads, item, object, true),
            ItemKind::Struct(object) => structs::emit(module, &reads, item, object, false),
            ItemKind::Enum(enumeration) => enums::emit(item, enumeration),
        });
        // The hand-written `Deserialize` of the item (one-pass decoding).
        tokens.extend(decode::emit(module, &reads, item));
    }
    tokens
}

/// `tokens` formatted by prettyplease. Tokens that do not parse as a file (a bug in an
/// emitter) come back unformatted rather than as a panic, so the compiler can point at them.
pub(crate) fn pretty(tokens: TokenStream) -> String {
    match syn::parse2::<syn::File>(tokens.clone()) {
        Ok(file) => prettyplease::unparse(&file),
        Err(_) => tokens.to_string(),
    }
}
