//! The output columns of each kind, filled row by row.

use super::OutColumn;
use crate::catalogue::rule::{HitPolicy, OutputType, Val};
use crate::error::{Error, ErrorKind, Result};
use crate::rules::condition::Frame;
use crate::rules::evaluator::{Evaluator, Kind};
use crate::rules::kinds::decision_table::OutVal;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Output columns being filled row by row.
pub(crate) enum Sink {
    Capped { amounts: Vec<i64>, status: Vec<i32>, labels: Vec<String>, places: u32 },
    Table { outputs: Vec<OutColumn>, matched: Vec<i32>, buf: Vec<usize> },
    Eligibility { eligible: Vec<Option<bool>>, failed: Vec<i32>, missing: Vec<i32>, buf: Vec<u16> },
    Threshold { compliant: Vec<Option<bool>>, measured: Vec<Option<Decimal>> },
    Deadline { dates: Vec<Option<NaiveDate>>, calendar: Box<crate::calendar::Calendar> },
}

impl Sink {
    pub(crate) fn new(ev: &Evaluator, rows: usize, jur: usize) -> Result<Sink> {
        let c = &*ev.inner;
        Ok(match &c.kind {
            Kind::TimeLimit { .. } => {
                let calendar = c.context.calendar(&c.jurisdictions[jur])?;
                Sink::Deadline { dates: Vec::with_capacity(rows), calendar: Box::new(calendar) }
            }
            Kind::CappedRate(k) => {
                let mut labels: Vec<String> =
                    ["rate", "capped", "floored", "not_applicable"].map(String::from).to_vec();
                labels.extend(k.ids.iter().cloned());
                Sink::Capped {
                    amounts: Vec::with_capacity(rows),
                    status: Vec::with_capacity(rows),
                    labels,
                    places: k.rounding.places,
                }
            }
            Kind::DecisionTable(k) => {
                if k.policy == HitPolicy::Collect && k.aggregation.is_none() {
                    return Err(Error::new(ErrorKind::Infeasible {
                        what: format!("evaluate rule '{}' in a batch", c.rule.id),
                        why: "a collect table without aggregation gives a list per row; evaluate its rows one by one".into(),
                    }));
                }
                let outputs = k
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
                Sink::Table { outputs, matched: Vec::with_capacity(rows), buf: Vec::new() }
            }
            Kind::Eligibility(_) => Sink::Eligibility {
                eligible: Vec::with_capacity(rows),
                failed: Vec::with_capacity(rows),
                missing: Vec::with_capacity(rows),
                buf: Vec::new(),
            },
            Kind::Threshold(_) => {
                Sink::Threshold { compliant: Vec::with_capacity(rows), measured: Vec::with_capacity(rows) }
            }
        })
    }

