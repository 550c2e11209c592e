//! Fuzzing the loaders and batch entry points with arbitrary-shaped JSON (issue 13).
//!
//! cargo-fuzz needs a nightly toolchain this project does not use, so this is proptest over
//! generated JSON: random values, random text, and the built-in catalogue and calendar data
//! with one random sub-value replaced (which gets much deeper into the loaders than random
//! values alone). Every input must give a result or a typed error; a panic fails the test.
//!
//! - `cargo test -p zhengce --test fuzz` runs 128 cases per target (8 for those that load the whole catalogue per case).
//! - `ZHENGCE_FUZZ_CASES=200000 cargo test --release -p zhengce --test fuzz` runs longer by
//!   hand (docs/hostile-input.md gives the command and the last long run).
//! - `ZHENGCE_FUZZ_SECONDS=3900 ZHENGCE_FUZZ_CASES=2000 cargo test --release -p zhengce --test fuzz
//!   -- --ignored --nocapture fuzz_for_a_while` runs every target in turn, with fresh random
//!   seeds each round, until the time is up, and prints the inputs tried and the typed errors.
//! - Failing cases are kept by proptest in `core/tests/fuzz.proptest-regressions` and replayed
//!   first; inputs worth keeping as files are in `tests/fuzz-corpus/` and run every time.

use std::sync::LazyLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::{Map, Value};
use zhengce::calendar::{Calendars, Counts};
use zhengce::rules::{Batch, Column, ColumnData, Dates, Evaluator};
use zhengce::{Catalogue, Context};

fn cases() -> u32 {
    std::env::var("ZHENGCE_FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(128)
}

fn config() -> ProptestConfig {
    ProptestConfig { cases: cases(), max_shrink_iters: 2_000, ..ProptestConfig::default() }
}

/// For targets that load the whole built-in catalogue per case (about 50 ms in a debug build).
fn heavy() -> ProptestConfig {
    ProptestConfig { cases: (cases() / 16).max(8), ..config() }
}

/// Results of the calls the fuzz targets make, counted for the report of a long run.
static ACCEPTED: AtomicU64 = AtomicU64::new(0);
static TYPED_ERRORS: AtomicU64 = AtomicU64::new(0);

/// Counts one call's result. Only a panic fails a target: an error is the expected answer to
/// most fuzz inputs, and it is a typed error by construction (every loader returns one).
fn tally<T, E>(result: Result<T, E>) {
    let counter = if result.is_ok() { &ACCEPTED } else { &TYPED_ERRORS };
    counter.fetch_add(1, Ordering::Relaxed);
}

static BUILTIN: LazyLock<Catalogue> = LazyLock::new(Catalogue::builtin);
static CONTEXT: LazyLock<Context> = LazyLock::new(Context::builtin);
static CATALOGUE_VALUE: LazyLock<Value> =
    LazyLock::new(|| serde_json::from_str(&BUILTIN.to_json()).expect("valid JSON"));
static CALENDAR_VALUE: LazyLock<Value> = LazyLock::new(|| {
    serde_json::to_value(&Calendars::builtin().layers()[1]).expect("calendar data serialises")
});

/// Strings that tend to break parsers: decimal and date look-alikes, ids, blanks, formulas.
fn tricky_string() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("1e5".to_owned()),
        Just("+1".to_owned()),
        Just("-0".to_owned()),
        Just("1_000".to_owned()),
        Just("0.000000000000000000000000000001".to_owned()),
        Just("99999999999999999999999999999999".to_owned()),
        Just("2024-02-29".to_owned()),
        Just("9999-12-31".to_owned()),
        Just("0000-01-01".to_owned()),
        Just("today".to_owned()),
        Just("cn".to_owned()),
        Just("cn-xj-urumqi-tianshan".to_owned()),
        Just("procurement.bid_bond.rate".to_owned()),
        Just("tianshan-2022-87".to_owned()),
        Just("=HYPERLINK(\"x\")".to_owned()),
        "[a-z0-9./@_-]{0,12}",
        "\\PC{0,8}",
    ]
}

fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f).map(Value::Number)),
        tricky_string().prop_map(Value::String),
    ]
}

