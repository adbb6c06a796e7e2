//! The Format parts of numbers and of the kinds a field accepts: `range A..B` and `scale N`
//! (`Integer`, `Number`), `accepts number, boolean` / `accepts string` / `accepts none`, read
//! into the draft field; their fit to the row's type; and the file's `Accepts:` line, the
//! default of every field it fits (docs/SEMANTICS.md §2.8, §2.9).

use fieldtab_runtime::{NumberRules, check_number};

use super::FieldSpans;
use super::file::FileChecker;
use crate::diagnostics::Span;
use crate::model::{Accepts, Field, Range, Type};
use crate::read::syntax::Document;

const RANGE_HELP: &str =
    "write `range 1..`, `range ..720`, `range -720..720` or `range 0.01..99.99`";
const ACCEPTS_HELP: &str = "write `accepts number`, `accepts boolean`, `accepts number, boolean`, `accepts string` or `accepts none`";

/// The Format parts this module reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum NumberPart {
    Range,
    Scale,
    Accepts,
}

impl NumberPart {
    /// The part `part` (of a Format cell) is, by its first word (any case).
    pub(super) fn of(part: &str) -> Option<NumberPart> {
        let word = part.split_whitespace().next()?.to_ascii_lowercase();
        match word.as_str() {
            "range" => Some(NumberPart::Range),
            "scale" => Some(NumberPart::Scale),
            "accepts" => Some(NumberPart::Accepts),
            _ => None,
        }
    }
}

/// Whether `text` is a bound of a range: a JSON number without an exponent (`-720`, `0.01`).
fn is_bound(text: &str) -> bool {
    fieldtab_runtime::is_json_number(text) && !text.contains(['e', 'E'])
}

/// The kinds of an `accepts` list (`number, boolean`), or the word that is not one. `none`
/// alone is nothing.
pub(super) fn accepts_list(text: &str) -> Result<Accepts, String> {
    let words: Vec<&str> = text
        .split([',', ' '])
        .map(str::trim)
        .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("and"))
        .collect();
    if words.is_empty() {
        return Err(String::new());
    }
    let mut accepts = Accepts::NONE;
    for word in &words {
        accepts = accepts.and(match word.to_ascii_lowercase().as_str() {
            "number" | "numbers" => Accepts::NUMBER,
            "boolean" | "booleans" => Accepts::BOOLEAN,
            "string" | "strings" => Accepts::STRING,
            "none" if words.len() == 1 => Accepts::NONE,
            _ => return Err((*word).to_owned()),
        });
    }
    Ok(accepts)
}

/// What a file's `Accepts:` default gives a field of type `ty`: the kinds that fit it (numbers
/// and Booleans on a string field, strings on an `Integer`, `Number` or `Boolean` one), never
/// anything on arrays, enums or objects.
pub(super) fn default_for(ty: &Type, default: Accepts) -> Accepts {
    match ty {
        Type::Iso(_) | Type::String => Accepts {
            string: false,
            ..default
        },
        Type::Integer | Type::Number | Type::Boolean => Accepts {
            string: default.string,
            ..Accepts::NONE
        },
        Type::Named(_) | Type::Array(_) | Type::Map(_) | Type::Object => Accepts::NONE,
    }
}

