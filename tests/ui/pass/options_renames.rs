//! `rename(..)`: an item and fields get Rust names of their own (also the fix for two
//! identifiers that give one Rust name); the JSON keys stay the wire identifiers.
#![deny(warnings)]

mod generated {
    fieldtab::include_schema!(
        "tests/schemas/options.md",
        rename(Payment = Pay, Card.cardNo = pan, Card.card_no = other_pan, Payment.status = state),
    );
}

use fieldtab::Validate;
use generated::{Card, Pay, Status};

fn main() {
    let json = br#"{"status": "S", "card": {"cardNo": "6214835920672688", "card_no": "1"}}"#;
    let pay: Pay = fieldtab::from_json(json).unwrap();
    let Pay { state, card: Card { pan, other_pan, holder }, tags } = pay.clone();
    assert_eq!(state, Status::S);
    assert_eq!((pan.as_str(), other_pan.as_deref(), holder, tags), ("6214835920672688", Some("1"), None, None));
    assert!(pay.is_valid());
    let back = fieldtab::to_json(&pay).unwrap();
    assert!(back.contains(r#""cardNo":"6214835920672688""#) && back.contains(r#""card_no":"1""#), "{back}");
    assert_eq!(<Pay as fieldtab::Message>::NAME, "Payment");
}
