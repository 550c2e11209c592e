//! Notices read as data (issue 12): the holiday-cn sentence cases, notices that reproduce the
//! built-in data, amendments, and the typed errors.

use chrono::NaiveDate;
use zhengce::calendar::{Calendars, parse_notice};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn holiday_cn_description_cases() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/calendar/holiday-cn/description_parsing_cases.json"
    ))
    .unwrap();
    let cases: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut failures = Vec::new();
    for case in cases.as_array().unwrap() {
        let year = case["year"].as_i64().unwrap();
        let description = case["description"].as_str().unwrap();
        let notice = format!("国务院办公厅关于{year}年部分节假日安排的通知\n一、元旦：{description}");
        let mut expected: Vec<(NaiveDate, bool)> = case["expected"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (d(e["date"].as_str().unwrap()), e["isOffDay"].as_bool().unwrap()))
            .collect();
        expected.sort();
        match parse_notice(&notice) {
            Ok(parsed) => {
                let mut got: Vec<(NaiveDate, bool)> = parsed.days.iter().map(|x| (x.date, x.off)).collect();
                got.sort();
                got.dedup();
                if got != expected {
                    failures.push(format!("{description}\n  expected {expected:?}\n  got      {got:?}"));
                }
            }
            Err(e) => failures.push(format!("{description}\n  error {e}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.as_array().unwrap().len(),
        failures.join("\n")
    );
}

/// The 2024 notice (国办发明电〔2023〕7号), its items as published.
const NOTICE_2024: &str = "国务院办公厅关于2024年部分节假日安排的通知
国办发明电〔2023〕7号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2024年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日放假，与周末连休。
二、春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息。
三、清明节：4月4日至6日放假调休，共3天。4月7日（星期日）上班。
四、劳动节：5月1日至5日放假调休，共5天。4月28日（星期日）、5月11日（星期六）上班。
五、端午节：6月10日放假，与周末连休。
六、中秋节：9月15日至17日放假调休，共3天。9月14日（星期六）上班。
七、国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疫情防控等工作，遇重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。
国务院办公厅
2023年10月25日";

fn same_blocks(a: &zhengce::calendar::CalendarYear, b: &zhengce::calendar::CalendarYear) {
    assert_eq!(a.holidays.len(), b.holidays.len(), "{}", a.year);
    for x in &a.holidays {
        let y = b
            .holidays
            .iter()
            .find(|y| y.festival == x.festival)
            .unwrap_or_else(|| panic!("{} {}", a.year, x.festival));
        assert_eq!(
            (&x.off, &x.work, &x.statutory, &x.merged_into),
            (&y.off, &y.work, &y.statutory, &y.merged_into),
            "{} {}",
            a.year,
            x.festival
        );
    }
}

#[test]
fn the_2024_notice_reproduces_the_data() {
    let builtin = Calendars::builtin();
    let cn = builtin.layer("cn").unwrap();
    let notice = parse_notice(NOTICE_2024).unwrap();
    assert_eq!(notice.source.number.as_deref(), Some("国办发明电〔2023〕7号"));
    assert_eq!(notice.source.published, Some(d("2023-10-25")));
    // Read into a set without 2024, it gives the built-in 2024 exactly.
    let mut without = cn.clone();
    without.years.retain(|y| y.year < 2024);
    without.coverage = vec![zhengce::catalogue::Period { from: d("2004-01-01"), until: d("2023-12-31") }];
    let read = Calendars::empty()
        .layered(&serde_json::to_string(&without).unwrap())
        .unwrap()
        .layered_notice(NOTICE_2024)
        .unwrap();
    let got = read.layer("cn").unwrap().years.iter().find(|y| y.year == 2024).unwrap();
    same_blocks(got, cn.years.iter().find(|y| y.year == 2024).unwrap());
    // Each day knows its sentence.
    let eve = notice.days.iter().find(|x| x.date == d("2024-02-18")).unwrap();
    assert_eq!((eve.off, eve.sentence.as_str()), (false, "2月4日（星期日）、2月18日（星期日）上班。"));
    // The same notice on the built-in data: agrees, nothing changes.
    assert_eq!(builtin.layered_notice(NOTICE_2024).unwrap(), builtin);
}

/// Build the built-in year as its annual notice had it, then apply the amendment.
fn amended(year: i32, annual: &str, amendment: &str) {
    let builtin = Calendars::builtin();
    let cn = builtin.layer("cn").unwrap();
    let mut without = cn.clone();
    without.years.retain(|y| y.year < year);
    without.coverage = vec![zhengce::catalogue::Period {
        from: d("2004-01-01"),
        until: NaiveDate::from_ymd_opt(year - 1, 12, 31).unwrap(),
    }];
    let base = Calendars::empty().layered(&serde_json::to_string(&without).unwrap()).unwrap();
    let annual = base.layered_notice(annual).unwrap();
    let after = annual.layered_notice(amendment).unwrap();
    let got = after.layer("cn").unwrap().years.iter().find(|y| y.year == year).unwrap();
    same_blocks(got, cn.years.iter().find(|y| y.year == year).unwrap());
}

#[test]
fn the_2019_labour_day_change() {
    amended(
        2019,
        "国务院办公厅关于2019年部分节假日安排的通知\n一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。\n二、春节：2月4日至10日放假调休，共7天。2月2日（星期六）、2月3日（星期日）上班。\n三、清明节：4月5日放假，与周末连休。\n四、劳动节：5月1日放假。\n五、端午节：6月7日放假，与周末连休。\n六、中秋节：9月13日放假，与周末连休。\n七、国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。",
        "国务院办公厅关于调整2019年劳动节假期安排的通知\n国办发明电〔2019〕3号\n经国务院批准，现将2019年劳动节放假调整安排通知如下：2019年5月1日至4日放假调休，共4天。4月28日（星期日）、5月5日（星期日）上班。",
    );
}

#[test]
fn the_2020_spring_festival_extension() {
    amended(
        2020,
        "国务院办公厅关于2020年部分节假日安排的通知\n一、元旦：1月1日放假，共1天。\n二、春节：1月24日至30日放假调休，共7天。1月19日（星期日）、2月1日（星期六）上班。\n三、清明节：4月4日至6日放假，共3天。\n四、劳动节：5月1日至5日放假调休，共5天。4月26日（星期日）、5月9日（星期六）上班。\n五、端午节：6月25日至27日放假调休，共3天。6月28日（星期日）上班。\n六、国庆节、中秋节：10月1日至8日放假调休，共8天。9月27日（星期日）、10月10日（星期六）上班。",
        "国务院办公厅关于延长2020年春节假期的通知\n国办发明电〔2020〕1号\n经国务院批准，现就延长2020年春节假期有关事项通知如下：\n一、延长2020年春节假期至2月2日（农历正月初九，星期日），2月3日（星期一）起正常上班。",
    );
}

#[test]
fn a_xinjiang_notice_reproduces_the_overlay() {
    // The 2023 regional notice's holiday items (2022-12-25; see core/data/calendar/README.md).
    let text = "新疆维吾尔自治区人民政府办公厅关于2023年节假日放假安排和冬夏季作息时间的通知
一、节假日放假安排
（一）元旦：2022年12月31日至2023年1月2日放假调休，共3天。
（二）春节：1月21日至27日放假调休，共7天。1月28日（星期六）、1月29日（星期日）上班。
（四）肉孜节：4月22日是肉孜节，4月21日放假调休1天。
（七）古尔邦节：6月29日是古尔邦节，6月28日至30日放假，共3天。
二、冬夏季作息时间安排
（一）夏季作息时间：自2023年5月1日起实行夏季作息时间，上班时间为：上午10:00至14:00，下午16:00至20:00。";
    let notice = parse_notice(text).unwrap();
    assert_eq!((notice.layer.as_str(), notice.year), ("cn-xj", 2023));
    let builtin = Calendars::builtin();
    let xj = builtin.layer("cn-xj").unwrap();
    let year = zhengce::calendar::CalendarYear {
        year: 2023,
        source_quality: None,
        source: notice.source.clone(),
        holidays: notice.blocks.clone(),
    };
    same_blocks(&year, xj.years.iter().find(|y| y.year == 2023).unwrap());
    assert_eq!(notice.blocks[0].festival_date, Some(d("2023-04-22")));
    assert_eq!(builtin.layered_notice(text).unwrap(), builtin);
}

#[test]
fn full_width_digits_and_ascii_brackets() {
    let notice = parse_notice(
        "国务院办公厅关于２０２７年部分节假日安排的通知\n(一)元旦:１月１日(星期五)放假,共１天。",
    )
    .unwrap();
    assert_eq!(notice.year, 2027);
    assert_eq!(notice.days.iter().map(|x| x.date).collect::<Vec<_>>(), [d("2027-01-01")]);
}

#[test]
fn typed_errors_name_what_was_wrong() {
    let code = |text: &str| parse_notice(text).unwrap_err().problems()[0].code.clone();
    assert_eq!(code("  "), "empty_notice");
    assert_eq!(
        code("国务院办公厅关于2024年部分节假日安排的通知\n三、泼水节：4月13日至15日放假，共3天。"),
        "unknown_festival"
    );
    assert_eq!(
        code("国务院办公厅关于2024年部分节假日安排的通知\n四、劳动节：2025年5月1日至5日放假调休，共5天。"),
        "date_outside_year"
    );
    let err = parse_notice("国务院办公厅关于2024年部分节假日安排的通知\n三、清明节：4月4日至6日放假调休，共3天。4月7日（星期六）上班。").unwrap_err();
    let p = &err.problems()[0];
    assert_eq!(p.code, "weekday_mismatch");
    assert_eq!(p.path, "notice:「4月7日（星期六）上班。」");
    assert!(p.message.contains("2024-04-07 is a 星期日"), "{}", p.message);
    assert_eq!(
        code("国务院办公厅关于2024年部分节假日安排的通知\n三、清明节：4月4日至6日放假，共4天。"),
        "count_mismatch"
    );
    assert_eq!(
        code("国务院办公厅关于2024年部分节假日安排的通知\n三、清明节：4月4日至6日放假调休。4月7日另行通知。"),
        "unreadable_sentence"
    );
    // A notice contradicting the data names the days that differ.
    let err = Calendars::builtin()
        .layered_notice("国务院办公厅关于2024年部分节假日安排的通知\n四、劳动节：5月1日至4日放假调休，共4天。4月28日（星期日）、5月11日（星期六）上班。")
        .unwrap_err();
    let messages: Vec<String> = err.problems().iter().map(|p| p.message.clone()).collect();
    assert!(
        messages.iter().any(|m| m.contains("days off only in the data: ") && m.contains("2024-05-05")),
        "{messages:?}"
    );
}

/// Reads `text` into the built-in data cut before `year` and compares the year it gives with
/// the built-in one, block by block.
fn reproduces(year: i32, text: &str) {
    let builtin = Calendars::builtin();
    let cn = builtin.layer("cn").unwrap();
    let mut without = cn.clone();
    without.years.retain(|y| y.year < year);
    without.coverage = vec![zhengce::catalogue::Period {
        from: d("2004-01-01"),
        until: NaiveDate::from_ymd_opt(year - 1, 12, 31).unwrap(),
    }];
    // From an empty set for the first year of the data, else from the data cut before the year.
    let base = if year == 2004 {
        Calendars::empty()
    } else {
        Calendars::empty().layered(&serde_json::to_string(&without).unwrap()).unwrap()
    };
    let read = base.layered_notice(text).unwrap_or_else(|e| panic!("{year}: {e}"));
    let got = read.layer("cn").unwrap().years.iter().find(|y| y.year == year).unwrap();
    same_blocks(got, cn.years.iter().find(|y| y.year == year).unwrap());
    // And on the built-in data it agrees.
    assert_eq!(builtin.layered_notice(text).unwrap(), builtin, "{year}");
}

// The items below follow the wording of each era's notices (full-width brackets, 星期/周,
// 农历 notes, “五一”, 公休日调至 …); the dates are those quoted in core/data/calendar/README.md.

#[test]
fn the_2004_style_notice_reproduces_the_data() {
    reproduces(2004, "国务院办公厅关于2004年部分节假日安排的通知
一、元旦：1月1日放假1天。
二、春节：1月22日—28日放假，共7天。其中，1月22日、23日、24日为法定休假日，将1月17日（星期六）、18日（星期日）两个公休日分别调至1月26日（星期一）、27日（星期二），1月17日、18日上班。
三、“五一”：5月1日—7日放假，共7天。其中，1日、2日、3日为法定休假日，将5月8日（星期六）、9日（星期日）两个公休日调至5月6日（星期四）、7日（星期五），5月8日、9日上班。
四、“十一”：10月1日—7日放假，共7天。其中，1日、2日、3日为法定休假日，将10月9日（星期六）、10日（星期日）两个公休日调至10月6日（星期三）、7日（星期四），10月9日、10日上班。");
}

#[test]
fn the_2023_notice_with_a_merged_mid_autumn_reproduces_the_data() {
    reproduces(
        2023,
        "国务院办公厅关于2023年部分节假日安排的通知
一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。
二、春节：1月21日至27日放假调休，共7天。1月28日（星期六）、1月29日（星期日）上班。
三、清明节：4月5日放假，共1天。
四、劳动节：4月29日至5月3日放假调休，共5天。4月23日（星期日）、5月6日（星期六）上班。
五、端午节：6月22日至24日放假调休，共3天。6月25日（星期日）上班。
六、中秋节、国庆节：9月29日至10月6日放假调休，共8天。10月7日（星期六）、10月8日（星期日）上班。",
    );
}

#[test]
fn the_2025_and_2026_notices_with_lunar_notes_reproduce_the_data() {
    reproduces(2025, "国务院办公厅关于2025年部分节假日安排的通知
一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。");
    reproduces(2026, "国务院办公厅关于2026年部分节假日安排的通知
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。");
}
