//! `draft`: a draft catalogue layer read from a policy document's text.

use wasm_bindgen::prelude::*;
use zhengce::draft::{Draft, DraftMeta, DraftOptions};

use crate::convert::{from_js, options, to_js};
use crate::error::IntoJs;

/// A drafted catalogue layer and the evidence (span, clause, confidence) of every entry.
///
/// Spans count Unicode scalar values: index `Array.from(text)`, not the UTF-16 string.
#[wasm_bindgen(js_name = Draft)]
pub struct JsDraft {
    inner: Draft,
}

#[wasm_bindgen(js_class = Draft)]
impl JsDraft {
    /// The catalogue layer (document and clause tree, targets, observations, units, parameters).
    #[wasm_bindgen(getter, unchecked_return_type = "CatalogueData")]
    pub fn layer(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.layer)
    }

    /// The clauses found, in document order, with their spans.
    #[wasm_bindgen(getter, unchecked_return_type = "DraftClause[]")]
    pub fn clauses(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.clauses)
    }

    /// Everything drafted, in document order.
    #[wasm_bindgen(getter, unchecked_return_type = "DraftItem[]")]
    pub fn items(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.items)
    }

    /// Counts, and whether `max_items` stopped the draft early.
    #[wasm_bindgen(getter, unchecked_return_type = "DraftStats")]
    pub fn stats(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.stats)
    }

    /// The whole draft as a plain object.
    #[wasm_bindgen(js_name = toObject, unchecked_return_type = "Draft")]
    pub fn to_object(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner)
    }

    /// The whole draft as compact JSON, byte for byte the same as from Rust and Python.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.inner).unwrap_or_default()
    }

    /// The layer as JSON, ready for `Catalogue.layered`.
    #[wasm_bindgen(js_name = layerJson)]
    pub fn layer_json(&self) -> String {
        serde_json::to_string(&self.inner.layer).unwrap_or_default()
    }
}

/// Drafts a catalogue layer from a policy document's text. `meta`: `{id, jurisdiction}` and
/// optionally `title`, `issued` (ISO date), `period` (`{from, until}`); `options`:
/// `{max_chars, max_items}`.
#[wasm_bindgen]
pub fn draft(
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "DraftMeta")] meta: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DraftOptions")] options_: Option<js_sys::Object>,
) -> Result<JsDraft, JsValue> {
    let meta: DraftMeta = zhengce::value::from_json_value(&from_js(&meta, "meta").js()?, "meta").js()?;
    let o: DraftOptions = options(&options_.into(), "options").js()?;
    Ok(JsDraft { inner: zhengce::draft::draft(text, &meta, &o).js()? })
}
