mod generated {
    fieldtab::include_schema!("tests/ui/schemas/missing_required_column.md");
}

fn main() {}
