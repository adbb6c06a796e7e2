//! `impl Validate` for a generated struct: the contract's validation semantics applied to a
//! typed value, in table order, with wire-identifier paths.
//!
//! What the Rust types already prove is not checked again: a mandatory field is present, a
//! closed enum holds a listed value, a typed string (`LocalTime`, `Pan`, …) is in its format, an
//! integer is an integer. What is left is each string's `StrRules` (the one implementation of the
//! string rules, called with the field's rules as a `const`), conditional requirements, the
//! `required` rule of empty strings, and recursion into nested structs and arrays.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::types::{ShortNames, format_tokens, is_typed_string, str_rules_short};
use fieldtab_runtime::StrRules;

use crate::model::{Field, Format, ItemKind, Module, Object, Requirement, Type};
use crate::names;

/// `impl Validate for #name`. `field_names` are the Rust names of the object's fields.
pub(crate) fn emit(
    module: &Module,
    name: &Ident,
    object: &Object,
    field_names: &[Ident],
) -> TokenStream {
    let mut consts = Vec::new();
    let mut checks = Vec::new();
    let mut names_used = ShortNames::default();
    for (field, rust_name) in object.fields.iter().zip(field_names) {
        let mut names = ShortNames::default();
        let rules = rules_const(field, rust_name, &mut names);
        let Some(check) = field_check(module, object, field_names, field, rust_name, &rules) else {
            continue;
        };
        if let Some((_, decl)) = rules {
            consts.push(decl);
            names_used.add(&names);
        }
        checks.push(check);
    }
    // Named so that a struct with nothing to check compiles without unused-variable warnings.
    let (path, report) = if checks.is_empty() {
        (format_ident!("_path"), format_ident!("_report"))
    } else {
        (format_ident!("path"), format_ident!("report"))
    };
    // The rules' names imported in the body (they shadow schema items only there), so the
    // constants read like the schema's rows.
    let uses = names_used.uses();
    quote! {
        impl ::fieldtab::__private::Validate for #name {
            fn validate_into(
                &self,
                #path: &::fieldtab::__private::Path<'_>,
                #report: &mut ::fieldtab::__private::Report,
            ) {
                #uses
                #(#consts)*
                #(#checks)*
            }
        }
    }
}

