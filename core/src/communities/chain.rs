//! "Who is responsible for target T in community C?": the units responsible for the target
//! and the responsibility chain from district to community, with the clauses behind them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Communities;
use crate::catalogue::{ChainRole, ChainTier, Citation, Programme, Text};
use crate::error::{Error, Result};

/// The answer to "who is responsible for this target in this community?".
///
/// # Example
///
/// ```
/// let mut registry = zhengce::communities::Communities::new(&zhengce::Context::builtin());
/// registry.register_json_value(&serde_json::json!({"id": "pilot-1", "name": {"zh": "试点一", "en": "Pilot 1"},
///     "jurisdiction": "cn-xj-urumqi-tianshan", "programmes": ["urumqi-2022-startup-communities/programme"],
///     "source": {"document": "tianshan-2022-87"}}))?;
/// let answer = registry.responsible("tianshan-2022-87/t81a", "pilot-1")?;
/// assert_eq!(answer.programme.as_deref(), Some("urumqi-2022-startup-communities/programme"));
/// assert_eq!(answer.chain.len(), 3);
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Responsibility {
    /// The target.
    pub target: String,
    /// The community.
    pub community: String,
    /// The programme whose responsibility chain applies, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<String>,
    /// The chain, top first (district 主体, sub-district 直接责任, community 具体落实), with
    /// who holds each level in this community; empty when no programme sets one.
    pub chain: Vec<ChainHolder>,
    /// The units responsible for the target itself, in the order: named on the target, lead
    /// and co-responsible units of its measure, lead and co-responsible units of its programme.
    pub units: Vec<ResponsibleUnit>,
    /// The clauses the answer rests on: the target's, its measure's, the chain's (each
    /// clause once).
    pub clauses: Vec<Citation>,
}

/// One level of a responsibility chain and who holds it in a community.
///
/// # Example
///
/// ```
/// let h: zhengce::communities::ChainHolder = serde_json::from_value(serde_json::json!({
///     "tier": "sub_district", "role": "direct", "level": {"zh": "街道", "en": "Sub-district"},
///     "kind": "unit", "holder": "tianshan-subdistricts"})).unwrap();
/// assert_eq!(h.role, zhengce::ChainRole::Direct);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ChainHolder {
    /// The level of government.
    pub tier: ChainTier,
    /// What the level answers for.
    pub role: ChainRole,
    /// The level as the document names it (`区(县)`, `片区管委会(街道、乡镇)`, `社区`).
    pub level: Text,
    /// The kind of `holder`: `jurisdiction` (the district), `unit` (the sub-district or the
    /// community's own unit) or `community`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The id of who holds the level here; absent when the community does not say (no
    /// sub-district recorded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder: Option<String>,
    /// The holder's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
}

/// How a unit is responsible for a target.
///
/// # Example
///
/// ```
/// let role = zhengce::communities::UnitRole::MeasureLead;
/// assert_eq!(serde_json::to_value(role).unwrap(), "measure_lead");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum UnitRole {
    /// Named on the target itself.
    Target,
    /// Lead unit (牵头) of the target's measure.
    MeasureLead,
    /// Co-responsible unit (配合) of the target's measure.
    MeasureCo,
    /// Lead unit of the target's programme.
    ProgrammeLead,
    /// Co-responsible unit of the target's programme.
    ProgrammeCo,
}

/// A unit responsible for a target, with its role and the clause that names it.
///
/// # Example
///
/// ```
/// let mut registry = zhengce::communities::Communities::new(&zhengce::Context::builtin());
/// registry.register_json_value(&serde_json::json!({"id": "featured-1", "name": {"zh": "社区一", "en": "Community 1"},
///     "jurisdiction": "cn-sh-putuo", "source": {"document": "putuo-2019-startup-district"}}))?;
/// let units = registry.responsible("putuo-2019-startup-district/t06", "featured-1")?.units;
/// assert_eq!(units[0].name.zh, "区教育局");
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ResponsibleUnit {
    /// The unit's id.
    pub unit: String,
    /// Its name.
    pub name: Text,
    /// How it is responsible.
    pub role: UnitRole,
    /// Where it is named responsible.
    pub source: Citation,
}

