//! `zhengce.Context`: the catalogue, calendars and scenario every computation runs in.
//!
//! One object replaces the module's singletons: rules, deadlines, inspection plans, monitors
//! and community registries are all reached through a context.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use zhengce::Context;
use zhengce::calendar::DeadlineOptions;
use zhengce::context::ScenarioSpec;
use zhengce::rules::{Batch, CallOptions};

use crate::calendar::{PyCalendar, PyCalendars};
use crate::catalogue::PyCatalogue;
use crate::columns::{read_columns, read_dates};
use crate::convert::{extract_date, from_py, options, serialize};
use crate::error::IntoPy;
use crate::rules::{PyComparison, PyEvaluator};

/// A catalogue, working-day calendars and a scenario: immutable; deriving one gives a new one.
#[pyclass(module = "zhengce._zhengce", name = "Context", frozen)]
#[derive(Clone)]
pub struct PyContext {
    pub inner: Context,
}

fn spec_of(obj: &Bound<'_, PyAny>) -> PyResult<ScenarioSpec> {
    let value = if let Ok(text) = obj.cast::<PyString>() {
        zhengce::error::parse_json_text(&crate::convert::text(text, "scenario").py()?, "scenario").py()?
    } else {
        from_py(obj, "scenario").py()?
    };
    zhengce::error::from_json_value(&value, "scenario").py()
}

fn overlay_of(obj: &Bound<'_, PyAny>) -> PyResult<serde_json::Value> {
    match obj.cast::<PyString>() {
        Ok(text) => {
            zhengce::error::parse_json_text(&crate::convert::text(text, "overlay").py()?, "overlay").py()
        }
        Err(_) => from_py(obj, "overlay").py(),
    }
}

