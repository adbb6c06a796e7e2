//! [`Schema`]: reading a schema file and the files it imports, and running the pipeline
//! lexer -> parser -> checker -> model over all of them.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

use crate::check::{Link, check_file, check_module};
use crate::diagnostics::{Diagnostic, Diagnostics, Source, Span, to_u32};
use crate::model::Module;
use crate::read::parser::parse;
use crate::read::syntax::Document;

/// Files larger than this are refused: no schema is this big, and it keeps a mistaken path
/// (a device, a huge log) from exhausting memory.
const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// A checked schema: the model of the root file and everything it imports.
#[derive(Clone, Debug, PartialEq)]
pub struct Schema {
    /// The checked model: the root file's title and prose, and the items of every file.
    pub module: crate::model::Module,
    /// Every file read, root first, then the imported files in the order they were first
    /// imported. Paths are as given for the root, and joined to the importing file's folder
    /// for imports (so relative when the root path was relative): join them to a base folder
    /// (`CARGO_MANIFEST_DIR`) for `include_str!`.
    pub files: Vec<PathBuf>,
    /// For each item of `module.items`, in the same order, the index in `files` of the file
    /// that declares it: `0` for the root file's own items, another index for imported ones
    /// (which come first in `module.items`).
    pub item_files: Vec<usize>,
    /// For each item of `module.items`, in the same order, its name in the file that declares
    /// it: [`crate::model::Item::name`] unless an import gave the item an alias (`Import: A as
    /// B`: the item is `B` in the module, `A` here). Code generated for the declaring file on
    /// its own names the item so, which is how a schema refers to it there
    /// (`fieldtab_codegen::Options::extern_schema`).
    pub declared_names: Vec<String>,
    /// The warnings of every file (a schema with errors does not load; its warnings come with
    /// the errors): phrases of Description cells that read like rules but are not understood.
    pub warnings: Diagnostics,
    /// Every rule read from a Description cell's prose, with where it was written (what
    /// `fieldtab check --explain` prints): ordered as [`Schema::files`], then by line. The
    /// model holds these rules as if the cells had stated them.
    pub prose: Vec<crate::prose::ProseRule>,
}

impl Schema {
    /// The items the root file declares itself, in source order (not the imported ones).
    ///
    /// ```
    /// let text = "# Demo\n\n## enum Status\n\n| Value |\n|---|\n| S |\n";
    /// let schema = fieldtab_schema::Schema::parse("demo.md", text).unwrap();
    /// assert_eq!(schema.own_items().count(), 1);
    /// ```
    pub fn own_items(&self) -> impl Iterator<Item = &crate::model::Item> {
        self.module
            .items
            .iter()
            .zip(&self.item_files)
            .filter(|(_, file)| **file == 0)
            .map(|(item, _)| item)
    }

    /// The index in [`Schema::files`] of the imported file at `path`, written as an `Import:`
    /// line of the root file would write it (relative to the root file's folder: `common.md`,
    /// `../alipayplus/benefit.md`); files are compared as the loader compares them (by their
    /// canonical path), so any spelling of the same file finds it. `None` for the root file
    /// itself and for a file the schema does not read.
    ///
    /// ```no_run
    /// let schema = fieldtab_schema::Schema::load("schemas/upi/enrollment_registration.md")?;
    /// assert_eq!(schema.imported_file("common.md"), Some(1));
    /// assert_eq!(schema.imported_file("./common.md"), Some(1));
    /// # Ok::<(), fieldtab_schema::Diagnostics>(())
    /// ```
    pub fn imported_file(&self, path: impl AsRef<Path>) -> Option<usize> {
        let root = self.files.first()?;
        let wanted = identity(&parent(root).join(path));
        (1..self.files.len()).find(|&i| identity(&self.files[i]) == wanted)
    }

