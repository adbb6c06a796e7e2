//! [`Options`]: how the generated Rust is customised, one model behind both `include_schema!`'s
//! options and [`crate::Builder`]'s setters (which are named after prost-build's
//! `type_attribute`, `field_attribute`, `extern_path` and typify's `with_derive`,
//! `with_replacement`).
//!
//! Options name schema items by their name in the schema (`EnrollmentRegistrationRequest`) and
//! fields by their wire identifier (`cardNo`); [`Options::check`] refuses a name the schema does
//! not have, so a typo is an error rather than an option that silently does nothing.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use proc_macro2::TokenStream;
use quote::ToTokens;

use crate::Schema;
use crate::model::{ItemKind, Module, Type};

mod text;

/// Customisations of the generated Rust code: extra derives and attributes, Rust names, and
/// items mapped to existing Rust types. Each setter records one setting, in order; a setting
/// that does not parse (a derive that is not a path, an attribute that is not `#[…]`) is
/// reported by [`Options::check`] with the others.
///
/// ```
/// use fieldtab_codegen::{Generate, Options, Schema};
///
/// let status = "## enum Status\n\n| Value |\n|---|\n| S |\n";
/// let ping = "## message Ping\n\n| Identifier | Type | Request |\n|---|---|---|\n| status | Status | M |\n";
/// let text = format!("# Demo\n\n{status}\n{ping}");
/// let schema = Schema::parse("demo.md", &text).unwrap();
/// let options = Options::new()
///     .derive(&["PartialOrd"])
///     .type_attribute("Ping", "#[non_exhaustive]")
///     .rename_field("Ping.status", "state");
/// let code = schema.to_rust_pretty_with(&options).unwrap();
/// assert!(code.contains("#[non_exhaustive]"));
/// assert!(code.contains("pub state: Status"));
/// assert!(schema.to_rust_pretty_with(&Options::new().rename_item("Pong", "P")).is_err());
/// ```
#[derive(Clone, Debug, Default)]
pub struct Options {
    settings: Vec<Setting>,
}

/// One setting, as recorded.
#[derive(Clone, Debug)]
enum Setting {
    /// Derives for every item (`None`) or one.
    Derive {
        item: Option<String>,
        paths: Vec<syn::Path>,
    },
    /// Attributes on an item.
    ItemAttribute { item: String, attrs: TokenStream },
    /// Attributes on a field of a message or struct.
    FieldAttribute {
        item: String,
        field: String,
        attrs: TokenStream,
    },
    /// The Rust name of an item.
    RenameItem { item: String, to: syn::Ident },
    /// The Rust name of a field.
    RenameField {
        item: String,
        field: String,
        to: syn::Ident,
    },
    /// An existing Rust type used for an item, which is then not generated.
    ExternType { item: String, path: syn::Path },
    /// The items of an imported file, referred to in the module generated for it at `path`.
    ExternSchema { file: String, path: syn::Path },
    /// The user function of a custom format (`custom(NAME)` in a Format cell).
    Format { name: String, path: syn::Path },
    /// A setting whose text did not parse: why.
    Invalid { message: String },
}

/// A setting [`Options::check`] refuses: which one (its position among the settings, in the
/// order they were made) and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionError {
    /// The position of the setting, from 0, in the order the setters were called (the
    /// macro's options in the order written); the number of settings for an error no setting
    /// made (a custom format of the schema that no setting binds).
    pub setting: usize,
    /// What is wrong, naming the item or field.
    pub message: String,
}

impl fmt::Display for OptionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for OptionError {}

/// Every refused setting of one [`Options::check`], in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionErrors(pub Vec<OptionError>);

impl fmt::Display for OptionErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "error: code generation option: {error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for OptionErrors {}

/// `Item.field` split at its first dot.
fn item_field(path: &str) -> Result<(String, String), String> {
    match path.split_once('.') {
        Some((item, field)) if !item.is_empty() && !field.is_empty() => {
            Ok((item.to_owned(), field.to_owned()))
        }
        _ => Err(format!(
            "`{path}` does not name a field: write `Item.field` (the item's schema name, the \
             field's wire identifier)"
        )),
    }
}

impl Options {
    /// No customisation: the code `include_schema!("x.md")` generates.
    pub fn new() -> Self {
        Self::default()
    }

    fn push(mut self, setting: Setting) -> Self {
        self.settings.push(setting);
        self
    }

