//! `zhengce.Evaluator`, `zhengce.Evaluation`, `zhengce.BatchResult`, `zhengce.Comparison`:
//! rules in a context, single and batch evaluation.
//!
//! Batch columns are read without per-element Python objects where the data allows: numpy
//! integer and boolean arrays and pyarrow int64/decimal128/boolean/dictionary arrays through
//! the buffer protocol; lists (and string arrays) go through the JSON shape.

use arrow_buffer::ScalarBuffer;
use pyo3::buffer::PyBuffer;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PySlice, PyString, PyTuple};
use zhengce::Error;
use zhengce::rules::{
    Batch, BatchResult, CallOptions, Column, ColumnData, Comparison, Dates, Evaluation, Evaluator, Input,
    Lang, OutColumn, OwnedColumns,
};

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
    fn new(context: &PyContext, rule: &str) -> PyResult<PyEvaluator> {
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
        let (options_, null_errors) = take_errors(options_)?;
        let opts: CallOptions = options(options_.as_ref(), "options").py()?;
        let cols = read_columns(py, columns)?;
        let dates = read_dates(py, date)?;
        if null_errors {
            return evaluate_null_errors(py, &self.inner, &cols, &dates, &opts);
        }
        let units = match cols.units.first() {
            Some((_, array)) => Some(array.bind(py).len()?),
            None => None,
        };
        let rows = cols.sliced(0..usize::MAX).first().map(Column::len).or(units).or(dates.len()).unwrap_or(0);
        let progress = match progress {
            Some(p) => Some(py.import("zhengce._visual")?.getattr("Progress")?.call1((p, rows))?),
            None => None,
        };
        evaluate_chunked(py, &self.inner, &cols, &dates, &opts, progress.as_ref())
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

/// Splits the binding's own `errors=` option off the core's options: `"raise"` (the default:
/// the first bad row fails the batch) or `"null"` (a bad row gives nulls and its error).
fn take_errors<'py>(options_: Option<Bound<'py, PyDict>>) -> PyResult<(Option<Bound<'py, PyDict>>, bool)> {
    let Some(o) = options_ else { return Ok((None, false)) };
    let Some(mode) = o.get_item("errors")? else { return Ok((Some(o), false)) };
    o.del_item("errors")?;
    let mode: String = mode.extract().unwrap_or_default();
    match mode.as_str() {
        "raise" => Ok((Some(o), false)),
        "null" => Ok((Some(o), true)),
        _ => Err(Error::invalid_input("errors", format!("'{mode}'"), "'raise' or 'null'")).py(),
    }
}

/// A batch with `errors="null"`: where a row fails, the rows before it are evaluated, the row
/// gets nulls and its error's code and message, and evaluation goes on after it.
fn evaluate_null_errors(
    py: Python<'_>,
    ev: &Evaluator,
    cols: &Columns,
    dates: &OwnedDatesPy,
    opts: &CallOptions,
) -> PyResult<PyBatchResult> {
    let all = cols.columns(py)?;
    let rows = all.first().map(Column::len).or(dates.len()).unwrap_or(0);
    let options = opts.options();
    let run = |range: std::ops::Range<usize>| {
        let columns: Vec<Column<'_>> = all.iter().map(|c| slice(*c, &range)).collect();
        let batch = Batch {
            dates: dates.slice_any(range.clone()),
            jurisdiction: opts.jurisdiction.as_deref(),
            columns,
        };
        py.detach(|| ev.evaluate_batch(&batch, &options))
    };
    let mut pieces: Vec<BatchResult> = Vec::new();
    let mut errors: Vec<Option<(String, String)>> = Vec::with_capacity(rows);
    let mut failed: Vec<usize> = Vec::new();
    let mut start = 0;
    while start < rows || (rows == 0 && pieces.is_empty()) {
        match run(start..rows) {
            Ok(result) => {
                errors.extend(std::iter::repeat_n(None, result.rows));
                pieces.push(result);
                break;
            }
            Err(err) => {
                let Some(row) = err.details()["row"].as_u64().map(|r| r as usize) else {
                    return Err(err).py();
                };
                if row > 0 {
                    // The rows before the bad one (they may hold an earlier error in another column).
                    let head = evaluate_null_errors_range(&run, start, start + row)?;
                    errors.extend(head.1);
                    pieces.extend(head.0);
                }
                let message = err.to_string();
                errors.push(Some((err.code().to_owned(), message)));
                failed.push(pieces.len());
                pieces.push(BatchResult { rows: 0, columns: Vec::new(), explanations: None });
                start += row + 1;
            }
        }
    }
    Ok(PyBatchResult::from_core(concat_with_nulls(pieces, &failed)?)).map(|mut r| {
        r.errors = Some(errors);
        r.rows = rows;
        r
    })
}

