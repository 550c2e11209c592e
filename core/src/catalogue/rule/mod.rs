//! The data of rules and their static checks: a closed set of kinds, each defined in
//! catalogue data and evaluated by the rules module.
//!
//! The kinds' own shapes are in `capped_rate.rs`, `decision_table.rs`, `eligibility.rs` and
//! `threshold.rs`; this file holds what every rule shares: the rule itself, its inputs,
//! conditions and tests, and the time-limit shape. `input.rs` holds the values a case gives
//! and how a literal is read against an input's spec; `operand.rs` the comparisons;
//! `check.rs` the checks the catalogue runs on every rule when it loads.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

mod capped_rate;
mod check;
mod decision_table;
mod eligibility;
mod input;
mod operand;
mod threshold;

pub use capped_rate::{
    AmountKind, Bound, CappedRate, Exception, ExceptionEffect, IfNoValue, Rounding, RoundingMode,
};
pub use check::{Overlap, TableCheck, check_table};
pub(crate) use check::{cell_tests, check_rule, literal_val};
pub use decision_table::{CollectAggregation, DecisionTable, HitPolicy, OutputSpec, OutputType, Row};
pub use eligibility::Eligibility;
pub use input::{Input, InputValue, InputValueRef};
pub(crate) use input::{Val, check, check_decimal, check_ref, check_text, expected, literal, quoted};
pub(crate) use operand::{COperand, compare};
pub use threshold::{Quantity, Threshold};

use crate::catalogue::{Citation, Text};

/// An executable clause: a rule of one of a closed set of kinds, with its source.
///
/// A rule belongs to a jurisdiction (the one whose document sets it) and applies there and in
/// every jurisdiction below it. Its structure (inputs, conditions, exceptions) holds at every
/// date; what changes over time lives in the dated parameters it names, which are looked up in
/// the jurisdiction of each evaluation (see [`Evaluator`](super::Evaluator)).
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// let rule = cat.rule("tianshan-2022-87/r68-bid-bond")?;
/// assert_eq!(rule.logic.kind(), "capped_rate");
/// assert_eq!(rule.source.clause.as_deref(), Some("tianshan-2022-87/68"));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Stable id, `<document>/r<item>-<slug>`.
    pub id: String,
    /// Name in Chinese and English.
    pub name: Text,
    /// The jurisdiction the rule belongs to; it applies there and below.
    pub jurisdiction: String,
    /// The measure that carries it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    /// Whether the outcome is an obligation, a permission, guidance or an aspiration.
    #[serde(default, skip_serializing_if = "Modality::is_shall")]
    pub modality: Modality,
    /// The inputs the rule reads.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inputs: Vec<InputSpec>,
    /// The rule's scope: when this condition does not hold, the rule does not apply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_when: Option<Condition>,
    /// What the rule computes.
    pub logic: RuleLogic,
    /// Where it is set, with the words that carry it.
    pub source: Citation,
    /// How a vague clause was read, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
}

/// One input a rule reads.
///
/// # Example
///
/// ```
/// let spec: zhengce::rules::InputSpec = serde_json::from_str(r#"{"name": "budget",
///     "label": {"zh": "标段预算金额", "en": "Lot budget"}, "type": "money"}"#).unwrap();
/// assert!(spec.required);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InputSpec {
    /// The input's name (`budget`, `credit_class`).
    pub name: String,
    /// What it is, in Chinese and English: the question a form asks.
    pub label: Text,
    /// Its type.
    #[serde(rename = "type")]
    pub ty: InputType,
    /// For a `choice`: the allowed values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<String>,
    /// The unit of a `decimal` or `count` (`kva`, `metres`, `ratio`, ...); money is in yuan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The smallest value a `decimal` may take (money and counts are never negative).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    #[serde(with = "crate::value::opt_strict_decimal")]
    pub min: Option<rust_decimal::Decimal>,
    /// The value used when the input is not given; it makes the input optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<serde_json::Value>,
    /// False if the rule can be evaluated without it (an eligibility rule reports it missing).
    #[serde(default = "yes", skip_serializing_if = "Clone::clone")]
    pub required: bool,
}

fn yes() -> bool {
    true
}

/// The type of a rule input.
///
/// # Example
///
/// ```
/// let t: zhengce::rules::InputType = serde_json::from_str(r#""money""#).unwrap();
/// assert_eq!(t, zhengce::rules::InputType::Money);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum InputType {
    /// An amount in yuan: a decimal string, never negative, a whole number of fen (at most 2
    /// decimal places).
    Money,
    /// An exact decimal, as a string (a JSON integer is accepted too).
    Decimal,
    /// A whole number, never negative.
    Count,
    /// True or false.
    Boolean,
    /// One of the listed `choices`.
    Choice,
    /// An ISO date.
    Date,
}

/// Whether a rule's outcome obliges, permits, guides or aims (inventory §6, X4).
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// assert_eq!(cat.rule("tianshan-2022-87/r18-first-violation")?.modality, zhengce::rules::Modality::May);
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// The outcome follows (应当, 须, 确保, 不得, 即予).
    #[default]
    Shall,
    /// The authority may grant it, and may not (可, 可以): a permission, not an obligation.
    May,
    /// The text guides or encourages (引导, 鼓励, 推动): not binding on the party addressed.
    Guidance,
    /// A goal to strive for (力争).
    Aspiration,
}

