//! `Catalogue`: load, layer, query and search a catalogue.

use std::sync::Arc;

use wasm_bindgen::prelude::*;
use zhengce::{DocumentFilter, MeasureFilter, ObservationFilter, SearchOptions, TargetFilter, UnitFilter};

use crate::convert::{date, from_js, options, to_js};
use crate::error::IntoJs;

/// A validated catalogue of policy documents and everything they set, indexed by id.
#[wasm_bindgen(js_name = Catalogue)]
pub struct JsCatalogue {
    /// Shared, never copied: scenarios, monitors and registries hold the same catalogue
    /// (a deep copy per `Scenario.baseline` call exhausted wasm memory after ~4,000 calls).
    pub(crate) inner: Arc<zhengce::Catalogue>,
}

impl JsCatalogue {
    fn wrap(inner: zhengce::Catalogue) -> JsCatalogue {
        JsCatalogue { inner: Arc::new(inner) }
    }
}

#[wasm_bindgen(js_class = Catalogue)]
impl JsCatalogue {
    /// The built-in catalogue: the five source documents and the national rules behind them.
    ///
    /// In Node it is read from the package's `catalogue.json` on first use; in the browser,
    /// `init()` fetches it (see `setBuiltinCatalogue`).
    pub fn builtin() -> Result<JsCatalogue, JsValue> {
        crate::builtin::catalogue().map(|(inner, _)| JsCatalogue { inner })
    }

    /// Size in bytes of the built-in catalogue's JSON.
    #[wasm_bindgen(js_name = builtinSize)]
    pub fn builtin_size() -> Result<usize, JsValue> {
        crate::builtin::catalogue().map(|(_, size)| size)
    }

