//! `zhengce.InspectionPlan` and `zhengce.StratifiedDraw`: double-random inspection plans.

use numpy::{PyArray1, PyReadonlyArray1};
use pyo3::prelude::*;
use zhengce::sampling::{
    Directory, InspectionPlan, PlanSpec, Register, RegisterColumns, SampleSpec, StratifiedDraw,
};
use zhengce::{Context, Error};

use crate::context::PyContext;
use crate::convert::{from_py, serialize};
use crate::error::IntoPy;

fn register(obj: &Bound<'_, PyAny>) -> PyResult<Register> {
    Register::from_value(&from_py(obj, "register").py()?).py()
}

fn directory(obj: &Bound<'_, PyAny>) -> PyResult<Directory> {
    Directory::from_value(&from_py(obj, "directory").py()?).py()
}

fn spec<T: serde::de::DeserializeOwned>(obj: &Bound<'_, PyAny>) -> PyResult<T> {
    zhengce::error::from_json_value(&from_py(obj, "spec").py()?, "spec").py()
}

/// A double-random inspection plan: visits with reasons, modes, checks and inspectors.
#[pyclass(module = "zhengce._zhengce", name = "InspectionPlan", frozen)]
pub struct PyInspectionPlan {
    inner: InspectionPlan,
}

#[pymethods]
impl PyInspectionPlan {
    #[staticmethod]
    fn draw(
        context: &PyContext,
        register: &Bound<'_, PyAny>,
        directory: &Bound<'_, PyAny>,
        spec: &Bound<'_, PyAny>,
    ) -> PyResult<PyInspectionPlan> {
        let (r, d, s): (Register, Directory, PlanSpec) =
            (self::register(register)?, self::directory(directory)?, self::spec(spec)?);
        let inner = InspectionPlan::draw(&context.inner, &r, &d, &s).py()?;
        Ok(PyInspectionPlan { inner })
    }

    #[staticmethod]
    fn from_json(text: &str) -> PyResult<PyInspectionPlan> {
        InspectionPlan::from_json(text).map(|inner| PyInspectionPlan { inner }).py()
    }

    #[staticmethod]
    fn from_value(value: &Bound<'_, PyAny>) -> PyResult<PyInspectionPlan> {
        let json = from_py(value, "plan").py()?;
        InspectionPlan::from_value(&json).map(|inner| PyInspectionPlan { inner }).py()
    }

    fn verify<'py>(
        &self,
        py: Python<'py>,
        context: &PyContext,
        register: &Bound<'py, PyAny>,
        directory: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (r, d) = (self::register(register)?, self::directory(directory)?);
        serialize(py, &self.inner.verify(&context.inner, &r, &d).py()?)
    }

    fn to_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &self.inner)
    }

    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    #[pyo3(signature = (*, raw_text = false))]
    fn to_csv(&self, raw_text: bool) -> String {
        self.inner.to_csv_with(&zhengce::value::CsvOptions { raw_text })
    }

    #[pyo3(signature = (*, raw_text = false))]
    fn strata_to_csv(&self, raw_text: bool) -> String {
        self.inner.strata_to_csv_with(&zhengce::value::CsvOptions { raw_text })
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

    fn __repr__(&self) -> String {
        format!(
            "<zhengce.InspectionPlan: {} visits in {} strata, seed '{}'>",
            self.inner.visits.len(),
            self.inner.strata.len(),
            self.inner.spec.seed
        )
    }
}

/// A numpy array argument of one dtype, read without copying. Anything numpy can view as an
/// array (a pyarrow array without nulls, say) is passed through `numpy.asarray` first.
fn column<'py, T: numpy::Element>(
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

#[pymethods]
impl PyStratifiedDraw {
    #[staticmethod]
    #[pyo3(signature = (context, spec, classes, strata = None, flags = None))]
    fn draw(
        py: Python<'_>,
        context: &PyContext,
        spec: &Bound<'_, PyAny>,
        classes: &Bound<'_, PyAny>,
        strata: Option<&Bound<'_, PyAny>>,
        flags: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyStratifiedDraw> {
        let spec: SampleSpec = self::spec(spec)?;
        let classes = column::<u8>(classes, "classes", "uint8")?;
        let strata =
            strata.filter(|s| !s.is_none()).map(|s| column::<u32>(s, "strata", "uint32")).transpose()?;
        let flags = flags.filter(|s| !s.is_none()).map(|s| column::<u8>(s, "flags", "uint8")).transpose()?;
        // Copied while the GIL is held: once it is released another thread could write to
        // (or resize) the numpy arrays under the draw.
        let classes = slice(&classes, "classes")?.to_vec();
        let strata = strata.as_ref().map(|s| slice(s, "strata").map(<[u32]>::to_vec)).transpose()?;
        let flags = flags.as_ref().map(|f| slice(f, "flags").map(<[u8]>::to_vec)).transpose()?;
        let mut columns = RegisterColumns::new(&classes);
        if let Some(s) = &strata {
            columns = columns.with_strata(s);
        }
        if let Some(f) = &flags {
            columns = columns.with_flags(f);
        }
        let ctx: &Context = &context.inner;
        let inner = py.detach(|| StratifiedDraw::draw(ctx, &columns, &spec)).py()?;
        Ok(PyStratifiedDraw { inner })
    }

    #[getter]
    fn strata<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let summaries: Vec<_> = self.inner.strata.iter().map(|s| &s.summary).collect();
        serialize(py, &summaries)
    }

    fn random_indices<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Bound<'py, PyArray1<u64>>> {
        Ok(PyArray1::from_slice(py, &self.stratum(key)?.random))
    }

    fn mandatory_indices<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Bound<'py, PyArray1<u64>>> {
        Ok(PyArray1::from_slice(py, &self.stratum(key)?.mandatory))
    }

    fn to_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
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
