//! Each phrase of "Rules in prose" (`schemas/README.md`) in the spellings vendors use, what it
//! reads as, and what a schema makes of it.

use super::phrases::{Bound, Reading, Stated, Unit, find};
use super::{CellRule, Column, Problem, translate};
use crate::Schema;
use crate::model::{Length, Type};

/// The single phrase of `text`: its text and reading.
fn one(text: &str) -> (&str, Reading) {
    let phrases = find(text);
    assert_eq!(phrases.len(), 1, "{text}: {phrases:?}");
    (phrases[0].text, phrases[0].reading.clone())
}

fn rule(text: &str) -> Stated {
    match one(text) {
        (_, Reading::Rule(stated)) => stated,
        (_, other) => panic!("{text}: {other:?}"),
    }
}

fn unclear(text: &str) -> &str {
    match one(text) {
        (phrase, Reading::Unclear { .. }) => phrase,
        (_, other) => panic!("{text}: {other:?}"),
    }
}

fn max_length(n: &str, unit: Unit) -> Stated {
    Stated::Length {
        bound: Bound::Max,
        n: n.into(),
        unit,
    }
}

#[test]
fn maximum_length_in_the_vendors_spellings() {
    let chars = max_length("64", Unit::Characters);
    for text in [
        "Maximum length: 64 characters",
        "Maximum length: 64 characters.",
        "• Maximum length: 64 characters ",
        "Indicates the result codes<br>• Maximum length: 64 characters.<br>• Can be empty.",
        "More information:<br>- Maximum length: 64 characters",
        "More information: Maximum length: 64 characters The value follows the ISO 8601 standard.",
        "maximum LENGTH:64 Characters",
        "A maximum length of 64 characters.",
        "Max length: 64 chars",
    ] {
        assert_eq!(rule(text), chars, "{text}");
    }
    assert_eq!(
        one("Indicates.<br>• Maximum length: 64 characters.").0,
        "Maximum length: 64 characters"
    );
    assert_eq!(rule("Maximum length: 64"), max_length("64", Unit::None));
    assert_eq!(rule("Maximum length: 64."), max_length("64", Unit::None));
    assert_eq!(
        rule("Maximum length: 64 bytes"),
        max_length("64", Unit::Bytes)
    );
}

#[test]
fn minimum_and_exact_lengths() {
    assert_eq!(
        rule("Minimum length: 1 character"),
        Stated::Length {
            bound: Bound::Min,
            n: "1".into(),
            unit: Unit::Characters
        }
    );
    assert_eq!(
        rule("The length is 8 characters."),
        Stated::Length {
            bound: Bound::Exact,
            n: "8".into(),
            unit: Unit::Characters
        }
    );
}

#[test]
fn phrases_that_do_not_read_are_unclear() {
    assert_eq!(
        unclear("Maximum length: sixty-four. Can be empty."),
        "Maximum length: sixty-four"
    );
    assert_eq!(
        unclear("Maximum length: 64 kilobytes"),
        "Maximum length: 64 kilobytes"
    );
    assert_eq!(unclear("Maximum length: 6.4"), "Maximum length: 6.4");
    assert_eq!(unclear("Value range: see below"), "Value range: see below");
    assert_eq!(
        unclear("Indicates the product code. The valid value is"),
        "The valid value is"
    );
    assert_eq!(unclear("Valid values are:"), "Valid values are:");
    assert_eq!(
        unclear("Valid values are: POST: Indicates a POST request. GET: Indicates a GET."),
        "Valid values are: POST: Indicates a POST request"
    );
    assert_eq!(
        unclear("Characters not allowed: letters"),
        "Characters not allowed: letters"
    );
}

#[test]
fn words_that_merely_contain_a_lead_in_are_not_phrases() {
    for text in [
        "See Payment methods to check the valid values.",
        "The maximum lengthy text",
        "Prefixed as usual",
        "Can be empty.",
        "Note: This field is required when the value of success is false.",
    ] {
        assert!(find(text).is_empty(), "{text}: {:?}", find(text));
    }
}

