mod generated {
    fieldtab::include_schema!("tests/schemas/options.md", derive());
}

fn main() {}
