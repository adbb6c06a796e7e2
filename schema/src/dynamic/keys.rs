//! Repeated keys among members of one object, found in place: the members are kept as the
//! offsets of their keys (4 bytes each, fewer than the 5 bytes the smallest member takes in
//! the input), sorted by key to find the repeats, then put back in input order. No map of
//! keys is built, so an object of a million tiny members costs a few megabytes, not a tree
//! (docs/SEMANTICS.md §7.2).

use std::cmp::Ordering;

use super::json::{MAX_DOCUMENT, Members};

/// The bit of an offset that marks a repeated key (offsets stay below
/// [`MAX_DOCUMENT`] < 2^31).
const REPEAT: u32 = 1 << 31;

const _: () = assert!(MAX_DOCUMENT < REPEAT as usize);

/// The keys of some members of one object, in input order, each known to be the first
/// occurrence of its key among them or a repeat.
pub(super) struct Keys {
    offsets: Vec<u32>,
}

impl Keys {
    /// The members of `object` that `keep` selects (`count` of them, counted by the caller so
    /// that the offsets take exactly their room), with their repeats marked.
    pub(super) fn of(
        object: &Members<'_>,
        count: usize,
        mut keep: impl FnMut(&super::json::Member<'_>) -> bool,
    ) -> Keys {
        let mut offsets = Vec::with_capacity(count);
        offsets.extend(
            object
                .iter()
                .filter(|m| keep(m))
                .map(|m| u32::try_from(m.key_at).unwrap_or(REPEAT - 1)),
        );
        offsets.sort_unstable_by(|&a, &b| compare(object, a, b).then(a.cmp(&b)));
        for i in 1..offsets.len() {
            let (before, at) = (offsets[i - 1] & !REPEAT, offsets[i]);
            if compare(object, before, at) == Ordering::Equal {
                offsets[i] |= REPEAT;
            }
        }
        offsets.sort_unstable_by_key(|&offset| offset & !REPEAT);
        Keys { offsets }
    }

    /// Each member as (where its key is, whether it repeats an earlier key), in input order.
    pub(super) fn iter(&self) -> impl Iterator<Item = (usize, bool)> + Clone + '_ {
        self.offsets
            .iter()
            .map(|&offset| ((offset & !REPEAT) as usize, offset & REPEAT != 0))
    }

    /// How many distinct keys there are.
    pub(super) fn distinct(&self) -> usize {
        self.offsets.iter().filter(|&&o| o & REPEAT == 0).count()
    }
}

/// The keys at `a` and `b` compared as unescaped text.
fn compare(object: &Members<'_>, a: u32, b: u32) -> Ordering {
    let (a, b) = (object.member_at(a as usize), object.member_at(b as usize));
    let (raw_a, raw_b) = (a.raw_key(), b.raw_key());
    if !raw_a.contains(&b'\\') && !raw_b.contains(&b'\\') {
        raw_a.cmp(raw_b)
    } else {
        a.key().as_bytes().cmp(b.key().as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::super::json::{Json, parse};
    use super::*;

    #[test]
    fn marks_repeats_in_input_order() {
        let text = br#"{"b":1, "a":2, "b":3, "\u0061":4, "c":5, "b":6}"#;
        let Ok(Json::Object(object)) = parse(text) else {
            panic!("not an object")
        };
        let keys = Keys::of(&object, 6, |_| true);
        let seen: Vec<(String, bool)> = keys
            .iter()
            .map(|(at, repeat)| (object.member_at(at).key().into_owned(), repeat))
            .collect();
        let expected = [
            ("b", false),
            ("a", false),
            ("b", true),
            ("a", true),
            ("c", false),
            ("b", true),
        ];
        let expected: Vec<(String, bool)> =
            expected.iter().map(|(k, r)| (k.to_string(), *r)).collect();
        assert_eq!(seen, expected);
        assert_eq!(keys.distinct(), 3);
        let only_b = Keys::of(&object, 3, |m| m.key_is("b"));
        assert_eq!(only_b.distinct(), 1);
        assert_eq!(only_b.iter().count(), 3);
    }
}