crate::guarded! {
#[pymethods]
impl PyContext {
    /// A context of `catalogue` and `calendars` (the built-in ones where not given).
    #[new]
    #[pyo3(signature = (catalogue = None, calendars = None))]
    fn new(catalogue: Option<&Bound<'_, PyAny>>, calendars: Option<&Bound<'_, PyAny>>) -> PyContext {
        let catalogue = catalogue.map(|o| crate::convert::class_arg::<PyCatalogue>(o, "catalogue")).transpose()?;
        let catalogue = catalogue.as_deref();
        let calendars = calendars.map(|o| crate::convert::class_arg::<PyCalendars>(o, "calendars")).transpose()?;
        let calendars = calendars.as_deref();
        let cat = catalogue.map_or_else(|| Arc::new(zhengce::Catalogue::builtin()), |c| c.inner.clone());
        let cals =
            calendars.map_or_else(|| Arc::new(zhengce::calendar::Calendars::builtin()), |c| c.inner.clone());
        PyContext { inner: Context::new(cat, cals) }
    }

    #[staticmethod]
    fn builtin() -> PyContext {
        PyContext { inner: Context::builtin() }
    }

    fn with_scenario(&self, spec: &Bound<'_, PyAny>) -> PyResult<PyContext> {
        self.inner.with_scenario(spec_of(spec)?).map(|inner| PyContext { inner }).py()
    }

    fn baseline(&self) -> PyContext {
        PyContext { inner: self.inner.baseline() }
    }

    fn with_catalogue(&self, catalogue: &Bound<'_, PyAny>) -> PyResult<PyContext> {
        let catalogue = crate::convert::class_arg::<PyCatalogue>(catalogue, "catalogue")?;
        let catalogue = &*catalogue;
        self.inner.with_catalogue(catalogue.inner.clone()).map(|inner| PyContext { inner }).py()
    }

    #[pyo3(signature = (overlay, **options_))]
    fn layered_catalogue(
        &self,
        overlay: &Bound<'_, PyAny>,
        options_: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<PyContext> {
        let layer: zhengce::LayerOptions = options(options_, "options").py()?;
        self.inner.layered_catalogue_with(&overlay_of(overlay)?, layer).map(|inner| PyContext { inner }).py()
    }

    fn with_calendars(&self, calendars: &Bound<'_, PyAny>) -> PyContext {
        let calendars = crate::convert::class_arg::<PyCalendars>(calendars, "calendars")?;
        let calendars = &*calendars;
        PyContext { inner: self.inner.with_calendars(calendars.inner.clone()) }
    }

    fn layered_calendars(&self, overlay: &Bound<'_, PyAny>) -> PyResult<PyContext> {
        self.inner.layered_calendars(&overlay_of(overlay)?).map(|inner| PyContext { inner }).py()
    }

    fn catalogue(&self) -> PyCatalogue {
        PyCatalogue { inner: self.inner.catalogue_shared() }
    }

    fn calendars(&self) -> PyCalendars {
        PyCalendars { inner: self.inner.calendars_shared() }
    }

    fn calendar(&self, jurisdiction: &Bound<'_, PyAny>) -> PyResult<PyCalendar> {
        let jurisdiction = crate::convert::str_arg(jurisdiction, "jurisdiction")?;
        let jurisdiction = jurisdiction.as_str();
        let inner = self.inner.calendar(jurisdiction).py()?;
        Ok(PyCalendar::new(inner, self.inner.calendars_shared(), self.inner.catalogue_shared()))
    }

    fn scenario<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, self.inner.scenario())
    }

    fn scenario_name(&self) -> &str {
        self.inner.scenario_name()
    }

    fn scenario_hash(&self) -> &str {
        self.inner.scenario_hash()
    }

    fn parameter_value<'py>(
        &self,
        py: Python<'py>,
        key: &Bound<'_, PyAny>,
        jurisdiction: &Bound<'_, PyAny>,
        date: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let key = crate::convert::str_arg(key, "key")?;
        let key = key.as_str();
        let jurisdiction = crate::convert::str_arg(jurisdiction, "jurisdiction")?;
        let jurisdiction = jurisdiction.as_str();
        let date = extract_date(date, "date").py()?;
        serialize(py, &self.inner.parameter_value(key, jurisdiction, date).py()?)
    }

    fn evaluator(&self, rule: &Bound<'_, PyAny>) -> PyResult<PyEvaluator> {
        let rule = crate::convert::str_arg(rule, "rule")?;
        let rule = rule.as_str();
        self.inner.evaluator(rule).map(|inner| PyEvaluator { inner }).py()
    }

    /// The deadline of a service promise (a service key or time-limit rule id) from `start`.
    #[pyo3(signature = (service, start, jurisdiction, **options_))]
    fn deadline<'py>(
        &self,
        py: Python<'py>,
        service: &Bound<'_, PyAny>,
        start: &Bound<'py, PyAny>,
        jurisdiction: &Bound<'_, PyAny>,
        options_: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let service = crate::convert::str_arg(service, "service")?;
        let service = service.as_str();
        let jurisdiction = crate::convert::str_arg(jurisdiction, "jurisdiction")?;
        let jurisdiction = jurisdiction.as_str();
        let start = extract_date(start, "start").py()?;
        let o: DeadlineOptions = options(options_, "options").py()?;
        serialize(py, &self.inner.deadline(service, start, jurisdiction, &o).py()?)
    }

    #[pyo3(signature = (alternative, rule, columns, date, **options_))]
    fn compare(
        &self,
        py: Python<'_>,
        alternative: &Bound<'_, PyAny>,
        rule: &Bound<'_, PyAny>,
        columns: &Bound<'_, PyAny>,
        date: &Bound<'_, PyAny>,
        options_: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<PyComparison> {
        let alternative = crate::convert::class_arg::<PyContext>(alternative, "alternative")?;
        let alternative = &*alternative;
        let rule = crate::convert::str_arg(rule, "rule")?;
        let rule = rule.as_str();
        let opts: CallOptions = options(options_, "options").py()?;
        let cols = read_columns(py, columns)?;
        let dates = read_dates(py, date)?;
        let batch = Batch {
            dates: dates.dates(),
            jurisdiction: opts.jurisdiction.as_deref(),
            columns: cols.columns(py)?,
        };
        let out = self.inner.compare(&alternative.inner, rule, &batch, &opts.options()).py()?;
        Ok(PyComparison { inner: out })
    }

    fn __reduce__(&self, py: Python<'_>) -> PyResult<(Py<PyAny>, (String, String, String))> {
        crate::state::reduce(py, "Context", serde_json::json!({"context": crate::state::context(&self.inner)}))
    }

    fn __repr__(&self) -> String {
        format!(
            "<zhengce.Context scenario '{}': {} parameter overrides, calendars {}>",
            self.inner.scenario_name(),
            self.inner.scenario().parameters.len(),
            self.inner.calendars().layers().iter().map(|l| l.id.as_str()).collect::<Vec<_>>().join(", ")
        )
    }
}
}
