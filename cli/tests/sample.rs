//! `fieldtab sample` through the built binary: every shipped message (every struct of a file
//! without messages), 100 seeds each, validates through `fieldtab validate` with the verdict
//! asked for — valid without `--invalid`, exactly the one expected (path, rule) with it —;
//! output is deterministic and is the library's `Sampler` of seeds S, S+1, …; exit 2 on a bad
//! schema or an unknown message.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use fieldtab_schema::Schema;
use fieldtab_schema::sample::Sampler;

const BIN: &str = env!("CARGO_BIN_EXE_fieldtab");
const SEEDS: u64 = 100;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("cli/ has a parent")
        .to_path_buf()
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(root())
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 stdout")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 stderr")
}

/// Every shipped schema file (relative to the workspace) with the items to sample: its
/// messages, or its structs when it has none.
fn shipped() -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    for folder in ["schemas/upi", "schemas/alipayplus"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(folder))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        files.sort();
        for file in files {
            let schema = Schema::load(&file).unwrap_or_else(|d| panic!("{d}"));
            let messages: Vec<String> = schema
                .own_items()
                .filter(|i| matches!(i.kind, fieldtab_schema::model::ItemKind::Message(_)))
                .map(|i| i.name.clone())
                .collect();
            let items = if messages.is_empty() {
                schema
                    .own_items()
                    .filter(|i| i.kind.object().is_some())
                    .map(|i| i.name.clone())
                    .collect()
            } else {
                messages
            };
            let relative = file.strip_prefix(root()).unwrap().display().to_string();
            out.push((relative, items));
        }
    }
    out
}

/// Writes each line of `lines` to a file of `dir` and validates them all with one
/// `fieldtab validate --format json`: the (path, rule) list of each.
fn validate_lines(
    dir: &Path,
    schema: &str,
    item: &str,
    lines: &[&str],
) -> Vec<Vec<(String, String)>> {
    let files: Vec<String> = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let file = dir.join(format!("{item}-{i}.json"));
            std::fs::write(&file, line).unwrap();
            file.display().to_string()
        })
        .collect();
    let mut args = vec!["validate", schema, "--message", item, "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let output = run(&args);
    assert!(
        output.status.code().is_some_and(|c| c < 2),
        "{}",
        stderr(&output)
    );
    stdout(&output)
        .lines()
        .map(|line| {
            let report: serde_json::Value = serde_json::from_str(line).unwrap();
            report["violations"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| {
                    (
                        v["path"].as_str().unwrap().to_owned(),
                        v["rule"].as_str().unwrap().to_owned(),
                    )
                })
                .collect()
        })
        .collect()
}

