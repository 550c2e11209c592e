//! One columnar draw over `n` entities (ids and classes in memory), for peak-memory and
//! wall-time measurement: `/usr/bin/time -v target/release/examples/sampling_peak 180000000`.

use std::time::Instant;

use zhengce::sampling::{RegisterColumns, StratifiedDraw};

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10_000_000);
    let cat = zhengce::Context::builtin();
    let (ids, classes) = zhengce_bench::sampling::register_columns(n);
    let start = Instant::now();
    let draw = StratifiedDraw::draw(&cat, &RegisterColumns::new(&classes), &zhengce_bench::sampling::spec())
        .expect("the draw succeeds");
    let selected: Vec<u64> =
        draw.strata.iter().flat_map(|s| s.random.iter().map(|&p| ids[p as usize])).collect();
    println!("{n} entities: {} selected in {:.3} s", selected.len(), start.elapsed().as_secs_f64());
}
