//! `zhengce.Evaluator`, `zhengce.Evaluation`, `zhengce.BatchResult`, `zhengce.Comparison`:
//! rules in a context, single and batch evaluation.
//!
//! Batch columns are read without per-element Python objects where the data allows: numpy
//! integer and boolean arrays and pyarrow int64/decimal128/boolean/dictionary arrays through
//! the buffer protocol; lists (and string arrays) go through the JSON shape.

use pyo3::buffer::PyBuffer;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use zhengce::Error;
use zhengce::rules::{
    BatchResult, CallOptions, Comparison, Evaluation, Evaluator, Input, Lang, OutColumn, RowError,
};

use crate::columns::{read_columns, read_dates, type_name};
use crate::context::PyContext;
use crate::convert::{extract_date, from_py, options, serialize, to_py};
use crate::error::IntoPy;

/// One rule compiled in a context.
#[pyclass(module = "zhengce._zhengce", name = "Evaluator", frozen)]
pub struct PyEvaluator {
    pub inner: Evaluator,
}

crate::guarded! {
#[pymethods]
impl PyEvaluator {
    #[new]
    fn new(context: &Bound<'_, PyAny>, rule: &Bound<'_, PyAny>) -> PyResult<PyEvaluator> {
        let context = crate::convert::class_arg::<PyContext>(context, "context")?;
        let context = &*context;
        let rule = crate::convert::str_arg(rule, "rule")?;
        let rule = rule.as_str();
        Evaluator::new(&context.inner, rule).map(|inner| PyEvaluator { inner }).py()
    }

    fn rule<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, self.inner.rule())
    }

    fn context(&self) -> PyContext {
        PyContext { inner: self.inner.context().clone() }
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
        let (options_, progress) = take_progress(py, options_)?;
        let (options_, threads) = take_threads(options_)?;
        let opts: CallOptions = options(options_.as_ref(), "options").py()?;
        let cols = read_columns(py, columns)?;
        let dates = read_dates(py, date)?;
        crate::columns::evaluate(py, &self.inner, &cols, &dates, &opts, progress, threads)
    }

    #[pyo3(signature = (date, jurisdiction = None))]
    fn at(
        &self,
        date: &Bound<'_, PyAny>,
        jurisdiction: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<crate::prepared::PyDatedEvaluator> {
        let date = extract_date(date, "date").py()?;
        let jurisdiction = crate::convert::opt_str_arg(jurisdiction, "jurisdiction")?;
        let inner = self.inner.at(date, jurisdiction.as_deref()).py()?;
        Ok(crate::prepared::PyDatedEvaluator::new(inner))
    }

    fn __reduce__(&self, py: Python<'_>) -> PyResult<(Py<PyAny>, (String, String, String))> {
        let state = serde_json::json!({"context": crate::state::context(self.inner.context()),
            "rule": self.inner.rule().id});
        crate::state::reduce(py, "Evaluator", state)
    }

    fn __repr__(&self) -> String {
        let r = self.inner.rule();
        format!(
            "<zhengce.Evaluator '{}' ({}) under '{}'>",
            r.id,
            r.logic.kind(),
            self.inner.context().scenario_name()
        )
    }
}
}

/// Splits the binding's own `threads=` option off the core's options: the threads a batch's
/// chunks run on (default: every core; 1: the calling thread alone). Results do not depend on it.
fn take_threads<'py>(
    options_: Option<Bound<'py, PyDict>>,
) -> PyResult<(Option<Bound<'py, PyDict>>, Option<usize>)> {
    let Some(o) = options_ else { return Ok((None, None)) };
    let Some(n) = o.get_item("threads")? else { return Ok((Some(o), None)) };
    o.del_item("threads")?;
    if n.is_none() {
        return Ok((Some(o), None));
    }
    let n = crate::convert::extract_int(&n, "threads", 1, 1024).py()?;
    Ok((Some(o), Some(n as usize)))
}

/// Splits the binding's own `progress=` option off the core's options.
type OptionsAndProgress<'py> = (Option<Bound<'py, PyDict>>, Option<Bound<'py, PyAny>>);

fn take_progress<'py>(
    py: Python<'py>,
    options_: Option<&Bound<'py, PyDict>>,
) -> PyResult<OptionsAndProgress<'py>> {
    let Some(o) = options_ else { return Ok((None, None)) };
    let o = o.copy()?;
    let progress = o.get_item("progress")?;
    if progress.is_some() {
        o.del_item("progress")?;
    }
    let progress = progress.filter(|p| !p.is_none() && !p.is(pyo3::types::PyBool::new(py, false)));
    Ok((Some(o), progress))
}

