//! `Context`: the catalogue, calendars and scenario every computation runs in.
//!
//! One object replaces the module's singletons: rules, deadlines, inspection plans, monitors
//! and community registries are all reached through a context.

use std::sync::Arc;

use wasm_bindgen::prelude::*;
use zhengce::Context;
use zhengce::calendar::DeadlineOptions;
use zhengce::context::ScenarioSpec;
use zhengce::rules::{Batch, CallOptions};

use crate::calendar::{JsCalendar, JsCalendars};
use crate::catalogue::JsCatalogue;
use crate::columns::{read_columns, read_dates};
use crate::convert::{date, from_js, options, to_js};
use crate::error::IntoJs;
use crate::rules::JsEvaluator;

/// A catalogue, working-day calendars and a scenario: immutable; deriving one gives a new one.
#[wasm_bindgen(js_name = Context)]
pub struct JsContext {
    pub(crate) inner: Context,
}

fn overlay_of(value: &JsValue) -> Result<serde_json::Value, JsValue> {
    if value.is_string() {
        let text = crate::convert::text(value, "overlay").js()?;
        zhengce::error::parse_json_text(&text, "overlay").js()
    } else {
        from_js(value, "overlay").js()
    }
}

#[wasm_bindgen(js_class = Context)]
impl JsContext {
    /// The built-in catalogue and calendars, with no scenario.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<JsContext, JsValue> {
        JsContext::builtin()
    }

    /// The built-in catalogue and calendars, with no scenario (the scenario named `baseline`).
    ///
    /// The catalogue is the package's `catalogue.json`, read on first use (see `Catalogue.builtin`).
    pub fn builtin() -> Result<JsContext, JsValue> {
        crate::builtin::context().map(|inner| JsContext { inner })
    }

    /// A context of a catalogue and calendars, with no scenario.
    pub fn of(catalogue: &JsCatalogue, calendars: &JsCalendars) -> JsContext {
        JsContext { inner: Context::new(catalogue.inner.clone(), calendars.inner.clone()) }
    }

    /// The same catalogue and calendars under a scenario `{name, parameters: [{parameter,
    /// jurisdiction, effective_from, until, value}], overlay}`.
    #[wasm_bindgen(js_name = withScenario)]
    pub fn with_scenario(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ScenarioSpec")] spec: JsValue,
    ) -> Result<JsContext, JsValue> {
        let spec: ScenarioSpec =
            zhengce::error::from_json_value(&from_js(&spec, "scenario").js()?, "scenario").js()?;
        self.inner.with_scenario(spec).map(|inner| JsContext { inner }).js()
    }

    /// The same catalogue and calendars with no scenario.
    pub fn baseline(&self) -> JsContext {
        JsContext { inner: self.inner.baseline() }
    }

    /// The same calendars and scenario over another catalogue.
    #[wasm_bindgen(js_name = withCatalogue)]
    pub fn with_catalogue(&self, catalogue: &JsCatalogue) -> Result<JsContext, JsValue> {
        self.inner.with_catalogue(catalogue.inner.clone()).map(|inner| JsContext { inner }).js()
    }

    /// The catalogue with an overlay (JSON text or object) layered on.
    #[wasm_bindgen(js_name = layeredCatalogue)]
    pub fn layered_catalogue(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | object")] overlay: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "LayerOptions")] options: JsValue,
    ) -> Result<JsContext, JsValue> {
        let layer: zhengce::LayerOptions = crate::convert::options(&options, "options").js()?;
        self.inner.layered_catalogue_with(&overlay_of(&overlay)?, layer).map(|inner| JsContext { inner }).js()
    }

    /// The same catalogue and scenario on other calendars.
    #[wasm_bindgen(js_name = withCalendars)]
    pub fn with_calendars(&self, calendars: &JsCalendars) -> JsContext {
        JsContext { inner: self.inner.with_calendars(calendars.inner.clone()) }
    }

    /// The calendars with calendar data (JSON text or object) layered on: a year added at run time.
    #[wasm_bindgen(js_name = layeredCalendars)]
    pub fn layered_calendars(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | CalendarData")] overlay: JsValue,
    ) -> Result<JsContext, JsValue> {
        self.inner.layered_calendars(&overlay_of(&overlay)?).map(|inner| JsContext { inner }).js()
    }

    /// The catalogue (with the scenario's overlay, if any).
    pub fn catalogue(&self) -> JsCatalogue {
        JsCatalogue { inner: self.inner.catalogue_shared() }
    }

    /// The calendar data layers.
    pub fn calendars(&self) -> JsCalendars {
        JsCalendars { inner: self.inner.calendars_shared() }
    }

    /// The working-day calendar of a jurisdiction.
    pub fn calendar(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] jurisdiction: JsValue,
    ) -> Result<JsCalendar, JsValue> {
        let jurisdiction = crate::convert::text(&jurisdiction, "jurisdiction").js()?;
        let jurisdiction = jurisdiction.as_str();
        self.inner.calendar(jurisdiction).map(|c| JsCalendar { inner: Arc::new(c) }).js()
    }

    /// The scenario's spec.
    #[wasm_bindgen(unchecked_return_type = "ScenarioSpec")]
    pub fn scenario(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.scenario())
    }

    /// The scenario's name (`baseline` without one).
    #[wasm_bindgen(js_name = scenarioName)]
    pub fn scenario_name(&self) -> String {
        self.inner.scenario_name().to_owned()
    }

    /// `sha256:` and the digest of the scenario.
    #[wasm_bindgen(js_name = scenarioHash)]
    pub fn scenario_hash(&self) -> String {
        self.inner.scenario_hash().to_owned()
    }

    /// The parameter's value in force under the scenario (`value` null when none is).
    #[wasm_bindgen(js_name = parameterValue, unchecked_return_type = "ParameterUse")]
    pub fn parameter_value(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] key: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] jurisdiction: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] on: JsValue,
    ) -> Result<JsValue, JsValue> {
        let key = crate::convert::text(&key, "key").js()?;
        let key = key.as_str();
        let jurisdiction = crate::convert::text(&jurisdiction, "jurisdiction").js()?;
        let jurisdiction = jurisdiction.as_str();
        let on = date(&on, "date").js()?;
        to_js(&self.inner.parameter_value(key, jurisdiction, on).js()?)
    }

    /// Compiles a rule in this context.
    pub fn evaluator(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] rule: JsValue,
    ) -> Result<JsEvaluator, JsValue> {
        let rule = crate::convert::text(&rule, "rule").js()?;
        let rule = rule.as_str();
        self.inner.evaluator(rule).map(|inner| JsEvaluator { inner }).js()
    }

    /// The deadline of a service promise (a service key or time-limit rule id) from `start`.
    #[wasm_bindgen(unchecked_return_type = "Deadline")]
    pub fn deadline(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] service: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] start: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] jurisdiction: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "DeadlineOptions")] options: Option<js_sys::Object>,
    ) -> Result<JsValue, JsValue> {
        let service = crate::convert::text(&service, "service").js()?;
        let service = service.as_str();
        let jurisdiction = crate::convert::text(&jurisdiction, "jurisdiction").js()?;
        let jurisdiction = jurisdiction.as_str();
        let start = date(&start, "start").js()?;
        let o: DeadlineOptions = crate::convert::options(&options.into(), "options").js()?;
        to_js(&self.inner.deadline(service, start, jurisdiction, &o).js()?)
    }

    /// Compares this context's scenario with `alternative`'s over a batch: per-row values,
    /// differences and totals.
    #[wasm_bindgen(unchecked_return_type = "Comparison")]
    pub fn compare(
        &self,
        alternative: &JsContext,
        #[wasm_bindgen(unchecked_param_type = "string")] rule: JsValue,
        #[wasm_bindgen(unchecked_param_type = "BatchColumns")] columns: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | Date | string[]")] dates: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] opts: Option<js_sys::Object>,
    ) -> Result<JsValue, JsValue> {
        let rule = crate::convert::text(&rule, "rule").js()?;
        let rule = rule.as_str();
        let opts: CallOptions = options(&opts.into(), "options").js()?;
        let (cols, dates) = (read_columns(&columns)?, read_dates(&dates)?);
        let batch = Batch {
            dates: dates.dates(),
            jurisdiction: opts.jurisdiction.as_deref(),
            columns: cols.columns(),
        };
        to_js(&self.inner.compare(&alternative.inner, rule, &batch, &opts.options()).js()?)
    }
}
