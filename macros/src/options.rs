//! The options of `include_schema!`, parsed into `fieldtab_codegen::Options`: the same model
//! `Builder`'s setters fill, so the macro and `build.rs` customise code alike.
//!
//! ```text
//! derive(Hash, schemars::JsonSchema)       every item
//! derive(Item: Ord, PartialOrd)            one item
//! attribute(Item = #[non_exhaustive])      an item's attributes
//! attribute(Item.cardNo = #[doc(hidden)])  a field's (by its wire identifier)
//! rename(Item = Name, Item.cardNo = pan)   Rust names
//! extern_type(Item = crate::common::Item)  an existing type for an item
//! extern_schema("common.md" = crate::common)  an imported file's items, generated there
//! format("merchant-ref" = crate::f::check) the function of a custom format
//! ```
//!
//! Each entry becomes one setting, whose span is kept: an entry the schema refuses (an item it
//! does not have) is reported at the entry.

use fieldtab_codegen::Options;
use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::parse::ParseStream;
use syn::{Error, Ident, LitStr, Token};

/// The options, and the span of each setting in order.
#[derive(Default)]
pub(crate) struct Parsed {
    pub(crate) options: Options,
    pub(crate) spans: Vec<Span>,
}

const KINDS: &str = "`derive(..)`, `attribute(..)`, `rename(..)`, `extern_type(..)`, `extern_schema(..)` or \
     `format(..)`";

impl Parsed {
    fn add(&mut self, span: Span, set: impl FnOnce(Options) -> Options) {
        let options = std::mem::take(&mut self.options);
        self.options = set(options);
        self.spans.push(span);
    }

    /// The options after the path and its comma, up to the end of the input.
    pub(crate) fn parse(input: ParseStream<'_>) -> syn::Result<Parsed> {
        let mut parsed = Parsed::default();
        while !input.is_empty() {
            let kind: Ident = input
                .parse()
                .map_err(|e| Error::new(e.span(), format!("expected an option: {KINDS}")))?;
            let content;
            syn::parenthesized!(content in input);
            match kind.to_string().as_str() {
                "derive" => parsed.derive(&content)?,
                "attribute" => parsed.entries(&content, Self::attribute)?,
                "rename" => parsed.entries(&content, Self::rename)?,
                "extern_type" => parsed.entries(&content, Self::extern_type)?,
                "extern_schema" => parsed.entries(&content, Self::extern_schema)?,
                "format" => parsed.entries(&content, Self::format)?,
                other => {
                    return Err(Error::new(
                        kind.span(),
                        format!("unknown option `{other}`: expected {KINDS}"),
                    ));
                }
            }
            if input.is_empty() {
                break;
            }
            input.parse::<Token![,]>()?;
        }
        Ok(parsed)
    }

    /// `derive(A, b::C)` or `derive(Item: A, b::C)`.
    fn derive(&mut self, input: ParseStream<'_>) -> syn::Result<()> {
        let span = input.span();
        // `Item:` and not `Item::` (a path).
        let item = if input.peek(Ident) && input.peek2(Token![:]) && !input.peek2(Token![::]) {
            let item: Ident = input.parse()?;
            input.parse::<Token![:]>()?;
            Some(item.to_string())
        } else {
            None
        };
        let paths = input.parse_terminated(syn::Path::parse_mod_style, Token![,])?;
        if paths.is_empty() {
            return Err(Error::new(
                span,
                "`derive` names at least one trait: `derive(Hash)`, `derive(Item: Hash)`",
            ));
        }
        let paths: Vec<syn::Path> = paths.into_iter().collect();
        self.add(span, |o| o.__derive_paths(item.as_deref(), paths));
        Ok(())
    }

