//! Compiled tests and conditions, evaluated in three-valued logic.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::TestOp;
use crate::catalogue::rule::{COperand, Val, compare};
use crate::context::Hit;
use crate::error::{Error, Result};

/// The state of one evaluation: the case's inputs, parameters and test outcomes.
#[derive(Debug, Clone)]
pub(crate) struct Frame {
    pub date: NaiveDate,
    /// Index of the evaluation's jurisdiction among the evaluator's.
    pub jur: usize,
    /// Checked input values by slot; `None` when not given and without default.
    pub vals: Vec<Option<Val>>,
    /// Resolved parameters by slot; `None` when no value is in force.
    pub params: Vec<Option<Hit>>,
    /// Test outcomes by index; `None` when unknown (an input is missing).
    pub tests: Vec<Option<bool>>,
}

/// A test compiled against the rule's inputs and parameters.
#[derive(Debug, Clone)]
pub(crate) struct CTest {
    pub input: u16,
    pub op: TestOp,
    pub operand: COperand,
}

/// A compiled condition; its tests are indices into the evaluator's tests.
#[derive(Debug, Clone)]
pub(crate) enum CCond {
    All(Vec<CCond>),
    Any(Vec<CCond>),
    Not(Box<CCond>),
    Test(u16),
}

/// A parameter a test or output needs had no value in force.
pub(crate) type NoValue = u16;

impl COperand {
    /// Tests `value` against the operand; `Err(slot)` if a parameter had no value.
    #[inline]
    pub(crate) fn test(
        &self,
        op: TestOp,
        value: Val,
        params: &[Option<Hit>],
    ) -> Result<Option<bool>, NoValue> {
        Ok(match self {
            COperand::Val(v) => compare(op, value, *v),
            COperand::List(items) => {
                let found = items.iter().any(|v| compare(TestOp::Eq, value, *v) == Some(true));
                Some(if op == TestOp::NotIn { !found } else { found })
            }
            COperand::Param(p) => match params[*p as usize] {
                Some(hit) => compare(op, value, Val::Dec(hit.value)),
                None => return Err(*p),
            },
        })
    }
}

impl CTest {
    #[inline]
    pub(crate) fn eval(&self, frame: &Frame) -> Result<Option<bool>, NoValue> {
        match frame.vals[self.input as usize] {
            None => Ok(None),
            Some(v) => self.operand.test(self.op, v, &frame.params),
        }
    }
}

impl CCond {
    /// The condition's value from its tests' outcomes.
    pub(crate) fn eval(&self, tests: &[Option<bool>]) -> Option<bool> {
        match self {
            CCond::Test(t) => tests[*t as usize],
            CCond::Not(inner) => inner.eval(tests).map(|b| !b),
            CCond::All(parts) => {
                let mut unknown = false;
                for p in parts {
                    match p.eval(tests) {
                        Some(false) => return Some(false),
                        None => unknown = true,
                        Some(true) => {}
                    }
                }
                if unknown { None } else { Some(true) }
            }
            CCond::Any(parts) => {
                let mut unknown = false;
                for p in parts {
                    match p.eval(tests) {
                        Some(true) => return Some(true),
                        None => unknown = true,
                        Some(false) => {}
                    }
                }
                if unknown { None } else { Some(false) }
            }
        }
    }

    /// Every test index in the condition.
    pub(crate) fn tests(&self, out: &mut Vec<u16>) {
        match self {
            CCond::Test(t) => out.push(*t),
            CCond::Not(inner) => inner.tests(out),
            CCond::All(parts) | CCond::Any(parts) => parts.iter().for_each(|p| p.tests(out)),
        }
    }

    /// The tests that make the condition miss the value `want`: for `all` the parts that
    /// failed, for `any` every part, through `not` the parts that held. Unknown parts are not
    /// blamed (they are reported as missing inputs).
    pub(crate) fn blame(&self, want: bool, tests: &[Option<bool>], out: &mut Vec<u16>) {
        if self.eval(tests) != Some(!want) {
            return;
        }
        match self {
            CCond::Test(t) => out.push(*t),
            CCond::Not(inner) => inner.blame(!want, tests, out),
            CCond::All(parts) | CCond::Any(parts) => parts.iter().for_each(|p| p.blame(want, tests, out)),
        }
    }
}

/// The error for a parameter without a value in force where the rule needs one.
pub(crate) fn no_value(key: &str, jurisdiction: &str, date: NaiveDate) -> Error {
    Error::invalid_input(
        "date",
        date,
        format!("a date on which parameter '{key}' has a value in '{jurisdiction}' or an ancestor"),
    )
}

/// Multiplies decimals for rule `rule`, failing on overflow.
#[inline]
pub(crate) fn mul(a: Decimal, b: Decimal, rule: &str) -> Result<Decimal> {
    a.checked_mul(b).ok_or_else(|| {
        Error::new(crate::ErrorKind::Infeasible {
            what: format!("evaluate rule '{rule}'"),
            why: format!("{a} × {b} overflows the decimal range"),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_valued_logic() {
        let t = [Some(true), Some(false), None];
        let all = CCond::All(vec![CCond::Test(0), CCond::Test(2)]);
        assert_eq!(all.eval(&t), None);
        let all = CCond::All(vec![CCond::Test(1), CCond::Test(2)]);
        assert_eq!(all.eval(&t), Some(false));
        let any = CCond::Any(vec![CCond::Test(0), CCond::Test(2)]);
        assert_eq!(any.eval(&t), Some(true));
        let any = CCond::Any(vec![CCond::Test(1), CCond::Test(2)]);
        assert_eq!(any.eval(&t), None);
        assert_eq!(CCond::Not(Box::new(CCond::Test(2))).eval(&t), None);
    }

    #[test]
    fn blame_names_the_parts_that_failed() {
        let t = [Some(true), Some(false), Some(false), Some(true)];
        // all(t0, t1, not(t3)) fails because of t1 and t3 (which held under a not).
        let c = CCond::All(vec![CCond::Test(0), CCond::Test(1), CCond::Not(Box::new(CCond::Test(3)))]);
        let mut out = Vec::new();
        c.blame(true, &t, &mut out);
        assert_eq!(out, [1, 3]);
        // any(t1, t2) fails because of both.
        let mut out = Vec::new();
        CCond::Any(vec![CCond::Test(1), CCond::Test(2)]).blame(true, &t, &mut out);
        assert_eq!(out, [1, 2]);
    }
}
