//! Target monitoring at scale: 100,000 targets, 1,000,000 observations.
//!
//! `cargo bench -p zhengce-bench --bench targets`
//!
//! A synthetic catalogue of 10 districts, one plan with 10 groups of 100 items, 1,000 measures
//! led by 100 units, and 100,000 targets mixing every comparator kind the documents use
//! (at least, at most with a yearly mean, reduce by from a baseline, equal, range, status);
//! ten observations per target over 2021-2022.

use std::hint::black_box;
use std::sync::Arc;
use std::time::Instant;

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use serde_json::{Value, json};
use zhengce::targets::{
    AssessOptions, Dimension, Monitor, ObservationColumns, ObservationInput, ScorecardOptions,
};
use zhengce::{Catalogue, Citation};

const TARGETS: usize = 100_000;
const PER_TARGET: usize = 10;

fn catalogue() -> Catalogue {
    let mut jurisdictions =
        vec![json!({"id": "cn", "name": {"zh": "中国", "en": "China"}, "level": "country"})];
    for d in 0..10 {
        jurisdictions.push(
            json!({"id": format!("cn-d{d}"), "name": {"zh": format!("区{d}"), "en": format!("District {d}")},
            "level": "district", "parent": "cn"}),
        );
    }
    let groups: Vec<Value> = (0..10)
        .map(|g| {
            let items: Vec<Value> =
                (0..100).map(|i| json!({"id": format!("plan/{g}-{i}"), "summary": "An item."})).collect();
            json!({"id": format!("plan/g{g}"), "title": {"zh": format!("第{g}组"), "en": format!("Group {g}")},
                "summary": "A group.", "children": items})
        })
        .collect();
    let units: Vec<Value> = (0..100)
        .map(|u| {
            json!({"id": format!("unit-{u}"), "name": {"zh": format!("单位{u}"), "en": format!("Unit {u}")},
            "kind": "department", "jurisdiction": "cn", "source": {"document": "plan"}})
        })
        .collect();
    let measures: Vec<Value> = (0..1000)
        .map(|m| json!({"id": format!("plan/m{m}"), "programme": "plan/programme", "title": {"zh": "措施", "en": "Measure"},
            "lead_units": [format!("unit-{}", m % 100)], "co_units": [format!("unit-{}", (m + 1) % 100)],
            "source": {"document": "plan", "clause": format!("plan/{}-{}", (m / 100) % 10, m % 100)}}))
        .collect();
    let targets: Vec<Value> = (0..TARGETS)
        .map(|t| {
            let mut v = json!({"id": format!("plan/t{t}"), "metric": {"zh": "指标", "en": "Metric"}, "unit": "count",
                "scope": format!("cn-d{}", t % 10), "measure": format!("plan/m{}", t % 1000), "programme": "plan/programme",
                "deadline": "2022-12-31", "source": {"document": "plan", "clause": format!("plan/{}-{}", (t / 100) % 10, t % 100)}});
            match t % 6 {
                0 => { v["comparator"] = json!("at_least"); v["value"] = json!("100"); }
                1 => { v["comparator"] = json!("at_most"); v["value"] = json!("50"); v["aggregation"] = json!("mean"); }
                2 => { v["comparator"] = json!("reduce_by"); v["value"] = json!("30"); v["baseline"] = json!({"value": "100", "date": "2020-12-31"}); }
                3 => { v["comparator"] = json!("equal"); v["value"] = json!("80"); }
                4 => { v["comparator"] = json!("range"); v["value"] = json!("30"); v["upper"] = json!("60"); }
                _ => { v["comparator"] = json!("achieve"); v["unit"] = json!("boolean"); }
            }
            v
        })
        .collect();
    let data = json!({
        "jurisdictions": jurisdictions,
        "documents": [{"id": "plan", "title": {"zh": "规划", "en": "Plan"}, "kind": "development_plan", "jurisdiction": "cn",
            "issuer": {"zh": "政府", "en": "Government"}, "clauses": groups}],
        "units": units,
        "programmes": [{"id": "plan/programme", "name": {"zh": "规划", "en": "Plan"}, "jurisdiction": "cn",
            "period": {"from": "2021-01-01", "until": "2022-12-31"}, "source": {"document": "plan"}}],
        "measures": measures,
        "targets": targets,
    });
    Catalogue::from_json_value(&data).expect("the synthetic catalogue is valid")
}

