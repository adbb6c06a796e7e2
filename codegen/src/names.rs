//! The Rust names of the things a schema names, as identifiers for the emitted tokens. The names
//! themselves are decided by [`fieldtab_schema::names`] (so the checker's messages name what
//! is emitted); this only turns them into [`Ident`]s, raw for `r#type`.

use proc_macro2::{Ident, Span};

use crate::model::{Enum, Field};
use fieldtab_schema::names;

/// The identifier of a name from [`fieldtab_schema::names`], which always is a valid identifier
/// (`r#` marking a raw one).
fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// The Rust names of an object's fields, in order, unique within the object
/// ([`names::field_names`]).
pub(crate) fn field_names(fields: &[Field]) -> Vec<Ident> {
    names::field_names(fields)
        .iter()
        .map(|n| ident(n))
        .collect()
}

/// The Rust name of a message, struct or enum item ([`names::type_name`]).
pub(crate) fn type_name(name: &str) -> Ident {
    ident(&names::type_name(name))
}

/// The Rust variant names of an enum item's values, beside the wire values they stand for (in
/// table order): what the enum, its `as_str` and its decoder all name ([`names::enum_variants`]).
pub(crate) fn enum_variants(enumeration: &Enum) -> (Vec<Ident>, Vec<&str>) {
    let (variants, wire) = names::enum_variants(enumeration);
    (variants.iter().map(|v| ident(v)).collect(), wire)
}

/// The name of the variant that keeps unknown values of an open enum.
pub(crate) fn other_variant() -> Ident {
    ident(names::OTHER_VARIANT)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EnumValue, Requirement, Type};

    #[test]
    fn raw_names_become_raw_identifiers() {
        let fields = [
            Field::new("type", Type::String, Requirement::Optional),
            Field::new("localTime", Type::String, Requirement::Optional),
        ];
        let idents = field_names(&fields);
        assert_eq!(idents[0].to_string(), "r#type");
        assert_eq!(idents[1].to_string(), "local_time");
        assert_eq!(type_name("Self").to_string(), "Self_");
        assert_eq!(other_variant().to_string(), "Other");
    }

    proptest::proptest! {
        /// Whatever the schema says, the names are Rust identifiers: syn parses them back (and
        /// building them did not panic).
        #[test]
        fn any_text_gives_identifiers(texts in proptest::collection::vec(".{0,12}", 1..8)) {
            let fields: Vec<Field> = texts
                .iter()
                .map(|t| Field::new(t.clone(), Type::String, Requirement::Optional))
                .collect();
            let enumeration = Enum {
                values: texts
                    .iter()
                    .map(|t| EnumValue { value: t.clone(), doc: String::new() })
                    .collect(),
                open: true,
            };
            let fields = field_names(&fields);
            let all = [
                fields,
                enum_variants(&enumeration).0,
                texts.iter().map(|t| type_name(t)).collect(),
            ];
            for ident in all.iter().flatten() {
                let parsed = syn::parse_str::<syn::Ident>(&ident.to_string());
                proptest::prop_assert!(parsed.is_ok(), "{}", ident);
            }
        }
    }
}
