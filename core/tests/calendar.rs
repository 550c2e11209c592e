//! Calendar semantics: the O(1) arithmetic against a day-by-day walk, the invariants
//! (proptest), per-year counts from the notices, coverage and run-time layering.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, TimeDelta};
use proptest::prelude::*;
use zhengce::Catalogue;
use zhengce::calendar::{Assume, Calendar, CalendarOptions, Calendars, DayKind, DeadlineOptions, TimeUnit};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const STRICT: CalendarOptions = CalendarOptions { assume: None };
const ASSUME: CalendarOptions = CalendarOptions { assume: Some(Assume::WeekendsOnly) };

// Compiled once: loading the built-in catalogue for every proptest case would dominate.
fn national() -> &'static Calendar {
    static CAL: OnceLock<Calendar> = OnceLock::new();
    CAL.get_or_init(|| Calendar::builtin("cn").unwrap())
}

fn tianshan() -> &'static Calendar {
    static CAL: OnceLock<Calendar> = OnceLock::new();
    CAL.get_or_init(|| Calendar::builtin("cn-xj-urumqi-tianshan").unwrap())
}

/// The n-th working day after (before) `date` by walking day by day.
fn walk(cal: &Calendar, date: NaiveDate, n: i32, options: &CalendarOptions) -> Option<NaiveDate> {
    let step = if n >= 0 { TimeDelta::days(1) } else { TimeDelta::days(-1) };
    let mut at = date;
    let mut left = n.abs();
    while left > 0 {
        at += step;
        if cal.is_working_day(at, options).ok()? {
            left -= 1;
        }
    }
    Some(at)
}

#[test]
fn working_days_per_year_match_the_notices() {
    // shared/spec/domain.md §5 (from chinese-calendar), except 2005: 251, not 250 — the 2006
    // notice (国办发明电〔2005〕35号) makes Saturday 2005-12-31 a working day.
    let expected = [
        252, 251, 251, 249, 251, 250, 250, 250, 249, 250, 250, 249, 250, 249, 250, 250, 249, 250, 249, 249,
        251, 248, 248,
    ];
    let cal = national();
    for (year, want) in (2004..=2026).zip(expected) {
        let got = cal.working_days_between(d(year - 1, 12, 31), d(year, 12, 31), &ASSUME).unwrap();
        assert_eq!(got, want, "{year}");
    }
}

#[test]
fn xinjiang_festivals_are_off_in_tianshan_only() {
    let (xj, cn) = (tianshan(), national());
    for day in [d(2022, 5, 5), d(2022, 7, 11), d(2023, 4, 21), d(2023, 6, 28), d(2025, 3, 31), d(2025, 6, 6)]
    {
        assert!(!xj.is_working_day(day, &STRICT).unwrap(), "{day} off in Tianshan");
        assert!(cn.is_working_day(day, &STRICT).unwrap(), "{day} worked nationally");
        let classified = xj.day(day, &STRICT).unwrap();
        assert_eq!(classified.kind, DayKind::StatutoryHoliday);
        assert_eq!(classified.calendar.as_deref(), Some("cn-xj"));
    }
    // A weekend inside the regional block stays a weekend, with the festival named.
    let sat = xj.day(d(2025, 6, 7), &STRICT).unwrap();
    assert_eq!((sat.kind, sat.festival.as_deref()), (DayKind::Weekend, Some("eid_al_adha")));
}

#[test]
fn out_of_coverage_names_the_date_and_every_range() {
    let err = tianshan().add_working_days(d(2026, 12, 28), 5, &STRICT).unwrap_err();
    assert_eq!(err.code(), "out_of_coverage");
    let details = err.details();
    assert_eq!(details["date"], "2027-01-01", "the first day the data lacks");
    assert_eq!(details["from"], "2022-01-01");
    assert_eq!(details["until"], "2026-12-31");
    assert_eq!(details["covered"][0]["until"], "2026-12-31");
    assert_eq!(
        err.to_string(),
        "expected a date covered by the calendar of 'cn-xj-urumqi-tianshan' (2022-01-01..=2026-12-31), got 2027-01-01"
    );
    // Backward, the error names the last uncovered day before the start.
    let err = tianshan().sub_working_days(d(2022, 1, 4), 3, &STRICT).unwrap_err();
    assert_eq!(err.details()["date"], "2021-12-31");
    // Opting in: the national 2021 data still applies, without regional festivals
    // (2021 国庆节 1-7 October; Fri 8 October is a working day).
    assert_eq!(tianshan().add_working_days(d(2021, 9, 30), 1, &ASSUME).unwrap(), d(2021, 10, 8));
}

