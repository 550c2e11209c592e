//! What a plan asks for: jurisdiction, date, seed, checks, ratios and inspectors.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::ClassPolicy;

/// One department's check items in a plan (抽查事项), and the entities they apply to.
///
/// # Example
///
/// ```
/// let c: zhengce::sampling::CheckSpec = serde_json::from_str(
///     r#"{"department": "amr", "items": ["licence", "food-safety"], "industries": ["food"]}"#).unwrap();
/// assert_eq!(c.items.len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckSpec {
    /// The department carrying out the check.
    pub department: String,
    /// Its check items, from the published item list (抽查事项清单).
    pub items: Vec<String>,
    /// The industries the items apply to; every entity when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industries: Option<Vec<String>>,
}

/// An entity attribute a draw may stratify by, besides the credit class.
///
/// # Example
///
/// ```
/// assert_eq!(serde_json::to_value(zhengce::sampling::StratifyBy::District).unwrap(), "district");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StratifyBy {
    /// The entity's industry.
    Industry,
    /// The entity's district.
    District,
}

/// How visits are shared among eligible inspectors.
///
/// # Example
///
/// ```
/// assert_eq!(zhengce::sampling::Workload::default(), zhengce::sampling::Workload::Balanced);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Workload {
    /// Each pick is uniform among the eligible inspectors with the fewest visits so far in the
    /// plan: loads within a department differ by at most one where eligibility allows.
    #[default]
    Balanced,
    /// Each pick is uniform among all eligible inspectors.
    Uniform,
}

/// The inputs of an inspection plan besides the register and the directory.
///
/// Parameters left out are read from the catalogue at `date` in `jurisdiction` (the nearest
/// ancestor's value when the jurisdiction has none): the base ratio
/// `inspection.sampling_ratio.base`, the class multipliers `inspection.sampling_multiplier.*`,
/// the minimum inspectors per check `inspection.inspectors_per_check.min` and the publication
/// time limit `inspection.result_publication.time_limit`.
///
/// # Example
///
/// ```
/// let spec: zhengce::sampling::PlanSpec = serde_json::from_value(serde_json::json!({
///     "jurisdiction": "cn-xj-urumqi-tianshan", "date": "2022-06-01", "seed": "2022-06-01 public draw",
///     "checks": [{"department": "amr", "items": ["licence"]}]
/// })).unwrap();
/// assert!(spec.joint);
/// assert!(spec.base_ratio.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanSpec {
    /// The jurisdiction whose parameters and calendar apply.
    pub jurisdiction: String,
    /// The plan's date: parameters are those in force on it; publication is due from it.
    #[serde(with = "crate::value::iso_date")]
    #[schemars(with = "NaiveDate")]
    pub date: NaiveDate,
    /// The published seed (any non-empty text, e.g. the numbers drawn at a public lottery).
    /// Its UTF-8 bytes, exactly as given, define the random streams: no trimming, no case
    /// folding, no Unicode normalisation (`"é"` composed and decomposed are two seeds). Text
    /// that is not well-formed Unicode (a lone surrogate) is refused by both bindings, never
    /// replaced, so two different seeds never become one.
    pub seed: String,
    /// The departments' check items; at least one.
    pub checks: Vec<CheckSpec>,
    /// Attributes to stratify by besides the credit class.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stratify_by: Vec<StratifyBy>,
    /// The base (class B) sampling ratio, instead of the catalogue's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    #[serde(with = "crate::value::opt_strict_decimal")]
    pub base_ratio: Option<Decimal>,
    /// Class policies replacing the catalogue's for the classes they name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub policies: Vec<ClassPolicy>,
    /// Inspectors per department per visit; the legal minimum when absent, never fewer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inspectors_per_check: Option<u64>,
    /// How visits are shared among inspectors.
    #[serde(default)]
    pub workload: Workload,
    /// Merge the departments' checks of one entity into one visit (进一次门、查多项事);
    /// otherwise each department visits on its own.
    #[serde(default = "yes")]
    pub joint: bool,
}

fn yes() -> bool {
    true
}

/// The inputs of a columnar draw ([`StratifiedDraw`](super::StratifiedDraw)): the sampling part
/// of a [`PlanSpec`], without checks or inspectors.
///
/// # Example
///
/// ```
/// let spec: zhengce::sampling::SampleSpec = serde_json::from_value(serde_json::json!({
///     "jurisdiction": "cn", "date": "2023-01-01", "seed": "s", "base_ratio": "0.05"})).unwrap();
/// assert_eq!(spec.base_ratio.unwrap().to_string(), "0.05");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SampleSpec {
    /// The jurisdiction whose parameters apply.
    pub jurisdiction: String,
    /// The date the parameters are read at.
    #[serde(with = "crate::value::iso_date")]
    #[schemars(with = "NaiveDate")]
    pub date: NaiveDate,
    /// The published seed; its UTF-8 bytes, exactly as given, define the random streams.
    pub seed: String,
    /// The base (class B) sampling ratio, instead of the catalogue's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    #[serde(with = "crate::value::opt_strict_decimal")]
    pub base_ratio: Option<Decimal>,
    /// Class policies replacing the catalogue's for the classes they name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub policies: Vec<ClassPolicy>,
}

impl PlanSpec {
    /// The sampling part of the plan.
    ///
    /// # Example
    ///
    /// ```
    /// let spec: zhengce::sampling::PlanSpec = serde_json::from_value(serde_json::json!({"jurisdiction": "cn",
    ///     "date": "2022-06-01", "seed": "s", "checks": []})).unwrap();
    /// assert_eq!(spec.sample_spec().seed, "s");
    /// ```
    pub fn sample_spec(&self) -> SampleSpec {
        SampleSpec {
            jurisdiction: self.jurisdiction.clone(),
            date: self.date,
            seed: self.seed.clone(),
            base_ratio: self.base_ratio,
            policies: self.policies.clone(),
        }
    }
}
