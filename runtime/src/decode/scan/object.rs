//! The walk of one object: its members read into values, then each field checked by its plan.

use std::cell::Cell;

use serde::de::DeserializeSeed;

use super::{MAX_UNKNOWN, ScanKind, ScanTable, Scanner, Stop};
use crate::Counted;
use crate::decode::fast::{IsoStr, utf8};
use crate::decode::skip::Skip;
use crate::plan::{Fact, FactPath, Facts, FieldPlan, Seen, Text, check_groups};

/// What the walk saw for one field.
#[derive(Clone, Copy, Debug)]
enum Val<'de> {
    /// The key did not occur.
    Absent,
    /// `null`.
    Null,
    /// A string without escapes, and its charset verdict when the walk checked it.
    Str(&'de str, Option<bool>),
    /// A string with an escape: its unescaped text is `arena[start..end]`.
    Escaped(usize, usize),
    /// A number, as written.
    Num(&'de str),
    /// `true` or `false`.
    Bool(bool),
    /// An object or an array, walked and checked where it was read.
    Walked,
}

impl Val<'_> {
    /// The value as the field's plan sees it.
    #[inline(always)]
    fn seen<'v>(&'v self, arena: &'v str) -> Seen<'v> {
        match *self {
            Val::Absent => Seen::Absent,
            Val::Null => Seen::Null,
            Val::Str(text, charset) => Seen::Str(text, charset),
            Val::Escaped(start, end) => Seen::Str(&arena[start..end], None),
            Val::Num(text) => Seen::Num(text),
            Val::Bool(b) => Seen::Bool(b),
            Val::Walked => Seen::Decoded,
        }
    }

    /// Whether the field holds a value (what a group counts).
    #[inline(always)]
    fn is_present(&self) -> bool {
        !matches!(self, Val::Absent | Val::Null)
    }
}

/// What the conditions of an object read: its own fields, as the decoder's slots give them
/// (`StrValue::fact`, `Slot::fact`). A fact the walk does not know exactly (a path into another
/// object, one above, a number it does not read as the decoder does) sets `unsure`, and the
/// walk then stops: the verdict would rest on a guess.
struct ScanFacts<'a, 'de> {
    vals: &'a [Val<'de>],
    kinds: &'static [ScanKind],
    arena: &'a str,
    unsure: Cell<bool>,
}

impl<'a> Facts<'a> for ScanFacts<'a, '_> {
    fn fact(&self, path: &FactPath<'_>) -> Fact<'a> {
        let own = (path.up == 0 && path.steps.len() == 1)
            .then(|| Some((self.vals.get(path.at)?, self.kinds.get(path.at)?)))
            .flatten();
        let fact = own.and_then(|(val, kind)| match (*val, kind) {
            (Val::Absent | Val::Null, _) => Some(Fact::Absent),
            (Val::Str(text, _), ScanKind::Str) => Some(Fact::Str(text)),
            (Val::Escaped(start, end), ScanKind::Str) => Some(Fact::Str(&self.arena[start..end])),
            // A number or a Boolean in a string field is read as its text.
            (Val::Num(text), ScanKind::Str) => Some(Fact::Str(text)),
            (Val::Bool(b), ScanKind::Str) => Some(Fact::Str(if b { "true" } else { "false" })),
            (Val::Num(text), ScanKind::Integer) => plain_integer(text).map(Fact::Int),
            (Val::Bool(b), ScanKind::Boolean) => Some(Fact::Bool(b)),
            (Val::Walked, _) | (Val::Num(_), ScanKind::Number) => Some(Fact::Other),
            _ => None,
        });
        fact.unwrap_or_else(|| {
            self.unsure.set(true);
            Fact::Absent
        })
    }
}

/// The value of an integer written without fraction, exponent or `-0`, as the decoder reads it;
/// `None` for any other form.
fn plain_integer(text: &str) -> Option<i64> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || text == "-0" {
        return None;
    }
    text.parse().ok()
}

/// Whether two keys are the same bytes. Keys are short: up to 16 bytes they are compared as
/// two words (or bytes) that overlap, inline, where `==` on slices calls `memcmp`, which costs
/// more than the comparison for most of them.
#[inline(always)]
pub(super) fn same_key(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let word = |chunk: Option<&[u8; 8]>| chunk.map(|c| u64::from_le_bytes(*c));
    let half = |chunk: Option<&[u8; 4]>| chunk.map(|c| u32::from_le_bytes(*c));
    match a.len() {
        0 => true,
        // Bytes 0, len/2 and len - 1 cover a key of 1 to 3 bytes.
        1..=3 => a[0] == b[0] && a[a.len() / 2] == b[b.len() / 2] && a.last() == b.last(),
        4..=7 => {
            half(a.first_chunk()) == half(b.first_chunk())
                && half(a.last_chunk()) == half(b.last_chunk())
        }
        8..=16 => {
            word(a.first_chunk()) == word(b.first_chunk())
                && word(a.last_chunk()) == word(b.last_chunk())
        }
        _ => a == b,
    }
}