    /// The path of file `index` of [`Schema::files`] as [`Schema::imported_file`] takes it:
    /// relative to the root file's folder (`common.md`, `../alipayplus/benefit.md`).
    pub fn import_path(&self, index: usize) -> Option<String> {
        let file = normalize(self.files.get(index)?);
        let root = normalize(&parent(self.files.first()?));
        let (file, root): (Vec<_>, Vec<_>) =
            (file.components().collect(), root.components().collect());
        let common = file.iter().zip(&root).take_while(|(a, b)| a == b).count();
        let mut relative = PathBuf::new();
        for _ in common..root.len() {
            relative.push("..");
        }
        relative.extend(&file[common..]);
        Some(relative.display().to_string())
    }

    /// Reads and checks the schema file at `path` and the files it imports.
    ///
    /// Every error of every file is reported, not only the first, with the warnings among
    /// them. A root file that cannot be read gives one diagnostic whose [`Diagnostic::line`]
    /// is 0 (see [`Diagnostics::is_io_error`]). A schema with warnings and no error loads, its
    /// warnings in [`Schema::warnings`].
    ///
    /// ```no_run
    /// let schema = fieldtab_schema::Schema::load("schemas/upi/enrollment_registration.md")?;
    /// assert!(schema.module.item("EnrollmentRegistrationRequest").is_some());
    /// # Ok::<(), fieldtab_schema::Diagnostics>(())
    /// ```
    pub fn load(path: impl AsRef<Path>) -> Result<Schema, Diagnostics> {
        let path = path.as_ref();
        let bytes = read(path).map_err(|e| {
            Diagnostics::single(Diagnostic::file_error(
                path,
                format!("cannot read `{}`: {e}", path.display()),
            ))
        })?;
        let text = decode(path, &bytes).map_err(|d| Diagnostics::single(*d))?;
        Self::parse(path, &text)
    }

    /// Checks schema `text` as if read from `path`; imports are read from disk relative to
    /// `path`'s folder.
    ///
    /// ```
    /// let text = "# Demo\n\n## enum Status\n\n| Value | Note |\n|---|---|\n| S | Success |\n";
    /// let schema = fieldtab_schema::Schema::parse("demo.md", text).unwrap();
    /// assert_eq!(schema.module.items[0].name, "Status");
    /// ```
    pub fn parse(path: impl AsRef<Path>, text: &str) -> Result<Schema, Diagnostics> {
        let path = path.as_ref();
        let mut loader = Loader::default();
        let text = match check_text(path, text) {
            Ok(text) => text,
            Err(d) => return Err(Diagnostics::single(*d)),
        };
        let key = identity(path);
        loader.load(path.to_path_buf(), key, text);
        loader.finish()
    }
}

impl AsRef<crate::model::Module> for Schema {
    /// The checked model of the schema.
    fn as_ref(&self) -> &crate::model::Module {
        &self.module
    }
}

/// The most files a schema may read, the root and its imports: no real schema comes near, and
/// a bound keeps a generated chain of imports from costing unbounded time and memory.
pub const MAX_FILES: usize = 256;

/// The longest chain of imports from the root file (the root imports a file that imports a
/// file … `MAX_IMPORT_DEPTH` deep).
pub const MAX_IMPORT_DEPTH: usize = 32;

/// The files of a schema as they are read, and what has been found wrong so far.
#[derive(Default)]
struct Loader {
    sources: Vec<Source>,
    docs: Vec<Document>,
    /// Canonical path of each file: its identity for cycles and diamonds.
    keys: Vec<PathBuf>,
    /// The index of each file by its key.
    by_key: HashMap<PathBuf, usize>,
    /// Resolved imports of each file: the imported file, and the index of the import line in
    /// the importing file's document.
    imports: Vec<Vec<(usize, usize)>>,
    /// Files in post-order: each file after the files it imports.
    order: Vec<usize>,
    diagnostics: Diagnostics,
    /// The rules read from prose, in the order the files are checked.
    prose: Vec<crate::prose::ProseRule>,
}

