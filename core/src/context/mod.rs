//! The context every computation runs in: a catalogue, working-day calendars and a scenario.
//!
//! A [`Context`] is the one way into rules, deadlines, inspection plans, target assessment and
//! communities. It is immutable and cheap to clone (it shares its parts), and `Send + Sync`, so
//! a service can build one at start-up and hand it to every request. Deriving one gives a new
//! context and leaves the old one as it was:
//!
//! - [`Context::with_scenario`]: parameter overrides and an overlay of rules or parameters
//!   ([`ScenarioSpec`]); every module reads its parameters through the scenario, so a scenario
//!   that changes the class-B inspection ratio changes an inspection plan, and one that
//!   changes a status threshold changes a scorecard;
//! - [`Context::layered_calendars`] / [`Context::with_calendars`]: a calendar year added at
//!   run time reaches deadlines and an inspection plan's publish-by date;
//! - [`Context::layered_catalogue`] / [`Context::with_catalogue`]: a city's documents or a
//!   district's parameter.
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use zhengce::Context;
//!
//! let ctx = Context::builtin();
//! let spec = serde_json::from_value(serde_json::json!({"name": "rate-2pc",
//!     "parameters": [{"parameter": "procurement.bid_bond.rate", "jurisdiction": "cn-xj-urumqi-tianshan",
//!       "value": "0.02"}]})).unwrap();
//! let scenario = ctx.with_scenario(spec)?;
//! let on = NaiveDate::from_ymd_opt(2022, 6, 1).unwrap();
//! let rate = |c: &Context| c.parameter_value("procurement.bid_bond.rate", "cn-xj-urumqi-tianshan", on);
//! assert_eq!(rate(&ctx)?.value.unwrap().to_string(), "0.01");
//! assert_eq!(rate(&scenario)?.value.unwrap().to_string(), "0.02");
//! assert_eq!(rate(&scenario)?.scenario.as_deref(), Some("rate-2pc"));
//! # Ok::<(), zhengce::Error>(())
//! ```

mod scenario;

use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;

pub use crate::catalogue::ParameterUse;
pub(crate) use scenario::{Hit, Origin, Timeline, param_index, resolve};
pub use scenario::{ParameterOverride, ScenarioSpec};

use crate::calendar::{Calendar, Calendars};
use crate::catalogue::{Catalogue, LayerOptions};
use crate::error::{Error, Result};

/// A catalogue, the working-day calendars and a scenario: what every computation reads.
///
/// Nothing in the crate reads the built-in data behind a caller's back: a computation reads
/// the catalogue, calendars and parameters of the context it is given.
///
/// # Example
///
/// ```
/// let ctx = zhengce::Context::builtin();
/// assert_eq!(ctx.scenario_name(), "baseline");
/// assert!(ctx.catalogue().rule("tianshan-2022-87/r68-bid-bond").is_ok());
/// assert_eq!(ctx.calendar("cn-xj-urumqi-tianshan")?.layers(), ["cn", "cn-xj"]);
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Context {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    /// The catalogue as given, before the scenario's overlay.
    base: Arc<Catalogue>,
    /// The catalogue with the scenario's overlay (the same as `base` without one).
    catalogue: Arc<Catalogue>,
    calendars: Arc<Calendars>,
    spec: ScenarioSpec,
    hash: String,
}

fn baseline_spec() -> ScenarioSpec {
    ScenarioSpec { name: "baseline".into(), ..Default::default() }
}

impl Context {
    /// The built-in catalogue and calendars, with no scenario (the scenario named `baseline`).
    ///
    /// # Example
    ///
    /// ```
    /// let ctx = zhengce::Context::builtin();
    /// assert!(ctx.scenario().parameters.is_empty());
    /// ```
    #[cfg(all(feature = "builtin-catalogue", feature = "builtin-calendars"))]
    pub fn builtin() -> Context {
        Context::new(Catalogue::builtin(), Calendars::builtin())
    }

    /// A catalogue and calendars, with no scenario.
    ///
    /// # Example
    ///
    /// ```
    /// use zhengce::{Catalogue, Context, calendar::Calendars};
    ///
    /// let ctx = Context::new(Catalogue::builtin(), Calendars::empty());
    /// assert!(ctx.calendar("cn").unwrap_err().is_not_found());
    /// ```
    pub fn new(catalogue: impl Into<Arc<Catalogue>>, calendars: impl Into<Arc<Calendars>>) -> Context {
        let spec = baseline_spec();
        let hash = scenario::hash(&spec);
        let catalogue = catalogue.into();
        Context {
            inner: Arc::new(Inner {
                base: catalogue.clone(),
                catalogue,
                calendars: calendars.into(),
                spec,
                hash,
            }),
        }
    }

