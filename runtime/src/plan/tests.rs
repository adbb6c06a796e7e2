//! The one check of a field: order of checks, absent / `null` / empty, conditions, conditional
//! formats, enum rule, fixed value, and the caller's steps.

use super::prelude::*;
use super::{Fact, Fields, Parse, Proven, Seen, Text, no_siblings};
use crate::{JsonKind, Path, Report, Rule, RuleError};

/// The rules `plan` reports for `seen` (siblings from `type_value` at index 0), checking that
/// the verdict agrees with the report.
fn rules(plan: &FieldPlan<'_>, seen: Seen<'_>, type_value: Option<&str>) -> Vec<Rule> {
    let siblings = |i: usize| match type_value {
        Some(value) if i == 0 => Fact::Str(value),
        _ => Fact::Absent,
    };
    let mut report = Report::new();
    let ok = plan.check(seen, &mut Text, &siblings, &Path::root(), &mut report);
    assert_eq!(ok, report.is_empty(), "{seen:?}");
    report.iter().map(|v| v.rule).collect()
}

const KIND: EnumRule<'static> = EnumRule {
    values: &["BASE64", "URL", ""],
    open: false,
};

const PROC: FieldPlan<'static> = FieldPlan::new("procType", Mandatory)
    .length(Bytes, 0, 2)
    .charset(Charset::An)
    .fixed("41");

const TIME: FieldPlan<'static> = FieldPlan::new("localTime", Optional)
    .length(Bytes, 0, 14)
    .charset(Charset::N)
    .format(Format::LocalTime);

const WHEN_URL: Condition<'static> = In(FactPath::own(0, &["type"]), &[Str("URL")]);

const CONTENT: FieldPlan<'static> =
    FieldPlan::new("content", When(WHEN_URL)).format_when(&[FormatWhen {
        when: WHEN_URL,
        format: Format::Url,
    }]);

#[test]
fn absent_and_null_are_required_only_when_the_field_is() {
    for seen in [Seen::Absent, Seen::Null] {
        assert_eq!(rules(&PROC, seen, None), [Rule::Required]);
        assert_eq!(rules(&TIME, seen, None), []);
        assert_eq!(rules(&CONTENT, seen, Some("URL")), [Rule::Required]);
        assert_eq!(rules(&CONTENT, seen, Some("BASE64")), []);
        assert_eq!(rules(&CONTENT, seen, None), []);
    }
}

#[test]
fn an_empty_string_is_missing_when_required_and_a_value_otherwise() {
    assert_eq!(rules(&PROC, Seen::from(""), None), [Rule::Required]);
    // Optional: the empty string goes through the rules (here only the fixed value fails).
    let optional = FieldPlan {
        requirement: Optional,
        ..PROC
    };
    assert_eq!(rules(&optional, Seen::from(""), None), [Rule::Const]);
    // Conditional: required only when the condition holds; then no conditional format runs.
    assert_eq!(
        rules(&CONTENT, Seen::from(""), Some("URL")),
        [Rule::Required]
    );
    assert_eq!(rules(&CONTENT, Seen::from(""), Some("BASE64")), []);
}

#[test]
fn a_wrong_kind_is_one_type_violation_and_a_decoded_value_is_present() {
    let wrong = Seen::Wrong {
        expected: JsonKind::String,
        found: JsonKind::Number,
    };
    assert_eq!(rules(&PROC, wrong, None), [Rule::Type]);
    assert_eq!(rules(&CONTENT, wrong, Some("URL")), [Rule::Type]);
    assert_eq!(rules(&PROC, Seen::Decoded, None), []);
    assert_eq!(rules(&CONTENT, Seen::Decoded, Some("URL")), []);
}

#[test]
fn string_rules_run_in_order_and_independently() {
    assert_eq!(rules(&PROC, Seen::from("41"), None), []);
    assert_eq!(
        rules(&PROC, Seen::from("4-1"), None),
        [Rule::Length, Rule::Charset, Rule::Const]
    );
    assert_eq!(rules(&PROC, Seen::from("42"), None), [Rule::Const]);
    assert_eq!(
        rules(&TIME, Seen::from("202402291200000"), None),
        [Rule::Length, Rule::Format]
    );
}

