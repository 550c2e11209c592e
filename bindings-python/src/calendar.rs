//! `zhengce.Calendars` and `zhengce.Calendar`: working-day calendars (a context's
//! `calendar(jurisdiction)`), single calls on `datetime.date` and batch calls on numpy / Arrow
//! columns. The deadline of a service promise is `Context.deadline`.
//!
//! Batch columns cross as day numbers (days since 1970-01-01, the storage of numpy
//! `datetime64[D]` and Arrow `date32`): a C-contiguous numpy column is read in place, other
//! layouts are copied once, and never a Python object per element.

use std::sync::Arc;

use numpy::{PyArray1, PyArrayMethods, PyReadonlyArray1, PyUntypedArrayMethods};
use pyo3::buffer::PyBuffer;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use zhengce::Error;
use zhengce::calendar::{Calendar, CalendarOptions, Calendars, Counts, DeadlineOptions, TimeUnit};

use crate::convert::{extract_date, from_py, options, serialize};
use crate::error::IntoPy;

/// The set of calendar data layers (national calendar and regional overlays).
#[pyclass(module = "zhengce._zhengce", name = "Calendars", frozen)]
pub struct PyCalendars {
    pub inner: Arc<Calendars>,
}

/// A working-day calendar compiled for one jurisdiction.
#[pyclass(module = "zhengce._zhengce", name = "Calendar", frozen)]
pub struct PyCalendar {
    pub inner: Arc<Calendar>,
    /// What it was compiled from, for pickling.
    made_from: (Arc<Calendars>, Arc<zhengce::Catalogue>),
}

impl PyCalendar {
    pub(crate) fn new(
        inner: Calendar,
        calendars: Arc<Calendars>,
        catalogue: Arc<zhengce::Catalogue>,
    ) -> PyCalendar {
        PyCalendar { inner: Arc::new(inner), made_from: (calendars, catalogue) }
    }
}

/// A date argument (see [`extract_date`]: an exact `datetime.date` takes one `toordinal()` call).
fn date_arg(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<chrono::NaiveDate> {
    extract_date(obj, field).py()
}

/// A `datetime.date` result.
fn py_date(py: Python<'_>, date: PyResult<chrono::NaiveDate>) -> PyResult<Bound<'_, PyAny>> {
    Ok(date?.into_pyobject(py)?.into_any())
}

fn opts(kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<CalendarOptions> {
    options(kwargs, "options").py()
}

crate::guarded! {
#[pymethods]
impl PyCalendars {
    #[staticmethod]
    fn builtin() -> PyCalendars {
        PyCalendars { inner: Arc::new(Calendars::builtin()) }
    }

    #[staticmethod]
    fn empty() -> PyCalendars {
        PyCalendars { inner: Arc::new(Calendars::empty()) }
    }

    #[staticmethod]
    fn schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        crate::convert::to_py(py, &zhengce::calendar::json_schema())
    }

    fn layered(&self, overlay: &Bound<'_, PyAny>) -> PyResult<PyCalendars> {
        let result = match overlay.cast::<PyString>() {
            Ok(text) => self.inner.layered(&crate::convert::text(text, "overlay").py()?),
            Err(_) => self.inner.layered_json_value(&from_py(overlay, "overlay").py()?),
        };
        result.map(|c| PyCalendars { inner: Arc::new(c) }).py()
    }

    fn as_known_on(&self, date: &Bound<'_, PyAny>) -> PyResult<PyCalendars> {
        let date = date_arg(date, "date")?;
        Ok(PyCalendars { inner: Arc::new(self.inner.as_known_on(date)) })
    }

    fn layered_notice(&self, text: &Bound<'_, PyAny>) -> PyResult<PyCalendars> {
        let text = crate::convert::str_arg(text, "text")?;
        let text = text.as_str();
        self.inner.layered_notice(text).map(|c| PyCalendars { inner: Arc::new(c) }).py()
    }

    #[staticmethod]
    fn statutory_days<'py>(py: Python<'py>, year: &Bound<'_, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let year = crate::convert::int_arg(year, "year", i64::from(i32::MIN), i64::from(i32::MAX))? as i32;
        serialize(py, &zhengce::calendar::statutory_days(year).py()?)
    }

    #[staticmethod]
    fn parse_notice<'py>(py: Python<'py>, text: &Bound<'_, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let text = crate::convert::str_arg(text, "text")?;
        let text = text.as_str();
        serialize(py, &zhengce::calendar::parse_notice(text).py()?)
    }

    fn layers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, self.inner.layers())
    }

    fn layer<'py>(&self, py: Python<'py>, id: &Bound<'_, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let id = crate::convert::str_arg(id, "id")?;
        let id = id.as_str();
        serialize(py, self.inner.layer(id).py()?)
    }

    fn __reduce__(&self, py: Python<'_>) -> PyResult<(Py<PyAny>, (String, String, String))> {
        let state = serde_json::json!({"calendars": crate::state::calendars(&self.inner)});
        crate::state::reduce(py, "Calendars", state)
    }

    fn __repr__(&self) -> String {
        let ids: Vec<&str> = self.inner.layers().iter().map(|l| l.id.as_str()).collect();
        format!("<zhengce.Calendars: {}>", ids.join(", "))
    }
}
}

