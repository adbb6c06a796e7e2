//! The checker: syntax trees -> the checked model. [`file`] reads the cells of one file's tables
//! into draft items; [`module`] checks what needs every file at once (type references, cycles,
//! conditions, fixed values and examples) and assembles the [`Module`](crate::model::Module).

pub(crate) mod file;
pub(crate) mod formats;
pub(crate) mod module;
