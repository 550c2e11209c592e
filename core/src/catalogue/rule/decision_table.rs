//! The data of a decision table: rows of conditions to outputs under a hit policy.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::catalogue::Text;

/// A decision table: rows of input conditions mapped to outputs under a hit policy (DMN).
///
/// A row's `when` maps an input column to a cell: a value (equal to it), a list (one of
/// them) or an object of comparisons (`{"ge": "500", "le": "1000"}`, all must hold); a column
/// the row leaves out matches any value. An input that is not given matches no cell. A row's
/// `then` maps each output to a value: a literal, `{"parameter": key}` (the parameter's value
/// for the case) or `{"product": [a, b]}` (literals or parameters multiplied).
///
/// # Example
///
/// ```
/// let t: zhengce::rules::DecisionTable = serde_json::from_str(r#"{"hit_policy": "first",
///   "inputs": ["severity"], "outputs": [{"name": "level", "label": {"zh": "化解层级", "en": "Level"},
///   "type": "choice", "values": ["village", "town"]}],
///   "rows": [{"id": "minor", "when": {"severity": "minor"}, "then": {"level": "village"}},
///            {"id": "major", "when": {"severity": "major"}, "then": {"level": "town"}}]}"#).unwrap();
/// assert_eq!(t.rows.len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionTable {
    /// How matching rows combine.
    pub hit_policy: HitPolicy,
    /// For `collect`: how the matched rows' outputs are combined (absent: the list of them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggregation: Option<CollectAggregation>,
    /// The input columns, in order.
    pub inputs: Vec<String>,
    /// The outputs each row gives.
    pub outputs: Vec<OutputSpec>,
    /// The rows, in table order.
    pub rows: Vec<Row>,
}

/// A decision-table hit policy (DMN).
///
/// # Example
///
/// ```
/// let p: zhengce::rules::HitPolicy = serde_json::from_str(r#""collect""#).unwrap();
/// assert_eq!(p, zhengce::rules::HitPolicy::Collect);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum HitPolicy {
    /// At most one row may match (overlapping rows are a catalogue error).
    Unique,
    /// Several rows may match if their outputs agree.
    Any,
    /// The matching row whose outputs come first in the outputs' `values` order.
    Priority,
    /// The first matching row in table order.
    First,
    /// Every matching row, listed or aggregated.
    Collect,
}

/// How a `collect` table combines its matched rows: DMN's collect operators (`C+`, `C<`, `C>`,
/// `C#`). Not a target's [`Aggregation`](crate::catalogue::Aggregation), which combines
/// observations over time.
///
/// # Example
///
/// ```
/// let a: zhengce::rules::CollectAggregation = serde_json::from_str(r#""sum""#).unwrap();
/// assert_eq!(a, zhengce::rules::CollectAggregation::Sum);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CollectAggregation {
    /// The sum of each decimal output.
    Sum,
    /// The least value of each decimal output.
    Min,
    /// The greatest value of each decimal output.
    Max,
    /// The number of matched rows.
    Count,
}

/// One output of a decision table.
///
/// # Example
///
/// ```
/// let o: zhengce::rules::OutputSpec = serde_json::from_str(r#"{"name": "on_site", "label": {"zh": "现场检查方式", "en": "On-site mode"},
///   "type": "choice", "values": ["when_necessary", "normal", "may_skip"]}"#).unwrap();
/// assert_eq!(o.values.len(), 3);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OutputSpec {
    /// The output's name.
    pub name: String,
    /// What it is, in Chinese and English.
    pub label: Text,
    /// Its type.
    #[serde(rename = "type")]
    pub ty: OutputType,
    /// For a `choice`: the values, in priority order (first = highest, for `priority` tables).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    /// The unit of a decimal output.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

/// The type of a decision-table output.
///
/// # Example
///
/// ```
/// let t: zhengce::rules::OutputType = serde_json::from_str(r#""boolean""#).unwrap();
/// assert_eq!(t, zhengce::rules::OutputType::Boolean);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OutputType {
    /// A decimal, as a string.
    Decimal,
    /// True or false.
    Boolean,
    /// One of the output's `values`.
    Choice,
}

/// One decision-table row.
///
/// # Example
///
/// ```
/// let r: zhengce::rules::Row = serde_json::from_str(r#"{"id": "mid", "when": {"excavation_m": {"ge": "500", "le": "1000"}}, "then": {"ok": true}}"#).unwrap();
/// assert_eq!(r.id, "mid");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Row {
    /// A short id, unique in the table.
    pub id: String,
    /// What the row means, in Chinese and English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// Input column to cell; a column left out matches anything.
    #[serde(default)]
    pub when: Map<String, Value>,
    /// Output name to value.
    pub then: Map<String, Value>,
}
