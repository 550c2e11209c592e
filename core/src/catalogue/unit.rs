//! Responsible units: the bodies that lead or share the work.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Citation, Text};

/// A responsible body: a bureau, a sub-district office, a community, a leading group.
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// let unit = cat.unit("putuo-hrss").unwrap();
/// assert_eq!(unit.name.zh, "区人社局");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// Stable id, e.g. `putuo-hrss`.
    pub id: String,
    /// Name as the document writes it, and in English.
    pub name: Text,
    /// What kind of body this is.
    pub kind: UnitKind,
    /// The jurisdiction the unit belongs to.
    pub jurisdiction: String,
    /// The unit this one belongs to, if any (a community under a sub-district).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Where the unit is named.
    pub source: Citation,
    /// How an ambiguous point was read, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
}

/// The kind of a responsible unit.
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// assert_eq!(cat.unit("putuo-hrss")?.kind, zhengce::UnitKind::Department);
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// A Party committee or one of its departments (区委, 区委宣传部).
    PartyCommittee,
    /// A people's government or its general office (区政府, 管委会).
    Government,
    /// A people's congress or its standing committee (区人大常委会).
    Legislature,
    /// A government department, bureau or commission (区人社局).
    Department,
    /// A court, procuratorate or discipline-inspection body.
    Judicial,
    /// A sub-district office or township government (街道, 镇).
    SubDistrict,
    /// A residents' community (社区).
    Community,
    /// A leading group or joint-meeting body (领导小组).
    LeadingGroup,
    /// A people's organisation (工商联, 团区委, 妇联, 残联, 总工会).
    PeopleOrganisation,
    /// A collective label standing for several units (各街道、镇; 各成员单位).
    Collective,
    /// A financial institution, association or enterprise named as an actor.
    Other,
}
