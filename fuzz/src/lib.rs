//! What the fuzz targets share: every message of the shipped schemas, through the
//! generated code (`include_schema!`) and through the dynamic validator, and the checks every
//! report must pass. See fuzz/README.md.

use std::fmt::Debug;
use std::path::PathBuf;
use std::sync::OnceLock;

use fieldtab::{Decode, DecodeOptions, Report, Validate};
use fieldtab_schema::Schema;
use fieldtab_schema::dynamic::Validator;
use fieldtab_schema::model::ItemKind;

#[macro_use]
#[path = "../../tests/common/shipped_items.rs"]
mod shipped_items;

/// The shipped schemas through `include_schema!`, one module each, as `tests/common/mod.rs`
/// includes them (paths relative to this crate's folder, `fuzz/`). `deprecated`: the macro's
/// warning that these files are outside the crate, which matters only to published crates.
#[allow(dead_code, missing_docs, deprecated)]
pub mod shipped {
    pub mod upi_enrollment_registration {
        fieldtab::include_schema!("../schemas/upi/enrollment_registration.md");
    }
    pub mod upi_instant_discount_usage_query {
        fieldtab::include_schema!("../schemas/upi/instant_discount_usage_query.md");
    }
    pub mod upi_instant_discount_budget_progress_query {
        fieldtab::include_schema!("../schemas/upi/instant_discount_budget_progress_query.md");
    }
    pub mod alipayplus_benefit {
        fieldtab::include_schema!("../schemas/alipayplus/benefit.md");
    }
    pub mod alipayplus_payment_apis {
        fieldtab::include_schema!("../schemas/alipayplus/payment_apis.md");
    }
    pub mod alipayplus_connect_benefit_apis {
        fieldtab::include_schema!("../schemas/alipayplus/connect_benefit_apis.md");
    }
}

/// One message or struct of a shipped schema, with its generated code.
pub struct Item {
    /// The schema file, relative to the repository's root.
    pub schema: &'static str,
    /// The item's name.
    pub name: &'static str,
    /// `from_json_with` and `validate_json_with` (and the plain entry points, for the default
    /// options) of the generated type, checked to agree ([`generated`]); their report.
    pub checked: fn(&[u8], DecodeOptions) -> Result<(), Report>,
    /// `from_json_with` of the generated type alone, its report.
    pub decoded: fn(&[u8], DecodeOptions) -> Result<(), Report>,
}

macro_rules! items {
    ($($schema:literal => $module:ident :: [$($item:ident),* $(,)?]),* $(,)?) => {
        &[$($(Item {
            schema: $schema,
            name: stringify!($item),
            checked: generated::<shipped::$module::$item>,
            decoded: decoded::<shipped::$module::$item>,
        },)*)*]
    };
}

/// Every message of the shipped schemas, and the structs of `benefit.md` (a data dictionary
/// without messages), as the agreement proptest lists them. [`check_items`] holds this list to
/// the schemas.
pub const ITEMS: &[Item] = shipped_items!(items);

/// The shipped schema files, relative to the repository's root.
pub const SCHEMAS: &[&str] = &[
    "schemas/upi/enrollment_registration.md",
    "schemas/upi/instant_discount_usage_query.md",
    "schemas/upi/instant_discount_budget_progress_query.md",
    "schemas/alipayplus/benefit.md",
    "schemas/alipayplus/payment_apis.md",
    "schemas/alipayplus/connect_benefit_apis.md",
];

/// The repository's root (this crate is its `fuzz/` folder).
pub fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The shipped schemas, loaded once by the reader (leaked: they live as long as the process).
pub fn schemas() -> &'static [(&'static str, Schema)] {
    static SCHEMAS_LOADED: OnceLock<Vec<(&'static str, Schema)>> = OnceLock::new();
    SCHEMAS_LOADED.get_or_init(|| {
        SCHEMAS
            .iter()
            .map(|&path| {
                let schema =
                    Schema::load(repository().join(path)).unwrap_or_else(|d| panic!("{path}: {d}"));
                (path, schema)
            })
            .collect()
    })
}

/// The dynamic validator of every item of [`ITEMS`], in the same order (checked by
/// [`check_items`] first).
pub fn validators() -> &'static [Validator<'static>] {
    static VALIDATORS: OnceLock<Vec<Validator<'static>>> = OnceLock::new();
    VALIDATORS.get_or_init(|| {
        check_items();
        ITEMS
            .iter()
            .map(|item| {
                let (_, schema) = schemas()
                    .iter()
                    .find(|(path, _)| *path == item.schema)
                    .expect("every item's schema is shipped");
                Validator::new(&schema.module, item.name).unwrap_or_else(|e| panic!("{e}"))
            })
            .collect()
    })
}

/// [`ITEMS`] names every message of every shipped schema (the files of `schemas/`, each
/// declaring its own), and only messages and structs: a schema or message added later and not
/// listed here would go unfuzzed, so the targets stop at once instead. Structs are reached
/// through the messages that hold them; those listed (benefit.md's, a data dictionary with no
/// message of its own) are the agreement proptest's (`tests/agreement/main.rs`).
pub fn check_items() {
    let listed: Vec<(&str, &str)> = ITEMS.iter().map(|i| (i.schema, i.name)).collect();
    let mut objects: Vec<(&str, &str)> = Vec::new();
    for (path, schema) in schemas() {
        for item in schema.own_items() {
            let entry = (*path, item.name.as_str());
            match item.kind {
                ItemKind::Message(_) => {
                    assert!(
                        listed.contains(&entry),
                        "fuzz/src/lib.rs: ITEMS lacks {entry:?}"
                    );
                    objects.push(entry);
                }
                ItemKind::Struct(_) => objects.push(entry),
                ItemKind::Enum(_) => {}
            }
        }
    }
    for entry in &listed {
        assert!(
            objects.contains(entry),
            "fuzz/src/lib.rs: {entry:?} is no message or struct of its schema"
        );
    }
    let mut on_disk: Vec<String> = Vec::new();
    for vendor in ["upi", "alipayplus"] {
        let dir = repository().join("schemas").join(vendor);
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            if name.ends_with(".md") {
                on_disk.push(format!("schemas/{vendor}/{name}"));
            }
        }
    }
    let mut shipped: Vec<String> = SCHEMAS.iter().map(|s| s.to_string()).collect();
    on_disk.sort_unstable();
    shipped.sort_unstable();
    assert_eq!(
        on_disk, shipped,
        "fuzz/src/lib.rs: SCHEMAS against schemas/"
    );
}

