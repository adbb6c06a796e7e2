//! The dynamic validator (`fieldtab_codegen::dynamic`, which interprets the schema) and the
//! generated code (`include_schema!` + `fieldtab::from_json`) agree: on generated valid messages
//! of every shipped message and struct, and on their mutations (fields removed, `null`, wrong
//! JSON types, empty and random strings, enum values that flip conditions, unknown and
//! duplicate keys, malformed documents), both give the same verdict and the same ordered
//! (path, rule) list, with and without the caller's `deny_unknown`. `fieldtab::validate_json`
//! (no value built) gives that list too, and a decoded value passes its own `validate()`.
//!
//! Inputs come from a small seeded generator driven by the checked model, so every field of
//! every schema is exercised without a hand-written strategy per message; proptest supplies the
//! seeds and the mutation plans. Cases: `AGREEMENT_CASES` per item (default 1000, 15 items:
//! 15,000 in the normal run; about 5 s in debug).

use fieldtab_codegen::Generate;
use fieldtab_codegen::Schema;
use fieldtab_codegen::dynamic::Validator;
use fieldtab_codegen::model::{
    Charset, Field, Format, ItemKind, Module, Object, Requirement, Type,
};
use proptest::prelude::*;

mod upi_enrollment {
    fieldtab::include_schema!("schemas/upi/enrollment_registration.md");
}
mod upi_usage {
    fieldtab::include_schema!("schemas/upi/instant_discount_usage_query.md");
}
mod upi_budget {
    fieldtab::include_schema!("schemas/upi/instant_discount_budget_progress_query.md");
}
mod alipayplus {
    fieldtab::include_schema!("schemas/alipayplus/benefit.md");
}

// ------------------------------------------------------------------ a JSON tree with duplicates

/// A JSON document under construction: objects keep member order and duplicate keys.
#[derive(Clone, Debug)]
enum Node {
    Null,
    Bool(bool),
    /// A number, or any raw JSON text, as written (`7`, `1e3`, `"\u0034"`, even `01`).
    Num(String),
    Str(String),
    Arr(Vec<Node>),
    Obj(Vec<(String, Node)>),
}

impl Node {
    fn write(&self, out: &mut String) {
        match self {
            Node::Null => out.push_str("null"),
            Node::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Node::Num(n) => out.push_str(n),
            Node::Str(s) => out.push_str(&serde_json::to_string(s).unwrap()),
            Node::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Node::Obj(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&serde_json::to_string(key).unwrap());
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }

    fn text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    /// The number of objects in the tree (this one included).
    fn objects(&self) -> usize {
        match self {
            Node::Obj(members) => 1 + members.iter().map(|(_, v)| v.objects()).sum::<usize>(),
            Node::Arr(items) => items.iter().map(Node::objects).sum(),
            _ => 0,
        }
    }

    /// The members of the `n`-th object (depth first, pre-order).
    fn object_mut(&mut self, n: &mut usize) -> Option<&mut Vec<(String, Node)>> {
        match self {
            Node::Obj(_) if *n == 0 => match self {
                Node::Obj(members) => Some(members),
                _ => None,
            },
            Node::Obj(members) => {
                *n -= 1;
                members.iter_mut().find_map(|(_, v)| v.object_mut(n))
            }
            Node::Arr(items) => items.iter_mut().find_map(|v| v.object_mut(n)),
            _ => None,
        }
    }
}

// ------------------------------------------------------------------ a seeded generator

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15 | 1)
    }
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const DIGITS: &str = "0123456789";
const LETTERS: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz ";
const SPECIALS: &str = " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

fn alphabet(charset: Charset) -> String {
    match charset {
        Charset::A => LETTERS.into(),
        Charset::N => DIGITS.into(),
        Charset::S => SPECIALS.into(),
        Charset::An => format!("{LETTERS}{DIGITS}").replace(' ', ""),
        Charset::As => format!("{LETTERS}{SPECIALS}"),
        Charset::Ns => format!("{DIGITS}.-"),
        Charset::Ans => format!("{LETTERS}{DIGITS}{SPECIALS}"),
    }
}

/// Random text of `len` characters drawn from `alphabet`.
fn text_of(rng: &mut Rng, alphabet: &str, len: usize) -> String {
    let chars: Vec<char> = alphabet.chars().collect();
    (0..len).map(|_| *rng.pick(&chars)).collect()
}

