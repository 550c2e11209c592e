//! Decision tables: rows of input conditions mapped to outputs under a hit policy, and the
//! static check that finds overlapping rows and input combinations no row covers.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::condition::{COperand, Frame, compare, mul};
use super::evaluation::Step;
use super::evaluator::{Builder, Evaluator, literal_val};
use super::input::Val;
use super::{InputSpec, InputType, Rule, RuleLogic, RuleValue, TestOp};
use crate::catalogue::Text;
use crate::error::{Error, ErrorKind, Result};

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
    pub aggregation: Option<Aggregation>,
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

/// How a `collect` table combines its matched rows.
///
/// # Example
///
/// ```
/// let a: zhengce::rules::Aggregation = serde_json::from_str(r#""sum""#).unwrap();
/// assert_eq!(a, zhengce::rules::Aggregation::Sum);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
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

/// The value of a decision table for one case.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use zhengce::rules::{Input, Options, RuleValue};
/// let s = zhengce::Context::builtin();
/// let ev = s.evaluator("xinshi-2021-fyp/rapp14-dispute-level")?;
/// let RuleValue::DecisionTable(v) = ev.evaluate(&Input::new(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap()).with("severity", "minor"), &Options::default())?.value else { panic!() };
/// assert_eq!(v.matched, ["minor"]);
/// assert_eq!(v.outputs.unwrap()["resolved_at"], "village");
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)] // inlines it in RuleValue's schema, so `kind` reaches the TypeScript types
pub struct DecisionTableValue {
    /// False if the rule's scope does not hold (then no row is evaluated).
    pub applicable: bool,
    /// The ids of the matching rows, in table order.
    pub matched: Vec<String>,
    /// The outputs: of the row used (single-hit policies) or aggregated (`collect` with an
    /// aggregation); `null` when no row matched.
    pub outputs: Option<Map<String, Value>>,
    /// For `collect` without aggregation: the outputs of every matching row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collected: Option<Vec<Map<String, Value>>>,
}

#[derive(Debug, Clone)]
pub(crate) enum COut {
    Null,
    Dec(Decimal),
    Bool(bool),
    Choice(u16),
    Param(u16),
    Product(Vec<COut>),
}

#[derive(Debug)]
pub(crate) struct CRow {
    pub cells: Vec<(u16, Vec<(TestOp, COperand)>)>,
    pub outs: Vec<COut>,
}

#[derive(Debug)]
pub(crate) struct Compiled {
    pub policy: HitPolicy,
    pub aggregation: Option<Aggregation>,
    pub outputs: Vec<OutputSpec>,
    pub rows: Vec<CRow>,
    pub ids: Vec<String>,
}

/// The comparisons of a cell on an input (literals only: cells are checked statically).
pub(crate) fn cell_tests(
    spec: &InputSpec,
    cell: &Value,
) -> std::result::Result<Vec<(TestOp, COperand)>, String> {
    let lit = |op: TestOp, v: &Value| -> std::result::Result<COperand, String> {
        match (op, v) {
            (TestOp::In | TestOp::NotIn, Value::Array(items)) => items
                .iter()
                .map(|i| {
                    literal_val(spec, i).ok_or_else(|| format!("{i} is not a value of input '{}'", spec.name))
                })
                .collect::<std::result::Result<Vec<_>, _>>()
                .map(COperand::List),
            (TestOp::In | TestOp::NotIn, other) => Err(format!("expected a list for '{op:?}', got {other}")),
            (_, v) => literal_val(spec, v)
                .map(COperand::Val)
                .ok_or_else(|| format!("{v} is not a value of input '{}'", spec.name)),
        }
    };
    match cell {
        Value::Array(_) => Ok(vec![(TestOp::In, lit(TestOp::In, cell)?)]),
        Value::Object(ops) => ops
            .iter()
            .map(|(k, v)| {
                let op: TestOp = serde_json::from_value(Value::String(k.clone())).map_err(|_| {
                    format!("expected a comparison (eq, ne, lt, le, gt, ge, in, not_in), got '{k}'")
                })?;
                Ok((op, lit(op, v)?))
            })
            .collect(),
        v => Ok(vec![(TestOp::Eq, lit(TestOp::Eq, v)?)]),
    }
}