    fn invalid(self, message: String) -> Self {
        self.push(Setting::Invalid { message })
    }

    /// Derives `paths` (`"Hash"`, `"schemars::JsonSchema"`) on every generated item, besides
    /// the ones generated code always has (a derive it already has is not repeated).
    pub fn derive(self, paths: &[&str]) -> Self {
        self.derive_on(None, paths)
    }

    /// Derives `paths` on the item `item` only.
    pub fn item_derive(self, item: &str, paths: &[&str]) -> Self {
        self.derive_on(Some(item.to_owned()), paths)
    }

    fn derive_on(self, item: Option<String>, paths: &[&str]) -> Self {
        let mut parsed = Vec::new();
        for path in paths {
            match syn::parse_str::<syn::Path>(path) {
                Ok(path) => parsed.push(path),
                Err(_) => return self.invalid(format!("derive `{path}` is not a path")),
            }
        }
        self.push(Setting::Derive {
            item,
            paths: parsed,
        })
    }

    /// Puts `attributes` (`"#[non_exhaustive]"`, one or more outer attributes) on the item
    /// `item`, as prost-build's `type_attribute` does.
    pub fn type_attribute(self, item: &str, attributes: &str) -> Self {
        match parse_attributes(attributes) {
            Ok(attrs) => self.push(Setting::ItemAttribute {
                item: item.to_owned(),
                attrs,
            }),
            Err(message) => self.invalid(message),
        }
    }

    /// Puts `attributes` on the field `Item.field` (its wire identifier), as prost-build's
    /// `field_attribute` does.
    pub fn field_attribute(self, field: &str, attributes: &str) -> Self {
        let (item, field) = match item_field(field) {
            Ok(pair) => pair,
            Err(message) => return self.invalid(message),
        };
        match parse_attributes(attributes) {
            Ok(attrs) => self.push(Setting::FieldAttribute { item, field, attrs }),
            Err(message) => self.invalid(message),
        }
    }

    /// Names the item `item` `rust_name` in Rust (its wire form does not change).
    pub fn rename_item(self, item: &str, rust_name: &str) -> Self {
        match syn::parse_str::<syn::Ident>(rust_name) {
            Ok(to) => self.push(Setting::RenameItem {
                item: item.to_owned(),
                to,
            }),
            Err(_) => self.invalid(format!("`{rust_name}` is not a Rust identifier")),
        }
    }

    /// Names the field `Item.field` `rust_name` in Rust; its JSON key stays the wire
    /// identifier. This is also the fix when two identifiers give one Rust name (`cardNo`,
    /// `card_no`).
    pub fn rename_field(self, field: &str, rust_name: &str) -> Self {
        let (item, field) = match item_field(field) {
            Ok(pair) => pair,
            Err(message) => return self.invalid(message),
        };
        match syn::parse_str::<syn::Ident>(rust_name) {
            Ok(to) => self.push(Setting::RenameField { item, field, to }),
            Err(_) => self.invalid(format!("`{rust_name}` is not a Rust identifier")),
        }
    }

    /// Uses the existing Rust type at `path` for the item `item` (prost-build's `extern_path`,
    /// typify's `with_replacement`): the item is not generated, and the module re-exports
    /// `path` under the item's name. The type must be one fieldtab generated from the same
    /// item (another schema's module: shared types), or implement what generated items do
    /// (`Deserialize` with fieldtab's decoder, `Validate`, `Serialize`, `Debug`, `Clone`,
    /// `PartialEq`). Items holding it derive `Eq` and `Hash` only when asked. The item's own
    /// derives, attributes and field names are refused: they belong where its type is defined.
    pub fn extern_type(self, item: &str, path: &str) -> Self {
        match syn::parse_str::<syn::Path>(path) {
            Ok(path) => self.push(Setting::ExternType {
                item: item.to_owned(),
                path,
            }),
            Err(_) => self.invalid(format!("`{path}` is not a Rust path")),
        }
    }