#[test]
fn sizes_ranges_forbidden_characters_and_fixed_values() {
    assert_eq!(
        rule("More information: Maximum size: 100 elements"),
        Stated::Size {
            bound: Bound::Max,
            n: "100".into()
        }
    );
    assert_eq!(
        rule("Maximum size: 100"),
        Stated::Size {
            bound: Bound::Max,
            n: "100".into()
        }
    );
    assert_eq!(
        rule("Minimum size: 1 element"),
        Stated::Size {
            bound: Bound::Min,
            n: "1".into()
        }
    );
    let range = |min: Option<&str>, max: Option<&str>| Stated::Range {
        min: min.map(Into::into),
        max: max.map(Into::into),
    };
    assert_eq!(
        rule("More information: Value range: 1 - unlimited"),
        range(Some("1"), None)
    );
    assert_eq!(
        rule("Value range: -720 - 720"),
        range(Some("-720"), Some("720"))
    );
    assert_eq!(
        rule("Value range: 0.01 – 99.99."),
        range(Some("0.01"), Some("99.99"))
    );
    assert_eq!(rule("Value range: 1-100"), range(Some("1"), Some("100")));
    assert_eq!(rule("Value range: unlimited - 0"), range(None, Some("0")));
    assert_eq!(rule("(value range: unlimited)."), range(None, None));
    assert_eq!(unclear("Value range: 1"), "Value range: 1");
    assert_eq!(
        rule("The rate. The value is between 0.01 and 99.99."),
        range(Some("0.01"), Some("99.99"))
    );
    assert_eq!(
        rule("The value is between -720 to 720"),
        range(Some("-720"), Some("720"))
    );
    assert_eq!(
        unclear("The value is between friends"),
        "The value is between friends"
    );
    assert_eq!(
        rule("• Characters not allowed: special characters such as @ # ?"),
        Stated::Forbidden("@#?".into())
    );
    assert_eq!(
        rule("Characters not allowed: `@`, `#` and `?`. Can be empty."),
        Stated::Forbidden("@#?".into())
    );
    assert_eq!(
        rule("Indicates the product code. The valid value is SPICE_SECRET_VOUCHER."),
        Stated::Fixed("SPICE_SECRET_VOUCHER".into())
    );
    assert_eq!(
        one("Indicates the product code. The valid value is SPICE_SECRET_VOUCHER.").0,
        "The valid value is SPICE_SECRET_VOUCHER"
    );
    assert_eq!(
        rule("The valid value is `A B`."),
        Stated::Fixed("A B".into())
    );
    assert_eq!(
        rule("The value is fixed as RedirectActionForm. More information: x"),
        Stated::Fixed("RedirectActionForm".into())
    );
}

