//! JSON Pointer paths (RFC 6901) built on the stack while walking a message.

use std::fmt;

/// A JSON Pointer under construction: a stack-linked list of keys and indexes.
///
/// Extending a path ([`Path::key`], [`Path::index`]) is a couple of words on the stack and
/// allocates nothing; the pointer text is rendered only when a violation is recorded
/// ([`Path::to_pointer`], `Display`), with RFC 6901 escaping (`~` as `~0`, `/` as `~1`).
/// The root renders as `""`.
///
/// ```
/// use fieldtab_runtime::Path;
///
/// let root = Path::root();
/// let details = root.key("benefitDetails");
/// let third = details.index(3);
/// let value = third.key("a/b~c");
/// assert_eq!(value.to_pointer(), "/benefitDetails/3/a~1b~0c");
/// assert_eq!(root.to_pointer(), "");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    segment: Segment<'a>,
}

#[derive(Clone, Copy, Debug)]
enum Segment<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

impl<'a> Path<'a> {
    /// The path of the whole document (`""`).
    ///
    /// ```
    /// assert!(fieldtab_runtime::Path::root().is_root());
    /// ```
    pub const fn root() -> Path<'static> {
        Path {
            parent: None,
            segment: Segment::Root,
        }
    }

    /// The path of member `key` of the object at this path.
    ///
    /// ```
    /// let root = fieldtab_runtime::Path::root();
    /// assert_eq!(root.key("header").to_pointer(), "/header");
    /// ```
    pub const fn key<'b>(&'b self, key: &'b str) -> Path<'b>
    where
        'a: 'b,
    {
        Path {
            parent: Some(self),
            segment: Segment::Key(key),
        }
    }

    /// The path of element `index` of the array at this path.
    ///
    /// ```
    /// let root = fieldtab_runtime::Path::root();
    /// assert_eq!(root.index(7).to_pointer(), "/7");
    /// ```
    pub const fn index<'b>(&'b self, index: usize) -> Path<'b>
    where
        'a: 'b,
    {
        Path {
            parent: Some(self),
            segment: Segment::Index(index),
        }
    }

    /// Whether this is the root path.
    ///
    /// ```
    /// let root = fieldtab_runtime::Path::root();
    /// assert!(!root.key("a").is_root());
    /// ```
    pub const fn is_root(&self) -> bool {
        self.parent.is_none()
    }

    /// The RFC 6901 pointer text (`""` for the root).
    ///
    /// ```
    /// let root = fieldtab_runtime::Path::root();
    /// assert_eq!(root.key("~").to_pointer(), "/~0");
    /// ```
    #[cold]
    pub fn to_pointer(&self) -> String {
        let mut out = String::new();
        self.write_to(&mut out)
            .unwrap_or_else(|_| unreachable!("writing to a String cannot fail"));
        out
    }

    fn write_to(&self, out: &mut impl fmt::Write) -> fmt::Result {
        if let Some(parent) = self.parent {
            parent.write_to(out)?;
        }
        match self.segment {
            Segment::Root => Ok(()),
            Segment::Index(i) => write!(out, "/{i}"),
            Segment::Key(key) => {
                out.write_char('/')?;
                let mut rest = key;
                while let Some(at) = rest.find(['~', '/']) {
                    out.write_str(&rest[..at])?;
                    out.write_str(if rest.as_bytes()[at] == b'~' {
                        "~0"
                    } else {
                        "~1"
                    })?;
                    rest = &rest[at + 1..];
                }
                out.write_str(rest)
            }
        }
    }
}

impl fmt::Display for Path<'_> {
    /// Writes the pointer text, as [`Path::to_pointer`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_to(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_only_tilde_and_slash() {
        let root = Path::root();
        let a = root.key("a~/b//~~");
        let b = a.index(0);
        let c = b.key("");
        assert_eq!(c.to_pointer(), "/a~0~1b~1~1~0~0/0/");
        assert_eq!(c.to_string(), c.to_pointer());
        let u = root.key("ключ");
        assert_eq!(u.to_pointer(), "/ключ");
    }

    #[test]
    fn deep_paths_render_in_order() {
        let root = Path::root();
        let h = root.key("header");
        let t = h.key("localTime");
        assert_eq!(t.to_pointer(), "/header/localTime");
        assert_eq!(h.to_pointer(), "/header");
    }
}
