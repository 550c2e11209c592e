//! Arrow in: any object exposing the Arrow PyCapsule interface (`__arrow_c_array__` or
//! `__arrow_c_stream__`): pyarrow arrays, chunked arrays, tables and record batches, polars
//! Series and DataFrames, pandas Series and DataFrames (through pyarrow), DuckDB results,
//! arro3 and nanoarrow objects.
//!
//! The capsule hands over Arrow's C data without a Python object per row (pyo3-arrow reads it).
//! This module turns Arrow arrays into the column types the binding already consumes: day
//! numbers for the calendar's batches, typed columns for rule batches, observation rows, and
//! rows in the JSON shape for registers, directories and communities (built in Rust, one JSON
//! value per row, never a Python object per row).

use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Date64Type, Decimal128Type, Int32Type, Int64Type};
use arrow_array::{Array, ArrayRef, RecordBatch, StringArray};
use arrow_buffer::ScalarBuffer;
use arrow_schema::{DataType, TimeUnit};
use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3_arrow::input::{AnyArray, AnyRecordBatch};
use rust_decimal::Decimal;
use serde_json::Value;
use zhengce::Error;

use crate::error::IntoPy;

/// An Arrow validity bitmap (bit set = present) and the bit offset of row 0.
pub type Validity = (Vec<u8>, usize);

/// True if `obj` exposes the Arrow PyCapsule interface.
pub fn is_arrow(obj: &Bound<'_, PyAny>) -> bool {
    let py = obj.py();
    obj.hasattr(pyo3::intern!(py, "__arrow_c_array__")).unwrap_or(false)
        || obj.hasattr(pyo3::intern!(py, "__arrow_c_stream__")).unwrap_or(false)
}

/// An import failure while exporting (pandas without pyarrow) as MissingDependencyError; any
/// other failure as the input error it is.
fn export_error(py: Python<'_>, err: PyErr, field: &str) -> PyErr {
    if err.is_instance_of::<pyo3::exceptions::PyImportError>(py) {
        return crate::error::missing_dependency(
            py,
            "pyarrow",
            "arrow",
            &format!("reading '{field}' as Arrow"),
        );
    }
    let text = err.value(py).to_string();
    crate::error::to_py_err(Error::invalid_input(field, text, "an Arrow array, chunked array or table"))
}

fn arrow_error(field: &str, err: impl std::fmt::Display) -> PyErr {
    crate::error::to_py_err(Error::invalid_input(field, err.to_string(), "a readable Arrow column"))
}

