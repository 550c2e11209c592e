//! Test cases that users write, and the runner that checks them: the same cases, the same
//! results, from the command line (`zhengce test`), Python (`zhengce.testing`, with a pytest
//! plugin) and JavaScript (`runCases`).
//!
//! A case names a rule (or a library function), its date, jurisdiction and input, and the
//! output or error expected, in the spirit of OpenFisca's YAML tests:
//!
//! ```yaml
//! - name: 5,000,000 yuan lot, 50,000 capped to 20,000
//!   source: tianshan-2022-87/68
//!   rule: tianshan-2022-87/r68-bid-bond
//!   date: 2022-06-01
//!   input: {budget: 5000000}
//!   output: {amount: 20000.00, capped: true}
//! ```
//!
//! The repository's conformance vectors (`tests/vectors`) are case files too (a file whose
//! `function` every case calls), so `zhengce test tests/vectors` runs them with the same
//! runner. The format is described by [`Case`], [`CaseFile`] and the JSON Schema
//! `core/schema/cases.schema.json`.
//!
//! The runner is pure: it takes a [`Context`] (catalogue, calendars, scenario) and parsed
//! documents (JSON, or YAML read by [`parse_yaml`] with the `yaml` feature) and returns a
//! [`Report`]; reading files is the caller's job.
//!
//! # Matching
//!
//! The expected output is matched as a subset: every key of an expected object must be
//! present and match; an expected list must have the same length and match element by
//! element; scalars must be equal, decimals as written (`"20000.00"` is not `"20000"`)
//! unless the case gives a `tolerance`, when two decimals (strings or integers) match if
//! they differ by at most that much. `error` is matched the same way against
//! `{"code", "path", "details"}` of the error raised.
//!
//! # Example
//!
//! ```
//! let cases = serde_json::json!([{
//!     "name": "1,000,000 yuan lot: 1 %", "source": "tianshan-2022-87/68",
//!     "rule": "tianshan-2022-87/r68-bid-bond", "date": "2022-06-01",
//!     "input": {"budget": "1000000"}, "output": {"amount": "10000.00", "capped": false}}]);
//! let report = zhengce::testing::run_cases(&zhengce::Context::builtin(), &cases)?;
//! assert_eq!((report.passed, report.failed), (1, 0));
//! # Ok::<(), zhengce::Error>(())
//! ```

mod calls;
mod case;
mod matching;
#[cfg(feature = "yaml")]
mod yaml;

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::{Value, json};

pub use case::{Case, CaseContext, CaseDocument, CaseFile, Compare};
#[cfg(feature = "yaml")]
pub use yaml::parse_yaml;

use crate::error::{Error, Result};
use crate::{Catalogue, Context, LayerOptions};

/// Every function a case may name, as the conformance vectors name them.
///
/// # Example
///
/// ```
/// assert!(zhengce::testing::FUNCTIONS.contains(&"calendar.deadline"));
/// ```
pub const FUNCTIONS: &[&str] = &[
    "calendar.add_working_days",
    "calendar.add_working_days_batch",
    "calendar.calendar_deadline",
    "calendar.coverage",
    "calendar.day",
    "calendar.days",
    "calendar.deadline",
    "calendar.is_working_day",
    "calendar.is_working_day_batch",
    "calendar.layered",
    "calendar.next_working_day",
    "calendar.parse_notice",
    "calendar.previous_working_day",
    "calendar.sub_working_days",
    "calendar.sub_working_days_batch",
    "calendar.working_days_between",
    "calendar.working_days_between_batch",
    "catalogue.ancestry",
    "catalogue.documents",
    "catalogue.get",
    "catalogue.layered",
    "catalogue.load",
    "catalogue.measures",
    "catalogue.observations",
    "catalogue.parameter_value",
    "catalogue.search",
    "catalogue.targets",
    "catalogue.units",
    "communities.communities",
    "communities.community",
    "communities.register",
    "communities.register_all",
    "communities.responsible",
    "draft.draft",
    "rules.check_table",
    "rules.compare",
    "rules.dated_call",
    "rules.evaluate",
    "rules.evaluate_batch",
    "rules.parameter_value",
    "rules.scenario",
    "sampling.draw",
    "sampling.stratified_draw",
    "sampling.to_csv",
    "sampling.verify",
    "targets.add_observation",
    "targets.add_observations",
    "targets.assess",
    "targets.assessments_to_csv",
    "targets.check_ratio",
    "targets.observations",
    "targets.scorecard",
    "targets.scorecard_to_csv",
];

