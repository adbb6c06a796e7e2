//! Code generation benches: placeholder.
fn main() {}