/// One column from any Arrow object, its chunks concatenated.
pub fn read_array(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<ArrayRef> {
    let py = obj.py();
    let any: AnyArray = obj.extract().map_err(|e| export_error(py, e, field))?;
    let chunked = any.into_chunked_array().map_err(|e| export_error(py, e.into(), field))?;
    let (chunks, field_ref) = chunked.into_inner();
    match chunks.len() {
        0 => Ok(arrow_array::new_empty_array(field_ref.data_type())),
        1 => Ok(chunks.into_iter().next().unwrap_or_else(|| arrow_array::new_empty_array(&DataType::Null))),
        _ => {
            let refs: Vec<&dyn Array> = chunks.iter().map(|c| c.as_ref()).collect();
            arrow_select::concat::concat(&refs).map_err(|e| arrow_error(field, e))
        }
    }
}

/// A table from any Arrow object: its column names and arrays, batches concatenated.
pub fn read_table(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<Vec<(String, ArrayRef)>> {
    let py = obj.py();
    let any: AnyRecordBatch = obj.extract().map_err(|e| export_error(py, e, field))?;
    let table = any.into_table().map_err(|e| export_error(py, e.into(), field))?;
    let (batches, schema) = table.into_inner();
    let batch = if batches.len() == 1 {
        batches.into_iter().next().unwrap_or_else(|| RecordBatch::new_empty(schema.clone()))
    } else {
        arrow_select::concat::concat_batches(&schema, &batches).map_err(|e| arrow_error(field, e))?
    };
    Ok(schema.fields().iter().zip(batch.columns()).map(|(f, c)| (f.name().clone(), c.clone())).collect())
}

/// A table given as an Arrow object or a dict of columns: `None` for anything else.
pub fn table_like(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<Option<Vec<(String, ArrayRef)>>> {
    if obj.is_instance_of::<pyo3::types::PyDict>() || obj.is_instance_of::<pyo3::types::PyList>() {
        return Ok(None);
    }
    if is_arrow(obj) { read_table(obj, field).map(Some) } else { Ok(None) }
}

/// The validity bitmap of `a`, if it has nulls.
pub fn validity(a: &dyn Array) -> Option<Validity> {
    a.logical_nulls().filter(|n| n.null_count() > 0).map(|n| (n.buffer().as_slice().to_vec(), n.offset()))
}

fn describe(t: &DataType) -> String {
    format!("an Arrow {t} column")
}

/// `a` as UTF-8 strings (any string type, a dictionary of strings, a view).
fn utf8(a: &ArrayRef, field: &str) -> PyResult<StringArray> {
    let cast = arrow_cast::cast(a, &DataType::Utf8).map_err(|e| arrow_error(field, e))?;
    Ok(cast.as_string::<i32>().clone())
}

fn is_text(t: &DataType) -> bool {
    match t {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => true,
        DataType::Dictionary(_, v) => is_text(v),
        _ => false,
    }
}

const MS_PER_DAY: i64 = 86_400_000;

fn per_day(unit: &TimeUnit) -> i64 {
    match unit {
        TimeUnit::Second => 86_400,
        TimeUnit::Millisecond => MS_PER_DAY,
        TimeUnit::Microsecond => MS_PER_DAY * 1_000,
        TimeUnit::Nanosecond => MS_PER_DAY * 1_000_000,
    }
}

fn whole_day(v: i64, per: i64, field: &str, row: usize) -> Result<i32, Error> {
    if v % per != 0 {
        return Err(Error::invalid_input(
            field,
            format!("a time of day ({} into the day)", v.rem_euclid(per)),
            "whole days (a date, or a timestamp at midnight without a time zone)",
        )
        .at_row(row));
    }
    i32::try_from(v.div_euclid(per)).map_err(|_| {
        Error::invalid_input(field, v.to_string(), "a date within the years 0001-9999").at_row(row)
    })
}

/// Day numbers (days since 1970-01-01) of a date column; a null is `None`.
///
/// Takes `date32`, `date64`, timestamps at midnight without a time zone (pandas'
/// `datetime64[ns]`, polars `Datetime`) and ISO date strings.
pub fn days(a: &ArrayRef, field: &str) -> PyResult<Vec<Option<i32>>> {
    days_named(a, &|_| field.to_owned())
}

/// As [`days`], naming row `i`'s field `field(i)` in errors.
pub fn days_named(a: &ArrayRef, field: &dyn Fn(usize) -> String) -> PyResult<Vec<Option<i32>>> {
    let present = |i: usize| a.is_valid(i);
    let out: Result<Vec<Option<i32>>, Error> = match a.data_type() {
        DataType::Date32 => {
            let v = a.as_primitive::<Date32Type>();
            Ok((0..v.len()).map(|i| present(i).then(|| v.value(i))).collect())
        }
        DataType::Date64 => {
            let v = a.as_primitive::<Date64Type>();
            (0..v.len())
                .map(|i| present(i).then(|| whole_day(v.value(i), MS_PER_DAY, &field(i), i)).transpose())
                .collect()
        }
        DataType::Timestamp(unit, None) => {
            let v = arrow_cast::cast(a, &DataType::Int64).map_err(|e| arrow_error(&field(0), e))?;
            let v = v.as_primitive::<Int64Type>();
            let per = per_day(unit);
            (0..v.len())
                .map(|i| present(i).then(|| whole_day(v.value(i), per, &field(i), i)).transpose())
                .collect()
        }
        DataType::Timestamp(_, Some(tz)) => Err(Error::invalid_input(
            field(0),
            format!("timestamps in time zone {tz}"),
            "dates (a date column, or timestamps without a time zone: convert with .dt.date or .dt.tz_localize(None))",
        )),
        t if is_text(t) => {
            let s = utf8(a, &field(0))?;
            (0..s.len())
                .map(|i| {
                    if !present(i) {
                        return Ok(None);
                    }
                    let text = s.value(i);
                    zhengce::value::parse_date(text)
                        .map(|d| Some(zhengce::calendar::day_number(d)))
                        .ok_or_else(|| {
                            Error::invalid_input(field(i), format!("'{text}'"), "an ISO date YYYY-MM-DD")
                                .at_row(i)
                        })
                })
                .collect()
        }
        t => Err(Error::invalid_input(
            field(0),
            describe(t),
            "dates (Arrow date32, date64, a timestamp, or ISO strings)",
        )),
    };
    out.py()
}

/// Day numbers of a date column without nulls (the calendar's batch calls).
pub fn days_no_nulls(a: &ArrayRef, field: &str) -> PyResult<Vec<i32>> {
    if a.data_type() == &DataType::Date32 && a.null_count() == 0 {
        return Ok(a.as_primitive::<Date32Type>().values().to_vec());
    }
    let days = days(a, field)?;
    days.into_iter()
        .enumerate()
        .map(|(row, d)| {
            d.ok_or_else(|| {
                crate::error::to_py_err(Error::missing_input(format!("{field}[{row}]")).at_row(row))
            })
        })
        .collect()
}

/// A rule batch's input column, in the types the batch engine reads.
pub enum RuleColumn {
    /// Integers in the input's own unit (fen for money), in the Arrow buffer (not copied).
    Units(ScalarBuffer<i64>),
    /// 128-bit decimals, in the Arrow buffer: the batch kernel reads them in place.
    Int128(ScalarBuffer<i128>, u32),
    /// Booleans as bytes.
    Bytes(Vec<u8>),
    /// Dictionary-encoded text; a negative code is null (the Arrow keys, not copied, when
    /// none is null).
    Codes(ScalarBuffer<i32>, Vec<String>),
    /// Text.
    Strings(Vec<String>),
    /// Dates.
    Dates(Vec<NaiveDate>),
}

/// A rule batch's column from an Arrow array, with its validity.
pub fn rule_column(a: &ArrayRef, name: &str) -> PyResult<(RuleColumn, Option<Validity>)> {
    let valid = validity(a.as_ref());
    let column = match a.data_type() {
        DataType::Int8
        | DataType::Int16
        | DataType::Int32
        | DataType::Int64
        | DataType::UInt8
        | DataType::UInt16
        | DataType::UInt32
        | DataType::UInt64 => {
            let cast = arrow_cast::cast_with_options(
                a,
                &DataType::Int64,
                &arrow_cast::CastOptions { safe: false, ..Default::default() },
            )
            .map_err(|_| {
                crate::error::to_py_err(Error::invalid_input(
                    name,
                    "an integer beyond 64 bits",
                    "integers of 64 bits",
                ))
            })?;
            RuleColumn::Units(cast.as_primitive::<Int64Type>().values().clone())
        }
        DataType::Decimal128(_, scale) if *scale >= 0 => {
            RuleColumn::Int128(a.as_primitive::<Decimal128Type>().values().clone(), *scale as u32)
        }
        DataType::Boolean => {
            let b = a.as_boolean();
            RuleColumn::Bytes((0..b.len()).map(|i| u8::from(b.value(i))).collect())
        }
        DataType::Dictionary(_, values) if is_text(values) => {
            let target = DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8));
            let cast = arrow_cast::cast(a, &target).map_err(|e| arrow_error(name, e))?;
            let dict = cast.as_dictionary::<Int32Type>();
            let labels = dict.values().as_string::<i32>();
            let labels: Vec<String> = (0..labels.len()).map(|i| labels.value(i).to_owned()).collect();
            let keys = dict.keys();
            let codes = if keys.null_count() == 0 {
                keys.values().clone()
            } else {
                (0..keys.len()).map(|i| if keys.is_valid(i) { keys.value(i) } else { -1 }).collect()
            };
            return Ok((RuleColumn::Codes(codes, labels), None));
        }
        t if is_text(t) => {
            let s = utf8(a, name)?;
            RuleColumn::Strings((0..s.len()).map(|i| s.value(i).to_owned()).collect())
        }
        DataType::Date32 | DataType::Date64 | DataType::Timestamp(..) => {
            let days = days(a, name)?;
            let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
            RuleColumn::Dates(
                days.into_iter()
                    .map(|d| d.and_then(zhengce::calendar::from_day_number).unwrap_or(epoch))
                    .collect(),
            )
        }
        DataType::Null => {
            let bits = vec![0u8; a.len().div_ceil(8)];
            return Ok((RuleColumn::Strings(vec![String::new(); a.len()]), Some((bits, 0))));
        }
        DataType::Float16 | DataType::Float32 | DataType::Float64 => {
            return Err(Error::invalid_input(
                name,
                describe(a.data_type()),
                "integers (fen for money), decimals or strings (never floats: they may have lost the fen)",
            ))
            .py();
        }
        t => {
            return Err(Error::invalid_input(
                name,
                describe(t),
                "integers, decimal128, booleans, strings, dictionaries or dates",
            ))
            .py();
        }
    };
    Ok((column, valid))
}

/// Cell `i` of `a` in the JSON shape the core reads: decimals and dates as strings, lists as
/// arrays, structs as objects; `None` for a null.
pub fn cell(a: &ArrayRef, i: usize, field: &str) -> Result<Option<Value>, Error> {
    if a.is_null(i) {
        return Ok(None);
    }
    let bad = |what: String| Error::invalid_input(field, what, "a value of a readable Arrow type").at_row(i);
    let v = match a.data_type() {
        DataType::Boolean => Value::Bool(a.as_boolean().value(i)),
        DataType::Int8
        | DataType::Int16
        | DataType::Int32
        | DataType::Int64
        | DataType::UInt8
        | DataType::UInt16
        | DataType::UInt32 => {
            let c = arrow_cast::cast(&a.slice(i, 1), &DataType::Int64).map_err(|e| bad(e.to_string()))?;
            Value::from(c.as_primitive::<Int64Type>().value(0))
        }
        DataType::UInt64 => Value::from(a.as_primitive::<arrow_array::types::UInt64Type>().value(i)),
        DataType::Float32 | DataType::Float64 | DataType::Float16 => {
            let c = arrow_cast::cast(&a.slice(i, 1), &DataType::Float64).map_err(|e| bad(e.to_string()))?;
            // Passed on as a JSON number, so the core refuses it wherever a decimal belongs.
            serde_json::Number::from_f64(c.as_primitive::<arrow_array::types::Float64Type>().value(0))
                .map(Value::Number)
                .ok_or_else(|| bad("a non-finite float".into()))?
        }
        DataType::Decimal128(_, scale) if *scale >= 0 => {
            let raw = a.as_primitive::<Decimal128Type>().value(i);
            let d = Decimal::try_from_i128_with_scale(raw, *scale as u32).map_err(|e| bad(e.to_string()))?;
            Value::String(d.to_string())
        }
        DataType::Date32 | DataType::Date64 | DataType::Timestamp(..) => {
            let day = days(&a.slice(i, 1), field)
                .map_err(|_| bad("a date with a time of day or a time zone".into()))?
                .first()
                .copied()
                .flatten();
            let date =
                day.and_then(zhengce::calendar::from_day_number).ok_or_else(|| bad("a date".into()))?;
            Value::String(zhengce::value::format_date(date))
        }
        t if is_text(t) => {
            let s = arrow_cast::cast(&a.slice(i, 1), &DataType::Utf8).map_err(|e| bad(e.to_string()))?;
            Value::String(s.as_string::<i32>().value(0).to_owned())
        }
        DataType::List(_) | DataType::LargeList(_) | DataType::ListView(_) | DataType::FixedSizeList(..) => {
            let c = arrow_cast::cast(
                &a.slice(i, 1),
                &DataType::List(Arc::new(arrow_schema::Field::new_list_field(
                    list_item(a.data_type()),
                    true,
                ))),
            )
            .map_err(|e| bad(e.to_string()))?;
            let items = c.as_list::<i32>().value(0);
            let mut out = Vec::with_capacity(items.len());
            for k in 0..items.len() {
                out.push(cell(&items, k, &format!("{field}[{k}]"))?.unwrap_or(Value::Null));
            }
            Value::Array(out)
        }
        DataType::Struct(fields) => {
            let s = a.as_struct();
            let mut map = serde_json::Map::new();
            for (f, col) in fields.iter().zip(s.columns()) {
                if let Some(v) = cell(col, i, &format!("{field}.{}", f.name()))? {
                    map.insert(f.name().clone(), v);
                }
            }
            Value::Object(map)
        }
        t => return Err(bad(describe(t))),
    };
    Ok(Some(v))
}

fn list_item(t: &DataType) -> DataType {
    match t {
        DataType::List(f)
        | DataType::LargeList(f)
        | DataType::ListView(f)
        | DataType::FixedSizeList(f, _) => f.data_type().clone(),
        other => other.clone(),
    }
}

/// The rows of a table in the JSON shape (a null cell leaves its key out), for the core's
/// `*_value` loaders: `{what}[i].{column}` in errors.
pub fn json_rows(columns: &[(String, ArrayRef)], what: &str) -> PyResult<Value> {
    let n = columns.first().map_or(0, |(_, a)| a.len());
    let mut rows = Vec::with_capacity(n);
    for i in 0..n {
        let mut row = serde_json::Map::with_capacity(columns.len());
        for (name, a) in columns {
            if let Some(v) = cell(a, i, &format!("{what}[{i}].{name}")).py()? {
                row.insert(name.clone(), v);
            }
        }
        rows.push(Value::Object(row));
    }
    Ok(Value::Array(rows))
}

/// A table argument (register, directory, communities): an Arrow table becomes rows in the
/// JSON shape; anything else is read as before by `fallback`.
pub fn rows_or(
    obj: &Bound<'_, PyAny>,
    what: &str,
    fallback: impl FnOnce(&Bound<'_, PyAny>) -> PyResult<Value>,
) -> PyResult<Value> {
    match table_like(obj, what)? {
        Some(columns) => json_rows(&columns, what),
        None => fallback(obj),
    }
}

/// Decimals of a value column (integers, decimal128, decimal strings; never floats).
pub fn decimals(a: &ArrayRef, field: &dyn Fn(usize) -> String) -> Result<Vec<Option<Decimal>>, Error> {
    let n = a.len();
    match a.data_type() {
        DataType::Int8
        | DataType::Int16
        | DataType::Int32
        | DataType::Int64
        | DataType::UInt8
        | DataType::UInt16
        | DataType::UInt32 => {
            let c = arrow_cast::cast(a, &DataType::Int64)
                .map_err(|e| Error::invalid_input(field(0), e.to_string(), "integers"))?;
            let v = c.as_primitive::<Int64Type>();
            Ok((0..n).map(|i| v.is_valid(i).then(|| Decimal::from(v.value(i)))).collect())
        }
        DataType::Decimal128(_, scale) if *scale >= 0 => {
            let v = a.as_primitive::<Decimal128Type>();
            (0..n)
                .map(|i| {
                    v.is_valid(i)
                        .then(|| {
                            Decimal::try_from_i128_with_scale(v.value(i), *scale as u32).map_err(|_| {
                                Error::invalid_input(
                                    field(i),
                                    v.value(i).to_string(),
                                    "a decimal within 28 digits",
                                )
                                .at_row(i)
                            })
                        })
                        .transpose()
                })
                .collect()
        }
        t if is_text(t) => {
            let c = arrow_cast::cast(a, &DataType::Utf8)
                .map_err(|e| Error::invalid_input(field(0), e.to_string(), "text"))?;
            let s = c.as_string::<i32>();
            (0..n)
                .map(|i| {
                    s.is_valid(i)
                        .then(|| {
                            zhengce::value::parse_decimal(s.value(i)).ok_or_else(|| {
                                Error::invalid_input(
                                    field(i),
                                    format!("'{}'", s.value(i)),
                                    "a decimal amount",
                                )
                                .at_row(i)
                            })
                        })
                        .transpose()
                })
                .collect()
        }
        t => Err(Error::invalid_input(
            field(0),
            describe(t),
            "integers, decimal128 or decimal strings (never floats: they may have lost digits)",
        )
        .at_row(0)),
    }
}

/// True if the column holds text (any string type or dictionary of strings).
pub fn holds_text(a: &ArrayRef) -> bool {
    is_text(a.data_type()) || a.data_type() == &DataType::Null
}

/// A column of small integers (credit classes, flags) as `u8`; anything outside 0..=255 refused.
pub fn small_ints<T: TryFrom<i64>>(a: &ArrayRef, field: &str, expected: &str) -> PyResult<Vec<T>> {
    if a.null_count() > 0 {
        return Err(Error::invalid_input(field, "a column with nulls", expected.to_owned())).py();
    }
    let c = arrow_cast::cast(a, &DataType::Int64).map_err(|_| {
        crate::error::to_py_err(Error::invalid_input(field, describe(a.data_type()), expected))
    })?;
    let v = c.as_primitive::<Int64Type>();
    v.values()
        .iter()
        .enumerate()
        .map(|(row, x)| {
            T::try_from(*x).map_err(|_| {
                Error::invalid_input(format!("{field}[{row}]"), x.to_string(), expected).at_row(row)
            })
        })
        .collect::<Result<Vec<T>, Error>>()
        .py()
}

/// The texts of a string column in place, `None` for a null.
fn view(s: &Option<StringArray>) -> Option<Vec<Option<&str>>> {
    s.as_ref().map(|s| (0..s.len()).map(|i| s.is_valid(i).then(|| s.value(i))).collect())
}

/// The text of row `i` of a string column, `None` for a null or no column.
fn text_at(s: &Option<StringArray>, i: usize) -> Option<&str> {
    s.as_ref().filter(|s| s.is_valid(i)).map(|s| s.value(i))
}

/// Observations from an Arrow table whose columns are all plain (text, dates, numbers), added
/// to `monitor` as columns: no value per row, the texts read in place. `None` when a column
/// needs the general path (a `metric` or a `source` given as a struct): then [`json_rows`].
pub fn add_observations(
    monitor: &mut zhengce::targets::Monitor,
    columns: &[(String, ArrayRef)],
) -> PyResult<Option<usize>> {
    use zhengce::catalogue::Qualifier;
    const TEXT: [&str; 7] = ["target", "unit", "source", "id", "qualifier", "scope", "reading"];
    let find = |name: &str| columns.iter().find(|(n, _)| n == name).map(|(_, a)| a);
    for (name, a) in columns {
        let plain = match name.as_str() {
            "as_of" | "date" | "published" | "value" => true,
            n if TEXT.contains(&n) => holds_text(a),
            _ => false,
        };
        if !plain {
            return Ok(None);
        }
    }
    let n = columns.first().map_or(0, |(_, a)| a.len());
    let field = |i: usize, c: &str| format!("observations[{i}].{c}");
    let strings = |c: &str| -> PyResult<Option<StringArray>> {
        find(c)
            .map(|a| {
                if !holds_text(a) {
                    return Err(Error::invalid_input(c, describe(a.data_type()), "a text column")).py();
                }
                utf8(a, c)
            })
            .transpose()
    };
    let (target, unit, source, id, qualifier, scope, reading) = (
        strings("target")?,
        strings("unit")?,
        strings("source")?,
        strings("id")?,
        strings("qualifier")?,
        strings("scope")?,
        strings("reading")?,
    );
    // `as_of` (the date the figure describes) may be given as `date`, as in the JSON shape; a
    // table built from rows that use both has both columns, each null where the other is set.
    let as_of_name = if find("as_of").is_some() || find("date").is_none() { "as_of" } else { "date" };
    let as_of_days = find("as_of").map(|a| days_named(a, &|i| field(i, "as_of"))).transpose()?;
    let date_days = find("date").map(|a| days_named(a, &|i| field(i, "date"))).transpose()?;
    let dates: Vec<Option<i32>> = match (as_of_days, date_days) {
        (Some(a), Some(d)) => a.into_iter().zip(d).map(|(a, d)| a.or(d)).collect(),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => vec![None; n],
    };
    let published_days = find("published").map(|a| days_named(a, &|i| field(i, "published"))).transpose()?;
    let values = match find("value") {
        Some(a) => decimals(a, &|i| field(i, "value")).py()?,
        None => vec![None; n],
    };
    let (source_v, id_v, scope_v, reading_v) = (view(&source), view(&id), view(&scope), view(&reading));
    let mut target_v: Vec<&str> = Vec::with_capacity(n);
    let mut unit_v: Vec<&str> = Vec::with_capacity(n);
    let mut as_of_v: Vec<NaiveDate> = Vec::with_capacity(n);
    let mut value_v: Vec<Decimal> = Vec::with_capacity(n);
    let mut published_v: Option<Vec<Option<NaiveDate>>> =
        published_days.as_ref().map(|_| Vec::with_capacity(n));
    let mut qualifier_v: Option<Vec<Option<Qualifier>>> = qualifier.as_ref().map(|_| Vec::with_capacity(n));
    let mut qualifiers: std::collections::HashMap<&str, Qualifier> = Default::default();
    // Cells are checked row by row in the order of the row form's fields, so a table reports
    // the same first problem whichever path reads it.
    for i in 0..n {
        let missing = |c: &str| Error::missing_input(field(i, c)).at_row(i);
        if let (Some(out), Some(q)) = (qualifier_v.as_mut(), qualifier.as_ref()) {
            let parsed = match q.is_valid(i).then(|| q.value(i)) {
                Some(text) => Some(match qualifiers.get(text) {
                    Some(known) => *known,
                    None => {
                        let parsed: Qualifier = zhengce::error::from_json_value(
                            &Value::String(text.to_owned()),
                            &field(i, "qualifier"),
                        )
                        .map_err(|e| e.at_row(i))
                        .py()?;
                        qualifiers.insert(text, parsed);
                        parsed
                    }
                }),
                None => None,
            };
            out.push(parsed);
        }
        let date = dates[i].ok_or_else(|| missing(as_of_name)).py()?;
        let day = |d: i32, c: &str| {
            zhengce::calendar::from_day_number(d)
                .ok_or_else(|| Error::invalid_input(field(i, c), d.to_string(), "a date").at_row(i))
        };
        target_v.push(text_at(&target, i).ok_or_else(|| missing("target")).py()?);
        as_of_v.push(day(date, as_of_name).py()?);
        if let (Some(out), Some(p)) = (published_v.as_mut(), published_days.as_ref()) {
            out.push(p[i].map(|d| day(d, "published")).transpose().py()?);
        }
        value_v.push(values[i].ok_or_else(|| missing("value")).py()?);
        unit_v.push(text_at(&unit, i).ok_or_else(|| missing("unit")).py()?);
    }
    let no_sources = vec![None; if source_v.is_some() { 0 } else { n }];
    let observations = zhengce::targets::ObservationColumns {
        target: &target_v,
        as_of: &as_of_v,
        value: &value_v,
        unit: &unit_v,
        source: source_v.as_deref().unwrap_or(&no_sources),
        published: published_v.as_deref(),
        id: id_v.as_deref(),
        qualifier: qualifier_v.as_deref(),
        scope: scope_v.as_deref(),
        reading: reading_v.as_deref(),
    };
    monitor.add_observation_columns(&observations).map(Some).py()
}

/// The most rows read by [`small_dictionary`]; longer arrays go through the C data interface,
/// whose fixed cost no longer matters.
const SMALL: usize = 4096;

/// pyarrow's array types read by [`small_dictionary`]: the dictionary, its integer indices
/// (Int8Array to Int64Array, widths 1, 2, 4, 8 bytes) and its labels (StringArray with 32-bit
/// offsets, LargeStringArray with 64-bit). The indices' and labels' Python types say their
/// widths without building a DataType.
struct PaTypes {
    dictionary: Py<pyo3::types::PyType>,
    indices: [Py<pyo3::types::PyType>; 4],
    string: Py<pyo3::types::PyType>,
    large_string: Py<pyo3::types::PyType>,
}

static PA_TYPES: pyo3::sync::PyOnceLock<Option<PaTypes>> = pyo3::sync::PyOnceLock::new();

fn pa_types(py: Python<'_>) -> Option<&PaTypes> {
    PA_TYPES
        .get_or_init(py, || {
            let pa = py.import("pyarrow").ok()?;
            let ty = |t: &str| -> Option<Py<pyo3::types::PyType>> {
                Some(pa.getattr(t).ok()?.cast_into().ok()?.unbind())
            };
            Some(PaTypes {
                dictionary: ty("DictionaryArray")?,
                indices: [ty("Int8Array")?, ty("Int16Array")?, ty("Int32Array")?, ty("Int64Array")?],
                string: ty("StringArray")?,
                large_string: ty("LargeStringArray")?,
            })
        })
        .as_ref()
}

/// A short pyarrow `DictionaryArray` of strings (signed integer indices) as codes (-1 for a
/// null) and labels, read from its buffers through the buffer protocol: the C data export and
/// import cost more than the rest of a one-row batch. The same codes and labels as
/// [`rule_column`] gives; `None` for anything else (another type, a null label, an index out
/// of range, a long array), which the general path reads.
pub fn small_dictionary(obj: &Bound<'_, PyAny>) -> PyResult<Option<(ScalarBuffer<i32>, Vec<String>)>> {
    let ty = obj.get_type();
    if ty.name().map(|n| n.to_str().map(|n| n != "DictionaryArray").unwrap_or(true)).unwrap_or(true) {
        return Ok(None);
    }
    let py = obj.py();
    let Some(pa) = pa_types(py) else { return Ok(None) };
    if !ty.is(pa.dictionary.bind(py)) {
        return Ok(None);
    }
    Ok(read_small_dictionary(obj, pa))
}

fn attr<'py>(o: &Bound<'py, PyAny>, a: &Bound<'py, pyo3::types::PyString>) -> Option<Bound<'py, PyAny>> {
    o.getattr(a).ok()
}

fn int<'py>(o: &Bound<'py, PyAny>, a: &Bound<'py, pyo3::types::PyString>) -> Option<i64> {
    attr(o, a)?.extract::<i64>().ok()
}

/// The bytes of an Arrow buffer (`None` for a missing one), if it is short.
fn short_bytes(b: Option<Bound<'_, PyAny>>) -> Option<Option<Vec<u8>>> {
    match b {
        None => Some(None),
        Some(b) if b.is_none() => Some(None),
        // pyarrow exports its buffers as signed bytes ('b'); unsigned ('B') is taken too.
        Some(b) => match pyo3::buffer::PyBuffer::<i8>::get(&b) {
            Ok(buffer) if buffer.len_bytes() <= 64 * SMALL => {
                buffer.to_vec(b.py()).ok().map(|v| Some(v.into_iter().map(|x| x as u8).collect()))
            }
            Ok(_) => None,
            Err(_) => {
                let buffer = pyo3::buffer::PyBuffer::<u8>::get(&b).ok()?;
                if buffer.len_bytes() > 64 * SMALL {
                    return None;
                }
                buffer.to_vec(b.py()).ok().map(Some)
            }
        },
    }
}

fn read_small_dictionary(obj: &Bound<'_, PyAny>, pa: &PaTypes) -> Option<(ScalarBuffer<i32>, Vec<String>)> {
    let py = obj.py();
    let indices = attr(obj, pyo3::intern!(py, "indices"))?;
    let labels = attr(obj, pyo3::intern!(py, "dictionary"))?;
    let index_type = indices.get_type();
    let width = [1usize, 2, 4, 8][pa.indices.iter().position(|t| index_type.is(t.bind(py)))?];
    let label_type = labels.get_type();
    let offset_width = if label_type.is(pa.string.bind(py)) {
        4
    } else if label_type.is(pa.large_string.bind(py)) {
        8
    } else {
        return None;
    };
    let n = indices.len().ok()?;
    let n_labels = labels.len().ok()?;
    if n > SMALL || n_labels > SMALL || int(&labels, pyo3::intern!(py, "null_count"))? != 0 {
        return None;
    }
    let buffers =
        |o: &Bound<'_, PyAny>| o.call_method0(pyo3::intern!(py, "buffers")).ok().map(|b| b.unbind());
    let bytes = short_bytes;
    // Indices: validity, data, from their own offset.
    let index_buffers = buffers(&indices)?.into_bound(py);
    let at = int(&indices, pyo3::intern!(py, "offset"))? as usize;
    let valid = bytes(index_buffers.get_item(0).ok())?;
    let data = bytes(index_buffers.get_item(1).ok())??;
    // Labels: offsets and UTF-8 data, from their own offset.
    let label_buffers = buffers(&labels)?.into_bound(py);
    let label_at = int(&labels, pyo3::intern!(py, "offset"))? as usize;
    let offsets = bytes(label_buffers.get_item(1).ok())??;
    let text = bytes(label_buffers.get_item(2).ok())?.unwrap_or_default();
    let offset = |j: usize| -> Option<usize> {
        let p = (label_at + j) * offset_width;
        let raw = offsets.get(p..p + offset_width)?;
        let v = if offset_width == 4 {
            i64::from(i32::from_le_bytes(raw.try_into().ok()?))
        } else {
            i64::from_le_bytes(raw.try_into().ok()?)
        };
        usize::try_from(v).ok()
    };
    let mut out_labels = Vec::with_capacity(n_labels);
    for j in 0..n_labels {
        let (start, end) = (offset(j)?, offset(j + 1)?);
        out_labels.push(String::from_utf8(text.get(start..end)?.to_vec()).ok()?);
    }
    let mut codes = Vec::with_capacity(n);
    for i in 0..n {
        let bit = at + i;
        if let Some(v) = &valid
            && v.get(bit / 8)? & (1 << (bit % 8)) == 0
        {
            codes.push(-1);
            continue;
        }
        let raw = data.get((at + i) * width..(at + i + 1) * width)?;
        let mut le = [0u8; 8];
        le[..width].copy_from_slice(raw);
        // Sign-extend from the index width.
        let shift = 64 - 8 * width as u32;
        let code = (i64::from_le_bytes(le) << shift) >> shift;
        if !(0..n_labels as i64).contains(&code) {
            return None;
        }
        codes.push(code as i32);
    }
    Some((codes.into(), out_labels))
}
