//! The case format: case files as users write them, and the conformance vector files.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{Error, Result};

/// One test case: a call, its input, and the output (or error) expected.
///
/// Two spellings are accepted, so that one format serves users' case files and the
/// repository's conformance vectors:
///
/// - a **rule case** names a `rule`, a `date` (or `period`), optionally a `jurisdiction` and a
///   `scenario`, and gives the rule's inputs as `input`; `output` is matched against the
///   rule's value (the `value` of an evaluation: `amount`, `eligible`, `deadline`, ...);
/// - a **function case** names a `function` (`calendar.deadline`, `sampling.verify`, ... the
///   names the conformance vectors use; see [`functions`](super::functions)) and gives the
///   call's arguments as `input`; `output` (or `expect`) is matched against the result.
///
/// `error` expects an error instead: a subset of `{"code", "path", "details"}`.
///
/// # Example
///
/// ```
/// let case: zhengce::testing::Case = serde_json::from_value(serde_json::json!({
///     "name": "1,000,000 yuan lot: 1 %", "rule": "tianshan-2022-87/r68-bid-bond",
///     "date": "2022-06-01", "input": {"budget": "1000000"}, "output": {"amount": "10000.00"}}))?;
/// assert_eq!(case.rule.as_deref(), Some("tianshan-2022-87/r68-bid-bond"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// What the case checks, one line.
    pub name: String,
    /// The clause or law the expected value is worked out from (e.g. `tianshan-2022-87/68`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A free-text note on how the expected value was worked out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The rule to evaluate (a rule case).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// The function to call (a function case); the file's `function` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function: Option<String>,
    /// The case's date (rule cases), `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The case's period, as OpenFisca writes it (rule cases): `YYYY` (evaluated on 1 January),
    /// `YYYY-MM` (on the first of the month) or `YYYY-MM-DD`. Give `date` or `period`, not both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// The jurisdiction the case is in: a rule case's (the rule's own when absent); for a
    /// function case, the `jurisdiction` argument when `input` gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<String>,
    /// The rule's inputs (rule cases) or the function's arguments (function cases).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<Value>,
    /// The expected output, matched as a subset (see [`run_cases`](super::run_cases)). The
    /// string `"ids"` instead compares a list of entries by their ids (the vectors' spelling
    /// of `compare: ids`).
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub output: Option<Value>,
    /// The expected output (the conformance vectors' name for `output`).
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub expect: Option<Value>,
    /// The error expected instead of an output: a subset of `{"code", "path", "details"}`.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub error: Option<Value>,
    /// A scenario (rule cases): parameter overrides and added rules, as
    /// [`ScenarioSpec`](crate::rules::ScenarioSpec).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario: Option<Value>,
    /// Largest absolute difference accepted between an expected and an actual decimal (a
    /// decimal string, e.g. `"0.01"`). Without it decimals must be equal as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub tolerance: Option<Decimal>,
    /// `ids`: compare a list of entries by their ids.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compare: Option<Compare>,
    /// The catalogue the case runs on: absent = the runner's; `{"overlay": ...}` = the
    /// runner's with an overlay; `{"value": ...}` = that catalogue alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalogue: Option<Value>,
    /// Changes to the runner's context for this case: calendar overlays and a scenario.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<CaseContext>,
}

/// How a case changes the context it runs in (after its `catalogue`).
///
/// # Example
///
/// ```
/// let c: zhengce::testing::CaseContext = serde_json::from_value(serde_json::json!({
///     "scenario": {"name": "ratio-5pc", "parameters": []}}))?;
/// assert!(c.calendars.is_empty());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseContext {
    /// Calendar data layered over the context's calendars, in order (e.g. a year announced
    /// after the built-in data).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub calendars: Vec<Value>,
    /// A scenario ([`ScenarioSpec`](crate::context::ScenarioSpec)) every call of the case reads
    /// its parameters through.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario: Option<Value>,
}

/// A field that is present is `Some`, even when it is `null` (an expected null output).
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Option<Value>, D::Error> {
    Value::deserialize(d).map(Some)
}

