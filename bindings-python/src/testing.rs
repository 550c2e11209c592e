//! `zhengce.testing`'s native half: the core's case runner and YAML reader
//! (`zhengce::testing`), so Python runs cases exactly as `zhengce test` and JavaScript do.

use pyo3::prelude::*;

use crate::context::PyContext;
use crate::convert::{from_py, serialize, to_py};
use crate::error::IntoPy;

/// Runs a case document (a dict with `cases`, a list of cases, or one case) in the context
/// (the built-in data by default); returns the report as a dict.
#[pyfunction]
#[pyo3(signature = (document, context=None))]
pub fn run_cases<'py>(
    py: Python<'py>,
    document: &Bound<'py, PyAny>,
    context: Option<&Bound<'_, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let context = context.map(|o| crate::convert::class_arg::<PyContext>(o, "context")).transpose()?;
    let doc = from_py(document, "document").py()?;
    let report = match context {
        Some(c) => zhengce::testing::run_cases(&c.inner, &doc),
        None => zhengce::testing::run_cases(&builtin(), &doc),
    }
    .py()?;
    serialize(py, &report)
}

/// Reads one YAML document as the case runner does (floats kept as exact decimal strings).
#[pyfunction]
pub fn parse_yaml<'py>(py: Python<'py>, text: &Bound<'_, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let text = crate::convert::str_arg(text, "text")?;
    let text = text.as_str();
    to_py(py, &zhengce::testing::parse_yaml(text).py()?)
}

/// The JSON Schema of case documents.
#[pyfunction]
pub fn cases_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_py(py, &zhengce::testing::json_schema())
}

fn builtin() -> zhengce::Context {
    static BUILTIN: std::sync::OnceLock<zhengce::Context> = std::sync::OnceLock::new();
    BUILTIN.get_or_init(zhengce::Context::builtin).clone()
}