type Piece = (Vec<BatchResult>, Vec<Option<(String, String)>>);

/// Rows `a..b` with nulls for bad rows (an error's row may be reported out of order).
fn evaluate_null_errors_range(
    run: &dyn Fn(std::ops::Range<usize>) -> Result<BatchResult, Error>,
    a: usize,
    b: usize,
) -> PyResult<Piece> {
    let mut pieces = Vec::new();
    let mut errors = Vec::new();
    let mut start = a;
    while start < b {
        match run(start..b) {
            Ok(result) => {
                errors.extend(std::iter::repeat_n(None, result.rows));
                pieces.push(result);
                break;
            }
            Err(err) => {
                let Some(row) = err.details()["row"].as_u64().map(|r| r as usize) else {
                    return Err(err).py();
                };
                if row > 0 {
                    let head = evaluate_null_errors_range(run, start, start + row)?;
                    errors.extend(head.1);
                    pieces.extend(head.0);
                }
                errors.push(Some((err.code().to_owned(), err.to_string())));
                pieces.push(BatchResult { rows: 1, columns: Vec::new(), explanations: None });
                start += row + 1;
            }
        }
    }
    Ok((pieces, errors))
}

/// The pieces of a batch joined; an empty piece with `rows: 1` (or listed in `failed`) is a bad
/// row: nulls (0 in an amount column, whose numpy form has no null; the Arrow form is null).
fn concat_with_nulls(pieces: Vec<BatchResult>, failed: &[usize]) -> PyResult<BatchResult> {
    let template: Vec<(String, OutColumn)> = pieces
        .iter()
        .find(|p| !p.columns.is_empty())
        .map(|p| p.columns.iter().map(|(n, c)| (n.clone(), empty_like(c))).collect())
        .unwrap_or_default();
    let mut columns = template;
    let mut explanations: Option<Vec<Evaluation>> = None;
    let mut rows = 0;
    for (i, piece) in pieces.into_iter().enumerate() {
        let bad = piece.columns.is_empty() && (failed.contains(&i) || piece.rows == 1);
        if bad {
            for (_, c) in &mut columns {
                push_null(c);
            }
            rows += 1;
            continue;
        }
        rows += piece.rows;
        for ((_, into), (_, from)) in columns.iter_mut().zip(piece.columns) {
            append(into, from);
        }
        if let Some(more) = piece.explanations {
            explanations.get_or_insert_with(Vec::new).extend(more);
        }
    }
    Ok(BatchResult { rows, columns, explanations })
}

fn empty_like(c: &OutColumn) -> OutColumn {
    match c {
        OutColumn::Int { scale, .. } => OutColumn::Int { values: Vec::new(), scale: *scale },
        OutColumn::Decimal { .. } => OutColumn::Decimal { values: Vec::new() },
        OutColumn::Bool { .. } => OutColumn::Bool { values: Vec::new() },
        OutColumn::Codes { labels, .. } => OutColumn::Codes { codes: Vec::new(), labels: labels.clone() },
        OutColumn::Date { .. } => OutColumn::Date { values: Vec::new() },
    }
}

fn push_null(c: &mut OutColumn) {
    match c {
        OutColumn::Int { values, .. } => values.push(0),
        OutColumn::Decimal { values } => values.push(None),
        OutColumn::Bool { values } => values.push(None),
        OutColumn::Codes { codes, .. } => codes.push(-1),
        OutColumn::Date { values } => values.push(None),
    }
}