impl Modality {
    fn is_shall(&self) -> bool {
        *self == Modality::Shall
    }
}

/// What a rule computes: one of the closed set of rule kinds.
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// assert!(matches!(cat.rule("tianshan-2022-87/r63-guarantee-fee")?.logic, zhengce::rules::RuleLogic::Threshold(_)));
/// # Ok::<(), zhengce::Error>(())
/// ```
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
    ///     r#"{"kind": "threshold", "measured": {"input": "fee_rate"}, "op": "le",
    ///         "limit": {"parameter": "p"}}"#).unwrap();
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

/// A condition over named inputs: tests combined with `all`, `any` and `not`.
///
/// Conditions are evaluated in three-valued logic: a test on an input that was not given is
/// unknown, `all` is false as soon as one part is false, `any` is true as soon as one part is
/// true, and otherwise the result stays unknown.
///
/// # Example
///
/// ```
/// let c: zhengce::rules::Condition = serde_json::from_str(r#"{"all": [
///   {"test": {"id": "listed", "label": {"zh": "非上市股份有限公司", "en": "not a listed company"},
///             "input": "entity_kind", "op": "ne", "value": "listed_company"}},
///   {"not": {"test": {"id": "debts", "label": {"zh": "无未清偿债务", "en": "no debts outstanding"},
///             "input": "debts", "op": "eq", "value": "outstanding"}}}]}"#).unwrap();
/// assert!(matches!(c, zhengce::rules::Condition::All(ref parts) if parts.len() == 2));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// Every part holds.
    All(Vec<Condition>),
    /// At least one part holds.
    Any(Vec<Condition>),
    /// The part does not hold.
    Not(Box<Condition>),
    /// An input compared with a value or a parameter.
    Test(Test),
}

impl Condition {
    /// Every test in the condition, in document order.
    ///
    /// # Example
    ///
    /// ```
    /// let c: zhengce::rules::Condition = serde_json::from_str(r#"{"not": {"test": {"id": "t",
    ///   "label": {"zh": "x", "en": "x"}, "input": "a", "op": "eq", "value": true}}}"#).unwrap();
    /// assert_eq!(c.tests().len(), 1);
    /// ```
    pub fn tests(&self) -> Vec<&Test> {
        let mut out = Vec::new();
        fn walk<'c>(c: &'c Condition, out: &mut Vec<&'c Test>) {
            match c {
                Condition::All(parts) | Condition::Any(parts) => parts.iter().for_each(|p| walk(p, out)),
                Condition::Not(inner) => walk(inner, out),
                Condition::Test(t) => out.push(t),
            }
        }
        walk(self, &mut out);
        out
    }
}

/// One comparison of an input with a value or a parameter.
///
/// # Example
///
/// ```
/// let t: zhengce::rules::Test = serde_json::from_str(r#"{"id": "capacity", "label": {"zh": "用电容量2000千伏安以下", "en": "at most 2,000 kVA"},
///   "input": "capacity_kva", "op": "le", "value": {"parameter": "electricity.commitment_connection.capacity_max"}}"#).unwrap();
/// assert!(matches!(t.value, zhengce::rules::Operand::Parameter { .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Test {
    /// A short id, unique in the rule, named in explanations and in lists of failed tests.
    pub id: String,
    /// What the test requires, in Chinese and English ("at most 2,000 kVA").
    pub label: Text,
    /// The input compared.
    pub input: String,
    /// The comparison.
    pub op: TestOp,
    /// What the input is compared with.
    pub value: Operand,
}

/// A comparison operator. Boundary words follow 民法典 art 1259: 以上, 以下, 以内 include the
/// number (`ge`, `le`); 超过, 不满 exclude it (`gt`, `lt`).
///
/// # Example
///
/// ```
/// let op: zhengce::rules::TestOp = serde_json::from_str(r#""not_in""#).unwrap();
/// assert_eq!(op, zhengce::rules::TestOp::NotIn);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
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
    /// None of a list.
    NotIn,
}

impl TestOp {
    /// The operator as a symbol (`≤`, `∈`).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhengce::rules::TestOp::Le.symbol(), "≤");
    /// ```
    pub fn symbol(self) -> &'static str {
        match self {
            TestOp::Eq => "=",
            TestOp::Ne => "≠",
            TestOp::Lt => "<",
            TestOp::Le => "≤",
            TestOp::Gt => ">",
            TestOp::Ge => "≥",
            TestOp::In => "∈",
            TestOp::NotIn => "∉",
        }
    }
}

/// What a test compares its input with: a literal value, or a parameter looked up in the
/// evaluation's jurisdiction on its date.
///
/// A literal is a decimal string (or JSON integer) for money, decimals and counts, a boolean,
/// a choice, an ISO date, or a list of these for `in` and `not_in`.
///
/// # Example
///
/// ```
/// let o: zhengce::rules::Operand = serde_json::from_str(r#"["none", "settled"]"#).unwrap();
/// assert!(matches!(o, zhengce::rules::Operand::Literal(_)));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Operand {
    /// A dated parameter: `{"parameter": "electricity.commitment_connection.capacity_max"}`.
    Parameter {
        /// The parameter's key.
        parameter: String,
    },
    /// A literal value.
    Literal(serde_json::Value),
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
