//! A bounded load test of `zhengce serve` on 127.0.0.1: a fixed number of requests from a few
//! concurrent clients, in two equal rounds after a warm-up. It asserts that no request fails
//! and that memory does not keep growing (the second round adds at most a small allowance to
//! the first round's resident set); it reports throughput, p50/p99 latency and memory, and
//! asserts nothing about speed. See the figures with
//! `cargo test -p zhengce-cli --test load -- --nocapture`.

mod common;

use std::time::{Duration, Instant};

use common::Server;
use serde_json::json;

const CLIENTS: usize = 4;
const PER_CLIENT: usize = 500;
const WARM_UP: usize = 50;

fn requests() -> Vec<(&'static str, serde_json::Value)> {
    let bond = "tianshan-2022-87/r68-bid-bond";
    vec![
        ("/v1/evaluate", json!({"rule": bond, "date": "2022-06-01", "input": {"budget": "5000000"}})),
        ("/v1/explain", json!({"rule": bond, "date": "2022-06-01", "input": {"budget": "1000000"}})),
        (
            "/v1/deadline",
            json!({"service": "business-opening", "start": "2022-09-30", "jurisdiction": "cn-xj-urumqi-tianshan"}),
        ),
        (
            "/v1/evaluate/batch",
            json!({"rule": bond, "date": "2022-06-01", "columns": {"budget": vec!["1000000"; 100]}}),
        ),
    ]
}

/// One round: every client sends `per_client` requests on its own keep-alive connection.
/// Returns (latencies, errors, wall time).
fn round(server: &Server, per_client: usize) -> (Vec<Duration>, usize, Duration) {
    let started = Instant::now();
    let handles: Vec<_> = (0..CLIENTS)
        .map(|client| {
            let addr = server.addr.clone();
            std::thread::spawn(move || {
                let mut conn = common::Conn::new(&addr);
                let reqs = requests();
                let mut latencies = Vec::with_capacity(per_client);
                let mut errors = 0;
                for i in 0..per_client {
                    let (path, body) = &reqs[(client + i) % reqs.len()];
                    let t = Instant::now();
                    let r = conn.post(path, body);
                    latencies.push(t.elapsed());
                    if r.status != 200 {
                        errors += 1;
                    }
                }
                (latencies, errors)
            })
        })
        .collect();
    let mut all = Vec::new();
    let mut errors = 0;
    for h in handles {
        let (l, e) = h.join().expect("client thread");
        all.extend(l);
        errors += e;
    }
    (all, errors, started.elapsed())
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

#[test]
fn bounded_load_without_errors_or_memory_growth() {
    let server = Server::start(&[]);
    let (_, errors, _) = round(&server, WARM_UP);
    assert_eq!(errors, 0);
    let rss_start = server.rss_kb();
    let (mut first, e1, wall1) = round(&server, PER_CLIENT);
    let rss_first = server.rss_kb();
    let (second, e2, wall2) = round(&server, PER_CLIENT);
    let rss_second = server.rss_kb();
    assert_eq!(e1 + e2, 0, "every request answered 200");

    first.extend(second);
    first.sort();
    let n = first.len();
    let wall = wall1 + wall2;
    println!(
        "load: {n} requests, {CLIENTS} clients: {:.0} req/s, p50 {:.2} ms, p99 {:.2} ms; RSS {} kB after warm-up, {} kB after round 1, {} kB after round 2",
        n as f64 / wall.as_secs_f64(),
        percentile(&first, 0.50).as_secs_f64() * 1e3,
        percentile(&first, 0.99).as_secs_f64() * 1e3,
        rss_start,
        rss_first,
        rss_second,
    );
    if rss_start > 0 {
        // The second round, the same work again, must not keep adding memory: allow 16 MB of
        // allocator noise, far below what leaking every request's data would add.
        assert!(
            rss_second <= rss_first + 16 * 1024,
            "RSS grew from {rss_first} kB to {rss_second} kB over the second round"
        );
    }
}