fn append(into: &mut OutColumn, from: OutColumn) {
    match (into, from) {
        (OutColumn::Int { values, .. }, OutColumn::Int { values: more, .. }) => values.extend(more),
        (OutColumn::Decimal { values }, OutColumn::Decimal { values: more }) => values.extend(more),
        (OutColumn::Bool { values }, OutColumn::Bool { values: more }) => values.extend(more),
        (OutColumn::Codes { codes, labels }, OutColumn::Codes { codes: more, labels: their }) => {
            // Labels are the rule's outputs, the same in every piece; map by name to be safe.
            for c in more {
                let label = usize::try_from(c).ok().and_then(|i| their.get(i));
                let code = match label {
                    Some(l) => match labels.iter().position(|x| x == l) {
                        Some(at) => at as i32,
                        None => {
                            labels.push(l.clone());
                            labels.len() as i32 - 1
                        }
                    },
                    None => -1,
                };
                codes.push(code);
            }
        }
        (OutColumn::Date { values }, OutColumn::Date { values: more }) => values.extend(more),
        _ => {}
    }
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
    let dict = values
        .cast::<PyDict>()
        .map_err(|_| PyTypeError::new_err("values must be a dict of input name to value"))?;
    for (k, v) in dict.iter() {
        let name: String = k.extract().map_err(|_| PyTypeError::new_err("input names must be strings"))?;
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

    fn to_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &self.inner)
    }

    #[pyo3(signature = (lang = "en"))]
    fn to_text(&self, lang: &str) -> PyResult<String> {
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
    rows: usize,
    columns: Vec<(String, PyCol)>,
    explanations: Option<Vec<Evaluation>>,
    /// With `errors="null"`: per row, the error's code and message (`None` for a row that
    /// evaluated). Explanations then hold one entry per row without an error.
    errors: Option<Vec<Option<(String, String)>>>,
}

/// A result column: a numpy array filled chunk by chunk (amounts, codes), or a core column.
enum PyCol {
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
    fn from_core(result: BatchResult) -> PyBatchResult {
        PyBatchResult {
            errors: None,
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
        Ok(BatchResult { rows: self.rows, columns, explanations: self.explanations.clone() })
    }
}

/// A column for Python: numpy int64 units (amounts) or int32 codes (labels), lists for
/// nullable decimals and booleans.
fn column_to_py<'py>(py: Python<'py>, col: &OutColumn) -> PyResult<Bound<'py, PyAny>> {
    let np = py.import("numpy")?;
    match col {
        OutColumn::Int { values, .. } => {
            let array = np.call_method1("empty", (values.len(), "<i8"))?;
            PyBuffer::<i64>::get(&array)?.copy_from_slice(py, values)?;
            Ok(array)
        }
        OutColumn::Codes { codes, .. } => {
            let array = np.call_method1("empty", (codes.len(), "<i4"))?;
            PyBuffer::<i32>::get(&array)?.copy_from_slice(py, codes)?;
            Ok(array)
        }
        OutColumn::Date { values } => {
            // numpy's NaT is i64::MIN days.
            let days: Vec<i64> = values
                .iter()
                .map(|d| d.map_or(i64::MIN, |d| i64::from(zhengce::calendar::day_number(d))))
                .collect();
            let array = np.call_method1("empty", (days.len(), "<i8"))?;
            PyBuffer::<i64>::get(&array)?.copy_from_slice(py, &days)?;
            array.call_method1("view", ("datetime64[D]",))
        }
        other => to_py(py, &other.to_json()),
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

    fn column<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        match self.col(name)? {
            PyCol::Array { array, .. } => Ok(array.bind(py).clone()),
            PyCol::Core(c) => column_to_py(py, c),
        }
    }

    fn __getitem__<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        self.column(py, name)
    }

    fn scale(&self, name: &str) -> PyResult<Option<u32>> {
        Ok(match self.col(name)? {
            PyCol::Array { scale, .. } => *scale,
            PyCol::Core(OutColumn::Int { scale, .. }) => Some(*scale),
            PyCol::Core(_) => None,
        })
    }

    fn labels(&self, name: &str) -> PyResult<Option<Vec<String>>> {
        Ok(match self.col(name)? {
            PyCol::Array { labels, .. } => labels.clone(),
            PyCol::Core(OutColumn::Codes { labels, .. }) => Some(labels.clone()),
            PyCol::Core(_) => None,
        })
    }

    fn strings<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.col(name)?.out(py)?.to_json())
    }

    fn explanations(&self) -> Option<Vec<PyEvaluation>> {
        self.explanations
            .as_ref()
            .map(|list| list.iter().map(|e| PyEvaluation { inner: e.clone() }).collect())
    }

    fn to_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &self.core(py)?)
    }

    fn table(&self, py: Python<'_>) -> PyResult<crate::table::PyTable> {
        crate::table::batch_table(&self.core(py)?, self.errors.as_deref())
    }

    fn errors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let list: Vec<serde_json::Value> = self
            .errors
            .iter()
            .flatten()
            .enumerate()
            .filter_map(|(row, e)| {
                e.as_ref().map(|(code, message)| serde_json::json!({"row": row, "code": code, "message": message}))
            })
            .collect();
        to_py(py, &serde_json::Value::Array(list))
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

