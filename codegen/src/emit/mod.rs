//! The Rust code of a whole module: every item in model order, as tokens or formatted text.

use proc_macro2::TokenStream;

use crate::model::{ItemKind, Module};

mod debug;
mod decode;
mod doc;
mod enums;
mod facts;
mod structs;
mod table;
#[cfg(test)]
mod tests;
mod types;
mod validate;

/// The items of `module`, side by side (the caller wraps them in a `mod` if it wants one). Every
/// path in them is absolute (`::fieldtab::__private::…`, `::core::…`, `::std::…`), so schema items
/// named like prelude types (`Result`, `Option`, `String`, `Vec`) cannot break them.
pub(crate) fn rust_tokens(module: &Module) -> TokenStream {
    let reads = facts::Reads::of(module);
    let mut tokens = TokenStream::new();
    for item in &module.items {
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