struct Gen<'m> {
    module: &'m Module,
}

impl Gen<'_> {
    fn object(&self, object: &Object, rng: &mut Rng, depth: usize) -> Node {
        let mut values: Vec<Node> = object
            .fields
            .iter()
            .map(|f| self.value(f, &f.ty, rng, depth))
            .collect();
        // A conditional format whose condition holds (docs/SEMANTICS.md §2.5): a value of that
        // format.
        for (i, field) in object.fields.iter().enumerate() {
            let holding = field.format_when.iter().find(|conditional| {
                object.fields.iter().zip(&values).any(|(f, v)| {
                    f.ident == conditional.when.sibling
                        && matches!(v, Node::Str(s) if conditional.when.values.contains(s))
                })
            });
            if let Some(conditional) = holding
                && let Some(value) = self.of_format(field, &conditional.format, rng)
            {
                values[i] = Node::Str(value);
            }
        }
        let mut members = Vec::new();
        for (field, value) in object.fields.iter().zip(&values) {
            let include = match &field.requirement {
                Requirement::Mandatory => true,
                Requirement::Optional => rng.chance(60),
                Requirement::Conditional(condition) => {
                    let holds = object.fields.iter().zip(&values).any(|(f, v)| {
                        f.ident == condition.sibling
                            && matches!(v, Node::Str(s) if condition.values.contains(s))
                    });
                    holds || rng.chance(30)
                }
            };
            if include {
                members.push((field.ident.clone(), value.clone()));
            }
        }
        Node::Obj(members)
    }

    fn value(&self, field: &Field, ty: &Type, rng: &mut Rng, depth: usize) -> Node {
        match ty {
            Type::Iso(_) | Type::String => Node::Str(self.string(field, ty, rng)),
            Type::Integer => Node::Num(match rng.below(4) {
                0 => "0".into(),
                1 => (rng.next() as i64).to_string(),
                2 => (rng.below(1_000_000)).to_string(),
                _ => format!("-{}", 1 + rng.below(1000)),
            }),
            Type::Boolean => Node::Bool(rng.chance(50)),
            Type::Array(element) => {
                let n = if depth > 3 { 0 } else { rng.below(4) };
                Node::Arr(
                    (0..n)
                        .map(|_| self.value(field, element, rng, depth + 1))
                        .collect(),
                )
            }
            Type::Named(name) => match self.module.item(name).map(|i| &i.kind) {
                Some(ItemKind::Enum(en)) => Node::Str(rng.pick(&en.values).value.clone()),
                Some(ItemKind::Struct(o) | ItemKind::Message(o)) => self.object(o, rng, depth + 1),
                None => Node::Null,
            },
        }
    }

    /// A value of `format` that fits the field's length, if the runtime's samples have one.
    fn of_format(&self, field: &Field, format: &Format, rng: &mut Rng) -> Option<String> {
        let (min, max) = field
            .length
            .map_or((1, usize::MAX), |l| (l.min.max(1) as usize, l.max as usize));
        // The runtime's valid values of the format.
        let samples = format.samples();
        let fitting: Vec<&str> = samples
            .iter()
            .map(String::as_str)
            .filter(|v| v.chars().count() >= min && v.len() <= max)
            .collect();
        if fitting.is_empty() {
            None
        } else {
            Some(rng.pick(&fitting).to_string())
        }
    }

    fn string(&self, field: &Field, ty: &Type, rng: &mut Rng) -> String {
        if let Some(fixed) = &field.fixed {
            return fixed.clone();
        }
        let (min, max) = field
            .length
            .map_or((1, 24), |l| (l.min.max(1) as usize, l.max as usize));
        if let Some(format) = &field.format
            && let Some(value) = self.of_format(field, format, rng)
        {
            return value;
        }
        let alphabet = match ty {
            Type::Iso(charset) => alphabet(*charset),
            _ => format!("{LETTERS}{DIGITS}é汉-_"),
        };
        let max = max.min(24).max(min);
        let len = min + rng.below(max - min + 1);
        text_of(rng, &alphabet, len)
    }
}

// ------------------------------------------------------------------ mutations