    /// Loads and validates a catalogue from JSON text; throws `invalid_catalogue` with every problem.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<JsCatalogue, JsValue> {
        let text = crate::convert::text(&text, "text").js()?;
        let value = crate::convert::catalogue_text(&text, "").js()?;
        zhengce::Catalogue::from_json_value(&value).map(JsCatalogue::wrap).js()
    }

    /// Loads and validates a catalogue from an object in the catalogue's JSON shape.
    #[wasm_bindgen(js_name = fromJsonValue)]
    pub fn from_json_value(
        #[wasm_bindgen(unchecked_param_type = "CatalogueData")] value: JsValue,
    ) -> Result<JsCatalogue, JsValue> {
        let json = from_js(&value, "catalogue").js()?;
        zhengce::Catalogue::from_json_value(&json).map(JsCatalogue::wrap).js()
    }

    /// The JSON Schema of catalogue files.
    #[wasm_bindgen(unchecked_return_type = "object")]
    pub fn schema() -> Result<JsValue, JsValue> {
        // The published file (a core test keeps it equal to `json_schema()`), from the
        // package's data.json: generating it took 160 KB of schema code in the module.
        crate::builtin::schema("catalogue")
    }

    /// A new catalogue with `overlay` (JSON text or object) on top. It only adds entries
    /// unless `options` says `{replace: true}` (and `redefine: true` to change an entry's
    /// kind, unit, level, parent or jurisdiction); see `replacements()`.
    pub fn layered(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | CatalogueData")] overlay: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "LayerOptions")] options: JsValue,
    ) -> Result<JsCatalogue, JsValue> {
        let options: zhengce::LayerOptions = crate::convert::options(&options, "options").js()?;
        let result = if overlay.is_string() {
            let text = crate::convert::text(&overlay, "overlay").js()?;
            self.inner
                .layered_json_value_with(&crate::convert::catalogue_text(&text, "overlay:").js()?, options)
        } else {
            self.inner.layered_json_value_with(&from_js(&overlay, "overlay").js()?, options)
        };
        result.map(JsCatalogue::wrap).js()
    }

    /// The entries overlays replaced: `[{layer, kind, id, path, redefined}]`.
    #[wasm_bindgen(unchecked_return_type = "Replacement[]")]
    pub fn replacements(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.replacements())
    }

    /// The content as catalogue JSON text.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> Result<String, JsValue> {
        // Byte for byte the core's `to_json`, through the one serializer the module has.
        crate::convert::json_text(self.inner.data())
    }

    /// The content as an object in the catalogue's JSON shape.
    #[wasm_bindgen(js_name = toJsonValue, unchecked_return_type = "CatalogueData")]
    pub fn to_json_value(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.data())
    }

    /// `sha256:` and the hex digest of the content, as recorded in execution receipts.
    #[wasm_bindgen(js_name = contentHash)]
    pub fn content_hash(&self) -> String {
        self.inner.content_hash().to_owned()
    }

    /// Any entry by id, with a `type` field naming its kind.
    #[wasm_bindgen(unchecked_return_type = "Entry")]
    pub fn get(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = crate::convert::text(&id, "id").js()?;
        let id = id.as_str();
        to_js(&self.inner.get(id).js()?)
    }

    /// The jurisdiction with this id.
    #[wasm_bindgen(unchecked_return_type = "Jurisdiction")]
    pub fn jurisdiction(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = crate::convert::text(&id, "id").js()?;
        let id = id.as_str();
        to_js(self.inner.jurisdiction(id).js()?)
    }

    /// The document with this id, with its clause tree.
    #[wasm_bindgen(unchecked_return_type = "Document")]
    pub fn document(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = crate::convert::text(&id, "id").js()?;
        let id = id.as_str();
        to_js(self.inner.document(id).js()?)
    }

    /// The clause with this id, with its sub-clauses.
    #[wasm_bindgen(unchecked_return_type = "Clause")]
    pub fn clause(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = crate::convert::text(&id, "id").js()?;
        let id = id.as_str();
        to_js(self.inner.clause(id).js()?)
    }

    /// The responsible unit with this id.
    #[wasm_bindgen(unchecked_return_type = "Unit")]
    pub fn unit(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = crate::convert::text(&id, "id").js()?;
        let id = id.as_str();
        to_js(self.inner.unit(id).js()?)
    }

    /// The programme with this id.
    #[wasm_bindgen(unchecked_return_type = "Programme")]
    pub fn programme(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = crate::convert::text(&id, "id").js()?;
        let id = id.as_str();
        to_js(self.inner.programme(id).js()?)
    }

    /// The measure with this id.
    #[wasm_bindgen(unchecked_return_type = "Measure")]
    pub fn measure(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = crate::convert::text(&id, "id").js()?;
        let id = id.as_str();
        to_js(self.inner.measure(id).js()?)
    }

    /// The community type with this id.
    #[wasm_bindgen(js_name = communityType, unchecked_return_type = "CommunityType")]
    pub fn community_type(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = crate::convert::text(&id, "id").js()?;
        let id = id.as_str();
        to_js(self.inner.community_type(id).js()?)
    }

    /// The community with this id.
    #[wasm_bindgen(unchecked_return_type = "Community")]
    pub fn community(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = crate::convert::text(&id, "id").js()?;
        let id = id.as_str();
        to_js(self.inner.community(id).js()?)
    }

    /// The target with this id.
    #[wasm_bindgen(unchecked_return_type = "Target")]
    pub fn target(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = crate::convert::text(&id, "id").js()?;
        let id = id.as_str();
        to_js(self.inner.target(id).js()?)
    }

    /// The observation with this id.
    #[wasm_bindgen(unchecked_return_type = "Observation")]
    pub fn observation(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = crate::convert::text(&id, "id").js()?;
        let id = id.as_str();
        to_js(self.inner.observation(id).js()?)
    }

    /// The parameter with this key, with all its dated values.
    #[wasm_bindgen(unchecked_return_type = "Parameter")]
    pub fn parameter(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = crate::convert::text(&id, "id").js()?;
        let id = id.as_str();
        to_js(self.inner.parameter(id).js()?)
    }

    /// The rule with this id.
    #[wasm_bindgen(unchecked_return_type = "Rule")]
    pub fn rule(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = crate::convert::text(&id, "id").js()?;
        let id = id.as_str();
        to_js(self.inner.rule(id).js()?)
    }

    /// The document a clause belongs to.
    #[wasm_bindgen(js_name = documentOfClause, unchecked_return_type = "Document")]
    pub fn document_of_clause(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = crate::convert::text(&id, "id").js()?;
        let id = id.as_str();
        to_js(self.inner.document_of_clause(id).js()?)
    }

    /// The jurisdiction and its ancestors, nearest first.
    #[wasm_bindgen(unchecked_return_type = "Jurisdiction[]")]
    pub fn ancestry(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] jurisdiction: JsValue,
    ) -> Result<JsValue, JsValue> {
        let jurisdiction = crate::convert::text(&jurisdiction, "jurisdiction").js()?;
        let jurisdiction = jurisdiction.as_str();
        to_js(&self.inner.ancestry(jurisdiction).js()?)
    }

    /// True if `jurisdiction` is `ancestor` or lies below it.
    #[wasm_bindgen(js_name = isWithin)]
    pub fn is_within(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] jurisdiction: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] ancestor: JsValue,
    ) -> Result<bool, JsValue> {
        let jurisdiction = crate::convert::text(&jurisdiction, "jurisdiction").js()?;
        let ancestor = crate::convert::text(&ancestor, "ancestor").js()?;
        Ok(self.inner.is_within(&jurisdiction, &ancestor))
    }

    /// Documents issued in `filter.jurisdiction` or below it, optionally of one `kind`.
    #[wasm_bindgen(unchecked_return_type = "Document[]")]
    pub fn documents(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "DocumentFilter")] filter: Option<js_sys::Object>,
    ) -> Result<JsValue, JsValue> {
        let filter: DocumentFilter = options(&filter.into(), "filter").js()?;
        to_js(&self.inner.documents(&filter).js()?)
    }

    /// Measures filtered by `document`, `programme`, `unit` (lead or co-responsible), `community_type`.
    #[wasm_bindgen(unchecked_return_type = "Measure[]")]
    pub fn measures(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "MeasureFilter")] filter: Option<js_sys::Object>,
    ) -> Result<JsValue, JsValue> {
        let filter: MeasureFilter = options(&filter.into(), "filter").js()?;
        to_js(&self.inner.measures(&filter).js()?)
    }

    /// Targets filtered by `scope` (and below), `document`, `measure`, `programme`, `unit`, `community_type`.
    #[wasm_bindgen(unchecked_return_type = "Target[]")]
    pub fn targets(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "TargetFilter")] filter: Option<js_sys::Object>,
    ) -> Result<JsValue, JsValue> {
        let filter: TargetFilter = options(&filter.into(), "filter").js()?;
        to_js(&self.inner.targets(&filter).js()?)
    }

    /// Observations filtered by `target` and `scope`.
    #[wasm_bindgen(unchecked_return_type = "Observation[]")]
    pub fn observations(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "ObservationFilter")] filter: Option<js_sys::Object>,
    ) -> Result<JsValue, JsValue> {
        let filter: ObservationFilter = options(&filter.into(), "filter").js()?;
        to_js(&self.inner.observations(&filter).js()?)
    }

    /// Units of `filter.jurisdiction` or below it.
    #[wasm_bindgen(unchecked_return_type = "Unit[]")]
    pub fn units(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "UnitFilter")] filter: Option<js_sys::Object>,
    ) -> Result<JsValue, JsValue> {
        let filter: UnitFilter = options(&filter.into(), "filter").js()?;
        to_js(&self.inner.units(&filter).js()?)
    }

    /// Searches titles, names and clause text in Chinese and English; every term must match.
    #[wasm_bindgen(unchecked_return_type = "SearchHit[]")]
    pub fn search(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] query: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "SearchOptions")] options: Option<js_sys::Object>,
    ) -> Result<JsValue, JsValue> {
        let query = crate::convert::text(&query, "query").js()?;
        let query = query.as_str();
        let opts: SearchOptions = crate::convert::options(&options.into(), "options").js()?;
        to_js(&self.inner.search(query, &opts).js()?)
    }

    /// The parameter's value in force on `date` in `jurisdiction` or its nearest ancestor.
    #[wasm_bindgen(js_name = parameterValue, unchecked_return_type = "ParameterLookup")]
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
}
