//! `zhengce eval RULE --input lots.csv --output out.csv`: a rule over every row of a table.

use std::path::PathBuf;

use chrono::NaiveDate;
use serde_json::{Value, json};
use zhengce::rules::{
    Batch, BatchResult, Chunking, Column, ColumnData, Dates, InputType, Options as EvalOptions, OutColumn,
};

use zhengce::Context;

use crate::context::Options;
use crate::failure::{Exit, Failure, read_json};
use crate::output::Out;
use crate::progress::Progress;
use crate::table::{self, OutData, Table};

/// Evaluate a rule over every row of a CSV or Parquet table.
///
/// Columns named after the rule's inputs are its inputs (an empty cell is "not given"); a
/// `date` column gives each row's date (else --date); other columns are copied to the output,
/// followed by the rule's outputs. Booleans are `true`/`false`; money and rates are decimals as
/// text (or Parquet decimal128), never floats.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The rule's id, e.g. tianshan-2022-87/r68-bid-bond.
    pub rule: String,
    /// The input table (.csv or .parquet).
    #[arg(long, short)]
    pub input: PathBuf,
    /// The output table (.csv or .parquet): the input's columns, then the rule's outputs.
    #[arg(long, short)]
    pub output: PathBuf,
    /// The date of every row, when the table has no `date` column (YYYY-MM-DD).
    #[arg(long)]
    pub date: Option<String>,
    /// The jurisdiction of every row; the rule's own when absent.
    #[arg(long)]
    pub jurisdiction: Option<String>,
    /// Add an `explanation` column: each row's explanation (clause, parameters, conditions,
    /// steps, receipt) as JSON.
    #[arg(long)]
    pub explain: bool,
    /// Evaluate under a scenario (a JSON file: name, parameter overrides, overlay).
    #[arg(long)]
    pub scenario: Option<PathBuf>,
}

/// Rows evaluated per call, so the progress bar moves and memory stays flat.
const CHUNK: usize = 65_536;

pub fn run(args: Args, options: &Options, out: &Out) -> Result<Exit, Failure> {
    let ctx = options.context()?;
    let scenario = match &args.scenario {
        Some(path) => Some(read_json(path)?),
        None => None,
    };
    let table = table::read(&args.input)?;
    let date = args.date.as_deref().map(|d| super::date_arg("--date", d)).transpose()?;
    let started = std::time::Instant::now();
    let job = Job {
        rule: &args.rule,
        scenario: scenario.as_ref(),
        date,
        jurisdiction: args.jurisdiction.as_deref(),
        explain: args.explain,
        progress: true,
    };
    let outputs = core(&ctx, &job, &table)?;
    let mut columns: Vec<(String, OutData)> = table
        .names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let data = match &table.arrow {
                Some(arrays) => OutData::Arrow(arrays[i].clone()),
                None => OutData::Text(table.cells[i].clone()),
            };
            (n.clone(), data)
        })
        .collect();
    let names: Vec<String> = outputs.iter().map(|(n, _)| n.clone()).collect();
    for (name, data) in outputs {
        if table.names.contains(&name) {
            return Err(Failure::input(
                "column_clash",
                format!(
                    "{}: the input has a column '{name}', which the rule outputs; rename it",
                    table.path.display()
                ),
            ));
        }
        columns.push((name, data));
    }
    table::write(&args.output, &columns)?;
    let summary = json!({"rule": args.rule, "rows": table.rows(), "outputs": names,
        "output": args.output.display().to_string(), "seconds": started.elapsed().as_secs_f64()});
    out.print(&summary, || {
        format!(
            "{} rows evaluated by {} -> {} (columns: {})",
            table.rows(),
            args.rule,
            args.output.display(),
            names.join(", ")
        )
    })?;
    Ok(Exit::Ok)
}

/// An input column owned for the batch: text cells with a validity bitmap, or booleans.
enum Owned {
    Text(Vec<String>, Vec<u8>),
    Bool(Vec<bool>, Vec<u8>),
}

/// What to evaluate over a table.
#[derive(Debug, Clone, Copy)]
pub struct Job<'a> {
    pub rule: &'a str,
    pub scenario: Option<&'a Value>,
    /// The date of every row, when the table has no `date` column.
    pub date: Option<NaiveDate>,
    pub jurisdiction: Option<&'a str>,
    pub explain: bool,
    /// Show a progress bar (on the command line, not in the server).
    pub progress: bool,
}