#[test]
fn value_lists_inline_and_one_a_line() {
    let values = |v: &[&str]| Stated::Values(v.iter().map(|s| s.to_string()).collect());
    assert_eq!(
        rule("Valid values are: `S`, `F`, `U`"),
        values(&["S", "F", "U"])
    );
    assert_eq!(
        rule("Valid values are 1, 4, 8, 15, 16, 24, 30, 32, or 48. For example, 8 means 8-bit."),
        values(&["1", "4", "8", "15", "16", "24", "30", "32", "48"])
    );
    let cell = "Indicates the status. Valid values are:<br>• PROCESSING: The benefit is synchronizing.<br>• SUCCESS: Synchronized.<br>• FAIL: Failed.<br>Note: This field is required when the value of<br>syncStatus is FAIL.";
    let phrases = find(cell);
    assert_eq!(phrases.len(), 1);
    assert_eq!(
        phrases[0].reading,
        Reading::Rule(values(&["PROCESSING", "SUCCESS", "FAIL"]))
    );
    assert_eq!(
        phrases[0].text,
        "Valid values are:<br>• PROCESSING: The benefit is synchronizing.<br>• SUCCESS: Synchronized.<br>• FAIL"
    );
    assert_eq!(
        phrases[0].shown,
        "Valid values are: PROCESSING, SUCCESS, FAIL"
    );
    let dashes = "The result status. Valid values are:<br>- `S`: Successful<br>- `F`: Failed";
    assert_eq!(rule(dashes), values(&["S", "F"]));
    let plain = "Valid values are:<br>S: Successful<br>F: Failed<br>Note: not a value.";
    assert_eq!(rule(plain), values(&["S", "F"]));
    // A phrase on the line after a list is a phrase of its own.
    let then =
        "Valid values are:<br>- `S`: ok<br>More information:<br>- Maximum length: 1 character";
    let phrases = find(then);
    assert_eq!(phrases.len(), 2, "{phrases:?}");
    assert_eq!(phrases[0].reading, Reading::Rule(values(&["S"])));
    assert_eq!(
        phrases[1].reading,
        Reading::Rule(max_length("1", Unit::Characters))
    );
}

#[test]
fn several_phrases_in_one_cell() {
    let cell = "Indicates the unique ID.<br>• Maximum length: 64 characters.<br>• Characters not allowed: special characters such as @ # ?";
    let phrases = find(cell);
    let texts: Vec<&str> = phrases.iter().map(|p| p.text).collect();
    assert_eq!(
        texts,
        [
            "Maximum length: 64 characters",
            "Characters not allowed: special characters such as @ # ?"
        ]
    );
    let two = find("Minimum length: 1. Maximum length: 64 characters");
    assert_eq!(two.len(), 2);
}

#[test]
fn lengths_translate_into_the_length_cell() {
    let translated = |text: &str, ty: Type| translate(&find(text), &ty);
    let (rules, problems) = translated("Maximum length: 64 characters", Type::String);
    assert!(problems.is_empty());
    assert_eq!(
        rules,
        [CellRule {
            column: Column::Length,
            syntax: "64".into(),
            phrases: vec![0],
            states: (false, true),
            values: Vec::new(),
        }]
    );
    let (rules, _) = translated("Minimum length: 1<br>Maximum length: 64", Type::String);
    assert_eq!(rules[0].syntax, "1..64");
    assert_eq!(rules[0].states, (true, true));
    let (rules, _) = translated("The length is 8 characters", Type::String);
    assert_eq!(rules[0].syntax, "8..8");
    let (rules, problems) = translated(
        "Maximum length: 64 characters. Maximum length: 64",
        Type::String,
    );
    assert_eq!(
        (rules.len(), problems.len()),
        (1, 0),
        "identical statements"
    );
    assert_eq!(rules[0].phrases, [0, 1]);
    let (_, problems) = translated("Maximum length: 64. Maximum length: 32", Type::String);
    assert_eq!(problems, [Problem::Conflict(1, 0)]);
    let (rules, problems) = translated("Minimum length: 1", Type::String);
    assert!(rules.is_empty());
    assert!(matches!(&problems[..], [Problem::Unsupported(0, _)]));
    let (rules, problems) = translated("Maximum length: 64 bytes", Type::String);
    assert!(rules.is_empty());
    assert!(matches!(&problems[..], [Problem::Unsupported(0, _)]));
    let (rules, problems) = translated(
        "Maximum length: 64 bytes",
        Type::Iso(fieldtab_runtime::Charset::Ans),
    );
    assert!(problems.is_empty());
    assert_eq!(rules[0].syntax, "64");
}

