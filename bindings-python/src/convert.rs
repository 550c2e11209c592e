//! Conversions between Python objects and the core's values.
//!
//! Entries and results cross as the catalogue's JSON shape (dicts, lists, strings; dates and
//! decimals as strings), the same shape JavaScript and the conformance vectors use. Arguments
//! that are single dates or amounts take `datetime.date` and `decimal.Decimal`.

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDate, PyDateTime, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;
use zhengce::Error;

/// A JSON value as a Python object.
pub fn to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => i.into_pyobject(py)?.into_any(),
            (_, Some(u)) => u.into_pyobject(py)?.into_any(),
            _ => n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, to_py(py, v)?)?;
            }
            dict.into_any()
        }
    })
}

/// Any serialisable core value as a Python object in the JSON shape.
pub fn serialize<'py, T: Serialize + ?Sized>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let json =
        serde_json::to_value(value).map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))?;
    to_py(py, &json)
}

/// The most values (dict entries, list items and scalars together) one argument may hold.
pub const MAX_VALUES: usize = 50_000_000;

/// A Python object (dict, list, str, int, bool, None, Decimal, date) as a JSON value.
///
/// `Decimal` becomes a decimal string and `date` an ISO string, as in catalogue files.
/// Nesting deeper than [`zhengce::value::MAX_DEPTH`], more than [`MAX_VALUES`] values, a
/// string with a lone surrogate, a non-finite float and any other type are `invalid_input`
/// errors naming the path: nothing is recursed into without a bound.
pub fn from_py(obj: &Bound<'_, PyAny>, path: &str) -> Result<Value, Error> {
    let mut budget = MAX_VALUES;
    convert(obj, path, 0, &mut budget)
}

/// A Python `str` as Rust text; a lone surrogate (which `str` allows and UTF-8 cannot hold)
/// is refused rather than replaced, with the error JavaScript gives for the same text.
pub fn text(s: &Bound<'_, PyString>, path: &str) -> Result<String, Error> {
    match s.to_str() {
        Ok(t) => Ok(t.to_owned()),
        Err(_) => Err(ill_formed(path)),
    }
}

/// The error for text with a lone surrogate; the same in both bindings.
pub fn ill_formed(path: &str) -> Error {
    Error::invalid_input(path, "text with a lone surrogate", "well-formed Unicode text")
}

fn convert(obj: &Bound<'_, PyAny>, path: &str, depth: usize, budget: &mut usize) -> Result<Value, Error> {
    if *budget == 0 {
        return Err(Error::invalid_input(
            path,
            "more values",
            format!("at most {MAX_VALUES} values in one argument"),
        ));
    }
    *budget -= 1;
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::from(i));
        }
        return Err(Error::invalid_input(path, repr(obj), "an integer that fits in 64 bits"));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return text(s, path).map(Value::String);
    }
    let nested =
        obj.is_instance_of::<PyDict>() || obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>();
    if nested && depth >= zhengce::value::MAX_DEPTH {
        return Err(Error::invalid_input(
            path,
            "deeper nesting",
            format!("lists and dicts nested at most {} deep", zhengce::value::MAX_DEPTH),
        ));
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        let mut map = serde_json::Map::with_capacity(dict.len());
        for (k, v) in dict.iter() {
            let key = match k.cast::<PyString>() {
                Ok(s) => text(s, path)?,
                Err(_) => return Err(Error::invalid_input(path, repr(&k), "string keys")),
            };
            let value = convert(&v, &format!("{path}.{key}"), depth + 1, budget)?;
            map.insert(key, value);
        }
        return Ok(Value::Object(map));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let mut items = Vec::new();
        for (i, item) in
            obj.try_iter().map_err(|_| Error::invalid_input(path, repr(obj), "a list"))?.enumerate()
        {
            let item = item.map_err(|_| Error::invalid_input(path, repr(obj), "a list"))?;
            items.push(convert(&item, &format!("{path}[{i}]"), depth + 1, budget)?);
        }
        return Ok(Value::Array(items));
    }
    if obj.is_instance_of::<PyDate>() && !obj.is_instance_of::<PyDateTime>() {
        let date: NaiveDate = obj.extract().map_err(|_| Error::invalid_input(path, repr(obj), "a date"))?;
        return Ok(Value::String(zhengce::value::format_date(date)));
    }
    if is_decimal(obj) {
        // str(Decimal) may use an exponent ('1E+5'); the core's strict grammar refuses it
        // where a decimal belongs rather than guessing.
        return Ok(Value::String(obj.str().map(|s| s.to_string()).unwrap_or_default()));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        // Passed on as a JSON number, as JavaScript does, so the core refuses it wherever a
        // decimal belongs (a float may have lost the fen) and accepts it nowhere else.
        return serde_json::Number::from_f64(f.value())
            .map(Value::Number)
            .ok_or_else(|| Error::invalid_input(path, repr(obj), "a finite number"));
    }
    Err(Error::invalid_input(path, repr(obj), "a dict, list, str, int, bool, None, Decimal or date"))
}

