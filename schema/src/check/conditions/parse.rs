//! The first stage of a condition: its text, read by the grammar of docs/SEMANTICS.md §3 into
//! a [`Condition`] whose values are still the text written (typed by the second stage, which
//! knows the field each path ends at), with the spans of its paths and values.
//!
//! ```text
//! cond  := and ("or" and)*
//! and   := unary ("and" unary)*
//! unary := "not" unary | "(" cond ")" | atom
//! atom  := PATH "=" VALUE | PATH "!=" VALUE | PATH "in" "(" VALUE ("," VALUE)* ")"
//!        | PATH "is" "present" | PATH "is" "absent"
//! PATH  := ("super" ".")* IDENT ("." IDENT)*
//! VALUE := a bare word | a JSON string | a word in backticks
//! ```
//!
//! Keywords are case-insensitive; `not`, `in` and `is` followed by an operator are field names.

use super::super::file::FileChecker;
use super::super::{AtomSpans, ConditionSpans};
use crate::diagnostics::Span;
use crate::model::{Condition, FieldPath, Value};
use crate::read::lexer::Cell;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A run of characters other than spaces and `(),=!"` and backticks.
    Word,
    /// A JSON string, quotes included.
    Quoted,
    /// A word in backticks, backticks included.
    Backticked,
    Eq,
    Ne,
    Open,
    Close,
    Comma,
    /// A lone `!`, or an unterminated string.
    Bad,
}

#[derive(Clone, Copy, Debug)]
struct Token<'a> {
    kind: Kind,
    /// The token's text, a slice of the cell (so its span is known).
    text: &'a str,
}

impl Token<'_> {
    fn is(&self, keyword: &str) -> bool {
        self.kind == Kind::Word && self.text.eq_ignore_ascii_case(keyword)
    }
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut end = start + c.len_utf8();
        let kind = match c {
            '(' => Kind::Open,
            ')' => Kind::Close,
            ',' => Kind::Comma,
            '=' => Kind::Eq,
            '!' => match chars.peek() {
                Some(&(at, '=')) => {
                    chars.next();
                    end = at + 1;
                    Kind::Ne
                }
                _ => Kind::Bad,
            },
            '"' | '`' => {
                let mut kind = Kind::Bad;
                let mut escaped = false;
                end = text.len();
                for (at, d) in chars.by_ref() {
                    if c == '"' && escaped {
                        escaped = false;
                    } else if c == '"' && d == '\\' {
                        escaped = true;
                    } else if d == c {
                        end = at + 1;
                        kind = if c == '"' {
                            Kind::Quoted
                        } else {
                            Kind::Backticked
                        };
                        break;
                    }
                }
                kind
            }
            _ => {
                while let Some(&(at, d)) = chars.peek() {
                    if d.is_whitespace() || matches!(d, '(' | ')' | ',' | '=' | '!' | '"' | '`') {
                        break;
                    }
                    chars.next();
                    end = at + d.len_utf8();
                }
                Kind::Word
            }
        };
        out.push(Token {
            kind,
            text: &text[start..end],
        });
    }
    out
}

/// A malformed condition: where (a slice of the cell, or `None` for the whole cell), what, and
/// how to write it.
struct Problem<'a> {
    at: Option<&'a str>,
    message: String,
    help: Option<String>,
}

struct Parser<'t, 'a> {
    tokens: &'t [Token<'a>],
    next: usize,
    /// The condition's text.
    whole: &'a str,
    /// How the cell introduces a condition (`C:`, `FORMAT if`), for help texts.
    lead: &'a str,
    cell: &'t Cell,
    atoms: Vec<AtomSpans>,
}

type Parsed<'a, T> = Result<T, Problem<'a>>;

