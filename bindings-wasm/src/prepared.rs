//! `DatedEvaluator`: an evaluator fixed at a date (`Evaluator.at`), one call per case with
//! the rule's inputs in an array (by position) or an object (by name).

use serde_json::Value;
use wasm_bindgen::prelude::*;
use zhengce::rules::{DatedEvaluator, InputValue, InputValueRef, Options, RuleValue};

use crate::convert::{from_js, to_js};
use crate::error::IntoJs;

/// A rule's evaluator fixed at a date and a jurisdiction: the parameters in force are looked
/// up once; each call gives what `evaluate` gives on that date, with the same errors.
#[wasm_bindgen(js_name = DatedEvaluator)]
pub struct JsDatedEvaluator {
    pub(crate) inner: DatedEvaluator,
}

impl JsDatedEvaluator {
    /// The call's values, one place per input: an array by position, an object by name
    /// (`null` and `undefined`: not given).
    fn values(&self, inputs: &JsValue) -> Result<Vec<Option<InputValue>>, JsValue> {
        let specs = self.inner.inputs();
        let json = from_js(inputs, "values").js()?;
        let mut held: Vec<Option<InputValue>> = vec![None; specs.len()];
        match json {
            Value::Null => {}
            Value::Array(items) => {
                if items.len() > specs.len() {
                    // The core words the error.
                    self.inner.value(&vec![None; items.len()]).js()?;
                }
                for (h, v) in held.iter_mut().zip(items) {
                    *h = (!v.is_null()).then(|| InputValue::from_json_value(&v));
                }
            }
            Value::Object(map) => {
                let mut refs: Vec<Option<InputValueRef<'_>>> = vec![None; specs.len()];
                let owned: Vec<(String, InputValue)> = map
                    .into_iter()
                    .filter(|(_, v)| !v.is_null())
                    .map(|(k, v)| (k, InputValue::from_json_value(&v)))
                    .collect();
                for (name, value) in &owned {
                    self.inner.put(&mut refs, name, value.into()).js()?;
                }
                for (h, r) in held.iter_mut().zip(refs) {
                    *h = r.map(InputValue::from);
                }
            }
            other => {
                return Err(zhengce::Error::invalid_input(
                    "values",
                    other,
                    "an array of input values in the rule's order, or an object of input values",
                ))
                .js();
            }
        }
        Ok(held)
    }
}

/// The answer of a call: an amount as a decimal string (null when the rule does not apply),
/// whether eligible or compliant (null while undecided), a deadline as an ISO date, a
/// decision table's outputs (null when no row matched).
fn answer(value: &RuleValue) -> Result<JsValue, JsValue> {
    match value {
        RuleValue::CappedRate(v) => to_js(&v.amount.map(|a| a.to_string())),
        RuleValue::Eligibility(v) => to_js(&v.eligible),
        RuleValue::Threshold(v) => to_js(&v.compliant),
        RuleValue::TimeLimit(v) => to_js(&zhengce::value::format_date(v.deadline.date)),
        RuleValue::DecisionTable(v) => to_js(&v.outputs),
    }
}

#[wasm_bindgen(js_class = DatedEvaluator)]
impl JsDatedEvaluator {
    /// The rule's answer for one case: `inputs` an array in the order of `inputs()`, or an
    /// object of input name to value (decimal strings, choices, booleans).
    #[wasm_bindgen(unchecked_return_type = "string | boolean | Record<string, unknown> | null")]
    pub fn call(
        &self,
        #[wasm_bindgen(
            unchecked_param_type = "Array<string | boolean | number | null> | Record<string, string | boolean | number | null>"
        )]
        inputs: JsValue,
    ) -> Result<JsValue, JsValue> {
        let held = self.values(&inputs)?;
        let refs: Vec<Option<InputValueRef<'_>>> = held.iter().map(|v| v.as_ref().map(Into::into)).collect();
        answer(&self.inner.value(&refs).js()?)
    }

    /// The full evaluation of one case, with its explanation; `inputs` as for `call`.
    #[wasm_bindgen(unchecked_return_type = "Evaluation")]
    pub fn evaluate(
        &self,
        #[wasm_bindgen(
            unchecked_param_type = "Array<string | boolean | number | null> | Record<string, string | boolean | number | null>"
        )]
        inputs: JsValue,
    ) -> Result<JsValue, JsValue> {
        let held = self.values(&inputs)?;
        let refs: Vec<Option<InputValueRef<'_>>> = held.iter().map(|v| v.as_ref().map(Into::into)).collect();
        to_js(&self.inner.evaluate(&refs, &Options::explained()).js()?)
    }

    /// The date the cases are judged on (ISO).
    #[wasm_bindgen(getter)]
    pub fn date(&self) -> String {
        zhengce::value::format_date(self.inner.date())
    }

    /// The jurisdiction the cases are in.
    #[wasm_bindgen(getter)]
    pub fn jurisdiction(&self) -> String {
        self.inner.jurisdiction().to_owned()
    }

    /// The rule's input names: the order of positional inputs.
    #[wasm_bindgen(getter)]
    pub fn inputs(&self) -> Vec<String> {
        self.inner.inputs().iter().map(|s| s.name.clone()).collect()
    }
}