/// True for a `decimal.Decimal` (or a subclass); the type is looked up once per interpreter.
pub fn is_decimal(obj: &Bound<'_, PyAny>) -> bool {
    DECIMAL_TYPE
        .import(obj.py(), "decimal", "Decimal")
        .is_ok_and(|t| obj.get_type().is(t) || obj.is_instance(t).unwrap_or(false))
}

static DECIMAL_TYPE: pyo3::sync::PyOnceLock<Py<pyo3::types::PyType>> = pyo3::sync::PyOnceLock::new();

/// A core decimal as a `decimal.Decimal`: written in place into a new object where the
/// interpreter's layout was checked (`raw`), else built from its digits written on the stack
/// (one string and one constructor call, the type looked up once per interpreter).
pub fn decimal_to_py<'py>(py: Python<'py>, d: Decimal) -> PyResult<Bound<'py, PyAny>> {
    if let Some(made) = crate::raw::new_decimal(py, d) {
        return Ok(made);
    }
    let decimal = DECIMAL_TYPE.import(py, "decimal", "Decimal")?;
    let mut buf = [0u8; 64];
    let text = decimal_text(d, &mut buf);
    decimal.call1((PyString::new(py, text),))
}

/// `d`'s text (as `Decimal`'s `Display` writes it) in `buf`, without a heap allocation.
fn decimal_text(d: Decimal, buf: &mut [u8; 64]) -> &str {
    // The mantissa's digits, last first; 64-bit division where it fits (every amount), as
    // 128-bit division is a library call per digit.
    let mut digits = [0u8; 40];
    let mut n = 0;
    let m = d.mantissa().unsigned_abs();
    if let Ok(mut m) = u64::try_from(m) {
        while m > 0 {
            digits[n] = (m % 10) as u8;
            m /= 10;
            n += 1;
        }
    } else {
        let mut m = m;
        while m > 0 {
            digits[n] = (m % 10) as u8;
            m /= 10;
            n += 1;
        }
    }
    let scale = d.scale() as usize;
    let mut end = buf.len();
    for (i, digit) in digits.iter().enumerate().take(n.max(scale + 1)) {
        if i == scale && scale > 0 {
            end -= 1;
            buf[end] = b'.';
        }
        end -= 1;
        buf[end] = b'0' + digit;
    }
    if d.is_sign_negative() && !d.is_zero() {
        end -= 1;
        buf[end] = b'-';
    }
    // ASCII digits, a point and a sign only.
    std::str::from_utf8(&buf[end..]).unwrap_or("NaN")
}

fn repr(obj: &Bound<'_, PyAny>) -> String {
    obj.repr().map(|r| r.to_string()).unwrap_or_else(|_| "<unprintable>".to_owned())
}

/// A date argument: a `datetime.date` (not a `datetime`) or an ISO `YYYY-MM-DD` string.
///
/// An exact `datetime.date` is read with one `toordinal()` call: the limited API has no direct
/// access to a date's fields, and reading year, month and day as three attributes costs about
/// three times as much (most of a single rule evaluation from Python).
pub fn extract_date(obj: &Bound<'_, PyAny>, field: &str) -> Result<NaiveDate, Error> {
    let py = obj.py();
    // An ISO string first (a batch's one date), read in place.
    if let Ok(s) = obj.cast::<PyString>()
        && let Some(date) = s.to_str().ok().and_then(zhengce::value::parse_date)
    {
        return Ok(date);
    }
    if let Ok(date_type) = DATE_TYPE.import(py, "datetime", "date")
        && obj.get_type().is(date_type)
        && let Ok(ordinal) = obj.call_method0(pyo3::intern!(py, "toordinal")).and_then(|o| o.extract::<i32>())
        && let Some(date) = NaiveDate::from_num_days_from_ce_opt(ordinal)
    {
        return Ok(date);
    }
    if obj.is_instance_of::<PyDate>() && !obj.is_instance_of::<PyDateTime>() {
        return obj.extract().map_err(|_| Error::invalid_input(field, repr(obj), "a date"));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        let text = s.to_string();
        return zhengce::value::parse_date(&text)
            .ok_or_else(|| Error::invalid_input(field, format!("'{text}'"), "an ISO date YYYY-MM-DD"));
    }
    Err(Error::invalid_input(field, repr(obj), "a datetime.date or an ISO date string"))
}

