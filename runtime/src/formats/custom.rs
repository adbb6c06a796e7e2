//! Custom formats: a format the registry does not have, named in a schema's Format cell
//! (`custom(merchant-ref)`) and bound to a user function when code is generated
//! (`include_schema!(…, format("merchant-ref" = crate::formats::merchant_ref))`) or when the
//! dynamic validator is built (`Validator::formats`).
//!
//! The user function says whether a value is in the format; [`CustomFormat::check`] turns its
//! verdict into the `format` violation every other format gives, naming the format. Its
//! message is a `&'static str`, so it cannot quote the value it judges (which may be sensitive):
//! a violation names the format and the rule, never the value (docs/SEMANTICS.md §2.4, §5).

use std::fmt;

use crate::RuleError;

/// Why a value is not in a custom format: a fixed message from the user function, such as
/// `"must start with M- and 8 digits"`.
///
/// The message is a `&'static str` on purpose: a message built from the value could leak it
/// (a card number, a token) into reports, logs and HTTP responses. Write what the format wants,
/// never what the value was.
///
/// ```
/// use fieldtab_runtime::FormatError;
///
/// let error = FormatError::new("must start with M- and 8 digits");
/// assert_eq!(error.message(), "must start with M- and 8 digits");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FormatError {
    message: &'static str,
}

impl FormatError {
    /// A value is not in the format, for the reason `message` (which never quotes the value).
    pub const fn new(message: &'static str) -> FormatError {
        FormatError { message }
    }

    /// The reason given.
    pub const fn message(&self) -> &'static str {
        self.message
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message)
    }
}

impl std::error::Error for FormatError {}

/// The function of a custom format: `Ok(())` when the value is in the format.
pub type FormatFn = fn(&str) -> Result<(), FormatError>;

/// A custom format bound to its function: the schema's name (`merchant-ref`, from
/// `custom(merchant-ref)`) and the user function that checks a value.
///
/// Generated rules tables hold one per field in a custom format (`.custom_format(..)`); the
/// dynamic validator is given them (`Validator::formats`). [`FieldPlan::check`] runs it where
/// the format rule runs (docs/SEMANTICS.md §2.4): after `length`, `charset`, `const` and
/// `pattern`, skipped when `charset` failed.
///
/// [`FieldPlan::check`]: crate::plan::FieldPlan::check
///
/// ```
/// use fieldtab_runtime::{CustomFormat, FormatError, Rule};
///
/// fn merchant_ref(value: &str) -> Result<(), FormatError> {
///     let digits = value.strip_prefix("M-").unwrap_or("");
///     if digits.len() == 8 && digits.bytes().all(|b| b.is_ascii_digit()) {
///         Ok(())
///     } else {
///         Err(FormatError::new("must be M- and 8 digits"))
///     }
/// }
///
/// const MERCHANT_REF: CustomFormat<'static> = CustomFormat::new("merchant-ref", merchant_ref);
/// assert!(MERCHANT_REF.check("M-12345678").is_ok());
/// let error = MERCHANT_REF.check("M-1234").unwrap_err();
/// assert_eq!(error.rule, Rule::Format);
/// assert_eq!(error.message, "is not in the format `merchant-ref`: must be M- and 8 digits");
/// ```
#[derive(Clone, Copy)]
pub struct CustomFormat<'a> {
    /// The format's name in the schema (`merchant-ref`).
    pub name: &'a str,
    /// The user function.
    pub check: FormatFn,
}

impl<'a> CustomFormat<'a> {
    /// The format `name`, checked by `check`.
    pub const fn new(name: &'a str, check: FormatFn) -> CustomFormat<'a> {
        CustomFormat { name, check }
    }

    /// The rule: the user function's verdict, a failure being a `format` violation that names
    /// the format and gives the function's message. Allocates nothing when the value is valid.
    #[inline]
    pub fn check(&self, value: &str) -> Result<(), RuleError> {
        match (self.check)(value) {
            Ok(()) => Ok(()),
            Err(error) => Err(self.violation(error)),
        }
    }

    #[cold]
    #[inline(never)]
    fn violation(&self, error: FormatError) -> RuleError {
        RuleError::format(format!(
            "is not in the format `{}`: {}",
            self.name, error.message
        ))
    }
}

impl fmt::Debug for CustomFormat<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CustomFormat")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

impl PartialEq for CustomFormat<'_> {
    /// The same name bound to the same function.
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name && std::ptr::fn_addr_eq(self.check, other.check)
    }
}

impl Eq for CustomFormat<'_> {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Rule;

    fn even_length(value: &str) -> Result<(), FormatError> {
        if value.len().is_multiple_of(2) {
            Ok(())
        } else {
            Err(FormatError::new("must have an even length"))
        }
    }

    #[test]
    fn the_violation_names_the_format_and_never_the_value() {
        let format = CustomFormat::new("even", even_length);
        assert!(format.check("ab").is_ok());
        let error = format.check("secret-ab").unwrap_err();
        assert_eq!(error.rule, Rule::Format);
        assert!(error.message.contains("`even`"), "{}", error.message);
        assert!(!error.message.contains("secret"), "{}", error.message);
        assert_eq!(
            format!("{format:?}"),
            r#"CustomFormat { name: "even", .. }"#
        );
    }

    #[test]
    fn equal_by_name_and_function() {
        fn other(_: &str) -> Result<(), FormatError> {
            Ok(())
        }
        let a = CustomFormat::new("even", even_length);
        assert_eq!(a, CustomFormat::new("even", even_length));
        assert_ne!(a, CustomFormat::new("odd", even_length));
        assert_ne!(a, CustomFormat::new("even", other));
    }
}
