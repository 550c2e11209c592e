//! Queries over a catalogue: filtered lists and text search.
//!
//! Filters are plain structs with `Default`, so bindings can fill them from a dict or an
//! object; unknown filter keys are rejected. A filter naming an id that is not in the
//! catalogue is an error, not an empty result, so a typo cannot pass for "no matches".

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Catalogue, Clause, Document, DocumentKind, Measure, Observation, Target, Text, Unit};
use crate::error::Result;

/// Which documents [`Catalogue::documents`] returns. Every field narrows the list.
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// let filter = zhengce::DocumentFilter { jurisdiction: Some("cn-xj-urumqi".into()), ..Default::default() };
/// let ids: Vec<_> = cat.documents(&filter)?.iter().map(|d| d.id.as_str()).collect();
/// assert!(ids.contains(&"tianshan-2022-87"));
/// assert!(!ids.contains(&"putuo-2019-startup-district"));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentFilter {
    /// Issued in this jurisdiction or one below it.
    #[serde(default)]
    pub jurisdiction: Option<String>,
    /// Of this kind.
    #[serde(default)]
    pub kind: Option<DocumentKind>,
}

/// Which measures [`Catalogue::measures`] returns. Every field narrows the list.
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// let filter = zhengce::MeasureFilter { document: Some("tianshan-2022-87".into()), ..Default::default() };
/// assert_eq!(cat.measures(&filter)?.len(), 87);
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MeasureFilter {
    /// Set out in this document.
    #[serde(default)]
    pub document: Option<String>,
    /// Part of this programme.
    #[serde(default)]
    pub programme: Option<String>,
    /// With this unit among its lead or co-responsible units.
    #[serde(default)]
    pub unit: Option<String>,
    /// Serving this community type.
    #[serde(default)]
    pub community_type: Option<String>,
}

/// Which targets [`Catalogue::targets`] returns. Every field narrows the list.
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// let filter = zhengce::TargetFilter { scope: Some("cn-xj-urumqi-tianshan".into()), ..Default::default() };
/// assert!(cat.targets(&filter)?.iter().any(|t| t.id == "tianshan-2022-87/t28"));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetFilter {
    /// Covering this jurisdiction or one below it.
    #[serde(default)]
    pub scope: Option<String>,
    /// Set in this document.
    #[serde(default)]
    pub document: Option<String>,
    /// Set by this measure.
    #[serde(default)]
    pub measure: Option<String>,
    /// Part of this programme.
    #[serde(default)]
    pub programme: Option<String>,
    /// With this unit responsible, directly or through the target's measure.
    #[serde(default)]
    pub unit: Option<String>,
    /// Concerning this community type.
    #[serde(default)]
    pub community_type: Option<String>,
}

/// Which observations [`Catalogue::observations`] returns. Every field narrows the list.
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// let all = cat.observations(&zhengce::ObservationFilter::default())?;
/// assert_eq!(all.len(), cat.data().observations.len());
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ObservationFilter {
    /// Measuring this target.
    #[serde(default)]
    pub target: Option<String>,
    /// Measured in this jurisdiction or one below it.
    #[serde(default)]
    pub scope: Option<String>,
}

/// Which units [`Catalogue::units`] returns.
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// let filter = zhengce::UnitFilter { jurisdiction: Some("cn-sh-putuo".into()) };
/// assert!(cat.units(&filter)?.iter().any(|u| u.name.zh == "区人社局"));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnitFilter {
    /// Belonging to this jurisdiction or one below it.
    #[serde(default)]
    pub jurisdiction: Option<String>,
}

/// Options of [`Catalogue::search`].
///
/// # Example
///
/// ```
/// let options = zhengce::SearchOptions { kinds: vec!["clause".into()], limit: 5 };
/// assert_eq!(options.limit, 5);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SearchOptions {
    /// Only entries of these kinds (`document`, `clause`, `measure`, ...); all when empty.
    #[serde(default)]
    pub kinds: Vec<String>,
    /// At most this many hits (default 20).
    #[serde(default = "default_limit")]
    pub limit: usize,
}

fn default_limit() -> usize {
    20
}