    /// The same catalogue and calendars under scenario `spec` (in place of this context's
    /// scenario): the spec's overlay layered on the catalogue, its parameter overrides in force.
    ///
    /// # Errors
    ///
    /// - `invalid_catalogue` if the overlay makes the catalogue invalid (every problem listed).
    /// - `not_found` for an override of an unknown parameter or in an unknown jurisdiction.
    /// - `invalid_input` (field `scenario.parameters[i]...`) for an override ending before it
    ///   starts, or two overrides of one parameter and jurisdiction that overlap.
    ///
    /// # Example
    ///
    /// ```
    /// use zhengce::context::ScenarioSpec;
    ///
    /// let spec: ScenarioSpec = serde_json::from_str(r#"{"name": "x", "parameters": [
    ///   {"parameter": "no.such.parameter", "jurisdiction": "cn", "value": "1"}]}"#).unwrap();
    /// let err = zhengce::Context::builtin().with_scenario(spec).unwrap_err();
    /// assert_eq!(err.code(), "not_found");
    /// ```
    pub fn with_scenario(&self, spec: ScenarioSpec) -> Result<Context> {
        let base = self.inner.base.clone();
        let catalogue = match &spec.overlay {
            Some(overlay) => Arc::new(base.layered_json_value(overlay)?),
            None => base.clone(),
        };
        check_overrides(&catalogue, &spec)?;
        let hash = scenario::hash(&spec);
        Ok(Context {
            inner: Arc::new(Inner { base, catalogue, calendars: self.inner.calendars.clone(), spec, hash }),
        })
    }

    /// The same catalogue and calendars with no scenario.
    ///
    /// # Example
    ///
    /// ```
    /// let spec = serde_json::from_str(r#"{"name": "x"}"#).unwrap();
    /// let ctx = zhengce::Context::builtin().with_scenario(spec)?;
    /// assert_eq!(ctx.baseline().scenario_name(), "baseline");
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn baseline(&self) -> Context {
        Context::new(self.inner.base.clone(), self.inner.calendars.clone())
    }

    /// The same calendars and scenario over another catalogue.
    ///
    /// # Errors
    ///
    /// - As for [`Context::with_scenario`]: the scenario is checked against the new catalogue.
    ///
    /// # Example
    ///
    /// ```
    /// let ctx = zhengce::Context::builtin().with_catalogue(zhengce::Catalogue::builtin())?;
    /// assert!(ctx.catalogue().clause("tianshan-2022-87/68").is_ok());
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn with_catalogue(&self, catalogue: impl Into<Arc<Catalogue>>) -> Result<Context> {
        Context::new(catalogue, self.inner.calendars.clone()).with_scenario(self.inner.spec.clone())
    }

    /// The catalogue with catalogue JSON layered on (see [`Catalogue::layered_json_value`]), under
    /// the same calendars and scenario.
    ///
    /// # Errors
    ///
    /// - `invalid_catalogue` if the overlay is malformed or makes the catalogue invalid.
    ///
    /// # Example
    ///
    /// ```
    /// let overlay = serde_json::json!({"format": "zhengce-catalogue/1", "jurisdictions": [
    ///     {"id": "cn-xx", "name": {"zh": "某省", "en": "Some province"}, "level": "province", "parent": "cn"}]});
    /// let ctx = zhengce::Context::builtin().layered_catalogue(&overlay)?;
    /// assert!(ctx.catalogue().jurisdiction("cn-xx").is_ok());
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn layered_catalogue(&self, overlay: &serde_json::Value) -> Result<Context> {
        self.with_catalogue(self.inner.base.layered_json_value(overlay)?)
    }