/// Rows per chunk of a streamed batch: small enough to stay in cache and to reuse the same
/// allocations, so a large batch never faults in full-size buffers twice.
const CHUNK: usize = 1 << 17;

/// Evaluates a batch chunk by chunk, writing amount and code columns straight into numpy
/// arrays.
fn evaluate_chunked(
    py: Python<'_>,
    ev: &Evaluator,
    cols: &Columns,
    dates: &OwnedDatesPy,
    opts: &CallOptions,
    progress: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyBatchResult> {
    let first_units = match cols.units.first() {
        Some((_, array)) => Some(array.bind(py).len()?),
        None => None,
    };
    let whole = cols.sliced(0..usize::MAX);
    let rows = whole.first().map(Column::len).or(first_units).or(dates.len()).unwrap_or(0);
    // Chunks are cut by row number, and cutting clamps to each column's length: a shorter
    // column would be silently truncated, so every length is checked first.
    let first =
        whole.first().map(|c| c.name.to_owned()).or_else(|| cols.units.first().map(|(n, _)| n.clone()));
    let mismatch = |name: &str, n: usize| {
        let first = first.as_deref().unwrap_or("the dates");
        crate::error::to_py_err(Error::invalid_input(
            name,
            format!("{n} rows"),
            format!("{rows} rows, as many as '{first}'"),
        ))
    };
    for c in &whole {
        if c.len() != rows {
            return Err(mismatch(c.name, c.len()));
        }
    }
    for (name, array) in &cols.units {
        let n = array.bind(py).len()?;
        if n != rows {
            return Err(mismatch(name, n));
        }
    }
    if let Some(n) = dates.len().filter(|&n| n != rows) {
        return Err(mismatch("date", n));
    }
    drop(whole);
    if rows <= CHUNK {
        let batch = Batch {
            dates: dates.dates(),
            jurisdiction: opts.jurisdiction.as_deref(),
            columns: cols.columns(py)?,
        };
        let options = opts.options();
        // The core call runs without the GIL: other Python threads (a Dask worker's) go on.
        let result = py.detach(|| ev.evaluate_batch(&batch, &options)).py()?;
        if let Some(p) = progress {
            p.call1((rows,))?;
        }
        return Ok(PyBatchResult::from_core(result));
    }
    let np = py.import("numpy")?;
    let mut out: Vec<(String, PyCol)> = Vec::new();
    let mut explanations: Option<Vec<Evaluation>> = None;
    let mut chunk_units: Vec<Vec<i64>> = cols.units.iter().map(|_| Vec::with_capacity(CHUNK)).collect();
    let mut start = 0;
    while start < rows {
        let end = (start + CHUNK).min(rows);
        let range = PySlice::new(py, start as isize, end as isize, 1);
        for ((_, array), chunk) in cols.units.iter().zip(chunk_units.iter_mut()) {
            chunk.resize(end - start, 0);
            PyBuffer::<i64>::get(&array.bind(py).get_item(&range)?)?.copy_to_slice(py, chunk)?;
        }
        let mut columns: Vec<Column<'_>> = cols.sliced(start..end);
        columns.extend(
            cols.units.iter().zip(&chunk_units).map(|((n, _), v)| Column::new(n, ColumnData::Units(v))),
        );
        let batch =
            Batch { dates: dates.slice(start..end), jurisdiction: opts.jurisdiction.as_deref(), columns };
        let options = opts.options();
        let result = py.detach(|| ev.evaluate_batch(&batch, &options)).map_err(|e| shift(e, start)).py()?;
        if let Some(p) = progress {
            p.call1((end - start,))?;
        }
        if out.is_empty() {
            for (name, col) in &result.columns {
                let col = match col {
                    OutColumn::Int { scale, .. } => PyCol::Array {
                        array: np.call_method1("empty", (rows, "<i8"))?.unbind(),
                        scale: Some(*scale),
                        labels: None,
                    },
                    OutColumn::Codes { labels, .. } => PyCol::Array {
                        array: np.call_method1("empty", (rows, "<i4"))?.unbind(),
                        scale: None,
                        labels: Some(labels.clone()),
                    },
                    OutColumn::Decimal { .. } => {
                        PyCol::Core(OutColumn::Decimal { values: Vec::with_capacity(rows) })
                    }
                    OutColumn::Bool { .. } => {
                        PyCol::Core(OutColumn::Bool { values: Vec::with_capacity(rows) })
                    }
                    OutColumn::Date { .. } => {
                        PyCol::Core(OutColumn::Date { values: Vec::with_capacity(rows) })
                    }
                };
                out.push((name.clone(), col));
            }
        }
        for ((_, target), (_, col)) in out.iter_mut().zip(result.columns) {
            match (target, col) {
                (PyCol::Array { array, .. }, OutColumn::Int { values, .. }) => {
                    PyBuffer::<i64>::get(&array.bind(py).get_item(&range)?)?.copy_from_slice(py, &values)?;
                }
                (PyCol::Array { array, .. }, OutColumn::Codes { codes, .. }) => {
                    PyBuffer::<i32>::get(&array.bind(py).get_item(&range)?)?.copy_from_slice(py, &codes)?;
                }
                (PyCol::Core(OutColumn::Decimal { values }), OutColumn::Decimal { values: more }) => {
                    values.extend(more)
                }
                (PyCol::Core(OutColumn::Bool { values }), OutColumn::Bool { values: more }) => {
                    values.extend(more)
                }
                (PyCol::Core(OutColumn::Date { values }), OutColumn::Date { values: more }) => {
                    values.extend(more)
                }
                _ => {}
            }
        }
        if let Some(more) = result.explanations {
            explanations.get_or_insert_with(Vec::new).extend(more);
        }
        start = end;
    }
    Ok(PyBatchResult { rows, columns: out, explanations, errors: None })
}

/// An error of a chunk starting at row `start`, with the batch's row.
fn shift(err: Error, start: usize) -> Error {
    match err.details()["row"].as_u64() {
        Some(row) => err.at_row(start + row as usize),
        None => err,
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
}

/// Column data read from Python objects, for a [`Batch`]: integer columns stay in their
/// Python buffers (read chunk by chunk), the rest is owned.
#[derive(Default)]
pub(crate) struct Columns {
    json: OwnedColumns,
    typed: Vec<(String, Typed, Option<Validity>)>,
    units: Vec<(String, Py<PyAny>)>,
    /// The units columns copied out, for calls that take the whole batch at once.
    copied: std::sync::OnceLock<Vec<Vec<i64>>>,
}

/// An Arrow validity bitmap and its bit offset.
type Validity = (Vec<u8>, usize);

enum Typed {
    Units(ScalarBuffer<i64>),
    Int128(ScalarBuffer<i128>, u32),
    Bytes(Vec<u8>),
    Codes(ScalarBuffer<i32>, Vec<String>),
    Strings(Vec<String>),
    Dates(Vec<chrono::NaiveDate>),
}

impl Columns {
    /// Every column for one call over the whole batch (integer buffers copied once).
    pub(crate) fn columns(&self, py: Python<'_>) -> PyResult<Vec<Column<'_>>> {
        let mut out = self.sliced(0..usize::MAX);
        if self.copied.get().is_none() {
            let mut copies = Vec::with_capacity(self.units.len());
            for (_, array) in &self.units {
                copies.push(PyBuffer::<i64>::get(array.bind(py))?.to_vec(py)?);
            }
            let _ = self.copied.set(copies);
        }
        let copies = self.copied.get().map(Vec::as_slice).unwrap_or_default();
        out.extend(self.units.iter().zip(copies).map(|((n, _), v)| Column::new(n, ColumnData::Units(v))));
        Ok(out)
    }

    /// The owned columns, rows `range` (clamped).
    fn sliced(&self, range: std::ops::Range<usize>) -> Vec<Column<'_>> {
        let mut out: Vec<Column<'_>> = self.json.columns().into_iter().map(|c| slice(c, &range)).collect();
        for (name, data, validity) in &self.typed {
            let data = match data {
                Typed::Units(v) => ColumnData::Units(v),
                Typed::Int128(v, scale) => ColumnData::Int128 { values: v, scale: *scale },
                Typed::Bytes(v) => ColumnData::Bytes(v),
                Typed::Codes(codes, labels) => ColumnData::Codes { codes, labels },
                Typed::Strings(v) => ColumnData::Strings(v),
                Typed::Dates(v) => ColumnData::Dates(v),
            };
            let col = Column { name, data, validity: validity.as_ref().map(|(b, o)| (b.as_slice(), *o)) };
            out.push(slice(col, &range));
        }
        out
    }
}

/// Rows `range` of a column (clamped to its length).
fn slice<'a>(c: Column<'a>, range: &std::ops::Range<usize>) -> Column<'a> {
    let n = c.len();
    let r = range.start.min(n)..range.end.min(n);
    let data = match c.data {
        ColumnData::Int { values, scale } => ColumnData::Int { values: &values[r.clone()], scale },
        ColumnData::Int128 { values, scale } => ColumnData::Int128 { values: &values[r.clone()], scale },
        ColumnData::Decimal(v) => ColumnData::Decimal(&v[r.clone()]),
        ColumnData::Bool(v) => ColumnData::Bool(&v[r.clone()]),
        ColumnData::Bytes(v) => ColumnData::Bytes(&v[r.clone()]),
        ColumnData::Text(v) => ColumnData::Text(&v[r.clone()]),
        ColumnData::Strings(v) => ColumnData::Strings(&v[r.clone()]),
        ColumnData::Codes { codes, labels } => ColumnData::Codes { codes: &codes[r.clone()], labels },
        ColumnData::Units(v) => ColumnData::Units(&v[r.clone()]),
        ColumnData::Dates(v) => ColumnData::Dates(&v[r.clone()]),
    };
    Column { name: c.name, data, validity: c.validity.map(|(b, o)| (b, o + r.start)) }
}

