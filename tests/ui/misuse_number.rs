mod generated {
    fieldtab::include_schema!(42);
}

fn main() {}
