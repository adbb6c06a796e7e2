//! Every implementation gives the intended verdict on every corpus message (the benches check
//! the same before timing).

use fieldtab_benches::corpus::{self, CORPUS_LEN};
use fieldtab_benches::impls;

#[test]
fn every_implementation_agrees_on_the_upi_corpus() {
    for corpus in [
        corpus::upi_enrollment(CORPUS_LEN, corpus::UPI_SEED),
        corpus::upi_enrollment(3000, 99),
    ] {
        if let Err(e) = impls::check_agreement(&corpus, &impls::upi_validators()) {
            panic!("{e}");
        }
    }
}

#[test]
fn every_implementation_agrees_on_the_benefit_corpus() {
    for corpus in [
        corpus::alipay_benefit(CORPUS_LEN, corpus::BENEFIT_SEED),
        corpus::alipay_benefit(3000, 98),
    ] {
        if let Err(e) = impls::check_agreement(&corpus, &impls::benefit_validators()) {
            panic!("{e}");
        }
    }
}
