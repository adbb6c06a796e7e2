#!/usr/bin/env python3
"""Prints the Markdown table of README's performance section from criterion's estimates.

Run after `cargo bench -p fieldtab-benches --bench validation`:
    python3 benches/perf_table.py [TARGET_DIR]      (default: $CARGO_TARGET_DIR or target)
Medians are per message (criterion's median per iteration / 200 messages); ratios are to the
floor of the same corpus, within the same run.
"""
import json
import os
import sys

target = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("CARGO_TARGET_DIR", "target")
root = os.path.join(target, "criterion")
ROWS = [
    ("floor", "serde_json::from_slice into String structs (the floor)"),
    ("fieldtab_from_json", "fieldtab `from_json` (decode + every rule + typed fields)"),
    ("fieldtab_validate_json", "fieldtab `validate_json` (validate-only, no value built)"),
    ("fieldtab_validate_decoded", "fieldtab `validate()` on a decoded value (no decoding)"),
    ("hand", "floor + hand-written straight-line rules (all errors)"),
    ("garde", "floor + `garde` derive"),
    ("validator", "floor + `validator` derive"),
    ("jsonschema_is_valid", "`Value` + `jsonschema`, `is_valid`"),
    ("jsonschema_all", "`Value` + `jsonschema`, all errors (`iter_errors`)"),
]
GROUPS = [("upi_enrollment", "UPI EnrollmentRegistrationRequest"),
          ("alipay_benefit", "Alipay+ ExternalBenefitDetail")]


def median(group, bench):
    path = os.path.join(root, group, bench, "new", "estimates.json")
    try:
        with open(path) as f:
            return json.load(f)["median"]["point_estimate"] / 200.0
    except OSError:
        return None


med = {(g, b): median(g, b) for g, _ in GROUPS for b, _ in ROWS}
head = "| implementation | " + " | ".join(
    f"{title}: median | ratio" for _, title in GROUPS) + " |"
print(head)
print("|---|" + "---:|---:|" * len(GROUPS))
for bench, label in ROWS:
    cells = []
    for g, _ in GROUPS:
        m, floor = med[(g, bench)], med[(g, "floor")]
        if m is None or floor is None:
            cells += ["—", "—"]
        else:
            cells += [f"{m:,.0f} ns", f"{m / floor:.2f}×"]
    print(f"| {label} | " + " | ".join(cells) + " |")
for g, title in GROUPS:
    fj, allj = med[(g, "fieldtab_from_json")], med[(g, "jsonschema_all")]
    if fj and allj:
        print(f"\n{title}: `Value` + jsonschema (all errors) / fieldtab from_json = {allj / fj:.2f}×")
