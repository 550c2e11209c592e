//! `zhengce.Scenario`, `zhengce.Evaluator`, `zhengce.Evaluation`, `zhengce.BatchResult`,
//! `zhengce.Comparison`: rules under scenarios, single and batch evaluation.
//!
//! Batch columns are read without per-element Python objects where the data allows: numpy
//! integer and boolean arrays and pyarrow int64/decimal128/boolean/dictionary arrays through
//! the buffer protocol; lists (and string arrays) go through the JSON shape.

use std::sync::Arc;

use pyo3::buffer::PyBuffer;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};
use zhengce::Error;
use zhengce::rules::{
    Batch, BatchResult, CallOptions, Column, ColumnData, Comparison, Dates, Evaluation, Evaluator, Input,
    Lang, OutColumn, OwnedColumns, Scenario, ScenarioSpec,
};

use crate::catalogue::PyCatalogue;
use crate::convert::{extract_date, from_py, options, serialize, to_py};
use crate::error::IntoPy;

/// A catalogue with parameter overrides and added rules.
#[pyclass(module = "zhengce._zhengce", name = "Scenario", frozen)]
pub struct PyScenario {
    inner: Scenario,
}

fn spec_of(obj: &Bound<'_, PyAny>) -> PyResult<ScenarioSpec> {
    let value = if let Ok(text) = obj.cast::<PyString>() {
        serde_json::from_str(&text.to_string())
            .map_err(|e| Error::invalid_input("scenario", "text", format!("scenario JSON ({e})")))
            .py()?
    } else {
        from_py(obj, "scenario").py()?
    };
    zhengce::value::from_json_value(&value, "scenario").py()
}

#[pymethods]
impl PyScenario {
    #[new]
    fn new(catalogue: &PyCatalogue, spec: &Bound<'_, PyAny>) -> PyResult<PyScenario> {
        let spec = spec_of(spec)?;
        Scenario::new(catalogue.inner.clone(), spec).map(|inner| PyScenario { inner }).py()
    }

    #[staticmethod]
    fn baseline(catalogue: &PyCatalogue) -> PyScenario {
        PyScenario { inner: Scenario::baseline(catalogue.inner.clone()) }
    }

    fn name(&self) -> &str {
        self.inner.name()
    }

    fn hash(&self) -> &str {
        self.inner.hash()
    }

    fn spec<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, self.inner.spec())
    }

    fn catalogue(&self) -> PyCatalogue {
        PyCatalogue { inner: Arc::new(self.inner.catalogue().clone()) }
    }

    fn evaluator(&self, rule: &str) -> PyResult<PyEvaluator> {
        self.inner.evaluator(rule).map(|inner| PyEvaluator { inner }).py()
    }

    fn parameter_value<'py>(
        &self,
        py: Python<'py>,
        key: &str,
        jurisdiction: &str,
        date: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let date = extract_date(date, "date").py()?;
        serialize(py, &self.inner.parameter_value(key, jurisdiction, date).py()?)
    }

    #[pyo3(signature = (alternative, rule, columns, date, **options_))]
    fn compare(
        &self,
        py: Python<'_>,
        alternative: &PyScenario,
        rule: &str,
        columns: &Bound<'_, PyAny>,
        date: &Bound<'_, PyAny>,
        options_: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<PyComparison> {
        let opts: CallOptions = options(options_, "options").py()?;
        let cols = read_columns(py, columns)?;
        let dates = read_dates(py, date)?;
        let batch = Batch {
            dates: dates.dates(),
            jurisdiction: opts.jurisdiction.as_deref(),
            columns: cols.columns(),
        };
        let out = self.inner.compare(&alternative.inner, rule, &batch, &opts.batch_options()).py()?;
        Ok(PyComparison { inner: out })
    }

    fn __repr__(&self) -> String {
        format!(
            "<zhengce.Scenario '{}': {} parameter overrides>",
            self.inner.name(),
            self.inner.spec().parameters.len()
        )
    }
}

/// One rule compiled under a scenario.
#[pyclass(module = "zhengce._zhengce", name = "Evaluator", frozen)]
pub struct PyEvaluator {
    inner: Evaluator,
}