impl<'a> Parser<'_, 'a> {
    fn peek(&self) -> Option<Token<'a>> {
        self.tokens.get(self.next).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<Token<'a>> {
        self.tokens.get(self.next + ahead).copied()
    }

    /// Takes the next token when it is `keyword`.
    fn keyword(&mut self, keyword: &str) -> bool {
        let found = self.peek().is_some_and(|t| t.is(keyword));
        if found {
            self.next += 1;
        }
        found
    }

    /// The text from token `from` to the end of the condition.
    fn rest_from(&self, from: usize) -> &'a str {
        match self.tokens.get(from) {
            Some(token) => {
                let start = token.text.as_ptr() as usize - self.whole.as_ptr() as usize;
                &self.whole[start..]
            }
            None => self.whole,
        }
    }

    fn help(&self) -> String {
        let lead = self.lead;
        format!(
            "write `{lead} field = VALUE`, `{lead} field in (V1, V2)`, `{lead} field != VALUE`, \
             `{lead} field is present` or `{lead} field is absent`, joined by `and`, `or`, `not` \
             and parentheses"
        )
    }

    fn whole(&mut self) -> Parsed<'a, Condition> {
        let condition = self.or()?;
        match self.peek() {
            None => Ok(condition),
            Some(token) if token.kind == Kind::Close => Err(Problem {
                at: Some(token.text),
                message: "unbalanced `)` in a condition".into(),
                help: None,
            }),
            Some(token) => Err(Problem {
                at: Some(token.text),
                message: format!("unexpected `{}` in a condition", token.text),
                help: Some("join conditions with `and` or `or`".into()),
            }),
        }
    }

    fn or(&mut self) -> Parsed<'a, Condition> {
        let mut list = vec![self.and()?];
        while self.keyword("or") {
            list.push(self.and()?);
        }
        Ok(one_or(list, Condition::Any))
    }

    fn and(&mut self) -> Parsed<'a, Condition> {
        let mut list = vec![self.unary()?];
        while self.keyword("and") {
            list.push(self.unary()?);
        }
        Ok(one_or(list, Condition::All))
    }

    /// Whether the token after the next one makes the next one a field name (`not = 1`).
    fn operator_follows(&self) -> bool {
        self.peek_at(1)
            .is_some_and(|t| matches!(t.kind, Kind::Eq | Kind::Ne) || t.is("in") || t.is("is"))
    }

    fn unary(&mut self) -> Parsed<'a, Condition> {
        match self.peek() {
            Some(token) if token.is("not") && !self.operator_follows() => {
                self.next += 1;
                Ok(Condition::Not(Box::new(self.unary()?)))
            }
            Some(token) if token.kind == Kind::Open => {
                self.next += 1;
                let inner = self.or()?;
                match self.peek() {
                    Some(close) if close.kind == Kind::Close => {
                        self.next += 1;
                        Ok(inner)
                    }
                    _ => Err(Problem {
                        at: Some(token.text),
                        message: "unclosed `(` in a condition".into(),
                        help: Some("close it with `)`".into()),
                    }),
                }
            }
            _ => self.atom(),
        }
    }

    fn atom(&mut self) -> Parsed<'a, Condition> {
        let start = self.next;
        let Some(token) = self.peek() else {
            let after = self.next.checked_sub(1).and_then(|i| self.tokens.get(i));
            return Err(Problem {
                at: after.map(|t| t.text),
                message: match after {
                    Some(after) => format!("a condition is missing after `{}`", after.text),
                    None => "a condition is missing".into(),
                },
                help: Some(self.help()),
            });
        };
        let Some((path, steps)) = (token.kind == Kind::Word)
            .then(|| path(token.text))
            .flatten()
        else {
            return Err(Problem {
                at: Some(token.text),
                message: "a condition must name a field".into(),
                help: Some(format!(
                    "write `{} field = VALUE`; a field of a sibling object is `object.field`, \
                     one of the object holding this one `super.field`",
                    self.lead
                )),
            });
        };
        self.next += 1;
        let mut spans = AtomSpans {
            path: self.cell.span_of(token.text),
            steps: steps.iter().map(|step| self.cell.span_of(step)).collect(),
            values: Vec::new(),
        };
        let operator = self.peek();
        let condition = match operator {
            Some(op) if matches!(op.kind, Kind::Eq | Kind::Ne) => {
                self.next += 1;
                let value = self.value(&mut spans)?;
                let equals = Condition::In(path, vec![value]);
                if op.kind == Kind::Eq {
                    equals
                } else {
                    Condition::Not(Box::new(equals))
                }
            }
            Some(op) if op.is("in") => {
                self.next += 1;
                Condition::In(path, self.list(&mut spans)?)
            }
            Some(op) if op.is("is") => {
                self.next += 1;
                match self.peek() {
                    Some(word) if word.is("present") || word.is("absent") => {
                        self.next += 1;
                        let present = Condition::Present(path);
                        if word.is("present") {
                            present
                        } else {
                            Condition::Not(Box::new(present))
                        }
                    }
                    other => {
                        return Err(Problem {
                            at: other.map(|t| t.text).or(Some(op.text)),
                            message: "`is` must be followed by `present` or `absent`".into(),
                            help: Some(format!("write `{} {} is present`", self.lead, token.text)),
                        });
                    }
                }
            }
            Some(op) if op.text == "!" => {
                return Err(Problem {
                    at: Some(op.text),
                    message: "`!` alone in a condition; write `!=`".into(),
                    help: None,
                });
            }
            _ => {
                return Err(Problem {
                    at: Some(self.rest_from(start)),
                    message: format!("malformed condition `{}`", self.rest_from(start)),
                    help: Some(self.help()),
                });
            }
        };
        self.atoms.push(spans);
        Ok(condition)
    }

    /// `(V1, V2, …)` after `in`.
    fn list(&mut self, spans: &mut AtomSpans) -> Parsed<'a, Vec<Value>> {
        let from = self.next;
        let malformed = |parser: &Self| Problem {
            at: Some(parser.rest_from(from)),
            message: "malformed value list".into(),
            help: Some(format!("write `{} field in (V1, V2)`", parser.lead)),
        };
        if !self.peek().is_some_and(|t| t.kind == Kind::Open) {
            return Err(malformed(self));
        }
        self.next += 1;
        let mut values = Vec::new();
        loop {
            values.push(self.value(spans)?);
            match self.peek().map(|t| t.kind) {
                Some(Kind::Comma) => self.next += 1,
                Some(Kind::Close) => {
                    self.next += 1;
                    return Ok(values);
                }
                _ => return Err(malformed(self)),
            }
        }
    }

    /// One value, as written (typed later); its span and whether it was quoted go to `spans`.
    fn value(&mut self, spans: &mut AtomSpans) -> Parsed<'a, Value> {
        if let Some(bad) = self.peek().filter(|t| t.kind == Kind::Bad) {
            let message = if bad.text == "!" {
                "`!` alone in a condition; write `!=`"
            } else {
                "unterminated quoted value in a condition"
            };
            return Err(Problem {
                at: Some(bad.text),
                message: message.into(),
                help: None,
            });
        }
        let token = self
            .peek()
            .filter(|t| matches!(t.kind, Kind::Word | Kind::Quoted | Kind::Backticked));
        let Some(token) = token else {
            return Err(Problem {
                at: self.peek().map(|t| t.text),
                message: "empty value in a condition".into(),
                help: None,
            });
        };
        self.next += 1;
        let text = match token.kind {
            Kind::Quoted => match serde_json::from_str::<String>(token.text) {
                Ok(text) => text,
                Err(_) => {
                    return Err(Problem {
                        at: Some(token.text),
                        message: "malformed quoted value in a condition".into(),
                        help: Some("write a JSON string: `\"a value\"`".into()),
                    });
                }
            },
            Kind::Backticked => token.text[1..token.text.len() - 1].to_owned(),
            _ => token.text.to_owned(),
        };
        if text.is_empty() {
            return Err(Problem {
                at: Some(token.text),
                message: "empty value in a condition".into(),
                help: None,
            });
        }
        spans
            .values
            .push((self.cell.span_of(token.text), token.kind != Kind::Word));
        Ok(Value::Str(text))
    }
}