/// The outcome of one case.
///
/// # Example
///
/// ```
/// let r = zhengce::testing::CaseResult { name: "a".into(), call: "catalogue.get".into(), source: None,
///     passed: false, problems: vec!["$.id: expected \"cn\", got \"cn-xj\"".into()] };
/// assert!(!r.passed);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CaseResult {
    /// The case's name.
    pub name: String,
    /// What it called: the rule's id, or the function's name.
    pub call: String,
    /// The clause the expected value comes from, if the case cites one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// True if the output (or error) matched.
    pub passed: bool,
    /// Every mismatch, one line each (`$.amount: expected "10000.00", got "9000.00"`).
    pub problems: Vec<String>,
}

/// The outcome of a run: counts and one [`CaseResult`] per case, in order.
///
/// # Example
///
/// ```
/// let report = zhengce::testing::run_cases(&zhengce::Context::builtin(), &serde_json::json!([]))?;
/// assert_eq!(report.cases.len(), 0);
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct Report {
    /// Cases that passed.
    pub passed: usize,
    /// Cases that failed.
    pub failed: usize,
    /// Every case's outcome.
    pub cases: Vec<CaseResult>,
}

impl Report {
    /// Adds another report's cases to this one.
    ///
    /// # Example
    ///
    /// ```
    /// let mut all = zhengce::testing::Report::default();
    /// all.extend(zhengce::testing::Report { passed: 2, failed: 0, cases: vec![] });
    /// assert_eq!(all.passed, 2);
    /// ```
    pub fn extend(&mut self, other: Report) {
        self.passed += other.passed;
        self.failed += other.failed;
        self.cases.extend(other.cases);
    }

    /// True if no case failed.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhengce::testing::Report::default().is_success());
    /// ```
    pub fn is_success(&self) -> bool {
        self.failed == 0
    }
}

/// Reads a case document (see [`CaseFile::from_json_value`]) and runs its cases in `ctx`.
///
/// # Errors
///
/// - `invalid_input` naming the field for a document that is not a case document (a failing
///   case is not an error: it is reported in the [`Report`]).
///
/// # Example
///
/// ```
/// // Tianshan item 58: opening a business within 2 working days; National Day 2022 is a holiday.
/// let cases = serde_json::json!({"rule": "tianshan-2022-87/r58-business-opening", "cases": [
///     {"name": "filed Friday 30 September", "date": "2022-09-30",
///      "output": {"deadline": {"date": "2022-10-09"}}}]});
/// let report = zhengce::testing::run_cases(&zhengce::Context::builtin(), &cases)?;
/// assert!(report.is_success(), "{:?}", report.cases);
/// # Ok::<(), zhengce::Error>(())
/// ```
pub fn run_cases(ctx: &Context, document: &Value) -> Result<Report> {
    Ok(run_file(ctx, &CaseFile::from_json_value(document)?))
}

/// Runs the cases of a parsed [`CaseFile`] in `ctx`.
///
/// # Example
///
/// ```
/// let file = zhengce::testing::CaseFile::from_json_value(&serde_json::json!({"function": "catalogue.get",
///     "cases": [{"name": "unknown id", "input": {"id": "nowhere"}, "error": {"code": "not_found"}}]}))?;
/// assert_eq!(zhengce::testing::run_file(&zhengce::Context::builtin(), &file).passed, 1);
/// # Ok::<(), zhengce::Error>(())
/// ```
pub fn run_file(ctx: &Context, file: &CaseFile) -> Report {
    let mut report = Report::default();
    for case in &file.cases {
        let result = run_case(ctx, file, case);
        if result.passed {
            report.passed += 1;
        } else {
            report.failed += 1;
        }
        report.cases.push(result);
    }
    report
}

/// The JSON Schema of case documents (published as `core/schema/cases.schema.json`).
///
/// # Example
///
/// ```
/// let schema = zhengce::testing::json_schema();
/// assert_eq!(schema["$defs"]["Case"]["additionalProperties"], false);
/// ```
pub fn json_schema() -> Value {
    let mut schema = serde_json::to_value(schemars::schema_for!(CaseDocument)).unwrap_or(Value::Null);
    if let Some(obj) = schema.as_object_mut() {
        obj.insert("title".into(), json!("zhengce test cases"));
        obj.insert(
            "description".into(),
            json!("A file of cases (the conformance vectors' shape), a list of cases, or one case. See docs/testing.md."),
        );
    }
    schema
}

