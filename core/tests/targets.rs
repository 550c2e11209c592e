//! Target assessment: hand-worked cases for every comparator and status, and the invariants
//! of the issue as properties.
//!
//! The cases run on a small catalogue: one district, one document with two groups, one
//! programme over 2022, and targets made for each case. Expected values are worked out in
//! the comments; the shared vectors (tests/vectors/targets) repeat the main ones on the
//! built-in catalogue in all three languages.

use std::sync::Arc;

use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::{Value, json};
use zhengce::targets::{AssessOptions, Assessment, Basis, Dimension, Monitor, ScorecardOptions, Status};
use zhengce::{Catalogue, communities::Communities};

/// The context of a test catalogue, with the built-in calendars.
fn ctx_of(catalogue: impl Into<std::sync::Arc<zhengce::Catalogue>>) -> zhengce::Context {
    zhengce::Context::new(catalogue, zhengce::calendar::Calendars::builtin())
}

fn date(s: &str) -> NaiveDate {
    zhengce::value::parse_date(s).unwrap()
}

fn base(targets: Value) -> Value {
    json!({
        "jurisdictions": [
            {"id": "cn", "name": {"zh": "中国", "en": "China"}, "level": "country"},
            {"id": "cn-x", "name": {"zh": "某区", "en": "District X"}, "level": "district", "parent": "cn"}
        ],
        "documents": [{"id": "d", "title": {"zh": "方案", "en": "Plan"}, "kind": "implementation_plan",
            "jurisdiction": "cn-x", "issuer": {"zh": "区政府", "en": "District government"},
            "clauses": [
                {"id": "d/g1", "label": "一、", "title": {"zh": "第一组", "en": "Group one"}, "summary": "Group one.",
                 "children": [{"id": "d/1", "summary": "Item 1."}, {"id": "d/2", "summary": "Item 2."}]},
                {"id": "d/g2", "label": "二、", "title": {"zh": "第二组", "en": "Group two"}, "summary": "Group two.",
                 "children": [{"id": "d/3", "summary": "Item 3."}]}]}],
        "units": [
            {"id": "u1", "name": {"zh": "区人社局", "en": "HRSS"}, "kind": "department", "jurisdiction": "cn-x", "source": {"document": "d"}},
            {"id": "u2", "name": {"zh": "区财政局", "en": "Finance"}, "kind": "department", "jurisdiction": "cn-x", "source": {"document": "d"}},
            {"id": "s1", "name": {"zh": "某街道", "en": "Sub-district 1"}, "kind": "sub_district", "jurisdiction": "cn-x", "source": {"document": "d"}}
        ],
        "programmes": [{"id": "d/programme", "name": {"zh": "方案", "en": "Plan"}, "jurisdiction": "cn-x",
            "period": {"from": "2022-01-01", "until": "2022-12-31"}, "source": {"document": "d"},
            "responsibility_chain": [
                {"tier": "district", "role": "principal", "name": {"zh": "区(县)", "en": "District"}},
                {"tier": "sub_district", "role": "direct", "name": {"zh": "街道", "en": "Sub-district"}},
                {"tier": "community", "role": "implementing", "name": {"zh": "社区", "en": "Community"}}]}],
        "measures": [{"id": "d/m1", "programme": "d/programme", "title": {"zh": "措施一", "en": "Measure 1"},
            "lead_units": ["u1"], "co_units": ["u2"], "source": {"document": "d", "clause": "d/1"}}],
        "community_types": [{"id": "ct", "name": {"zh": "托育服务社区", "en": "Childcare"}, "focus": {"zh": "托育", "en": "Childcare"}, "source": {"document": "d"}}],
        "targets": targets
    })
}

/// A target of the test catalogue: `t` with comparator, value and extra fields.
fn target(id: &str, comparator: &str, value: Option<&str>, extra: Value) -> Value {
    let mut t = json!({"id": id, "metric": {"zh": "指标", "en": "Metric"}, "unit": "count",
        "comparator": comparator, "scope": "cn-x", "programme": "d/programme",
        "deadline": "2022-12-31", "source": {"document": "d", "clause": "d/1"}});
    if let Some(v) = value {
        t["value"] = json!(v);
    }
    for (k, v) in extra.as_object().unwrap() {
        if v.is_null() {
            t.as_object_mut().unwrap().remove(k);
        } else {
            t[k] = v.clone();
        }
    }
    t
}

fn catalogue(targets: Vec<Value>) -> Arc<Catalogue> {
    Arc::new(Catalogue::from_json_value(&base(Value::Array(targets))).unwrap())
}

fn obs(target: &str, on: &str, value: &str) -> Value {
    json!({"target": target, "date": on, "value": value, "unit": "count", "source": "test"})
}

fn monitor(cat: &Arc<Catalogue>, rows: Vec<Value>) -> Monitor {
    let mut m = Monitor::new(&ctx_of(Arc::clone(cat)));
    m.add_observations_json_value(&Value::Array(rows)).unwrap();
    m
}

