//! Custom formats (`custom(merchant-ref)` in a Format cell) in generated code: each is bound to
//! a user function by an option (`Options::format`, the macro's `format(..)`), and the rules
//! table calls it through the runtime's `CustomFormat` (`.custom_format(..)`), so the plan's
//! one check runs it at the format's place (docs/SEMANTICS.md §2.4).

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Field, Module};
use crate::names;
use crate::options::Names;

/// The fields in each custom format of the items of `module` that `here` keeps, by format
/// name: `Item.field` for each.
fn custom_fields(module: &Module, here: impl Fn(&str) -> bool) -> BTreeMap<&str, Vec<String>> {
    let mut found: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for item in module.items.iter().filter(|item| here(&item.name)) {
        for field in item.kind.object().into_iter().flat_map(|o| &o.fields) {
            if let Some(name) = &field.custom_format {
                let at = format!("{}.{}", item.name, field.ident);
                found.entry(name.as_str()).or_default().push(at);
            }
        }
    }
    found
}

/// Why a setting binding the custom format `name` does not fit `module`: no field is in that
/// format (a typo would leave the real one unbound).
pub(crate) fn unused_format(module: &Module, name: &str) -> Option<String> {
    let found = custom_fields(module, |_| true);
    if found.contains_key(name) {
        return None;
    }
    let hint = match fieldtab_schema::suggest::did_you_mean(name, found.keys().copied()) {
        Some(close) => format!("; did you mean `{close}`?"),
        None if found.is_empty() => "; it has none".to_owned(),
        None => format!(
            "; it has {}",
            found
                .keys()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    Some(format!("the schema has no custom format `{name}`{hint}"))
}

/// One error for each custom format of `module` that `options` binds to no function, naming
/// the fields (and their Format cell) and the options that bind it. Items generated elsewhere
/// (`extern_type`, `extern_schema`) call the functions bound there.
pub(crate) fn unbound_formats(module: &Module, options: &Names) -> Vec<String> {
    custom_fields(module, |item| options.extern_type(item).is_none())
        .into_iter()
        .filter(|(name, _)| options.format_fn(name).is_none())
        .map(|(name, fields)| {
            format!(
                "the custom format `{name}` (Format cell `custom({name})` of {}) is bound to no \
                 function: add `format(\"{name}\" = crate::path::to::function)` to \
                 `include_schema!`, or call `Builder::format(\"{name}\", \
                 \"crate::path::to::function\")`; the function is a `fn(&str) -> \
                 Result<(), fieldtab::FormatError>`",
                fields
                    .iter()
                    .map(|f| format!("`{f}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
        .collect()
}

/// The rules table's call for `field`'s custom format, if it has one:
/// `.custom_format(CustomFormat::new("merchant-ref", crate::formats::merchant_ref))`. Without a
/// bound function (code generated without options: `Generate::to_tokens`) the table holds a
/// `compile_error!` that says which option binds it.
pub(crate) fn call(field: &Field) -> Option<TokenStream> {
    let name = field.custom_format.as_deref()?;
    let function = match names::options().format_fn(name) {
        Some(path) => quote!(#path),
        None => {
            let message = format!(
                "the custom format `{name}` of `{}` is bound to no function: add \
                 `format(\"{name}\" = crate::path::to::function)` to `include_schema!`, or call \
                 `Builder::format`",
                field.ident
            );
            quote!(::core::compile_error!(#message))
        }
    };
    Some(quote!(.custom_format(CustomFormat::new(#name, #function))))
}

#[cfg(test)]
mod tests {
    use crate::{Generate, Options, Schema};

    const SCHEMA: &str = "# Demo\n\n## message Pay\n\n\
        | Identifier | Type | Length | Request | Format |\n|---|---|---|---|---|\n\
        | ref | ANS | 10 | M | custom(merchant-ref) |\n| refs | Array<ANS> | 10 | O | custom(merchant-ref) |\n";

    fn schema() -> Schema {
        Schema::parse("demo.md", SCHEMA).unwrap_or_else(|d| panic!("{d}"))
    }

    #[test]
    fn a_bound_format_is_called_by_the_rules_table() {
        let options = Options::new().format("merchant-ref", "crate::formats::merchant_ref");
        let code = schema().to_rust_pretty_with(&options).unwrap();
        let call = "CustomFormat::new(\"merchant-ref\", crate::formats::merchant_ref)";
        assert_eq!(code.matches(call).count(), 2, "{code}");
        assert!(!code.contains("compile_error"), "{code}");
    }

    #[test]
    fn an_unbound_format_is_an_error_naming_its_fields_and_the_options() {
        let errors = schema().to_rust_pretty_with(&Options::new()).unwrap_err();
        assert_eq!(errors.0.len(), 1, "{errors}");
        assert_eq!(errors.0[0].setting, 0, "after the (no) settings");
        let message = &errors.0[0].message;
        for part in [
            "`custom(merchant-ref)`",
            "`Pay.ref`, `Pay.refs`",
            "format(\"merchant-ref\" = crate::path::to::function)",
            "Builder::format(\"merchant-ref\"",
        ] {
            assert!(message.contains(part), "{part}: {message}");
        }
        // Without options at all, the code says so where it is compiled.
        let code = schema().to_rust_pretty();
        assert!(code.contains("compile_error!"), "{code}");
        assert!(
            code.contains("the custom format `merchant-ref` of `ref`"),
            "{code}"
        );
    }

    #[test]
    fn an_item_generated_elsewhere_needs_no_binding_here() {
        let schema = Schema::parse(
            "demo.md",
            &format!(
                "{SCHEMA}\n## message Wrap\n\n| Identifier | Type | Request |\n|---|---|---|\n\
                 | pay | Pay | M |\n"
            ),
        )
        .unwrap_or_else(|d| panic!("{d}"));
        let options = Options::new().extern_type("Pay", "crate::other::Pay");
        let code = schema.to_rust_pretty_with(&options).unwrap();
        assert!(!code.contains("custom_format"), "{code}");
    }

    #[test]
    fn a_misnamed_or_unreachable_binding_is_refused() {
        let options = Options::new()
            .format("merchant-rf", "crate::f::m")
            .format("merchant-ref", "merchant_ref")
            .format("merchant-ref", "super::f::m");
        let errors = schema().to_rust_pretty_with(&options).unwrap_err();
        let messages: Vec<(usize, &str)> = errors
            .0
            .iter()
            .map(|e| (e.setting, e.message.as_str()))
            .collect();
        assert_eq!(messages.len(), 4, "{errors}");
        assert_eq!(
            messages[0],
            (
                0,
                "the schema has no custom format `merchant-rf`; did you mean `merchant-ref`?"
            )
        );
        assert_eq!(messages[1].0, 1);
        assert!(messages[1].1.contains("from the crate root"), "{errors}");
        assert_eq!(messages[2].0, 2);
        assert!(messages[2].1.contains("from the crate root"), "{errors}");
        assert_eq!(messages[3].0, 3, "merchant-ref is still unbound");
    }
}
