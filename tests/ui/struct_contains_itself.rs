mod generated {
    fieldtab::include_schema!("tests/ui/schemas/struct_contains_itself.md");
}

fn main() {}