impl Communities {
    /// Who is responsible for `target` in `community`: the target's units and the
    /// responsibility chain, with the clauses.
    ///
    /// The chain is the one of the target's programme if that programme sets one, else of
    /// the first of the community's programmes that does (Urumqi's community action:
    /// 「区(县)为主体,片区管委会(街道、乡镇)负直接责任,社区具体落实」). Its levels are held by
    /// the community's district (its jurisdiction), its sub-district unit and the community
    /// itself (or its own unit).
    ///
    /// # Errors
    ///
    /// - `not_found` if the target or the community is not known.
    /// - `invalid_input` if the target does not cover the community's jurisdiction.
    ///
    /// # Example
    ///
    /// ```
    /// use zhengce::{ChainRole, communities::Communities};
    ///
    /// let mut registry = Communities::new(&zhengce::Context::builtin());
    /// registry.register_json_value(&serde_json::json!({
    ///     "id": "tianshan-pilot-1", "name": {"zh": "试点创业社区一", "en": "Pilot community 1"},
    ///     "jurisdiction": "cn-xj-urumqi-tianshan", "sub_district": "tianshan-subdistricts",
    ///     "programmes": ["urumqi-2022-startup-communities/programme"],
    ///     "source": {"document": "tianshan-2022-87", "clause": "tianshan-2022-87/81"}}))?;
    /// let answer = registry.responsible("tianshan-2022-87/t81a", "tianshan-pilot-1")?;
    /// assert_eq!(answer.chain[0].role, ChainRole::Principal);
    /// assert_eq!(answer.chain[0].holder.as_deref(), Some("cn-xj-urumqi-tianshan"));
    /// assert_eq!(answer.chain[1].holder.as_deref(), Some("tianshan-subdistricts"));
    /// assert_eq!(answer.chain[2].holder.as_deref(), Some("tianshan-pilot-1"));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn responsible(&self, target: &str, community: &str) -> Result<Responsibility> {
        let cat = self.catalogue();
        let t = cat.target(target)?;
        let c = self.community(community)?;
        if !cat.is_within(&c.jurisdiction, &t.scope) {
            return Err(Error::invalid_input(
                "target",
                format!("'{target}' (covering '{}')", t.scope),
                format!(
                    "a target covering the jurisdiction of community '{community}', '{}'",
                    c.jurisdiction
                ),
            ));
        }
        let measure = t.measure.as_deref().and_then(|m| cat.measure(m).ok());
        let programme = t.programme.as_deref().and_then(|p| cat.programme(p).ok());

        let mut units: Vec<ResponsibleUnit> = Vec::new();
        let mut add = |ids: &[String], role: UnitRole, source: &Citation| {
            for id in ids {
                if units.iter().any(|u| &u.unit == id) {
                    continue;
                }
                if let Ok(unit) = cat.unit(id) {
                    units.push(ResponsibleUnit {
                        unit: id.clone(),
                        name: unit.name.clone(),
                        role,
                        source: source.clone(),
                    });
                }
            }
        };
        add(&t.units, UnitRole::Target, &t.source);
        if let Some(m) = measure {
            add(&m.lead_units, UnitRole::MeasureLead, &m.source);
            add(&m.co_units, UnitRole::MeasureCo, &m.source);
        }
        if let Some(p) = programme {
            add(&p.lead_units, UnitRole::ProgrammeLead, &p.source);
            add(&p.co_units, UnitRole::ProgrammeCo, &p.source);
        }

        let with_chain = |p: &&Programme| !p.responsibility_chain.is_empty();
        let chained: Option<&Programme> = programme.filter(with_chain).or_else(|| {
            c.programmes
                .iter()
                .filter_map(|p| cat.programme(p).ok())
                .find(|p| !p.responsibility_chain.is_empty())
        });
        let chain = chained.map_or_else(Vec::new, |p| {
            p.responsibility_chain
                .iter()
                .map(|link| {
                    let (kind, holder, name) = match link.tier {
                        ChainTier::District => (
                            "jurisdiction",
                            Some(c.jurisdiction.clone()),
                            cat.jurisdiction(&c.jurisdiction).ok().map(|j| j.name.clone()),
                        ),
                        ChainTier::SubDistrict => (
                            "unit",
                            c.sub_district.clone(),
                            c.sub_district.as_deref().and_then(|u| cat.unit(u).ok()).map(|u| u.name.clone()),
                        ),
                        ChainTier::Community => match c.unit.as_deref().and_then(|u| cat.unit(u).ok()) {
                            Some(unit) => ("unit", c.unit.clone(), Some(unit.name.clone())),
                            None => ("community", Some(c.id.clone()), Some(c.name.clone())),
                        },
                    };
                    ChainHolder {
                        tier: link.tier,
                        role: link.role,
                        level: link.name.clone(),
                        kind: holder.as_ref().map(|_| kind.to_owned()),
                        holder,
                        name,
                    }
                })
                .collect()
        });

        let mut clauses = vec![t.source.clone()];
        for source in measure.map(|m| &m.source).into_iter().chain(chained.map(|p| &p.source)) {
            if !clauses.iter().any(|c| c.document == source.document && c.clause == source.clause) {
                clauses.push(source.clone());
            }
        }
        Ok(Responsibility {
            target: t.id.clone(),
            community: c.id.clone(),
            programme: chained.map(|p| p.id.clone()),
            chain,
            units,
            clauses,
        })
    }
}
