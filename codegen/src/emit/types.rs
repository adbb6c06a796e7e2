//! The Rust type of a field (the contract's type mapping) and the tokens of its string rules.
//!
//! Shared by every emitter: the struct definitions, `validate()` and the decoder must agree on a
//! field's type and rules, so both are computed here and only here.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use fieldtab_runtime::LengthUnit;

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

/// The type of the field's value when present: the contract's mapping of [`Type`] and format.
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

/// A `::fieldtab::__private::StrRules` expression (a constant) equal to [`Field::str_rules`]:
/// length, charset, fixed value and, when `with_format`, the format. `None` for fields whose
/// values are not strings. Every path is absolute, so it is valid anywhere.
///
/// Code that holds a typed value (see [`is_typed_string`]) passes `with_format = false`: the type
/// already proves the format. (The emitters use [`str_rules_short`]; this absolute form is what
/// the tests below read.)
#[cfg(test)]
pub(crate) fn str_rules(field: &Field, with_format: bool) -> Option<TokenStream> {
    rules_tokens(field, with_format, None)
}

/// A `::fieldtab::__private::StrRules` expression (a constant) equal to [`Field::enum_rules`]:
/// the rules of an enum field's values, only its fixed value.
pub(crate) fn enum_rules(field: &Field) -> TokenStream {
    match field.enum_rules().fixed {
        Some(value) => quote! {
            ::fieldtab::__private::StrRules {
                fixed: ::core::option::Option::Some(#value),
                ..::fieldtab::__private::StrRules::NONE
            }
        },
        None => quote!(::fieldtab::__private::StrRules::NONE),
    }
}

/// [`str_rules`] with short names (`Some`, `LengthUnit::Bytes`, …), for a scope that imports
/// them with [`ShortNames::uses`]; `names` records which are needed.
pub(crate) fn str_rules_short(
    field: &Field,
    with_format: bool,
    names: &mut ShortNames,
) -> Option<TokenStream> {
    rules_tokens(field, with_format, Some(names))
}

/// The short names some [`str_rules_short`] output uses, to import them in its scope (a function
/// body, where the imports shadow any schema item of the same name without touching it).
#[derive(Default)]
pub(crate) struct ShortNames {
    some: bool,
    none: bool,
    str_rules: bool,
    length_unit: bool,
    charset: bool,
    format: bool,
    image_kinds: bool,
}

impl ShortNames {
    /// Records the names `other` records too.
    pub(crate) fn add(&mut self, other: &ShortNames) {
        self.some |= other.some;
        self.none |= other.none;
        self.str_rules |= other.str_rules;
        self.length_unit |= other.length_unit;
        self.charset |= other.charset;
        self.format |= other.format;
        self.image_kinds |= other.image_kinds;
    }

    /// `StrRules`, recorded as used (the type of the constants that hold the rules).
    pub(crate) fn str_rules_type(&mut self) -> Ident {
        self.str_rules = true;
        Ident::new("StrRules", Span::call_site())
    }

    /// The `use` items for the names recorded, nothing when none is.
    pub(crate) fn uses(&self) -> TokenStream {
        let runtime: Vec<Ident> = [
            (self.charset, "Charset"),
            (self.format, "Format"),
            (self.image_kinds, "ImageKinds"),
            (self.length_unit, "LengthUnit"),
            (self.str_rules, "StrRules"),
        ]
        .into_iter()
        .filter(|(used, _)| *used)
        .map(|(_, name)| Ident::new(name, Span::call_site()))
        .collect();
        let option: Vec<Ident> = [(self.none, "None"), (self.some, "Some")]
            .into_iter()
            .filter(|(used, _)| *used)
            .map(|(_, name)| Ident::new(name, Span::call_site()))
            .collect();
        let mut uses = TokenStream::new();
        if !runtime.is_empty() {
            uses.extend(quote!(use ::fieldtab::__private::{#(#runtime),*};));
        }
        if !option.is_empty() {
            uses.extend(quote!(use ::core::option::Option::{#(#option),*};));
        }
        uses
    }
}

/// The one rendering of a field's rules as tokens, with absolute paths (`short` is `None`) or
/// short names recorded in `short`.
fn rules_tokens(
    field: &Field,
    with_format: bool,
    short: Option<&mut ShortNames>,
) -> Option<TokenStream> {
    let rules = field.str_rules()?;
    let mut n = Namer(short);
    let length = match rules.length {
        Some((unit, min, max)) => {
            let unit = match unit {
                LengthUnit::Bytes => quote!(Bytes),
                LengthUnit::Chars => quote!(Chars),
            };
            let (min, max) = (Literal::u32_unsuffixed(min), Literal::u32_unsuffixed(max));
            let length_unit = n.name(|s| &mut s.length_unit, "LengthUnit");
            n.some(quote!((#length_unit::#unit, #min, #max)))
        }
        None => n.none(),
    };
    let charset = match rules.charset {
        Some(charset) => {
            let variant = charset_variant(charset);
            let charset = n.name(|s| &mut s.charset, "Charset");
            n.some(quote!(#charset::#variant))
        }
        None => n.none(),
    };
    let fixed = match rules.fixed {
        Some(value) => n.some(quote!(#value)),
        None => n.none(),
    };
    let format = match rules.format.filter(|_| with_format) {
        Some(format) => {
            let path = n.name(|s| &mut s.format, "Format");
            let variant = format_variant(&format, || n.name(|s| &mut s.image_kinds, "ImageKinds"));
            n.some(quote!(#path::#variant))
        }
        None => n.none(),
    };
    let str_rules = n.name(|s| &mut s.str_rules, "StrRules");
    Some(quote! {
        #str_rules {
            length: #length,
            charset: #charset,
            fixed: #fixed,
            format: #format,
        }
    })
}

/// Names runtime items absolutely, or by their short name (recorded for [`ShortNames::uses`]).
struct Namer<'a>(Option<&'a mut ShortNames>);

impl Namer<'_> {
    /// `::fieldtab::__private::{bare}`, or `bare` with its flag set.
    fn name(&mut self, flag: fn(&mut ShortNames) -> &mut bool, bare: &str) -> TokenStream {
        let ident = Ident::new(bare, Span::call_site());
        match self.0.as_deref_mut() {
            Some(names) => {
                *flag(names) = true;
                quote!(#ident)
            }
            None => quote!(::fieldtab::__private::#ident),
        }
    }

    fn some(&mut self, value: TokenStream) -> TokenStream {
        match self.0.as_deref_mut() {
            Some(names) => {
                names.some = true;
                quote!(Some(#value))
            }
            None => quote!(::core::option::Option::Some(#value)),
        }
    }

    fn none(&mut self) -> TokenStream {
        match self.0.as_deref_mut() {
            Some(names) => {
                names.none = true;
                quote!(None)
            }
            None => quote!(::core::option::Option::None),
        }
    }
}

/// The variant name of a charset in `fieldtab_runtime::Charset`.
fn charset_variant(charset: Charset) -> proc_macro2::Ident {
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

/// A `::fieldtab::__private::Format` constant expression equal to `format`.
pub(crate) fn format_tokens(format: &Format) -> TokenStream {
    let variant = format_variant(format, || quote!(::fieldtab::__private::ImageKinds));
    quote!(::fieldtab::__private::Format::#variant)
}

/// The variant part of a `Format` constant (`LocalTime`, `Decimal { .. }`), naming `ImageKinds`
/// by what `image_kinds` gives (called only for a base64 image).
fn format_variant(format: &Format, image_kinds: impl FnOnce() -> TokenStream) -> TokenStream {
    match format {
        Format::LocalTime => quote!(LocalTime),
        Format::GmtOffset => quote!(GmtOffset),
        Format::Timestamp => quote!(Timestamp),
        Format::CurrencyAlpha => quote!(CurrencyAlpha),
        Format::CurrencyNumeric => quote!(CurrencyNumeric),
        Format::MinorUnits => quote!(MinorUnits),
        Format::Decimal { min, max, scale } => {
            let (min, max) = (Literal::i64_unsuffixed(*min), Literal::i64_unsuffixed(*max));
            let scale = Literal::u8_unsuffixed(*scale);
            quote!(Decimal { min: #min, max: #max, scale: #scale })
        }
        Format::Url => quote!(Url),
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
        let condition = Requirement::Conditional(Condition {
            sibling: "t".into(),
            values: vec![],
        });
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

    #[test]
    fn rules_of_strings_only() {
        let time = field(
            Type::Iso(Charset::N),
            Requirement::Mandatory,
            Some(Format::LocalTime),
        );
        let rules = text(str_rules(&time, true).unwrap_or_default());
        assert!(rules.contains("LengthUnit::Bytes,0,14"), "{rules}");
        assert!(rules.contains("Charset::N"), "{rules}");
        assert!(rules.contains("Format::LocalTime"), "{rules}");
        let without = text(str_rules(&time, false).unwrap_or_default());
        assert!(
            without.contains("format:::core::option::Option::None"),
            "{without}"
        );
        let count = field(Type::Integer, Requirement::Mandatory, None);
        assert!(str_rules(&count, true).is_none());
    }
}
