//! The serialisable content of a catalogue: one list per kind of entry.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::rule::Rule;
use super::{
    Community, CommunityType, Document, Jurisdiction, Measure, Observation, Parameter, Programme, Target,
    Unit,
};

/// The format tag a catalogue file may carry in its `format` field.
///
/// # Example
///
/// ```
/// let file = format!(r#"{{"format": "{}"}}"#, zhengce::catalogue::FORMAT);
/// assert!(zhengce::Catalogue::from_json(&file).is_ok());
/// ```
pub const FORMAT: &str = "zhengce-catalogue/1";

/// The content of a catalogue file: one list per kind of entry, every list optional.
///
/// This is the JSON shape of a catalogue (see `core/schema/catalogue.schema.json`). A file
/// may hold any subset of the lists; layering merges files. Use [`Catalogue`](super::Catalogue)
/// to load and validate one.
///
/// # Example
///
/// ```
/// let data: zhengce::CatalogueData = serde_json::from_str(r#"{"units": []}"#).unwrap();
/// assert!(data.units.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CatalogueData {
    /// The format tag, `zhengce-catalogue/1`; optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// Jurisdictions (a tree through `parent`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub jurisdictions: Vec<Jurisdiction>,
    /// Documents with their clause trees.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<Document>,
    /// Responsible units.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<Unit>,
    /// Programmes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programmes: Vec<Programme>,
    /// Measures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Measure>,
    /// Community types.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub community_types: Vec<CommunityType>,
    /// Concrete communities.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub communities: Vec<Community>,
    /// Targets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Target>,
    /// Observations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub observations: Vec<Observation>,
    /// Dated parameters.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parameters: Vec<Parameter>,
    /// Rules.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<Rule>,
}

/// Calls `$m!(field, Type, "kind")` once per list of [`CatalogueData`], in file order.
macro_rules! for_each_section {
    ($m:ident) => {
        $m!(jurisdictions, Jurisdiction, "jurisdiction");
        $m!(documents, Document, "document");
        $m!(units, Unit, "unit");
        $m!(programmes, Programme, "programme");
        $m!(measures, Measure, "measure");
        $m!(community_types, CommunityType, "community_type");
        $m!(communities, Community, "community");
        $m!(targets, Target, "target");
        $m!(observations, Observation, "observation");
        $m!(parameters, Parameter, "parameter");
        $m!(rules, Rule, "rule");
    };
}
pub(crate) use for_each_section;

/// The names of the lists, as they appear in JSON.
pub(crate) const SECTIONS: [&str; 11] = [
    "jurisdictions",
    "documents",
    "units",
    "programmes",
    "measures",
    "community_types",
    "communities",
    "targets",
    "observations",
    "parameters",
    "rules",
];

/// The JSON Schema (draft 2020-12) of catalogue files, as published in
/// `core/schema/catalogue.schema.json`.
///
/// Descriptions are the first paragraphs of the Rust docs, without their examples.
///
/// # Example
///
/// ```
/// let schema = zhengce::catalogue::json_schema();
/// assert_eq!(schema["title"], "CatalogueData");
/// assert_eq!(schema["additionalProperties"], false);
/// ```
pub fn json_schema() -> serde_json::Value {
    crate::value::described::<CatalogueData>()
}