pub(crate) fn compile(t: &DecisionTable, b: &mut Builder<'_>) -> Result<Compiled> {
    let broken = |why: String| {
        Error::new(ErrorKind::Infeasible { what: format!("compile rule '{}'", b.rule.id), why })
    };
    let mut rows = Vec::new();
    for row in &t.rows {
        let mut cells = Vec::new();
        for (name, cell) in &row.when {
            let slot = b.input(name)?;
            cells.push((slot, cell_tests(b.spec(slot), cell).map_err(&broken)?));
        }
        let mut outs = Vec::new();
        for out in &t.outputs {
            let role = format!("output {}", out.name);
            outs.push(match row.then.get(&out.name) {
                None | Some(Value::Null) => COut::Null,
                Some(v) => output(out, v, b, &role).map_err(&broken)??,
            });
        }
        rows.push(CRow { cells, outs });
    }
    Ok(Compiled {
        policy: t.hit_policy,
        aggregation: t.aggregation,
        outputs: t.outputs.clone(),
        rows,
        ids: t.rows.iter().map(|r| r.id.clone()).collect(),
    })
}

/// Compiles one output value; the outer error is a malformed value, the inner one a lookup.
fn output(
    spec: &OutputSpec,
    v: &Value,
    b: &mut Builder<'_>,
    role: &str,
) -> std::result::Result<Result<COut>, String> {
    if let Value::Object(o) = v {
        if let Some(Value::String(key)) = o.get("parameter").filter(|_| o.len() == 1) {
            return Ok(b.param(key, role).map(COut::Param));
        }
        if let Some(Value::Array(factors)) = o.get("product").filter(|_| o.len() == 1) {
            let mut out = Vec::new();
            for f in factors {
                match output(spec, f, b, role)? {
                    Ok(c @ (COut::Dec(_) | COut::Param(_))) => out.push(c),
                    Ok(_) => return Err(format!("expected a decimal or a parameter in a product, got {f}")),
                    Err(e) => return Ok(Err(e)),
                }
            }
            return Ok(Ok(COut::Product(out)));
        }
        return Err(format!("expected a value, {{\"parameter\": key}} or {{\"product\": [...]}}, got {v}"));
    }
    let bad = || format!("{v} is not a {:?} value of output '{}'", spec.ty, spec.name);
    Ok(Ok(match spec.ty {
        OutputType::Decimal => match v {
            Value::String(s) => COut::Dec(crate::value::parse_decimal(s).ok_or_else(bad)?),
            Value::Number(n) if n.is_i64() => COut::Dec(Decimal::from(n.as_i64().unwrap_or_default())),
            _ => return Err(bad()),
        },
        OutputType::Boolean => COut::Bool(v.as_bool().ok_or_else(bad)?),
        OutputType::Choice => {
            let s = v.as_str().ok_or_else(bad)?;
            COut::Choice(spec.values.iter().position(|c| c == s).ok_or_else(bad)? as u16)
        }
    }))
}

/// A resolved output value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum OutVal {
    Null,
    Dec(Decimal),
    Bool(bool),
    Choice(u16),
}

impl OutVal {
    pub(crate) fn to_json(self, spec: &OutputSpec) -> Value {
        match self {
            OutVal::Null => Value::Null,
            OutVal::Dec(d) => Value::String(d.to_string()),
            OutVal::Bool(b) => Value::Bool(b),
            OutVal::Choice(i) => Value::String(spec.values[i as usize].clone()),
        }
    }
}

impl Compiled {
    #[inline]
    pub(crate) fn row_matches(&self, row: &CRow, frame: &Frame) -> bool {
        row.cells.iter().all(|(slot, tests)| match frame.vals[*slot as usize] {
            None => false,
            Some(v) => {
                tests.iter().all(|(op, operand)| operand.test(*op, v, &frame.params) == Ok(Some(true)))
            }
        })
    }

    pub(crate) fn resolve(&self, ev: &Evaluator, frame: &Frame, out: &COut) -> Result<OutVal> {
        Ok(match out {
            COut::Null => OutVal::Null,
            COut::Dec(d) => OutVal::Dec(*d),
            COut::Bool(b) => OutVal::Bool(*b),
            COut::Choice(c) => OutVal::Choice(*c),
            COut::Param(p) => {
                OutVal::Dec(frame.params[*p as usize].ok_or_else(|| ev.no_value(frame, *p))?.value)
            }
            COut::Product(factors) => {
                let mut acc = Decimal::ONE;
                for f in factors {
                    if let OutVal::Dec(d) = self.resolve(ev, frame, f)? {
                        acc = mul(acc, d, &ev.rule().id)?;
                    }
                }
                OutVal::Dec(acc.normalize())
            }
        })
    }