/// Arbitrary-shaped JSON, keys drawn partly from the catalogue's own field names.
fn json_value() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("id".to_owned()),
        Just("name".to_owned()),
        Just("value".to_owned()),
        Just("values".to_owned()),
        Just("jurisdiction".to_owned()),
        Just("parent".to_owned()),
        Just("unit".to_owned()),
        Just("effective_from".to_owned()),
        Just("parameters".to_owned()),
        Just("jurisdictions".to_owned()),
        Just("years".to_owned()),
        "[a-z_]{1,10}",
    ];
    json_leaf().prop_recursive(6, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// `base` with the sub-value picked by `choices` replaced by `with`.
fn mutate(base: &Value, choices: &[usize], with: Value) -> Value {
    let mut out = base.clone();
    replace_at(&mut out, choices, with);
    out
}

fn replace_at(at: &mut Value, choices: &[usize], with: Value) {
    let Some((&c, rest)) = choices.split_first() else {
        *at = with;
        return;
    };
    match at {
        Value::Array(items) if !items.is_empty() => {
            let n = items.len();
            replace_at(&mut items[c % n], rest, with);
        }
        Value::Object(map) if !map.is_empty() => {
            let n = map.len();
            if let Some(v) = map.values_mut().nth(c % n) {
                replace_at(v, rest, with);
            }
        }
        _ => *at = with,
    }
}

/// Runs every loader on one JSON value; only panics fail.
fn load_everything(value: &Value) {
    tally(Catalogue::from_json_value(value));
    tally(BUILTIN.layered_json_value(value));
    tally(BUILTIN.layered_json_value_with(value, zhengce::LayerOptions { replace: true, redefine: true }));
    let text = value.to_string();
    tally(BUILTIN.layered(&text));
    tally(Calendars::builtin().layered_json_value(value));
    tally(Calendars::builtin().layered(&text));
    if let Ok(spec) = zhengce::error::from_json_value(value, "scenario") {
        tally(CONTEXT.with_scenario(spec));
    }
    tally(zhengce::sampling::Register::from_json_value(value));
    tally(zhengce::sampling::Directory::from_json_value(value));
    tally(zhengce::InspectionPlan::from_json_value(value));
    tally(zhengce::error::from_json_value::<zhengce::sampling::SampleSpec>(value, "spec"));
    tally(zhengce::error::from_json_value::<zhengce::targets::ObservationInput>(value, "observation"));
    let mut monitor = zhengce::targets::Monitor::new(&CONTEXT);
    tally(monitor.add_observations_json_value(value));
    tally(monitor.add_observation_json_value(value));
    let mut communities = zhengce::communities::Communities::new(&CONTEXT);
    tally(communities.register_json_value(value));
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn loaders_survive_arbitrary_json(value in json_value()) {
        load_everything(&value);
    }

    #[test]
    fn overlays_survive_mutated_entries(
        section in prop::sample::select(vec!["jurisdictions", "parameters", "units", "targets", "observations", "communities", "rules", "documents"]),
        entry in any::<usize>(),
        choices in prop::collection::vec(any::<usize>(), 0..5),
        with in json_value(),
        replace in any::<bool>(),
        redefine in any::<bool>(),
    ) {
        let Some(list) = CATALOGUE_VALUE[section].as_array().filter(|l| !l.is_empty()) else {
            return Ok(());
        };
        let one = list[entry % list.len()].clone();
        let overlay = serde_json::json!({ section: [mutate(&one, &choices, with)] });
        tally(BUILTIN.layered_json_value_with(&overlay, zhengce::LayerOptions { replace, redefine }));
    }

    #[test]
    fn calendar_loader_survives_mutated_data(
        choices in prop::collection::vec(any::<usize>(), 1..7),
        with in json_value(),
    ) {
        let mutated = mutate(&CALENDAR_VALUE, &choices, with);
        tally(Calendars::builtin().layered_json_value(&mutated));
        tally(Calendars::empty().layered(&mutated.to_string()));
    }

    #[test]
    fn json_text_checks_survive_arbitrary_text(text in "\\PC{0,64}", value in json_value()) {
        tally(zhengce::value::check_json_text(&text));
        tally(zhengce::error::parse_json_text(&text, "text"));
        tally(BUILTIN.layered(&text));
        prop_assert!(zhengce::value::check_json_text(&value.to_string()).is_ok());
    }

    #[test]
    fn decimal_parsing_is_exact_or_refuses(text in "[-+0-9._eE ]{0,40}") {
        if let Some(d) = zhengce::value::parse_decimal(&text) {
            // What is read is what was written: the same digits, the same scale.
            let normal = text.trim_start_matches('-');
            let shown = d.abs().to_string();
            prop_assert_eq!(shown.trim_start_matches('0'), normal.trim_start_matches('0'));
        }
    }

    #[test]
    fn calendar_batches_survive_any_day_numbers(
        days in prop::collection::vec(prop_oneof![any::<i64>(), -800_000i64..3_000_000, Just(i64::MIN), Just(i64::MAX)], 0..40),
        counts in prop::collection::vec(any::<i32>(), 0..40),
        one in any::<i32>(),
        jurisdiction in prop::sample::select(vec!["cn", "cn-xj-urumqi-tianshan", "cn-sh-putuo"]),
        assume in any::<bool>(),
    ) {
        let cal = CONTEXT.calendar(jurisdiction).expect("a built-in calendar");
        let options: zhengce::calendar::CalendarOptions = if assume {
            serde_json::from_value(serde_json::json!({"assume": "weekends_only"})).expect("options")
        } else {
            Default::default()
        };
        let mut out = vec![0i64; days.len()];
        if let Ok(()) = cal.add_working_days_batch(&days, Counts::One(one), &mut out, &options) {
            for d in &out {
                prop_assert!((-719_162..=2_932_896).contains(d), "a date past 0001-9999: {d}");
            }
        }
        tally(cal.add_working_days_batch(&days, Counts::Each(&counts), &mut out, &options));
        tally(cal.sub_working_days_batch(&days, Counts::Each(&counts), &mut out, &options));
        let mut flags = vec![false; days.len()];
        tally(cal.is_working_day_batch(&days, &mut flags, &options));
        let mut between = vec![0i64; days.len()];
        let to: Vec<i64> = days.iter().rev().copied().collect();
        tally(cal.working_days_between_batch(&days, &to, &mut between, &options));
        let mut short = vec![0i64; days.len() / 2];
        prop_assert!(days.len() < 2 || cal.add_working_days_batch(&days, Counts::One(one), &mut short, &options).is_err());
    }

    #[test]
    fn rule_batches_survive_any_columns(
        budget in prop::collection::vec(any::<i64>(), 0..20),
        scale in 0u32..40,
        rows_fiscal in 0usize..20,
        epoch in prop::collection::vec(any::<i32>(), 0..20),
        lot in prop::collection::vec(tricky_string(), 0..20),
    ) {
        let evaluator = Evaluator::new(&CONTEXT, "tianshan-2022-87/r68-bid-bond").expect("a built-in rule");
        let fiscal = vec![true; rows_fiscal];
        let lots: Vec<&str> = lot.iter().map(String::as_str).collect();
        let date = [NaiveDate::from_ymd_opt(2022, 6, 1).expect("a date")];
        for dates in [Dates::One(date[0]), Dates::EpochDays(&epoch)] {
            let batch = Batch {
                dates,
                jurisdiction: Some("cn-xj-urumqi-tianshan"),
                columns: vec![
                    Column::new("budget", ColumnData::Int { values: &budget, scale }),
                    Column::new("fiscal_funds", ColumnData::Bool(&fiscal)),
                    Column::new("lot_type", ColumnData::Text(&lots)),
                ],
            };
            tally(evaluator.evaluate_batch(&batch, &Default::default()));
        }
    }
}

proptest! {
    #![proptest_config(heavy())]

    #[test]
    fn the_notice_parser_survives_edited_notices(
        which in any::<usize>(),
        edits in prop::collection::vec((any::<usize>(), 0usize..3, notice_piece()), 1..8),
    ) {
        let base = &NOTICES[which % NOTICES.len()];
        let mut chars: Vec<char> = base.chars().collect();
        for (at, op, piece) in edits {
            let i = at % (chars.len() + 1);
            match op {
                0 => { chars.splice(i..i, piece.chars()); }
                1 if i < chars.len() => { chars.remove(i); }
                _ => { let end = (i + piece.chars().count()).min(chars.len()); chars.splice(i..end, piece.chars()); }
            }
        }
        let text: String = chars.into_iter().collect();
        tally(zhengce::calendar::parse_notice(&text));
        tally(Calendars::builtin().layered_notice(&text));
    }

    #[test]
    fn loaders_survive_a_mutated_builtin_catalogue(
        choices in prop::collection::vec(any::<usize>(), 1..7),
        with in json_value(),
    ) {
        let mutated = mutate(&CATALOGUE_VALUE, &choices, with);
        tally(Catalogue::from_json_value(&mutated));
        tally(Catalogue::from_json(&mutated.to_string()));
    }
}

static NOTICES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/calendar/parse_notice.json");
    let file: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("the notice vectors")).expect("JSON");
    file["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .filter_map(|c| c["input"]["text"].as_str().map(str::to_owned))
        .collect()
});

