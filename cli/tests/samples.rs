//! Every sample of `examples/messages/` through the dynamic validator: valid samples have no
//! violation, each invalid sample has exactly the (path, rule) list of its `*.expected.json`,
//! in order. The layout is `examples/messages/<vendor>/<schema>/<Item>/…`, for the schema
//! `schemas/<vendor>/<schema>.md` and its message or struct `<Item>`. The same samples also go
//! through the generated code (the facade's tests) and through the binary (below).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use fieldtab_codegen::Schema;
use fieldtab_codegen::dynamic::Validator;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("cli/ has a parent")
        .to_path_buf()
}

/// One sample: its file, whether unknown fields are denied, and the expected (path, rule) list
/// (empty for a valid sample).
struct Sample {
    file: PathBuf,
    deny_unknown: bool,
    expected: Vec<(String, String)>,
}

/// Every sample, grouped by (schema path, item name).
fn samples() -> BTreeMap<(PathBuf, String), Vec<Sample>> {
    let base = root().join("examples/messages");
    let mut all = BTreeMap::new();
    for vendor in subdirs(&base) {
        for schema in subdirs(&vendor) {
            let schema_path = root()
                .join("schemas")
                .join(name(&vendor))
                .join(format!("{}.md", name(&schema)));
            for item in subdirs(&schema) {
                let mut list = Vec::new();
                for file in dir(&item) {
                    let file_name = name(&file);
                    if file_name.ends_with(".expected.json") || !file_name.ends_with(".json") {
                        continue;
                    }
                    let sidecar = file.with_extension("expected.json");
                    let (deny_unknown, expected) = if file_name.starts_with("valid-") {
                        assert!(!sidecar.exists(), "{}", sidecar.display());
                        (false, vec![])
                    } else {
                        assert!(file_name.starts_with("invalid-"), "{file_name}");
                        read_sidecar(&sidecar)
                    };
                    list.push(Sample {
                        file,
                        deny_unknown,
                        expected,
                    });
                }
                all.insert((schema_path.clone(), name(&item)), list);
            }
        }
    }
    all
}

fn dir(path: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    entries
}

/// The folders in `path` (a README beside them is not a sample).
fn subdirs(path: &Path) -> Vec<PathBuf> {
    dir(path).into_iter().filter(|p| p.is_dir()).collect()
}

fn name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

fn read_sidecar(path: &Path) -> (bool, Vec<(String, String)>) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let deny = value["deny_unknown"].as_bool().unwrap();
    let list = value["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["path"].as_str().unwrap().to_owned(),
                v["rule"].as_str().unwrap().to_owned(),
            )
        })
        .collect::<Vec<_>>();
    assert!(
        !list.is_empty(),
        "{}: an invalid sample expects violations",
        path.display()
    );
    (deny, list)
}

#[test]
fn every_shipped_message_has_enough_samples() {
    let all = samples();
    // Every message of every shipped schema, and every Alipay+ type.
    let expected_items = [
        "EnrollmentRegistrationRequest",
        "EnrollmentRegistrationResponse",
        "InstantDiscountUsageQueryRequest",
        "InstantDiscountUsageQueryResponse",
        "InstantDiscountBudgetProgressQueryRequest",
        "InstantDiscountBudgetProgressQueryResponse",
        "Result",
        "Amount",
        "ExternalBenefitDetail",
        "BenefitValidPeriod",
        "BenefitBudget",
        "MerchantInfo",
        "Image",
        "BenefitContent",
        "BenefitCollectRule",
    ];
    for item in expected_items {
        let list = all
            .iter()
            .find(|((_, name), _)| name == item)
            .map(|(_, list)| list)
            .unwrap_or_else(|| panic!("no samples of {item}"));
        let valid = list.iter().filter(|s| s.expected.is_empty()).count();
        let invalid = list.len() - valid;
        assert!(valid >= 3, "{item}: {valid} valid samples");
        assert!(invalid >= 10, "{item}: {invalid} invalid samples");
    }
    // And every message of the shipped schemas has samples.
    for (schema, _) in all.keys() {
        let loaded = Schema::load(schema).unwrap_or_else(|d| panic!("{d}"));
        for item in &loaded.module.items {
            if matches!(item.kind, fieldtab_codegen::model::ItemKind::Message(_)) {
                assert!(
                    all.keys().any(|(_, name)| *name == item.name),
                    "message {} has no samples",
                    item.name
                );
            }
        }
    }
}

#[test]
fn the_dynamic_validator_gives_every_sample_its_expected_violations() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for ((schema, item), list) in samples() {
        let loaded = Schema::load(&schema).unwrap_or_else(|d| panic!("{d}"));
        let validator = Validator::new(&loaded.module, &item).unwrap();
        for sample in list {
            let bytes = std::fs::read(&sample.file).unwrap();
            let got: Vec<(String, String)> = match validator.validate(&bytes, sample.deny_unknown) {
                Ok(()) => vec![],
                Err(report) => report
                    .iter()
                    .map(|v| (v.path.clone(), v.rule.as_str().to_owned()))
                    .collect(),
            };
            if got != sample.expected {
                failures.push(format!(
                    "{}:\n  got      {got:?}\n  expected {:?}",
                    sample.file.display(),
                    sample.expected
                ));
            }
            checked += 1;
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked >= 15 * 13, "{checked} samples");
}

/// The binary agrees with the library on every sample, in one run per item (JSON format).
#[test]
fn the_binary_gives_every_sample_its_expected_violations() {
    for ((schema, item), list) in samples() {
        for deny in [false, true] {
            let files: Vec<&Sample> = list.iter().filter(|s| s.deny_unknown == deny).collect();
            if files.is_empty() {
                continue;
            }
            let mut command = Command::new(env!("CARGO_BIN_EXE_fieldtab"));
            command
                .arg("validate")
                .arg(&schema)
                .args(["--message", &item, "--format", "json"]);
            if deny {
                command.arg("--deny-unknown");
            }
            command.args(files.iter().map(|s| &s.file));
            let out = command.output().unwrap();
            let any_invalid = files.iter().any(|s| !s.expected.is_empty());
            assert_eq!(out.status.code(), Some(i32::from(any_invalid)), "{item}");
            let text = String::from_utf8(out.stdout).unwrap();
            // The samples' card numbers never come back, whatever rule they break.
            for card in ["6214835920672688", "62148359206726880000"] {
                assert!(!text.contains(card), "{item}: output shows a card number");
            }
            let lines: Vec<&str> = text.lines().collect();
            assert_eq!(lines.len(), files.len());
            for (line, sample) in lines.iter().zip(&files) {
                let object: serde_json::Value = serde_json::from_str(line).unwrap();
                assert_eq!(object["file"], sample.file.to_str().unwrap());
                assert_eq!(object["valid"], sample.expected.is_empty());
                let got: Vec<(String, String)> = object["violations"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| {
                        (
                            v["path"].as_str().unwrap().into(),
                            v["rule"].as_str().unwrap().into(),
                        )
                    })
                    .collect();
                assert_eq!(got, sample.expected, "{}", sample.file.display());
            }
        }
    }
}
