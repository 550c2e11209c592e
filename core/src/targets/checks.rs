//! Checks the documents imply between two targets: a ratio per N residents raised from a
//! baseline by adding a count (Tianshan item 85: 「新增不少于163个托位」 and
//! 「每千人拥有托位数由0.5个提高到0.9个以上」).

use rust_decimal::{Decimal, RoundingStrategy};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::catalogue::{Catalogue, Target};
use crate::error::{Error, ErrorKind, Result};

/// Whether a count target and a per-N ratio target of the same document agree.
///
/// Raising a ratio from `baseline` to `target` per `per` residents by adding `added` things
/// implies a population of `added × per / (target − baseline)`: 163 places raise the
/// childcare ratio by 0.4 per 1,000 only for 407,500 residents. Given the real population,
/// `needed` is what the ratio target requires (`(target − baseline) × population / per`), and
/// the two targets are consistent when `added ≥ needed`. The population is taken as the same
/// at the baseline and at the target date.
///
/// # Example
///
/// ```
/// use rust_decimal::Decimal;
/// use zhengce::targets::Monitor;
///
/// let monitor = Monitor::new(&zhengce::Context::builtin());
/// let check = monitor.check_ratio("tianshan-2022-87/t85i", "tianshan-2022-87/t85h", Some(Decimal::from(500_000)))?;
/// assert_eq!(check.implied_population.to_string(), "407500");
/// assert_eq!(check.needed.unwrap().to_string(), "200");
/// assert_eq!(check.consistent, Some(false));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RatioCheck {
    /// The ratio target (`…_per_<N>_…` unit, with a baseline).
    pub ratio_target: String,
    /// The count target whose count raises the ratio.
    pub count_target: String,
    /// N: the ratio is per this many (1000 for `places_per_1000_residents`).
    #[schemars(with = "String")]
    #[serde(with = "crate::value::strict_decimal")]
    pub per: Decimal,
    /// The ratio at the baseline.
    #[schemars(with = "String")]
    #[serde(with = "crate::value::strict_decimal")]
    pub baseline: Decimal,
    /// The ratio to reach.
    #[schemars(with = "String")]
    #[serde(with = "crate::value::strict_decimal")]
    pub target: Decimal,
    /// The count added (the count target's value).
    #[schemars(with = "String")]
    #[serde(with = "crate::value::strict_decimal")]
    pub added: Decimal,
    /// The population for which `added` moves the ratio exactly from baseline to target.
    #[schemars(with = "String")]
    #[serde(with = "crate::value::strict_decimal")]
    pub implied_population: Decimal,
    /// The population given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    #[serde(with = "crate::value::opt_strict_decimal")]
    pub population: Option<Decimal>,
    /// The ratio `added` reaches for that population.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    #[serde(with = "crate::value::opt_strict_decimal")]
    pub reached: Option<Decimal>,
    /// The count the ratio target needs for that population.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    #[serde(with = "crate::value::opt_strict_decimal")]
    pub needed: Option<Decimal>,
    /// True if `added ≥ needed`; absent without a population.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consistent: Option<bool>,
    /// The reasoning in one sentence.
    pub note: String,
}

fn round(d: Decimal) -> Decimal {
    let d = d.round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero);
    if d.is_zero() { Decimal::ZERO } else { d.normalize() }
}

/// Splits `places_per_1000_residents` into (`places`, 1000).
fn per_unit(unit: &str) -> Option<(&str, Decimal)> {
    let (thing, rest) = unit.split_once("_per_")?;
    let digits = rest.split('_').next()?;
    let per: Decimal = crate::value::parse_decimal(digits)?;
    (per > Decimal::ZERO && !thing.is_empty()).then_some((thing, per))
}

pub(crate) fn check_ratio(
    cat: &Catalogue,
    ratio_target: &str,
    count_target: &str,
    population: Option<Decimal>,
) -> Result<RatioCheck> {
    let ratio: &Target = cat.target(ratio_target)?;
    let count: &Target = cat.target(count_target)?;
    let (thing, per) = per_unit(&ratio.unit).ok_or_else(|| {
        Error::invalid_input(
            "ratio_target",
            format!("'{ratio_target}' in unit '{}'", ratio.unit),
            "a ratio target in a unit '<thing>_per_<N>_<whom>'",
        )
    })?;
    if count.unit != thing {
        return Err(Error::new(ErrorKind::UnitMismatch {
            field: "count_target".into(),
            expected: thing.to_owned(),
            got: count.unit.clone(),
        })
        .context(format!("failed to check '{count_target}' against the ratio '{ratio_target}'")));
    }
    let baseline = ratio.baseline.as_ref().map(|b| b.value).ok_or_else(|| {
        Error::invalid_input("ratio_target", format!("'{ratio_target}'"), "a ratio target with a baseline")
    })?;
    let target = ratio.value.filter(|v| *v > baseline).ok_or_else(|| {
        Error::invalid_input(
            "ratio_target",
            format!("'{ratio_target}'"),
            "a ratio target whose value is above its baseline",
        )
    })?;
    let added = count.value.filter(|v| *v > Decimal::ZERO).ok_or_else(|| {
        Error::invalid_input(
            "count_target",
            format!("'{count_target}'"),
            "a count target with a positive value",
        )
    })?;
    if let Some(p) = population.filter(|p| *p <= Decimal::ZERO) {
        return Err(Error::invalid_input("population", p, "a positive number of residents"));
    }
    let rise = target - baseline;
    let overflow = || {
        Error::invalid_input(
            "ratio_target",
            format!("'{ratio_target}'"),
            "numbers small enough to compute with",
        )
    };
    let implied = round(added.checked_mul(per).and_then(|x| x.checked_div(rise)).ok_or_else(overflow)?);
    let mut check = RatioCheck {
        ratio_target: ratio.id.clone(),
        count_target: count.id.clone(),
        per,
        baseline,
        target,
        added,
        implied_population: implied,
        population,
        reached: None,
        needed: None,
        consistent: None,
        note: format!(
            "adding {added} raises the ratio from {baseline} to {target} per {per} only for a population of {implied}"
        ),
    };
    if let Some(p) = population {
        let exact = rise.checked_mul(p).map(|x| x / per).ok_or_else(overflow)?;
        let reached = added
            .checked_mul(per)
            .and_then(|x| x.checked_div(p))
            .and_then(|x| x.checked_add(baseline))
            .ok_or_else(overflow)?;
        let (needed, reached, consistent) = (round(exact), round(reached), added >= exact);
        check.note = if consistent {
            format!(
                "for {p} residents the ratio target needs {needed} and {added} are planned: consistent (the ratio reaches {reached})"
            )
        } else {
            format!(
                "for {p} residents the ratio target needs {needed} but only {added} are planned: the ratio reaches {reached}, short of {target}"
            )
        };
        check.needed = Some(needed);
        check.reached = Some(reached);
        check.consistent = Some(consistent);
    }
    Ok(check)
}

#[cfg(test)]
mod tests {
    #[test]
    fn per_units_are_read_from_the_unit_name() {
        assert_eq!(super::per_unit("places_per_1000_residents"), Some(("places", 1000.into())));
        assert_eq!(super::per_unit("places"), None);
        assert_eq!(super::per_unit("beds_per_10000"), Some(("beds", 10000.into())));
    }
}