#[test]
fn a_user_replaces_xinjiang_2024_at_run_time() {
    let cat = Catalogue::builtin();
    let overlay = r#"{"id": "cn-xj", "name": {"zh": "新疆", "en": "Xinjiang"}, "jurisdiction": "cn-xj", "extends": "cn",
      "coverage": [{"from": "2024-01-01", "until": "2024-12-31"}],
      "years": [{"year": 2024, "source": {"title": "a user's copy of the 2024 regional notice"},
        "holidays": [{"festival": "eid_al_fitr", "name": {"zh": "肉孜节", "en": "Eid al-Fitr"},
          "off": ["2024-04-10"], "statutory": ["2024-04-10"], "work": []}]}]}"#;
    let calendars = Calendars::builtin().layered(overlay).unwrap();
    let cal = calendars.calendar(&cat, "cn-xj-urumqi-tianshan").unwrap();
    assert_eq!(cal.coverage().len(), 1, "2022-2026 is one range");
    assert!(!cal.is_working_day(d(2024, 4, 10), &STRICT).unwrap());
    assert_eq!(cal.add_working_days(d(2024, 4, 9), 1, &STRICT).unwrap(), d(2024, 4, 11));
    // The user's year replaced the built-in one: 古尔邦节 (17-19 June) is gone, and the day
    // names the user's notice, of unstated quality.
    assert!(cal.is_working_day(d(2024, 6, 17), &STRICT).unwrap());
    let day = cal.day(d(2024, 4, 10), &STRICT).unwrap();
    assert_eq!(day.notice.as_deref(), Some("a user's copy of the 2024 regional notice"));
    assert_eq!(day.source_quality, None);
    // The built-in set is unchanged.
    assert!(!tianshan().is_working_day(d(2024, 6, 17), &STRICT).unwrap());
}

#[test]
fn a_new_region_adds_its_own_layer() {
    let cat = Catalogue::builtin()
        .layered(r#"{"jurisdictions": [{"id": "cn-nx", "name": {"zh": "宁夏", "en": "Ningxia"}, "level": "province", "parent": "cn"}]}"#)
        .unwrap();
    let overlay = r#"{"id": "cn-nx", "name": {"zh": "宁夏", "en": "Ningxia"}, "jurisdiction": "cn-nx", "extends": "cn",
      "coverage": [{"from": "2025-01-01", "until": "2025-12-31"}],
      "years": [{"year": 2025, "source": {"title": "example"},
        "holidays": [{"festival": "eid_al_adha", "name": {"zh": "古尔邦节", "en": "Eid al-Adha"},
          "off": ["2025-06-06"], "statutory": ["2025-06-06"], "work": []}]}]}"#;
    let cal = Calendars::builtin().layered(overlay).unwrap().calendar(&cat, "cn-nx").unwrap();
    assert_eq!(cal.layers(), ["cn", "cn-nx"]);
    assert!(!cal.is_working_day(d(2025, 6, 6), &STRICT).unwrap());
}

#[test]
fn the_2020_extension_and_a_statutory_day_on_a_weekend() {
    let cal = national();
    // Spring Festival 2020 extended to 2 February (国办发明电〔2020〕1号); Saturday 1 February,
    // a make-up day in the original notice, became a rest day.
    assert!(!cal.is_working_day(d(2020, 2, 1), &STRICT).unwrap());
    assert_eq!(cal.next_working_day(d(2020, 1, 23), &STRICT).unwrap(), d(2020, 2, 3));
    // New Year 2022 on a Saturday: statutory; Monday 3 January is the swapped rest day.
    assert_eq!(cal.day(d(2022, 1, 1), &STRICT).unwrap().kind, DayKind::StatutoryHoliday);
    assert_eq!(cal.day(d(2022, 1, 3), &STRICT).unwrap().kind, DayKind::SwappedRestDay);
}

#[test]
fn deadlines_roll_calendar_days_but_not_hours() {
    let cal = national();
    let o = DeadlineOptions::default();
    let due = cal.deadline(d(2024, 9, 11), 20, TimeUnit::CalendarDays, &o).unwrap();
    assert_eq!(due.date, d(2024, 10, 8));
    let due = cal.deadline(d(2024, 9, 30), 24, TimeUnit::Hours, &o).unwrap();
    assert_eq!(due.date, d(2024, 10, 1), "hours run through holidays");
    let due = cal.deadline(d(2024, 9, 30), 25, TimeUnit::Hours, &o).unwrap();
    assert_eq!(due.date, d(2024, 10, 2));
    // A Saturday start, taken as received on Monday.
    let o = DeadlineOptions { rest_day_start: zhengce::calendar::RestDayStart::NextWorkingDay, ..o };
    let due = cal.deadline(d(2024, 6, 1), 2, TimeUnit::WorkingDays, &o).unwrap();
    assert_eq!((due.counted_from, due.date), (d(2024, 6, 3), d(2024, 6, 5)));
}