/// A column of day numbers read from numpy `datetime64[D]` / integer arrays, Arrow `date32`
/// arrays, or a sequence of dates. A C-contiguous numpy `datetime64[D]`, int64 or int32 array
/// is borrowed in place: copying a million days costs more than the calendar's own work (the
/// copy's fresh pages fault one by one).
enum Column<'py> {
    I32(Vec<i32>),
    I64(Vec<i64>),
    BorrowedI32(PyReadonlyArray1<'py, i32>),
    BorrowedI64(PyReadonlyArray1<'py, i64>),
}

/// The day numbers of a [`Column`], as the core's batch calls take them.
#[derive(Clone, Copy)]
enum Days<'a> {
    I32(&'a [i32]),
    I64(&'a [i64]),
}

impl Column<'_> {
    fn days(&self) -> Days<'_> {
        match self {
            Column::I32(v) => Days::I32(v),
            Column::I64(v) => Days::I64(v),
            // Borrowed only when contiguous (checked in `column`), so the slice is there.
            Column::BorrowedI32(a) => Days::I32(a.as_slice().unwrap_or_default()),
            Column::BorrowedI64(a) => Days::I64(a.as_slice().unwrap_or_default()),
        }
    }

    fn into_i64(self) -> Vec<i64> {
        match self {
            Column::I64(v) => v,
            Column::I32(v) => v.into_iter().map(i64::from).collect(),
            Column::BorrowedI32(a) => {
                a.as_slice().unwrap_or_default().iter().map(|&d| i64::from(d)).collect()
            }
            Column::BorrowedI64(a) => a.as_slice().unwrap_or_default().to_vec(),
        }
    }
}

impl Days<'_> {
    fn len(self) -> usize {
        match self {
            Days::I32(v) => v.len(),
            Days::I64(v) => v.len(),
        }
    }
}

fn invalid(field: &str, obj: &Bound<'_, PyAny>, expected: &str) -> PyErr {
    let shown = obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "a value".into());
    Err::<(), _>(Error::invalid_input(field, shown, expected)).py().unwrap_err()
}

const COLUMN: &str = "a numpy datetime64[D] or integer array, an Arrow date32 array, or a sequence of dates";

