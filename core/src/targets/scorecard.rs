//! Scorecards: assessments rolled up by document, clause group, programme, responsible unit,
//! community type, community and jurisdiction, with counts per status and the targets behind
//! each count.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::assessment::Assessment;
use super::status::{AssessOptions, Status};
use crate::catalogue::Text;

/// A dimension a scorecard rolls targets up by.
///
/// # Example
///
/// ```
/// let by: Vec<zhengce::targets::Dimension> = serde_json::from_str(r#"["group", "unit"]"#).unwrap();
/// assert_eq!(by[0], zhengce::targets::Dimension::Group);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// The document that sets the target.
    Document,
    /// The top-level clause of the document the target's clause lies in (Tianshan's four
    /// groups 一 to 四, Putuo's three parts).
    Group,
    /// The target's programme.
    Programme,
    /// Each unit responsible: named on the target, or lead or co-responsible unit of its
    /// measure. A target counts under every one of its units.
    Unit,
    /// The target's community type, else the community types its measure serves.
    CommunityType,
    /// Each registered community that lists the target among its targets.
    Community,
    /// The jurisdiction the target covers (its scope).
    Jurisdiction,
}

impl Dimension {
    /// The dimension's snake_case name, as in JSON.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhengce::targets::Dimension::CommunityType.as_str(), "community_type");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Dimension::Document => "document",
            Dimension::Group => "group",
            Dimension::Programme => "programme",
            Dimension::Unit => "unit",
            Dimension::CommunityType => "community_type",
            Dimension::Community => "community",
            Dimension::Jurisdiction => "jurisdiction",
        }
    }
}

/// What a scorecard covers and how it rolls up. Selection fields narrow the targets as in
/// [`TargetFilter`](crate::TargetFilter); threshold fields override the catalogue's as in
/// [`AssessOptions`].
///
/// # Example
///
/// ```
/// use zhengce::targets::{Dimension, ScorecardOptions};
///
/// let options = ScorecardOptions { by: vec![Dimension::Group], document: Some("tianshan-2022-87".into()), ..Default::default() };
/// assert!(options.unit.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScorecardOptions {
    /// The dimensions to roll up by, in order (default none: only the totals and the
    /// assessments).
    #[serde(default)]
    pub by: Vec<Dimension>,
    /// Only targets covering this jurisdiction or one below it.
    #[serde(default)]
    pub scope: Option<String>,
    /// Only targets set in this document.
    #[serde(default)]
    pub document: Option<String>,
    /// Only targets set by this measure.
    #[serde(default)]
    pub measure: Option<String>,
    /// Only targets of this programme.
    #[serde(default)]
    pub programme: Option<String>,
    /// Only targets this unit is responsible for (directly or through the measure).
    #[serde(default)]
    pub unit: Option<String>,
    /// Only targets concerning this community type.
    #[serde(default)]
    pub community_type: Option<String>,
    /// Only the targets this registered community lists.
    #[serde(default)]
    pub community: Option<String>,
    /// Overrides `monitoring.status.on_track_lag`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    #[serde(with = "crate::value::opt_strict_decimal")]
    pub on_track_lag: Option<Decimal>,
    /// Overrides `monitoring.status.at_risk_lag`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    #[serde(with = "crate::value::opt_strict_decimal")]
    pub at_risk_lag: Option<Decimal>,
    /// Overrides `monitoring.status.early_share`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    #[serde(with = "crate::value::opt_strict_decimal")]
    pub early_share: Option<Decimal>,
}

impl ScorecardOptions {
    /// The threshold overrides, as options of one assessment.
    ///
    /// # Example
    ///
    /// ```
    /// let o = zhengce::targets::ScorecardOptions::default();
    /// assert_eq!(o.assess_options(), Default::default());
    /// ```
    pub fn assess_options(&self) -> AssessOptions {
        AssessOptions {
            on_track_lag: self.on_track_lag,
            at_risk_lag: self.at_risk_lag,
            early_share: self.early_share,
        }
    }
}