    /// Refers to the items this schema holds from the imported file `file` by path, in the
    /// module generated for that file on its own at `rust_path` (`crate::upi::common`,
    /// `super::common`), instead of generating them again: the shared types across schema
    /// files of prost-build's `extern_path` for a package. `file` is written as the root
    /// file's `Import:` line writes it, relative to the schema's folder (`common.md`).
    ///
    /// Each such item is re-exported under its name in this module (`pub use
    /// crate::upi::common::Cardholder as EnrollmentRegistrationData;` for `Import: Cardholder
    /// as EnrollmentRegistrationData from [..](common.md)`), so two schemas that import one
    /// file, both mapped to one module, share one set of types. The module at `rust_path` must
    /// be generated by fieldtab from `file` with the same item renames (an
    /// [`Options::extern_type`] for an item wins over this; derives, attributes and field names
    /// of a shared item are refused, being options of that module). Refused, with the others,
    /// by [`Options::check`]: a file the schema does not import (with a did-you-mean), the
    /// schema itself, a file none of whose items it holds, and an item whose values this
    /// schema's conditions read across objects other than the file's own conditions do (its
    /// decoder, generated there, does not provide them).
    pub fn extern_schema(self, file: &str, rust_path: &str) -> Self {
        match syn::parse_str::<syn::Path>(rust_path) {
            Ok(path) => self.push(Setting::ExternSchema {
                file: file.to_owned(),
                path,
            }),
            Err(_) => self.invalid(format!("`{rust_path}` is not a Rust path")),
        }
    }

