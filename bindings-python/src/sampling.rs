//! `zhengce.InspectionPlan` and `zhengce.StratifiedDraw`: double-random inspection plans.

use numpy::{PyArray1, PyReadonlyArray1};
use pyo3::prelude::*;
use zhengce::sampling::{
    Directory, InspectionPlan, PlanSpec, Register, RegisterColumns, SampleSpec, StratifiedDraw, StratumCount,
};
use zhengce::{Context, Error};

use crate::context::PyContext;
use crate::convert::{from_py, serialize};
use crate::error::IntoPy;

/// A register: a list of entity dicts, or a table (pyarrow, polars, pandas, ...) with the same
/// columns (`flags` a list column).
fn register(obj: &Bound<'_, PyAny>) -> PyResult<Register> {
    let value = crate::arrow::rows_or(obj, "register", |o| from_py(o, "register").py())?;
    Register::from_json_value(&value).py()
}

/// An inspector directory: a list of dicts or a table (`conflicts` a list of structs).
fn directory(obj: &Bound<'_, PyAny>) -> PyResult<Directory> {
    let value = crate::arrow::rows_or(obj, "directory", |o| from_py(o, "directory").py())?;
    Directory::from_json_value(&value).py()
}

fn spec<T: serde::de::DeserializeOwned>(obj: &Bound<'_, PyAny>) -> PyResult<T> {
    zhengce::error::from_json_value(&from_py(obj, "spec").py()?, "spec").py()
}

/// A double-random inspection plan: visits with reasons, modes, checks and inspectors.
#[pyclass(module = "zhengce._zhengce", name = "InspectionPlan", frozen)]
pub struct PyInspectionPlan {
    pub(crate) inner: InspectionPlan,
}

crate::guarded! {
#[pymethods]
impl PyInspectionPlan {
    #[staticmethod]
    fn draw(
        context: &Bound<'_, PyAny>,
        register: &Bound<'_, PyAny>,
        directory: &Bound<'_, PyAny>,
        spec: &Bound<'_, PyAny>,
    ) -> PyResult<PyInspectionPlan> {
        let context = crate::convert::class_arg::<PyContext>(context, "context")?;
        let context = &*context;
        let (r, d, s): (Register, Directory, PlanSpec) =
            (self::register(register)?, self::directory(directory)?, self::spec(spec)?);
        let inner = InspectionPlan::draw(&context.inner, &r, &d, &s).py()?;
        Ok(PyInspectionPlan { inner })
    }

    #[staticmethod]
    fn from_json(text: &Bound<'_, PyAny>) -> PyResult<PyInspectionPlan> {
        let text = crate::convert::str_arg(text, "text")?;
        let text = text.as_str();
        InspectionPlan::from_json(text).map(|inner| PyInspectionPlan { inner }).py()
    }

    #[staticmethod]
    fn from_json_value(value: &Bound<'_, PyAny>) -> PyResult<PyInspectionPlan> {
        let json = from_py(value, "plan").py()?;
        InspectionPlan::from_json_value(&json).map(|inner| PyInspectionPlan { inner }).py()
    }

    fn verify<'py>(
        &self,
        py: Python<'py>,
        context: &Bound<'_, PyAny>,
        register: &Bound<'py, PyAny>,
        directory: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let context = crate::convert::class_arg::<PyContext>(context, "context")?;
        let context = &*context;
        let (r, d) = (self::register(register)?, self::directory(directory)?);
        serialize(py, &self.inner.verify(&context.inner, &r, &d).py()?)
    }

    fn to_json_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &self.inner)
    }

    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    #[pyo3(signature = (*, raw_text = None), text_signature = "(self, *, raw_text=False)")]
    fn to_csv(&self, raw_text: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
        let raw_text = raw_text.map(|r| crate::convert::bool_arg(r, "raw_text")).transpose()?.unwrap_or(false);
        Ok(self.inner.to_csv_with(&zhengce::value::CsvOptions { raw_text }))
    }

    #[pyo3(signature = (*, raw_text = None), text_signature = "(self, *, raw_text=False)")]
    fn strata_to_csv(&self, raw_text: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
        let raw_text = raw_text.map(|r| crate::convert::bool_arg(r, "raw_text")).transpose()?.unwrap_or(false);
        Ok(self.inner.strata_to_csv_with(&zhengce::value::CsvOptions { raw_text }))
    }

    #[getter]
    fn strata<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &self.inner.strata)
    }

    #[getter]
    fn visits<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &self.inner.visits)
    }

    fn __len__(&self) -> usize {
        self.inner.visits.len()
    }

    fn _repr_html_<'py>(slf: Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py().import("zhengce._visual")?.getattr("plan_html")?.call1((slf,))
    }

    fn __reduce__(&self, py: Python<'_>) -> PyResult<(Py<PyAny>, (String, String, String))> {
        let plan = serde_json::to_value(&self.inner).map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
        crate::state::reduce(py, "InspectionPlan", serde_json::json!({"plan": plan}))
    }

    fn __repr__(&self) -> String {
        format!(
            "<zhengce.InspectionPlan: {} visits in {} strata, seed '{}'>",
            self.inner.visits.len(),
            self.inner.strata.len(),
            self.inner.spec.seed
        )
    }
}
}

