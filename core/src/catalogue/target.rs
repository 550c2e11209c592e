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
    /// What kind of target: a level to reach (default), a milestone (a deliverable done or
    /// not by a date) or a recurring duty (every year, every half year).
    #[serde(default, skip_serializing_if = "TargetKind::is_level")]
    pub kind: TargetKind,
    /// For a recurring duty: how often it falls due. Each slot of the period (a calendar
    /// year, half year, quarter or month) needs `value` pieces of dated evidence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub every: Option<Every>,
    /// A range the text states when the target reads it as one bound: 「压缩至30-60个工作日」
    /// is `at_most` 60 with the stated range 30-60 kept here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated_range: Option<StatedRange>,
    /// True if a number the assessment uses (value, period, deadline) is not given by the text
    /// but assumed; `reading` says where it comes from, and every assessment notes it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub assumption: bool,
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

/// What kind of target an entry is.
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// // 「建成新津体育中心」: done or not by a date.
/// let t = cat.target("xinjin-2021-fragment/tm-sports-centre")?;
/// assert_eq!(t.kind, zhengce::catalogue::TargetKind::Milestone);
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    /// A level of a metric to reach or keep (the default).
    #[default]
    Level,
    /// A deliverable without a number, done or not by its deadline (comparator `achieve`,
    /// unit `boolean`: an observation of 1 is evidence that it was done on that date).
    Milestone,
    /// A duty that falls due again and again (每年, 每半年, 定期): comparator `at_least`,
    /// `value` pieces of evidence per slot of `every`, over the target's period; each
    /// observation is one dated piece of evidence (value = how many times it was done).
    Recurring,
}

impl TargetKind {
    /// True for [`TargetKind::Level`], the default.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhengce::catalogue::TargetKind::default().is_level());
    /// ```
    pub fn is_level(&self) -> bool {
        *self == TargetKind::Level
    }
}

/// How often a recurring duty falls due: the slots are calendar years, halves, quarters or
/// months.
///
/// # Example
///
/// ```
/// let e: zhengce::catalogue::Every = serde_json::from_str(r#""half_year""#).unwrap();
/// assert_eq!(e, zhengce::catalogue::Every::HalfYear);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Every {
    /// 每年: each calendar year.
    Year,
    /// 每半年: January-June and July-December.
    HalfYear,
    /// 每季度: each calendar quarter.
    Quarter,
    /// 每月: each calendar month.
    Month,
}

impl Every {
    /// The number of months in one slot.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhengce::catalogue::Every::HalfYear.months(), 6);
    /// ```
    pub fn months(self) -> u32 {
        match self {
            Every::Year => 12,
            Every::HalfYear => 6,
            Every::Quarter => 3,
            Every::Month => 1,
        }
    }
}

/// A range as the text states it, kept beside the bound the target is read as.
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// let t = cat.target("tianshan-2022-87/t43c")?;
/// let r = t.stated_range.as_ref().unwrap();
/// assert_eq!((r.lower.to_string(), r.upper.to_string()), ("30".into(), "60".into()));
/// assert_eq!(t.comparator, zhengce::Comparator::AtMost);
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatedRange {
    /// The lower figure as stated.
    #[schemars(with = "String")]
    pub lower: Decimal,
    /// The upper figure as stated.
    #[schemars(with = "String")]
    pub upper: Decimal,
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

/// An observed value of a metric, with the date it refers to (`as_of`) and, when known, the
/// date it was published.
///
/// # Example
///
/// ```
/// let json = r#"{"id": "obs-1", "metric": {"zh": "网上可办率", "en": "Share handled online"},
///   "target": "tianshan-2022-87/t28", "value": "87.5", "unit": "%", "as_of": "2022-12-31",
///   "published": "2023-01-05",
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
    /// The date the value refers to (the end of the period for a period total); accepted as
    /// `date` too. Assessment places an observation by this date.
    #[serde(alias = "date", with = "crate::value::iso_date")]
    #[schemars(with = "NaiveDate")]
    pub as_of: NaiveDate,
    /// The date the value was published, when known (year-end figures appear in January):
    /// an assessment on an earlier date does not know the value yet.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::value::opt_iso_date")]
    #[schemars(with = "Option<NaiveDate>")]
    pub published: Option<NaiveDate>,
    /// The jurisdiction it was measured in.
    pub scope: String,
    /// Where it is reported.
    pub source: Citation,
    /// How an ambiguous point was read, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
}
