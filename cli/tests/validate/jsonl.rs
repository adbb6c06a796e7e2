//! `fieldtab validate --jsonl`: one message a line, validated across threads and printed in
//! input order with each line's number; standard input; a line over `--max-bytes` bounded;
//! malformed lines; blank lines; both formats; the summary line; the exit codes.

use super::{ENROLLMENT, REQUEST, code, json_lines, run, stderr, stdout};

/// `fieldtab sample` of the request: `count` messages from `seed`, valid or invalid.
fn sampled(count: usize, seed: usize, invalid: bool) -> Vec<String> {
    let (count, seed) = (count.to_string(), seed.to_string());
    let mut args = vec![
        "sample",
        ENROLLMENT,
        "--message",
        REQUEST,
        "--count",
        &count,
        "--seed",
        &seed,
    ];
    if invalid {
        args.push("--invalid");
    }
    let out = run(&args, b"");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    stdout(&out).lines().map(str::to_owned).collect()
}

/// `validate --jsonl` of the request with `extra` arguments, reading `input` on stdin.
fn jsonl(extra: &[&str], input: &[u8]) -> std::process::Output {
    let mut args = vec!["validate", ENROLLMENT, "--message", REQUEST, "--jsonl"];
    args.extend(extra);
    run(&args, input)
}

/// Many chunks' worth of lines, every fifth invalid, through more threads than cores: every
/// line is reported, in input order, with its verdict; any number of threads prints the same.
#[test]
fn lines_are_reported_in_input_order_across_threads() {
    const LINES: usize = 12_000;
    let valid = sampled(LINES, 0, false);
    let invalid = sampled(LINES / 5, 0, true);
    let mut corpus = String::new();
    for i in 0..LINES {
        let line = if i % 5 == 3 {
            &invalid[i / 5]
        } else {
            &valid[i]
        };
        corpus.push_str(line);
        corpus.push('\n');
    }
    assert!(corpus.len() > 2 * 1024 * 1024, "several chunks of 256 KiB");

    let out = jsonl(&["--format", "json", "--jobs", "4"], corpus.as_bytes());
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let objects = json_lines(&out);
    assert_eq!(objects.len(), LINES + 1);
    for (i, object) in objects[..LINES].iter().enumerate() {
        assert_eq!(object["line"], i + 1, "{object}");
        assert_eq!(object["valid"], i % 5 != 3, "line {}: {object}", i + 1);
    }
    assert_eq!(
        objects[LINES],
        serde_json::json!({"summary": {"messages": LINES, "valid": LINES - LINES / 5,
            "invalid": LINES / 5}})
    );

    let text = |jobs: &str| stdout(&jsonl(&["--jobs", jobs], corpus.as_bytes()));
    let one = text("1");
    assert_eq!(one, text("3"));
    let summaries: Vec<&str> = one.lines().filter(|l| l.starts_with("<stdin>:")).collect();
    assert_eq!(summaries.len(), LINES);
    assert_eq!(summaries[0], format!("<stdin>:1: valid {REQUEST}"));
    assert!(summaries[3].starts_with(&format!("<stdin>:4: invalid {REQUEST}: ")));
    assert_eq!(
        one.lines().last(),
        Some("summary: 12000 messages, 9600 valid, 2400 invalid")
    );
}

/// A line's JSON object is single-mode validate's object of the same text, plus `"line"`
/// after `"file"`, and each violation's `line` is the line in the file.
#[test]
fn each_line_is_reported_as_validate_reports_the_message() {
    let invalid = sampled(3, 7, true);
    let input = format!("{}\n{}\n{}\n", invalid[0], invalid[1], invalid[2]);
    let batch = json_lines(&jsonl(&["--format", "json"], input.as_bytes()));
    let batch_text = stdout(&jsonl(&["--format", "json"], input.as_bytes()));
    assert!(
        batch_text.starts_with("{\"file\":\"-\",\"line\":1,\"valid\":false,\"violations\":[{"),
        "{batch_text}"
    );
    for (i, message) in invalid.iter().enumerate() {
        let args = [
            "validate",
            ENROLLMENT,
            "--message",
            REQUEST,
            "--format",
            "json",
        ];
        let mut single = json_lines(&run(&args, message.as_bytes())).remove(0);
        single["line"] = serde_json::json!(i + 1);
        for violation in single["violations"].as_array_mut().unwrap() {
            assert_eq!(violation["line"], 1);
            violation["line"] = serde_json::json!(i + 1);
        }
        assert_eq!(batch[i], single);
    }
}

