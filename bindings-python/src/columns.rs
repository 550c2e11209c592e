//! The batch columns path of the binding: Python columns (numpy, Arrow through the PyCapsule
//! interface, pandas, polars, lists) read into core columns, the core's batch driver run
//! without the GIL, and its chunks copied into numpy arrays as they come.
//!
//! Integer columns are read through the buffer protocol without a Python object per row, and
//! copied once before the GIL is released; lists (and string arrays) go through the JSON shape.
//! Errors per row (`errors="null"`), chunking and the split across threads are the core's
//! (`Evaluator::evaluate_batch_chunked`); nothing here decides a row.

use arrow_buffer::ScalarBuffer;
use numpy::{PyArray1, PyArrayMethods, PyReadwriteArray1};
use pyo3::buffer::PyBuffer;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PySlice, PyTuple};
use zhengce::Error;
use zhengce::rules::{
    Batch, CallOptions, Chunking, Column, ColumnData, Dates, Evaluator, OutColumn, OwnedColumns,
};

use crate::convert::{extract_date, from_py};
use crate::error::IntoPy;
use crate::rules::{PyBatchResult, PyCol};

/// Rows per chunk: small enough that a chunk's outputs stay in cache before they are copied
/// into numpy, large enough that the per-chunk cost (a GIL round trip, a progress call) vanishes.
const CHUNK: usize = 1 << 17;

/// Evaluates a batch through the core's driver, fed in groups of one chunk per thread: under
/// the GIL each group's numpy rows are copied into the module (cache-sized, never a buffer
/// another thread may write while the GIL is released), then the driver runs the group's
/// chunks on the threads without the GIL, then the chunks are copied into numpy and progress
/// is reported. The driver names rows of the whole batch (`Chunking::first_row`); nothing
/// here decides a row.
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
    let mut lengths: Vec<(&str, usize)> = owned.iter().map(|c| (c.name, c.len())).collect();
    for (name, array) in &cols.units {
        lengths.push((name, array.bind(py).len()?));
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
    let progress = match progress {
        Some(p) => Some(py.import("zhengce._visual")?.getattr("Progress")?.call1((p, rows))?),
        None => None,
    };
    let threads = threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get));
    let mut buffers: Vec<Vec<i64>> = cols.units.iter().map(|_| Vec::new()).collect();
    // Rows `range` of the numpy columns, copied under the GIL into reused buffers.
    let units = |py: Python<'_>,
                 range: std::ops::Range<usize>,
                 mut copies: Vec<Vec<i64>>|
     -> PyResult<Vec<Vec<i64>>> {
        for ((_, array), buffer) in cols.units.iter().zip(copies.iter_mut()) {
            buffer.resize(range.len(), 0);
            let rows =
                array.bind(py).get_item(PySlice::new(py, range.start as isize, range.end as isize, 1))?;
            PyBuffer::<i64>::get(&rows)?.copy_to_slice(py, buffer)?;
        }
        Ok(copies)
    };
    let jurisdiction = opts.jurisdiction.as_deref();
    if rows <= CHUNK {
        // One chunk: the core's result as it is, its columns turned into numpy when asked for.
        let copies = units(py, 0..rows, buffers)?;
        let batch = batch_of(&owned, &cols.units, &copies, dates, jurisdiction, 0..rows);
        let result = py.detach(|| ev.evaluate_batch(&batch, &options)).py()?;
        if let Some(p) = &progress {
            p.call1((rows,))?;
        }
        return Ok(PyBatchResult::from_core(result));
    }
    // The outputs' names and kinds, from a batch of no rows; the numpy outputs are made now and
    // written without the GIL (no other thread can see them before they are returned).
    buffers = units(py, 0..0, buffers)?;
    let shape = ev
        .evaluate_batch(&batch_of(&owned, &cols.units, &buffers, dates, jurisdiction, 0..0), &options)
        .py()?;
    let mut ints: Vec<Bound<'_, PyArray1<i64>>> = Vec::new();
    let mut codes: Vec<Bound<'_, PyArray1<i32>>> = Vec::new();
    let mut parts: Vec<Vec<(usize, OutColumn)>> = Vec::new();
    for (_, col) in &shape.columns {
        match col {
            OutColumn::Int { .. } => ints.push(PyArray1::zeros(py, rows, false)),
            OutColumn::Codes { .. } => codes.push(PyArray1::zeros(py, rows, false)),
            _ => parts.push(Vec::new()),
        }
    }
    let mut explanations: Vec<(usize, Vec<zhengce::rules::Evaluation>)> = Vec::new();
    let mut errors: Vec<zhengce::rules::RowError> = Vec::new();
    {
        let mut int_guards: Vec<PyReadwriteArray1<'_, i64>> = ints.iter().map(|a| a.readwrite()).collect();
        let mut code_guards: Vec<PyReadwriteArray1<'_, i32>> = codes.iter().map(|a| a.readwrite()).collect();
        let (mut i, mut c, mut p) = (int_guards.iter_mut(), code_guards.iter_mut(), parts.iter_mut());
        let contiguous = |e: numpy::AsSliceError| PyTypeError::new_err(e.to_string());
        let mut targets: Vec<Target<'_>> = Vec::with_capacity(shape.columns.len());
        for (_, col) in &shape.columns {
            targets.push(match col {
                OutColumn::Int { .. } => {
                    Target::Int(i.next().expect("one per column").as_slice_mut().map_err(contiguous)?)
                }
                OutColumn::Codes { .. } => {
                    Target::Codes(c.next().expect("one per column").as_slice_mut().map_err(contiguous)?)
                }
                _ => Target::Parts(p.next().expect("one per column")),
            });
        }
        // Groups of several chunks per thread: the numpy rows of a group are copied under the
        // GIL, then its chunks run on the threads while this thread writes the finished ones out.
        let group = CHUNK.saturating_mul(threads).saturating_mul(4);
        let mut start: usize = 0;
        let mut done: Vec<usize> = Vec::new();
        while start < rows {
            let end = start.saturating_add(group).min(rows);
            let copies = units(py, start..end, std::mem::take(&mut buffers))?;
            let batch = batch_of(&owned, &cols.units, &copies, dates, jurisdiction, start..end);
            let chunking = Chunking { rows: CHUNK, threads, first_row: start };
            // The core runs without the GIL: other Python threads (a Dask worker's) go on.
            py.detach(|| {
                ev.evaluate_batch_chunked(&batch, &options, &chunking, |at, chunk| {
                    for (target, (_, col)) in targets.iter_mut().zip(chunk.columns) {
                        target.write(at, col);
                    }
                    if let Some(e) = chunk.explanations {
                        explanations.push((at, e));
                    }
                    errors.extend(chunk.errors.into_iter().flatten());
                    done.push(chunk.rows);
                    Ok::<(), Error>(())
                })
            })
            .py()?;
            drop(batch);
            buffers = copies;
            // Progress chunk by chunk, reported when the group is back under the GIL.
            for n in done.drain(..) {
                if let Some(p) = &progress {
                    p.call1((n,))?;
                }
            }
            start = end;
        }
    }
    // Chunks may finish out of order on several threads: put them back in row order.
    let (mut i, mut c, mut p) = (ints.into_iter(), codes.into_iter(), parts.into_iter());
    let columns = shape
        .columns
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
                mut empty => {
                    let mut pieces = p.next().expect("one per column");
                    pieces.sort_by_key(|(at, _)| *at);
                    for (_, more) in pieces {
                        append(&mut empty, more);
                    }
                    PyCol::Core(empty)
                }
            };
            (name, col)
        })
        .collect();
    explanations.sort_by_key(|(at, _)| *at);
    let explanations = options.explain.then(|| explanations.into_iter().flat_map(|(_, e)| e).collect());
    errors.sort_by_key(|e| e.row);
    let errors = (options.errors == zhengce::rules::ErrorMode::Null).then_some(errors);
    Ok(PyBatchResult { rows, columns, explanations, errors })
}

