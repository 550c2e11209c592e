//! Eligibility: a condition over named inputs, reporting every failed test and every missing
//! input so that a front end can ask the next question.

use schemars::JsonSchema;
use serde::Serialize;

use crate::catalogue::Text;
use crate::catalogue::rule::Eligibility;
use crate::error::Result;
use crate::rules::batch::out::OutColumn;
use crate::rules::compile::{Builder, Common};
use crate::rules::condition::{CCond, Frame};
use crate::rules::kinds::RuleKind;
use crate::rules::step::Step;
use crate::rules::{Modality, TestOp};

/// The value of an eligibility rule for one case.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use zhengce::rules::{Input, Options, RuleValue};
///
/// let s = zhengce::Context::builtin();
/// let ev = s.evaluator("tianshan-2022-87/r59-simple-deregistration")?;
/// let input = Input::new(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap())
///     .with("entity_kind", "listed_company").with("debts", "none");
/// let RuleValue::Eligibility(v) = ev.evaluate(&input, &Options::default())?.value else { panic!() };
/// assert_eq!(v.eligible, Some(false));
/// assert_eq!(v.failed[0].id, "not-listed");
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)] // inlines it in RuleValue's schema, so `kind` reaches the TypeScript types
pub struct EligibilityValue {
    /// False if the rule's scope does not hold, `null` if unknown.
    pub applicable: Option<bool>,
    /// True if eligible, false if not, `null` while missing inputs could change the answer.
    pub eligible: Option<bool>,
    /// Whether eligibility obliges (`shall`) or only permits (`may`) the outcome.
    pub modality: Modality,
    /// What follows: the rule's outcome when eligible, its `otherwise` when not (null when the
    /// text says nothing or the case is undecided).
    pub outcome: Option<Text>,
    /// Every test that made the case fail, in the rule's order.
    pub failed: Vec<FailedTest>,
    /// Every input a test needs that was not given, in the rule's order.
    pub missing: Vec<String>,
}

/// A test that made a case fail.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use zhengce::rules::{Input, Options, RuleValue};
/// let s = zhengce::Context::builtin();
/// let ev = s.evaluator("tianshan-2022-87/r57-market-access")?;
/// let input = Input::new(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap()).with("on_negative_list", true);
/// let RuleValue::Eligibility(v) = ev.evaluate(&input, &Options::default())?.value else { panic!() };
/// assert_eq!((v.failed[0].id.as_str(), v.failed[0].held), ("not-on-negative-list", false));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct FailedTest {
    /// The test's id.
    pub id: String,
    /// What it requires.
    pub label: Text,
    /// The input it reads.
    pub input: String,
    /// The comparison.
    pub op: TestOp,
    /// The test held where the rule needs it not to (it sits under a `not`).
    pub held: bool,
}

/// An eligibility rule compiled: its condition and what follows either way.
#[derive(Debug)]
pub(crate) struct CompiledEligibility {
    pub condition: CCond,
    pub outcome: Text,
    pub otherwise: Option<Text>,
}

/// Kleene conjunction.
pub(crate) fn and3(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(false), _) | (_, Some(false)) => Some(false),
        (Some(true), Some(true)) => Some(true),
        _ => None,
    }
}

impl CompiledEligibility {
    /// Eligible or not (`None`: undecided), from the tests already evaluated.
    #[inline]
    pub(crate) fn verdict(&self, frame: &Frame, applies: Option<bool>) -> Option<bool> {
        and3(applies, self.condition.eval(&frame.tests))
    }
}

impl RuleKind for CompiledEligibility {
    type Data = Eligibility;
    type Value = EligibilityValue;
    type Sink = EligibilitySink;

    const MISSING_IS_A_VALUE: bool = true;

    fn compile(e: &Eligibility, b: &mut Builder<'_>) -> Result<CompiledEligibility> {
        Ok(CompiledEligibility {
            condition: b.condition(&e.condition)?,
            outcome: e.outcome.clone(),
            otherwise: e.otherwise.clone(),
        })
    }

