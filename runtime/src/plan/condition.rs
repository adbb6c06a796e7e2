//! Conditions (docs/SEMANTICS.md §3): what a conditional requirement or a conditional format
//! reads ([`FactPath`]), what it finds there ([`Fact`]), and when it holds ([`Condition`]).
//!
//! A condition never reads a document itself: the caller answers for the paths it names
//! ([`Facts`]), each in its own way — the decoder from the slots it read, `validate()` from the
//! Rust value, the dynamic validator from its tree — and [`Condition::eval`] decides, the same
//! for all of them.

/// Where a condition reads: `up` objects above the field's own object (0: the object itself,
/// 1: its parent, written `super.`), then `steps` down through objects, each step the wire
/// identifier of a field (`result.resultStatus`: two steps).
///
/// `at` numbers the paths of the field's own object (`up == 0`) for callers that answer by
/// index: a one-step path (a sibling) is the sibling's index in the table; a longer one comes
/// after the fields, in the order the object's conditions first name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FactPath<'a> {
    /// How many objects up the path starts (`super.super.x`: 2).
    pub up: u8,
    /// For a path of the field's own object: its index (see above); unused otherwise.
    pub at: usize,
    /// The wire identifiers, from the starting object down to the field read.
    pub steps: &'a [&'a str],
}

impl<'a> FactPath<'a> {
    /// A path of the field's own object, numbered `at` (a sibling: its index in the table).
    pub const fn own(at: usize, steps: &'a [&'a str]) -> FactPath<'a> {
        FactPath { up: 0, at, steps }
    }

    /// A path that starts `up` objects above the field's own (`super.` is 1).
    pub const fn up(up: u8, steps: &'a [&'a str]) -> FactPath<'a> {
        FactPath {
            up,
            at: usize::MAX,
            steps,
        }
    }
}

/// A value a condition compares with, of the JSON kind of the field its path ends at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Value<'a> {
    /// A string (of a string or enum field), compared as raw text.
    Str(&'a str),
    /// `true` or `false` (of a `Boolean` field).
    Bool(bool),
    /// An integer (of an `Integer` field).
    Int(i64),
}

/// What is found at the end of a condition's path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fact<'v> {
    /// Nothing: the key does not occur, its value is `null`, or a step before it went through
    /// a value that is absent, `null` or not an object.
    Absent,
    /// A JSON string.
    Str(&'v str),
    /// `true` or `false`.
    Bool(bool),
    /// A JSON number that is an integer in `i64` range.
    Int(i64),
    /// A present value of another kind: it equals no value of a condition, but is present.
    Other,
    /// A fact of an ancestor object that is not known where the field is checked (the
    /// decoder reads in one pass; see `decode`'s docs): the condition is decided later.
    Later,
}

impl Fact<'_> {
    /// Whether the fact equals `value`: same kind, same value (raw string comparison).
    #[inline]
    pub(crate) fn equals(&self, value: &Value<'_>) -> bool {
        match (self, value) {
            (Fact::Str(a), Value::Str(b)) => a == b,
            (Fact::Bool(a), Value::Bool(b)) => a == b,
            (Fact::Int(a), Value::Int(b)) => a == b,
            _ => false,
        }
    }

    /// The fact of a string read for a condition from outside its object, as one of `known`
    /// (every value a condition of the schema compares it with) so that it borrows nothing:
    /// a string equal to none of them is [`Fact::Other`] — for every condition, the same
    /// verdict.
    ///
    /// ```
    /// use fieldtab_runtime::plan::Fact;
    ///
    /// const KNOWN: &[&str] = &["S", "F"];
    /// assert_eq!(Fact::Str("F").known(KNOWN), Fact::Str("F"));
    /// assert_eq!(Fact::Str("X").known(KNOWN), Fact::Other);
    /// assert_eq!(Fact::Bool(true).known(KNOWN), Fact::Bool(true));
    /// ```
    #[inline]
    pub fn known(self, known: &'static [&'static str]) -> Fact<'static> {
        match self {
            Fact::Str(s) => known
                .iter()
                .find(|k| **k == s)
                .map_or(Fact::Other, |k| Fact::Str(k)),
            Fact::Absent => Fact::Absent,
            Fact::Bool(b) => Fact::Bool(b),
            Fact::Int(i) => Fact::Int(i),
            Fact::Other => Fact::Other,
            Fact::Later => Fact::Later,
        }
    }
}

