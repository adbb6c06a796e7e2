//! A vendor's tables pasted exactly as its pages show them (`Field | Data type | Required |
//! Description | Example`, `List<T>`, `-`, `—` and `N/A` for "no example", `Name` as the
//! identifier heading, `Remarks`, and the rules stated in the Description cell: "Maximum length:
//! 64 characters", "The valid value is …") check clean and read into the same rules as the same
//! tables tidied by hand into the language's own headings, spellings and columns
//! (`schemas/README.md`, "Columns of a field table" and "Rules in prose"): the two models are
//! equal once their documentation is set aside (`Module::without_docs`).

use fieldtab_schema::Schema;
use fieldtab_schema::model::{Length, Requirement, Type};

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
    assert_ne!(published.module, tidied.module, "their notes differ");
    assert_eq!(
        published.module.without_docs(),
        tidied.module.without_docs()
    );
    assert!(published.warnings.is_empty(), "{}", published.warnings);
    assert!(tidied.warnings.is_empty(), "{}", tidied.warnings);
    assert!(tidied.prose.is_empty(), "the tidied notes state no rule");
    assert_eq!(published.prose.len(), 30);
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
    assert_eq!(response[1].length, Some(Length::max_only(64)));
    assert!(
        response[1]
            .doc
            .starts_with("Indicates the result codes\n• Maximum length"),
        "the note keeps the vendor's words"
    );
    assert_eq!(response[1].forbidden.as_deref(), Some("@#?"));
    assert_eq!(response[2].length, Some(Length::max_only(256)));
    assert_eq!(
        response[3].ty,
        Type::Array(Box::new(Type::Named("ExternalBenefitDetail".into())))
    );
    assert_eq!(response[4].ty, Type::Array(Box::new(Type::String)));
    assert!(response[4].examples.is_empty(), "`N/A` is no example");
    let sync = fields("SyncBenefitRequest");
    assert_eq!(sync[2].fixed.as_deref(), Some("SPICE_SECRET_VOUCHER"));
    let sync = fields("NotifyBenefitSyncRequest");
    assert_eq!(
        sync[1].ty,
        Type::Named("NotifyBenefitSyncRequestSyncStatus".into())
    );
    let status = schema
        .module
        .enum_named("NotifyBenefitSyncRequestSyncStatus")
        .expect("the inline enum of the listed values");
    let values: Vec<&str> = status.values.iter().map(|v| v.value.as_str()).collect();
    assert_eq!(values, ["PROCESSING", "SUCCESS", "FAIL"]);
    assert!(!status.open, "the vendor's list is closed");
    let payment = fields("NotifyPaymentRequest");
    assert_eq!(payment[1].length, Some(Length::max_only(64)));
    let detail = fields("IssuedBenefit");
    assert_eq!(detail[0].ident, "benefitId", "`Name` heads the identifier");
    assert_eq!(detail[0].label, None);
    assert_eq!(detail[0].doc, "The ID of the benefit.");
    assert!(detail[1].examples.is_empty(), "`—` is no example");
}

#[test]
fn explain_lists_each_rule_read_from_prose_where_it_is_written() {
    let schema = load("vendor_table_as_published.md");
    let lines: Vec<String> = schema.prose.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines[0],
        "tests/fixtures/vendor_table_as_published.md:18:126: InquireBenefitIssueRequest.benefitIssueRequestId: Length `64` from \"Maximum length: 64 characters\""
    );
    assert!(lines.contains(&"tests/fixtures/vendor_table_as_published.md:54:67: SyncBenefitRequest.benefitProductCode: Format `fixed SPICE_SECRET_VOUCHER` from \"The valid value is SPICE_SECRET_VOUCHER\"".to_string()));
}
