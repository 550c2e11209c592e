//! `zhengce plan draw` and `zhengce plan verify`: double-random inspection plans (双随机、一公开).

use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};
use zhengce::sampling::{Directory, InspectionPlan, PlanSpec, Register, Verification};

use zhengce::Context;

use crate::context::Options;
use crate::failure::{Exit, Failure, read_json, read_text};
use crate::output::Out;
use crate::table::{self, Table};

/// Draw an inspection plan, or verify a published one.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: PlanCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum PlanCommand {
    Draw(DrawArgs),
    Verify(VerifyArgs),
}

/// Draw the entities and inspectors of a plan from a register and a directory.
///
/// The register (CSV or Parquet) has columns id, credit_class (a, b, c, d or empty for
/// unclassified), and optionally industry, district and flags (`;`-separated: complaint,
/// big_data_alert, referred_case, legal_mandate). The directory has id, department and
/// optionally conflicts (`;`-separated `entity:ID`, `industry:X`, `district:X`). Ratios and
/// inspectors per check come from the catalogue at --date in --jurisdiction. The same inputs
/// and seed always give the same plan, in any language.
#[derive(Debug, clap::Args)]
pub struct DrawArgs {
    /// The register of market entities.
    #[arg(long)]
    pub register: PathBuf,
    /// The inspector directory.
    #[arg(long)]
    pub directory: PathBuf,
    /// The published seed (e.g. the numbers drawn at a public lottery).
    #[arg(long)]
    pub seed: Option<String>,
    /// The jurisdiction whose parameters and calendar apply.
    #[arg(long, short)]
    pub jurisdiction: Option<String>,
    /// The plan's date (YYYY-MM-DD).
    #[arg(long)]
    pub date: Option<String>,
    /// A department's check items: `DEPARTMENT:ITEM,ITEM` (repeatable).
    #[arg(long = "check", value_name = "DEPT:ITEMS")]
    pub checks: Vec<String>,
    /// A plan spec (JSON: jurisdiction, date, seed, checks, stratify_by, base_ratio, ...);
    /// the flags above override its fields.
    #[arg(long)]
    pub spec: Option<PathBuf>,
    /// Write the plan (JSON) here; otherwise it is printed.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

/// Re-derive a published plan from the same register and directory and list every difference.
///
/// Exit status 0 if the plan is the one the algorithm gives, 1 if it differs.
#[derive(Debug, clap::Args)]
pub struct VerifyArgs {
    /// The published plan (JSON).
    pub plan: PathBuf,
    /// The register it was drawn from.
    #[arg(long)]
    pub register: PathBuf,
    /// The inspector directory it was drawn from.
    #[arg(long)]
    pub directory: PathBuf,
}

pub fn run(args: Args, options: &Options, out: &Out) -> Result<Exit, Failure> {
    let ctx = options.context()?;
    match args.command {
        PlanCommand::Draw(a) => {
            let register = read_register(&a.register)?;
            let directory = read_directory(&a.directory)?;
            let spec = spec(&a)?;
            let plan = draw(&ctx, &register, &directory, &spec)?;
            match &a.output {
                Some(path) => {
                    std::fs::write(path, plan.to_json() + "\n")
                        .map_err(|e| Failure::output(format!("{}: {e}", path.display())))?;
                    out.print(&summary(&plan), || {
                        human(&plan) + &format!("\nplan written to {}", path.display())
                    })?;
                }
                None if out.json => out.print(&plan, String::new)?,
                None => out.print(&plan, || human(&plan))?,
            }
            Ok(Exit::Ok)
        }
        PlanCommand::Verify(a) => {
            let plan = InspectionPlan::from_json(&read_text(&a.plan)?)
                .map_err(|e| Failure::core(&a.plan.display().to_string(), e))?;
            let register = read_register(&a.register)?;
            let directory = read_directory(&a.directory)?;
            let report = verify(&ctx, &plan, &register, &directory)?;
            out.print(&report, || {
                if report.matches {
                    format!(
                        "{}: verified: the plan is the one the seed, register and directory give",
                        a.plan.display()
                    )
                } else {
                    let mut t = format!(
                        "{}: does NOT verify: {} difference(s)\n",
                        a.plan.display(),
                        report.differences.len()
                    );
                    for d in &report.differences {
                        t.push_str(&format!(
                            "  {}: published {}, derived {}\n",
                            d.path, d.published, d.derived
                        ));
                    }
                    t
                }
            })?;
            Ok(if report.matches { Exit::Ok } else { Exit::CheckFailed })
        }
    }
}

/// The core glue: draw.
pub fn draw(
    ctx: &Context,
    register: &Register,
    directory: &Directory,
    spec: &PlanSpec,
) -> Result<InspectionPlan, Failure> {
    InspectionPlan::draw(ctx, register, directory, spec).map_err(|e| Failure::core("plan", e))
}

/// The core glue: verify.
pub fn verify(
    ctx: &Context,
    plan: &InspectionPlan,
    register: &Register,
    directory: &Directory,
) -> Result<Verification, Failure> {
    plan.verify(ctx, register, directory).map_err(|e| Failure::core("verify", e))
}

fn spec(a: &DrawArgs) -> Result<PlanSpec, Failure> {
    let mut spec = match &a.spec {
        Some(path) => read_json(path)?,
        None => json!({}),
    };
    let Some(obj) = spec.as_object_mut() else {
        return Err(Failure::input("invalid_input", "--spec: expected a JSON object"));
    };
    if let Some(s) = &a.seed {
        obj.insert("seed".into(), json!(s));
    }
    if let Some(j) = &a.jurisdiction {
        obj.insert("jurisdiction".into(), json!(j));
    }
    if let Some(d) = &a.date {
        obj.insert("date".into(), json!(d));
    }
    if !a.checks.is_empty() {
        let checks = a
            .checks
            .iter()
            .map(|c| {
                let (dept, items) = c.split_once(':').ok_or_else(|| {
                    Failure::input(
                        "invalid_input",
                        format!("--check: expected DEPARTMENT:ITEM,ITEM, got '{c}'"),
                    )
                })?;
                Ok(json!({"department": dept, "items": items.split(',').map(str::trim).collect::<Vec<_>>()}))
            })
            .collect::<Result<Vec<_>, Failure>>()?;
        obj.insert("checks".into(), Value::Array(checks));
    }
    zhengce::error::from_json_value(&spec, "spec")
        .map_err(|e| Failure::core("plan spec (--spec, --seed, --jurisdiction, --date, --check)", e))
}

/// Rows of a table as JSON objects; `lists` columns split on `;` into arrays.
fn rows(table: &Table, lists: &[&str], list_item: impl Fn(&str, &str) -> Value) -> Vec<Value> {
    (0..table.rows())
        .map(|row| {
            let mut obj = Map::new();
            for (name, cells) in table.names.iter().zip(&table.cells) {
                let Some(cell) = &cells[row] else { continue };
                let value = if lists.contains(&name.as_str()) {
                    Value::Array(
                        cell.split(';')
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .map(|s| list_item(name, s))
                            .collect(),
                    )
                } else {
                    json!(cell)
                };
                obj.insert(name.clone(), value);
            }
            Value::Object(obj)
        })
        .collect()
}

/// A library error at `register[3].id` placed at its row and column of the file.
fn placed(table: &Table, what: &str, err: zhengce::Error) -> Failure {
    let path = err.path().unwrap_or("").to_owned();
    let at =
        path.strip_prefix(what).and_then(|p| p.strip_prefix('[')).and_then(|p| p.split_once(']')).and_then(
            |(row, rest)| {
                Some((
                    row.parse::<usize>().ok()?,
                    rest.trim_start_matches('.').split(['.', '[']).next()?.to_owned(),
                ))
            },
        );
    match at {
        Some((row, column)) => Failure::core(&table.at(row, &column), err),
        None => Failure::core(&table.path.display().to_string(), err),
    }
}

pub fn read_register(path: &Path) -> Result<Register, Failure> {
    let table = table::read(path)?;
    let value = Value::Array(rows(&table, &["flags"], |_, s| json!(s)));
    Register::from_json_value(&value).map_err(|e| placed(&table, "register", e))
}

pub fn read_directory(path: &Path) -> Result<Directory, Failure> {
    let table = table::read(path)?;
    let value = Value::Array(rows(&table, &["conflicts"], |_, s| match s.split_once(':') {
        Some((k, v)) => json!({ k: v }),
        None => json!(s),
    }));
    Directory::from_json_value(&value).map_err(|e| placed(&table, "directory", e))
}

fn summary(plan: &InspectionPlan) -> Value {
    json!({"visits": plan.visits.len(), "strata": plan.strata, "publication": plan.publication,
        "register_hash": plan.register_hash, "algorithm": plan.algorithm})
}

fn human(plan: &InspectionPlan) -> String {
    let mut t = format!(
        "Plan for {} on {} (seed '{}', {}): {} visit(s)\n\nstratum             population  flagged  sample\n",
        plan.spec.jurisdiction,
        plan.spec.date,
        plan.spec.seed,
        plan.algorithm,
        plan.visits.len()
    );
    for s in &plan.strata {
        t.push_str(&format!("{:<20}{:>10}{:>9}{:>8}\n", s.key, s.population, s.flagged, s.sample));
    }
    t.push_str("\nvisit  entity              class  reason      inspectors\n");
    for v in &plan.visits {
        let inspectors: Vec<&str> = v.inspectors.iter().map(|i| i.id.as_str()).collect();
        t.push_str(&format!(
            "{:>5}  {:<20}{:<7}{:<12}{}\n",
            v.number,
            v.entity,
            v.credit_class.as_str(),
            serde_json::to_value(v.reason)
                .ok()
                .and_then(|r| r.as_str().map(str::to_owned))
                .unwrap_or_default(),
            inspectors.join(", ")
        ));
    }
    match (&plan.publication.publish_by, &plan.publication.publish_by_unknown) {
        (Some(due), _) => t.push_str(&format!(
            "\nresults to be published within {} working days: by {due} for the plan date\n",
            plan.publication.working_days
        )),
        (None, Some(why)) => t.push_str(&format!("\npublication date unknown: {why}\n")),
        (None, None) => {}
    }
    t
}
