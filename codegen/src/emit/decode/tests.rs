//! The decoder emitter's output, read back: keys, conditions, enums, options.

use super::*;
use crate::model::{Charset, Condition, Enum, EnumValue, Length};

fn field(ident: &str, ty: Type, requirement: Requirement) -> Field {
    Field {
        length: Some(Length::max_only(14)),
        ..Field::new(ident, ty, requirement)
    }
}

fn module() -> Module {
    let kind = Item {
        name: "Kind".into(),
        doc: String::new(),
        kind: ItemKind::Enum(Enum {
            values: vec![
                EnumValue {
                    value: "A".into(),
                    doc: String::new(),
                },
                EnumValue {
                    value: "REDUCE_BY".into(),
                    doc: String::new(),
                },
            ],
            open: false,
        }),
    };
    let inner = Item {
        name: "Inner".into(),
        doc: String::new(),
        kind: ItemKind::Struct(Object {
            fields: vec![field("type", Type::Iso(Charset::N), Requirement::Mandatory)],
            deny_unknown: true,
            groups: Vec::new(),
        }),
    };
    let msg = Item {
        name: "Result".into(),
        doc: String::new(),
        kind: ItemKind::Message(Object {
            fields: vec![
                field("kind", Type::Named("Kind".into()), Requirement::Mandatory),
                field(
                    "when",
                    Type::String,
                    Requirement::Conditional(Condition::one_of("kind", &["A"])),
                ),
                field(
                    "inners",
                    Type::Array(Box::new(Type::Named("Inner".into()))),
                    Requirement::Optional,
                ),
                field("count", Type::Integer, Requirement::Optional),
            ],
            deny_unknown: false,
            groups: Vec::new(),
        }),
    };
    Module {
        title: None,
        doc: String::new(),
        items: vec![kind, inner, msg],
    }
}

fn emit_item(module: &Module, item: &Item) -> TokenStream {
    emit(module, &Reads::of(module), item)
}

/// The code, checked to parse, with every whitespace removed (so tests do not depend on
/// prettyplease's line breaks).
fn text(tokens: TokenStream) -> String {
    let file: syn::File = syn::parse2(tokens).unwrap_or_else(|e| panic!("does not parse: {e}"));
    squash(&prettyplease::unparse(&file))
}

fn squash(code: &str) -> String {
    code.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn emits_parseable_code_for_every_item() {
    let module = module();
    for item in &module.items {
        text(emit_item(&module, item));
    }
}

#[test]
fn keys_match_by_length_then_bytes() {
    let module = module();
    let code = text(emit_item(&module, &module.items[2]));
    assert!(
        code.contains(&squash(r#"4 if __b == b"kind" => 0"#)),
        "{code}"
    );
    assert!(
        code.contains(&squash(r#"6 if __b == b"inners" => 2"#)),
        "{code}"
    );
    assert!(code.contains(&squash(
        "impl ::fieldtab::__private::__decode::Decode for Result"
    )));
    assert!(code.contains(&squash("__decode::deserialize::<Self, __D>")));
}

#[test]
fn conditions_read_the_sibling_slot() {
    let module = module();
    let code = text(emit_item(&module, &module.items[2]));
    // `when` (index 1) is conditional on `kind` (index 0): the check reads its slot.
    assert!(
        code.contains(&squash(
            "let __s = |__i: usize| match __i { 0 => __v0.fact(), _ => __d::Fact::Absent, };"
        )),
        "{code}"
    );
    assert!(
        code.contains(&squash(
            "let mut __c = __d::Checks::<_, __M>::new(__fields, &__s, __path, __report, &__x);"
        )),
        "{code}"
    );
    assert!(
        code.contains(&squash("let __f1 = __c.str(&__v1, 1);")),
        "{code}"
    );
    assert!(
        code.contains(&squash("let __f0 = __c.enumeration::<Kind>(&__v0, 0);")),
        "{code}"
    );
    assert!(
        code.contains(&squash("__d::ArrayElem(__d::ObjElem::<Inner>::new()")),
        "{code}"
    );
}

#[test]
fn enums_know_their_values() {
    let module = module();
    let code = text(emit_item(&module, &module.items[0]));
    assert!(
        code.contains(&squash(
            r#""REDUCE_BY" => ::core::option::Option::Some(Self::ReduceBy)"#
        )),
        "{code}"
    );
    assert!(
        code.contains(&squash(
            r#"EnumRule { values: &["A", "REDUCE_BY"], open: false, }"#
        )),
        "{code}"
    );
}

#[test]
fn deny_unknown_is_passed_on() {
    let module = module();
    let code = text(emit_item(&module, &module.items[1]));
    assert!(
        code.contains(&squash("__x.unknown::<__A::Error>(__k, true, __path)?")),
        "{code}"
    );
    // The field's path is made from its plan's identifier (`type`), by `Checks`.
    assert!(
        code.contains(&squash("let __f0 = __c.str(&__v0, 0);")),
        "{code}"
    );
    assert!(code.contains(&squash("r#type: __f0")), "{code}");
}