/// Pieces of notice text: digits, the words dates and items are made of, punctuation.
fn notice_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{1,3}",
        prop::sample::select(vec![
            "月",
            "日",
            "年",
            "至",
            "共",
            "天",
            "放假",
            "调休",
            "上班",
            "（",
            "）",
            "(",
            ")",
            "、",
            "，",
            "。",
            "：",
            "\n",
            "星期一",
            "星期六",
            "星期日",
            "春节",
            "国庆节",
            "肉孜节",
            "古尔邦节",
            "一、",
            "二、",
            "十二、",
            "调整",
            "延长",
            "2024",
            "12月31日",
            "2月30日",
            "0月0日",
            "",
        ])
        .prop_map(|s| s.replace("\\n", "\n")),
        "\\PC{0,3}",
    ]
}

/// Every file in tests/fuzz-corpus goes through every loader (inputs found by hand or by a
/// fuzz run, kept so they run every time).
#[test]
fn the_corpus_gives_typed_errors() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fuzz-corpus");
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/fuzz-corpus") {
        let path = entry.expect("a directory entry").path();
        let text = std::fs::read_to_string(&path).expect("UTF-8 text");
        tally(BUILTIN.layered(&text));
        tally(Catalogue::from_json(&text));
        tally(Calendars::builtin().layered(&text));
        tally(zhengce::error::parse_json_text(&text, "text"));
        if let Ok(value) = serde_json::from_str::<Value>(&text) {
            load_everything(&value);
        }
        files += 1;
    }
    assert!(files >= 5, "the corpus is in tests/fuzz-corpus ({files} files)");
}

