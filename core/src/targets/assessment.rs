//! The result of assessing a target ([`Assessment`]) and what an assessment needs to know
//! about its target, shared by the numeric assessment (`assess.rs`) and the recurring duties
//! (`recurring.rs`), so that neither imports the other.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::status::{Basis, Status};
use crate::catalogue::{Comparator, Qualifier, Target, Text};

/// The assessment of one target at a date.
///
/// Computed numbers (`progress`, `elapsed`, `expected`, a mean `value`) are rounded to four
/// decimal places, half away from zero; every number is written without trailing zeros.
/// Statuses are decided on exact values, before rounding.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use zhengce::targets::{AssessOptions, Monitor, Status};
///
/// let mut monitor = Monitor::new(&zhengce::Context::builtin());
/// monitor.add_observation_json_value(&serde_json::json!({"target": "tianshan-2022-87/t85i",
///     "date": "2022-07-01", "value": "0.7", "unit": "places_per_1000_residents", "source": "synthetic"}))?;
/// let a = monitor.assess("tianshan-2022-87/t85i", NaiveDate::from_ymd_opt(2022, 7, 1).unwrap(), &AssessOptions::default())?;
/// assert_eq!(a.status, Status::OnTrack);
/// assert_eq!(a.progress.unwrap().to_string(), "0.5"); // 0.5 -> 0.7 of 0.5 -> 0.9
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Assessment {
    /// The target's id.
    pub target: String,
    /// What the target measures.
    pub metric: Text,
    /// Where the target stands.
    pub status: Status,
    /// The rule that decided the status.
    pub basis: Basis,
    /// The date of the assessment: observations dated after it are not known.
    #[serde(with = "crate::value::iso_date")]
    #[schemars(with = "NaiveDate")]
    pub as_of: NaiveDate,
    /// The target's comparator.
    pub comparator: Comparator,
    /// The unit of every value below.
    pub unit: String,
    /// The value to reach: the stated one, the lower end of a range, or for targets relative
    /// to their baseline the value derived from it (`reduce_by` 70 from 20 is 6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub target_value: Option<Decimal>,
    /// The upper end of a range target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub upper: Option<Decimal>,
    /// True if `target_value` was derived from the baseline.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub derived: bool,
    /// The baseline: the target's, or else its earliest observation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub baseline: Option<Decimal>,
    /// The baseline's date, where known.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::value::opt_iso_date")]
    #[schemars(with = "Option<NaiveDate>")]
    pub baseline_date: Option<NaiveDate>,
    /// The start of the time axis: the baseline's date, else the start of the target's,
    /// programme's or document's period.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::value::opt_iso_date")]
    #[schemars(with = "Option<NaiveDate>")]
    pub start: Option<NaiveDate>,
    /// The deadline: the target's, else the end of its period.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::value::opt_iso_date")]
    #[schemars(with = "Option<NaiveDate>")]
    pub deadline: Option<NaiveDate>,
    /// The value assessed: the latest observation, or the mean for a target averaged over its
    /// period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub value: Option<Decimal>,
    /// How exactly the source states the value assessed (absent when exact).
    #[serde(default, skip_serializing_if = "Qualifier::is_exact")]
    pub qualifier: Qualifier,
    /// The date of the value assessed (of the latest observation averaged).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::value::opt_iso_date")]
    #[schemars(with = "Option<NaiveDate>")]
    pub observed_on: Option<NaiveDate>,
    /// The ids of the observations the value rests on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub observations: Vec<String>,
    /// The share of the way from baseline to target covered: 0 at the baseline, 1 at the
    /// target, above 1 beyond it, negative when moving away. When the baseline already meets
    /// or equals the target: 1 if met, else 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub progress: Option<Decimal>,
    /// The share of the time from `start` to `deadline` elapsed at `observed_on` (0..=1): the
    /// progress the straight-line path expects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub elapsed: Option<Decimal>,
    /// The value the straight line from baseline to target expects at `observed_on`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub expected: Option<Decimal>,
    /// The distance still to go: positive while short, zero on the target, negative beyond;
    /// for a range, the distance to the nearer end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub gap: Option<Decimal>,
    /// The reasoning in one sentence, with the thresholds used.
    pub note: String,
}

/// What the assessment needs to know about a target beyond the catalogue entry.
pub(crate) struct Subject<'a> {
    pub target: &'a Target,
    /// Start of the target's, programme's or document's period.
    pub period_start: Option<NaiveDate>,
    /// The target's deadline, else the end of its period.
    pub deadline: Option<NaiveDate>,
}

/// Adds to a note that the target's number is assumed, not the text's.
pub(crate) fn with_assumption(target: &Target, note: String) -> String {
    if target.assumption {
        format!(
            "{note} (the target rests on an assumption: a number or date the documents do not give; see its reading)"
        )
    } else {
        note
    }
}
