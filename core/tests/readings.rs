//! The catalogue read again (issue 17): one test per kind of correction, each quoting the
//! words it rests on. `rests_on` checks that the words are verbatim in the source text, so a
//! test cannot pass on words the document does not contain.

use std::path::Path;

use chrono::NaiveDate;
use zhengce::Catalogue;
use zhengce::catalogue::Qualifier;
use zhengce::targets::{AssessOptions, Basis, Monitor, Status};

fn source(document: &str) -> String {
    let cat = Catalogue::builtin();
    let doc = cat.data().documents.iter().find(|d| d.id == document).expect("document");
    let file = doc.source_file.as_ref().expect("a source file");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(root.join("data/sources").join(file)).expect("source text")
}

/// Asserts that `words` occur verbatim in the source of `document`.
fn rests_on(document: &str, words: &str) {
    assert!(source(document).contains(words), "not verbatim in {document}: {words}");
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn qualifiers_follow_the_words_of_each_figure() {
    let cat = Catalogue::builtin();
    let cases = [
        ("xinshi-2021-fyp/o03", "约占全市地区生产总值的38%", Qualifier::About),
        ("xinshi-2021-fyp/o08", "外贸进出口总额预计达到105.3亿元", Qualifier::Estimated),
        ("xinshi-2021-fyp/o09", "服务业营业收入超过800亿元", Qualifier::MoreThan),
        ("xinshi-2021-fyp/o10", "旅游总收入超过29亿元", Qualifier::MoreThan),
        ("xinshi-2021-fyp/o13b", "总长约8.8公里", Qualifier::About),
        ("xinshi-2021-fyp/o15", "城市污水集中处理率达到90%以上", Qualifier::AtLeast),
        ("xinshi-2021-fyp/o17", "聚集了全疆70%以上的企业", Qualifier::AtLeast),
        ("xinshi-2021-fyp/o18", "新一代信息技术相关数字产业企业超过1000家", Qualifier::MoreThan),
        ("xinshi-2021-fyp/o26", "日起降架次突破600架", Qualifier::MoreThan),
        ("xinshi-2021-fyp/o27", "十余家物流产业龙头企业聚集", Qualifier::MoreThan),
        // Stated flat: no qualifier.
        ("xinshi-2021-fyp/o12", "绿化覆盖率达到40%", Qualifier::Exact),
        ("xinshi-2021-fyp/o22", "高新技术企业达166家", Qualifier::Exact),
    ];
    for (id, words, qualifier) in cases {
        rests_on("xinshi-2021-fyp", words);
        let o = cat.data().observations.iter().find(|o| o.id == id).expect(id);
        assert_eq!(o.qualifier, qualifier, "{id}: 「{words}」");
    }
}

fn monitor_with(rows: serde_json::Value) -> Monitor {
    let mut m = Monitor::new(&zhengce::Context::builtin());
    m.add_observations_json_value(&rows).unwrap();
    m
}

#[test]
fn over_85_meets_85_percent_and_about_85_is_at_risk_at_most() {
    // Item 28: 「2022年底依申请类事项网上办理比例达到85%以上」
    rests_on("tianshan-2022-87", "2022年底依申请类事项网上办理比例达到85%以上");
    let over = monitor_with(serde_json::json!([{"target": "tianshan-2022-87/t28", "as_of": "2022-09-30",
        "value": "85", "qualifier": "more_than", "unit": "%", "source": "超过85%"}]));
    let a = over.assess("tianshan-2022-87/t28", d(2022, 10, 1), &AssessOptions::default()).unwrap();
    assert_eq!((a.status, a.basis), (Status::Met, Basis::Comparator));

    let about = monitor_with(serde_json::json!([{"target": "tianshan-2022-87/t28", "as_of": "2022-09-30",
        "value": "86", "qualifier": "about", "unit": "%", "source": "约86%"}]));
    let a = about.assess("tianshan-2022-87/t28", d(2022, 10, 1), &AssessOptions::default()).unwrap();
    assert_eq!((a.status, a.basis), (Status::AtRisk, Basis::Approximate), "{}", a.note);
    assert!(a.note.contains("approximate"), "{}", a.note);
    // After the deadline an approximate figure that meets at face value cannot show it met,
    // nor missed.
    let a = about.assess("tianshan-2022-87/t28", d(2023, 3, 1), &AssessOptions::default()).unwrap();
    assert_eq!(a.status, Status::AtRisk);
    // An estimate below the target after the deadline is missed.
    let low = monitor_with(serde_json::json!([{"target": "tianshan-2022-87/t28", "as_of": "2022-12-31",
        "value": "80", "qualifier": "estimated", "unit": "%", "source": "预计80%"}]));
    let a = low.assess("tianshan-2022-87/t28", d(2023, 3, 1), &AssessOptions::default()).unwrap();
    assert_eq!(a.status, Status::Missed);
}

#[test]
fn a_year_end_reading_published_in_january_counts_for_the_year_end_target() {
    // 「2022年底…达到85%以上」: an 84 % figure for 2022-12-31, published 2023-01-05.
    let m = monitor_with(serde_json::json!([{"target": "tianshan-2022-87/t28", "as_of": "2022-12-31",
        "published": "2023-01-05", "value": "84", "unit": "%", "source": "district statistics"}]));
    let before = m.assess("tianshan-2022-87/t28", d(2023, 1, 4), &AssessOptions::default()).unwrap();
    assert_eq!(before.status, Status::NoData, "not yet published on 4 January");
    let after = m.assess("tianshan-2022-87/t28", d(2023, 1, 10), &AssessOptions::default()).unwrap();
    assert_eq!((after.status, after.value.unwrap().to_string()), (Status::Missed, "84".to_owned()));
    // `date` is still accepted for `as_of`.
    let old = monitor_with(serde_json::json!([{"target": "tianshan-2022-87/t28", "date": "2022-12-31",
        "value": "86", "unit": "%", "source": "district statistics"}]));
    let a = old.assess("tianshan-2022-87/t28", d(2023, 1, 10), &AssessOptions::default()).unwrap();
    assert_eq!(a.status, Status::Met);
    // A publication date before the date the value refers to is refused.
    let mut m = Monitor::new(&zhengce::Context::builtin());
    let err = m
        .add_observation_json_value(
            &serde_json::json!({"target": "tianshan-2022-87/t28", "as_of": "2022-12-31",
            "published": "2022-12-01", "value": "84", "unit": "%", "source": "x"}),
        )
        .unwrap_err();
    assert_eq!((err.code(), err.path()), ("invalid_input", Some("observation.published")));
}

#[test]
fn delivery_quotas_are_at_least_their_number() {
    use zhengce::Comparator;
    let cat = Catalogue::builtin();
    let cases = [
        ("tianshan-2022-87", "tianshan-2022-87/t85c", "新增园位540个", "540"),
        ("tianshan-2022-87", "tianshan-2022-87/t85e", "新增义务教育阶段学位900个", "900"),
        ("tianshan-2022-87", "tianshan-2022-87/t85g", "新建3个托育机构", "3"),
        ("tianshan-2022-87", "tianshan-2022-87/t81a", "试点打造创业社区6个", "6"),
        ("tianshan-2022-87", "tianshan-2022-87/t83b", "新建小游园及山体公园7处", "7"),
        ("xinjin-2021-fragment", "xinjin-2021-fragment/t08", "引进培育青年专科人才100名", "100"),
        ("xinjin-2021-fragment", "xinjin-2021-fragment/t10", "招引学科带头人20名", "20"),
        ("xinjin-2021-fragment", "xinjin-2021-fragment/t05", "新增名校名园10所", "10"),
    ];
    for (doc, id, words, value) in cases {
        rests_on(doc, words);
        let t = cat.target(id).unwrap();
        assert_eq!(
            (t.comparator, t.value.unwrap().to_string()),
            (Comparator::AtLeast, value.to_owned()),
            "{id}"
        );
    }
    // Delivering more than the quota is met, not missed.
    let m = monitor_with(serde_json::json!([{"target": "tianshan-2022-87/t85c", "as_of": "2022-12-31",
        "value": "600", "unit": "places", "source": "district education bureau"}]));
    assert_eq!(
        m.assess("tianshan-2022-87/t85c", d(2023, 1, 1), &AssessOptions::default()).unwrap().status,
        Status::Met
    );
    // Full coverage and fixed sets stay equal: 100 % cannot be exceeded, there are four kinds.
    rests_on("tianshan-2022-87", "将申报类、备案类、证明类和其他类等四大类出口退税业务全部纳入“单一窗口”");
    assert_eq!(cat.target("tianshan-2022-87/t51c").unwrap().comparator, Comparator::Equal);
}

#[test]
fn a_range_to_compress_into_is_an_upper_bound_with_the_range_kept() {
    rests_on("tianshan-2022-87", "确保2022年底全流程审批时限逐步压缩至30-60个工作日");
    let cat = Catalogue::builtin();
    let t = cat.target("tianshan-2022-87/t43c").unwrap();
    assert_eq!((t.comparator, t.value.unwrap().to_string()), (zhengce::Comparator::AtMost, "60".to_owned()));
    let r = t.stated_range.as_ref().unwrap();
    assert_eq!((r.lower.to_string(), r.upper.to_string()), ("30".to_owned(), "60".to_owned()));
    // Faster than 30 working days is not a miss.
    let m = monitor_with(serde_json::json!([{"target": "tianshan-2022-87/t43c", "as_of": "2022-12-31",
        "value": "25", "unit": "working_days", "source": "synthetic"}]));
    assert_eq!(
        m.assess("tianshan-2022-87/t43c", d(2023, 1, 1), &AssessOptions::default()).unwrap().status,
        Status::Met
    );
}

#[test]
fn dates_that_disagreed_are_resolved_from_the_texts() {
    let cat = Catalogue::builtin();
    // 45 days until the national cut to 20 from 2021-08-04.
    rests_on("tianshan-2022-87", "简易注销时间由45日短至20日");
    let o03 = cat.data().observations.iter().find(|o| o.id == "tianshan-2022-87/o03").unwrap();
    assert_eq!(o03.as_of, d(2021, 8, 3));
    let national =
        cat.parameter_value("registration.simple_deregistration.notice_period", "cn", d(2021, 8, 4)).unwrap();
    assert_eq!(national.value.to_string(), "20");
    let m = Monitor::new(&zhengce::Context::builtin());
    let a = m.assess("tianshan-2022-87/t59a", d(2022, 5, 18), &AssessOptions::default()).unwrap();
    assert_eq!(a.status, Status::Met, "{}", a.note);

    // Promises stated without a date bind from the plan's publication, 2022-05-18.
    rests_on("tianshan-2022-87", "企业开办时限压缩至2个工作日内办结");
    let t58 = cat.target("tianshan-2022-87/t58").unwrap();
    let p = t58.period.unwrap();
    assert_eq!((t58.deadline, p.from, p.until), (None, d(2022, 5, 18), d(2022, 12, 31)));
    let opening =
        cat.parameter_value("service.business_opening.time_limit", "cn-xj-urumqi-tianshan", d(2022, 5, 18));
    assert_eq!(opening.unwrap().value.to_string(), "2");
    // Targets the text dates keep their date: 「2022年底」.
    rests_on("tianshan-2022-87", "2022年底依申请类事项网上办理比例达到85%以上");
    assert_eq!(cat.target("tianshan-2022-87/t28").unwrap().deadline, Some(d(2022, 12, 31)));

    // Xinjin: 「未来五年」 with no base year; the targets take the parameters' 2021-2025, as an
    // assumption, and every assessment says so.
    rests_on("xinjin-2021-fragment", "未来五年,引进培育青年专科人才100名");
    let t = cat.target("xinjin-2021-fragment/t08").unwrap();
    assert!(t.assumption);
    assert_eq!(t.period.map(|p| (p.from, p.until)), Some((d(2021, 1, 1), d(2025, 12, 31))));
    let param = cat.parameter("employment.registered_unemployment_rate.annual_average_max").unwrap();
    assert_eq!(
        (param.values[0].effective_from, param.values[0].until),
        (d(2021, 1, 1), Some(d(2025, 12, 31)))
    );
    let a = m.assess("xinjin-2021-fragment/t08", d(2023, 1, 1), &AssessOptions::default()).unwrap();
    assert!(a.note.contains("a number or date the documents do not give"), "{}", a.note);
}

#[test]
fn inspection_frequencies_cite_the_food_safety_grades_and_class_a_may_lower() {
    // 「对A类企业,可合理降低抽查比例和频次」: a permission (可), not a fixed cut.
    rests_on("tianshan-2022-87", "对A类企业,可合理降低抽查比例和频次");
    let cat = Catalogue::builtin();
    let on = d(2022, 6, 1);
    let value = |key: &str| cat.parameter_value(key, "cn", on).unwrap();
    let a = value("inspection.sampling_multiplier.class_a");
    assert_eq!(a.value.to_string(), "1");
    assert!(a.assumption, "the documents give no number for a lowered ratio");
    // Food-safety risk grades (2016): A at least once, B 1-2, C 2-3, D 3-4 a year; the lower ends.
    let freq: Vec<String> = ["a", "b", "c", "d"]
        .iter()
        .map(|c| value(&format!("inspection.random_check.frequency.class_{c}")).value.to_string())
        .collect();
    assert_eq!(freq, ["1", "1", "2", "3"]);
    let p = cat.parameter("inspection.random_check.frequency.class_c").unwrap();
    let reading = p.values[0].reading.as_deref().unwrap();
    assert!(reading.contains("B 1-2, C 2-3, D 3-4") && reading.contains("Anhui"), "{reading}");
    // The decision table says A may be lowered, and an explanation marks the assumed values.
    let ev = zhengce::Context::builtin().evaluator("tianshan-2022-87/r10-credit-class").unwrap();
    let input = zhengce::rules::Input::new(on).with("credit_class", "a");
    let r = ev.evaluate(&input, &zhengce::rules::Options::explained()).unwrap();
    assert_eq!(r.output("may_lower"), Some(&serde_json::json!(true)));
    let text = r.to_text(zhengce::rules::Lang::En);
    assert!(text.contains("assumed value: the documents give no number"), "{text}");
}

#[test]
fn the_on_the_spot_invoice_limit_applies_to_both_kinds() {
    // The limit stands before the whole object: special and ordinary invoices.
    rests_on(
        "tianshan-2022-87",
        "对企业申领10万元限额(含)以下增值税专用发票25份以内、增值税普通发票50份以内的,税务机关当场受理、即时办结",
    );
    let cat = Catalogue::builtin();
    let p = cat.parameter("tax.invoice_on_the_spot.limit_max").unwrap();
    assert!(p.description.as_deref().unwrap().contains("special or ordinary"));
    let ev = zhengce::Context::builtin().evaluator("tianshan-2022-87/r53-invoice-on-the-spot").unwrap();
    let input = zhengce::rules::Input::new(d(2022, 6, 1))
        .with("invoice_type", "ordinary")
        .with("limit_yuan", "1000000")
        .with("quantity", "10");
    let r = ev.evaluate(&input, &Default::default()).unwrap();
    assert_eq!(r.eligible(), Some(false), "an ordinary invoice above the limit is not issued on the spot");
}

#[test]
fn deliverables_without_numbers_are_milestones_done_or_not_by_a_date() {
    use zhengce::catalogue::TargetKind;
    let cat = Catalogue::builtin();
    let cases = [
        (
            "xinjin-2021-fragment",
            "xinjin-2021-fragment/tm-sports-centre",
            "建成新津体育中心、文化中心",
            "2025-12-31",
        ),
        (
            "xinjin-2021-fragment",
            "xinjin-2021-fragment/tm-culture-centre",
            "建成新津体育中心、文化中心",
            "2025-12-31",
        ),
        (
            "xinjin-2021-fragment",
            "xinjin-2021-fragment/tm-baodun-application",
            "申报宝墩国家考古遗址公园",
            "2025-12-31",
        ),
        (
            "xinjin-2021-fragment",
            "xinjin-2021-fragment/tm-soe-reform",
            "持续深化国企改革三年行动",
            "2022-12-31",
        ),
        (
            "urumqi-2022-startup-communities",
            "urumqi-2022-startup-communities/tm-digital-call-centre",
            "组建数字呼叫中心",
            "2024-12-31",
        ),
        (
            "urumqi-2022-startup-communities",
            "urumqi-2022-startup-communities/tm-city-safety-platform",
            "建立城市安全监测预警平台",
            "2024-12-31",
        ),
        (
            "urumqi-2022-startup-communities",
            "urumqi-2022-startup-communities/tm-domestic-service-action",
            "制定《乌鲁木齐市家政服务质量提升行动》",
            "2024-12-31",
        ),
        (
            "tianshan-2022-87",
            "tianshan-2022-87/tm86-health-checkups",
            "持续推动全民免费健康体检",
            "2022-12-31",
        ),
    ];
    for (doc, id, words, due) in cases {
        rests_on(doc, words);
        let t = cat.target(id).unwrap();
        assert_eq!(
            (t.kind, t.deadline.unwrap().to_string()),
            (TargetKind::Milestone, due.to_owned()),
            "{id}"
        );
    }
    let id = "urumqi-2022-startup-communities/tm-digital-call-centre";
    let m = Monitor::new(&zhengce::Context::builtin());
    assert_eq!(m.assess(id, d(2023, 6, 1), &AssessOptions::default()).unwrap().status, Status::NoData);
    let m =
        monitor_with(serde_json::json!([{"target": id, "as_of": "2023-05-20", "value": 1, "unit": "boolean",
        "source": "city announcement"}]));
    assert_eq!(m.assess(id, d(2023, 6, 1), &AssessOptions::default()).unwrap().status, Status::Met);
    // Evidence that it is not yet done, after the deadline: missed.
    let m =
        monitor_with(serde_json::json!([{"target": id, "as_of": "2024-12-31", "value": 0, "unit": "boolean",
        "source": "city report"}]));
    assert_eq!(m.assess(id, d(2025, 1, 15), &AssessOptions::default()).unwrap().status, Status::Missed);
}

#[test]
fn recurring_duties_take_their_status_from_dated_evidence_per_slot() {
    use zhengce::catalogue::{Every, TargetKind};
    let cat = Catalogue::builtin();
    // Item 5: 「每半年对全区行政执法情况进行1次审查」
    rests_on("tianshan-2022-87", "每半年对全区行政执法情况进行1次审查");
    let t = cat.target("tianshan-2022-87/t05a").unwrap();
    assert_eq!((t.kind, t.every), (TargetKind::Recurring, Some(Every::HalfYear)));
    let first_half = serde_json::json!({"target": "tianshan-2022-87/t05a", "as_of": "2022-06-20", "value": 1,
        "unit": "count", "source": "district justice bureau"});
    let m = monitor_with(serde_json::json!([first_half.clone()]));
    let a = m.assess("tianshan-2022-87/t05a", d(2022, 7, 15), &AssessOptions::default()).unwrap();
    assert_eq!((a.status, a.basis), (Status::OnTrack, Basis::Recurrence), "{}", a.note);
    let a = m.assess("tianshan-2022-87/t05a", d(2023, 1, 10), &AssessOptions::default()).unwrap();
    assert_eq!(a.status, Status::Missed, "the second half has no review: {}", a.note);
    assert!(a.note.contains("2022-07-01..2022-12-31"), "{}", a.note);
    let second_half = serde_json::json!({"target": "tianshan-2022-87/t05a", "as_of": "2022-12-05", "value": 1,
        "unit": "count", "source": "district justice bureau"});
    let m = monitor_with(serde_json::json!([first_half, second_half]));
    let a = m.assess("tianshan-2022-87/t05a", d(2023, 1, 10), &AssessOptions::default()).unwrap();
    assert_eq!((a.status, a.value.unwrap().to_string()), (Status::Met, "2".to_owned()));

    // Item 80: 「建立评价机构年终考核机制」, 「健全职业培训机构年审制度」: once a year.
    rests_on("tianshan-2022-87", "建立评价机构年终考核机制,健全职业培训机构年审制度");
    for id in ["tianshan-2022-87/tr80-evaluator-assessment", "tianshan-2022-87/tr80-training-annual-review"] {
        assert_eq!(cat.target(id).unwrap().every, Some(Every::Year));
    }
    // Item 72: 「建立定期走访辖区企业机制」: 定期 has no frequency; a quarter is assumed, and said.
    rests_on("tianshan-2022-87", "建立定期走访辖区企业机制");
    let visits = "tianshan-2022-87/tr72-enterprise-visits";
    assert!(cat.target(visits).unwrap().assumption);
    let m = monitor_with(serde_json::json!([{"target": visits, "as_of": "2022-08-10", "value": 12,
        "unit": "count", "source": "visit log"}]));
    let a = m.assess(visits, d(2022, 10, 15), &AssessOptions::default()).unwrap();
    assert_eq!(a.status, Status::OnTrack, "{}", a.note);
    assert!(a.note.contains("assumption"), "{}", a.note);
    let a = m.assess(visits, d(2023, 1, 1), &AssessOptions::default()).unwrap();
    assert_eq!(a.status, Status::Missed, "no visits in October-December: {}", a.note);
    // Periodic lists: Tianshan item 27 and Xinjin's 「定期发布“三张清单”」.
    rests_on("tianshan-2022-87", "定期梳理和发布相关部门政务服务事项、容缺受理事项、告知承诺事项清单");
    rests_on("xinjin-2021-fragment", "定期发布“三张清单”");
    assert_eq!(cat.target("xinjin-2021-fragment/tr-three-lists").unwrap().kind, TargetKind::Recurring);
}

#[test]
fn electronic_licences_and_seals_have_the_force_of_paper() {
    // Item 30, left out before.
    rests_on(
        "tianshan-2022-87",
        "按国家有关标准规范生成的电子证照、电子印章与实体证照、印章具有同等法律效力,可作为法定办事依据和存档材料",
    );
    let s = zhengce::Context::builtin();
    let ev = s.evaluator("tianshan-2022-87/r30-electronic-licence-equal-force").unwrap();
    let run = |form: &str, standard: bool, use_: &str| {
        let input = zhengce::rules::Input::new(d(2022, 6, 1))
            .with("kind", "seal")
            .with("form", form)
            .with("national_standard", standard)
            .with("use", use_);
        ev.evaluate(&input, &Default::default()).unwrap().eligible()
    };
    assert_eq!(run("electronic", true, "archive"), Some(true));
    assert_eq!(run("electronic", false, "handling_basis"), Some(false));
    assert_eq!(run("paper", false, "handling_basis"), Some(true));
    // Putuo R-003-04: 「评估结果将纳入部门绩效考核」.
    rests_on(
        "putuo-2019-startup-district",
        "区创业型城区创建工作领导小组将组织开展中期评估、终期评估,评估结果将纳入部门绩效考核",
    );
    let ev = s.evaluator("putuo-2019-startup-district/rw3-evaluation-into-appraisal").unwrap();
    let input = zhengce::rules::Input::new(d(2022, 12, 1))
        .with("evaluation", "mid_term")
        .with("by_leading_group", true);
    assert_eq!(ev.evaluate(&input, &Default::default()).unwrap().eligible(), Some(true));
}

#[test]
fn the_business_environment_regulation_that_urumqi_applies_is_a_national_document() {
    rests_on("urumqi-2022-startup-communities", "严格落实《优化营商环境条例》");
    let cat = Catalogue::builtin();
    let doc = cat.document("cn-business-environment-regulation-2019").unwrap();
    assert_eq!((doc.number.as_deref(), doc.issued), (Some("国务院令第722号"), Some(d(2019, 10, 22))));
    // Article 4, whose words the action uses: 深刻转变政府职能, 公平、透明、可预期.
    let Ok(zhengce::Entry::Clause(a4)) = cat.get("cn-business-environment-regulation-2019/a4") else {
        panic!("article 4")
    };
    let text = a4.text.as_deref().unwrap();
    assert!(
        text.starts_with("优化营商环境应当坚持市场化、法治化、国际化原则")
            && text.contains("可预期的良好环境")
    );
    rests_on("urumqi-2022-startup-communities", "加快营造公平透明、可预期的营商环境");
}

#[test]
fn frameworks_kept_in_english_are_structured_entries_with_chinese_text() {
    let cat = Catalogue::builtin();
    let members = |id: &str| -> Vec<String> {
        let Ok(zhengce::Entry::Clause(c)) = cat.get(id) else { panic!("{id}") };
        c.children.iter().map(|m| m.text.clone().unwrap()).collect()
    };
    rests_on(
        "urumqi-2022-startup-communities",
        "建设宜居、宜业、宜景、宜游、宜静、宜便、宜服、宜休、宜娱的全要素",
    );
    assert_eq!(
        members("urumqi-2022-startup-communities/a-nine-qualities"),
        ["宜居", "宜业", "宜景", "宜游", "宜静", "宜便", "宜服", "宜休", "宜娱"]
    );
    rests_on("urumqi-2022-startup-communities", "着眼“城、融、嵌、交、互、帮、支、创、服、管、治”");
    assert_eq!(members("urumqi-2022-startup-communities/b-eleven-themes").len(), 11);
    rests_on(
        "xinjin-2021-fragment",
        "聚焦服务园区工作人群和在地居民“两类人”,整合生产性服务业和社区商业“两类业”,运营产业载体和商业载体“两种场”",
    );
    assert_eq!(members("xinjin-2021-fragment/s2-1-two-groups"), ["园区工作人群", "在地居民"]);
    assert_eq!(members("xinjin-2021-fragment/s2-1-two-trades"), ["生产性服务业", "社区商业"]);
    assert_eq!(members("xinjin-2021-fragment/s2-1-two-venues"), ["产业载体", "商业载体"]);
}
