mod generated {
    fieldtab::include_schema!("tests/ui/schemas/many_errors.md");
}

fn main() {}
