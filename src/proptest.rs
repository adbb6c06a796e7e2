//! Proptest strategies for generated types (the `proptest` feature): valid values of a type,
//! and invalid messages of it with the one violation each carries, for property tests of code
//! that handles the messages.
//!
//! They are the messages of `fieldtab sample` (`fieldtab_schema::sample::Sampler`), drawn from
//! a seed proptest chooses, so the schema is read at run time: pass the path of the schema file
//! the type was generated from (relative to the directory the test runs in, which `cargo test`
//! makes the package's). A valid message becomes a value of the type through
//! [`from_json`](crate::from_json), the generated decoder, so a value the strategy gives has
//! passed every rule of the type. Shrinking goes towards seed 0: towards another message, not
//! a smaller one.
//!
//! ```
//! mod benefit {
//!     fieldtab::include_schema!("schemas/alipayplus/benefit.md");
//! }
//! use fieldtab::Validate;
//! use proptest::prelude::*;
//!
//! let amounts = fieldtab::proptest::valid::<benefit::Amount>("schemas/alipayplus/benefit.md").unwrap();
//! proptest!(|(amount in amounts)| {
//!     prop_assert!(amount.is_valid());
//! });
//!
//! let broken = fieldtab::proptest::invalid::<benefit::Amount>("schemas/alipayplus/benefit.md").unwrap();
//! proptest!(|(case in broken)| {
//!     let report = fieldtab::from_json::<benefit::Amount>(case.message.to_string().as_bytes()).unwrap_err();
//!     prop_assert_eq!(report.len(), 1);
//!     prop_assert_eq!(&report.violations()[0].path, &case.path);
//!     prop_assert_eq!(report.violations()[0].rule, case.rule);
//! });
//! ```

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use ::proptest::prelude::{BoxedStrategy, Strategy, any};
use fieldtab_schema::Schema;
use fieldtab_schema::dynamic::UnknownItem;
use fieldtab_schema::sample::Sampler;

pub use fieldtab_schema::sample::Invalid;

use crate::Decode;

/// Valid values of `T`, the generated type of the message or struct named like it (its last
/// path segment: `PayRequest`) in the schema file `schema`. See [`valid_item`] for a type
/// named otherwise.
pub fn valid<T>(schema: impl AsRef<Path>) -> Result<BoxedStrategy<T>, SampleError>
where
    T: Decode + fmt::Debug + 'static,
{
    valid_item::<T>(schema, type_name::<T>())
}

/// Valid values of `T`, the generated type of the message or struct `item` of the schema file
/// `schema`.
///
/// A message the generated decoder of `T` rejects would be a disagreement between the
/// generator (judged by the dynamic validator) and the generated code, which the crate's own
/// tests rule out for the shipped schemas: the strategy then panics with the report.
pub fn valid_item<T>(schema: impl AsRef<Path>, item: &str) -> Result<BoxedStrategy<T>, SampleError>
where
    T: Decode + fmt::Debug + 'static,
{
    let sampler = sampler(schema.as_ref(), item)?;
    Ok(any::<u64>()
        .prop_map(move |seed| {
            let message = sampler.valid(seed).to_string();
            match crate::from_json::<T>(message.as_bytes()) {
                Ok(value) => value,
                Err(report) => panic!(
                    "the generated decoder rejects the sample of seed {seed} of `{}`:\n{report}",
                    sampler.name()
                ),
            }
        })
        .boxed())
}

/// Invalid messages of `T`'s item (named like the type, as for [`valid`]), each with the one
/// `(path, rule)` the validators report for it; the seeds go through every rule kind the
/// message has.
pub fn invalid<T>(schema: impl AsRef<Path>) -> Result<BoxedStrategy<Invalid>, SampleError>
where
    T: Decode + 'static,
{
    invalid_item(schema, type_name::<T>())
}

/// Invalid messages of the message or struct `item` of the schema file `schema`, as
/// [`invalid`].
pub fn invalid_item(
    schema: impl AsRef<Path>,
    item: &str,
) -> Result<BoxedStrategy<Invalid>, SampleError> {
    let sampler = sampler(schema.as_ref(), item)?;
    if sampler.rules().is_empty() {
        return Err(SampleError::NothingToBreak(item.to_owned()));
    }
    Ok(any::<u64>()
        .prop_filter_map("a rule of the message broken alone", move |seed| {
            sampler.invalid(seed)
        })
        .boxed())
}

/// Why a strategy cannot be made.
#[derive(Debug)]
pub enum SampleError {
    /// The schema file cannot be read or has errors (its diagnostics).
    Schema(fieldtab_schema::Diagnostics),
    /// The schema has no message or struct of that name.
    UnknownItem(UnknownItem),
    /// The message has no rule a change can break alone (no field at all).
    NothingToBreak(String),
}

impl fmt::Display for SampleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SampleError::Schema(diagnostics) => write!(f, "{diagnostics}"),
            SampleError::UnknownItem(error) => write!(f, "{error}"),
            SampleError::NothingToBreak(item) => {
                write!(f, "`{item}` has no rule a message can break alone")
            }
        }
    }
}

impl std::error::Error for SampleError {}

/// The last segment of `T`'s path: the item name of a generated type.
fn type_name<T>() -> &'static str {
    let full = std::any::type_name::<T>();
    full.rsplit("::").next().unwrap_or(full)
}

/// A sampler of `item` of the schema at `path`, the schema loaded once per process (a
/// strategy is `'static`; a test process reads a few schemas, kept to its end).
fn sampler(path: &Path, item: &str) -> Result<Sampler<'static>, SampleError> {
    static LOADED: Mutex<Vec<(PathBuf, &'static Schema)>> = Mutex::new(Vec::new());
    let schema = {
        let mut loaded = LOADED
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match loaded.iter().find(|(p, _)| p == path) {
            Some((_, schema)) => *schema,
            None => {
                let schema: &'static Schema =
                    Box::leak(Box::new(Schema::load(path).map_err(SampleError::Schema)?));
                loaded.push((path.to_path_buf(), schema));
                schema
            }
        }
    };
    Sampler::new(schema, item).map_err(SampleError::UnknownItem)
}
