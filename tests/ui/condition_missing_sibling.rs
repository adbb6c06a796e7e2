mod generated {
    fieldtab::include_schema!("tests/ui/schemas/condition_missing_sibling.md");
}

fn main() {}
