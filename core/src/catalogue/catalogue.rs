//! The validated, indexed catalogue.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::data::CatalogueData;
use super::layer::{Clash, LayerOptions, Origins, Replacement, merge};
use super::load::{Parsed, parse_text, parse_value};
use super::rule::Rule;
use super::validate::validate;
use super::{
    Clause, Community, CommunityType, Document, Jurisdiction, Measure, Observation, Parameter,
    ParameterLookup, Programme, Target, Unit,
};
use crate::error::{Error, Problem, Result};

/// A validated catalogue of jurisdictions, documents, units, programmes, measures, community
/// types, communities, targets, observations, parameters and rules, indexed by id.
///
/// Build one with [`Catalogue::builtin`] (the five source documents, embedded at compile time),
/// [`Catalogue::from_json`], or by layering a user catalogue over another with
/// [`Catalogue::layered`]. Every constructor validates the whole catalogue and reports every
/// problem at once, each with its JSON path.
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// let doc = cat.document("tianshan-2022-87")?;
/// assert_eq!(doc.title.zh, "天山区贯彻落实乌鲁木齐市《2022年优化营商环境87项措施》实施方案");
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Catalogue {
    data: CatalogueData,
    origins: Origins,
    index: HashMap<String, Slot>,
    hash: OnceLock<String>,
    /// Every entry an overlay replaced, in order.
    replaced: Vec<Replacement>,
}

/// Where an id lives in the data.
#[derive(Debug, Clone)]
enum Slot {
    Jurisdiction(usize),
    Document(usize),
    /// Document index, then the child index at each level of the clause tree.
    Clause(usize, Box<[u32]>),
    Unit(usize),
    Programme(usize),
    Measure(usize),
    CommunityType(usize),
    Community(usize),
    Target(usize),
    Observation(usize),
    Parameter(usize),
    Rule(usize),
}

