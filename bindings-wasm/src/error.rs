//! Core errors as JavaScript `Error` objects with `name`, `code`, `path` and `details`.

use wasm_bindgen::prelude::*;

/// The JavaScript error for a core error: an `Error` named `ZhengceError` with the stable
/// `code`, the `path` it points at (or null) and `details` (the error's fields).
pub fn to_js_error(err: zhengce::Error) -> JsValue {
    let js = js_sys::Error::new(&err.to_string());
    js.set_name("ZhengceError");
    let set = |key: &str, value: &JsValue| {
        let _ = js_sys::Reflect::set(&js, &JsValue::from_str(key), value);
    };
    set("code", &JsValue::from_str(err.code()));
    set("path", &err.path().map_or(JsValue::NULL, JsValue::from_str));
    set("details", &crate::convert::to_js(&err.details()).unwrap_or(JsValue::NULL));
    js.into()
}

/// Converts a core result into a JavaScript result.
pub trait IntoJs<T> {
    /// Throws the matching `ZhengceError` on error.
    fn js(self) -> Result<T, JsValue>;
}

impl<T> IntoJs<T> for Result<T, zhengce::Error> {
    fn js(self) -> Result<T, JsValue> {
        self.map_err(to_js_error)
    }
}
