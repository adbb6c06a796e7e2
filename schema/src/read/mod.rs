//! The reader: schema text -> lines and cells ([`lexer`]) -> a syntax tree with spans
//! ([`parser`], [`syntax`]). Nothing here judges the cells; the checker does.

pub(crate) mod directives;
pub(crate) mod lexer;
pub(crate) mod parser;
pub(crate) mod syntax;
