mod generated {
    fieldtab::include_schema!("tests/schemas/options.md", derive(Hash), rename(Paymnt = Pay));
}

fn main() {}
