//! A vendor's table pasted exactly as its page shows it (`Field | Data type | Required |
//! Description | Example`, `List<T>`, `-` and `N/A` for "no example", `Name` as the identifier
//! heading, `Remarks`) checks clean and reads into the same model as the same tables tidied by
//! hand into the language's own headings and spellings (`schemas/README.md`, "Columns of a
//! field table").

use fieldtab_schema::Schema;
use fieldtab_schema::model::{Requirement, Type};

fn load(name: &str) -> Schema {
    match Schema::load(format!("tests/fixtures/{name}")) {
        Ok(schema) => schema,
        Err(d) => panic!("{name} has errors:\n{d}"),
    }
}

#[test]
fn a_table_as_published_reads_as_the_tidied_table() {
    let published = load("vendor_table_as_published.md");
    let tidied = load("vendor_table_tidied.md");
    assert_eq!(published.module, tidied.module);
}

#[test]
fn the_published_table_means_what_the_vendor_wrote() {
    let schema = load("vendor_table_as_published.md");
    let fields = |item: &str| {
        let item = schema.module.item(item).expect("item");
        item.kind.object().expect("an object").fields.clone()
    };
    let response = fields("InquireBenefitIssueResponse");
    let idents: Vec<&str> = response.iter().map(|f| f.ident.as_str()).collect();
    assert_eq!(
        idents,
        [
            "success",
            "resultCode",
            "resultMessage",
            "benefitDetails",
            "benefitIds"
        ]
    );
    assert_eq!(response[0].ty, Type::Boolean);
    assert_eq!(response[0].requirement, Requirement::Mandatory);
    assert_eq!(response[0].examples, ["true"]);
    assert_eq!(response[1].requirement, Requirement::Optional);
    assert!(response[1].examples.is_empty(), "`-` is no example");
    assert!(
        response[1]
            .doc
            .starts_with("Indicates the result codes\n• Maximum length")
    );
    assert_eq!(
        response[3].ty,
        Type::Array(Box::new(Type::Named("ExternalBenefitDetail".into())))
    );
    assert_eq!(response[4].ty, Type::Array(Box::new(Type::String)));
    assert!(response[4].examples.is_empty(), "`N/A` is no example");
    let detail = fields("ExternalBenefitDetail");
    assert_eq!(detail[0].ident, "benefitId", "`Name` heads the identifier");
    assert_eq!(detail[0].label, None);
    assert_eq!(detail[0].doc, "The ID of the benefit.");
    assert!(detail[1].examples.is_empty(), "`—` is no example");
}
