//! Conversions between JavaScript values and the core's values.
//!
//! Objects cross in the catalogue's JSON shape: plain objects with snake_case keys, decimals
//! as strings, dates as ISO strings. Dates given as arguments may also be `Date` objects,
//! read in the local time zone (the calendar day a date picker shows).

use chrono::NaiveDate;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use zhengce::Error;

/// Any serialisable core value as a plain JavaScript value (objects, not Maps).
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from_str(&e.to_string()))
}

/// A JavaScript value as JSON; `what` names the argument in errors.
pub fn from_js(value: &JsValue, what: &str) -> Result<serde_json::Value, Error> {
    if value.is_undefined() {
        return Ok(serde_json::Value::Null);
    }
    serde_wasm_bindgen::from_value(value.clone())
        .map_err(|e| Error::invalid_input(what, describe(value), format!("a JSON-compatible value ({e})")))
}

/// An optional options object as a typed core struct.
pub fn options<T: serde::de::DeserializeOwned + Default>(value: &JsValue, what: &str) -> Result<T, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    zhengce::error::from_json_value(&from_js(value, what)?, what)
}

/// A date argument: an ISO `YYYY-MM-DD` string or a `Date` (read in local time).
pub fn date(value: &JsValue, field: &str) -> Result<NaiveDate, Error> {
    if let Some(text) = value.as_string() {
        return zhengce::value::parse_date(&text)
            .ok_or_else(|| Error::invalid_input(field, format!("'{text}'"), "an ISO date YYYY-MM-DD"));
    }
    if let Some(d) = value.dyn_ref::<js_sys::Date>() {
        let (y, m, day) = (d.get_full_year() as i32, d.get_month() + 1, d.get_date());
        return NaiveDate::from_ymd_opt(y, m, day)
            .ok_or_else(|| Error::invalid_input(field, describe(value), "a valid Date"));
    }
    Err(Error::invalid_input(field, describe(value), "an ISO date string or a Date"))
}

/// A short description of a JavaScript value for error messages.
pub fn describe(value: &JsValue) -> String {
    if let Some(s) = value.as_string() {
        format!("'{s}'")
    } else if let Some(n) = value.as_f64() {
        n.to_string()
    } else if value.is_null() {
        "null".to_owned()
    } else if value.is_undefined() {
        "undefined".to_owned()
    } else {
        value.js_typeof().as_string().unwrap_or_else(|| "a value".to_owned())
    }
}
