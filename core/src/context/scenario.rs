//! Scenarios: parameter overrides and added rules, and the dated parameter lookup every
//! computation makes under one.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::catalogue::Catalogue;
use crate::error::{Error, Result};

/// What a scenario changes: parameter overrides, and an overlay of rules or parameters to add.
///
/// # Example
///
/// ```
/// let spec: zhengce::context::ScenarioSpec = serde_json::from_str(r#"{
///   "name": "cap-50000",
///   "parameters": [{"parameter": "procurement.bid_bond.cap_per_lot",
///     "jurisdiction": "cn-xj-urumqi-tianshan", "effective_from": "2022-05-18", "value": "50000"}]}"#).unwrap();
/// assert_eq!(spec.parameters.len(), 1);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScenarioSpec {
    /// The scenario's name, recorded in execution receipts.
    pub name: String,
    /// What the scenario is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Dated parameter values that take precedence over the catalogue's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parameters: Vec<ParameterOverride>,
    /// Catalogue JSON layered over the catalogue first: added or replaced rules, parameters,
    /// jurisdictions (see `Catalogue::layered`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overlay: Option<serde_json::Value>,
}

/// A parameter value a scenario sets in one jurisdiction over a period, in place of the
/// catalogue's values of that jurisdiction over that period.
///
/// The override replaces only the jurisdiction's own values: a jurisdiction below it that has
/// a value of its own keeps it, and one without inherits the override. `value: null` removes
/// the jurisdiction's values over the period, so the lookup goes on to its parent (for a cap,
/// that can mean no cap at all).
///
/// # Example
///
/// ```
/// let o: zhengce::context::ParameterOverride = serde_json::from_str(r#"{"parameter": "procurement.bid_bond.rate",
///   "jurisdiction": "cn", "value": "0.015"}"#).unwrap();
/// assert!(o.effective_from.is_none(), "from the beginning of time");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ParameterOverride {
    /// The parameter's key.
    pub parameter: String,
    /// The jurisdiction whose values it replaces.
    pub jurisdiction: String,
    /// First day it holds; from the beginning when absent.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::value::opt_iso_date")]
    #[schemars(with = "Option<NaiveDate>")]
    pub effective_from: Option<NaiveDate>,
    /// Last day it holds, included; open ended when absent.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::value::opt_iso_date")]
    #[schemars(with = "Option<NaiveDate>")]
    pub until: Option<NaiveDate>,
    /// The value, as a decimal string; `null` for no value.
    #[schemars(with = "Option<String>")]
    #[serde(with = "crate::value::opt_strict_decimal")]
    pub value: Option<Decimal>,
    /// Why the scenario sets it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
}

impl ParameterOverride {
    fn covers(&self, date: NaiveDate) -> bool {
        self.effective_from.is_none_or(|f| f <= date) && self.until.is_none_or(|u| date <= u)
    }
}

pub(crate) fn hash(spec: &ScenarioSpec) -> String {
    let text = serde_json::to_string(spec).expect("a scenario spec serialises");
    let digest = Sha256::digest(text.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

/// Where a resolved value came from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Origin {
    /// `values[i]` of the parameter in the catalogue.
    Value(u32),
    /// `parameters[i]` of the scenario spec.
    Override(u32),
}

/// A resolved parameter value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Hit {
    pub value: Decimal,
    pub origin: Origin,
}

pub(crate) fn param_index(cat: &Catalogue, key: &str) -> Result<usize> {
    cat.data().parameters.iter().position(|p| p.id == key).ok_or_else(|| Error::not_found("parameter", key))
}

/// The value in force on `date`, looking up `ancestry` nearest first; at each jurisdiction an
/// override covering the date wins over the catalogue's values, and an override without a
/// value sends the lookup on to the parent.
pub(crate) fn resolve(
    cat: &Catalogue,
    overrides: &[ParameterOverride],
    index: usize,
    ancestry: &[&str],
    date: NaiveDate,
) -> Option<Hit> {
    let param = &cat.data().parameters[index];
    for place in ancestry {
        let over = overrides
            .iter()
            .enumerate()
            .find(|(_, o)| o.parameter == param.id && o.jurisdiction == *place && o.covers(date));
        if let Some((i, o)) = over {
            match o.value {
                Some(value) => return Some(Hit { value, origin: Origin::Override(i as u32) }),
                None => continue,
            }
        }
        let found = param.values.iter().position(|v| v.jurisdiction == *place && v.is_in_force(date));
        if let Some(v) = found {
            return Some(Hit { value: param.values[v].value, origin: Origin::Value(v as u32) });
        }
    }
    None
}

