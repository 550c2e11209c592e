//! Layering one overlay of many new parameters onto the built-in catalogue (issue 13: 250,000
//! took 271 s while the merge scanned every parameter for each entry; it is now linear).
//!
//! `cargo run --release -p zhengce-bench --example layer_many [-- N]` (default 250,000) times
//! N/2 and N parameters, from JSON text and from a parsed value: linear means twice the time.

use std::time::Instant;

use serde_json::{Value, json};
use zhengce::Catalogue;

fn overlay(n: usize) -> Value {
    let parameters: Vec<Value> = (0..n)
        .map(|i| {
            json!({
                "id": format!("bench.layer.p{i}"),
                "name": {"zh": format!("参数{i}"), "en": format!("Parameter {i}")},
                "unit": "count",
                "description": "A generated parameter.",
                "values": [{
                    "jurisdiction": "cn-xj-urumqi-tianshan",
                    "effective_from": "2022-05-18",
                    "value": "1",
                    "source": {"document": "tianshan-2022-87", "clause": "tianshan-2022-87/5", "quote": "每半年对全区行政执法情况进行1次审查"}
                }]
            })
        })
        .collect();
    json!({ "parameters": parameters })
}

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(250_000);
    let base = Catalogue::builtin();
    for size in [n / 2, n] {
        let value = overlay(size);
        let text = value.to_string();
        let start = Instant::now();
        let from_text = base.layered(&text).expect("a valid overlay");
        let text_time = start.elapsed();
        let start = Instant::now();
        let from_value = base.layered_json_value(&value).expect("a valid overlay");
        let value_time = start.elapsed();
        assert_eq!(from_text.content_hash(), from_value.content_hash());
        println!(
            "{size} parameters ({} MB of JSON): layered(text) {text_time:.2?}, layered_json_value {value_time:.2?}",
            text.len() / 1_000_000
        );
    }
}