fn type_name(obj: &Bound<'_, PyAny>) -> (String, String) {
    let ty = obj.get_type();
    (
        ty.module().map(|m| m.to_string()).unwrap_or_default(),
        ty.name().map(|n| n.to_string()).unwrap_or_default(),
    )
}

/// Adds an Arrow column to the batch's columns.
fn push_arrow(out: &mut Columns, name: String, array: &arrow_array::ArrayRef) -> PyResult<()> {
    use crate::arrow::RuleColumn;
    let (column, validity) = crate::arrow::rule_column(array, &name)?;
    let typed = match column {
        RuleColumn::Units(v) => Typed::Units(v),
        RuleColumn::Int128(v, scale) => Typed::Int128(v, scale),
        RuleColumn::Bytes(v) => Typed::Bytes(v),
        RuleColumn::Codes(codes, labels) => Typed::Codes(codes, labels),
        RuleColumn::Strings(v) => Typed::Strings(v),
        RuleColumn::Dates(v) => Typed::Dates(v),
    };
    out.typed.push((name, typed, validity));
    Ok(())
}

/// Reads a dict of column name to array (numpy, pyarrow, pandas, list).
pub(crate) fn read_columns(py: Python<'_>, columns: &Bound<'_, PyAny>) -> PyResult<Columns> {
    let mut out = Columns::default();
    let dict = match columns.cast::<PyDict>() {
        Ok(dict) => dict.clone(),
        Err(_) => match crate::arrow::table_like(columns, "columns") {
            // A table (pyarrow, polars, pandas, DuckDB...): its columns by name.
            Ok(Some(table)) => {
                for (name, array) in table {
                    push_arrow(&mut out, name, &array)?;
                }
                out.json = OwnedColumns::from_json(&serde_json::Value::Object(Default::default())).py()?;
                return Ok(out);
            }
            // A pandas DataFrame without pyarrow: read column by column as before.
            Err(_) if type_name(columns).0.starts_with("pandas") && columns.hasattr("items")? => {
                PyDict::from_sequence(&columns.call_method0("items")?)?
            }
            Err(err) => return Err(err),
            Ok(None) => {
                return Err(PyTypeError::new_err(
                    "columns must be a dict of input name to array, or a table (pyarrow, polars, pandas, ...)",
                ));
            }
        },
    };
    let mut json = serde_json::Map::new();
    let np = py.import("numpy")?;
    for (k, v) in dict.iter() {
        let name: String = k.extract()?;
        let (module, ty) = type_name(&v);
        let mut v = v;
        if module.starts_with("pandas") && crate::arrow::is_arrow(&v) {
            // Through Arrow when pyarrow can export it (dates, decimals, strings without a
            // Python object per row); otherwise numpy, as below.
            if let Ok(array) = crate::arrow::read_array(&v, &name) {
                push_arrow(&mut out, name, &array)?;
                continue;
            }
        }
        if module.starts_with("pandas") {
            // A Categorical (codes + categories) stays encoded; anything else becomes numpy.
            let array = v.getattr("array")?;
            if array.hasattr("codes")? && array.hasattr("categories")? {
                let codes = np.call_method1("ascontiguousarray", (array.getattr("codes")?, "int32"))?;
                let labels: Vec<String> = array.getattr("categories")?.call_method0("tolist")?.extract()?;
                out.typed.push((
                    name,
                    Typed::Codes(PyBuffer::<i32>::get(&codes)?.to_vec(py)?.into(), labels),
                    None,
                ));
                continue;
            }
            v = v.call_method0("to_numpy")?;
        }
        let ty = if module.starts_with("pandas") { type_name(&v).1 } else { ty };
        if crate::arrow::is_arrow(&v) {
            push_arrow(&mut out, name, &crate::arrow::read_array(&v, &k.str()?.to_string())?)?;
            continue;
        }
        if v.hasattr("__array_interface__")? && v.hasattr("dtype")? {
            let kind: String = v.getattr("dtype")?.getattr("kind")?.extract()?;
            match kind.as_str() {
                "i" | "u" => {
                    let arr = np.call_method1("ascontiguousarray", (&v, "int64"))?;
                    out.units.push((name, arr.unbind()));
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
pub(crate) fn read_dates(py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<OwnedDatesPy> {
    if date.is_instance_of::<PyList>() || date.is_instance_of::<PyTuple>() {
        let mut out = Vec::new();
        for (row, d) in date.try_iter()?.enumerate() {
            out.push(extract_date(&d?, "date").map_err(|e| e.at_row(row)).py()?);
        }
        return Ok(OwnedDatesPy::Each(out));
    }
    let (module, _) = type_name(date);
    if crate::arrow::is_arrow(date) {
        match crate::arrow::read_array(date, "date") {
            Ok(array) => return Ok(OwnedDatesPy::Days(crate::arrow::days_no_nulls(&array, "date")?)),
            Err(err) if !module.starts_with("pandas") => return Err(err),
            Err(_) => {} // pandas without pyarrow: numpy below
        }
    }
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

pub(crate) enum OwnedDatesPy {
    One(chrono::NaiveDate),
    Each(Vec<chrono::NaiveDate>),
    Days(Vec<i32>),
}

impl OwnedDatesPy {
    fn len(&self) -> Option<usize> {
        match self {
            OwnedDatesPy::One(_) => None,
            OwnedDatesPy::Each(v) => Some(v.len()),
            OwnedDatesPy::Days(v) => Some(v.len()),
        }
    }

    /// Rows `r` for one call (any length; one date stays one date).
    fn slice_any(&self, r: std::ops::Range<usize>) -> Dates<'_> {
        self.slice(r)
    }

    fn slice(&self, r: std::ops::Range<usize>) -> Dates<'_> {
        match self {
            OwnedDatesPy::One(d) => Dates::One(*d),
            OwnedDatesPy::Each(v) => Dates::Each(&v[r]),
            OwnedDatesPy::Days(v) => Dates::EpochDays(&v[r]),
        }
    }

    pub(crate) fn dates(&self) -> Dates<'_> {
        match self {
            OwnedDatesPy::One(d) => Dates::One(*d),
            OwnedDatesPy::Each(v) => Dates::Each(v),
            OwnedDatesPy::Days(v) => Dates::EpochDays(v),
        }
    }
}
