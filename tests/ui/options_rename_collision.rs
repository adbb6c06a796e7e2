mod generated {
    fieldtab::include_schema!(
        "tests/schemas/options.md",
        rename(Card.holder = pan, Card.cardNo = pan, Status = Card),
    );
}

fn main() {}
