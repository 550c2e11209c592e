//! `zhengce.draft`: a draft catalogue layer read from a policy document's text.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use zhengce::draft::{Draft, DraftMeta, DraftOptions};

use crate::convert::{from_py, options, serialize};
use crate::error::IntoPy;

/// A drafted catalogue layer and the evidence for every entry (see `zhengce::draft::Draft`).
#[pyclass(module = "zhengce._zhengce", name = "Draft", frozen)]
pub struct PyDraft {
    pub inner: Draft,
}

crate::guarded! {
#[pymethods]
impl PyDraft {
    /// The catalogue layer, as a dict in the catalogue's JSON shape.
    #[getter]
    fn layer<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &self.inner.layer)
    }

    /// The clause tree: ids, headings, text and spans.
    #[getter]
    fn clauses<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &self.inner.clauses)
    }

    /// Every drafted entry with its span, clause and confidence.
    #[getter]
    fn items<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &self.inner.items)
    }

    /// Counts of what was drafted.
    #[getter]
    fn stats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &self.inner.stats)
    }

    fn to_json_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, &self.inner)
    }

    fn to_json(&self) -> String {
        serde_json::to_string(&self.inner).unwrap_or_default()
    }

    fn layer_json(&self) -> String {
        serde_json::to_string(&self.inner.layer).unwrap_or_default()
    }

    fn __repr__(&self) -> String {
        let s = &self.inner.stats;
        format!(
            "<zhengce.Draft: {} clauses, {} targets, {} observations, {} time limits, {} fees, {} units>",
            s.clauses, s.targets, s.observations, s.time_limits, s.fees, s.units
        )
    }
}
}

/// Drafts a catalogue layer from `text`; `meta` is a dict (`id`, `jurisdiction`, optional
/// `title`, `issued`, `period`), options are keywords (`max_chars`, `max_items`).
#[pyfunction]
#[pyo3(signature = (text, meta, **options_))]
pub fn draft(
    text: &Bound<'_, PyAny>,
    meta: &Bound<'_, PyAny>,
    options_: Option<&Bound<'_, PyDict>>,
) -> PyResult<PyDraft> {
    let text = crate::convert::str_arg(text, "text")?;
    let text = text.as_str();
    let meta: DraftMeta = zhengce::error::from_json_value(&from_py(meta, "meta").py()?, "meta").py()?;
    let o: DraftOptions = options(options_, "options").py()?;
    crate::guard::guard(move || Ok(PyDraft { inner: zhengce::draft::draft(text, &meta, &o).py()? }))
}