    /// Like [`Context::layered_catalogue`], with the overlay's [`LayerOptions`]: replacing a
    /// built-in entry must be asked for (`replace`), and changing what it is (`redefine`).
    ///
    /// # Errors
    ///
    /// - `invalid_catalogue` if the overlay is malformed, makes the catalogue invalid, or
    ///   replaces or redefines an entry the options do not allow.
    ///
    /// # Example
    ///
    /// ```
    /// use zhengce::LayerOptions;
    /// let overlay = serde_json::json!({"jurisdictions": [
    ///     {"id": "cn", "name": {"zh": "中国", "en": "China"}, "level": "country"}]});
    /// let ctx = zhengce::Context::builtin();
    /// assert!(ctx.layered_catalogue_with(&overlay, LayerOptions::default()).is_err());
    /// let replaced = ctx.layered_catalogue_with(&overlay, LayerOptions { replace: true, redefine: false })?;
    /// assert_eq!(replaced.catalogue().replacements().len(), 1);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn layered_catalogue_with(
        &self,
        overlay: &serde_json::Value,
        options: LayerOptions,
    ) -> Result<Context> {
        self.with_catalogue(self.inner.base.layered_json_value_with(overlay, options)?)
    }

    /// The same catalogue and scenario counting working days on `calendars`.
    ///
    /// # Example
    ///
    /// ```
    /// let ctx = zhengce::Context::builtin().with_calendars(zhengce::calendar::Calendars::empty());
    /// assert!(ctx.calendars().layers().is_empty());
    /// ```
    pub fn with_calendars(&self, calendars: impl Into<Arc<Calendars>>) -> Context {
        let i = &self.inner;
        Context {
            inner: Arc::new(Inner {
                base: i.base.clone(),
                catalogue: i.catalogue.clone(),
                calendars: calendars.into(),
                spec: i.spec.clone(),
                hash: i.hash.clone(),
            }),
        }
    }

    /// The calendars with calendar JSON layered on (a year's notice added at run time, see
    /// [`Calendars::layered_json_value`]), under the same catalogue and scenario.
    ///
    /// # Errors
    ///
    /// - `invalid_calendar` if the overlay is malformed (every problem listed).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    ///
    /// // 2027 is not in the built-in data; a user layers in its notice's New Year holiday.
    /// let overlay = serde_json::json!({"id": "cn", "name": {"zh": "全国", "en": "National"}, "jurisdiction": "cn",
    ///     "coverage": [{"from": "2027-01-01", "until": "2027-12-31"}],
    ///     "years": [{"year": 2027, "source": {"title": "example 2027 notice"}, "holidays": [
    ///       {"festival": "new_year", "name": {"zh": "元旦", "en": "New Year's Day"},
    ///        "off": ["2027-01-01", "2027-01-02", "2027-01-03"], "statutory": ["2027-01-01"], "work": []}]}]});
    /// let ctx = zhengce::Context::builtin().layered_calendars(&overlay)?;
    /// let day = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    /// assert!(!ctx.calendar("cn")?.is_working_day(day, &Default::default())?);
    /// assert!(zhengce::Context::builtin().calendar("cn")?.is_working_day(day, &Default::default()).is_err());
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn layered_calendars(&self, overlay: &serde_json::Value) -> Result<Context> {
        Ok(self.with_calendars(self.inner.calendars.layered_json_value(overlay)?))
    }

    /// The catalogue, with the scenario's overlay if it has one.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhengce::Context::builtin().catalogue().rule("tianshan-2022-87/r68-bid-bond").is_ok());
    /// ```
    pub fn catalogue(&self) -> &Catalogue {
        &self.inner.catalogue
    }

    /// The catalogue, shared (no copy), for holders that outlive a borrow (a binding's object).
    ///
    /// # Example
    ///
    /// ```
    /// let ctx = zhengce::Context::builtin();
    /// assert!(std::ptr::eq(ctx.catalogue_shared().as_ref(), ctx.catalogue()));
    /// ```
    pub fn catalogue_shared(&self) -> std::sync::Arc<Catalogue> {
        self.inner.catalogue.clone()
    }

    /// The calendars, shared (no copy).
    ///
    /// # Example
    ///
    /// ```
    /// let ctx = zhengce::Context::builtin();
    /// assert!(std::ptr::eq(ctx.calendars_shared().as_ref(), ctx.calendars()));
    /// ```
    pub fn calendars_shared(&self) -> std::sync::Arc<Calendars> {
        self.inner.calendars.clone()
    }

    /// The working-day calendars.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhengce::Context::builtin().calendars().layer("cn").is_ok());
    /// ```
    pub fn calendars(&self) -> &Calendars {
        &self.inner.calendars
    }

    /// The working-day calendar of a jurisdiction (its layers and its ancestors').
    ///
    /// # Errors
    ///
    /// - As for [`Calendars::calendar`]: `not_found` for an unknown jurisdiction or one with
    ///   no calendar layer.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhengce::Context::builtin().calendar("cn-sh-putuo")?.layers(), ["cn"]);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn calendar(&self, jurisdiction: &str) -> Result<Calendar> {
        self.inner.calendars.calendar(&self.inner.catalogue, jurisdiction)
    }

    /// The scenario: its name, parameter overrides and overlay.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhengce::Context::builtin().scenario().overlay.is_none());
    /// ```
    pub fn scenario(&self) -> &ScenarioSpec {
        &self.inner.spec
    }

    /// The scenario's name (`baseline` without one), recorded in execution receipts.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhengce::Context::builtin().scenario_name(), "baseline");
    /// ```
    pub fn scenario_name(&self) -> &str {
        &self.inner.spec.name
    }

    /// `sha256:` and the hex digest of the scenario (its name, overrides and overlay),
    /// recorded in execution receipts beside the catalogue's content hash.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhengce::Context::builtin().scenario_hash().starts_with("sha256:"));
    /// ```
    pub fn scenario_hash(&self) -> &str {
        &self.inner.hash
    }

    /// The value of parameter `key` in force in `jurisdiction` on `date` under the scenario:
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
    /// let ctx = zhengce::Context::builtin();
    /// let cap = ctx.parameter_value("procurement.bid_bond.cap_per_lot", "cn-xj-urumqi-tianshan",
    ///     NaiveDate::from_ymd_opt(2022, 1, 1).unwrap())?;
    /// assert_eq!(cap.value, None, "no cap before Tianshan's measure");
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn parameter_value(&self, key: &str, jurisdiction: &str, date: NaiveDate) -> Result<ParameterUse> {
        let cat = self.catalogue();
        let index = param_index(cat, key)?;
        let ancestry: Vec<&str> = cat.ancestry(jurisdiction)?.iter().map(|j| j.id.as_str()).collect();
        let hit = resolve(cat, &self.inner.spec.parameters, index, &ancestry, date);
        Ok(self.parameter_use(index, hit, ""))
    }

    /// [`Context::parameter_value`] for a computation that needs a value: no value in force
    /// is an error.
    ///
    /// # Errors
    ///
    /// - `not_found` if the parameter or the jurisdiction is not in the catalogue.
    /// - `invalid_input` (field `date`) if no value is in force on the date.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    ///
    /// let ctx = zhengce::Context::builtin();
    /// let early = ctx.parameter_in_force("inspection.sampling_ratio.base", "cn", NaiveDate::from_ymd_opt(1990, 1, 1).unwrap());
    /// assert_eq!(early.unwrap_err().path(), Some("date"));
    /// ```
    pub fn parameter_in_force(&self, key: &str, jurisdiction: &str, date: NaiveDate) -> Result<ParameterUse> {
        let found = self.parameter_value(key, jurisdiction, date)?;
        if found.value.is_none() {
            return Err(Error::invalid_input(
                "date",
                date,
                format!("a date on which parameter '{key}' has a value in '{jurisdiction}' or an ancestor"),
            ));
        }
        Ok(found)
    }

    /// [`Context::parameter_in_force`] with its value apart, for computations.
    pub(crate) fn in_force(
        &self,
        key: &str,
        jurisdiction: &str,
        date: NaiveDate,
    ) -> Result<(Decimal, ParameterUse)> {
        let found = self.parameter_in_force(key, jurisdiction, date)?;
        Ok((found.value.unwrap_or_default(), found))
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
                let ov = &self.inner.spec.parameters[o as usize];
                out.value = Some(value);
                out.jurisdiction = Some(ov.jurisdiction.clone());
                out.effective_from = ov.effective_from;
                out.until = ov.until;
                out.reading = ov.reading.clone();
                out.scenario = Some(self.scenario_name().to_owned());
            }
        }
        out
    }
}

/// Checks a scenario's parameter overrides against the catalogue they apply to.
fn check_overrides(catalogue: &Catalogue, spec: &ScenarioSpec) -> Result<()> {
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
            return Err(Error::invalid_input(field("until"), until, format!("a date on or after {from}")));
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
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_context_is_send_and_sync_and_cheap_to_clone() {
        fn shared<T: Send + Sync + Clone>() {}
        shared::<Context>();
        let a = Context::builtin();
        let b = a.clone();
        assert!(std::ptr::eq(a.catalogue(), b.catalogue()));
    }

    #[test]
    fn a_scenario_replaces_the_previous_one_and_keeps_the_calendars() {
        let ctx = Context::new(Catalogue::builtin(), Calendars::empty());
        let one = ctx.with_scenario(ScenarioSpec { name: "one".into(), ..Default::default() }).unwrap();
        let two = one.with_scenario(ScenarioSpec { name: "two".into(), ..Default::default() }).unwrap();
        assert_eq!(two.scenario_name(), "two");
        assert!(two.calendars().layers().is_empty());
        assert_eq!(ctx.scenario_name(), "baseline", "deriving leaves the original as it was");
    }
}