    fn evaluate(
        &self,
        common: &Common,
        frame: &Frame,
        applies: Option<bool>,
        steps: Option<&mut Vec<Step>>,
    ) -> Result<EligibilityValue> {
        let c = common;
        let eligible = self.verdict(frame, applies);
        let mut blamed = Vec::new();
        if let Some(scope) = &c.applies {
            scope.blame(true, &frame.tests, &mut blamed);
        }
        self.condition.blame(true, &frame.tests, &mut blamed);
        blamed.sort_unstable();
        blamed.dedup();
        let failed = blamed
            .iter()
            .map(|t| {
                let spec = &c.test_specs[*t as usize];
                FailedTest {
                    id: spec.id.clone(),
                    label: spec.label.clone(),
                    input: spec.input.clone(),
                    op: spec.op,
                    held: frame.tests[*t as usize] == Some(true),
                }
            })
            .collect();
        let mut unknown = Vec::new();
        if let Some(scope) = &c.applies {
            scope.tests(&mut unknown);
        }
        self.condition.tests(&mut unknown);
        let mut slots: Vec<u16> = unknown
            .iter()
            .filter(|t| frame.tests[**t as usize].is_none())
            .map(|t| c.tests[*t as usize].input)
            .collect();
        slots.sort_unstable();
        slots.dedup();
        let missing = slots.iter().map(|s| c.rule.inputs[*s as usize].name.clone()).collect();
        if let Some(s) = steps
            && c.applies.is_some()
        {
            s.push(Step::Scope { holds: applies });
        }
        let outcome = match eligible {
            Some(true) => Some(self.outcome.clone()),
            Some(false) => self.otherwise.clone(),
            None => None,
        };
        Ok(EligibilityValue {
            applicable: applies,
            eligible,
            modality: c.rule.modality,
            outcome,
            failed,
            missing,
        })
    }

    fn sink(&self, _common: &Common, rows: usize, _jur: usize) -> Result<EligibilitySink> {
        Ok(EligibilitySink {
            eligible: Vec::with_capacity(rows),
            failed: Vec::with_capacity(rows),
            missing: Vec::with_capacity(rows),
            buf: Vec::new(),
        })
    }

    fn push(
        &self,
        c: &Common,
        sink: &mut EligibilitySink,
        frame: &Frame,
        applies: Option<bool>,
    ) -> Result<()> {
        sink.eligible.push(self.verdict(frame, applies));
        sink.buf.clear();
        if let Some(scope) = &c.applies {
            scope.blame(true, &frame.tests, &mut sink.buf);
        }
        self.condition.blame(true, &frame.tests, &mut sink.buf);
        sink.failed.push(sink.buf.iter().min().map_or(-1, |t| *t as i32));
        let first_missing =
            c.tests.iter().zip(&frame.tests).filter(|(_, o)| o.is_none()).map(|(t, _)| t.input).min();
        sink.missing.push(first_missing.map_or(-1, |s| s as i32));
        Ok(())
    }

    fn push_null(&self, sink: &mut EligibilitySink) {
        sink.eligible.push(None);
        sink.failed.push(-1);
        sink.missing.push(-1);
    }

    fn finish(&self, c: &Common, sink: EligibilitySink) -> Vec<(String, OutColumn)> {
        vec![
            ("eligible".into(), OutColumn::Bool { values: sink.eligible }),
            (
                "failed".into(),
                OutColumn::Codes {
                    codes: sink.failed,
                    labels: c.test_specs.iter().map(|t| t.id.clone()).collect(),
                },
            ),
            (
                "missing".into(),
                OutColumn::Codes {
                    codes: sink.missing,
                    labels: c.rule.inputs.iter().map(|i| i.name.clone()).collect(),
                },
            ),
        ]
    }

    fn compared_column(&self) -> String {
        "eligible".to_owned()
    }
}

/// The batch outputs while they fill: the verdict, the first failed test and the first
/// missing input, and a buffer of blamed tests.
pub(crate) struct EligibilitySink {
    eligible: Vec<Option<bool>>,
    failed: Vec<i32>,
    missing: Vec<i32>,
    buf: Vec<u16>,
}
