//! Compliance thresholds: a measured value against a limit.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;

use crate::catalogue::rule::{COperand, Quantity, Threshold, Val, compare, literal_val};
use crate::error::{Error, Result};
use crate::rules::batch::out::OutColumn;
use crate::rules::compile::{Builder, Common};
use crate::rules::condition::{Frame, mul};
use crate::rules::kinds::RuleKind;
use crate::rules::step::Step;
use crate::rules::{Operand, TestOp};

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

/// A threshold rule compiled: what is measured, the comparison and the limit.
#[derive(Debug)]
pub(crate) struct CompiledThreshold {
    pub measure: CMeasure,
    pub op: TestOp,
    pub limit: COperand,
}

fn decimal_spec() -> crate::rules::InputSpec {
    crate::rules::InputSpec {
        name: "limit".into(),
        label: crate::Text::new("限值", "limit"),
        ty: crate::rules::InputType::Decimal,
        choices: Vec::new(),
        unit: None,
        min: None,
        default: None,
        required: true,
    }
}

impl CompiledThreshold {
    fn dec(&self, common: &Common, frame: &Frame, slot: u16) -> Result<Decimal> {
        match frame.vals[slot as usize] {
            Some(Val::Dec(d)) => Ok(d),
            _ => Err(Error::missing_input(common.rule.inputs[slot as usize].name.as_str())),
        }
    }

    fn sum(&self, common: &Common, frame: &Frame, slots: &[u16]) -> Result<Decimal> {
        let mut total = Decimal::ZERO;
        for s in slots {
            total = total
                .checked_add(self.dec(common, frame, *s)?)
                .ok_or_else(|| Error::invalid_input("measured", "a sum", "no overflow"))?;
        }
        Ok(total)
    }

    /// Measured value (as shown) and compliance (decided exactly).
    pub(crate) fn measure(&self, common: &Common, frame: &Frame, limit: Decimal) -> Result<(Decimal, bool)> {
        let what = common.rule.id.as_str();
        let positive = |d: Decimal, slots: &[u16]| -> Result<Decimal> {
            if d > Decimal::ZERO {
                Ok(d)
            } else {
                let names: Vec<&str> =
                    slots.iter().map(|s| common.rule.inputs[*s as usize].name.as_str()).collect();
                Err(Error::invalid_input(names.join(" + "), d, "a total of more than 0 (it divides)"))
            }
        };
        // measured = top / bottom, compared as top (op) limit × bottom with bottom > 0.
        let (top, bottom) = match &self.measure {
            CMeasure::Input(slot) => (self.dec(common, frame, *slot)?, Decimal::ONE),
            CMeasure::Ratio { num, den, scale } => {
                let n = mul(self.sum(common, frame, num)?, *scale, what)?;
                (n, positive(self.sum(common, frame, den)?, den)?)
            }
            CMeasure::Reduction { value, baseline } => {
                let b = positive(self.dec(common, frame, *baseline)?, &[*baseline])?;
                (b - self.dec(common, frame, *value)?, b)
            }
            CMeasure::Growth { value, baseline } => {
                let b = positive(self.dec(common, frame, *baseline)?, &[*baseline])?;
                (self.dec(common, frame, *value)? - b, b)
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
}

impl RuleKind for CompiledThreshold {
    type Data = Threshold;
    type Value = ThresholdValue;
    type Sink = ThresholdSink;

    fn compile(t: &Threshold, b: &mut Builder<'_>) -> Result<CompiledThreshold> {
        let measure = match &t.measured {
            Quantity::Input(name) => CMeasure::Input(b.input(name)?),
            Quantity::Ratio { numerator, denominator, scale } => CMeasure::Ratio {
                num: numerator.iter().map(|n| b.input(n)).collect::<Result<_>>()?,
                den: denominator.iter().map(|n| b.input(n)).collect::<Result<_>>()?,
                scale: scale.unwrap_or(Decimal::ONE),
            },
            Quantity::Reduction { value, baseline } => {
                CMeasure::Reduction { value: b.input(value)?, baseline: b.input(baseline)? }
            }
            Quantity::Growth { value, baseline } => {
                CMeasure::Growth { value: b.input(value)?, baseline: b.input(baseline)? }
            }
        };
        let limit = match &t.limit {
            Operand::Parameter { parameter } => COperand::Param(b.param(parameter, "limit")?),
            Operand::Literal(v) => COperand::Val(
                literal_val(&decimal_spec(), v)
                    .ok_or_else(|| Error::invalid_input("limit", v, "a decimal string"))?,
            ),
        };
        Ok(CompiledThreshold { measure, op: t.op, limit })
    }

    fn evaluate(
        &self,
        common: &Common,
        frame: &Frame,
        applies: Option<bool>,
        steps: Option<&mut Vec<Step>>,
    ) -> Result<ThresholdValue> {
        let mut value = ThresholdValue {
            applicable: applies == Some(true),
            compliant: None,
            measured: None,
            op: self.op,
            limit: None,
        };
        let mut steps = steps;
        if let Some(s) = steps.as_deref_mut()
            && common.applies.is_some()
        {
            s.push(Step::Scope { holds: applies });
        }
        if !value.applicable {
            return Ok(value);
        }
        let limit = match &self.limit {
            COperand::Val(Val::Dec(d)) => *d,
            COperand::Param(p) => frame.params[*p as usize].ok_or_else(|| common.no_value(frame, *p))?.value,
            _ => return Err(Error::invalid_input("limit", "a non-decimal", "a decimal")),
        };
        let (measured, holds) = self.measure(common, frame, limit)?;
        if let Some(s) = steps {
            s.push(Step::Compared { measured, op: self.op, limit, holds });
        }
        value.compliant = Some(holds);
        value.measured = Some(measured);
        value.limit = Some(limit);
        Ok(value)
    }

    fn sink(&self, _common: &Common, rows: usize, _jur: usize) -> Result<ThresholdSink> {
        Ok(ThresholdSink { compliant: Vec::with_capacity(rows), measured: Vec::with_capacity(rows) })
    }

    fn push(
        &self,
        common: &Common,
        sink: &mut ThresholdSink,
        frame: &Frame,
        applies: Option<bool>,
    ) -> Result<()> {
        if applies == Some(true) {
            let limit = match &self.limit {
                COperand::Val(Val::Dec(d)) => *d,
                COperand::Param(p) => {
                    frame.params[*p as usize].ok_or_else(|| common.no_value(frame, *p))?.value
                }
                _ => Decimal::ZERO,
            };
            let (m, holds) = self.measure(common, frame, limit)?;
            sink.compliant.push(Some(holds));
            sink.measured.push(Some(m));
        } else {
            self.push_null(sink);
        }
        Ok(())
    }

    fn push_null(&self, sink: &mut ThresholdSink) {
        sink.compliant.push(None);
        sink.measured.push(None);
    }

    fn finish(&self, _common: &Common, sink: ThresholdSink) -> Vec<(String, OutColumn)> {
        vec![
            ("compliant".into(), OutColumn::Bool { values: sink.compliant }),
            ("measured".into(), OutColumn::Decimal { values: sink.measured }),
        ]
    }

    fn compared_column(&self) -> String {
        "compliant".to_owned()
    }
}

/// The batch outputs while they fill.
pub(crate) struct ThresholdSink {
    compliant: Vec<Option<bool>>,
    measured: Vec<Option<Decimal>>,
}
