//! `InspectionPlan` and `StratifiedDraw`: double-random inspection plans.

use wasm_bindgen::prelude::*;
use zhengce::Error;
use zhengce::sampling::{
    Directory, InspectionPlan, PlanSpec, Register, RegisterColumns, SampleSpec, StratifiedDraw,
};

use crate::context::JsContext;
use crate::convert::{from_js, to_js};
use crate::error::IntoJs;

fn register(value: &JsValue) -> Result<Register, JsValue> {
    Register::from_json_value(&from_js(value, "register").js()?).js()
}

fn directory(value: &JsValue) -> Result<Directory, JsValue> {
    Directory::from_json_value(&from_js(value, "directory").js()?).js()
}

fn spec<T: serde::de::DeserializeOwned>(value: &JsValue) -> Result<T, JsValue> {
    zhengce::error::from_json_value(&from_js(value, "spec").js()?, "spec").js()
}

/// A double-random inspection plan (双随机、一公开): visits with reasons, modes, checks and inspectors.
#[wasm_bindgen(js_name = InspectionPlan)]
pub struct JsInspectionPlan {
    inner: InspectionPlan,
}

#[wasm_bindgen(js_class = InspectionPlan)]
impl JsInspectionPlan {
    /// Draws a plan from a register, an inspector directory and a spec; throws `infeasible`
    /// naming the visit that cannot get enough inspectors free of conflict.
    pub fn draw(
        context: &JsContext,
        #[wasm_bindgen(unchecked_param_type = "Entity[]")] register: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Inspector[]")] directory: JsValue,
        #[wasm_bindgen(unchecked_param_type = "PlanSpec")] spec: JsValue,
    ) -> Result<JsInspectionPlan, JsValue> {
        let (r, d, s): (Register, Directory, PlanSpec) =
            (self::register(&register)?, self::directory(&directory)?, self::spec(&spec)?);
        InspectionPlan::draw(&context.inner, &r, &d, &s).map(|inner| JsInspectionPlan { inner }).js()
    }

    /// Reads a published plan from its JSON text.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<JsInspectionPlan, JsValue> {
        let text = crate::convert::text(&text, "text").js()?;
        let text = text.as_str();
        InspectionPlan::from_json(text).map(|inner| JsInspectionPlan { inner }).js()
    }

    /// Reads a plan from an object in the JSON shape.
    #[wasm_bindgen(js_name = fromJsonValue)]
    pub fn from_json_value(
        #[wasm_bindgen(unchecked_param_type = "InspectionPlanData")] value: JsValue,
    ) -> Result<JsInspectionPlan, JsValue> {
        InspectionPlan::from_json_value(&from_js(&value, "plan").js()?)
            .map(|inner| JsInspectionPlan { inner })
            .js()
    }

    /// Re-derives the plan from its recorded spec and seed and lists every difference.
    #[wasm_bindgen(unchecked_return_type = "Verification")]
    pub fn verify(
        &self,
        context: &JsContext,
        #[wasm_bindgen(unchecked_param_type = "Entity[]")] register: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Inspector[]")] directory: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (r, d) = (self::register(&register)?, self::directory(&directory)?);
        to_js(&self.inner.verify(&context.inner, &r, &d).js()?)
    }

    /// The plan as an object in the JSON shape.
    #[wasm_bindgen(js_name = toJsonValue, unchecked_return_type = "InspectionPlanData")]
    pub fn to_json_value(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner)
    }

    /// The plan's JSON text, the published form (identical in every language).
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> Result<String, JsValue> {
        // Byte for byte the core's `to_json`, through the one serializer the module has.
        crate::convert::json_text(&self.inner)
    }

    /// The visits as CSV, one row per visit.
    #[wasm_bindgen(js_name = toCsv)]
    pub fn to_csv(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CsvOptions")] options: JsValue,
    ) -> Result<String, JsValue> {
        let options: zhengce::value::CsvOptions = crate::convert::options(&options, "options").js()?;
        Ok(self.inner.to_csv_with(&options))
    }

    /// The per-stratum figures as CSV.
    #[wasm_bindgen(js_name = strataToCsv)]
    pub fn strata_to_csv(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CsvOptions")] options: JsValue,
    ) -> Result<String, JsValue> {
        let options: zhengce::value::CsvOptions = crate::convert::options(&options, "options").js()?;
        Ok(self.inner.strata_to_csv_with(&options))
    }

    /// Per-stratum population, flagged, pool, ratio, sample, selected and realised ratio.
    #[wasm_bindgen(getter, unchecked_return_type = "StratumSummary[]")]
    pub fn strata(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.strata)
    }

    /// The visits in register order.
    #[wasm_bindgen(getter, unchecked_return_type = "Visit[]")]
    pub fn visits(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.visits)
    }
}