    /// The matched rows, and the row whose outputs count for single-hit policies.
    pub(crate) fn select(&self, ev: &Evaluator, frame: &Frame, matched: &[usize]) -> Result<Option<usize>> {
        let conflict = |why: String| {
            Error::new(ErrorKind::Infeasible { what: format!("evaluate rule '{}'", ev.rule().id), why })
        };
        let names = |rows: &[usize]| {
            rows.iter().map(|r| format!("'{}'", self.ids[*r])).collect::<Vec<_>>().join(", ")
        };
        Ok(match self.policy {
            HitPolicy::Unique if matched.len() > 1 => {
                return Err(conflict(format!(
                    "expected at most one matching row under hit policy unique, got rows {}",
                    names(matched)
                )));
            }
            HitPolicy::Any if matched.len() > 1 => {
                let first = self.outputs_of(ev, frame, matched[0])?;
                for r in &matched[1..] {
                    if self.outputs_of(ev, frame, *r)? != first {
                        return Err(conflict(format!(
                            "expected matching rows with equal outputs under hit policy any, got rows {}",
                            names(&[matched[0], *r])
                        )));
                    }
                }
                Some(matched[0])
            }
            HitPolicy::Priority => matched.iter().copied().min_by_key(|r| self.rank(*r)),
            HitPolicy::Collect => None,
            _ => matched.first().copied(),
        })
    }

    fn rank(&self, row: usize) -> Vec<usize> {
        self.outputs
            .iter()
            .zip(&self.rows[row].outs)
            .filter(|(spec, _)| !spec.values.is_empty())
            .map(|(spec, out)| match out {
                COut::Choice(c) => *c as usize,
                _ => spec.values.len(),
            })
            .collect()
    }

    pub(crate) fn outputs_of(&self, ev: &Evaluator, frame: &Frame, row: usize) -> Result<Vec<OutVal>> {
        self.rows[row].outs.iter().map(|o| self.resolve(ev, frame, o)).collect()
    }

    fn to_map(&self, vals: &[OutVal]) -> Map<String, Value> {
        self.outputs.iter().zip(vals).map(|(spec, v)| (spec.name.clone(), v.to_json(spec))).collect()
    }

    /// Aggregated outputs of the matched rows (`collect` with an aggregation).
    pub(crate) fn aggregate(
        &self,
        ev: &Evaluator,
        frame: &Frame,
        matched: &[usize],
        agg: Aggregation,
    ) -> Result<Vec<OutVal>> {
        let mut acc = vec![OutVal::Null; self.outputs.len()];
        for r in matched {
            let vals = self.outputs_of(ev, frame, *r)?;
            for (a, v) in acc.iter_mut().zip(vals) {
                *a = match (agg, *a, v) {
                    (_, a, OutVal::Null) => a,
                    (Aggregation::Count, OutVal::Dec(n), _) => OutVal::Dec(n + Decimal::ONE),
                    (Aggregation::Count, _, _) => OutVal::Dec(Decimal::ONE),
                    (_, OutVal::Null, v) => v,
                    (Aggregation::Sum, OutVal::Dec(x), OutVal::Dec(y)) => OutVal::Dec(x + y),
                    (Aggregation::Min, OutVal::Dec(x), OutVal::Dec(y)) => OutVal::Dec(x.min(y)),
                    (Aggregation::Max, OutVal::Dec(x), OutVal::Dec(y)) => OutVal::Dec(x.max(y)),
                    (_, a, _) => a,
                };
            }
        }
        Ok(acc)
    }

    pub(crate) fn run(
        &self,
        ev: &Evaluator,
        frame: &Frame,
        applies: Option<bool>,
        steps: Option<&mut Vec<Step>>,
    ) -> Result<RuleValue> {
        let mut value = DecisionTableValue {
            applicable: applies == Some(true),
            matched: Vec::new(),
            outputs: None,
            collected: None,
        };
        if !value.applicable {
            if let Some(s) = steps {
                s.push(Step::Scope { holds: applies });
            }
            return Ok(RuleValue::DecisionTable(value));
        }
        let matched: Vec<usize> =
            (0..self.rows.len()).filter(|r| self.row_matches(&self.rows[*r], frame)).collect();
        let chosen = self.select(ev, frame, &matched)?;
        match (self.policy, self.aggregation) {
            (HitPolicy::Collect, Some(agg)) => {
                if !matched.is_empty() {
                    value.outputs = Some(self.to_map(&self.aggregate(ev, frame, &matched, agg)?));
                }
            }
            (HitPolicy::Collect, None) => {
                let mut list = Vec::new();
                for r in &matched {
                    list.push(self.to_map(&self.outputs_of(ev, frame, *r)?));
                }
                value.collected = Some(list);
            }
            _ => {
                if let Some(r) = chosen {
                    value.outputs = Some(self.to_map(&self.outputs_of(ev, frame, r)?));
                }
            }
        }
        value.matched = matched.iter().map(|r| self.ids[*r].clone()).collect();
        if let Some(s) = steps {
            if ev.inner.applies.is_some() {
                s.push(Step::Scope { holds: applies });
            }
            s.push(Step::Rows {
                hit_policy: self.policy,
                matched: value.matched.clone(),
                chosen: chosen.map(|r| self.ids[r].clone()),
            });
            if let Some(aggregation) = self.aggregation {
                s.push(Step::Aggregated { aggregation });
            }
        }
        Ok(RuleValue::DecisionTable(value))
    }
}