#[pymethods]
impl PyEvaluator {
    #[new]
    fn new(scenario: &PyScenario, rule: &str) -> PyResult<PyEvaluator> {
        Evaluator::new(&scenario.inner, rule).map(|inner| PyEvaluator { inner }).py()
    }

    fn rule<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, self.inner.rule())
    }

    fn scenario(&self) -> PyScenario {
        PyScenario { inner: self.inner.scenario().clone() }
    }

    fn check_table<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &self.inner.check_table())
    }

    #[pyo3(signature = (values, date, **options_))]
    fn evaluate(
        &self,
        values: &Bound<'_, PyAny>,
        date: &Bound<'_, PyAny>,
        options_: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<PyEvaluation> {
        let opts: CallOptions = match options_ {
            None => CallOptions::default(),
            Some(o) => options(Some(o), "options").py()?,
        };
        let date = extract_date(date, "date").py()?;
        let mut input = read_values(values, date)?;
        input.jurisdiction = opts.jurisdiction.clone();
        self.inner.evaluate(&input, &opts.options()).map(|inner| PyEvaluation { inner }).py()
    }

    #[pyo3(signature = (columns, date, **options_))]
    fn evaluate_batch(
        &self,
        py: Python<'_>,
        columns: &Bound<'_, PyAny>,
        date: &Bound<'_, PyAny>,
        options_: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<PyBatchResult> {
        let opts: CallOptions = options(options_, "options").py()?;
        let cols = read_columns(py, columns)?;
        let dates = read_dates(py, date)?;
        let batch = Batch {
            dates: dates.dates(),
            jurisdiction: opts.jurisdiction.as_deref(),
            columns: cols.columns(),
        };
        let out = py.detach(|| self.inner.evaluate_batch(&batch, &opts.batch_options())).py()?;
        Ok(PyBatchResult { inner: out })
    }

    fn __repr__(&self) -> String {
        let r = self.inner.rule();
        format!(
            "<zhengce.Evaluator '{}' ({}) under '{}'>",
            r.id,
            r.logic.kind(),
            self.inner.scenario().name()
        )
    }
}

/// A dict of input values as a core input, without a JSON round trip for the common types.
fn read_values(values: &Bound<'_, PyAny>, date: chrono::NaiveDate) -> PyResult<Input> {
    let mut input = Input::new(date);
    let dict = values
        .cast::<PyDict>()
        .map_err(|_| PyTypeError::new_err("values must be a dict of input name to value"))?;
    for (k, v) in dict.iter() {
        let name: String = k.extract().map_err(|_| PyTypeError::new_err("input names must be strings"))?;
        if v.is_none() {
            continue;
        }
        let value = if let Ok(s) = v.cast::<PyString>() {
            zhengce::rules::InputValue::Text(s.to_str()?.to_owned())
        } else {
            zhengce::rules::InputValue::from_json(&from_py(&v, &name).py()?)
        };
        input.values.push((name, value));
    }
    Ok(input)
}

/// The result of one evaluation.
#[pyclass(module = "zhengce._zhengce", name = "Evaluation", frozen)]
pub struct PyEvaluation {
    pub inner: Evaluation,
}

fn lang(code: &str) -> PyResult<Lang> {
    zhengce::value::from_json_value(&serde_json::Value::String(code.to_owned()), "lang").py()
}

#[pymethods]
impl PyEvaluation {
    #[getter]
    fn value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &self.inner.value)
    }

    #[getter]
    fn explanation<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &self.inner.explanation)
    }

    #[getter]
    fn amount(&self) -> Option<String> {
        self.inner.amount().map(|a| a.to_string())
    }

    #[getter]
    fn eligible(&self) -> Option<bool> {
        self.inner.eligible()
    }

    #[getter]
    fn compliant(&self) -> Option<bool> {
        self.inner.compliant()
    }

    #[getter]
    fn missing(&self) -> Vec<String> {
        self.inner.missing().into_iter().map(str::to_owned).collect()
    }

    fn to_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &self.inner)
    }

    #[pyo3(signature = (lang = "en"))]
    fn to_text(&self, lang: &str) -> PyResult<String> {
        Ok(self.inner.to_text(self::lang(lang)?))
    }

    fn __repr__(&self) -> String {
        format!("<zhengce.Evaluation {}>", self.inner.to_text(Lang::En).lines().next().unwrap_or_default())
    }
}

