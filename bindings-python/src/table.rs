//! Arrow out: `zhengce.Table`, a typed table exposing the Arrow PyCapsule interface
//! (`__arrow_c_stream__`), with `to_arrow()`, `to_pandas()` and `to_polars()`.
//!
//! Money is `decimal128(p, s)` (fen: s = 2), dates `date32`, labels dictionaries of strings,
//! explanations a JSON text column. Any Arrow consumer (pyarrow, polars, DuckDB, pandas via
//! pyarrow) reads the table without a Python object per row. Built here: batch results and
//! the catalogue's entries as tables (`Catalogue.table("targets")`).

use std::collections::BTreeSet;
use std::sync::Arc;

use arrow_array::builder::{Date32Builder, Decimal128Builder, ListBuilder, StringBuilder};
use arrow_array::types::Int32Type;
use arrow_array::{
    Array, ArrayRef, BooleanArray, Date32Array, Decimal128Array, DictionaryArray, Int32Array, Int64Array,
    RecordBatch, StringArray, StructArray,
};
use arrow_schema::{Field, Schema, SchemaRef};
use pyo3::prelude::*;
use pyo3::types::PyCapsule;
use rust_decimal::Decimal;
use serde_json::Value;
use zhengce::rules::OutColumn;

use crate::error::IntoPy;

/// A typed table of results or catalogue entries, readable by any Arrow consumer.
#[pyclass(module = "zhengce._zhengce", name = "Table", frozen)]
pub struct PyTable {
    pub(crate) batch: RecordBatch,
}

fn arrow_err(e: impl std::fmt::Display) -> PyErr {
    crate::error::to_py_err(zhengce::Error::invalid_input(
        "table",
        e.to_string(),
        "a table Arrow can represent",
    ))
}

impl PyTable {
    pub fn new(columns: Vec<(String, ArrayRef)>) -> PyResult<PyTable> {
        let fields: Vec<Field> =
            columns.iter().map(|(n, a)| Field::new(n, a.data_type().clone(), true)).collect();
        let schema: SchemaRef = Arc::new(Schema::new(fields));
        let arrays = columns.into_iter().map(|(_, a)| a).collect();
        let batch = RecordBatch::try_new(schema, arrays).map_err(arrow_err)?;
        Ok(PyTable { batch })
    }

    /// The table as an Arrow C stream capsule (one batch).
    pub fn stream<'py>(
        py: Python<'py>,
        batch: &RecordBatch,
        requested_schema: Option<Bound<'py, PyCapsule>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let field = Arc::new(Field::new_struct("", batch.schema().fields().clone(), false));
        let array: ArrayRef = Arc::new(StructArray::from(batch.clone()));
        let reader = Box::new(pyo3_arrow::ffi::ArrayIterator::new(vec![Ok(array)], field));
        pyo3_arrow::ffi::to_stream_pycapsule(py, reader, requested_schema).map_err(PyErr::from)
    }
}

/// Calls `zhengce._tables.<function>(table)` (the optional-package conversions live in Python).
pub fn convert<'py>(table: Bound<'py, PyAny>, function: &str) -> PyResult<Bound<'py, PyAny>> {
    table.py().import("zhengce._tables")?.getattr(function)?.call1((table,))
}

crate::guarded! {
#[pymethods]
impl PyTable {
    #[getter]
    fn num_rows(&self) -> usize {
        self.batch.num_rows()
    }

    #[getter]
    fn column_names(&self) -> Vec<String> {
        self.batch.schema().fields().iter().map(|f| f.name().clone()).collect()
    }

    #[getter]
    fn schema_text(&self) -> String {
        self.batch.schema().fields().iter().map(|f| format!("{}: {}", f.name(), f.data_type())).collect::<Vec<_>>().join("\n")
    }

    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyCapsule>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        PyTable::stream(py, &self.batch, requested_schema)
    }

    fn to_arrow<'py>(slf: Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        convert(slf.into_any(), "to_arrow")
    }

    fn to_pandas<'py>(slf: Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        convert(slf.into_any(), "to_pandas")
    }

    fn to_polars<'py>(slf: Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        convert(slf.into_any(), "to_polars")
    }

    fn _repr_html_<'py>(slf: Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        convert(slf.into_any(), "table_html")
    }

    fn __len__(&self) -> usize {
        self.batch.num_rows()
    }

    fn __repr__(&self) -> String {
        format!("<zhengce.Table: {} rows, columns {:?}>", self.batch.num_rows(), self.column_names())
    }
}
}

/// Precision of money columns: any i64 amount fits in 19 digits.
const INT_PRECISION: u8 = 19;

