//! Tests of the language as `schemas/README.md` documents it: each concept read into the model.

use crate::Schema;
use crate::model::{Condition, Field, ItemKind, Length, Requirement, Type};
use fieldtab_runtime::{Charset, Format, ImageKinds};

fn parse(text: &str) -> Schema {
    match Schema::parse("tour.md", text) {
        Ok(schema) => schema,
        Err(d) => panic!("{d}"),
    }
}

fn errors(text: &str) -> String {
    match Schema::parse("bad.md", text) {
        Ok(_) => panic!("no error in:\n{text}"),
        Err(d) => d.to_string(),
    }
}

fn fields<'a>(schema: &'a Schema, item: &str) -> &'a [Field] {
    let item = schema.module.item(item).expect("item");
    &item.kind.object().expect("an enum").fields
}

const TOUR: &str = r#"# Tour

The module's prose.

Second paragraph.

## enum BenefitType (open)

The kinds.

| `Value`   | Description |
|-----------|-------------|
| REDUCE_BY | Take off.   |
| GIFT      | A gift.     |

## struct Amount

| Property | Data Type | Required | Max length | Format      | Example |
|----------|-----------|----------|------------|-------------|---------|
| currency | String    | Yes      | 3          | ISO 4217    | USD     |
| value    | String    | Yes      | 1..16      | minor units | "100"   |

## message Benefit (deny_unknown)

A benefit.

| Field name | Identifier | Data Type           | Length | M/O                        | Format                          | Default | Note          | Example |
|:-----------|:----------:|--------------------:|--------|----------------------------|---------------------------------|---------|---------------|---------|
| Kind       | `type`     | BenefitType         |        | M: Mandatory               |                                 |         | The kind.     | GIFT |
| Processing | procType   | an                  | 2      | m                          | sensitive; fixed 41             |         | a \| b        | 41 |
| Threshold  | threshold  | Amount              |        | C: type in (REDUCE_BY, GIFT) |                               |         |               | {"currency": "JPY", "value": "100"} |
| Gift       | gift       | String              | 256    | C: type = GIFT             |                                 | none    |               | |
| Ratio      | ratio      | String              | 4      | O                          | decimal 0..1 scale 2            |         |               | "0.88" "1" |
| Image      | image      | String              |        | No                         | base64 image 100 KB image/png   |         |               | |
| Count      | count      | Integer             |        | O:Optional                 |                                 |         |               | 2592000 |
| Flag       | flag       | Boolean             |        | O                          |                                 |         |               | true |
| Amounts    | amounts    | Array<Amount>       |        | O                          |                                 |         |               | [] |
| Codes      | codes      | Array<Array<N>>     |        | O                          |                                 |         |               | [["1"]] |
| Card       | cardNo     | N                   | 19     | O                          | PAN luhn; sensitive             |         |               | |
| Zone       | zone       | ANS                 | 9      | O                          | GMT+hh:mm                       |         |               | GMT-03:30 |
| Quoted     | quoted     | ANS                 | 9      | O                          | fixed "a; b"                    |         |               | |
"#;

