//! The Python module `zhengce._zhengce`: a thin translation layer over the `zhengce` crate.
//!
//! Each method converts its arguments, makes one core call and converts the result. No
//! policy logic lives here. Registration only; the classes live in one file per core module.
#![forbid(unsafe_code)]

use pyo3::prelude::*;

mod catalogue;
mod context;
mod convert;
// --- calendar ---
mod calendar;
// --- rules ---
mod rules;
// --- sampling ---
mod sampling;
// --- targets ---
mod targets;
// --- communities ---
mod communities;
mod error;

#[pymodule]
fn _zhengce(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", zhengce::VERSION)?;
    // --- catalogue ---
    m.add_class::<catalogue::PyCatalogue>()?;
    m.add_class::<context::PyContext>()?;
    // --- calendar ---
    m.add_class::<calendar::PyCalendars>()?;
    m.add_class::<calendar::PyCalendar>()?;
    // --- rules ---
    m.add_class::<rules::PyEvaluator>()?;
    m.add_class::<rules::PyEvaluation>()?;
    m.add_class::<rules::PyBatchResult>()?;
    m.add_class::<rules::PyComparison>()?;
    // --- sampling ---
    m.add_class::<sampling::PyInspectionPlan>()?;
    m.add_class::<sampling::PyStratifiedDraw>()?;
    // --- targets ---
    m.add_class::<targets::PyMonitor>()?;
    m.add_class::<targets::PyScorecard>()?;
    // --- communities ---
    m.add_class::<communities::PyCommunities>()?;
    Ok(())
}