    /// Binds the custom format `name` (`custom(merchant-ref)` in a Format cell) to the function
    /// at `path` (`"crate::formats::merchant_ref"`), a `fn(&str) -> Result<(), FormatError>`
    /// the generated rules table calls for every value of the fields in that format
    /// (docs/SEMANTICS.md §2.4). The path is resolved inside the generated code: write it
    /// absolute (`crate::…`, or a crate's name first). Every custom format of the schema must
    /// be bound.
    pub fn format(self, name: &str, path: &str) -> Self {
        match syn::parse_str::<syn::Path>(path) {
            Ok(path) if path.leading_colon.is_some() || path.segments.len() > 1 => {
                let first = path.segments.first().map(|s| s.ident.to_string());
                if matches!(first.as_deref(), Some("self" | "super")) {
                    self.invalid(format!(
                        "`{}`: write the function's path from the crate root (`crate::…`): the \
                         generated code calls it from a module of its own",
                        quote::quote!(#path).to_string().replace(' ', "")
                    ))
                } else {
                    self.push(Setting::Format {
                        name: name.to_owned(),
                        path,
                    })
                }
            }
            Ok(_) => self.invalid(format!(
                "`{path}`: write the function's path from the crate root (`crate::formats::{path}`): \
                 the generated code calls it from a module of its own"
            )),
            Err(_) => self.invalid(format!("`{path}` is not a Rust path")),
        }
    }

    /// Options from the macro, whose syntax tree is already parsed.
    #[doc(hidden)]
    pub fn __derive_paths(self, item: Option<&str>, paths: Vec<syn::Path>) -> Self {
        self.push(Setting::Derive {
            item: item.map(str::to_owned),
            paths,
        })
    }

    /// How many settings were made (the macro pairs each with its span).
    #[doc(hidden)]
    pub fn __len(&self) -> usize {
        self.settings.len()
    }

    /// Whether no setting was made.
    pub fn is_empty(&self) -> bool {
        self.settings.is_empty()
    }

    /// Checks the settings against `schema`: every item and field named exists, Rust names
    /// stay unique, a mapped item is not one whose values this schema's conditions read across
    /// objects, a shared file is one the schema imports ([`Options::extern_schema`]). Every
    /// refused setting is listed.
    pub fn check(&self, schema: &Schema) -> Result<(), OptionErrors> {
        let module = &schema.module;
        let mut errors = Vec::new();
        let mut fail = |setting: usize, message: String| {
            errors.push(OptionError { setting, message });
        };
        let item_missing = |item: &str| {
            let names: Vec<&str> = module.items.iter().map(|i| i.name.as_str()).collect();
            let hint = fieldtab_schema::suggest::did_you_mean(item, names.iter().copied())
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            format!("the schema has no item `{item}`{hint}")
        };
        let field_missing = |item: &str, field: &str| -> Option<String> {
            let item_ref = module.item(item)?;
            let Some(object) = item_ref.kind.object() else {
                return Some(format!("`{item}` is an enum: it has no field `{field}`"));
            };
            if object.fields.iter().any(|f| f.ident == field) {
                return None;
            }
            let idents = object.fields.iter().map(|f| f.ident.as_str());
            let hint = fieldtab_schema::suggest::did_you_mean(field, idents)
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            Some(format!(
                "`{item}` has no field `{field}` (fields are named by their wire identifier){hint}"
            ))
        };
        for (i, setting) in self.settings.iter().enumerate() {
            let (item, field) = match setting {
                Setting::Invalid { message } => {
                    fail(i, message.clone());
                    continue;
                }
                Setting::Derive { item: None, .. } => continue,
                Setting::ExternSchema { file, path } => {
                    let refused = crate::shared::items_of(schema, file, path).and_then(|items| {
                        crate::shared::facts_differ(schema, file, &items).map_or(Ok(()), Err)
                    });
                    if let Err(message) = refused {
                        fail(i, message);
                    }
                    continue;
                }
                Setting::Format { name, .. } => {
                    if let Some(message) = crate::emit::unused_format(module, name) {
                        fail(i, message);
                    }
                    continue;
                }
                Setting::Derive {
                    item: Some(item), ..
                }
                | Setting::ItemAttribute { item, .. }
                | Setting::RenameItem { item, .. }
                | Setting::ExternType { item, .. } => (item, None),
                Setting::FieldAttribute { item, field, .. }
                | Setting::RenameField { item, field, .. } => (item, Some(field)),
            };
            if module.item(item).is_none() {
                fail(i, item_missing(item));
            } else if let Some(message) = field.and_then(|field| field_missing(item, field)) {
                fail(i, message);
            }
        }
        // Rust names: unique items, unique fields per object.
        let names = Names::of(self, schema);
        // An item that is not generated here takes no derive, attribute or field name here.
        for (i, setting) in self.settings.iter().enumerate() {
            let item = match setting {
                Setting::Derive {
                    item: Some(item), ..
                }
                | Setting::ItemAttribute { item, .. }
                | Setting::FieldAttribute { item, .. }
                | Setting::RenameField { item, .. } => item,
                _ => continue,
            };
            let Some(path) = names.extern_type(item) else {
                continue;
            };
            let path = path.to_token_stream().to_string().replace(' ', "");
            let what = match names.shared_from(item) {
                Some(file) => format!("shared from `{file}` (`{path}`)"),
                None => format!("the existing type `{path}`"),
            };
            fail(
                i,
                format!(
                    "`{item}` is not generated here, it is {what}: give this option where that \
                     type is generated"
                ),
            );
        }
        let mut taken: BTreeMap<String, &str> = BTreeMap::new();
        for item in &module.items {
            let rust = names.type_name(&item.name);
            if let Some(other) = taken.insert(rust.clone(), &item.name) {
                let at = self.last_rename_of(other, &item.name);
                fail(
                    at,
                    format!(
                        "items `{other}` and `{}` would both be named `{rust}`",
                        item.name
                    ),
                );
            }
        }
        for item in &module.items {
            let Some(object) = item.kind.object() else {
                continue;
            };
            let renamed: Vec<(usize, &str, &syn::Ident)> = self
                .settings
                .iter()
                .enumerate()
                .filter_map(|(i, s)| match s {
                    Setting::RenameField {
                        item: it,
                        field,
                        to,
                    } if *it == item.name => Some((i, field.as_str(), to)),
                    _ => None,
                })
                .collect();
            let mut seen: BTreeMap<String, &str> = BTreeMap::new();
            for field in &object.fields {
                let rust = match renamed.iter().rev().find(|(_, f, _)| *f == field.ident) {
                    Some((_, _, to)) => to.to_string(),
                    None => fieldtab_schema::names::field_name(&field.ident),
                };
                if let Some(other) = seen.insert(rust.clone(), &field.ident)
                    && let Some((at, _, _)) = renamed
                        .iter()
                        .find(|(_, f, _)| *f == field.ident || *f == other)
                {
                    fail(
                        *at,
                        format!(
                            "fields `{other}` and `{}` of `{}` would both be named `{rust}`",
                            field.ident, item.name
                        ),
                    );
                }
            }
        }
        // A mapped item's decoder is generated elsewhere: it cannot answer this schema's
        // conditions about its values.
        let reads = crate::emit::facts_of(module);
        for (i, setting) in self.settings.iter().enumerate() {
            if let Setting::ExternType { item, .. } = setting
                && module.item(item).is_some()
                && (!reads.exports(item).is_empty() || !reads.asked(item).is_empty())
            {
                fail(
                    i,
                    format!(
                        "`{item}` cannot be an extern type: conditions of this schema read its \
                         values across objects, which only the code generated here provides"
                    ),
                );
            }
        }
        // A custom format no setting binds: reported after the settings (no span of its own).
        for message in crate::emit::unbound_formats(module, &names) {
            fail(self.settings.len(), message);
        }
        errors.sort_by_key(|e| e.setting);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(OptionErrors(errors))
        }
    }

