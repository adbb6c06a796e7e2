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
//!
//! A field with a pattern gets a function beside the table that returns it from a `static`
//! compiled on first use (`.pattern(zip_pattern)`): a `const` table is copied at each use, so
//! it holds the function, and every check of the field reaches the one compiled pattern.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

use fieldtab_runtime::plan::{
    Condition, FactPath, FieldPlan, GroupKind, GroupRule, Requirement, Value, ValueKind,
};
use fieldtab_runtime::{LengthUnit, NumberRules};

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
    let rust_names = names::field_names(&item.name, &object.fields);
    let mut pattern_fns = Vec::new();
    let rows: Vec<TokenStream> = object
        .fields
        .iter()
        .zip(&rust_names)
        .map(|(field, rust_name)| {
            let pattern_fn = field.pattern.as_ref().map(|pattern| {
                let get =
                    format_ident!("{}_pattern", rust_name.to_string().trim_start_matches("r#"));
                let source = pattern.as_str();
                let doc = format!(
                    " The pattern of `{}`, compiled on its first use.",
                    field.ident
                );
                pattern_fns.push(quote! {
                    #[doc = #doc]
                    fn #get() -> &'static Pattern {
                        static PATTERN: LazyPattern = LazyPattern::new(#source);
                        PATTERN.get()
                    }
                });
                get
            });
            let custom = super::custom::call(field);
            field.with_plan(module, object, |plan| {
                row(plan, pattern_fn.as_ref(), custom.clone())
            })
        })
        .collect();
    let groups = object.with_groups(|groups| {
        if groups.is_empty() {
            return TokenStream::new();
        }
        let len = Literal::usize_unsuffixed(groups.len());
        let groups = groups.iter().map(group);
        quote!(pub(super) const GROUPS: [GroupRule<'static>; #len] = [#(#groups),*];)
    });
    quote! {
        #[doc(hidden)]
        #[allow(non_snake_case)]
        mod #name {
            use ::fieldtab::__private::plan::prelude::*;
            pub(super) const FIELDS: [FieldPlan<'static>; #len] = [#(#rows),*];
            #groups
            #(#pattern_fns)*
        }
    }
}

/// One group: `GroupRule::new(kind, &[(index, ident), …])`.
fn group(rule: &GroupRule<'_>) -> TokenStream {
    let kind = match rule.kind {
        GroupKind::ExactlyOne => quote!(ExactlyOne),
        GroupKind::AtMostOne => quote!(AtMostOne),
        GroupKind::AtLeastOne => quote!(AtLeastOne),
        GroupKind::AllOrNone => quote!(AllOrNone),
    };
    let members = rule.members.iter().map(|&(index, ident)| {
        let index = Literal::usize_unsuffixed(index);
        quote!((#index, #ident))
    });
    quote!(GroupRule::new(#kind, &[#(#members),*]))
}

/// The indexes of the fields the object's groups name, in table order, once each: the
/// presence flags `validate()` and the decoder hand to the groups' check.
pub(crate) fn group_members(object: &Object) -> Vec<usize> {
    let mut members: Vec<usize> = object.with_groups(|groups| {
        groups
            .iter()
            .flat_map(|group| group.members.iter().map(|&(index, _)| index))
            .collect()
    });
    members.sort_unstable();
    members.dedup();
    members
}

/// One row: `FieldPlan::new(ident, requirement)` and a builder call per rule it has;
/// `pattern_fn` returns the field's pattern, if it has one; `custom` is the call of its custom
/// format, if it has one (the plan of the model holds none: the function is an option's).
fn row(
    plan: &FieldPlan<'_>,
    pattern_fn: Option<&Ident>,
    custom: Option<TokenStream>,
) -> TokenStream {
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
    if let Some(forbidden) = rules.forbidden {
        row.extend(quote!(.forbidden(#forbidden)));
    }
    if let Some(fixed) = rules.fixed {
        row.extend(quote!(.fixed(#fixed)));
    }
    if let Some(get) = pattern_fn {
        row.extend(quote!(.pattern(#get)));
    }
    if let Some(format) = &rules.format {
        let format = format_variant(format, || quote!(ImageKinds));
        row.extend(quote!(.format(Format::#format)));
    }
    row.extend(custom);
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
    match plan.value {
        ValueKind::Text => {}
        ValueKind::Number(rules) => row.extend(number_tokens(&rules)),
        ValueKind::Boolean => row.extend(quote!(.boolean())),
    }
    if !plan.accepts.is_none() {
        let kinds = [
            (plan.accepts.number, quote!(Accepts::NUMBER)),
            (plan.accepts.boolean, quote!(Accepts::BOOLEAN)),
            (plan.accepts.string, quote!(Accepts::STRING)),
        ];
        let mut kinds = kinds.into_iter().filter(|(on, _)| *on).map(|(_, k)| k);
        let first = kinds.next().unwrap_or_default();
        row.extend(quote!(.accepts(#first #(.and(#kinds))*)));
    }
    if !plan.format_when.is_empty() {
        let formats = plan.format_when.iter().map(|conditional| {
            let when = condition_tokens(&conditional.when);
            let format = format_variant(&conditional.format, || quote!(ImageKinds));
            quote!(FormatWhen { when: #when, format: Format::#format })
        });
        row.extend(quote!(.format_when(&[#(#formats),*])));
    }
    if let Some(items) = plan.items {
        let min = Literal::u32_unsuffixed(items.min);
        // The table's module sees only the plan prelude and std's: `Some` is std's.
        let max = match items.max {
            Some(max) => {
                let max = Literal::u32_unsuffixed(max);
                quote!(Some(#max))
            }
            None => quote!(None),
        };
        row.extend(quote!(.items(#min, #max)));
    }
    if let Some(at) = &plan.currency {
        let at = path_tokens(at);
        row.extend(quote!(.currency(#at)));
    }
    row
}

/// `.number(NumberRules::INTEGER)`, with `.range(…)` and `.scale(…)` when the field states
/// them.
fn number_tokens(rules: &NumberRules<'_>) -> TokenStream {
    let mut tokens = if rules.integer {
        quote!(NumberRules::INTEGER)
    } else {
        quote!(NumberRules::NUMBER)
    };
    if rules.min.is_some() || rules.max.is_some() {
        // The table's module imports nothing named `Some` or `None` but the prelude's.
        let bound = |b: Option<&str>| match b {
            Some(b) => quote!(Some(#b)),
            None => quote!(None),
        };
        let (min, max) = (bound(rules.min), bound(rules.max));
        tokens.extend(quote!(.range(#min, #max)));
    }
    if let Some(scale) = rules.scale {
        let scale = Literal::u32_unsuffixed(scale);
        tokens.extend(quote!(.scale(#scale)));
    }
    quote!(.number(#tokens))
}

/// The tokens of a condition: `In(FactPath::own(0, &["type"]), &[Str("A")])`, `Not(&…)`,
/// `All(&[…])`.
fn condition_tokens(condition: &Condition<'_>) -> TokenStream {
    match condition {
        Condition::In(path, values) => {
            let path = path_tokens(path);
            let values = values.iter().map(|value| match value {
                Value::Str(s) => quote!(Str(#s)),
                Value::Bool(b) => quote!(Bool(#b)),
                Value::Int(i) => {
                    let i = Literal::i64_unsuffixed(*i);
                    quote!(Int(#i))
                }
            });
            quote!(In(#path, &[#(#values),*]))
        }
        Condition::Present(path) => {
            let path = path_tokens(path);
            quote!(Present(#path))
        }
        Condition::Not(inner) => {
            let inner = condition_tokens(inner);
            quote!(Not(&#inner))
        }
        Condition::All(list) | Condition::Any(list) => {
            let list = list.iter().map(condition_tokens);
            if matches!(condition, Condition::All(_)) {
                quote!(All(&[#(#list),*]))
            } else {
                quote!(Any(&[#(#list),*]))
            }
        }
    }
}

/// `FactPath::own(0, &["type"])` or `FactPath::up(1, &["kind"])`.
fn path_tokens(path: &FactPath<'_>) -> TokenStream {
    let steps = path.steps;
    if path.up == 0 {
        let at = Literal::usize_unsuffixed(path.at);
        quote!(FactPath::own(#at, &[#(#steps),*]))
    } else {
        let up = Literal::u8_unsuffixed(path.up);
        quote!(FactPath::up(#up, &[#(#steps),*]))
    }
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
                        Requirement::Conditional(crate::model::Condition::one_of("kind", &["A"])),
                    )
                },
                Field::new("count", Type::Integer, Requirement::Optional),
                Field {
                    range: Some(crate::model::Range {
                        min: Some("0.01".into()),
                        max: None,
                    }),
                    scale: Some(2),
                    accepts: crate::model::Accepts::STRING,
                    ..Field::new("price", Type::Number, Requirement::Optional)
                },
                Field {
                    accepts: crate::model::Accepts::NUMBER.and(crate::model::Accepts::BOOLEAN),
                    ..Field::new("code", Type::String, Requirement::Optional)
                },
            ],
            deny_unknown: false,
            groups: Vec::new(),
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
            r#"FieldPlan::new("localTime",When(In(FactPath::own(0,&["kind"]),&[Str("A")]))).length(Bytes,0,14).charset(Charset::N).format(Format::LocalTime)"#,
            r#"FieldPlan::new("count",Optional).number(NumberRules::INTEGER),"#,
            r#"FieldPlan::new("price",Optional).number(NumberRules::NUMBER.range(Some("0.01"),None).scale(2)).accepts(Accepts::STRING),"#,
            r#"FieldPlan::new("code",Optional).accepts(Accepts::NUMBER.and(Accepts::BOOLEAN))]"#,
            "mod__Msg",
        ] {
            assert!(code.contains(row), "{row} in {code}");
        }
    }

    #[test]
    fn a_pattern_is_a_function_beside_the_table() {
        let object = Object {
            fields: vec![Field {
                pattern: Some(crate::model::Pattern::new("^[0-9]{5}$").unwrap()),
                forbidden: Some("@#".into()),
                ..Field::new("zipCode", Type::String, Requirement::Optional)
            }],
            deny_unknown: false,
            groups: Vec::new(),
        };
        let item = Item {
            name: "Address".into(),
            doc: String::new(),
            kind: ItemKind::Struct(object.clone()),
        };
        let module = Module {
            title: None,
            doc: String::new(),
            items: vec![item.clone()],
        };
        let code = squash(emit(&module, &item, &object));
        for part in [
            r#"FieldPlan::new("zipCode",Optional).forbidden("@#").pattern(zip_code_pattern)]"#,
            r#"fnzip_code_pattern()->&'staticPattern{staticPATTERN:LazyPattern=LazyPattern::new("^[0-9]{5}$");PATTERN.get()}"#,
        ] {
            assert!(code.contains(part), "{part} in {code}");
        }
    }
}
