//! The names of a module (schemas/README.md, "Imports"): which items each file may name (its
//! own, and those its imports give it: everything a file imports whole may name, or the items
//! an import selects, under their aliases), the one name each item takes in the module (its
//! own, or the alias an import gives it), and which items the module holds (the root file's
//! own items, those it may name, and every item they use, directly or not). Every misuse is a
//! diagnostic: a selected name the file does not have, a bad or second alias, and a name that
//! two items take, in a file or in the module.

use std::collections::{HashMap, HashSet};

use heck::ToUpperCamelCase;

use super::Draft;
use super::cells::{BUILTIN_TYPES, looks_like_type_code};
use super::file::bad_item_name;
use super::module::{ModuleChecker, code_suggestion};
use crate::diagnostics::Span;
use crate::model::Type;
use crate::read::syntax::Import;
use crate::suggest;
use fieldtab_runtime::Charset;

/// The unknown type names of a schema that get a did-you-mean (see `ModuleChecker::resolve`).
const SUGGESTED_UNRESOLVED: usize = 32;

/// An import of one file by another, resolved: the imported file and the import line.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Link<'a> {
    /// The loader's index of the imported file.
    pub(crate) target: usize,
    /// The import line, with its selection.
    pub(crate) import: &'a Import,
}

/// The names of a module, as [`ModuleChecker::names`] finds them.
pub(super) struct Names {
    /// For each file: each name it may use, and the draft it names.
    pub(super) scopes: Vec<HashMap<String, usize>>,
    /// For each draft: its name in the module, unique among the drafts (an item the module
    /// does not hold, or a second item of one name, gets a number, so that the checks of
    /// every file can still tell items apart).
    pub(super) names: Vec<String>,
    /// For each draft: whether the module holds it (generates, exports and counts it).
    pub(super) included: Vec<bool>,
}

/// Files in post-order from the root: each file after the files it imports.
fn post_order(links: &[Vec<Link<'_>>]) -> Vec<usize> {
    let mut order = Vec::new();
    let mut state = vec![0u8; links.len()];
    let mut frames: Vec<(usize, usize)> = Vec::new();
    if !links.is_empty() {
        frames.push((0, 0));
        state[0] = 1;
    }
    while let Some(top) = frames.last_mut() {
        let (file, next) = *top;
        top.1 += 1;
        match links[file].get(next) {
            Some(link) if state[link.target] == 0 => {
                state[link.target] = 1;
                frames.push((link.target, 0));
            }
            Some(_) => {}
            None => {
                order.push(file);
                frames.pop();
            }
        }
    }
    order
}

/// The type name a field's type names, through arrays and maps, mutably.
fn named_mut(ty: &mut Type) -> Option<&mut String> {
    match ty {
        Type::Named(name) => Some(name),
        Type::Array(element) | Type::Map(element) => named_mut(element),
        _ => None,
    }
}

/// An alias to suggest for item `name` of the file at `path`: the file's stem and the name in
/// UpperCamelCase (`Result` of `benefit.md`: `BenefitResult`).
fn suggested_alias(path: &std::path::Path, name: &str) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_upper_camel_case())
        .unwrap_or_default();
    let alias = format!("{stem}{name}");
    if alias == name || bad_item_name(&alias, "").is_some() {
        format!("Imported{name}")
    } else {
        alias
    }
}

