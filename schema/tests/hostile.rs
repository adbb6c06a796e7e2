//! Hostile and broken schema files: each test pins a defect an adversarial trial found in the
//! reader (issue 13), so that it stays fixed. Bounds are asserted on what was unbounded
//! (diagnostics kept, bytes printed, files read); nothing here measures time.

use std::path::PathBuf;

use fieldtab_schema::{MAX_FILES, MAX_IMPORT_DEPTH, Schema};

/// A fresh empty folder under the system's temporary folder, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir =
            std::env::temp_dir().join(format!("fieldtab-hostile-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("folder");
        }
        std::fs::write(&path, text).expect("write");
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const ITEM: &str = "## struct Header\n\n| Identifier | Type | Length | Request |\n|---|---|---|---|\n| pid | N | 10 | M |\n";

fn errors(result: Result<Schema, fieldtab_schema::Diagnostics>) -> fieldtab_schema::Diagnostics {
    match result {
        Ok(_) => panic!("the schema loaded"),
        Err(d) => d,
    }
}

/// Defect 1: 20,000 bad values in one Example cell (80 KB on one line) gave 20,000
/// diagnostics, each with a copy of the line: 1.5 GB and 3.2 GB of output. ASCII and
/// non-ASCII lines (whose columns are not bytes) alike.
#[test]
fn many_diagnostics_on_one_long_line_are_summarised_and_excerpted() {
    let n: usize = std::env::var("N")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(20_000);
    for letter in ["A", "É"] {
        let values: Vec<String> = (0..n).map(|i| format!("\"{letter}{i}\"")).collect();
        let text = format!(
            "# Many\n\n## struct Header\n\n| Identifier | Type | Length | Request | Example |\n|---|---|---|---|---|\n| pid | N | 10 | M | {} |\n",
            values.join(" ")
        );
        assert!(text.len() > 4 * n);
        let d = errors(Schema::parse("many.md", &text));
        assert!(d.len() <= 8, "{} diagnostics kept", d.len());
        let rendered = d.to_string();
        assert!(
            rendered.len() < 8 * 1024,
            "{} bytes printed",
            rendered.len()
        );
        assert!(
            rendered.contains(&format!("and {} more like this on this line", n - 8)),
            "{rendered}"
        );
        for diagnostic in d.iter() {
            assert!(
                diagnostic.source_line.chars().count() <= 202,
                "{diagnostic}"
            );
        }
    }
}

/// An excerpt of a long line keeps the caret under the text it points at.
#[test]
fn an_excerpt_keeps_its_caret_under_the_span() {
    // A 300-character identifier puts the bad type code far into the line.
    let filler = "x".repeat(300);
    let text = format!(
        "# Long\n\n## struct Header\n\n| Identifier | Type | Length | Request |\n|---|---|---|---|\n| pid{filler} | NQ | 10 | M |\n"
    );
    let d = errors(Schema::parse("long.md", &text));
    let first = d
        .iter()
        .find(|d| d.message.contains("NQ"))
        .expect("type error");
    let rendered = first.to_string();
    let lines: Vec<&str> = rendered.lines().collect();
    let quoted = lines
        .iter()
        .position(|l| l.starts_with("7 | "))
        .expect("quoted");
    let caret = lines[quoted + 1];
    let at = caret.find('^').expect("caret");
    assert_eq!(
        lines[quoted].chars().skip(at).take(2).collect::<String>(),
        "NQ",
        "{rendered}"
    );
    assert!(lines[quoted].contains('…'), "{rendered}");
}

/// Defect 2: a chain of 10,000 imported files overflowed the stack (exit 134); any chain deeper
/// than the limit now stops at the limit, without reading further.
#[test]
fn a_long_import_chain_is_a_diagnostic_not_a_crash() {
    let dir = TempDir::new("chain");
    for i in 0..1_000 {
        dir.write(
            &format!("f{i}.md"),
            &format!(
                "# F{i}\n\nImport: [next](f{}.md)\n\n## enum E{i}\n\n| Value |\n|---|\n| A |\n",
                i + 1
            ),
        );
    }
    let d = errors(Schema::load(dir.0.join("f0.md")));
    let text = d.to_string();
    assert!(
        text.contains(&format!(
            "imports nest more than {MAX_IMPORT_DEPTH} files deep"
        )),
        "{text}"
    );
    assert_eq!(d.errors(), 1, "{text}");
}

/// Defect 2, in width: one file importing more files than a schema may read.
#[test]
fn too_many_imported_files_is_a_diagnostic() {
    let dir = TempDir::new("wide");
    let mut root = String::from("# Root\n\n");
    for i in 0..MAX_FILES + 10 {
        dir.write(
            &format!("f{i}.md"),
            &format!("# F{i}\n\n## enum E{i}\n\n| Value |\n|---|\n| A |\n"),
        );
        root.push_str(&format!("Import: [f](f{i}.md)\n"));
    }
    root.push('\n');
    root.push_str(ITEM);
    let path = dir.write("root.md", &root);
    let d = errors(Schema::load(path));
    let text = d.to_string();
    assert!(
        text.contains(&format!("a schema may read at most {MAX_FILES} files")),
        "{text}"
    );
    assert_eq!(d.errors(), 11, "{text}");
}

/// Defect 6: a FIFO as a schema or an import hung forever (opened before its type was seen).
#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_opening_it() {
    let dir = TempDir::new("fifo");
    let fifo = dir.0.join("pipe.md");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let d = errors(Schema::load(&fifo));
    assert!(d.to_string().contains("not a regular file"), "{d}");
    let root = dir.write(
        "root.md",
        &format!("# Root\n\nImport: [pipe](pipe.md)\n\n{ITEM}"),
    );
    let d = errors(Schema::load(root));
    assert!(d.to_string().contains("not a regular file"), "{d}");
}