/// The one condition of `list`, or `wrap` of them all.
fn one_or(mut list: Vec<Condition>, wrap: fn(Vec<Condition>) -> Condition) -> Condition {
    if list.len() == 1 {
        list.remove(0)
    } else {
        wrap(list)
    }
}

/// `super.super.a.b` as a path, with the slice of each step after the `super`s; `None` when
/// `text` is not identifiers joined by dots.
fn path(text: &str) -> Option<(FieldPath, Vec<&str>)> {
    let parts: Vec<&str> = text.split('.').collect();
    let identifier = |part: &&str| {
        part.chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    if !parts.iter().all(identifier) {
        return None;
    }
    let up = parts.iter().take_while(|part| **part == "super").count();
    let up = up.min(parts.len() - 1);
    let steps = parts[up..].to_vec();
    let path = FieldPath {
        up,
        steps: steps.iter().map(|s| (*s).to_owned()).collect(),
    };
    Some((path, steps))
}

impl FileChecker<'_> {
    /// Reads the condition of a conditional requirement (`lead` = `C:`) or a conditional format
    /// (`lead` = `FORMAT if`), with the spans of its paths and values; a malformed one is
    /// reported (one error: the first thing wrong).
    pub(in super::super) fn parse_condition(
        &mut self,
        cell: &Cell,
        condition: &str,
        lead: &str,
    ) -> Option<(Condition, ConditionSpans)> {
        let tokens = tokens(condition);
        let mut parser = Parser {
            tokens: &tokens,
            next: 0,
            whole: condition,
            lead,
            cell,
            atoms: Vec::new(),
        };
        match parser.whole() {
            Ok(parsed) => Some((
                parsed,
                ConditionSpans {
                    atoms: parser.atoms,
                },
            )),
            Err(problem) => {
                let span: Span = match problem.at {
                    Some(at) if !at.is_empty() => cell.span_of(at),
                    _ => cell.span,
                };
                self.error(span, problem.message, problem.help);
                None
            }
        }
    }
}
