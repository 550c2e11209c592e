//! The built-in catalogue, loaded at run time instead of embedded in the module.
//!
//! The catalogue is about 0.9 MB of JSON: embedded, it was most of the `.wasm`. The package
//! ships it as `catalogue.json` beside the module instead; the Node entry points register a
//! loader that reads the file on first use, and the browser's `init()` fetches it (or the page
//! passes its own). Everything that used `Catalogue::builtin()` asks here.

use std::cell::RefCell;
use std::sync::Arc;

use wasm_bindgen::prelude::*;
use zhengce::calendar::Calendars;
use zhengce::{Catalogue, Context, Error};

use crate::convert::describe;
use crate::error::IntoJs;

/// Where the built-in catalogue comes from, and the catalogue once read.
enum Source {
    None,
    Text(String),
    Loader(js_sys::Function),
    Loaded(Arc<Catalogue>, usize),
}

thread_local! {
    static SOURCE: RefCell<Source> = const { RefCell::new(Source::None) };
    /// The built-in calendar data (embedded: 86 KB), read once.
    static CALENDARS: Arc<Calendars> = Arc::new(Calendars::builtin());
}

/// The built-in calendars.
pub fn calendars() -> Arc<Calendars> {
    CALENDARS.with(Arc::clone)
}

/// The built-in catalogue and calendars, with no scenario.
pub fn context() -> Result<Context, JsValue> {
    Ok(Context::new(catalogue()?.0, calendars()))
}

/// Sets the built-in catalogue's JSON text, or a function returning it (called once, on first
/// use). The package's entry points call this; a page that serves the file elsewhere (or a
/// catalogue of its own) may call it before the first `Catalogue.builtin()`.
#[wasm_bindgen(js_name = setBuiltinCatalogue)]
pub fn set_builtin_catalogue(
    #[wasm_bindgen(unchecked_param_type = "string | (() => string)")] source: JsValue,
) -> Result<(), JsValue> {
    let source = if let Some(text) = source.as_string() {
        Source::Text(text)
    } else if let Some(f) = source.dyn_ref::<js_sys::Function>() {
        Source::Loader(f.clone())
    } else {
        return Err(Error::invalid_input(
            "source",
            describe(&source),
            "the catalogue JSON text or a function returning it",
        ))
        .js();
    };
    SOURCE.with(|s| *s.borrow_mut() = source);
    Ok(())
}

/// The built-in catalogue and the size of its JSON text, read on first use.
pub fn catalogue() -> Result<(Arc<Catalogue>, usize), JsValue> {
    let pending = SOURCE.with(|s| match &*s.borrow() {
        Source::Loaded(cat, size) => Ok(Err((cat.clone(), *size))),
        Source::Text(text) => Ok(Ok(text.clone())),
        Source::Loader(f) => match f.call0(&JsValue::NULL) {
            Ok(v) => v.as_string().map(Ok).ok_or_else(|| {
                Error::invalid_input("builtin catalogue", describe(&v), "the catalogue JSON text")
            }),
            Err(e) => Err(Error::not_found(
                "built-in catalogue",
                format!("catalogue.json ({})", describe_error(&e)),
            )),
        },
        Source::None => Err(Error::not_found(
            "built-in catalogue",
            "catalogue.json (in the browser, await init() before using it, or call setBuiltinCatalogue)",
        )),
    });
    match pending.js()? {
        Err(loaded) => Ok(loaded),
        Ok(text) => {
            let value = crate::convert::catalogue_text(&text, "").js()?;
            let cat = Arc::new(Catalogue::from_json_value(&value).js()?);
            let size = text.len();
            SOURCE.with(|s| *s.borrow_mut() = Source::Loaded(cat.clone(), size));
            Ok((cat, size))
        }
    }
}

fn describe_error(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().and_then(|e| e.message().as_string()).unwrap_or_else(|| describe(e))
}
