//! The built-in catalogue and data, loaded at run time instead of embedded in the module.
//!
//! The catalogue is about 0.9 MB of JSON: embedded, it was most of the `.wasm`. The package
//! ships it as `catalogue.json` beside the module instead, and the built-in calendars and the
//! three published JSON Schemas as `data.json` (`{"calendars": [layer, ...], "schemas":
//! {"catalogue", "calendar", "cases"}}`, written by bindings-wasm/npm/assemble.mjs). The Node
//! entry points register loaders that read the files on first use, and the browser's `init()`
//! fetches them (or the page passes its own). Everything that used `Catalogue::builtin()` or
//! `Calendars::builtin()` asks here.

use std::cell::RefCell;
use std::sync::Arc;

use serde_json::Value;
use wasm_bindgen::prelude::*;
use zhengce::calendar::Calendars;
use zhengce::{Catalogue, Context, Error};

use crate::convert::describe;
use crate::error::IntoJs;

/// Where a built-in file comes from.
enum Source {
    None,
    Text(String),
    Loader(js_sys::Function),
}

/// A built-in file: its source, and what was read from it once read.
struct Builtin<T> {
    source: Source,
    loaded: Option<T>,
}

/// What `data.json` holds, read: its text (the schemas are taken from it when asked for) and
/// the calendars.
struct Data {
    text: Arc<str>,
    calendars: Arc<Calendars>,
}

thread_local! {
    static CATALOGUE: RefCell<Builtin<(Arc<Catalogue>, usize)>> =
        const { RefCell::new(Builtin { source: Source::None, loaded: None }) };
    static DATA: RefCell<Builtin<Data>> = const { RefCell::new(Builtin { source: Source::None, loaded: None }) };
}

/// The built-in calendars.
pub fn calendars() -> Result<Arc<Calendars>, JsValue> {
    data(|d| d.calendars.clone())
}

/// The built-in catalogue and calendars, with no scenario.
pub fn context() -> Result<Context, JsValue> {
    Ok(Context::new(catalogue()?.0, calendars()?))
}

/// A published JSON Schema (`catalogue`, `calendar` or `cases`) from `data.json`, as a new
/// object on each call.
pub fn schema(name: &str) -> Result<JsValue, JsValue> {
    let text = data(|d| d.text.clone())?;
    let all = js_sys::JSON::parse(&text)?;
    let schemas = js_sys::Reflect::get(&all, &"schemas".into())?;
    let schema = js_sys::Reflect::get(&schemas, &name.into())?;
    if schema.is_object() {
        Ok(schema)
    } else {
        Err(Error::not_found("schema", format!("data.json: schemas.{name}"))).js()
    }
}

fn source_of(source: JsValue, expected: &str) -> Result<Source, JsValue> {
    if let Some(text) = source.as_string() {
        Ok(Source::Text(text))
    } else if let Some(f) = source.dyn_ref::<js_sys::Function>() {
        Ok(Source::Loader(f.clone()))
    } else {
        Err(Error::invalid_input("source", describe(&source), expected)).js()
    }
}

/// Sets the built-in catalogue's JSON text, or a function returning it (called once, on first
/// use). The package's entry points call this; a page that serves the file elsewhere (or a
/// catalogue of its own) may call it before the first `Catalogue.builtin()`.
#[wasm_bindgen(js_name = setBuiltinCatalogue)]
pub fn set_builtin_catalogue(
    #[wasm_bindgen(unchecked_param_type = "string | (() => string)")] source: JsValue,
) -> Result<(), JsValue> {
    let source = source_of(source, "the catalogue JSON text or a function returning it")?;
    CATALOGUE.with(|s| *s.borrow_mut() = Builtin { source, loaded: None });
    Ok(())
}

/// Sets the text of the package's `data.json` (the built-in calendars and the published
/// schemas), or a function returning it (called once, on first use). The package's entry
/// points call this; a page that serves the file elsewhere passes it to `init({data})`.
#[wasm_bindgen(js_name = setBuiltinData)]
pub fn set_builtin_data(
    #[wasm_bindgen(unchecked_param_type = "string | (() => string)")] source: JsValue,
) -> Result<(), JsValue> {
    let source = source_of(source, "the text of data.json or a function returning it")?;
    DATA.with(|s| *s.borrow_mut() = Builtin { source, loaded: None });
    Ok(())
}

/// The text of a built-in file from its source.
fn text_of(source: &Source, what: &str, file: &str, setter: &str) -> Result<String, Error> {
    match source {
        Source::Text(text) => Ok(text.clone()),
        Source::Loader(f) => match f.call0(&JsValue::NULL) {
            Ok(v) => v.as_string().ok_or_else(|| {
                Error::invalid_input(what.to_string(), describe(&v), format!("the text of {file}"))
            }),
            Err(e) => Err(Error::not_found(what, format!("{file} ({})", describe_error(&e)))),
        },
        Source::None => Err(Error::not_found(
            what,
            format!("{file} (in the browser, await init() before using it, or call {setter})"),
        )),
    }
}

/// The built-in catalogue and the size of its JSON text, read on first use.
pub fn catalogue() -> Result<(Arc<Catalogue>, usize), JsValue> {
    let pending = CATALOGUE.with(|s| match &*s.borrow() {
        Builtin { loaded: Some((cat, size)), .. } => Ok(Err((cat.clone(), *size))),
        Builtin { source, .. } => {
            text_of(source, "built-in catalogue", "catalogue.json", "setBuiltinCatalogue").map(Ok)
        }
    });
    match pending.js()? {
        Err(loaded) => Ok(loaded),
        Ok(text) => {
            let value = crate::convert::catalogue_text(&text, "").js()?;
            let cat = Arc::new(Catalogue::from_json_value(&value).js()?);
            let size = text.len();
            CATALOGUE.with(|s| s.borrow_mut().loaded = Some((cat.clone(), size)));
            Ok((cat, size))
        }
    }
}

/// `f` of the built-in data, read on first use: the calendars are the layers of
/// `data.json`'s `calendars`, in order, over no layer (as `Calendars::builtin()` in Rust).
fn data<T>(f: impl Fn(&Data) -> T) -> Result<T, JsValue> {
    let pending = DATA.with(|s| match &*s.borrow() {
        Builtin { loaded: Some(data), .. } => Ok(Err(f(data))),
        Builtin { source, .. } => text_of(source, "built-in data", "data.json", "setBuiltinData").map(Ok),
    });
    let text = match pending.js()? {
        Err(done) => return Ok(done),
        Ok(text) => text,
    };
    let value: Value = serde_json::from_str(&text)
        .map_err(|e| Error::invalid_input("data.json", e, "the JSON text of the package's data.json"))
        .js()?;
    let layers = value.get("calendars").and_then(Value::as_array).ok_or_else(|| {
        Error::invalid_input("data.json", "no calendars", "an object with a 'calendars' array")
    });
    let mut calendars = Calendars::empty();
    for layer in layers.js()? {
        calendars = calendars.layered_json_value(layer).js()?;
    }
    let data = Data { text: text.into(), calendars: Arc::new(calendars) };
    let out = f(&data);
    DATA.with(|s| s.borrow_mut().loaded = Some(data));
    Ok(out)
}

fn describe_error(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().and_then(|e| e.message().as_string()).unwrap_or_else(|| describe(e))
}
