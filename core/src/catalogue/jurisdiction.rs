//! Jurisdictions: the tree of places whose governments issue documents.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Citation, Text};

/// A place with a government: a country, province, city or district.
///
/// Jurisdictions form a tree through `parent` (`cn` > `cn-xj` > `cn-xj-urumqi` >
/// `cn-xj-urumqi-tianshan`). Parameters and calendars are looked up in a jurisdiction and
/// inherited from its ancestors unless it overrides them.
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// let tianshan = cat.jurisdiction("cn-xj-urumqi-tianshan").unwrap();
/// assert_eq!(tianshan.parent.as_deref(), Some("cn-xj-urumqi"));
/// assert_eq!(tianshan.name.zh, "天山区");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Jurisdiction {
    /// Stable id, e.g. `cn-xj-urumqi-tianshan`.
    pub id: String,
    /// Name in Chinese and English.
    pub name: Text,
    /// Administrative level.
    pub level: JurisdictionLevel,
    /// The enclosing jurisdiction; `None` only for a root such as `cn`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Where the jurisdiction is named, if it comes from a document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Citation>,
    /// How an ambiguous point was read, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
}

/// The administrative level of a jurisdiction.
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// assert_eq!(cat.jurisdiction("cn-sh")?.level, zhengce::JurisdictionLevel::Province);
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum JurisdictionLevel {
    /// The country (国家).
    Country,
    /// A province, autonomous region or province-level city (省、自治区、直辖市).
    Province,
    /// A prefecture-level city (地级市), e.g. Urumqi or Chengdu.
    City,
    /// A county-level district (区), including a development zone run with a district.
    District,
    /// A county (县).
    County,
    /// A sub-district or township (街道、乡镇).
    SubDistrict,
}