/// The result of a batch: one column per output.
#[pyclass(module = "zhengce._zhengce", name = "BatchResult", frozen)]
pub struct PyBatchResult {
    inner: BatchResult,
}

fn column<'a>(result: &'a BatchResult, name: &str) -> PyResult<&'a OutColumn> {
    match result.column(name) {
        Some(c) => Ok(c),
        None => {
            let names: Vec<&str> = result.columns.iter().map(|(n, _)| n.as_str()).collect();
            Err(Error::invalid_input(
                "name",
                format!("'{name}'"),
                format!("one of the result's columns {names:?}"),
            ))
            .py()
        }
    }
}

/// A column for Python: numpy int64 units (amounts) or int32 codes (labels) from raw
/// little-endian bytes, lists for nullable decimals and booleans.
fn column_to_py<'py>(py: Python<'py>, col: &OutColumn) -> PyResult<Bound<'py, PyAny>> {
    let np = py.import("numpy")?;
    match col {
        OutColumn::Int { values, .. } => {
            let bytes = PyBytes::new_with(py, values.len() * 8, |buf| {
                for (chunk, v) in buf.chunks_exact_mut(8).zip(values) {
                    chunk.copy_from_slice(&v.to_le_bytes());
                }
                Ok(())
            })?;
            np.call_method1("frombuffer", (bytes, "<i8"))
        }
        OutColumn::Codes { codes, .. } => {
            let bytes = PyBytes::new_with(py, codes.len() * 4, |buf| {
                for (chunk, v) in buf.chunks_exact_mut(4).zip(codes) {
                    chunk.copy_from_slice(&v.to_le_bytes());
                }
                Ok(())
            })?;
            np.call_method1("frombuffer", (bytes, "<i4"))
        }
        other => to_py(py, &other.to_json()),
    }
}

#[pymethods]
impl PyBatchResult {
    #[getter]
    fn rows(&self) -> usize {
        self.inner.rows
    }

    fn names(&self) -> Vec<String> {
        self.inner.columns.iter().map(|(n, _)| n.clone()).collect()
    }

    fn column<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        column_to_py(py, column(&self.inner, name)?)
    }

    fn __getitem__<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        self.column(py, name)
    }

    fn scale(&self, name: &str) -> PyResult<Option<u32>> {
        Ok(match column(&self.inner, name)? {
            OutColumn::Int { scale, .. } => Some(*scale),
            _ => None,
        })
    }

    fn labels(&self, name: &str) -> PyResult<Option<Vec<String>>> {
        Ok(match column(&self.inner, name)? {
            OutColumn::Codes { labels, .. } => Some(labels.clone()),
            _ => None,
        })
    }

    fn strings<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &column(&self.inner, name)?.to_json())
    }

    fn explanations(&self) -> Option<Vec<PyEvaluation>> {
        self.inner
            .explanations
            .as_ref()
            .map(|list| list.iter().map(|e| PyEvaluation { inner: e.clone() }).collect())
    }

    fn to_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &self.inner)
    }

    fn __len__(&self) -> usize {
        self.inner.rows
    }

    fn __repr__(&self) -> String {
        format!("<zhengce.BatchResult: {} rows, columns {:?}>", self.inner.rows, self.names())
    }
}

/// Two scenarios compared over a batch.
#[pyclass(module = "zhengce._zhengce", name = "Comparison", frozen)]
pub struct PyComparison {
    inner: Comparison,
}

#[pymethods]
impl PyComparison {
    #[getter]
    fn column(&self) -> &str {
        &self.inner.column
    }

    #[getter]
    fn baseline(&self) -> PyBatchResult {
        PyBatchResult { inner: self.inner.baseline.clone() }
    }

    #[getter]
    fn alternative(&self) -> PyBatchResult {
        PyBatchResult { inner: self.inner.alternative.clone() }
    }

    #[getter]
    fn difference<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        column_to_py(py, &self.inner.difference)
    }

    #[getter]
    fn totals<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &self.inner.totals)
    }

    fn to_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &self.inner)
    }

    fn __repr__(&self) -> String {
        let t = &self.inner.totals;
        format!(
            "<zhengce.Comparison of '{}' over {} rows: {} -> {} ({} changed)>",
            self.inner.column, t.rows, t.baseline, t.alternative, t.changed
        )
    }
}

