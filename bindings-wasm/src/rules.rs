//! `Evaluator`: rules in a context, single and batch evaluation.
//!
//! Results are plain objects in the JSON shape (decimal strings). Batch columns are read in
//! `columns.rs` (arrays of decimal strings, choices, booleans or null, `BigInt64Array`s of
//! integers in the input's own unit), as is the typed path, `evaluateColumns`.

use wasm_bindgen::prelude::*;
use zhengce::rules::{Batch, CallOptions, Input};

use crate::columns::{read_columns, read_dates};
use crate::context::JsContext;
use crate::convert::{date, from_js, options, to_js};

use crate::error::IntoJs;

/// One rule compiled in a context, ready to evaluate cases.
#[wasm_bindgen(js_name = Evaluator)]
pub struct JsEvaluator {
    pub(crate) inner: zhengce::rules::Evaluator,
}

#[wasm_bindgen(js_class = Evaluator)]
impl JsEvaluator {
    /// Compiles `rule` in `context`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        context: &JsContext,
        #[wasm_bindgen(unchecked_param_type = "string")] rule: JsValue,
    ) -> Result<JsEvaluator, JsValue> {
        let rule = crate::convert::text(&rule, "rule").js()?;
        let rule = rule.as_str();
        zhengce::rules::Evaluator::new(&context.inner, rule).map(|inner| JsEvaluator { inner }).js()
    }

    /// The rule evaluated.
    #[wasm_bindgen(unchecked_return_type = "Rule")]
    pub fn rule(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.rule())
    }

    /// The static check of a decision table (overlaps, gaps); null for other kinds.
    #[wasm_bindgen(js_name = checkTable, unchecked_return_type = "TableCheck | null")]
    pub fn check_table(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.check_table())
    }

    /// This evaluator fixed at a date in a jurisdiction (the rule's own when absent): the
    /// parameters in force are looked up once; call the result once per case.
    pub fn at(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] on: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "string | null")] jurisdiction: JsValue,
    ) -> Result<crate::prepared::JsDatedEvaluator, JsValue> {
        let on = date(&on, "date").js()?;
        let jurisdiction = if jurisdiction.is_null() || jurisdiction.is_undefined() {
            None
        } else {
            Some(crate::convert::text(&jurisdiction, "jurisdiction").js()?)
        };
        let inner = self.inner.at(on, jurisdiction.as_deref()).js()?;
        Ok(crate::prepared::JsDatedEvaluator { inner })
    }

    /// Evaluates one case: `values` maps input names to decimal strings, choices or booleans.
    #[wasm_bindgen(unchecked_return_type = "Evaluation")]
    pub fn evaluate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Record<string, string | boolean | number | null>")]
        values: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] on: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] opts: Option<js_sys::Object>,
    ) -> Result<JsValue, JsValue> {
        let opts: CallOptions = options(&opts.into(), "options").js()?;
        let mut input =
            Input::from_json_value(date(&on, "date").js()?, &from_js(&values, "values").js()?).js()?;
        input.jurisdiction = opts.jurisdiction.clone();
        to_js(&self.inner.evaluate(&input, &opts.options()).js()?)
    }

    /// Evaluates a batch given as columns; errors name the row (`details.row`). With
    /// `errors: "null"` a failing row gives nulls and its error in the `error_code` and
    /// `error_message` columns instead.
    #[wasm_bindgen(js_name = evaluateBatch, unchecked_return_type = "BatchResult")]
    pub fn evaluate_batch(
        &self,
        #[wasm_bindgen(unchecked_param_type = "BatchColumns")] columns: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | Date | string[]")] dates: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] opts: Option<js_sys::Object>,
    ) -> Result<JsValue, JsValue> {
        let opts: CallOptions = options(&opts.into(), "options").js()?;
        let (cols, dates) = (read_columns(&columns)?, read_dates(&dates)?);
        let batch = Batch {
            dates: dates.dates(),
            jurisdiction: opts.jurisdiction.as_deref(),
            columns: cols.columns(),
        };
        to_js(&self.inner.evaluate_batch(&batch, &opts.options()).js()?)
    }
}
