mod generated {
    fieldtab::include_schema!("tests/ui/schemas/unresolved_type.md");
}

fn main() {}
