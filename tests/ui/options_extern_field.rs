mod generated {
    fieldtab::include_schema!("tests/schemas/options.md", extern_type(Card.cardNo = String));
}

fn main() {}