fn observations() -> Vec<ObservationInput> {
    let start = NaiveDate::from_ymd_opt(2021, 1, 31).unwrap();
    let mut rows = Vec::with_capacity(TARGETS * PER_TARGET);
    for t in 0..TARGETS {
        for k in 0..PER_TARGET {
            let value = match t % 6 {
                5 => i64::from(k == PER_TARGET - 1 && t % 12 == 5),
                _ => 20 + ((t * 7 + k * 13) % 90) as i64,
            };
            rows.push(ObservationInput {
                id: None,
                target: format!("plan/t{t}"),
                as_of: start + chrono::Duration::days(70 * k as i64),
                published: None,
                value: value.into(),
                unit: if t % 6 == 5 { "boolean".into() } else { "count".into() },
                source: Some(Citation { document: "statistics bureau".into(), clause: None, quote: None }),
                qualifier: None,
                metric: None,
                scope: None,
                reading: None,
            });
        }
    }
    rows
}

fn targets(c: &mut Criterion) {
    let t0 = Instant::now();
    let cat = Arc::new(catalogue());
    println!("synthetic catalogue of {TARGETS} targets loaded and validated in {:.2?}", t0.elapsed());
    let rows = observations();
    let mut monitor =
        Monitor::new(&zhengce::Context::new(Arc::clone(&cat), zhengce::calendar::Calendars::builtin()));
    let t0 = Instant::now();
    monitor.add_observations(rows.clone()).unwrap();
    println!("{} observations added in {:.2?}", monitor.len(), t0.elapsed());
    let as_of = NaiveDate::from_ymd_opt(2022, 10, 31).unwrap();

    let mut group = c.benchmark_group("targets");
    group.sample_size(10);
    group.bench_function("add_observations(1,000,000 rows)", |b| {
        b.iter_batched(
            || {
                (
                    Monitor::new(&zhengce::Context::new(
                        Arc::clone(&cat),
                        zhengce::calendar::Calendars::builtin(),
                    )),
                    rows.clone(),
                )
            },
            |(mut m, rows)| m.add_observations(rows).unwrap(),
            BatchSize::LargeInput,
        )
    });
    // The same rows as columns borrowing the rows' texts (what the Python binding hands over
    // from an Arrow table): no value per row.
    let target: Vec<&str> = rows.iter().map(|r| r.target.as_str()).collect();
    let dates: Vec<NaiveDate> = rows.iter().map(|r| r.as_of).collect();
    let value: Vec<rust_decimal::Decimal> = rows.iter().map(|r| r.value).collect();
    let unit: Vec<&str> = rows.iter().map(|r| r.unit.as_str()).collect();
    let source: Vec<Option<&str>> =
        rows.iter().map(|r| r.source.as_ref().map(|s| s.document.as_str())).collect();
    let columns = ObservationColumns {
        target: &target,
        as_of: &dates,
        value: &value,
        unit: &unit,
        source: &source,
        ..Default::default()
    };
    group.bench_function("add_observation_columns(1,000,000 rows)", |b| {
        b.iter_batched(
            || {
                Monitor::new(&zhengce::Context::new(
                    Arc::clone(&cat),
                    zhengce::calendar::Calendars::builtin(),
                ))
            },
            |mut m| m.add_observation_columns(&columns).unwrap(),
            BatchSize::LargeInput,
        )
    });
    let all = ScorecardOptions::default();
    group.bench_function("scorecard(100,000 targets, 1,000,000 observations)", |b| {
        b.iter(|| monitor.scorecard(black_box(as_of), &all).unwrap().counts)
    });
    let by = ScorecardOptions {
        by: vec![Dimension::Group, Dimension::Unit, Dimension::Jurisdiction],
        ..Default::default()
    };
    group.bench_function("scorecard(..., by group, unit, jurisdiction)", |b| {
        b.iter(|| monitor.scorecard(black_box(as_of), &by).unwrap().groups.len())
    });
    let card = monitor.scorecard(as_of, &by).unwrap();
    println!("status counts: {:?}", card.counts);
    group.bench_function("to_csv + assessments_to_csv (100,000 rows)", |b| {
        b.iter(|| card.to_csv().len() + card.assessments_to_csv().len())
    });
    group.bench_function("to_json", |b| b.iter(|| card.to_json().len()));
    group.finish();
    c.bench_function("assess(one target of 100,000)", |b| {
        b.iter(|| monitor.assess(black_box("plan/t54321"), as_of, &AssessOptions::default()).unwrap().status)
    });
}

criterion_group!(benches, targets);
criterion_main!(benches);
