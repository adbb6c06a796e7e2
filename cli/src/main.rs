//! The `fieldtab` command-line tool.

fn main() {}
