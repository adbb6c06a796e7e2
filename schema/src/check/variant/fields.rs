//! The fields a variant is made of: a base field with the cells a row fills in place of its
//! own ([`override_field`]), a base field copied as it is ([`pointing_at`]), and what counts as
//! a misspelled override ([`one_edit`]).

use std::collections::HashMap;

use super::Filled;
use crate::check::{ConditionSpans, FieldSpans};
use crate::diagnostics::Span;
use crate::model::{Field, Type};
use crate::names;
use crate::read::lexer::Cell;

/// Whether `a` and `b` differ by exactly one edit: a character inserted, removed, replaced, two
/// neighbours swapped, or the case of letters (`UserAgent`, `userAgent`).
pub(super) fn one_edit(a: &str, b: &str) -> bool {
    if a == b {
        return false;
    }
    if a.eq_ignore_ascii_case(b) {
        return true;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ra, rb) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    match (ra.len(), rb.len()) {
        (1, 1) | (0, 1) | (1, 0) => true,
        (2, 2) => ra[0] == rb[1] && ra[1] == rb[0],
        _ => false,
    }
}

/// The longest identifier the near-miss check ([`BaseIndex::near`]) looks at: its keys cost the
/// square of the length. A misspelling of a longer one is not caught (an added field, then).
const MAX_NEAR_LEN: usize = 128;

/// The base's fields, indexed for the rows of a variant: by identifier, by Rust name, and by
/// the keys that find an identifier one edit away, so that a wide base and a long table are
/// checked in time linear in their size, not in their product.
pub(super) struct BaseIndex {
    by_ident: HashMap<String, usize>,
    by_rust: HashMap<String, usize>,
    /// Each identifier's ASCII-lowercased text, and that text with one character removed: two
    /// identifiers one edit apart (or differing in case) share a key.
    near: HashMap<String, Vec<usize>>,
}

impl BaseIndex {
    pub(super) fn new(fields: &[Field]) -> BaseIndex {
        let mut index = BaseIndex {
            by_ident: HashMap::new(),
            by_rust: HashMap::new(),
            near: HashMap::new(),
        };
        for (i, field) in fields.iter().enumerate() {
            index.by_ident.entry(field.ident.clone()).or_insert(i);
            index
                .by_rust
                .entry(names::field_name(&field.ident))
                .or_insert(i);
            for key in near_keys(&field.ident) {
                let found = index.near.entry(key).or_default();
                if found.last() != Some(&i) {
                    found.push(i);
                }
            }
        }
        index
    }

    /// The base field of identifier `ident`.
    pub(super) fn field(&self, ident: &str) -> Option<usize> {
        self.by_ident.get(ident).copied()
    }

    /// The base field whose Rust name is `rust`.
    pub(super) fn rust(&self, rust: &str) -> Option<usize> {
        self.by_rust.get(rust).copied()
    }

    /// The first base field (in table order) whose identifier is one edit from `ident`.
    pub(super) fn near(&self, ident: &str, fields: &[Field]) -> Option<usize> {
        near_keys(ident)
            .filter_map(|key| self.near.get(&key))
            .flatten()
            .copied()
            .filter(|&i| fields.get(i).is_some_and(|f| one_edit(&f.ident, ident)))
            .min()
    }
}

/// The keys of [`BaseIndex::near`]: none for an identifier longer than [`MAX_NEAR_LEN`].
fn near_keys(ident: &str) -> impl Iterator<Item = String> + '_ {
    let chars: Vec<char> = ident.chars().map(|c| c.to_ascii_lowercase()).collect();
    let n = if chars.len() > MAX_NEAR_LEN {
        0
    } else {
        chars.len() + 1
    };
    (0..n).map(move |skip| {
        chars
            .iter()
            .enumerate()
            .filter(|&(at, _)| at != skip)
            .map(|(_, c)| *c)
            .collect()
    })
}

