//! Conditions (`C: type = GIFT`, `URL if type = URL`, `C: result.resultStatus = S and success
//! = false`, `C: super.kind != NONE`), from their text to their meaning, for conditional
//! requirements and conditional formats alike (docs/SEMANTICS.md §3): the first stage reads
//! one from its cell by the grammar ([`parse`], `FileChecker::parse_condition`), the second
//! resolves its paths against the module and types its values ([`verify`],
//! `ModuleChecker::conditions`).

mod parse;
mod verify;
