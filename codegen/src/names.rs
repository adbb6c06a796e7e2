//! The Rust names of the things a schema names, as identifiers for the emitted tokens. The names
//! themselves are decided by [`fieldtab_schema::names`] (so the checker's messages name what
//! is emitted); this only turns them into [`Ident`]s, raw for `r#type`.

use std::cell::RefCell;
use std::rc::Rc;

use proc_macro2::{Ident, Span};

use crate::model::{Enum, Field};
use crate::options::Names;
use fieldtab_schema::names;

thread_local! {
    /// The options of the generation under way on this thread. A thread-local rather than a
    /// parameter: every emitter asks for names, through a few dozen functions that otherwise
    /// need only the module; [`with_options`] sets it for one generation and restores it.
    static OPTIONS: RefCell<Rc<Names>> = RefCell::new(Rc::new(Names::default()));
}

/// Runs `f` (one generation) with `options` answering the name functions of this module.
pub(crate) fn with_options<T>(options: Names, f: impl FnOnce() -> T) -> T {
    /// Puts the previous options back, even if `f` panics (the macro catches panics).
    struct Restore(Option<Rc<Names>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            if let Some(previous) = self.0.take() {
                OPTIONS.with(|o| *o.borrow_mut() = previous);
            }
        }
    }
    let previous = OPTIONS.with(|o| o.replace(Rc::new(options)));
    let _restore = Restore(Some(previous));
    f()
}

/// The options of the generation under way (the defaults outside one).
pub(crate) fn options() -> Rc<Names> {
    OPTIONS.with(|o| Rc::clone(&o.borrow()))
}

/// The identifier of a name from [`fieldtab_schema::names`], which always is a valid identifier
/// (`r#` marking a raw one).
fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// The Rust names of the fields of item `item`, in order, unique within the object: the
/// options' renames, else [`names::field_name`] (as [`names::field_names`] makes them unique).
pub(crate) fn field_names(item: &str, fields: &[Field]) -> Vec<Ident> {
    let options = options();
    let wanted = fields
        .iter()
        .map(|field| match options.field_rename(item, &field.ident) {
            Some(rename) => rename.to_owned(),
            None => names::field_name(&field.ident),
        })
        .collect();
    names::unique_field_names(wanted)
        .iter()
        .map(|n| ident(n))
        .collect()
}

/// The Rust name of a message, struct or enum item: the options' rename, else
/// [`names::type_name`].
pub(crate) fn type_name(name: &str) -> Ident {
    ident(&options().type_name(name))
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
        let idents = field_names("Item", &fields);
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
            let fields = field_names("Item", &fields);
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
