// A custom format of the schema that no `format(..)` option binds; another option's name is a
// typo of the schema's.
mod generated {
    fieldtab::include_schema!(
        "tests/schemas/custom_formats.md",
        format("merchant-rf" = crate::formats::merchant_ref)
    );
}

mod formats {
    pub fn merchant_ref(_: &str) -> Result<(), fieldtab::FormatError> {
        Ok(())
    }
}

fn main() {}
