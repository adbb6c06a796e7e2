mod common {
    fieldtab::include_schema!("schemas/upi/common.md");
}

mod enrollment {
    fieldtab::include_schema!(
        "schemas/upi/enrollment_registration.md",
        extern_schema("comon.md" = crate::common),
    );
}

fn main() {}