#[test]
fn standard_input_for_dash_and_for_no_file_and_files_in_turn() {
    let valid = sampled(2, 0, false);
    let input = format!("{}\n{}\n", valid[0], valid[1]);
    for extra in [&[][..], &["-"]] {
        let out = jsonl(extra, input.as_bytes());
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        assert_eq!(
            stdout(&out),
            format!(
                "<stdin>:1: valid {REQUEST}\n<stdin>:2: valid {REQUEST}\nsummary: 2 messages, 2 valid, 0 invalid\n"
            )
        );
    }
    // Two files and stdin, one summary; a file that cannot be read is reported, exit 2.
    let dir = std::env::temp_dir().join(format!("fieldtab-jsonl-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("two.jsonl");
    std::fs::write(&file, format!("{}\n[]", valid[1])).unwrap();
    let file = file.to_str().unwrap();
    let out = jsonl(&[file, "-", "/no/such/file.jsonl"], input.as_bytes());
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("cannot read `/no/such/file.jsonl`"),
        "{}",
        stderr(&out)
    );
    let text = stdout(&out);
    let heads: Vec<&str> = text.lines().filter(|l| !l.contains(" |")).collect();
    assert_eq!(
        heads,
        [
            format!("{file}:1: valid {REQUEST}"),
            "error[type]: /: expected an object, found an array".to_owned(),
            format!(" --> {file}:2:1"),
            format!("{file}:2: invalid {REQUEST}: 1 violation"),
            format!("<stdin>:1: valid {REQUEST}"),
            format!("<stdin>:2: valid {REQUEST}"),
            "summary: 4 messages, 3 valid, 1 invalid".to_owned(),
        ]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Exit 0 when every line is valid (an empty input too), 1 when one is not, 2 for usage.
#[test]
fn exit_codes_follow_the_overall_verdict() {
    let valid = sampled(3, 1, false);
    let all_valid = valid.join("\n");
    assert_eq!(code(&jsonl(&[], all_valid.as_bytes())), 0);
    let out = jsonl(&[], b"");
    assert_eq!(code(&out), 0);
    assert_eq!(stdout(&out), "summary: 0 messages, 0 valid, 0 invalid\n");
    let mixed = format!("{all_valid}\n{{}}\n");
    assert_eq!(code(&jsonl(&[], mixed.as_bytes())), 1);
    assert_eq!(code(&jsonl(&["--format", "json"], mixed.as_bytes())), 1);

    let out = run(
        &["validate", ENROLLMENT, "--message", REQUEST, "--jobs", "2"],
        b"",
    );
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("--jsonl"), "{}", stderr(&out));
    let out = jsonl(&["--jobs", "0"], b"");
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("Usage: fieldtab validate"),
        "{}",
        stderr(&out)
    );
}

/// Malformed lines are invalid messages at their line, the lines around them still checked;
/// blank lines are no message and keep the numbers of the lines after them; `\r\n` is a
/// line end.
#[test]
fn malformed_and_blank_lines() {
    let valid = sampled(1, 2, false).remove(0);
    let input = format!("not json\n\n  \t\r\n{valid}\r\n{{\"header\":\n[] x\n{valid}");
    let out = jsonl(&["--format", "json"], input.as_bytes());
    assert_eq!(code(&out), 1);
    let objects = json_lines(&out);
    let verdicts: Vec<(u64, bool, Option<&str>)> = objects[..objects.len() - 1]
        .iter()
        .map(|o| {
            let rule = o["violations"][0]["rule"].as_str();
            (o["line"].as_u64().unwrap(), o["valid"] == true, rule)
        })
        .collect();
    assert_eq!(
        verdicts,
        [
            (1, false, Some("syntax")),
            (4, true, None),
            (5, false, Some("syntax")),
            (6, false, Some("syntax")),
            (7, true, None),
        ]
    );
    assert_eq!(objects[0]["violations"][0]["line"], 1);
    assert_eq!(objects[3]["violations"][0]["line"], 6);
    assert_eq!(objects[5]["summary"]["messages"], 5);
    let text = stdout(&jsonl(&[], input.as_bytes()));
    assert!(text.contains(" --> <stdin>:6:4\n"), "{text}");
    assert!(text.contains("\n6 | [] x\n"), "{text}");
}

/// `validate --jsonl --max-bytes 1048576 --format json` of `lines` spaces after a `{` and
/// then `rest`, written to its stdin a block at a time (so this process never holds the
/// line, and no child forked meanwhile counts it as its own): the output, the exit code and
/// the child's peak resident memory in bytes.
#[cfg(target_os = "linux")]
// The child is reaped by `wait4`, which std does not see.
#[allow(clippy::zombie_processes)]
fn huge_line(line: usize, rest: &[u8]) -> (String, i32, u64) {
    use std::io::{Read, Write};
    use std::os::unix::process::ExitStatusExt;
    use std::process::{Command, Stdio};

    let mut child = Command::new(super::BIN)
        .args(["validate", ENROLLMENT, "--message", REQUEST, "--jsonl"])
        .args(["--max-bytes", "1048576", "--format", "json"])
        .current_dir(super::root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().unwrap();
    let rest = rest.to_vec();
    let writer = std::thread::spawn(move || {
        let mut block = vec![b' '; 1 << 20];
        block[0] = b'{';
        let mut left = line;
        while left > 0 {
            let n = left.min(block.len());
            stdin.write_all(&block[..n]).unwrap();
            block[0] = b' ';
            left -= n;
        }
        stdin.write_all(b"\n").unwrap();
        stdin.write_all(&rest).unwrap();
    });
    let mut output = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut output)
        .unwrap();
    writer.join().unwrap();
    let pid = i32::try_from(child.id()).unwrap();
    let mut status = 0;
    // SAFETY: `wait4` reaps the child `pid` (ours, not yet waited for) and writes its status
    // and a `rusage` into the two places it is given, nothing else.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        assert_eq!(libc::wait4(pid, &mut status, 0, &mut usage), pid);
        usage
    };
    let code = std::process::ExitStatus::from_raw(status).code().unwrap();
    // Linux reports kilobytes.
    (output, code, u64::try_from(usage.ru_maxrss).unwrap() * 1024)
}