#[test]
fn batch_agrees_with_single_calls() {
    let cal = national();
    let days: Vec<i64> = (12_000..21_000).collect();
    let mut working = vec![false; days.len()];
    cal.is_working_day_batch(&days, &mut working, &STRICT).unwrap_err(); // 12000 = 2002: uncovered
    let days: Vec<i64> = (12_420..20_800).collect(); // 2004-01-02 .. 2026-12-13
    cal.is_working_day_batch(&days, &mut working[..days.len()], &STRICT).unwrap();
    let mut shifted = vec![0i32; days.len()];
    cal.add_working_days_batch(&days, zhengce::calendar::Counts::One(5), &mut shifted, &STRICT).unwrap();
    for (i, &n) in days.iter().enumerate().step_by(97) {
        let date = zhengce::calendar::from_day_number(n as i32).unwrap();
        assert_eq!(working[i], cal.is_working_day(date, &STRICT).unwrap());
        assert_eq!(
            shifted[i],
            zhengce::calendar::day_number(cal.add_working_days(date, 5, &STRICT).unwrap())
        );
    }
    let err = cal
        .add_working_days_batch(
            &[20_000i64, i64::MIN],
            zhengce::calendar::Counts::One(1),
            &mut [0i64; 2],
            &STRICT,
        )
        .unwrap_err();
    assert_eq!((err.code(), err.details()["row"].as_u64()), ("invalid_input", Some(1)));
}

fn date_in(from: NaiveDate, until: NaiveDate) -> impl Strategy<Value = NaiveDate> {
    let span = (until - from).num_days();
    (0..=span).prop_map(move |k| from + TimeDelta::days(k))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn add_is_a_walk(date in date_in(d(2004, 2, 1), d(2026, 11, 30)), n in -40i32..40) {
        let cal = national();
        prop_assert_eq!(cal.add_working_days(date, n, &STRICT).ok(), walk(cal, date, n, &STRICT));
    }

    #[test]
    fn add_is_a_walk_beyond_the_data(date in date_in(d(2000, 1, 1), d(2030, 12, 31)), n in -400i32..400) {
        let cal = tianshan();
        prop_assert_eq!(cal.add_working_days(date, n, &ASSUME).ok(), walk(cal, date, n, &ASSUME));
    }

    #[test]
    fn add_then_sub_returns_to_a_working_day(date in date_in(d(2004, 1, 1), d(2026, 6, 30)), n in 0i32..120) {
        let cal = national();
        prop_assume!(cal.is_working_day(date, &STRICT).unwrap());
        let there = cal.add_working_days(date, n, &STRICT).unwrap();
        prop_assert_eq!(cal.sub_working_days(there, n, &STRICT).unwrap(), date);
    }

    #[test]
    fn between_a_and_add_a_n_is_n(date in date_in(d(2004, 6, 1), d(2026, 6, 30)), n in -100i32..100) {
        for (cal, opts) in [(national(), STRICT), (tianshan(), ASSUME)] {
            let there = cal.add_working_days(date, n, &opts).unwrap();
            prop_assert_eq!(cal.working_days_between(date, there, &opts).unwrap(), i64::from(n));
        }
    }

    #[test]
    fn deadlines_land_on_working_days(
        date in date_in(d(2022, 1, 1), d(2023, 10, 31)),
        n in 1u32..40,
        calendar_days in any::<bool>(),
        next in any::<bool>(),
    ) {
        let cal = tianshan();
        let unit = if calendar_days { TimeUnit::CalendarDays } else { TimeUnit::WorkingDays };
        let rest_day_start = if next { zhengce::calendar::RestDayStart::NextWorkingDay } else { Default::default() };
        let due = cal.deadline(date, n, unit, &DeadlineOptions { rest_day_start, ..Default::default() }).unwrap();
        prop_assert!(cal.is_working_day(due.date, &STRICT).unwrap(), "{} -> {}", date, due.date);
        prop_assert!(due.date > date);
        prop_assert!(due.skipped.iter().all(|day| !day.working && day.date > due.counted_from && day.date <= due.date));
        if unit == TimeUnit::WorkingDays {
            prop_assert_eq!(cal.working_days_between(due.counted_from, due.date, &STRICT).unwrap(), i64::from(n));
        } else {
            prop_assert!(due.date.signed_duration_since(due.counted_from).num_days() >= i64::from(n));
        }
    }
}

#[test]
fn every_time_limit_rule_has_a_deadline_unit() {
    let cat = Catalogue::builtin();
    let mut count = 0;
    for rule in &cat.data().rules {
        if let zhengce::rules::RuleLogic::TimeLimit(t) = &rule.logic {
            count += 1;
            let unit = &cat.parameter(&t.duration).unwrap().unit;
            assert!(TimeUnit::from_unit(unit).is_some(), "{}: unit {unit}", rule.id);
            assert!(rule.id.contains("/r"), "{}: id <document>/r<item>-<slug>", rule.id);
        }
    }
    assert!(count >= 15);
    let _ = d(2024, 1, 1).year();
}
