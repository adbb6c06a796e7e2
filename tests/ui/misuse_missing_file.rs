mod generated {
    fieldtab::include_schema!("schemas/upi/no_such_schema.md");
}

fn main() {}
