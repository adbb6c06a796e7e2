//! The syntax tree of one schema file: what the Markdown says, with spans, before any meaning
//! is checked. The parser builds it; the checker turns it into the model.

use crate::diagnostics::Span;
use crate::model::GroupKind;
use crate::read::lexer::Cell;

/// One schema file.
#[derive(Clone, Debug, Default)]
pub(crate) struct Document {
    /// The `# Title`, if any.
    pub(crate) title: Option<String>,
    /// The prose between the title and the first item.
    pub(crate) doc: String,
    /// `Import: [label](path.md)` lines, in order.
    pub(crate) imports: Vec<Import>,
    /// `Accepts: number, boolean` lines (what follows the colon, and the line's span), in
    /// order: the JSON kinds the file's fields accept besides their own, by default.
    pub(crate) accepts: Vec<(String, Span)>,
    /// The `##` items, in order.
    pub(crate) items: Vec<ItemSyntax>,
}

/// An import of another schema file.
#[derive(Clone, Debug)]
pub(crate) struct Import {
    /// The path as written, relative to the importing file's folder.
    pub(crate) path: String,
    /// The span of the path.
    pub(crate) span: Span,
    /// The items selected (`Import: Amount, Result as BenefitResult from [label](path)`);
    /// `None` when the whole file is imported (`Import: [label](path)`).
    pub(crate) selection: Option<Vec<Selected>>,
}

/// One item of an import's selection: its name in the imported file, and the name it takes
/// in the importing module, if another.
#[derive(Clone, Debug)]
pub(crate) struct Selected {
    pub(crate) name: String,
    pub(crate) name_span: Span,
    /// `Result as BenefitResult`: the alias and its span.
    pub(crate) alias: Option<(String, Span)>,
}

/// The kind keyword of an item heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Keyword {
    Message,
    Struct,
    Enum,
}

impl Keyword {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Keyword::Message => "message",
            Keyword::Struct => "struct",
            Keyword::Enum => "enum",
        }
    }
}

/// A `## message|struct|enum Name (options)` item.
#[derive(Clone, Debug)]
pub(crate) struct ItemSyntax {
    pub(crate) keyword: Keyword,
    pub(crate) name: String,
    pub(crate) name_span: Span,
    /// `## struct OrderEntryCode from Order`: the base item's name as written, and its span;
    /// the checker expands the variant into an ordinary item (`check/variant/`). A malformed
    /// base (`from` alone) is an empty name, already reported.
    pub(crate) base: Option<(String, Span)>,
    /// The words between parentheses after the name, each with its span.
    pub(crate) options: Vec<(String, Span)>,
    /// The group lines between the heading and the table, in order.
    pub(crate) groups: Vec<GroupSyntax>,
    /// The prose under the heading (outside the table).
    pub(crate) doc: String,
    /// The item's table, if it has one.
    pub(crate) table: Option<Table>,
}

/// A group line of an item: `Exactly one of: priceId, referenceGoodsId`.
#[derive(Clone, Debug)]
pub(crate) struct GroupSyntax {
    pub(crate) kind: GroupKind,
    /// The members as written (without backticks), each with its span.
    pub(crate) members: Vec<(String, Span)>,
    /// The whole line.
    pub(crate) span: Span,
}

/// A pipe table: a header row, an alignment row, and the rows under them.
#[derive(Clone, Debug)]
pub(crate) struct Table {
    pub(crate) header: Row,
    pub(crate) alignment: Row,
    pub(crate) rows: Vec<Row>,
}

/// One row of a table.
#[derive(Clone, Debug)]
pub(crate) struct Row {
    pub(crate) cells: Vec<Cell>,
    /// The whole line.
    pub(crate) span: Span,
}
