//! `fieldtab_schema::diff` on pairs of schema versions (the fixtures of `tests/diff/`, old and
//! new beside each other): every change class, snapshotted as `fieldtab diff` prints it.
//!
//! `payments/` changes a request, a response, a message annotated `Direction: response`, an
//! imported struct and enum, a nested struct through an array; it covers, for senders, a new
//! mandatory field, a mandatory field removed, a length narrowed, a charset and a format
//! narrowed, an enum value removed, a type changed, a condition tightened, unknown fields
//! denied, a group added, a count narrowed; for receivers, a new value in a closed enum of a
//! response, a field that can now be absent, a length widened; and compatible changes (a new
//! optional field, a message added, a length narrowed in a response). The same pair read
//! backwards turns each tightening into a loosening.

use std::path::PathBuf;

use fieldtab_schema::Schema;
use fieldtab_schema::diff::{Class, diff};

fn load(path: &str) -> Schema {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/diff")
        .join(path);
    Schema::load(&path).unwrap_or_else(|d| panic!("{}: {d}", path.display()))
}

fn lines(old: &str, new: &str) -> String {
    let changes = diff(&load(old).module, &load(new).module);
    changes.iter().map(|c| format!("{c}\n")).collect()
}

#[test]
fn payments_v1_to_v2() {
    insta::assert_snapshot!(lines("payments/old/pay.md", "payments/new/pay.md"));
}

#[test]
fn payments_v2_to_v1() {
    insta::assert_snapshot!(lines("payments/new/pay.md", "payments/old/pay.md"));
}

#[test]
fn compatible_changes_only() {
    insta::assert_snapshot!(lines("compatible/old.md", "compatible/new.md"));
}

#[test]
fn an_unchanged_schema_has_no_changes() {
    assert_eq!(lines("unchanged/old.md", "unchanged/new.md"), "");
    // A schema against itself, imports and all.
    assert_eq!(lines("payments/new/pay.md", "payments/new/pay.md"), "");
}

#[test]
fn every_class_and_both_parties_appear() {
    let changes = diff(
        &load("payments/old/pay.md").module,
        &load("payments/new/pay.md").module,
    );
    let text: Vec<String> = changes.iter().map(ToString::to_string).collect();
    for needle in [
        "breaking: PayRequest /merchantId: new mandatory field (breaks senders)",
        "breaking: PayRequest /legacyId: mandatory field removed (breaks senders)",
        "breaking: PayRequest /requestId: length narrowed",
        "breaking: PayRequest /code: charset narrowed from AN to N (breaks senders)",
        "breaking: PayRequest /cardNo: format changed from `PAN` to `PAN luhn` (breaks senders)",
        "breaking: PayRequest /kind: enum value `CASH` removed (breaks senders)",
        "breaking: PayRequest /count: type changed from Integer to Boolean",
        "breaking: PayRequest /coupon: condition tightened",
        "breaking: PayResponse /status: enum value `U` added to a closed enum (breaks receivers)",
        "breaking: PayResponse /paymentId: now optional: can be absent (breaks receivers)",
        "breaking: PayResponse /message: length widened",
        "breaking: NotifyPayment /status: enum value `U` added to a closed enum (breaks receivers)",
        "breaking: PayRequest /lines/*/name: length narrowed",
        "breaking: PayRequest /amount/value: format `minor units` added (breaks senders)",
        "compatible: PayResponse /settledAt: new optional field",
        "compatible: PayResponse /traceId: length narrowed",
        "compatible: CancelRequest: message added",
        "breaking: RefundRequest: message removed",
    ] {
        assert!(
            text.iter().any(|line| line.starts_with(needle)),
            "no line starting {needle:?} in:\n{}",
            text.join("\n")
        );
    }
    assert!(changes.iter().any(|c| c.class == Class::Compatible));
    // Every line starts with its class.
    assert!(
        text.iter()
            .all(|l| l.starts_with("breaking: ") || l.starts_with("compatible: "))
    );
}