impl From<bool> for Fact<'_> {
    fn from(value: bool) -> Self {
        Fact::Bool(value)
    }
}

impl From<i64> for Fact<'_> {
    fn from(value: i64) -> Self {
        Fact::Int(value)
    }
}

impl<'v> From<&'v str> for Fact<'v> {
    fn from(value: &'v str) -> Self {
        Fact::Str(value)
    }
}

impl<'v> From<&'v String> for Fact<'v> {
    fn from(value: &'v String) -> Self {
        Fact::Str(value)
    }
}

impl<'v, T> From<Option<T>> for Fact<'v>
where
    T: Into<Fact<'v>>,
{
    /// The value's fact, or [`Fact::Absent`].
    fn from(value: Option<T>) -> Self {
        value.map_or(Fact::Absent, Into::into)
    }
}

/// A condition (docs/SEMANTICS.md §3), as a field's plan holds it: built in constant context
/// by generated tables, or from the schema model.
///
/// `PATH != V` is `Not(In(..))`, `PATH is absent` is `Not(Present(..))`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Condition<'a> {
    /// `PATH = V` or `PATH in (V1, V2)`: the value at the path is present, of the kind of the
    /// values, and equal to one of them.
    In(FactPath<'a>, &'a [Value<'a>]),
    /// `PATH is present`: the value at the path is present and not `null`.
    Present(FactPath<'a>),
    /// `not C`.
    Not(&'a Condition<'a>),
    /// `C1 and C2 and …`.
    All(&'a [Condition<'a>]),
    /// `C1 or C2 or …`.
    Any(&'a [Condition<'a>]),
}

/// What the paths of a condition lead to, as the caller knows it.
///
/// A closure `Fn(usize) -> Fact` answers for the paths of the field's own object by their
/// index ([`FactPath::at`]) and knows nothing above it ([`Fact::Later`]); [`FactsWith`] also
/// answers the objects under it.
pub trait Facts<'s> {
    /// The fact at `path`.
    fn fact(&self, path: &FactPath<'_>) -> Fact<'s>;

    /// The fact at `steps` from this object, for the `super.` path of a condition of an object
    /// under it (docs/SEMANTICS.md §3.2), once this object is read. Absent unless the object
    /// answers: no condition reads up into it.
    #[inline]
    fn below(&self, steps: &[&str]) -> Fact<'s> {
        let _ = steps;
        Fact::Absent
    }
}

impl<'s, 'f: 's, F> Facts<'s> for F
where
    F: Fn(usize) -> Fact<'f>,
{
    #[inline]
    fn fact(&self, path: &FactPath<'_>) -> Fact<'s> {
        if path.up == 0 {
            self(path.at)
        } else {
            Fact::Later
        }
    }
}

/// The facts of an object that conditions of objects under it read with `super.`: `own`
/// answers its own conditions by index (as a closure does alone), `below` the paths from it
/// by their steps ([`Facts::below`]).
#[derive(Clone, Copy, Debug)]
pub struct FactsWith<O, B>(pub O, pub B);

impl<'s, O, B> Facts<'s> for FactsWith<O, B>
where
    O: Facts<'s>,
    B: Fn(&[&str]) -> Fact<'s>,
{
    #[inline]
    fn fact(&self, path: &FactPath<'_>) -> Fact<'s> {
        self.0.fact(path)
    }

    #[inline]
    fn below(&self, steps: &[&str]) -> Fact<'s> {
        (self.1)(steps)
    }
}

/// `F`'s facts, with nothing above the object: a fact above is absent (docs/SEMANTICS.md
/// §3.2), never [`Fact::Later`].
pub(crate) struct NothingAbove<'f, F>(pub(crate) &'f F);