/// What the static check of a decision table found.
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// let check = zhengce::rules::check_table(cat.rule("tianshan-2022-87/r10-credit-class")?).unwrap();
/// assert!(check.overlaps.is_empty() && check.gaps.is_empty(), "complete and unique");
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct TableCheck {
    /// Input combinations that two or more rows match.
    pub overlaps: Vec<Overlap>,
    /// Input combinations no row matches, one example input per combination.
    pub gaps: Vec<Map<String, Value>>,
    /// True if the table has too many combinations to check them all (only the first
    /// 100,000 were).
    pub truncated: bool,
}

/// Rows that match the same inputs.
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// let check = zhengce::rules::check_table(cat.rule("tianshan-2022-87/r10-credit-class")?).unwrap();
/// assert!(check.overlaps.iter().all(|o: &zhengce::rules::Overlap| o.rows.len() > 1));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Overlap {
    /// The rows' ids.
    pub rows: Vec<String>,
    /// An input they all match.
    pub example: Map<String, Value>,
    /// True if the rows give the same literal outputs (allowed under hit policy `any`).
    pub same_outputs: bool,
}

/// A compiled cell: the comparisons it makes.
type Cell = Vec<(TestOp, COperand)>;

const MAX_COMBINATIONS: usize = 100_000;
const MAX_GAPS: usize = 20;

/// The representative values of an input column: one per class of values the cells tell
/// apart, so checking them checks every input.
fn atoms(spec: &InputSpec, cells: &[&Vec<(TestOp, COperand)>]) -> Vec<Val> {
    let mut points: Vec<Val> = Vec::new();
    for tests in cells {
        for (_, operand) in tests.iter() {
            match operand {
                COperand::Val(v) => points.push(*v),
                COperand::List(items) => points.extend(items.iter().copied()),
                COperand::Param(_) => {}
            }
        }
    }
    match spec.ty {
        InputType::Choice => (0..spec.choices.len()).map(|i| Val::Choice(i as u16)).collect(),
        InputType::Boolean => vec![Val::Bool(false), Val::Bool(true)],
        InputType::Date => {
            let mut ds: Vec<NaiveDate> =
                points.iter().filter_map(|p| if let Val::Date(d) = p { Some(*d) } else { None }).collect();
            ds.sort();
            ds.dedup();
            let mut out = Vec::new();
            for (i, d) in ds.iter().enumerate() {
                if i == 0 {
                    out.extend(d.pred_opt().map(Val::Date));
                }
                out.push(Val::Date(*d));
                match (d.succ_opt(), ds.get(i + 1)) {
                    (Some(s), Some(next)) if s < *next => out.push(Val::Date(s)),
                    (Some(s), None) => out.push(Val::Date(s)),
                    _ => {}
                }
            }
            if out.is_empty() {
                out.push(Val::Date(NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default()));
            }
            out
        }
        InputType::Money | InputType::Decimal | InputType::Count => {
            let integer = spec.ty == InputType::Count;
            let min = match spec.ty {
                InputType::Decimal => spec.min,
                _ => Some(Decimal::ZERO),
            };
            let mut ds: Vec<Decimal> =
                points.iter().filter_map(|p| if let Val::Dec(d) = p { Some(*d) } else { None }).collect();
            ds.sort();
            ds.dedup();
            let mut out = Vec::new();
            for (i, d) in ds.iter().enumerate() {
                if i == 0 {
                    out.push(if integer { d.floor() - Decimal::ONE } else { *d - Decimal::ONE });
                }
                out.push(*d);
                let next = ds.get(i + 1);
                let between = match (integer, next) {
                    (false, Some(n)) => Some((*d + *n) / Decimal::TWO),
                    (false, None) => Some(*d + Decimal::ONE),
                    (true, Some(n)) => Some(d.floor() + Decimal::ONE).filter(|b| b < n),
                    (true, None) => Some(d.floor() + Decimal::ONE),
                };
                out.extend(between);
            }
            if out.is_empty() {
                out.push(min.unwrap_or(Decimal::ZERO));
            }
            out.retain(|d| min.is_none_or(|m| *d >= m) && (!integer || d.fract().is_zero()));
            out.into_iter().map(Val::Dec).collect()
        }
    }
}

