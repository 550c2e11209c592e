//! The capped rate prepared for one date and jurisdiction: the integer kernel and, per
//! combination of the inputs the exceptions and scope read, their outcome, computed once.
//! A case is then its inputs checked, one table load and integer arithmetic.

use rust_decimal::Decimal;

use super::{CappedRateValue, CompiledCappedRate, IntKernel, NO_CAP, NO_FLOOR, ZERO, effect_bit};
use crate::catalogue::rule::{self as input, IfNoValue, InputType, InputValueRef, Val};
use crate::error::Result;
use crate::rules::compile::Common;
use crate::rules::condition::Frame;
use crate::rules::kinds::Prepared;

/// The most inputs a prepared case holds on the stack.
const MAX_INPUTS: usize = 8;
/// The most combinations of keyed inputs prepared.
const MAX_KEYS: usize = 256;

/// What one combination of the keyed inputs gives.
#[derive(Debug)]
enum Outcome {
    /// A test needs a parameter without a value: the general path gives the error.
    General,
    /// The rule's scope does not hold (or is undecided).
    NotApplicable,
    /// The rule applies with these exception effects and exception ids.
    Applies { effects: u8, exceptions: Vec<String> },
}

/// A keyed input: its slot and the number of its values (absent first).
#[derive(Debug)]
struct Keyed {
    slot: usize,
    radix: usize,
}

#[derive(Debug)]
pub(crate) struct PreparedCappedRate {
    kernel: IntKernel,
    base: usize,
    places: u32,
    rate: Decimal,
    cap: Option<Decimal>,
    floor: Option<Decimal>,
    keyed: Vec<Keyed>,
    outcomes: Vec<Outcome>,
}

impl CompiledCappedRate {
    /// The prepared path for `frame`'s date and jurisdiction, when the rule fits it: a money
    /// base the tests do not read, tests on choices and booleans only, the rate and bounds in
    /// force and exact in the kernel's units.
    pub(crate) fn prepared(&self, c: &Common, frame: &Frame) -> Option<PreparedCappedRate> {
        let inputs = &c.rule.inputs;
        let base = self.base as usize;
        if inputs.len() > MAX_INPUTS || inputs[base].ty != InputType::Money {
            return None;
        }
        let rate = frame.params[self.rate as usize]?.value;
        let bound = |b: Option<(u16, IfNoValue)>| -> Option<Option<Decimal>> {
            match b {
                None => Some(None),
                Some((slot, if_none)) => match frame.params[slot as usize] {
                    Some(hit) => Some(Some(hit.value)),
                    None if if_none == IfNoValue::Unbounded => Some(None),
                    None => None,
                },
            }
        };
        let (cap, floor) = (bound(self.cap)?, bound(self.floor)?);
        let kernel = IntKernel::new(rate, cap, floor, self.rounding)?;
        let mut slots: Vec<usize> = c.tests.iter().map(|t| t.input as usize).collect();
        slots.sort_unstable();
        slots.dedup();
        let mut keyed = Vec::new();
        for slot in slots {
            let radix = match inputs[slot].ty {
                InputType::Choice => inputs[slot].choices.len() + 1,
                InputType::Boolean => 3,
                _ => return None,
            };
            keyed.push(Keyed { slot, radix });
        }
        let combinations = keyed.iter().try_fold(1usize, |n, k| n.checked_mul(k.radix))?;
        if combinations > MAX_KEYS {
            return None;
        }
        let mut frame = frame.clone();
        let mut outcomes = Vec::with_capacity(combinations);
        for combination in 0..combinations {
            let mut rest = combination;
            for k in &keyed {
                let digit = rest % k.radix;
                rest /= k.radix;
                frame.vals[k.slot] = match (digit, inputs[k.slot].ty) {
                    (0, _) => None,
                    (d, InputType::Boolean) => Some(Val::Bool(d == 2)),
                    (d, _) => Some(Val::Choice((d - 1) as u16)),
                };
            }
            outcomes.push(self.outcome(c, &mut frame));
        }
        Some(PreparedCappedRate {
            kernel,
            base,
            places: self.rounding.places,
            rate,
            cap,
            floor,
            keyed,
            outcomes,
        })
    }