impl ModuleChecker<'_> {
    fn path_of(&self, file: usize) -> String {
        self.sources[file].path.display().to_string()
    }

    /// The names of the module of `drafts`, whose files import each other as `links` say.
    pub(super) fn names(&mut self, links: &[Vec<Link<'_>>], drafts: &[Draft]) -> Names {
        let mut scopes: Vec<HashMap<String, usize>> = vec![HashMap::new(); self.sources.len()];
        // Pairs of drafts whose shared name is already reported.
        let mut reported: HashSet<(usize, usize)> = HashSet::new();
        self.own_names(drafts, &mut scopes, &mut reported);
        let mut aliases: Vec<Option<(String, usize, Span)>> = vec![None; drafts.len()];
        for file in post_order(links) {
            for link in &links[file] {
                let given = self.given(link, file, drafts, &scopes, &mut aliases);
                for (local, draft, span) in given {
                    match scopes[file].get(&local) {
                        None => {
                            scopes[file].insert(local, draft);
                        }
                        Some(&first) if first == draft => {}
                        Some(&first) => {
                            reported.insert((first.min(draft), first.max(draft)));
                            self.taken_in_file(file, link, &local, draft, first, span, drafts);
                        }
                    }
                }
            }
        }
        let (included, needed_by) = Self::included(&scopes, drafts);
        let mut names: Vec<String> = drafts
            .iter()
            .zip(&aliases)
            .map(|(d, alias)| alias.as_ref().map_or(&d.item.name, |(a, _, _)| a).clone())
            .collect();
        // One name per item in the module: those the root file names first, then the others it
        // holds, then the rest (so that a clash is reported at the item the root cannot name).
        let mut taken: HashMap<String, usize> = HashMap::new();
        let root_names: HashSet<usize> = scopes
            .first()
            .map_or_else(HashSet::new, |root| root.values().copied().collect());
        let rank = |d: usize| match (root_names.contains(&d), included[d]) {
            (true, _) => 0,
            (false, true) => 1,
            (false, false) => 2,
        };
        let mut order: Vec<usize> = (0..drafts.len()).collect();
        order.sort_by_key(|&d| rank(d));
        for d in order {
            if names[d].is_empty() {
                continue;
            }
            if let Some(&first) = taken.get(&names[d]) {
                if included[d] && reported.insert((first.min(d), first.max(d))) {
                    self.taken_in_module(links, d, first, needed_by[d], drafts);
                }
                let base = names[d].clone();
                let mut n = 2;
                while taken.contains_key(&format!("{base}{n}")) {
                    n += 1;
                }
                names[d] = format!("{base}{n}");
            }
            taken.insert(names[d].clone(), d);
        }
        Names {
            scopes,
            names,
            included,
        }
    }

    /// Each file's own items, under their own names; a name two of them take is reported
    /// (an inline enum's, when it is one of them).
    fn own_names(
        &mut self,
        drafts: &[Draft],
        scopes: &mut [HashMap<String, usize>],
        reported: &mut HashSet<(usize, usize)>,
    ) {
        // Declared items first: an inline enum's name is the one reported when it collides.
        let declared = (0..drafts.len()).filter(|&i| drafts[i].inline_of.is_none());
        let inline = (0..drafts.len()).filter(|&i| drafts[i].inline_of.is_some());
        for index in declared.chain(inline) {
            let draft = &drafts[index];
            let name = &draft.item.name;
            if name.is_empty() {
                continue;
            }
            let Some(&first) = scopes[draft.file].get(name) else {
                scopes[draft.file].insert(name.clone(), index);
                continue;
            };
            reported.insert((first.min(index), first.max(index)));
            let first = &drafts[first];
            let at = format!("{}:{}", self.path_of(first.file), first.name_span.line);
            let (message, help) = match &draft.inline_of {
                None => (
                    format!("duplicate item name `{name}`"),
                    format!("first defined at {at}"),
                ),
                Some(field) => (
                    format!(
                        "the inline enum of `{field}` is named `{name}`, which {} already takes",
                        match &first.inline_of {
                            Some(other) => format!("the inline enum of `{other}`"),
                            None => format!("the item at {at}"),
                        }
                    ),
                    "rename the field or the other item, or declare the values as \
                     `## enum Name` and write `Name` in the Type cell"
                        .to_owned(),
                ),
            };
            self.error(draft.file, draft.name_span, message, Some(help));
        }
    }

    /// What `link` (an import of `file`) gives the file: each name, the draft it names and
    /// where the import says it. Reports a selected name the imported file does not have, one
    /// selected twice, a bad alias, and a second alias of one item (kept in `aliases`).
    fn given(
        &mut self,
        link: &Link<'_>,
        file: usize,
        drafts: &[Draft],
        scopes: &[HashMap<String, usize>],
        aliases: &mut [Option<(String, usize, Span)>],
    ) -> Vec<(String, usize, Span)> {
        let offered = &scopes[link.target];
        let Some(selection) = &link.import.selection else {
            let mut all: Vec<(String, usize, Span)> = offered
                .iter()
                .map(|(name, &d)| (name.clone(), d, link.import.span))
                .collect();
            all.sort_by_key(|&(_, d, _)| d);
            return all;
        };
        let mut given = Vec::new();
        let mut seen: HashSet<&str> = HashSet::new();
        for selected in selection {
            let Some(&draft) = offered.get(&selected.name) else {
                let path = self.path_of(link.target);
                let mut names: Vec<&str> = offered.keys().map(String::as_str).collect();
                names.sort_unstable();
                let help = suggest::help(&selected.name, names.iter().copied()).or_else(|| {
                    (!names.is_empty() && names.len() <= 12)
                        .then(|| format!("`{path}` has {}", names.join(", ")))
                });
                self.error(
                    file,
                    selected.name_span,
                    format!("`{}` is not an item of `{path}`", selected.name),
                    help,
                );
                continue;
            };
            if !seen.insert(&selected.name) {
                self.error(
                    file,
                    selected.name_span,
                    format!("`{}` is selected twice", selected.name),
                    Some("select each item once".into()),
                );
                continue;
            }
            let Some((alias, span)) = &selected.alias else {
                given.push((selected.name.clone(), draft, selected.name_span));
                continue;
            };
            if let Some((message, help)) = bad_item_name(alias, "alias") {
                self.error(file, *span, message, Some(help));
            }
            match &aliases[draft] {
                None => aliases[draft] = Some((alias.clone(), file, *span)),
                Some((first, _, _)) if first == alias => {}
                Some((first, at_file, at)) => {
                    let message = format!(
                        "`{}` of `{}` is already imported as `{first}` ({}:{}); an item has one name in a module",
                        drafts[draft].item.name,
                        self.path_of(drafts[draft].file),
                        self.path_of(*at_file),
                        at.line
                    );
                    let help = format!("write `{} as {first}` here too", drafts[draft].item.name);
                    self.error(file, *span, message, Some(help));
                }
            }
            given.push((alias.clone(), draft, *span));
        }
        given
    }

    /// Reports that `draft`, which `link` gives `file` as `local` (at `span`), takes the name
    /// of `first`, which the file may already name so.
    #[allow(clippy::too_many_arguments)]
    fn taken_in_file(
        &mut self,
        file: usize,
        link: &Link<'_>,
        local: &str,
        draft: usize,
        first: usize,
        span: Span,
        drafts: &[Draft],
    ) {
        let original = &drafts[draft].item.name;
        let from = self.path_of(drafts[draft].file);
        let message = if drafts[first].file == file {
            format!(
                "`{original}` of `{from}` has the name of this file's item `{local}` (line {})",
                drafts[first].name_span.line
            )
        } else {
            format!(
                "`{original}` of `{from}` has the name of `{local}` of `{}`, which this file also imports",
                self.path_of(drafts[first].file)
            )
        };
        let alias = suggested_alias(&self.sources[drafts[draft].file].path, original);
        let help = match &link.import.selection {
            Some(_) => format!("import it under another name: `{original} as {alias}`"),
            None => format!(
                "select the items this file needs, this one under another name: `Import: {original} as {alias}, … from [label]({})`",
                link.import.path
            ),
        };
        self.error(file, span, message, Some(help));
    }

    /// Reports that `draft` (held by the module, for the sake of `user` when the root file
    /// cannot name it) has the name of `first` in the module: at the root file's import of its
    /// file, if there is one, else at the item.
    fn taken_in_module(
        &mut self,
        links: &[Vec<Link<'_>>],
        draft: usize,
        first: usize,
        user: Option<usize>,
        drafts: &[Draft],
    ) {
        let original = &drafts[draft].item.name;
        let home = drafts[draft].file;
        let from = self.path_of(home);
        let used = user.map_or(String::new(), |u| {
            format!(", which `{}` uses,", drafts[u].item.name)
        });
        let message = format!(
            "`{original}` of `{from}`{used} has the name of `{}` of `{}`: an item has one name in a module",
            drafts[first].item.name,
            self.path_of(drafts[first].file)
        );
        let alias = suggested_alias(&self.sources[home].path, original);
        let help = format!(
            "select it, under another name, where `{from}` is imported: `{original} as {alias}`"
        );
        let import = links
            .first()
            .and_then(|root| root.iter().find(|link| link.target == home));
        match import {
            Some(link) => self.error(0, link.import.span, message, Some(help)),
            None => self.error(home, drafts[draft].name_span, message, Some(help)),
        }
    }

    /// The items the module holds: the root file's own, those it may name, and every item they
    /// use (directly or not); for each item held for another's sake, the first that uses it.
    fn included(
        scopes: &[HashMap<String, usize>],
        drafts: &[Draft],
    ) -> (Vec<bool>, Vec<Option<usize>>) {
        let mut included = vec![false; drafts.len()];
        let mut needed_by: Vec<Option<usize>> = vec![None; drafts.len()];
        let mut todo: Vec<usize> = (0..drafts.len()).filter(|&d| drafts[d].file == 0).collect();
        if let Some(root) = scopes.first() {
            let mut nameable: Vec<usize> = root.values().copied().collect();
            nameable.sort_unstable();
            todo.extend(nameable);
        }
        todo.reverse();
        while let Some(d) = todo.pop() {
            if std::mem::replace(&mut included[d], true) {
                continue;
            }
            let Some(object) = drafts[d].item.kind.object() else {
                continue;
            };
            // A variant uses its base: the base's fields are its own once it is expanded.
            let base = drafts[d].variant.as_ref().map(|v| v.base.as_str());
            for name in object
                .fields
                .iter()
                .filter_map(|f| f.ty.named())
                .chain(base)
            {
                if let Some(&used) = scopes[drafts[d].file].get(name)
                    && !included[used]
                {
                    needed_by[used].get_or_insert(d);
                    todo.push(used);
                }
            }
        }
        (included, needed_by)
    }

    /// Every `Type::Named` must name an item its file may name; each is then written with the
    /// item's name in the module, and each item takes its name in the module.
    pub(super) fn resolve(&mut self, names: &Names, links: &[Vec<Link<'_>>], drafts: &mut [Draft]) {
        // The file that declares each item name (the first, for a name two files take).
        let mut declared: HashMap<String, usize> = HashMap::new();
        for draft in drafts.iter() {
            declared
                .entry(draft.item.name.clone())
                .or_insert(draft.file);
        }
        // A did-you-mean compares a name with every name its file may name: for the first
        // `SUGGESTED_UNRESOLVED` unknown names only, so a file of thousands of them (generated,
        // or hostile) costs linear time, not quadratic.
        let mut unresolved = 0;
        for draft in drafts.iter_mut() {
            let file = draft.file;
            let Some(object) = draft.item.kind.object_mut() else {
                continue;
            };
            for (field, spans) in object.fields.iter_mut().zip(draft.fields.iter_mut()) {
                let Some(name) = named_mut(&mut field.ty) else {
                    continue;
                };
                if let Some(&target) = names.scopes[file].get(name.as_str()) {
                    name.clone_from(&names.names[target]);
                    continue;
                }
                spans.clean = false;
                let home = declared.get(name.as_str()).copied();
                let suggest = unresolved < SUGGESTED_UNRESOLVED;
                unresolved += 1;
                let at = (file, spans.type_name);
                self.unresolved(
                    at,
                    name,
                    home,
                    &links[file],
                    Some(names).filter(|_| suggest),
                );
            }
        }
        for (draft, name) in drafts.iter_mut().zip(&names.names) {
            draft.item.name.clone_from(name);
        }
    }

    /// Reports that `file` names `name` (at `span`), which it may not: an item of a file it
    /// does not import (`home`), or imports without selecting it; a type code that is not one;
    /// or nothing at all.
    fn unresolved(
        &mut self,
        (file, span): (usize, Span),
        name: &str,
        home: Option<usize>,
        links: &[Link<'_>],
        names: Option<&Names>,
    ) {
        if let Some(home) = home {
            let path = self.path_of(home);
            let selecting = links
                .iter()
                .find(|link| link.target == home && link.import.selection.is_some());
            let (message, help) = match selecting {
                Some(link) => (
                    format!("`{name}` is an item of `{path}`, which this file imports without selecting it"),
                    format!(
                        "add it to the selection: `Import: …, {name} from [label]({})`",
                        link.import.path
                    ),
                ),
                None => (
                    format!("type `{name}` is defined in `{path}`, which this file does not import"),
                    "a file names only its own items and those of the files it imports; move the item into a file that both import".into(),
                ),
            };
            self.error(file, span, message, Some(help));
            return;
        }
        let codes = Charset::ALL.map(Charset::code);
        if looks_like_type_code(name) {
            let help = code_suggestion(name)
                .map(|code| format!("did you mean `{code}`?"))
                .or_else(|| suggest::help(name, codes))
                .unwrap_or_else(|| format!("type codes are {}", codes.join(", ")));
            self.error(
                file,
                span,
                format!("unknown type code `{name}`"),
                Some(help),
            );
            return;
        }
        let declare = || {
            format!("declare `## struct {name}` or `## enum {name}`, or import the file that does")
        };
        let Some(names) = names else {
            self.error(
                file,
                span,
                format!("unknown type `{name}`"),
                Some(declare()),
            );
            return;
        };
        let mut nameable: Vec<&str> = names.scopes[file].keys().map(String::as_str).collect();
        nameable.sort_unstable();
        let candidates = nameable
            .into_iter()
            .chain(BUILTIN_TYPES.iter().copied())
            .chain(codes);
        let help = suggest::help(name, candidates).unwrap_or_else(declare);
        self.error(file, span, format!("unknown type `{name}`"), Some(help));
    }
}