#[test]
fn sizes_translate_into_an_items_part() {
    let list = Type::Array(Box::new(Type::String));
    let translated = |text: &str| translate(&find(text), &list);
    let (rules, problems) = translated("More information: Maximum size: 100 elements");
    assert!(problems.is_empty());
    assert_eq!(
        rules,
        [CellRule {
            column: Column::Format,
            syntax: "items ..100".into(),
            phrases: vec![0],
            states: (false, true),
            values: Vec::new(),
        }]
    );
    let (rules, _) = translated("Minimum size: 1 element<br>Maximum size: 4 elements");
    assert_eq!(
        (rules[0].syntax.as_str(), rules[0].states),
        ("items 1..4", (true, true))
    );
    let (rules, _) = translated("Minimum size: 2 elements");
    assert_eq!(rules[0].syntax, "items 2..");
    // No limit stated: no rule.
    assert!(translated("Minimum size: 0 elements").0.is_empty());
    let (_, problems) = translated("Maximum size: 4 elements. Maximum size: 5 elements");
    assert_eq!(problems, [Problem::Conflict(1, 0)]);
}

#[test]
fn fixed_values_translate_into_a_format_part() {
    let (rules, problems) = translate(
        &find("The valid value is SPICE_SECRET_VOUCHER."),
        &Type::String,
    );
    assert!(problems.is_empty());
    assert_eq!(rules[0].column, Column::Format);
    assert_eq!(rules[0].syntax, "fixed SPICE_SECRET_VOUCHER");
    let (rules, _) = translate(&find("The valid value is `a; b`."), &Type::String);
    assert_eq!(rules[0].syntax, r#"fixed "a; b""#);
    let (_, problems) = translate(
        &find("The valid value is A. The value is fixed as B."),
        &Type::String,
    );
    assert_eq!(problems, [Problem::Conflict(1, 0)]);
}

#[test]
fn characters_not_allowed_translate_into_a_format_part() {
    let (rules, problems) = translate(
        &find(
            "• Characters not allowed: special characters such as @ # ?<br>Characters not allowed: `\"`, `?`",
        ),
        &Type::String,
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(rules[0].column, Column::Format);
    assert_eq!(
        rules[0].syntax, r#"forbidden "@#?\"""#,
        "the union, as a JSON string"
    );
    assert_eq!(rules[0].phrases, [0, 1]);
}

fn table(rows: &str) -> String {
    format!(
        "# T\n\n## message M\n\n| Field | Data type | Length | Required | Format | Description |\n|---|---|---|---|---|---|\n{rows}"
    )
}

#[test]
fn a_rule_in_prose_is_the_rule_of_the_explicit_cell() {
    let prose = Schema::parse(
        "p.md",
        &table("| id | String | | Yes | | The ID.<br>• Maximum length: 64 characters |\n| code | String | | No | | The valid value is `SPICE`. Characters not allowed: @ # ? |\n"),
    )
    .expect("clean");
    let explicit = Schema::parse(
        "e.md",
        &table("| id | String | 64 | Yes | | The ID.<br>• Maximum length: 64 characters |\n| code | String | | No | fixed SPICE; forbidden \"@#?\" | The valid value is `SPICE`. Characters not allowed: @ # ? |\n"),
    )
    .expect("clean");
    assert_eq!(prose.module, explicit.module);
    let fields = &prose.module.items[0].kind.object().expect("object").fields;
    assert_eq!(fields[0].length, Some(Length::max_only(64)));
    assert_eq!(fields[1].fixed.as_deref(), Some("SPICE"));
    assert_eq!(fields[1].forbidden.as_deref(), Some("@#?"));
    assert!(prose.warnings.is_empty());
    let explained: Vec<String> = prose.prose.iter().map(ToString::to_string).collect();
    assert_eq!(
        explained,
        [
            "p.md:7:40: M.id: Length `64` from \"Maximum length: 64 characters\"",
            "p.md:8:28: M.code: Format `fixed SPICE` from \"The valid value is `SPICE`\"",
            "p.md:8:56: M.code: Format `forbidden \"@#?\"` from \"Characters not allowed: @ # ?\"",
        ]
    );
    assert_eq!(explicit.prose.len(), 3, "agreeing phrases are listed too");
}

#[test]
fn a_prose_length_keeps_the_explicit_minimum() {
    let schema = Schema::parse(
        "p.md",
        &table("| id | String | 1..64 | Yes | | Maximum length: 64 characters |\n"),
    )
    .expect("clean");
    let fields = &schema.module.items[0].kind.object().expect("object").fields;
    assert_eq!(fields[0].length, Some(Length { min: 1, max: 64 }));
}

#[test]
fn rules_in_prose_obey_the_same_checks() {
    let errors = |rows: &str| match Schema::parse("p.md", &table(rows)) {
        Ok(_) => panic!("no error: {rows}"),
        Err(d) => d.to_string(),
    };
    let zero = errors("| id | String | | Yes | | Maximum length: 0 characters |\n");
    assert!(zero.contains("error: a maximum length of 0"), "{zero}");
    assert!(
        zero.contains("= note: read from the Description's"),
        "{zero}"
    );
    let integer = errors("| n | Integer | | Yes | | Maximum length: 10 |\n");
    assert!(
        integer.contains("`Integer` fields have no length"),
        "{integer}"
    );
    assert!(integer.contains("p.md:7:27:"), "at the phrase: {integer}");
    assert!(
        integer.contains("= note: read from the Description's"),
        "{integer}"
    );
    let fixed = errors("| id | String | 2 | Yes | | The valid value is ABC. |\n");
    assert!(
        fixed.contains("the fixed value breaks the field's own rules"),
        "{fixed}"
    );
    assert!(fixed.contains("p.md:7:29:"), "at the phrase: {fixed}");
}

#[test]
fn warnings_leave_the_schema_usable() {
    let schema = Schema::parse(
        "p.md",
        &table("| id | String | 64 | Yes | | Maximum length: sixty-four |\n"),
    )
    .expect("a warning is not an error");
    assert_eq!(schema.warnings.len(), 1);
    let text = schema.warnings.to_string();
    assert!(
        text.starts_with("p.md:7:30: warning: `Maximum length: sixty-four` reads like a rule but is not understood"),
        "{text}"
    );
    assert!(schema.prose.is_empty());
}

/// Pieces vendors' phrases are made of, and some that break them.
const PIECES: &[&str] = &[
    "Maximum length",
    "Minimum length",
    "The length is",
    "Maximum size",
    "Valid values are",
    "The valid value is",
    "fixed as",
    "Value range",
    "The value is between",
    " and ",
    "Characters not allowed",
    "special characters such as",
    "e.g.",
    ":",
    "：",
    " ",
    " 64",
    "-720",
    "0.5",
    " - ",
    "unlimited",
    " characters",
    " bytes",
    " elements",
    "<br>",
    "<br />",
    "<BR",
    "• ",
    "- ",
    "`S`",
    "`",
    "\"a b\"",
    "\"",
    ", ",
    " or ",
    ".",
    ". ",
    "@ # ?",
    "Note:",
    "é",
    "日本",
    "\u{200b}",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig {
        cases: 3_000,
        failure_persistence: None,
        ..proptest::prelude::ProptestConfig::default()
    })]

    /// Any text made of these pieces reads without panicking; every phrase is a part of the
    /// text, and what a cell states always reads into some rule or problem, never a panic.
    #[test]
    fn any_mix_of_phrase_pieces_reads_without_panicking(
        picks in proptest::collection::vec(0..PIECES.len(), 0..24),
    ) {
        let text: String = picks.iter().map(|&i| PIECES[i]).collect();
        let phrases = find(&text);
        for phrase in &phrases {
            proptest::prop_assert!(text.contains(phrase.text), "{:?} in {:?}", phrase.text, text);
        }
        let _ = translate(&phrases, &Type::String);
        let row = format!("| id | String | | Yes | | {} |\n", text.replace('|', "\\|"));
        let _ = Schema::parse("p.md", &table(&row));
    }
}

