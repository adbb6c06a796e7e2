mod generated {
    fieldtab::include_schema!("tests/ui/schemas/zero_length.md");
}

fn main() {}
