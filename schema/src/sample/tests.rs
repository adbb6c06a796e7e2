//! The generator on every shipped schema: each draw is valid by the dynamic validator, a seed
//! gives one message, seeds differ.

use std::path::PathBuf;

use super::Sampler;
use crate::Schema;
use crate::model::Requirement;

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
    let (_, schema) = shipped().remove(0);
    let error = Sampler::new(&schema, "EnrollmentRegistrationRequst").unwrap_err();
    assert_eq!(
        error.suggestion.as_deref(),
        Some("EnrollmentRegistrationRequest")
    );
}
