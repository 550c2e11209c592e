//! Capped rate: amount = rate × base, rounded, raised to a floor and lowered to a cap, with
//! labelled exceptions.

mod batch;
pub(crate) mod kernel;
mod prepared;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;

use crate::catalogue::Text;
use crate::catalogue::rule::{CappedRate, ExceptionEffect, IfNoValue, Rounding, RoundingMode, Val};
use crate::error::{Error, Result};
use crate::rules::batch::OutBuffer;
use crate::rules::batch::bound::Chunk;
use crate::rules::batch::out::OutColumn;
use crate::rules::compile::{Builder, Common};
use crate::rules::condition::{CCond, Frame, mul};
use crate::rules::kinds::RuleKind;
use crate::rules::step::Step;

/// The value of a capped-rate rule for one case.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use zhengce::rules::{Input, Options, RuleValue};
///
/// let s = zhengce::Context::builtin();
/// let bond = s.evaluator("tianshan-2022-87/r68-bid-bond")?;
/// let input = Input::new(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap())
///     .with("budget", "5000000").with("lot_type", "ppp");
/// let RuleValue::CappedRate(v) = bond.evaluate(&input, &Options::default())?.value else { panic!() };
/// assert_eq!(v.amount.unwrap().to_string(), "50000.00");
/// assert_eq!(v.exceptions, ["ppp"]);
/// assert!(!v.capped);
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)] // inlines it in RuleValue's schema, so `kind` reaches the TypeScript types
pub struct CappedRateValue {
    /// False if the rule's scope does not hold for the case (then `amount` is null).
    pub applicable: bool,
    /// The amount, with exactly `rounding.places` decimals.
    #[schemars(with = "Option<String>")]
    pub amount: Option<Decimal>,
    /// rate × base, rounded, before floor and cap.
    #[schemars(with = "Option<String>")]
    pub computed: Option<Decimal>,
    /// The rate used.
    #[schemars(with = "Option<String>")]
    pub rate: Option<Decimal>,
    /// The cap in force (`null`: none, or lifted by an exception).
    #[schemars(with = "Option<String>")]
    pub cap: Option<Decimal>,
    /// The floor in force (`null`: none, or lifted).
    #[schemars(with = "Option<String>")]
    pub floor: Option<Decimal>,
    /// True if the cap lowered the amount.
    pub capped: bool,
    /// True if the floor raised the amount.
    pub floored: bool,
    /// The ids of the exceptions that apply.
    pub exceptions: Vec<String>,
}

impl CappedRateValue {
    /// A value with nothing computed yet: no amount, no parameters, no exception.
    pub(crate) fn unset(applicable: bool) -> CappedRateValue {
        CappedRateValue {
            applicable,
            amount: None,
            computed: None,
            rate: None,
            cap: None,
            floor: None,
            capped: false,
            floored: false,
            exceptions: Vec::new(),
        }
    }
}

/// A capped-rate rule compiled: the base input's slot, the parameter slots of the rate and
/// the bounds, the rounding, and the exceptions.
#[derive(Debug)]
pub(crate) struct CompiledCappedRate {
    pub base: u16,
    pub rate: u16,
    pub cap: Option<(u16, IfNoValue)>,
    pub floor: Option<(u16, IfNoValue)>,
    pub rounding: Rounding,
    pub exceptions: Vec<(CCond, ExceptionEffect)>,
    /// Each exception's period (first day, last day).
    pub periods: Vec<(Option<NaiveDate>, Option<NaiveDate>)>,
    pub ids: Vec<String>,
    pub labels: Vec<Text>,
}

/// Which effects apply, as bits: 1 = no cap, 2 = no floor, 4 = zero.
pub(crate) const NO_CAP: u8 = 1;
pub(crate) const NO_FLOOR: u8 = 2;
pub(crate) const ZERO: u8 = 4;

pub(crate) fn effect_bit(e: ExceptionEffect) -> u8 {
    match e {
        ExceptionEffect::NoCap => NO_CAP,
        ExceptionEffect::NoFloor => NO_FLOOR,
        ExceptionEffect::Zero => ZERO,
    }
}

impl CompiledCappedRate {
    /// True if exception `i` holds on `date` and its condition holds.
    #[inline]
    pub(crate) fn applies(&self, i: usize, frame: &Frame) -> bool {
        let (from, until) = self.periods[i];
        from.is_none_or(|f| f <= frame.date)
            && until.is_none_or(|u| frame.date <= u)
            && self.exceptions[i].0.eval(&frame.tests) == Some(true)
    }