/// Calls a library function by the name cases use, in `ctx`, with the case's input.
///
/// # Errors
///
/// - `not_found` (kind `function`) for a name not in [`FUNCTIONS`];
/// - whatever the function raises.
///
/// # Example
///
/// ```
/// let ctx = zhengce::Context::builtin();
/// // 2024-05-11 (a Saturday) was worked for Labour Day.
/// let next = zhengce::testing::call(&ctx, "calendar.add_working_days",
///     &serde_json::json!({"jurisdiction": "cn", "date": "2024-05-10", "n": 1}))?;
/// assert_eq!(next, "2024-05-11");
/// # Ok::<(), zhengce::Error>(())
/// ```
pub fn call(ctx: &Context, function: &str, input: &Value) -> Result<Value> {
    let call = calls::call_for(function).ok_or_else(|| Error::not_found("function", function))?;
    call(ctx, input)
}

/// What a case calls, with what input, and how its expected output is placed.
struct Plan {
    call: String,
    function: String,
    input: Value,
    /// Wraps the expected output: a rule case's output is the evaluation's `value`.
    wrap_value: bool,
}

fn plan(file: &CaseFile, case: &Case) -> Result<Plan> {
    let rule = case.rule.as_ref().or(if case.function.is_none() { file.rule.as_ref() } else { None });
    if let Some(rule) = rule {
        let date = match (&case.date, &case.period) {
            (Some(_), Some(_)) => {
                return Err(Error::invalid_input("period", "both a date and a period", "one of them"));
            }
            (Some(d), None) => d.clone(),
            (None, Some(p)) => period_start(p)?,
            (None, None) => return Err(Error::missing_input("date")),
        };
        let mut input =
            json!({"rule": rule, "date": date, "values": case.input.clone().unwrap_or(json!({}))});
        if let Some(j) = case.jurisdiction.as_ref().or(file.jurisdiction.as_ref()) {
            input["jurisdiction"] = json!(j);
        }
        if let Some(s) = &case.scenario {
            input["scenario"] = s.clone();
        }
        return Ok(Plan { call: rule.clone(), function: "rules.evaluate".into(), input, wrap_value: true });
    }
    let function = case
        .function
        .clone()
        .or_else(|| file.function.clone())
        .ok_or_else(|| Error::missing_input("rule"))?;
    for (field, given) in [
        ("date", case.date.is_some()),
        ("period", case.period.is_some()),
        ("scenario", case.scenario.is_some()),
    ] {
        if given {
            return Err(Error::invalid_input(
                field,
                "a value on a function case",
                "no such field: a function takes its arguments in 'input'",
            ));
        }
    }
    let mut input = case.input.clone().unwrap_or(json!({}));
    if let (Some(j), Some(obj)) = (&case.jurisdiction, input.as_object_mut()) {
        obj.entry("jurisdiction").or_insert_with(|| json!(j));
    }
    Ok(Plan { call: function.clone(), function, input, wrap_value: false })
}

/// The first day of an OpenFisca-style period: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn period_start(period: &str) -> Result<String> {
    let candidate = match period.len() {
        4 => format!("{period}-01-01"),
        7 => format!("{period}-01"),
        _ => period.to_owned(),
    };
    crate::value::parse_date(&candidate)
        .map(|d| d.to_string())
        .ok_or_else(|| Error::invalid_input("period", period, "YYYY, YYYY-MM or YYYY-MM-DD"))
}

/// The context a case runs in: the runner's, with the case's catalogue, calendar overlays and
/// scenario.
fn case_context(ctx: &Context, case: &Case) -> Result<Option<Context>> {
    let mut own: Option<Context> = None;
    if let Some(spec) = &case.catalogue {
        own = Some(match (spec.get("overlay"), spec.get("value")) {
            (Some(overlay), None) => {
                let options: LayerOptions = match spec.get("options") {
                    Some(o) => crate::error::from_json_value(o, "catalogue.options")?,
                    None => LayerOptions::default(),
                };
                ctx.layered_catalogue_with(overlay, options)?
            }
            (None, Some(value)) => ctx.with_catalogue(Catalogue::from_json_value(value)?)?,
            _ => {
                return Err(Error::invalid_input(
                    "catalogue",
                    spec,
                    "{\"overlay\": ...} or {\"value\": ...}",
                ));
            }
        });
    }
    if let Some(changes) = &case.context {
        for overlay in &changes.calendars {
            own = Some(own.as_ref().unwrap_or(ctx).layered_calendars(overlay)?);
        }
        if let Some(scenario) = &changes.scenario {
            let spec = crate::error::from_json_value(scenario, "context.scenario")?;
            own = Some(own.as_ref().unwrap_or(ctx).with_scenario(spec)?);
        }
    }
    Ok(own)
}

