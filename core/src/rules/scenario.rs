//! Scenarios: a catalogue plus parameter overrides and added rules, and the dated parameter
//! lookup every evaluation makes under one.

use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::catalogue::{Catalogue, Citation};
use crate::error::{Error, Result};

/// What a scenario changes: parameter overrides, and an overlay of rules or parameters to add.
///
/// # Example
///
/// ```
/// let spec: zhengce::rules::ScenarioSpec = serde_json::from_str(r#"{
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
/// let o: zhengce::rules::ParameterOverride = serde_json::from_str(r#"{"parameter": "procurement.bid_bond.rate",
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

/// A catalogue with parameter overrides and added rules: the world an evaluation runs in.
///
/// [`Scenario::baseline`] is the catalogue as it is. Comparing two scenarios over a batch
/// ([`Scenario::compare`]) gives per-record values, differences and totals. A scenario is cheap
/// to clone (it shares its catalogue).
///
/// # Example: the bid bond with a 50,000-yuan cap
///
/// ```
/// use std::sync::Arc;
/// use chrono::NaiveDate;
/// use rust_decimal::Decimal;
/// use zhengce::rules::{Input, Options, Scenario, ScenarioSpec};
///
/// let cat = Arc::new(zhengce::Catalogue::builtin());
/// let spec: ScenarioSpec = serde_json::from_value(serde_json::json!({"name": "cap-50000",
///     "parameters": [{"parameter": "procurement.bid_bond.cap_per_lot",
///       "jurisdiction": "cn-xj-urumqi-tianshan", "effective_from": "2022-05-18", "value": "50000"}]}))
///     .unwrap();
/// let scenario = Scenario::new(cat, spec)?;
/// let bond = scenario.evaluator("tianshan-2022-87/r68-bid-bond")?;
/// let input = Input::new(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap()).with("budget", Decimal::new(8_000_000, 0));
/// assert_eq!(bond.evaluate(&input, &Options::default())?.amount().unwrap().to_string(), "50000.00");
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Scenario {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    spec: ScenarioSpec,
    catalogue: Arc<Catalogue>,
    hash: String,
    /// The working-day calendars time limits are counted on (the built-in ones unless set).
    calendars: std::sync::OnceLock<crate::calendar::Calendars>,
}

impl Scenario {
    /// The catalogue as it is, with no overrides: the scenario named `baseline`.
    ///
    /// # Example
    ///
    /// ```
    /// let s = zhengce::rules::Scenario::baseline(zhengce::Catalogue::builtin());
    /// assert_eq!(s.name(), "baseline");
    /// ```
    pub fn baseline(catalogue: impl Into<Arc<Catalogue>>) -> Scenario {
        let spec = ScenarioSpec { name: "baseline".into(), ..Default::default() };
        let hash = hash(&spec);
        Scenario {
            inner: Arc::new(Inner { spec, catalogue: catalogue.into(), hash, calendars: Default::default() }),
        }
    }

