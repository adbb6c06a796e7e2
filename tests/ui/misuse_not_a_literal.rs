const PATH: &str = "schemas/upi/enrollment_registration.md";

mod generated {
    fieldtab::include_schema!(PATH);
}

fn main() {}
