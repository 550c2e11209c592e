//! The columnar inspection draw over a whole register: 10 million entities, and (with
//! `ZHENGCE_BENCH_180M=1`) the national 180 million, single-threaded.
//!
//! `cargo bench -p zhengce-bench --bench sampling`
//! `ZHENGCE_BENCH_180M=1 cargo bench -p zhengce-bench --bench sampling`
//!
//! Peak memory: `/usr/bin/time -v target/release/examples/sampling_peak 180000000` (see bench/README.md).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use zhengce::sampling::{RegisterColumns, SampleSpec, StratifiedDraw};
use zhengce_bench::sampling::{register_columns, spec};

fn draw(c: &mut Criterion) {
    let cat = zhengce::Context::builtin();
    let spec: SampleSpec = spec();
    let mut sizes = vec![10_000_000usize];
    if std::env::var_os("ZHENGCE_BENCH_180M").is_some() {
        sizes.push(180_000_000);
    }
    let mut group = c.benchmark_group("StratifiedDraw::draw");
    group.sample_size(10);
    for n in sizes {
        let (ids, classes) = register_columns(n);
        group.bench_function(format!("{n} entities, ids mapped"), |b| {
            b.iter(|| {
                let draw =
                    StratifiedDraw::draw(&cat, &RegisterColumns::new(black_box(&classes)), &spec).unwrap();
                let selected: Vec<u64> =
                    draw.strata.iter().flat_map(|s| s.random.iter().map(|&p| ids[p as usize])).collect();
                selected.len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, draw);
criterion_main!(benches);
