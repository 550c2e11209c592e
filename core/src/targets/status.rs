//! The six statuses, the rule that decided one, and the thresholds the rules use.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::context::Context;
use crate::error::{Error, Result};

/// Where a target stands at a date.
///
/// The rules, in order (see the module docs for details):
///
/// 1. [`NoData`](Status::NoData): no observation to judge by.
/// 2. [`Met`](Status::Met): the assessed value satisfies the comparator.
/// 3. [`Missed`](Status::Missed): the deadline has passed and the target is not met.
/// 4. Otherwise [`OnTrack`](Status::OnTrack), [`AtRisk`](Status::AtRisk) or
///    [`OffTrack`](Status::OffTrack), judged against the straight line from baseline to
///    target, or by the direction of change, or by the time elapsed.
///
/// # Example
///
/// ```
/// use zhengce::targets::Status;
///
/// assert_eq!(serde_json::to_value(Status::OnTrack).unwrap(), "on_track");
/// assert!(Status::Met.rank() > Status::OnTrack.rank());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The target is met: the assessed value satisfies its comparator.
    Met,
    /// Not met yet, and progress is at or ahead of the path (or no pace can be judged and
    /// it is early).
    OnTrack,
    /// Not met yet, and behind the path by no more than the at-risk lag (or no pace can be
    /// judged and it is late, or a directional target has not moved).
    AtRisk,
    /// Not met yet, and further behind the path, moving away from the target, or slipped back
    /// from a baseline that already met it.
    OffTrack,
    /// The deadline has passed without the target being met.
    Missed,
    /// No observation to judge by (none dated after the baseline and by the as-of date, or,
    /// for a target defined relative to its baseline, no baseline).
    NoData,
}

impl Status {
    /// Every status, in the order scorecards list them.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhengce::targets::Status::ALL.len(), 6);
    /// ```
    pub const ALL: [Status; 6] =
        [Status::Met, Status::OnTrack, Status::AtRisk, Status::OffTrack, Status::Missed, Status::NoData];

    /// The status's snake_case name (`on_track`), as in JSON.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhengce::targets::Status::NoData.as_str(), "no_data");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::OnTrack => "on_track",
            Status::AtRisk => "at_risk",
            Status::OffTrack => "off_track",
            Status::Missed => "missed",
            Status::NoData => "no_data",
        }
    }

    /// An order from worst to best for the statuses that judge data: missed 0, off track 1,
    /// at risk 2, on track 3, met 4; no data is -1.
    ///
    /// # Example
    ///
    /// ```
    /// use zhengce::targets::Status;
    /// assert!(Status::AtRisk.rank() < Status::OnTrack.rank());
    /// assert_eq!(Status::NoData.rank(), -1);
    /// ```
    pub fn rank(self) -> i8 {
        match self {
            Status::NoData => -1,
            Status::Missed => 0,
            Status::OffTrack => 1,
            Status::AtRisk => 2,
            Status::OnTrack => 3,
            Status::Met => 4,
        }
    }
}

/// Which rule decided an assessment's status.
///
/// # Example
///
/// ```
/// assert_eq!(serde_json::to_value(zhengce::targets::Basis::LinearPath).unwrap(), "linear_path");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// No observation dated after the baseline and on or before the as-of date (after the
    /// deadline: on or before the deadline).
    NoObservation,
    /// The target is defined relative to its baseline (reduce by, increase by, increase,
    /// decrease, maintain) and neither the target nor an earlier observation gives one.
    NoBaseline,
    /// The comparator: the assessed value satisfies it.
    Comparator,
    /// The deadline has passed.
    DeadlinePassed,
    /// The straight line from baseline (value, date) to target (value, deadline).
    LinearPath,
    /// The baseline already met the target (or equalled it) and the value has slipped back.
    Slipped,
    /// The direction of change from the baseline (directional targets; targets without a
    /// deadline).
    Trend,
    /// The share of the time to the deadline that has elapsed (no path to judge pace by).
    ElapsedTime,
    /// The value is an approximate figure (约, 近, 预计): at risk at most, whatever it shows.
    Approximate,
    /// A recurring duty: the slots of its period that have ended, each with or without dated
    /// evidence.
    Recurrence,
}

impl Basis {
    /// The basis's snake_case name (`linear_path`), as in JSON.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhengce::targets::Basis::DeadlinePassed.as_str(), "deadline_passed");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::NoObservation => "no_observation",
            Basis::NoBaseline => "no_baseline",
            Basis::Comparator => "comparator",
            Basis::DeadlinePassed => "deadline_passed",
            Basis::LinearPath => "linear_path",
            Basis::Slipped => "slipped",
            Basis::Trend => "trend",
            Basis::ElapsedTime => "elapsed_time",
            Basis::Approximate => "approximate",
            Basis::Recurrence => "recurrence",
        }
    }
}

