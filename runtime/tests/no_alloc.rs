//! No rule allocates when the value is valid: a counting allocator watches every rule.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use fieldtab_runtime::{
    Charset, Currency, Format, GmtOffset, ImageKinds, LengthUnit, LocalTime, MinorUnits,
    NumericCurrency, Pan, Path, Timestamp, check_charset, check_const, check_length, check_luhn,
};

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|a| a.set(a.get() + 1));
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations<R>(f: impl FnOnce() -> R) -> (usize, R) {
    let before = ALLOCATIONS.with(Cell::get);
    let r = f();
    (ALLOCATIONS.with(Cell::get) - before, r)
}

#[test]
fn valid_values_allocate_nothing() {
    // A 1x1 PNG, built before counting.
    let png = String::from(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    );
    let big_png = {
        let mut b64 = png.clone();
        b64.truncate(png.len() - 4);
        b64.push_str(&"A".repeat(40_000));
        b64
    };
    // The country tables are built once, from the crate's table (which allocates): before
    // counting.
    assert!(Format::CountryAlpha2.check("CN").is_ok());
    let cases: Vec<(Format, &str)> = vec![
        (Format::LocalTime, "20240229235959"),
        (Format::GmtOffset, "GMT+08:00"),
        (Format::Timestamp, "2019-11-27T12:01:01.123456789+08:30"),
        (Format::CurrencyAlpha, "USD"),
        (Format::CurrencyNumeric, "840"),
        (Format::CountryAlpha2, "SS"),
        (Format::Date, "2024-02-29"),
        (Format::CompactDate, "20240229"),
        (Format::TimeOfDay, "23:59:59"),
        (Format::CompactTimeOfDay, "235959"),
        (Format::CountryAlpha3, "SSD"),
        (Format::MinorUnits, "9999999999999999"),
        (
            Format::Decimal {
                min: 0,
                max: 1,
                scale: 2,
            },
            "0.88",
        ),
        (Format::Url, "https://www.isv.host:8443/a/b?c=%2F#d"),
        (
            Format::Uri,
            "ldap://u@[::ffff:192.0.2.128]:389/c=GB?objectClass?one#x",
        ),
        (
            Format::Uri,
            "alipays://platformapi/startApp?appId=20000067&url=https%3A%2F%2Fa.b",
        ),
        (
            Format::Base64Image {
                max_bytes: 100 * 1024,
                kinds: ImageKinds::ALL,
            },
            &png,
        ),
        (
            Format::Base64Image {
                max_bytes: 100 * 1024,
                kinds: ImageKinds::ALL,
            },
            &big_png,
        ),
        // serde_json skips nested arrays and objects with a small stack of its own: flat text here.
        (Format::JsonText, r#"{"a":"b\n","c":1.5e3,"d":null}"#),
        (Format::Mobile, "+86-13800000000"),
        (Format::Pan { luhn: true }, "4111111111111111"),
    ];
    for (format, value) in &cases {
        let (n, result) = allocations(|| format.check(value));
        assert!(result.is_ok(), "{format:?}");
        assert_eq!(n, 0, "{format:?} allocated");
    }

    // The one exception, inside serde_json: text nested two or more deep allocates its stack once.
    let (n, result) = allocations(|| Format::JsonText.check(r#"{"a":[1,[2]]}"#));
    assert!(result.is_ok() && n <= 1, "{n}");

    let (n, ok) = allocations(|| {
        check_length("日本語", LengthUnit::Chars, 1, 3).is_ok()
            && check_length("123", LengthUnit::Bytes, 3, 3).is_ok()
            && Charset::ALL.iter().all(|cs| check_charset("", *cs).is_ok())
            && check_charset("Abc 123 ~!", Charset::Ans).is_ok()
            && check_charset("6214835920672688", Charset::N).is_ok()
            && check_const("41", "41").is_ok()
            && check_luhn("6214835920672688").is_ok()
    });
    assert!(ok);
    assert_eq!(n, 0, "string rules allocated");

    let (n, ok) = allocations(|| {
        "20240229235959".parse::<LocalTime>().is_ok()
            && "GMT-12:00".parse::<GmtOffset>().is_ok()
            && "2024-02-29T23:59:59Z".parse::<Timestamp>().is_ok()
            && "KWD".parse::<Currency>().is_ok()
            && "414".parse::<NumericCurrency>().is_ok()
            && "100".parse::<MinorUnits>().is_ok()
            && "6214835920672688".parse::<Pan>().is_ok()
    });
    assert!(ok);
    assert_eq!(n, 0, "typed parsers allocated");

    let (n, ()) = allocations(|| {
        let root = Path::root();
        let a = root.key("benefitDetails");
        let b = a.index(3);
        let c = b.key("amount");
        std::hint::black_box(c.key("value"));
    });
    assert_eq!(n, 0, "building a path allocated");
}

#[test]
fn the_check_of_a_valid_field_allocates_nothing() {
    use fieldtab_runtime::Report;
    use fieldtab_runtime::plan::prelude::*;
    use fieldtab_runtime::plan::{Fact, Fields, Seen, Text};

    const WHEN_URL: Condition<'static> = In(FactPath::own(0, &["type"]), &[Str("URL")]);
    const FIELDS: [FieldPlan<'static>; 3] = [
        FieldPlan::new("type", Mandatory).enumeration(EnumRule {
            values: &["BASE64", "URL"],
            open: false,
        }),
        FieldPlan::new("content", When(WHEN_URL)).format_when(&[FormatWhen {
            when: WHEN_URL,
            format: Format::Url,
        }]),
        FieldPlan::new("localTime", Optional)
            .length(Bytes, 14, 14)
            .charset(Charset::N)
            .format(Format::LocalTime),
    ];
    let (kind, content) = (
        String::from("URL"),
        Some(String::from("https://a.example/x.png")),
    );
    let time: LocalTime = "20240229235959".parse().unwrap();
    let root = Path::root();
    let mut report = Report::new();
    let (n, ()) = allocations(|| {
        let siblings = |i: usize| {
            if i == 0 {
                Fact::from(&kind)
            } else {
                Fact::Absent
            }
        };
        let path = root.key("localTime");
        let seen = Seen::Str("20240229235959", Some(true));
        FIELDS[2].check(seen, &mut Text, &siblings, &path, &mut report);
        let mut fields = Fields::new(&FIELDS, &root, &mut report).with_facts(siblings);
        fields.text(0, &kind);
        fields.text(1, &content);
        fields.wire(2, Some(&time));
    });
    assert!(report.is_empty());
    assert_eq!(n, 0, "checking valid fields allocated");
}

#[test]
fn forbidden_characters_and_a_compiled_pattern_allocate_nothing() {
    use fieldtab_runtime::plan::prelude::*;
    use fieldtab_runtime::plan::{Seen, Text, no_siblings};
    use fieldtab_runtime::{LazyPattern, Pattern, Report, check_forbidden, check_pattern};

    fn zip() -> &'static Pattern {
        static PATTERN: LazyPattern = LazyPattern::new("^[0-9]{5}(-[0-9]{4})?$");
        PATTERN.get()
    }
    const FIELD: FieldPlan<'static> = FieldPlan::new("zip", Mandatory)
        .length(Chars, 5, 10)
        .forbidden("@#?")
        .pattern(zip);
    let root = Path::root();
    let path = root.key("zip");
    let mut report = Report::new();
    let mut check = || {
        check_forbidden("2088102122524333", "@#?").is_ok()
            && check_forbidden("ééé", "€").is_ok()
            && check_pattern("75001-1234", zip()).is_ok()
            && FIELD.check(
                Seen::from("75001"),
                &mut Text,
                &no_siblings,
                &path,
                &mut report,
            )
    };
    // The first run compiles the pattern and warms its matcher up: the `regex` crate's lazy
    // DFA builds its states (within a bounded cache) the first time an input needs them.
    assert!(check());
    let (n, ok) = allocations(check);
    assert!(ok && report.is_empty());
    assert_eq!(n, 0, "forbidden characters or a warm pattern allocated");
}

#[test]
fn the_count_of_a_valid_collection_allocates_nothing() {
    use fieldtab_runtime::Report;
    use fieldtab_runtime::plan::Fields;
    use fieldtab_runtime::plan::prelude::*;

    const FIELDS: [FieldPlan<'static>; 2] = [
        FieldPlan::new("goods", Optional).items(0, Some(100)),
        FieldPlan::new("meta", Optional).items(1, None),
    ];
    let root = Path::root();
    let mut report = Report::new();
    let (n, ()) = allocations(|| {
        let path = root.key("goods");
        FIELDS[0].check_count(100, Elements, &path, &mut report);
        let mut fields = Fields::new(&FIELDS, &root, &mut report);
        fields.count(0, 3);
        fields.count_entries(1, 1);
    });
    assert!(report.is_empty());
    assert_eq!(n, 0, "counting a valid collection allocated");
}

#[test]
fn the_check_of_a_valid_number_allocates_nothing() {
    use fieldtab_runtime::plan::prelude::*;
    use fieldtab_runtime::plan::{Fields, Seen, Text, no_siblings};
    use fieldtab_runtime::{Number, Report, check_number};

    const FIELDS: [FieldPlan<'static>; 3] = [
        FieldPlan::new("offset", Optional)
            .number(NumberRules::INTEGER.range(Some("-720"), Some("720")))
            .accepts(Accepts::STRING),
        FieldPlan::new("price", Mandatory)
            .number(NumberRules::NUMBER.range(Some("0.01"), None).scale(8)),
        FieldPlan::new("code", Optional)
            .length(Chars, 1, 8)
            .accepts(Accepts::NUMBER.and(Accepts::BOOLEAN)),
    ];
    let price: Number = "0.88156063".parse().unwrap();
    let root = Path::root();
    let mut report = Report::new();
    let (n, ()) = allocations(|| {
        assert!(check_number("1e-3", &NumberRules::NUMBER.scale(3)).is_ok());
        let path = root.key("offset");
        FIELDS[0].check(
            Seen::Num("-720"),
            &mut Text,
            &no_siblings,
            &path,
            &mut report,
        );
        FIELDS[0].check(
            Seen::from("720"),
            &mut Text,
            &no_siblings,
            &path,
            &mut report,
        );
        let path = root.key("code");
        FIELDS[2].check(
            Seen::Num("12.50"),
            &mut Text,
            &no_siblings,
            &path,
            &mut report,
        );
        FIELDS[2].check(
            Seen::Bool(true),
            &mut Text,
            &no_siblings,
            &path,
            &mut report,
        );
        let mut fields = Fields::new(&FIELDS, &root, &mut report);
        fields.int(0, Some(-9));
        fields.number(1, &price);
    });
    assert!(report.is_empty(), "{report}");
    assert_eq!(n, 0, "checking valid numbers allocated");
}