#[test]
fn every_shipped_message_samples_valid_and_invalid_messages_the_validator_agrees_with() {
    let dir = std::env::temp_dir().join(format!("fieldtab-sample-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let jobs: Vec<(String, String)> = shipped()
        .into_iter()
        .flat_map(|(schema, items)| items.into_iter().map(move |item| (schema.clone(), item)))
        .collect();
    assert!(jobs.len() >= 30, "{} messages", jobs.len());
    // The messages on every core: each is a few processes and the library's expectations.
    let threads = std::thread::available_parallelism().map_or(2, usize::from);
    std::thread::scope(|scope| {
        for chunk in jobs.chunks(jobs.len().div_ceil(threads)) {
            let dir = &dir;
            scope.spawn(move || {
                for (schema, item) in chunk {
                    sample_one(dir, schema, item);
                }
            });
        }
    });
    std::fs::remove_dir_all(&dir).unwrap();
}

/// One message of one schema: 100 valid and 100 invalid messages through the binary.
fn sample_one(dir: &Path, schema_path: &str, item: &str) {
    let count = SEEDS.to_string();
    let schema = Schema::load(root().join(schema_path)).unwrap();
    let sampler = Sampler::new(&schema, item).unwrap();
    // Valid: one process for the hundred, one to validate them.
    let output = run(&["sample", schema_path, "--message", item, "--count", &count]);
    assert_eq!(output.status.code(), Some(0), "{item}: {}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len() as u64, SEEDS, "{item}");
    // The library's messages (a few: the rest is the same code).
    for (seed, line) in lines.iter().enumerate().take(5) {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(value, sampler.valid(seed as u64), "{item} seed {seed}");
    }
    for (seed, found) in validate_lines(dir, schema_path, item, &lines)
        .iter()
        .enumerate()
    {
        assert_eq!(found, &[], "{item} seed {seed}: {}", lines[seed]);
    }
    // Invalid: each with exactly the violation the library expects.
    let output = run(&[
        "sample",
        schema_path,
        "--message",
        item,
        "--count",
        &count,
        "--invalid",
    ]);
    assert_eq!(output.status.code(), Some(0), "{item}: {}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len() as u64, SEEDS, "{item}");
    let mut rules: Vec<String> = Vec::new();
    for (seed, found) in validate_lines(dir, schema_path, item, &lines)
        .iter()
        .enumerate()
    {
        let expected = sampler.invalid(seed as u64).unwrap();
        let value: serde_json::Value = serde_json::from_str(lines[seed]).unwrap();
        assert_eq!(value, expected.message, "{item} seed {seed}");
        assert_eq!(
            found,
            &[(expected.path.clone(), expected.rule.to_string())],
            "{item} seed {seed}: {}",
            lines[seed]
        );
        rules.push(expected.rule.to_string());
    }
    // The hundred seeds cover every rule kind the message has.
    for kind in sampler.rules() {
        assert!(rules.contains(&kind.to_string()), "{item}: no `{kind}`");
    }
}

#[test]
fn the_same_seed_gives_the_same_lines_and_seeds_follow_each_other() {
    let args = |seed: &str, count: &str| {
        stdout(&run(&[
            "sample",
            "schemas/upi/enrollment_registration.md",
            "--message",
            "EnrollmentRegistrationRequest",
            "--seed",
            seed,
            "--count",
            count,
        ]))
    };
    let five = args("40", "5");
    assert_eq!(five, args("40", "5"));
    assert_eq!(five.lines().count(), 5);
    // Message i of seed S is the first message of seed S + i.
    assert_eq!(five.lines().nth(3), args("43", "1").lines().next());
    // The default is one message of seed 0.
    let one = stdout(&run(&[
        "sample",
        "schemas/upi/enrollment_registration.md",
        "--message",
        "EnrollmentRegistrationRequest",
    ]));
    assert_eq!(one, args("0", "1"));
    assert_eq!(args("0", "0"), "");
}

#[test]
fn a_bad_schema_or_an_unknown_message_is_exit_2_with_a_clear_error() {
    let unknown = run(&[
        "sample",
        "schemas/upi/enrollment_registration.md",
        "--message",
        "EnrollmentRegistrationRequst",
    ]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(unknown.stdout.is_empty());
    let error = stderr(&unknown);
    assert!(
        error.contains("no message or struct named `EnrollmentRegistrationRequst`")
            && error.contains("did you mean `EnrollmentRegistrationRequest`?"),
        "{error}"
    );

    let dir = std::env::temp_dir().join(format!("fieldtab-sample-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.md");
    std::fs::write(
        &bad,
        "# Bad\n\n## message M\n\n| Identifier | Type | Request |\n|---|---|---|\n| a | AM | M |\n",
    )
    .unwrap();
    let output = run(&["sample", bad.to_str().unwrap(), "--message", "M"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert!(
        stderr(&output).contains("unknown type code `AM`"),
        "{}",
        stderr(&output)
    );
    let missing = run(&["sample", "no/such/schema.md", "--message", "M"]);
    assert_eq!(missing.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();

    // A bad argument is a usage error.
    let usage = run(&[
        "sample",
        "schemas/upi/enrollment_registration.md",
        "--message",
        "X",
        "--count",
        "x",
    ]);
    assert_eq!(usage.status.code(), Some(2));
    assert!(stderr(&usage).contains("Usage:"), "{}", stderr(&usage));
}
