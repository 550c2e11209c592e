//! `Communities`: the community registry and the responsibility chain.

use wasm_bindgen::prelude::*;
use zhengce::communities::{Communities, CommunityFilter};

use crate::context::JsContext;
use crate::convert::{from_js, options, to_js};
use crate::error::IntoJs;

/// Concrete communities with their district, sub-district, types, programmes and targets;
/// answers "who is responsible for this target in this community?".
#[wasm_bindgen(js_name = Communities)]
pub struct JsCommunities {
    pub(crate) inner: Communities,
}

#[wasm_bindgen(js_class = Communities)]
impl JsCommunities {
    /// A registry holding the catalogue's communities.
    #[wasm_bindgen(constructor)]
    pub fn new(context: &JsContext) -> JsCommunities {
        JsCommunities { inner: Communities::new(&context.inner) }
    }

    /// Registers a community in the catalogue's JSON shape, checked against the catalogue.
    pub fn register(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Community")] community: JsValue,
    ) -> Result<(), JsValue> {
        let value = from_js(&community, "community").js()?;
        self.inner.register_json_value(&value).js()
    }

    /// Registers an array of communities, all or none; returns how many were registered.
    #[wasm_bindgen(js_name = registerAll)]
    pub fn register_all(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Community[]")] communities: JsValue,
    ) -> Result<usize, JsValue> {
        let value = from_js(&communities, "communities").js()?;
        self.inner.register_all_json_value(&value).js()
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

    /// Communities filtered by `jurisdiction` (and below), `sub_district`, `community_type`,
    /// `programme`, `target`.
    #[wasm_bindgen(unchecked_return_type = "Community[]")]
    pub fn communities(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CommunityFilter")] filter: Option<js_sys::Object>,
    ) -> Result<JsValue, JsValue> {
        let filter: CommunityFilter = options(&filter.into(), "filter").js()?;
        to_js(&self.inner.communities(&filter).js()?)
    }

    /// Who is responsible for `target` in `community`: units, the chain, the clauses.
    #[wasm_bindgen(unchecked_return_type = "Responsibility")]
    pub fn responsible(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] target: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] community: JsValue,
    ) -> Result<JsValue, JsValue> {
        let target = crate::convert::text(&target, "target").js()?;
        let target = target.as_str();
        let community = crate::convert::text(&community, "community").js()?;
        let community = community.as_str();
        to_js(&self.inner.responsible(target, community).js()?)
    }

    /// The number of communities held.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.inner.len()
    }
}
