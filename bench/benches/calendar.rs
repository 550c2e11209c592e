//! Working-day arithmetic: single calls and batch columns, native.
//!
//! `cargo bench -p zhengce-bench --bench calendar`
//!
//! Inputs: 1,000,000 random days of 2004-01-01..2026-06-30 (fixed seed), counts 0..=60, on
//! the national calendar. Throughput is reported in elements per second.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use zhengce::calendar::{Calendar, CalendarOptions, Counts, day_number, from_day_number};

const N: usize = 1_000_000;

/// xorshift64*: a fixed, dependency-free sequence of random days.
fn days() -> (Vec<i32>, Vec<i32>) {
    let lo = day_number(NaiveDate::from_ymd_opt(2004, 1, 1).unwrap());
    let hi = day_number(NaiveDate::from_ymd_opt(2026, 6, 30).unwrap());
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    let days = (0..N).map(|_| lo + (next() % (hi - lo) as u64) as i32).collect();
    let counts = (0..N).map(|_| (next() % 61) as i32).collect();
    (days, counts)
}

fn calendar(c: &mut Criterion) {
    let cal = Calendar::builtin("cn").unwrap();
    let strict = CalendarOptions::default();
    let (days, counts) = days();
    let dates: Vec<NaiveDate> = days.iter().map(|&d| from_day_number(d).unwrap()).collect();

    let mut g = c.benchmark_group("calendar");
    g.throughput(Throughput::Elements(N as u64));
    g.bench_function("is_working_day (NaiveDate, one call each)", |b| {
        b.iter(|| dates.iter().filter(|&&d| cal.is_working_day(black_box(d), &strict).unwrap()).count())
    });
    g.bench_function("add_working_days (NaiveDate, n 0..=60, one call each)", |b| {
        b.iter(|| {
            dates
                .iter()
                .zip(&counts)
                .map(|(&d, &n)| cal.add_working_days(black_box(d), n, &strict).unwrap())
                // Every call is made (`last` would let clippy suggest `next_back`, one call).
                .max()
        })
    });
    let mut out_bool = vec![false; N];
    g.bench_function("is_working_day_batch (i32 days)", |b| {
        b.iter(|| cal.is_working_day_batch(black_box(&days), &mut out_bool, &strict).unwrap())
    });
    let mut out = vec![0i32; N];
    g.bench_function("add_working_days_batch (i32 days, n 0..=60 per row)", |b| {
        b.iter(|| {
            cal.add_working_days_batch(black_box(&days), Counts::Each(&counts), &mut out, &strict).unwrap()
        })
    });
    g.bench_function("add_working_days_batch (i32 days, n = 5)", |b| {
        b.iter(|| cal.add_working_days_batch(black_box(&days), Counts::One(5), &mut out, &strict).unwrap())
    });
    let mut out64 = vec![0i64; N];
    let ends: Vec<i32> = days.iter().map(|d| d + 30).collect();
    g.bench_function("working_days_between_batch (i32 days, 30 days apart)", |b| {
        b.iter(|| cal.working_days_between_batch(black_box(&days), &ends, &mut out64, &strict).unwrap())
    });
    g.finish();
}

criterion_group!(benches, calendar);
criterion_main!(benches);