/// `spans` of a field copied from a base, pointing at `at` (the variant's heading or row):
/// a diagnostic about the copy belongs to the variant's file, where the base's spans mean
/// nothing.
pub(super) fn pointing_at(spans: &FieldSpans, at: Span) -> FieldSpans {
    let condition = |c: &ConditionSpans| {
        let mut c = c.clone();
        for atom in &mut c.atoms {
            atom.path = at;
            atom.steps.iter_mut().for_each(|s| *s = at);
            atom.values.iter_mut().for_each(|(s, _)| *s = at);
        }
        c
    };
    FieldSpans {
        ident: at,
        type_name: at,
        inline_enum: None,
        condition: condition(&spans.condition),
        fixed: at,
        pattern: at,
        forbidden: at,
        items: at,
        format: at,
        range: at,
        scale: at,
        accepts: spans.accepts.map(|_| at),
        format_when: spans.format_when.iter().map(condition).collect(),
        prose: Vec::new(),
        // The base's listed values are checked at the base.
        listed: None,
        example: spans
            .example
            .as_ref()
            .map(|cell| Cell::stand_in(cell.text.clone(), at)),
        clean: spans.clean,
    }
}

/// Base field `field` (with `spans`, already pointing at the variant) with the cells `filled`
/// of `row` (read from the variant's table, with `row_spans`) in place of its own.
pub(super) fn override_field(
    field: &Field,
    spans: &FieldSpans,
    row: &Field,
    row_spans: FieldSpans,
    filled: &Filled,
) -> (Field, FieldSpans) {
    // Every attribute of the row, named (no `..`): an attribute added to `Field` must say here
    // which cell states it, or the base's would silently win over the variant's.
    let Field {
        ident: _,
        label,
        ty,
        length,
        requirement,
        format,
        custom_format,
        format_when,
        fixed,
        forbidden,
        pattern,
        range,
        scale,
        accepts,
        sensitive,
        items,
        doc,
        examples: _,
    } = row;
    // Whether the row states `accepts` itself (else its field took its file's default).
    let row_accepts = row_spans.accepts;
    let (mut field, mut spans) = (field.clone(), spans.clone());
    spans.ident = row_spans.ident;
    spans.clean = spans.clean && row_spans.clean;
    // The base's other spans stand for cells the row does not fill: the row is where the
    // variant changes them.
    spans = FieldSpans {
        type_name: row_spans.ident,
        fixed: row_spans.ident,
        pattern: row_spans.ident,
        forbidden: row_spans.ident,
        items: row_spans.ident,
        format: row_spans.ident,
        range: row_spans.ident,
        scale: row_spans.ident,
        ..spans
    };
    if filled.ty {
        field.ty = ty.clone();
        spans.type_name = row_spans.type_name;
        spans.listed = row_spans.listed;
        // The base's cells that the new type cannot have are not kept: a length only fits a
        // type code or `String` (or their collections, each element), the string rules only
        // strings (and their arrays), a count only collections.
        if !matches!(field.ty.element(), Type::Iso(_) | Type::String) {
            field.length = None;
        }
        if !field.ty.is_collection() {
            field.items = None;
        }
        if !matches!(field.ty.element(), Type::Iso(_) | Type::String) {
            field.format = None;
            field.custom_format = None;
            field.format_when.clear();
            spans.format_when.clear();
            field.fixed = None;
            field.forbidden = None;
            field.pattern = None;
        }
        // A range and a scale only fit numbers; what a field accepts depends on its type: a
        // new type accepts what the row's Format cell says (the file's `Accepts:` default is
        // not applied to a variant's rows).
        if !matches!(field.ty.element(), Type::Integer | Type::Number) {
            field.range = None;
            field.scale = None;
        }
        field.accepts = *accepts;
    }
    if filled.length {
        field.length = *length;
    }
    if filled.request {
        field.requirement = requirement.clone();
        spans.condition = row_spans.condition;
    }
    if filled.format {
        field.format = *format;
        field.custom_format = custom_format.clone();
        field.format_when = format_when.clone();
        field.fixed = fixed.clone();
        field.forbidden = forbidden.clone();
        field.pattern = pattern.clone();
        field.sensitive = *sensitive;
        field.items = *items;
        field.range = range.clone();
        field.scale = *scale;
        field.accepts = *accepts;
        spans.items = row_spans.items;
        spans.range = row_spans.range;
        spans.scale = row_spans.scale;
        spans.accepts = row_spans.accepts;
        spans.format_when = row_spans.format_when;
        spans.fixed = row_spans.fixed;
        spans.pattern = row_spans.pattern;
        spans.forbidden = row_spans.forbidden;
        spans.format = row_spans.format;
    } else {
        // A fixed value or forbidden characters read from the row's Description.
        if fixed.is_some() {
            field.fixed = fixed.clone();
            spans.fixed = row_spans.fixed;
        }
        if forbidden.is_some() {
            field.forbidden = forbidden.clone();
            spans.forbidden = row_spans.forbidden;
        }
        // A count read from the row's Description ("Maximum size: 100 elements").
        if items.is_some() {
            field.items = *items;
            spans.items = row_spans.items;
        }
    }
    // A type or a Format cell the row restates without `accepts` takes the variant's file's
    // `Accepts:` default for the field's type, as a row of an ordinary table does.
    if (filled.ty || filled.format) && row_accepts.is_none() {
        field.accepts = super::super::numbers::default_for(&field.ty, filled.accepts_default);
    }
    if filled.doc {
        field.doc = doc.clone();
        spans.prose = row_spans.prose;
    }
    if filled.label {
        field.label = label.clone();
    }
    if filled.example {
        spans.example = row_spans.example;
    } else if filled.ty || filled.length || filled.format {
        // The base's example was checked against the base's rules, not these.
        spans.example = None;
    } else if let Some(cell) = &spans.example {
        spans.example = Some(Cell::stand_in(cell.text.clone(), row_spans.ident));
    }
    field.examples.clear();
    (field, spans)
}

