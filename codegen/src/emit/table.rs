//! The rules table of a message or struct: the runtime's description of each row
//! (`FieldPlan`), as data, in one hidden module beside the struct. Its `validate()` and its
//! decoder both read it and hand it to the runtime's one check, so generated code holds no
//! logic of the semantics.
//!
//! The table is the schema crate's translation of the model ([`Field::with_plan`]), written out
//! as constant builder calls:
//!
//! ```text
//! mod __Image {
//!     use ::fieldtab::__private::plan::prelude::*;
//!     pub(super) const FIELDS: [FieldPlan<'static>; 2] = [
//!         FieldPlan::new("type", Mandatory)
//!             .enumeration(EnumRule::closed(&["BASE64", "URL"])),
//!         FieldPlan::new("content", Mandatory).format_when(&[ … ]),
//!     ];
//! }
//! ```

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

use fieldtab_runtime::LengthUnit;
use fieldtab_runtime::plan::{Condition, FieldPlan, Requirement};

use super::types::{charset_variant, format_variant};
use crate::model::{Item, Module, Object};
use crate::names;

/// The name of the module holding `item`'s table: `__` and the item's name (never a schema
/// item's name, which is UpperCamelCase).
pub(crate) fn module_name(item: &Item) -> Ident {
    format_ident!("__{}", names::type_name(&item.name))
}

/// The module holding the table of `item`, whose fields are `object`'s.
pub(crate) fn emit(module: &Module, item: &Item, object: &Object) -> TokenStream {
    let name = module_name(item);
    let len = Literal::usize_unsuffixed(object.fields.len());
    let rows = object
        .fields
        .iter()
        .map(|field| field.with_plan(module, object, row));
    quote! {
        #[doc(hidden)]
        #[allow(non_snake_case)]
        mod #name {
            use ::fieldtab::__private::plan::prelude::*;
            pub(super) const FIELDS: [FieldPlan<'static>; #len] = [#(#rows),*];
        }
    }
}

/// One row: `FieldPlan::new(ident, requirement)` and a builder call per rule it has.
fn row(plan: &FieldPlan<'_>) -> TokenStream {
    let ident = plan.ident;
    let requirement = match &plan.requirement {
        Requirement::Mandatory => quote!(Mandatory),
        Requirement::Optional => quote!(Optional),
        Requirement::When(condition) => {
            let condition = condition_tokens(condition);
            quote!(When(#condition))
        }
    };
    let mut row = quote!(FieldPlan::new(#ident, #requirement));
    let rules = &plan.rules;
    if let Some((unit, min, max)) = rules.length {
        let unit = match unit {
            LengthUnit::Bytes => quote!(Bytes),
            LengthUnit::Chars => quote!(Chars),
        };
        let (min, max) = (Literal::u32_unsuffixed(min), Literal::u32_unsuffixed(max));
        row.extend(quote!(.length(#unit, #min, #max)));
    }
    if let Some(charset) = rules.charset {
        let charset = charset_variant(charset);
        row.extend(quote!(.charset(Charset::#charset)));
    }
    if let Some(fixed) = rules.fixed {
        row.extend(quote!(.fixed(#fixed)));
    }
    if let Some(format) = &rules.format {
        let format = format_variant(format, || quote!(ImageKinds));
        row.extend(quote!(.format(Format::#format)));
    }
    // The enum's values are written out rather than named (`super::Status::RULE`): `super`
    // would miss an enum that `include_schema!` defined inside a function body.
    if let Some(rule) = &plan.enumeration {
        let values = rule.values;
        let rule = if rule.open {
            quote!(EnumRule::open(&[#(#values),*]))
        } else {
            quote!(EnumRule::closed(&[#(#values),*]))
        };
        row.extend(quote!(.enumeration(#rule)));
    }
    if !plan.format_when.is_empty() {
        let formats = plan.format_when.iter().map(|conditional| {
            let when = condition_tokens(&conditional.when);
            let format = format_variant(&conditional.format, || quote!(ImageKinds));
            quote!(FormatWhen { when: #when, format: Format::#format })
        });
        row.extend(quote!(.format_when(&[#(#formats),*])));
    }
    row
}

/// The indexes of the fields the object's conditions name (of conditional requirements and
/// conditional formats), in table order, once each: what the `siblings` closures of `validate()`
/// and of the decoder must answer.
pub(crate) fn condition_siblings(module: &Module, object: &Object) -> Vec<usize> {
    let mut named = Vec::new();
    for field in &object.fields {
        field.with_plan(module, object, |plan| {
            let required_when = match plan.requirement {
                Requirement::When(condition) => Some(condition),
                _ => None,
            };
            let formats_when = plan.format_when.iter().map(|conditional| conditional.when);
            for condition in required_when.into_iter().chain(formats_when) {
                if condition.sibling < object.fields.len() && !named.contains(&condition.sibling) {
                    named.push(condition.sibling);
                }
            }
        });
    }
    named.sort_unstable();
    named
}

fn condition_tokens(condition: &Condition<'_>) -> TokenStream {
    let sibling = Literal::usize_unsuffixed(condition.sibling);
    let values = condition.values;
    quote!(Condition { sibling: #sibling, values: &[#(#values),*] })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Charset, Enum, EnumValue, Field, Format, ItemKind, Length, Requirement, Type,
    };

    fn squash(tokens: TokenStream) -> String {
        tokens.to_string().replace(' ', "")
    }

    #[test]
    fn rows_are_the_runtime_description_of_each_field() {
        let kind = Item {
            name: "Kind".into(),
            doc: String::new(),
            kind: ItemKind::Enum(Enum {
                values: vec![EnumValue {
                    value: "A".into(),
                    doc: String::new(),
                }],
                open: false,
            }),
        };
        let object = Object {
            fields: vec![
                Field::new("kind", Type::Named("Kind".into()), Requirement::Mandatory),
                Field {
                    length: Some(Length::max_only(14)),
                    format: Some(Format::LocalTime),
                    ..Field::new(
                        "localTime",
                        Type::Iso(Charset::N),
                        Requirement::Conditional(crate::model::Condition {
                            sibling: "kind".into(),
                            values: vec!["A".into()],
                        }),
                    )
                },
                Field::new("count", Type::Integer, Requirement::Optional),
            ],
            deny_unknown: false,
        };
        let item = Item {
            name: "Msg".into(),
            doc: String::new(),
            kind: ItemKind::Message(object.clone()),
        };
        let module = Module {
            title: None,
            doc: String::new(),
            items: vec![kind, item.clone()],
        };
        let code = squash(emit(&module, &item, &object));
        for row in [
            r#"FieldPlan::new("kind",Mandatory).enumeration(EnumRule::closed(&["A"]))"#,
            r#"FieldPlan::new("localTime",When(Condition{sibling:0,values:&["A"]})).length(Bytes,0,14).charset(Charset::N).format(Format::LocalTime)"#,
            r#"FieldPlan::new("count",Optional)]"#,
            "mod__Msg",
        ] {
            assert!(code.contains(row), "{row} in {code}");
        }
    }
}
