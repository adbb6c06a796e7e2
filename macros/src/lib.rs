//! The `include_schema!` proc-macro of fieldtab. Use it through the `fieldtab` facade.
//!
//! A thin shell over `fieldtab-codegen`: it resolves the path, loads the schema, and turns the
//! outcome into tokens. It never panics; every failure is a `compile_error!`.

use std::path::{Path, PathBuf};

mod options;

use fieldtab_codegen::{Diagnostics, Generate, Schema};
use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::parse::{Parse, ParseStream};
use syn::{Error, LitStr};

/// Expands to the Rust items generated from a schema file: a struct per message and struct, an
/// enum per enum, with their `Serialize`, `Deserialize`, `Debug`, `Validate` and `Message` impls.
///
/// Options after the path customise the generated code, as `Builder`'s setters do (one model,
/// `fieldtab_codegen::Options`):
///
/// ```ignore
/// fieldtab::include_schema!(
///     "schemas/upi/enrollment_registration.md",
///     derive(PartialOrd),                                   // on every item
///     derive(EnrollmentRegistrationData: Ord),              // on one item
///     attribute(EnrollmentRegistrationRequest = #[non_exhaustive]),
///     attribute(EnrollmentRegistrationData.cardNo = #[doc(alias = "pan")]),
///     rename(EnrollmentRegistrationRequest = Enrollment, EnrollmentRegistrationData.cardNo = pan),
///     extern_type(EnrollmentRegistrationData = crate::common::CardholderData),
/// );
/// ```
///
/// Two schemas importing one file share its types with `extern_schema`: the file is generated
/// once, and each schema refers to its items there instead of generating them again.
///
/// ```ignore
/// pub mod common { fieldtab::include_schema!("schemas/upi/common.md"); }
/// pub mod enrollment {
///     fieldtab::include_schema!(
///         "schemas/upi/enrollment_registration.md",
///         extern_schema("common.md" = crate::common),
///     );
/// }
/// ```
///
/// Items are named as in the schema, fields by their wire identifier (`Item."3ds"` for one that
/// is not a Rust identifier); an option naming something the schema does not have is an error
/// at the option.
///
/// The path is relative to the calling crate's `CARGO_MANIFEST_DIR`. The expansion also holds
/// `include_str!` of the file and of every file it imports, so cargo rebuilds the crate when
/// any of them changes. A bad schema is a compile error holding every diagnostic
/// (`file:line:col`, the line, a caret, a help line).
///
/// ```ignore
/// mod enrollment {
///     fieldtab::include_schema!("schemas/upi/enrollment_registration.md");
/// }
/// ```
///
/// Tests may set `FIELDTAB_MANIFEST_DIR_OVERRIDE` to resolve paths against another folder
/// (trybuild builds its test crates under `target/`, trybuild #202).
#[proc_macro]
pub fn include_schema(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let arg = match syn::parse2::<Argument>(input.into()) {
        Ok(arg) => arg,
        Err(error) => return error.to_compile_error().into(),
    };
    // The reader and the emitters are tested never to panic; should one still do so, the user
    // gets an error at the call rather than "proc macro panicked".
    let expanded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| expand(&arg)))
        .unwrap_or_else(|_| {
            Err(Error::new(
                arg.path.span(),
                "internal error: fieldtab failed on this schema; please report it with the file",
            ))
        });
    match expanded {
        Ok(tokens) => tokens.into(),
        Err(error) => error.to_compile_error().into(),
    }
}

/// The arguments: the schema's path, a string literal, then the options.
struct Argument {
    path: LitStr,
    options: options::Parsed,
}

impl Parse for Argument {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        const USAGE: &str =
            "expected the path of a schema file: `include_schema!(\"schemas/upi/x.md\")`";
        if input.is_empty() {
            return Err(Error::new(Span::call_site(), USAGE));
        }
        // Spanned on the first token of the argument: joining spans is unstable, so a
        // multi-token span would fall back to the whole macro call.
        let span = input.span();
        let path = match input.parse::<LitStr>() {
            Ok(path) => path,
            Err(_) => {
                return Err(Error::new(
                    span,
                    format!("{USAGE}; the path must be a string literal"),
                ));
            }
        };
        // A trailing comma is fine, as in `println!`; options may follow it.
        if input.peek(syn::Token![,]) {
            input.parse::<syn::Token![,]>()?;
        } else if !input.is_empty() {
            return Err(Error::new(
                input.span(),
                "expected `,` after the schema path",
            ));
        }
        if input.peek(LitStr) {
            return Err(Error::new(
                input.span(),
                "`include_schema!` takes exactly one schema path; call it once per file",
            ));
        }
        let options = options::Parsed::parse(input)?;
        Ok(Argument { path, options })
    }
}

