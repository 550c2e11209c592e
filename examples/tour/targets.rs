//! Targets: a small synthetic set of observations (examples/tour/observations.json) against
//! the Tianshan and Putuo targets, one assessment explained, scorecards by group and by
//! responsible unit, CSV, and the childcare consistency check of Tianshan item 85.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use zhengce::targets::{AssessOptions, Dimension, Monitor, Scorecard, ScorecardOptions};

/// The synthetic observations, shared with the Python and JavaScript tours.
pub const OBSERVATIONS: &str = include_str!("observations.json");

pub fn tour(ctx: &zhengce::Context) -> Result<(), zhengce::Error> {
    super::heading("Targets and scorecards");
    let mut monitor = Monitor::new(ctx);
    let rows: serde_json::Value =
        serde_json::from_str(OBSERVATIONS).expect("the tour's observations are JSON");
    let added = monitor.add_observations_json_value(&rows)?;
    println!("{added} synthetic observations added ({} held with the catalogue's baselines)", monitor.len());
    let as_of = NaiveDate::from_ymd_opt(2022, 10, 31).expect("a valid date");

    let a = monitor.assess("tianshan-2022-87/t28", as_of, &AssessOptions::default())?;
    println!("\nTianshan item 28 (85 % of application-based items online by 2022-12-31) on {as_of}:");
    println!("  {} ({}): {}", a.status.as_str(), a.basis.as_str(), a.note);

    let by_group = ScorecardOptions {
        by: vec![Dimension::Group],
        document: Some("tianshan-2022-87".into()),
        ..Default::default()
    };
    print_card("Tianshan by group", &monitor.scorecard(as_of, &by_group)?);
    let by_unit = ScorecardOptions {
        by: vec![Dimension::Unit],
        document: Some("putuo-2019-startup-district".into()),
        ..Default::default()
    };
    let putuo = monitor.scorecard(as_of, &by_unit)?;
    print_card("Putuo by responsible unit (责任部门)", &putuo);
    println!("\nThe same as CSV:\n{}", putuo.to_csv().trim_end());

    let check = monitor.check_ratio(
        "tianshan-2022-87/t85i",
        "tianshan-2022-87/t85h",
        Some(Decimal::from(500_000)),
    )?;
    println!("\nTianshan item 85, 163 new childcare places and 0.5 -> 0.9 places per 1,000 residents:");
    println!("  the two agree only for {} residents; {}", check.implied_population, check.note);
    Ok(())
}

fn print_card(title: &str, card: &Scorecard) {
    println!("\n{title}, as of {}:", card.as_of);
    println!(
        "  {:<44} {:>4} {:>8} {:>7} {:>9} {:>6} {:>7} {:>5}",
        "", "met", "on track", "at risk", "off track", "missed", "no data", "total"
    );
    let c = &card.counts;
    let row = |label: &str, c: &zhengce::targets::StatusCounts| {
        println!(
            "  {} {:>4} {:>8} {:>7} {:>9} {:>6} {:>7} {:>5}",
            pad(label, 44),
            c.met,
            c.on_track,
            c.at_risk,
            c.off_track,
            c.missed,
            c.no_data,
            c.total
        );
    };
    row("all", c);
    for g in &card.groups {
        row(g.name.as_ref().map_or("(none stated)", |n| n.zh.as_str()), &g.counts);
    }
}

/// `text` padded to `width` terminal columns (a Chinese character takes two).
fn pad(text: &str, width: usize) -> String {
    let used = text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum::<usize>();
    format!("{text}{}", " ".repeat(width.saturating_sub(used)))
}