/// Rows `range` of a batch: the owned columns cut, the numpy columns' rows copied in `copies`.
fn batch_of<'a>(
    owned: &[Column<'a>],
    units: &'a [(String, Py<PyAny>)],
    copies: &'a [Vec<i64>],
    dates: &'a OwnedDatesPy,
    jurisdiction: Option<&'a str>,
    range: std::ops::Range<usize>,
) -> Batch<'a> {
    let mut columns: Vec<Column<'a>> = owned.iter().map(|c| c.slice(range.clone())).collect();
    columns.extend(units.iter().zip(copies).map(|((n, _), v)| Column::new(n, ColumnData::Units(v))));
    Batch { dates: dates.slice(range), jurisdiction, columns }
}

/// Where a chunk's output column goes: into its rows of a numpy array, or kept by first row.
enum Target<'a> {
    Int(&'a mut [i64]),
    Codes(&'a mut [i32]),
    Parts(&'a mut Vec<(usize, OutColumn)>),
}

impl Target<'_> {
    fn write(&mut self, at: usize, col: OutColumn) {
        match (self, col) {
            (Target::Int(into), OutColumn::Int { values, .. }) => {
                into[at..at + values.len()].copy_from_slice(&values)
            }
            (Target::Codes(into), OutColumn::Codes { codes, .. }) => {
                into[at..at + codes.len()].copy_from_slice(&codes)
            }
            (Target::Parts(parts), col) => parts.push((at, col)),
            // The chunks of one batch have the columns of its empty batch (the core's contract).
            _ => {}
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
    out.json = OwnedColumns::from_json_value(&serde_json::Value::Object(json)).py()?;
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