/// Every enum value of the module: mutations that set them flip conditions.
fn enum_values(module: &Module) -> Vec<String> {
    module
        .items
        .iter()
        .filter_map(|i| match &i.kind {
            ItemKind::Enum(en) => Some(en.values.iter().map(|v| v.value.clone())),
            _ => None,
        })
        .flatten()
        .collect()
}

fn mutate(doc: &mut Node, kind: u8, seed: u64, enums: &[String]) {
    let mut rng = Rng::new(seed);
    let count = doc.objects();
    if count == 0 {
        return;
    }
    let mut n = rng.below(count);
    let Some(members) = doc.object_mut(&mut n) else {
        return;
    };
    let at = rng.below(members.len());
    let wide = format!("{LETTERS}{DIGITS}{SPECIALS}é汉\u{1F600}\u{FF11}\t");
    match kind % 16 {
        0 if !members.is_empty() => {
            members.remove(at);
        }
        1 if !members.is_empty() => members[at].1 = Node::Null,
        2 if !members.is_empty() => {
            let wrong = [
                Node::Num("7".into()),
                Node::Num("1.5".into()),
                Node::Num("1e3".into()),
                Node::Num("18446744073709551616".into()),
                Node::Num("-9223372036854775808".into()),
                // serde_json reads `-0` as a float: `type` for both.
                Node::Num("-0".into()),
                Node::Bool(true),
                Node::Str("x".into()),
                Node::Arr(vec![]),
                Node::Arr(vec![Node::Null]),
                Node::Obj(vec![]),
            ];
            members[at].1 = rng.pick(&wrong).clone();
        }
        3 if !members.is_empty() => members[at].1 = Node::Str(String::new()),
        4 if !members.is_empty() => {
            let len = rng.below(30);
            members[at].1 = Node::Str(text_of(&mut rng, &wide, len));
        }
        14 | 15 if !members.is_empty() => {
            // Raw JSON text: escapes, surrogates, number forms; some of it malformed.
            let pool = [
                r#""\u0034\u0031""#,
                r#""a\nb\t\"\\""#,
                r#""\ud83d\ude00""#,
                r#""\ud800""#,
                r#""\/x""#,
                r#""\u00e9t\u00e9""#,
                "\"tab\tin\"",
                r#""\x""#,
                "1E3",
                "-1e-2",
                "0.0",
                "-9223372036854775809",
                "9223372036854775807",
                "1.0e0",
                "01",
                "1.",
                "+1",
                ".5",
                "-",
                "tru",
                "nulll",
                "[1,]",
                "{\"a\":}",
            ];
            members[at].1 = Node::Num(rng.pick(&pool).to_string());
        }
        13 if !members.is_empty() => {
            // Number-like strings: ranges, scales, leading zeros, signs.
            let pool = [
                "1.5", "2", "0.885", "-1", "00", "1e3", "10.23", "0", "-0.5", "1.00",
            ];
            members[at].1 = Node::Str(rng.pick(&pool).to_string());
        }
        5 if !members.is_empty() => {
            if let Node::Str(s) = &mut members[at].1 {
                match rng.below(5) {
                    0 => s.push(*rng.pick(&wide.chars().collect::<Vec<_>>())),
                    1 => {
                        s.pop();
                    }
                    2 => *s = s.to_lowercase(),
                    3 => *s = s.repeat(2),
                    _ => s.insert(0, '0'),
                }
            }
        }
        6 if !members.is_empty() && !enums.is_empty() => {
            members[at].1 = Node::Str(rng.pick(enums).clone());
        }
        7 => {
            let key = rng.pick(&["zz", "extra", "a/b", "~t", "é"]).to_string();
            let value = if rng.chance(50) {
                Node::Null
            } else {
                Node::Num("1".into())
            };
            let at = rng.below(members.len() + 1);
            members.insert(at, (key, value));
        }
        8 if !members.is_empty() => {
            // A duplicate key, holding the same value or another one.
            let (key, value) = members[at].clone();
            let value = if rng.chance(50) {
                value
            } else {
                Node::Str("9".into())
            };
            let to = at + 1 + rng.below(members.len() - at);
            members.insert(to, (key, value));
        }
        9 if !members.is_empty() => {
            // Replace a nested object or array by a generated sibling of the wrong shape.
            if let Node::Obj(inner) = &mut members[at].1 {
                inner.clear();
            } else if let Node::Arr(items) = &mut members[at].1 {
                items.push(Node::Num("3".into()));
                items.push(Node::Null);
            }
        }
        10 if !members.is_empty() => {
            let len = 60 + rng.below(3000);
            members[at].1 = Node::Str(text_of(&mut rng, "0123456789a", len));
        }
        _ => {
            // Put an unknown key and a duplicate unknown key in.
            members.push(("dup".into(), Node::Bool(false)));
            members.push(("dup".into(), Node::Null));
        }
    }
}

