//! The second stage of a condition: against the module. Each path resolves — a field of the
//! same table, of an object under it (`result.resultStatus`: each step but the last an object
//! field), or of every object that holds this one (`super.`) — and each value is one the field
//! it ends at can hold, typed by that field (a Boolean's `true`, an Integer's `5`, a string or
//! an enum's value).

use std::borrow::Cow;
use std::collections::HashMap;

use super::super::module::{ModuleChecker, breaks};
use super::super::{AtomSpans, ConditionSpans, Draft};
use crate::diagnostics::Span;
use crate::dynamic::Json;
use crate::model::{
    Condition, Field, FieldPath, Item, ItemKind, Module, Object, Requirement, Type, Value,
};
use crate::suggest;

/// Whether each field of each message or struct read cleanly, by item name and field index:
/// a path through a field that did not is not judged (its own error is enough).
type Clean = HashMap<String, Vec<bool>>;

/// The field a path ends at, and the object that holds it.
struct Leaf<'m> {
    field: &'m Field,
    holder: &'m str,
}

/// The condition being checked, for messages: whose (`what`: `condition` or `format
/// condition`) in which file.
struct Site<'d> {
    file: usize,
    item: &'d Item,
    field: &'d Field,
    what: &'static str,
}

impl ModuleChecker<'_> {
    /// Every condition of every field (of its conditional requirement and of its conditional
    /// formats alike): its paths resolve and its values are of the fields they compare, typed
    /// in place.
    pub(in super::super) fn conditions(&mut self, drafts: &mut [Draft], module: &Module) {
        let clean: Clean = drafts
            .iter()
            .map(|d| {
                let flags = d.fields.iter().map(|spans| spans.clean).collect();
                (d.item.name.clone(), flags)
            })
            .collect();
        // (draft, field, which condition: `None` the requirement's, `Some(k)` format k's).
        let mut typed: Vec<(usize, usize, Option<usize>, Condition)> = Vec::new();
        for (d, draft) in drafts.iter().enumerate() {
            let Some(object) = draft.item.kind.object() else {
                continue;
            };
            for (i, (field, spans)) in object.fields.iter().zip(&draft.fields).enumerate() {
                let site = |what| Site {
                    file: draft.file,
                    item: &draft.item,
                    field,
                    what,
                };
                if let Requirement::Conditional(condition) = &field.requirement {
                    let at = &spans.condition;
                    if let Some(condition) =
                        self.verify(module, &clean, &site("condition"), condition, at)
                    {
                        typed.push((d, i, None, condition));
                    }
                }
                for (k, (conditional, at)) in
                    field.format_when.iter().zip(&spans.format_when).enumerate()
                {
                    let site = site("format condition");
                    if let Some(condition) =
                        self.verify(module, &clean, &site, &conditional.when, at)
                    {
                        typed.push((d, i, Some(k), condition));
                    }
                }
            }
        }
        for (d, i, which, condition) in typed {
            let Some(object) = drafts[d].item.kind.object_mut() else {
                continue;
            };
            let field = &mut object.fields[i];
            match which {
                None => field.requirement = Requirement::Conditional(condition),
                Some(k) => field.format_when[k].when = condition,
            }
        }
    }

    /// One condition at `site`, its spans `at`: the condition with its values typed, when
    /// every path resolved and every value fits (else the errors are reported).
    fn verify(
        &mut self,
        module: &Module,
        clean: &Clean,
        site: &Site<'_>,
        condition: &Condition,
        at: &ConditionSpans,
    ) -> Option<Condition> {
        let mut typed = condition.clone();
        let mut ok = true;
        let mut atoms = at.atoms.iter();
        typed.for_each_atom_mut(&mut |path, values| {
            let Some(spans) = atoms.next() else {
                return;
            };
            ok &= self.atom(module, clean, site, path, values, spans);
        });
        ok.then_some(typed)
    }

    /// One comparison (`values`) or presence test (`None`): its path resolves from the site's
    /// object, and its values fit the field it ends at; false when something was reported.
    fn atom(
        &mut self,
        module: &Module,
        clean: &Clean,
        site: &Site<'_>,
        path: &FieldPath,
        values: Option<&mut Vec<Value>>,
        spans: &AtomSpans,
    ) -> bool {
        if path.up == 0 && path.as_sibling() == Some(site.field.ident.as_str()) {
            self.error(
                site.file,
                spans.path,
                format!(
                    "the {} of `{}` names the field itself",
                    site.what, site.field.ident
                ),
                Some("a condition names another field of the same table".into()),
            );
            return false;
        }
        let holders = match self.holders(module, site, path, spans) {
            Some(holders) => holders,
            None => return false,
        };
        let mut leaves = Vec::new();
        for holder in holders {
            match self.resolve_path(module, clean, site, holder, path, spans) {
                Ok(Some(leaf)) => leaves.push(leaf),
                Ok(None) => {}
                Err(()) => return false,
            }
        }
        match values {
            Some(values) => self.type_values(module, site, path, &leaves, values, spans),
            None => true,
        }
    }

    /// The objects `path` starts from: the site's own object, or every object `path.up` levels
    /// above it; `None` when that is reported as impossible.
    fn holders<'m>(
        &mut self,
        module: &'m Module,
        site: &Site<'_>,
        path: &FieldPath,
        spans: &AtomSpans,
    ) -> Option<Vec<&'m Item>> {
        let own = module.item(&site.item.name)?;
        if path.up == 0 {
            return Some(vec![own]);
        }
        if matches!(site.item.kind, ItemKind::Message(_)) {
            self.error(
                site.file,
                spans.path,
                format!(
                    "the {} names `{path}`, but `{}` is a message: a document has no object above it",
                    site.what, site.item.name
                ),
                Some("`super.` reads the object that holds a struct; write it in a `struct`".into()),
            );
            return None;
        }
        let mut level: Vec<&Item> = vec![own];
        for depth in 1..=path.up {
            let mut above: Vec<&Item> = Vec::new();
            for item in &level {
                let holders = module.holders(&item.name);
                if holders.is_empty() && depth > 1 && matches!(item.kind, ItemKind::Message(_)) {
                    self.error(
                        site.file,
                        spans.path,
                        format!(
                            "the {} names `{path}`, which goes above `{}`, a message: a document has no object above it",
                            site.what, item.name
                        ),
                        None,
                    );
                    return None;
                }
                for holder in holders {
                    if !above.iter().any(|known| known.name == holder.name) {
                        above.push(holder);
                    }
                }
            }
            level = above;
        }
        Some(level)
    }

    /// The field `path` ends at, from `start`: `Ok(None)` when a step is a field whose row did
    /// not read cleanly (not judged), `Err` when reported.
    fn resolve_path<'m>(
        &mut self,
        module: &'m Module,
        clean: &Clean,
        site: &Site<'_>,
        start: &'m Item,
        path: &FieldPath,
        spans: &AtomSpans,
    ) -> Result<Option<Leaf<'m>>, ()> {
        let mut item = start;
        let last = path.steps.len() - 1;
        for (k, step) in path.steps.iter().enumerate() {
            let span = spans.steps.get(k).copied().unwrap_or(spans.path);
            let Some(object) = item.kind.object() else {
                return Ok(None);
            };
            let Some(index) = object.fields.iter().position(|f| &f.ident == step) else {
                self.unknown_step(site, start, item, object, path, k, span);
                return Err(());
            };
            if !clean.get(&item.name).is_some_and(|flags| flags[index]) {
                return Ok(None);
            }
            let field = &object.fields[index];
            if k == last {
                return Ok(Some(Leaf {
                    field,
                    holder: &item.name,
                }));
            }
            let inner = match &field.ty {
                Type::Named(name) => module.item(name).filter(|i| i.kind.object().is_some()),
                _ => None,
            };
            match inner {
                Some(inner) => item = inner,
                None if matches!(field.ty, Type::Map(_) | Type::Object) => {
                    self.error(
                        site.file,
                        span,
                        format!(
                            "the {} names `{path}`, but `{step}` is free-form (`{}`): its keys are not the schema's",
                            site.what, field.ty
                        ),
                        Some(format!("a path goes through fields of structs and messages; to test the field itself, write `{step} is present`")),
                    );
                    return Err(());
                }
                None => {
                    let kind = match &field.ty {
                        Type::Named(name) if module.enum_named(name).is_some() => " (an enum)",
                        _ => "",
                    };
                    self.error(
                        site.file,
                        span,
                        format!(
                            "the {} names `{path}`, but `{step}` is of type `{}`{kind}, not an object",
                            site.what, field.ty
                        ),
                        Some("each step of a path but the last is a field that holds an object (a struct or message)".into()),
                    );
                    return Err(());
                }
            }
        }
        Ok(None)
    }

    /// The error of step `k` of `path`, which `item` (reached from `start`) has no field for.
    #[allow(clippy::too_many_arguments)]
    fn unknown_step(
        &mut self,
        site: &Site<'_>,
        start: &Item,
        item: &Item,
        object: &Object,
        path: &FieldPath,
        k: usize,
        span: Span,
    ) {
        let step = &path.steps[k];
        let names = object.fields.iter().map(|f| f.ident.as_str());
        let message = if path.up == 0 && k == 0 {
            format!(
                "the {} names `{step}`, which is not a field of `{}`",
                site.what, item.name
            )
        } else if k == 0 {
            format!(
                "the {} names `{path}`, but `{}`, which holds `{}`{}, has no field `{step}`",
                site.what,
                start.name,
                site.item.name,
                if path.up > 1 {
                    format!(" {} levels down", path.up)
                } else {
                    String::new()
                }
            )
        } else {
            format!(
                "the {} names `{path}`, but `{step}` is not a field of `{}`",
                site.what, item.name
            )
        };
        let help = suggest::help(step, names).unwrap_or_else(|| {
            "a condition names a field of the same table, of an object under it (`object.field`) or of the object holding it (`super.field`)".into()
        });
        self.error(site.file, span, message, Some(help));
    }

    /// Types the values of a comparison by the field(s) its path ends at (one per object
    /// above, for `super.`: all of one kind), checking each can be that field's value.
    fn type_values(
        &mut self,
        module: &Module,
        site: &Site<'_>,
        path: &FieldPath,
        leaves: &[Leaf<'_>],
        values: &mut [Value],
        spans: &AtomSpans,
    ) -> bool {
        let Some(first) = leaves.first() else {
            return true;
        };
        let kind = kind_of(module, &first.field.ty);
        for other in &leaves[1..] {
            let other_kind = kind_of(module, &other.field.ty);
            if other_kind != kind {
                self.error(
                    site.file,
                    spans.path,
                    format!(
                        "the {} names `{path}`, which is {} in `{}` but {} in `{}`",
                        site.what,
                        describe(kind, &first.field.ty),
                        first.holder,
                        describe(other_kind, &other.field.ty),
                        other.holder
                    ),
                    Some("a condition compares values of one kind".into()),
                );
                return false;
            }
        }
        let mut ok = true;
        for (value, &(span, quoted)) in values.iter_mut().zip(&spans.values) {
            let Value::Str(text) = value else {
                continue;
            };
            let typed = match kind {
                Kind::Str => Ok(Value::Str(text.clone())),
                Kind::Bool => match text.as_str() {
                    "true" if !quoted => Ok(Value::Bool(true)),
                    "false" if !quoted => Ok(Value::Bool(false)),
                    _ => Err((
                        format!(
                            "{} is not a value of `{path}`, a Boolean",
                            written(text, quoted)
                        ),
                        Some("write `true` or `false`, without quotes".to_owned()),
                    )),
                },
                Kind::Int => match text.parse::<i64>() {
                    Ok(int) if !quoted => Ok(Value::Int(int)),
                    _ if !quoted && is_integer_text(text) => Err((
                        format!("`{text}` is out of range for `{path}`, an Integer"),
                        Some(
                            "an Integer holds −9223372036854775808 to 9223372036854775807"
                                .to_owned(),
                        ),
                    )),
                    _ => Err((
                        format!(
                            "{} is not a value of `{path}`, an Integer",
                            written(text, quoted)
                        ),
                        Some("write an integer without quotes, such as `5` or `-720`".to_owned()),
                    )),
                },
                Kind::Object | Kind::Other => Err((
                    format!(
                        "the {} compares `{path}`, of type `{}`{}; `=`, `!=` and `in` compare strings, enum values, Booleans and integers",
                        site.what,
                        first.field.ty,
                        if kind == Kind::Object {
                            " (an object)"
                        } else {
                            ""
                        }
                    ),
                    Some(format!(
                        "to test that it is there, write `{path} is present`"
                    )),
                )),
            };
            match typed {
                Ok(typed) => *value = typed,
                Err((message, help)) => {
                    let at = if matches!(kind, Kind::Object | Kind::Other) {
                        spans.path
                    } else {
                        span
                    };
                    self.error(site.file, at, message, help);
                    ok = false;
                    if matches!(kind, Kind::Object | Kind::Other) {
                        return false;
                    }
                }
            }
        }
        if ok && kind == Kind::Str {
            // Each distinct field once: objects above of the same type say the same.
            for (i, leaf) in leaves.iter().enumerate() {
                let seen = leaves[..i].iter().any(|l| {
                    l.field.ty == leaf.field.ty
                        && l.field.length == leaf.field.length
                        && l.field.fixed == leaf.field.fixed
                        && l.field.format == leaf.field.format
                });
                if !seen {
                    ok &= self.string_values(module, site, leaf, values, spans);
                }
            }
        }
        ok
    }

    /// The string values of a comparison on `leaf` are values it can hold: of its enum, or
    /// obeying its own rules (a value it can never hold makes the condition dead).
    fn string_values(
        &mut self,
        module: &Module,
        site: &Site<'_>,
        leaf: &Leaf<'_>,
        values: &[Value],
        spans: &AtomSpans,
    ) -> bool {
        let mut ok = true;
        let field = leaf.field;
        for (value, (span, _)) in values.iter().zip(&spans.values) {
            let Value::Str(value) = value else {
                continue;
            };
            if let Some(name) = field.ty.named()
                && let Some(e) = module.enum_named(name)
            {
                if e.accepts(value) {
                    continue;
                }
                let allowed: Vec<&str> = e.values.iter().map(|v| v.value.as_str()).collect();
                let help = suggest::help(value, allowed.iter().copied())
                    .unwrap_or_else(|| format!("`{name}` has the values {}", allowed.join(", ")));
                self.error(
                    site.file,
                    *span,
                    format!(
                        "`{value}` is not a value of `{name}`, the type of `{}`",
                        field.ident
                    ),
                    Some(help),
                );
                ok = false;
            } else if let Some(found) = breaks(module, field, &Json::Str(Cow::Borrowed(value))) {
                self.error(
                    site.file,
                    *span,
                    format!(
                        "`{value}` can never be the value of `{}`: {found}",
                        field.ident
                    ),
                    None,
                );
                ok = false;
            }
        }
        ok
    }
}

/// The kinds of value a comparison can be on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Str,
    Bool,
    Int,
    Object,
    Other,
}

fn kind_of(module: &Module, ty: &Type) -> Kind {
    match ty {
        Type::Iso(_) | Type::String => Kind::Str,
        Type::Boolean => Kind::Bool,
        Type::Integer => Kind::Int,
        Type::Named(name) => match module.item(name).map(|item| &item.kind) {
            Some(ItemKind::Enum(_)) => Kind::Str,
            Some(_) => Kind::Object,
            None => Kind::Other,
        },
        _ => Kind::Other,
    }
}

fn describe(kind: Kind, ty: &Type) -> String {
    match kind {
        Kind::Str => "a string".into(),
        Kind::Bool => "a Boolean".into(),
        Kind::Int => "an Integer".into(),
        Kind::Object | Kind::Other => format!("of type `{ty}`"),
    }
}

/// A value as the condition wrote it, for a message: `` `maybe` ``, or `` a string (`"true"`) ``.
fn written(text: &str, quoted: bool) -> String {
    if quoted {
        format!("a string (`{}`)", serde_json::Value::from(text))
    } else {
        format!("`{text}`")
    }
}

/// Whether `text` is written as an integer (a sign, then digits).
fn is_integer_text(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}