/// Any catalogue entry, as returned by [`Catalogue::get`].
///
/// Serialises as the entry's JSON with a `type` field naming its kind (not `kind`, which units
/// and documents use for their own kinds).
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// let entry = cat.get("tianshan-2022-87/68")?;
/// assert_eq!(entry.kind(), "clause");
/// let json = serde_json::to_value(&entry).unwrap();
/// assert_eq!(json["type"], "clause");
/// assert_eq!(json["label"], "68.");
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Serialize, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Entry<'a> {
    /// A jurisdiction.
    Jurisdiction(&'a Jurisdiction),
    /// A document.
    Document(&'a Document),
    /// A clause.
    Clause(&'a Clause),
    /// A responsible unit.
    Unit(&'a Unit),
    /// A programme.
    Programme(&'a Programme),
    /// A measure.
    Measure(&'a Measure),
    /// A community type.
    CommunityType(&'a CommunityType),
    /// A community.
    Community(&'a Community),
    /// A target.
    Target(&'a Target),
    /// An observation.
    Observation(&'a Observation),
    /// A parameter.
    Parameter(&'a Parameter),
    /// A rule.
    Rule(&'a Rule),
}

impl Entry<'_> {
    /// The entry's kind in snake_case (`document`, `clause`, `community_type`, ...).
    ///
    /// # Example
    ///
    /// ```
    /// let cat = zhengce::Catalogue::builtin();
    /// assert_eq!(cat.get("cn")?.kind(), "jurisdiction");
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            Entry::Jurisdiction(_) => "jurisdiction",
            Entry::Document(_) => "document",
            Entry::Clause(_) => "clause",
            Entry::Unit(_) => "unit",
            Entry::Programme(_) => "programme",
            Entry::Measure(_) => "measure",
            Entry::CommunityType(_) => "community_type",
            Entry::Community(_) => "community",
            Entry::Target(_) => "target",
            Entry::Observation(_) => "observation",
            Entry::Parameter(_) => "parameter",
            Entry::Rule(_) => "rule",
        }
    }
}

/// The built-in catalogue files, in load order: (label, JSON text).
#[cfg(feature = "builtin-catalogue")]
const BUILTIN: &[(&str, &str)] = &[
    ("builtin/jurisdictions.json", include_str!("../../data/catalogue/jurisdictions.json")),
    ("builtin/national.json", include_str!("../../data/catalogue/national.json")),
    (
        "builtin/urumqi-2022-startup-communities.json",
        include_str!("../../data/catalogue/urumqi-2022-startup-communities.json"),
    ),
    ("builtin/xinshi-2021-fyp.json", include_str!("../../data/catalogue/xinshi-2021-fyp.json")),
    ("builtin/tianshan-2022-87.json", include_str!("../../data/catalogue/tianshan-2022-87.json")),
    (
        "builtin/putuo-2019-startup-district.json",
        include_str!("../../data/catalogue/putuo-2019-startup-district.json"),
    ),
    ("builtin/xinjin-2021-fragment.json", include_str!("../../data/catalogue/xinjin-2021-fragment.json")),
    ("builtin/time-limits.json", include_str!("../../data/catalogue/time-limits.json")),
    ("builtin/rules.json", include_str!("../../data/catalogue/rules.json")),
    ("builtin/monitoring.json", include_str!("../../data/catalogue/monitoring.json")),
];

impl Catalogue {
    /// The built-in catalogue: the five source documents and the national rules behind them,
    /// embedded in the library at compile time.
    ///
    /// The built-in data is checked by the crate's tests, so this cannot fail. Needs the
    /// `builtin-catalogue` feature (on by default; the npm package leaves it off and ships the
    /// same data as a JSON file, to keep the WebAssembly small).
    ///
    /// # Example
    ///
    /// ```
    /// let cat = zhengce::Catalogue::builtin();
    /// assert!(cat.data().documents.len() >= 5);
    /// ```
    #[cfg(feature = "builtin-catalogue")]
    pub fn builtin() -> Catalogue {
        Catalogue::from_layers(BUILTIN.iter().copied(), Clash::Forbid)
            .expect("the built-in catalogue is valid (checked by tests)")
    }

    /// The size in bytes of the embedded catalogue JSON.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhengce::Catalogue::builtin_size() > 10_000);
    /// ```
    #[cfg(feature = "builtin-catalogue")]
    pub fn builtin_size() -> usize {
        BUILTIN.iter().map(|(_, text)| text.len()).sum()
    }

    /// Loads and validates a catalogue from JSON text.
    ///
    /// # Errors
    ///
    /// - `invalid_catalogue` listing every problem with its JSON path: malformed JSON, unknown
    ///   fields or enum values, malformed dates or decimals, missing fields, duplicate or
    ///   malformed ids, dangling references, missing parents, cycles, empty names, overlapping
    ///   parameter periods, inconsistent targets.
    ///
    /// # Example
    ///
    /// ```
    /// let cat = zhengce::Catalogue::from_json(r#"{"jurisdictions": [
    ///     {"id": "cn", "name": {"zh": "中国", "en": "China"}, "level": "country"}]}"#)?;
    /// assert_eq!(cat.jurisdiction("cn")?.name.en, "China");
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    ///
    /// # Example: every problem at once
    ///
    /// ```
    /// let err = zhengce::Catalogue::from_json(r#"{"jurisdictions": [
    ///     {"id": "cn", "name": {"zh": "", "en": "China"}, "level": "country"},
    ///     {"id": "cn-x", "name": {"zh": "某省", "en": "A province"}, "level": "province", "parent": "nowhere"},
    ///     {"id": "cn-y", "name": {"zh": "某市", "en": "A city"}, "level": "metropolis"}]}"#).unwrap_err();
    /// let codes: Vec<_> = err.problems().iter().map(|p| (p.code.as_str(), p.path.as_str())).collect();
    /// assert_eq!(codes, [
    ///     ("unknown_variant", "$.jurisdictions[2].level"),
    ///     ("empty_name", "$.jurisdictions[0].name.zh"),
    ///     ("missing_parent", "$.jurisdictions[1].parent"),
    /// ]);
    /// ```
    pub fn from_json(text: &str) -> Result<Catalogue> {
        Catalogue::from_layers([("", text)], Clash::Forbid)
    }

    /// Loads and validates a catalogue from a parsed JSON value (a Python dict or JS object
    /// converted by a binding).
    ///
    /// # Errors
    ///
    /// - `invalid_catalogue`, as for [`Catalogue::from_json`].
    ///
    /// # Example
    ///
    /// ```
    /// let value = serde_json::json!({"jurisdictions": []});
    /// assert!(zhengce::Catalogue::from_json_value(&value)?.data().jurisdictions.is_empty());
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn from_json_value(value: &serde_json::Value) -> Result<Catalogue> {
        let mut problems = Vec::new();
        let data = parse_value(value, &mut problems);
        Catalogue::build(vec![("", data)], Clash::Forbid, problems)
    }

    /// A new catalogue: this one with `overlay` (catalogue JSON) layered on top, adding
    /// entries only.
    ///
    /// New ids are added. A parameter's values merge one by one: a value for a new
    /// jurisdiction or start date is added. An entry whose id is already taken, or a value for
    /// a jurisdiction and start date that already has one, is a `replaces_entry` problem: use
    /// [`Catalogue::layered_with`] and [`LayerOptions::replace`] to replace entries. The result
    /// is validated as a whole; problems in the overlay are reported with paths starting
    /// `overlay:$`.
    ///
    /// # Errors
    ///
    /// - `invalid_catalogue`, as for [`Catalogue::from_json`], for the merged catalogue, and
    ///   `replaces_entry` for an entry that would replace one already in the catalogue.
    ///
    /// # Example: a district adds a parameter value
    ///
    /// ```
    /// use chrono::NaiveDate;
    ///
    /// let overlay = r#"{"parameters": [{"id": "procurement.bid_bond.cap_per_lot",
    ///   "name": {"zh": "单个标段投标保证金缴纳上限", "en": "Bid-bond cap per lot"}, "unit": "yuan",
    ///   "values": [{"jurisdiction": "cn-xj-urumqi-xinshi", "effective_from": "2023-01-01",
    ///     "value": "10000", "source": {"document": "tianshan-2022-87"}}]}]}"#;
    /// let cat = zhengce::Catalogue::builtin().layered(overlay)?;
    /// let cap = cat.parameter_value("procurement.bid_bond.cap_per_lot", "cn-xj-urumqi-xinshi",
    ///     NaiveDate::from_ymd_opt(2023, 6, 1).unwrap())?;
    /// assert_eq!(cap.value.to_string(), "10000");
    /// assert!(cat.replacements().is_empty());
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn layered(&self, overlay: &str) -> Result<Catalogue> {
        self.layered_with(overlay, LayerOptions::default())
    }

    /// Like [`Catalogue::layered`], with options saying whether the overlay may replace
    /// entries ([`LayerOptions::replace`]) and change what they are
    /// ([`LayerOptions::redefine`]). Every replacement is listed in
    /// [`Catalogue::replacements`].
    ///
    /// # Errors
    ///
    /// - `invalid_catalogue` for the merged catalogue, with `replaces_entry` or
    ///   `redefines_entry` problems for what the options do not allow.
    ///
    /// # Example: replacing the built-in cap, and refusing to change its unit
    ///
    /// ```
    /// use zhengce::{Catalogue, LayerOptions};
    ///
    /// let overlay = r#"{"parameters": [{"id": "procurement.bid_bond.rate",
    ///   "name": {"zh": "投标保证金比例", "en": "Bid-bond rate"}, "unit": "yuan",
    ///   "values": [{"jurisdiction": "cn", "effective_from": "2000-01-01",
    ///     "value": "0.02", "source": {"document": "tianshan-2022-87"}}]}]}"#;
    /// let err = Catalogue::builtin().layered(overlay).unwrap_err();
    /// assert_eq!(err.problems()[0].code, "replaces_entry");
    /// let err = Catalogue::builtin().layered_with(overlay, LayerOptions { replace: true, redefine: false }).unwrap_err();
    /// assert_eq!(err.problems()[0].code, "redefines_entry");
    /// assert_eq!(err.problems()[0].path, "overlay:$.parameters[0].unit");
    /// ```
    pub fn layered_with(&self, overlay: &str, options: LayerOptions) -> Result<Catalogue> {
        let mut problems = Vec::new();
        let data = parse_text(overlay, &mut problems);
        self.layered_data("overlay", data, options, problems)
    }

    /// Like [`Catalogue::layered`], from a parsed JSON value.
    ///
    /// # Errors
    ///
    /// - `invalid_catalogue`, for the merged catalogue.
    ///
    /// # Example
    ///
    /// ```
    /// let overlay = serde_json::json!({"jurisdictions": [{"id": "cn-zj",
    ///     "name": {"zh": "浙江省", "en": "Zhejiang"}, "level": "province", "parent": "cn"}]});
    /// let cat = zhengce::Catalogue::builtin().layered_json_value(&overlay)?;
    /// assert!(cat.jurisdiction("cn-zj").is_ok());
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn layered_json_value(&self, overlay: &serde_json::Value) -> Result<Catalogue> {
        self.layered_json_value_with(overlay, LayerOptions::default())
    }

    /// Like [`Catalogue::layered_with`], from a parsed JSON value.
    ///
    /// # Errors
    ///
    /// - `invalid_catalogue`, for the merged catalogue.
    ///
    /// # Example
    ///
    /// ```
    /// use zhengce::LayerOptions;
    ///
    /// let overlay = serde_json::json!({"jurisdictions": [{"id": "cn-xj-urumqi-tianshan",
    ///     "name": {"zh": "天山区", "en": "Tianshan"}, "level": "district", "parent": "cn-sh"}]});
    /// let replace = LayerOptions { replace: true, redefine: false };
    /// let err = zhengce::Catalogue::builtin().layered_json_value_with(&overlay, replace).unwrap_err();
    /// assert_eq!(err.problems()[0].path, "overlay:$.jurisdictions[0].parent");
    /// let moved = zhengce::Catalogue::builtin()
    ///     .layered_json_value_with(&overlay, LayerOptions { replace: true, redefine: true })?;
    /// assert_eq!(moved.replacements()[0].redefined, ["parent"]);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn layered_json_value_with(
        &self,
        overlay: &serde_json::Value,
        options: LayerOptions,
    ) -> Result<Catalogue> {
        let mut problems = Vec::new();
        let data = parse_value(overlay, &mut problems);
        self.layered_data("overlay", data, options, problems)
    }

    /// The entries overlays replaced, in the order they were layered on (empty for a catalogue
    /// built without replacing anything).
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhengce::Catalogue::builtin().replacements().is_empty());
    /// ```
    pub fn replacements(&self) -> &[Replacement] {
        &self.replaced
    }

    fn layered_data(
        &self,
        label: &str,
        overlay: Parsed,
        options: LayerOptions,
        mut problems: Vec<Problem>,
    ) -> Result<Catalogue> {
        for p in &mut problems {
            p.path = format!("{label}:{}", p.path);
        }
        let mut data = self.data.clone();
        let mut origins = self.origins.clone();
        let replaced = merge(&mut data, &mut origins, overlay, label, Clash::Replace(options), &mut problems);
        let mut all = self.replaced.clone();
        all.extend(replaced);
        Catalogue::finish(data, origins, problems, all)
    }

    fn from_layers<'t>(
        layers: impl IntoIterator<Item = (&'t str, &'t str)>,
        clash: Clash,
    ) -> Result<Catalogue> {
        let mut problems = Vec::new();
        let mut parsed = Vec::new();
        for (label, text) in layers {
            let mut own = Vec::new();
            let data = parse_text(text, &mut own);
            problems.extend(own.into_iter().map(|mut p| {
                if !label.is_empty() {
                    p.path = format!("{label}:{}", p.path);
                }
                p
            }));
            parsed.push((label, data));
        }
        Catalogue::build(parsed, clash, problems)
    }

    fn build(layers: Vec<(&str, Parsed)>, clash: Clash, mut problems: Vec<Problem>) -> Result<Catalogue> {
        let mut data = CatalogueData::default();
        let mut origins = Origins::default();
        let mut replaced = Vec::new();
        for (label, layer) in layers {
            replaced.extend(merge(&mut data, &mut origins, layer, label, clash, &mut problems));
        }
        Catalogue::finish(data, origins, problems, replaced)
    }

    fn finish(
        data: CatalogueData,
        origins: Origins,
        mut problems: Vec<Problem>,
        replaced: Vec<Replacement>,
    ) -> Result<Catalogue> {
        validate(&data, &origins, &mut problems);
        if !problems.is_empty() {
            return Err(Error::invalid_catalogue(problems));
        }
        let index = build_index(&data);
        Ok(Catalogue { data, origins, index, hash: OnceLock::new(), replaced })
    }

    /// The catalogue's content as JSON text, in the catalogue file format.
    ///
    /// Loading the text again gives an equal catalogue: JSON round-trips losslessly.
    ///
    /// # Example
    ///
    /// ```
    /// let cat = zhengce::Catalogue::builtin();
    /// let again = zhengce::Catalogue::from_json(&cat.to_json())?;
    /// assert_eq!(again.data(), cat.data());
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn to_json(&self) -> String {
        // In WebAssembly through a `Value` (byte for byte the same text: `preserve_order`), as
        // the npm binding serializes every result: one serializer of the catalogue's types in
        // the module instead of two.
        #[cfg(target_arch = "wasm32")]
        let text = serde_json::to_value(&self.data).and_then(|v| serde_json::to_string(&v));
        #[cfg(not(target_arch = "wasm32"))]
        let text = serde_json::to_string(&self.data);
        text.expect("catalogue data serialises")
    }

    /// The catalogue's content as indented JSON text.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhengce::Catalogue::builtin().to_json_pretty().starts_with("{\n"));
    /// ```
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(&self.data).expect("catalogue data serialises")
    }

    /// The catalogue's content.
    ///
    /// # Example
    ///
    /// ```
    /// let cat = zhengce::Catalogue::builtin();
    /// assert!(cat.data().documents.iter().any(|d| d.id == "tianshan-2022-87"));
    /// ```
    pub fn data(&self) -> &CatalogueData {
        &self.data
    }

    /// A hash of the catalogue's content (`sha256:` and 64 hex digits), recorded in execution
    /// receipts so a result can be tied to the exact catalogue that produced it.
    ///
    /// # Example
    ///
    /// ```
    /// let cat = zhengce::Catalogue::builtin();
    /// assert!(cat.content_hash().starts_with("sha256:"));
    /// assert_eq!(cat.content_hash(), zhengce::Catalogue::builtin().content_hash());
    /// ```
    pub fn content_hash(&self) -> &str {
        self.hash.get_or_init(|| {
            let digest = Sha256::digest(self.to_json().as_bytes());
            let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
            format!("sha256:{hex}")
        })
    }

    /// Any entry by id: a jurisdiction, document, clause, unit, programme, measure, community
    /// type, community, target, observation, parameter or rule.
    ///
    /// # Errors
    ///
    /// - `not_found` if no entry has the id.
    ///
    /// # Example
    ///
    /// ```
    /// let cat = zhengce::Catalogue::builtin();
    /// assert_eq!(cat.get("tianshan-2022-87")?.kind(), "document");
    /// assert_eq!(cat.get("nope").unwrap_err().code(), "not_found");
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn get(&self, id: &str) -> Result<Entry<'_>> {
        let slot = self.index.get(id).ok_or_else(|| Error::not_found("entry", id))?;
        let d = &self.data;
        Ok(match slot {
            Slot::Jurisdiction(i) => Entry::Jurisdiction(&d.jurisdictions[*i]),
            Slot::Document(i) => Entry::Document(&d.documents[*i]),
            Slot::Clause(doc, path) => {
                let mut clause = &d.documents[*doc].clauses[path[0] as usize];
                for &k in &path[1..] {
                    clause = &clause.children[k as usize];
                }
                Entry::Clause(clause)
            }
            Slot::Unit(i) => Entry::Unit(&d.units[*i]),
            Slot::Programme(i) => Entry::Programme(&d.programmes[*i]),
            Slot::Measure(i) => Entry::Measure(&d.measures[*i]),
            Slot::CommunityType(i) => Entry::CommunityType(&d.community_types[*i]),
            Slot::Community(i) => Entry::Community(&d.communities[*i]),
            Slot::Target(i) => Entry::Target(&d.targets[*i]),
            Slot::Observation(i) => Entry::Observation(&d.observations[*i]),
            Slot::Parameter(i) => Entry::Parameter(&d.parameters[*i]),
            Slot::Rule(i) => Entry::Rule(&d.rules[*i]),
        })
    }

    /// The document a clause belongs to.
    ///
    /// # Errors
    ///
    /// - `not_found` if no clause has the id.
    ///
    /// # Example
    ///
    /// ```
    /// let cat = zhengce::Catalogue::builtin();
    /// assert_eq!(cat.document_of_clause("tianshan-2022-87/68")?.id, "tianshan-2022-87");
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn document_of_clause(&self, id: &str) -> Result<&Document> {
        match self.index.get(id) {
            Some(Slot::Clause(doc, _)) => Ok(&self.data.documents[*doc]),
            _ => Err(Error::not_found("clause", id)),
        }
    }

    /// The value of parameter `key` in force in `jurisdiction` on `date`, taken from the
    /// jurisdiction itself or, failing that, from its nearest ancestor that has one.
    ///
    /// # Errors
    ///
    /// - `not_found` if the parameter or the jurisdiction is not in the catalogue.
    /// - `invalid_input` (field `date`) if neither the jurisdiction nor any ancestor has a
    ///   value in force on the date.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    ///
    /// let cat = zhengce::Catalogue::builtin();
    /// let before = cat.parameter_value("procurement.bid_bond.rate", "cn-xj-urumqi-tianshan",
    ///     NaiveDate::from_ymd_opt(2022, 1, 1).unwrap())?;
    /// assert_eq!(before.value.to_string(), "0.02");
    /// assert_eq!(before.jurisdiction, "cn");
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn parameter_value(&self, key: &str, jurisdiction: &str, date: NaiveDate) -> Result<ParameterLookup> {
        let param = self.parameter(key)?;
        for place in self.ancestry(jurisdiction)? {
            let found = param.values.iter().find(|v| v.jurisdiction == place.id && v.is_in_force(date));
            if let Some(v) = found {
                return Ok(ParameterLookup {
                    parameter: param.id.clone(),
                    value: v.value,
                    unit: param.unit.clone(),
                    jurisdiction: v.jurisdiction.clone(),
                    effective_from: v.effective_from,
                    until: v.until,
                    source: v.source.clone(),
                    assumption: v.assumption,
                });
            }
        }
        Err(Error::invalid_input(
            "date",
            date,
            format!("a date on which parameter '{key}' has a value in '{jurisdiction}' or an ancestor"),
        ))
    }

    /// The jurisdiction and its ancestors, nearest first (`cn-xj-urumqi-tianshan`, ..., `cn`).
    ///
    /// # Errors
    ///
    /// - `not_found` if the jurisdiction is not in the catalogue.
    ///
    /// # Example
    ///
    /// ```
    /// let cat = zhengce::Catalogue::builtin();
    /// let ids: Vec<_> = cat.ancestry("cn-xj-urumqi-tianshan")?.iter().map(|j| j.id.as_str()).collect();
    /// assert_eq!(ids, ["cn-xj-urumqi-tianshan", "cn-xj-urumqi", "cn-xj", "cn"]);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn ancestry(&self, jurisdiction: &str) -> Result<Vec<&Jurisdiction>> {
        let mut out = vec![self.jurisdiction(jurisdiction)?];
        while let Some(parent) = out.last().and_then(|j| j.parent.as_deref()) {
            out.push(self.jurisdiction(parent)?);
        }
        Ok(out)
    }

    /// True if `jurisdiction` is `ancestor` or lies below it.
    ///
    /// # Example
    ///
    /// ```
    /// let cat = zhengce::Catalogue::builtin();
    /// assert!(cat.is_within("cn-xj-urumqi-tianshan", "cn-xj"));
    /// assert!(!cat.is_within("cn-sh-putuo", "cn-xj"));
    /// ```
    pub fn is_within(&self, jurisdiction: &str, ancestor: &str) -> bool {
        let mut at = self.jurisdiction(jurisdiction).ok();
        while let Some(j) = at {
            if j.id == ancestor {
                return true;
            }
            at = j.parent.as_deref().and_then(|p| self.jurisdiction(p).ok());
        }
        false
    }
}

macro_rules! getters {
    ($(($one:ident, $field:ident, $ty:ty, $slot:ident, $kind:literal)),* $(,)?) => {
        impl Catalogue {
            $(
                #[doc = concat!("The ", $kind, " with this id.")]
                ///
                /// # Errors
                ///
                #[doc = concat!("- `not_found` if no ", $kind, " has the id.")]
                ///
                /// # Example
                ///
                /// ```
                /// let cat = zhengce::Catalogue::builtin();
                #[doc = concat!("assert!(cat.", stringify!($one), "(\"no-such-id\").unwrap_err().is_not_found());")]
                /// ```
                pub fn $one(&self, id: &str) -> Result<&$ty> {
                    match self.index.get(id) {
                        Some(Slot::$slot(i)) => Ok(&self.data.$field[*i]),
                        _ => Err(Error::not_found($kind, id)),
                    }
                }

            )*
        }
    };
}

getters!(
    (jurisdiction, jurisdictions, Jurisdiction, Jurisdiction, "jurisdiction"),
    (document, documents, Document, Document, "document"),
    (unit, units, Unit, Unit, "unit"),
    (programme, programmes, Programme, Programme, "programme"),
    (measure, measures, Measure, Measure, "measure"),
    (community_type, community_types, CommunityType, CommunityType, "community_type"),
    (community, communities, Community, Community, "community"),
    (target, targets, Target, Target, "target"),
    (observation, observations, Observation, Observation, "observation"),
    (parameter, parameters, Parameter, Parameter, "parameter"),
    (rule, rules, Rule, Rule, "rule"),
);

impl Catalogue {
    /// The clause with this id.
    ///
    /// # Errors
    ///
    /// - `not_found` if no clause has the id.
    ///
    /// # Example
    ///
    /// ```
    /// let cat = zhengce::Catalogue::builtin();
    /// assert_eq!(cat.clause("tianshan-2022-87/68")?.label.as_deref(), Some("68."));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn clause(&self, id: &str) -> Result<&Clause> {
        match self.get(id) {
            Ok(Entry::Clause(c)) => Ok(c),
            _ => Err(Error::not_found("clause", id)),
        }
    }
}

fn build_index(data: &CatalogueData) -> HashMap<String, Slot> {
    let mut index = HashMap::new();
    macro_rules! add {
        ($field:ident, $slot:ident) => {
            for (i, e) in data.$field.iter().enumerate() {
                index.insert(e.id.clone(), Slot::$slot(i));
            }
        };
    }
    add!(jurisdictions, Jurisdiction);
    add!(documents, Document);
    add!(units, Unit);
    add!(programmes, Programme);
    add!(measures, Measure);
    add!(community_types, CommunityType);
    add!(communities, Community);
    add!(targets, Target);
    add!(observations, Observation);
    add!(parameters, Parameter);
    add!(rules, Rule);
    fn clauses(index: &mut HashMap<String, Slot>, doc: usize, list: &[Clause], path: &mut Vec<u32>) {
        for (i, c) in list.iter().enumerate() {
            path.push(i as u32);
            index.insert(c.id.clone(), Slot::Clause(doc, path.clone().into_boxed_slice()));
            clauses(index, doc, &c.children, path);
            path.pop();
        }
    }
    for (d, doc) in data.documents.iter().enumerate() {
        clauses(&mut index, d, &doc.clauses, &mut Vec::new());
    }
    index
}