fn column<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>, field: &str) -> PyResult<Column<'py>> {
    let module = obj.get_type().module().map(|m| m.to_string()).unwrap_or_default();
    if crate::arrow::is_arrow(obj) {
        // pyarrow (chunked or not), polars, pandas (through pyarrow), DuckDB...: date32,
        // timestamps at midnight, ISO strings.
        match crate::arrow::read_array(obj, field) {
            Ok(array) => return Ok(Column::I32(crate::arrow::days_no_nulls(&array, field)?)),
            Err(err) if !module.starts_with("pandas") => return Err(err),
            Err(_) => {} // pandas without pyarrow: numpy below
        }
    }
    let mut obj = obj.clone();
    if module.starts_with("pandas") {
        obj = obj.call_method0("to_numpy")?;
    }
    if module.starts_with("pyarrow") {
        if obj.hasattr("combine_chunks")? {
            obj = obj.call_method0("combine_chunks")?;
        }
        if obj.getattr("null_count")?.extract::<usize>()? > 0 {
            return Err(invalid(field, &obj, "a column without nulls"));
        }
        let ty = obj.getattr("type")?.str()?.to_string();
        if ty != "date32[day]" {
            return Err(invalid(field, &obj, COLUMN));
        }
        let int32 = py.import("pyarrow")?.getattr("int32")?.call0()?;
        obj = obj.call_method1("view", (int32,))?.call_method0("to_numpy")?;
    } else if !obj.hasattr("dtype")? {
        // A sequence of dates or ISO strings, read one by one as a single call reads them:
        // numpy's own parser would take 'today', '2024' and 'NaT' for dates.
        let mut days = Vec::new();
        for (i, item) in obj.try_iter().map_err(|_| invalid(field, &obj, COLUMN))?.enumerate() {
            let date = extract_date(&item?, &format!("{field}[{i}]")).py()?;
            days.push(i64::from(zhengce::calendar::day_number(date)));
        }
        return Ok(Column::I64(days));
    }
    let dtype = obj.getattr("dtype")?;
    let kind: String = dtype.getattr("kind")?.extract()?;
    if kind == "M" {
        if !dtype.getattr("str")?.extract::<String>()?.ends_with("[D]") {
            // datetime64 in another unit (pandas' [ns]): whole days only, never truncated.
            let days = obj.call_method1("astype", ("datetime64[D]",))?;
            let same: bool = days.call_method1("__eq__", (&obj,))?.call_method0("all")?.extract()?;
            if !same {
                return Err(invalid(field, &obj, "whole days (datetime64 values at midnight)"));
            }
            obj = days;
        }
        obj = obj.call_method1("view", ("int64",))?;
    } else if kind != "i" {
        return Err(invalid(field, &obj, COLUMN));
    }
    // A borrow fails only when the array is being written elsewhere: then it is copied.
    if let Ok(a) = obj.cast::<PyArray1<i64>>()
        && a.is_c_contiguous()
        && let Ok(a) = a.try_readonly()
    {
        return Ok(Column::BorrowedI64(a));
    }
    if let Ok(a) = obj.cast::<PyArray1<i32>>()
        && a.is_c_contiguous()
        && let Ok(a) = a.try_readonly()
    {
        return Ok(Column::BorrowedI32(a));
    }
    if let Ok(buf) = PyBuffer::<i64>::get(&obj) {
        return Ok(Column::I64(buf.to_vec(py)?));
    }
    if let Ok(buf) = PyBuffer::<i32>::get(&obj) {
        return Ok(Column::I32(buf.to_vec(py)?));
    }
    Err(invalid(field, &obj, COLUMN))
}

/// The counts of a batch: one Python int for every row, or an integer array of one per row.
/// Every count must fit in 32 bits; nothing is wrapped (2^32 + 1 is not 1), and floats
/// (NaN, 2.5) and booleans are refused. A C-contiguous int32 array is borrowed in place.
enum CountsIn<'py> {
    One(i32),
    Borrowed(PyReadonlyArray1<'py, i32>),
    Copied(Vec<i32>),
}

impl CountsIn<'_> {
    fn counts(&self) -> Counts<'_> {
        match self {
            CountsIn::One(k) => Counts::One(*k),
            CountsIn::Borrowed(a) => Counts::Each(a.as_slice().unwrap_or_default()),
            CountsIn::Copied(v) => Counts::Each(v),
        }
    }
}