/// How a result is compared with the expected output.
///
/// # Example
///
/// ```
/// assert_eq!(serde_json::to_value(zhengce::testing::Compare::Ids).unwrap(), "ids");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Compare {
    /// As a subset (the default).
    Subset,
    /// A list of entries by their `id`s.
    Ids,
}

/// A file of cases: what its cases call by default, and the cases. The conformance vector
/// files (`tests/vectors`) have this shape.
///
/// # Example
///
/// ```
/// let file: zhengce::testing::CaseFile = serde_json::from_value(serde_json::json!({
///     "function": "calendar.add_working_days",
///     "cases": [{"name": "Friday + 1", "input": {"jurisdiction": "cn", "date": "2024-05-10", "n": 1},
///                "output": "2024-05-11"}]}))?;
/// assert_eq!(file.cases.len(), 1);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseFile {
    /// The function every case calls unless it names its own `function` or `rule`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function: Option<String>,
    /// What the file tests, one line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `"ids"`: every case compares entries by id (the vectors' spelling of `compare`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<Compare>,
    /// The rule every case evaluates unless it names its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// The jurisdiction of every rule case that names none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<String>,
    /// The cases.
    pub cases: Vec<Case>,
}

/// The shapes a case document may take: a [`CaseFile`], a list of cases, or one case. Read
/// with [`CaseFile::from_json_value`], which normalises all three to a [`CaseFile`]; this type
/// exists for the JSON Schema `core/schema/cases.schema.json`.
///
/// # Example
///
/// ```
/// let schema = schemars::schema_for!(zhengce::testing::CaseDocument);
/// assert!(schema.as_value()["anyOf"].is_array());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum CaseDocument {
    /// A file of cases.
    File(CaseFile),
    /// A list of cases.
    List(Vec<Case>),
    /// One case.
    One(Box<Case>),
}

impl CaseFile {
    /// Reads a case document (a file of cases, a list of cases, or one case) from JSON (or
    /// YAML parsed into JSON, see [`parse_yaml`](super::parse_yaml)).
    ///
    /// # Errors
    ///
    /// - `invalid_input` with the path of the offending field (`cases[2].tolerance`) for a
    ///   document of another shape, an unknown field or a value of the wrong type.
    ///
    /// # Example
    ///
    /// ```
    /// let err = zhengce::testing::CaseFile::from_json_value(&serde_json::json!({"cases": [{"nme": "x"}]})).unwrap_err();
    /// assert_eq!(err.code(), "invalid_input");
    /// assert!(err.path().unwrap().starts_with("cases[0]"));
    /// ```
    pub fn from_json_value(value: &Value) -> Result<CaseFile> {
        match value {
            Value::Array(items) => {
                let cases = items
                    .iter()
                    .enumerate()
                    .map(|(i, case)| crate::error::from_json_value(case, &format!("cases[{i}]")))
                    .collect::<Result<Vec<Case>>>()?;
                Ok(CaseFile {
                    function: None,
                    description: None,
                    output: None,
                    rule: None,
                    jurisdiction: None,
                    cases,
                })
            }
            Value::Object(map) if map.contains_key("cases") => {
                let mut head = map.clone();
                let cases = head.remove("cases").unwrap_or(Value::Null);
                let Value::Array(items) = cases else {
                    return Err(Error::invalid_input("cases", &cases, "a list of cases"));
                };
                head.insert("cases".into(), Value::Array(vec![]));
                let mut file: CaseFile = crate::error::from_json_value(&Value::Object(head), "file")?;
                file.cases = CaseFile::from_json_value(&Value::Array(items))?.cases;
                Ok(file)
            }
            Value::Object(_) => {
                let case: Case = crate::error::from_json_value(value, "case")?;
                Ok(CaseFile {
                    function: None,
                    description: None,
                    output: None,
                    rule: None,
                    jurisdiction: None,
                    cases: vec![case],
                })
            }
            other => Err(Error::invalid_input(
                "document",
                other,
                "a case, a list of cases, or an object with 'cases'",
            )),
        }
    }
}
