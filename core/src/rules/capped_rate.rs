//! Capped rate: amount = rate × base, rounded, raised to a floor and lowered to a cap, with
//! labelled exceptions.

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::condition::{CCond, Frame, mul};
use super::evaluation::Step;
use super::evaluator::{Builder, Evaluator};
use super::input::Val;
use super::{Condition, RuleValue};
use crate::catalogue::Text;
use crate::error::{Error, Result};

/// amount = rate × base, rounded, raised to a floor and lowered to a cap, with labelled
/// exceptions.
///
/// The order is fixed: the exact product is rounded as `rounding` says; an exception with
/// effect `zero` makes the amount 0; then the floor raises it and the cap lowers it (the cap
/// last, so a maximum is never exceeded). When the amount is a `maximum` (a bond "not more
/// than"), the rounding must be `down`: a maximum is never rounded up.
///
/// # Example
///
/// ```
/// let logic: zhengce::rules::RuleLogic = serde_json::from_str(r#"{"kind": "capped_rate",
///   "base": "budget", "rate": "procurement.bid_bond.rate", "amount": "maximum",
///   "cap": {"parameter": "procurement.bid_bond.cap_per_lot", "if_no_value": "unbounded"},
///   "rounding": {"places": 2, "mode": "down"}}"#).unwrap();
/// assert_eq!(logic.kind(), "capped_rate");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CappedRate {
    /// The input holding the base amount.
    pub base: String,
    /// The parameter holding the rate.
    pub rate: String,
    /// What the amount is: exact, or the most (a cap on what may be charged) or the least.
    #[serde(default, skip_serializing_if = "AmountKind::is_exact")]
    pub amount: AmountKind,
    /// The cap, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<Bound>,
    /// The floor, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floor: Option<Bound>,
    /// Decimal places kept and how the product is rounded.
    pub rounding: Rounding,
    /// Cases that change the computation (PPP lots are not capped; no bond for a framework
    /// entry without a specific purchaser).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exceptions: Vec<Exception>,
}

/// What a capped-rate amount is.
///
/// # Example
///
/// ```
/// let k: zhengce::rules::AmountKind = serde_json::from_str(r#""maximum""#).unwrap();
/// assert_eq!(k, zhengce::rules::AmountKind::Maximum);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AmountKind {
    /// The amount due.
    #[default]
    Exact,
    /// The most that may be charged (不得超过, 上限): rounded down, never up.
    Maximum,
    /// The least that must be charged.
    Minimum,
}

impl AmountKind {
    fn is_exact(&self) -> bool {
        *self == AmountKind::Exact
    }
}

/// A cap or floor: a parameter, and what it means when no value is in force.
///
/// # Example
///
/// ```
/// let b: zhengce::rules::Bound = serde_json::from_str(r#"{"parameter": "procurement.bid_bond.cap_per_lot", "if_no_value": "unbounded"}"#).unwrap();
/// assert_eq!(b.if_no_value, zhengce::rules::IfNoValue::Unbounded);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bound {
    /// The parameter holding the bound.
    pub parameter: String,
    /// What no value in force means: an error (the default), or no bound at all.
    #[serde(default, skip_serializing_if = "IfNoValue::is_error")]
    pub if_no_value: IfNoValue,
}

/// What a bound without a value in force means.
///
/// # Example
///
/// ```
/// assert_eq!(zhengce::rules::IfNoValue::default(), zhengce::rules::IfNoValue::Error);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum IfNoValue {
    /// The evaluation fails (`invalid_input` on `date`): the bound is required.
    #[default]
    Error,
    /// There is no bound: the rule is explicit that before (or outside) the measure setting
    /// the bound, the amount is not bounded.
    Unbounded,
}

impl IfNoValue {
    fn is_error(&self) -> bool {
        *self == IfNoValue::Error
    }
}

/// How an amount is rounded.
///
/// # Example
///
/// ```
/// let r: zhengce::rules::Rounding = serde_json::from_str(r#"{"places": 2, "mode": "down"}"#).unwrap();
/// assert_eq!(r.places, 2);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rounding {
    /// Decimal places kept (2 = to the fen).
    pub places: u32,
    /// How the discarded digits are treated.
    pub mode: RoundingMode,
}

/// A rounding mode.
///
/// # Example
///
/// ```
/// use rust_decimal::Decimal;
/// use zhengce::rules::{Rounding, RoundingMode};
/// let half = Decimal::new(125, 3); // 0.125
/// assert_eq!(Rounding { places: 2, mode: RoundingMode::HalfUp }.apply(half).to_string(), "0.13");
/// assert_eq!(Rounding { places: 2, mode: RoundingMode::HalfEven }.apply(half).to_string(), "0.12");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RoundingMode {
    /// Toward zero: a maximum is never rounded up.
    Down,
    /// Half away from zero (四舍五入).
    HalfUp,
    /// Half to even (banker's rounding).
    HalfEven,
    /// Away from zero.
    Up,
}

impl Rounding {
    /// Rounds `d` to the places kept, and writes it with exactly that many places.
    ///
    /// # Example
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// use zhengce::rules::{Rounding, RoundingMode};
    ///
    /// let r = Rounding { places: 2, mode: RoundingMode::Down };
    /// assert_eq!(r.apply(Decimal::new(123_456, 4)).to_string(), "12.34");
    /// assert_eq!(r.apply(Decimal::new(20_000, 0)).to_string(), "20000.00");
    /// ```
    pub fn apply(&self, d: Decimal) -> Decimal {
        let strategy = match self.mode {
            RoundingMode::Down => RoundingStrategy::ToZero,
            RoundingMode::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            RoundingMode::HalfEven => RoundingStrategy::MidpointNearestEven,
            RoundingMode::Up => RoundingStrategy::AwayFromZero,
        };
        let mut out = d.round_dp_with_strategy(self.places, strategy);
        out.rescale(self.places);
        out
    }
}

