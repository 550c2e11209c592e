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
///
/// Through one JSON string and `JSON.parse`: the same plain objects as serde-wasm-bindgen's
/// JSON-compatible serializer, faster for large results. The value is first a
/// `serde_json::Value` (keys in field order: `preserve_order`), then that value's text: the
/// core's case runner serializes every result type to a `Value` already, so each type has one
/// serializer in the module instead of two (to text and to a value: about 60 KB).
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(&json_text(value)?)
}

/// A value's compact JSON text, byte for byte `serde_json::to_string`'s, through a
/// `serde_json::Value` (see [`to_js`]).
pub fn json_text<T: Serialize + ?Sized>(value: &T) -> Result<String, JsValue> {
    let err = |e: serde_json::Error| JsValue::from_str(&e.to_string());
    serde_json::to_string(&serde_json::to_value(value).map_err(err)?).map_err(err)
}

/// The most values (object entries, array items and scalars together) one argument may hold.
pub const MAX_VALUES: usize = 50_000_000;

/// A JavaScript value as JSON; `what` names the argument in errors.
///
/// Walked by hand rather than through serde-wasm-bindgen: that recursed without a limit (a
/// deeply nested array overflowed the wasm stack, a trap that left the module unusable) and
/// read `NaN` as `null`, which the core takes for "not given". Here nesting deeper than
/// [`zhengce::value::MAX_DEPTH`], more than [`MAX_VALUES`] values, `NaN` and `±Infinity`,
/// lone surrogates, and anything but plain JSON values (functions, symbols, BigInts, Maps,
/// class instances, `undefined` inside arrays) are `invalid_input` errors naming the path.
pub fn from_js(value: &JsValue, what: &str) -> Result<serde_json::Value, Error> {
    if value.is_undefined() {
        return Ok(serde_json::Value::Null);
    }
    let mut budget = MAX_VALUES;
    convert(value, what, 0, &mut budget)
}

fn convert(
    value: &JsValue,
    path: &str,
    depth: usize,
    budget: &mut usize,
) -> Result<serde_json::Value, Error> {
    use serde_json::Value;
    if *budget == 0 {
        return Err(Error::invalid_input(
            path,
            "more values",
            format!("at most {MAX_VALUES} values in one argument"),
        ));
    }
    *budget -= 1;
    if value.is_null() {
        return Ok(Value::Null);
    }
    if let Some(b) = value.as_bool() {
        return Ok(Value::Bool(b));
    }
    if let Some(n) = value.as_f64() {
        return number(n).ok_or_else(|| Error::invalid_input(path, describe(value), "a finite number"));
    }
    if value.is_string() {
        return text(value, path).map(Value::String);
    }
    let is_array = js_sys::Array::is_array(value);
    let is_plain_object = value.is_object() && !value.is_function() && {
        let proto = js_sys::Object::get_prototype_of(value);
        proto.is_null() || proto == js_sys::Object::get_prototype_of(&js_sys::Object::new())
    };
    if !is_array && !is_plain_object {
        return Err(Error::invalid_input(
            path,
            describe(value),
            "a JSON value (object, array, string, number, boolean or null)",
        ));
    }
    if depth >= zhengce::value::MAX_DEPTH {
        return Err(Error::invalid_input(
            path,
            "deeper nesting",
            format!("arrays and objects nested at most {} deep", zhengce::value::MAX_DEPTH),
        ));
    }
    if is_array {
        let array: &js_sys::Array = value.unchecked_ref();
        let mut items = Vec::with_capacity((array.length() as usize).min(*budget));
        for i in 0..array.length() {
            let item = array.get(i);
            let at = format!("{path}[{i}]");
            if item.is_undefined() {
                return Err(Error::invalid_input(at, "undefined", "a JSON value"));
            }
            items.push(convert(&item, &at, depth + 1, budget)?);
        }
        return Ok(Value::Array(items));
    }
    let object: &js_sys::Object = value.unchecked_ref();
    let mut map = serde_json::Map::new();
    for entry in js_sys::Object::entries(object).iter() {
        let pair: js_sys::Array = entry.unchecked_into();
        let key = text(&pair.get(0), path)?;
        let item = pair.get(1);
        // JSON.stringify leaves out undefined members; so do we (an absent optional field).
        if item.is_undefined() {
            continue;
        }
        let at = format!("{path}.{key}");
        let converted = convert(&item, &at, depth + 1, budget)?;
        map.insert(key, converted);
    }
    Ok(Value::Object(map))
}