    /// A bound's value; `Ok(None)` for no bound; an error if it is required and absent.
    fn bound(
        &self,
        common: &Common,
        frame: &Frame,
        bound: Option<(u16, IfNoValue)>,
    ) -> Result<Option<Decimal>> {
        match bound {
            None => Ok(None),
            Some((slot, if_none)) => match frame.params[slot as usize] {
                Some(hit) => Ok(Some(hit.value)),
                None if if_none == IfNoValue::Unbounded => Ok(None),
                None => Err(common.no_value(frame, slot)),
            },
        }
    }

    /// The computation without its explanation.
    fn calc(&self, common: &Common, frame: &Frame) -> Result<Calc> {
        let Some(Val::Dec(base)) = frame.vals[self.base as usize] else {
            return Err(Error::missing_input(common.rule.inputs[self.base as usize].name.as_str()));
        };
        let rate = frame.params[self.rate as usize].ok_or_else(|| common.no_value(frame, self.rate))?.value;
        let mut effects = 0u8;
        let mut first = None;
        for (i, (_, effect)) in self.exceptions.iter().enumerate() {
            if self.applies(i, frame) {
                effects |= effect_bit(*effect);
                first = first.or(Some(i));
            }
        }
        let raw_cap = self.bound(common, frame, self.cap)?;
        let raw_floor = self.bound(common, frame, self.floor)?;
        let exact = mul(rate, base, &common.rule.id)?;
        let computed = self.rounding.apply(exact);
        let mut amount = if effects & ZERO != 0 { self.rounding.apply(Decimal::ZERO) } else { computed };
        let floor = raw_floor.filter(|_| effects & NO_FLOOR == 0);
        let cap = raw_cap.filter(|_| effects & NO_CAP == 0);
        let (mut capped, mut floored) = (false, false);
        if let Some(f) = floor
            && amount < f
            && effects & ZERO == 0
        {
            amount = self.rounding.apply(f);
            floored = true;
        }
        if let Some(c) = cap
            && amount > c
        {
            // A cap with more places than kept is rounded as the amount is (down for a maximum).
            amount = self.rounding.apply(c);
            capped = true;
        }
        Ok(Calc {
            base,
            rate,
            exact,
            computed,
            amount,
            raw_cap,
            raw_floor,
            cap,
            floor,
            capped,
            floored,
            effects,
            first,
        })
    }

    /// The amount and the batch status code (0 rate, 1 capped, 2 floored, 3 not applicable,
    /// 4 + i exception i).
    pub(crate) fn compute(
        &self,
        common: &Common,
        frame: &Frame,
        applies: Option<bool>,
    ) -> Result<(Option<Decimal>, i32)> {
        if applies != Some(true) {
            return Ok((None, 3));
        }
        let c = self.calc(common, frame)?;
        let status = match c.first {
            Some(i) => 4 + i as i32,
            None if c.capped => 1,
            None if c.floored => 2,
            None => 0,
        };
        Ok((Some(c.amount), status))
    }
}

impl RuleKind for CompiledCappedRate {
    type Data = CappedRate;
    type Value = CappedRateValue;
    type Sink = CappedSink;

    fn compile(c: &CappedRate, b: &mut Builder<'_>) -> Result<CompiledCappedRate> {
        let base = b.input(&c.base)?;
        let rate = b.param(&c.rate, "rate")?;
        let cap = match &c.cap {
            Some(bound) => Some((b.param(&bound.parameter, "cap")?, bound.if_no_value)),
            None => None,
        };
        let floor = match &c.floor {
            Some(bound) => Some((b.param(&bound.parameter, "floor")?, bound.if_no_value)),
            None => None,
        };
        let mut exceptions = Vec::new();
        for e in &c.exceptions {
            exceptions.push((b.condition(&e.when)?, e.effect));
        }
        Ok(CompiledCappedRate {
            base,
            rate,
            cap,
            floor,
            rounding: c.rounding,
            exceptions,
            periods: c.exceptions.iter().map(|e| (e.effective_from, e.until)).collect(),
            ids: c.exceptions.iter().map(|e| e.id.clone()).collect(),
            labels: c.exceptions.iter().map(|e| e.label.clone()).collect(),
        })
    }