impl Default for SearchOptions {
    fn default() -> SearchOptions {
        SearchOptions { kinds: Vec::new(), limit: default_limit() }
    }
}

/// One result of [`Catalogue::search`].
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// let hits = cat.search("保证金", &Default::default())?;
/// assert!(hits.iter().any(|h| h.id == "tianshan-2022-87/68" && h.kind == "clause"));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SearchHit {
    /// The entry's id.
    pub id: String,
    /// The entry's kind.
    pub kind: String,
    /// The field where the first search term was found (`title.zh`, `text`, `summary`).
    pub field: String,
    /// The text around the match.
    pub snippet: String,
}

const KINDS: [&str; 12] = [
    "jurisdiction",
    "document",
    "clause",
    "unit",
    "programme",
    "measure",
    "community_type",
    "community",
    "target",
    "observation",
    "parameter",
    "rule",
];

impl Catalogue {
    /// Documents, filtered.
    ///
    /// # Errors
    ///
    /// - `not_found` if the filter names a jurisdiction that is not in the catalogue.
    ///
    /// # Example
    ///
    /// ```
    /// let cat = zhengce::Catalogue::builtin();
    /// let filter = zhengce::DocumentFilter { jurisdiction: Some("cn-sh".into()), ..Default::default() };
    /// assert_eq!(cat.documents(&filter)?[0].id, "putuo-2019-startup-district");
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn documents(&self, filter: &DocumentFilter) -> Result<Vec<&Document>> {
        self.check(&filter.jurisdiction, "jurisdiction")?;
        Ok(self
            .data()
            .documents
            .iter()
            .filter(|d| filter.kind.is_none_or(|k| d.kind == k))
            .filter(|d| filter.jurisdiction.as_ref().is_none_or(|j| self.is_within(&d.jurisdiction, j)))
            .collect())
    }

