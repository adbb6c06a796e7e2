//! Benchmarks of fieldtab against the floor (`serde_json` into plain `String` structs), the
//! floor plus hand-written rules, the `garde` and `validator` derives, and `jsonschema` on a
//! `serde_json::Value`. The library holds the corpora and every implementation; the criterion
//! benches in `benches/` time them and `tests/agree.rs` checks that they all agree.

pub mod corpus;
pub mod floor;
pub mod generated;
pub mod impls;
pub mod rules;
pub mod schema;
pub mod synthetic;
