//! One module per subcommand: its arguments, its `core` glue, and its output.

pub mod calendar;
pub mod deadline;
pub mod draft;
pub mod eval;
pub mod plan;
pub mod score;
pub mod test;
pub mod validate;

use chrono::NaiveDate;

use crate::failure::Failure;

/// Parses a strict ISO date argument.
pub fn date_arg(what: &str, text: &str) -> Result<NaiveDate, Failure> {
    zhengce::value::parse_date(text).ok_or_else(|| {
        Failure::input("invalid_input", format!("{what}: expected an ISO date YYYY-MM-DD, got '{text}'"))
    })
}