fn counts<'py>(py: Python<'py>, n: &Bound<'py, PyAny>) -> PyResult<CountsIn<'py>> {
    let range = "a whole number from -2147483648 to 2147483647";
    if n.is_instance_of::<pyo3::types::PyBool>() {
        return Err(invalid("n", n, range));
    }
    if n.is_instance_of::<pyo3::types::PyInt>() {
        return n
            .extract::<i32>()
            .map(CountsIn::One)
            .map_err(|_| crate::error::to_py_err(Error::invalid_input("n", n.to_string(), range)));
    }
    if let Ok(a) = n.cast::<PyArray1<i32>>()
        && a.is_c_contiguous()
        && let Ok(a) = a.try_readonly()
    {
        return Ok(CountsIn::Borrowed(a));
    }
    let arr =
        if n.hasattr("dtype")? { n.clone() } else { py.import("numpy")?.call_method1("asarray", (n,))? };
    let kind: String = arr.getattr("dtype")?.getattr("kind")?.extract()?;
    if kind != "i" && kind != "u" {
        return Err(invalid("n", &arr, "an integer array (a float or NaN is not a count)"));
    }
    let wide = arr.call_method1("astype", ("int64",))?;
    let values = PyBuffer::<i64>::get(&wide)?.to_vec(py)?;
    // An unsigned count above i64::MAX reads as negative after astype; either way out of range.
    let too_big = kind == "u"
        && arr
            .call_method0("max")
            .ok()
            .and_then(|m| m.extract::<u64>().ok())
            .is_some_and(|m| m > i32::MAX as u64);
    let mut out = Vec::with_capacity(values.len());
    for (i, v) in values.into_iter().enumerate() {
        match i32::try_from(v) {
            Ok(k) if !too_big => out.push(k),
            _ => return Err(crate::error::to_py_err(Error::invalid_input(format!("n[{i}]"), v, range))),
        }
    }
    Ok(CountsIn::Copied(out))
}

/// A writable numpy array of `dtype` over a `bytearray` of `len` items of `width` bytes,
/// which `fill` writes in place (the core writes straight into the array's memory).
fn numpy_from<'py>(
    py: Python<'py>,
    len: usize,
    width: usize,
    dtype: &str,
    fill: impl FnOnce(&mut [u8]) -> Result<(), Error> + Send,
) -> PyResult<Bound<'py, PyAny>> {
    let mut failed = None;
    let bytes = pyo3::types::PyByteArray::new_with(py, len * width, |buf| {
        failed = py.detach(|| fill(buf)).err();
        Ok(())
    })?;
    if let Some(err) = failed {
        return Err(err).py();
    }
    py.import("numpy")?.call_method1("frombuffer", (bytes, dtype))
}

