//! Dated parameters: values in force in a jurisdiction from a date, with their sources.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Citation, Text};

/// A named quantity a rule uses (a rate, a cap, a number of days), with its dated values.
///
/// Each value holds in one jurisdiction from `effective_from` to `until` (both included; open
/// ended without `until`). A lookup in a jurisdiction uses that jurisdiction's value in force at
/// the date, else its parent's, and so on up the tree.
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// let p = cat.parameter("procurement.bid_bond.rate").unwrap();
/// assert_eq!(p.unit, "ratio");
/// assert!(p.values.len() >= 2);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Parameter {
    /// Stable key, e.g. `procurement.bid_bond.rate`.
    pub id: String,
    /// Name in Chinese and English.
    pub name: Text,
    /// Unit of every value (`ratio`, `yuan`, `working_days`, `calendar_days`, `kva`, ...).
    pub unit: String,
    /// What the parameter means, in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Dated values, in any order; periods of one jurisdiction must not overlap.
    pub values: Vec<ParameterValue>,
}

/// One dated value of a parameter in one jurisdiction.
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// let rate = cat.parameter("procurement.bid_bond.rate")?;
/// let tianshan = rate.values.iter().find(|v| v.jurisdiction == "cn-xj-urumqi-tianshan").unwrap();
/// assert_eq!(tianshan.value.to_string(), "0.01");
/// assert_eq!(tianshan.effective_from.to_string(), "2022-05-18");
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ParameterValue {
    /// The jurisdiction where the value holds (and, unless overridden, its descendants).
    pub jurisdiction: String,
    /// First day in force.
    #[serde(with = "crate::value::iso_date")]
    #[schemars(with = "NaiveDate")]
    pub effective_from: NaiveDate,
    /// Last day in force, included; open ended when absent.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::value::opt_iso_date")]
    #[schemars(with = "Option<NaiveDate>")]
    pub until: Option<NaiveDate>,
    /// The value, as a decimal string.
    #[schemars(with = "String")]
    #[serde(with = "crate::value::strict_decimal")]
    pub value: Decimal,
    /// Where the value is set.
    pub source: Citation,
    /// True if the number is our assumption, not the text's (the text says only "lower").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub assumption: bool,
    /// How the text was read to get this value, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
}

impl ParameterValue {
    /// True if the value is in force on `date`.
    ///
    /// # Example
    ///
    /// ```
    /// let cat = zhengce::Catalogue::builtin();
    /// let p = cat.parameter("procurement.bid_bond.rate").unwrap();
    /// let d = chrono::NaiveDate::from_ymd_opt(2016, 1, 1).unwrap();
    /// assert!(p.values.iter().any(|v| v.jurisdiction == "cn" && v.is_in_force(d)));
    /// ```
    pub fn is_in_force(&self, date: NaiveDate) -> bool {
        self.effective_from <= date && self.until.is_none_or(|u| date <= u)
    }
}

/// The answer to a parameter lookup: the value and where it came from.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
///
/// let cat = zhengce::Catalogue::builtin();
/// let found = cat.parameter_value("procurement.bid_bond.rate", "cn-xj-urumqi-tianshan",
///     NaiveDate::from_ymd_opt(2022, 6, 1).unwrap()).unwrap();
/// assert_eq!(found.value.to_string(), "0.01");
/// assert_eq!(found.jurisdiction, "cn-xj-urumqi-tianshan");
/// assert_eq!(found.source.clause.as_deref(), Some("tianshan-2022-87/68"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ParameterLookup {
    /// The parameter's key.
    pub parameter: String,
    /// The value in force.
    #[schemars(with = "String")]
    #[serde(with = "crate::value::strict_decimal")]
    pub value: Decimal,
    /// The parameter's unit.
    pub unit: String,
    /// The jurisdiction whose value was used: the one asked about or an ancestor.
    pub jurisdiction: String,
    /// First day the value is in force.
    #[serde(with = "crate::value::iso_date")]
    #[schemars(with = "NaiveDate")]
    pub effective_from: NaiveDate,
    /// Last day in force, if set.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::value::opt_iso_date")]
    #[schemars(with = "Option<NaiveDate>")]
    pub until: Option<NaiveDate>,
    /// Where the value is set.
    pub source: Citation,
    /// True if the number is an assumption, not the text's.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub assumption: bool,
}

/// A parameter as an evaluation used it: its value, and where the value came from.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
///
/// let ctx = zhengce::Context::builtin();
/// let rate = ctx.parameter_value("procurement.bid_bond.rate", "cn-xj-urumqi-tianshan",
///     NaiveDate::from_ymd_opt(2022, 6, 1).unwrap())?;
/// assert_eq!(rate.value.unwrap().to_string(), "0.01");
/// assert_eq!(rate.source.unwrap().clause.as_deref(), Some("tianshan-2022-87/68"));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ParameterUse {
    /// The parameter's key.
    pub parameter: String,
    /// What the rule uses it for (`rate`, `cap`, `limit`, `duration`, `test capacity`, `output ...`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// The value in force; `null` when none is (the rule says what that means).
    #[schemars(with = "Option<String>")]
    #[serde(with = "crate::value::opt_strict_decimal")]
    pub value: Option<Decimal>,
    /// The parameter's unit.
    pub unit: String,
    /// The jurisdiction whose value was used: the one evaluated in or an ancestor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<String>,
    /// First day the value is in force (absent for a scenario value with no start).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::value::opt_iso_date")]
    #[schemars(with = "Option<NaiveDate>")]
    pub effective_from: Option<NaiveDate>,
    /// Last day in force, if set.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::value::opt_iso_date")]
    #[schemars(with = "Option<NaiveDate>")]
    pub until: Option<NaiveDate>,
    /// Where the catalogue value is set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Citation>,
    /// True if the number is an assumption, not the text's.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub assumption: bool,
    /// How the text was read to get the value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
    /// The scenario whose override supplied the value; absent for a catalogue value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario: Option<String>,
}
