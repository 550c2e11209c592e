//! Targets the documents set, and observations of what was achieved.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Citation, Period, Text};

/// A target: a metric, a comparator and a value to reach by a deadline or over a period.
///
/// Boundary words follow the Civil Code (民法典 art 1259): 以上, 以下 and 以内 include the
/// number (`at_least`, `at_most`); 超过 and 不满 exclude it (`more_than`, `less_than`).
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// let t = cat.target("tianshan-2022-87/t28").unwrap();
/// assert_eq!(t.comparator, zhengce::Comparator::AtLeast);
/// assert_eq!(t.value.unwrap().to_string(), "85");
/// assert_eq!(t.unit, "%");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// Stable id.
    pub id: String,
    /// What is measured, in Chinese and English.
    pub metric: Text,
    /// The unit of the value (`%`, `persons`, `working_days`, `places_per_1000_residents`, ...).
    pub unit: String,
    /// How the observed value is compared with the target value.
    pub comparator: Comparator,
    /// The target value; absent for directional targets (`increase`, `decrease`, `achieve`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    #[serde(with = "crate::value::opt_strict_decimal")]
    pub value: Option<Decimal>,
    /// The upper end of a `range` target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    #[serde(with = "crate::value::opt_strict_decimal")]
    pub upper: Option<Decimal>,
    /// Where the metric started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Baseline>,
    /// The date by which the target is due.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::value::opt_iso_date")]
    #[schemars(with = "Option<NaiveDate>")]
    pub deadline: Option<NaiveDate>,
    /// The period over which the target holds (for averages and standing targets).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// How observations are combined into the value assessed: the latest one (default) or
    /// their mean over the period (年均, "on average per year").
    #[serde(default, skip_serializing_if = "Aggregation::is_latest")]
    pub aggregation: Aggregation,
    /// Binding (约束性), expected (预期性) or not stated.
    #[serde(default)]
    pub nature: Nature,
    /// The wording's strength (确保 ensure, 力争 strive, ...), when the text gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strength: Option<Strength>,
    /// The jurisdiction the target covers.
    pub scope: String,
    /// The measure that sets it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    /// The programme it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<String>,
    /// The community type it concerns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub community_type: Option<String>,
    /// Units responsible for it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<String>,
    /// Where it is set.
    pub source: Citation,
    /// How an ambiguous point was read, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
}

/// How an observed value is compared with a target.
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// // 超过16家: more than 16, the number itself excluded
/// let bases = cat.target("putuo-2019-startup-district/t03")?;
/// assert_eq!(bases.comparator, zhengce::Comparator::MoreThan);
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    /// Observed ≥ value (以上, 不少于).
    AtLeast,
    /// Observed > value (超过).
    MoreThan,
    /// Observed ≤ value (以下, 以内, 控制在…以内).
    AtMost,
    /// Observed < value (不满, 低于).
    LessThan,
    /// Observed = value (e.g. 100% coverage, a count reached exactly).
    Equal,
    /// Reach the value from the baseline, in whichever direction that lies (达到, 提高到).
    Reach,
    /// Fall by at least `value` percent of the baseline (压减…以上, 降低).
    ReduceBy,
    /// Rise by at least `value` percent of the baseline (增长).
    IncreaseBy,
    /// Observed within `value..=upper`.
    Range,
    /// Rise, no number given (提高, 扩大).
    Increase,
    /// Fall, no number given (降低, 减少).
    Decrease,
    /// A status to achieve, no number given (建成, 实现).
    Achieve,
    /// Keep at least the baseline level, no number given (保持, 稳定).
    Maintain,
}

impl Comparator {
    /// True if the comparator needs a target value.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhengce::Comparator::AtLeast.needs_value());
    /// assert!(!zhengce::Comparator::Achieve.needs_value());
    /// ```
    pub fn needs_value(self) -> bool {
        !matches!(
            self,
            Comparator::Increase | Comparator::Decrease | Comparator::Achieve | Comparator::Maintain
        )
    }
}

/// How a target's observations are combined into the value that is assessed.
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// // 「年均失业登记率控制在4%以内」: an average over the years.
/// let t = cat.target("xinjin-2021-fragment/t16").unwrap();
/// assert_eq!(t.aggregation, zhengce::catalogue::Aggregation::Mean);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// The latest observation (the default): a level reached by a date.
    #[default]
    Latest,
    /// The mean of the observations within the target's period (年均: an average per year,
    /// given as one observation per year).
    Mean,
}