/// The long run by hand (see the module doc): every target in turn, each round a fresh
/// proptest run with a random seed, until `ZHENGCE_FUZZ_SECONDS` have passed. A failing target
/// is reported (proptest shrinks it and keeps its seed in `fuzz.proptest-regressions`) and the
/// run goes on, so one run finds every failure it can.
#[test]
#[ignore = "a long fuzz run by hand: set ZHENGCE_FUZZ_SECONDS"]
fn fuzz_for_a_while() {
    let seconds: u64 = std::env::var("ZHENGCE_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .expect("ZHENGCE_FUZZ_SECONDS, a whole number of seconds");
    let light = u64::from(config().cases);
    let heavy = u64::from(heavy().cases);
    let targets: [(&str, fn(), u64); 9] = [
        ("loaders_survive_arbitrary_json", loaders_survive_arbitrary_json, light),
        ("overlays_survive_mutated_entries", overlays_survive_mutated_entries, light),
        ("calendar_loader_survives_mutated_data", calendar_loader_survives_mutated_data, light),
        ("json_text_checks_survive_arbitrary_text", json_text_checks_survive_arbitrary_text, light),
        ("decimal_parsing_is_exact_or_refuses", decimal_parsing_is_exact_or_refuses, light),
        ("calendar_batches_survive_any_day_numbers", calendar_batches_survive_any_day_numbers, light),
        ("rule_batches_survive_any_columns", rule_batches_survive_any_columns, light),
        ("the_notice_parser_survives_edited_notices", the_notice_parser_survives_edited_notices, heavy),
        ("loaders_survive_a_mutated_builtin_catalogue", loaders_survive_a_mutated_builtin_catalogue, heavy),
    ];
    let start = Instant::now();
    let deadline = start + Duration::from_secs(seconds);
    let mut inputs = [0u64; 9];
    let mut failures = Vec::new();
    let mut rounds = 0u64;
    while Instant::now() < deadline {
        for (i, (name, target, cases)) in targets.iter().enumerate() {
            match std::panic::catch_unwind(target) {
                Ok(()) => inputs[i] += cases,
                Err(_) => failures.push(*name),
            }
        }
        rounds += 1;
        eprintln!(
            "fuzz round {rounds} done at {:?}: {} inputs, {} calls accepted, {} typed errors, {} failures",
            start.elapsed(),
            inputs.iter().sum::<u64>(),
            ACCEPTED.load(Ordering::Relaxed),
            TYPED_ERRORS.load(Ordering::Relaxed),
            failures.len(),
        );
    }
    for ((name, _, _), n) in targets.iter().zip(inputs) {
        eprintln!("fuzz target {name}: {n} inputs");
    }
    eprintln!(
        "fuzz total: {rounds} rounds in {:?}, {} inputs, {} calls accepted, {} typed errors, failures: {failures:?}",
        start.elapsed(),
        inputs.iter().sum::<u64>(),
        ACCEPTED.load(Ordering::Relaxed),
        TYPED_ERRORS.load(Ordering::Relaxed),
    );
    assert!(failures.is_empty(), "failing targets: {failures:?}");
}
