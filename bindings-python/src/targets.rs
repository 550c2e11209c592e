//! `zhengce.Monitor` and `zhengce.Scorecard`: observations, assessment, scorecards.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use zhengce::targets::{AssessOptions, Monitor, ObservationInput, Scorecard, ScorecardOptions};

use crate::communities::PyCommunities;
use crate::context::PyContext;
use crate::convert::{extract_date, extract_decimal, from_py, options, serialize};
use crate::error::IntoPy;

/// Rows of a table as a list of dicts: a pandas DataFrame, a pyarrow Table or RecordBatch,
/// or any list of dicts, converted by `zhengce._tables.rows` (pandas and pyarrow are optional).
pub fn rows<'py>(table: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    table.py().import("zhengce._tables")?.getattr("rows")?.call1((table,))
}

/// The columns an observation table may have to be read column by column; a table with other
/// columns (a `metric` of dicts, a `source` of citations) is read row by row.
/// `as_of` may also be given as `date`.
const COLUMNS: [&str; 11] = [
    "target",
    "date",
    "value",
    "unit",
    "source",
    "id",
    "qualifier",
    "scope",
    "reading",
    "as_of",
    "published",
];

/// Observation rows from a pandas DataFrame or pyarrow Table, read column by column (a dict
/// per row costs more than the assessment); `None` for other inputs.
fn from_columns(table: &Bound<'_, PyAny>) -> PyResult<Option<Vec<ObservationInput>>> {
    let found = table.py().import("zhengce._tables")?.getattr("columns")?.call1((table,))?;
    let Ok(columns) = found.cast::<PyDict>() else { return Ok(None) };
    let mut lists: Vec<Option<Bound<'_, PyList>>> = vec![None; COLUMNS.len()];
    for (name, list) in columns.iter() {
        let name: String = name.extract()?;
        let Some(at) = COLUMNS.iter().position(|c| *c == name) else { return Ok(None) };
        lists[at] = Some(list.cast_into::<PyList>()?);
    }
    if lists[4].as_ref().is_some_and(|l| l.iter().any(|v| v.is_instance_of::<PyDict>())) {
        return Ok(None); // sources given as citations
    }
    let n = lists.iter().flatten().map(|l| l.len()).max().unwrap_or(0);
    let cell =
        |c: usize, i: usize| lists[c].as_ref().and_then(|l| l.get_item(i).ok()).filter(|v| !v.is_none());
    let text = |c: usize, i: usize| -> Result<Option<String>, zhengce::Error> {
        cell(c, i)
            .map(|v| {
                v.extract::<String>().map_err(|_| {
                    let field = format!("observations[{i}].{}", COLUMNS[c]);
                    zhengce::Error::invalid_input(field, describe(&v), "text").at_row(i)
                })
            })
            .transpose()
    };
    let required = |c: usize, i: usize| -> Result<Bound<'_, PyAny>, zhengce::Error> {
        cell(c, i).ok_or_else(|| {
            zhengce::Error::missing_input(format!("observations[{i}].{}", COLUMNS[c])).at_row(i)
        })
    };
    let mut rows = Vec::with_capacity(n);
    for i in 0..n {
        let row = (|| -> Result<ObservationInput, zhengce::Error> {
            let field = |c: usize| format!("observations[{i}].{}", COLUMNS[c]);
            let qualifier = match text(6, i)? {
                Some(q) => Some(zhengce::error::from_json_value(&serde_json::Value::String(q), &field(6))?),
                None => None,
            };
            Ok(ObservationInput {
                target: text(0, i)?.ok_or_else(|| zhengce::Error::missing_input(field(0)))?,
                as_of: match cell(9, i) {
                    Some(v) => extract_date(&v, &field(9))?,
                    None => extract_date(&required(1, i)?, &field(1))?,
                },
                published: cell(10, i).map(|v| extract_date(&v, &field(10))).transpose()?,
                value: extract_decimal(&required(2, i)?, &field(2))?,
                unit: text(3, i)?.ok_or_else(|| zhengce::Error::missing_input(field(3)))?,
                source: text(4, i)?.map(|document| zhengce::Citation { document, clause: None, quote: None }),
                id: text(5, i)?,
                qualifier,
                scope: text(7, i)?,
                reading: text(8, i)?,
                metric: None,
            })
        })()
        .map_err(|e| e.at_row(i))
        .py()?;
        rows.push(row);
    }
    Ok(Some(rows))
}

fn describe(value: &Bound<'_, PyAny>) -> String {
    value.repr().map(|r| r.to_string()).unwrap_or_else(|_| "a value".to_owned())
}

/// Monitors a catalogue's targets against observed data: add observations one by one or as a
/// table, assess a target at a date, build scorecards.
#[pyclass(module = "zhengce._zhengce", name = "Monitor")]
pub struct PyMonitor {
    pub(crate) inner: Monitor,
}

