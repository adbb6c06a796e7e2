//! The count of a collection (`items 1..100` on an `Array<T>` or `Map<String, T>` field): how
//! many elements an array, or entries a map, may have. Its violations are `length` ones, as a
//! string's length is (docs/SEMANTICS.md §2.7).

use crate::{Rule, RuleError};

/// The limits on how many elements (or entries) a collection has, inclusive: `items 100` is
/// `0..=100`, `items 1..` is at least 1.
///
/// ```
/// use fieldtab_runtime::{Counted, Items};
///
/// let items = Items::new(1, Some(100));
/// assert!(items.check(100, Counted::Elements).is_ok());
/// let e = items.check(101, Counted::Elements).unwrap_err();
/// assert_eq!(e.message, "must have at most 100 elements, not 101");
/// assert!(Items::new(1, None).check(usize::MAX, Counted::Entries).is_ok());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Items {
    /// The fewest elements.
    pub min: u32,
    /// The most elements; `None`: no maximum.
    pub max: Option<u32>,
}

/// What a collection's count counts: the word its violations use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Counted {
    /// The elements of an array.
    Elements,
    /// The entries (distinct keys) of a map.
    Entries,
}

impl Counted {
    /// The word for a count of `n`: singular for 1 (`"1 element"`), plural otherwise.
    ///
    /// ```
    /// use fieldtab_runtime::Counted;
    /// assert_eq!(Counted::Elements.counted(1), "element");
    /// assert_eq!(Counted::Entries.counted(0), "entries");
    /// ```
    pub const fn counted(self, n: u64) -> &'static str {
        match (self, n) {
            (Counted::Elements, 1) => "element",
            (Counted::Elements, _) => "elements",
            (Counted::Entries, 1) => "entry",
            (Counted::Entries, _) => "entries",
        }
    }
}

impl Items {
    /// The limits `min..=max` (`max` `None`: no maximum).
    pub const fn new(min: u32, max: Option<u32>) -> Items {
        Items { min, max }
    }

    /// Whether a collection of `count` elements is within the limits.
    ///
    /// ```
    /// let items = fieldtab_runtime::Items::new(0, Some(2));
    /// assert!(items.allows(2) && !items.allows(3));
    /// ```
    #[inline]
    pub const fn allows(&self, count: usize) -> bool {
        let above_min = count as u64 >= self.min as u64;
        match self.max {
            Some(max) => above_min && count as u64 <= max as u64,
            None => above_min,
        }
    }

    /// The `length` rule of a collection of `count` elements (or entries, as `counted` says):
    /// "must have at most 100 elements, not 101", "must have at least 1 entry, not 0", "must
    /// have exactly 2 elements, not 3". The message names the counts only.
    #[inline]
    pub fn check(&self, count: usize, counted: Counted) -> Result<(), RuleError> {
        if self.allows(count) {
            Ok(())
        } else {
            Err(count_error(self, count, counted))
        }
    }
}

#[cold]
#[inline(never)]
fn count_error(items: &Items, count: usize, counted: Counted) -> RuleError {
    // The count named is the bound, so the word agrees with it ("at least 1 element").
    let message = match items.max {
        Some(max) if max == items.min => {
            format!(
                "must have exactly {max} {}, not {count}",
                counted.counted(max.into())
            )
        }
        Some(max) if count as u64 > u64::from(max) => {
            format!(
                "must have at most {max} {}, not {count}",
                counted.counted(max.into())
            )
        }
        _ => format!(
            "must have at least {} {}, not {count}",
            items.min,
            counted.counted(items.min.into())
        ),
    };
    RuleError::new(Rule::Length, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries() {
        let ok = |min, max, n| Items::new(min, max).check(n, Counted::Elements).is_ok();
        assert!(ok(0, Some(100), 0) && ok(0, Some(100), 100) && !ok(0, Some(100), 101));
        assert!(!ok(1, Some(100), 0) && ok(1, Some(100), 1));
        assert!(ok(2, Some(2), 2) && !ok(2, Some(2), 1) && !ok(2, Some(2), 3));
        assert!(ok(1, None, 1) && ok(1, None, usize::MAX) && !ok(1, None, 0));
        assert!(!ok(0, Some(u32::MAX), u32::MAX as usize + 1));
    }

    #[test]
    fn messages_name_counts_only_with_their_word() {
        let msg = |min, max, n, counted| {
            Items::new(min, max)
                .check(n, counted)
                .unwrap_err()
                .message
                .into_owned()
        };
        use Counted::{Elements, Entries};
        assert_eq!(
            msg(0, Some(100), 101, Elements),
            "must have at most 100 elements, not 101"
        );
        assert_eq!(
            msg(1, Some(100), 0, Elements),
            "must have at least 1 element, not 0"
        );
        assert_eq!(
            msg(2, None, 1, Entries),
            "must have at least 2 entries, not 1"
        );
        assert_eq!(
            msg(0, Some(1), 2, Entries),
            "must have at most 1 entry, not 2"
        );
        assert_eq!(
            msg(3, Some(3), 4, Elements),
            "must have exactly 3 elements, not 4"
        );
        let e = Items::new(0, Some(1)).check(2, Elements).unwrap_err();
        assert_eq!(e.rule, Rule::Length);
    }
}