    /// The outcome of the tests, the scope and the exceptions for the keyed values in `frame`.
    fn outcome(&self, c: &Common, frame: &mut Frame) -> Outcome {
        let Ok(applies) = c.test(frame) else { return Outcome::General };
        if applies != Some(true) {
            return Outcome::NotApplicable;
        }
        let mut effects = 0u8;
        let mut exceptions = Vec::new();
        for (i, (_, effect)) in self.exceptions.iter().enumerate() {
            if self.applies(i, frame) {
                effects |= effect_bit(*effect);
                exceptions.push(self.ids[i].clone());
            }
        }
        Outcome::Applies { effects, exceptions }
    }
}

impl Prepared<CappedRateValue> for PreparedCappedRate {
    fn value(&self, c: &Common, values: &[Option<InputValueRef<'_>>]) -> Option<Result<CappedRateValue>> {
        let inputs = &c.rule.inputs;
        // Checked in the order the general path checks them, so the first error is its first.
        let mut vals = [None; MAX_INPUTS];
        for ((val, spec), v) in vals.iter_mut().zip(inputs).zip(values) {
            if let Some(v) = v {
                match input::check_ref(spec, *v) {
                    Ok(x) => *val = Some(x),
                    Err(e) => return Some(Err(e)),
                }
            }
        }
        for ((val, spec), default) in vals.iter_mut().zip(inputs).zip(&c.defaults) {
            if val.is_none() {
                *val = *default;
                if val.is_none() && spec.required {
                    return None;
                }
            }
        }
        let mut key = 0;
        for k in self.keyed.iter().rev() {
            key = key * k.radix
                + match vals[k.slot] {
                    None => 0,
                    Some(Val::Bool(b)) => 1 + b as usize,
                    Some(Val::Choice(i)) => 1 + i as usize,
                    Some(_) => return None,
                };
        }
        let (effects, exceptions) = match self.outcomes.get(key)? {
            Outcome::General => return None,
            Outcome::NotApplicable => return Some(Ok(CappedRateValue::unset(false))),
            Outcome::Applies { effects, exceptions } => (*effects, exceptions),
        };
        let Some(Val::Dec(base)) = vals[self.base] else { return None };
        let fen = fen(base)?;
        let computed = self.kernel.product(fen)?;
        let k = &self.kernel;
        let mut amount = if effects & ZERO != 0 { 0 } else { computed };
        let (mut capped, mut floored) = (false, false);
        if let Some(f) = k.floor
            && effects & (NO_FLOOR | ZERO) == 0
            && amount < f
        {
            amount = f;
            floored = true;
        }
        if let Some(cap) = k.cap
            && effects & NO_CAP == 0
            && amount > cap
        {
            amount = cap;
            capped = true;
        }
        Some(Ok(CappedRateValue {
            applicable: true,
            amount: Some(Decimal::new(amount, self.places)),
            computed: Some(Decimal::new(computed, self.places)),
            rate: Some(self.rate),
            cap: self.cap.filter(|_| effects & NO_CAP == 0),
            floor: self.floor.filter(|_| effects & NO_FLOOR == 0),
            capped,
            floored,
            exceptions: exceptions.clone(),
        }))
    }
}

/// A checked amount (non-negative, a whole number of fen, within `i64::MAX` fen) in fen.
fn fen(d: Decimal) -> Option<i64> {
    let mut d = d;
    if d.scale() > 2 {
        d = d.normalize();
    }
    let scale = d.scale();
    if scale > 2 {
        return None;
    }
    i64::try_from(d.mantissa()).ok()?.checked_mul(super::POW10[(2 - scale) as usize])
}