/// Whole-document mutations applied to the text: rare, for the `syntax` paths.
fn mutate_text(text: String, kind: u8, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    match kind % 16 {
        0 => {
            let cut = rng.below(text.len());
            // Cut at a char boundary.
            let cut = (0..=cut)
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(0);
            text[..cut].to_string()
        }
        1 => format!("[{text}]"),
        2 => format!("{text} {{}}"),
        3 => "null".to_string(),
        4 => text.replacen(':', "", 1),
        5 => format!("{text},"),
        6 => text.replacen('"', "'", 1),
        7..=10 => escape_one(&text, &mut rng),
        11..=13 => spaced(&text, &mut rng),
        _ => text,
    }
}

/// The same document with JSON whitespace (space, tab, CR, LF) around some structural
/// characters.
fn spaced(text: &str, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut in_string = false;
    let mut escaped = false;
    for c in text.chars() {
        let structural = !in_string && matches!(c, '{' | '}' | '[' | ']' | ',' | ':');
        if structural && rng.chance(30) {
            out.push(*rng.pick(&[' ', '\t', '\r', '\n']));
        }
        out.push(c);
        if structural && rng.chance(30) {
            out.push(*rng.pick(&[' ', '\t', '\r', '\n']));
        }
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
        }
    }
    if rng.chance(50) {
        out.insert(0, '\n');
        out.push_str(" \r\n");
    }
    out
}

/// The same document with the first character of one string (a key or a value) written as a
/// `\uXXXX` escape: equal JSON, read by the decoders' escaped-text paths.
fn escape_one(text: &str, rng: &mut Rng) -> String {
    let bytes = text.as_bytes();
    let starts: Vec<usize> = (1..bytes.len().saturating_sub(1))
        .filter(|&i| {
            bytes[i] == b'"'
                && matches!(bytes[i - 1], b'{' | b',' | b':' | b'[')
                && bytes[i + 1].is_ascii_alphanumeric()
        })
        .collect();
    if starts.is_empty() {
        return text.to_string();
    }
    let at = *rng.pick(&starts) + 1;
    format!("{}\\u{:04x}{}", &text[..at], bytes[at], &text[at + 1..])
}

// ------------------------------------------------------------------ the property