impl Aggregation {
    /// True for [`Aggregation::Latest`], the default.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhengce::catalogue::Aggregation::default().is_latest());
    /// ```
    pub fn is_latest(&self) -> bool {
        *self == Aggregation::Latest
    }
}

/// A target's nature in a plan's indicator table.
///
/// # Example
///
/// ```
/// // None of the five documents labels a target 约束性 or 预期性.
/// let cat = zhengce::Catalogue::builtin();
/// assert!(cat.data().targets.iter().all(|t| t.nature == zhengce::Nature::Unstated));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Nature {
    /// 约束性: binding on government.
    Binding,
    /// 预期性: expected, guiding.
    Expected,
    /// The document does not say.
    #[default]
    Unstated,
}

/// How firmly the text words a target.
///
/// # Example
///
/// ```
/// let s: zhengce::Strength = serde_json::from_str(r#""strive""#).unwrap();
/// assert_eq!(s, zhengce::Strength::Strive);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    /// 确保: ensure.
    Ensure,
    /// 力争: strive for.
    Strive,
    /// 控制在…以内: keep within.
    KeepWithin,
    /// 基本: basically.
    Basically,
    /// 逐步: gradually.
    Gradually,
}

/// How exactly a reported figure is stated.
///
/// # Example
///
/// ```
/// use zhengce::catalogue::Qualifier;
/// let q: Qualifier = serde_json::from_str(r#""more_than""#).unwrap();
/// assert_eq!(q, Qualifier::MoreThan);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// The figure as stated.
    #[default]
    Exact,
    /// More than the figure (超过, 突破, 余).
    MoreThan,
    /// At least the figure (以上).
    AtLeast,
    /// About the figure (约, 近).
    About,
    /// An estimate (预计).
    Estimated,
}

impl Qualifier {
    /// True for [`Qualifier::Exact`].
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhengce::catalogue::Qualifier::default().is_exact());
    /// ```
    pub fn is_exact(&self) -> bool {
        *self == Qualifier::Exact
    }
}

/// A target's starting point.
///
/// # Example
///
/// ```
/// let b: zhengce::Baseline = serde_json::from_str(r#"{"value": "0.5", "date": "2021-12-31"}"#).unwrap();
/// assert_eq!(b.value.to_string(), "0.5");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// The value at the start.
    #[schemars(with = "String")]
    #[serde(with = "crate::value::strict_decimal")]
    pub value: Decimal,
    /// When it was measured, if the text says.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::value::opt_iso_date")]
    #[schemars(with = "Option<NaiveDate>")]
    pub date: Option<NaiveDate>,
}

/// An observed value of a metric at a date.
///
/// # Example
///
/// ```
/// let json = r#"{"id": "obs-1", "metric": {"zh": "网上可办率", "en": "Share handled online"},
///   "target": "tianshan-2022-87/t28", "value": "87.5", "unit": "%", "date": "2022-12-31",
///   "scope": "cn-xj-urumqi-tianshan", "source": {"document": "tianshan-2022-87"}}"#;
/// let o: zhengce::Observation = serde_json::from_str(json).unwrap();
/// assert_eq!(o.value.to_string(), "87.5");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Observation {
    /// Stable id.
    pub id: String,
    /// What was measured.
    pub metric: Text,
    /// The target it measures progress on, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// The value.
    #[schemars(with = "String")]
    #[serde(with = "crate::value::strict_decimal")]
    pub value: Decimal,
    /// How exactly the source states the value (超过 more than, 约 about, 预计 estimated).
    #[serde(default, skip_serializing_if = "Qualifier::is_exact")]
    pub qualifier: Qualifier,
    /// The unit of the value.
    pub unit: String,
    /// The date the value refers to (the end of the period for a period total).
    #[serde(with = "crate::value::iso_date")]
    #[schemars(with = "NaiveDate")]
    pub date: NaiveDate,
    /// The jurisdiction it was measured in.
    pub scope: String,
    /// Where it is reported.
    pub source: Citation,
    /// How an ambiguous point was read, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
}
