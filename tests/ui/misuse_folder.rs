mod generated {
    fieldtab::include_schema!("schemas/upi");
}

fn main() {}
