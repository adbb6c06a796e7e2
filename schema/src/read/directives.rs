//! The directive lines outside tables, read into the syntax tree: the groups of an item
//! (`Exactly one of: priceId, referenceGoodsId`, between its heading and its table) and the
//! selection of an import (`Import: Amount, Result as BenefitResult from [label](benefit.md)`),
//! and the file's `Accepts:` line.
//! Both are lists of names, bare or in backticks, separated by commas.

use crate::diagnostics::Span;
use crate::model::GroupKind;
use crate::read::syntax::{GroupSyntax, Selected};

/// The rest of a line that starts with `Accepts:` (any case), if it does: the file's default
/// of the JSON kinds its fields accept besides their own, read by the checker.
pub(crate) fn accepts_line(text: &str) -> Option<&str> {
    let head = text.get(..8)?;
    head.eq_ignore_ascii_case("accepts:").then(|| &text[8..])
}

/// A directive that does not read: where, what, and how to write it.
pub(crate) type Malformed = (Span, String, String);

/// The kind of a group line and the rest of the line after its colon, if `text` starts with
/// a group phrase (any case; runs of spaces count as one): `exactly one of:`, `at most one
/// of:`, `at least one of:`, `all or none of:`.
pub(crate) fn group_line(text: &str) -> Option<(GroupKind, &str)> {
    let (head, rest) = text.split_once(':')?;
    let words: Vec<String> = head
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect();
    let head = words.join(" ");
    let kind = GroupKind::ALL
        .into_iter()
        .find(|kind| kind.phrase() == head)?;
    Some((kind, rest))
}

/// The group written on `text` (a line that [`group_line`] recognised; `span` is the line's),
/// or why it does not read.
pub(crate) fn parse_group(text: &str, span: Span) -> Result<GroupSyntax, Malformed> {
    let Some((kind, rest)) = group_line(text) else {
        return Err((span, "malformed group".into(), GROUP_HELP.into()));
    };
    let offset = char_offset(text, rest);
    let tokens = tokens(rest, offset, span)?;
    let help = || GROUP_HELP.to_string();
    let mut members: Vec<(String, Span)> = Vec::new();
    let mut expect_member = true;
    // A conjunction (`or`, `and`) may come only before the last member: the member after it
    // ends the list.
    let mut after_conjunction = false;
    let mut done = false;
    for token in &tokens {
        let what = match token.kind {
            TokenKind::Word => format!("`{}`", token.text),
            TokenKind::Comma => "`,`".to_string(),
            TokenKind::Conjunction => format!("`{}`", token.text),
        };
        if done {
            let message =
                format!("{what} after the last member: `or`/`and` comes only before the last one");
            return Err((token.span, message, help()));
        }
        match token.kind {
            TokenKind::Word if expect_member => {
                members.push((token.text.clone(), token.span));
                expect_member = false;
                done = after_conjunction;
            }
            TokenKind::Word => {
                return Err((token.span, format!("expected `,` before {what}"), help()));
            }
            TokenKind::Comma if !expect_member => expect_member = true,
            TokenKind::Conjunction if !members.is_empty() && !after_conjunction => {
                after_conjunction = true;
                expect_member = true;
            }
            TokenKind::Comma | TokenKind::Conjunction => {
                return Err((
                    token.span,
                    format!("expected a member, found {what}"),
                    help(),
                ));
            }
        }
    }
    if expect_member {
        let at = tokens.last().map_or(span, |t| t.span);
        let message = if members.is_empty() {
            format!("`{}:` without members", capitalized(kind.phrase()))
        } else {
            "the list of members ends without a member".into()
        };
        return Err((at, message, help()));
    }
    Ok(GroupSyntax {
        kind,
        members,
        span,
    })
}

/// How a group line reads, for the help of its diagnostics.
const GROUP_HELP: &str = "write members separated by commas, bare or in backticks: `Exactly one of: priceId, referenceGoodsId`";

