//! `runCases`: the core's case runner (`zhengce::testing`), so JavaScript runs cases exactly
//! as `zhengce test` and Python do. Its YAML reader, `parseYaml`, is in the draft module
//! (draft.rs).

use wasm_bindgen::prelude::*;

use crate::context::JsContext;
use crate::convert::{from_js, to_js};
use crate::error::IntoJs;

/// Runs a case document (an object with `cases`, an array of cases, or one case) on the
/// built-in catalogue; returns the report.
#[wasm_bindgen(js_name = runCases, unchecked_return_type = "{ passed: number; failed: number; cases: { name: string; call: string; source?: string; passed: boolean; problems: string[] }[] }")]
pub fn run_cases(
    #[wasm_bindgen(unchecked_param_type = "object | object[]")] document: JsValue,
) -> Result<JsValue, JsValue> {
    let doc = from_js(&document, "document").js()?;
    to_js(&zhengce::testing::run_cases(&crate::builtin::context()?, &doc).js()?)
}

/// Runs a case document in the given context (e.g. one with a layered catalogue or a scenario).
#[wasm_bindgen(js_name = runCasesIn, unchecked_return_type = "{ passed: number; failed: number; cases: { name: string; call: string; source?: string; passed: boolean; problems: string[] }[] }")]
pub fn run_cases_in(
    context: &JsContext,
    #[wasm_bindgen(unchecked_param_type = "object | object[]")] document: JsValue,
) -> Result<JsValue, JsValue> {
    let doc = from_js(&document, "document").js()?;
    to_js(&zhengce::testing::run_cases(&context.inner, &doc).js()?)
}

/// The JSON Schema of case documents.
#[wasm_bindgen(js_name = casesSchema, unchecked_return_type = "object")]
pub fn cases_schema() -> Result<JsValue, JsValue> {
    // The published file (core/tests/cases.rs keeps it equal to `json_schema()`), from the
    // package's data.json: data instead of schemars' generator code in the module.
    crate::builtin::schema("cases")
}