impl<'s, F: Facts<'s>> Facts<'s> for NothingAbove<'_, F> {
    #[inline]
    fn fact(&self, path: &FactPath<'_>) -> Fact<'s> {
        match self.0.fact(path) {
            Fact::Later => Fact::Absent,
            fact => fact,
        }
    }
}

/// The facts of an object whose table has no condition: none is ever read.
#[inline]
pub fn no_siblings(_: usize) -> Fact<'static> {
    Fact::Absent
}

impl Condition<'_> {
    /// Whether the condition holds for `facts`: `Some(true)` or `Some(false)`, or `None` when
    /// it depends on a fact not known yet ([`Fact::Later`]). Three-valued: `false and x` is
    /// false and `true or x` is true whatever `x` is.
    ///
    /// ```
    /// use fieldtab_runtime::plan::{Condition, Fact, FactPath, Value};
    ///
    /// const TYPE: FactPath<'static> = FactPath::own(0, &["type"]);
    /// const PAID: FactPath<'static> = FactPath::own(1, &["paid"]);
    /// let when = Condition::All(&[
    ///     Condition::In(TYPE, &[Value::Str("RATIO"), Value::Str("41")]),
    ///     Condition::Not(&Condition::In(PAID, &[Value::Bool(true)])),
    /// ]);
    /// let facts = |i: usize| [Fact::Str("41"), Fact::Bool(false)][i];
    /// assert_eq!(when.eval(&facts), Some(true));
    /// let facts = |i: usize| [Fact::Str("ratio"), Fact::Absent][i];
    /// assert_eq!(when.eval(&facts), Some(false));
    /// ```
    #[inline]
    pub fn eval<'s>(&self, facts: &impl Facts<'s>) -> Option<bool> {
        match self {
            Condition::In(path, values) => match facts.fact(path) {
                Fact::Later => None,
                fact => Some(values.iter().any(|value| fact.equals(value))),
            },
            Condition::Present(path) => match facts.fact(path) {
                Fact::Later => None,
                Fact::Absent => Some(false),
                _ => Some(true),
            },
            Condition::Not(inner) => inner.eval(facts).map(|holds| !holds),
            Condition::All(all) => {
                let mut known = Some(true);
                for condition in *all {
                    match condition.eval(facts) {
                        Some(false) => return Some(false),
                        Some(true) => {}
                        None => known = None,
                    }
                }
                known
            }
            Condition::Any(any) => {
                let mut known = Some(false);
                for condition in *any {
                    match condition.eval(facts) {
                        Some(true) => return Some(true),
                        Some(false) => {}
                        None => known = None,
                    }
                }
                known
            }
        }
    }

    /// Whether the condition holds, every fact being known.
    #[inline]
    pub fn holds<'s>(&self, facts: &impl Facts<'s>) -> bool {
        self.eval(facts) == Some(true)
    }

    /// Whether a path of the condition starts above the field's own object (`super.`).
    pub fn reads_up(&self) -> bool {
        let mut up = false;
        self.for_each_path(&mut |path| up |= path.up > 0);
        up
    }

    /// Calls `f` with each path the condition reads, in order.
    pub fn for_each_path<'c>(&'c self, f: &mut impl FnMut(&'c FactPath<'c>)) {
        match self {
            Condition::In(path, _) | Condition::Present(path) => f(path),
            Condition::Not(inner) => inner.for_each_path(f),
            Condition::All(list) | Condition::Any(list) => {
                for condition in *list {
                    condition.for_each_path(f);
                }
            }
        }
    }
}

/// A generated struct that conditions of other objects read into (`result.resultStatus` read
/// from the object holding `result`): what they find, by the index code generation gives each
/// path into it — the facts its decoder sets ([`Decode::decode_exporting`]), here for
/// `validate()` from the Rust value.
///
/// [`Decode::decode_exporting`]: crate::Decode::decode_exporting
pub trait Exports {
    /// The fact at the path numbered `at`.
    fn export(&self, at: usize) -> Fact<'static>;
}

impl<T: Exports> Exports for Option<T> {
    /// [`Fact::Absent`] for `None`: a path through an absent object is absent.
    #[inline]
    fn export(&self, at: usize) -> Fact<'static> {
        self.as_ref().map_or(Fact::Absent, |value| value.export(at))
    }
}
