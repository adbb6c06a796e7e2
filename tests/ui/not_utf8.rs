mod generated {
    fieldtab::include_schema!("tests/ui/schemas/not_utf8.md");
}

fn main() {}