/// A dict of input values as a core input, without a JSON round trip for the common types.
fn read_values(values: &Bound<'_, PyAny>, date: chrono::NaiveDate) -> PyResult<Input> {
    let mut input = Input::new(date);
    let dict = values.cast::<PyDict>().map_err(|_| {
        let (module, name) = type_name(values);
        crate::error::to_py_err(Error::invalid_input(
            "values",
            format!("a {module}.{name}"),
            "a dict of input name to value",
        ))
    })?;
    for (k, v) in dict.iter() {
        let name = match k.cast::<PyString>() {
            Ok(s) => crate::convert::text(s, "values").py()?,
            Err(_) => {
                return Err(Error::invalid_input("values", format!("a key {k}"), "str input names")).py();
            }
        };
        if v.is_none() {
            continue;
        }
        // Strings, Decimals and (exact, not bool) ints go straight to the value they become through JSON (text,
        // text, decimal), without building a JSON value first: this is most of a call's cost.
        let value = if let Ok(s) = v.cast::<PyString>() {
            zhengce::rules::InputValue::Text(s.to_str()?.to_owned())
        } else if crate::convert::is_decimal(&v) {
            zhengce::rules::InputValue::Text(v.str()?.to_str()?.to_owned())
        } else if let Some(i) =
            v.cast_exact::<pyo3::types::PyInt>().ok().and_then(|i| i.extract::<i64>().ok())
        {
            zhengce::rules::InputValue::Decimal(i.into())
        } else {
            zhengce::rules::InputValue::from_json_value(&from_py(&v, &name).py()?)
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
    zhengce::error::from_json_value(&serde_json::Value::String(code.to_owned()), "lang").py()
}

crate::guarded! {
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

    fn to_json_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &self.inner)
    }

    #[pyo3(signature = (lang = None), text_signature = "(self, lang='en')")]
    fn to_text(&self, lang: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
        let lang = crate::convert::opt_str_arg(lang, "lang")?;
        let lang = lang.as_deref().unwrap_or("en");
        Ok(self.inner.to_text(self::lang(lang)?))
    }

    fn _repr_html_<'py>(slf: Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py().import("zhengce._visual")?.getattr("evaluation_html")?.call1((slf,))
    }

    fn __repr__(&self) -> String {
        format!("<zhengce.Evaluation {}>", self.inner.to_text(Lang::En).lines().next().unwrap_or_default())
    }
}
}

/// The result of a batch: one column per output.
#[pyclass(module = "zhengce._zhengce", name = "BatchResult", frozen)]
pub struct PyBatchResult {
    pub(crate) rows: usize,
    pub(crate) columns: Vec<(String, PyCol)>,
    pub(crate) explanations: Option<Vec<Evaluation>>,
    /// With `errors="null"`: the rows that failed, with their error's code and message.
    /// Explanations then hold one entry per row without an error.
    pub(crate) errors: Option<Vec<RowError>>,
}

/// A result column: a numpy array filled chunk by chunk (amounts, codes), or a core column.
pub(crate) enum PyCol {
    Array { array: Py<PyAny>, scale: Option<u32>, labels: Option<Vec<String>> },
    Core(OutColumn),
}

impl PyCol {
    /// The column as a core column (reading a numpy array back).
    fn out(&self, py: Python<'_>) -> PyResult<OutColumn> {
        Ok(match self {
            PyCol::Core(c) => c.clone(),
            PyCol::Array { array, scale: Some(scale), .. } => {
                OutColumn::Int { values: PyBuffer::<i64>::get(array.bind(py))?.to_vec(py)?, scale: *scale }
            }
            PyCol::Array { array, labels, .. } => OutColumn::Codes {
                codes: PyBuffer::<i32>::get(array.bind(py))?.to_vec(py)?,
                labels: labels.clone().unwrap_or_default(),
            },
        })
    }
}

impl PyBatchResult {
    pub(crate) fn from_core(result: BatchResult) -> PyBatchResult {
        PyBatchResult {
            errors: result.errors,
            rows: result.rows,
            columns: result.columns.into_iter().map(|(n, c)| (n, PyCol::Core(c))).collect(),
            explanations: result.explanations,
        }
    }

    fn col(&self, name: &str) -> PyResult<&PyCol> {
        match self.columns.iter().find(|(n, _)| n == name) {
            Some((_, c)) => Ok(c),
            None => {
                let names: Vec<&str> = self.columns.iter().map(|(n, _)| n.as_str()).collect();
                Err(Error::invalid_input(
                    "name",
                    format!("'{name}'"),
                    format!("one of the result's columns {names:?}"),
                ))
                .py()
            }
        }
    }

    fn core(&self, py: Python<'_>) -> PyResult<BatchResult> {
        let mut columns = Vec::with_capacity(self.columns.len());
        for (n, c) in &self.columns {
            columns.push((n.clone(), c.out(py)?));
        }
        Ok(BatchResult {
            rows: self.rows,
            columns,
            explanations: self.explanations.clone(),
            errors: self.errors.clone(),
        })
    }
}

