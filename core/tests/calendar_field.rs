//! Issue 12: the calendar as used on 2026-12-04. Expected values worked out by hand from the
//! notices (core/data/calendar/README.md) and the 放假办法; see the comments.

use chrono::NaiveDate;
use zhengce::Catalogue;
use zhengce::calendar::{
    Assume, CalendarOptions, Calendars, DayKind, DeadlineOptions, SourceQuality, TimeUnit,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const STATUTORY: CalendarOptions = CalendarOptions { assume: Some(Assume::Statutory) };

#[test]
fn tianshan_business_opening_today() {
    // 2 working days (天山区 2022-87 §58) from Friday 2026-12-04: Mon 7th, Tue 8th.
    let ctx = zhengce::Context::builtin();
    let due = ctx
        .deadline("business-opening", d(2026, 12, 4), "cn-xj-urumqi-tianshan", &Default::default())
        .unwrap();
    assert_eq!(due.date, d(2026, 12, 8));
    assert!(!due.provisional);
    // From Wed 2026-12-30 the count needs 2027: an error, or provisional under the assumption
    // (Thu 31 December, Fri 1 January 元旦 by the law, weekend, Mon 4 January).
    let late = d(2026, 12, 30);
    let err =
        ctx.deadline("business-opening", late, "cn-xj-urumqi-tianshan", &Default::default()).unwrap_err();
    assert_eq!(err.code(), "out_of_coverage");
    let statutory = DeadlineOptions { assume: Some(Assume::Statutory), ..Default::default() };
    let due = ctx.deadline("business-opening", late, "cn-xj-urumqi-tianshan", &statutory).unwrap();
    assert_eq!(
        (due.date, due.provisional, due.provisional_days.clone()),
        (d(2027, 1, 4), true, vec![d(2027, 1, 1)])
    );
    assert!(
        due.explanation.en.contains("企业开办时限") && due.explanation.en.contains("PROVISIONAL"),
        "{}",
        due.explanation.en
    );
}

#[test]
fn putuo_twenty_working_days_today_is_provisional() {
    let cal = Calendars::builtin().calendar(&Catalogue::builtin(), "cn-sh-putuo").unwrap();
    // Without an assumption 2027 is outside the data.
    let err = cal.add_working_days(d(2026, 12, 4), 20, &Default::default()).unwrap_err();
    assert_eq!(err.code(), "out_of_coverage");
    // Dec 7-11, 14-18, 21-25 (15), 28-31 (19); Fri 2027-01-01 元旦 (statutory, 795号), weekend;
    // Mon 2027-01-04 is the 20th.
    assert_eq!(cal.add_working_days(d(2026, 12, 4), 20, &STATUTORY).unwrap(), d(2027, 1, 4));
    let due = cal
        .deadline(
            d(2026, 12, 4),
            20,
            TimeUnit::WorkingDays,
            &DeadlineOptions { assume: Some(Assume::Statutory), ..Default::default() },
        )
        .unwrap();
    assert_eq!(due.date, d(2027, 1, 4));
    assert!(due.provisional);
    assert_eq!(due.provisional_days, [d(2027, 1, 1)]);
    assert!(due.explanation.en.contains("PROVISIONAL"), "{}", due.explanation.en);
    let day = cal.day(d(2027, 1, 1), &STATUTORY).unwrap();
    assert_eq!((day.kind, day.provisional), (DayKind::StatutoryHoliday, true));
    assert_eq!(day.notice.as_deref(), Some("国务院令第795号 (provisional)"));
    // A day of a published year is not provisional, even under the assumption.
    let day = cal.day(d(2026, 10, 1), &STATUTORY).unwrap();
    assert!(!day.provisional);
    assert_eq!(day.notice.as_deref(), Some("国办发明电〔2025〕7号"));
}

#[test]
fn provisional_2027_spring_festival() {
    // 2027: 除夕 Fri 5 Feb, 初一 Sat 6 Feb; 795号: 除夕 + 初一至初三 = 5-8 Feb statutory.
    // From Thu 4 Feb, 1 working day: 5 (statutory), 6-7 (statutory, weekend), 8 (statutory) → Tue 9.
    let cal = Calendars::builtin().calendar(&Catalogue::builtin(), "cn").unwrap();
    assert_eq!(cal.add_working_days(d(2027, 2, 4), 1, &STATUTORY).unwrap(), d(2027, 2, 9));
    let due = cal
        .deadline(
            d(2027, 2, 4),
            1,
            TimeUnit::WorkingDays,
            &DeadlineOptions { assume: Some(Assume::Statutory), ..Default::default() },
        )
        .unwrap();
    assert_eq!(due.provisional_days, [d(2027, 2, 5), d(2027, 2, 6), d(2027, 2, 7), d(2027, 2, 8)]);
}

#[test]
fn xinjiang_2024_and_2026() {
    let cat = Catalogue::builtin();
    let calendars = Calendars::builtin();
    let tianshan = calendars.calendar(&cat, "cn-xj-urumqi-tianshan").unwrap();
    let putuo = calendars.calendar(&cat, "cn-sh-putuo").unwrap();
    let strict = CalendarOptions::default();
    // 2024 古尔邦节: 15-19 June off. From Fri 14 June, 5 working days: 20, 21, 24, 25, 26.
    assert_eq!(tianshan.add_working_days(d(2024, 6, 14), 5, &strict).unwrap(), d(2024, 6, 26));
    assert_eq!(putuo.add_working_days(d(2024, 6, 14), 5, &strict).unwrap(), d(2024, 6, 21));
    // 2024 肉孜节: Wed 10 April off.
    assert!(!tianshan.is_working_day(d(2024, 4, 10), &strict).unwrap());
    // 2026 肉孜节: 20-22 March off. From Thu 19 March, 1 working day → Mon 23 March.
    assert_eq!(tianshan.add_working_days(d(2026, 3, 19), 1, &strict).unwrap(), d(2026, 3, 23));
    let day = tianshan.day(d(2026, 3, 20), &strict).unwrap();
    assert_eq!(day.source_quality, Some(SourceQuality::StateMedia));
    assert_eq!(day.festival.as_deref(), Some("eid_al_fitr"));
    // 2026 古尔邦节: 27-31 May off (Wed-Sun). From Tue 26 May, 1 working day → Mon 1 June.
    assert_eq!(tianshan.add_working_days(d(2026, 5, 26), 1, &strict).unwrap(), d(2026, 6, 1));
}

#[test]
fn a_secondary_source_year_says_so() {
    // 2022 rests on third-party reprints. 古尔邦节 9-13 July; from Fri 8 July, 2 working days:
    // Thu 14, Fri 15.
    let cal = Calendars::builtin().calendar(&Catalogue::builtin(), "cn-xj-urumqi-tianshan").unwrap();
    let due = cal.deadline(d(2022, 7, 8), 2, TimeUnit::WorkingDays, &Default::default()).unwrap();
    assert_eq!(due.date, d(2022, 7, 15));
    assert_eq!(due.secondary_source_days, (9..=13).map(|x| d(2022, 7, x)).collect::<Vec<_>>());
    assert!(due.explanation.en.contains("secondary"), "{}", due.explanation.en);
}

#[test]
fn tianshan_provisional_year_has_no_regional_days() {
    let cal = Calendars::builtin().calendar(&Catalogue::builtin(), "cn-xj-urumqi-tianshan").unwrap();
    assert_eq!(cal.add_working_days(d(2026, 12, 4), 20, &STATUTORY).unwrap(), d(2027, 1, 4));
    assert!(cal.day(d(2027, 6, 1), &STATUTORY).unwrap().provisional);
    // Beyond three years past the data: still an error.
    assert_eq!(cal.day(d(2031, 1, 2), &STATUTORY).unwrap_err().code(), "out_of_coverage");
}

#[test]
fn as_known_on_and_each_days_notice() {
    let cat = Catalogue::builtin();
    let strict = CalendarOptions::default();
    // 国办发明电〔2020〕1号 (dated 2020-01-26, released the 27th) extended 春节 to 2 February.
    let before = Calendars::builtin().as_known_on(d(2020, 1, 26)).calendar(&cat, "cn").unwrap();
    let after = Calendars::builtin().as_known_on(d(2020, 1, 27)).calendar(&cat, "cn").unwrap();
    assert!(before.is_working_day(d(2020, 1, 31), &strict).unwrap());
    assert_eq!(before.day(d(2020, 2, 1), &strict).unwrap().kind, DayKind::MakeUpWorkingDay);
    assert!(!after.is_working_day(d(2020, 2, 1), &strict).unwrap());
    // Each day names the notice that set it: 30 January the annual notice, 31 January the extension.
    let now = Calendars::builtin().calendar(&cat, "cn").unwrap();
    assert_eq!(now.day(d(2020, 1, 30), &strict).unwrap().notice.as_deref(), Some("国办发明电〔2019〕16号"));
    assert_eq!(now.day(d(2020, 1, 31), &strict).unwrap().notice.as_deref(), Some("国办发明电〔2020〕1号"));
    assert_eq!(now.day(d(2019, 5, 2), &strict).unwrap().notice.as_deref(), Some("国办发明电〔2019〕3号"));
    assert_eq!(now.day(d(2019, 5, 1), &strict).unwrap().notice.as_deref(), Some("国办发明电〔2018〕15号"));
    // Before 国办发明电〔2019〕3号 (2019-03-22), 2 May 2019 was a working day.
    let march = Calendars::builtin().as_known_on(d(2019, 3, 22)).calendar(&cat, "cn").unwrap();
    assert!(march.is_working_day(d(2019, 5, 2), &strict).unwrap());
    // Before the 2026 notice (2025-11-04) the data ended with 2025.
    let early = Calendars::builtin().as_known_on(d(2025, 11, 4)).calendar(&cat, "cn").unwrap();
    assert_eq!(early.coverage().last().unwrap().until, d(2025, 12, 31));
    // The 2015 victory day (国发明电〔2015〕1号, 2015-05-13): unknown on 1 May 2015.
    let may = Calendars::builtin().as_known_on(d(2015, 5, 1)).calendar(&cat, "cn").unwrap();
    assert!(may.is_working_day(d(2015, 9, 3), &strict).unwrap());
    assert!(!now.is_working_day(d(2015, 9, 3), &strict).unwrap());
}
