mod generated {
    fieldtab::include_schema!("tests/ui/schemas/import_missing_file.md");
}

fn main() {}
