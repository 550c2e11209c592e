//! `zhengce calendar YEAR --jurisdiction J`: a year of working days as month grids.

use chrono::{Datelike, NaiveDate};
use zhengce::calendar::{CalendarOptions, Day, DayKind};

use zhengce::Context;

use crate::context::Options;
use crate::failure::{Exit, Failure};
use crate::output::Out;

/// A year of the jurisdiction's working-day calendar, month by month.
///
/// In the grid: a plain number is a working day, `.` marks a weekend, `*` a statutory holiday,
/// `~` a rest day swapped from a weekday, `+` a make-up working day on a weekend (调休).
/// Holidays are listed under the grid. Outside the calendar's data it is an error, never a
/// guess.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The year, e.g. 2024.
    pub year: i32,
    /// The jurisdiction, e.g. cn or cn-xj-urumqi-tianshan.
    #[arg(long, short, default_value = "cn")]
    pub jurisdiction: String,
}

pub fn run(args: Args, options: &Options, out: &Out) -> Result<Exit, Failure> {
    let ctx = options.context()?;
    let days = core(&ctx, args.year, &args.jurisdiction)?;
    out.print(&days, || grid(args.year, &args.jurisdiction, &days))?;
    Ok(Exit::Ok)
}

/// The core glue: every day of the year, classified.
pub fn core(ctx: &Context, year: i32, jurisdiction: &str) -> Result<Vec<Day>, Failure> {
    let bad = || Failure::input("invalid_input", format!("YEAR: expected a year 1-9999, got {year}"));
    let from = NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(bad)?;
    let until = NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(bad)?;
    let calendar = ctx.calendar(jurisdiction).map_err(|e| Failure::core("calendar", e))?;
    calendar.days(from, until, &CalendarOptions::default()).map_err(|e| Failure::core("calendar", e))
}

fn mark(kind: DayKind) -> char {
    match kind {
        DayKind::WorkingDay => ' ',
        DayKind::Weekend => '.',
        DayKind::StatutoryHoliday => '*',
        DayKind::SwappedRestDay => '~',
        DayKind::MakeUpWorkingDay => '+',
    }
}

/// Three months across, weeks from Monday.
pub fn grid(year: i32, jurisdiction: &str, days: &[Day]) -> String {
    let mut text = format!(
        "{year} ({jurisdiction})  . weekend  * holiday  ~ swapped rest day  + make-up working day\n\n"
    );
    let month_lines = |month: u32| -> Vec<String> {
        let mut lines = vec![
            format!("{:^28}", chrono::Month::try_from(month as u8).map(|m| m.name()).unwrap_or("")),
            " Mo  Tu  We  Th  Fr  Sa  Su ".to_owned(),
        ];
        let month_days: Vec<&Day> = days.iter().filter(|d| d.date.month() == month).collect();
        let mut line = String::new();
        if let Some(first) = month_days.first() {
            line.push_str(&"    ".repeat(first.date.weekday().num_days_from_monday() as usize));
        }
        for d in month_days {
            line.push_str(&format!("{:>3}{}", d.date.day(), mark(d.kind)));
            if d.date.weekday() == chrono::Weekday::Sun {
                lines.push(std::mem::take(&mut line));
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    };
    for quarter in 0..4 {
        let months: Vec<Vec<String>> = (1..=3).map(|m| month_lines(quarter * 3 + m)).collect();
        let height = months.iter().map(Vec::len).max().unwrap_or(0);
        for i in 0..height {
            let row: Vec<String> =
                months.iter().map(|m| format!("{:<28}", m.get(i).map_or("", String::as_str))).collect();
            text.push_str(row.join("  ").trim_end());
            text.push('\n');
        }
        text.push('\n');
    }
    let mut last = None;
    for d in days.iter().filter(|d| {
        matches!(d.kind, DayKind::StatutoryHoliday | DayKind::SwappedRestDay | DayKind::MakeUpWorkingDay)
    }) {
        let name = d.name.as_ref().map(|n| format!("{} {}", n.zh, n.en)).unwrap_or_default();
        if last.as_ref() != Some(&name) {
            text.push_str(&format!("\n{name}:"));
            last = Some(name);
        }
        text.push_str(&format!(" {}{}", d.date.format("%m-%d"), mark(d.kind)));
    }
    text
}
