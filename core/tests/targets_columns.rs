//! Observations added as columns (`Monitor::add_observation_columns`): hand-worked cases on
//! Tianshan item 28, and the property that the bulk path stores exactly what the row path
//! stores, whatever the rows.

use std::sync::Arc;

use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{Value, json};
use zhengce::catalogue::Qualifier;
use zhengce::targets::{AssessOptions, Basis, Monitor, ObservationColumns, ObservationInput, Status};
use zhengce::{Catalogue, Citation};

fn date(s: &str) -> NaiveDate {
    zhengce::value::parse_date(s).unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

const T28: &str = "tianshan-2022-87/t28";

/// Tianshan item 28: 「2022年底依申请类事项网上办理比例达到85%以上」, at least 85 % by
/// 2022-12-31, no stated baseline (the earliest observation serves).
#[test]
fn item_28_from_three_columns_is_on_track() {
    let mut monitor = Monitor::new(&zhengce::Context::builtin());
    let held = monitor.len();
    let columns = ObservationColumns {
        target: &[T28; 3],
        as_of: &[date("2022-03-31"), date("2022-06-30"), date("2022-09-30")],
        value: &[dec("60"), dec("70"), dec("78")],
        unit: &["%"; 3],
        source: &[Some("district government-service statistics"); 3],
        ..Default::default()
    };
    assert_eq!(monitor.add_observation_columns(&columns).unwrap(), 3);
    assert_eq!(monitor.len(), held + 3);
    let a = monitor.assess(T28, date("2022-10-15"), &AssessOptions::default()).unwrap();
    // Baseline 60 on 03-31 (earliest), value 78 on 09-30: progress (78 - 60) / (85 - 60) =
    // 18/25 = 0.72. Time from 03-31 to 12-31 is 275 days, 183 of them passed by 09-30:
    // elapsed 0.66545... -> 0.6655. 0.72 >= 0.6655 - 0 (on-track lag): on track.
    assert_eq!((a.status, a.basis), (Status::OnTrack, Basis::LinearPath));
    assert_eq!(a.baseline, Some(dec("60")));
    assert_eq!(a.baseline_date, Some(date("2022-03-31")));
    assert_eq!(a.value, Some(dec("78")));
    assert_eq!(a.progress.unwrap().to_string(), "0.72");
    assert_eq!(a.elapsed.unwrap().to_string(), "0.6655");
    // 60 + 25 x 183/275 = 76.6363... -> 76.6364; gap 85 - 78 = 7.
    assert_eq!(a.expected.unwrap().to_string(), "76.6364");
    assert_eq!(a.gap.unwrap().to_string(), "7");
    assert_eq!(a.observations, ["tianshan-2022-87/t28@2022-09-30"]);
    let held_rows = monitor.observations(Some(T28)).unwrap();
    assert_eq!(held_rows.len(), 3);
    assert_eq!(held_rows[1].id, "tianshan-2022-87/t28@2022-06-30");
    assert_eq!(held_rows[1].source.document, "district government-service statistics");
    assert_eq!(held_rows[1].scope, "cn-xj-urumqi-tianshan");
}

/// A later row of the same target and date replaces the earlier one, within one load and
/// across loads, as rows do.
#[test]
fn a_later_row_of_a_date_replaces_the_earlier() {
    let mut monitor = Monitor::new(&zhengce::Context::builtin());
    let held = monitor.len();
    let columns = ObservationColumns {
        target: &[T28; 4],
        as_of: &[date("2022-03-31"), date("2022-06-30"), date("2022-09-30"), date("2022-09-30")],
        value: &[dec("60"), dec("70"), dec("78"), dec("70")],
        unit: &["%"; 4],
        source: &[Some("s"); 4],
        ..Default::default()
    };
    assert_eq!(monitor.add_observation_columns(&columns).unwrap(), 4);
    assert_eq!(monitor.len(), held + 3, "09-30 is held once");
    let a = monitor.assess(T28, date("2022-10-15"), &AssessOptions::default()).unwrap();
    // 70 on 09-30: progress 10/25 = 0.4, below 0.6655 - 0.1 (at-risk lag): off track.
    assert_eq!(a.value, Some(dec("70")));
    assert_eq!(a.progress.unwrap().to_string(), "0.4");
    assert_eq!(a.status, Status::OffTrack);
    // A second load replaces 09-30 again: 84 is 24/25 = 0.96 of the way, on track.
    let again = ObservationColumns {
        target: &[T28],
        as_of: &[date("2022-09-30")],
        value: &[dec("84")],
        unit: &["%"],
        source: &[Some("s")],
        ..Default::default()
    };
    monitor.add_observation_columns(&again).unwrap();
    assert_eq!(monitor.len(), held + 3);
    let a = monitor.assess(T28, date("2022-10-15"), &AssessOptions::default()).unwrap();
    assert_eq!((a.value, a.status), (Some(dec("84")), Status::OnTrack));
}

#[test]
fn a_bad_row_is_named_and_nothing_is_added() {
    let mut monitor = Monitor::new(&zhengce::Context::builtin());
    let held = monitor.len();
    let as_of = [date("2022-03-31"), date("2022-06-30")];
    let value = [dec("60"), dec("70")];
    let bad_unit = ObservationColumns {
        target: &[T28; 2],
        as_of: &as_of,
        value: &value,
        unit: &["%", "ratio"],
        source: &[Some("s"); 2],
        ..Default::default()
    };
    let err = monitor.add_observation_columns(&bad_unit).unwrap_err();
    assert_eq!((err.code(), err.path()), ("unit_mismatch", Some("observations[1].unit")));
    assert_eq!(monitor.len(), held);
    let unknown = ObservationColumns { target: &[T28, "nope"], unit: &["%"; 2], ..bad_unit };
    let err = monitor.add_observation_columns(&unknown).unwrap_err();
    assert_eq!(err.code(), "not_found");
    assert!(err.to_string().starts_with("failed to add observations[1]: "), "{err}");
    let no_source = ObservationColumns { source: &[Some("s"), Some("  ")], ..unknown };
    let no_source = ObservationColumns { target: &[T28; 2], ..no_source };
    let err = monitor.add_observation_columns(&no_source).unwrap_err();
    assert_eq!((err.code(), err.path()), ("missing_input", Some("observations[1].source")));
    let short = ObservationColumns { value: &value[..1], ..no_source };
    let err = monitor.add_observation_columns(&short).unwrap_err();
    assert_eq!((err.code(), err.path()), ("invalid_input", Some("observations.value")));
    assert_eq!(monitor.len(), held);
}

/// A small catalogue: four targets of different kinds in one district, over 2022.
fn catalogue() -> Arc<Catalogue> {
    let target = |id: &str, extra: Value| {
        let mut t = json!({"id": id, "metric": {"zh": "指标", "en": "Metric"}, "unit": "count",
            "comparator": "at_least", "value": "10", "scope": "cn-x", "programme": "d/programme",
            "deadline": "2022-12-31", "source": {"document": "d", "clause": "d/1"}});
        for (k, v) in extra.as_object().unwrap() {
            t[k] = v.clone();
        }
        t
    };
    let data = json!({
        "jurisdictions": [
            {"id": "cn", "name": {"zh": "中国", "en": "China"}, "level": "country"},
            {"id": "cn-x", "name": {"zh": "某区", "en": "District X"}, "level": "district", "parent": "cn"}],
        "documents": [{"id": "d", "title": {"zh": "方案", "en": "Plan"}, "kind": "implementation_plan",
            "jurisdiction": "cn-x", "issuer": {"zh": "区政府", "en": "District government"},
            "clauses": [{"id": "d/1", "summary": "Item 1."}]}],
        "programmes": [{"id": "d/programme", "name": {"zh": "方案", "en": "Plan"}, "jurisdiction": "cn-x",
            "period": {"from": "2022-01-01", "until": "2022-12-31"}, "source": {"document": "d"}}],
        "targets": [
            target("a", json!({})),
            target("b", json!({"comparator": "at_most", "value": "5", "aggregation": "mean"})),
            target("c", json!({"comparator": "reduce_by", "value": "30", "baseline": {"value": "20", "date": "2021-12-31"}})),
            target("s", json!({"comparator": "achieve", "unit": "boolean", "value": null})),
        ]
    });
    Arc::new(Catalogue::from_json_value(&data).unwrap())
}

/// One generated row, owned; the columns borrow from a list of these.
#[derive(Debug, Clone)]
struct Row {
    target: &'static str,
    day: u32,
    value: i64,
    unit: &'static str,
    source: Option<&'static str>,
    published: Option<u32>,
    id: Option<&'static str>,
    qualifier: Option<Qualifier>,
    reading: Option<&'static str>,
}

fn on(day: u32) -> NaiveDate {
    date("2022-01-01") + chrono::Days::new(day as u64)
}

fn row() -> impl Strategy<Value = Row> {
    (
        prop::sample::select(vec!["a", "b", "c", "s", "nope"]),
        0u32..12,
        -1i64..25,
        prop::sample::select(vec!["count", "count", "count", "boolean", "%"]),
        prop::sample::select(vec![Some("bureau"), Some("survey"), None]),
        prop::option::weighted(0.2, 0u32..15),
        // Explicit ids: none mostly; names, and the default ids of other rows and targets.
        prop::option::weighted(
            0.15,
            prop::sample::select(vec!["x1", "x2", "a@2022-01-03", "b@2022-01-05", "c@2022-1-02"]),
        ),
        prop::option::weighted(0.2, prop::sample::select(vec![Qualifier::About, Qualifier::MoreThan])),
        prop::option::weighted(0.1, Just("read so")),
    )
        .prop_map(|(target, day, value, unit, source, published, id, qualifier, reading)| {
            // Most rows are valid: each target's own unit, 0/1 for the status target.
            let unit = if target == "s" && unit == "count" { "boolean" } else { unit };
            let unit = if target != "s" && unit == "boolean" { "count" } else { unit };
            let value = if target == "s" && value > 1 { value % 2 } else { value };
            Row {
                target,
                day: day * 3,
                value,
                unit,
                source,
                published: published.map(|p| day * 3 + p),
                id,
                qualifier,
                reading,
            }
        })
}

fn as_input(r: &Row) -> ObservationInput {
    ObservationInput {
        id: r.id.map(str::to_owned),
        target: r.target.to_owned(),
        as_of: on(r.day),
        published: r.published.map(on),
        value: Decimal::from(r.value),
        unit: r.unit.to_owned(),
        source: r.source.map(|s| Citation { document: s.to_owned(), clause: None, quote: None }),
        qualifier: r.qualifier,
        metric: None,
        scope: None,
        reading: r.reading.map(str::to_owned),
    }
}

/// Adds `rows` as columns (every optional column present) to `monitor`.
fn add_columns(monitor: &mut Monitor, rows: &[Row]) -> zhengce::Result<usize> {
    let target: Vec<&str> = rows.iter().map(|r| r.target).collect();
    let as_of: Vec<NaiveDate> = rows.iter().map(|r| on(r.day)).collect();
    let value: Vec<Decimal> = rows.iter().map(|r| Decimal::from(r.value)).collect();
    let unit: Vec<&str> = rows.iter().map(|r| r.unit).collect();
    let source: Vec<Option<&str>> = rows.iter().map(|r| r.source).collect();
    let published: Vec<Option<NaiveDate>> = rows.iter().map(|r| r.published.map(on)).collect();
    let id: Vec<Option<&str>> = rows.iter().map(|r| r.id).collect();
    let qualifier: Vec<Option<Qualifier>> = rows.iter().map(|r| r.qualifier).collect();
    let reading: Vec<Option<&str>> = rows.iter().map(|r| r.reading).collect();
    monitor.add_observation_columns(&ObservationColumns {
        target: &target,
        as_of: &as_of,
        value: &value,
        unit: &unit,
        source: &source,
        published: Some(&published),
        id: Some(&id),
        qualifier: Some(&qualifier),
        scope: None,
        reading: Some(&reading),
    })
}

/// What a monitor shows: every observation held, and the scorecard at three dates.
fn shown(monitor: &Monitor) -> Value {
    let cards: Vec<Value> = ["2022-01-20", "2022-02-10", "2023-01-31"]
        .iter()
        .map(|d| serde_json::to_value(monitor.scorecard(date(d), &Default::default()).unwrap()).unwrap())
        .collect();
    json!({"len": monitor.len(), "observations": monitor.observations(None).unwrap(), "cards": cards})
}

fn outcome(r: zhengce::Result<usize>) -> Result<usize, (String, Option<String>, String)> {
    r.map_err(|e| (e.code().to_owned(), e.path().map(str::to_owned), e.to_string()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    /// Two loads, as rows into one monitor and as columns into another: the same result
    /// (count or error), the same observations held (ids, order, sources, readings) and the
    /// same scorecards.
    #[test]
    fn columns_store_what_rows_store(
        first in prop::collection::vec(row(), 0..24),
        second in prop::collection::vec(row(), 0..24),
    ) {
        let ctx = zhengce::Context::new(catalogue(), zhengce::calendar::Calendars::builtin());
        let mut by_rows = Monitor::new(&ctx);
        let mut by_columns = Monitor::new(&ctx);
        for rows in [&first, &second] {
            let a = outcome(by_rows.add_observations(rows.iter().map(as_input).collect()));
            let b = outcome(add_columns(&mut by_columns, rows));
            prop_assert_eq!(a, b);
            prop_assert_eq!(shown(&by_rows), shown(&by_columns));
        }
    }

    /// Without explicit ids (the fast path), with only valid rows, so the comparison is not
    /// decided by an early error.
    #[test]
    fn columns_without_ids_store_what_rows_store(
        first in prop::collection::vec(row(), 0..40),
        second in prop::collection::vec(row(), 0..40),
    ) {
        let valid = |rows: Vec<Row>| -> Vec<Row> {
            rows.into_iter()
                .filter(|r| r.target != "nope" && r.unit == if r.target == "s" { "boolean" } else { "count" })
                .filter(|r| r.target != "s" || (0..=1).contains(&r.value))
                .map(|r| Row { id: None, source: r.source.or(Some("bureau")), ..r })
                .collect()
        };
        let (first, second) = (valid(first), valid(second));
        let ctx = zhengce::Context::new(catalogue(), zhengce::calendar::Calendars::builtin());
        let mut by_rows = Monitor::new(&ctx);
        let mut by_columns = Monitor::new(&ctx);
        for rows in [&first, &second] {
            let a = outcome(by_rows.add_observations(rows.iter().map(as_input).collect()));
            let b = outcome(add_columns(&mut by_columns, rows));
            prop_assert_eq!(a, Ok(rows.len()));
            prop_assert_eq!(b, Ok(rows.len()));
            prop_assert_eq!(shown(&by_rows), shown(&by_columns));
        }
    }
}