    pub(crate) fn push(&mut self, ev: &Evaluator, frame: &Frame, applies: Option<bool>) -> Result<()> {
        let c = &*ev.inner;
        match (self, &c.kind) {
            (Sink::Deadline { dates, calendar }, Kind::TimeLimit { slot }) => {
                let value =
                    frame.params[*slot as usize].ok_or_else(|| ev.inner.no_value(frame, *slot))?.value;
                let param = &c.context.catalogue().data().parameters[c.params[*slot as usize].index];
                let (n, unit) = crate::rules::kinds::time_limit::limit_of(&param.id, value, &param.unit)?;
                let (_, due, _) = calendar.deadline_dates(frame.date, n, unit, &Default::default())?;
                dates.push(Some(due));
            }
            (Sink::Capped { amounts, status, places, .. }, Kind::CappedRate(k)) => {
                let (amount, st) = k.compute(&ev.inner, frame, applies)?;
                let units = amount.map_or(0, |a| {
                    let mut a = a;
                    a.rescale(*places);
                    i64::try_from(a.mantissa()).unwrap_or(i64::MAX)
                });
                amounts.push(units);
                status.push(st);
            }
            (Sink::Table { outputs, matched, buf }, Kind::DecisionTable(k)) => {
                buf.clear();
                if applies == Some(true) {
                    buf.extend((0..k.rows.len()).filter(|r| k.row_matches(&k.rows[*r], frame)));
                }
                let vals: Vec<OutVal> = match (k.policy, k.aggregation) {
                    (HitPolicy::Collect, Some(agg)) if !buf.is_empty() => {
                        k.aggregate(&ev.inner, frame, buf, agg)?
                    }
                    (HitPolicy::Collect, _) => vec![OutVal::Null; k.outputs.len()],
                    _ => match k.select(&ev.inner, frame, buf)? {
                        Some(r) => k.outputs_of(&ev.inner, frame, r)?,
                        None => vec![OutVal::Null; k.outputs.len()],
                    },
                };
                let used =
                    if k.policy == HitPolicy::Collect { None } else { k.select(&ev.inner, frame, buf)? };
                matched.push(used.map_or(-1, |r| r as i32));
                for (col, v) in outputs.iter_mut().zip(vals) {
                    match (col, v) {
                        (OutColumn::Decimal { values }, OutVal::Dec(d)) => values.push(Some(d)),
                        (OutColumn::Decimal { values }, _) => values.push(None),
                        (OutColumn::Bool { values }, OutVal::Bool(b)) => values.push(Some(b)),
                        (OutColumn::Bool { values }, _) => values.push(None),
                        (OutColumn::Codes { codes, .. }, OutVal::Choice(i)) => codes.push(i as i32),
                        (OutColumn::Codes { codes, .. }, _) => codes.push(-1),
                        (OutColumn::Int { .. } | OutColumn::Date { .. }, _) => {}
                    }
                }
            }
            (Sink::Eligibility { eligible, failed, missing, buf }, Kind::Eligibility(k)) => {
                eligible.push(k.verdict(frame, applies));
                buf.clear();
                if let Some(scope) = &c.applies {
                    scope.blame(true, &frame.tests, buf);
                }
                k.condition.blame(true, &frame.tests, buf);
                failed.push(buf.iter().min().map_or(-1, |t| *t as i32));
                let first_missing =
                    c.tests.iter().zip(&frame.tests).filter(|(_, o)| o.is_none()).map(|(t, _)| t.input).min();
                missing.push(first_missing.map_or(-1, |s| s as i32));
            }
            (Sink::Threshold { compliant, measured }, Kind::Threshold(k)) => {
                if applies == Some(true) {
                    let limit = match &k.limit {
                        crate::catalogue::rule::COperand::Val(Val::Dec(d)) => *d,
                        crate::catalogue::rule::COperand::Param(p) => {
                            frame.params[*p as usize].ok_or_else(|| ev.inner.no_value(frame, *p))?.value
                        }
                        _ => Decimal::ZERO,
                    };
                    let (m, holds) = k.measure(&ev.inner, frame, limit)?;
                    compliant.push(Some(holds));
                    measured.push(Some(m));
                } else {
                    compliant.push(None);
                    measured.push(None);
                }
            }
            _ => unreachable!("the sink is made for the evaluator's kind"),
        }
        Ok(())
    }

    pub(crate) fn finish(self, ev: &Evaluator) -> Vec<(String, OutColumn)> {
        let c = &*ev.inner;
        match (self, &c.kind) {
            (Sink::Capped { amounts, status, labels, places }, _) => vec![
                ("amount".into(), OutColumn::Int { values: amounts, scale: places }),
                ("status".into(), OutColumn::Codes { codes: status, labels }),
            ],
            (Sink::Table { outputs, matched, .. }, Kind::DecisionTable(k)) => {
                let mut cols: Vec<(String, OutColumn)> =
                    k.outputs.iter().map(|o| o.name.clone()).zip(outputs).collect();
                cols.push(("matched".into(), OutColumn::Codes { codes: matched, labels: k.ids.clone() }));
                cols
            }
            (Sink::Eligibility { eligible, failed, missing, .. }, _) => vec![
                ("eligible".into(), OutColumn::Bool { values: eligible }),
                (
                    "failed".into(),
                    OutColumn::Codes {
                        codes: failed,
                        labels: c.test_specs.iter().map(|t| t.id.clone()).collect(),
                    },
                ),
                (
                    "missing".into(),
                    OutColumn::Codes {
                        codes: missing,
                        labels: c.rule.inputs.iter().map(|i| i.name.clone()).collect(),
                    },
                ),
            ],
            (Sink::Threshold { compliant, measured }, _) => vec![
                ("compliant".into(), OutColumn::Bool { values: compliant }),
                ("measured".into(), OutColumn::Decimal { values: measured }),
            ],
            (Sink::Deadline { dates, .. }, _) => vec![("deadline".into(), OutColumn::Date { values: dates })],
            _ => Vec::new(),
        }
    }
}
