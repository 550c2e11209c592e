//! `Monitor` and `Scorecard`: observations, assessment, scorecards.

use wasm_bindgen::prelude::*;
use zhengce::targets::{AssessOptions, Monitor, Scorecard, ScorecardOptions};

use crate::communities::JsCommunities;
use crate::context::JsContext;
use crate::convert::{date, describe, from_js, options, to_js};
use crate::error::IntoJs;

/// Monitors a catalogue's targets against observed data: add observations one by one or as
/// an array of objects, assess a target at a date, build scorecards.
#[wasm_bindgen(js_name = Monitor)]
pub struct JsMonitor {
    inner: Monitor,
}

#[wasm_bindgen(js_class = Monitor)]
impl JsMonitor {
    /// A monitor of the catalogue's targets, holding the catalogue's observations of them.
    #[wasm_bindgen(constructor)]
    pub fn new(context: &JsContext) -> JsMonitor {
        JsMonitor { inner: Monitor::new(&context.inner) }
    }

    /// A copy of this monitor using `communities` (copied) for scorecards by community.
    #[wasm_bindgen(js_name = withCommunities)]
    pub fn with_communities(&self, communities: &JsCommunities) -> Result<JsMonitor, JsValue> {
        let inner = self.inner.clone().with_communities(communities.inner.clone()).js()?;
        Ok(JsMonitor { inner })
    }

    /// Adds one observation: `target`, `date`, `value` (a decimal string), `unit`, `source`.
    #[wasm_bindgen(js_name = addObservation)]
    pub fn add_observation(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ObservationInput")] observation: JsValue,
    ) -> Result<(), JsValue> {
        let value = from_js(&observation, "observation").js()?;
        self.inner.add_observation_json_value(&value).js()
    }

    /// Adds an array of observations, all or none; returns how many were added.
    #[wasm_bindgen(js_name = addObservations)]
    pub fn add_observations(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ObservationInput[]")] observations: JsValue,
    ) -> Result<usize, JsValue> {
        let value = from_js(&observations, "observations").js()?;
        self.inner.add_observations_json_value(&value).js()
    }

    /// The observations held (of one target, or all), in the catalogue's observation shape.
    #[wasm_bindgen(unchecked_return_type = "Observation[]")]
    pub fn observations(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] target: JsValue,
    ) -> Result<JsValue, JsValue> {
        let target = crate::convert::opt_text(&target, "target").js()?;
        to_js(&self.inner.observations(target.as_deref()).js()?)
    }

    /// Where a target stands at `asOf`: status, basis, progress, elapsed, expected, gap, note.
    #[wasm_bindgen(unchecked_return_type = "Assessment")]
    pub fn assess(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] target: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string | Date")] as_of: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "AssessOptions")] options_: Option<js_sys::Object>,
    ) -> Result<JsValue, JsValue> {
        let target = crate::convert::text(&target, "target").js()?;
        let target = target.as_str();
        let as_of = date(&as_of, "as_of").js()?;
        let opts: AssessOptions = options(&options_.into(), "options").js()?;
        to_js(&self.inner.assess(target, as_of, &opts).js()?)
    }

    /// Assesses the selected targets at `asOf` and rolls them up by `options.by`.
    pub fn scorecard(
        &self,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string | Date")] as_of: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ScorecardOptions")] options_: Option<js_sys::Object>,
    ) -> Result<JsScorecard, JsValue> {
        let as_of = date(&as_of, "as_of").js()?;
        let opts: ScorecardOptions = options(&options_.into(), "options").js()?;
        Ok(JsScorecard { inner: self.inner.scorecard(as_of, &opts).js()? })
    }

    /// Whether a count target and the per-N ratio target it raises agree; `population` is a
    /// decimal string.
    #[wasm_bindgen(js_name = checkRatio, unchecked_return_type = "RatioCheck")]
    pub fn check_ratio(
        &self,
        #[wasm_bindgen(js_name = ratioTarget, unchecked_param_type = "string")] ratio_target: JsValue,
        #[wasm_bindgen(js_name = countTarget, unchecked_param_type = "string")] count_target: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] population: JsValue,
    ) -> Result<JsValue, JsValue> {
        let ratio_target = crate::convert::text(&ratio_target, "ratioTarget").js()?;
        let ratio_target = ratio_target.as_str();
        let count_target = crate::convert::text(&count_target, "countTarget").js()?;
        let count_target = count_target.as_str();
        let population = crate::convert::opt_text(&population, "population").js()?;
        let population = population
            .map(|p| {
                zhengce::value::parse_decimal(&p).ok_or_else(|| {
                    zhengce::Error::invalid_input(
                        "population",
                        describe(&JsValue::from_str(&p)),
                        "a decimal string",
                    )
                })
            })
            .transpose()
            .js()?;
        to_js(&self.inner.check_ratio(ratio_target, count_target, population).js()?)
    }

    /// The number of observations held.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.inner.len()
    }
}

/// Assessments of many targets at one date, with counts per status overall and per group.
#[wasm_bindgen(js_name = Scorecard)]
pub struct JsScorecard {
    inner: Scorecard,
}

#[wasm_bindgen(js_class = Scorecard)]
impl JsScorecard {
    /// The scorecard as a plain object: `as_of`, `counts`, `groups`, `assessments`.
    #[wasm_bindgen(js_name = toJsonValue, unchecked_return_type = "ScorecardData")]
    pub fn to_json_value(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner)
    }

    /// The scorecard as JSON text.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> Result<String, JsValue> {
        // Byte for byte the core's `to_json`, through the one serializer the module has.
        crate::convert::json_text(&self.inner)
    }

    /// The groups as CSV (first row: all).
    #[wasm_bindgen(js_name = toCsv)]
    pub fn to_csv(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CsvOptions")] options: JsValue,
    ) -> Result<String, JsValue> {
        let options: zhengce::value::CsvOptions = crate::convert::options(&options, "options").js()?;
        Ok(self.inner.to_csv_with(&options))
    }

    /// The assessments as CSV, one row per target.
    #[wasm_bindgen(js_name = assessmentsToCsv)]
    pub fn assessments_to_csv(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CsvOptions")] options: JsValue,
    ) -> Result<String, JsValue> {
        let options: zhengce::value::CsvOptions = crate::convert::options(&options, "options").js()?;
        Ok(self.inner.assessments_to_csv_with(&options))
    }
}
