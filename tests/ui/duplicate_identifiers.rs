mod generated {
    fieldtab::include_schema!("tests/ui/schemas/duplicate_identifiers.md");
}

fn main() {}
