//! Decision tables: rows of input conditions mapped to outputs under a hit policy, and the
//! static check that finds overlapping rows and input combinations no row covers.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::catalogue::rule::{
    COperand, CollectAggregation, DecisionTable, HitPolicy, OutputSpec, OutputType, TableCheck, cell_tests,
    check_table,
};
use crate::error::{Error, ErrorKind, Result};
use crate::rules::TestOp;
use crate::rules::batch::out::OutColumn;
use crate::rules::compile::{Builder, Common};
use crate::rules::condition::{Frame, mul};
use crate::rules::kinds::RuleKind;
use crate::rules::step::Step;

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

/// A decision table compiled: its hit policy, outputs, and rows of compiled cells.
#[derive(Debug)]
pub(crate) struct CompiledDecisionTable {
    pub policy: HitPolicy,
    pub aggregation: Option<CollectAggregation>,
    pub outputs: Vec<OutputSpec>,
    pub rows: Vec<CRow>,
    pub ids: Vec<String>,
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

impl CompiledDecisionTable {
    #[inline]
    pub(crate) fn row_matches(&self, row: &CRow, frame: &Frame) -> bool {
        row.cells.iter().all(|(slot, tests)| match frame.vals[*slot as usize] {
            None => false,
            Some(v) => {
                tests.iter().all(|(op, operand)| operand.test(*op, v, &frame.params) == Ok(Some(true)))
            }
        })
    }

    pub(crate) fn resolve(&self, common: &Common, frame: &Frame, out: &COut) -> Result<OutVal> {
        Ok(match out {
            COut::Null => OutVal::Null,
            COut::Dec(d) => OutVal::Dec(*d),
            COut::Bool(b) => OutVal::Bool(*b),
            COut::Choice(c) => OutVal::Choice(*c),
            COut::Param(p) => {
                OutVal::Dec(frame.params[*p as usize].ok_or_else(|| common.no_value(frame, *p))?.value)
            }
            COut::Product(factors) => {
                let mut acc = Decimal::ONE;
                for f in factors {
                    if let OutVal::Dec(d) = self.resolve(common, frame, f)? {
                        acc = mul(acc, d, &common.rule.id)?;
                    }
                }
                OutVal::Dec(acc.normalize())
            }
        })
    }