    fn evaluate(
        &self,
        common: &Common,
        frame: &Frame,
        applies: Option<bool>,
        steps: Option<&mut Vec<Step>>,
    ) -> Result<CappedRateValue> {
        let mut value = CappedRateValue::unset(applies == Some(true));
        let mut steps = steps;
        if let Some(s) = steps.as_deref_mut()
            && common.applies.is_some()
        {
            s.push(Step::Scope { holds: applies });
        }
        if !value.applicable {
            return Ok(value);
        }
        let c = self.calc(common, frame)?;
        for (i, (_, effect)) in self.exceptions.iter().enumerate() {
            if self.applies(i, frame) {
                value.exceptions.push(self.ids[i].clone());
                if let Some(s) = steps.as_deref_mut() {
                    s.push(Step::Exception {
                        id: self.ids[i].clone(),
                        label: self.labels[i].clone(),
                        effect: *effect,
                    });
                }
            }
        }
        if let Some(s) = steps {
            s.push(Step::Product { base: c.base, rate: c.rate, exact: c.exact });
            s.push(Step::Rounded { rounding: self.rounding, value: c.computed });
            if self.floor.is_some() {
                let waived = c.raw_floor.is_some() && c.effects & NO_FLOOR != 0;
                s.push(Step::Floor { floor: c.raw_floor, applied: c.floored, waived });
            }
            if self.cap.is_some() {
                let waived = c.raw_cap.is_some() && c.effects & NO_CAP != 0;
                s.push(Step::Cap { cap: c.raw_cap, applied: c.capped, waived });
            }
        }
        value.rate = Some(c.rate);
        value.computed = Some(c.computed);
        value.cap = c.cap;
        value.floor = c.floor;
        value.capped = c.capped;
        value.floored = c.floored;
        value.amount = Some(c.amount);
        Ok(value)
    }

    fn sink(&self, _common: &Common, rows: usize, _jur: usize) -> Result<CappedSink> {
        Ok(CappedSink { amounts: Vec::with_capacity(rows), status: Vec::with_capacity(rows) })
    }

    fn push(
        &self,
        common: &Common,
        sink: &mut CappedSink,
        frame: &Frame,
        applies: Option<bool>,
    ) -> Result<()> {
        let (amount, st) = self.compute(common, frame, applies)?;
        let units = amount.map_or(0, |a| {
            let mut a = a;
            a.rescale(self.rounding.places);
            i64::try_from(a.mantissa()).unwrap_or(i64::MAX)
        });
        sink.amounts.push(units);
        sink.status.push(st);
        Ok(())
    }

    fn push_null(&self, sink: &mut CappedSink) {
        sink.amounts.push(0);
        sink.status.push(-1);
    }

    fn finish(&self, _common: &Common, sink: CappedSink) -> Vec<(String, OutColumn)> {
        self.columns(sink.amounts, sink.status)
    }