crate::guarded! {
#[pymethods]
impl PyCalendar {
    #[staticmethod]
    fn builtin(jurisdiction: &Bound<'_, PyAny>) -> PyResult<PyCalendar> {
        let jurisdiction = crate::convert::str_arg(jurisdiction, "jurisdiction")?;
        let jurisdiction = jurisdiction.as_str();
        let inner = Calendar::builtin(jurisdiction).py()?;
        Ok(PyCalendar::new(
            inner,
            crate::state::builtin_calendars().clone(),
            crate::state::builtin_catalogue().clone(),
        ))
    }

    fn __reduce__(&self, py: Python<'_>) -> PyResult<(Py<PyAny>, (String, String, String))> {
        let (cals, cat) = &self.made_from;
        let state = serde_json::json!({"calendars": crate::state::calendars(cals),
            "catalogue": crate::state::catalogue(cat), "jurisdiction": self.inner.jurisdiction()});
        crate::state::reduce(py, "Calendar", state)
    }

    fn jurisdiction(&self) -> &str {
        self.inner.jurisdiction()
    }

    fn layers(&self) -> Vec<String> {
        self.inner.layers().to_vec()
    }

    fn coverage<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, self.inner.coverage())
    }

    fn is_covered(&self, date: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.inner.is_covered(date_arg(date, "date")?))
    }

    #[pyo3(signature = (date, **options_))]
    fn day<'py>(
        &self,
        py: Python<'py>,
        date: &Bound<'py, PyAny>,
        options_: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let date = date_arg(date, "date")?;
        serialize(py, &self.inner.day(date, &opts(options_)?).py()?)
    }

    #[pyo3(signature = (start, end, **options_))]
    fn days<'py>(
        &self,
        py: Python<'py>,
        start: &Bound<'py, PyAny>,
        end: &Bound<'py, PyAny>,
        options_: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (from, until) = (extract_date(start, "from").py()?, extract_date(end, "until").py()?);
        serialize(py, &self.inner.days(from, until, &opts(options_)?).py()?)
    }

    #[pyo3(signature = (date, **options_))]
    fn is_working_day(
        &self,
        date: &Bound<'_, PyAny>,
        options_: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<bool> {
        let date = date_arg(date, "date")?;
        self.inner.is_working_day(date, &opts(options_)?).py()
    }

    #[pyo3(signature = (date, **options_))]
    fn next_working_day<'py>(
        &self,
        date: &Bound<'py, PyAny>,
        options_: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let day = date_arg(date, "date")?;
        py_date(date.py(), self.inner.next_working_day(day, &opts(options_)?).py())
    }

    #[pyo3(signature = (date, **options_))]
    fn previous_working_day<'py>(
        &self,
        date: &Bound<'py, PyAny>,
        options_: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let day = date_arg(date, "date")?;
        py_date(date.py(), self.inner.previous_working_day(day, &opts(options_)?).py())
    }

    #[pyo3(signature = (date, n, **options_))]
    fn add_working_days<'py>(
        &self,
        date: &Bound<'py, PyAny>,
        n: &Bound<'py, PyAny>,
        options_: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let day = date_arg(date, "date")?;
        let n = crate::convert::extract_int(n, "n", i32::MIN.into(), i32::MAX.into()).py()? as i32;
        py_date(date.py(), self.inner.add_working_days(day, n, &opts(options_)?).py())
    }

    #[pyo3(signature = (date, n, **options_))]
    fn sub_working_days<'py>(
        &self,
        date: &Bound<'py, PyAny>,
        n: &Bound<'py, PyAny>,
        options_: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let day = date_arg(date, "date")?;
        let n = crate::convert::extract_int(n, "n", i32::MIN.into(), i32::MAX.into()).py()? as i32;
        py_date(date.py(), self.inner.sub_working_days(day, n, &opts(options_)?).py())
    }

    #[pyo3(signature = (start, end, **options_))]
    fn working_days_between(
        &self,
        start: &Bound<'_, PyAny>,
        end: &Bound<'_, PyAny>,
        options_: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<i64> {
        let (from, to) = (date_arg(start, "from")?, date_arg(end, "to")?);
        self.inner.working_days_between(from, to, &opts(options_)?).py()
    }

    #[pyo3(signature = (start, duration, unit, **options_))]
    fn deadline<'py>(
        &self,
        py: Python<'py>,
        start: &Bound<'py, PyAny>,
        duration: &Bound<'py, PyAny>,
        unit: &Bound<'_, PyAny>,
        options_: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let unit = crate::convert::str_arg(unit, "unit")?;
        let unit = unit.as_str();
        let start = extract_date(start, "start").py()?;
        let duration = crate::convert::extract_int(duration, "duration", 0, u32::MAX.into()).py()? as u32;
        let unit: TimeUnit = zhengce::error::from_json_value(&serde_json::Value::from(unit), "unit").py()?;
        let o: DeadlineOptions = options(options_, "options").py()?;
        serialize(py, &self.inner.deadline(start, duration, unit, &o).py()?)
    }

    #[pyo3(signature = (days, **options_))]
    fn is_working_day_batch<'py>(
        &self,
        py: Python<'py>,
        days: &Bound<'py, PyAny>,
        options_: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let o = opts(options_)?;
        let column = column(py, days, "days")?;
        let days = column.days();
        let cal = &self.inner;
        numpy_from(py, days.len(), 1, "bool", |buf: &mut [u8]| match days {
            Days::I32(v) => cal.is_working_day_batch(v, buf, &o),
            Days::I64(v) => cal.is_working_day_batch(v, buf, &o),
        })
    }

    #[pyo3(signature = (days, n, **options_))]
    fn add_working_days_batch<'py>(
        &self,
        py: Python<'py>,
        days: &Bound<'py, PyAny>,
        n: &Bound<'py, PyAny>,
        options_: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.shift_batch(py, days, n, false, options_)
    }

    #[pyo3(signature = (days, n, **options_))]
    fn sub_working_days_batch<'py>(
        &self,
        py: Python<'py>,
        days: &Bound<'py, PyAny>,
        n: &Bound<'py, PyAny>,
        options_: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.shift_batch(py, days, n, true, options_)
    }

    #[pyo3(signature = (start, end, **options_))]
    fn provisional_batch<'py>(
        &self,
        py: Python<'py>,
        start: &Bound<'py, PyAny>,
        end: &Bound<'py, PyAny>,
        options_: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let o = opts(options_)?;
        let from = column(py, start, "from")?.into_i64();
        let to = column(py, end, "to")?.into_i64();
        let cal = &self.inner;
        numpy_from(py, from.len(), 1, "bool", |buf: &mut [u8]| cal.provisional_batch(&from, &to, buf, &o))
    }

    #[pyo3(signature = (start, end, **options_))]
    fn working_days_between_batch<'py>(
        &self,
        py: Python<'py>,
        start: &Bound<'py, PyAny>,
        end: &Bound<'py, PyAny>,
        options_: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let o = opts(options_)?;
        let (from, to) = (column(py, start, "from")?, column(py, end, "to")?);
        let out = PyArray1::<i64>::zeros(py, from.days().len(), false);
        {
            let mut guard = out.readwrite();
            let slice = guard.as_slice_mut().map_err(|e| PyTypeError::new_err(e.to_string()))?;
            let cal = &self.inner;
            match (from.days(), to.days()) {
                (Days::I64(f), Days::I64(t)) => py.detach(|| cal.working_days_between_batch(f, t, slice, &o)),
                (Days::I32(f), Days::I32(t)) => py.detach(|| cal.working_days_between_batch(f, t, slice, &o)),
                // Columns of two widths meet as i64.
                _ => {
                    let (f, t) = (from.into_i64(), to.into_i64());
                    py.detach(|| cal.working_days_between_batch(&f, &t, slice, &o))
                }
            }
            .py()?;
        }
        Ok(out.into_any())
    }

    fn __repr__(&self) -> String {
        let ranges: Vec<String> =
            self.inner.coverage().iter().map(|p| format!("{}..{}", p.from, p.until)).collect();
        format!(
            "<zhengce.Calendar '{}': layers {}, covered {}>",
            self.inner.jurisdiction(),
            self.inner.layers().join("+"),
            ranges.join(", ")
        )
    }
}
}

