mod generated {
    fieldtab::include_schema!(concat!("schemas/upi/", "enrollment_registration.md"));
}

fn main() {}
