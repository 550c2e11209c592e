//! `Evaluator`: rules in a context, single and batch evaluation.
//!
//! Results are plain objects in the JSON shape (decimal strings). Batch columns are arrays of
//! decimal strings, choices, booleans or null, or `BigInt64Array`s of integers in the input's
//! own unit (fen for money).

use wasm_bindgen::prelude::*;
use zhengce::rules::{Batch, CallOptions, Input, OwnedColumns, OwnedDates};

use crate::context::JsContext;
use crate::convert::{date, from_js, options, to_js};

/// A result as a plain object through one JSON string: for large or nested results this is
/// much faster than building the object field by field across the boundary.
pub(crate) fn json_to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| JsValue::from_str(&e.to_string()))?;
    js_sys::JSON::parse(&text)
}

/// A JS value as JSON through `JSON.stringify` (columns of many values).
fn js_to_json(value: &JsValue, what: &str) -> Result<serde_json::Value, JsValue> {
    // JSON.stringify writes NaN and Infinity as null, which reads as "not given": refuse them
    // (and undefined holes) first, naming the row.
    if let Some(array) = value.dyn_ref::<js_sys::Array>() {
        let bad =
            array.find_index(&mut |v, _, _| v.is_undefined() || v.as_f64().is_some_and(|f| !f.is_finite()));
        if bad >= 0 {
            let v = array.get(bad as u32);
            return Err(crate::error::to_js_error(zhengce::Error::invalid_input(
                format!("{what}[{bad}]"),
                crate::convert::describe(&v),
                "a JSON value (a finite number, a string, a boolean or null)",
            )));
        }
    }
    let text = js_sys::JSON::stringify(value).ok().and_then(|s| s.as_string()).ok_or_else(|| {
        crate::error::to_js_error(zhengce::Error::invalid_input(
            what,
            crate::convert::describe(value),
            "JSON values",
        ))
    })?;
    serde_json::from_str(&text).map_err(|e| {
        crate::error::to_js_error(zhengce::Error::invalid_input(what, "text", format!("JSON values ({e})")))
    })
}
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
        let mut input = Input::from_json(date(&on, "date").js()?, &from_js(&values, "values").js()?).js()?;
        input.jurisdiction = opts.jurisdiction.clone();
        json_to_js(&self.inner.evaluate(&input, &opts.options()).js()?)
    }

    /// Evaluates a batch given as columns; errors name the row (`details.row`).
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
        json_to_js(&self.inner.evaluate_batch(&batch, &opts.options()).js()?)
    }
}

#[wasm_bindgen(typescript_custom_section)]
const BATCH_COLUMNS: &str = r#"
/** Batch input columns: arrays of decimal strings, choices, booleans or null, or BigInt64Arrays
 * of integers in the input's own unit (fen for money). */
export type BatchColumns = Record<string, (string | boolean | number | null)[] | BigInt64Array>;
"#;

/// Columns from a JS object: `BigInt64Array`s as integers, other arrays through JSON.
pub(crate) struct Columns {
    json: OwnedColumns,
    units: Vec<(String, Vec<i64>)>,
}

impl Columns {
    pub(crate) fn columns(&self) -> Vec<zhengce::rules::Column<'_>> {
        let mut out = self.json.columns();
        out.extend(
            self.units
                .iter()
                .map(|(n, v)| zhengce::rules::Column::new(n, zhengce::rules::ColumnData::Units(v))),
        );
        out
    }
}

pub(crate) fn read_columns(columns: &JsValue) -> Result<Columns, JsValue> {
    let mut json = serde_json::Map::new();
    let mut units = Vec::new();
    let object: &js_sys::Object = columns.dyn_ref().ok_or_else(|| {
        crate::error::to_js_error(zhengce::Error::invalid_input(
            "columns",
            crate::convert::describe(columns),
            "an object of input name to array",
        ))
    })?;
    for entry in js_sys::Object::entries(object).iter() {
        let pair: js_sys::Array = entry.into();
        let name = crate::convert::text(&pair.get(0), "columns").js()?;
        let value = pair.get(1);
        if let Some(ints) = value.dyn_ref::<js_sys::BigInt64Array>() {
            units.push((name, ints.to_vec()));
        } else {
            json.insert(name.clone(), js_to_json(&value, &name)?);
        }
    }
    Ok(Columns { json: OwnedColumns::from_json(&serde_json::Value::Object(json)).js()?, units })
}

pub(crate) fn read_dates(dates: &JsValue) -> Result<OwnedDates, JsValue> {
    if js_sys::Array::is_array(dates) {
        return OwnedDates::from_json(&from_js(dates, "date").js()?).js();
    }
    Ok(OwnedDates::One(date(dates, "date").js()?))
}
