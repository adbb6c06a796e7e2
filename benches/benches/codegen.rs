//! Code generation benches: reading and checking a schema, then emitting its Rust (tokens, as
//! `include_schema!` does, and prettyplease-formatted text, as `fieldtab expand` does), for every
//! shipped schema and for generated schemas of 100, 1,000 and 10,000 fields.
//!
//! `cargo bench -p fieldtab-benches --bench codegen -- --warm-up-time 1 --measurement-time 3`

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use fieldtab_benches::synthetic;
use fieldtab_codegen::Generate;
use fieldtab_codegen::Schema;
use std::hint::black_box;
use std::path::{Path, PathBuf};

/// Every shipped schema file (`schemas/**/*.md` but the language reference).
fn shipped() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas");
    let mut files = Vec::new();
    for dir in ["upi", "alipayplus"] {
        if let Ok(entries) = std::fs::read_dir(root.join(dir)) {
            for e in entries.flatten() {
                let p = e.path();
                if p.extension().is_some_and(|x| x == "md") {
                    files.push(p);
                }
            }
        }
    }
    files.sort();
    files
}

fn load(path: &Path) -> Option<Schema> {
    match Schema::load(path) {
        Ok(s) => Some(s),
        Err(d) => {
            eprintln!("skipping {}: it does not check clean:\n{d}", path.display());
            None
        }
    }
}

fn shipped_schemas(c: &mut Criterion) {
    let mut group = c.benchmark_group("codegen_shipped");
    for path in shipped() {
        if load(&path).is_none() {
            continue;
        }
        let name = format!(
            "{}/{}",
            path.parent()
                .and_then(Path::file_name)
                .map(|n| n.to_string_lossy())
                .unwrap_or_default(),
            path.file_stem()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default()
        );
        group.bench_function(BenchmarkId::new("load+to_tokens", &name), |b| {
            b.iter(|| load(black_box(&path)).map(|s| s.to_tokens()))
        });
        group.bench_function(BenchmarkId::new("load+to_rust_pretty", &name), |b| {
            b.iter(|| load(black_box(&path)).map(|s| s.to_rust_pretty()))
        });
    }
    group.finish();
}

fn generated_schemas(c: &mut Criterion) {
    let mut group = c.benchmark_group("codegen_fields");
    group.sample_size(10);
    for fields in [100usize, 1_000, 10_000] {
        let text = synthetic::one_message(fields);
        if let Err(d) = Schema::parse("synthetic.md", &text) {
            panic!("the synthetic schema does not check clean:\n{d}");
        }
        group.throughput(Throughput::Elements(fields as u64));
        group.bench_function(BenchmarkId::new("parse", fields), |b| {
            b.iter(|| Schema::parse("synthetic.md", black_box(&text)).is_ok())
        });
        group.bench_function(BenchmarkId::new("parse+to_tokens", fields), |b| {
            b.iter(|| {
                Schema::parse("synthetic.md", black_box(&text))
                    .ok()
                    .map(|s| s.to_tokens())
            })
        });
        group.bench_function(BenchmarkId::new("parse+to_rust_pretty", fields), |b| {
            b.iter(|| {
                Schema::parse("synthetic.md", black_box(&text))
                    .ok()
                    .map(|s| s.to_rust_pretty())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, shipped_schemas, generated_schemas);
criterion_main!(benches);