/// `exactly one of` -> `Exactly one of`.
pub(crate) fn capitalized(phrase: &str) -> String {
    let mut chars = phrase.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// The selection of an import line: `A, B as C` (what precedes `from [label](path)`); `list`
/// is a slice of `line`, whose span is `span`.
pub(crate) fn parse_selection(
    list: &str,
    line: &str,
    span: Span,
) -> Result<Vec<Selected>, Malformed> {
    let help = || IMPORT_HELP.to_string();
    let offset = char_offset(line, list);
    let tokens = tokens(list, offset, span)?;
    let mut selected: Vec<Selected> = Vec::new();
    let mut entry: Vec<&Token> = Vec::new();
    for token in tokens.iter().chain(std::iter::once(&COMMA_END)) {
        if token.kind != TokenKind::Comma {
            entry.push(token);
            continue;
        }
        let words: Vec<&Token> = std::mem::take(&mut entry);
        let end = std::ptr::eq(token, &COMMA_END);
        let at = words
            .first()
            .map_or(if end { span } else { token.span }, |t| t.span);
        let wrong = |message: String| Err((at, message, help()));
        match words.as_slice() {
            [name] if name.kind == TokenKind::Word => selected.push(Selected {
                name: name.text.clone(),
                name_span: name.span,
                alias: None,
            }),
            [name, as_word, alias]
                if name.kind == TokenKind::Word
                    && as_word.text.eq_ignore_ascii_case("as")
                    && !as_word.quoted
                    && alias.kind == TokenKind::Word =>
            {
                selected.push(Selected {
                    name: name.text.clone(),
                    name_span: name.span,
                    alias: Some((alias.text.clone(), alias.span)),
                });
            }
            [] => {
                return wrong(if selected.is_empty() && end {
                    "an import selection without items".into()
                } else {
                    "expected an item name, found `,`".into()
                });
            }
            _ => {
                let text: Vec<&str> = words.iter().map(|t| t.text.as_str()).collect();
                return wrong(format!(
                    "expected `Name` or `Name as Alias`, found `{}`",
                    text.join(" ")
                ));
            }
        }
    }
    Ok(selected)
}

/// How an import line reads, for the help of its diagnostics.
pub(crate) const IMPORT_HELP: &str = "write `Import: [label](path/to/file.md)`, or select items: `Import: Amount, Result as BenefitResult from [label](path/to/file.md)`";

/// The kind of a token of a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TokenKind {
    /// A name, bare or in backticks.
    Word,
    /// `,`.
    Comma,
    /// A bare `or` or `and`.
    Conjunction,
}

/// One token of a list, with its text (without backticks) and span.
#[derive(Clone, Debug)]
struct Token {
    kind: TokenKind,
    text: String,
    quoted: bool,
    span: Span,
}

/// The end of a list, read as a last comma so that the last entry is closed like the others.
static COMMA_END: Token = Token {
    kind: TokenKind::Comma,
    text: String::new(),
    quoted: false,
    span: Span {
        line: 0,
        col: 0,
        len: 0,
    },
};

/// The tokens of `list`, which starts `offset` characters into the text whose span is `span`.
fn tokens(list: &str, offset: usize, span: Span) -> Result<Vec<Token>, Malformed> {
    let mut out = Vec::new();
    let chars: Vec<char> = list.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == ',' {
            out.push(Token {
                kind: TokenKind::Comma,
                text: ",".into(),
                quoted: false,
                span: span.sub(offset + i, 1),
            });
            i += 1;
        } else if c == '`' {
            let Some(len) = chars[i + 1..].iter().position(|&c| c == '`') else {
                return Err((
                    span.sub(offset + i, chars.len() - i),
                    "unclosed backtick".into(),
                    "close the name's backtick: `name`".into(),
                ));
            };
            let text: String = chars[i + 1..i + 1 + len].iter().collect();
            out.push(Token {
                kind: TokenKind::Word,
                text: text.trim().to_string(),
                quoted: true,
                span: span.sub(offset + i, len + 2),
            });
            i += len + 2;
        } else {
            let len = chars[i..]
                .iter()
                .position(|&c| c.is_whitespace() || c == ',' || c == '`')
                .unwrap_or(chars.len() - i);
            let text: String = chars[i..i + len].iter().collect();
            let kind = if text.eq_ignore_ascii_case("or") || text.eq_ignore_ascii_case("and") {
                TokenKind::Conjunction
            } else {
                TokenKind::Word
            };
            out.push(Token {
                kind,
                text,
                quoted: false,
                span: span.sub(offset + i, len),
            });
            i += len;
        }
    }
    Ok(out)
}