/// A column argument: a numpy array of the exact dtype, read without copying, or a copy of
/// any other integer column (numpy of another integer dtype, Arrow) checked to fit.
enum Col<'py, T: numpy::Element> {
    Numpy(PyReadonlyArray1<'py, T>),
    Owned(Vec<T>),
}

impl<'py, T: numpy::Element + Copy> Col<'py, T> {
    fn slice(&self, field: &str) -> PyResult<&[T]> {
        match self {
            Col::Numpy(a) => slice(a, field),
            Col::Owned(v) => Ok(v),
        }
    }

    /// The column copied while the GIL is held: the draws release the GIL, and another thread
    /// could then write to (or resize) a numpy array under them.
    fn owned(self, field: &str) -> PyResult<Col<'py, T>> {
        match self {
            Col::Numpy(a) => Ok(Col::Owned(slice(&a, field)?.to_vec())),
            owned => Ok(owned),
        }
    }
}

fn column<'py, T: numpy::Element + TryFrom<i64>>(
    obj: &Bound<'py, PyAny>,
    field: &str,
    dtype: &str,
) -> PyResult<Col<'py, T>> {
    if let Ok(array) = obj.extract::<PyReadonlyArray1<'py, T>>() {
        return Ok(Col::Numpy(array));
    }
    let expected = format!("integers that fit in {dtype}");
    if crate::arrow::is_arrow(obj) && !obj.hasattr("dtype")? {
        let array = crate::arrow::read_array(obj, field)?;
        return crate::arrow::small_ints(&array, field, &expected).map(Col::Owned);
    }
    let py = obj.py();
    let np = py.import("numpy")?;
    let any = np.call_method1("asarray", (obj,))?;
    let kind: String = any.getattr("dtype")?.getattr("kind")?.extract()?;
    if (kind == "i" || kind == "u") && any.getattr("ndim")?.extract::<usize>()? == 1 {
        let wide = np.call_method1("ascontiguousarray", (any, "int64"))?;
        let values = wide.extract::<PyReadonlyArray1<'py, i64>>()?;
        let out: Result<Vec<T>, Error> = slice(&values, field)?
            .iter()
            .enumerate()
            .map(|(row, x)| {
                T::try_from(*x).map_err(|_| {
                    Error::invalid_input(format!("{field}[{row}]"), x.to_string(), expected.clone())
                        .at_row(row)
                })
            })
            .collect();
        return out.map(Col::Owned).py();
    }
    column_exact(obj, field, dtype).map(Col::Numpy)
}

/// A numpy array argument of one dtype, read without copying. Anything numpy can view as an
/// array is passed through `numpy.asarray` first.
fn column_exact<'py, T: numpy::Element>(
    obj: &Bound<'py, PyAny>,
    field: &str,
    dtype: &str,
) -> PyResult<PyReadonlyArray1<'py, T>> {
    if let Ok(array) = obj.extract::<PyReadonlyArray1<'py, T>>() {
        return Ok(array);
    }
    let py = obj.py();
    let describe = |o: &Bound<'py, PyAny>| {
        o.getattr("dtype").map(|d| format!("an array of {d}")).unwrap_or_else(|_| o.get_type().to_string())
    };
    let array = py.import("numpy")?.call_method1("asarray", (obj,))?;
    array.extract::<PyReadonlyArray1<'py, T>>().map_err(|_| {
        crate::error::to_py_err(Error::invalid_input(
            field,
            describe(&array),
            format!("a one-dimensional numpy array of {dtype}"),
        ))
    })
}

fn slice<'a, T: numpy::Element>(array: &'a PyReadonlyArray1<'_, T>, field: &str) -> PyResult<&'a [T]> {
    array.as_slice().map_err(|_| {
        crate::error::to_py_err(Error::invalid_input(field, "a strided array", "a contiguous array"))
    })
}

type Columns3<'py> = (Col<'py, u8>, Option<Col<'py, u32>>, Option<Col<'py, u8>>);

/// The register's columns: classes, optional stratum codes, optional flags.
fn register_columns<'py>(
    classes: &Bound<'py, PyAny>,
    strata: Option<&Bound<'py, PyAny>>,
    flags: Option<&Bound<'py, PyAny>>,
) -> PyResult<Columns3<'py>> {
    let classes = column::<u8>(classes, "classes", "uint8")?.owned("classes")?;
    let strata = strata
        .filter(|s| !s.is_none())
        .map(|s| column::<u32>(s, "strata", "uint32")?.owned("strata"))
        .transpose()?;
    let flags = flags
        .filter(|s| !s.is_none())
        .map(|s| column::<u8>(s, "flags", "uint8")?.owned("flags"))
        .transpose()?;
    Ok((classes, strata, flags))
}

fn assemble<'a>(
    classes: &'a Col<'_, u8>,
    strata: Option<&'a Col<'_, u32>>,
    flags: Option<&'a Col<'_, u8>>,
) -> PyResult<RegisterColumns<'a>> {
    let mut columns = RegisterColumns::new(classes.slice("classes")?);
    if let Some(s) = strata {
        columns = columns.with_strata(s.slice("strata")?);
    }
    if let Some(f) = flags {
        columns = columns.with_flags(f.slice("flags")?);
    }
    Ok(columns)
}