/// A batch result as a table: one column per output, then `explanation` (JSON text per row)
/// when the batch was explained.
pub fn batch_table(
    result: &zhengce::rules::BatchResult,
    errors: Option<&[Option<(String, String)>]>,
) -> PyResult<PyTable> {
    let mut columns = Vec::with_capacity(result.columns.len() + 3);
    let valid: Option<arrow_buffer::NullBuffer> =
        errors.map(|e| arrow_buffer::NullBuffer::from(e.iter().map(Option::is_none).collect::<Vec<bool>>()));
    for (name, col) in &result.columns {
        let array = out_column(col)?;
        let array = match &valid {
            // A bad row is null in every output column (an amount's 0 placeholder included).
            Some(nulls) => {
                let data = array.to_data().into_builder().nulls(Some(match array.nulls() {
                    Some(own) => arrow_buffer::NullBuffer::new(own.inner() & nulls.inner()),
                    None => nulls.clone(),
                }));
                arrow_array::make_array(data.build().map_err(arrow_err)?)
            }
            None => array,
        };
        columns.push((name.clone(), array));
    }
    if let Some(explanations) = &result.explanations {
        let mut each = explanations.iter();
        let text: Vec<Option<String>> =
            match errors {
                Some(errors) => errors
                    .iter()
                    .map(|e| {
                        if e.is_some() {
                            None
                        } else {
                            each.next().and_then(|x| serde_json::to_string(x).ok())
                        }
                    })
                    .collect(),
                None => each.map(|e| serde_json::to_string(e).ok()).collect(),
            };
        columns.push(("explanation".to_owned(), strings(text)));
    }
    if let Some(errors) = errors {
        columns
            .push(("error_code".to_owned(), strings(errors.iter().map(|e| e.as_ref().map(|x| x.0.clone())))));
        columns.push((
            "error_message".to_owned(),
            strings(errors.iter().map(|e| e.as_ref().map(|x| x.1.clone()))),
        ));
    }
    PyTable::new(columns)
}

/// A batch output column as an Arrow array.
pub fn out_column(col: &OutColumn) -> PyResult<ArrayRef> {
    Ok(match col {
        OutColumn::Int { values, scale } => {
            let a = Decimal128Array::from_iter_values(values.iter().map(|v| i128::from(*v)))
                .with_precision_and_scale(INT_PRECISION, *scale as i8)
                .map_err(arrow_err)?;
            Arc::new(a)
        }
        OutColumn::Decimal { values } => decimal_array(values)?,
        OutColumn::Bool { values } => Arc::new(BooleanArray::from(values.clone())),
        OutColumn::Codes { codes, labels } => codes_array(codes, labels)?,
        OutColumn::Date { values } => Arc::new(Date32Array::from(
            values.iter().map(|d| d.map(zhengce::calendar::day_number)).collect::<Vec<_>>(),
        )),
    })
}

/// Labels as a dictionary array (`int32` codes, a negative code null).
pub fn codes_array(codes: &[i32], labels: &[String]) -> PyResult<ArrayRef> {
    let keys = Int32Array::from(codes.iter().map(|c| (*c >= 0).then_some(*c)).collect::<Vec<_>>());
    let values: ArrayRef = Arc::new(StringArray::from_iter_values(labels));
    let dict = DictionaryArray::<Int32Type>::try_new(keys, values).map_err(arrow_err)?;
    Ok(Arc::new(dict))
}

/// Decimals as `decimal128(38, s)`, `s` the largest scale present (values rescaled, exact).
pub fn decimal_array(values: &[Option<Decimal>]) -> PyResult<ArrayRef> {
    let scale = values.iter().flatten().map(|d| d.scale()).max().unwrap_or(0);
    let mut b = Decimal128Builder::with_capacity(values.len());
    for v in values {
        match v {
            Some(d) => {
                let mut d = *d;
                d.rescale(scale);
                b.append_value(d.mantissa());
            }
            None => b.append_null(),
        }
    }
    let a = b.finish().with_precision_and_scale(38, scale as i8).map_err(arrow_err)?;
    Ok(Arc::new(a))
}

/// Text per row, `None` null.
pub fn strings(values: impl IntoIterator<Item = Option<String>>) -> ArrayRef {
    Arc::new(StringArray::from_iter(values))
}

/// Integers per row.
pub fn ints(values: Vec<Option<i64>>) -> ArrayRef {
    Arc::new(Int64Array::from(values))
}

/// The entry kinds `Catalogue.table` knows, with their schema definition.
pub const KINDS: [(&str, &str); 12] = [
    ("jurisdictions", "Jurisdiction"),
    ("documents", "Document"),
    ("clauses", "Clause"),
    ("units", "Unit"),
    ("programmes", "Programme"),
    ("measures", "Measure"),
    ("community_types", "CommunityType"),
    ("communities", "Community"),
    ("targets", "Target"),
    ("observations", "Observation"),
    ("parameters", "ParameterValue"),
    ("rules", "Rule"),
];