    /// Comma-separated `target = value` entries, each read by `entry`.
    fn entries(
        &mut self,
        input: ParseStream<'_>,
        entry: fn(&mut Self, ParseStream<'_>) -> syn::Result<()>,
    ) -> syn::Result<()> {
        if input.is_empty() {
            return Err(Error::new(
                input.span(),
                "expected `Item = …`, `Item.field = …` or `\"file.md\" = …` entries",
            ));
        }
        while !input.is_empty() {
            entry(self, input)?;
            if input.is_empty() {
                break;
            }
            input.parse::<Token![,]>()?;
        }
        Ok(())
    }

    /// `Item = #[…]` or `Item.field = #[…]`.
    fn attribute(&mut self, input: ParseStream<'_>) -> syn::Result<()> {
        let span = input.span();
        let target = Target::parse(input)?;
        input.parse::<Token![=]>()?;
        if !input.peek(Token![#]) {
            return Err(Error::new(
                input.span(),
                "expected attributes, written as in Rust: `#[serde(default)]`",
            ));
        }
        let attrs = syn::Attribute::parse_outer(input)?;
        let text: TokenStream = attrs.iter().map(ToTokens::to_token_stream).collect();
        let text = text.to_string();
        match target.field {
            None => self.add(span, |o| o.type_attribute(&target.item, &text)),
            Some(field) => {
                let path = format!("{}.{field}", target.item);
                self.add(span, |o| o.field_attribute(&path, &text));
            }
        }
        Ok(())
    }

    /// `Item = Name` or `Item.field = name`.
    fn rename(&mut self, input: ParseStream<'_>) -> syn::Result<()> {
        let span = input.span();
        let target = Target::parse(input)?;
        input.parse::<Token![=]>()?;
        let to: Ident = input.parse()?;
        let to = to.to_string();
        match target.field {
            None => self.add(span, |o| o.rename_item(&target.item, &to)),
            Some(field) => {
                let path = format!("{}.{field}", target.item);
                self.add(span, |o| o.rename_field(&path, &to));
            }
        }
        Ok(())
    }

    /// `Item = path::to::Type`.
    fn extern_type(&mut self, input: ParseStream<'_>) -> syn::Result<()> {
        let span = input.span();
        let target = Target::parse(input)?;
        if target.field.is_some() {
            return Err(Error::new(
                span,
                "`extern_type` maps an item, not a field: `extern_type(Item = path::to::Type)`",
            ));
        }
        input.parse::<Token![=]>()?;
        let path: syn::Path = input.parse()?;
        let path = path.to_token_stream().to_string();
        self.add(span, |o| o.extern_type(&target.item, &path));
        Ok(())
    }

    /// `"common.md" = path::to::module`.
    fn extern_schema(&mut self, input: ParseStream<'_>) -> syn::Result<()> {
        let span = input.span();
        let file: LitStr = input.parse().map_err(|e| {
            Error::new(
                e.span(),
                "`extern_schema` maps an imported file, written as its `Import:` line writes it: \
                 `extern_schema(\"common.md\" = crate::common)`",
            )
        })?;
        input.parse::<Token![=]>()?;
        let path: syn::Path = input.parse()?;
        let path = path.to_token_stream().to_string();
        self.add(span, |o| o.extern_schema(&file.value(), &path));
        Ok(())
    }
}

impl Parsed {
    /// `"merchant-ref" = crate::formats::merchant_ref`: a custom format's name (a string: it
    /// may hold `-`) and its function.
    fn format(&mut self, input: ParseStream<'_>) -> syn::Result<()> {
        let span = input.span();
        let name: LitStr = input.parse().map_err(|e| {
            Error::new(
                e.span(),
                "expected a custom format's name as a string: `format(\"merchant-ref\" = \
                 crate::formats::merchant_ref)`",
            )
        })?;
        input.parse::<Token![=]>()?;
        let path: syn::Path = input.parse()?;
        let path = path.to_token_stream().to_string().replace(' ', "");
        self.add(span, |o| o.format(&name.value(), &path));
        Ok(())
    }
}

/// What an entry names: an item, or a field of one (by its wire identifier, an identifier or a
/// string literal for one that is not: `Item."3ds"`).
struct Target {
    item: String,
    field: Option<String>,
}

impl Target {
    fn parse(input: ParseStream<'_>) -> syn::Result<Target> {
        let item: Ident = input.parse().map_err(|e| {
            Error::new(
                e.span(),
                "expected the name of a schema item (`Item` or `Item.field`)",
            )
        })?;
        let field = if input.peek(Token![.]) {
            input.parse::<Token![.]>()?;
            if input.peek(LitStr) {
                Some(input.parse::<LitStr>()?.value())
            } else {
                Some(<Ident as syn::ext::IdentExt>::parse_any(input)?.to_string())
            }
        } else {
            None
        };
        Ok(Target {
            item: item.to_string(),
            field,
        })
    }
}
