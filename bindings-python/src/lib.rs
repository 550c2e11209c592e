//! The Python module `zhengce._zhengce`: a thin translation layer over the `zhengce` crate.
//!
//! Each method converts its arguments, makes one core call and converts the result. No
//! policy logic lives here. Registration only; the classes live in one file per core module.
//! The one `unsafe` module is `raw` (reading `Decimal` and numpy string memory in place).
#![deny(unsafe_code)]

use pyo3::prelude::*;

mod arrow;
mod calendar;
mod catalogue;
mod columns;
mod communities;
mod context;
mod convert;
mod draft;
mod error;
#[macro_use]
mod guard;
mod prepared;
mod raw;
mod rules;
mod sampling;
mod state;
mod table;
mod targets;
mod testing;

#[pymodule]
fn _zhengce(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", zhengce::VERSION)?;
    m.add_function(wrap_pyfunction!(guard::_panic_for_test, m)?)?;
    m.add_function(wrap_pyfunction!(state::_restore, m)?)?;
    m.add_class::<catalogue::PyCatalogue>()?;
    m.add_class::<table::PyTable>()?;
    m.add_class::<context::PyContext>()?;
    m.add_class::<calendar::PyCalendars>()?;
    m.add_class::<calendar::PyCalendar>()?;
    m.add_class::<rules::PyEvaluator>()?;
    m.add_class::<prepared::PyDatedEvaluator>()?;
    m.add_class::<rules::PyEvaluation>()?;
    m.add_class::<rules::PyBatchResult>()?;
    m.add_class::<rules::PyComparison>()?;
    m.add_class::<sampling::PyInspectionPlan>()?;
    m.add_class::<sampling::PyStratifiedDraw>()?;
    m.add_class::<targets::PyMonitor>()?;
    m.add_class::<targets::PyScorecard>()?;
    m.add_class::<communities::PyCommunities>()?;
    m.add_class::<draft::PyDraft>()?;
    m.add_function(wrap_pyfunction!(draft::draft, m)?)?;
    m.add_function(wrap_pyfunction!(testing::run_cases, m)?)?;
    m.add_function(wrap_pyfunction!(testing::parse_yaml, m)?)?;
    m.add_function(wrap_pyfunction!(testing::cases_schema, m)?)?;
    Ok(())
}
