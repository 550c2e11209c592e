//! Community types (创业社区 types) and concrete communities.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Citation, Text};

/// A type of entrepreneurial community (创业社区), such as 便民经济社区.
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// let t = cat.community_type("convenience-economy").unwrap();
/// assert_eq!(t.name.zh, "便民经济社区");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CommunityType {
    /// Stable id, e.g. `convenience-economy`.
    pub id: String,
    /// Name in Chinese and English.
    pub name: Text,
    /// The industry it mainly develops (主要发展…).
    pub focus: Text,
    /// The resources it builds on, quoted from the source.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub anchors: Vec<String>,
    /// Where the type is defined.
    pub source: Citation,
    /// How an ambiguous point was read, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
}

/// A concrete community, with its place in the responsibility chain.
///
/// # Example
///
/// ```
/// let json = r#"{"id": "ts-pilot-1", "name": {"zh": "试点社区", "en": "Pilot community"},
///   "jurisdiction": "cn-xj-urumqi-tianshan", "types": ["convenience-economy"],
///   "source": {"document": "tianshan-2022-87", "clause": "tianshan-2022-87/81"}}"#;
/// let c: zhengce::Community = serde_json::from_str(json).unwrap();
/// assert_eq!(c.types, ["convenience-economy"]);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Community {
    /// Stable id.
    pub id: String,
    /// Name in Chinese and English.
    pub name: Text,
    /// The district (or county) it lies in.
    pub jurisdiction: String,
    /// The sub-district office, township or area management committee over it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_district: Option<String>,
    /// The community's own unit (its residents' committee), if catalogued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Its community types.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub types: Vec<String>,
    /// Programmes it takes part in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programmes: Vec<String>,
    /// Targets it carries or contributes to (scorecards roll these up by community).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<String>,
    /// Where it is named or designated.
    pub source: Citation,
    /// How an ambiguous point was read, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
}