    /// A scenario: `catalogue` with the spec's overlay layered on and its parameter overrides.
    ///
    /// # Errors
    ///
    /// - `invalid_catalogue` if the overlay makes the catalogue invalid (every problem listed).
    /// - `not_found` for an override of an unknown parameter or in an unknown jurisdiction.
    /// - `invalid_input` (field `scenario.parameters[i]...`) for an override ending before it
    ///   starts, a negative value, or two overrides of one parameter and jurisdiction that
    ///   overlap.
    ///
    /// # Example
    ///
    /// ```
    /// use zhengce::rules::{Scenario, ScenarioSpec};
    ///
    /// let spec: ScenarioSpec = serde_json::from_str(r#"{"name": "x", "parameters": [
    ///   {"parameter": "no.such.parameter", "jurisdiction": "cn", "value": "1"}]}"#).unwrap();
    /// let err = Scenario::new(zhengce::Catalogue::builtin(), spec).unwrap_err();
    /// assert_eq!(err.code(), "not_found");
    /// ```
    pub fn new(catalogue: impl Into<Arc<Catalogue>>, spec: ScenarioSpec) -> Result<Scenario> {
        let mut catalogue = catalogue.into();
        if let Some(overlay) = &spec.overlay {
            catalogue = Arc::new(catalogue.layered_value(overlay)?);
        }
        for (i, o) in spec.parameters.iter().enumerate() {
            let field = |f: &str| format!("scenario.parameters[{i}].{f}");
            catalogue.parameter(&o.parameter)?;
            catalogue.jurisdiction(&o.jurisdiction)?;
            // Parameters are rates, caps, amounts and durations, never negative (as in the
            // catalogue): a negative rate would give a negative bond.
            if let Some(v) = o.value.filter(|v| v.is_sign_negative() && !v.is_zero()) {
                return Err(Error::invalid_input(field("value"), format!("'{v}'"), "a value of at least 0"));
            }
            if let (Some(from), Some(until)) = (o.effective_from, o.until)
                && until < from
            {
                return Err(Error::invalid_input(
                    field("until"),
                    until,
                    format!("a date on or after {from}"),
                ));
            }
            let clash = spec.parameters[..i].iter().position(|p| {
                p.parameter == o.parameter
                    && p.jurisdiction == o.jurisdiction
                    && p.effective_from.is_none_or(|f| o.until.is_none_or(|u| f <= u))
                    && o.effective_from.is_none_or(|f| p.until.is_none_or(|u| f <= u))
            });
            if let Some(j) = clash {
                return Err(Error::invalid_input(
                    field("effective_from"),
                    o.effective_from.map_or("the beginning".to_owned(), |d| d.to_string()),
                    format!("a period that does not overlap scenario.parameters[{j}]"),
                ));
            }
        }
        let hash = hash(&spec);
        Ok(Scenario { inner: Arc::new(Inner { spec, catalogue, hash, calendars: Default::default() }) })
    }

    /// The same scenario counting time limits on `calendars` (a year added at run time, a
    /// region's own days off) instead of the built-in calendars.
    ///
    /// # Example
    ///
    /// ```
    /// let s = zhengce::rules::Scenario::baseline(zhengce::Catalogue::builtin())
    ///     .with_calendars(zhengce::calendar::Calendars::builtin());
    /// assert_eq!(s.name(), "baseline");
    /// ```
    pub fn with_calendars(&self, calendars: crate::calendar::Calendars) -> Scenario {
        let cell = std::sync::OnceLock::new();
        let _ = cell.set(calendars);
        let i = &self.inner;
        Scenario {
            inner: Arc::new(Inner {
                spec: i.spec.clone(),
                catalogue: i.catalogue.clone(),
                hash: i.hash.clone(),
                calendars: cell,
            }),
        }
    }

    /// The calendars time limits are counted on.
    pub(crate) fn calendars(&self) -> &crate::calendar::Calendars {
        self.inner.calendars.get_or_init(crate::calendar::Calendars::builtin)
    }

    /// The scenario's name.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhengce::rules::Scenario::baseline(zhengce::Catalogue::builtin()).name(), "baseline");
    /// ```
    pub fn name(&self) -> &str {
        &self.inner.spec.name
    }

    /// What the scenario changes.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhengce::rules::Scenario::baseline(zhengce::Catalogue::builtin()).spec().parameters.is_empty());
    /// ```
    pub fn spec(&self) -> &ScenarioSpec {
        &self.inner.spec
    }

    /// The scenario's catalogue (with its overlay, if any).
    ///
    /// # Example
    ///
    /// ```
    /// let s = zhengce::rules::Scenario::baseline(zhengce::Catalogue::builtin());
    /// assert!(s.catalogue().rule("tianshan-2022-87/r68-bid-bond").is_ok());
    /// ```
    pub fn catalogue(&self) -> &Catalogue {
        &self.inner.catalogue
    }

    /// `sha256:` and the hex digest of the scenario's spec (its name, overrides and overlay),
    /// recorded in execution receipts beside the catalogue's content hash.
    ///
    /// # Example
    ///
    /// ```
    /// let s = zhengce::rules::Scenario::baseline(zhengce::Catalogue::builtin());
    /// assert!(s.hash().starts_with("sha256:"));
    /// ```
    pub fn hash(&self) -> &str {
        &self.inner.hash
    }

