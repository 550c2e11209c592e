//! Rules: the bid bond over 10 million lots (batch kernel, exact to the fen), one evaluation
//! with and without explanation, and compiling an evaluator.
//!
//! `cargo bench -p zhengce-bench --bench rules`

use std::hint::black_box;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use zhengce::rules::{Batch, Column, ColumnData, Dates, Input, Options};

const LOTS: usize = 10_000_000;

/// Budgets in fen: a spread of lots from 1,000 yuan to 10 million, some with fen.
fn budgets() -> Vec<i64> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..LOTS)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            100_000 + (x % 1_000_000_000) as i64
        })
        .collect()
}

fn rules(c: &mut Criterion) {
    let scenario = zhengce::Context::builtin();
    let bond = scenario.evaluator("tianshan-2022-87/r68-bid-bond").unwrap();
    let on = NaiveDate::from_ymd_opt(2022, 6, 1).unwrap();
    let fen = budgets();
    let labels = ["ordinary".to_owned(), "ppp".to_owned(), "framework_entry".to_owned()];
    let codes: Vec<i32> = (0..LOTS).map(|i| if i % 10 == 0 { 1 } else { 0 }).collect();

    let mut g = c.benchmark_group("bid bond batch");
    g.sample_size(10).measurement_time(Duration::from_secs(10)).throughput(Throughput::Elements(LOTS as u64));
    g.bench_function("10M lots, fen column, one date", |b| {
        let batch = Batch {
            dates: Dates::One(on),
            jurisdiction: None,
            columns: vec![Column::new("budget", ColumnData::Int { values: &fen, scale: 2 })],
        };
        b.iter(|| bond.evaluate_batch(black_box(&batch), &Options::default()).unwrap())
    });
    g.bench_function("10M lots, fen column, streamed in chunks of 131,072", |b| {
        // The Python binding's way: results of each chunk reuse the same memory instead of
        // faulting in full-size buffers.
        b.iter(|| {
            let mut total = 0i64;
            for chunk in fen.chunks(1 << 17) {
                let batch = Batch {
                    dates: Dates::One(on),
                    jurisdiction: None,
                    columns: vec![Column::new("budget", ColumnData::Int { values: chunk, scale: 2 })],
                };
                let out = bond.evaluate_batch(&batch, &Options::default()).unwrap();
                if let Some(zhengce::rules::OutColumn::Int { values, .. }) = out.column("amount") {
                    total += values[0];
                }
            }
            total
        })
    });
    g.bench_function("10M lots, fen + lot-type codes", |b| {
        let batch = Batch {
            dates: Dates::One(on),
            jurisdiction: None,
            columns: vec![
                Column::new("budget", ColumnData::Int { values: &fen, scale: 2 }),
                Column::new("lot_type", ColumnData::Codes { codes: &codes, labels: &labels }),
            ],
        };
        b.iter(|| bond.evaluate_batch(black_box(&batch), &Options::default()).unwrap())
    });
    g.finish();

    let input = Input::new(on).with("budget", "5000000").with("lot_type", "ordinary");
    c.bench_function("evaluate one lot", |b| {
        b.iter(|| bond.evaluate(black_box(&input), &Options::default()).unwrap())
    });
    c.bench_function("evaluate one lot with explanation", |b| {
        b.iter(|| bond.evaluate(black_box(&input), &Options::explained()).unwrap())
    });
    let elec = scenario.evaluator("tianshan-2022-87/r62-electricity-commitment").unwrap();
    let partial = Input::new(on).with("capacity_kva", "1600").with("voltage_kv", "10");
    c.bench_function("evaluate an eligibility rule (item 62, inputs missing)", |b| {
        b.iter(|| elec.evaluate(black_box(&partial), &Options::default()).unwrap())
    });
    c.bench_function("compile the bid-bond evaluator", |b| {
        b.iter(|| scenario.evaluator(black_box("tianshan-2022-87/r68-bid-bond")).unwrap())
    });
}

criterion_group!(benches, rules);
criterion_main!(benches);
