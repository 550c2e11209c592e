//! The options of the day and arithmetic calls: what to assume for a date the data does not
//! cover.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An assumption a caller may opt into, per call, for dates the data does not cover.
///
/// # Example
///
/// ```
/// let a: zhengce::calendar::Assume = serde_json::from_str("\"weekends_only\"").unwrap();
/// assert_eq!(a, zhengce::calendar::Assume::WeekendsOnly);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Assume {
    /// Where a layer's data is missing, assume it declares no day off and no make-up day:
    /// Monday to Friday are working days. Days that other layers cover keep their data (a
    /// Xinjiang date of 2024 keeps the national 2024 holidays, without the regional festivals).
    WeekendsOnly,
    /// Where the national data is missing (a year whose State Council notice is not published
    /// yet), assume the statutory days of the law in force (全国年节及纪念日放假办法, computed by
    /// [`statutory_year`](super::statutory_year)) and no swap or make-up working day. Every day
    /// of such a year is *provisional*: [`Day::provisional`](super::Day::provisional), and a deadline lists the
    /// provisional days off it counted past. A regional layer's missing year adds no regional
    /// day off (its festivals are set by the regional notice alone); its days are provisional
    /// too. Years from 2000 to three years after the data's last, within 2099.
    Statutory,
}

/// Options of the day and arithmetic calls.
///
/// # Example
///
/// ```
/// use zhengce::calendar::{Assume, CalendarOptions};
///
/// let strict = CalendarOptions::default();
/// assert!(strict.assume.is_none());
/// let lenient = CalendarOptions { assume: Some(Assume::WeekendsOnly) };
/// # let _ = lenient;
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CalendarOptions {
    /// What to assume for a date outside the data; `None` (the default) makes such a date an
    /// `out_of_coverage` error.
    #[serde(default)]
    pub assume: Option<Assume>,
}

/// Options that make a provisional calendar strict about its own (extended) coverage.
pub(crate) const STRICT: CalendarOptions = CalendarOptions { assume: None };
