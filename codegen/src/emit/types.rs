//! The Rust type of a field (from the types of schemas/README.md's `Types` table) and the
//! tokens of the runtime's charsets and formats.
//!
//! Shared by every emitter: the struct definitions, `validate()` and the decoder must agree on a
//! field's type, so it is computed here and only here.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use crate::model::{Charset, Field, Format, Requirement, Type};
use crate::names;

/// The field's Rust type as declared in its struct: [`value_type`], wrapped in `Option` for an
/// optional or conditional field.
pub(crate) fn rust_type(field: &Field) -> TokenStream {
    let value = value_type(field);
    if is_optional(field) {
        quote!(::core::option::Option<#value>)
    } else {
        value
    }
}

/// The type of the field's value when present, from its [`Type`] and format.
pub(crate) fn value_type(field: &Field) -> TokenStream {
    type_tokens(&field.ty, field.format.as_ref())
}

/// Whether the field is an `Option` in Rust (optional or conditional).
pub(crate) fn is_optional(field: &Field) -> bool {
    !matches!(field.requirement, Requirement::Mandatory)
}

/// The Rust type of a schema type. `format` applies to the string at the bottom of arrays.
pub(crate) fn type_tokens(ty: &Type, format: Option<&Format>) -> TokenStream {
    match ty {
        Type::Iso(_) | Type::String => match format.and_then(typed_format) {
            Some(typed) => typed,
            None => quote!(::std::string::String),
        },
        Type::Integer => quote!(i64),
        Type::Number => quote!(::fieldtab::__private::Number),
        Type::Boolean => quote!(bool),
        Type::Named(name) => {
            // Items are emitted side by side in one module, so the bare name resolves to the
            // item (and shadows any prelude name it might collide with, like `Result`).
            let ident = names::type_name(name);
            quote!(#ident)
        }
        Type::Array(element) => {
            let element = type_tokens(element, format);
            quote!(::std::vec::Vec<#element>)
        }
        // Key order: a map's entries are checked and written back in key order (its keys are
        // unique: a repeated key is a violation).
        Type::Map(value) => {
            let value = type_tokens(value, format);
            quote!(::std::collections::BTreeMap<::std::string::String, #value>)
        }
        Type::Object => quote!(::fieldtab::__private::RawObject),
    }
}

/// The runtime type holding a string of this format, if the format has one: such a value is
/// valid for its format by construction.
pub(crate) fn typed_format(format: &Format) -> Option<TokenStream> {
    let name = Ident::new(format.typed_value()?, Span::call_site());
    Some(quote!(::fieldtab::__private::#name))
}

/// Whether the field's value in Rust is a runtime type rather than a `String` (strings of a
/// format that has a type, see [`typed_format`]).
pub(crate) fn is_typed_string(field: &Field) -> bool {
    let string = matches!(field.ty.element(), Type::Iso(_) | Type::String);
    string && field.format.as_ref().and_then(typed_format).is_some()
}

/// The variant name of a charset in `fieldtab_runtime::Charset`.
pub(crate) fn charset_variant(charset: Charset) -> proc_macro2::Ident {
    let name = match charset {
        Charset::A => "A",
        Charset::N => "N",
        Charset::S => "S",
        Charset::An => "An",
        Charset::As => "As",
        Charset::Ns => "Ns",
        Charset::Ans => "Ans",
    };
    proc_macro2::Ident::new(name, proc_macro2::Span::call_site())
}

/// The variant part of a `Format` constant (`LocalTime`, `Decimal { .. }`), naming `ImageKinds`
/// by what `image_kinds` gives (called only for a base64 image).
pub(crate) fn format_variant(
    format: &Format,
    image_kinds: impl FnOnce() -> TokenStream,
) -> TokenStream {
    match format {
        Format::LocalTime => quote!(LocalTime),
        Format::GmtOffset => quote!(GmtOffset),
        Format::Timestamp => quote!(Timestamp),
        Format::Date => quote!(Date),
        Format::CompactDate => quote!(CompactDate),
        Format::TimeOfDay => quote!(TimeOfDay),
        Format::CompactTimeOfDay => quote!(CompactTimeOfDay),
        Format::CurrencyAlpha => quote!(CurrencyAlpha),
        Format::CurrencyNumeric => quote!(CurrencyNumeric),
        Format::CountryAlpha2 => quote!(CountryAlpha2),
        Format::CountryAlpha3 => quote!(CountryAlpha3),
        Format::MinorUnits => quote!(MinorUnits),
        Format::Decimal { min, max, scale } => {
            let (min, max) = (Literal::i64_unsuffixed(*min), Literal::i64_unsuffixed(*max));
            let scale = Literal::u8_unsuffixed(*scale);
            quote!(Decimal { min: #min, max: #max, scale: #scale })
        }
        Format::Url => quote!(Url),
        Format::Uri => quote!(Uri),
        Format::Base64Image { max_bytes, kinds } => {
            let max_bytes = Literal::u32_unsuffixed(*max_bytes);
            let (jpeg, png) = (kinds.jpeg, kinds.png);
            let image_kinds = image_kinds();
            quote! {
                Base64Image {
                    max_bytes: #max_bytes,
                    kinds: #image_kinds { jpeg: #jpeg, png: #png },
                }
            }
        }
        Format::JsonText => quote!(JsonText),
        Format::Mobile => quote!(Mobile),
        Format::Pan { luhn } => quote!(Pan { luhn: #luhn }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Condition, Length};

    fn field(ty: Type, requirement: Requirement, format: Option<Format>) -> Field {
        Field {
            length: Some(Length::max_only(14)),
            format,
            ..Field::new("x", ty, requirement)
        }
    }

    fn text(tokens: TokenStream) -> String {
        tokens.to_string().replace(' ', "")
    }

    #[test]
    fn maps_types_and_formats() {
        let time = field(
            Type::Iso(Charset::N),
            Requirement::Mandatory,
            Some(Format::LocalTime),
        );
        assert_eq!(text(rust_type(&time)), "::fieldtab::__private::LocalTime");
        let url = field(Type::String, Requirement::Optional, Some(Format::Url));
        assert_eq!(
            text(rust_type(&url)),
            "::core::option::Option<::std::string::String>"
        );
        let condition = Requirement::Conditional(Condition::one_of("t", &[]));
        let list = field(
            Type::Array(Box::new(Type::Named("Result".into()))),
            condition,
            None,
        );
        assert_eq!(
            text(rust_type(&list)),
            "::core::option::Option<::std::vec::Vec<Result>>"
        );
    }
}
