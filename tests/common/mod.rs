//! The shipped schemas through `include_schema!`, one module each, for the facade's tests
//! (`mod common;`, or `#[path = "../common/mod.rs"] mod common;` from a test in a folder).
//!
//! A new shipped schema gets a module here: `every_shipped_schema_is_included` in
//! `tests/include_schema.rs` fails until it does.

// Each test uses some of the generated items, not all.
#![allow(dead_code)]

/// `schemas/upi/common.md`: the UPI items several schemas import.
pub(crate) mod upi_common {
    fieldtab::include_schema!("schemas/upi/common.md");
}

/// `schemas/upi/enrollment_registration.md`, sharing the items of `common.md` with
/// `upi_common` (`extern_schema`), so every test of it runs the shared types; the usage query
/// below, which imports the same file, generates them itself, as without the option.
pub(crate) mod upi_enrollment_registration {
    fieldtab::include_schema!(
        "schemas/upi/enrollment_registration.md",
        extern_schema("common.md" = super::upi_common)
    );
}

/// `schemas/upi/instant_discount_usage_query.md`.
pub(crate) mod upi_instant_discount_usage_query {
    fieldtab::include_schema!("schemas/upi/instant_discount_usage_query.md");
}

/// `schemas/upi/instant_discount_budget_progress_query.md`.
pub(crate) mod upi_instant_discount_budget_progress_query {
    fieldtab::include_schema!("schemas/upi/instant_discount_budget_progress_query.md");
}

/// `schemas/alipayplus/benefit.md`.
pub(crate) mod alipayplus_benefit {
    fieldtab::include_schema!("schemas/alipayplus/benefit.md");
}

/// `schemas/alipayplus/payment_apis.md`.
pub(crate) mod alipayplus_payment_apis {
    fieldtab::include_schema!("schemas/alipayplus/payment_apis.md");
}

/// `schemas/alipayplus/connect_benefit_apis.md`.
pub(crate) mod alipayplus_connect_benefit_apis {
    fieldtab::include_schema!("schemas/alipayplus/connect_benefit_apis.md");
}
