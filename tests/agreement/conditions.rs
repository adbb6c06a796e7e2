//! Conditions of every kind (docs/SEMANTICS.md §3: paths into sibling objects, Boolean,
//! Integer, enum and string values, `!=`, `in`, `is present`, `is absent`, `and`, `or`, `not`)
//! through generated code and the dynamic validator: the same verdicts on generated messages
//! and their mutations, and the verdicts the semantics give on chosen documents.

use fieldtab_codegen::dynamic::Validator;

use crate::assert::{Case, agree_on, expect_cases, generated_triples, pairs, triples};
use crate::load;

mod schema {
    fieldtab::include_schema!("tests/schemas/conditions.md");
}

const SCHEMA: &str = "tests/schemas/conditions.md";

#[test]
fn generated_code_and_the_dynamic_validator_agree_on_conditions() {
    macro_rules! cases {
        ($($item:ident),*) => {
            [$(Case {
                schema: SCHEMA,
                item: stringify!($item),
                generated: generated_triples::<schema::$item>,
                scanned: fieldtab::__private::__decode::scan_verdict::<schema::$item>,
            }),*]
        };
    }
    for case in cases!(Inquiry, Order, Env, Result, Basket, Line) {
        agree_on(&case);
    }
}

/// Chosen documents get the violations §3 gives them, from both sides.
#[test]
fn conditions_read_paths_booleans_integers_and_enums() {
    let module = load(SCHEMA);
    let validator = Validator::new(&module, "Inquiry").unwrap_or_else(|e| panic!("{e}"));
    let cases: &[(&str, &[(&str, &'static str)])] = &[
        // `reason` (status != S and not retryable or tries 0) and `note` (env is absent).
        (
            r#"{"result":{"resultStatus":"F"},"success":true,"reason":"x","note":"n"}"#,
            &[],
        ),
        (
            r#"{"result":{"resultStatus":"F"},"success":true}"#,
            &[("/reason", "required"), ("/note", "required")],
        ),
        // A path into a sibling object, and a Boolean.
        (
            r#"{"result":{"resultStatus":"S"},"success":false,"note":"n"}"#,
            &[("/paymentId", "required"), ("/resultCode", "required")],
        ),
        // A string is not the Boolean `false`: only its own `type` violation.
        (
            r#"{"result":{"resultStatus":"S"},"success":"false","note":"n","paymentId":"p"}"#,
            &[("/success", "type")],
        ),
        // `and` with an Integer `in`; `not (… or …)` with a Boolean.
        (
            r#"{"result":{"resultStatus":"F","retryable":true},"success":true,"attempts":2,"note":"n"}"#,
            &[("/benefits", "required")],
        ),
        (
            r#"{"result":{"resultStatus":"U","tries":0},"success":true,"attempts":4,"note":"n"}"#,
            &[],
        ),
        // An integer written with a fraction is not the Integer 0 (and is a `type` violation).
        (
            r#"{"result":{"resultStatus":"U","tries":0.0},"success":true,"note":"n"}"#,
            &[("/result/tries", "type"), ("/reason", "required")],
        ),
        // Three steps deep, an open enum's value; `env is absent` false.
        (
            r#"{"result":{"resultStatus":"F"},"success":true,"reason":"r","env":{"paymentFactor":{"inStorePaymentScenario":"PaymentCode"}}}"#,
            &[("/code", "required")],
        ),
        // In the nested object too: `userAgent` (isAgreementPay and terminalType != APP).
        (
            r#"{"result":{"resultStatus":"F"},"success":true,"reason":"r","env":{"paymentFactor":{"isAgreementPay":true}}}"#,
            &[("/env/userAgent", "required"), ("/code", "required")],
        ),
        (
            r#"{"result":{"resultStatus":"F"},"success":true,"reason":"r","env":{"terminalType":"APP","paymentFactor":{"isAgreementPay":true}},"code":"c"}"#,
            &[("/redirectUrl", "required")],
        ),
        // Conditional formats on a path, and on a path and a Boolean.
        (
            r#"{"result":{"resultStatus":"F"},"success":true,"reason":"r","env":{"terminalType":"WEB"},"redirectUrl":"not a url"}"#,
            &[("/redirectUrl", "format")],
        ),
        (
            r#"{"result":{"resultStatus":"F"},"success":true,"reason":"r","env":{"terminalType":"APP"},"redirectUrl":"{\"a\":1}"}"#,
            &[],
        ),
        (
            r#"{"result":{"resultStatus":"F"},"success":true,"reason":"r","env":{"terminalType":"APP"},"redirectUrl":"not json"}"#,
            &[("/redirectUrl", "format")],
        ),
        (
            r#"{"result":{"resultStatus":"F"},"success":false,"resultCode":"c","reason":"r","env":{"terminalType":"APP"},"redirectUrl":"not json"}"#,
            &[],
        ),
        // A path through `null` or a value of another kind is absent.
        (
            r#"{"result":null,"success":true,"note":"n"}"#,
            &[("/result", "required"), ("/reason", "required")],
        ),
        (
            r#"{"result":"S","success":true,"note":"n"}"#,
            &[("/result", "type"), ("/reason", "required")],
        ),
        // A quoted value with a space; `is absent` and an Integer `in` with a negative value.
        (
            r#"{"result":{"resultStatus":"F","resultCode":"NO MORE"},"success":true,"reason":"r","note":"n"}"#,
            &[("/detail", "required")],
        ),
        (
            r#"{"result":{"resultStatus":"F","tries":-1},"success":true,"reason":"r","note":"n"}"#,
            &[("/detail", "required")],
        ),
        (
            r#"{"result":{"resultStatus":"F","tries":-1,"resultCode":"X"},"success":true,"reason":"r","note":"n"}"#,
            &[],
        ),
        // The first occurrence is the one read.
        (
            r#"{"result":{"resultStatus":"F","resultStatus":"S"},"success":true,"reason":"r","note":"n"}"#,
            &[("/result/resultStatus", "syntax")],
        ),
        // An empty string in a conditional field whose condition holds is `required`.
        (
            r#"{"result":{"resultStatus":"S"},"success":true,"paymentId":"","note":"n"}"#,
            &[("/paymentId", "required")],
        ),
    ];
    expect_cases::<schema::Inquiry>(&validator, cases);

    // `super.`: a line's conditions read its basket (whose fields come later in the input) and
    // the inquiry above it; the violations stay at the line's fields, in table order.
    let cases: &[(&str, &[(&str, &'static str)])] = &[
        (
            r#"{"basket":{"main":{"sku":"a","code":"c"},"paid":true,"kind":"GIFT"},"result":{"resultStatus":"F"},"success":true,"reason":"r","note":"n"}"#,
            &[("/basket/main/coupon", "required")],
        ),
        (
            r#"{"basket":{"main":{"sku":"a","code":"c"},"paid":true,"kind":"GIFT","env":{"terminalType":"APP"}},"result":{"resultStatus":"F"},"success":true,"reason":"r","note":"n"}"#,
            &[],
        ),
        (
            r#"{"basket":{"lines":[{"sku":"a"}]},"result":{"resultStatus":"F"},"success":false,"resultCode":"c","reason":"r","note":"n"}"#,
            &[
                ("/basket/lines/0/memo", "required"),
                ("/basket/lines/0/qty", "required"),
                ("/basket/note", "required"),
            ],
        ),
        (
            r#"{"basket":{"result":{"resultStatus":"S","tries":2},"kind":"GIFT","lines":[{"sku":"a"},{"sku":"b","code":"c"}],"main":{"sku":"m","code":"c"}},"result":{"resultStatus":"F"},"success":true,"reason":"r","note":"n"}"#,
            &[
                ("/basket/main/qty", "required"),
                ("/basket/lines/0/qty", "required"),
                ("/basket/lines/1/qty", "required"),
            ],
        ),
        (
            r#"{"basket":{"result":{"resultStatus":"S","tries":3},"kind":"GIFT","lines":[{"sku":"a","qty":1},{"sku":"b","code":"c"}],"main":{"sku":"m","code":"c"}},"result":{"resultStatus":"F"},"success":true,"reason":"r","note":"n"}"#,
            &[],
        ),
        // An empty string: `required` when the condition above holds, its rules when not.
        (
            r#"{"basket":{"main":{"sku":"a","coupon":"","code":"c","memo":"m"},"paid":true},"result":{"resultStatus":"F"},"success":false,"resultCode":"c","reason":"r","note":"n"}"#,
            &[
                ("/basket/main/coupon", "required"),
                ("/basket/note", "required"),
            ],
        ),
        (
            r#"{"basket":{"main":{"sku":"a","coupon":"","code":"c","memo":"m"},"paid":false},"result":{"resultStatus":"F"},"success":false,"resultCode":"c","reason":"r","note":"n"}"#,
            &[
                ("/basket/main/coupon", "length"),
                ("/basket/note", "required"),
            ],
        ),
        // A conditional format two levels up.
        (
            r#"{"basket":{"main":{"sku":"a","code":"c","memo":"not a url"},"lines":[{"sku":"b","code":"c","memo":"https://a.example/"}]},"success":true,"result":{"resultStatus":"F"},"reason":"r","note":"n"}"#,
            &[("/basket/main/memo", "format")],
        ),
        (
            r#"{"basket":{"main":{"sku":"a","code":"c","memo":"not a url"}},"success":false,"resultCode":"c","result":{"resultStatus":"F"},"reason":"r","note":"n"}"#,
            &[("/basket/note", "required")],
        ),
        // Two levels up and one, together; a field of a later sibling object.
        (
            r#"{"basket":{"lines":[{"sku":"b","code":"c","memo":"https://a.example/"}],"main":{"sku":"a","code":"c","memo":"https://a.example/","note":"x"}},"env":{"paymentFactor":{"isAgreementPay":true},"userAgent":"u"},"code":"c","success":true,"result":{"resultStatus":"F"},"reason":"r"}"#,
            &[("/basket/lines/0/note", "required")],
        ),
        // A line as the document: nothing above, every `super.` path is absent.
        (
            r#"{"result":{"resultStatus":"F"},"success":true,"reason":"r","note":"n","basket":{"main":null}}"#,
            &[],
        ),
    ];
    expect_cases::<schema::Inquiry>(&validator, cases);
    let line = Validator::new(&module, "Line").unwrap_or_else(|e| panic!("{e}"));
    let cases: &[(&str, &[(&str, &'static str)])] = &[
        (
            r#"{"sku":"a"}"#,
            &[("/memo", "required"), ("/qty", "required")],
        ),
        (r#"{"sku":"a","memo":"not a url","code":"c"}"#, &[]),
    ];
    expect_cases::<schema::Line>(&line, cases);

    // The did-you-mean of a required field waits for the condition above, on both sides.
    let misspelled = br#"{"basket":{"paid":true,"main":{"sku":"a","coupn":"x","code":"c","memo":"m"}},"result":{"resultStatus":"F"},"success":true,"reason":"r","note":"n"}"#;
    for deny in [false, true] {
        let dynamic = triples(validator.validate(misspelled, deny));
        assert_eq!(
            dynamic,
            generated_triples::<schema::Inquiry>(misspelled, deny)
        );
        assert!(
            dynamic[0].2.contains("did you misspell it as `coupn`"),
            "{dynamic:?}"
        );
    }

    let validator = Validator::new(&module, "Order").unwrap_or_else(|e| panic!("{e}"));
    let cases: &[(&str, &[(&str, &'static str)])] = &[
        (r#"{}"#, &[]),
        (
            r#"{"result":{"resultStatus":"F"}}"#,
            &[("/status", "required")],
        ),
        (r#"{"result":{"resultStatus":"S"}}"#, &[]),
        (r#"{"status":"S"}"#, &[("/amount", "required")]),
        (r#"{"status":null}"#, &[]),
    ];
    expect_cases::<schema::Order>(&validator, cases);
}

/// `validate()` reads the Rust value: a field of a nested struct, a Boolean.
#[test]
fn validate_reads_conditions_from_the_value() {
    use schema::*;
    let inquiry = Inquiry {
        result: Result {
            result_status: ResultStatus::S,
            result_code: None,
            retryable: None,
            tries: None,
        },
        success: false,
        attempts: None,
        env: None,
        payment_id: None,
        result_code: None,
        benefits: None,
        reason: None,
        code: None,
        note: Some("n".into()),
        redirect_url: None,
        detail: None,
        basket: None,
        orders: Some(vec![Order {
            result: Some(Result {
                result_status: ResultStatus::U,
                result_code: Some("NO MORE".into()),
                retryable: None,
                tries: Some(7),
            }),
            status: None,
            amount: None,
        }]),
    };
    assert_eq!(
        pairs(fieldtab::Validate::validate(&inquiry)),
        [
            ("/paymentId".to_string(), "required"),
            ("/resultCode".to_string(), "required"),
            ("/orders/0/status".to_string(), "required"),
        ]
    );

    // `super.`: the basket and the inquiry above a line decide its conditions.
    let line = |code: Option<&str>| Line {
        sku: "a".into(),
        coupon: None,
        memo: Some("not a url".into()),
        qty: None,
        code: code.map(String::from),
        note: None,
    };
    let inquiry = Inquiry {
        success: true,
        basket: Some(Basket {
            paid: Some(true),
            kind: None,
            env: None,
            result: None,
            main: Some(line(Some("c"))),
            lines: Some(vec![line(None)]),
            note: None,
        }),
        orders: None,
        result_code: Some("c".into()),
        note: Some("n".into()),
        ..inquiry
    };
    assert_eq!(
        pairs(fieldtab::Validate::validate(&inquiry)),
        [
            ("/paymentId".to_string(), "required"),
            ("/basket/main/coupon".to_string(), "required"),
            ("/basket/main/memo".to_string(), "format"),
            ("/basket/lines/0/coupon".to_string(), "required"),
            ("/basket/lines/0/memo".to_string(), "format"),
            ("/basket/lines/0/qty".to_string(), "required"),
        ]
    );
    // A line on its own: nothing above it.
    assert_eq!(
        pairs(fieldtab::Validate::validate(&line(None))),
        [("/qty".to_string(), "required")]
    );
}
