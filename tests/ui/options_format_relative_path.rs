// The function of a custom format named by a path the generated code cannot reach from its
// own module.
mod generated {
    fieldtab::include_schema!(
        "tests/schemas/custom_formats.md",
        format("merchant-ref" = merchant_ref, "token" = self::token)
    );
}

fn main() {}