#[test]
fn the_tour_reads_into_the_model() {
    let schema = parse(TOUR);
    assert_eq!(schema.module.title.as_deref(), Some("Tour"));
    assert_eq!(
        schema.module.doc,
        "The module's prose.\n\nSecond paragraph."
    );
    let names: Vec<&str> = schema
        .module
        .items
        .iter()
        .map(|i| i.name.as_str())
        .collect();
    assert_eq!(names, ["BenefitType", "Amount", "Benefit"]);

    let kinds = schema.module.enum_named("BenefitType").expect("an enum");
    assert!(kinds.open);
    assert_eq!(kinds.values[0].value, "REDUCE_BY");
    assert_eq!(kinds.values[0].doc, "Take off.");

    let benefit = schema.module.item("Benefit").expect("Benefit");
    assert_eq!(benefit.doc, "A benefit.");
    let ItemKind::Message(object) = &benefit.kind else {
        panic!("not a message")
    };
    assert!(object.deny_unknown);
    let f = &object.fields;
    assert_eq!(f[0].ident, "type");
    assert_eq!(f[0].label.as_deref(), Some("Kind"));
    assert_eq!(f[0].ty, Type::Named("BenefitType".into()));
    assert_eq!(f[0].requirement, Requirement::Mandatory);
    assert_eq!(f[0].examples, ["\"GIFT\""]);

    assert_eq!(f[1].ty, Type::Iso(Charset::An));
    assert_eq!(f[1].fixed.as_deref(), Some("41"));
    assert!(f[1].sensitive);
    assert_eq!(f[1].doc, "a | b");

    let Requirement::Conditional(c) = &f[2].requirement else {
        panic!("not conditional")
    };
    assert_eq!(c, &Condition::one_of("type", &["REDUCE_BY", "GIFT"]));
    assert_eq!(f[2].examples, [r#"{"currency":"JPY","value":"100"}"#]);

    assert!(
        matches!(&f[3].requirement, Requirement::Conditional(c) if c.to_string() == "type = GIFT")
    );
    assert_eq!(f[3].doc, "Default value: none.");
    assert_eq!(f[3].length, Some(Length::max_only(256)));

    assert_eq!(
        f[4].format,
        Some(Format::Decimal {
            min: 0,
            max: 1,
            scale: 2
        })
    );
    assert_eq!(f[4].examples, ["\"0.88\"", "\"1\""]);
    assert_eq!(
        f[5].format,
        Some(Format::Base64Image {
            max_bytes: 100 * 1024,
            kinds: ImageKinds {
                jpeg: false,
                png: true
            }
        })
    );
    assert_eq!(f[6].ty, Type::Integer);
    assert_eq!(f[6].requirement, Requirement::Optional);
    assert_eq!(f[7].examples, ["true"]);
    assert_eq!(
        f[9].ty,
        Type::Array(Box::new(Type::Array(Box::new(Type::Iso(Charset::N)))))
    );
    assert_eq!(f[10].format, Some(Format::Pan { luhn: true }));
    assert_eq!(f[11].format, Some(Format::GmtOffset));
    assert_eq!(f[12].fixed.as_deref(), Some("a; b"));

    let amount = fields(&schema, "Amount");
    assert_eq!(amount[1].length, Some(Length { min: 1, max: 16 }));
}

#[test]
fn requirement_spellings() {
    for (cell, mandatory) in [
        ("M", true),
        ("m", true),
        ("M:Mandatory", true),
        ("M: Mandatory", true),
        ("Mandatory", true),
        ("Required", true),
        ("Yes", true),
        ("O", false),
        ("O:Optional", false),
        ("Optional", false),
        ("No", false),
    ] {
        let text = format!(
            "## struct Sample\n\n| Identifier | Type | Request |\n|---|---|---|\n| a | String | {cell} |\n"
        );
        let expected = if mandatory {
            Requirement::Mandatory
        } else {
            Requirement::Optional
        };
        assert_eq!(
            fields(&parse(&text), "Sample")[0].requirement,
            expected,
            "{cell}"
        );
    }
}

#[test]
fn a_fence_hides_its_content_and_keywords_work_as_identifiers() {
    let schema = parse(
        "# T\n\n```markdown\n## struct NotRead\n| a | b |\n```\n\n## struct Sample\n\n| Identifier | Type | Request |\n|---|---|---|\n| type | String | M |\n| self | String | M |\n| match | String | M |\n",
    );
    assert_eq!(schema.module.items.len(), 1);
    assert!(schema.module.doc.contains("## struct NotRead"));
    assert_eq!(fields(&schema, "Sample")[1].ident, "self");
}

#[test]
fn name_collisions_are_reported_in_the_names_code_generation_emits() {
    let text = errors(
        "## struct Sample\n\n| Identifier | Type | Request |\n|---|---|---|\n| self | String | M |\n| self_ | String | M |\n| type | String | M |\n| Type | String | M |\n| _ | String | M |\n| field | String | M |\n\n## enum Kind\n\n| Value |\n|---|\n| 41 |\n| V41 |\n",
    );
    for expected in [
        "identifiers `self` and `self_` give the same Rust field name `self_`",
        "identifiers `type` and `Type` give the same Rust field name `r#type`",
        "identifiers `_` and `field` give the same Rust field name `field`",
        "enum values `41` and `V41` give the same Rust variant `V41`",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    // Values without an ASCII letter or digit are all `Empty`: numbered, not an error.
    let schema = parse("## enum Sign\n\n| Value |\n|---|\n| + |\n| - |\n| 是 |\n");
    let sign = schema.module.enum_named("Sign").expect("an enum");
    assert_eq!(
        crate::names::enum_variants(sign).0,
        ["Empty", "Empty2", "Empty3"]
    );
}

#[test]
fn vendor_headings_and_spellings_read_as_the_language_s_own() {
    // `Name` is the identifier when nothing else is, a label beside an identifier column.
    let schema = parse(
        "## struct Alone\n\n| Name | Data type | Required | Remarks |\n|---|---|---|---|\n| id | list<String> | Yes | The ID. |\n\n## struct Beside\n\n| Name | Parameter | Data Type | Required | Length | Format |\n|---|---|---|---|---|---|\n| The ID | id | String | Conditional: kind = A | N/A | - |\n| Kind | kind | String | No | — | n/a |\n",
    );
    let alone = &fields(&schema, "Alone")[0];
    assert_eq!(
        (
            alone.ident.as_str(),
            alone.label.as_deref(),
            alone.doc.as_str()
        ),
        ("id", None, "The ID.")
    );
    assert_eq!(alone.ty, Type::Array(Box::new(Type::String)));
    let beside = fields(&schema, "Beside");
    assert_eq!(beside[0].ident, "id");
    assert_eq!(beside[0].label.as_deref(), Some("The ID"));
    let Requirement::Conditional(condition) = &beside[0].requirement else {
        panic!("`Conditional:` is `C:`")
    };
    assert_eq!(condition.to_string(), "kind = A");
    // Placeholders in optional cells are empty cells.
    for field in beside {
        assert!(
            field.length.is_none() && field.format.is_none(),
            "{field:?}"
        );
    }
    // `Field name` is a label, never the identifier: beside it, `Name` still names the field.
    let schema = parse(
        "## struct Labelled\n\n| Field name | Name | Type | Required |\n|---|---|---|---|\n| The ID | id | String | Yes |\n",
    );
    let labelled = &fields(&schema, "Labelled")[0];
    assert_eq!(
        (labelled.ident.as_str(), labelled.label.as_deref()),
        ("id", Some("The ID"))
    );
}

#[test]
fn every_error_of_a_file_is_reported() {
    let text = errors(
        "## struct Sample\n\n| Identifier | Type | Length | Request |\n|---|---|---|---|\n| a | AM | 2 | M |\n| b | N | 0 | M |\n| c | String | 5..1 | M |\n| d | Integer | 3 | M |\n| e | Nope | | Q |\n",
    );
    for expected in [
        "bad.md:5:7: error: unknown type code `AM`",
        "bad.md:6:11: error: a maximum length of 0",
        "bad.md:7:16: error: inverted length range `5..1`",
        "bad.md:8:17: error: `Integer` fields have no length",
        "bad.md:9:16: error: unknown requirement `Q`",
        "bad.md:9:7: error: unknown type `Nope`",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

#[test]
fn imports_are_read_once_and_resolve_relative_to_the_importer() {
    let dir = std::env::temp_dir().join(format!("fieldtab-check-tests-{}", std::process::id()));
    let sub = dir.join("sub");
    std::fs::create_dir_all(&sub).expect("temp dir");
    let table = "| Identifier | Type | Request |\n|---|---|---|\n";
    std::fs::write(
        dir.join("base.md"),
        format!("## struct Base\n\n{table}| v | String | M |\n"),
    )
    .expect("write");
    std::fs::write(
        sub.join("left.md"),
        format!("Import: [base](../base.md)\n\n## struct Left\n\n{table}| b | Base | M |\n"),
    )
    .expect("write");
    std::fs::write(
        dir.join("right.md"),
        format!("Import: [base](base.md)\n\n## struct Right\n\n{table}| b | Base | M |\n"),
    )
    .expect("write");
    let root = format!(
        "Import: [left](sub/left.md)\nImport: [right](right.md)\n\n## message Root\n\n{table}| l | Left | M |\n| r | Right | M |\n"
    );
    let schema = match Schema::parse(dir.join("root.md"), &root) {
        Ok(s) => s,
        Err(d) => panic!("{d}"),
    };
    let names: Vec<&str> = schema
        .module
        .items
        .iter()
        .map(|i| i.name.as_str())
        .collect();
    assert_eq!(names, ["Base", "Left", "Right", "Root"]);
    assert_eq!(schema.files.len(), 4);
    assert_eq!(schema.files[0], dir.join("root.md"));
    assert_eq!(schema.files[2], dir.join("base.md"));
    assert_eq!(schema.item_files, [2, 1, 3, 0]);
    assert_eq!(schema.own_items().count(), 1);
    std::fs::remove_dir_all(&dir).ok();
}

/// The Markdown examples of `schemas/README.md` (the language reference) are valid schema
/// text: once wrapped in an item when they are a bare table, their only errors may be names
/// they leave undefined and files they do not ship.
#[test]
fn the_language_reference_examples_are_valid() {
    let readme = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas/README.md");
    let text = std::fs::read_to_string(readme).expect("schemas/README.md");
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        match (&mut current, line) {
            (None, "```markdown") => current = Some(String::new()),
            (Some(block), "```") => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            (Some(block), line) => {
                block.push_str(line);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    assert!(blocks.len() >= 7, "only {} examples", blocks.len());
    for block in blocks {
        let schema = if block.contains("## ") || !block.starts_with('|') {
            block.clone()
        } else {
            format!("## struct Snippet\n\n{block}")
        };
        if let Err(d) = Schema::parse("readme.md", &schema) {
            for diagnostic in d.iter() {
                let m = &diagnostic.message;
                assert!(
                    !diagnostic.is_error()
                        || m.starts_with("unknown type `")
                        || m.starts_with("cannot read"),
                    "README example:\n{block}\n{d}"
                );
            }
        }
    }
}

#[test]
fn group_lines_become_the_objects_groups_and_stay_in_its_prose() {
    use crate::model::{Group, GroupKind};
    let schema = parse(
        "## message Order\n\nAn order.\n\nexactly ONE of: `priceId`, referenceGoodsId\nAt least one of: a, b and c\n\n| Identifier | Type | Request |\n|---|---|---|\n| priceId | String | O |\n| referenceGoodsId | String | C: a = X |\n| a | String | O |\n| b | Integer | O |\n| c | Boolean | O |\n",
    );
    let item = schema.module.item("Order").expect("Order");
    let object = item.kind.object().expect("a message");
    assert_eq!(
        object.groups,
        [
            Group {
                kind: GroupKind::ExactlyOne,
                members: vec!["priceId".into(), "referenceGoodsId".into()],
            },
            Group {
                kind: GroupKind::AtLeastOne,
                members: vec!["a".into(), "b".into(), "c".into()],
            },
        ]
    );
    assert_eq!(
        item.doc,
        "An order.\n\nexactly ONE of: `priceId`, referenceGoodsId\nAt least one of: a, b and c"
    );
    let text = errors(
        "## struct S\n\nAt most one of: a, x\n\n| Identifier | Type | Request |\n|---|---|---|\n| a | String | O |\n| b | String | M |\n",
    );
    assert!(text.contains("`x` is not a field of `S`"), "{text}");
}

/// An import's selection (schemas/README.md, "Imports"): the module holds the selected items
/// and what they use, under their aliases, and no other item of the file; a diamond that
/// imports an item whole on one side and under an alias on the other holds it once, under its
/// alias.
#[test]
fn selected_imports_hold_what_they_select_and_use_under_their_aliases() {
    let dir = std::env::temp_dir().join(format!("fieldtab-select-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let table = "| Identifier | Type | Request |\n|---|---|---|\n";
    std::fs::write(
        dir.join("dict.md"),
        format!(
            "## enum Status\n\n| Value |\n|---|\n| S |\n\n## struct Result\n\n{table}| status | Status | M |\n\n## struct Amount\n\n{table}| value | String | M |\n\n## struct Unused\n\n{table}| x | String | M |\n"
        ),
    )
    .expect("write");
    std::fs::write(
        dir.join("whole.md"),
        format!("Import: [dict](dict.md)\n\n## struct Whole\n\n{table}| r | Result | M |\n"),
    )
    .expect("write");
    let root = format!(
        "Import: Result as DictResult, Amount from [dict](dict.md)\n\n## struct Result\n\n{table}| r | DictResult | M |\n| a | Amount | O |\n"
    );
    let schema = match Schema::parse(dir.join("root.md"), &root) {
        Ok(s) => s,
        Err(d) => panic!("{d}"),
    };
    let names: Vec<&str> = schema
        .module
        .items
        .iter()
        .map(|i| i.name.as_str())
        .collect();
    assert_eq!(names, ["Status", "DictResult", "Amount", "Result"]);
    assert_eq!(schema.item_files, [1, 1, 1, 0]);
    // Each item's name in its own file, where the alias does not reach.
    assert_eq!(
        schema.declared_names,
        ["Status", "Result", "Amount", "Result"]
    );
    assert_eq!(schema.own_items().count(), 1);
    assert_eq!(
        fields(&schema, "Result")[0].ty,
        Type::Named("DictResult".into())
    );
    assert_eq!(
        fields(&schema, "DictResult")[0].ty,
        Type::Named("Status".into())
    );
    // `Status` is held, not nameable: naming it is an error that says how to select it.
    let text = match Schema::parse(
        dir.join("root.md"),
        &format!(
            "Import: Amount from [dict](dict.md)\n\n## struct Own\n\n{table}| s | Status | M |\n"
        ),
    ) {
        Ok(_) => panic!("`Status` is not selected"),
        Err(d) => d.to_string(),
    };
    assert!(
        text.contains("`Status` is an item of") && text.contains("without selecting it"),
        "{text}"
    );
    // The diamond: `whole.md` names `Result`, the root `DictResult`: one item.
    let root = format!(
        "Import: [whole](whole.md)\nImport: Result as DictResult from [dict](dict.md)\n\n## struct Own\n\n{table}| w | Whole | M |\n| r | DictResult | M |\n"
    );
    let schema = match Schema::parse(dir.join("root.md"), &root) {
        Ok(s) => s,
        Err(d) => panic!("{d}"),
    };
    let names: Vec<&str> = schema
        .module
        .items
        .iter()
        .map(|i| i.name.as_str())
        .collect();
    assert_eq!(
        names,
        ["Status", "DictResult", "Amount", "Unused", "Whole", "Own"]
    );
    assert_eq!(
        fields(&schema, "Whole")[0].ty,
        Type::Named("DictResult".into())
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// A variant is expanded by the checker into the item it stands for: the same model as the
/// item written out in full (schemas/README.md, "Variants").
#[test]
fn a_variant_is_the_item_written_out() {
    let base = r#"# Variants

## struct Env (deny_unknown)

At most one of: osType, cookieId

| Identifier   | Type           | Length | Request | Format   | Note |
|--------------|----------------|--------|---------|----------|------|
| terminalType | enum(WEB, APP) |        | O       |          | The terminal. |
| osType       | AN             | 8      | C: terminalType = APP | | The OS. |
| userAgent    | String         | 256    | O       |          | The user agent. |
| cookieId     | String         | 64     | O       |          | |
| requestTime  | String         |        | O       | ISO 8601 | |
"#;
    let variants = format!(
        "{base}
## struct EnvEntryCode from Env

Exactly one of: userAgent, clientIp

| Identifier  | Type   | Length | Request | Format | Note |
|-------------|--------|--------|---------|--------|------|
| userAgent   |        | 1..512 |         |        | |
| clientIp    | String | 39     | O       |        | The IP. |
| requestTime | Integer |       | M       |        | - |

## message EnvMessage from EnvEntryCode

| Identifier | Request | Note |
|------------|---------|------|
| terminalType | M     | Always. |

## struct EnvCopy from Env
"
    );
    let written = format!(
        "{base}
## struct EnvEntryCode (deny_unknown)

At most one of: osType, cookieId
Exactly one of: userAgent, clientIp

| Identifier   | Type            | Length | Request | Format   | Note |
|--------------|-----------------|--------|---------|----------|------|
| terminalType | EnvTerminalType |        | O       |          | The terminal. |
| osType       | AN              | 8      | C: terminalType = APP | | The OS. |
| userAgent    | String          | 1..512 | O       |          | The user agent. |
| cookieId     | String          | 64     | O       |          | |
| requestTime  | Integer         |        | M       |          | |
| clientIp     | String          | 39     | O       |          | The IP. |

## message EnvMessage (deny_unknown)

At most one of: osType, cookieId
Exactly one of: userAgent, clientIp

| Identifier   | Type            | Length | Request | Format   | Note |
|--------------|-----------------|--------|---------|----------|------|
| terminalType | EnvTerminalType |        | M       |          | Always. |
| osType       | AN              | 8      | C: terminalType = APP | | The OS. |
| userAgent    | String          | 1..512 | O       |          | The user agent. |
| cookieId     | String          | 64     | O       |          | |
| requestTime  | Integer         |        | M       |          | |
| clientIp     | String          | 39     | O       |          | The IP. |

## struct EnvCopy (deny_unknown)

At most one of: osType, cookieId

| Identifier   | Type            | Length | Request | Format   | Note |
|--------------|-----------------|--------|---------|----------|------|
| terminalType | EnvTerminalType |        | O       |          | The terminal. |
| osType       | AN              | 8      | C: terminalType = APP | | The OS. |
| userAgent    | String          | 256    | O       |          | The user agent. |
| cookieId     | String          | 64     | O       |          | |
| requestTime  | String          |        | O       | ISO 8601 | |
"
    );
    let (variants, written) = (parse(&variants), parse(&written));
    for name in ["EnvEntryCode", "EnvMessage", "EnvCopy"] {
        let (v, w) = (
            variants.module.item(name).expect("the variant"),
            written.module.item(name).expect("the item"),
        );
        assert_eq!(v.kind, w.kind, "{name}");
    }
    assert!(matches!(
        variants.module.item("EnvMessage").map(|i| &i.kind),
        Some(ItemKind::Message(_))
    ));
    // The base is untouched.
    assert_eq!(
        variants.module.item("Env").map(|i| &i.kind),
        written.module.item("Env").map(|i| &i.kind)
    );
}

/// A variant's base may be an item of an imported file, under its alias; the base's fields
/// name the items of their own file by their names in the module.
#[test]
fn a_variant_of_an_imported_item() {
    let dir = std::env::temp_dir().join(format!("fieldtab-variant-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(
        dir.join("leaf.md"),
        "# Leaf\n\n## enum Status\n\n| Value |\n|---|\n| S |\n\n## struct Result\n\n| Identifier | Type | Request |\n|---|---|---|\n| status | Status | O |\n| code | String | O |\n",
    )
    .expect("write");
    let root = dir.join("root.md");
    std::fs::write(
        &root,
        "# Root\n\nImport: Result as LeafResult from [leaf](leaf.md)\n\n## struct Result from LeafResult\n\n| Identifier | Request |\n|---|---|\n| status | M |\n",
    )
    .expect("write");
    let schema = Schema::load(&root).unwrap_or_else(|d| panic!("{d}"));
    let fields = fields(&schema, "Result");
    assert_eq!(fields.len(), 2);
    assert_eq!(fields[0].ty, Type::Named("Status".into()));
    assert_eq!(fields[0].requirement, Requirement::Mandatory);
    assert_eq!(fields[1].requirement, Requirement::Optional);
    assert!(schema.module.item("LeafResult").is_some());
    std::fs::remove_dir_all(&dir).ok();
}

/// Each variant copies its base's fields: a chain of variants of a wide struct is refused past
/// `MAX_VARIANT_FIELDS` copied fields, with one error, rather than taking memory quadratic in
/// the file's size.
#[test]
fn variants_copy_a_bounded_number_of_fields() {
    let width = 1_000;
    let chain = crate::MAX_VARIANT_FIELDS / width + 1;
    let mut text =
        String::from("# Wide\n\n## struct V0\n\n| Identifier | Type | Request |\n|---|---|---|\n");
    for f in 0..width {
        text.push_str(&format!("| f{f} | String | O |\n"));
    }
    for v in 1..=chain {
        text.push_str(&format!("\n## struct V{v} from V{}\n", v - 1));
    }
    let errors = errors(&text);
    assert_eq!(errors.matches("error:").count(), 1, "{errors}");
    assert!(
        errors.contains(&format!(
            "copy more than {} fields",
            crate::MAX_VARIANT_FIELDS
        )),
        "{errors}"
    );
    // One variant fewer is within the bound.
    let within = text.replace(&format!("\n## struct V{chain} from V{}\n", chain - 1), "");
    assert!(Schema::parse("wide.md", &within).is_ok());
}

/// A file of many unknown bases, or of one long cycle of variants, is diagnosed in time and
/// space linear in its size: a did-you-mean (which reads every name of the file) for the first
/// few unknown bases only, and a cycle's message names its first few variants.
#[test]
fn many_unknown_bases_and_long_cycles_are_diagnosed_briefly() {
    let mut text = String::from(
        "# Many\n\n## struct Base\n\n| Identifier | Type | Request |\n|---|---|---|\n| a | String | O |\n",
    );
    for v in 0..40 {
        text.push_str(&format!("\n## struct V{v} from Bse\n"));
    }
    let unknown = errors(&text);
    assert_eq!(
        unknown.matches("unknown base `Bse`").count(),
        40,
        "{unknown}"
    );
    assert_eq!(
        unknown.matches("did you mean `Base`?").count(),
        32,
        "{unknown}"
    );
    let mut text = String::from("# Cycle\n");
    for v in 0..1000 {
        text.push_str(&format!("\n## struct V{v} from V{}\n", (v + 1) % 1000));
    }
    let errors = errors(&text);
    assert_eq!(errors.matches("error:").count(), 1, "{errors}");
    assert!(
        errors.contains(
            "a cycle: V0 from V1 from V2 from V3 from … from V999 from V0 (1000 variants)"
        ),
        "{errors}"
    );
    assert!(errors.len() < 2_000, "{} bytes", errors.len());
}

#[test]
fn a_variant_s_rows_take_their_file_s_accepts_default() {
    let schema = parse(
        "# Accepts\n\nAccepts: string\n\n## struct Base\n\n| Identifier | Type | Request | Format |\n|---|---|---|---|\n| count | String | O | |\n| flag | Boolean | O | accepts none |\n| code | String | O | |\n\n## struct Derived from Base\n\n| Identifier | Type | Request | Format |\n|---|---|---|---|\n| count | Integer | | |\n| code | | | pattern \"^[A-Z]+$\" |\n| added | Number | M | |\n",
    );
    let item = schema.module.item("Derived").expect("the variant");
    let object = item.kind.object().expect("a struct");
    let accepts = |ident: &str| {
        object
            .fields
            .iter()
            .find(|f| f.ident == ident)
            .map(|f| f.accepts)
            .expect("the field")
    };
    // A new type, restated without `accepts`: the file's default for that type.
    assert!(accepts("count").string);
    // Not restated: the base's own (`accepts none`).
    assert_eq!(accepts("flag"), crate::model::Accepts::NONE);
    // A Format cell restated on a String field: the default gives strings nothing to add.
    assert_eq!(accepts("code"), crate::model::Accepts::NONE);
    // A field the variant adds: the file's default.
    assert!(accepts("added").string);
}
