//! Compliance thresholds: a measured value against a limit.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::condition::{COperand, Frame, compare, mul};
use super::evaluation::Step;
use super::evaluator::{Builder, Evaluator};
use super::input::Val;
use super::{Operand, RuleValue, TestOp};
use crate::error::{Error, Result};

/// A measured value against a limit: `measured op limit`.
///
/// The measured value is an input, or computed from inputs: a `ratio` (the sum of the
/// numerator inputs over the sum of the denominator inputs, times an optional `scale`, e.g.
/// 1000 for "per thousand"), a `reduction` (`(baseline - value) / baseline`) or a `growth`
/// (`(value - baseline) / baseline`). Compliance is decided exactly, by cross-multiplying
/// rather than dividing; the measured value reported is rounded to 8 decimal places.
///
/// # Example
///
/// ```
/// let t: zhengce::rules::Threshold = serde_json::from_str(r#"{"measured": {"ratio":
///   {"numerator": ["places"], "denominator": ["residents"], "scale": "1000"}},
///   "op": "ge", "limit": {"parameter": "childcare.places_per_1000.target"}}"#).unwrap();
/// assert_eq!(t.op, zhengce::rules::TestOp::Ge);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    /// What is measured.
    pub measured: Measure,
    /// The comparison the measured value must satisfy (`le`, `lt`, `ge`, `gt` or `eq`).
    pub op: TestOp,
    /// The limit: a parameter or a literal decimal.
    pub limit: Operand,
}

/// What a threshold measures.
///
/// # Example
///
/// ```
/// let m: zhengce::rules::Measure = serde_json::from_str(r#"{"reduction": {"value": "promised_days", "baseline": "statutory_days"}}"#).unwrap();
/// assert!(matches!(m, zhengce::rules::Measure::Reduction { .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// An input's value.
    Input(String),
    /// sum(numerator) / sum(denominator) × scale.
    Ratio {
        /// Inputs added up above the line.
        numerator: Vec<String>,
        /// Inputs added up below the line (must total more than 0).
        denominator: Vec<String>,
        /// A factor (1000 for "per thousand"); 1 when absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[schemars(with = "Option<String>")]
        scale: Option<Decimal>,
    },
    /// (baseline - value) / baseline: the share cut from a baseline.
    Reduction {
        /// The input holding the value now.
        value: String,
        /// The input holding the baseline (more than 0).
        baseline: String,
    },
    /// (value - baseline) / baseline: the growth over a baseline.
    Growth {
        /// The input holding the value now.
        value: String,
        /// The input holding the baseline (more than 0).
        baseline: String,
    },
}

/// The value of a threshold rule for one case.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use zhengce::rules::{Input, Options, RuleValue};
///
/// let s = zhengce::Context::builtin();
/// let ev = s.evaluator("tianshan-2022-87/r63-guarantee-fee")?;
/// let input = Input::new(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap()).with("fee_rate", "0.01");
/// let RuleValue::Threshold(v) = ev.evaluate(&input, &Options::default())?.value else { panic!() };
/// assert_eq!(v.compliant, Some(true), "以下 includes the number");
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)] // inlines it in RuleValue's schema, so `kind` reaches the TypeScript types
pub struct ThresholdValue {
    /// False if the rule's scope does not hold (then `compliant` is null).
    pub applicable: bool,
    /// True if the measured value satisfies the comparison.
    pub compliant: Option<bool>,
    /// The measured value (rounded to 8 decimal places when computed).
    #[schemars(with = "Option<String>")]
    pub measured: Option<Decimal>,
    /// The comparison.
    pub op: TestOp,
    /// The limit.
    #[schemars(with = "Option<String>")]
    pub limit: Option<Decimal>,
}

#[derive(Debug)]
pub(crate) enum CMeasure {
    Input(u16),
    Ratio { num: Vec<u16>, den: Vec<u16>, scale: Decimal },
    Reduction { value: u16, baseline: u16 },
    Growth { value: u16, baseline: u16 },
}

#[derive(Debug)]
pub(crate) struct Compiled {
    pub measure: CMeasure,
    pub op: TestOp,
    pub limit: COperand,
}

pub(crate) fn compile(t: &Threshold, b: &mut Builder<'_>) -> Result<Compiled> {
    let measure = match &t.measured {
        Measure::Input(name) => CMeasure::Input(b.input(name)?),
        Measure::Ratio { numerator, denominator, scale } => CMeasure::Ratio {
            num: numerator.iter().map(|n| b.input(n)).collect::<Result<_>>()?,
            den: denominator.iter().map(|n| b.input(n)).collect::<Result<_>>()?,
            scale: scale.unwrap_or(Decimal::ONE),
        },
        Measure::Reduction { value, baseline } => {
            CMeasure::Reduction { value: b.input(value)?, baseline: b.input(baseline)? }
        }
        Measure::Growth { value, baseline } => {
            CMeasure::Growth { value: b.input(value)?, baseline: b.input(baseline)? }
        }
    };
    let limit = match &t.limit {
        Operand::Parameter { parameter } => COperand::Param(b.param(parameter, "limit")?),
        Operand::Literal(v) => COperand::Val(
            super::evaluator::literal_val(&decimal_spec(), v)
                .ok_or_else(|| Error::invalid_input("limit", v, "a decimal string"))?,
        ),
    };
    Ok(Compiled { measure, op: t.op, limit })
}

