mod generated {
    fieldtab::include_schema!("tests/ui/schemas/unknown_type_code.md");
}

fn main() {}
