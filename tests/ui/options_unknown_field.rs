mod generated {
    fieldtab::include_schema!(
        "tests/schemas/options.md",
        attribute(Card.holdr = #[doc(hidden)], Status.value = #[doc(hidden)]),
    );
}

fn main() {}
