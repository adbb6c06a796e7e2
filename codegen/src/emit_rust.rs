//! The Rust code of a whole module: every item in model order, as tokens or formatted text.

use proc_macro2::TokenStream;

use crate::model::{ItemKind, Module};
use crate::{emit_enum, emit_struct};

/// The items of `module`, side by side (the caller wraps them in a `mod` if it wants one). Every
/// path in them is absolute (`::fieldtab::__private::…`, `::core::…`, `::std::…`), so schema items
/// named like prelude types (`Result`, `Option`, `String`, `Vec`) cannot break them.
pub fn rust_tokens(module: &Module) -> TokenStream {
    let mut tokens = TokenStream::new();
    for item in &module.items {
        tokens.extend(match &item.kind {
            ItemKind::Message(object) => emit_struct::emit(module, item, object, true),
            ItemKind::Struct(object) => emit_struct::emit(module, item, object, false),
            ItemKind::Enum(enumeration) => emit_enum::emit(item, enumeration),
        });
        // The hand-written `Deserialize` of the item (one-pass decoding).
        tokens.extend(crate::emit_decode::emit(module, item));
    }
    tokens
}

/// [`rust_tokens`] formatted by prettyplease: what `fieldtab expand` prints and snapshot tests
/// compare.
pub fn rust_pretty(module: &Module) -> String {
    pretty(rust_tokens(module))
}

/// `tokens` formatted by prettyplease. Tokens that do not parse as a file (a bug in an
/// emitter) come back unformatted rather than as a panic, so the compiler can point at them.
pub(crate) fn pretty(tokens: TokenStream) -> String {
    match syn::parse2::<syn::File>(tokens.clone()) {
        Ok(file) => prettyplease::unparse(&file),
        Err(_) => tokens.to_string(),
    }
}

impl crate::Schema {
    /// The Rust items of the schema (see [`rust_tokens`]): what `include_schema!` expands to,
    /// without its `include_str!` lines.
    pub fn to_tokens(&self) -> TokenStream {
        rust_tokens(&self.module)
    }

    /// The Rust items of the schema formatted by prettyplease: what `fieldtab expand` prints and
    /// what snapshot tests compare.
    ///
    /// ```
    /// let text = "# Demo\n\n## enum Status\n\n| Value | Note |\n|---|---|\n| S | Success |\n";
    /// let schema = fieldtab_codegen::Schema::parse("demo.md", text).unwrap();
    /// assert!(schema.to_rust_pretty().contains("pub enum Status"));
    /// ```
    pub fn to_rust_pretty(&self) -> String {
        rust_pretty(&self.module)
    }
}
