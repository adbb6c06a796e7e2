mod generated {
    fieldtab::include_schema!("tests/ui/schemas/ragged_rows.md");
}

fn main() {}
