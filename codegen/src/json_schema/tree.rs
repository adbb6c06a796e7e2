//! An ordered JSON tree: serde_json's `Value` sorts object keys unless its `preserve_order`
//! feature is on, and the export keeps the schema's order.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::Value;

/// A JSON value whose objects keep their keys in insertion order.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Node {
    Bool(bool),
    Int(i64),
    Str(String),
    Arr(Vec<Node>),
    Obj(Obj),
    /// An example value, as parsed.
    Raw(Value),
}

/// A JSON object whose keys keep their insertion order.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Obj(Vec<(String, Node)>);

impl Obj {
    pub(super) fn new() -> Self {
        Obj(Vec::new())
    }

    /// Sets `key`, in place when present, else at the end.
    pub(super) fn set(&mut self, key: impl Into<String>, value: impl Into<Node>) {
        let key = key.into();
        let value = value.into();
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some(entry) => entry.1 = value,
            None => self.0.push((key, value)),
        }
    }

    pub(super) fn with(mut self, key: impl Into<String>, value: impl Into<Node>) -> Self {
        self.set(key, value);
        self
    }

    pub(super) fn get(&self, key: &str) -> Option<&Node> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub(super) fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The keys, in order.
    pub(super) fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }

    pub(super) fn extend(&mut self, other: Obj) {
        for (k, v) in other.0 {
            self.set(k, v);
        }
    }

    /// [`Obj::extend`], by value.
    pub(super) fn extend_with(mut self, other: Obj) -> Self {
        self.extend(other);
        self
    }

    pub(super) fn to_value(&self) -> Value {
        Value::Object(
            self.0
                .iter()
                .map(|(k, v)| (k.clone(), v.to_value()))
                .collect(),
        )
    }
}

impl Node {
    pub(super) fn to_value(&self) -> Value {
        match self {
            Node::Bool(b) => Value::Bool(*b),
            Node::Int(i) => Value::from(*i),
            Node::Str(s) => Value::String(s.clone()),
            Node::Arr(a) => Value::Array(a.iter().map(Node::to_value).collect()),
            Node::Obj(o) => o.to_value(),
            Node::Raw(v) => v.clone(),
        }
    }
}

impl From<bool> for Node {
    fn from(b: bool) -> Self {
        Node::Bool(b)
    }
}

impl From<i64> for Node {
    fn from(i: i64) -> Self {
        Node::Int(i)
    }
}

impl From<u32> for Node {
    fn from(i: u32) -> Self {
        Node::Int(i64::from(i))
    }
}

impl From<i32> for Node {
    fn from(i: i32) -> Self {
        Node::Int(i64::from(i))
    }
}

impl From<&str> for Node {
    fn from(s: &str) -> Self {
        Node::Str(s.to_owned())
    }
}

impl From<String> for Node {
    fn from(s: String) -> Self {
        Node::Str(s)
    }
}

impl From<Obj> for Node {
    fn from(o: Obj) -> Self {
        Node::Obj(o)
    }
}

impl Serialize for Obj {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl Serialize for Node {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Node::Bool(b) => serializer.serialize_bool(*b),
            Node::Int(i) => serializer.serialize_i64(*i),
            Node::Str(s) => serializer.serialize_str(s),
            Node::Arr(a) => {
                let mut seq = serializer.serialize_seq(Some(a.len()))?;
                for v in a {
                    seq.serialize_element(v)?;
                }
                seq.end()
            }
            Node::Obj(o) => o.serialize(serializer),
            Node::Raw(v) => v.serialize(serializer),
        }
    }
}