impl PyCalendar {
    fn shift_batch<'py>(
        &self,
        py: Python<'py>,
        days: &Bound<'py, PyAny>,
        n: &Bound<'py, PyAny>,
        sub: bool,
        options_: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let o = opts(options_)?;
        let column = column(py, days, "days")?;
        let days = column.days();
        let counts = counts(py, n)?;
        let n = counts.counts();
        let cal = &self.inner;
        // The answers go straight into a numpy int64 array, then seen as datetime64[D]: numpy's
        // allocator asks for huge pages on large arrays, so the output faults in few pages.
        let out = PyArray1::<i64>::zeros(py, days.len(), false);
        {
            let mut guard = out.readwrite();
            let slice = guard.as_slice_mut().map_err(|e| PyTypeError::new_err(e.to_string()))?;
            py.detach(|| match (days, sub) {
                (Days::I32(v), false) => cal.add_working_days_batch(v, n, slice, &o),
                (Days::I64(v), false) => cal.add_working_days_batch(v, n, slice, &o),
                (Days::I32(v), true) => cal.sub_working_days_batch(v, n, slice, &o),
                (Days::I64(v), true) => cal.sub_working_days_batch(v, n, slice, &o),
            })
            .py()?;
        }
        out.call_method1("view", ("datetime64[D]",))
    }
}