impl FileChecker<'_> {
    /// Reads the file's `Accepts:` lines (several add up) into its default.
    pub(super) fn accepts_default(&mut self, doc: &Document) {
        for (text, span) in &doc.accepts {
            match accepts_list(text) {
                Ok(accepts) => self.accepts = self.accepts.and(accepts),
                Err(word) => {
                    let message = if word.is_empty() {
                        "`Accepts:` without a kind".to_owned()
                    } else {
                        format!("unknown kind `{word}` in `Accepts:`")
                    };
                    let help = "write `Accepts: number, boolean` (string fields take numbers and Booleans) or `Accepts: string` (`Integer`, `Number` and `Boolean` fields take strings holding their values)";
                    self.error(*span, message, Some(help.into()));
                }
            }
        }
    }

    /// `range A..B`, `scale N` or `accepts KINDS` (`kind`) at `span`, into `field`.
    pub(super) fn number_part(
        &mut self,
        kind: NumberPart,
        part: &str,
        span: Span,
        field: &mut Field,
        spans: &mut FieldSpans,
    ) -> bool {
        let rest = part
            .split_once(char::is_whitespace)
            .map_or("", |(_, rest)| rest)
            .trim();
        match kind {
            NumberPart::Range => self.range_part(rest, span, field, spans),
            NumberPart::Scale => {
                let Ok(scale) = rest.parse::<u32>() else {
                    self.error(
                        span,
                        "malformed `scale`",
                        Some("write the most digits after the decimal point: `scale 2`".into()),
                    );
                    return false;
                };
                if field.scale.is_some() {
                    self.error(span, "two scales", Some("a field has at most one".into()));
                    return false;
                }
                field.scale = Some(scale);
                spans.scale = span;
                true
            }
            NumberPart::Accepts => match accepts_list(rest) {
                Ok(accepts) => {
                    if spans.accepts.is_some() {
                        self.error(
                            span,
                            "`accepts` given twice",
                            Some("list every kind in one part: `accepts number, boolean`".into()),
                        );
                        return false;
                    }
                    field.accepts = accepts;
                    spans.accepts = Some(span);
                    true
                }
                Err(word) => {
                    let message = if word.is_empty() {
                        "`accepts` without a kind".to_owned()
                    } else if word.eq_ignore_ascii_case("none") {
                        "`accepts none` stands alone: it turns the file's default off".to_owned()
                    } else {
                        format!("unknown kind `{word}` in `accepts`")
                    };
                    self.error(span, message, Some(ACCEPTS_HELP.into()));
                    false
                }
            },
        }
    }

    fn range_part(
        &mut self,
        rest: &str,
        span: Span,
        field: &mut Field,
        spans: &mut FieldSpans,
    ) -> bool {
        let Some((min, max)) = rest.split_once("..") else {
            self.error(span, "malformed `range`", Some(RANGE_HELP.into()));
            return false;
        };
        let (min, max) = (min.trim(), max.trim());
        if min.is_empty() && max.is_empty() {
            self.error(
                span,
                "a `range` without a bound",
                Some(format!("{RANGE_HELP}; or drop the part")),
            );
            return false;
        }
        for bound in [min, max] {
            if !bound.is_empty() && !is_bound(bound) {
                self.error(
                    span,
                    format!("malformed bound `{bound}` in `range`"),
                    Some("bounds are decimal numbers without an exponent: `-720`, `0.01`".into()),
                );
                return false;
            }
        }
        if !min.is_empty()
            && !max.is_empty()
            && check_number(max, &NumberRules::NUMBER.range(Some(min), None)).is_err()
        {
            self.error(
                span,
                format!("inverted range `{min}..{max}`"),
                Some(format!(
                    "write the smaller bound first: `range {max}..{min}`"
                )),
            );
            return false;
        }
        if field.range.is_some() {
            self.error(span, "two ranges", Some("a field has at most one".into()));
            return false;
        }
        let bound = |b: &str| (!b.is_empty()).then(|| b.to_owned());
        field.range = Some(Range {
            min: bound(min),
            max: bound(max),
        });
        spans.range = span;
        true
    }

    /// The numbers' parts and `accepts` fit the field's type; false (after reporting it) when
    /// one does not.
    pub(super) fn fit_numbers(&mut self, field: &Field, spans: &FieldSpans) -> bool {
        let mut ok = true;
        let element = field.ty.element();
        if let Some(range) = &field.range {
            match element {
                Type::Integer => {
                    let bounds = [range.min.as_deref(), range.max.as_deref()];
                    for bound in bounds.into_iter().flatten() {
                        if !fieldtab_runtime::is_json_integer(bound) {
                            self.error(
                                spans.range,
                                format!(
                                    "the range of an `Integer` has integer bounds, not `{bound}`"
                                ),
                                Some("write an integer, or make the field a `Number`".into()),
                            );
                            ok = false;
                        } else if check_number(bound, &NumberRules::INTEGER).is_err() {
                            self.error(
                                spans.range,
                                format!("the bound `{bound}` is beyond every `Integer`"),
                                Some(
                                    "an `Integer` is within -9223372036854775808..9223372036854775807; for larger values use `Number`"
                                        .into(),
                                ),
                            );
                            ok = false;
                        }
                    }
                }
                Type::Number => {}
                other => {
                    self.error(
                        spans.range,
                        format!("`range` does not fit type `{other}`"),
                        Some(
                            "`range` applies to `Integer` and `Number` fields; a string's length is the Length cell"
                                .into(),
                        ),
                    );
                    ok = false;
                }
            }
        }
        if field.scale.is_some() && element != &Type::Number {
            let help = if element == &Type::Integer {
                "an `Integer` has no decimal places; drop `scale`, or make the field a `Number`"
            } else {
                "`scale` applies to `Number` fields"
            };
            self.error(
                spans.scale,
                format!("`scale` does not fit type `{}`", field.ty),
                Some(help.into()),
            );
            ok = false;
        }
        if let Some(span) = spans.accepts {
            let a = field.accepts;
            let fits = match &field.ty {
                Type::Iso(_) | Type::String => !a.string,
                Type::Integer | Type::Number | Type::Boolean => !a.number && !a.boolean,
                Type::Named(_) | Type::Array(_) | Type::Map(_) | Type::Object => a.is_none(),
            };
            if !fits {
                let what = match (a.number, a.boolean, a.string) {
                    (_, _, true) => "accepts string",
                    (true, true, _) => "accepts number, boolean",
                    (true, false, _) => "accepts number",
                    _ => "accepts boolean",
                };
                self.error(
                    span,
                    format!("`{what}` does not fit type `{}`", field.ty),
                    Some(
                        "`accepts number` and `accepts boolean` apply to string fields (a type code or `String`), `accepts string` to `Integer`, `Number` and `Boolean` fields; not to arrays, maps, enums or objects"
                            .into(),
                    ),
                );
                ok = false;
            }
        }
        ok
    }
}