    /// The setting that renamed `a` or `b` last (where a name collision is reported).
    fn last_rename_of(&self, a: &str, b: &str) -> usize {
        self.settings
            .iter()
            .rposition(|s| matches!(s, Setting::RenameItem { item, .. } if item == a || item == b))
            .unwrap_or(0)
    }
}

/// `text` as one or more outer attributes.
fn parse_attributes(text: &str) -> Result<TokenStream, String> {
    let parser = syn::Attribute::parse_outer;
    match syn::parse::Parser::parse_str(parser, text) {
        Ok(attrs) if !attrs.is_empty() => Ok(attrs.iter().map(ToTokens::to_token_stream).collect()),
        _ => Err(format!(
            "`{text}` is not an attribute: write it as in Rust, `#[serde(default)]`"
        )),
    }
}

/// What the emitters ask of the options, looked up by schema name.
#[derive(Debug, Default)]
pub(crate) struct Names {
    items: BTreeMap<String, String>,
    fields: BTreeMap<(String, String), String>,
    externs: BTreeMap<String, syn::Path>,
    /// The items of `externs` that an `extern_schema` maps, with the file they come from: types
    /// fieldtab generated from that file.
    shared: BTreeMap<String, String>,
    derive_all: Vec<syn::Path>,
    derives: BTreeMap<String, Vec<syn::Path>>,
    item_attrs: BTreeMap<String, TokenStream>,
    field_attrs: BTreeMap<(String, String), TokenStream>,
    formats: BTreeMap<String, syn::Path>,
}

impl Names {
    /// The settings of `options` for `schema`, later ones winning for names and adding to the
    /// others; an item's `extern_type` wins over its file's `extern_schema`.
    pub(crate) fn of(options: &Options, schema: &Schema) -> Names {
        let mut names = Names::default();
        for setting in &options.settings {
            match setting {
                Setting::Derive { item: None, paths } => names.derive_all.extend(paths.clone()),
                Setting::Derive {
                    item: Some(item),
                    paths,
                } => names
                    .derives
                    .entry(item.clone())
                    .or_default()
                    .extend(paths.clone()),
                Setting::ItemAttribute { item, attrs } => names
                    .item_attrs
                    .entry(item.clone())
                    .or_default()
                    .extend(attrs.clone()),
                Setting::FieldAttribute { item, field, attrs } => names
                    .field_attrs
                    .entry((item.clone(), field.clone()))
                    .or_default()
                    .extend(attrs.clone()),
                Setting::RenameItem { item, to } => {
                    names.items.insert(item.clone(), to.to_string());
                }
                Setting::RenameField { item, field, to } => {
                    names
                        .fields
                        .insert((item.clone(), field.clone()), to.to_string());
                }
                Setting::ExternType { item, path } => {
                    names.externs.insert(item.clone(), path.clone());
                    names.shared.remove(item);
                }
                Setting::ExternSchema { file, path } => {
                    let items = crate::shared::items_of(schema, file, path).unwrap_or_default();
                    for (item, path) in items {
                        if let std::collections::btree_map::Entry::Vacant(entry) =
                            names.externs.entry(item.clone())
                        {
                            entry.insert(path);
                            names.shared.insert(item, file.clone());
                        }
                    }
                }
                Setting::Format { name, path } => {
                    names.formats.insert(name.clone(), path.clone());
                }
                Setting::Invalid { .. } => {}
            }
        }
        names
    }

    /// The Rust name of item `name`: its rename, or [`fieldtab_schema::names::type_name`].
    pub(crate) fn type_name(&self, name: &str) -> String {
        self.items
            .get(name)
            .cloned()
            .unwrap_or_else(|| fieldtab_schema::names::type_name(name))
    }

    /// The rename of field `field` of item `item`, if any.
    pub(crate) fn field_rename(&self, item: &str, field: &str) -> Option<&str> {
        self.fields
            .get(&(item.to_owned(), field.to_owned()))
            .map(String::as_str)
    }

    /// The Rust type item `name` is mapped to, if any.
    pub(crate) fn extern_type(&self, name: &str) -> Option<&syn::Path> {
        self.externs.get(name)
    }