fn assess_one(t: Value, rows: Vec<Value>, as_of: &str) -> Assessment {
    let id = t["id"].as_str().unwrap().to_owned();
    let cat = catalogue(vec![t]);
    monitor(&cat, rows).assess(&id, date(as_of), &AssessOptions::default()).unwrap()
}

fn s(d: Option<rust_decimal::Decimal>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

// at_least (以上): Tianshan item 28.

#[test]
fn at_least_on_the_path_at_risk_and_off_track() {
    // 60 on 2022-03-31 is the baseline; the path runs 275 days to 2022-12-31. On 2022-09-30
    // (183 days in) it expects 183/275 = 0.6655 of the 25 points, i.e. 76.6364.
    let t = target("t", "at_least", Some("85"), json!({}));
    let at = |v: &str| {
        assess_one(t.clone(), vec![obs("t", "2022-03-31", "60"), obs("t", "2022-09-30", v)], "2022-10-01")
    };
    let a = at("80"); // progress 20/25 = 0.8 ≥ 0.6655
    assert_eq!((a.status, a.basis), (Status::OnTrack, Basis::LinearPath));
    assert_eq!(
        (s(a.progress), s(a.elapsed), s(a.expected), s(a.gap)),
        ("0.8".into(), "0.6655".into(), "76.6364".into(), "5".into())
    );
    assert_eq!(
        (s(a.baseline), a.baseline_date, a.start),
        ("60".into(), Some(date("2022-03-31")), Some(date("2022-03-31")))
    );
    let a = at("75"); // 0.6 ≥ 0.6655 − 0.1 = 0.5655
    assert_eq!(a.status, Status::AtRisk);
    let a = at("74"); // 0.56 < 0.5655
    assert_eq!(a.status, Status::OffTrack);
    assert!(a.note.contains("at-risk lag 0.1"), "{}", a.note);
}

#[test]
fn at_least_exactly_on_the_boundary_is_met_and_just_below_is_missed_after_the_deadline() {
    let t = target("t", "at_least", Some("85"), json!({}));
    let a = assess_one(t.clone(), vec![obs("t", "2022-12-31", "85")], "2023-01-01");
    assert_eq!((a.status, s(a.gap)), (Status::Met, "0".into()));
    let a = assess_one(t, vec![obs("t", "2022-12-31", "84.9")], "2023-01-01");
    assert_eq!((a.status, a.basis, s(a.gap)), (Status::Missed, Basis::DeadlinePassed, "0.1".into()));
}

#[test]
fn an_observation_after_the_deadline_does_not_rescue_a_missed_target() {
    let t = target("t", "at_least", Some("85"), json!({}));
    let a = assess_one(t, vec![obs("t", "2022-12-31", "80"), obs("t", "2023-01-15", "90")], "2023-02-01");
    assert_eq!(
        (a.status, s(a.value), a.observed_on),
        (Status::Missed, "80".into(), Some(date("2022-12-31")))
    );
}

// more_than (超过) versus at_least at the boundary: Putuo 「超过16家」.

#[test]
fn more_than_excludes_the_number_unless_the_figure_itself_says_more_than() {
    let t = target("t", "more_than", Some("16"), json!({}));
    let a = assess_one(t.clone(), vec![obs("t", "2022-12-31", "16")], "2023-01-01");
    assert_eq!((a.status, s(a.gap)), (Status::Missed, "0".into()));
    let mut row = obs("t", "2022-12-31", "16");
    row["qualifier"] = json!("more_than"); // 「超过16家」 reported as 16, more_than
    let a = assess_one(t.clone(), vec![row], "2023-01-01");
    assert_eq!(a.status, Status::Met);
    assert_eq!(serde_json::to_value(a.qualifier).unwrap(), "more_than");
    let a = assess_one(t, vec![obs("t", "2022-12-31", "17")], "2023-01-01");
    assert_eq!(a.status, Status::Met);
}

// at_most (以内) and the annual average: Xinjin 「年均失业登记率控制在4%以内」.

#[test]
fn an_averaged_target_is_judged_on_the_mean_of_its_observations() {
    let t = target(
        "t",
        "at_most",
        Some("4"),
        json!({"aggregation": "mean", "deadline": null, "programme": null}),
    );
    // Mean of 3.5 and 4.5 is 4: 以内 includes the number.
    let a = assess_one(
        t.clone(),
        vec![obs("t", "2021-12-31", "3.5"), obs("t", "2022-12-31", "4.5")],
        "2023-01-01",
    );
    assert_eq!((a.status, s(a.value)), (Status::Met, "4".into()));
    assert_eq!(a.observations, ["t@2021-12-31", "t@2022-12-31"]);
    // Mean of 3.8 and 4.4 is 4.1: the first year met the ceiling, the average has slipped.
    let a = assess_one(
        t.clone(),
        vec![obs("t", "2021-12-31", "3.8"), obs("t", "2022-12-31", "4.4")],
        "2023-01-01",
    );
    assert_eq!((a.status, a.basis, s(a.value)), (Status::OffTrack, Basis::Slipped, "4.1".into()));
    // A period bounds the average: only 2022 and 2023 count.
    let t = target(
        "t",
        "at_most",
        Some("4"),
        json!({"aggregation": "mean", "deadline": null,
        "period": {"from": "2022-01-01", "until": "2026-12-31"}}),
    );
    let rows = vec![obs("t", "2021-12-31", "9"), obs("t", "2022-12-31", "4"), obs("t", "2023-12-31", "3")];
    let a = assess_one(t, rows, "2024-01-01");
    assert_eq!((a.status, s(a.value)), (Status::Met, "3.5".into()));
}

#[test]
fn less_than_excludes_the_number() {
    let t = target("t", "less_than", Some("1"), json!({}));
    assert_eq!(assess_one(t.clone(), vec![obs("t", "2022-12-31", "1")], "2023-01-01").status, Status::Missed);
    assert_eq!(assess_one(t, vec![obs("t", "2022-12-31", "0.99")], "2023-01-01").status, Status::Met);
}

// reduce_by and increase_by: values derived from the baseline.

#[test]
fn reduce_by_derives_its_target_and_judges_the_path_exactly() {
    // Reduce by 70 % from 20 (on 2022-01-01): at most 6 by 2022-12-31, 364 days. On
    // 2022-07-02, 182 days in, the path expects exactly half the cut: 13.
    let t = target("t", "reduce_by", Some("70"), json!({"baseline": {"value": "20", "date": "2022-01-01"}}));
    let at = |v: &str| assess_one(t.clone(), vec![obs("t", "2022-07-02", v)], "2022-07-02");
    let a = at("13"); // progress 7/14 = 0.5 = elapsed: exactly on the path
    assert_eq!((a.status, s(a.target_value), a.derived), (Status::OnTrack, "6".into(), true));
    assert_eq!(
        (s(a.progress), s(a.elapsed), s(a.expected), s(a.gap)),
        ("0.5".into(), "0.5".into(), "13".into(), "7".into())
    );
    assert_eq!(at("13.1").status, Status::AtRisk); // 6.9/14 = 0.4929
    assert_eq!(at("14.4").status, Status::AtRisk); // 5.6/14 = 0.4 = 0.5 − 0.1: on the at-risk boundary
    assert_eq!(at("14.5").status, Status::OffTrack); // 5.5/14 = 0.3929
    assert_eq!(at("6").status, Status::Met);
    // Without a baseline there is nothing to cut from.
    let t = target("t", "reduce_by", Some("70"), json!({}));
    let a = assess_one(t, vec![obs("t", "2022-07-02", "6")], "2022-07-02");
    assert_eq!((a.status, a.basis), (Status::NoData, Basis::NoBaseline));
}

#[test]
fn increase_by_derives_its_target_from_the_baseline_or_the_first_observation() {
    // Tianshan item 78 read with a level: R&D spending up 20 % from 1000.
    let t = target("t", "increase_by", Some("20"), json!({}));
    let a = assess_one(
        t.clone(),
        vec![obs("t", "2021-12-31", "1000"), obs("t", "2022-12-31", "1200")],
        "2023-01-01",
    );
    assert_eq!((a.status, s(a.target_value), s(a.baseline)), (Status::Met, "1200".into(), "1000".into()));
    let a = assess_one(t, vec![obs("t", "2021-12-31", "1000"), obs("t", "2022-12-31", "1199")], "2023-01-01");
    assert_eq!((a.status, s(a.progress)), (Status::Missed, "0.995".into()));
}

// equal, reach, range.

#[test]
fn baseline_equal_to_target_is_met_while_held_and_slips_otherwise() {
    // Xinshi: insurance participation 100 % at the end of the 13th plan, 100 % by 2025.
    let t = target(
        "t",
        "equal",
        Some("100"),
        json!({"baseline": {"value": "100", "date": "2020-12-31"}, "deadline": "2025-12-31"}),
    );
    let baseline_only = assess_one(t.clone(), vec![obs("t", "2020-12-31", "100")], "2023-06-30");
    assert_eq!((baseline_only.status, baseline_only.basis), (Status::NoData, Basis::NoObservation));
    let a = assess_one(t.clone(), vec![obs("t", "2023-06-30", "100")], "2023-06-30");
    assert_eq!((a.status, s(a.progress)), (Status::Met, "1".into()));
    let a = assess_one(t.clone(), vec![obs("t", "2023-06-30", "99")], "2023-06-30");
    assert_eq!(
        (a.status, a.basis, s(a.progress), s(a.gap)),
        (Status::OffTrack, Basis::Slipped, "0".into(), "1".into())
    );
    let a = assess_one(t, vec![obs("t", "2025-12-31", "99")], "2026-01-01");
    assert_eq!(a.status, Status::Missed);
}

#[test]
fn equal_overshot_is_off_track() {
    let t = target("t", "equal", Some("6"), json!({"baseline": {"value": "0", "date": "2022-01-01"}}));
    let a = assess_one(t.clone(), vec![obs("t", "2022-06-30", "7")], "2022-06-30");
    assert_eq!((a.status, a.basis, s(a.gap)), (Status::OffTrack, Basis::LinearPath, "-1".into()));
    assert_eq!(assess_one(t, vec![obs("t", "2022-06-30", "6")], "2022-06-30").status, Status::Met);
}

#[test]
fn reach_goes_toward_the_value_from_the_baseline() {
    // 简易注销时间由45日短至20日: reaching 20 from 45 is going down; 19 also reaches it.
    let t = target("t", "reach", Some("20"), json!({"baseline": {"value": "45", "date": "2021-12-31"}}));
    assert_eq!(assess_one(t.clone(), vec![obs("t", "2022-12-31", "20")], "2023-01-01").status, Status::Met);
    assert_eq!(assess_one(t.clone(), vec![obs("t", "2022-12-31", "19")], "2023-01-01").status, Status::Met);
    let a = assess_one(t, vec![obs("t", "2022-12-31", "21")], "2023-01-01");
    assert_eq!((a.status, s(a.progress)), (Status::Missed, "0.96".into()));
}

#[test]
fn range_is_met_inside_its_ends_and_approached_from_the_baseline() {
    // 全流程审批时限逐步压缩至30-60个工作日, from 90 working days on 2022-01-01.
    let t = target(
        "t",
        "range",
        Some("30"),
        json!({"upper": "60", "baseline": {"value": "90", "date": "2022-01-01"}}),
    );
    for v in ["30", "45", "60"] {
        assert_eq!(
            assess_one(t.clone(), vec![obs("t", "2022-12-31", v)], "2022-12-31").status,
            Status::Met,
            "{v}"
        );
    }
    // 75 on 2022-07-02 (half the time): half of the 30 working days cut, exactly on the path.
    let a = assess_one(t.clone(), vec![obs("t", "2022-07-02", "75")], "2022-07-02");
    assert_eq!((a.status, s(a.progress), s(a.gap)), (Status::OnTrack, "0.5".into(), "15".into()));
    let a = assess_one(t.clone(), vec![obs("t", "2022-12-31", "61")], "2023-01-01");
    assert_eq!((a.status, s(a.gap)), (Status::Missed, "1".into()));
    let a = assess_one(t, vec![obs("t", "2022-07-02", "25")], "2022-07-02");
    assert_eq!((a.status, s(a.gap)), (Status::OffTrack, "5".into()));
}

// directional and status targets.

#[test]
fn directional_targets_need_a_baseline_and_judge_the_direction() {
    let t = target("t", "increase", None, json!({}));
    let first = obs("t", "2022-01-31", "50");
    let a = assess_one(t.clone(), vec![first.clone()], "2022-06-30");
    assert_eq!((a.status, a.basis), (Status::NoData, Basis::NoBaseline));
    let at = |v: &str| assess_one(t.clone(), vec![first.clone(), obs("t", "2022-06-30", v)], "2022-06-30");
    assert_eq!(at("55").status, Status::Met);
    assert_eq!((at("50").status, at("50").basis), (Status::AtRisk, Basis::Trend));
    assert_eq!(at("45").status, Status::OffTrack);
    assert_eq!(at("55").progress, None);
    let t = target("t", "decrease", None, json!({}));
    let a = assess_one(t, vec![first.clone(), obs("t", "2022-06-30", "45")], "2022-06-30");
    assert_eq!(a.status, Status::Met);
    let t = target("t", "maintain", None, json!({"baseline": {"value": "100", "date": "2022-01-01"}}));
    assert_eq!(assess_one(t.clone(), vec![obs("t", "2022-06-30", "100")], "2022-06-30").status, Status::Met);
    let a = assess_one(t, vec![obs("t", "2022-06-30", "99")], "2022-06-30");
    assert_eq!((a.status, a.basis), (Status::OffTrack, Basis::Slipped));
}

#[test]
fn status_targets_are_on_track_early_at_risk_late_and_met_on_one() {
    // The programme runs 2022-01-01..2022-12-31 (364 days); early share 0.5 is day 182.
    let t = target("t", "achieve", None, json!({"unit": "boolean"}));
    let row = |on: &str, v: &str| json!({"target": "t", "date": on, "value": v, "unit": "boolean", "source": "test"});
    let a = assess_one(t.clone(), vec![row("2022-03-31", "0")], "2022-04-01");
    assert_eq!((a.status, a.basis, s(a.elapsed)), (Status::OnTrack, Basis::ElapsedTime, "0.2445".into()));
    assert_eq!(assess_one(t.clone(), vec![row("2022-07-02", "0")], "2022-07-02").status, Status::AtRisk);
    assert_eq!(assess_one(t.clone(), vec![row("2022-07-01", "0")], "2022-07-02").status, Status::OnTrack);
    assert_eq!(assess_one(t.clone(), vec![row("2022-09-30", "1")], "2022-10-01").status, Status::Met);
    assert_eq!(assess_one(t.clone(), vec![row("2022-12-31", "0")], "2023-01-01").status, Status::Missed);
    let cat = catalogue(vec![t]);
    let err = Monitor::new(&ctx_of(cat)).add_observation_json_value(&row("2022-03-31", "2")).unwrap_err();
    assert_eq!((err.code(), err.path()), ("invalid_input", Some("observation.value")));
}

#[test]
fn without_a_baseline_one_observation_is_judged_by_the_time_elapsed() {
    let t = target("t", "at_least", Some("85"), json!({}));
    assert_eq!(
        assess_one(t.clone(), vec![obs("t", "2022-03-31", "70")], "2022-04-01").status,
        Status::OnTrack
    );
    let a = assess_one(t, vec![obs("t", "2022-09-30", "70")], "2022-10-01");
    assert_eq!((a.status, a.basis), (Status::AtRisk, Basis::ElapsedTime));
}

#[test]
fn without_a_deadline_the_trend_decides() {
    let t = target("t", "at_least", Some("100"), json!({"deadline": null, "programme": null}));
    let at = |v: &str| {
        assess_one(t.clone(), vec![obs("t", "2021-12-31", "80"), obs("t", "2022-12-31", v)], "2023-01-01")
    };
    assert_eq!((at("90").status, at("90").basis), (Status::OnTrack, Basis::Trend));
    assert_eq!(at("80").status, Status::AtRisk);
    assert_eq!(at("70").status, Status::OffTrack);
    assert_eq!(s(at("90").progress), "0.5");
}

// no data.

#[test]
fn no_data_without_observations_known_at_the_date() {
    let t = target("t", "at_least", Some("85"), json!({}));
    let a = assess_one(t.clone(), vec![], "2022-06-30");
    assert_eq!((a.status, a.basis), (Status::NoData, Basis::NoObservation));
    // Observations after the as-of date are not known yet.
    assert_eq!(
        assess_one(t.clone(), vec![obs("t", "2022-07-01", "90")], "2022-06-30").status,
        Status::NoData
    );
    // After the deadline, only observations up to the deadline count.
    assert_eq!(assess_one(t, vec![obs("t", "2023-01-01", "90")], "2023-02-01").status, Status::NoData);
}

#[test]
fn the_catalogue_baselines_are_not_progress() {
    // Tianshan item 85: the catalogue observes 0.5 places per 1,000 residents on 2021-12-31,
    // the baseline; 0.7 on 2022-07-01 is half the way with 182/365 = 0.4986 of the year gone.
    let mut m = Monitor::new(&ctx_of(Catalogue::builtin()));
    let id = "tianshan-2022-87/t85i";
    let a = m.assess(id, date("2022-12-31"), &AssessOptions::default()).unwrap();
    assert_eq!((a.status, a.baseline_date), (Status::NoData, Some(date("2021-12-31"))));
    m.add_observation_json_value(&json!({"target": id, "date": "2022-07-01", "value": "0.7",
        "unit": "places_per_1000_residents", "source": "synthetic"}))
        .unwrap();
    let a = m.assess(id, date("2022-07-31"), &AssessOptions::default()).unwrap();
    assert_eq!(
        (a.status, s(a.progress), s(a.elapsed), s(a.expected)),
        (Status::OnTrack, "0.5".into(), "0.4986".into(), "0.6995".into())
    );
    // Tianshan item 68: the 2 % before the change (2022-05-17) is a baseline, not a miss.
    let a = m.assess("tianshan-2022-87/t68a", date("2023-01-01"), &AssessOptions::default()).unwrap();
    assert_eq!(a.status, Status::NoData);
}

// options and thresholds.

#[test]
fn thresholds_come_from_the_catalogue_and_can_be_overridden() {
    let t = target("t", "at_least", Some("85"), json!({}));
    let rows = vec![obs("t", "2022-03-31", "60"), obs("t", "2022-09-30", "75")];
    let cat = catalogue(vec![t]);
    let m = monitor(&cat, rows.clone());
    let options = AssessOptions { at_risk_lag: Some("0.05".parse().unwrap()), ..Default::default() };
    assert_eq!(m.assess("t", date("2022-10-01"), &options).unwrap().status, Status::OffTrack);
    let bad = AssessOptions { early_share: Some("1.5".parse().unwrap()), ..Default::default() };
    assert_eq!(m.assess("t", date("2022-10-01"), &bad).unwrap_err().code(), "invalid_input");
    // A catalogue parameter for the district changes the band there.
    let mut value = base(json!([target("t", "at_least", Some("85"), json!({}))]));
    value["parameters"] = json!([{"id": "monitoring.status.at_risk_lag", "name": {"zh": "风险", "en": "Lag"},
        "unit": "ratio", "values": [{"jurisdiction": "cn-x", "effective_from": "2022-01-01", "value": "0.2",
        "source": {"document": "d"}}]}]);
    let cat = Arc::new(Catalogue::from_json_value(&value).unwrap());
    let mut m = Monitor::new(&ctx_of(cat));
    m.add_observations_json_value(&Value::Array(vec![
        obs("t", "2022-03-31", "60"),
        obs("t", "2022-09-30", "70"),
    ]))
    .unwrap();
    // 0.4 ≥ 0.6655 − 0.2 = 0.4655? No: off track even with the wider band.
    assert_eq!(
        m.assess("t", date("2022-10-01"), &AssessOptions::default()).unwrap().status,
        Status::OffTrack
    );
    m.add_observation_json_value(&obs("t", "2022-09-30", "72")).unwrap(); // replaces: same id t@2022-09-30
    // 0.48 ≥ 0.4655: at risk only thanks to the district's band.
    assert_eq!(m.assess("t", date("2022-10-01"), &AssessOptions::default()).unwrap().status, Status::AtRisk);
    assert_eq!(m.len(), 2);
}

#[test]
fn the_builtin_thresholds_equal_the_documented_defaults() {
    use zhengce::targets::Thresholds;
    let cat = Catalogue::builtin();
    for place in ["cn-xj-urumqi-tianshan", "cn-sh-putuo", "cn-sc-chengdu-xinjin"] {
        let t =
            Thresholds::resolve(&ctx_of(cat.clone()), place, date("2022-06-30"), &AssessOptions::default())
                .unwrap();
        assert_eq!(t, Thresholds::DEFAULT);
        for key in [
            "monitoring.status.on_track_lag",
            "monitoring.status.at_risk_lag",
            "monitoring.status.early_share",
        ] {
            assert!(
                cat.parameter_value(key, place, date("2022-06-30")).unwrap().assumption,
                "{key} is our method"
            );
        }
    }
}

// observations.

#[test]
fn observation_rows_are_checked_and_name_their_row() {
    let cat = catalogue(vec![target("t", "at_least", Some("85"), json!({}))]);
    let mut m = Monitor::new(&ctx_of(Arc::clone(&cat)));
    let mut bad = obs("t", "2022-06-30", "80");
    bad["unit"] = json!("%");
    let err = m.add_observations_json_value(&json!([obs("t", "2022-03-31", "70"), bad])).unwrap_err();
    assert_eq!((err.code(), err.path()), ("unit_mismatch", Some("observations[1].unit")));
    assert_eq!(err.details()["expected"], "count");
    assert!(m.is_empty(), "a bad row adds nothing");
    let err = m
        .add_observations_json_value(
            &json!([{"target": "nope", "date": "2022-03-31", "value": "1", "unit": "count", "source": "s"}]),
        )
        .unwrap_err();
    assert_eq!(err.code(), "not_found");
    assert!(err.to_string().starts_with("failed to add observations[0]: "), "{err}");
    let err = m
        .add_observation_json_value(
            &json!({"target": "t", "date": "2022-3-31", "value": "1", "unit": "count", "source": "s"}),
        )
        .unwrap_err();
    assert_eq!((err.code(), err.path()), ("invalid_input", Some("observation.date")));
    let err = m
        .add_observation_json_value(
            &json!({"target": "t", "date": "2022-03-31", "value": 1.5, "unit": "count", "source": "s"}),
        )
        .unwrap_err();
    assert!(err.to_string().contains("never a float"), "{err}");
    let err = m
        .add_observation_json_value(
            &json!({"target": "t", "date": "2022-03-31", "value": "1", "unit": "count"}),
        )
        .unwrap_err();
    assert_eq!(err.path(), Some("observation.source"));
    let err = m.add_observation_json_value(&json!({"target": "t", "date": "2022-03-31", "value": "1", "unit": "count", "source": "s", "scope": "cn"})).unwrap_err();
    assert_eq!(err.path(), Some("observation.scope"));
    // Integers are exact and accepted; the stored row takes the target's metric and scope.
    m.add_observation_json_value(&json!({"target": "t", "date": "2022-03-31", "value": 70, "unit": "count",
        "source": {"document": "统计公报", "quote": "网上可办率70%"}}))
        .unwrap();
    let held = m.observations(Some("t")).unwrap();
    assert_eq!(
        (held[0].id.as_str(), held[0].scope.as_str(), held[0].metric.en.as_str()),
        ("t@2022-03-31", "cn-x", "Metric")
    );
}

// scorecards.

#[test]
fn a_scorecard_counts_every_status_by_group_and_unit() {
    let cat = catalogue(vec![
        target("a", "at_least", Some("10"), json!({"measure": "d/m1"})),
        target("b", "at_least", Some("10"), json!({"source": {"document": "d", "clause": "d/2"}})),
        target(
            "c",
            "at_most",
            Some("5"),
            json!({"source": {"document": "d", "clause": "d/3"}, "units": ["u2"]}),
        ),
        target("e", "at_least", Some("10"), json!({"source": {"document": "d", "clause": "d/3"}})),
    ]);
    let m = monitor(
        &cat,
        vec![obs("a", "2022-06-30", "12"), obs("c", "2022-12-31", "6"), obs("e", "2022-09-30", "3")],
    );
    let options = ScorecardOptions { by: vec![Dimension::Group, Dimension::Unit], ..Default::default() };
    let card = m.scorecard(date("2023-01-01"), &options).unwrap();
    // a met, b no data, c missed (6 > 5), e missed.
    assert_eq!((card.counts.met, card.counts.no_data, card.counts.missed, card.counts.total), (1, 1, 2, 4));
    let rows: Vec<(String, Option<String>, usize, usize)> = card
        .groups
        .iter()
        .map(|g| (g.dimension.as_str().to_owned(), g.key.clone(), g.counts.total, g.counts.missed))
        .collect();
    assert_eq!(
        rows,
        [
            ("group".into(), Some("d/g1".into()), 2, 0),
            ("group".into(), Some("d/g2".into()), 2, 2),
            ("unit".into(), Some("u1".into()), 1, 0),
            ("unit".into(), Some("u2".into()), 2, 1),
            ("unit".into(), None, 2, 1),
        ]
    );
    assert_eq!(card.groups[1].targets.missed, ["c", "e"]);
    assert_eq!(card.groups[0].name.as_ref().unwrap().zh, "第一组");
    let csv = card.to_csv();
    assert!(csv.contains("\ngroup,d/g2,第二组,Group two,0,0,0,0,2,0,2\n"), "{csv}");
    assert!(csv.ends_with("\nunit,,,,0,0,0,0,1,1,2\n"), "{csv}");
    assert_eq!(card.assessments_to_csv().lines().count(), 5);
    let json: Value = serde_json::from_str(&card.to_json()).unwrap();
    assert_eq!(json["groups"][0]["counts"]["met"], 1);
}

#[test]
fn a_scorecard_by_community_uses_the_registered_communities() {
    let cat = catalogue(vec![
        target("a", "at_least", Some("10"), json!({})),
        target("b", "at_least", Some("10"), json!({})),
    ]);
    let mut registry = Communities::new(&ctx_of(Arc::clone(&cat)));
    registry
        .register_json_value(&json!({"id": "c1", "name": {"zh": "试点社区", "en": "Pilot"}, "jurisdiction": "cn-x",
            "sub_district": "s1", "types": ["ct"], "programmes": ["d/programme"], "targets": ["a"], "source": {"document": "d"}}))
        .unwrap();
    let m = Monitor::new(&ctx_of(Arc::clone(&cat))).with_communities(registry).unwrap();
    let options = ScorecardOptions { by: vec![Dimension::Community], ..Default::default() };
    let card = m.scorecard(date("2022-06-30"), &options).unwrap();
    let keys: Vec<_> = card.groups.iter().map(|g| g.key.clone()).collect();
    assert_eq!(keys, [Some("c1".to_owned()), None]);
    let only = ScorecardOptions { community: Some("c1".into()), ..Default::default() };
    assert_eq!(m.scorecard(date("2022-06-30"), &only).unwrap().assessments.len(), 1);
    let other = Communities::new(&ctx_of(catalogue(vec![])));
    assert_eq!(Monitor::new(&ctx_of(cat)).with_communities(other).unwrap_err().code(), "invalid_input");
}

// properties.

/// A comparator with a direction, a baseline and a target value consistent with it.
fn directed() -> impl Strategy<Value = (&'static str, i64, i64, i64)> {
    // (comparator, direction sign, baseline, target value or percentage)
    prop_oneof![
        (Just("at_least"), Just(1i64), 0i64..500, 501i64..1000),
        (Just("more_than"), Just(1i64), 0i64..500, 501i64..1000),
        (Just("at_most"), Just(-1i64), 501i64..1000, 0i64..500),
        (Just("less_than"), Just(-1i64), 501i64..1000, 0i64..500),
        (Just("reach"), Just(1i64), 0i64..500, 501i64..1000),
        (Just("reach"), Just(-1i64), 501i64..1000, 0i64..500),
        (Just("reduce_by"), Just(-1i64), 100i64..1000, 1i64..99),
        (Just("increase_by"), Just(1i64), 100i64..1000, 1i64..200),
    ]
}

fn directed_target(comparator: &str, baseline: i64, value: i64) -> Value {
    target(
        "t",
        comparator,
        Some(&value.to_string()),
        json!({"baseline": {"value": baseline.to_string(), "date": "2022-01-01"}}),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Progress is monotone in the observed value in the target's direction, and so is the
    /// status (worst to best: off track, at risk, on track, met).
    #[test]
    fn progress_and_status_are_monotone_in_the_observed_value(
        (comparator, sign, baseline, value) in directed(),
        a in -300i64..1300, b in -300i64..1300, day in 1u32..364,
    ) {
        let cat = catalogue(vec![directed_target(comparator, baseline, value)]);
        let on = date("2022-01-01") + chrono::Duration::days(i64::from(day));
        let (worse, better) = if (a - b) * sign <= 0 { (a, b) } else { (b, a) };
        let assess = |v: i64| {
            let mut m = Monitor::new(&ctx_of(Arc::clone(&cat)));
            m.add_observation_json_value(&obs("t", &on.to_string(), &v.to_string())).unwrap();
            m.assess("t", on, &AssessOptions::default()).unwrap()
        };
        let (x, y) = (assess(worse), assess(better));
        prop_assert!(x.progress.unwrap() <= y.progress.unwrap(), "{x:?}\n{y:?}");
        prop_assert!(x.status.rank() <= y.status.rank(), "{x:?}\n{y:?}");
    }

    /// A met target stays met under later observations that improve on the value assessed.
    #[test]
    fn a_met_target_stays_met_under_improving_observations(
        (comparator, sign, baseline, value) in directed(),
        mean in any::<bool>(),
        values in prop::collection::vec(-300i64..1300, 1..5),
        step in 0i64..300, day in 1u32..200,
    ) {
        let mut t = directed_target(comparator, baseline, value);
        if mean {
            t["aggregation"] = json!("mean");
        }
        let cat = catalogue(vec![t]);
        let mut m = Monitor::new(&ctx_of(Arc::clone(&cat)));
        for (i, v) in values.iter().enumerate() {
            let on = date("2022-01-01") + chrono::Duration::days(i64::from(day) + i as i64);
            m.add_observation_json_value(&obs("t", &on.to_string(), &v.to_string())).unwrap();
        }
        let as_of = date("2022-12-31");
        let before = m.assess("t", as_of, &AssessOptions::default()).unwrap();
        prop_assume!(before.status == Status::Met);
        let assessed = before.value.unwrap();
        let improved = assessed + rust_decimal::Decimal::from(step * sign);
        m.add_observation_json_value(&obs("t", "2022-12-30", &improved.to_string())).unwrap();
        let after = m.assess("t", as_of, &AssessOptions::default()).unwrap();
        prop_assert_eq!(after.status, Status::Met, "{:?}\n{:?}", before, after);
    }
}

// robustness.

#[test]
fn numbers_too_large_to_compute_with_are_refused_not_a_panic() {
    let cat = catalogue(vec![
        target("big", "at_least", Some("100000000000000000000"), json!({})),
        target("pct", "increase_by", Some("20000"), json!({})),
        target("t", "at_least", Some("85"), json!({})),
    ]);
    let m = Monitor::new(&ctx_of(Arc::clone(&cat)));
    let err = m.assess("big", date("2022-06-30"), &AssessOptions::default()).unwrap_err();
    assert_eq!((err.code(), err.path()), ("invalid_input", Some("target")));
    assert_eq!(
        m.assess("pct", date("2022-06-30"), &AssessOptions::default()).unwrap_err().code(),
        "invalid_input"
    );
    assert_eq!(
        m.scorecard(date("2022-06-30"), &ScorecardOptions::default()).unwrap_err().code(),
        "invalid_input"
    );
    let err = Monitor::new(&ctx_of(cat))
        .add_observation_json_value(&obs("t", "2022-06-30", "1000000000000001"))
        .unwrap_err();
    assert_eq!(err.path(), Some("observation.value"));
    // A catalogue threshold outside 0..=1 is reported, not used.
    let mut value = base(json!([target("t", "at_least", Some("85"), json!({}))]));
    value["parameters"] = json!([{"id": "monitoring.status.at_risk_lag", "name": {"zh": "风险", "en": "Lag"},
        "unit": "ratio", "values": [{"jurisdiction": "cn", "effective_from": "2000-01-01", "value": "5", "source": {"document": "d"}}]}]);
    let m = Monitor::new(&ctx_of(Catalogue::from_json_value(&value).unwrap()));
    let err = m.assess("t", date("2022-06-30"), &AssessOptions::default()).unwrap_err();
    assert_eq!(err.path(), Some("monitoring.status.at_risk_lag"));
}

fn decimal() -> impl Strategy<Value = String> {
    (any::<i64>(), 0u32..28).prop_map(|(m, scale)| rust_decimal::Decimal::new(m, scale).to_string())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Whatever the numbers, an assessment returns a result or an error, never panics (no
    /// decimal overflow reaches a binding).
    #[test]
    fn assessments_never_panic(
        comparator in prop::sample::select(vec!["at_least", "more_than", "at_most", "less_than", "equal",
            "reach", "range", "reduce_by", "increase_by", "increase", "decrease", "maintain"]),
        value in decimal(), upper in decimal(), baseline in decimal(),
        values in prop::collection::vec(decimal(), 1..4), mean in any::<bool>(), day in 0u32..730,
    ) {
        let directional = matches!(comparator, "increase" | "decrease" | "maintain");
        let (lo, hi) = { let (a, b): (rust_decimal::Decimal, rust_decimal::Decimal) = (value.parse().unwrap(), upper.parse().unwrap()); if a <= b { (a, b) } else { (b, a) } };
        let mut t = target("t", comparator, (!directional).then_some(lo.to_string().as_str()), json!({"baseline": {"value": baseline, "date": "2021-12-31"}}));
        if comparator == "range" { t["upper"] = json!(hi.to_string()); }
        if mean { t["aggregation"] = json!("mean"); }
        let Ok(cat) = Catalogue::from_json_value(&base(json!([t]))) else { return Ok(()) };
        let mut m = Monitor::new(&ctx_of(cat));
        for (i, v) in values.iter().enumerate() {
            let on = date("2022-01-01") + chrono::Duration::days(i64::from(day) + i as i64);
            let _ = m.add_observation_json_value(&obs("t", &on.to_string(), v));
        }
        let _ = m.assess("t", date("2022-12-31"), &AssessOptions::default());
        let _ = m.scorecard(date("2023-06-30"), &ScorecardOptions { by: vec![Dimension::Group, Dimension::Unit], ..Default::default() });
    }
}
