//! The property and its checks: the dynamic validator's (path, rule, message) list against the
//! generated code's, on valid and mutated documents.

use fieldtab_codegen::dynamic::Validator;
use proptest::prelude::*;

use fieldtab_codegen::model::{Module, Object};

use crate::generate::{Gen, Rng};
use crate::json::Node;
use crate::load;
use crate::mutate::{enum_values, group_members, mutate, mutate_text, spaced};

/// A report as its (path, rule) list.
pub(crate) type Pairs = Vec<(String, &'static str)>;

pub(crate) fn pairs(result: Result<(), fieldtab::Report>) -> Pairs {
    match result {
        Ok(()) => vec![],
        Err(report) => report
            .iter()
            .map(|v| (v.path.clone(), v.rule.as_str()))
            .collect(),
    }
}

/// A report as its (path, rule, message) list.
pub(crate) type Triples = Vec<(String, &'static str, String)>;

pub(crate) fn triples(result: Result<(), fieldtab::Report>) -> Triples {
    match result {
        Ok(()) => vec![],
        Err(report) => report
            .iter()
            .map(|v| (v.path.clone(), v.rule.as_str(), v.message.to_string()))
            .collect(),
    }
}

/// The generated code's (path, rule) list for `bytes`, checking that `from_json`,
/// `validate_json` and a decoded value's `validate()` all agree.
pub(crate) fn generated<T: fieldtab::Decode + fieldtab::Validate>(
    bytes: &[u8],
    deny_unknown: bool,
) -> Pairs {
    generated_triples::<T>(bytes, deny_unknown)
        .into_iter()
        .map(|(path, rule, _)| (path, rule))
        .collect()
}

/// Each hand-picked document gives its expected (path, rule) list, through the generated code of
/// `T` and through `validator`, with and without `deny_unknown`.
pub(crate) fn expect_cases<T: fieldtab::Decode + fieldtab::Validate>(
    validator: &Validator<'_>,
    cases: &[(&str, &[(&str, &'static str)])],
) {
    for (json, expected) in cases {
        let expected: Pairs = expected
            .iter()
            .map(|&(path, rule)| (path.to_string(), rule))
            .collect();
        let bytes = json.as_bytes();
        for deny in [false, true] {
            assert_eq!(
                generated::<T>(bytes, deny),
                expected,
                "generated code, {json}"
            );
            assert_eq!(
                pairs(validator.validate(bytes, deny)),
                expected,
                "dynamic validator, {json}"
            );
        }
    }
}

/// The generated code's (path, rule, message) list for `bytes`, checking that `from_json`,
/// `validate_json` and a decoded value's `validate()` all agree.
pub(crate) fn generated_triples<T: fieldtab::Decode + fieldtab::Validate>(
    bytes: &[u8],
    deny_unknown: bool,
) -> Triples {
    let options = fieldtab::DecodeOptions {
        deny_unknown,
        ..Default::default()
    };
    let decoded = fieldtab::from_json_with::<T>(bytes, options);
    let only_validated = triples(fieldtab::validate_json_with::<T>(bytes, options));
    if !deny_unknown {
        // The plain entry points are the options' defaults.
        assert_eq!(triples(fieldtab::validate_json::<T>(bytes)), only_validated);
    }
    let list = match decoded {
        Ok(value) => {
            assert_eq!(pairs(value.validate()), vec![], "a decoded value is valid");
            vec![]
        }
        Err(report) => triples(Err(report)),
    };
    assert_eq!(list, only_validated, "from_json and validate_json disagree");
    if fieldtab::__private::__decode::scan_verdict::<T>(bytes, deny_unknown) {
        assert_eq!(
            list,
            vec![],
            "the scanner proved valid a message with violations"
        );
    }
    list
}

/// One item of a shipped schema, and its generated code's verdict.
pub(crate) struct Case {
    pub(crate) schema: &'static str,
    pub(crate) item: &'static str,
    pub(crate) generated: fn(&[u8], bool) -> Triples,
    /// Whether the validate-only scanner proves the document valid (`deny_unknown`).
    pub(crate) scanned: fn(&[u8], bool) -> bool,
}

fn cases_per_item() -> u32 {
    std::env::var("AGREEMENT_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000)
}

/// What the properties over one item draw from: its validator, its object, the module's enum
/// values, the generator, the members of its groups (for the mutations).
pub(crate) struct Item<'m> {
    pub(crate) validator: Validator<'m>,
    pub(crate) object: Object,
    pub(crate) enums: Vec<Node>,
    pub(crate) generator: Gen<'m>,
    pub(crate) members: Vec<(String, Node)>,
}

impl<'m> Item<'m> {
    pub(crate) fn new(module: &'m Module, item: &str) -> Item<'m> {
        let validator = Validator::new(module, item).unwrap();
        let object = (module.item(item).unwrap().kind.object())
            .expect("cases are messages and structs")
            .clone();
        let generator = Gen::new(module);
        let members = group_members(module, item, &generator);
        Item {
            validator,
            object,
            enums: enum_values(module),
            generator,
            members,
        }
    }
}

/// A proptest runner of `cases` cases that keeps no failure file.
pub(crate) fn runner(cases: u32) -> proptest::test_runner::TestRunner {
    proptest::test_runner::TestRunner::new(ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    })
}

/// One item: proptest draws a seed (the valid message) and up to four mutations. Returns how
/// many violations of each rule the cases gave.
pub(crate) fn agree_on(case: &Case) -> std::collections::BTreeMap<&'static str, u32> {
    let module = load(case.schema);
    let Item {
        validator,
        object,
        enums,
        generator,
        members,
    } = Item::new(&module, case.item);
    let mut runner = runner(cases_per_item());
    let strategy = (
        any::<u64>(),
        proptest::collection::vec((any::<u8>(), any::<u64>()), 0..4),
        (any::<u8>(), any::<u64>()),
        any::<bool>(),
    );
    let valid_seen = std::cell::Cell::new(0u32);
    let invalid_seen = std::cell::Cell::new(0u32);
    let rules_seen = std::cell::RefCell::new(std::collections::BTreeMap::<&str, u32>::new());
    let result = runner.run(&strategy, |(seed, plan, (text_kind, text_seed), deny)| {
        let mut doc = generator.document(&object, &mut Rng::new(seed));
        let unmutated = plan.is_empty();
        if unmutated {
            // The generator makes valid messages: the dynamic validator says so.
            let text = doc.text();
            let verdict = pairs(validator.validate(text.as_bytes(), false));
            prop_assert_eq!(
                verdict,
                vec![],
                "the generator made an invalid message: {}",
                text
            );
        }
        for (kind, seed) in &plan {
            mutate(&mut doc, *kind, *seed, &enums, &members);
        }
        let text = doc.text();
        let text = if plan.len() == 3 {
            mutate_text(text, text_kind, text_seed)
        } else {
            text
        };
        // One document in five is pretty-printed at random (the decoders' whitespace paths).
        let text = if text_seed % 5 == 0 {
            spaced(&text, &mut Rng::new(text_seed))
        } else {
            text
        };
        let dynamic = triples(validator.validate(text.as_bytes(), deny));
        let generated = (case.generated)(text.as_bytes(), deny);
        for (_, rule, _) in &dynamic {
            *rules_seen.borrow_mut().entry(rule).or_default() += 1;
        }
        if dynamic.is_empty() {
            valid_seen.set(valid_seen.get() + 1);
        } else {
            invalid_seen.set(invalid_seen.get() + 1);
        }
        prop_assert_eq!(
            &dynamic,
            &generated,
            "{} on {} (deny_unknown: {})",
            case.item,
            text,
            deny
        );
        Ok(())
    });
    if let Err(error) = result {
        panic!("{}: {error}", case.item);
    }
    let (valid_seen, invalid_seen) = (valid_seen.get(), invalid_seen.get());
    let rules_seen = rules_seen.into_inner();
    eprintln!(
        "{}: {valid_seen} valid, {invalid_seen} invalid; violations by rule: {rules_seen:?}",
        case.item
    );
    // A `required` case needs a field that can be required: a table whose fields are all
    // optional (a request naming one of two IDs) has none.
    let can_require = object
        .fields
        .iter()
        .any(|f| f.requirement != fieldtab_codegen::model::Requirement::Optional);
    let expected_rules: &[&str] = if can_require {
        &["syntax", "type", "required"]
    } else {
        &["syntax", "type"]
    };
    for &rule in expected_rules {
        assert!(
            rules_seen.contains_key(rule),
            "{}: no `{rule}` case",
            case.item
        );
    }
    assert!(
        valid_seen > 0 && invalid_seen > 0,
        "{}: {valid_seen} valid, {invalid_seen} invalid",
        case.item
    );
    rules_seen
}
