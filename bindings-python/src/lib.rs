//! The Python module `zhengce._zhengce`: a thin translation layer over the `zhengce` crate.
//!
//! Each method converts its arguments, makes one core call and converts the result. No
//! policy logic lives here. Registration only; the classes live in one file per core module.
#![forbid(unsafe_code)]

use pyo3::prelude::*;

mod calendar;
mod catalogue;
mod communities;
mod context;
mod convert;
mod error;
mod rules;
mod sampling;
mod targets;

#[pymodule]
fn _zhengce(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", zhengce::VERSION)?;
    m.add_class::<catalogue::PyCatalogue>()?;
    m.add_class::<context::PyContext>()?;
    m.add_class::<calendar::PyCalendars>()?;
    m.add_class::<calendar::PyCalendar>()?;
    m.add_class::<rules::PyEvaluator>()?;
    m.add_class::<rules::PyEvaluation>()?;
    m.add_class::<rules::PyBatchResult>()?;
    m.add_class::<rules::PyComparison>()?;
    m.add_class::<sampling::PyInspectionPlan>()?;
    m.add_class::<sampling::PyStratifiedDraw>()?;
    m.add_class::<targets::PyMonitor>()?;
    m.add_class::<targets::PyScorecard>()?;
    m.add_class::<communities::PyCommunities>()?;
    Ok(())
}