/// The field's `StrRules` as a named `const` (its name and declaration), for string fields that
/// have a rule left to check at run time.
fn rules_const(
    field: &Field,
    rust_name: &Ident,
    names: &mut ShortNames,
) -> Option<(Ident, TokenStream)> {
    // A typed value proves its format, so only length, charset and the fixed value remain.
    let typed = is_typed_string(field);
    if typed && proven_by_type(field) {
        return None;
    }
    let rules = str_rules_short(field, !typed, names)?;
    let const_name = names::const_name(rust_name);
    let decl = quote!(const #const_name: StrRules<'static> = #rules;);
    Some((const_name, decl))
}

/// Whether every value of the field's runtime type passes the field's length and charset rules
/// (a fixed value is always checked), so `validate()` need not render it to text. Decided at
/// generation time by the runtime's own rules, on the texts at the extremes of the type's shape:
/// the ISO charsets treat all digits alike and all letters alike, and lengths are intervals.
fn proven_by_type(field: &Field) -> bool {
    if field.fixed.is_some() {
        return false;
    }
    let Some(rules) = field.str_rules() else {
        return false;
    };
    if rules.length.is_none() && rules.charset.is_none() {
        return true;
    }
    let rules = StrRules {
        format: None,
        ..rules
    };
    // The runtime's extremes of the format's shape; `None` (a timestamp varies in shape, with
    // fractions and `Z` or an offset) leaves the rules to run time.
    let Some(extremes) = field.format.as_ref().and_then(Format::extremes) else {
        return false;
    };
    extremes.iter().all(|text| rules.is_valid(text, false))
}

/// Whether an empty string is a `required` violation, when known at generation time.
#[derive(Clone, Copy)]
enum Required<'a> {
    /// Mandatory fields.
    Yes,
    /// Optional fields and array elements (values, not fields).
    No,
    /// Conditional fields: the named `bool` local holds the condition.
    If(&'a Ident),
}

impl Required<'_> {
    fn tokens(self) -> TokenStream {
        match self {
            Required::Yes => quote!(true),
            Required::No => quote!(false),
            Required::If(local) => quote!(#local),
        }
    }
}

/// A present value in generated code: `by_ref` is a `&T` expression for arguments, `place` a
/// receiver for method calls (`&self.x` and `self.x`, or `value` twice for a bound reference).
struct Value {
    by_ref: TokenStream,
    place: TokenStream,
}

impl Value {
    fn bound(name: &str) -> Value {
        let ident = format_ident!("{name}");
        Value {
            by_ref: quote!(#ident),
            place: quote!(#ident),
        }
    }
}

/// The statements checking one field, or `None` when its Rust type proves every rule.
fn field_check(
    module: &Module,
    object: &Object,
    field_names: &[Ident],
    field: &Field,
    rust_name: &Ident,
    rules: &Option<(Ident, TokenStream)>,
) -> Option<TokenStream> {
    let wire = &field.ident;
    let path = quote!(path.key(#wire));
    let rules = rules.as_ref().map(|(name, _)| name);
    match &field.requirement {
        Requirement::Mandatory => {
            let value = Value {
                by_ref: quote!(&self.#rust_name),
                place: quote!(self.#rust_name),
            };
            let check = value_check(
                module,
                field,
                &field.ty,
                rules,
                &value,
                Required::Yes,
                &path,
            );
            let scope = Scope {
                module,
                object,
                field_names,
            };
            with_formats(check, &scope, field, rules, &value, Required::Yes, &path)
        }
        Requirement::Optional => {
            let value = Value::bound("value");
            let check = value_check(module, field, &field.ty, rules, &value, Required::No, &path);
            let scope = Scope {
                module,
                object,
                field_names,
            };
            let check = with_formats(check, &scope, field, rules, &value, Required::No, &path)?;
            Some(quote! {
                if let ::core::option::Option::Some(value) = &self.#rust_name {
                    #check
                }
            })
        }
        Requirement::Conditional(condition) => {
            let holds = condition_holds(
                module,
                object,
                field_names,
                &condition.sibling,
                &condition.values,
            );
            let local = format_ident!("required");
            let value = Value::bound("value");
            let missing =
                quote!(report.push(&#path, ::fieldtab::__private::RuleError::required()););
            let check = value_check(
                module,
                field,
                &field.ty,
                rules,
                &value,
                Required::If(&local),
                &path,
            );
            let scope = Scope {
                module,
                object,
                field_names,
            };
            match with_formats(
                check,
                &scope,
                field,
                rules,
                &value,
                Required::If(&local),
                &path,
            ) {
                Some(present) => Some(quote! {
                    {
                        let #local = #holds;
                        if let ::core::option::Option::Some(value) = &self.#rust_name {
                            #present
                        } else if #local {
                            #missing
                        }
                    }
                }),
                None => Some(quote! {
                    if self.#rust_name.is_none() && #holds {
                        #missing
                    }
                }),
            }
        }
    }
}

/// What [`condition_holds`] needs to look at a field's siblings.
struct Scope<'a> {
    module: &'a Module,
    object: &'a Object,
    field_names: &'a [Ident],
}

/// `check` followed by the field's conditional formats (point 4b of the validation semantics):
/// each whose condition holds is checked, in order, by the runtime with the field's rules (which
/// skip it for an empty required value or a failed charset). Only plain string fields have them.
fn with_formats(
    check: Option<TokenStream>,
    scope: &Scope<'_>,
    field: &Field,
    rules: Option<&Ident>,
    value: &Value,
    required: Required<'_>,
    path: &TokenStream,
) -> Option<TokenStream> {
    let rules = match rules {
        Some(rules) if !field.format_when.is_empty() => rules,
        _ => return check,
    };
    if !matches!(field.ty, Type::Iso(_) | Type::String) {
        return check;
    }
    let by_ref = &value.by_ref;
    let required = required.tokens();
    let formats = field.format_when.iter().map(|conditional| {
        let holds = condition_holds(
            scope.module,
            scope.object,
            scope.field_names,
            &conditional.when.sibling,
            &conditional.when.values,
        );
        let format = format_tokens(&conditional.format);
        quote! {
            if #holds {
                #rules.check_conditional_format(&#format, #by_ref, #required, &#path, report);
            }
        }
    });
    let check = check.unwrap_or_default();
    Some(quote!(#check #(#formats)*))
}

/// The statements checking one present value of schema type `ty` at `path`, or `None` when
/// there is nothing to check.
fn value_check(
    module: &Module,
    field: &Field,
    ty: &Type,
    rules: Option<&Ident>,
    value: &Value,
    required: Required<'_>,
    path: &TokenStream,
) -> Option<TokenStream> {
    let Value { by_ref, place } = value;
    match ty {
        Type::Iso(_) | Type::String => {
            let rules = rules?;
            let text = if is_typed_string(field) {
                quote!(&::fieldtab::__private::ToWireStr::to_wire_str(#by_ref))
            } else {
                quote!(#by_ref)
            };
            let required = required.tokens();
            Some(quote!(#rules.check(#text, #required, &#path, report);))
        }
        Type::Integer | Type::Boolean => None,
        Type::Array(element) => {
            // Elements are values, not fields: an empty string element is not `required`.
            // Nested arrays number their indexes by depth: `index`, `index_1`, …
            let index = match array_depth(&field.ty) - array_depth(ty) {
                0 => format_ident!("index"),
                depth => format_ident!("index_{depth}"),
            };
            let element_path = quote!(#path.index(#index));
            let element_value = Value::bound("value");
            let check = value_check(
                module,
                field,
                element,
                rules,
                &element_value,
                Required::No,
                &element_path,
            )?;
            Some(quote! {
                for (#index, value) in #place.iter().enumerate() {
                    #check
                }
            })
        }
        Type::Named(name) => match module.item(name).map(|item| &item.kind) {
            Some(ItemKind::Message(_) | ItemKind::Struct(_)) => Some(quote! {
                ::fieldtab::__private::Validate::validate_into(#by_ref, &#path, report);
            }),
            // A closed enum holds a listed value by construction; what is left is the fixed
            // value and the `required` rule of an empty value (possible in an open enum).
            Some(ItemKind::Enum(en))
                if field.fixed.is_some()
                    || (!matches!(required, Required::No) && en.accepts("")) =>
            {
                let rules = super::types::enum_rules(field);
                let required = required.tokens();
                Some(quote!(#rules.check(#place.as_str(), #required, &#path, report);))
            }
            Some(ItemKind::Enum(_)) | None => None,
        },
    }
}

/// How many arrays `ty` nests.
fn array_depth(ty: &Type) -> usize {
    match ty {
        Type::Array(element) => 1 + array_depth(element),
        _ => 0,
    }
}

/// Whether the condition on `sibling` holds: the sibling is present and its wire text is one of
/// `values`.
fn condition_holds(
    module: &Module,
    object: &Object,
    field_names: &[Ident],
    sibling: &str,
    values: &[String],
) -> TokenStream {
    let Some((field, rust_name)) = object
        .fields
        .iter()
        .zip(field_names)
        .find(|(f, _)| f.ident == sibling)
    else {
        // The checker guarantees the sibling exists; a missing one never holds.
        return quote!(false);
    };
    let is_enum =
        |name: &str| matches!(module.item(name).map(|i| &i.kind), Some(ItemKind::Enum(_)));
    let text = |value: Value| -> Option<TokenStream> {
        let Value { by_ref, place } = value;
        Some(match &field.ty {
            Type::Named(name) if is_enum(name) => quote!(#place.as_str()),
            Type::Iso(_) | Type::String if is_typed_string(field) => {
                quote!(&*::fieldtab::__private::ToWireStr::to_wire_str(#by_ref))
            }
            Type::Iso(_) | Type::String => quote!(#place.as_str()),
            // The checker only lets conditions name string or enum siblings.
            _ => return None,
        })
    };
    if values.is_empty() {
        return quote!(false);
    }
    let pattern = quote!(#(#values)|*);
    if matches!(field.requirement, Requirement::Mandatory) {
        match text(Value {
            by_ref: quote!(&self.#rust_name),
            place: quote!(self.#rust_name),
        }) {
            Some(text) => quote!(::core::matches!(#text, #pattern)),
            None => quote!(false),
        }
    } else {
        match text(Value::bound("value")) {
            Some(text) => quote! {
                self.#rust_name.as_ref().is_some_and(|value| ::core::matches!(#text, #pattern))
            },
            None => quote!(false),
        }
    }
}
