//! The UPI side of Offers & Benefits, on `fieldtab::axum`: a stand-in for UnionPay
//! International's Marketing Platform that a Partner's back end can be tested against. It
//! answers Enrollment Registration (`procType` 41), the Cardholder Instant Discount Usage Query
//! and the Instant Discount Budget Progress Query; every request is decoded and validated in one
//! pass by the extractor, an invalid one answered as UPI answers (`respCode` `30` in the
//! response's own shape, the request's `insCode`, `pid`, `refNum` echoed), and every response
//! checked against its schema before it is sent.
//!
//! ```sh
//! cargo run --example upi_marketing_platform_mock --features axum -- 127.0.0.1:8080
//! curl -s -H 'Content-Type: application/json' --data @examples/messages/upi/enrollment_registration/EnrollmentRegistrationRequest/valid-01-minimal.json http://127.0.0.1:8080/enrollment
//! ```

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::State;
use axum::routing::post;
use fieldtab::axum::{Checked, Upi, Valid};
use fieldtab::{Currency, NumericCurrency, Pan};

/// What the UPI schemas share (`schemas/upi/common.md`), generated once for both below.
pub mod common {
    fieldtab::include_schema!("schemas/upi/common.md");
}
/// Enrollment Registration (`procType` 41); its `data` is `common::Cardholder`.
pub mod enrollment {
    fieldtab::include_schema!(
        "schemas/upi/enrollment_registration.md",
        extern_schema("common.md" = super::common),
    );
}
/// Cardholder Instant Discount Usage Query; its `data` is `common::Cardholder` too.
pub mod usage {
    fieldtab::include_schema!(
        "schemas/upi/instant_discount_usage_query.md",
        extern_schema("common.md" = super::common),
    );
}
/// Instant Discount Budget Progress Query.
pub mod budget {
    fieldtab::include_schema!("schemas/upi/instant_discount_budget_progress_query.md");
}
use budget::{
    InstantDiscountBudgetProgressQueryRequest, InstantDiscountBudgetProgressQueryResponse,
};
use enrollment::{
    EnrollmentRegistrationRequest, EnrollmentRegistrationResponse,
    EnrollmentRegistrationResponseHeader,
};
use usage::{InstantDiscountUsageQueryRequest, InstantDiscountUsageQueryResponse};

/// How many enrollments an activity's budget holds, for the budget progress answer.
const BUDGET: usize = 100;

/// What the platform remembers: the enrolled cards of each activity (`pid`). A `Pan` never
/// prints its digits, so neither does this state.
#[derive(Default)]
pub struct Platform {
    enrolled: Mutex<HashSet<(String, Pan)>>,
}

/// The key of an enrollment: the activity and the card of a request's `data`, the one
/// cardholder type both APIs share.
fn enrollment_key(pid: String, holder: common::Cardholder) -> (String, Pan) {
    (pid, holder.card_no)
}

/// The routes, over a fresh platform.
pub fn router() -> Router {
    Router::new()
        .route("/enrollment", post(enroll))
        .route("/instant-discount/usage", post(usage_query))
        .route("/instant-discount/budget-progress", post(budget_query))
        .with_state(Arc::new(Platform::default()))
}

/// Enrollment Registration: the card joins the activity.
async fn enroll(
    State(platform): State<Arc<Platform>>,
    Valid(request, _): Valid<EnrollmentRegistrationRequest, Upi<EnrollmentRegistrationResponse>>,
) -> Checked<EnrollmentRegistrationResponse> {
    let header = request.header;
    if let Ok(mut enrolled) = platform.enrolled.lock() {
        enrolled.insert(enrollment_key(header.pid.clone(), request.data));
    }
    Checked(EnrollmentRegistrationResponse {
        header: EnrollmentRegistrationResponseHeader {
            proc_type: header.proc_type,
            ins_code: header.ins_code,
            pid: header.pid,
            ref_num: header.ref_num,
            resp_code: "00".into(),
            resp_msg: "success".into(),
        },
    })
}

/// The usage of a card's instant discount: none yet for an enrolled card; UPI's `73`
/// ("Enrollment not found") for another.
async fn usage_query(
    State(platform): State<Arc<Platform>>,
    Valid(request, _): Valid<
        InstantDiscountUsageQueryRequest,
        Upi<InstantDiscountUsageQueryResponse>,
    >,
) -> Checked<InstantDiscountUsageQueryResponse> {
    let key = enrollment_key(request.pid, request.data);
    let known = platform
        .enrolled
        .lock()
        .is_ok_and(|enrolled| enrolled.contains(&key));
    let (resp_code, resp_msg) = if known {
        ("00", "success")
    } else {
        ("73", "Enrollment not found")
    };
    Checked(InstantDiscountUsageQueryResponse {
        proc_type: request.proc_type,
        ins_code: request.ins_code,
        day_amt: None,
        day_cnt: None,
        month_amt: None,
        month_cnt: None,
        ttl_amt: "0.00".into(),
        ttl_cnt: "0".into(),
        disc_curr: renminbi(),
        ref_num: request.ref_num,
        resp_code: resp_code.into(),
        resp_msg: resp_msg.into(),
    })
}

/// The currency of the discounts: Renminbi, ISO 4217 `156` (a constant of the runtime's table).
fn renminbi() -> NumericCurrency {
    Currency::from_numeric(156)
        .expect("156 is in the ISO 4217 table")
        .to_numeric()
}

/// The budget of an activity: the proportion left after its enrollments.
async fn budget_query(
    State(platform): State<Arc<Platform>>,
    Valid(request, _): Valid<
        InstantDiscountBudgetProgressQueryRequest,
        Upi<InstantDiscountBudgetProgressQueryResponse>,
    >,
) -> Checked<InstantDiscountBudgetProgressQueryResponse> {
    let used = platform.enrolled.lock().map_or(0, |enrolled| {
        enrolled
            .iter()
            .filter(|(pid, _)| *pid == request.pid)
            .count()
    });
    let left = BUDGET.saturating_sub(used);
    Checked(InstantDiscountBudgetProgressQueryResponse {
        proc_type: request.proc_type,
        ins_code: request.ins_code,
        day_remain_prop: None,
        ttl_remain_prop: Some(format!("{}.{:02}", left / BUDGET, left % BUDGET)),
        ref_num: request.ref_num,
        resp_code: "00".into(),
        resp_msg: "success".into(),
    })
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:8080".into());
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!("listening on {}", listener.local_addr()?);
    axum::serve(listener, router())
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