fn decimal_spec() -> super::InputSpec {
    super::InputSpec {
        name: "limit".into(),
        label: crate::Text::new("限值", "limit"),
        ty: super::InputType::Decimal,
        choices: Vec::new(),
        unit: None,
        min: None,
        default: None,
        required: true,
    }
}

impl Compiled {
    fn dec(&self, ev: &Evaluator, frame: &Frame, slot: u16) -> Result<Decimal> {
        match frame.vals[slot as usize] {
            Some(Val::Dec(d)) => Ok(d),
            _ => Err(Error::missing_input(ev.rule().inputs[slot as usize].name.as_str())),
        }
    }

    fn sum(&self, ev: &Evaluator, frame: &Frame, slots: &[u16]) -> Result<Decimal> {
        let mut total = Decimal::ZERO;
        for s in slots {
            total = total
                .checked_add(self.dec(ev, frame, *s)?)
                .ok_or_else(|| Error::invalid_input("measured", "a sum", "no overflow"))?;
        }
        Ok(total)
    }

    /// Measured value (as shown) and compliance (decided exactly).
    pub(crate) fn measure(&self, ev: &Evaluator, frame: &Frame, limit: Decimal) -> Result<(Decimal, bool)> {
        let what = ev.rule().id.as_str();
        let positive = |d: Decimal, slots: &[u16]| -> Result<Decimal> {
            if d > Decimal::ZERO {
                Ok(d)
            } else {
                let names: Vec<&str> =
                    slots.iter().map(|s| ev.rule().inputs[*s as usize].name.as_str()).collect();
                Err(Error::invalid_input(names.join(" + "), d, "a total of more than 0 (it divides)"))
            }
        };
        // measured = top / bottom, compared as top (op) limit × bottom with bottom > 0.
        let (top, bottom) = match &self.measure {
            CMeasure::Input(slot) => (self.dec(ev, frame, *slot)?, Decimal::ONE),
            CMeasure::Ratio { num, den, scale } => {
                let n = mul(self.sum(ev, frame, num)?, *scale, what)?;
                (n, positive(self.sum(ev, frame, den)?, den)?)
            }
            CMeasure::Reduction { value, baseline } => {
                let b = positive(self.dec(ev, frame, *baseline)?, &[*baseline])?;
                (b - self.dec(ev, frame, *value)?, b)
            }
            CMeasure::Growth { value, baseline } => {
                let b = positive(self.dec(ev, frame, *baseline)?, &[*baseline])?;
                (self.dec(ev, frame, *value)? - b, b)
            }
        };
        let holds = compare(self.op, Val::Dec(top), Val::Dec(mul(limit, bottom, what)?)) == Some(true);
        let shown = if bottom == Decimal::ONE {
            top
        } else {
            top.checked_div(bottom).unwrap_or_default().round_dp(8).normalize()
        };
        Ok((shown, holds))
    }

    pub(crate) fn run(
        &self,
        ev: &Evaluator,
        frame: &Frame,
        applies: Option<bool>,
        steps: Option<&mut Vec<Step>>,
    ) -> Result<RuleValue> {
        let mut value = ThresholdValue {
            applicable: applies == Some(true),
            compliant: None,
            measured: None,
            op: self.op,
            limit: None,
        };
        let mut steps = steps;
        if let Some(s) = steps.as_deref_mut()
            && ev.inner.applies.is_some()
        {
            s.push(Step::Scope { holds: applies });
        }
        if !value.applicable {
            return Ok(RuleValue::Threshold(value));
        }
        let limit = match &self.limit {
            COperand::Val(Val::Dec(d)) => *d,
            COperand::Param(p) => frame.params[*p as usize].ok_or_else(|| ev.no_value(frame, *p))?.value,
            _ => return Err(Error::invalid_input("limit", "a non-decimal", "a decimal")),
        };
        let (measured, holds) = self.measure(ev, frame, limit)?;
        if let Some(s) = steps {
            s.push(Step::Compared { measured, op: self.op, limit, holds });
        }
        value.compliant = Some(holds);
        value.measured = Some(measured);
        value.limit = Some(limit);
        Ok(RuleValue::Threshold(value))
    }
}