/// A labelled exception to a capped-rate rule.
///
/// # Example
///
/// ```
/// let e: zhengce::rules::Exception = serde_json::from_str(r#"{"id": "ppp", "label": {"zh": "PPP项目", "en": "PPP project"},
///   "when": {"test": {"id": "ppp", "label": {"zh": "PPP项目", "en": "a PPP project"}, "input": "lot_type", "op": "eq", "value": "ppp"}},
///   "effect": "no_cap"}"#).unwrap();
/// assert_eq!(e.effect, zhengce::rules::ExceptionEffect::NoCap);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Exception {
    /// A short id, reported when the exception applies.
    pub id: String,
    /// What the exception is, in Chinese and English.
    pub label: Text,
    /// When it applies.
    pub when: Condition,
    /// What it does.
    pub effect: ExceptionEffect,
    /// First day the exception holds (cases dated earlier ignore it); always when absent.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::value::opt_iso_date")]
    #[schemars(with = "Option<NaiveDate>")]
    pub effective_from: Option<NaiveDate>,
    /// Last day it holds, included; open ended when absent.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::value::opt_iso_date")]
    #[schemars(with = "Option<NaiveDate>")]
    pub until: Option<NaiveDate>,
}

impl Exception {
    /// True if the exception holds for a case dated `date`.
    ///
    /// # Example
    ///
    /// ```
    /// let e: zhengce::rules::Exception = serde_json::from_str(r#"{"id": "x", "label": {"zh": "x", "en": "x"},
    ///   "when": {"test": {"id": "t", "label": {"zh": "t", "en": "t"}, "input": "a", "op": "eq", "value": true}},
    ///   "effect": "zero", "effective_from": "2022-05-18"}"#).unwrap();
    /// assert!(!e.is_in_force(chrono::NaiveDate::from_ymd_opt(2022, 5, 17).unwrap()));
    /// ```
    pub fn is_in_force(&self, date: NaiveDate) -> bool {
        self.effective_from.is_none_or(|f| f <= date) && self.until.is_none_or(|u| date <= u)
    }
}

/// What an exception does to a capped-rate computation.
///
/// # Example
///
/// ```
/// let e: zhengce::rules::ExceptionEffect = serde_json::from_str(r#""zero""#).unwrap();
/// assert_eq!(e, zhengce::rules::ExceptionEffect::Zero);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExceptionEffect {
    /// The cap does not apply.
    NoCap,
    /// The floor does not apply.
    NoFloor,
    /// The amount is zero.
    Zero,
}

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

#[derive(Debug)]
pub(crate) struct Compiled {
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

pub(crate) fn compile(c: &CappedRate, b: &mut Builder<'_>) -> Result<Compiled> {
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
    Ok(Compiled {
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

impl Compiled {
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
        ev: &Evaluator,
        frame: &Frame,
        bound: Option<(u16, IfNoValue)>,
    ) -> Result<Option<Decimal>> {
        match bound {
            None => Ok(None),
            Some((slot, if_none)) => match frame.params[slot as usize] {
                Some(hit) => Ok(Some(hit.value)),
                None if if_none == IfNoValue::Unbounded => Ok(None),
                None => Err(ev.no_value(frame, slot)),
            },
        }
    }

    /// The computation without its explanation.
    fn calc(&self, ev: &Evaluator, frame: &Frame) -> Result<Calc> {
        let Some(Val::Dec(base)) = frame.vals[self.base as usize] else {
            return Err(Error::missing_input(ev.rule().inputs[self.base as usize].name.as_str()));
        };
        let rate = frame.params[self.rate as usize].ok_or_else(|| ev.no_value(frame, self.rate))?.value;
        let mut effects = 0u8;
        let mut first = None;
        for (i, (_, effect)) in self.exceptions.iter().enumerate() {
            if self.applies(i, frame) {
                effects |= effect_bit(*effect);
                first = first.or(Some(i));
            }
        }
        let raw_cap = self.bound(ev, frame, self.cap)?;
        let raw_floor = self.bound(ev, frame, self.floor)?;
        let exact = mul(rate, base, &ev.rule().id)?;
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
        ev: &Evaluator,
        frame: &Frame,
        applies: Option<bool>,
    ) -> Result<(Option<Decimal>, i32)> {
        if applies != Some(true) {
            return Ok((None, 3));
        }
        let c = self.calc(ev, frame)?;
        let status = match c.first {
            Some(i) => 4 + i as i32,
            None if c.capped => 1,
            None if c.floored => 2,
            None => 0,
        };
        Ok((Some(c.amount), status))
    }

    pub(crate) fn run(
        &self,
        ev: &Evaluator,
        frame: &Frame,
        applies: Option<bool>,
        steps: Option<&mut Vec<Step>>,
    ) -> Result<RuleValue> {
        let mut value = CappedRateValue {
            applicable: applies == Some(true),
            amount: None,
            computed: None,
            rate: None,
            cap: None,
            floor: None,
            capped: false,
            floored: false,
            exceptions: Vec::new(),
        };
        let mut steps = steps;
        if let Some(s) = steps.as_deref_mut()
            && ev.inner.applies.is_some()
        {
            s.push(Step::Scope { holds: applies });
        }
        if !value.applicable {
            return Ok(RuleValue::CappedRate(value));
        }
        let c = self.calc(ev, frame)?;
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
        Ok(RuleValue::CappedRate(value))
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