#[cfg(test)]
mod tests {
    use super::one_edit;
    use crate::model::{Field, Type};

    /// The Format cell's parts a variant restates, and those a new type drops, for each part
    /// of the cell (here the count of elements).
    #[test]
    fn a_filled_format_cell_restates_the_count_and_a_new_type_drops_it() {
        let text = "# Items\n\n## struct Basket\n\n| Identifier | Type | Request | Format |\n|---|---|---|---|\n| goods | Array<String> | O | items 10 |\n| tags | Array<String> | O | items 3 |\n\n## struct Small from Basket\n\n| Identifier | Type | Format |\n|---|---|---|\n| goods | | items 2..5 |\n| tags | String | |\n";
        let schema = crate::Schema::parse("items.md", text).unwrap_or_else(|d| panic!("{d}"));
        let fields = |item: &str| {
            schema
                .module
                .item(item)
                .and_then(|i| i.kind.object())
                .map(|o| o.fields.clone())
                .unwrap_or_default()
        };
        let (base, small) = (fields("Basket"), fields("Small"));
        assert_ne!(small[0].items, base[0].items);
        assert!(small[0].items.is_some());
        assert_eq!(small[1].ty, crate::model::Type::String);
        assert_eq!(small[1].items, None);
        assert!(base[1].items.is_some());
    }

    /// The index finds what a scan of every base field with `one_edit` finds, first in table
    /// order, on identifiers near each other in every way.
    #[test]
    fn the_near_index_finds_what_a_scan_finds() {
        let idents = [
            "userAgent",
            "useragent",
            "userAgen",
            "osType",
            "osTyp",
            "terminalType",
            "store",
            "stores",
            "sotre",
            "a",
            "b",
            "ab",
            "ba",
            "abc",
            "é",
            "ée",
            "x_y",
            "xy",
        ];
        let fields: Vec<Field> = idents
            .iter()
            .map(|i| Field::new(*i, Type::String, crate::model::Requirement::Optional))
            .collect();
        let index = super::BaseIndex::new(&fields);
        let queries = [
            "userAgnet",
            "UserAgent",
            "usrAgent",
            "osTypes",
            "OSType",
            "stor",
            "storee",
            "atore",
            "",
            "c",
            "ac",
            "cab",
            "e",
            "éé",
            "x_z",
            "yx",
            "terminalTypo",
            "zzz",
        ];
        for query in idents.iter().chain(&queries) {
            let scan = fields.iter().position(|f| one_edit(&f.ident, query));
            assert_eq!(index.near(query, &fields), scan, "{query}");
        }
    }

    #[test]
    fn one_edit_is_one_insertion_removal_replacement_swap_or_case() {
        assert!(one_edit("userAgent", "userAgnet"));
        assert!(one_edit("userAgent", "userAgen"));
        assert!(one_edit("userAgent", "usserAgent"));
        assert!(one_edit("userAgent", "userAgant"));
        assert!(one_edit("userAgent", "UserAgent"));
        assert!(!one_edit("userAgent", "userAgent"));
        assert!(!one_edit("userAgent", "agentUser"));
        assert!(!one_edit("store", "stare2"));
        assert!(!one_edit("osType", "terminalType"));
    }
}
