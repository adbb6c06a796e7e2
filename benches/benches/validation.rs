//! Validation benches: each implementation over a whole corpus (200 messages, 90% valid) per
//! iteration. Every implementation's verdicts are checked against the corpus before timing.
//!
//! `cargo bench -p fieldtab-benches --bench validation -- --warm-up-time 1 --measurement-time 3`

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main};
use fieldtab_benches::corpus::{self, CORPUS_LEN, Corpus};
use fieldtab_benches::generated;
use fieldtab_benches::impls::{self, Named};
use std::hint::black_box;

type Group<'a> = BenchmarkGroup<'a, WallTime>;

fn run_group(
    c: &mut Criterion,
    corpus: &Corpus,
    floor: fn(&[u8]) -> bool,
    validators: &[Named],
    decoded: &dyn Fn(&mut Group<'_>),
) {
    if let Err(e) = impls::check_agreement(corpus, validators) {
        panic!("implementations disagree, not timing: {e}");
    }
    let mut group = c.benchmark_group(corpus.name);
    group.throughput(Throughput::Elements(corpus.messages.len() as u64));
    group.bench_function("floor", |b| {
        b.iter(|| {
            let mut ok = 0usize;
            for m in &corpus.messages {
                ok += usize::from(floor(black_box(m)));
            }
            ok
        })
    });
    for (name, f) in validators {
        group.bench_function(*name, |b| {
            b.iter(|| {
                let mut found = 0usize;
                for m in &corpus.messages {
                    found += f(black_box(m));
                }
                found
            })
        });
    }
    decoded(&mut group);
    group.finish();
}

fn upi(c: &mut Criterion) {
    let corpus = corpus::upi_enrollment(CORPUS_LEN, corpus::UPI_SEED);
    let values = generated::upi_values(&corpus);
    assert!(
        values
            .iter()
            .all(|(v, valid)| { fieldtab::Validate::validate(v).is_ok() == *valid })
    );
    let values: Vec<_> = values.into_iter().map(|(v, _)| v).collect();
    run_group(
        c,
        &corpus,
        |m| black_box(impls::floor_upi(m)).is_some(),
        &impls::upi_validators(),
        &|group: &mut Group<'_>| {
            group.bench_function("fieldtab_validate_decoded", |b| {
                b.iter(|| generated::validate_all(black_box(&values)))
            });
        },
    );
}

fn benefit(c: &mut Criterion) {
    let corpus = corpus::alipay_benefit(CORPUS_LEN, corpus::BENEFIT_SEED);
    let values = generated::benefit_values(&corpus);
    assert!(
        values
            .iter()
            .all(|(v, valid)| { fieldtab::Validate::validate(v).is_ok() == *valid })
    );
    let values: Vec<_> = values.into_iter().map(|(v, _)| v).collect();
    run_group(
        c,
        &corpus,
        |m| black_box(impls::floor_benefit(m)).is_some(),
        &impls::benefit_validators(),
        &|group: &mut Group<'_>| {
            group.bench_function("fieldtab_validate_decoded", |b| {
                b.iter(|| generated::validate_all(black_box(&values)))
            });
        },
    );
}

criterion_group!(benches, upi, benefit);
criterion_main!(benches);