#[test]
fn the_format_is_skipped_when_the_charset_fails() {
    assert_eq!(
        rules(&TIME, Seen::from("2024022912000x"), None),
        [Rule::Charset]
    );
    // A verdict the caller already knows is taken as is; the message still comes from the
    // charset rule.
    let mut report = Report::new();
    let known = Seen::Str("x", Some(false));
    assert!(!TIME.check(known, &mut Text, &no_siblings, &Path::root(), &mut report));
    assert_eq!(report.len(), 1);
    assert_eq!(report.violations()[0].rule, Rule::Charset);
    let mut report = Report::new();
    let known = Seen::Str("2024022912000x", Some(true));
    assert!(!TIME.check(known, &mut Text, &no_siblings, &Path::root(), &mut report));
    assert_eq!(report.violations()[0].rule, Rule::Format);
}

#[test]
fn conditional_formats_follow_their_condition_after_the_other_rules() {
    assert_eq!(
        rules(&CONTENT, Seen::from("not a url"), Some("URL")),
        [Rule::Format]
    );
    assert_eq!(rules(&CONTENT, Seen::from("not a url"), Some("BASE64")), []);
    assert_eq!(rules(&CONTENT, Seen::from("not a url"), None), []);
    assert_eq!(
        rules(&CONTENT, Seen::from("https://a.example/x.png"), Some("URL")),
        []
    );
    // Raw comparison: `url` is not `URL`.
    assert_eq!(rules(&CONTENT, Seen::from("not a url"), Some("url")), []);
    // After length and const; skipped, as the format is, when the charset fails.
    let fixed = CONTENT.length(Chars, 0, 3).fixed("abc").charset(Charset::A);
    assert_eq!(
        rules(&fixed, Seen::from("abcd"), Some("URL")),
        [Rule::Length, Rule::Const, Rule::Format]
    );
    assert_eq!(
        rules(&fixed, Seen::from("ab-d"), Some("URL")),
        [Rule::Length, Rule::Charset, Rule::Const]
    );
    // An empty value of an optional field is a value: the format applies.
    let optional = FieldPlan {
        requirement: Optional,
        ..CONTENT
    };
    assert_eq!(
        rules(&optional, Seen::from(""), Some("URL")),
        [Rule::Format]
    );
}

#[test]
fn the_enum_rule_comes_last_and_open_enums_keep_any_value() {
    let closed = FieldPlan::new("type", Mandatory).enumeration(KIND);
    assert_eq!(rules(&closed, Seen::from("URL"), None), []);
    assert_eq!(rules(&closed, Seen::from("url"), None), [Rule::Enum]);
    // A listed empty value is still `required` in a mandatory field.
    assert_eq!(rules(&closed, Seen::from(""), None), [Rule::Required]);
    let open = FieldPlan::new("type", Optional).enumeration(EnumRule { open: true, ..KIND });
    assert_eq!(rules(&open, Seen::from("anything"), None), []);
    // The fixed value (`const`) is checked before `enum`.
    let fixed = closed.fixed("URL");
    assert_eq!(rules(&fixed, Seen::from("URL"), None), []);
    assert_eq!(rules(&fixed, Seen::from("BASE64"), None), [Rule::Const]);
    assert_eq!(
        rules(&fixed, Seen::from("PDF"), None),
        [Rule::Const, Rule::Enum]
    );
    let mut report = Report::new();
    closed.check(
        Seen::from("PDF"),
        &mut Text,
        &no_siblings,
        &Path::root(),
        &mut report,
    );
    assert_eq!(
        report.violations()[0].message,
        "must be one of `BASE64`, `URL`, ``"
    );
}

/// Records the strings its format and enum steps see, and fails them.
#[derive(Default)]
struct Spy {
    formats: Vec<String>,
    variants: Vec<String>,
}

impl Parse for Spy {
    fn format(&mut self, _: &crate::Format, value: &str) -> Result<(), RuleError> {
        self.formats.push(value.to_owned());
        Err(RuleError::new(Rule::Format, "spy"))
    }

    fn variant(&mut self, _: &EnumRule<'_>, value: &str) -> bool {
        self.variants.push(value.to_owned());
        false
    }
}

