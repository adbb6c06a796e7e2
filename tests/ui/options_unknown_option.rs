mod generated {
    fieldtab::include_schema!("tests/schemas/options.md", derives(Hash));
}

fn main() {}
