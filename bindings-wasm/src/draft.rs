//! The optional second module, `zhengce/draft`: `draft`, a draft catalogue layer read from a
//! policy document's text, and `parseYaml`, the case runner's YAML reader. Neither needs the
//! catalogue, calendars or rules, so the main module does without their code.

use wasm_bindgen::prelude::*;
use zhengce::draft::{Draft, DraftMeta, DraftOptions};

use crate::convert::{from_js, options, to_js};
use crate::error::IntoJs;

fn run(text: &JsValue, meta: &JsValue, options_: Option<js_sys::Object>) -> Result<Draft, JsValue> {
    // A string checked here: wasm-bindgen's own &str conversion traps on a number.
    let text = crate::convert::text(text, "text").js()?;
    let meta: DraftMeta = zhengce::error::from_json_value(&from_js(meta, "meta").js()?, "meta").js()?;
    let o: DraftOptions = options(&options_.into(), "options").js()?;
    zhengce::draft::draft(&text, &meta, &o).js()
}

/// Drafts a catalogue layer from a policy document's text: a plain object with `layer` (a
/// catalogue file for `Catalogue.layered`), `clauses`, `items` and `stats`. `meta`:
/// `{id, jurisdiction}` and optionally `title`, `issued` (ISO date), `period` (`{from, until}`);
/// `options`: `{max_chars, max_items}`. Spans count Unicode scalar values: index
/// `Array.from(text)`, not the UTF-16 string.
#[wasm_bindgen(unchecked_return_type = "Draft")]
pub fn draft(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DraftMeta")] meta: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DraftOptions")] options_: Option<js_sys::Object>,
) -> Result<JsValue, JsValue> {
    to_js(&run(&text, &meta, options_)?)
}

/// `draft` as compact JSON, byte for byte what Rust's `serde_json::to_string` and Python's
/// `Draft.to_json()` give.
#[wasm_bindgen(js_name = draftJson)]
pub fn draft_json(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DraftMeta")] meta: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DraftOptions")] options_: Option<js_sys::Object>,
) -> Result<String, JsValue> {
    crate::convert::json_text(&run(&text, &meta, options_)?)
}

/// Reads one YAML document as the case runner does (floats kept as exact decimal strings).
#[wasm_bindgen(js_name = parseYaml)]
pub fn parse_yaml(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    let text = crate::convert::text(&text, "text").js()?;
    to_js(&zhengce::testing::parse_yaml(&text).js()?)
}
