//! Programmes and the measures they are made of.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Citation, Period, Text};

/// A programme: a plan or action line made of measures, run by responsible units.
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// let p = cat.programme("tianshan-2022-87/programme").unwrap();
/// assert_eq!(p.period.unwrap().from.to_string(), "2022-01-01");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    /// Stable id.
    pub id: String,
    /// Name in Chinese and English.
    pub name: Text,
    /// The jurisdiction that runs it.
    pub jurisdiction: String,
    /// The period it runs over.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Units that lead it (牵头).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lead_units: Vec<String>,
    /// Units that share responsibility (配合).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub co_units: Vec<String>,
    /// The chain of responsibility from district to community, top first, when the
    /// document sets one (e.g. 区(县)为主体, 片区管委会(街道、乡镇)负直接责任, 社区具体落实).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsibility_chain: Vec<ChainLink>,
    /// Where it is set out.
    pub source: Citation,
    /// How an ambiguous point was read, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
}

/// One level of a responsibility chain.
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// let chain = &cat.programme("urumqi-2022-startup-communities/programme").unwrap().responsibility_chain;
/// assert_eq!(chain.len(), 3);
/// assert_eq!(chain[0].role, zhengce::ChainRole::Principal);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChainLink {
    /// The level of government.
    pub tier: ChainTier,
    /// The level's responsibility.
    pub role: ChainRole,
    /// The level as the document names it (`区(县)`, `片区管委会(街道、乡镇)`, `社区`).
    pub name: Text,
}

/// A level of the district-to-community chain.
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// let chain = &cat.programme("urumqi-2022-startup-communities/programme")?.responsibility_chain;
/// assert_eq!(chain[2].tier, zhengce::ChainTier::Community);
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChainTier {
    /// District or county (区、县).
    District,
    /// Area management committee, sub-district office or township (片区管委会、街道、乡镇).
    SubDistrict,
    /// Residents' community (社区).
    Community,
}

/// What a level of the chain answers for.
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// let chain = &cat.programme("urumqi-2022-startup-communities/programme")?.responsibility_chain;
/// assert_eq!(chain[1].role, zhengce::ChainRole::Direct);
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChainRole {
    /// 主体: the principal responsible body.
    Principal,
    /// 直接责任: direct responsibility.
    Direct,
    /// 具体落实: concrete implementation.
    Implementing,
}

/// A measure: one numbered item or action of a programme, tied to its clause.
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// let m = cat.measure("tianshan-2022-87/m68").unwrap();
/// assert_eq!(m.source.clause.as_deref(), Some("tianshan-2022-87/68"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// Stable id.
    pub id: String,
    /// The programme it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<String>,
    /// Title in Chinese (as written) and English.
    pub title: Text,
    /// What it commits to, in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Units that lead it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lead_units: Vec<String>,
    /// Units that share responsibility.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub co_units: Vec<String>,
    /// The community types it serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub community_types: Vec<String>,
    /// When it applies, if it differs from the programme's period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Its clause.
    pub source: Citation,
    /// How an ambiguous point was read, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
}