#[test]
fn the_caller_decides_what_format_and_enum_do() {
    let root = Path::root();
    let plan = TIME.enumeration(KIND);
    let mut spy = Spy::default();
    let mut report = Report::new();
    for value in ["1", "x", ""] {
        plan.check(
            Seen::from(value),
            &mut spy,
            &no_siblings,
            &root,
            &mut report,
        );
    }
    // The format step only on what passed the charset; the enum step on every string.
    assert_eq!(spy.formats, ["1", ""]);
    assert_eq!(spy.variants, ["1", "x", ""]);
    // A Rust value whose type proves format and membership: neither is checked.
    let mut report = Report::new();
    let seen = Seen::from("202402291200000");
    assert!(!plan.check(seen, &mut Proven, &no_siblings, &root, &mut report));
    assert_eq!(report.violations()[0].rule, Rule::Length);
    assert_eq!(report.len(), 1);
}

#[test]
fn an_element_is_a_value_not_a_field() {
    let root = Path::root();
    let mut report = Report::new();
    // No requirement: an empty element goes through the rules.
    assert!(!PROC.check_element("", None, &mut Text, &root, &mut report));
    assert_eq!(report.violations()[0].rule, Rule::Const);
    // No conditional format: they belong to (non-array) fields.
    let mut report = Report::new();
    assert!(CONTENT.check_element("not a url", None, &mut Text, &root, &mut report));
    assert!(report.is_empty());
}

#[test]
fn fields_check_each_value_at_its_path() {
    const FIELDS: [FieldPlan<'static>; 3] = [
        FieldPlan::new("type", Mandatory).enumeration(KIND),
        CONTENT,
        FieldPlan::new("sentAt", When(WHEN_URL)),
    ];
    let kind = String::from("URL");
    let siblings = |i: usize| {
        if i == 0 {
            Fact::from(&kind)
        } else {
            Fact::Absent
        }
    };
    let root = Path::root();
    let mut report = Report::new();
    let mut fields = Fields::new(&FIELDS, &root, &mut report).with_facts(siblings);
    fields.text(0, kind.as_str());
    fields.text(1, &Some(String::from("not a url")));
    fields.present(2, false);
    let tags = ["41", "4-1"];
    for (index, tag) in tags.iter().enumerate() {
        fields.element(0, tag, &root.key("tags").index(index));
    }
    let found: Vec<(&str, Rule)> = report.iter().map(|v| (v.path.as_str(), v.rule)).collect();
    assert_eq!(
        found,
        [
            ("/content", Rule::Format),
            ("/sentAt", Rule::Required),
            ("/tags/0", Rule::Enum),
            ("/tags/1", Rule::Enum),
        ]
    );
}

#[test]
fn conditions_compare_kinds_and_combine_in_three_values() {
    const KIND: FactPath<'static> = FactPath::own(0, &["kind"]);
    const PAID: FactPath<'static> = FactPath::own(1, &["paid"]);
    const TRIES: FactPath<'static> = FactPath::own(2, &["result", "tries"]);
    const ABOVE: FactPath<'static> = FactPath::up(1, &["kind"]);
    let facts = |i: usize| match i {
        0 => Fact::Str("A"),
        1 => Fact::Bool(false),
        2 => Fact::Int(7),
        _ => Fact::Absent,
    };
    // Same kind and value only: a string is not the Boolean, a Boolean not the string.
    assert!(In(KIND, &[Str("A")]).holds(&facts));
    assert!(!In(KIND, &[Str("a"), Bool(true)]).holds(&facts));
    assert!(In(PAID, &[Bool(false)]).holds(&facts));
    assert!(!In(PAID, &[Str("false")]).holds(&facts));
    assert!(In(TRIES, &[Int(1), Int(7)]).holds(&facts));
    assert!(!In(TRIES, &[Str("7")]).holds(&facts));
    // `!=` of an absent value holds; presence.
    const NOWHERE: FactPath<'static> = FactPath::own(9, &["nowhere"]);
    assert!(Not(&In(NOWHERE, &[Str("A")])).holds(&facts));
    assert!(Present(KIND).holds(&facts) && !Present(NOWHERE).holds(&facts));
    let other = |_: usize| Fact::Other;
    assert!(Present(KIND).holds(&other) && !In(KIND, &[Str("A")]).holds(&other));
    // A fact above the object is not known here: decided only when it does not matter.
    assert_eq!(In(ABOVE, &[Str("A")]).eval(&facts), None);
    assert_eq!(Not(&Present(ABOVE)).eval(&facts), None);
    assert_eq!(
        All(&[In(ABOVE, &[Str("A")]), Present(NOWHERE)]).eval(&facts),
        Some(false)
    );
    assert_eq!(
        All(&[In(ABOVE, &[Str("A")]), Present(KIND)]).eval(&facts),
        None
    );
    assert_eq!(
        Any(&[In(ABOVE, &[Str("A")]), Present(KIND)]).eval(&facts),
        Some(true)
    );
    assert_eq!(
        Any(&[In(ABOVE, &[Str("A")]), Present(NOWHERE)]).eval(&facts),
        None
    );
    assert_eq!(Any(&[]).eval(&facts), Some(false));
    assert_eq!(All(&[]).eval(&facts), Some(true));
}

