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