/// A stratified random draw over a register given as typed arrays (the researcher's path).
#[wasm_bindgen(js_name = StratifiedDraw)]
pub struct JsStratifiedDraw {
    inner: StratifiedDraw,
}

impl JsStratifiedDraw {
    fn positions(
        &self,
        key: &str,
        pick: fn(&zhengce::sampling::StratumDraw) -> &[u64],
    ) -> Result<Vec<u32>, JsValue> {
        let stratum = self.inner.stratum(key).ok_or_else(|| Error::not_found("stratum", key)).js()?;
        // Positions index a typed array, so they fit in 32 bits.
        Ok(pick(stratum).iter().map(|&p| p as u32).collect())
    }
}

#[wasm_bindgen(js_class = StratifiedDraw)]
impl JsStratifiedDraw {
    /// Draws over columns: `classes` (0 unclassified, 1 A, 2 B, 3 C, 4 D), optional stratum
    /// codes and flag bytes (1 complaint, 2 big-data alert, 4 referred case, 8 legal mandate).
    pub fn draw(
        context: &JsContext,
        #[wasm_bindgen(unchecked_param_type = "SampleSpec")] spec: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] classes: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Uint32Array")] strata: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Uint8Array")] flags: JsValue,
    ) -> Result<JsStratifiedDraw, JsValue> {
        let spec: SampleSpec = self::spec(&spec)?;
        // Typed arrays are checked here: wasm-bindgen's own slice conversion trusts the
        // argument and reads garbage (or traps) for a number or a plain array.
        let bytes = |v: &JsValue, field: &str| {
            v.dyn_ref::<js_sys::Uint8Array>()
                .map(js_sys::Uint8Array::to_vec)
                .ok_or_else(|| Error::invalid_input(field, crate::convert::describe(v), "a Uint8Array"))
        };
        let classes = bytes(&classes, "classes").js()?;
        let absent = |v: &JsValue| v.is_undefined() || v.is_null();
        let strata = if absent(&strata) {
            None
        } else {
            Some(
                strata
                    .dyn_ref::<js_sys::Uint32Array>()
                    .map(js_sys::Uint32Array::to_vec)
                    .ok_or_else(|| {
                        Error::invalid_input("strata", crate::convert::describe(&strata), "a Uint32Array")
                    })
                    .js()?,
            )
        };
        let flags = if absent(&flags) { None } else { Some(bytes(&flags, "flags").js()?) };
        let mut columns = RegisterColumns::new(&classes);
        if let Some(s) = &strata {
            columns = columns.with_strata(s);
        }
        if let Some(f) = &flags {
            columns = columns.with_flags(f);
        }
        StratifiedDraw::draw(&context.inner, &columns, &spec).map(|inner| JsStratifiedDraw { inner }).js()
    }

    /// The per-stratum figures, in order (keys `a`, `b|code=17`, ...).
    #[wasm_bindgen(getter, unchecked_return_type = "StratumSummary[]")]
    pub fn strata(&self) -> Result<JsValue, JsValue> {
        let summaries: Vec<_> = self.inner.strata.iter().map(|s| &s.summary).collect();
        to_js(&summaries)
    }

    /// Positions drawn at random in the stratum, ascending.
    #[wasm_bindgen(js_name = randomIndices)]
    pub fn random_indices(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] key: JsValue,
    ) -> Result<Vec<u32>, JsValue> {
        let key = crate::convert::text(&key, "key").js()?;
        let key = key.as_str();
        self.positions(key, |s| &s.random)
    }

    /// Positions of the stratum's flagged entities, ascending.
    #[wasm_bindgen(js_name = mandatoryIndices)]
    pub fn mandatory_indices(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] key: JsValue,
    ) -> Result<Vec<u32>, JsValue> {
        let key = crate::convert::text(&key, "key").js()?;
        let key = key.as_str();
        self.positions(key, |s| &s.mandatory)
    }

    /// Everything as an object, positions as arrays.
    #[wasm_bindgen(js_name = toJsonValue, unchecked_return_type = "StratifiedDrawData")]
    pub fn to_json_value(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner)
    }
}