/// A file whose imports are being followed: its index and the next import line to follow.
struct Frame {
    file: usize,
    next: usize,
}

impl Loader {
    /// Reads the root file's imports and theirs, depth first, with an explicit stack (a chain
    /// of 10,000 imports overflowed the call stack when this recursed).
    fn load(&mut self, display: PathBuf, key: PathBuf, text: String) {
        let root = self.add(display, key, text);
        let mut stack = vec![Frame {
            file: root,
            next: 0,
        }];
        while let Some(frame) = stack.last_mut() {
            let index = frame.file;
            let Some(import) = self.docs[index].imports.get(frame.next).cloned() else {
                self.order.push(index);
                stack.pop();
                continue;
            };
            let line = frame.next;
            frame.next += 1;
            let source = &self.sources[index];
            // Read through the filesystem (`a/link/../b.md` is what the OS says it is); show
            // the lexically tidied path when it names the same file.
            let joined = parent(&source.path).join(&import.path);
            let target = identity(&parent(&self.keys[index]).join(&import.path));
            let tidy = normalize(&joined);
            let display = if !tidy.as_os_str().is_empty() && identity(&tidy) == identity(&joined) {
                tidy
            } else {
                joined
            };
            if let Some(at) = stack.iter().position(|f| self.keys[f.file] == target) {
                let mut chain: Vec<String> = stack[at..]
                    .iter()
                    .map(|f| self.sources[f.file].path.display().to_string())
                    .collect();
                chain.push(display.display().to_string());
                let d = self.sources[index].error_help(
                    import.span,
                    format!("import cycle: {}", chain.join(" -> ")),
                    Some("schema files cannot import each other in a circle; move the shared items to a file both import".into()),
                );
                self.diagnostics.push(d);
                continue;
            }
            if let Some(&existing) = self.by_key.get(&target) {
                self.imports[index].push((existing, line));
                continue;
            }
            if stack.len() > MAX_IMPORT_DEPTH {
                let d = self.sources[index].error_help(
                    import.span,
                    format!("imports nest more than {MAX_IMPORT_DEPTH} files deep"),
                    Some(
                        "import the shared files from the root file instead of through a chain"
                            .into(),
                    ),
                );
                self.diagnostics.push(d);
                continue;
            }
            if self.sources.len() >= MAX_FILES {
                let d = self.sources[index].error(
                    import.span,
                    format!("a schema may read at most {MAX_FILES} files, with its imports"),
                );
                self.diagnostics.push(d);
                continue;
            }
            let bytes = match read(&display) {
                Ok(bytes) => bytes,
                Err(e) => {
                    let d = self.sources[index].error(
                        import.span,
                        format!("cannot read `{}`: {e}", display.display()),
                    );
                    self.diagnostics.push(d);
                    continue;
                }
            };
            // Only a file that reads as a schema is quoted in diagnostics.
            let (text, why) = match std::str::from_utf8(&bytes) {
                Ok(text) if looks_like_schema(text) => (Some(text), ""),
                Ok(_) => (None, "it declares no item"),
                Err(_) => (None, "it is not UTF-8 text"),
            };
            let Some(text) = text else {
                let d = self.sources[index].error_help(
                    import.span,
                    format!("`{}` is not a schema: {why}", display.display()),
                    Some("an import names a Markdown schema file (`# Title`, then `## struct`, `## message` or `## enum` items)".into()),
                );
                self.diagnostics.push(d);
                continue;
            };
            let text = match check_text(&display, text) {
                Ok(text) => text,
                Err(d) => {
                    self.diagnostics.push(*d);
                    continue;
                }
            };
            let child = self.add(display, target, text);
            self.imports[index].push((child, line));
            stack.push(Frame {
                file: child,
                next: 0,
            });
        }
    }

