mod generated {
    fieldtab::include_schema!("tests/schemas/options.md", attribute(Card = derive(Default)));
}

fn main() {}
