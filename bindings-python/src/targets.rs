//! `zhengce.Monitor` and `zhengce.Scorecard`: observations, assessment, scorecards.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::PyDict;
use zhengce::targets::{AssessOptions, Monitor, Scorecard, ScorecardOptions};

use crate::catalogue::PyCatalogue;
use crate::communities::PyCommunities;
use crate::convert::{extract_date, extract_decimal, from_py, options, serialize};
use crate::error::IntoPy;

/// Rows of a table as a list of dicts: a pandas DataFrame, a pyarrow Table or RecordBatch,
/// or any list of dicts, converted by `zhengce._tables.rows` (pandas and pyarrow are optional).
pub fn rows<'py>(table: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    table.py().import("zhengce._tables")?.getattr("rows")?.call1((table,))
}

/// Monitors a catalogue's targets against observed data: add observations one by one or as a
/// table, assess a target at a date, build scorecards.
#[pyclass(module = "zhengce._zhengce", name = "Monitor")]
pub struct PyMonitor {
    inner: Monitor,
}

#[pymethods]
impl PyMonitor {
    #[new]
    #[pyo3(signature = (catalogue, communities = None))]
    fn new(catalogue: &PyCatalogue, communities: Option<PyRef<'_, PyCommunities>>) -> PyResult<PyMonitor> {
        let monitor = Monitor::new(Arc::clone(&catalogue.inner));
        let inner = match communities {
            Some(c) => monitor.with_communities(c.inner.clone()).py()?,
            None => monitor,
        };
        Ok(PyMonitor { inner })
    }

    fn with_communities(&self, communities: PyRef<'_, PyCommunities>) -> PyResult<PyMonitor> {
        let inner = self.inner.clone().with_communities(communities.inner.clone()).py()?;
        Ok(PyMonitor { inner })
    }

    fn add_observation(&mut self, observation: &Bound<'_, PyAny>) -> PyResult<()> {
        let value = from_py(observation, "observation").py()?;
        self.inner.add_observation_value(&value).py()
    }

    fn add_observations(&mut self, table: &Bound<'_, PyAny>) -> PyResult<usize> {
        let value = from_py(&rows(table)?, "observations").py()?;
        self.inner.add_observations_value(&value).py()
    }

    #[pyo3(signature = (target = None))]
    fn observations<'py>(&self, py: Python<'py>, target: Option<&str>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &self.inner.observations(target).py()?)
    }

    #[pyo3(signature = (target, as_of, **options_))]
    fn assess<'py>(
        &self,
        py: Python<'py>,
        target: &str,
        as_of: &Bound<'py, PyAny>,
        options_: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let as_of = extract_date(as_of, "as_of").py()?;
        let opts: AssessOptions = options(options_, "options").py()?;
        serialize(py, &self.inner.assess(target, as_of, &opts).py()?)
    }

    #[pyo3(signature = (as_of, **options_))]
    fn scorecard(
        &self,
        as_of: &Bound<'_, PyAny>,
        options_: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<PyScorecard> {
        let as_of = extract_date(as_of, "as_of").py()?;
        let opts: ScorecardOptions = options(options_, "options").py()?;
        Ok(PyScorecard { inner: self.inner.scorecard(as_of, &opts).py()? })
    }

    #[pyo3(signature = (ratio_target, count_target, population = None))]
    fn check_ratio<'py>(
        &self,
        py: Python<'py>,
        ratio_target: &str,
        count_target: &str,
        population: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let population = population.map(|p| extract_decimal(p, "population")).transpose().py()?;
        serialize(py, &self.inner.check_ratio(ratio_target, count_target, population).py()?)
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "<zhengce.Monitor: {} targets, {} observations, {} communities>",
            self.inner.catalogue().data().targets.len(),
            self.inner.len(),
            self.inner.communities().len()
        )
    }
}

/// Assessments of many targets at one date, with counts per status overall and per group.
#[pyclass(module = "zhengce._zhengce", name = "Scorecard", frozen)]
pub struct PyScorecard {
    inner: Scorecard,
}

#[pymethods]
impl PyScorecard {
    fn to_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &self.inner)
    }

    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    fn to_csv(&self) -> String {
        self.inner.to_csv()
    }

    fn assessments_to_csv(&self) -> String {
        self.inner.assessments_to_csv()
    }

    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("zhengce._tables")?.getattr("groups_frame")?.call1((self.to_value(py)?,))
    }

    fn assessments_to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("zhengce._tables")?.getattr("assessments_frame")?.call1((self.to_value(py)?,))
    }

    fn _repr_html_<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("zhengce._tables")?.getattr("scorecard_html")?.call1((self.to_value(py)?,))
    }

    fn __repr__(&self) -> String {
        let c = &self.inner.counts;
        format!(
            "<zhengce.Scorecard as of {}: {} targets: {} met, {} on track, {} at risk, {} off track, {} missed, {} no data; {} groups>",
            self.inner.as_of,
            c.total,
            c.met,
            c.on_track,
            c.at_risk,
            c.off_track,
            c.missed,
            c.no_data,
            self.inner.groups.len()
        )
    }
}