#[test]
fn the_count_of_a_collection_is_its_items_rule() {
    const TAGS: FieldPlan<'static> = FieldPlan::new("tags", Optional).items(1, Some(2));
    let root = Path::root();
    let mut report = Report::new();
    assert!(TAGS.check_count(2, Elements, &root, &mut report));
    assert!(!TAGS.check_count(3, Elements, &root, &mut report));
    assert!(!TAGS.check_count(0, Entries, &root, &mut report));
    // No `items`: any count.
    assert!(PROC.check_count(1000, Elements, &root, &mut report));
    let found: Vec<(Rule, &str)> = report.iter().map(|v| (v.rule, &*v.message)).collect();
    assert_eq!(
        found,
        [
            (Rule::Length, "must have at most 2 elements, not 3"),
            (Rule::Length, "must have at least 1 entry, not 0"),
        ]
    );

    const PLANS: [FieldPlan<'static>; 1] = [TAGS];
    let mut report = Report::new();
    let mut fields = Fields::new(&PLANS, &root, &mut report);
    fields.count(0, 5);
    fields.count_entries(0, 0);
    let paths: Vec<&str> = report.iter().map(|v| v.path.as_str()).collect();
    assert_eq!(paths, ["/tags", "/tags"]);
}

/// A `minor units` amount in the currency of its sibling (index 0): a currency without a
/// minor unit makes a well-formed amount a `format` violation that says why.
#[test]
fn an_amount_reads_its_currency() {
    const VALUE: FieldPlan<'static> = FieldPlan::new("value", Mandatory)
        .charset(Charset::N)
        .format(Format::MinorUnits)
        .currency(FactPath::own(0, &["currency"]));
    let check = |value: &str, currency: Option<&str>| {
        let siblings = |i: usize| match currency {
            Some(code) if i == 0 => Fact::Str(code),
            _ => Fact::Absent,
        };
        let mut report = Report::new();
        let ok = VALUE.check(
            Seen::from(value),
            &mut Text,
            &siblings,
            &Path::root(),
            &mut report,
        );
        assert_eq!(ok, report.is_empty());
        report
            .iter()
            .map(|v| (v.rule, v.message.to_string()))
            .collect::<Vec<_>>()
    };
    for currency in [
        Some("USD"),
        Some("JPY"),
        Some("XCG"),
        Some("840"),
        None,
        Some("ZZZ"),
    ] {
        assert_eq!(check("100", currency), [], "{currency:?}");
    }
    for currency in ["XAU", "XAG", "XDR", "XTS", "XXX", "959", "999"] {
        let found = check("100", Some(currency));
        assert_eq!(found.len(), 1, "{currency}");
        assert_eq!(found[0].0, Rule::Format);
        assert!(
            found[0].1.contains("its currency has no minor unit"),
            "{found:?}"
        );
        // A value that is not an amount at all gets the one message saying that.
        let found = check("001", Some(currency));
        assert_eq!(
            found,
            [(Rule::Format, "must not have leading zeros".to_owned())]
        );
    }
    // Without the sibling link the value is checked on its own.
    let alone = FieldPlan {
        currency: None,
        ..VALUE
    };
    assert_eq!(rules(&alone, Seen::from("100"), Some("XAU")), []);
}
