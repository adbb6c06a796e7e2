//! fieldtab's code generator: a checked schema (from `fieldtab-schema`) -> Rust tokens, formatted
//! Rust, or a JSON Schema document; and [`Builder`], the `build.rs` API.
//!
//! The methods of [`Generate`] are the one way in: `schema.to_tokens()` (what `include_schema!`
//! expands to), `schema.to_rust_pretty()` (what `fieldtab expand` prints and `Builder` writes),
//! `schema.to_json_schema(..)` (what `fieldtab json-schema` prints).

mod builder;
mod emit;
pub mod json_schema;
mod names;
mod options;
mod package;
mod shared;

pub use builder::{BuildError, Builder, GENERATED_HEADER};
pub use fieldtab_schema::{Diagnostic, Diagnostics, Schema, dynamic, model};
pub use json_schema::{JsonSchema, JsonSchemaError, JsonSchemaOptions};
pub use options::{OptionError, OptionErrors, Options};
pub use package::{outside_package, outside_package_warning};

/// Code generation from a loaded [`Schema`]: Rust items and JSON Schema documents.
///
/// ```
/// use fieldtab_codegen::{Generate, Schema};
///
/// let text = "# Demo\n\n## enum Status\n\n| Value | Note |\n|---|---|\n| S | Success |\n";
/// let schema = Schema::parse("demo.md", text).unwrap();
/// assert!(schema.to_rust_pretty().contains("pub enum Status"));
/// ```
pub trait Generate {
    /// The Rust items of the schema: what `include_schema!` expands to, without its
    /// `include_str!` lines. Every path in them is absolute (`::fieldtab::__private::…`,
    /// `::core::…`), so schema items named like prelude types cannot break them.
    fn to_tokens(&self) -> proc_macro2::TokenStream;

    /// The Rust items formatted by prettyplease: what `fieldtab expand` prints, what `Builder`
    /// writes and what snapshot tests compare.
    fn to_rust_pretty(&self) -> String;

    /// [`Generate::to_tokens`] customised by `options` (derives, attributes, names, extern
    /// types), once [`Options::check`] accepts them.
    fn to_tokens_with(&self, options: &Options) -> Result<proc_macro2::TokenStream, OptionErrors>;

    /// [`Generate::to_rust_pretty`] customised by `options`.
    fn to_rust_pretty_with(&self, options: &Options) -> Result<String, OptionErrors>;

    /// The JSON Schema (draft 2020-12) of the message, struct or enum `message`, or of every item
    /// when `None`, with `options` (see [`json_schema`] for the mapping and what JSON Schema
    /// cannot express).
    ///
    /// ```no_run
    /// use fieldtab_codegen::{Generate, JsonSchemaOptions, Schema};
    ///
    /// let schema = Schema::load("schemas/upi/enrollment_registration.md")?;
    /// let export = schema.json_schema(Some("EnrollmentRegistrationRequest"), JsonSchemaOptions::new())?;
    /// assert_eq!(export.to_value()["$schema"], "https://json-schema.org/draft/2020-12/schema");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn json_schema(
        &self,
        message: Option<&str>,
        options: JsonSchemaOptions,
    ) -> Result<JsonSchema, JsonSchemaError>;

    /// [`Generate::json_schema`] with the default options, as a JSON value.
    fn to_json_schema(&self, message: Option<&str>) -> Result<serde_json::Value, JsonSchemaError> {
        self.json_schema(message, JsonSchemaOptions::new())
            .map(|export| export.to_value())
    }

    /// [`Generate::json_schema`] with the default options, pretty-printed in the schema's order:
    /// what `fieldtab json-schema` prints.
    fn to_json_schema_pretty(&self, message: Option<&str>) -> Result<String, JsonSchemaError> {
        self.json_schema(message, JsonSchemaOptions::new())
            .map(|export| export.to_pretty_string())
    }
}

impl Generate for Schema {
    fn to_tokens(&self) -> proc_macro2::TokenStream {
        emit::rust_tokens(&self.module, Default::default())
    }

    fn to_rust_pretty(&self) -> String {
        emit::rust_pretty(&self.module, Default::default())
    }

    fn to_tokens_with(&self, options: &Options) -> Result<proc_macro2::TokenStream, OptionErrors> {
        options.check(self)?;
        Ok(emit::rust_tokens(
            &self.module,
            options::Names::of(options, self),
        ))
    }

    fn to_rust_pretty_with(&self, options: &Options) -> Result<String, OptionErrors> {
        options.check(self)?;
        Ok(emit::rust_pretty(
            &self.module,
            options::Names::of(options, self),
        ))
    }

    fn json_schema(
        &self,
        message: Option<&str>,
        options: JsonSchemaOptions,
    ) -> Result<JsonSchema, JsonSchemaError> {
        json_schema::export(&self.module, message, options)
    }
}