/// Owned column data read from Python objects, for a [`Batch`].
#[derive(Default)]
struct Columns {
    json: OwnedColumns,
    typed: Vec<(String, Typed, Option<Validity>)>,
}

/// An Arrow validity bitmap and its bit offset.
type Validity = (Vec<u8>, usize);

enum Typed {
    Units(Vec<i64>),
    Int128(Vec<i128>, u32),
    Bytes(Vec<u8>),
    Codes(Vec<i32>, Vec<String>),
}

impl Columns {
    fn columns(&self) -> Vec<Column<'_>> {
        let mut out = self.json.columns();
        for (name, data, validity) in &self.typed {
            let data = match data {
                Typed::Units(v) => ColumnData::Units(v),
                Typed::Int128(v, scale) => ColumnData::Int128 { values: v, scale: *scale },
                Typed::Bytes(v) => ColumnData::Bytes(v),
                Typed::Codes(codes, labels) => ColumnData::Codes { codes, labels },
            };
            out.push(Column { name, data, validity: validity.as_ref().map(|(b, o)| (b.as_slice(), *o)) });
        }
        out
    }
}

fn type_name(obj: &Bound<'_, PyAny>) -> (String, String) {
    let ty = obj.get_type();
    (
        ty.module().map(|m| m.to_string()).unwrap_or_default(),
        ty.name().map(|n| n.to_string()).unwrap_or_default(),
    )
}

fn bytes_of(obj: &Bound<'_, PyAny>, py: Python<'_>) -> PyResult<Vec<u8>> {
    match PyBuffer::<u8>::get(obj) {
        Ok(buf) => buf.to_vec(py),
        // Arrow buffers export signed bytes ('b').
        Err(_) => Ok(PyBuffer::<i8>::get(obj)?.to_vec(py)?.into_iter().map(|b| b as u8).collect()),
    }
}