/// How many targets have each status.
///
/// # Example
///
/// ```
/// let c = zhengce::targets::StatusCounts::default();
/// assert_eq!(c.total, 0);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct StatusCounts {
    /// Targets met.
    pub met: usize,
    /// Targets on track.
    pub on_track: usize,
    /// Targets at risk.
    pub at_risk: usize,
    /// Targets off track.
    pub off_track: usize,
    /// Targets missed.
    pub missed: usize,
    /// Targets without data.
    pub no_data: usize,
    /// All of them.
    pub total: usize,
}

impl StatusCounts {
    /// The count of one status.
    ///
    /// # Example
    ///
    /// ```
    /// use zhengce::targets::{Status, StatusCounts};
    /// let c = StatusCounts { met: 2, total: 2, ..Default::default() };
    /// assert_eq!(c.get(Status::Met), 2);
    /// ```
    pub fn get(&self, status: Status) -> usize {
        match status {
            Status::Met => self.met,
            Status::OnTrack => self.on_track,
            Status::AtRisk => self.at_risk,
            Status::OffTrack => self.off_track,
            Status::Missed => self.missed,
            Status::NoData => self.no_data,
        }
    }

    fn add(&mut self, status: Status) {
        self.total += 1;
        *match status {
            Status::Met => &mut self.met,
            Status::OnTrack => &mut self.on_track,
            Status::AtRisk => &mut self.at_risk,
            Status::OffTrack => &mut self.off_track,
            Status::Missed => &mut self.missed,
            Status::NoData => &mut self.no_data,
        } += 1;
    }
}

/// The ids of the targets behind each count.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use zhengce::targets::{Dimension, Monitor, ScorecardOptions};
///
/// let monitor = Monitor::new(&zhengce::Context::builtin());
/// let options = ScorecardOptions { by: vec![Dimension::Document], document: Some("xinjin-2021-fragment".into()), ..Default::default() };
/// let card = monitor.scorecard(NaiveDate::from_ymd_opt(2023, 1, 1).unwrap(), &options)?;
/// assert_eq!(card.groups[0].targets.no_data.len(), 27); // 22, four milestones, one recurring duty
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct StatusLists {
    /// Targets met.
    pub met: Vec<String>,
    /// Targets on track.
    pub on_track: Vec<String>,
    /// Targets at risk.
    pub at_risk: Vec<String>,
    /// Targets off track.
    pub off_track: Vec<String>,
    /// Targets missed.
    pub missed: Vec<String>,
    /// Targets without data.
    pub no_data: Vec<String>,
}

impl StatusLists {
    /// The targets of one status.
    ///
    /// # Example
    ///
    /// ```
    /// use zhengce::targets::{Status, StatusLists};
    /// assert!(StatusLists::default().get(Status::NoData).is_empty());
    /// ```
    pub fn get(&self, status: Status) -> &[String] {
        match status {
            Status::Met => &self.met,
            Status::OnTrack => &self.on_track,
            Status::AtRisk => &self.at_risk,
            Status::OffTrack => &self.off_track,
            Status::Missed => &self.missed,
            Status::NoData => &self.no_data,
        }
    }

    fn push(&mut self, status: Status, id: &str) {
        match status {
            Status::Met => &mut self.met,
            Status::OnTrack => &mut self.on_track,
            Status::AtRisk => &mut self.at_risk,
            Status::OffTrack => &mut self.off_track,
            Status::Missed => &mut self.missed,
            Status::NoData => &mut self.no_data,
        }
        .push(id.to_owned());
    }
}

