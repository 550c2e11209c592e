//! Working days and deadlines: the documents' service promises for a request filed just
//! before a long holiday, in Tianshan (with a Xinjiang festival) and in Putuo; coverage and
//! adding a year at run time.

use chrono::NaiveDate;
use zhengce::Context;
use zhengce::calendar::{Assume, CalendarOptions, DeadlineOptions, TimeUnit};
use zhengce::rules::RuleLogic;
use zhengce::{Catalogue, Deadline};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

fn print(due: &Deadline) {
    println!(
        "  {:<32} {:>3} {:<13} → {} {}",
        due.service.as_deref().unwrap_or(""),
        due.duration,
        due.unit_label(),
        due.date,
        due.date.format("%a")
    );
    println!("      {}", due.explanation.en);
}

trait UnitLabel {
    fn unit_label(&self) -> &'static str;
}

impl UnitLabel for Deadline {
    fn unit_label(&self) -> &'static str {
        match self.unit {
            zhengce::calendar::TimeUnit::WorkingDays => "working days",
            zhengce::calendar::TimeUnit::CalendarDays => "calendar days",
            zhengce::calendar::TimeUnit::Hours => "hours",
        }
    }
}

/// The services whose time limits apply in a jurisdiction (its own rules and its ancestors').
fn services(cat: &Catalogue, jurisdiction: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for rule in &cat.data().rules {
        if let RuleLogic::TimeLimit(t) = &rule.logic
            && cat.is_within(jurisdiction, &rule.jurisdiction)
            && !out.contains(&t.service)
        {
            out.push(t.service.clone());
        }
    }
    out
}

pub fn tour(ctx: &Context) -> Result<(), zhengce::Error> {
    let cat = ctx.catalogue();
    super::heading("Working days and deadlines");
    let strict = CalendarOptions::default();
    let tianshan = ctx.calendar("cn-xj-urumqi-tianshan")?;
    let putuo = ctx.calendar("cn-sh-putuo")?;
    let cover = |c: &zhengce::Calendar| {
        c.coverage().iter().map(|p| format!("{}..{}", p.from, p.until)).collect::<Vec<_>>().join(", ")
    };
    println!("Tianshan counts on {:?}, covered {}", tianshan.layers(), cover(&tianshan));
    println!("Putuo counts on {:?}, covered {}", putuo.layers(), cover(&putuo));

    let filed = date(2025, 5, 30);
    println!(
        "\nA request filed on Friday {filed}, just before Dragon Boat Festival (31 May-2 June) and, in Xinjiang, \
         古尔邦节 (6-10 June):"
    );
    println!("\n  the days after it, in Tianshan | in Putuo:");
    for d in tianshan.days(date(2025, 5, 31), date(2025, 6, 11), &strict)? {
        let p = putuo.day(d.date, &strict)?;
        let show = |day: &zhengce::calendar::Day| {
            let name = day.name.as_ref().map(|n| format!(" {}", n.zh)).unwrap_or_default();
            format!("{}{name}", day.kind.as_str())
        };
        println!("  {} {}  {:<34} | {}", d.date, d.date.format("%a"), show(&d), show(&p));
    }

    println!("\nDeadlines of every service promise that applies in Tianshan:");
    let options = DeadlineOptions::default();
    for service in services(cat, "cn-xj-urumqi-tianshan") {
        print(&ctx.deadline(&service, filed, "cn-xj-urumqi-tianshan", &options)?);
    }

    println!("\nIn Putuo, the national promises apply:");
    for service in services(cat, "cn-sh-putuo") {
        print(&ctx.deadline(&service, filed, "cn-sh-putuo", &options)?);
    }
    println!("\n  and Tianshan's working-day promises, counted on Putuo's calendar for comparison:");
    for service in services(cat, "cn-xj-urumqi-tianshan") {
        let due = ctx.deadline(&service, filed, "cn-xj-urumqi-tianshan", &options)?;
        let there = putuo.deadline(filed, due.duration, due.unit, &options)?;
        if there.date != due.date {
            println!(
                "  {:<32} {:>3} {:<13} → Putuo {}, Tianshan {} ({} more days off)",
                service,
                due.duration,
                due.unit_label(),
                there.date,
                due.date,
                due.skipped.len() - there.skipped.len()
            );
        }
    }

    println!("\nSimplified deregistration in Tianshan, step by step (item 59):");
    let notice_ends =
        ctx.deadline("simple-deregistration-notice", filed, "cn-xj-urumqi-tianshan", &options)?;
    let decided =
        ctx.deadline("simple-deregistration-decision", notice_ends.date, "cn-xj-urumqi-tianshan", &options)?;
    println!(
        "  notice published {filed}; 20-day notice ends {}; decision due {}",
        notice_ends.date, decided.date
    );

    println!("\nToday (2026-12-04): the 2027 notice is not published yet, so coverage ends on 2026-12-31.");
    let putuo = ctx.calendar("cn-sh-putuo")?;
    match putuo.add_working_days(date(2026, 12, 4), 20, &strict) {
        Ok(d) => println!("  (unexpectedly answered {d})"),
        Err(err) => println!("  {} [{}]", err, err.code()),
    }
    let statutory = DeadlineOptions { assume: Some(Assume::Statutory), ..Default::default() };
    let due = putuo.deadline(date(2026, 12, 4), 20, TimeUnit::WorkingDays, &statutory)?;
    println!(
        "  with assume = statutory (2027 computed from the 放假办法): {} provisional={} days assumed {:?}\n    {}",
        due.date, due.provisional, due.provisional_days, due.explanation.en
    );

    let notice_2027 = "国务院办公厅关于2027年部分节假日安排的通知（示例）\n一、元旦：1月1日（星期五）至3日（星期日）放假，共3天。";
    println!("\nReading a notice's text into a layer (an example 2027 notice):");
    let notice = zhengce::calendar::parse_notice(notice_2027)?;
    for day in &notice.days {
        println!("  {} {} ← 「{}」", day.date, if day.off { "off" } else { "worked" }, day.sentence);
    }
    let with_2027 =
        ctx.with_calendars(ctx.calendars().layered_notice(notice_2027)?).calendar("cn-sh-putuo")?;
    println!(
        "  Putuo now covers {}; 2026-12-04 + 20 working days = {} (no assumption needed)",
        cover(&with_2027),
        with_2027.add_working_days(date(2026, 12, 4), 20, &strict)?
    );
    Ok(())
}
