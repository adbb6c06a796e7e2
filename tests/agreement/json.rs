//! The documents the test writes: objects keep member order and duplicate keys, and a value can
//! be any raw JSON text, malformed included. Neither `serde_json::Value` (one value per key,
//! numbers parsed) nor the dynamic validator's tree (parsed, numbers reduced to their kind) can
//! hold those documents, so this small tree writes them.

/// A JSON document under construction: objects keep member order and duplicate keys.
#[derive(Clone, Debug)]
pub(crate) enum Node {
    Null,
    Bool(bool),
    /// A number, or any raw JSON text, as written (`7`, `1e3`, `"\u0034"`, even `01`).
    Num(String),
    Str(String),
    Arr(Vec<Node>),
    Obj(Vec<(String, Node)>),
}

impl Node {
    fn write(&self, out: &mut String) {
        match self {
            Node::Null => out.push_str("null"),
            Node::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Node::Num(n) => out.push_str(n),
            Node::Str(s) => out.push_str(&serde_json::to_string(s).unwrap()),
            Node::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Node::Obj(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&serde_json::to_string(key).unwrap());
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }

    pub(crate) fn text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    /// The number of objects in the tree (this one included).
    pub(crate) fn objects(&self) -> usize {
        match self {
            Node::Obj(members) => 1 + members.iter().map(|(_, v)| v.objects()).sum::<usize>(),
            Node::Arr(items) => items.iter().map(Node::objects).sum(),
            _ => 0,
        }
    }

    /// The members of the `n`-th object (depth first, pre-order).
    pub(crate) fn object_mut(&mut self, n: &mut usize) -> Option<&mut Vec<(String, Node)>> {
        match self {
            Node::Obj(_) if *n == 0 => match self {
                Node::Obj(members) => Some(members),
                _ => None,
            },
            Node::Obj(members) => {
                *n -= 1;
                members.iter_mut().find_map(|(_, v)| v.object_mut(n))
            }
            Node::Arr(items) => items.iter_mut().find_map(|v| v.object_mut(n)),
            _ => None,
        }
    }
}