    /// The file item `name` is shared from, when an `extern_schema` maps it.
    pub(crate) fn shared_from(&self, name: &str) -> Option<&str> {
        self.shared.get(name).map(String::as_str)
    }

    /// The derives asked for item `name` (for every item, then for it), without those in
    /// `already` (compared by their last segment: `serde::Serialize` is `Serialize`).
    pub(crate) fn derives(&self, name: &str, already: &[&str]) -> Vec<&syn::Path> {
        let mut seen: BTreeSet<String> = already.iter().map(|s| (*s).to_owned()).collect();
        self.derive_all
            .iter()
            .chain(self.derives.get(name).into_iter().flatten())
            .filter(|path| {
                let last = path
                    .segments
                    .last()
                    .map(|s| s.ident.to_string())
                    .unwrap_or_default();
                seen.insert(last)
            })
            .collect()
    }

    /// The function bound to the custom format `name`, if any.
    pub(crate) fn format_fn(&self, name: &str) -> Option<&syn::Path> {
        self.formats.get(name)
    }

    /// The attributes asked for item `name`.
    pub(crate) fn item_attributes(&self, name: &str) -> TokenStream {
        self.item_attrs.get(name).cloned().unwrap_or_default()
    }

    /// The attributes asked for field `field` of item `item`.
    pub(crate) fn field_attributes(&self, item: &str, field: &str) -> TokenStream {
        self.field_attrs
            .get(&(item.to_owned(), field.to_owned()))
            .cloned()
            .unwrap_or_default()
    }

    /// Whether the values of item `name` can derive `Eq` and `Hash`: every type generated code
    /// uses has them, so only an item that holds an extern type (directly or not) cannot be
    /// known to. A shared item (`extern_schema`) is generated by fieldtab from the same model,
    /// so it is looked into as if generated here.
    pub(crate) fn eq_hash(&self, module: &Module, name: &str) -> bool {
        let mut todo = vec![name];
        let mut seen = BTreeSet::new();
        while let Some(name) = todo.pop() {
            if !seen.insert(name) {
                continue;
            }
            if self.externs.contains_key(name) && !self.shared.contains_key(name) {
                return false;
            }
            if let Some(item) = module.item(name)
                && let ItemKind::Message(object) | ItemKind::Struct(object) = &item.kind
            {
                todo.extend(object.fields.iter().filter_map(|f| match f.ty.element() {
                    Type::Named(inner) => Some(inner.as_str()),
                    _ => None,
                }));
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Schema;

    /// `Outer.x` is required when `inner.kind` is `A`: `Inner` exports `kind` to `Outer`.
    const READS_ACROSS: &str = "# Demo\n\n## struct Inner\n\n\
        | Identifier | Type | Request |\n|---|---|---|\n| kind | String | M |\n\n\
        ## message Outer\n\n| Identifier | Type | Request |\n|---|---|---|\n\
        | inner | Inner | M |\n| x | String | C: inner.kind = A |\n";

    #[test]
    fn an_item_whose_values_conditions_read_cannot_be_extern() {
        let schema = Schema::parse("demo.md", READS_ACROSS).unwrap_or_else(|d| panic!("{d}"));
        let options = Options::new()
            .extern_type("Outer", "crate::Outer")
            .extern_type("Inner", "crate::Inner");
        let errors = options.check(&schema).map(|_| ()).unwrap_err();
        assert_eq!(errors.0.len(), 1, "{errors}");
        assert_eq!(errors.0[0].setting, 1);
        assert!(
            errors.0[0]
                .message
                .starts_with("`Inner` cannot be an extern type"),
            "{errors}"
        );
    }

    #[test]
    fn later_settings_win_and_derives_are_not_repeated() {
        let schema = Schema::parse("demo.md", READS_ACROSS).unwrap_or_else(|d| panic!("{d}"));
        let options = Options::new()
            .rename_item("Outer", "A")
            .rename_item("Outer", "B")
            .derive(&["Hash", "serde::Deserialize", "Ord"])
            .item_derive("Outer", &["Ord", "PartialOrd"]);
        let names = Names::of(&options, &schema);
        assert_eq!(names.type_name("Outer"), "B");
        let derives: Vec<String> = names
            .derives("Outer", &["Hash", "Deserialize"])
            .iter()
            .map(|p| p.to_token_stream().to_string())
            .collect();
        assert_eq!(derives, ["Ord", "PartialOrd"]);
    }
}
