mod generated {
    fieldtab::include_schema!();
}

fn main() {}