/// A column for Python: numpy int64 units (amounts) or int32 codes (labels), lists for
/// nullable decimals and booleans.
fn column_to_py<'py>(py: Python<'py>, col: &OutColumn) -> PyResult<Bound<'py, PyAny>> {
    // Straight through numpy's C API: no module lookup on a call that may be one row.
    match col {
        OutColumn::Int { values, .. } => Ok(numpy::PyArray1::from_slice(py, values).into_any()),
        OutColumn::Codes { codes, .. } => Ok(numpy::PyArray1::from_slice(py, codes).into_any()),
        OutColumn::Date { values } => {
            let np = py.import("numpy")?;
            // numpy's NaT is i64::MIN days.
            let days: Vec<i64> = values
                .iter()
                .map(|d| d.map_or(i64::MIN, |d| i64::from(zhengce::calendar::day_number(d))))
                .collect();
            let array = np.call_method1("empty", (days.len(), "<i8"))?;
            PyBuffer::<i64>::get(&array)?.copy_from_slice(py, &days)?;
            array.call_method1("view", ("datetime64[D]",))
        }
        other => to_py(py, &other.to_json_value()),
    }
}

crate::guarded! {
#[pymethods]
impl PyBatchResult {
    #[getter]
    fn rows(&self) -> usize {
        self.rows
    }

    fn names(&self) -> Vec<String> {
        self.columns.iter().map(|(n, _)| n.clone()).collect()
    }

    fn column<'py>(&self, py: Python<'py>, name: &Bound<'_, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let name = crate::convert::str_arg(name, "name")?;
        let name = name.as_str();
        match self.col(name)? {
            PyCol::Array { array, .. } => Ok(array.bind(py).clone()),
            PyCol::Core(c) => column_to_py(py, c),
        }
    }

    fn __getitem__<'py>(&self, py: Python<'py>, name: &Bound<'_, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        self.column(py, name)
    }

    fn scale(&self, name: &Bound<'_, PyAny>) -> PyResult<Option<u32>> {
        let name = crate::convert::str_arg(name, "name")?;
        let name = name.as_str();
        Ok(match self.col(name)? {
            PyCol::Array { scale, .. } => *scale,
            PyCol::Core(OutColumn::Int { scale, .. }) => Some(*scale),
            PyCol::Core(_) => None,
        })
    }

    fn labels(&self, name: &Bound<'_, PyAny>) -> PyResult<Option<Vec<String>>> {
        let name = crate::convert::str_arg(name, "name")?;
        let name = name.as_str();
        Ok(match self.col(name)? {
            PyCol::Array { labels, .. } => labels.clone(),
            PyCol::Core(OutColumn::Codes { labels, .. }) => Some(labels.clone()),
            PyCol::Core(_) => None,
        })
    }

    fn strings<'py>(&self, py: Python<'py>, name: &Bound<'_, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let name = crate::convert::str_arg(name, "name")?;
        let name = name.as_str();
        to_py(py, &self.col(name)?.out(py)?.to_json_value())
    }

    fn explanations(&self) -> Option<Vec<PyEvaluation>> {
        self.explanations
            .as_ref()
            .map(|list| list.iter().map(|e| PyEvaluation { inner: e.clone() }).collect())
    }

    fn to_json_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &self.core(py)?)
    }

    fn table(&self, py: Python<'_>) -> PyResult<crate::table::PyTable> {
        let core = self.core(py)?;
        let errors: Option<Vec<Option<(String, String)>>> = self.errors.as_ref().map(|_| {
            core.row_errors().into_iter().map(|e| e.map(|e| (e.code.clone(), e.message.clone()))).collect()
        });
        crate::table::batch_table(&core, errors.as_deref())
    }

    fn errors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &self.errors.as_deref().unwrap_or_default())
    }

    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, pyo3::types::PyCapsule>>,
    ) -> PyResult<Bound<'py, pyo3::types::PyCapsule>> {
        crate::table::PyTable::stream(py, &self.table(py)?.batch, requested_schema)
    }

    fn to_arrow<'py>(slf: Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        crate::table::convert(slf.into_any(), "to_arrow")
    }

    fn to_pandas<'py>(slf: Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        crate::table::convert(slf.into_any(), "to_pandas")
    }

    fn to_polars<'py>(slf: Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        crate::table::convert(slf.into_any(), "to_polars")
    }

    fn _repr_html_<'py>(slf: Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        crate::table::convert(slf.into_any(), "table_html")
    }

    fn __len__(&self) -> usize {
        self.rows
    }

    fn __repr__(&self) -> String {
        format!("<zhengce.BatchResult: {} rows, columns {:?}>", self.rows, self.names())
    }
}
}

/// Two scenarios compared over a batch.
#[pyclass(module = "zhengce._zhengce", name = "Comparison", frozen)]
pub struct PyComparison {
    pub inner: Comparison,
}

crate::guarded! {
#[pymethods]
impl PyComparison {
    #[getter]
    fn column(&self) -> &str {
        &self.inner.column
    }

    #[getter]
    fn baseline(&self) -> PyBatchResult {
        PyBatchResult::from_core(self.inner.baseline.clone())
    }

    #[getter]
    fn alternative(&self) -> PyBatchResult {
        PyBatchResult::from_core(self.inner.alternative.clone())
    }

    #[getter]
    fn difference<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        column_to_py(py, &self.inner.difference)
    }

    #[getter]
    fn totals<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &self.inner.totals)
    }

    fn to_json_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
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
}
