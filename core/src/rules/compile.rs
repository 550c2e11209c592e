//! Compiling a rule: what every kind shares (inputs, parameters with their timelines, tests),
//! and the builder each kind compiles its parts with.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::condition::{CCond, CTest, Frame};
use crate::catalogue::rule::{COperand, Condition, InputSpec, Operand, Rule, Test, TestOp, Val, literal_val};
use crate::context::{Context, Timeline, param_index};
use crate::error::{Error, ErrorKind, Result};

/// What a compiled rule of any kind holds: its context, the rule, its jurisdictions, the
/// parameters it reads, its tests and the inputs' defaults.
#[derive(Debug)]
pub(crate) struct Common {
    pub context: Context,
    pub rule: Rule,
    /// The rule's jurisdiction first, then every jurisdiction below it.
    pub jurisdictions: Vec<String>,
    pub jur_index: HashMap<String, usize>,
    pub params: Vec<ParamSlot>,
    pub tests: Vec<CTest>,
    /// The rule's tests in the same order as `tests`, for explanations.
    pub test_specs: Vec<Test>,
    pub applies: Option<CCond>,
    pub defaults: Vec<Option<Val>>,
}

impl Common {
    /// The error for parameter slot `p` without a value in force.
    pub(crate) fn no_value(&self, frame: &Frame, p: u16) -> Error {
        let key = &self.context.catalogue().data().parameters[self.params[p as usize].index].id;
        super::condition::no_value(key, &self.jurisdictions[frame.jur], frame.date)
    }

    /// An empty frame for `date` in jurisdiction `jur`, parameters resolved.
    pub(crate) fn empty_frame(&self, date: NaiveDate, jur: usize) -> Frame {
        let mut frame = Frame {
            date,
            jur,
            vals: vec![None; self.rule.inputs.len()],
            params: Vec::with_capacity(self.params.len()),
            tests: vec![None; self.tests.len()],
        };
        self.resolve(&mut frame);
        frame
    }

    /// Looks every parameter up on the frame's date in its jurisdiction.
    pub(crate) fn resolve(&self, frame: &mut Frame) {
        frame.params.clear();
        frame.params.extend(self.params.iter().map(|p| p.timelines[frame.jur].seg(frame.date).hit));
    }

    /// Applies defaults; a required input without a value is an error unless the kind reports
    /// missing inputs in its value (`missing_is_a_value`: eligibility).
    pub(crate) fn fill_defaults(&self, frame: &mut Frame, missing_is_a_value: bool) -> Result<()> {
        for (slot, spec) in self.rule.inputs.iter().enumerate() {
            if frame.vals[slot].is_none() {
                frame.vals[slot] = self.defaults[slot];
                if frame.vals[slot].is_none() && spec.required && !missing_is_a_value {
                    return Err(Error::missing_input(spec.name.as_str()));
                }
            }
        }
        Ok(())
    }

    /// Evaluates every test of the frame and the rule's scope (`None`: undecided).
    #[inline]
    pub(crate) fn test(&self, frame: &mut Frame) -> Result<Option<bool>> {
        for (i, t) in self.tests.iter().enumerate() {
            frame.tests[i] = t.eval(frame).map_err(|p| self.no_value(frame, p))?;
        }
        Ok(self.applies.as_ref().map_or(Some(true), |a| a.eval(&frame.tests)))
    }
}

#[derive(Debug)]
pub(crate) struct ParamSlot {
    /// Index of the parameter in the catalogue.
    pub index: usize,
    pub role: String,
    /// One timeline per jurisdiction of the evaluator.
    pub timelines: Vec<Timeline>,
}
/// Compiles a rule's parts against its inputs and parameters.
pub(crate) struct Builder<'a> {
    pub rule: &'a Rule,
    pub context: &'a Context,
    pub ancestries: Vec<Vec<&'a str>>,
    pub params: Vec<ParamSlot>,
    pub tests: Vec<CTest>,
    pub test_specs: Vec<super::Test>,
}
impl<'a> Builder<'a> {
    pub(crate) fn broken(&self, what: String) -> Error {
        // The catalogue check rejects such rules; this guards rules that reach the evaluator
        // some other way.
        Error::new(ErrorKind::Infeasible { what: format!("compile rule '{}'", self.rule.id), why: what })
    }

    /// The slot of an input.
    pub(crate) fn input(&self, name: &str) -> Result<u16> {
        self.rule
            .inputs
            .iter()
            .position(|i| i.name == name)
            .map(|i| i as u16)
            .ok_or_else(|| self.broken(format!("input '{name}' is not declared")))
    }

    pub(crate) fn spec(&self, slot: u16) -> &'a InputSpec {
        &self.rule.inputs[slot as usize]
    }

    /// The slot of a parameter, adding it on first use.
    pub(crate) fn param(&mut self, key: &str, role: &str) -> Result<u16> {
        let cat = self.context.catalogue();
        let index = param_index(cat, key)?;
        if let Some(i) = self.params.iter().position(|p| p.index == index) {
            return Ok(i as u16);
        }
        let overrides = &self.context.scenario().parameters;
        let timelines = self.ancestries.iter().map(|a| Timeline::build(cat, overrides, index, a)).collect();
        self.params.push(ParamSlot { index, role: role.to_owned(), timelines });
        Ok((self.params.len() - 1) as u16)
    }

    /// A literal or parameter operand for input `slot` under `op`.
    pub(crate) fn operand(&mut self, slot: u16, op: TestOp, value: &Operand, role: &str) -> Result<COperand> {
        let spec = self.spec(slot);
        match value {
            Operand::Parameter { parameter } => Ok(COperand::Param(self.param(parameter, role)?)),
            Operand::Literal(v) => self.literal(spec, op, v),
        }
    }

    pub(crate) fn literal(
        &self,
        spec: &InputSpec,
        op: TestOp,
        value: &serde_json::Value,
    ) -> Result<COperand> {
        let one = |v: &serde_json::Value| {
            literal_val(spec, v).ok_or_else(|| {
                self.broken(format!(
                    "{v} is not {} for input '{}'",
                    crate::catalogue::rule::expected(spec),
                    spec.name
                ))
            })
        };
        match (op, value) {
            (TestOp::In | TestOp::NotIn, serde_json::Value::Array(items)) => {
                Ok(COperand::List(items.iter().map(one).collect::<Result<_>>()?))
            }
            (TestOp::In | TestOp::NotIn, other) => {
                Err(self.broken(format!("{other} is not a list for '{op:?}'")))
            }
            (_, v) => Ok(COperand::Val(one(v)?)),
        }
    }

    pub(crate) fn condition(&mut self, c: &Condition) -> Result<CCond> {
        Ok(match c {
            Condition::All(parts) => {
                CCond::All(parts.iter().map(|p| self.condition(p)).collect::<Result<_>>()?)
            }
            Condition::Any(parts) => {
                CCond::Any(parts.iter().map(|p| self.condition(p)).collect::<Result<_>>()?)
            }
            Condition::Not(inner) => CCond::Not(Box::new(self.condition(inner)?)),
            Condition::Test(t) => {
                let input = self.input(&t.input)?;
                let operand = self.operand(input, t.op, &t.value, &format!("test {}", t.id))?;
                self.tests.push(CTest { input, op: t.op, operand });
                self.test_specs.push(t.clone());
                CCond::Test((self.tests.len() - 1) as u16)
            }
        })
    }
}