/// Reads a dict of column name to array (numpy, pyarrow, pandas, list).
fn read_columns(py: Python<'_>, columns: &Bound<'_, PyAny>) -> PyResult<Columns> {
    let dict = columns
        .cast::<PyDict>()
        .map_err(|_| PyTypeError::new_err("columns must be a dict of input name to array"))?;
    let mut out = Columns::default();
    let mut json = serde_json::Map::new();
    let np = py.import("numpy")?;
    for (k, v) in dict.iter() {
        let name: String = k.extract()?;
        let (module, ty) = type_name(&v);
        let mut v = v;
        if module.starts_with("pandas") {
            // A Categorical (codes + categories) stays encoded; anything else becomes numpy.
            let array = v.getattr("array")?;
            if array.hasattr("codes")? && array.hasattr("categories")? {
                let codes = np.call_method1("ascontiguousarray", (array.getattr("codes")?, "int32"))?;
                let labels: Vec<String> = array.getattr("categories")?.call_method0("tolist")?.extract()?;
                out.typed.push((name, Typed::Codes(PyBuffer::<i32>::get(&codes)?.to_vec(py)?, labels), None));
                continue;
            }
            v = v.call_method0("to_numpy")?;
        }
        let (module, ty) = if module.starts_with("pandas") { type_name(&v) } else { (module, ty) };
        if module.starts_with("pyarrow") {
            let arrow_type = v.getattr("type")?.str()?.to_string();
            let offset: usize = v.getattr("offset")?.extract()?;
            let len: usize = v.call_method0("__len__")?.extract()?;
            let buffers = v.call_method0("buffers")?;
            let validity = match buffers.get_item(0)? {
                b if b.is_none() => None,
                b => Some((bytes_of(&b, py)?, offset)),
            };
            if arrow_type == "int64" {
                let data = bytes_of(&buffers.get_item(1)?, py)?;
                let values = data[offset * 8..(offset + len) * 8]
                    .chunks_exact(8)
                    .map(|c| i64::from_le_bytes(c.try_into().unwrap_or_default()))
                    .collect();
                out.typed.push((name, Typed::Units(values), validity));
                continue;
            }
            if let Some(scale) = arrow_type
                .strip_prefix("decimal128(")
                .and_then(|r| r.trim_end_matches(')').split(", ").nth(1))
            {
                let scale: u32 = scale
                    .parse()
                    .map_err(|_| PyTypeError::new_err(format!("unreadable type {arrow_type}")))?;
                let data = bytes_of(&buffers.get_item(1)?, py)?;
                let values = data[offset * 16..(offset + len) * 16]
                    .chunks_exact(16)
                    .map(|c| i128::from_le_bytes(c.try_into().unwrap_or_default()))
                    .collect();
                out.typed.push((name, Typed::Int128(values, scale), validity));
                continue;
            }
            if arrow_type.starts_with("dictionary<") {
                let indices = v
                    .getattr("indices")?
                    .call_method1("cast", ("int32",))?
                    .call_method1("fill_null", (-1,))?;
                let codes =
                    np.call_method1("ascontiguousarray", (indices.call_method0("to_numpy")?, "int32"))?;
                let labels: Vec<String> = v.getattr("dictionary")?.call_method0("to_pylist")?.extract()?;
                out.typed.push((name, Typed::Codes(PyBuffer::<i32>::get(&codes)?.to_vec(py)?, labels), None));
                continue;
            }
            // Booleans, strings and the rest go through the JSON shape.
            json.insert(name.clone(), from_py(&v.call_method0("to_pylist")?, &name).py()?);
            continue;
        }
        if v.hasattr("__array_interface__")? && v.hasattr("dtype")? {
            let kind: String = v.getattr("dtype")?.getattr("kind")?.extract()?;
            match kind.as_str() {
                "i" | "u" => {
                    let arr = np.call_method1("ascontiguousarray", (&v, "int64"))?;
                    out.typed.push((name, Typed::Units(PyBuffer::<i64>::get(&arr)?.to_vec(py)?), None));
                }
                "b" => {
                    let arr = np.call_method1("ascontiguousarray", (&v, "uint8"))?;
                    out.typed.push((name, Typed::Bytes(PyBuffer::<u8>::get(&arr)?.to_vec(py)?), None));
                }
                "f" | "c" => {
                    return Err(Error::invalid_input(
                        name.as_str(),
                        format!("a {ty} of floats"),
                        "integers (fen for money), decimals or strings (never floats: they may have lost the fen)",
                    ))
                    .py();
                }
                _ => {
                    json.insert(name.clone(), from_py(&v.call_method0("tolist")?, &name).py()?);
                }
            }
            continue;
        }
        json.insert(name.clone(), from_py(&v, &name).py()?);
    }
    out.json = OwnedColumns::from_json(&serde_json::Value::Object(json)).py()?;
    Ok(out)
}

/// One date, or one per row (a list, a numpy `datetime64` array, a pyarrow date array).
fn read_dates(py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<OwnedDatesPy> {
    if date.is_instance_of::<PyList>() || date.is_instance_of::<PyTuple>() {
        let mut out = Vec::new();
        for (row, d) in date.try_iter()?.enumerate() {
            out.push(extract_date(&d?, "date").map_err(|e| e.at_row(row)).py()?);
        }
        return Ok(OwnedDatesPy::Each(out));
    }
    let (module, _) = type_name(date);
    if module.starts_with("pyarrow") || module.starts_with("pandas") || date.hasattr("__array_interface__")? {
        let np = py.import("numpy")?;
        let arr = if module.starts_with("pyarrow") {
            date.call_method0("to_numpy")?
        } else {
            np.call_method1("asarray", (date,))?
        };
        let days = np.call_method1(
            "ascontiguousarray",
            (arr.call_method1("astype", ("datetime64[D]",))?.call_method1("astype", ("int64",))?, "int32"),
        )?;
        return Ok(OwnedDatesPy::Days(PyBuffer::<i32>::get(&days)?.to_vec(py)?));
    }
    Ok(OwnedDatesPy::One(extract_date(date, "date").py()?))
}

enum OwnedDatesPy {
    One(chrono::NaiveDate),
    Each(Vec<chrono::NaiveDate>),
    Days(Vec<i32>),
}

impl OwnedDatesPy {
    fn dates(&self) -> Dates<'_> {
        match self {
            OwnedDatesPy::One(d) => Dates::One(*d),
            OwnedDatesPy::Each(v) => Dates::Each(v),
            OwnedDatesPy::Days(v) => Dates::EpochDays(v),
        }
    }
}
