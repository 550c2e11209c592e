//! `zhengce deadline SERVICE START --jurisdiction J`: when a time limit expires.

use zhengce::calendar::{Deadline, DeadlineOptions};

use zhengce::Context;

use crate::context::Options;
use crate::failure::{Exit, Failure};
use crate::output::Out;

/// The deadline of a service's time limit from a start date, on the working-day calendar.
///
/// The start day is not counted; working days skip weekends and statutory holidays and count
/// make-up working days (调休); the answer lists every day skipped and cites the clause.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The service's key, e.g. business-opening (see the time-limit rules in the catalogue).
    pub service: String,
    /// The date of the event the time limit runs from (YYYY-MM-DD), e.g. the filing date.
    pub start: String,
    /// The jurisdiction whose rules and calendar apply, e.g. cn-xj-urumqi-tianshan.
    #[arg(long, short)]
    pub jurisdiction: String,
}

pub fn run(args: Args, options: &Options, out: &Out) -> Result<Exit, Failure> {
    let ctx = options.context()?;
    let start = super::date_arg("START", &args.start)?;
    let due = core(&ctx, &args.service, start, &args.jurisdiction)?;
    out.print(&due, || human(&due))?;
    Ok(Exit::Ok)
}

/// The core glue.
pub fn core(
    ctx: &Context,
    service: &str,
    start: chrono::NaiveDate,
    jurisdiction: &str,
) -> Result<Deadline, Failure> {
    ctx.deadline(service, start, jurisdiction, &DeadlineOptions::default())
        .map_err(|e| Failure::core("deadline", e))
}

fn human(due: &Deadline) -> String {
    let mut text = format!(
        "Due {} ({}): {} {} from {}\n",
        due.date,
        due.date.format("%A"),
        due.duration,
        serde_json::to_value(due.unit)
            .ok()
            .and_then(|v| v.as_str().map(|s| s.replace('_', " ")))
            .unwrap_or_default(),
        due.start
    );
    if let Some(source) = &due.source {
        let quote = source.quote.as_ref().map(|q| format!(" 「{q}」")).unwrap_or_default();
        text.push_str(&format!("Clause: {}{quote}\n", source.clause.as_deref().unwrap_or(&source.document)));
    }
    if !due.skipped.is_empty() {
        text.push_str("Skipped:\n");
        for d in &due.skipped {
            let name = d.name.as_ref().map(|n| format!(" {} {}", n.zh, n.en)).unwrap_or_default();
            let kind = serde_json::to_value(d.kind)
                .ok()
                .and_then(|k| k.as_str().map(|k| k.replace('_', " ")))
                .unwrap_or_default();
            text.push_str(&format!("  {} {kind}{name}\n", d.date));
        }
    }
    text.push_str(&due.explanation.en);
    text
}
