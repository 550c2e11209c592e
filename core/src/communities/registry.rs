//! The registry of concrete communities: the catalogue's, plus those registered at run time.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::catalogue::{Catalogue, Community};
use crate::context::Context;
use crate::error::{Error, Result};

/// Concrete communities (社区) with their jurisdiction, sub-district or area management
/// committee (片区管委会), community types, programmes and targets.
///
/// A registry starts with the catalogue's communities; [`register`](Communities::register)
/// adds more, checked against the catalogue: the jurisdiction, sub-district unit, community
/// types, programmes and cited document must exist, and every target must cover the
/// community's jurisdiction. Tianshan's six pilot communities (item 81: 「试点打造创业社区6个」)
/// are not named in the text, so they are not built in; a district registers them.
///
/// # Example
///
/// ```
/// use zhengce::communities::Communities;
///
/// let mut registry = Communities::new(&zhengce::Context::builtin());
/// registry.register_json_value(&serde_json::json!({
///     "id": "tianshan-pilot-1", "name": {"zh": "试点创业社区一", "en": "Pilot community 1"},
///     "jurisdiction": "cn-xj-urumqi-tianshan", "sub_district": "tianshan-subdistricts",
///     "types": ["convenience-economy"],
///     "programmes": ["urumqi-2022-startup-communities/programme", "tianshan-2022-87/programme"],
///     "targets": ["tianshan-2022-87/t81a", "tianshan-2022-87/t81c"],
///     "source": {"document": "tianshan-2022-87", "clause": "tianshan-2022-87/81"}}))?;
/// assert_eq!(registry.community("tianshan-pilot-1")?.types, ["convenience-economy"]);
/// let err = registry.register_json_value(&serde_json::json!({"id": "x", "name": {"zh": "某社区", "en": "X"},
///     "jurisdiction": "cn-xj-urumqi-tianshan", "types": ["space-tourism"], "source": {"document": "tianshan-2022-87"}}));
/// assert_eq!(err.unwrap_err().code(), "not_found");
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Communities {
    context: Context,
    list: Vec<Community>,
}

/// Which communities [`Communities::communities`] returns. Every field narrows the list.
///
/// # Example
///
/// ```
/// let filter = zhengce::communities::CommunityFilter { community_type: Some("childcare-services".into()), ..Default::default() };
/// assert!(filter.jurisdiction.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CommunityFilter {
    /// In this jurisdiction or one below it.
    #[serde(default)]
    pub jurisdiction: Option<String>,
    /// Under this sub-district unit.
    #[serde(default)]
    pub sub_district: Option<String>,
    /// Of this community type.
    #[serde(default)]
    pub community_type: Option<String>,
    /// Taking part in this programme.
    #[serde(default)]
    pub programme: Option<String>,
    /// Listing this target.
    #[serde(default)]
    pub target: Option<String>,
}

impl Communities {
    /// A registry holding the communities of the context's catalogue.
    ///
    /// # Example
    ///
    /// ```
    /// let registry = zhengce::communities::Communities::new(&zhengce::Context::builtin());
    /// assert_eq!(registry.len(), registry.catalogue().data().communities.len());
    /// ```
    pub fn new(context: &Context) -> Communities {
        let list = context.catalogue().data().communities.clone();
        Communities { context: context.clone(), list }
    }

    /// The catalogue the registry checks against.
    ///
    /// # Example
    ///
    /// ```
    /// let registry = zhengce::communities::Communities::new(&zhengce::Context::builtin());
    /// assert!(registry.catalogue().community_type("childcare-services").is_ok());
    /// ```
    pub fn catalogue(&self) -> &Catalogue {
        self.context.catalogue()
    }

    /// The context the registry belongs to.
    ///
    /// # Example
    ///
    /// ```
    /// let registry = zhengce::communities::Communities::new(&zhengce::Context::builtin());
    /// assert_eq!(registry.context().scenario_name(), "baseline");
    /// ```
    pub fn context(&self) -> &Context {
        &self.context
    }