fn run_case(ctx: &Context, file: &CaseFile, case: &Case) -> CaseResult {
    let mut result = CaseResult {
        name: case.name.clone(),
        call: case.rule.clone().or_else(|| case.function.clone()).unwrap_or_default(),
        source: case.source.clone(),
        passed: false,
        problems: Vec::new(),
    };
    let plan = match plan(file, case) {
        Ok(p) => p,
        Err(e) => {
            result.problems.push(format!("bad case: {e} (field '{}')", e.path().unwrap_or("")));
            return result;
        }
    };
    result.call = plan.call.clone();
    let own = match case_context(ctx, case) {
        Ok(c) => c,
        Err(e) => {
            result.problems.push(format!("bad case context: {e}"));
            return result;
        }
    };
    let ctx = own.as_ref().unwrap_or(ctx);
    let output = case.output.as_ref().filter(|o| o.as_str() != Some("ids"));
    let expected = match (output, &case.expect) {
        (Some(_), Some(_)) => {
            result.problems.push("bad case: give 'output' or 'expect', not both".into());
            return result;
        }
        (Some(e), None) | (None, Some(e)) => Some(e.clone()),
        (None, None) => None,
    };
    let by_ids = case.compare == Some(Compare::Ids)
        || matches!(&case.output, Some(Value::String(s)) if s == "ids")
        || file.output == Some(Compare::Ids);
    let tolerance = case.tolerance;
    let problems = &mut result.problems;
    match (call(ctx, &plan.function, &plan.input), &case.error) {
        (Ok(actual), None) => {
            let Some(expected) = expected else {
                problems.push("bad case: no 'output' (or 'error') to compare with".into());
                return result;
            };
            let actual = if by_ids {
                match actual.as_array() {
                    Some(items) => Value::Array(items.iter().map(|e| e["id"].clone()).collect()),
                    None => actual,
                }
            } else if plan.wrap_value {
                actual.get("value").cloned().unwrap_or(actual)
            } else {
                actual
            };
            matching::matches(&expected, &actual, "$", tolerance, problems);
        }
        (Ok(actual), Some(error)) => problems.push(format!("expected error {error}, got {actual}")),
        (Err(err), Some(error)) => {
            let actual = json!({"code": err.code(), "path": err.path(), "details": err.details()});
            matching::matches(error, &actual, "$", None, problems);
        }
        (Err(err), None) => problems.push(format!("unexpected error {}: {err}", err.code())),
    }
    result.passed = result.problems.is_empty();
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_function_has_a_call() {
        for f in FUNCTIONS {
            assert!(calls::call_for(f).is_some(), "{f}");
        }
    }

    #[test]
    fn a_wrong_expectation_fails_and_says_where() {
        // Tianshan item 68: 1 % of 1,000,000 is 10,000.00, not 9,000.00.
        let cases = json!([{"name": "wrong", "rule": "tianshan-2022-87/r68-bid-bond", "date": "2022-06-01",
            "input": {"budget": "1000000"}, "output": {"amount": "9000.00"}}]);
        let report = run_cases(&Context::builtin(), &cases).unwrap();
        assert_eq!(report.failed, 1);
        assert_eq!(report.cases[0].problems, ["$.amount: expected \"9000.00\", got \"10000.00\""]);
    }

    #[test]
    fn tolerance_compares_decimals_by_value() {
        let case = |tolerance: Option<&str>, amount: &str| {
            let mut c = json!({"name": "t", "rule": "tianshan-2022-87/r68-bid-bond", "date": "2022-06-01",
                "input": {"budget": "1000000"}, "output": {"amount": amount}});
            if let Some(t) = tolerance {
                c["tolerance"] = json!(t);
            }
            run_cases(&Context::builtin(), &c).unwrap().passed
        };
        assert_eq!(case(None, "10000"), 0); // written differently: not equal without a tolerance
        assert_eq!(case(Some("0"), "10000"), 1);
        assert_eq!(case(Some("0.01"), "10000.01"), 1);
        assert_eq!(case(Some("0.01"), "10000.02"), 0);
    }

    #[test]
    fn periods_start_on_their_first_day() {
        assert_eq!(period_start("2022").unwrap(), "2022-01-01");
        assert_eq!(period_start("2022-06").unwrap(), "2022-06-01");
        assert_eq!(period_start("2022-13").unwrap_err().code(), "invalid_input");
    }

    #[test]
    fn a_bad_case_is_a_failed_case_naming_the_field() {
        let report = run_cases(&Context::builtin(), &json!([{"name": "no date", "rule": "x"}])).unwrap();
        assert_eq!(report.failed, 1);
        assert!(report.cases[0].problems[0].contains("'date'"), "{:?}", report.cases[0].problems);
        let err = run_cases(&Context::builtin(), &json!([{"name": "x", "tolerence": "1"}])).unwrap_err();
        assert_eq!(err.path(), Some("cases[0].tolerence"));
    }
}
