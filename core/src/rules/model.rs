//! The data shape of rules: a closed set of kinds, each defined in catalogue data.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::catalogue::{Citation, Text};

/// An executable clause: a rule of one of a closed set of kinds, with its source.
///
/// # Example
///
/// ```
/// let json = r#"{"id": "r", "name": {"zh": "规则", "en": "Rule"}, "jurisdiction": "cn",
///   "logic": {"kind": "time_limit", "service": "business-opening", "duration": "p",
///             "starts": {"zh": "申请", "en": "application"}},
///   "source": {"document": "d"}}"#;
/// let rule: zhengce::Rule = serde_json::from_str(json).unwrap();
/// assert_eq!(rule.logic.kind(), "time_limit");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Stable id.
    pub id: String,
    /// Name in Chinese and English.
    pub name: Text,
    /// The jurisdiction the rule belongs to; parameters are looked up from here.
    pub jurisdiction: String,
    /// The measure that carries it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    /// The inputs the rule reads.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inputs: Vec<InputSpec>,
    /// What the rule computes.
    pub logic: RuleLogic,
    /// Where it is set.
    pub source: Citation,
    /// How a vague clause was read, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
}

/// One input a rule reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InputSpec {
    /// The input's name (`budget`, `credit_class`).
    pub name: String,
    /// What it is, in Chinese and English.
    pub label: Text,
    /// Its type.
    #[serde(rename = "type")]
    pub ty: InputType,
    /// For a `choice`: the allowed values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<String>,
    /// For a `decimal`: its unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// False if the rule can be evaluated without it.
    #[serde(default = "yes", skip_serializing_if = "Clone::clone")]
    pub required: bool,
}

fn yes() -> bool {
    true
}

/// The type of a rule input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum InputType {
    /// An exact decimal, as a string.
    Decimal,
    /// True or false.
    Boolean,
    /// One of the listed `choices`.
    Choice,
    /// An ISO date.
    Date,
}

/// What a rule computes: one of the closed set of rule kinds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RuleLogic {
    /// amount = rate × base, with an optional floor and cap and labelled exceptions.
    CappedRate(CappedRate),
    /// Rows of conditions mapped to outputs under a hit policy.
    DecisionTable(DecisionTable),
    /// A condition over named inputs, reporting each failed condition and missing input.
    Eligibility(Eligibility),
    /// A measured value against a limit.
    Threshold(Threshold),
    /// A time limit in working days, calendar days or hours.
    TimeLimit(TimeLimit),
}

impl RuleLogic {
    /// The kind's snake_case name.
    ///
    /// # Example
    ///
    /// ```
    /// let logic: zhengce::rules::RuleLogic = serde_json::from_str(
    ///     r#"{"kind": "threshold", "measured": "fee_rate", "op": "le", "limit": "p"}"#).unwrap();
    /// assert_eq!(logic.kind(), "threshold");
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            RuleLogic::CappedRate(_) => "capped_rate",
            RuleLogic::DecisionTable(_) => "decision_table",
            RuleLogic::Eligibility(_) => "eligibility",
            RuleLogic::Threshold(_) => "threshold",
            RuleLogic::TimeLimit(_) => "time_limit",
        }
    }
}

/// amount = rate × base, bounded by a floor and a cap, with labelled exceptions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CappedRate {
    /// The input holding the base amount.
    pub base: String,
    /// The parameter holding the rate.
    pub rate: String,
    /// The parameter holding the cap, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<String>,
    /// The parameter holding the floor, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floor: Option<String>,
    /// Decimal places kept and how the product is rounded.
    pub rounding: Rounding,
    /// Cases that change the computation (PPP lots are not capped; no bond for a framework entry).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exceptions: Vec<Exception>,
}

/// How an amount is rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rounding {
    /// Decimal places kept (2 = to the fen).
    pub places: u32,
    /// How the discarded digits are treated.
    pub mode: RoundingMode,
}

/// A rounding mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RoundingMode {
    /// Toward zero: a maximum is never rounded up.
    Down,
    /// Half away from zero (四舍五入).
    HalfUp,
    /// Half to even (banker's rounding).
    HalfEven,
    /// Away from zero.
    Up,
}