crate::guarded! {
#[pymethods]
impl PyMonitor {
    #[new]
    #[pyo3(signature = (context, communities = None))]
    fn new(context: &Bound<'_, PyAny>, communities: Option<&Bound<'_, PyAny>>) -> PyResult<PyMonitor> {
        let context = crate::convert::class_arg::<PyContext>(context, "context")?;
        let context = &*context;
        let communities = communities.map(|o| crate::convert::class_arg::<PyCommunities>(o, "communities")).transpose()?;
        let monitor = Monitor::new(&context.inner);
        let inner = match communities {
            Some(c) => monitor.with_communities(c.inner.clone()).py()?,
            None => monitor,
        };
        Ok(PyMonitor { inner })
    }

    fn with_communities(&self, communities: &Bound<'_, PyAny>) -> PyResult<PyMonitor> {
        let communities = crate::convert::class_arg::<PyCommunities>(communities, "communities")?;
        let inner = self.inner.clone().with_communities(communities.inner.clone()).py()?;
        Ok(PyMonitor { inner })
    }

    fn add_observation(&mut self, observation: &Bound<'_, PyAny>) -> PyResult<()> {
        let value = from_py(observation, "observation").py()?;
        self.inner.add_observation_json_value(&value).py()
    }

    fn add_observations(&mut self, table: &Bound<'_, PyAny>) -> PyResult<usize> {
        // An Arrow table (pyarrow, polars, pandas with pyarrow, DuckDB...): read in Rust.
        let arrow = match crate::arrow::table_like(table, "observations") {
            Ok(found) => found,
            Err(_) if table.get_type().module()?.to_string().starts_with("pandas") => None,
            Err(err) => return Err(err),
        };
        if let Some(columns) = arrow {
            if let Some(added) = crate::arrow::add_observations(&mut self.inner, &columns)? {
                return Ok(added);
            }
            let value = crate::arrow::json_rows(&columns, "observations")?;
            return self.inner.add_observations_json_value(&value).py();
        }
        if let Some(rows) = from_columns(table)? {
            return self.inner.add_observations(rows).py();
        }
        let value = from_py(&rows(table)?, "observations").py()?;
        self.inner.add_observations_json_value(&value).py()
    }

    #[pyo3(signature = (target = None))]
    fn observations<'py>(&self, py: Python<'py>, target: Option<&Bound<'_, PyAny>>) -> PyResult<Bound<'py, PyAny>> {
        let target = crate::convert::opt_str_arg(target, "target")?;
        let target = target.as_deref();
        serialize(py, &self.inner.observations(target).py()?)
    }

    #[pyo3(signature = (target, as_of, **options_))]
    fn assess<'py>(
        &self,
        py: Python<'py>,
        target: &Bound<'_, PyAny>,
        as_of: &Bound<'py, PyAny>,
        options_: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let target = crate::convert::str_arg(target, "target")?;
        let target = target.as_str();
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
        ratio_target: &Bound<'_, PyAny>,
        count_target: &Bound<'_, PyAny>,
        population: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let ratio_target = crate::convert::str_arg(ratio_target, "ratio_target")?;
        let ratio_target = ratio_target.as_str();
        let count_target = crate::convert::str_arg(count_target, "count_target")?;
        let count_target = count_target.as_str();
        let population = population.map(|p| extract_decimal(p, "population")).transpose().py()?;
        serialize(py, &self.inner.check_ratio(ratio_target, count_target, population).py()?)
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn __reduce__(&self, py: Python<'_>) -> PyResult<(Py<PyAny>, (String, String, String))> {
        crate::state::reduce(py, "Monitor", crate::state::monitor(&self.inner)?)
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
}

/// Assessments of many targets at one date, with counts per status overall and per group.
#[pyclass(module = "zhengce._zhengce", name = "Scorecard", frozen)]
pub struct PyScorecard {
    pub(crate) inner: Scorecard,
}

crate::guarded! {
#[pymethods]
impl PyScorecard {
    fn to_json_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &self.inner)
    }

    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    fn __reduce__(&self, py: Python<'_>) -> PyResult<(Py<PyAny>, (String, String, String))> {
        let card = serde_json::to_value(&self.inner).map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
        crate::state::reduce(py, "Scorecard", serde_json::json!({"scorecard": card}))
    }

    #[pyo3(signature = (*, raw_text = None), text_signature = "(self, *, raw_text=False)")]
    fn to_csv(&self, raw_text: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
        let raw_text = raw_text.map(|r| crate::convert::bool_arg(r, "raw_text")).transpose()?.unwrap_or(false);
        Ok(self.inner.to_csv_with(&zhengce::value::CsvOptions { raw_text }))
    }

    #[pyo3(signature = (*, raw_text = None), text_signature = "(self, *, raw_text=False)")]
    fn assessments_to_csv(&self, raw_text: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
        let raw_text = raw_text.map(|r| crate::convert::bool_arg(r, "raw_text")).transpose()?.unwrap_or(false);
        Ok(self.inner.assessments_to_csv_with(&zhengce::value::CsvOptions { raw_text }))
    }

    fn table(&self) -> PyResult<crate::table::PyTable> {
        crate::table::groups_table(&self.inner)
    }

    fn assessments_table(&self) -> PyResult<crate::table::PyTable> {
        crate::table::assessments_table(&self.inner)
    }

    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("zhengce._tables")?
            .getattr("groups_frame")?
            .call1((self.inner.to_csv_with(&zhengce::value::CsvOptions { raw_text: true }),))
    }

    fn assessments_to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("zhengce._tables")?
            .getattr("assessments_frame")?
            .call1((self.inner.assessments_to_csv_with(&zhengce::value::CsvOptions { raw_text: true }),))
    }

    #[pyo3(signature = (dimension = None, ax = None, lang = None))]
    fn plot<'py>(
        slf: Bound<'py, Self>,
        dimension: Option<&Bound<'_, PyAny>>,
        ax: Option<Bound<'py, PyAny>>,
        lang: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let dimension = crate::convert::opt_str_arg(dimension, "dimension")?;
        let dimension = dimension.as_deref();
        let lang = crate::convert::opt_str_arg(lang, "lang")?;
        let lang = lang.as_deref();
        let visual = slf.py().import("zhengce._visual")?;
        visual.getattr("plot_scorecard")?.call1((slf, dimension, ax, lang))
    }

    fn _repr_html_<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let as_of = zhengce::value::format_date(self.inner.as_of);
        py.import("zhengce._tables")?
            .getattr("scorecard_html")?
            .call1((as_of, self.inner.to_csv_with(&zhengce::value::CsvOptions { raw_text: true })))
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
}
