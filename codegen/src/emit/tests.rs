//! A model that exercises every branch of the emitters, shared by their unit tests.

use crate::model::*;

fn field(ident: &str, ty: Type, requirement: Requirement) -> Field {
    Field::new(ident, ty, requirement)
}

fn when(sibling: &str, values: &[&str]) -> Requirement {
    Requirement::Conditional(Condition::one_of(sibling, values))
}

fn value(value: &str) -> EnumValue {
    EnumValue {
        value: value.to_owned(),
        doc: String::new(),
    }
}

/// Items named like prelude types, every field type, formats, conditions, sensitive fields,
/// open and closed enums.
pub(crate) fn everything() -> Module {
    let mut proc_type = field("procType", Type::Iso(Charset::An), Requirement::Mandatory);
    proc_type.length = Some(Length { min: 2, max: 2 });
    proc_type.fixed = Some("41".into());
    proc_type.label = Some("Processing type".into());
    proc_type.doc = "41-Enrollment registration".into();
    let mut local_time = field("localTime", Type::Iso(Charset::N), Requirement::Mandatory);
    local_time.length = Some(Length { min: 14, max: 14 });
    local_time.format = Some(Format::LocalTime);
    let mut card_no = field("cardNo", Type::Iso(Charset::N), Requirement::Optional);
    card_no.length = Some(Length::max_only(19));
    card_no.format = Some(Format::Pan { luhn: false });
    card_no.sensitive = true;
    let mut mobile = field("mobile", Type::Iso(Charset::Ans), Requirement::Mandatory);
    mobile.sensitive = true;
    mobile.format = Some(Format::Mobile);
    let mut value_field = field("value", Type::String, Requirement::Mandatory);
    value_field.length = Some(Length::max_only(16));
    value_field.format = Some(Format::MinorUnits);
    let mut currency = field("currency", Type::String, Requirement::Mandatory);
    currency.format = Some(Format::CurrencyAlpha);
    let mut ratio = field("ratio", Type::String, when("type", &["RATIO"]));
    ratio.format = Some(Format::Decimal {
        min: 0,
        max: 1,
        scale: 2,
    });
    let mut image = field("image", Type::String, Requirement::Optional);
    image.format = Some(Format::Base64Image {
        max_bytes: 102400,
        kinds: ImageKinds {
            jpeg: true,
            png: true,
        },
    });
    let mut tags = field(
        "tags",
        Type::Array(Box::new(Type::Iso(Charset::A))),
        Requirement::Optional,
    );
    tags.length = Some(Length::max_only(8));
    let object = |fields: Vec<Field>| Object {
        fields,
        deny_unknown: false,
        groups: Vec::new(),
    };
    Module {
        title: Some("Everything".into()),
        doc: "All the shapes.".into(),
        items: vec![
            Item {
                name: "Result".into(),
                doc: "A closed enum named like the prelude's `Result`.".into(),
                kind: ItemKind::Enum(Enum {
                    values: vec![value("S"), value("F"), value("U")],
                    open: false,
                }),
            },
            Item {
                name: "Option".into(),
                doc: "An open enum.".into(),
                kind: ItemKind::Enum(Enum {
                    values: vec![
                        value("RATIO"),
                        value("REDUCE_BY"),
                        value("41"),
                        value("Other"),
                    ],
                    open: true,
                }),
            },
            Item {
                name: "String".into(),
                doc: "A struct named `String`.".into(),
                kind: ItemKind::Struct(object(vec![value_field, currency])),
            },
            Item {
                name: "Vec".into(),
                doc: String::new(),
                kind: ItemKind::Struct(object(vec![
                    field("type", Type::Named("Option".into()), Requirement::Mandatory),
                    ratio,
                    field(
                        "amount",
                        Type::Named("String".into()),
                        when("type", &["REDUCE_BY", "41"]),
                    ),
                    field("count", Type::Integer, when("type", &["RATIO"])),
                    field("flag", Type::Boolean, Requirement::Optional),
                    image,
                    tags,
                ])),
            },
            Item {
                name: "Request".into(),
                doc: "A message.\n\nHTTP POST.".into(),
                kind: ItemKind::Message(object(vec![
                    proc_type,
                    local_time,
                    card_no,
                    mobile,
                    field(
                        "result",
                        Type::Named("Result".into()),
                        Requirement::Mandatory,
                    ),
                    field(
                        "items",
                        Type::Array(Box::new(Type::Named("Vec".into()))),
                        Requirement::Mandatory,
                    ),
                    field("empty", Type::Named("Empty".into()), Requirement::Optional),
                ])),
            },
            Item {
                name: "Empty".into(),
                doc: String::new(),
                kind: ItemKind::Struct(object(vec![])),
            },
        ],
    }
}

#[test]
fn everything_expands_to_a_parsable_file() {
    let tokens = || super::rust_tokens(&everything(), Default::default());
    let text = super::pretty(tokens(), tokens);
    // `rust_pretty` falls back to unformatted tokens when they do not parse: make sure they do.
    assert!(syn::parse_file(&text).is_ok(), "{text}");
    assert!(text.contains("pub struct Request"), "{text}");
    assert!(text.contains("pub r#type: Option,"), "{text}");
    assert!(text.contains("Other(::std::string::String)"), "{text}");
    // For compiling the output by hand: FIELDTAB_EMIT_OUT=/tmp/x.rs cargo test ...
    if let Some(out) = std::env::var_os("FIELDTAB_EMIT_OUT") {
        std::fs::write(out, &text).ok();
    }
}

#[test]
fn tokens_that_do_not_parse_come_back_unformatted() {
    // An emitter bug: the text the compiler will point at, not a panic and not an empty file.
    let broken = || quote::quote!(pub struct Broken { field: });
    let text = super::pretty(broken(), broken);
    assert_eq!(text, broken().to_string());
    assert!(text.contains("Broken"), "{text}");
}

#[test]
fn formatting_part_by_part_is_formatting_the_whole_file() {
    // `rust_pretty` formats each item's parts on its own; the text must not show it.
    let module = everything();
    let tokens = || super::rust_tokens(&module, Default::default());
    let whole = super::pretty(tokens(), tokens);
    assert!(module.items.len() > 3, "parts for several threads");
    // Alone, and shared among threads (more threads than parts, too): the same text.
    for threads in [1, 2, 3, 64] {
        let parts = super::rust_pretty_on(&module, Default::default(), threads);
        assert_eq!(parts, whole, "on {threads} threads");
    }
}
