//! trybuild UI tests: bad schemas (`tests/ui/schemas/`) and misuse of `include_schema!` (its
//! options too), each with the compiler output it must give (`tests/ui/*.stderr`); and the
//! code-generation options at work, in programs that must build with `#![deny(warnings)]` and
//! run (`tests/ui/pass/`).
//!
//! Regenerate the expected output after a deliberate change with
//! `TRYBUILD=overwrite cargo test -p fieldtab --test ui`, then review the diff. The output
//! depends on the rustc version (trybuild #15): the `.stderr` files are for the toolchain CI uses.

#[test]
fn ui() {
    // trybuild compiles each case in a crate of its own under `target/tests/trybuild/`, so the
    // macro's `CARGO_MANIFEST_DIR` is that crate's folder; point it back at this one (trybuild
    // #202). SAFETY: this test binary runs no other test, so no thread reads the environment
    // while it is written.
    unsafe {
        std::env::set_var("FIELDTAB_MANIFEST_DIR_OVERRIDE", env!("CARGO_MANIFEST_DIR"));
    }
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
    cases.pass("tests/ui/pass/*.rs");
}
