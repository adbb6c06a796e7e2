//! Shared types across schema files ([`crate::Options::extern_schema`]): the items a schema
//! holds from an imported file are not generated again but referred to, by path, in the module
//! generated for that file on its own (prost-build's `extern_path` for a package).
//!
//! Each held item of the mapped file becomes `pub use PATH::Name as Alias;`, `Name` being the
//! item's Rust name in the file's own module (the name it is declared with, before an import's
//! alias) and `Alias` its name in this module. What the two modules must agree on is checked
//! here, not assumed: the file is imported, the module holds items of it, and the conditions
//! of this schema read no value of a mapped item across objects that the code generated for the
//! file alone does not provide (`emit/facts.rs`: a struct's decoder exports exactly the values
//! its own module's conditions read).

use std::collections::BTreeMap;

use crate::Schema;
use crate::emit::facts_of;

/// The items of `schema` that the file `file` (as an import line of the root writes it)
/// declares, each with the Rust path of its type in the module at `path`: item name in this
/// module -> path. An error says why the mapping is refused.
pub(crate) fn items_of(
    schema: &Schema,
    file: &str,
    path: &syn::Path,
) -> Result<BTreeMap<String, syn::Path>, String> {
    let index = file_index(schema, file)?;
    let mut items = BTreeMap::new();
    for ((item, &at), declared) in schema
        .module
        .items
        .iter()
        .zip(&schema.item_files)
        .zip(&schema.declared_names)
    {
        if at == index {
            let name = quote::format_ident!("{}", fieldtab_schema::names::type_name(declared));
            let full: syn::Path = syn::parse_quote!(#path::#name);
            items.insert(item.name.clone(), full);
        }
    }
    if items.is_empty() {
        return Err(format!(
            "`{file}` is imported, but this schema holds none of its items: nothing to share \
             (remove the `extern_schema` for it)"
        ));
    }
    Ok(items)
}

/// The index in `schema.files` of the imported file `file`, or why it is not one.
fn file_index(schema: &Schema, file: &str) -> Result<usize, String> {
    if let Some(index) = schema.imported_file(file) {
        return Ok(index);
    }
    let root = schema.import_path(0).unwrap_or_default();
    let imported: Vec<String> = (1..schema.files.len())
        .filter_map(|i| schema.import_path(i))
        .collect();
    let root_file = &schema.files[0];
    let joined = root_file.parent().unwrap_or(root_file).join(file);
    if same_file(root_file, &joined) {
        return Err(format!(
            "`{file}` is this schema itself: `extern_schema` maps a file it imports"
        ));
    }
    let hint =
        match fieldtab_schema::suggest::did_you_mean(file, imported.iter().map(String::as_str)) {
            Some(close) => format!("; did you mean `{close}`?"),
            None if imported.is_empty() => format!("; `{root}` imports no file"),
            None => format!(
                "; it imports {}",
                imported
                    .iter()
                    .map(|f| format!("`{f}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
    Err(format!(
        "the schema does not import `{file}` (paths are relative to the schema's folder, as its \
         `Import:` lines write them){hint}"
    ))
}

/// Whether `a` and `b` name one file (by their canonical paths; compared as written when
/// either does not exist).
pub(crate) fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Why the items `mapped` of the imported file `file` cannot be shared, if they cannot: the
/// conditions of `schema` read values of one of them across objects (`emit/facts.rs`: its
/// exports, or what objects under it ask of it with `super.`) other than the file's own module
/// does, so its decoder, generated there, would not provide them.
pub(crate) fn facts_differ(
    schema: &Schema,
    file: &str,
    mapped: &BTreeMap<String, syn::Path>,
) -> Option<String> {
    let here = facts_of(&schema.module);
    let index = schema.imported_file(file)?;
    let declared = |name: &str| {
        let at = schema.module.items.iter().position(|i| i.name == name)?;
        schema.declared_names.get(at).map(String::as_str)
    };
    let reading: Vec<&str> = mapped
        .keys()
        .map(String::as_str)
        .filter(|name| !here.exports(name).is_empty() || !here.asked(name).is_empty())
        .collect();
    if reading.is_empty() {
        return None;
    }
    // Only then is the file loaded on its own, as the module at the mapped path was generated.
    let own = match Schema::load(&schema.files[index]) {
        Ok(own) => own,
        Err(_) => {
            return Some(format!(
                "`{file}` does not load on its own (`fieldtab check {file}`), so no module can \
                 be generated from it to share"
            ));
        }
    };
    let there = facts_of(&own.module);
    for name in reading {
        let original = declared(name).unwrap_or(name);
        if here.exports(name) != there.exports(original)
            || here.asked(name) != there.asked(original)
        {
            let read: Vec<String> = here
                .exports(name)
                .iter()
                .map(|e| e.steps.join("."))
                .collect();
            let asked: Vec<String> = here.asked(name).iter().map(|p| p.join(".")).collect();
            let what = read
                .into_iter()
                .chain(asked)
                .collect::<Vec<_>>()
                .join("`, `");
            return Some(format!(
                "`{name}` of `{file}` cannot be shared: conditions of this schema read its values \
                 across objects (`{what}`) other than those `{file}`'s own conditions read, and \
                 only code generated with those conditions provides them (generate `{name}` \
                 here: leave `{file}` out of `extern_schema`)"
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use crate::{Generate, Options, Schema};

    const TABLE: &str = "| Identifier | Type | Request |\n|---|---|---|\n";

    /// A folder of schema files `(name, text)`, fresh for the test `name`.
    fn folder(test: &str, files: &[(&str, String)]) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("fieldtab-shared-{test}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        for (name, text) in files {
            std::fs::write(dir.join(name), text).expect("write");
        }
        dir
    }

    fn refusals(schema: &Schema, options: &Options) -> Vec<String> {
        match options.check(schema) {
            Ok(()) => Vec::new(),
            Err(errors) => errors.0.into_iter().map(|e| e.message).collect(),
        }
    }

    /// `common.md`: `Inner` (a `kind`) held by `Outer`, whose condition reads `inner.kind`.
    fn common() -> String {
        format!(
            "## struct Inner\n\n{TABLE}| kind | String | M |\n\n## struct Outer\n\n{TABLE}\
             | inner | Inner | M |\n| x | String | C: inner.kind = A |\n"
        )
    }

    #[test]
    fn shared_items_are_reexported_under_their_aliases() {
        let root = format!(
            "Import: Inner as Piece, Outer from [c](common.md)\n\n## message Root\n\n{TABLE}\
             | piece | Piece | M |\n| outer | Outer | O |\n"
        );
        let dir = folder("alias", &[("common.md", common()), ("root.md", root)]);
        let schema = Schema::load(dir.join("root.md")).unwrap_or_else(|d| panic!("{d}"));
        let options = Options::new().extern_schema("./common.md", "super::common");
        // The file's own condition reads `inner.kind`: the decoders generated there provide it.
        assert_eq!(refusals(&schema, &options), Vec::<String>::new());
        let code = schema
            .to_rust_pretty_with(&options)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            code.contains("pub use super::common::Inner as Piece;"),
            "{code}"
        );
        assert!(
            code.contains("pub use super::common::Outer as Outer;"),
            "{code}"
        );
        assert!(!code.contains("pub struct Outer"), "{code}");
        // `Root` holds only shared items, generated by fieldtab: it still derives `Eq`, `Hash`.
        assert!(code.contains("::core::hash::Hash"), "{code}");
        // An `extern_type` of one item wins over its file's mapping.
        let options = Options::new()
            .extern_type("Outer", "crate::Mine")
            .extern_schema("common.md", "super::common");
        let code = schema
            .to_rust_pretty_with(&options)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(code.contains("pub use crate::Mine as Outer;"), "{code}");
        // Options that shape an item's own code do not apply to one generated elsewhere.
        let options = Options::new()
            .extern_schema("common.md", "super::common")
            .rename_field("Piece.kind", "sort")
            .extern_type("Outer", "crate::Mine")
            .item_derive("Outer", &["Ord"]);
        assert_eq!(
            refusals(&schema, &options),
            [
                "`Piece` is not generated here, it is shared from `common.md` \
                 (`super::common::Inner`): give this option where that type is generated",
                "`Outer` is not generated here, it is the existing type `crate::Mine`: give this \
                 option where that type is generated",
            ]
        );
        assert!(
            code.contains("pub use super::common::Inner as Piece;"),
            "{code}"
        );
    }

    #[test]
    fn an_item_whose_values_this_schema_reads_across_objects_is_not_shared() {
        let root = format!(
            "Import: Inner from [c](common.md)\n\n## message Root\n\n{TABLE}\
             | inner | Inner | M |\n| y | String | C: inner.kind = B |\n"
        );
        let dir = folder("facts", &[("common.md", common()), ("root.md", root)]);
        let schema = Schema::load(dir.join("root.md")).unwrap_or_else(|d| panic!("{d}"));
        let refused = refusals(
            &schema,
            &Options::new().extern_schema("common.md", "super::c"),
        );
        assert_eq!(refused.len(), 1, "{refused:?}");
        assert!(
            refused[0].starts_with("`Inner` of `common.md` cannot be shared: conditions of this schema read its values across objects (`kind`)"),
            "{refused:?}"
        );
    }

    #[test]
    fn a_mapping_must_name_a_file_the_schema_imports_and_holds_items_of() {
        let a = format!("Import: [b](b.md)\n\n## struct Part\n\n{TABLE}| x | String | M |\n");
        let b = format!("## struct Extra\n\n{TABLE}| y | String | M |\n");
        let root = format!(
            "Import: Part from [a](a.md)\n\n## message Root\n\n{TABLE}| part | Part | M |\n"
        );
        let dir = folder("files", &[("a.md", a), ("b.md", b), ("root.md", root)]);
        let schema = Schema::load(dir.join("root.md")).unwrap_or_else(|d| panic!("{d}"));
        let refused =
            |file: &str| refusals(&schema, &Options::new().extern_schema(file, "crate::x"));
        assert_eq!(
            refused("aa.md"),
            [
                "the schema does not import `aa.md` (paths are relative to the schema's folder, as \
              its `Import:` lines write them); did you mean `a.md`?"
            ]
        );
        assert_eq!(
            refused("zebra.md"),
            [
                "the schema does not import `zebra.md` (paths are relative to the schema's folder, \
              as its `Import:` lines write them); it imports `a.md`, `b.md`"
            ]
        );
        assert_eq!(
            refused("root.md"),
            ["`root.md` is this schema itself: `extern_schema` maps a file it imports"]
        );
        // `b.md` is read (`a.md` imports it), but `Part` uses none of its items.
        assert_eq!(
            refused("b.md"),
            [
                "`b.md` is imported, but this schema holds none of its items: nothing to share \
              (remove the `extern_schema` for it)"
            ]
        );
        assert_eq!(refused("a.md"), Vec::<String>::new());
        assert_eq!(
            refusals(&schema, &Options::new().extern_schema("a.md", "not a path")),
            ["`not a path` is not a Rust path"]
        );
    }

    #[test]
    fn the_builder_shares_a_file_with_the_schemas_that_import_it() {
        let root =
            format!("Import: [c](common.md)\n\n## message Root\n\n{TABLE}| inner | Inner | M |\n");
        let dir = folder("builder", &[("common.md", common()), ("root.md", root)]);
        let out = dir.join("out");
        let builder = crate::Builder::new()
            .out_dir(&out)
            .emit_rerun_if_changed(false)
            .extern_schema(dir.join("common.md"), "super::common");
        let written = builder
            .compile(&[dir.join("common.md"), dir.join("root.md")])
            .unwrap_or_else(|e| panic!("{e}"));
        let common = std::fs::read_to_string(&written[0]).unwrap_or_default();
        let root = std::fs::read_to_string(&written[1]).unwrap_or_default();
        assert!(common.contains("pub struct Inner"), "{common}");
        assert!(
            root.contains("pub use super::common::Inner as Inner;"),
            "{root}"
        );
        assert!(!root.contains("pub struct Inner"), "{root}");
        let error = crate::Builder::new()
            .out_dir(&out)
            .emit_rerun_if_changed(false)
            .extern_schema(dir.join("comon.md"), "super::common")
            .compile(&[dir.join("root.md")])
            .unwrap_err();
        assert!(
            matches!(error, crate::BuildError::NotImported { .. }),
            "{error}"
        );
        assert!(error.to_string().contains("comon.md` is shared"), "{error}");
    }
}