    /// Parses one file and records it.
    fn add(&mut self, display: PathBuf, key: PathBuf, text: String) -> usize {
        let source = Source::new(display, text);
        let doc = parse(&source, &mut self.diagnostics);
        if doc.items.is_empty() {
            let d = source.warning(
                Span::new(1, 1, 1),
                "the file declares no item: no `## struct`, `## message` or `## enum` heading",
                Some("an item is a `##` heading with its table".into()),
            );
            self.diagnostics.push(d);
        }
        let index = self.sources.len();
        self.sources.push(source);
        self.docs.push(doc);
        self.by_key.insert(key.clone(), index);
        self.keys.push(key);
        self.imports.push(Vec::new());
        index
    }

    fn finish(mut self) -> Result<Schema, Diagnostics> {
        let mut drafts = Vec::new();
        for &file in &self.order {
            drafts.extend(check_file(
                file,
                &self.sources[file],
                &self.docs[file],
                &mut self.diagnostics,
                &mut self.prose,
            ));
        }
        let links: Vec<Vec<Link<'_>>> = self
            .imports
            .iter()
            .zip(&self.docs)
            .map(|(imports, doc)| {
                imports
                    .iter()
                    .map(|&(target, line)| Link {
                        target,
                        import: &doc.imports[line],
                    })
                    .collect()
            })
            .collect();
        // The items the module holds, in the drafts' order.
        let mut item_files = Vec::new();
        let mut declared_names = Vec::new();
        let mut items = Vec::new();
        for (file, declared, item) in
            check_module(&self.sources, &links, drafts, &mut self.diagnostics)
        {
            item_files.push(file);
            declared_names.push(declared);
            items.push(item);
        }
        // Stages find errors in their own order; the author reads a file top to bottom.
        let paths: Vec<&Path> = self.sources.iter().map(|s| s.path.as_path()).collect();
        let rank = |file: &Path| paths.iter().position(|p| *p == file);
        if self.diagnostics.has_errors() {
            return Err(self.diagnostics.sorted(&paths));
        }
        let (_, warnings) = self.diagnostics.sorted(&paths).split_warnings();
        self.prose
            .sort_by_key(|rule| (rank(&rule.file), rule.line, rule.col));
        let root = &self.docs[0];
        Ok(Schema {
            module: Module {
                title: root.title.clone(),
                doc: root.doc.clone(),
                items,
            },
            files: self.sources.into_iter().map(|s| s.path).collect(),
            item_files,
            declared_names,
            warnings,
            prose: self.prose,
        })
    }
}

/// Reads a regular file of bounded size. The file's type is looked at before it is opened:
/// opening a FIFO blocks until a writer comes, forever if none does.
fn read(path: &Path) -> std::io::Result<Vec<u8>> {
    if !std::fs::metadata(path)?.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    let file = std::fs::File::open(path)?;
    let metadata = file.metadata()?;
    if !metadata.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(std::io::Error::other("file too large for a schema"));
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Bytes -> text, diagnosing non-UTF-8 input at the first bad byte.
fn decode(path: &Path, bytes: &[u8]) -> Result<String, Box<Diagnostic>> {
    match std::str::from_utf8(bytes) {
        Ok(text) => check_text(path, text),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let before = String::from_utf8_lossy(good);
            Err(Box::new(point(
                path,
                &String::from_utf8_lossy(bytes),
                &before,
                "the file is not valid UTF-8",
            )))
        }
    }
}

/// Text -> text without a byte-order mark and with `\n` line ends (`\r\n` and a lone `\r`,
/// old Mac files, alike: a CR-only file read as one line dropped every table), diagnosing
/// binary content (a NUL byte) rather than reading it as a schema, and bidirectional control
/// characters (U+202A–U+202E, U+2066–U+2069): they hide text from whoever reads the schema or
/// the code generated from it, and rustc rejects them in string literals.
fn check_text(path: &Path, text: &str) -> Result<String, Box<Diagnostic>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(at) = text.find('\0') {
        return Err(Box::new(point(
            path,
            text,
            &text[..at],
            "the file holds a NUL byte: it is binary, not a schema",
        )));
    }
    if let Some(at) = text.find(crate::diagnostics::is_bidi_control) {
        let c = text[at..].chars().next().map_or(0, u32::from);
        let message = format!(
            "the file holds the bidirectional control character U+{c:04X}, which makes text show in another order than it is read"
        );
        return Err(Box::new(point(path, text, &text[..at], &message)));
    }
    if text.contains('\r') {
        return Ok(text.replace("\r\n", "\n").replace('\r', "\n"));
    }
    Ok(text.to_string())
}

