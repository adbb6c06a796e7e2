//! [`Names`] as text, to cross threads: proc-macro2's tokens and syn's paths are neither `Send`
//! nor `Sync`, so each formatting thread (`emit::rust_pretty`) parses its own copy.

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::ToTokens;

use super::Names;

/// The settings of a [`Names`], with every path and attribute as its token text.
#[derive(Clone, Debug, Default)]
pub(crate) struct NamesText {
    items: BTreeMap<String, String>,
    fields: BTreeMap<(String, String), String>,
    externs: BTreeMap<String, String>,
    shared: BTreeMap<String, String>,
    derive_all: Vec<String>,
    derives: BTreeMap<String, Vec<String>>,
    item_attrs: BTreeMap<String, String>,
    field_attrs: BTreeMap<(String, String), String>,
    formats: BTreeMap<String, String>,
}

/// The token text of `tokens`.
fn text(tokens: &impl ToTokens) -> String {
    tokens.to_token_stream().to_string()
}

/// `text` as a path: it was printed from one, so it parses.
fn path(text: &str) -> syn::Path {
    syn::parse_str(text).expect("the text of a path parses as a path")
}

/// `text` as tokens: it was printed from tokens, so it lexes.
fn tokens(text: &str) -> TokenStream {
    text.parse().expect("the text of tokens lexes")
}

/// Each value of `map` turned by `f`.
fn each<K: Clone + Ord, A, B>(map: &BTreeMap<K, A>, f: impl Fn(&A) -> B) -> BTreeMap<K, B> {
    map.iter().map(|(k, v)| (k.clone(), f(v))).collect()
}

impl Names {
    /// These settings as text.
    pub(crate) fn to_text(&self) -> NamesText {
        NamesText {
            items: self.items.clone(),
            fields: self.fields.clone(),
            externs: each(&self.externs, text),
            shared: self.shared.clone(),
            derive_all: self.derive_all.iter().map(text).collect(),
            derives: each(&self.derives, |paths| paths.iter().map(text).collect()),
            item_attrs: each(&self.item_attrs, text),
            field_attrs: each(&self.field_attrs, text),
            formats: each(&self.formats, text),
        }
    }
}

impl NamesText {
    /// The settings again, parsed from their text.
    pub(crate) fn to_names(&self) -> Names {
        Names {
            items: self.items.clone(),
            fields: self.fields.clone(),
            externs: each(&self.externs, |t| path(t)),
            shared: self.shared.clone(),
            derive_all: self.derive_all.iter().map(|t| path(t)).collect(),
            derives: each(&self.derives, |paths| {
                paths.iter().map(|t| path(t)).collect()
            }),
            item_attrs: each(&self.item_attrs, |t| tokens(t)),
            field_attrs: each(&self.field_attrs, |t| tokens(t)),
            formats: each(&self.formats, |t| path(t)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Options;
    use crate::Schema;

    #[test]
    fn every_setting_survives_its_text() {
        let schema = Schema::parse(
            "demo.md",
            "# Demo\n\n## message Outer\n\n| Identifier | Type | Length | Request | Format |\n\
             |---|---|---|---|---|\n| inner | Inner | | M | |\n| code | ANS | 8 | M | custom(ref) |\n\n\
             ## struct Inner\n\n| Identifier | Type | Request |\n|---|---|---|\n| kind | String | M |\n",
        )
        .unwrap_or_else(|d| panic!("{d}"));
        let options = Options::new()
            .derive(&["::serde::Deserialize", "my::Marker<u8>"])
            .item_derive("Outer", &["Copy"])
            .type_attribute(
                "Outer",
                "#[non_exhaustive] #[doc = \"a \\\"quoted\\\" note\"]",
            )
            .field_attribute("Outer.code", "#[serde(default)]")
            .rename_item("Outer", "Renamed")
            .rename_field("Outer.code", "reference")
            .extern_type("Inner", "crate::shared::Inner<'static>")
            .format("ref", "crate::formats::reference");
        options.check(&schema).unwrap_or_else(|e| panic!("{e}"));
        let names = super::Names::of(&options, &schema);
        let text = names.to_text();
        let again = text.to_names();
        assert_eq!(format!("{again:?}"), format!("{names:?}"));
        assert_eq!(format!("{:?}", again.to_text()), format!("{text:?}"));
    }
}
