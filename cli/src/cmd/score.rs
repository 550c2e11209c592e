//! `zhengce score --observations obs.csv [--by unit]`: where the targets stand.

use std::path::PathBuf;

use chrono::NaiveDate;
use serde_json::{Map, Value, json};
use zhengce::targets::{Dimension, Monitor, Scorecard, ScorecardOptions, StatusCounts};

use zhengce::Context;

use crate::context::Options;
use crate::failure::{Exit, Failure};
use crate::output::Out;
use crate::table::{self, Table};

/// Assess targets from observed values and roll them up into a scorecard.
///
/// The observations table (CSV or Parquet) has columns target, date, value, unit, source and
/// optionally id, qualifier, metric, scope. The as-of date is --as-of, else the latest
/// observation's date (said in the output).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The observed values.
    #[arg(long)]
    pub observations: PathBuf,
    /// Roll up by these dimensions (repeatable): document, group, programme, unit,
    /// community_type, community, jurisdiction.
    #[arg(long, value_parser = parse_dimension)]
    pub by: Vec<Dimension>,
    /// Assess as of this date (YYYY-MM-DD); default the latest observation's date.
    #[arg(long)]
    pub as_of: Option<String>,
    /// Only targets set in this document.
    #[arg(long)]
    pub document: Option<String>,
    /// Write the per-target assessments as CSV here.
    #[arg(long)]
    pub csv: Option<PathBuf>,
}

fn parse_dimension(s: &str) -> Result<Dimension, String> {
    serde_json::from_value(json!(s)).map_err(|_| {
        format!("expected one of document, group, programme, unit, community_type, community, jurisdiction; got '{s}'")
    })
}

pub fn run(args: Args, options: &Options, out: &Out) -> Result<Exit, Failure> {
    let ctx = options.context()?;
    let table = table::read(&args.observations)?;
    let rows = observation_rows(&table);
    let as_of = match &args.as_of {
        Some(d) => super::date_arg("--as-of", d)?,
        None => latest(&table).ok_or_else(|| {
            Failure::input(
                "missing_input",
                format!("{}: no observation dates; give --as-of", table.path.display()),
            )
        })?,
    };
    let options =
        ScorecardOptions { by: args.by.clone(), document: args.document.clone(), ..Default::default() };
    let card = core(&ctx, &table, &rows, as_of, &options)?;
    if let Some(path) = &args.csv {
        std::fs::write(path, card.assessments_to_csv())
            .map_err(|e| Failure::output(format!("{}: {e}", path.display())))?;
    }
    out.print(&card, || human(&card, args.as_of.is_none()))?;
    Ok(Exit::Ok)
}

/// The core glue: a monitor over the catalogue with the observations, and its scorecard.
pub fn core(
    ctx: &Context,
    table: &Table,
    rows: &Value,
    as_of: NaiveDate,
    options: &ScorecardOptions,
) -> Result<Scorecard, Failure> {
    let mut monitor = Monitor::new(ctx);
    monitor.add_observations_json_value(rows).map_err(|e| {
        let path = e.path().unwrap_or("").to_owned();
        // `observations[3].value` -> row 3, column value
        let at = path.split_once('[').and_then(|(_, r)| r.split_once(']')).and_then(|(row, rest)| {
            Some((row.parse::<usize>().ok()?, rest.trim_start_matches('.').to_owned()))
        });
        match at {
            Some((row, column)) => Failure::core(&table.at(row, &column), e),
            None => Failure::core(&table.path.display().to_string(), e),
        }
    })?;
    monitor.scorecard(as_of, options).map_err(|e| Failure::core("scorecard", e))
}

fn observation_rows(table: &Table) -> Value {
    Value::Array(
        (0..table.rows())
            .map(|row| {
                let mut obj = Map::new();
                for (name, cells) in table.names.iter().zip(&table.cells) {
                    if let Some(cell) = &cells[row] {
                        obj.insert(name.clone(), json!(cell));
                    }
                }
                Value::Object(obj)
            })
            .collect(),
    )
}

fn latest(table: &Table) -> Option<NaiveDate> {
    table.column("date")?.iter().flatten().filter_map(|d| zhengce::value::parse_date(d)).max()
}

fn counts(c: &StatusCounts) -> String {
    format!(
        "{:>4} {:>8} {:>7} {:>9} {:>6} {:>7} {:>5}",
        c.met, c.on_track, c.at_risk, c.off_track, c.missed, c.no_data, c.total
    )
}

fn human(card: &Scorecard, defaulted: bool) -> String {
    let note = if defaulted { " (the latest observation's date; --as-of to change)" } else { "" };
    let mut t = format!("Scorecard as of {}{note}\n\n", card.as_of);
    t.push_str(&format!(
        "{:<44} {:>4} {:>8} {:>7} {:>9} {:>6} {:>7} {:>5}\n",
        "", "met", "on_track", "at_risk", "off_track", "missed", "no_data", "total"
    ));
    t.push_str(&format!("{:<44} {}\n", "all targets", counts(&card.counts)));
    for g in &card.groups {
        let label = match (&g.key, &g.name) {
            (Some(k), Some(n)) => format!("{k} {}", n.zh.chars().take(8).collect::<String>()),
            (Some(k), None) => k.clone(),
            (None, _) => "(none)".into(),
        };
        t.push_str(&format!("{:<44} {}\n", format!("{}: {label}", g.dimension.as_str()), counts(&g.counts)));
    }
    t.push('\n');
    let mut without_data = 0;
    for a in &card.assessments {
        let v = serde_json::to_value(a).unwrap_or_default();
        if v["status"] == "no_data" {
            without_data += 1;
            continue;
        }
        let value = v["value"].as_str().map(|x| format!(" value {x}")).unwrap_or_default();
        let progress = v["progress"].as_str().map(|x| format!(", progress {x}")).unwrap_or_default();
        let elapsed = v["elapsed"].as_str().map(|x| format!(", time elapsed {x}")).unwrap_or_default();
        t.push_str(&format!(
            "{:<36} {:<10}{value}{progress}{elapsed}\n",
            v["target"].as_str().unwrap_or("?"),
            v["status"].as_str().unwrap_or("?"),
        ));
    }
    if without_data > 0 {
        t.push_str(&format!("({without_data} more target(s) without data; --json lists them)\n"));
    }
    t
}