/// Whether an imported file reads as a schema: it declares an item (`## struct`, `## message`,
/// `## enum`). A file that does not (a config file named by mistake, or by a hostile schema)
/// is not quoted in diagnostics: its lines could be secrets.
fn looks_like_schema(text: &str) -> bool {
    text.lines().any(|line| {
        let Some(rest) = line.trim_start().strip_prefix("## ") else {
            return false;
        };
        let word = rest.trim_start().split(' ').next().unwrap_or("");
        ["struct", "message", "enum"]
            .iter()
            .any(|kind| word.eq_ignore_ascii_case(kind))
    })
}

/// A diagnostic at the end of `before` (a prefix of the file's text).
fn point(path: &Path, text: &str, before: &str, message: &str) -> Diagnostic {
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    let source = Source::new(path.to_path_buf(), text.to_string());
    source.error(Span::new(to_u32(line), to_u32(col), 1), message)
}

fn parent(path: &Path) -> PathBuf {
    path.parent().map(Path::to_path_buf).unwrap_or_default()
}

/// The canonical path when the file exists, else the lexically normalized one.
fn identity(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| normalize(path))
}

/// Removes `.` and resolves `..` lexically where possible, so diagnostics show
/// `schemas/common.md` rather than `schemas/upi/../common.md`.
fn normalize(path: &Path) -> PathBuf {
    let mut out: Vec<Component<'_>> = Vec::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => match out.last() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(component),
            },
            other => out.push(other),
        }
    }
    out.iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Condition, Field, Length, Requirement, Type};
    use fieldtab_runtime::{Charset, Format};

    fn shipped(name: &str) -> Schema {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../schemas")
            .join(name);
        match Schema::load(&path) {
            Ok(schema) => schema,
            Err(d) => panic!("{d}"),
        }
    }

    fn field<'a>(schema: &'a Schema, item: &str, ident: &str) -> &'a Field {
        let item = schema.module.item(item).expect("item");
        let o = item.kind.object().expect("not an object");
        o.fields.iter().find(|f| f.ident == ident).expect("field")
    }

    #[test]
    fn enrollment_registration_reads_into_the_model() {
        let schema = shipped("upi/enrollment_registration.md");
        assert_eq!(
            schema.module.title.as_deref(),
            Some("UPI Open API: Enrollment Registration")
        );
        let names: Vec<&str> = schema
            .module
            .items
            .iter()
            .map(|i| i.name.as_str())
            .collect();
        assert_eq!(
            names,
            [
                "EnrollmentRegistrationData",
                "EnrollmentRegistrationRequest",
                "EnrollmentRegistrationRequestHeader",
                "EnrollmentRegistrationResponse",
                "EnrollmentRegistrationResponseHeader"
            ]
        );
        // The cardholder is the UPI common `Cardholder`, under an alias.
        assert_eq!(schema.item_files, [1, 0, 0, 0, 0]);
        assert_eq!(schema.declared_names[0], "Cardholder");
        assert!(schema.files[1].ends_with("common.md"));
        assert_eq!(schema.import_path(1).as_deref(), Some("common.md"));
        for spelling in ["common.md", "./common.md", "../upi/common.md"] {
            assert_eq!(schema.imported_file(spelling), Some(1), "{spelling}");
        }
        assert_eq!(schema.imported_file("enrollment_registration.md"), None);
        assert_eq!(schema.imported_file("missing.md"), None);
        let header = field(&schema, "EnrollmentRegistrationRequest", "header");
        assert_eq!(
            header.ty,
            Type::Named("EnrollmentRegistrationRequestHeader".into())
        );
        let proc_type = field(&schema, "EnrollmentRegistrationRequestHeader", "procType");
        assert_eq!(proc_type.ty, Type::Iso(Charset::An));
        assert_eq!(proc_type.length, Some(Length::max_only(2)));
        assert_eq!(proc_type.fixed.as_deref(), Some("41"));
        assert_eq!(proc_type.examples, ["\"41\""]);
        assert_eq!(proc_type.requirement, Requirement::Mandatory);
        assert_eq!(proc_type.label.as_deref(), Some("Processing type"));
        let local_time = field(&schema, "EnrollmentRegistrationRequestHeader", "localTime");
        assert_eq!(local_time.format, Some(Format::LocalTime));
        let zone = field(
            &schema,
            "EnrollmentRegistrationRequestHeader",
            "localTimeZone",
        );
        assert_eq!(zone.format, Some(Format::GmtOffset));
        let card = field(&schema, "EnrollmentRegistrationData", "cardNo");
        assert!(card.sensitive);
        assert_eq!(card.format, Some(Format::Pan { luhn: false }));
        let mobile = field(&schema, "EnrollmentRegistrationData", "mobile");
        assert!(mobile.sensitive);
        assert_eq!(mobile.requirement, Requirement::Optional);
        assert_eq!(mobile.format, Some(Format::Mobile));
        assert_eq!(schema.files.len(), 2);
    }

    #[test]
    fn conditions_enums_arrays_and_imports() {
        let dir = std::env::temp_dir().join(format!("fieldtab-reader-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        std::fs::write(
            dir.join("common.md"),
            "# Common\n\n## struct Amount\n\n| Property | Data Type | Required | Length | Format |\n|---|---|---|---|---|\n| currency | String | Yes | 3 | ISO 4217 |\n| value | String | Yes | 16 | minor units |\n",
        )
        .expect("write");
        let text = "# Root\n\nImport: [common](common.md)\n\n## enum Kind (open)\n\n| Value | Description |\n|:--|--|\n| ABSOLUTE | a |\n| RELATIVE | r |\n\n## struct Period\n\n| Property | Data Type | Required | Example |\n|---|---|---|---|\n| type | Kind | Yes | RELATIVE |\n| activeTime | String | C: type = ABSOLUTE | |\n| amounts | Array<Amount> | C: type in (ABSOLUTE, RELATIVE) | [{\"currency\": \"USD\", \"value\": \"100\"}] |\n";
        let schema = match Schema::parse(dir.join("root.md"), text) {
            Ok(s) => s,
            Err(d) => panic!("{d}"),
        };
        let names: Vec<&str> = schema
            .module
            .items
            .iter()
            .map(|i| i.name.as_str())
            .collect();
        assert_eq!(names, ["Amount", "Kind", "Period"]);
        assert_eq!(schema.files.len(), 2);
        assert_eq!(schema.item_files, [1, 0, 0]);
        let own: Vec<&str> = schema.own_items().map(|i| i.name.as_str()).collect();
        assert_eq!(own, ["Kind", "Period"]);
        let amounts = field(&schema, "Period", "amounts");
        assert_eq!(
            amounts.ty,
            Type::Array(Box::new(Type::Named("Amount".into())))
        );
        assert_eq!(amounts.examples, [r#"[{"currency":"USD","value":"100"}]"#]);
        let Requirement::Conditional(c) = &amounts.requirement else {
            panic!()
        };
        assert_eq!(c, &Condition::one_of("type", &["ABSOLUTE", "RELATIVE"]));
        let e = schema.module.enum_named("Kind").expect("an enum");
        assert!(e.open);
        std::fs::remove_dir_all(&dir).ok();
    }
}