    /// The matched rows, and the row whose outputs count for single-hit policies.
    pub(crate) fn select(&self, common: &Common, frame: &Frame, matched: &[usize]) -> Result<Option<usize>> {
        let conflict = |why: String| {
            Error::new(ErrorKind::Infeasible { what: format!("evaluate rule '{}'", common.rule.id), why })
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
                let first = self.outputs_of(common, frame, matched[0])?;
                for r in &matched[1..] {
                    if self.outputs_of(common, frame, *r)? != first {
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

    pub(crate) fn outputs_of(&self, common: &Common, frame: &Frame, row: usize) -> Result<Vec<OutVal>> {
        self.rows[row].outs.iter().map(|o| self.resolve(common, frame, o)).collect()
    }

    fn to_map(&self, vals: &[OutVal]) -> Map<String, Value> {
        self.outputs.iter().zip(vals).map(|(spec, v)| (spec.name.clone(), v.to_json(spec))).collect()
    }

    /// Aggregated outputs of the matched rows (`collect` with an aggregation).
    pub(crate) fn aggregate(
        &self,
        common: &Common,
        frame: &Frame,
        matched: &[usize],
        agg: CollectAggregation,
    ) -> Result<Vec<OutVal>> {
        let mut acc = vec![OutVal::Null; self.outputs.len()];
        for r in matched {
            let vals = self.outputs_of(common, frame, *r)?;
            for (a, v) in acc.iter_mut().zip(vals) {
                *a = match (agg, *a, v) {
                    (_, a, OutVal::Null) => a,
                    (CollectAggregation::Count, OutVal::Dec(n), _) => OutVal::Dec(n + Decimal::ONE),
                    (CollectAggregation::Count, _, _) => OutVal::Dec(Decimal::ONE),
                    (_, OutVal::Null, v) => v,
                    (CollectAggregation::Sum, OutVal::Dec(x), OutVal::Dec(y)) => OutVal::Dec(x + y),
                    (CollectAggregation::Min, OutVal::Dec(x), OutVal::Dec(y)) => OutVal::Dec(x.min(y)),
                    (CollectAggregation::Max, OutVal::Dec(x), OutVal::Dec(y)) => OutVal::Dec(x.max(y)),
                    (_, a, _) => a,
                };
            }
        }
        Ok(acc)
    }
}

impl RuleKind for CompiledDecisionTable {
    type Data = DecisionTable;
    type Value = DecisionTableValue;
    type Sink = TableSink;

    fn compile(t: &DecisionTable, b: &mut Builder<'_>) -> Result<CompiledDecisionTable> {
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
        Ok(CompiledDecisionTable {
            policy: t.hit_policy,
            aggregation: t.aggregation,
            outputs: t.outputs.clone(),
            rows,
            ids: t.rows.iter().map(|r| r.id.clone()).collect(),
        })
    }

    fn evaluate(
        &self,
        common: &Common,
        frame: &Frame,
        applies: Option<bool>,
        steps: Option<&mut Vec<Step>>,
    ) -> Result<DecisionTableValue> {
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
            return Ok(value);
        }
        let matched: Vec<usize> =
            (0..self.rows.len()).filter(|r| self.row_matches(&self.rows[*r], frame)).collect();
        let chosen = self.select(common, frame, &matched)?;
        match (self.policy, self.aggregation) {
            (HitPolicy::Collect, Some(agg)) => {
                if !matched.is_empty() {
                    value.outputs = Some(self.to_map(&self.aggregate(common, frame, &matched, agg)?));
                }
            }
            (HitPolicy::Collect, None) => {
                let mut list = Vec::new();
                for r in &matched {
                    list.push(self.to_map(&self.outputs_of(common, frame, *r)?));
                }
                value.collected = Some(list);
            }
            _ => {
                if let Some(r) = chosen {
                    value.outputs = Some(self.to_map(&self.outputs_of(common, frame, r)?));
                }
            }
        }
        value.matched = matched.iter().map(|r| self.ids[*r].clone()).collect();
        if let Some(s) = steps {
            if common.applies.is_some() {
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
        Ok(value)
    }

    fn sink(&self, common: &Common, rows: usize, _jur: usize) -> Result<TableSink> {
        if self.policy == HitPolicy::Collect && self.aggregation.is_none() {
            return Err(Error::new(ErrorKind::Infeasible {
                what: format!("evaluate rule '{}' in a batch", common.rule.id),
                why: "a collect table without aggregation gives a list per row; evaluate its rows one by one"
                    .into(),
            }));
        }
        let outputs = self
            .outputs
            .iter()
            .map(|o| match o.ty {
                OutputType::Decimal => OutColumn::Decimal { values: Vec::with_capacity(rows) },
                OutputType::Boolean => OutColumn::Bool { values: Vec::with_capacity(rows) },
                OutputType::Choice => {
                    OutColumn::Codes { codes: Vec::with_capacity(rows), labels: o.values.clone() }
                }
            })
            .collect();
        Ok(TableSink { outputs, matched: Vec::with_capacity(rows), buf: Vec::new() })
    }

    fn push(
        &self,
        common: &Common,
        sink: &mut TableSink,
        frame: &Frame,
        applies: Option<bool>,
    ) -> Result<()> {
        let buf = &mut sink.buf;
        buf.clear();
        if applies == Some(true) {
            buf.extend((0..self.rows.len()).filter(|r| self.row_matches(&self.rows[*r], frame)));
        }
        let vals: Vec<OutVal> = match (self.policy, self.aggregation) {
            (HitPolicy::Collect, Some(agg)) if !buf.is_empty() => self.aggregate(common, frame, buf, agg)?,
            (HitPolicy::Collect, _) => vec![OutVal::Null; self.outputs.len()],
            _ => match self.select(common, frame, buf)? {
                Some(r) => self.outputs_of(common, frame, r)?,
                None => vec![OutVal::Null; self.outputs.len()],
            },
        };
        let used = if self.policy == HitPolicy::Collect { None } else { self.select(common, frame, buf)? };
        sink.matched.push(used.map_or(-1, |r| r as i32));
        for (col, v) in sink.outputs.iter_mut().zip(vals) {
            match (col, v) {
                (OutColumn::Decimal { values }, OutVal::Dec(d)) => values.push(Some(d)),
                (OutColumn::Bool { values }, OutVal::Bool(b)) => values.push(Some(b)),
                (OutColumn::Codes { codes, .. }, OutVal::Choice(i)) => codes.push(i as i32),
                (col, _) => col.push_null(),
            }
        }
        Ok(())
    }

    fn push_null(&self, sink: &mut TableSink) {
        sink.matched.push(-1);
        for col in &mut sink.outputs {
            col.push_null();
        }
    }

    fn finish(&self, _common: &Common, sink: TableSink) -> Vec<(String, OutColumn)> {
        let mut cols: Vec<(String, OutColumn)> =
            self.outputs.iter().map(|o| o.name.clone()).zip(sink.outputs).collect();
        cols.push(("matched".into(), OutColumn::Codes { codes: sink.matched, labels: self.ids.clone() }));
        cols
    }

    /// The first decimal output, else the first output, else the row matched.
    fn compared_column(&self) -> String {
        self.outputs
            .iter()
            .find(|o| o.ty == OutputType::Decimal)
            .or(self.outputs.first())
            .map_or_else(|| "matched".to_owned(), |o| o.name.clone())
    }

    fn check(&self, common: &Common) -> Option<TableCheck> {
        check_table(&common.rule)
    }
}

/// The batch outputs while they fill: each output, the row matched, and a buffer of matches.
pub(crate) struct TableSink {
    outputs: Vec<OutColumn>,
    matched: Vec<i32>,
    buf: Vec<usize>,
}