/// The Format part `range A..B` a phrase `Value range: MIN - MAX` states (`None`: unlimited),
/// on a field of type `ty`; or why it cannot be a rule there (a warning: vendors write value
/// ranges on fields their tables type `String`).
pub(super) fn range_syntax(
    ty: &Type,
    min: &Option<String>,
    max: &Option<String>,
) -> Result<String, String> {
    match ty.element() {
        Type::Integer | Type::Number => Ok(format!(
            "range {}..{}",
            min.as_deref().unwrap_or(""),
            max.as_deref().unwrap_or("")
        )),
        other => Err(format!(
            "a value range applies to `Integer` and `Number` fields, and this one is `{other}`"
        )),
    }
}

impl FileChecker<'_> {
    /// The range `read` from a phrase (its parts `read_spans`, the phrase at `at`) merged into
    /// `field`: `Some(true)` when it is new, `Some(false)` when the Format cell states the
    /// same, `None` (reported) when the two disagree.
    pub(super) fn prose_range(
        &mut self,
        read: &Field,
        read_spans: &FieldSpans,
        at: Span,
        field: &mut Field,
        spans: &mut FieldSpans,
    ) -> Option<bool> {
        let Some(range) = &read.range else {
            return Some(false);
        };
        match &field.range {
            Some(known) if known != range => {
                let explicit = format!(
                    "range {}..{}",
                    known.min.as_deref().unwrap_or(""),
                    known.max.as_deref().unwrap_or("")
                );
                self.disagree(at, "Format", &explicit, spans.range);
                None
            }
            Some(_) => Some(false),
            None => {
                field.range = Some(range.clone());
                spans.range = read_spans.range;
                Some(true)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Schema;
    use crate::model::{Accepts, Field, Range};

    fn fields(text: &str) -> Vec<Field> {
        let schema = Schema::parse("numbers.md", text).unwrap_or_else(|d| panic!("{d}"));
        let item = schema.module.item("Quote").expect("Quote");
        item.kind.object().expect("an object").fields.clone()
    }

    fn range(min: Option<&str>, max: Option<&str>) -> Option<Range> {
        Some(Range {
            min: min.map(str::to_owned),
            max: max.map(str::to_owned),
        })
    }

    const QUOTE: &str = "# Q\n\nAccepts: string, number\n\n## message Quote\n\n\
| Field | Data type | Required | Format | Description |\n|---|---|---|---|---|\n\
| offset | Integer | No | | Minutes. Value range: -720 - 720 |\n\
| price | Number | No | range 0.01..; scale 2 | The price. |\n\
| count | Integer | No | accepts none | Value range: 1 - unlimited |\n\
| flag | Boolean | No | | |\n\
| code | String | No | | |\n\
| codes | List<String> | No | | |\n\
| name | String | No | accepts boolean | Value range: 1 - 5 |\n";

    #[test]
    fn parts_prose_and_the_file_default_read_into_the_model() {
        let f = fields(QUOTE);
        assert_eq!(f[0].range, range(Some("-720"), Some("720")));
        assert_eq!(f[0].accepts, Accepts::STRING);
        assert_eq!(f[1].range, range(Some("0.01"), None));
        assert_eq!(f[1].scale, Some(2));
        assert_eq!(f[2].range, range(Some("1"), None));
        assert_eq!(f[2].accepts, Accepts::NONE);
        assert_eq!(f[3].accepts, Accepts::STRING);
        // The file's kinds that fit each field: numbers for strings, strings for the others.
        assert_eq!(f[4].accepts, Accepts::NUMBER);
        assert_eq!(f[5].accepts, Accepts::NONE);
        // The field's own `accepts` replaces the default; a range on a string is not read.
        assert_eq!(f[6].accepts, Accepts::BOOLEAN);
        assert_eq!(f[6].range, None);
    }

    #[test]
    fn prose_and_format_ranges_must_agree() {
        let text = "# Q\n\n## message Quote\n\n\
| Field | Data type | Required | Format | Description |\n|---|---|---|---|---|\n\
| offset | Integer | No | range -720..720 | Value range: -720 - 720 |\n\
| other | Integer | No | range 0..10 | Value range: 1 - 10 |\n";
        let errors = match Schema::parse("numbers.md", text) {
            Ok(_) => panic!("no error"),
            Err(d) => d.to_string(),
        };
        assert!(
            errors.contains("the Description and the Format cell disagree"),
            "{errors}"
        );
        assert_eq!(errors.matches("error:").count(), 1, "{errors}");
    }
}