/// A stratified random draw over a register given as numpy columns.
#[pyclass(module = "zhengce._zhengce", name = "StratifiedDraw", frozen)]
pub struct PyStratifiedDraw {
    inner: StratifiedDraw,
}

impl PyStratifiedDraw {
    fn stratum(&self, key: &str) -> PyResult<&zhengce::sampling::StratumDraw> {
        self.inner.stratum(key).ok_or_else(|| crate::error::to_py_err(Error::not_found("stratum", key)))
    }
}

crate::guarded! {
#[pymethods]
impl PyStratifiedDraw {
    #[staticmethod]
    #[pyo3(signature = (context, spec, classes, strata = None, flags = None))]
    fn draw(
        py: Python<'_>,
        context: &Bound<'_, PyAny>,
        spec: &Bound<'_, PyAny>,
        classes: &Bound<'_, PyAny>,
        strata: Option<&Bound<'_, PyAny>>,
        flags: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyStratifiedDraw> {
        let context = crate::convert::class_arg::<PyContext>(context, "context")?;
        let context = &*context;
        let spec: SampleSpec = self::spec(spec)?;
        let (classes, strata, flags) = register_columns(classes, strata, flags)?;
        let columns = assemble(&classes, strata.as_ref(), flags.as_ref())?;
        let ctx: &Context = &context.inner;
        let inner = py.detach(|| StratifiedDraw::draw(ctx, &columns, &spec)).py()?;
        Ok(PyStratifiedDraw { inner })
    }

    #[staticmethod]
    #[pyo3(signature = (classes, strata = None, flags = None))]
    fn counts<'py>(
        py: Python<'py>,
        classes: &Bound<'py, PyAny>,
        strata: Option<&Bound<'py, PyAny>>,
        flags: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (classes, strata, flags) = register_columns(classes, strata, flags)?;
        let columns = assemble(&classes, strata.as_ref(), flags.as_ref())?;
        serialize(py, &StratumCount::count(&columns).py()?)
    }

    #[staticmethod]
    fn totals<'py>(py: Python<'py>, partitions: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let parts: Vec<Vec<StratumCount>> = self::spec(partitions)?;
        serialize(py, &StratumCount::totals(&parts))
    }

    #[staticmethod]
    fn offsets<'py>(py: Python<'py>, partitions: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let parts: Vec<Vec<StratumCount>> = self::spec(partitions)?;
        serialize(py, &StratumCount::offsets(&parts))
    }

    #[staticmethod]
    #[pyo3(signature = (context, spec, totals, before, classes, strata = None, flags = None))]
    #[allow(clippy::too_many_arguments)]
    fn draw_partition(
        py: Python<'_>,
        context: &Bound<'_, PyAny>,
        spec: &Bound<'_, PyAny>,
        totals: &Bound<'_, PyAny>,
        before: &Bound<'_, PyAny>,
        classes: &Bound<'_, PyAny>,
        strata: Option<&Bound<'_, PyAny>>,
        flags: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyStratifiedDraw> {
        let context = crate::convert::class_arg::<PyContext>(context, "context")?;
        let context = &*context;
        let spec: SampleSpec = self::spec(spec)?;
        let totals: Vec<StratumCount> = self::spec(totals)?;
        let before: Vec<StratumCount> = self::spec(before)?;
        let (classes, strata, flags) = register_columns(classes, strata, flags)?;
        let columns = assemble(&classes, strata.as_ref(), flags.as_ref())?;
        let ctx: &Context = &context.inner;
        let inner = py.detach(|| StratifiedDraw::draw_partition(ctx, &columns, &spec, &totals, &before)).py()?;
        Ok(PyStratifiedDraw { inner })
    }

    #[getter]
    fn strata<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let summaries: Vec<_> = self.inner.strata.iter().map(|s| &s.summary).collect();
        serialize(py, &summaries)
    }

    fn random_indices<'py>(&self, py: Python<'py>, key: &Bound<'_, PyAny>) -> PyResult<Bound<'py, PyArray1<u64>>> {
        let key = crate::convert::str_arg(key, "key")?;
        let key = key.as_str();
        Ok(PyArray1::from_slice(py, &self.stratum(key)?.random))
    }

    fn mandatory_indices<'py>(&self, py: Python<'py>, key: &Bound<'_, PyAny>) -> PyResult<Bound<'py, PyArray1<u64>>> {
        let key = crate::convert::str_arg(key, "key")?;
        let key = key.as_str();
        Ok(PyArray1::from_slice(py, &self.stratum(key)?.mandatory))
    }

    fn to_json_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &self.inner)
    }

    fn __repr__(&self) -> String {
        let selected: u64 = self.inner.strata.iter().map(|s| s.summary.selected).sum();
        format!(
            "<zhengce.StratifiedDraw: {selected} selected in {} strata, seed '{}'>",
            self.inner.strata.len(),
            self.inner.seed
        )
    }
}
}