/// A labelled exception to a capped-rate rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Exception {
    /// What the exception is, in Chinese and English.
    pub label: Text,
    /// When it applies.
    pub when: Condition,
    /// What it does.
    pub effect: ExceptionEffect,
}

/// What an exception does to a capped-rate computation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExceptionEffect {
    /// The cap does not apply.
    NoCap,
    /// The amount is zero.
    Zero,
    /// The rule does not apply at all.
    NotApplicable,
}

/// A condition over named inputs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// Every sub-condition holds.
    All(Vec<Condition>),
    /// At least one sub-condition holds.
    Any(Vec<Condition>),
    /// The sub-condition does not hold.
    Not(Box<Condition>),
    /// An input compared with a value.
    Test(Test),
}

/// One comparison of an input with a value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Test {
    /// A short id for the explanation (`capacity`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The input compared.
    pub input: String,
    /// The comparison.
    pub op: TestOp,
    /// The value compared with: a decimal string, a choice, a boolean, or a list for `in`.
    pub value: serde_json::Value,
    /// What the test checks, in Chinese and English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
}

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TestOp {
    /// Equal.
    Eq,
    /// Not equal.
    Ne,
    /// Less than.
    Lt,
    /// Less than or equal.
    Le,
    /// Greater than.
    Gt,
    /// Greater than or equal.
    Ge,
    /// One of a list.
    In,
}

/// A decision table: rows of input conditions mapped to outputs under a hit policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionTable {
    /// How matching rows combine.
    pub hit_policy: HitPolicy,
    /// The outputs each row gives.
    pub outputs: Vec<String>,
    /// The rows, in priority order.
    pub rows: Vec<Row>,
}

/// A decision-table hit policy (DMN).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum HitPolicy {
    /// Exactly one row may match.
    Unique,
    /// Several rows may match if they agree.
    Any,
    /// The first matching row in priority order.
    Priority,
    /// The first matching row in table order.
    First,
    /// Every matching row's outputs.
    Collect,
}

/// One decision-table row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Row {
    /// Input name to the values it must have (a list means any of them; absent means any value).
    pub when: serde_json::Map<String, serde_json::Value>,
    /// Output name to value.
    pub then: serde_json::Map<String, serde_json::Value>,
}

/// An eligibility rule: a condition whose failed parts are reported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Eligibility {
    /// The condition to meet.
    pub condition: Condition,
    /// Whether meeting it obliges (`shall`) or only permits (`may`) the outcome.
    pub modality: Modality,
}

/// Obligation or permission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// The outcome follows (应当, 即予).
    Shall,
    /// The authority may grant it (可以).
    May,
}

/// A measured value against a limit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    /// The input holding the measured value.
    pub measured: String,
    /// The comparison the value must satisfy.
    pub op: TestOp,
    /// The parameter holding the limit.
    pub limit: String,
}

/// A time limit: N working days, calendar days or hours from an event, the form of every
/// service promise in the documents (企业开办2个工作日内办结).
///
/// The unit is the duration parameter's unit (`working_days`, `calendar_days` or `hours`);
/// the value is the parameter's value in force on the start date in the jurisdiction asked
/// about. [`calendar::deadline`](crate::calendar::deadline) turns a time limit and a start date
/// into a deadline with its explanation; the conventions (start day not counted, roll-over
/// to the next working day) are those of the [`calendar`](crate::calendar) module.
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// let rule = cat.rule("tianshan-2022-87/r58-business-opening")?;
/// let zhengce::rules::RuleLogic::TimeLimit(limit) = &rule.logic else { unreachable!() };
/// assert_eq!((limit.service.as_str(), limit.duration.as_str()), ("business-opening", "service.business_opening.time_limit"));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TimeLimit {
    /// The service's key (`business-opening`), what a deadline is asked for; unique among the
    /// time limits that apply in one jurisdiction.
    pub service: String,
    /// The parameter holding the duration; its unit is the limit's unit.
    pub duration: String,
    /// The event the count starts from (the day of the event is not counted), in Chinese and English.
    pub starts: Text,
    /// What must be done by the deadline, in Chinese and English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Text>,
    /// True if the clause limits the average over cases (平均时间), not each case: a single
    /// case may take longer, and the deadline is that of a case taking the average.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub average: bool,
}