#[test]
fn a_list_of_values_agrees_with_an_enum_type_or_a_boolean() {
    let text = format!(
        "{}\n## enum Status\n\n| Value |\n|---|\n| S |\n| F |\n| U |\n",
        table(
            "| status | Status | | Yes | | Valid values are:<br>• S: ok<br>• F: failed<br>• U: unknown |\n| flag | Boolean | | No | | Valid values are: `true`, `false` |\n"
        )
    );
    let schema = Schema::parse("p.md", &text).expect("clean");
    let explained: Vec<String> = schema.prose.iter().map(ToString::to_string).collect();
    assert_eq!(
        explained,
        [
            "p.md:7:31: M.status: Type `Status` from \"Valid values are: S, F, U\"",
            "p.md:8:29: M.flag: Type `Boolean` from \"Valid values are: `true`, `false`\"",
        ]
    );
}

#[test]
fn a_list_of_values_on_a_string_field_is_an_inline_enum() {
    let translated = |text: &str, ty: Type| translate(&find(text), &ty).0;
    let rules = translated(
        "Valid values are:<br>• PROCESSING: busy<br>• SUCCESS: done<br>• FAIL: failed",
        Type::String,
    );
    assert_eq!(rules[0].column, Column::Type);
    assert_eq!(rules[0].syntax, "enum(PROCESSING, SUCCESS, FAIL)");
    let rules = translated("Valid values are: `in store`, `a,b`, S", Type::String);
    assert_eq!(rules[0].syntax, r#"enum("in store", "a,b", S)"#);
    let rules = translated(
        "Valid values are: `S`, `F`",
        Type::Array(Box::new(Type::String)),
    );
    assert_eq!(rules[0].syntax, "Array<enum(S, F)>");
    let listed =
        "| status | String | | Yes | | Valid values are:<br>- `S`: Successful<br>- `F`: Failed |\n";
    let prose = Schema::parse("p.md", &table(listed)).expect("clean");
    let cell = Schema::parse(
        "c.md",
        &table("| status | enum(S, F) | | Yes | | Successful or failed. |\n"),
    )
    .expect("clean");
    assert_eq!(prose.module.without_docs(), cell.module.without_docs());
    let status = prose
        .module
        .enum_named("MStatus")
        .expect("the inline enum's item");
    let values: Vec<&str> = status.values.iter().map(|v| v.value.as_str()).collect();
    assert_eq!(values, ["S", "F"]);
    assert_eq!(
        prose.prose[0].to_string(),
        "p.md:7:31: M.status: Type `enum(S, F)` from \"Valid values are: S, F\""
    );
}

#[test]
fn a_length_beside_a_list_of_values_is_held_to_the_values() {
    let rows = "| method | String | 4 | Yes | | Valid values are: POST, GET. Maximum length: 4 characters. Characters not allowed: @ |\n";
    let schema = Schema::parse("p.md", &table(rows)).expect("every value fits");
    let field = &schema.module.items[0].kind.object().expect("object").fields[0];
    assert_eq!(field.ty, Type::Named("MMethod".into()));
    assert_eq!((field.length, field.forbidden.as_deref()), (None, None));
    let errors = |rows: &str| match Schema::parse("p.md", &table(rows)) {
        Ok(_) => panic!("no error: {rows}"),
        Err(d) => d.to_string(),
    };
    let long = errors("| method | String | 3 | Yes | | Valid values are: POST, GET |\n");
    assert!(
        long.contains("error: the listed value `POST` has 4 characters, which the field's length (0..3) does not allow"),
        "{long}"
    );
    let forbidden =
        errors("| c | String | | Yes | | Valid values are: A@, B. Characters not allowed: @ |\n");
    assert!(
        forbidden.contains("the listed value `A@` holds a character the field forbids"),
        "{forbidden}"
    );
}