/// A parameter's values over all dates in one jurisdiction: sorted, contiguous segments.
#[derive(Debug, Clone)]
pub(crate) struct Timeline {
    segs: Vec<Seg>,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Seg {
    pub from: NaiveDate,
    /// Last day, included.
    pub until: NaiveDate,
    pub hit: Option<Hit>,
}

impl Timeline {
    pub(crate) fn build(
        cat: &Catalogue,
        overrides: &[ParameterOverride],
        index: usize,
        ancestry: &[&str],
    ) -> Timeline {
        let param = &cat.data().parameters[index];
        let mut cuts = vec![NaiveDate::MIN];
        let mut cut = |from: Option<NaiveDate>, until: Option<NaiveDate>| {
            cuts.extend(from);
            cuts.extend(until.and_then(|u| u.succ_opt()));
        };
        for v in param.values.iter().filter(|v| ancestry.contains(&v.jurisdiction.as_str())) {
            cut(Some(v.effective_from), v.until);
        }
        for o in overrides
            .iter()
            .filter(|o| o.parameter == param.id && ancestry.contains(&o.jurisdiction.as_str()))
        {
            cut(o.effective_from, o.until);
        }
        cuts.sort();
        cuts.dedup();
        let mut segs: Vec<Seg> = Vec::with_capacity(cuts.len());
        for (k, &from) in cuts.iter().enumerate() {
            let until = cuts.get(k + 1).and_then(|n| n.pred_opt()).unwrap_or(NaiveDate::MAX);
            let hit = resolve(cat, overrides, index, ancestry, from);
            match segs.last_mut() {
                Some(last) if last.hit == hit => last.until = until,
                _ => segs.push(Seg { from, until, hit }),
            }
        }
        Timeline { segs }
    }

    /// The segment holding `date`.
    #[inline]
    pub(crate) fn seg(&self, date: NaiveDate) -> Seg {
        let i = self.segs.partition_point(|s| s.until < date);
        self.segs[i.min(self.segs.len() - 1)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_timeline_follows_inheritance_over_time() {
        let cat = Catalogue::builtin();
        let index = param_index(&cat, "procurement.bid_bond.rate").unwrap();
        let ancestry = ["cn-xj-urumqi-tianshan", "cn-xj-urumqi", "cn-xj", "cn"];
        let t = Timeline::build(&cat, &[], index, &ancestry);
        assert_eq!(t.seg(d(2010, 1, 1)).hit, None);
        assert_eq!(t.seg(d(2015, 3, 1)).hit.unwrap().value.to_string(), "0.02");
        assert_eq!(t.seg(d(2022, 5, 17)).hit.unwrap().value.to_string(), "0.02");
        assert_eq!(t.seg(d(2022, 5, 18)).hit.unwrap().value.to_string(), "0.01");
        for day in [d(2010, 1, 1), d(2022, 5, 17), d(2022, 5, 18), d(2030, 1, 1)] {
            assert_eq!(t.seg(day).hit, resolve(&cat, &[], index, &ancestry, day));
        }
    }

    #[test]
    fn an_override_without_value_defers_to_the_parent() {
        let cat = Catalogue::builtin();
        let index = param_index(&cat, "procurement.bid_bond.rate").unwrap();
        let over = ParameterOverride {
            parameter: "procurement.bid_bond.rate".into(),
            jurisdiction: "cn-xj-urumqi-tianshan".into(),
            effective_from: None,
            until: None,
            value: None,
            reading: None,
        };
        let ancestry = ["cn-xj-urumqi-tianshan", "cn"];
        let hit = resolve(&cat, &[over], index, &ancestry, d(2023, 1, 1)).unwrap();
        assert_eq!(hit.value.to_string(), "0.02");
    }
}