    /// Measures, filtered.
    ///
    /// # Errors
    ///
    /// - `not_found` if the filter names a document, programme, unit or community type that is
    ///   not in the catalogue.
    ///
    /// # Example
    ///
    /// ```
    /// let cat = zhengce::Catalogue::builtin();
    /// let filter = zhengce::MeasureFilter { unit: Some("putuo-finance".into()), ..Default::default() };
    /// assert!(cat.measures(&filter)?.iter().any(|m| m.id == "putuo-2019-startup-district/m5"));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn measures(&self, filter: &MeasureFilter) -> Result<Vec<&Measure>> {
        self.check(&filter.document, "document")?;
        self.check(&filter.programme, "programme")?;
        self.check(&filter.unit, "unit")?;
        self.check(&filter.community_type, "community_type")?;
        Ok(self
            .data()
            .measures
            .iter()
            .filter(|m| filter.document.as_ref().is_none_or(|d| &m.source.document == d))
            .filter(|m| filter.programme.as_ref().is_none_or(|p| m.programme.as_ref() == Some(p)))
            .filter(|m| {
                filter.unit.as_ref().is_none_or(|u| m.lead_units.contains(u) || m.co_units.contains(u))
            })
            .filter(|m| filter.community_type.as_ref().is_none_or(|t| m.community_types.contains(t)))
            .collect())
    }

    /// Targets, filtered.
    ///
    /// # Errors
    ///
    /// - `not_found` if the filter names an entry that is not in the catalogue.
    ///
    /// # Example
    ///
    /// ```
    /// let cat = zhengce::Catalogue::builtin();
    /// let filter = zhengce::TargetFilter { document: Some("putuo-2019-startup-district".into()), ..Default::default() };
    /// assert!(cat.targets(&filter)?.len() >= 4);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn targets(&self, filter: &TargetFilter) -> Result<Vec<&Target>> {
        self.check(&filter.scope, "jurisdiction")?;
        self.check(&filter.document, "document")?;
        self.check(&filter.measure, "measure")?;
        self.check(&filter.programme, "programme")?;
        self.check(&filter.unit, "unit")?;
        self.check(&filter.community_type, "community_type")?;
        let responsible = |t: &Target, unit: &String| {
            t.units.contains(unit)
                || t.measure
                    .as_deref()
                    .and_then(|m| self.measure(m).ok())
                    .is_some_and(|m| m.lead_units.contains(unit) || m.co_units.contains(unit))
        };
        Ok(self
            .data()
            .targets
            .iter()
            .filter(|t| filter.scope.as_ref().is_none_or(|s| self.is_within(&t.scope, s)))
            .filter(|t| filter.document.as_ref().is_none_or(|d| &t.source.document == d))
            .filter(|t| filter.measure.as_ref().is_none_or(|m| t.measure.as_ref() == Some(m)))
            .filter(|t| filter.programme.as_ref().is_none_or(|p| t.programme.as_ref() == Some(p)))
            .filter(|t| filter.unit.as_ref().is_none_or(|u| responsible(t, u)))
            .filter(|t| filter.community_type.as_ref().is_none_or(|c| t.community_type.as_ref() == Some(c)))
            .collect())
    }

    /// Observations, filtered.
    ///
    /// # Errors
    ///
    /// - `not_found` if the filter names a target or jurisdiction that is not in the catalogue.
    ///
    /// # Example
    ///
    /// ```
    /// let cat = zhengce::Catalogue::builtin();
    /// let filter = zhengce::ObservationFilter { target: Some("nope".into()), ..Default::default() };
    /// assert!(cat.observations(&filter).unwrap_err().is_not_found());
    /// ```
    pub fn observations(&self, filter: &ObservationFilter) -> Result<Vec<&Observation>> {
        self.check(&filter.target, "target")?;
        self.check(&filter.scope, "jurisdiction")?;
        Ok(self
            .data()
            .observations
            .iter()
            .filter(|o| filter.target.as_ref().is_none_or(|t| o.target.as_ref() == Some(t)))
            .filter(|o| filter.scope.as_ref().is_none_or(|s| self.is_within(&o.scope, s)))
            .collect())
    }

    /// Units, filtered.
    ///
    /// # Errors
    ///
    /// - `not_found` if the filter names a jurisdiction that is not in the catalogue.
    ///
    /// # Example
    ///
    /// ```
    /// let cat = zhengce::Catalogue::builtin();
    /// assert_eq!(cat.units(&Default::default())?.len(), cat.data().units.len());
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn units(&self, filter: &UnitFilter) -> Result<Vec<&Unit>> {
        self.check(&filter.jurisdiction, "jurisdiction")?;
        Ok(self
            .data()
            .units
            .iter()
            .filter(|u| filter.jurisdiction.as_ref().is_none_or(|j| self.is_within(&u.jurisdiction, j)))
            .collect())
    }

    /// Searches titles, names and clause text in Chinese and English.
    ///
    /// The query is split on white space; an entry matches when every term occurs in one of
    /// its fields (ignoring case). Hits in a title or name come before hits in body text;
    /// otherwise hits keep catalogue order.
    ///
    /// # Errors
    ///
    /// - `invalid_input` (field `kinds`) for an unknown entry kind.
    ///
    /// # Example
    ///
    /// ```
    /// let cat = zhengce::Catalogue::builtin();
    /// let hits = cat.search("bid bond", &zhengce::SearchOptions { kinds: vec!["clause".into()], limit: 10 })?;
    /// assert!(hits.iter().any(|h| h.id == "tianshan-2022-87/68"));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn search(&self, query: &str, options: &SearchOptions) -> Result<Vec<SearchHit>> {
        if let Some(bad) = options.kinds.iter().find(|k| !KINDS.contains(&k.as_str())) {
            return Err(crate::Error::invalid_input(
                "kinds",
                format!("'{bad}'"),
                format!("one of {}", KINDS.join(", ")),
            ));
        }
        let terms: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        let wanted = |kind: &str| options.kinds.is_empty() || options.kinds.iter().any(|k| k == kind);
        let mut hits: Vec<(u8, SearchHit)> = Vec::new();
        let mut consider = |kind: &'static str, id: &str, fields: &[(&'static str, &str)]| {
            if !wanted(kind) {
                return;
            }
            let lowered: Vec<String> = fields.iter().map(|(_, text)| text.to_lowercase()).collect();
            if !terms.iter().all(|t| lowered.iter().any(|f| f.contains(t.as_str()))) {
                return;
            }
            let Some(k) = lowered.iter().position(|f| f.contains(terms[0].as_str())) else { return };
            let (field, text) = fields[k];
            let rank = u8::from(!(field.starts_with("title") || field.starts_with("name")));
            let snippet = snippet(text, &lowered[k], &terms[0]);
            hits.push((
                rank,
                SearchHit { id: id.to_owned(), kind: kind.to_owned(), field: field.to_owned(), snippet },
            ));
        };
        let d = self.data();
        for j in &d.jurisdictions {
            consider("jurisdiction", &j.id, &named(&j.name));
        }
        for doc in &d.documents {
            consider("document", &doc.id, &[("title.zh", &doc.title.zh), ("title.en", &doc.title.en)]);
            for c in doc.all_clauses() {
                consider("clause", &c.id, &clause_fields(c));
            }
        }
        for u in &d.units {
            consider("unit", &u.id, &named(&u.name));
        }
        for p in &d.programmes {
            consider("programme", &p.id, &named(&p.name));
        }
        for m in &d.measures {
            let mut fields = vec![("title.zh", m.title.zh.as_str()), ("title.en", m.title.en.as_str())];
            fields.extend(m.summary.as_deref().map(|s| ("summary", s)));
            consider("measure", &m.id, &fields);
        }
        for t in &d.community_types {
            let mut fields = named(&t.name).to_vec();
            fields.extend([("focus.zh", t.focus.zh.as_str()), ("focus.en", t.focus.en.as_str())]);
            consider("community_type", &t.id, &fields);
        }
        for c in &d.communities {
            consider("community", &c.id, &named(&c.name));
        }
        for t in &d.targets {
            consider("target", &t.id, &[("name.zh", &t.metric.zh), ("name.en", &t.metric.en)]);
        }
        for o in &d.observations {
            consider("observation", &o.id, &[("name.zh", &o.metric.zh), ("name.en", &o.metric.en)]);
        }
        for p in &d.parameters {
            let mut fields = named(&p.name).to_vec();
            fields.extend(p.description.as_deref().map(|s| ("description", s)));
            consider("parameter", &p.id, &fields);
        }
        for r in &d.rules {
            consider("rule", &r.id, &named(&r.name));
        }
        hits.sort_by_key(|(rank, _)| *rank);
        Ok(hits.into_iter().take(options.limit).map(|(_, h)| h).collect())
    }

    /// Checks that a filter's id, if given, names an entry of `kind`.
    fn check(&self, id: &Option<String>, kind: &str) -> Result<()> {
        match id {
            Some(id) if self.get(id).map(|e| e.kind()).ok() != Some(kind) => {
                Err(crate::Error::not_found(kind, id))
            }
            _ => Ok(()),
        }
    }
}

fn named(name: &Text) -> [(&'static str, &str); 2] {
    [("name.zh", &name.zh), ("name.en", &name.en)]
}

fn clause_fields(c: &Clause) -> Vec<(&'static str, &str)> {
    let mut fields = Vec::with_capacity(4);
    if let Some(t) = &c.title {
        fields.extend([("title.zh", t.zh.as_str()), ("title.en", t.en.as_str())]);
    }
    fields.extend(c.text.as_deref().map(|t| ("text", t)));
    fields.push(("summary", c.summary.as_str()));
    fields
}

/// Up to 20 characters before the match and 40 after it, with ellipses where cut.
fn snippet(text: &str, lowered: &str, term: &str) -> String {
    let Some(at) = lowered.find(term) else { return text.chars().take(60).collect() };
    // Lower-casing can change byte lengths, so work in characters of the lowered text,
    // which has as many characters as the original for the scripts we hold.
    let start_char = lowered[..at].chars().count();
    let chars: Vec<char> = text.chars().collect();
    let from = start_char.saturating_sub(20);
    let to = (start_char + term.chars().count() + 40).min(chars.len());
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.extend(&chars[from.min(chars.len())..to]);
    if to < chars.len() {
        out.push('…');
    }
    out
}
