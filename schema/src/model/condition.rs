//! Conditions of conditional requirements and conditional formats (docs/SEMANTICS.md §3), as
//! the checker leaves them: every path resolves, every value is of the kind of the field its
//! path ends at.

use std::fmt;

use super::Object;

/// A condition (`type = GIFT`, `result.resultStatus = S and success = false`,
/// `not (super.kind in (A, B))`).
///
/// `PATH != V` is read as `Not(In(PATH, [V]))` and `PATH is absent` as `Not(Present(PATH))`.
#[derive(Clone, Debug, PartialEq)]
pub enum Condition {
    /// `PATH = V` or `PATH in (V1, V2)`: the value at the path is present, of the field's JSON
    /// kind, and equal to one of the values.
    In(FieldPath, Vec<Value>),
    /// `PATH is present`: present and not `null`.
    Present(FieldPath),
    /// `not C`.
    Not(Box<Condition>),
    /// `C1 and C2 and …`.
    All(Vec<Condition>),
    /// `C1 or C2 or …`.
    Any(Vec<Condition>),
}

/// What a condition reads: `up` objects above the field's own object (`super.` each), then
/// `steps` down through fields of objects (`result.resultStatus`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldPath {
    /// How many `super.` the path starts with.
    pub up: usize,
    /// The wire identifiers, from the starting object down to the field read (at least one).
    pub steps: Vec<String>,
}

/// A value a condition compares with, of the kind of the field its path ends at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// A string (of a type code, `String` or an enum), compared as raw text.
    Str(String),
    /// `true` or `false` (of a `Boolean`).
    Bool(bool),
    /// An integer (of an `Integer`).
    Int(i64),
}

impl FieldPath {
    /// The path written `text` (`type`, `result.resultStatus`, `super.super.kind`).
    pub fn parse(text: &str) -> FieldPath {
        let mut steps: Vec<String> = text.split('.').map(str::to_owned).collect();
        let up = steps.iter().take_while(|step| *step == "super").count();
        // A path is never only `super`s: the last one names a field then.
        let up = up.min(steps.len() - 1);
        steps.drain(..up);
        FieldPath { up, steps }
    }

    /// The path of a sibling field.
    pub fn sibling(ident: impl Into<String>) -> FieldPath {
        FieldPath {
            up: 0,
            steps: vec![ident.into()],
        }
    }

    /// The sibling's identifier, when the path names a field of the same object.
    pub fn as_sibling(&self) -> Option<&str> {
        match self.steps.as_slice() {
            [one] if self.up == 0 => Some(one),
            _ => None,
        }
    }
}

impl fmt::Display for FieldPath {
    /// As a condition writes it: `super.result.resultStatus`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for _ in 0..self.up {
            f.write_str("super.")?;
        }
        f.write_str(&self.steps.join("."))
    }
}

impl fmt::Display for Value {
    /// As a condition writes it: a bare word when it reads back the same, else a JSON string.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Str(s) if is_bare(s) => f.write_str(s),
            Value::Str(s) => write!(f, "{}", serde_json::Value::from(s.as_str())),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
        }
    }
}

/// Whether `text` reads back as itself when written bare in a condition.
fn is_bare(text: &str) -> bool {
    !text.is_empty()
        && !text.chars().any(|c| {
            c.is_whitespace() || matches!(c, '(' | ')' | ',' | '=' | '!' | '"' | '`' | '\'')
        })
}

impl Condition {
    /// `path in (values)` on string values (`path` as [`FieldPath::parse`] reads it): what
    /// the conditions of most tables are.
    pub fn one_of(path: &str, values: &[&str]) -> Condition {
        Condition::In(
            FieldPath::parse(path),
            values.iter().map(|v| Value::Str((*v).to_owned())).collect(),
        )
    }

    /// Calls `f` with each path the condition reads, in the order it is written.
    pub fn for_each_path<'c>(&'c self, f: &mut impl FnMut(&'c FieldPath)) {
        match self {
            Condition::In(path, _) | Condition::Present(path) => f(path),
            Condition::Not(inner) => inner.for_each_path(f),
            Condition::All(list) | Condition::Any(list) => {
                for condition in list {
                    condition.for_each_path(f);
                }
            }
        }
    }