    /// The number of communities held.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhengce::communities::Communities::new(&zhengce::Context::builtin()).is_empty());
    /// ```
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// True if the registry holds no community.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhengce::communities::Communities::new(&zhengce::Context::builtin()).len(), 0);
    /// ```
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Registers a community after checking it against the catalogue.
    ///
    /// # Errors
    ///
    /// - `invalid_input` for a malformed or already used id, an empty name, or a target that
    ///   does not cover the community's jurisdiction.
    /// - `not_found` for a jurisdiction, sub-district or community unit, community type,
    ///   programme, target or cited document (or clause) that is not in the catalogue.
    ///
    /// # Example
    ///
    /// ```
    /// use zhengce::{Citation, Community, Text, communities::Communities};
    ///
    /// let mut registry = Communities::new(&zhengce::Context::builtin());
    /// registry.register(Community {
    ///     id: "putuo-featured-1".into(), name: Text::new("特色创业型社区一", "Featured community 1"),
    ///     jurisdiction: "cn-sh-putuo".into(), sub_district: Some("putuo-subdistricts-towns".into()), unit: None,
    ///     types: vec![], programmes: vec!["putuo-2019-startup-district/programme".into()],
    ///     targets: vec!["putuo-2019-startup-district/t05".into()],
    ///     source: Citation { document: "putuo-2019-startup-district".into(), clause: Some("putuo-2019-startup-district/3".into()), quote: None },
    ///     reading: None,
    /// })?;
    /// assert_eq!(registry.len(), 1);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn register(&mut self, community: Community) -> Result<()> {
        self.check(&community, "community", &[])?;
        self.list.push(community);
        Ok(())
    }

    /// Registers several communities, all or none.
    ///
    /// # Errors
    ///
    /// As [`register`](Communities::register), naming the row (`communities[2].types[0]`);
    /// also `invalid_input` for two rows with one id.
    ///
    /// # Example
    ///
    /// ```
    /// let mut registry = zhengce::communities::Communities::new(&zhengce::Context::builtin());
    /// assert_eq!(registry.register_all(vec![])?, 0);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn register_all(&mut self, communities: Vec<Community>) -> Result<usize> {
        for (i, c) in communities.iter().enumerate() {
            self.check(c, &format!("communities[{i}]"), &communities[..i]).map_err(|e| e.at_row(i))?;
        }
        let n = communities.len();
        self.list.extend(communities);
        Ok(n)
    }

    /// Registers a community given in the catalogue's JSON shape (as a binding passes it).
    ///
    /// # Errors
    ///
    /// - `invalid_input` for a malformed entry (unknown field, missing name), and as
    ///   [`register`](Communities::register).
    ///
    /// # Example
    ///
    /// ```
    /// let mut registry = zhengce::communities::Communities::new(&zhengce::Context::builtin());
    /// let err = registry.register_json_value(&serde_json::json!({"id": "x"})).unwrap_err();
    /// assert_eq!(err.code(), "invalid_input");
    /// ```
    pub fn register_json_value(&mut self, community: &serde_json::Value) -> Result<()> {
        let community: Community = crate::error::from_json_value(community, "community")?;
        self.register(community)
    }

    /// Registers a JSON array of communities, all or none.
    ///
    /// # Errors
    ///
    /// - `invalid_input` if `communities` is not an array or a row is malformed (naming the
    ///   row), and as [`register_all`](Communities::register_all).
    ///
    /// # Example
    ///
    /// ```
    /// let mut registry = zhengce::communities::Communities::new(&zhengce::Context::builtin());
    /// assert_eq!(registry.register_all_json_value(&serde_json::json!([]))?, 0);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn register_all_json_value(&mut self, communities: &serde_json::Value) -> Result<usize> {
        let rows = communities.as_array().ok_or_else(|| {
            Error::invalid_input("communities", "a non-array value", "an array of communities")
        })?;
        let parsed = rows
            .iter()
            .enumerate()
            .map(|(i, row)| {
                crate::error::from_json_value(row, &format!("communities[{i}]")).map_err(|e| e.at_row(i))
            })
            .collect::<Result<Vec<Community>>>()?;
        self.register_all(parsed)
    }

    /// The community with this id.
    ///
    /// # Errors
    ///
    /// - `not_found` if no community has the id.
    ///
    /// # Example
    ///
    /// ```
    /// let registry = zhengce::communities::Communities::new(&zhengce::Context::builtin());
    /// assert!(registry.community("nowhere").unwrap_err().is_not_found());
    /// ```
    pub fn community(&self, id: &str) -> Result<&Community> {
        self.list.iter().find(|c| c.id == id).ok_or_else(|| Error::not_found("community", id))
    }

    /// Communities, filtered, in registration order (the catalogue's first).
    ///
    /// # Errors
    ///
    /// - `not_found` if the filter names an entry that is not in the catalogue.
    ///
    /// # Example
    ///
    /// ```
    /// let registry = zhengce::communities::Communities::new(&zhengce::Context::builtin());
    /// let filter = zhengce::communities::CommunityFilter { jurisdiction: Some("cn-xj".into()), ..Default::default() };
    /// assert!(registry.communities(&filter)?.is_empty());
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn communities(&self, filter: &CommunityFilter) -> Result<Vec<&Community>> {
        let cat = self.context.catalogue();
        if let Some(j) = &filter.jurisdiction {
            cat.jurisdiction(j)?;
        }
        if let Some(u) = &filter.sub_district {
            cat.unit(u)?;
        }
        if let Some(t) = &filter.community_type {
            cat.community_type(t)?;
        }
        if let Some(p) = &filter.programme {
            cat.programme(p)?;
        }
        if let Some(t) = &filter.target {
            cat.target(t)?;
        }
        Ok(self
            .list
            .iter()
            .filter(|c| filter.jurisdiction.as_ref().is_none_or(|j| cat.is_within(&c.jurisdiction, j)))
            .filter(|c| filter.sub_district.as_ref().is_none_or(|u| c.sub_district.as_ref() == Some(u)))
            .filter(|c| filter.community_type.as_ref().is_none_or(|t| c.types.contains(t)))
            .filter(|c| filter.programme.as_ref().is_none_or(|p| c.programmes.contains(p)))
            .filter(|c| filter.target.as_ref().is_none_or(|t| c.targets.contains(t)))
            .collect())
    }

    /// Every community held, in registration order.
    pub(crate) fn all(&self) -> &[Community] {
        &self.list
    }

    fn check(&self, c: &Community, what: &str, batch: &[Community]) -> Result<()> {
        let cat = self.context.catalogue();
        let context = || format!("failed to register community '{}'", c.id);
        if !crate::value::is_valid_id(&c.id) {
            return Err(Error::invalid_input(
                format!("{what}.id"),
                format!("'{}'", c.id),
                "an id of lower-case letters, digits and - _ . / @",
            ));
        }
        if cat.get(&c.id).is_ok() || self.list.iter().chain(batch).any(|o| o.id == c.id) {
            return Err(Error::invalid_input(
                format!("{what}.id"),
                format!("'{}'", c.id),
                "an id not yet in use",
            ));
        }
        for (lang, text) in [("zh", &c.name.zh), ("en", &c.name.en)] {
            if text.trim().is_empty() {
                return Err(Error::invalid_input(format!("{what}.name.{lang}"), "''", "a non-empty name"));
            }
        }
        cat.jurisdiction(&c.jurisdiction).map_err(|e| e.context(context()))?;
        for (field, unit) in [("sub_district", &c.sub_district), ("unit", &c.unit)] {
            let Some(unit) = unit else { continue };
            let found = cat.unit(unit).map_err(|e| e.context(context()))?;
            // A unit of another district cannot answer for this community.
            if !cat.is_within(&c.jurisdiction, &found.jurisdiction) {
                return Err(Error::invalid_input(
                    format!("{what}.{field}"),
                    format!("'{unit}' (a unit of '{}')", found.jurisdiction),
                    format!("a unit of the community's jurisdiction '{}' or above it", c.jurisdiction),
                ));
            }
        }
        for t in &c.types {
            cat.community_type(t).map_err(|e| e.context(context()))?;
        }
        for p in &c.programmes {
            cat.programme(p).map_err(|e| e.context(context()))?;
        }
        for (i, t) in c.targets.iter().enumerate() {
            let target = cat.target(t).map_err(|e| e.context(context()))?;
            if !cat.is_within(&c.jurisdiction, &target.scope) {
                return Err(Error::invalid_input(
                    format!("{what}.targets[{i}]"),
                    format!("'{t}' (covering '{}')", target.scope),
                    format!("a target covering the community's jurisdiction '{}'", c.jurisdiction),
                ));
            }
        }
        cat.document(&c.source.document).map_err(|e| e.context(context()))?;
        if let Some(clause) = &c.source.clause {
            cat.clause(clause).map_err(|e| e.context(context()))?;
        }
        Ok(())
    }
}
