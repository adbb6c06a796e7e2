mod generated {
    fieldtab::include_schema!(
        "schemas/upi/enrollment_registration.md",
        "schemas/alipayplus/benefit.md"
    );
}

fn main() {}