    /// The value of parameter `key` in force in `jurisdiction` on `date` under this scenario:
    /// an override of the jurisdiction, else its own catalogue value, else the same from its
    /// nearest ancestor that has one. `value` is `None` when no value is in force.
    ///
    /// # Errors
    ///
    /// - `not_found` if the parameter or the jurisdiction is not in the catalogue.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    ///
    /// let s = zhengce::rules::Scenario::baseline(zhengce::Catalogue::builtin());
    /// let cap = s.parameter_value("procurement.bid_bond.cap_per_lot", "cn-xj-urumqi-tianshan",
    ///     NaiveDate::from_ymd_opt(2022, 1, 1).unwrap())?;
    /// assert_eq!(cap.value, None, "no cap before Tianshan's measure");
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn parameter_value(&self, key: &str, jurisdiction: &str, date: NaiveDate) -> Result<ParameterUse> {
        let cat = self.catalogue();
        let index = param_index(cat, key)?;
        let ancestry: Vec<&str> = cat.ancestry(jurisdiction)?.iter().map(|j| j.id.as_str()).collect();
        let hit = resolve(cat, &self.spec().parameters, index, &ancestry, date);
        Ok(self.parameter_use(index, hit, ""))
    }

    /// Describes a resolved parameter for an explanation.
    pub(crate) fn parameter_use(&self, index: usize, hit: Option<Hit>, role: &str) -> ParameterUse {
        let param = &self.catalogue().data().parameters[index];
        let mut out = ParameterUse {
            parameter: param.id.clone(),
            role: role.to_owned(),
            value: None,
            unit: param.unit.clone(),
            jurisdiction: None,
            effective_from: None,
            until: None,
            source: None,
            assumption: false,
            reading: None,
            scenario: None,
        };
        match hit.map(|h| (h.value, h.origin)) {
            None => {}
            Some((value, Origin::Value(v))) => {
                let pv = &param.values[v as usize];
                out.value = Some(value);
                out.jurisdiction = Some(pv.jurisdiction.clone());
                out.effective_from = Some(pv.effective_from);
                out.until = pv.until;
                out.source = Some(pv.source.clone());
                out.assumption = pv.assumption;
                out.reading = pv.reading.clone();
            }
            Some((value, Origin::Override(o))) => {
                let ov = &self.spec().parameters[o as usize];
                out.value = Some(value);
                out.jurisdiction = Some(ov.jurisdiction.clone());
                out.effective_from = ov.effective_from;
                out.until = ov.until;
                out.reading = ov.reading.clone();
                out.scenario = Some(self.name().to_owned());
            }
        }
        out
    }
}

fn hash(spec: &ScenarioSpec) -> String {
    let text = serde_json::to_string(spec).expect("a scenario spec serialises");
    let digest = Sha256::digest(text.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

/// A parameter as an evaluation used it: its value, and where the value came from.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
///
/// let s = zhengce::rules::Scenario::baseline(zhengce::Catalogue::builtin());
/// let rate = s.parameter_value("procurement.bid_bond.rate", "cn-xj-urumqi-tianshan",
///     NaiveDate::from_ymd_opt(2022, 6, 1).unwrap())?;
/// assert_eq!(rate.value.unwrap().to_string(), "0.01");
/// assert_eq!(rate.source.unwrap().clause.as_deref(), Some("tianshan-2022-87/68"));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ParameterUse {
    /// The parameter's key.
    pub parameter: String,
    /// What the rule uses it for (`rate`, `cap`, `limit`, `duration`, `test capacity`, `output ...`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// The value in force; `null` when none is (the rule says what that means).
    #[schemars(with = "Option<String>")]
    #[serde(with = "crate::value::opt_strict_decimal")]
    pub value: Option<Decimal>,
    /// The parameter's unit.
    pub unit: String,
    /// The jurisdiction whose value was used: the one evaluated in or an ancestor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<String>,
    /// First day the value is in force (absent for a scenario value with no start).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::value::opt_iso_date")]
    #[schemars(with = "Option<NaiveDate>")]
    pub effective_from: Option<NaiveDate>,
    /// Last day in force, if set.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::value::opt_iso_date")]
    #[schemars(with = "Option<NaiveDate>")]
    pub until: Option<NaiveDate>,
    /// Where the catalogue value is set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Citation>,
    /// True if the number is an assumption, not the text's.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub assumption: bool,
    /// How the text was read to get the value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
    /// The scenario whose override supplied the value; absent for a catalogue value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario: Option<String>,
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