/// A line far longer than `--max-bytes` is one `syntax` violation of that line, skipped
/// without being kept (the process stays far smaller than the line), and the next line is
/// still validated.
#[cfg(target_os = "linux")]
#[test]
fn a_huge_line_is_a_violation_in_bounded_memory() {
    const HUGE: usize = 96 * 1024 * 1024;
    let valid = sampled(1, 3, false).remove(0);
    let (output, code, peak) = huge_line(HUGE, valid.as_bytes());
    assert_eq!(code, 1);
    let objects: Vec<serde_json::Value> = output
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(
        objects[0]["violations"],
        serde_json::json!([{"path": "", "rule": "syntax",
            "message": format!("a line of {HUGE} bytes, longer than --max-bytes (1048576): not read"),
            "line": 1, "column": 1}])
    );
    assert_eq!(
        (objects[1]["line"].as_u64(), objects[1]["valid"].as_bool()),
        (Some(2), Some(true))
    );
    assert!(peak < (HUGE / 4) as u64, "peak RSS {peak} bytes");
}

/// In text, a line too long shows its location, not its text, which was not kept.
#[test]
fn a_line_too_long_in_text() {
    let out = jsonl(&["--max-bytes", "10"], b"{\"header\": 1}\n{}");
    assert_eq!(
        stdout(&out).lines().take(3).collect::<Vec<_>>(),
        [
            "error[syntax]: /: a line of 13 bytes, longer than --max-bytes (10): not read",
            " --> <stdin>:1:1",
            &format!("<stdin>:1: invalid {REQUEST}: 1 violation"),
        ]
    );
}

/// `--deny-unknown` and `--max-violations` apply to each line; keys are escaped; sensitive
/// values are masked as in single-message mode.
#[test]
fn flags_escaping_and_masking_apply_to_each_line() {
    let card = "6214835920672688";
    let input = format!(
        "{{\"header\":{{}},\"data\":{{\"cardNo\":\"{card}a\"}},\"\\u001b[31mred\":1,\"x\":2}}\n{{\"a\":1,\"b\":2,\"c\":3}}\n"
    );
    let out = jsonl(
        &["--deny-unknown", "--max-violations", "2"],
        input.as_bytes(),
    );
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    assert!(!text.contains(card), "{text}");
    assert!(!text.contains('\u{1b}'), "{text:?}");
    assert!(
        text.contains("and 10 more violations, not kept (--max-violations)\n<stdin>:1: invalid"),
        "{text}"
    );
    let out = jsonl(
        &[
            "--deny-unknown",
            "--format",
            "json",
            "--max-violations",
            "50",
        ],
        input.as_bytes(),
    );
    let objects = json_lines(&out);
    let unknown: Vec<&str> = objects[0]["violations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["rule"] == "unknown_field")
        .filter_map(|v| v["path"].as_str())
        .collect();
    assert_eq!(unknown, ["/\u{1b}[31mred", "/x"]);
    assert!(!stdout(&out).contains(card), "{}", stdout(&out));
}
