//! The batch columns path of the binding: Python columns (numpy, Arrow through the PyCapsule
//! interface, pandas, polars, lists) read into core columns, and the core's batch driver run
//! without the GIL, every core writing its chunks straight into the numpy outputs.
//!
//! Integer columns are read without a Python object per row: a C-contiguous int64 numpy
//! array in place (a read-only borrow), other layouts through the buffer protocol, copied;
//! lists (and string arrays) go through the JSON shape. Errors per row (`errors="null"`),
//! chunking and the split across threads are the core's (`Evaluator::evaluate_batch_into`);
//! nothing here decides a row.

use arrow_buffer::ScalarBuffer;
use numpy::{
    PyArray1, PyArrayMethods, PyReadonlyArray1, PyReadwriteArray1, PyUntypedArray, PyUntypedArrayMethods,
};
use pyo3::buffer::PyBuffer;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};
use zhengce::Error;
use zhengce::rules::{
    Batch, CallOptions, Chunking, Column, ColumnData, Dates, Evaluator, OutBuffer, OutColumn, OwnedColumns,
};

use crate::convert::{extract_date, from_py};
use crate::error::IntoPy;
use crate::rules::{PyBatchResult, PyCol};

/// Rows per chunk: small enough that a chunk's working columns stay in cache, large enough
/// that the per-chunk cost (a task, a few allocations) vanishes.
const CHUNK: usize = 1 << 17;

