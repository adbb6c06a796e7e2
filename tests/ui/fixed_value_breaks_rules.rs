mod generated {
    fieldtab::include_schema!("tests/ui/schemas/fixed_value_breaks_rules.md");
}

fn main() {}
