//! The data of a capped-rate rule: rate × base, rounded, with a floor, a cap and exceptions.

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Condition;
use crate::catalogue::Text;

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
