mod generated {
    fieldtab::include_schema!("tests/ui/schemas/unknown_format.md");
}

fn main() {}
