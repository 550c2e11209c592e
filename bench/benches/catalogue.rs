//! How long the built-in catalogue takes to load, and its queries.
//!
//! `cargo bench -p zhengce-bench --bench catalogue`

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use zhengce::{Catalogue, MeasureFilter};

fn catalogue(c: &mut Criterion) {
    c.bench_function("Catalogue::builtin()", |b| b.iter(Catalogue::builtin));
    let cat = Catalogue::builtin();
    let json = cat.to_json();
    c.bench_function("Catalogue::from_json(builtin json)", |b| {
        b.iter(|| Catalogue::from_json(black_box(&json)).unwrap())
    });
    c.bench_function("get(clause id)", |b| {
        b.iter(|| cat.get(black_box("tianshan-2022-87/68")).unwrap().kind())
    });
    let filter = MeasureFilter { unit: Some("putuo-finance".into()), ..Default::default() };
    c.bench_function("measures(unit)", |b| b.iter(|| cat.measures(black_box(&filter)).unwrap().len()));
    c.bench_function("search(投标保证金)", |b| {
        b.iter(|| cat.search(black_box("投标保证金"), &Default::default()).unwrap().len())
    });
}

criterion_group!(benches, catalogue);
criterion_main!(benches);