/// Checks a decision-table rule statically: the input combinations that several rows match
/// and those no row matches. `None` for a rule of another kind, or one whose cells do not
/// compile (the catalogue check reports those).
///
/// Each input's values are split into the classes the cells tell apart (every choice; true
/// and false; for numbers and dates, each boundary a cell names and the ranges between them),
/// so checking one value per class checks every input exactly.
///
/// # Example
///
/// See [`TableCheck`].
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// assert!(zhengce::rules::check_table(cat.rule("tianshan-2022-87/r68-bid-bond")?).is_none(), "not a table");
/// assert!(zhengce::rules::check_table(cat.rule("tianshan-2022-87/r43-approval-cap")?).unwrap().gaps.is_empty());
/// # Ok::<(), zhengce::Error>(())
/// ```
pub fn check_table(rule: &Rule) -> Option<TableCheck> {
    let RuleLogic::DecisionTable(t) = &rule.logic else { return None };
    let spec_of = |name: &str| rule.inputs.iter().find(|i| i.name == name);
    let mut rows: Vec<Vec<(usize, Cell)>> = Vec::new();
    for row in &t.rows {
        let mut cells = Vec::new();
        for (name, cell) in &row.when {
            let col = t.inputs.iter().position(|i| i == name)?;
            cells.push((col, cell_tests(spec_of(name)?, cell).ok()?));
        }
        rows.push(cells);
    }
    let specs: Vec<&InputSpec> = t.inputs.iter().map(|n| spec_of(n)).collect::<Option<_>>()?;
    let columns: Vec<Vec<Val>> = specs
        .iter()
        .enumerate()
        .map(|(col, spec)| {
            let cells: Vec<&Vec<(TestOp, COperand)>> =
                rows.iter().flat_map(|r| r.iter().filter(|(c, _)| *c == col).map(|(_, t)| t)).collect();
            atoms(spec, &cells)
        })
        .collect();
    if columns.iter().any(Vec::is_empty) {
        return None;
    }
    let total =
        columns.iter().try_fold(1usize, |acc, c| acc.checked_mul(c.len().max(1))).unwrap_or(usize::MAX);
    let mut out = TableCheck { overlaps: Vec::new(), gaps: Vec::new(), truncated: total > MAX_COMBINATIONS };
    let mut index = vec![0usize; columns.len()];
    let literal_outputs: Vec<&Map<String, Value>> = t.rows.iter().map(|r| &r.then).collect();
    for _ in 0..total.min(MAX_COMBINATIONS) {
        let combo: Vec<Val> = index.iter().zip(&columns).map(|(i, c)| c[*i]).collect();
        let matched: Vec<usize> = (0..rows.len())
            .filter(|r| {
                rows[*r].iter().all(|(col, tests)| {
                    tests.iter().all(|(op, operand)| match operand {
                        COperand::Val(v) => compare(*op, combo[*col], *v) == Some(true),
                        COperand::List(items) => {
                            let found =
                                items.iter().any(|v| compare(TestOp::Eq, combo[*col], *v) == Some(true));
                            if *op == TestOp::NotIn { !found } else { found }
                        }
                        COperand::Param(_) => false,
                    })
                })
            })
            .collect();
        let example = || -> Map<String, Value> {
            specs.iter().zip(&combo).map(|(s, v)| (s.name.clone(), v.to_json(s))).collect()
        };
        if matched.is_empty() && out.gaps.len() < MAX_GAPS {
            out.gaps.push(example());
        }
        if matched.len() > 1 {
            let ids: Vec<String> = matched.iter().map(|r| t.rows[*r].id.clone()).collect();
            if !out.overlaps.iter().any(|o| o.rows == ids) {
                let same_outputs = matched.iter().all(|r| literal_outputs[*r] == literal_outputs[matched[0]]);
                out.overlaps.push(Overlap { rows: ids, example: example(), same_outputs });
            }
        }
        // Next combination (odometer).
        for (k, i) in index.iter_mut().enumerate().rev() {
            *i += 1;
            if *i < columns[k].len() {
                break;
            }
            *i = 0;
        }
    }
    Some(out)
}
