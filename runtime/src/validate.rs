//! The traits generated message types implement.

use crate::{Path, Report};

/// A value that can check every rule of its schema, collecting all violations.
///
/// Generated code implements [`Validate::validate_into`]; the other methods follow from it.
///
/// ```
/// use fieldtab_runtime::{check_length, LengthUnit, Path, Report, Validate};
///
/// struct Header { proc_type: String }
///
/// impl Validate for Header {
///     fn validate_into(&self, path: &Path<'_>, report: &mut Report) {
///         if let Err(e) = check_length(&self.proc_type, LengthUnit::Bytes, 2, 2) {
///             report.push(&path.key("procType"), e);
///         }
///     }
/// }
///
/// assert!(Header { proc_type: "41".into() }.is_valid());
/// let report = Header { proc_type: "4".into() }.validate().unwrap_err();
/// assert_eq!(report.violations()[0].path, "/procType");
///
/// // Options and vectors of validated values are validated too, elements under their index.
/// let headers = vec![Header { proc_type: "41".into() }, Header { proc_type: "4".into() }];
/// assert_eq!(headers.validate().unwrap_err().violations()[0].path, "/1/procType");
/// assert!(None::<Header>.is_valid());
/// ```
pub trait Validate {
    /// Appends every violation of `self`, with paths under `path`, to `report`, in schema order.
    ///
    /// A violation that depends on a condition on the object above `self` (`super.`) waits in
    /// `report` for it: [`Validate::validate`] settles the report, as a caller of this method
    /// must when `self` is the document (`Report::settle`).
    fn validate_into(&self, path: &Path<'_>, report: &mut Report);

    /// Every violation of `self`, or `Ok(())`. `self` is the document: a condition on an
    /// object above it reads an absent value (docs/SEMANTICS.md §3.2).
    fn validate(&self) -> Result<(), Report> {
        let mut report = Report::new();
        self.validate_into(&Path::root(), &mut report);
        report.settle();
        report.into_result()
    }

    /// Whether `self` breaks no rule. Generated code may override it with a faster check that
    /// stops at the first violation.
    fn is_valid(&self) -> bool {
        self.validate().is_ok()
    }
}

impl<T: Validate + ?Sized> Validate for &T {
    fn validate_into(&self, path: &Path<'_>, report: &mut Report) {
        (**self).validate_into(path, report);
    }
    fn is_valid(&self) -> bool {
        (**self).is_valid()
    }
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    fn validate_into(&self, path: &Path<'_>, report: &mut Report) {
        (**self).validate_into(path, report);
    }
    fn is_valid(&self) -> bool {
        (**self).is_valid()
    }
}

impl<T: Validate> Validate for Option<T> {
    /// Nothing for `None`; the value's violations, at the same path, for `Some`.
    fn validate_into(&self, path: &Path<'_>, report: &mut Report) {
        if let Some(value) = self {
            value.validate_into(path, report);
        }
    }
    fn is_valid(&self) -> bool {
        self.as_ref().is_none_or(Validate::is_valid)
    }
}

impl<T: Validate> Validate for [T] {
    /// Each element's violations under `path/<index>`, in index order.
    fn validate_into(&self, path: &Path<'_>, report: &mut Report) {
        for (i, item) in self.iter().enumerate() {
            item.validate_into(&path.index(i), report);
        }
    }
    fn is_valid(&self) -> bool {
        self.iter().all(Validate::is_valid)
    }
}

impl<T: Validate> Validate for Vec<T> {
    /// As for slices: each element under `path/<index>`.
    fn validate_into(&self, path: &Path<'_>, report: &mut Report) {
        self.as_slice().validate_into(path, report);
    }
    fn is_valid(&self) -> bool {
        self.as_slice().is_valid()
    }
}

impl<T: Validate> Validate for std::collections::BTreeMap<String, T> {
    /// Each value's violations under `path/<key>` (the key escaped as a JSON Pointer token), in
    /// key order: the order a decoded map keeps (the input's order is not kept).
    ///
    /// ```
    /// use std::collections::BTreeMap;
    /// use fieldtab_runtime::{Path, Report, Validate};
    ///
    /// struct Odd(u8);
    /// impl Validate for Odd {
    ///     fn validate_into(&self, path: &Path<'_>, report: &mut Report) {
    ///         if self.0 % 2 == 0 {
    ///             report.push(path, fieldtab_runtime::RuleError::required());
    ///         }
    ///     }
    /// }
    /// let map = BTreeMap::from([("a/b".to_owned(), Odd(2)), ("c".to_owned(), Odd(1))]);
    /// assert_eq!(map.validate().unwrap_err().violations()[0].path, "/a~1b");
    /// ```
    fn validate_into(&self, path: &Path<'_>, report: &mut Report) {
        for (key, value) in self {
            value.validate_into(&path.key(key), report);
        }
    }
    fn is_valid(&self) -> bool {
        self.values().all(Validate::is_valid)
    }
}

/// A top-level request or response of a schema (`## message Name`).
///
/// ```
/// use fieldtab_runtime::{Message, Path, Report, Validate};
///
/// struct Ping;
/// impl Validate for Ping {
///     fn validate_into(&self, _: &Path<'_>, _: &mut Report) {}
/// }
/// impl Message for Ping {
///     const NAME: &'static str = "Ping";
/// }
/// assert_eq!(Ping::NAME, "Ping");
/// ```
pub trait Message: Validate {
    /// The message's name in its schema.
    const NAME: &'static str;
}