static DATE_TYPE: pyo3::sync::PyOnceLock<Py<pyo3::types::PyType>> = pyo3::sync::PyOnceLock::new();

/// An amount argument: a `decimal.Decimal`, an `int` or a decimal string; never a float.
pub fn extract_decimal(obj: &Bound<'_, PyAny>, field: &str) -> Result<Decimal, Error> {
    let text = if is_decimal(obj) || obj.is_instance_of::<PyInt>() && !obj.is_instance_of::<PyBool>() {
        obj.str().map(|s| s.to_string()).unwrap_or_default()
    } else if let Ok(s) = obj.cast::<PyString>() {
        s.to_string()
    } else {
        return Err(Error::invalid_input(
            field,
            repr(obj),
            "a decimal.Decimal, an int or a decimal string (never a float)",
        ));
    };
    zhengce::value::parse_decimal(&text)
        .ok_or_else(|| Error::invalid_input(field, repr(obj), "a finite decimal amount"))
}

/// Keyword arguments (or an options dict) as a typed core struct.
pub fn options<T: serde::de::DeserializeOwned + Default>(
    kwargs: Option<&Bound<'_, PyDict>>,
    what: &str,
) -> Result<T, Error> {
    match kwargs {
        // No options given, or none left once a binding's own (`threads`, `progress`) are
        // taken: the defaults, without reading an empty dict through JSON.
        None => Ok(T::default()),
        Some(dict) if dict.is_empty() => Ok(T::default()),
        Some(dict) => zhengce::error::from_json_value(&from_py(dict.as_any(), what)?, what),
    }
}

/// A whole-number argument within `[min, max]`: a Python `int` (not a `bool`, not a float:
/// `nan`, `inf` and `2.5` are refused, as in JavaScript).
pub fn extract_int(obj: &Bound<'_, PyAny>, field: &str, min: i64, max: i64) -> Result<i64, Error> {
    let expected = || format!("a whole number (int) from {min} to {max}");
    if obj.is_instance_of::<PyBool>() || !obj.is_instance_of::<PyInt>() {
        return Err(Error::invalid_input(field, repr(obj), expected()));
    }
    match obj.extract::<i64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(Error::invalid_input(field, repr(obj), expected())),
    }
}

/// A `str` argument: anything else (an `int`, `bytes`, `None`) and a `str` with a lone
/// surrogate are `invalid_input` errors naming `field`, never PyO3's `TypeError` or
/// `UnicodeEncodeError`, so every bad argument is a `ZhengceError` (as pydantic-core reads
/// its arguments from `PyAny` itself rather than through typed extraction).
pub fn str_arg(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<String> {
    match obj.cast::<PyString>() {
        Ok(s) => text(s, field).map_err(crate::error::to_py_err),
        Err(_) => Err(crate::error::to_py_err(Error::invalid_input(field, repr(obj), "a str"))),
    }
}

/// An optional `str` argument (`None` is "not given"), read as [`str_arg`] reads it.
pub fn opt_str_arg(obj: Option<&Bound<'_, PyAny>>, field: &str) -> PyResult<Option<String>> {
    obj.filter(|o| !o.is_none()).map(|o| str_arg(o, field)).transpose()
}

/// A `bool` argument: exactly `True` or `False` (not `0`, `1` or `None`).
pub fn bool_arg(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<bool> {
    obj.cast::<PyBool>()
        .map(|b| b.is_true())
        .map_err(|_| crate::error::to_py_err(Error::invalid_input(field, repr(obj), "True or False")))
}

/// A whole-number argument, read as [`extract_int`] reads it, as a Python error.
pub fn int_arg(obj: &Bound<'_, PyAny>, field: &str, min: i64, max: i64) -> PyResult<i64> {
    extract_int(obj, field, min, max).map_err(crate::error::to_py_err)
}

/// An argument that must be an instance of one of this module's classes (a `Context`, a
/// `Catalogue`...); anything else is `invalid_input` naming `field` and the class.
pub fn class_arg<'a, 'py, T: pyo3::PyClass>(
    obj: &'a Bound<'py, PyAny>,
    field: &str,
) -> PyResult<PyRef<'py, T>> {
    obj.extract::<PyRef<'py, T>>().map_err(|_| {
        crate::error::to_py_err(Error::invalid_input(field, repr(obj), format!("a zhengce.{}", T::NAME)))
    })
}
