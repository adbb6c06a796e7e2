//! Randomly mutated documents, at scale: one to three mutations at a time (a value replaced, a
//! string edited, a member removed or added) of every base of `mutations.rs`, judged by the
//! dynamic validator and by `jsonschema` on the export, held to the export's documented
//! looseness (`samples::expressible`).
//!
//! README's test command runs 10,000 documents; the long run sets the count and the seed:
//!
//! ```sh
//! EXPORT_CASES=1000000 EXPORT_SEED=7 cargo test --release -p fieldtab-codegen \
//!     --test json_schema random -- --nocapture
//! ```
//!
//! A failure prints the document; the seed reproduces the run.

use serde_json::{Value, json};

use crate::mutations::{Judge, Verdict, bases, collect_pointers};

/// xorshift64*: deterministic for a seed, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Values a mutation puts in place of another: each JSON kind, edge lengths, non-ASCII text,
/// digits, a decimal, a huge integer.
fn replacement(rng: &mut Rng) -> Value {
    match rng.below(14) {
        0 => Value::Null,
        1 => json!(""),
        2 => json!("x"),
        3 => json!("1"),
        4 => json!(7),
        5 => json!(-1.5),
        6 => json!(true),
        7 => json!([]),
        8 => json!({}),
        9 => json!("A".repeat(1 + rng.below(700))),
        10 => json!("é日\u{1F600}"),
        11 => json!("2024-02-30T25:61:00+08:00"),
        12 => json!(u64::MAX),
        _ => json!([1, "a", null]),
    }
}

/// One mutation of `doc` in place.
fn mutate(doc: &mut Value, rng: &mut Rng) {
    let mut pointers = Vec::new();
    collect_pointers(doc, String::new(), &mut pointers);
    pointers.push(String::new());
    let pointer = pointers[rng.below(pointers.len())].clone();
    match rng.below(4) {
        // Replace the value.
        0 if !pointer.is_empty() => {
            if let Some(slot) = doc.pointer_mut(&pointer) {
                *slot = replacement(rng);
            }
        }
        // Edit a string: drop its last character, add one, or turn it into digits.
        1 => {
            if let Some(Value::String(s)) = doc.pointer_mut(&pointer) {
                match rng.below(3) {
                    0 => {
                        s.pop();
                    }
                    1 => s.push(['x', '0', ' ', '/', 'É'][rng.below(5)]),
                    _ => *s = "9".repeat(s.chars().count().max(1)),
                }
            }
        }
        // Remove a member.
        2 => {
            if let Some((parent, key)) = pointer.rsplit_once('/')
                && let Some(Value::Object(members)) = doc.pointer_mut(parent)
            {
                members.remove(key);
            }
        }
        // Add a member to an object.
        _ => {
            if let Some(Value::Object(members)) = doc.pointer_mut(&pointer) {
                members.insert(format!("extra{}", rng.below(3)), replacement(rng));
            }
        }
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn randomly_mutated_documents_agree_with_the_dynamic_validator() {
    let total = env_number("EXPORT_CASES", 10_000);
    let seed = env_number("EXPORT_SEED", 0x5EED_F1E1_D7AB);
    let mut rng = Rng(seed | 1);
    // Judges built once per (base, deny): the export of an item is compiled once.
    let mut judges = Vec::new();
    for (schema_path, item, base) in bases() {
        for deny in [false, true] {
            let judge = Judge::new(&schema_path, &item, deny);
            if judge.valid(&base) {
                judges.push((judge, base.clone()));
            }
        }
    }
    assert!(!judges.is_empty());
    let (mut rejected, mut accepted) = (0u64, 0u64);
    for _ in 0..total {
        let (judge, base) = &judges[rng.below(judges.len())];
        let mut doc = base.clone();
        for _ in 0..=rng.below(3) {
            mutate(&mut doc, &mut rng);
        }
        match judge.judge(&doc) {
            Verdict::Rejected => rejected += 1,
            Verdict::Accepted => accepted += 1,
            Verdict::Either => {}
        }
    }
    eprintln!(
        "{total} random documents (seed {seed}): {rejected} rejected by both, {accepted} accepted by both, {} that JSON Schema may judge either way",
        total - rejected - accepted
    );
    assert!(rejected > 0 && accepted > 0);
}