    /// Calls `f` with each comparison (`In`) and presence test (`Present`, with no values),
    /// in the order they are written: what the checker holds to the fields they name.
    pub fn for_each_atom<'c>(&'c self, f: &mut impl FnMut(&'c FieldPath, Option<&'c [Value]>)) {
        match self {
            Condition::In(path, values) => f(path, Some(values)),
            Condition::Present(path) => f(path, None),
            Condition::Not(inner) => inner.for_each_atom(f),
            Condition::All(list) | Condition::Any(list) => {
                for condition in list {
                    condition.for_each_atom(f);
                }
            }
        }
    }

    /// [`Condition::for_each_atom`], the values mutable (the checker types them).
    pub(crate) fn for_each_atom_mut(
        &mut self,
        f: &mut impl FnMut(&FieldPath, Option<&mut Vec<Value>>),
    ) {
        match self {
            Condition::In(path, values) => f(path, Some(values)),
            Condition::Present(path) => f(path, None),
            Condition::Not(inner) => inner.for_each_atom_mut(f),
            Condition::All(list) | Condition::Any(list) => {
                for condition in list {
                    condition.for_each_atom_mut(f);
                }
            }
        }
    }

    /// Whether some path of the condition starts above the field's own object (`super.`).
    pub fn reads_up(&self) -> bool {
        let mut up = false;
        self.for_each_path(&mut |path| up |= path.up > 0);
        up
    }
}

impl fmt::Display for Condition {
    /// As a condition cell writes it, with parentheses only where they are needed:
    /// `type in (A, B) and not (paid = true or kind is absent)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, Precedence::Or)
    }
}

/// How tightly a context binds what is written in it.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Precedence {
    Or,
    And,
    Unary,
}

impl Condition {
    fn precedence(&self) -> Precedence {
        match self {
            Condition::Any(list) if list.len() > 1 => Precedence::Or,
            Condition::All(list) if list.len() > 1 => Precedence::And,
            _ => Precedence::Unary,
        }
    }

    fn write(&self, f: &mut fmt::Formatter<'_>, context: Precedence) -> fmt::Result {
        let parenthesized = self.precedence() < context;
        if parenthesized {
            f.write_str("(")?;
        }
        match self {
            Condition::In(path, values) => match values.as_slice() {
                [one] => write!(f, "{path} = {one}")?,
                many => {
                    let many: Vec<String> = many.iter().map(ToString::to_string).collect();
                    write!(f, "{path} in ({})", many.join(", "))?;
                }
            },
            Condition::Present(path) => write!(f, "{path} is present")?,
            Condition::Not(inner) => match inner.as_ref() {
                Condition::In(path, values) if values.len() == 1 => {
                    write!(f, "{path} != {}", values[0])?;
                }
                Condition::Present(path) => write!(f, "{path} is absent")?,
                inner => {
                    f.write_str("not ")?;
                    inner.write(f, Precedence::Unary)?;
                }
            },
            Condition::All(list) | Condition::Any(list) => {
                let (word, inner) = match self {
                    Condition::All(_) => (" and ", Precedence::Unary),
                    _ => (" or ", Precedence::And),
                };
                for (i, condition) in list.iter().enumerate() {
                    if i > 0 {
                        f.write_str(word)?;
                    }
                    condition.write(f, inner)?;
                }
            }
        }
        if parenthesized {
            f.write_str(")")?;
        }
        Ok(())
    }
}

impl Object {
    /// The paths into sibling objects (`result.resultStatus`: more than one step, from this
    /// object) that the conditions of this object's fields read, each once, in the order they
    /// are first named (requirements and conditional formats, in table order). They are
    /// numbered after the fields: the path at index `k` here is the object's fact
    /// `fields.len() + k` (a sibling's fact is its index in the table).
    pub fn nested_paths(&self) -> Vec<&[String]> {
        let mut paths: Vec<&[String]> = Vec::new();
        for condition in self.fields.iter().flat_map(super::Field::conditions) {
            condition.for_each_path(&mut |path| {
                if path.up == 0 && path.steps.len() > 1 && !paths.contains(&path.steps.as_slice()) {
                    paths.push(&path.steps);
                }
            });
        }
        paths
    }

    /// The number of the fact at `steps` (from this object), as [`Object::nested_paths`] says;
    /// `usize::MAX` when the object's conditions do not read it.
    pub fn fact_index(&self, steps: &[String]) -> usize {
        match steps {
            [one] => self.fields.iter().position(|field| &field.ident == one),
            _ => self
                .nested_paths()
                .iter()
                .position(|path| *path == steps)
                .map(|k| self.fields.len() + k),
        }
        .unwrap_or(usize::MAX)
    }
}