impl<'de> Scanner<'de> {
    /// Walks the object whose `{` is next, of the struct of `table` (`N` fields), and checks
    /// it: every field by its plan, then its groups. Generated code calls it from the struct's
    /// [`ScanFn`](super::ScanFn).
    #[doc(hidden)]
    #[inline]
    pub fn object<const N: usize>(&mut self, table: &'static ScanTable) -> Result<(), Stop> {
        let arena_start = self.arena.len();
        let vals = self.members::<N>(table)?;
        let fields: &'static [FieldPlan<'static>; N] = table.fields.try_into().map_err(|_| Stop)?;
        let facts = ScanFacts {
            vals: &vals,
            kinds: table.kinds,
            arena: &self.arena,
            unsure: Cell::new(false),
        };
        let path = Scanner::path();
        for (plan, val) in fields.iter().zip(&vals) {
            // Most fields are a string whose charset the walk checked: the shortcut proves them
            // without the full check's dispatch, which decides the others.
            if let Val::Str(text, charset) = *val
                && plan.surely_passes_str(text, charset)
            {
                continue;
            }
            if !plan.check(
                val.seen(&self.arena),
                &mut Text,
                &facts,
                &path,
                &mut self.report,
            ) {
                return Err(Stop);
            }
        }
        let present = |i: usize| vals.get(i).is_some_and(Val::is_present);
        if facts.unsure.get() || !check_groups(table.groups, present, &path, &mut self.report) {
            return Err(Stop);
        }
        // The object's escaped strings are checked: their room is free again.
        self.arena.truncate(arena_start);
        Ok(())
    }

    /// The members of the object whose `{` is next: each field's value, in table order.
    #[inline(always)]
    fn members<const N: usize>(
        &mut self,
        table: &'static ScanTable,
    ) -> Result<[Val<'de>; N], Stop> {
        let mut vals = [Val::Absent; N];
        let mut unknown: [&[u8]; MAX_UNKNOWN] = [&[]; MAX_UNKNOWN];
        let mut unknowns = 0;
        let deny = self.deny_unknown || table.deny_unknown;
        // The field expected next: the one after the last one read.
        let mut next = 0;
        if self.open(b'}')? {
            return Ok(vals);
        }
        loop {
            if self.de.next_token()? != b'"' {
                return Err(Stop);
            }
            let expected = table.fields.get(next).map(|plan| plan.ident.as_bytes());
            let (key, at) = match expected {
                // Messages are mostly written in table order: the key expected next is compared
                // in place, without the scan for the key's end.
                Some(ident) if table.plain_keys && self.key_in_place(ident) => (ident, Some(next)),
                _ => {
                    let (key, ascii) = self.de.raw_string()?;
                    if !ascii {
                        return Err(Stop);
                    }
                    let at = table
                        .fields
                        .iter()
                        .position(|plan| same_key(plan.ident.as_bytes(), key));
                    (key, at)
                }
            };
            if self.de.next_token()? != b':' {
                return Err(Stop);
            }
            self.de.pos += 1;
            match at {
                Some(i) => {
                    let (Some(val), Some(kind)) = (vals.get_mut(i), table.kinds.get(i)) else {
                        return Err(Stop);
                    };
                    if !matches!(val, Val::Absent) {
                        return Err(Stop);
                    }
                    *val = self.value(*kind, &table.fields[i])?;
                    next = i + 1;
                }
                None => {
                    if deny || unknowns == MAX_UNKNOWN || unknown[..unknowns].contains(&key) {
                        return Err(Stop);
                    }
                    unknown[unknowns] = key;
                    unknowns += 1;
                    Skip.deserialize(&mut self.de)?;
                }
            }
            if !self.more(b'}')? {
                return Ok(vals);
            }
        }
    }

    /// Whether the string whose opening quote is next is `ident` (plain: see
    /// [`plain_keys`](super::plain_keys)); then consumed. The bytes after the quote are `ident`
    /// and a closing quote exactly when the string is `ident`: a plain key holds no byte that
    /// would end or escape the string before it.
    #[inline(always)]
    fn key_in_place(&mut self, ident: &[u8]) -> bool {
        let start = self.de.pos + 1;
        let end = start + ident.len();
        match self.de.input.get(start..=end) {
            Some([bytes @ .., b'"']) if same_key(bytes, ident) => {
                self.de.pos = end + 1;
                true
            }
            _ => false,
        }
    }

    /// Past the `{` or `[` that is next, one level deeper (serde_json's depth limit applies):
    /// whether the object or array is empty (then `close` is consumed and the level left).
    #[inline(always)]
    fn open(&mut self, close: u8) -> Result<bool, Stop> {
        self.de.enter()?;
        if self.de.next_token()? == close {
            self.de.pos += 1;
            self.de.depth -= 1;
            return Ok(true);
        }
        Ok(false)
    }

    /// After a member or an element: `true` past a `,`, `false` past the closing `close` (the
    /// level left).
    #[inline(always)]
    fn more(&mut self, close: u8) -> Result<bool, Stop> {
        match self.de.next_token()? {
            b',' => {
                self.de.pos += 1;
                Ok(true)
            }
            b if b == close => {
                self.de.pos += 1;
                self.de.depth -= 1;
                Ok(false)
            }
            _ => Err(Stop),
        }
    }

    /// The value of a field of kind `kind` and plan `plan`, whose first byte is next.
    #[inline(always)]
    fn value(&mut self, kind: ScanKind, plan: &FieldPlan<'static>) -> Result<Val<'de>, Stop> {
        let accepts = plan.accepts;
        match (self.de.next_token()?, kind) {
            (b'"', ScanKind::Str) => self.string(plan),
            (b'"', ScanKind::Integer | ScanKind::Number | ScanKind::Boolean) if accepts.string => {
                self.string(plan)
            }
            (b'n', _) => {
                self.de.literal(b"null")?;
                Ok(Val::Null)
            }
            (b't' | b'f', ScanKind::Boolean) => self.boolean(),
            (b't' | b'f', ScanKind::Str) if accepts.boolean => self.boolean(),
            (b'-' | b'0'..=b'9', ScanKind::Integer | ScanKind::Number) => self.number(),
            (b'-' | b'0'..=b'9', ScanKind::Str) if accepts.number => self.number(),
            (b'{', ScanKind::Object(scan)) => {
                scan(self)?;
                Ok(Val::Walked)
            }
            (b'[', ScanKind::Array(element)) => {
                let count = self.array(*element, plan)?;
                if !plan.check_count(count, Counted::Elements, &Scanner::path(), &mut self.report) {
                    return Err(Stop);
                }
                Ok(Val::Walked)
            }
            // A value of another kind (a `type` violation), or one the scanner does not judge.
            _ => Err(Stop),
        }
    }

    /// The string whose opening quote is next, its charset checked in the scan when the plan
    /// has one (a byte out of it is a violation: stop).
    #[inline(always)]
    fn string(&mut self, plan: &FieldPlan<'static>) -> Result<Val<'de>, Stop> {
        match plan.rules.charset {
            Some(charset) => match self.de.iso_string(charset)? {
                IsoStr::InCharset(text) => Ok(Val::Str(text, Some(true))),
                IsoStr::OutOfCharset(_) => Err(Stop),
                IsoStr::Escaped => self.escaped(),
            },
            None => match self.de.raw_string() {
                Ok((bytes, ascii)) => Ok(Val::Str(utf8(bytes, ascii)?, None)),
                Err(_) => self.escaped(),
            },
        }
    }

    /// A string with an escape, its opening quote next: unescaped into the arena.
    #[cold]
    fn escaped(&mut self) -> Result<Val<'de>, Stop> {
        let text = self.de.escaped_string()?;
        if self.arena.capacity() == 0 {
            self.arena = crate::decode::spare::text();
        }
        let start = self.arena.len();
        self.arena.push_str(text);
        Ok(Val::Escaped(start, self.arena.len()))
    }

    #[inline(always)]
    fn boolean(&mut self) -> Result<Val<'de>, Stop> {
        if self.de.peek() == Some(b't') {
            self.de.literal(b"true")?;
            Ok(Val::Bool(true))
        } else {
            self.de.literal(b"false")?;
            Ok(Val::Bool(false))
        }
    }

    #[inline(always)]
    fn number(&mut self) -> Result<Val<'de>, Stop> {
        let text = self.de.number_text()?;
        // The number grammar is ASCII.
        Ok(Val::Num(utf8(text, true)?))
    }

    /// The array whose `[` is next, each element of kind `element` checked by `plan`: how many
    /// elements it has.
    fn array(&mut self, element: ScanKind, plan: &FieldPlan<'static>) -> Result<usize, Stop> {
        if self.open(b']')? {
            return Ok(0);
        }
        let mut count = 0;
        loop {
            self.element(element, plan)?;
            count += 1;
            if !self.more(b']')? {
                return Ok(count);
            }
        }
    }

    /// One element of an array field: a value, with no requirement (`null` is a `type`
    /// violation), checked by [`FieldPlan::check_value`].
    fn element(&mut self, kind: ScanKind, plan: &FieldPlan<'static>) -> Result<(), Stop> {
        let arena_start = self.arena.len();
        let val = match (self.de.next_token()?, kind) {
            (b'n', _) => return Err(Stop),
            (b'{', ScanKind::Object(scan)) => return scan(self),
            // An inner array is not counted: only the field's own is.
            (b'[', ScanKind::Array(inner)) => return self.array(*inner, plan).map(drop),
            _ => self.value(kind, plan)?,
        };
        let path = Scanner::path();
        let valid = plan.check_value(val.seen(&self.arena), &mut Text, &path, &mut self.report);
        self.arena.truncate(arena_start);
        if valid { Ok(()) } else { Err(Stop) }
    }
}
