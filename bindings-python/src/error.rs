//! Core errors as Python exceptions.
//!
//! The exception classes live in `zhengce/_errors.py` (so they have docstrings and methods);
//! this picks the class from the error's code and fills `code`, `path` and `details`.

use pyo3::prelude::*;

/// The Python exception for a core error.
pub fn to_py_err(err: zhengce::Error) -> PyErr {
    Python::attach(|py| build(py, &err).unwrap_or_else(|failed| failed))
}

fn build(py: Python<'_>, err: &zhengce::Error) -> PyResult<PyErr> {
    let class = py.import("zhengce._errors")?.getattr(class_name(err.code()))?;
    let details = crate::convert::to_py(py, &err.details())?;
    let exception = class.call1((err.to_string(), err.code(), err.path(), details))?;
    Ok(PyErr::from_value(exception))
}

fn class_name(code: &str) -> &'static str {
    match code {
        "invalid_catalogue" => "InvalidCatalogueError",
        "invalid_calendar" => "InvalidCalendarError",
        "not_found" => "NotFoundError",
        "invalid_input" | "wrong_rule_kind" => "InvalidInputError",
        "missing_input" => "MissingInputError",
        "unit_mismatch" => "UnitMismatchError",
        "out_of_coverage" => "OutOfCoverageError",
        "infeasible" => "InfeasibleError",
        "internal" => "InternalError",
        "missing_dependency" => "MissingDependencyError",
        _ => "ZhengceError",
    }
}

/// `zhengce.InternalError` (code `internal`): a defect of the library, such as a caught panic.
pub fn internal(message: &str) -> PyErr {
    Python::attach(|py| {
        let made = (|| -> PyResult<PyErr> {
            let class = py.import("zhengce._errors")?.getattr("InternalError")?;
            let text = format!("internal error (please report it): {message}");
            let details = pyo3::types::PyDict::new(py);
            details.set_item("code", "internal")?;
            details.set_item("message", message)?;
            Ok(PyErr::from_value(class.call1((text, "internal", py.None(), details))?))
        })();
        made.unwrap_or_else(|failed| failed)
    })
}

/// `zhengce.MissingDependencyError`: `what` needs `package`, which `zhengce[extra]` installs.
pub fn missing_dependency(py: Python<'_>, package: &str, extra: &str, what: &str) -> PyErr {
    let made = py
        .import("zhengce._errors")
        .and_then(|m| m.getattr("missing_dependency"))
        .and_then(|f| f.call1((package, extra, what)));
    match made {
        Ok(exception) => PyErr::from_value(exception),
        Err(failed) => failed,
    }
}

/// Converts a core result into a Python result.
pub trait IntoPy<T> {
    /// Raises the matching `ZhengceError` subclass on error.
    fn py(self) -> PyResult<T>;
}

impl<T> IntoPy<T> for Result<T, zhengce::Error> {
    fn py(self) -> PyResult<T> {
        self.map_err(to_py_err)
    }
}
