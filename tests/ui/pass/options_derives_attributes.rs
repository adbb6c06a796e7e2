//! `derive(..)` on every item and on one, `attribute(..)` on an item and on a field: each seen
//! at work (ordering, `Default`, a field left out of the JSON).
#![deny(warnings)]

mod generated {
    fieldtab::include_schema!(
        "tests/schemas/options.md",
        derive(PartialOrd),
        derive(Status: Ord),
        attribute(Card = #[derive(Default)]),
        attribute(Card.holder = #[serde(skip_serializing)], Payment.tags = #[doc(hidden)]),
        rename(Card.card_no = other_card_no),
    );
}

use generated::{Card, Payment, Status};

fn main() {
    let mut statuses = vec![Status::F, Status::S, Status::F];
    statuses.sort();
    assert_eq!(statuses, [Status::S, Status::F, Status::F]);

    let card = Card {
        holder: Some("Ann".into()),
        ..Card::default()
    };
    assert!(card < Card { card_no: "1".into(), ..card.clone() });
    let payment = Payment { status: Status::S, card, tags: None };
    let json = fieldtab::to_json(&payment).unwrap();
    assert!(!json.contains("holder"), "{json}");
}