/// A JSON number for a JS number: integers stay integers (so `5` is read as a count), other
/// finite values are floats; `NaN` and infinities have none.
fn number(n: f64) -> Option<serde_json::Value> {
    const SAFE: f64 = 9_007_199_254_740_991.0;
    if n.fract() == 0.0 && n.abs() <= SAFE {
        return Some(serde_json::Value::from(n as i64));
    }
    serde_json::Number::from_f64(n).map(serde_json::Value::Number)
}

/// A string argument: a JS string of well-formed UTF-16. A lone surrogate is refused (with
/// the error Python gives) rather than replaced by U+FFFD, so text, ids and seeds mean the
/// same bytes in both languages.
pub fn text(value: &JsValue, field: &str) -> Result<String, Error> {
    let Some(s) = value.dyn_ref::<js_sys::JsString>() else {
        return Err(Error::invalid_input(field, describe(value), "a string"));
    };
    if !s.is_valid_utf16() {
        return Err(ill_formed(field));
    }
    Ok(String::from(s))
}

/// An optional string argument: `undefined` and `null` are `None`.
pub fn opt_text(value: &JsValue, field: &str) -> Result<Option<String>, Error> {
    if value.is_undefined() || value.is_null() { Ok(None) } else { text(value, field).map(Some) }
}

/// The error for text with a lone surrogate; the same in both bindings.
pub fn ill_formed(field: &str) -> Error {
    Error::invalid_input(field, "text with a lone surrogate", "well-formed Unicode text")
}

/// A whole-number argument within `[min, max]`: a JS number that is an integer. `NaN`,
/// infinities, fractions, strings and values out of range are refused (wasm-bindgen's own
/// conversion would read `NaN` as 0 and 2^32 + 1 as 1).
pub fn integer(value: &JsValue, field: &str, min: i64, max: i64) -> Result<i64, Error> {
    match value.as_f64() {
        Some(n) if n.fract() == 0.0 && n >= min as f64 && n <= max as f64 => Ok(n as i64),
        _ => Err(Error::invalid_input(field, describe(value), format!("a whole number from {min} to {max}"))),
    }
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
    if value.is_string() {
        let text = text(value, field)?;
        return zhengce::value::parse_date(&text)
            .ok_or_else(|| Error::invalid_input(field, format!("'{text}'"), "an ISO date YYYY-MM-DD"));
    }
    if let Some(d) = value.dyn_ref::<js_sys::Date>() {
        // An invalid Date (new Date("x")) gives NaN fields; `as` would read them as 0.
        if d.get_time().is_nan() {
            return Err(Error::invalid_input(field, "Invalid Date", "a valid Date"));
        }
        let (y, m, day) = (d.get_full_year() as i32, d.get_month() + 1, d.get_date());
        return NaiveDate::from_ymd_opt(y, m, day)
            .ok_or_else(|| Error::invalid_input(field, describe(value), "a valid Date"));
    }
    Err(Error::invalid_input(field, describe(value), "an ISO date string or a Date"))
}

/// A short description of a JavaScript value for error messages.
pub fn describe(value: &JsValue) -> String {
    if let Some(s) = value.as_string() {
        let shown: String = s.chars().take(80).collect();
        format!("'{shown}'")
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

/// Catalogue JSON text as a value, or the `invalid_catalogue` error the core gives for text
/// that is not JSON (`label` prefixes the path, as the core does for overlays).
///
/// The binding reads catalogue text through a `serde_json::Value` and the core's value path
/// (`from_json_value`, `layered_json_value`) only: the core's second, text-only fast path would add a
/// copy of every catalogue type's deserializer to the module (about 150 KB).
pub fn catalogue_text(text: &str, label: &str) -> Result<serde_json::Value, Error> {
    // A key given twice would be read as its last value (a whole section dropped): refused
    // with the same problem the core's text path reports.
    if let Err(e) = zhengce::value::check_json_text(text) {
        let path = format!("{label}{}", e.path);
        return Err(Error::invalid_catalogue(vec![zhengce::Problem::new(e.code, path, e.message)]));
    }
    serde_json::from_str(text).map_err(|e| {
        Error::invalid_catalogue(vec![zhengce::Problem::new(
            "invalid_json",
            format!("{label}$"),
            format!("expected JSON, got a syntax error at line {} column {}: {e}", e.line(), e.column()),
        )])
    })
}
