//! Requests and responses: who holds the old version of a message, and so which changes break.

use super::{Change, Class, Effect};
use crate::model::Module;

/// Which way a message goes, as far as the schema says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Sent by the programs built on the schema (its name ends in `Request`, or its prose has
    /// a line `Direction: request`): a change that tightens the rules breaks them.
    Request,
    /// Received by them (`Response`, `Direction: response`): a change that loosens the rules
    /// breaks them.
    Response,
    /// Neither said: a change that tightens or loosens breaks someone.
    Unknown,
}

/// The direction of the item `name` of `module`: its prose's `Direction:` line, else its name.
pub(crate) fn of(module: &Module, name: &str) -> Direction {
    let annotated = module.item(name).and_then(|item| {
        item.doc.lines().find_map(|line| {
            let value = line.trim().strip_prefix("Direction:")?.trim();
            match value.to_ascii_lowercase().as_str() {
                "request" => Some(Direction::Request),
                "response" => Some(Direction::Response),
                _ => None,
            }
        })
    });
    annotated.unwrap_or(if name.ends_with("Request") {
        Direction::Request
    } else if name.ends_with("Response") {
        Direction::Response
    } else {
        Direction::Unknown
    })
}

impl Direction {
    /// The change `what` at `path` of `item`, classed by its effect for this direction, with
    /// whom it breaks said after it.
    pub(crate) fn change(self, item: &str, path: String, what: String, effect: Effect) -> Change {
        let senders = effect.tightens && self != Direction::Response;
        let receivers = effect.loosens && self != Direction::Request;
        let (class, change) = match (senders, receivers) {
            (true, true) => (
                Class::Breaking,
                format!("{what} (breaks senders and receivers)"),
            ),
            (true, false) => (Class::Breaking, format!("{what} (breaks senders)")),
            (false, true) => (Class::Breaking, format!("{what} (breaks receivers)")),
            (false, false) => (Class::Compatible, what),
        };
        Change {
            item: item.to_owned(),
            path,
            change,
            class,
        }
    }
}