/// Evaluates a batch through the core's driver without the GIL, every core writing its own
/// chunks straight into the numpy outputs (`Evaluator::evaluate_batch_into`).
///
/// numpy integer inputs are read in place (a read-only borrow of a C-contiguous int64 array,
/// as numpy's own ufuncs do once they release the GIL): an array another Python thread
/// writes during the call is not supported. Any other layout is copied first. With a
/// progress callback the rows go in groups, the callback reported under the GIL between
/// groups. The driver names rows of the whole batch (`Chunking::first_row`); nothing here
/// decides a row.
pub(crate) fn evaluate(
    py: Python<'_>,
    ev: &Evaluator,
    cols: &Columns,
    dates: &OwnedDatesPy,
    opts: &CallOptions,
    progress: Option<Bound<'_, PyAny>>,
    threads: Option<usize>,
) -> PyResult<PyBatchResult> {
    let owned = cols.owned();
    let units = cols.units_in_place(py)?;
    let mut lengths: Vec<(&str, usize)> = owned.iter().map(|c| (c.name, c.len())).collect();
    for ((name, _), values) in cols.units.iter().zip(&units) {
        lengths.push((name, values.slice().len()));
    }
    let rows = lengths.first().map(|(_, n)| *n).or(dates.len()).unwrap_or(0);
    // Groups are cut by row number and cutting clamps to each column's length: a shorter column
    // would be silently cut, so every length is checked first.
    for (name, n) in lengths.iter().copied().chain(dates.len().map(|n| ("date", n))) {
        if n != rows {
            let first = lengths.first().map_or("the dates", |(f, _)| f);
            return Err(Error::invalid_input(
                name,
                format!("{n} rows"),
                format!("{rows} rows, as many as '{first}'"),
            ))
            .py();
        }
    }
    let options = opts.options();
    let jurisdiction = opts.jurisdiction.as_deref();
    let mut columns = owned;
    columns.extend(
        cols.units.iter().zip(&units).map(|((n, _), v)| Column::new(n, ColumnData::Units(v.slice()))),
    );
    let batch = Batch { dates: dates.dates(), jurisdiction, columns };
    let progress = match progress {
        Some(p) => Some(py.import("zhengce._visual")?.getattr("Progress")?.call1((p, rows))?),
        None => None,
    };
    if rows <= CHUNK {
        // One chunk: the core's result as it is, its columns turned into numpy when asked for.
        let result = py.detach(|| ev.evaluate_batch(&batch, &options)).py()?;
        if let Some(p) = &progress {
            p.call1((rows,))?;
        }
        return Ok(PyBatchResult::from_core(result));
    }
    let threads = threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get));
    // The numpy outputs are made now and written without the GIL (no other thread can see them
    // before they are returned).
    let shape = ev.output_columns(jurisdiction).py()?;
    let mut ints: Vec<Bound<'_, PyArray1<i64>>> = Vec::new();
    let mut codes: Vec<Bound<'_, PyArray1<i32>>> = Vec::new();
    for (_, col) in &shape {
        match col {
            OutColumn::Int { .. } => ints.push(PyArray1::zeros(py, rows, false)),
            OutColumn::Codes { .. } => codes.push(PyArray1::zeros(py, rows, false)),
            _ => {}
        }
    }
    let mut rest: Vec<OutColumn> = Vec::new();
    let mut explanations: Vec<zhengce::rules::Evaluation> = Vec::new();
    let mut errors: Vec<zhengce::rules::RowError> = Vec::new();
    {
        let mut int_guards: Vec<PyReadwriteArray1<'_, i64>> = ints.iter().map(|a| a.readwrite()).collect();
        let mut code_guards: Vec<PyReadwriteArray1<'_, i32>> = codes.iter().map(|a| a.readwrite()).collect();
        let (mut i, mut c) = (int_guards.iter_mut(), code_guards.iter_mut());
        let contiguous = |e: numpy::AsSliceError| PyTypeError::new_err(e.to_string());
        let mut targets: Vec<(&str, Target<'_>)> = Vec::with_capacity(shape.len());
        for (name, col) in &shape {
            let target = match col {
                OutColumn::Int { .. } => {
                    Target::Int(i.next().expect("one per column").as_slice_mut().map_err(contiguous)?)
                }
                OutColumn::Codes { .. } => {
                    Target::Codes(c.next().expect("one per column").as_slice_mut().map_err(contiguous)?)
                }
                _ => continue,
            };
            targets.push((name, target));
        }
        // Without progress, one call; with it, groups of a few chunks per thread.
        let group = if progress.is_some() { CHUNK.saturating_mul(threads).saturating_mul(4) } else { rows };
        let mut start: usize = 0;
        while start < rows {
            let end = start.saturating_add(group).min(rows);
            let part = Batch {
                dates: dates.slice(start..end),
                jurisdiction,
                columns: batch.columns.iter().map(|c| c.slice(start..end)).collect(),
            };
            let mut into: Vec<(&str, OutBuffer<'_>)> = targets
                .iter_mut()
                .map(|(name, t)| {
                    let buffer = match t {
                        Target::Int(v) => OutBuffer::Int(&mut v[start..end]),
                        Target::Codes(v) => OutBuffer::Codes(&mut v[start..end]),
                    };
                    (*name, buffer)
                })
                .collect();
            let chunking = Chunking { rows: CHUNK, threads, first_row: start };
            // The core runs without the GIL: other Python threads (a Dask worker's) go on.
            let got = py.detach(|| ev.evaluate_batch_into(&part, &options, &chunking, &mut into)).py()?;
            let mut others = got
                .columns
                .into_iter()
                .map(|(_, c)| c)
                .filter(|c| !matches!(c, OutColumn::Int { .. } | OutColumn::Codes { .. }));
            if start == 0 {
                rest = others.collect();
            } else {
                for (into, more) in rest.iter_mut().zip(&mut others) {
                    append(into, more);
                }
            }
            explanations.extend(got.explanations.into_iter().flatten());
            errors.extend(got.errors.into_iter().flatten());
            // Progress chunk by chunk, reported when the group is back under the GIL.
            if let Some(p) = &progress {
                for at in (start..end).step_by(CHUNK) {
                    p.call1((CHUNK.min(end - at),))?;
                }
            }
            start = end;
        }
    }
    let (mut i, mut c, mut r) = (ints.into_iter(), codes.into_iter(), rest.into_iter());
    let columns = shape
        .into_iter()
        .map(|(name, col)| {
            let col = match col {
                OutColumn::Int { scale, .. } => PyCol::Array {
                    array: i.next().expect("one per column").into_any().unbind(),
                    scale: Some(scale),
                    labels: None,
                },
                OutColumn::Codes { labels, .. } => PyCol::Array {
                    array: c.next().expect("one per column").into_any().unbind(),
                    scale: None,
                    labels: Some(labels),
                },
                empty => PyCol::Core(r.next().unwrap_or(empty)),
            };
            (name, col)
        })
        .collect();
    let explanations = options.explain.then_some(explanations);
    let errors = (options.errors == zhengce::rules::ErrorMode::Null).then_some(errors);
    Ok(PyBatchResult { rows, columns, explanations, errors })
}

/// A numpy output array's rows, written in place.
enum Target<'a> {
    Int(&'a mut [i64]),
    Codes(&'a mut [i32]),
}

/// A numpy integer input: borrowed in place when it is a C-contiguous int64 vector, else copied.
pub(crate) enum UnitsIn<'py> {
    Borrowed(PyReadonlyArray1<'py, i64>),
    Copied(Vec<i64>),
}

impl UnitsIn<'_> {
    pub(crate) fn slice(&self) -> &[i64] {
        match self {
            UnitsIn::Borrowed(a) => a.as_slice().unwrap_or_default(),
            UnitsIn::Copied(v) => v,
        }
    }
}

fn append(into: &mut OutColumn, more: OutColumn) {
    match (into, more) {
        (OutColumn::Decimal { values }, OutColumn::Decimal { values: more }) => values.extend(more),
        (OutColumn::Bool { values }, OutColumn::Bool { values: more }) => values.extend(more),
        (OutColumn::Date { values }, OutColumn::Date { values: more }) => values.extend(more),
        (OutColumn::Int { values, .. }, OutColumn::Int { values: more, .. }) => values.extend(more),
        (OutColumn::Codes { codes, .. }, OutColumn::Codes { codes: more, .. }) => codes.extend(more),
        _ => {}
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
    /// The columns held in the module (JSON, Arrow, dictionary, boolean), whole.
    fn owned(&self) -> Vec<Column<'_>> {
        let mut out: Vec<Column<'_>> = self.json.columns();
        for (name, data, validity) in &self.typed {
            let data = match data {
                Typed::Units(v) => ColumnData::Units(v),
                Typed::Int128(v, scale) => ColumnData::Int128 { values: v, scale: *scale },
                Typed::Bytes(v) => ColumnData::Bytes(v),
                Typed::Codes(codes, labels) => ColumnData::Codes { codes, labels },
                Typed::Strings(v) => ColumnData::Strings(v),
                Typed::Dates(v) => ColumnData::Dates(v),
            };
            out.push(Column { name, data, validity: validity.as_ref().map(|(b, o)| (b.as_slice(), *o)) });
        }
        out
    }

    /// The numpy integer columns for one call, borrowed in place where their layout allows.
    fn units_in_place<'py>(&self, py: Python<'py>) -> PyResult<Vec<UnitsIn<'py>>> {
        let mut out = Vec::with_capacity(self.units.len());
        for (_, array) in &self.units {
            let array = array.bind(py);
            let borrowed = array
                .cast::<PyArray1<i64>>()
                .ok()
                .filter(|a| a.is_c_contiguous())
                .and_then(|a| a.try_readonly().ok());
            out.push(match borrowed {
                Some(a) => UnitsIn::Borrowed(a),
                None => UnitsIn::Copied(PyBuffer::<i64>::get(array)?.to_vec(py)?),
            });
        }
        Ok(out)
    }

    /// Every column for one call over the whole batch: numpy integer buffers are copied here,
    /// under the GIL, so the core never reads a buffer another thread may write.
    pub(crate) fn columns(&self, py: Python<'_>) -> PyResult<Vec<Column<'_>>> {
        let mut out = self.owned();
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
}

pub(crate) fn type_name(obj: &Bound<'_, PyAny>) -> (String, String) {
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
                out.json =
                    OwnedColumns::from_json_value(&serde_json::Value::Object(Default::default())).py()?;
                return Ok(out);
            }
            // A pandas DataFrame without pyarrow: read column by column as before.
            Err(_) if type_name(columns).0.starts_with("pandas") && columns.hasattr("items")? => {
                PyDict::from_sequence(&columns.call_method0("items")?)?
            }
            Err(err) => return Err(err),
            Ok(None) => {
                let (module, name) = type_name(columns);
                return Err(Error::invalid_input(
                    "columns",
                    format!("a {module}.{name}"),
                    "a dict of input name to array, or a table (pyarrow, polars, pandas, ...)",
                ))
                .py();
            }
        },
    };
    let mut json = serde_json::Map::new();
    for (k, v) in dict.iter() {
        let name: String = k.extract()?;
        // The common case first, without a lookup that fails (a failed `hasattr` builds an
        // exception): a plain numpy int64 vector, read in place later.
        if let Ok(ty) = NDARRAY.import(py, "numpy", "ndarray")
            && v.get_type().is(ty)
        {
            if v.cast::<PyArray1<i64>>().is_ok_and(|a| a.is_c_contiguous()) {
                out.units.push((name, v.unbind()));
                continue;
            }
            // A numpy str array: its UCS-4 items read in place rather than a str per row
            // (the values `tolist()` gives, as the general path below reads them).
            if let Ok(a) = v.cast::<PyUntypedArray>()
                && let Some(strings) = crate::raw::numpy_strings(a, &name)
            {
                out.typed.push((name, Typed::Strings(strings?), None));
                continue;
            }
        }
        if let Some(dict) = crate::arrow::small_dictionary(&v)? {
            out.typed.push((name, Typed::Codes(dict.0, dict.1), None));
            continue;
        }
        let np = py.import("numpy")?;
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
    out.json = OwnedColumns::from_json_value(&serde_json::Value::Object(json)).py()?;
    Ok(out)
}

static NDARRAY: pyo3::sync::PyOnceLock<Py<pyo3::types::PyType>> = pyo3::sync::PyOnceLock::new();

/// One date, or one per row (a list, a numpy `datetime64` array, a pyarrow date array).
pub(crate) fn read_dates(py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<OwnedDatesPy> {
    if date.is_instance_of::<pyo3::types::PyString>() {
        return Ok(OwnedDatesPy::One(extract_date(date, "date").py()?));
    }
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

    /// Rows `r` (one date stays one date).
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