/// The core glue: the scenario, the rule, the batch in chunks, the output columns.
pub fn core(ctx: &Context, job: &Job<'_>, table: &Table) -> Result<Vec<(String, OutData)>, Failure> {
    let Job { rule, scenario, date, jurisdiction, explain, progress: show_progress } = *job;
    let scenario = match scenario {
        None => ctx.clone(),
        Some(spec) => {
            let spec = zhengce::error::from_json_value(spec, "scenario")
                .map_err(|e| Failure::core("--scenario", e))?;
            ctx.with_scenario(spec).map_err(|e| Failure::core("--scenario", e))?
        }
    };
    let evaluator = scenario.evaluator(rule).map_err(|e| Failure::core("rule", e))?;
    let rows = table.rows();
    let dates: Vec<NaiveDate> = match (table.column("date"), date) {
        (Some(cells), _) => cells
            .iter()
            .enumerate()
            .map(|(row, c)| {
                c.as_deref().and_then(zhengce::value::parse_date).ok_or_else(|| {
                    Failure::input(
                        "invalid_input",
                        format!(
                            "{}: expected an ISO date YYYY-MM-DD, got '{}'",
                            table.at(row, "date"),
                            c.as_deref().unwrap_or("")
                        ),
                    )
                })
            })
            .collect::<Result<_, _>>()?,
        (None, Some(d)) => vec![d; rows],
        (None, None) => {
            return Err(Failure::input(
                "missing_input",
                format!("{}: no 'date' column; give one, or --date for every row", table.path.display()),
            ));
        }
    };
    let mut owned: Vec<(String, Owned)> = Vec::new();
    for spec in &evaluator.rule().inputs {
        let Some(cells) = table.column(&spec.name) else { continue };
        let mut bits = vec![0u8; rows.div_ceil(8)];
        for (i, c) in cells.iter().enumerate() {
            if c.is_some() {
                bits[i / 8] |= 1 << (i % 8);
            }
        }
        let data = if spec.ty == InputType::Boolean {
            let values = cells
                .iter()
                .enumerate()
                .map(|(row, c)| match c.as_deref() {
                    None | Some("true") => Ok(true),
                    Some("false") => Ok(false),
                    Some(other) => Err(Failure::input(
                        "invalid_input",
                        format!("{}: expected true or false, got '{other}'", table.at(row, &spec.name)),
                    )),
                })
                .collect::<Result<_, _>>()?;
            Owned::Bool(values, bits)
        } else {
            Owned::Text(cells.iter().map(|c| c.clone().unwrap_or_default()).collect(), bits)
        };
        owned.push((spec.name.clone(), data));
    }
    let jurisdiction = match (jurisdiction, table.column("jurisdiction")) {
        (Some(j), _) => Some(j.to_owned()),
        (None, None) => None,
        (None, Some(cells)) => {
            let first = cells.first().cloned().flatten();
            if let Some(row) = cells.iter().position(|c| *c != first) {
                return Err(Failure::input(
                    "invalid_input",
                    format!(
                        "{}: one jurisdiction per run; split the table, or give --jurisdiction",
                        table.at(row, "jurisdiction")
                    ),
                ));
            }
            first
        }
    };
    let options = EvalOptions { explain, ..EvalOptions::default() };
    let mut progress = Progress::new(rows as u64, "evaluating", show_progress);
    let mut chunks: Vec<Vec<(String, OutColumn)>> = Vec::new();
    let mut explanations: Vec<Option<String>> = Vec::new();
    // A validity bitmap is addressed from bit 0 of the whole table; the core driver cuts the
    // chunks (and names rows of the whole table in its errors).
    let columns = owned
        .iter()
        .map(|(name, data)| {
            let (data, bits) = match data {
                Owned::Text(v, bits) => (ColumnData::Strings(v), bits),
                Owned::Bool(v, bits) => (ColumnData::Bool(v), bits),
            };
            Column { name: name.as_str(), data, validity: Some((bits.as_slice(), 0)) }
        })
        .collect();
    let batch = Batch { dates: Dates::Each(&dates), jurisdiction: jurisdiction.as_deref(), columns };
    let chunking = Chunking { rows: CHUNK, ..Chunking::default() };
    evaluator
        .evaluate_batch_chunked(&batch, &options, &chunking, |_, result: BatchResult| {
            if let Some(ex) = &result.explanations {
                explanations.extend(
                    ex.iter().map(|e| e.explanation.as_ref().and_then(|x| serde_json::to_string(x).ok())),
                );
            }
            progress.inc(result.rows as u64);
            chunks.push(result.columns);
            Ok::<(), zhengce::Error>(())
        })
        .map_err(|e| row_error(table, 0, e))?;
    progress.finish();
    let mut columns = concat(chunks);
    if explain {
        columns.push(("explanation".into(), OutData::Text(explanations)));
    }
    Ok(columns)
}

/// A library error on a row of a chunk, placed in the table.
fn row_error(table: &Table, offset: usize, err: zhengce::Error) -> Failure {
    let row = err.details().get("row").and_then(Value::as_u64);
    let field = err.path().unwrap_or("?").to_owned();
    let what = match row {
        Some(r) => table.at(offset + r as usize, &field),
        None => table.path.display().to_string(),
    };
    Failure::core(&what, err)
}

/// Joins the chunks' columns: typed where every chunk agrees, else as text.
fn concat(chunks: Vec<Vec<(String, OutColumn)>>) -> Vec<(String, OutData)> {
    let mut chunks = chunks.into_iter();
    let Some(first) = chunks.next() else { return vec![] };
    let mut out: Vec<(String, OutColumn)> = first;
    for chunk in chunks {
        for ((_, acc), (_, next)) in out.iter_mut().zip(chunk) {
            match (acc, next) {
                (OutColumn::Int { values, scale }, OutColumn::Int { values: more, scale: s })
                    if *scale == s =>
                {
                    values.extend(more)
                }
                (OutColumn::Bool { values }, OutColumn::Bool { values: more }) => values.extend(more),
                (OutColumn::Date { values }, OutColumn::Date { values: more }) => values.extend(more),
                (OutColumn::Decimal { values }, OutColumn::Decimal { values: more }) => values.extend(more),
                (acc, next) => {
                    // Codes with per-chunk labels (or mixed scales): keep the decimal text exactly.
                    let texts: Vec<Option<String>> =
                        acc.to_strings().into_iter().chain(next.to_strings()).collect();
                    let labels: Vec<String> = {
                        let mut l: Vec<String> = texts.iter().flatten().cloned().collect();
                        l.sort();
                        l.dedup();
                        l
                    };
                    let codes = texts
                        .iter()
                        .map(|t| t.as_ref().map_or(-1, |t| labels.binary_search(t).map_or(-1, |i| i as i32)))
                        .collect();
                    *acc = OutColumn::Codes { codes, labels };
                }
            }
        }
    }
    out.into_iter().map(|(n, c)| (n, OutData::Core(c))).collect()
}