/// The options every target tries: unknown fields allowed and denied, each with the default
/// limit of violations and with a small one (the limit's truncation and count).
pub fn options() -> [DecodeOptions; 4] {
    let with = |deny_unknown, max_violations| DecodeOptions {
        deny_unknown,
        max_violations,
    };
    let max = fieldtab::MAX_VIOLATIONS;
    [
        with(false, max),
        with(true, max),
        with(false, 2),
        with(true, 2),
    ]
}

/// The generated code of `T` on `bytes`: `from_json_with` and `validate_json_with` give the same
/// verdict and the same report (violations and the count of those not kept); for the default
/// options, so do `from_json` and `validate_json`. A decoded value passes its own `validate()`
/// and decodes back to itself from its `to_json` text. Returns the report.
pub fn generated<T>(bytes: &[u8], options: DecodeOptions) -> Result<(), Report>
where
    T: Decode + Validate + serde::Serialize + PartialEq + Debug,
{
    let decoded = fieldtab::from_json_with::<T>(bytes, options);
    let validated = fieldtab::validate_json_with::<T>(bytes, options);
    if options.max_violations == fieldtab::MAX_VIOLATIONS && !options.deny_unknown {
        assert_eq!(
            fieldtab::validate_json::<T>(bytes),
            validated,
            "validate_json is validate_json_with(default)"
        );
        assert_eq!(
            fieldtab::from_json::<T>(bytes).err(),
            validated.clone().err(),
            "from_json is from_json_with(default)"
        );
    }
    match decoded {
        Ok(value) => {
            assert_eq!(
                validated,
                Ok(()),
                "from_json accepted what validate_json did not"
            );
            if let Err(report) = value.validate() {
                panic!("a decoded value fails its own validate(): {report}");
            }
            let text = fieldtab::to_json(&value).expect("generated types serialize");
            // The decoder builds strings without re-checking UTF-8 (`from_utf8_unchecked`):
            // text that is not UTF-8 would show here.
            assert!(
                std::str::from_utf8(text.as_bytes()).is_ok(),
                "to_json text not UTF-8"
            );
            match fieldtab::from_json::<T>(text.as_bytes()) {
                Ok(again) => assert_eq!(again, value, "to_json text decodes to another value"),
                Err(report) => panic!("to_json text does not decode: {report}\n{text}"),
            }
            Ok(())
        }
        Err(report) => {
            check_report(&report);
            assert_eq!(
                Err(report),
                validated,
                "from_json and validate_json disagree"
            );
            validated
        }
    }
}

/// `from_json_with::<T>` alone: its report.
pub fn decoded<T: Decode>(bytes: &[u8], options: DecodeOptions) -> Result<(), Report> {
    fieldtab::from_json_with::<T>(bytes, options).map(drop)
}

/// What every report must be: not empty; within its limit; printed (`Display`) without a
/// control or bidirectional character but the newlines between violations, whatever keys the
/// document held; its paths JSON Pointers.
pub fn check_report(report: &Report) {
    assert!(!report.is_empty(), "an Err report without violations");
    for violation in report.iter() {
        let path = &violation.path;
        // Paths hold the document's keys, built without re-checking UTF-8.
        assert!(
            std::str::from_utf8(path.as_bytes()).is_ok(),
            "a path not UTF-8"
        );
        assert!(
            path.is_empty() || path.starts_with('/'),
            "not a JSON Pointer: {path:?}"
        );
    }
    let text = report.to_string();
    if let Some(c) = text.chars().find(|&c| c != '\n' && unsafe_char(c)) {
        panic!("report printed with U+{:04X}: {text:?}", u32::from(c));
    }
    assert_eq!(
        text.lines().count(),
        report.len() + usize::from(report.more() > 0),
        "one line a violation (and one for the count of the others): {text:?}"
    );
}

/// Control characters (C0, DEL, C1) and the bidirectional embeddings, overrides and isolates:
/// what a printed report must never hold raw (as `fieldtab::printable` documents them).
fn unsafe_char(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A limited report against the full one (same document, same options but the limit): the
/// same first violations, and as many violations in all (kept plus counted).
pub fn check_limited(full: &Result<(), Report>, limited: &Result<(), Report>, limit: usize) {
    match (full, limited) {
        (Ok(()), Ok(())) => {}
        (Err(full), Err(limited)) => {
            let kept = full.len().min(limit);
            assert_eq!(
                limited.violations(),
                &full.violations()[..kept],
                "a limit of {limit} keeps other violations than the first"
            );
            assert_eq!(
                limited.len() + limited.more(),
                full.len() + full.more(),
                "a limit of {limit} counts another number of violations"
            );
        }
        _ => panic!("a limit of {limit} changes the verdict: {full:?} against {limited:?}"),
    }
}
