//! What a new version of a schema changes for the programs that exchange its messages: the
//! comparison behind `fieldtab diff` (docs/SEMANTICS.md §9.7).
//!
//! [`diff`] walks each message of the two models from the top, field by field along the wire
//! path (into structs, arrays and maps), and lists each difference of a rule with what it does
//! to the messages: a change that **tightens** makes some message that was valid invalid (a new
//! mandatory field, a length narrowed, an enum value removed: old *senders* break), one that
//! **loosens** makes some message valid that was not (a field that may now be absent, a new
//! value in a closed enum, a length widened past a receiver's buffer: old *receivers* break). A
//! change may do both (a type changed). Whether it is breaking depends on who holds the old
//! version: for a request (the item's name ends in `Request`, or its prose has a line
//! `Direction: request`) the senders, so a tightening is breaking; for a response (`Response`,
//! `Direction: response`) the receivers, so a loosening is; for a message or struct of neither
//! kind, either.
//!
//! ```
//! use fieldtab_schema::{Schema, diff::{Class, diff}};
//!
//! let old = Schema::parse("pay.md", "## message PayRequest\n\n\
//!     | Field | Data type | Required | Length |\n|---|---|---|---|\n| id | String | Yes | 64 |\n").unwrap();
//! let new = Schema::parse("pay.md", "## message PayRequest\n\n\
//!     | Field | Data type | Required | Length |\n|---|---|---|---|\n| id | String | Yes | 32 |\n").unwrap();
//! let changes = diff(&old.module, &new.module);
//! assert_eq!(changes[0].item, "PayRequest");
//! assert_eq!(changes[0].path, "/id");
//! assert_eq!(changes[0].change, "length narrowed from at most 64 to at most 32 (breaks senders)");
//! assert_eq!(changes[0].class, Class::Breaking);
//! ```

mod direction;
mod fields;
mod rules;

use std::fmt;

use crate::model::{ItemKind, Module, Object};
pub use direction::Direction;

/// One difference between two versions of a schema.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The message (or, for a schema without messages, the struct) the change is found in.
    pub item: String,
    /// The wire path of the field from the item, `/` between identifiers, `*` for any element
    /// of an array or entry of a map (`/order/goods/*/goodsName`); `""` for the item itself.
    pub path: String,
    /// What changed, in words, and whom it breaks (`new mandatory field (breaks senders)`).
    pub change: String,
    /// Whether the change breaks the programs holding the old version.
    pub class: Class,
}

impl fmt::Display for Change {
    /// The line `fieldtab diff` prints: `breaking: PayRequest /requestId: length narrowed
    /// from at most 64 to at most 32 (breaks senders)` (without the path for the item
    /// itself).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}: {}: {}", self.class, self.item, self.change)
        } else {
            write!(
                f,
                "{}: {} {}: {}",
                self.class, self.item, self.path, self.change
            )
        }
    }
}

/// Whether a change breaks anyone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// Some program built on the old version breaks.
    Breaking,
    /// Nothing built on the old version breaks.
    Compatible,
}

impl Class {
    /// `breaking` or `compatible`.
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Breaking => "breaking",
            Class::Compatible => "compatible",
        }
    }
}

impl fmt::Display for Class {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What one difference does to the set of valid messages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Effect {
    /// Some message valid before is invalid now (senders of the old version break).
    pub(crate) tightens: bool,
    /// Some message invalid before is valid now (receivers of the old version break).
    pub(crate) loosens: bool,
}

impl Effect {
    pub(crate) const TIGHTENS: Effect = Effect {
        tightens: true,
        loosens: false,
    };
    pub(crate) const LOOSENS: Effect = Effect {
        tightens: false,
        loosens: true,
    };
    pub(crate) const BOTH: Effect = Effect {
        tightens: true,
        loosens: true,
    };
    pub(crate) const NEITHER: Effect = Effect {
        tightens: false,
        loosens: false,
    };
}

/// Every difference between `old` and `new`, message by message: the messages of `new` in
/// module order, then those only `old` has; in each, fields in table order, depth first. A
/// module without messages is compared struct by struct. Both modules are as loaded, imports
/// included.
pub fn diff(old: &Module, new: &Module) -> Vec<Change> {
    let roots = |module: &Module| -> Vec<String> {
        let messages: Vec<String> = module
            .items
            .iter()
            .filter(|i| matches!(i.kind, ItemKind::Message(_)))
            .map(|i| i.name.clone())
            .collect();
        if messages.is_empty() {
            module
                .items
                .iter()
                .filter(|i| i.kind.object().is_some())
                .map(|i| i.name.clone())
                .collect()
        } else {
            messages
        }
    };
    let new_roots = roots(new);
    let old_roots = roots(old);
    let mut out = Vec::new();
    for name in &new_roots {
        let direction = direction::of(new, name);
        let object = |m: &Module| m.item(name).and_then(|i| i.kind.object().cloned());
        match (object(old), object(new)) {
            (Some(before), Some(after)) => {
                let mut walk = fields::Walk::new(old, new, name, direction);
                walk.object(&before, &after, "");
                out.extend(walk.changes);
            }
            _ => out.push(Change {
                item: name.clone(),
                path: String::new(),
                change: format!("{} added", kind_word(new, name)),
                class: Class::Compatible,
            }),
        }
    }
    for name in old_roots.iter().filter(|n| !new_roots.contains(n)) {
        let direction = direction::of(old, name);
        let change = match new.item(name) {
            Some(_) => "no longer a message",
            None => "removed",
        };
        out.push(direction.change(
            name,
            String::new(),
            format!("{} {change}", kind_word(old, name)),
            Effect::BOTH,
        ));
    }
    out
}

/// `message` or `struct`, as the item `name` of `module` is.
fn kind_word(module: &Module, name: &str) -> &'static str {
    match module.item(name).map(|i| &i.kind) {
        Some(ItemKind::Message(_)) => "message",
        _ => "struct",
    }
}

/// The object of the item `name` of `module`, if it is a message or struct.
pub(crate) fn object_of<'m>(module: &'m Module, name: &str) -> Option<&'m Object> {
    module.item(name).and_then(|i| i.kind.object())
}
