//! `zhengce.testing`'s native half: the core's case runner and YAML reader
//! (`zhengce::testing`), so Python runs cases exactly as `zhengce test` and JavaScript do.

use pyo3::prelude::*;

use crate::catalogue::PyCatalogue;
use crate::convert::{from_py, serialize, to_py};
use crate::error::IntoPy;

/// Runs a case document (a dict with `cases`, a list of cases, or one case) on the catalogue
/// (the built-in one by default); returns the report as a dict.
#[pyfunction]
#[pyo3(signature = (document, catalogue=None))]
pub fn run_cases<'py>(
    py: Python<'py>,
    document: &Bound<'py, PyAny>,
    catalogue: Option<&Bound<'py, PyCatalogue>>,
) -> PyResult<Bound<'py, PyAny>> {
    let doc = from_py(document, "document").py()?;
    let report = match catalogue {
        Some(c) => zhengce::testing::run_cases(c.get().inner.as_ref(), &doc),
        None => zhengce::testing::run_cases(&builtin(), &doc),
    }
    .py()?;
    serialize(py, &report)
}

/// Reads one YAML document as the case runner does (floats kept as exact decimal strings).
#[pyfunction]
pub fn parse_yaml<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    to_py(py, &zhengce::testing::parse_yaml(text).py()?)
}

/// The JSON Schema of case documents.
#[pyfunction]
pub fn cases_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_py(py, &zhengce::testing::json_schema())
}

fn builtin() -> std::sync::Arc<zhengce::Catalogue> {
    static BUILTIN: std::sync::OnceLock<std::sync::Arc<zhengce::Catalogue>> = std::sync::OnceLock::new();
    BUILTIN.get_or_init(|| std::sync::Arc::new(zhengce::Catalogue::builtin())).clone()
}