/// Defect 7: `link/../x.md` was resolved as text (`x.md` beside `link`), not through the
/// filesystem (`x.md` beside the folder `link` points to); `[x](.)` showed an empty path.
#[cfg(unix)]
#[test]
fn imports_resolve_dot_dot_through_the_filesystem() {
    let dir = TempDir::new("symlink");
    dir.write(
        "root/common.md",
        "# Wrong\n\n## enum TextualParent\n\n| Value |\n|---|\n| A |\n",
    );
    dir.write(
        "real/common.md",
        "# Right\n\n## enum RealParent\n\n| Value |\n|---|\n| A |\n",
    );
    std::fs::create_dir_all(dir.0.join("real/sub")).expect("folder");
    std::os::unix::fs::symlink(dir.0.join("real/sub"), dir.0.join("root/link")).expect("link");
    let root = dir.write(
        "root/main.md",
        &format!("# Root\n\nImport: [common](link/../common.md)\n\n{ITEM}"),
    );
    let schema = match Schema::load(&root) {
        Ok(s) => s,
        Err(d) => panic!("{d}"),
    };
    assert!(schema.module.item("RealParent").is_some());
    assert!(schema.module.item("TextualParent").is_none());

    let here = dir.write(
        "root/here.md",
        &format!("# Here\n\nImport: [x](.)\n\n{ITEM}"),
    );
    let d = errors(Schema::load(here));
    let text = d.to_string();
    assert!(text.contains("cannot read `"), "{text}");
    assert!(!text.contains("cannot read ``"), "{text}");
    assert!(text.contains("not a regular file"), "{text}");
}

/// Defect 8: an import of any readable file quoted its lines (`password=…`).
#[test]
fn a_file_that_is_not_a_schema_is_never_quoted() {
    let dir = TempDir::new("secret");
    dir.write(
        "settings.conf",
        "# database settings\npassword=hunter2\n| token | abc |\n",
    );
    let root = dir.write(
        "root.md",
        &format!("# Root\n\nImport: [s](settings.conf)\n\n{ITEM}"),
    );
    let d = errors(Schema::load(root));
    let text = d.to_string();
    assert!(
        text.contains("is not a schema: it declares no item"),
        "{text}"
    );
    assert!(!text.contains("hunter2"), "{text}");
    assert!(!text.contains("abc"), "{text}");
}

/// Defect 9: a bidirectional control character passed `check`, then broke the generated code.
#[test]
fn a_bidirectional_control_is_an_error_and_never_printed() {
    let text = "# Bidi\n\n## struct Header\n\n| Identifier | Type | Length | Request | Note |\n|---|---|---|---|---|\n| pid | N | 10 | M | a \u{2067}b |\n";
    let d = errors(Schema::parse("bidi.md", text));
    let rendered = d.to_string();
    assert!(rendered.contains("U+2067"), "{rendered}");
    assert!(rendered.contains("bidi.md:7:"), "{rendered}");
    assert!(!rendered.contains('\u{2067}'), "{rendered}");
}

/// Defect 10: CR-only line ends read as one line: "ok (0 messages…)", every table dropped.
#[test]
fn cr_crlf_and_lf_line_ends_read_alike() {
    let lf = format!("# Ends\n\n{ITEM}");
    let models: Vec<_> = ["\n", "\r\n", "\r"]
        .iter()
        .map(|end| {
            let text = lf.replace('\n', end);
            match Schema::parse("ends.md", &text) {
                Ok(schema) => schema.module,
                Err(d) => panic!("{end:?}: {d}"),
            }
        })
        .collect();
    assert_eq!(models[0].items.len(), 1);
    assert_eq!(models[0], models[1]);
    assert_eq!(models[0], models[2]);
    // A CR-only error still points at its own line.
    let bad = lf
        .replace("| pid | N |", "| pid | NQ |")
        .replace('\n', "\r");
    let d = errors(Schema::parse("ends.md", &bad));
    assert!(d.to_string().contains("ends.md:7:"), "{d}");
}

/// Defect 10: a file with no item at all is a warning, not a silent "ok".
#[test]
fn a_file_without_items_is_a_warning() {
    let schema = match Schema::parse("empty.md", "# Nothing here\n\nJust prose.\n") {
        Ok(schema) => schema,
        Err(d) => panic!("{d}"),
    };
    let text = schema.warnings.to_string();
    assert!(text.contains("declares no item"), "{text}");
}

/// Defect 1's kind, in the checker: each unknown type name was compared with every name of
/// its file (2,000 unknown names took 19 s); the first 32 get a did-you-mean, the rest a plain
/// help line.
#[test]
fn thousands_of_unknown_types_cost_linear_time() {
    let mut text = String::from("# Many types\n\n");
    for i in 0..2_000 {
        text.push_str(&format!(
            "## struct Item{i}\n\n| Identifier | Type | Request |\n|---|---|---|\n| a | Iten{i} | M |\n\n"
        ));
    }
    let d = errors(Schema::parse("types.md", &text));
    assert_eq!(d.errors(), 2_000);
    let first = d.iter().next().expect("a diagnostic").to_string();
    assert!(first.contains("did you mean `Item0`?"), "{first}");
    let last = d.iter().last().expect("a diagnostic").to_string();
    assert!(last.contains("unknown type `Iten1999`"), "{last}");
    assert!(last.contains("declare `## struct Iten1999`"), "{last}");
}
