//! `extern_type(..)`: an item mapped to an existing Rust type (here the one another module
//! generated from the same item) is not generated again; the module re-exports the type under
//! the item's name, and decoding and validation go through it.
#![deny(warnings)]

mod first {
    fieldtab::include_schema!("tests/schemas/options.md");
}

mod second {
    fieldtab::include_schema!(
        "tests/schemas/options.md",
        extern_type(Card = crate::first::Card, Status = crate::first::Status),
    );
}

use fieldtab::Validate;

fn main() {
    let json = br#"{"status": "S", "card": {"cardNo": "6214835920672688"}}"#;
    let payment: second::Payment = fieldtab::from_json(json).unwrap();
    let card: first::Card = payment.card.clone();
    let status: first::Status = payment.status;
    assert_eq!((card.card_no.as_str(), status), ("6214835920672688", first::Status::S));
    let same: second::Card = card;
    assert!(same.is_valid());
    let bad = br#"{"status": "S", "card": {"cardNo": "62148359206726881234"}}"#;
    let report = fieldtab::from_json::<second::Payment>(bad).unwrap_err();
    assert_eq!(report.violations()[0].path, "/card/cardNo");
}
