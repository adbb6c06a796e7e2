//! The `include_schema!` proc-macro of fieldtab. Use it through the `fieldtab` facade.