/// The character offset of `part` (a slice of `text`) in `text`.
fn char_offset(text: &str, part: &str) -> usize {
    let byte = (part.as_ptr() as usize)
        .checked_sub(text.as_ptr() as usize)
        .filter(|&o| o <= text.len() && text.is_char_boundary(o))
        .unwrap_or(0);
    text[..byte].chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(text: &str) -> Result<(GroupKind, Vec<(String, u32)>), String> {
        let span = Span::new(3, 1, text.chars().count() as u32);
        parse_group(text, span)
            .map(|g| {
                (
                    g.kind,
                    g.members.into_iter().map(|(m, s)| (m, s.col)).collect(),
                )
            })
            .map_err(|(_, message, _)| message)
    }

    fn names(list: &[(&str, u32)]) -> Vec<(String, u32)> {
        list.iter().map(|&(m, c)| (m.to_string(), c)).collect()
    }

    #[test]
    fn group_lines_read_their_kind_and_members() {
        assert_eq!(
            group("Exactly one of: priceId, referenceGoodsId"),
            Ok((
                GroupKind::ExactlyOne,
                names(&[("priceId", 17), ("referenceGoodsId", 26)])
            ))
        );
        assert_eq!(
            group("at  LEAST one of: `paymentRequestId` or `paymentId`"),
            Ok((
                GroupKind::AtLeastOne,
                names(&[("paymentRequestId", 19), ("paymentId", 41)])
            ))
        );
        assert_eq!(
            group("All or none of: a, b, and c"),
            Ok((
                GroupKind::AllOrNone,
                names(&[("a", 17), ("b", 20), ("c", 27)])
            ))
        );
        assert_eq!(
            group("At most one of: a, `or`"),
            Ok((GroupKind::AtMostOne, names(&[("a", 17), ("or", 20)])))
        );
        assert!(group_line("Exactly two of: a, b").is_none());
        assert!(group_line("Exactly one of the fields").is_none());
    }

    #[test]
    fn malformed_group_lines_say_why() {
        for (text, message) in [
            ("Exactly one of:", "`Exactly one of:` without members"),
            (
                "Exactly one of: a,",
                "the list of members ends without a member",
            ),
            (
                "Exactly one of: a or b or c",
                "`or` after the last member: `or`/`and` comes only before the last one",
            ),
            ("Exactly one of: a b", "expected `,` before `b`"),
            ("Exactly one of: , a", "expected a member, found `,`"),
            ("Exactly one of: or a", "expected a member, found `or`"),
            (
                "Exactly one of: a or b, c",
                "`,` after the last member: `or`/`and` comes only before the last one",
            ),
            ("Exactly one of: `a, b", "unclosed backtick"),
        ] {
            assert_eq!(group(text), Err(message.to_string()), "{text}");
        }
    }

    fn selection(list: &str) -> Result<Vec<(String, Option<String>)>, String> {
        let line = format!("Import: {list} from [x](x.md)");
        let list = &line[8..8 + list.len()];
        parse_selection(list, &line, Span::new(1, 1, 40))
            .map(|s| {
                s.into_iter()
                    .map(|s| (s.name, s.alias.map(|(a, _)| a)))
                    .collect()
            })
            .map_err(|(_, m, _)| m)
    }

    #[test]
    fn selections_read_names_and_aliases() {
        assert_eq!(
            selection("Amount, Result as BenefitResult, `Image`"),
            Ok(vec![
                ("Amount".into(), None),
                ("Result".into(), Some("BenefitResult".into())),
                ("Image".into(), None)
            ])
        );
        assert_eq!(
            selection(""),
            Err("an import selection without items".into())
        );
        assert_eq!(
            selection("A,"),
            Err("expected an item name, found `,`".into())
        );
        assert_eq!(
            selection("A as"),
            Err("expected `Name` or `Name as Alias`, found `A as`".into())
        );
        assert_eq!(
            selection("A B"),
            Err("expected `Name` or `Name as Alias`, found `A B`".into())
        );
    }
}
