//! rustdoc attributes from the schema's prose.

use proc_macro2::TokenStream;
use quote::quote;

/// One `#[doc = " line"]` attribute per line of `text` (none for empty text). Attributes, not
/// comments: prettyplease drops comments, and it prints these back as `///` lines.
pub(crate) fn doc_attrs(text: &str) -> TokenStream {
    let text = text.trim();
    if text.is_empty() {
        return TokenStream::new();
    }
    let lines = text.lines().map(|line| {
        let line = line.trim_end();
        // A leading space, as `///` comments produce, so the output reads like hand-written docs.
        let line = if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        };
        quote!(#[doc = #line])
    });
    quote!(#(#lines)*)
}

/// An item's rustdoc: its prose, or when the schema has none a line saying what it is, so that
/// every generated item is documented (`missing_docs` in the user's crate stays quiet).
pub(crate) fn item_doc(item: &crate::model::Item) -> TokenStream {
    use crate::model::ItemKind;
    if !item.doc.trim().is_empty() {
        return doc_attrs(&item.doc);
    }
    let what = match &item.kind {
        ItemKind::Message(_) => "message",
        ItemKind::Struct(_) => "object",
        ItemKind::Enum(_) => "enumeration",
    };
    doc_attrs(&format!("The `{}` {what} of the schema.", item.name))
}