type Pairs = Vec<(String, &'static str)>;

fn pairs(result: Result<(), fieldtab::Report>) -> Pairs {
    match result {
        Ok(()) => vec![],
        Err(report) => report
            .iter()
            .map(|v| (v.path.clone(), v.rule.as_str()))
            .collect(),
    }
}

/// The generated code's (path, rule) list for `bytes`, checking that `from_json`,
/// `validate_json` and a decoded value's `validate()` all agree.
fn generated<T: fieldtab::Decode + fieldtab::Validate>(bytes: &[u8], deny_unknown: bool) -> Pairs {
    let options = fieldtab::DecodeOptions { deny_unknown };
    let decoded = fieldtab::from_json_with::<T>(bytes, options);
    let only_validated = pairs(fieldtab::validate_json_with::<T>(bytes, options));
    if !deny_unknown {
        // The plain entry points are the options' defaults.
        assert_eq!(pairs(fieldtab::validate_json::<T>(bytes)), only_validated);
    }
    let list = match decoded {
        Ok(value) => {
            assert_eq!(pairs(value.validate()), vec![], "a decoded value is valid");
            vec![]
        }
        Err(report) => pairs(Err(report)),
    };
    assert_eq!(list, only_validated, "from_json and validate_json disagree");
    list
}

struct Case {
    schema: &'static str,
    item: &'static str,
    generated: fn(&[u8], bool) -> Pairs,
}

macro_rules! cases {
    ($($schema:literal => $module:ident :: [$($item:ident),* $(,)?]),* $(,)?) => {
        &[$($(Case {
            schema: $schema,
            item: stringify!($item),
            generated: generated::<$module::$item>,
        },)*)*]
    };
}

const CASES: &[Case] = cases![
    "schemas/upi/enrollment_registration.md" => upi_enrollment::[
        EnrollmentRegistrationRequest,
        EnrollmentRegistrationResponse,
    ],
    "schemas/upi/instant_discount_usage_query.md" => upi_usage::[
        InstantDiscountUsageQueryRequest,
        InstantDiscountUsageQueryResponse,
    ],
    "schemas/upi/instant_discount_budget_progress_query.md" => upi_budget::[
        InstantDiscountBudgetProgressQueryRequest,
        InstantDiscountBudgetProgressQueryResponse,
    ],
    "schemas/alipayplus/benefit.md" => alipayplus::[
        Result,
        Amount,
        ExternalBenefitDetail,
        BenefitValidPeriod,
        BenefitBudget,
        MerchantInfo,
        Image,
        BenefitContent,
        BenefitCollectRule,
    ],
];

fn cases_per_item() -> u32 {
    std::env::var("AGREEMENT_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000)
}

fn load(schema: &str) -> Module {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(schema);
    Schema::load(&path).unwrap_or_else(|d| panic!("{d}")).module
}

/// One item: proptest draws a seed (the valid message) and up to four mutations.
fn agree_on(case: &Case) {
    let module = load(case.schema);
    let validator = Validator::new(&module, case.item).unwrap();
    let object = match &module.item(case.item).unwrap().kind {
        ItemKind::Message(o) | ItemKind::Struct(o) => o.clone(),
        ItemKind::Enum(_) => unreachable!("cases are messages and structs"),
    };
    let enums = enum_values(&module);
    let generator = Gen { module: &module };
    let config = ProptestConfig {
        cases: cases_per_item(),
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    let mut runner = proptest::test_runner::TestRunner::new(config);
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
        let mut doc = generator.object(&object, &mut Rng::new(seed), 0);
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
            mutate(&mut doc, *kind, *seed, &enums);
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
        let dynamic = pairs(validator.validate(text.as_bytes(), deny));
        let generated = (case.generated)(text.as_bytes(), deny);
        for (_, rule) in &dynamic {
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
    for rule in ["syntax", "type", "required"] {
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
}

#[test]
fn dynamic_validator_and_generated_code_agree_on_every_shipped_item() {
    // `AGREEMENT_ITEM=Name` runs one item only (to reproduce a failure).
    let only = std::env::var("AGREEMENT_ITEM").ok();
    for case in CASES {
        if only.as_deref().is_none_or(|name| name == case.item) {
            agree_on(case);
        }
    }
}

/// The samples of `examples/messages/` through the generated code: the same (path, rule) lists
/// as their `*.expected.json` (the dynamic validator is held to them in cli/tests/samples.rs).
#[test]
fn generated_code_gives_every_sample_its_expected_violations() {
    let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/messages");
    let mut checked = 0;
    for case in CASES {
        let (vendor_schema, _) = case
            .schema
            .trim_start_matches("schemas/")
            .split_once(".md")
            .unwrap();
        let dir = base.join(vendor_schema).join(case.item);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .filter(|p| {
                let name = p.file_name().unwrap().to_string_lossy();
                name.ends_with(".json") && !name.ends_with(".expected.json")
            })
            .collect();
        files.sort();
        for file in files {
            let sidecar = file.with_extension("expected.json");
            let (deny, expected): (bool, Vec<(String, String)>) = if sidecar.exists() {
                let v: serde_json::Value =
                    serde_json::from_str(&std::fs::read_to_string(&sidecar).unwrap()).unwrap();
                let list = v["violations"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| {
                        (
                            x["path"].as_str().unwrap().into(),
                            x["rule"].as_str().unwrap().into(),
                        )
                    })
                    .collect();
                (v["deny_unknown"].as_bool().unwrap(), list)
            } else {
                (false, vec![])
            };
            let bytes = std::fs::read(&file).unwrap();
            let got: Vec<(String, String)> = (case.generated)(&bytes, deny)
                .into_iter()
                .map(|(p, r)| (p, r.to_string()))
                .collect();
            assert_eq!(got, expected, "{}", file.display());
            checked += 1;
        }
    }
    assert!(checked >= 15 * 13, "{checked} samples");
}

#[test]
fn spaced_writes_an_equal_document() {
    let text = r#"{"a":[1,{"b":"x:,{}[]\\\"y"}],"c":null}"#;
    let mut rng = Rng::new(3);
    for _ in 0..20 {
        let spaced = spaced(text, &mut rng);
        let a: serde_json::Value = serde_json::from_str(text).unwrap();
        let b: serde_json::Value = serde_json::from_str(&spaced).unwrap();
        assert_eq!(a, b, "{spaced}");
    }
}

#[test]
fn escape_one_writes_an_equal_document() {
    let text = r#"{"procType":"41","data":{"cardNo":"6214835920672688"},"list":["a"]}"#;
    let mut rng = Rng::new(7);
    for _ in 0..20 {
        let escaped = escape_one(text, &mut rng);
        assert!(escaped.contains("\\u00"), "{escaped}");
        let a: serde_json::Value = serde_json::from_str(text).unwrap();
        let b: serde_json::Value = serde_json::from_str(&escaped).unwrap();
        assert_eq!(a, b);
    }
}

// ------------------------------------------------------------------ fixed values of enum fields

mod fixed_enum {
    fieldtab::include_schema!("tests/schemas/fixed_enum.md");
}

/// A fixed value on an enum field is the `const` rule, checked before `enum` (docs/SEMANTICS.md
/// §2.4), in generated decoding (`from_json`, `validate_json`), generated `validate()`, the
/// dynamic validator and the JSON Schema export alike.
#[test]
fn a_fixed_value_on_an_enum_field_is_const_before_enum() {
    const SCHEMA: &str = "tests/schemas/fixed_enum.md";
    let module = load(SCHEMA);
    let validator = Validator::new(&module, "Reply").unwrap_or_else(|e| panic!("{e}"));
    let cases: &[(&str, &[(&str, &str)])] = &[
        (r#"{"status":"S","maybe":"F","statuses":["S","F"]}"#, &[]),
        (r#"{"status":"F"}"#, &[("/status", "const")]),
        (
            r#"{"status":"Q","maybe":"S"}"#,
            &[
                ("/status", "const"),
                ("/status", "enum"),
                ("/maybe", "const"),
            ],
        ),
        (r#"{"status":""}"#, &[("/status", "required")]),
        (
            r#"{"status":"S","maybe":""}"#,
            &[("/maybe", "const"), ("/maybe", "enum")],
        ),
        (
            r#"{"status":"S","statuses":["Q","S"]}"#,
            &[("/statuses/0", "enum")],
        ),
    ];
    for (json, expected) in cases {
        let expected: Pairs = expected
            .iter()
            .map(|&(path, rule)| (path.to_string(), rule))
            .collect();
        let bytes = json.as_bytes();
        for deny in [false, true] {
            assert_eq!(
                generated::<fixed_enum::Reply>(bytes, deny),
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

    // A value built in Rust holds a listed value; its fixed value is still checked.
    let reply = fixed_enum::Reply {
        status: fixed_enum::Status::F,
        maybe: Some(fixed_enum::Status::S),
        statuses: None,
    };
    assert_eq!(
        pairs(fieldtab::Validate::validate(&reply)),
        [
            ("/status".to_string(), "const"),
            ("/maybe".to_string(), "const")
        ]
    );

    // The JSON Schema export says `const` next to the enum's `$ref`.
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SCHEMA);
    let schema = Schema::load(&path).unwrap_or_else(|d| panic!("{d}"));
    let json = schema
        .to_json_schema(Some("Reply"))
        .unwrap_or_else(|e| panic!("{e}"));
    let properties = &json["$defs"]["Reply"]["properties"];
    assert_eq!(properties["status"]["const"], "S");
    assert_eq!(properties["status"]["$ref"], "#/$defs/Status");
    let maybe = properties["maybe"].to_string();
    assert!(maybe.contains(r#""const":"F""#), "{maybe}");
}