/// Field names the catalogue's JSON Schema marks `"format": "date"`.
fn date_fields(schema: &Value) -> BTreeSet<String> {
    fn walk(v: &Value, key: Option<&str>, out: &mut BTreeSet<String>) {
        match v {
            Value::Object(map) => {
                if map.get("format") == Some(&Value::String("date".into()))
                    && let Some(k) = key
                {
                    out.insert(k.to_owned());
                }
                if let Some(Value::Object(props)) = map.get("properties") {
                    for (k, p) in props {
                        walk(p, Some(k), out);
                    }
                }
                for (k, p) in map {
                    if k != "properties" {
                        walk(p, key, out);
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|i| walk(i, key, out)),
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    walk(schema, None, &mut out);
    out
}

/// Field names that hold decimal amounts (target values, observed values, parameter values):
/// typed `decimal128` when every value present parses as a decimal.
const DECIMAL_FIELDS: [&str; 3] = ["value", "upper", "population"];

/// Flattens one entry into `columns`: `{zh, en}` texts and citations become `name_zh`,
/// `source_document`...; other objects one level deeper the same way; arrays of strings stay
/// lists; anything deeper is JSON text.
fn flatten(prefix: &str, value: &Value, row: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(map) if prefix.is_empty() || map.keys().all(|k| !k.is_empty()) => {
            for (k, v) in map {
                let name = if prefix.is_empty() { k.clone() } else { format!("{prefix}_{k}") };
                match v {
                    Value::Object(_) if prefix.is_empty() => flatten(&name, v, row),
                    Value::Object(_) => row.push((name, Value::String(v.to_string()))),
                    Value::Array(items) if items.iter().all(|i| i.is_string()) => row.push((name, v.clone())),
                    Value::Array(_) => row.push((name, Value::String(v.to_string()))),
                    _ => row.push((name, v.clone())),
                }
            }
        }
        other => row.push((prefix.to_owned(), other.clone())),
    }
}

/// The clause trees of every document, one row per clause with its document and parent.
fn clause_rows(docs: &Value) -> Vec<Value> {
    fn walk(doc: &str, parent: Option<&str>, clauses: &Value, out: &mut Vec<Value>) {
        for c in clauses.as_array().into_iter().flatten() {
            let mut row = c.clone();
            if let Value::Object(map) = &mut row {
                let children = map.remove("children");
                let mut head = serde_json::Map::new();
                head.insert("document".into(), Value::String(doc.to_owned()));
                head.insert("parent".into(), parent.map_or(Value::Null, |p| Value::String(p.to_owned())));
                head.extend(std::mem::take(map));
                out.push(Value::Object(head));
                let id = c["id"].as_str().unwrap_or_default();
                if let Some(children) = children {
                    walk(doc, Some(id), &children, out);
                }
            }
        }
    }
    let mut out = Vec::new();
    for d in docs.as_array().into_iter().flatten() {
        walk(d["id"].as_str().unwrap_or_default(), None, &d["clauses"], &mut out);
    }
    out
}

/// The entries of one kind as rows in the JSON shape.
fn entry_rows(cat: &zhengce::Catalogue, kind: &str) -> PyResult<Vec<Value>> {
    let data = serde_json::to_value(cat.data()).map_err(arrow_err)?;
    Ok(match kind {
        "clauses" => clause_rows(&data["documents"]),
        "documents" => data["documents"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|d| {
                let mut d = d.clone();
                if let Value::Object(m) = &mut d {
                    m.remove("clauses");
                }
                d
            })
            .collect(),
        "parameters" => {
            let mut rows = Vec::new();
            for p in data["parameters"].as_array().into_iter().flatten() {
                for v in p["values"].as_array().into_iter().flatten() {
                    let mut head = serde_json::Map::new();
                    head.insert("parameter".into(), p["id"].clone());
                    head.insert("name".into(), p["name"].clone());
                    head.insert("unit".into(), p["unit"].clone());
                    if let Value::Object(m) = v {
                        head.extend(m.clone());
                    }
                    rows.push(Value::Object(head));
                }
            }
            rows
        }
        other => data[other].as_array().cloned().unwrap_or_default(),
    })
}

/// One column of flattened values, typed: dates, decimals, booleans, integers, lists of text,
/// or text.
fn typed_column(
    name: &str,
    values: &[Value],
    dates: &BTreeSet<String>,
    decimals: &[&str],
) -> PyResult<ArrayRef> {
    let leaf = name.rsplit('_').next().unwrap_or(name);
    let present: Vec<&Value> = values.iter().filter(|v| !v.is_null()).collect();
    let all = |f: &dyn Fn(&Value) -> bool| !present.is_empty() && present.iter().all(|v| f(v));
    let is_date_name = dates.contains(name) || dates.contains(leaf);
    if is_date_name && all(&|v| v.as_str().and_then(zhengce::value::parse_date).is_some()) {
        let mut b = Date32Builder::with_capacity(values.len());
        for v in values {
            match v.as_str().and_then(zhengce::value::parse_date) {
                Some(d) => b.append_value(zhengce::calendar::day_number(d)),
                None => b.append_null(),
            }
        }
        return Ok(Arc::new(b.finish()));
    }
    let decimal_name = decimals.contains(&name) || decimals.contains(&leaf);
    if decimal_name && all(&|v| v.as_str().and_then(zhengce::value::parse_decimal).is_some()) {
        let ds: Vec<Option<Decimal>> =
            values.iter().map(|v| v.as_str().and_then(zhengce::value::parse_decimal)).collect();
        return decimal_array(&ds);
    }
    if all(&|v| v.is_boolean()) {
        return Ok(Arc::new(BooleanArray::from(values.iter().map(Value::as_bool).collect::<Vec<_>>())));
    }
    if all(&|v| v.is_i64()) {
        return Ok(ints(values.iter().map(Value::as_i64).collect()));
    }
    if all(&|v| v.is_array()) {
        let mut b = ListBuilder::new(StringBuilder::new());
        for v in values {
            match v.as_array() {
                Some(items) => {
                    for i in items {
                        b.values().append_option(i.as_str());
                    }
                    b.append(true);
                }
                None => b.append(false),
            }
        }
        return Ok(Arc::new(b.finish()));
    }
    Ok(strings(values.iter().map(|v| match v {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    })))
}

/// The catalogue's entries of `kind` as a typed table.
pub fn catalogue_table(cat: &zhengce::Catalogue, kind: &str) -> PyResult<PyTable> {
    if !KINDS.iter().any(|(k, _)| *k == kind) {
        let kinds: Vec<&str> = KINDS.iter().map(|(k, _)| *k).collect();
        return Err(zhengce::Error::invalid_input("kind", format!("'{kind}'"), format!("one of {kinds:?}")))
            .py();
    }
    let dates = date_fields(&zhengce::catalogue::json_schema());
    let rows = entry_rows(cat, kind)?;
    rows_table(&rows, &dates, &DECIMAL_FIELDS)
}

/// Rows in the JSON shape as a typed table: `dates` and `decimals` name the columns to type.
pub fn rows_table(rows: &[Value], dates: &BTreeSet<String>, decimals: &[&str]) -> PyResult<PyTable> {
    let mut names: Vec<String> = Vec::new();
    let mut flat: Vec<Vec<(String, Value)>> = Vec::with_capacity(rows.len());
    for r in rows {
        let mut row = Vec::new();
        flatten("", r, &mut row);
        for (n, _) in &row {
            if !names.contains(n) {
                names.push(n.clone());
            }
        }
        flat.push(row);
    }
    let mut columns = Vec::with_capacity(names.len());
    for name in &names {
        let values: Vec<Value> = flat
            .iter()
            .map(|row| row.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone()).unwrap_or(Value::Null))
            .collect();
        columns.push((name.clone(), typed_column(name, &values, dates, decimals)?));
    }
    PyTable::new(columns)
}

/// A scorecard's assessments, one row per target: decimals (target value, baseline, value,
/// progress, elapsed, expected, gap) as decimal128, dates as date32, the metric as
/// `metric_zh` / `metric_en`.
pub fn assessments_table(card: &zhengce::targets::Scorecard) -> PyResult<PyTable> {
    let rows: Vec<Value> =
        card.assessments.iter().map(|a| serde_json::to_value(a).unwrap_or(Value::Null)).collect();
    let dates: BTreeSet<String> = ["as_of", "baseline_date", "start", "deadline", "observed_on"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    const DECIMALS: [&str; 9] =
        ["target_value", "upper", "derived", "baseline", "value", "progress", "elapsed", "expected", "gap"];
    rows_table(&rows, &dates, &DECIMALS)
}

/// A scorecard's groups, one row per group (first `all`): counts per status as integers.
pub fn groups_table(card: &zhengce::targets::Scorecard) -> PyResult<PyTable> {
    let mut rows = vec![serde_json::json!({"dimension": "all", "counts": card.counts})];
    rows.extend(card.groups.iter().map(|g| {
        let mut v = serde_json::to_value(g).unwrap_or(Value::Null);
        if let Value::Object(m) = &mut v {
            m.remove("targets");
        }
        v
    }));
    rows_table(&rows, &BTreeSet::new(), &[])
}
