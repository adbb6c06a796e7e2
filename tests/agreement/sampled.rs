//! The generator of `fieldtab_schema::sample` (what `fieldtab sample` prints) through the
//! generated types: for every shipped item, 100 valid messages decode with `from_json` (and
//! `validate_json`, and the decoded value's `validate()`) without a violation, and 100
//! invalid ones give exactly the one (path, rule) the generator expects.

use fieldtab_schema::sample::Sampler;

use crate::CASES;
use crate::assert::Case;
use crate::load;

const SEEDS: u64 = 100;

fn sampled_through_generated_code(case: &Case) {
    let module = load(case.schema);
    let sampler = Sampler::new(&module, case.item).unwrap_or_else(|e| panic!("{e}"));
    for seed in 0..SEEDS {
        let valid = sampler.valid(seed).to_string();
        assert_eq!(
            generated_of(case, &valid),
            [],
            "{} seed {seed}: {valid}",
            case.item
        );
        let invalid = sampler
            .invalid(seed)
            .unwrap_or_else(|| panic!("{}: no invalid message", case.item));
        let text = invalid.message.to_string();
        assert_eq!(
            generated_of(case, &text),
            [(invalid.path.clone(), invalid.rule.as_str())],
            "{} seed {seed}: {text}",
            case.item
        );
    }
}

/// The generated code's (path, rule) list for `text`.
fn generated_of(case: &Case, text: &str) -> Vec<(String, &'static str)> {
    (case.generated)(text.as_bytes(), false)
        .into_iter()
        .map(|(path, rule, _)| (path, rule))
        .collect()
}

#[test]
fn sampled_messages_get_the_asked_verdict_from_the_generated_types() {
    let threads = std::thread::available_parallelism().map_or(2, usize::from);
    std::thread::scope(|scope| {
        for chunk in CASES.chunks(CASES.len().div_ceil(threads)) {
            scope.spawn(move || chunk.iter().for_each(sampled_through_generated_code));
        }
    });
}
