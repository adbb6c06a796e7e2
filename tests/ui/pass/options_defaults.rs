//! What every generated item has without options: `Eq` and `Hash` where the fields allow them,
//! `Display` and `FromStr` of an enum's wire values, a doc line on every item (`missing_docs`
//! denied), and a numbered field where two identifiers give one Rust name.
#![deny(warnings, missing_docs)]

/// The generated items.
pub mod generated {
    fieldtab::include_schema!("tests/schemas/options.md");
}

use std::collections::HashSet;

use generated::{Card, Payment, Status};

fn main() {
    let json = br#"{"status": "S", "card": {"cardNo": "6214835920672688", "card_no": "1"}}"#;
    let payment: Payment = fieldtab::from_json(json).unwrap();
    let mut set = HashSet::new();
    set.insert(payment.clone());
    assert!(set.contains(&payment));
    let card: &Card = &payment.card;
    assert_eq!(card.card_no_2.as_deref(), Some("1"));

    assert_eq!(Status::S.to_string(), "S");
    assert_eq!("F".parse::<Status>(), Ok(Status::F));
    let error = "X".parse::<Status>().unwrap_err();
    assert_eq!(error.to_string(), "not a value of the enum `Status`");
    assert_eq!(error.enum_name(), "Status");
}