/// One row of a scorecard: the targets of one key of one dimension.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use zhengce::targets::{Dimension, Monitor, ScorecardOptions};
///
/// let monitor = Monitor::new(&zhengce::Context::builtin());
/// let options = ScorecardOptions { by: vec![Dimension::Jurisdiction], document: Some("tianshan-2022-87".into()), ..Default::default() };
/// let group = &monitor.scorecard(NaiveDate::from_ymd_opt(2023, 1, 1).unwrap(), &options)?.groups[0];
/// assert_eq!((group.key.as_deref(), group.counts.total), (Some("cn-xj-urumqi-tianshan"), 67));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ScorecardGroup {
    /// The dimension.
    pub dimension: Dimension,
    /// The id of the document, clause, programme, unit, community type, community or
    /// jurisdiction; absent for the targets that have none (no unit named, for example).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Its name, for display.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// Targets per status.
    pub counts: StatusCounts,
    /// The targets behind each count.
    pub targets: StatusLists,
}

/// Assessments of many targets at one date, with counts per status overall and per group.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use zhengce::targets::{Dimension, Monitor, ScorecardOptions};
///
/// let monitor = Monitor::new(&zhengce::Context::builtin());
/// let options = ScorecardOptions { by: vec![Dimension::Group], document: Some("tianshan-2022-87".into()), ..Default::default() };
/// let card = monitor.scorecard(NaiveDate::from_ymd_opt(2022, 12, 31).unwrap(), &options)?;
/// assert_eq!(card.groups.len(), 4); // groups 一 to 四
/// assert_eq!(card.counts.total, card.assessments.len());
/// println!("{}", card.to_csv());
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "ScorecardData")] // apart from the binding classes `Scorecard`, as `CatalogueData` is from `Catalogue`
pub struct Scorecard {
    /// The date of the assessments.
    #[serde(with = "crate::value::iso_date")]
    #[schemars(with = "NaiveDate")]
    pub as_of: NaiveDate,
    /// Targets per status, over all the targets assessed.
    pub counts: StatusCounts,
    /// One row per key of each dimension asked for: dimensions in the order asked, keys in
    /// catalogue order, targets without a key last.
    pub groups: Vec<ScorecardGroup>,
    /// One assessment per target, in catalogue order.
    pub assessments: Vec<Assessment>,
}

/// Accumulates one dimension's groups.
pub(crate) struct Rollup {
    dimension: Dimension,
    /// (catalogue position, key, group); `None` keys sort last.
    groups: Vec<(usize, Option<String>, ScorecardGroup)>,
    position: std::collections::HashMap<String, usize>,
    unkeyed: Option<usize>,
}

impl Rollup {
    pub(crate) fn new(dimension: Dimension) -> Rollup {
        Rollup { dimension, groups: Vec::new(), position: Default::default(), unkeyed: None }
    }

    /// Counts `assessment` under `key` (at catalogue position `order`, named `name`; both
    /// asked only for a new group).
    pub(crate) fn add(
        &mut self,
        key: Option<&str>,
        order: impl FnOnce() -> usize,
        name: impl FnOnce() -> Option<Text>,
        assessment: &Assessment,
    ) {
        let found = match key {
            Some(k) => self.position.get(k).copied(),
            None => self.unkeyed,
        };
        let at = match found {
            Some(at) => at,
            None => {
                let owned = key.map(str::to_owned);
                let group = ScorecardGroup {
                    dimension: self.dimension,
                    key: owned.clone(),
                    name: key.and(name()),
                    counts: StatusCounts::default(),
                    targets: StatusLists::default(),
                };
                self.groups.push((if key.is_some() { order() } else { usize::MAX }, owned.clone(), group));
                let at = self.groups.len() - 1;
                match owned {
                    Some(k) => {
                        self.position.insert(k, at);
                    }
                    None => self.unkeyed = Some(at),
                }
                at
            }
        };
        let group = &mut self.groups[at].2;
        group.counts.add(assessment.status);
        group.targets.push(assessment.status, &assessment.target);
    }

    pub(crate) fn finish(mut self) -> Vec<ScorecardGroup> {
        self.groups.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        self.groups.into_iter().map(|(_, _, g)| g).collect()
    }
}

/// Totals over the assessments.
pub(crate) fn totals(assessments: &[Assessment]) -> StatusCounts {
    let mut counts = StatusCounts::default();
    for a in assessments {
        counts.add(a.status);
    }
    counts
}