/// The thresholds of the status rules, as used for one assessment.
///
/// They are catalogue parameters (`monitoring.status.on_track_lag`, `.at_risk_lag`,
/// `.early_share`, in `core/data/catalogue/monitoring.json`), looked up for the target's
/// jurisdiction at the as-of date, so a layered catalogue can change them for a district or
/// from a date; [`AssessOptions`] overrides them per call. A catalogue without them uses
/// [`Thresholds::DEFAULT`], the same values.
///
/// # Example
///
/// ```
/// use zhengce::targets::Thresholds;
/// assert_eq!(Thresholds::DEFAULT.at_risk_lag.to_string(), "0.1");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Thresholds {
    /// On track while progress ≥ elapsed share − this (default 0).
    #[schemars(with = "String")]
    #[serde(with = "crate::value::strict_decimal")]
    pub on_track_lag: Decimal,
    /// At risk while progress ≥ elapsed share − this, off track below (default 0.1).
    #[schemars(with = "String")]
    #[serde(with = "crate::value::strict_decimal")]
    pub at_risk_lag: Decimal,
    /// Without a path, on track while less than this share of the time has elapsed, at risk
    /// after (default 0.5).
    #[schemars(with = "String")]
    #[serde(with = "crate::value::strict_decimal")]
    pub early_share: Decimal,
}

/// The catalogue keys of the thresholds.
pub(crate) const ON_TRACK_LAG: &str = "monitoring.status.on_track_lag";
pub(crate) const AT_RISK_LAG: &str = "monitoring.status.at_risk_lag";
pub(crate) const EARLY_SHARE: &str = "monitoring.status.early_share";

impl Thresholds {
    /// The values of the built-in `monitoring.json`: lags 0 and 0.1, early share 0.5.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhengce::targets::Thresholds::DEFAULT.early_share.to_string(), "0.5");
    /// ```
    pub const DEFAULT: Thresholds = Thresholds {
        on_track_lag: Decimal::ZERO,
        at_risk_lag: Decimal::from_parts(1, 0, 0, false, 1),
        early_share: Decimal::from_parts(5, 0, 0, false, 1),
    };

    /// The thresholds in force for a target of `scope` on `date`: the options where given,
    /// else the parameters as the context's scenario has them, else [`Thresholds::DEFAULT`].
    ///
    /// # Errors
    ///
    /// - `invalid_input` if an option, or the catalogue's value in force, lies outside 0..=1.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use zhengce::targets::{AssessOptions, Thresholds};
    ///
    /// let ctx = zhengce::Context::builtin();
    /// let on = NaiveDate::from_ymd_opt(2022, 6, 30).unwrap();
    /// let t = Thresholds::resolve(&ctx, "cn-xj-urumqi-tianshan", on, &AssessOptions::default())?;
    /// assert_eq!(t, Thresholds::DEFAULT);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn resolve(
        ctx: &Context,
        scope: &str,
        date: NaiveDate,
        options: &AssessOptions,
    ) -> Result<Thresholds> {
        options.check()?;
        let lookup = |key: &str, given: Option<Decimal>, default: Decimal| match given {
            Some(v) => Ok(v),
            None => {
                match ctx.parameter_value(key, scope, date).map(|found| (found.value, found.jurisdiction)) {
                    Ok((Some(value), place)) if value < Decimal::ZERO || value > Decimal::ONE => {
                        Err(Error::invalid_input(
                            key,
                            value,
                            format!(
                                "a share between 0 and 1 (the value in force in '{}')",
                                place.unwrap_or_default()
                            ),
                        ))
                    }
                    Ok((Some(value), _)) => Ok(value),
                    Ok((None, _)) | Err(_) => Ok(default),
                }
            }
        };
        let d = Thresholds::DEFAULT;
        Ok(Thresholds {
            on_track_lag: lookup(ON_TRACK_LAG, options.on_track_lag, d.on_track_lag)?,
            at_risk_lag: lookup(AT_RISK_LAG, options.at_risk_lag, d.at_risk_lag)?,
            early_share: lookup(EARLY_SHARE, options.early_share, d.early_share)?,
        })
    }
}

/// Per-call overrides of the status thresholds; unset fields come from the catalogue.
///
/// # Example
///
/// ```
/// use rust_decimal::Decimal;
/// use zhengce::targets::AssessOptions;
///
/// let strict = AssessOptions { at_risk_lag: Some(Decimal::new(5, 2)), ..Default::default() };
/// assert_eq!(strict.at_risk_lag.unwrap().to_string(), "0.05");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AssessOptions {
    /// Overrides `monitoring.status.on_track_lag` (a share, 0..=1).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    #[serde(with = "crate::value::opt_strict_decimal")]
    pub on_track_lag: Option<Decimal>,
    /// Overrides `monitoring.status.at_risk_lag` (a share, 0..=1).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    #[serde(with = "crate::value::opt_strict_decimal")]
    pub at_risk_lag: Option<Decimal>,
    /// Overrides `monitoring.status.early_share` (a share, 0..=1).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    #[serde(with = "crate::value::opt_strict_decimal")]
    pub early_share: Option<Decimal>,
}

impl AssessOptions {
    pub(crate) fn check(&self) -> Result<()> {
        for (field, value) in [
            ("on_track_lag", self.on_track_lag),
            ("at_risk_lag", self.at_risk_lag),
            ("early_share", self.early_share),
        ] {
            if let Some(v) = value.filter(|v| *v < Decimal::ZERO || *v > Decimal::ONE) {
                return Err(Error::invalid_input(field, v, "a share between 0 and 1"));
            }
        }
        Ok(())
    }
}