fn expand(arg: &Argument) -> syn::Result<TokenStream> {
    let literal = &arg.path;
    let base = manifest_dir().ok_or_else(|| {
        Error::new(
            Span::call_site(),
            "CARGO_MANIFEST_DIR is not set: build with cargo",
        )
    })?;
    let relative = literal.value();
    let path = base.join(&relative);
    if path.is_dir() {
        return Err(Error::new(
            literal.span(),
            format!(
                "`{relative}` is a folder: `include_schema!` takes one schema file per call \
                 (no globbing, so cargo can track every file it reads)"
            ),
        ));
    }
    if !path.is_file() {
        // The absolute folder is left out: it differs on every machine, and the relative path
        // is what the user wrote.
        return Err(Error::new(
            literal.span(),
            format!(
                "schema file not found: `{relative}` (paths are relative to the folder of the \
                 crate's Cargo.toml, CARGO_MANIFEST_DIR)"
            ),
        ));
    }
    let rebuild_on_change = |files: &[PathBuf]| {
        let files = files
            .iter()
            .map(|file| base.join(file).display().to_string());
        quote!(#(const _: &str = ::core::include_str!(#files);)*)
    };
    match Schema::load(&path) {
        Ok(schema) => {
            let items = schema
                .to_tokens_with(&arg.options.options)
                .map_err(|errors| {
                    let mut all = errors.0.iter().map(|e| {
                        let span = arg.options.spans.get(e.setting).copied();
                        Error::new(span.unwrap_or_else(|| literal.span()), &e.message)
                    });
                    let mut error = all
                        .next()
                        .unwrap_or_else(|| Error::new(literal.span(), "invalid options"));
                    all.for_each(|e| error.combine(e));
                    error
                })?;
            let tracked = rebuild_on_change(&schema.files);
            let warnings = outside_package_warnings(&base, &relative, &schema.files, literal);
            Ok(quote!(#items #tracked #warnings))
        }
        // The file exists but cannot be read (permissions, a folder): the message alone, as
        // rustc words its own errors.
        Err(diagnostics) if diagnostics.is_io_error() => {
            let messages: Vec<String> = strip_base(&diagnostics, &base)
                .into_iter()
                .map(|d| d.message)
                .collect();
            Err(Error::new(literal.span(), messages.join("; ")))
        }
        Err(diagnostics) => {
            // One error per error diagnostic, as rustc reports several, all at the path
            // literal: a proc-macro cannot point into another file. Warnings never fail a
            // build (a schema with only warnings loads); `fieldtab check` shows them.
            let errors = strip_base(&diagnostics, &base);
            let mut errors = errors.into_iter().filter(|d| d.is_error()).map(|d| {
                // rustc prints `error: ` itself: `x.md:7:16: message`, not
                // `error: x.md:7:16: error: message`.
                let text = d.to_string().replacen(": error: ", ": ", 1);
                Error::new(literal.span(), text)
            });
            let mut error = errors
                .next()
                .unwrap_or_else(|| Error::new(literal.span(), "invalid schema"));
            errors.for_each(|e| error.combine(e));
            Err(error)
        }
    }
}

/// A compiler warning, at the path literal, for each file read from outside the crate's folder
/// (which `cargo package` leaves out). A proc-macro has no stable way to warn, so this uses a
/// deprecated constant, whose use rustc reports with the note; `#[allow(deprecated)]` silences
/// it.
fn outside_package_warnings(
    base: &Path,
    relative: &str,
    files: &[PathBuf],
    literal: &LitStr,
) -> TokenStream {
    let outside = fieldtab_codegen::outside_package(base, files);
    let warnings = outside.iter().map(|file| {
        // The root as the user wrote it; an import as the loader joined it.
        let shown = if file == &files[0] {
            PathBuf::from(relative)
        } else {
            file.strip_prefix(base).unwrap_or(file).to_path_buf()
        };
        let note = fieldtab_codegen::outside_package_warning(&shown);
        quote::quote_spanned! {literal.span()=>
            const _: () = {
                #[deprecated(note = #note)]
                #[allow(non_upper_case_globals)]
                const schema_outside_the_package: () = ();
                schema_outside_the_package
            };
        }
    });
    quote!(#(#warnings)*)
}

/// Where schema paths are resolved: `FIELDTAB_MANIFEST_DIR_OVERRIDE` (tests) or the calling
/// crate's `CARGO_MANIFEST_DIR`.
fn manifest_dir() -> Option<PathBuf> {
    std::env::var_os("FIELDTAB_MANIFEST_DIR_OVERRIDE")
        .or_else(|| std::env::var_os("CARGO_MANIFEST_DIR"))
        .map(PathBuf::from)
}

/// The diagnostics with file paths shown relative to `base`, as the user wrote them (and
/// stable across machines, for UI tests).
fn strip_base(diagnostics: &Diagnostics, base: &Path) -> Vec<fieldtab_codegen::Diagnostic> {
    diagnostics
        .iter()
        .map(|d| {
            let mut d = d.clone();
            if let Ok(relative) = d.file.strip_prefix(base) {
                d.file = relative.to_path_buf();
            }
            let prefix = format!("{}/", base.display());
            d.message = d.message.replace(&prefix, "");
            d
        })
        .collect()
}