    fn kernel(
        &self,
        common: &Common,
        chunk: &Chunk<'_>,
        into: &mut [Option<OutBuffer<'_>>],
    ) -> Result<Option<Vec<(String, OutColumn)>>> {
        self.integer_kernel(common, chunk, into)
    }

    fn prepare(
        &self,
        common: &Common,
        frame: &Frame,
    ) -> Option<Box<dyn crate::rules::kinds::Prepared<CappedRateValue>>> {
        Some(Box::new(self.prepared(common, frame)?))
    }

    fn compared_column(&self) -> String {
        "amount".to_owned()
    }
}

/// The batch outputs while they fill: amounts in units of `10^-places` yuan and status codes.
pub(crate) struct CappedSink {
    amounts: Vec<i64>,
    status: Vec<i32>,
}

impl CompiledCappedRate {
    /// The `amount` and `status` columns (status labels: rate, capped, floored,
    /// not_applicable, then each exception's id).
    pub(crate) fn columns(&self, amounts: Vec<i64>, status: Vec<i32>) -> Vec<(String, OutColumn)> {
        let mut labels: Vec<String> =
            ["rate", "capped", "floored", "not_applicable"].map(String::from).to_vec();
        labels.extend(self.ids.iter().cloned());
        vec![
            ("amount".to_owned(), OutColumn::Int { values: amounts, scale: self.rounding.places }),
            ("status".to_owned(), OutColumn::Codes { codes: status, labels }),
        ]
    }
}

struct Calc {
    base: Decimal,
    rate: Decimal,
    exact: Decimal,
    computed: Decimal,
    amount: Decimal,
    raw_cap: Option<Decimal>,
    raw_floor: Option<Decimal>,
    cap: Option<Decimal>,
    floor: Option<Decimal>,
    capped: bool,
    floored: bool,
    effects: u8,
    first: Option<usize>,
}

/// The capped-rate computation on integers: the batch kernel.
///
/// Amounts are integers in units of `10^-places` yuan; the base is in fen (scale 2); the rate
/// is `m × 10^-s`. The exact product, in units of `10^-(2+s)` yuan, is divided by
/// `10^(2+s-places)` with the rule's rounding. Everything is non-negative, so `down` is
/// truncation. Exact: it gives the same amounts as the decimal path.
#[derive(Debug, Clone, Copy)]
pub(crate) struct IntKernel {
    pub mantissa: i64,
    /// The power of ten the product is divided by.
    pub exp: u32,
    pub mode: RoundingMode,
    pub cap: Option<i64>,
    pub floor: Option<i64>,
}

impl IntKernel {
    /// A kernel for `rate`, `cap` and `floor` at `places` (base in fen), if they fit.
    pub(crate) fn new(
        rate: Decimal,
        cap: Option<Decimal>,
        floor: Option<Decimal>,
        rounding: Rounding,
    ) -> Option<IntKernel> {
        let rate = rate.normalize();
        let mantissa = i64::try_from(rate.mantissa()).ok().filter(|m| *m >= 0)?;
        let exp = (2 + rate.scale()).checked_sub(rounding.places)?;
        if exp > 18 {
            return None;
        }
        let units = |d: Decimal| -> Option<i64> {
            let scaled = d.checked_mul(Decimal::from(10i64.pow(rounding.places)))?;
            if !scaled.fract().is_zero() || scaled.is_sign_negative() {
                return None;
            }
            i64::try_from(scaled.mantissa() / 10i128.pow(scaled.scale())).ok()
        };
        let cap = match cap {
            Some(c) => Some(units(c)?),
            None => None,
        };
        let floor = match floor {
            Some(f) => Some(units(f)?),
            None => None,
        };
        Some(IntKernel { mantissa, exp, mode: rounding.mode, cap, floor })
    }

    /// The rounded product of `base` fen, before floor and cap; `None` on overflow.
    #[inline(always)]
    pub(crate) fn product(&self, base: i64) -> Option<i64> {
        let d = POW10[self.exp as usize];
        let div = |x: i128| -> i128 {
            let (q, r) = (x / d as i128, x % d as i128);
            match self.mode {
                RoundingMode::Down => q,
                RoundingMode::Up => q + (r != 0) as i128,
                RoundingMode::HalfUp => q + (2 * r >= d as i128) as i128,
                RoundingMode::HalfEven => {
                    q + ((2 * r > d as i128) || (2 * r == d as i128 && q & 1 == 1)) as i128
                }
            }
        };
        match base.checked_mul(self.mantissa) {
            Some(x) => Some(div_i64(x, d, self.mode)),
            None => i64::try_from(div(base as i128 * self.mantissa as i128)).ok(),
        }
    }
}

pub(crate) const POW10: [i64; 19] = {
    let mut p = [1i64; 19];
    let mut i = 1;
    while i < 19 {
        p[i] = p[i - 1] * 10;
        i += 1;
    }
    p
};

#[inline(always)]
fn div_i64(x: i64, d: i64, mode: RoundingMode) -> i64 {
    let (q, r) = (x / d, x % d);
    match mode {
        RoundingMode::Down => q,
        RoundingMode::Up => q + (r != 0) as i64,
        RoundingMode::HalfUp => q + (2 * r >= d) as i64,
        RoundingMode::HalfEven => q + ((2 * r > d) || (2 * r == d && q & 1 == 1)) as i64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_int_kernel_matches_decimal_rounding() {
        for mode in [RoundingMode::Down, RoundingMode::Up, RoundingMode::HalfUp, RoundingMode::HalfEven] {
            let rounding = Rounding { places: 2, mode };
            let rate = Decimal::new(15, 3); // 1.5 %
            let k = IntKernel::new(rate, None, None, rounding).unwrap();
            for fen in [0i64, 1, 33, 50, 99, 100, 150, 250, 333, 100_000_000, 123_456_789, i64::MAX / 10] {
                let exact = rate * Decimal::new(fen, 2);
                let expected = rounding.apply(exact);
                let got = Decimal::new(k.product(fen).unwrap(), 2);
                assert_eq!(got, expected, "{fen} fen, {mode:?}");
            }
        }
    }
}
