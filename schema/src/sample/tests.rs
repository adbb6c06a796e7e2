//! The generator on every shipped schema: each draw is valid by the dynamic validator, a seed
//! gives one message, seeds differ.

use std::path::PathBuf;

use super::Sampler;
use crate::Schema;
use crate::model::Requirement;
use fieldtab_runtime::Rule;

/// Every shipped schema file.
fn shipped() -> Vec<(PathBuf, Schema)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../schemas");
    let mut out = Vec::new();
    for folder in ["upi", "alipayplus"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(folder))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        files.sort();
        for file in files {
            let schema = Schema::load(&file).unwrap();
            out.push((file, schema));
        }
    }
    out
}

#[test]
fn every_shipped_object_gets_valid_messages() {
    for (file, schema) in shipped() {
        for item in schema.own_items().filter(|i| i.kind.object().is_some()) {
            let sampler = Sampler::new(&schema, &item.name).unwrap();
            for seed in 0..30 {
                if let Err(unmet) = sampler.try_valid(seed) {
                    panic!(
                        "{}: {} seed {seed}: {}\n{}",
                        file.display(),
                        item.name,
                        unmet.message,
                        unmet.report
                    );
                }
            }
        }
    }
}

#[test]
fn a_seed_gives_one_message_and_seeds_vary_the_optional_fields() {
    for (_, schema) in shipped() {
        for item in schema.own_items().filter(|i| i.kind.object().is_some()) {
            let sampler = Sampler::new(&schema, &item.name).unwrap();
            assert_eq!(sampler.valid(3), sampler.valid(3));
            let object = item.kind.object().unwrap();
            // An optional field of the top object is present for some seed and absent for
            // another.
            for field in object
                .fields
                .iter()
                .filter(|f| f.requirement == Requirement::Optional)
                .filter(|f| !object.groups.iter().any(|g| g.members.contains(&f.ident)))
            {
                let present: Vec<bool> = (0..20)
                    .map(|seed| sampler.valid(seed).get(&field.ident).is_some())
                    .collect();
                assert!(
                    present.contains(&true) && present.contains(&false),
                    "{}.{}: {present:?}",
                    item.name,
                    field.ident
                );
            }
        }
    }
}

#[test]
fn an_unknown_name_is_an_error_with_a_suggestion() {
    let (_, schema) = shipped()
        .into_iter()
        .find(|(path, _)| path.ends_with("upi/enrollment_registration.md"))
        .expect("the enrollment schema");
    let error = Sampler::new(&schema, "EnrollmentRegistrationRequst").unwrap_err();
    assert_eq!(
        error.suggestion.as_deref(),
        Some("EnrollmentRegistrationRequest")
    );
}

#[test]
fn invalid_messages_break_one_rule_each_and_cover_every_kind() {
    for (file, schema) in shipped() {
        for item in schema.own_items().filter(|i| i.kind.object().is_some()) {
            let sampler = Sampler::new(&schema, &item.name).unwrap();
            let validator = crate::dynamic::Validator::new(&schema.module, &item.name).unwrap();
            let kinds = sampler.rules();
            let mut covered = Vec::new();
            for seed in 0..kinds.len() as u64 * 2 {
                let invalid = sampler.invalid(seed).unwrap_or_else(|| {
                    panic!(
                        "{}: {} seed {seed}: no invalid message",
                        file.display(),
                        item.name
                    )
                });
                let report = validator
                    .validate(invalid.message.to_string().as_bytes(), false)
                    .unwrap_err();
                let found: Vec<(&str, Rule)> =
                    report.iter().map(|v| (v.path.as_str(), v.rule)).collect();
                assert_eq!(found, [(invalid.path.as_str(), invalid.rule)]);
                covered.push(invalid.rule);
            }
            let missing: Vec<_> = kinds.iter().filter(|k| !covered.contains(k)).collect();
            assert!(
                missing.is_empty(),
                "{}: never broken: {missing:?}",
                item.name
            );
            // What the model declares and no change breaks alone, each for its reason.
            let dropped: Vec<Rule> = sampler
                .declared_rules()
                .into_iter()
                .filter(|k| !kinds.contains(k))
                .collect();
            let expected: &[Rule] = match item.name.as_str() {
                // `ISO 4217` on a length of 3, `minor units` on 16 (its own most digits).
                "Amount" | "BenefitBudget" | "SettlementStrategy" => &[Rule::Length],
                // Required only by `super.` conditions: nothing is above a struct alone.
                "Merchant" | "Env" => &[Rule::Required],
                _ => &[],
            };
            assert_eq!(dropped, expected, "{}: {}", file.display(), item.name);
        }
    }
}
