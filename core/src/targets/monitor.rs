//! The monitor: a catalogue's targets, the observations held for them, and the calls that
//! assess them.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::assess::assess;
use super::assessment::{Assessment, Subject};
use super::checks::{RatioCheck, check_ratio};
use super::observations::{Fields, ObservationInput, check, from_catalogue};
use super::scorecard::{Dimension, Rollup, Scorecard, ScorecardOptions, totals};
use super::status::{AssessOptions, Thresholds};
use super::store::{Checked, Extra, Key, Store};
use crate::catalogue::{Catalogue, Citation, Clause, Community, Observation, Target, TargetFilter, Text};
use crate::context::Context;
use crate::error::{Error, Result};

/// Monitors a catalogue's targets against observed data.
///
/// A monitor holds the catalogue, the observations added to it (starting with the
/// catalogue's own observations of targets, such as the baselines of Tianshan item 85 and
/// Xinshi's 13th-plan results) and a registry of communities for scorecards by community.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use zhengce::targets::{AssessOptions, Monitor, Status};
///
/// let mut monitor = Monitor::new(&zhengce::Context::builtin());
/// monitor.add_observations_json_value(&serde_json::json!([
///     {"target": "tianshan-2022-87/t28", "date": "2022-03-31", "value": "60", "unit": "%", "source": "synthetic"},
///     {"target": "tianshan-2022-87/t28", "date": "2022-12-31", "value": "86.5", "unit": "%", "source": "synthetic"}]))?;
/// let at = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(monitor.assess("tianshan-2022-87/t28", at(2023, 1, 31), &AssessOptions::default())?.status, Status::Met);
/// assert_eq!(monitor.assess("tianshan-2022-87/t37", at(2023, 1, 31), &AssessOptions::default())?.status, Status::NoData);
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Monitor {
    pub(super) context: Context,
    communities: Vec<Community>,
    /// Target ids to their index in the catalogue's list.
    pub(super) index: HashMap<String, u32>,
    meta: Vec<Meta>,
    /// Catalogue position of every id (within its kind), clauses in document order.
    order: HashMap<String, usize>,
    /// The top-level clause (group) of every clause.
    groups: HashMap<String, String>,
    pub(super) store: Store,
}

#[derive(Debug, Clone, Copy)]
struct Meta {
    period_start: Option<NaiveDate>,
    deadline: Option<NaiveDate>,
}

impl Monitor {
    /// A monitor of the targets of the context's catalogue, holding the catalogue's
    /// observations of them; statuses use the thresholds the context's scenario has in force.
    ///
    /// # Example
    ///
    /// ```
    /// let monitor = zhengce::targets::Monitor::new(&zhengce::Context::builtin());
    /// // Tianshan's three baselines, the national 20-day notice period and Xinshi's insurance
    /// // rate name a target.
    /// assert_eq!(monitor.len(), 5);
    /// ```
    pub fn new(context: &Context) -> Monitor {
        let catalogue = context.catalogue();
        let data = catalogue.data();
        let index = data.targets.iter().enumerate().map(|(i, t)| (t.id.clone(), i as u32)).collect();
        let meta = data
            .targets
            .iter()
            .map(|t| {
                let programme = t.programme.as_deref().and_then(|p| catalogue.programme(p).ok());
                let document = catalogue.document(&t.source.document).ok();
                Meta {
                    period_start: t
                        .period
                        .or(programme.and_then(|p| p.period))
                        .or(document.and_then(|d| d.period))
                        .map(|p| p.from),
                    deadline: t.deadline.or(t.period.map(|p| p.until)),
                }
            })
            .collect();
        let mut order = HashMap::new();
        let mut groups = HashMap::new();
        macro_rules! positions {
            ($($field:ident),*) => {$(
                for (i, e) in data.$field.iter().enumerate() {
                    order.insert(e.id.clone(), i);
                }
            )*};
        }
        positions!(jurisdictions, documents, units, programmes, community_types, communities);
        fn walk(
            clauses: &[Clause],
            top: Option<&str>,
            order: &mut HashMap<String, usize>,
            groups: &mut HashMap<String, String>,
        ) {
            for c in clauses {
                let top = top.unwrap_or(&c.id);
                order.insert(c.id.clone(), order.len());
                groups.insert(c.id.clone(), top.to_owned());
                walk(&c.children, Some(top), order, groups);
            }
        }
        for d in &data.documents {
            walk(&d.clauses, None, &mut order, &mut groups);
        }
        let store = Store::new(data.targets.len());
        let mut monitor = Monitor {
            communities: context.catalogue().data().communities.clone(),
            context: context.clone(),
            index,
            meta,
            order,
            groups,
            store,
        };
        let rows: Vec<Checked> = monitor
            .context
            .catalogue()
            .data()
            .observations
            .iter()
            .filter_map(|o| {
                let t = *monitor.index.get(o.target.as_deref()?)?;
                monitor.prepare(from_catalogue(o), t, &|| "observation".to_owned()).ok()
            })
            .collect();
        for row in rows {
            monitor.store.insert(row);
        }
        monitor
    }

    /// The same monitor with `communities` as the communities its scorecards group by (the
    /// registry's, see `Monitor::with_communities` in the communities module).
    pub(crate) fn with_community_list(mut self, communities: Vec<Community>) -> Monitor {
        self.communities = communities;
        self
    }

    /// The catalogue monitored.
    ///
    /// # Example
    ///
    /// ```
    /// let monitor = zhengce::targets::Monitor::new(&zhengce::Context::builtin());
    /// assert!(monitor.catalogue().target("tianshan-2022-87/t28").is_ok());
    /// ```
    pub fn catalogue(&self) -> &Catalogue {
        self.context.catalogue()
    }

    /// The context the monitor assesses in.
    ///
    /// # Example
    ///
    /// ```
    /// let monitor = zhengce::targets::Monitor::new(&zhengce::Context::builtin());
    /// assert_eq!(monitor.context().scenario_name(), "baseline");
    /// ```
    pub fn context(&self) -> &Context {
        &self.context
    }

    /// The communities scorecards group by: the catalogue's, or a registry's
    /// (`Monitor::with_communities`).
    ///
    /// # Example
    ///
    /// ```
    /// let monitor = zhengce::targets::Monitor::new(&zhengce::Context::builtin());
    /// assert_eq!(monitor.communities().len(), 0);
    /// ```
    pub fn communities(&self) -> &[Community] {
        &self.communities
    }

    /// A community by id, among [`Monitor::communities`].
    fn community(&self, id: &str) -> Result<&Community> {
        self.communities.iter().find(|c| c.id == id).ok_or_else(|| Error::not_found("community", id))
    }

    /// The number of observations held.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(!zhengce::targets::Monitor::new(&zhengce::Context::builtin()).is_empty());
    /// ```
    pub fn len(&self) -> usize {
        self.store.len()
    }

    /// True if no observation is held.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(!zhengce::targets::Monitor::new(&zhengce::Context::builtin()).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.store.len() == 0
    }

    fn target_index(&self, id: &str) -> Result<usize> {
        self.index.get(id).map(|&i| i as usize).ok_or_else(|| Error::not_found("target", id))
    }

    /// Checks a row against target `t` and reads its key.
    fn prepare(&self, row: ObservationInput, t: u32, what: &dyn Fn() -> String) -> Result<Checked> {
        let target = &self.context.catalogue().data().targets[t as usize];
        let fields = Fields {
            unit: &row.unit,
            scope: row.scope.as_deref(),
            value: row.value,
            id: row.id.as_deref(),
            source: row.source.as_ref().map(|s| s.document.as_str()),
            as_of: row.as_of,
            published: row.published,
        };
        check(&fields, target, what)?;
        let key = Key::of(row.id.as_deref(), t, row.as_of, &|id| self.index.get(id).copied());
        Ok(Checked {
            target: t,
            key,
            date: row.as_of,
            published: row.published,
            value: row.value,
            qualifier: row.qualifier.unwrap_or_default(),
            source: row.source.unwrap_or_else(|| Citation {
                document: String::new(),
                clause: None,
                quote: None,
            }),
            extra: Extra {
                id: row.id,
                metric: row.metric.filter(|m| *m != target.metric),
                reading: row.reading,
            },
        })
    }

    fn checked(&self, row: ObservationInput, what: &dyn Fn() -> String) -> Result<Checked> {
        let t = self.target_index(&row.target).map_err(|e| e.context(format!("failed to add {}", what())))?;
        let row = self.prepare(row, t as u32, what)?;
        self.same_target(&row, self.store.target_of(&row.key), what)?;
        Ok(row)
    }

    /// The id of a checked row, as given or by default.
    fn id_of(&self, row: &Checked) -> String {
        match (&row.extra.id, &row.key) {
            (Some(id), _) => id.clone(),
            (None, Key::Pair(t, date)) => {
                format!("{}@{date}", self.context.catalogue().data().targets[*t as usize].id)
            }
            (None, Key::Name(id)) => id.clone(),
        }
    }

    /// An id already held may be replaced only by an observation of the same target: an id
    /// shared across targets would move another target's figure (its baseline) away.
    pub(super) fn same_target(
        &self,
        row: &Checked,
        held: Option<u32>,
        what: &dyn Fn() -> String,
    ) -> Result<()> {
        match held {
            Some(other) if other != row.target => Err(Error::invalid_input(
                format!("{}.id", what()),
                format!(
                    "'{}' (already an observation of target '{}')",
                    self.id_of(row),
                    self.context.catalogue().data().targets[other as usize].id
                ),
                format!(
                    "an id not held by an observation of another target than '{}'",
                    self.context.catalogue().data().targets[row.target as usize].id
                ),
            )),
            _ => Ok(()),
        }
    }

    /// Adds one observation; one with the id of an observation held replaces it (the default
    /// id is `<target>@<date>`, so a second figure for a target and date replaces the first).
    ///
    /// # Errors
    ///
    /// - `not_found` if the target is not in the catalogue.
    /// - `unit_mismatch` if the unit is not the target's.
    /// - `invalid_input` for a scope other than the target's, a `boolean` value other than 0
    ///   or 1, or a malformed id; `missing_input` for an empty source.
    ///
    /// # Example
    ///
    /// ```
    /// use zhengce::targets::{Monitor, ObservationInput};
    ///
    /// let mut monitor = Monitor::new(&zhengce::Context::builtin());
    /// let row: ObservationInput = serde_json::from_value(serde_json::json!({"target": "tianshan-2022-87/t28",
    ///     "date": "2022-06-30", "value": "0.8", "unit": "ratio", "source": "synthetic"})).unwrap();
    /// let err = monitor.add_observation(row).unwrap_err();
    /// assert_eq!(err.code(), "unit_mismatch");
    /// assert_eq!(err.path(), Some("observation.unit"));
    /// ```
    pub fn add_observation(&mut self, observation: ObservationInput) -> Result<()> {
        let row = self.checked(observation, &|| "observation".to_owned())?;
        self.store.insert(row);
        Ok(())
    }

    /// Adds many observations, all or none; returns how many were added.
    ///
    /// # Errors
    ///
    /// As [`add_observation`](Monitor::add_observation), for the first bad row, naming it
    /// (`observations[3].unit`).
    ///
    /// # Example
    ///
    /// ```
    /// let mut monitor = zhengce::targets::Monitor::new(&zhengce::Context::builtin());
    /// assert_eq!(monitor.add_observations(vec![])?, 0);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn add_observations(&mut self, observations: Vec<ObservationInput>) -> Result<usize> {
        let n = observations.len();
        // Only an explicit id can name an earlier row's observation of another target.
        let explicit = observations.iter().any(|row| row.id.is_some());
        let mut batch: HashMap<Key, u32> = HashMap::new();
        let mut rows = Vec::with_capacity(n);
        for (i, row) in observations.into_iter().enumerate() {
            let what = || format!("observations[{i}]");
            let row = self.checked(row, &what).map_err(|e| e.at_row(i))?;
            if explicit {
                let earlier = batch.insert(row.key.clone(), row.target);
                self.same_target(&row, earlier, &what).map_err(|e| e.at_row(i))?;
            }
            rows.push(row);
        }
        for row in rows {
            self.store.insert(row);
        }
        Ok(n)
    }

    /// Adds one observation given as JSON (a dict or object from a binding).
    ///
    /// # Errors
    ///
    /// - `invalid_input` for a malformed row (unknown field, a float value, a bad date), and
    ///   as [`add_observation`](Monitor::add_observation).
    ///
    /// # Example
    ///
    /// ```
    /// let mut monitor = zhengce::targets::Monitor::new(&zhengce::Context::builtin());
    /// let err = monitor.add_observation_json_value(&serde_json::json!({"target": "tianshan-2022-87/t28",
    ///     "date": "2022-06-30", "value": 87.5, "unit": "%", "source": "synthetic"})).unwrap_err();
    /// assert_eq!(err.path(), Some("observation.value"));
    /// ```
    pub fn add_observation_json_value(&mut self, observation: &serde_json::Value) -> Result<()> {
        let row: ObservationInput = crate::error::from_json_value(observation, "observation")?;
        self.add_observation(row)
    }

    /// Adds a JSON array of observations (rows of a table), all or none.
    ///
    /// # Errors
    ///
    /// - `invalid_input` if `observations` is not an array, or for a malformed row (naming
    ///   it), and as [`add_observations`](Monitor::add_observations).
    ///
    /// # Example
    ///
    /// ```
    /// let mut monitor = zhengce::targets::Monitor::new(&zhengce::Context::builtin());
    /// let err = monitor.add_observations_json_value(&serde_json::json!([
    ///     {"target": "tianshan-2022-87/t28", "date": "2022-06-30", "value": "80", "unit": "%", "source": "s"},
    ///     {"target": "tianshan-2022-87/t28", "date": "2022-09-30", "value": "82", "unit": "ratio", "source": "s"}])).unwrap_err();
    /// assert_eq!(err.path(), Some("observations[1].unit"));
    /// assert_eq!(monitor.len(), 5); // nothing was added
    /// ```
    pub fn add_observations_json_value(&mut self, observations: &serde_json::Value) -> Result<usize> {
        let rows = observations.as_array().ok_or_else(|| {
            Error::invalid_input("observations", "a non-array value", "an array of observations")
        })?;
        let parsed = rows
            .iter()
            .enumerate()
            .map(|(i, row)| {
                crate::error::from_json_value(row, &format!("observations[{i}]")).map_err(|e| e.at_row(i))
            })
            .collect::<Result<Vec<ObservationInput>>>()?;
        self.add_observations(parsed)
    }

    /// The observations held, of one target or of all, in the catalogue's observation shape,
    /// by target (catalogue order) and date.
    ///
    /// # Errors
    ///
    /// - `not_found` if the target is not in the catalogue.
    ///
    /// # Example
    ///
    /// ```
    /// let monitor = zhengce::targets::Monitor::new(&zhengce::Context::builtin());
    /// let held = monitor.observations(Some("tianshan-2022-87/t85i"))?;
    /// assert_eq!(held[0].value.to_string(), "0.5");
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn observations(&self, target: Option<&str>) -> Result<Vec<Observation>> {
        let targets = &self.context.catalogue().data().targets;
        let range = match target {
            Some(id) => {
                let t = self.target_index(id)?;
                t..t + 1
            }
            None => 0..targets.len(),
        };
        Ok(range
            .flat_map(|t| self.store.of(t).iter().map(move |p| (t, p)))
            .map(|(t, p)| self.store.observation(p, &targets[t]))
            .collect())
    }

    fn subject(&self, t: usize) -> Subject<'_> {
        let meta = self.meta[t];
        Subject {
            target: &self.context.catalogue().data().targets[t],
            period_start: meta.period_start,
            deadline: meta.deadline,
        }
    }

    /// Assesses one target at `as_of` (see the [module docs](super) for the rules).
    ///
    /// # Errors
    ///
    /// - `not_found` if the target is not in the catalogue.
    /// - `invalid_input` if a threshold option lies outside 0..=1, or the target's values lie
    ///   beyond ±10^15 (percentages of relative targets beyond ±10,000), too large to compute with.
    ///
    /// # Example: exactly on the boundary
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use zhengce::targets::{AssessOptions, Monitor, Status};
    ///
    /// let mut monitor = Monitor::new(&zhengce::Context::builtin());
    /// // Putuo: 「市、区两级创业孵化示范基地超过16家」, more than 16 bases.
    /// monitor.add_observation_json_value(&serde_json::json!({"target": "putuo-2019-startup-district/t03",
    ///     "date": "2022-12-31", "value": "16", "unit": "count", "source": "synthetic"}))?;
    /// let a = monitor.assess("putuo-2019-startup-district/t03", NaiveDate::from_ymd_opt(2023, 3, 1).unwrap(), &AssessOptions::default())?;
    /// assert_eq!(a.status, Status::Missed); // 16 is not more than 16
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn assess(&self, target: &str, as_of: NaiveDate, options: &AssessOptions) -> Result<Assessment> {
        let t = self.target_index(target)?;
        let ctx = self.subject(t);
        let thresholds = Thresholds::resolve(&self.context, &ctx.target.scope, as_of, options)?;
        assess(&ctx, &self.store, t, as_of, &thresholds)
    }

    /// Assesses the targets selected by `options` at `as_of` and rolls them up by the
    /// dimensions asked for.
    ///
    /// # Errors
    ///
    /// - `not_found` if a selection field names an entry that is not in the catalogue (or a
    ///   community that is not registered).
    /// - `invalid_input` if a threshold option lies outside 0..=1, or a selected target's
    ///   values are too large to compute with (as for [`assess`](Monitor::assess)).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use zhengce::targets::{Dimension, Monitor, ScorecardOptions};
    ///
    /// let monitor = Monitor::new(&zhengce::Context::builtin());
    /// let options = ScorecardOptions { by: vec![Dimension::Unit], document: Some("putuo-2019-startup-district".into()), ..Default::default() };
    /// let card = monitor.scorecard(NaiveDate::from_ymd_opt(2022, 12, 31).unwrap(), &options)?;
    /// assert_eq!(card.groups[0].key.as_deref(), Some("putuo-hrss")); // units in catalogue order
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn scorecard(&self, as_of: NaiveDate, options: &ScorecardOptions) -> Result<Scorecard> {
        let assess_options = options.assess_options();
        assess_options.check()?;
        let selected = self.select(options)?;
        // Thresholds per jurisdiction: few jurisdictions, so a short list beats hashing.
        let mut thresholds: Vec<(&str, Thresholds)> = Vec::new();
        let mut assessments = Vec::with_capacity(selected.len());
        for &t in &selected {
            let ctx = self.subject(t);
            let scope = ctx.target.scope.as_str();
            let th = match thresholds.iter().find(|(s, _)| *s == scope) {
                Some((_, th)) => *th,
                None => {
                    let th = Thresholds::resolve(&self.context, scope, as_of, &assess_options)?;
                    thresholds.push((scope, th));
                    th
                }
            };
            assessments.push(assess(&ctx, &self.store, t, as_of, &th)?);
        }
        let community_targets = if options.by.contains(&Dimension::Community) {
            let mut map: HashMap<&str, Vec<usize>> = HashMap::new();
            for (i, c) in self.communities.iter().enumerate() {
                for t in &c.targets {
                    map.entry(t.as_str()).or_default().push(i);
                }
            }
            map
        } else {
            HashMap::new()
        };
        let mut groups = Vec::new();
        for &dimension in &options.by {
            let mut rollup = Rollup::new(dimension);
            for (&t, a) in selected.iter().zip(&assessments) {
                let target = &self.context.catalogue().data().targets[t];
                match dimension {
                    Dimension::Community => {
                        let found = community_targets.get(target.id.as_str()).map_or(&[][..], Vec::as_slice);
                        if found.is_empty() {
                            rollup.add(None, || 0, || None, a);
                        }
                        for &i in found {
                            let c = &self.communities[i];
                            rollup.add(Some(&c.id), || i, || Some(c.name.clone()), a);
                        }
                    }
                    _ => {
                        let keys = self.keys(target, dimension);
                        if keys.is_empty() {
                            rollup.add(None, || 0, || None, a);
                        }
                        for key in keys {
                            let order = || self.order.get(key).copied().unwrap_or(usize::MAX - 1);
                            rollup.add(Some(key), order, || self.name(dimension, key), a);
                        }
                    }
                }
            }
            groups.extend(rollup.finish());
        }
        Ok(Scorecard { as_of, counts: totals(&assessments), groups, assessments })
    }

    /// The targets a scorecard covers, in catalogue order.
    fn select(&self, options: &ScorecardOptions) -> Result<Vec<usize>> {
        let filter = TargetFilter {
            scope: options.scope.clone(),
            document: options.document.clone(),
            measure: options.measure.clone(),
            programme: options.programme.clone(),
            unit: options.unit.clone(),
            community_type: options.community_type.clone(),
        };
        let listed = match &options.community {
            Some(c) => Some(&self.community(c)?.targets),
            None => None,
        };
        let all = &self.context.catalogue().data().targets;
        let targets = if filter == TargetFilter::default() {
            all.iter().collect()
        } else {
            self.context.catalogue().targets(&filter)?
        };
        // The catalogue returns references into its target list: their offsets are the indices.
        let base = all.as_ptr() as usize;
        Ok(targets
            .into_iter()
            .filter(|t| listed.is_none_or(|ids| ids.contains(&t.id)))
            .map(|t| (t as *const Target as usize - base) / std::mem::size_of::<Target>())
            .collect())
    }

    /// The keys of `target` in a dimension other than community.
    fn keys<'t>(&'t self, target: &'t Target, dimension: Dimension) -> Vec<&'t str> {
        let cat = self.context.catalogue();
        let measure = || target.measure.as_deref().and_then(|m| cat.measure(m).ok());
        let mut keys: Vec<&str> = match dimension {
            Dimension::Document => vec![&target.source.document],
            Dimension::Group => target
                .source
                .clause
                .as_deref()
                .and_then(|c| self.groups.get(c))
                .map(String::as_str)
                .into_iter()
                .collect(),
            Dimension::Programme => target.programme.as_deref().into_iter().collect(),
            Dimension::Unit => {
                let mut units: Vec<&str> = target.units.iter().map(String::as_str).collect();
                if let Some(m) = measure() {
                    units.extend(m.lead_units.iter().chain(&m.co_units).map(String::as_str));
                }
                units
            }
            Dimension::CommunityType => match &target.community_type {
                Some(t) => vec![t.as_str()],
                None => measure()
                    .map(|m| m.community_types.iter().map(String::as_str).collect())
                    .unwrap_or_default(),
            },
            Dimension::Jurisdiction => vec![&target.scope],
            Dimension::Community => Vec::new(),
        };
        let mut seen = std::collections::HashSet::new();
        keys.retain(|k| seen.insert(*k));
        keys
    }

    fn name(&self, dimension: Dimension, key: &str) -> Option<Text> {
        let cat = self.context.catalogue();
        match dimension {
            Dimension::Document => cat.document(key).ok().map(|d| d.title.clone()),
            Dimension::Group => cat.clause(key).ok().map(|c| {
                c.title.clone().unwrap_or_else(|| {
                    Text::new(c.label.clone().unwrap_or_else(|| c.id.clone()), c.summary.clone())
                })
            }),
            Dimension::Programme => cat.programme(key).ok().map(|p| p.name.clone()),
            Dimension::Unit => cat.unit(key).ok().map(|u| u.name.clone()),
            Dimension::CommunityType => cat.community_type(key).ok().map(|t| t.name.clone()),
            Dimension::Jurisdiction => cat.jurisdiction(key).ok().map(|j| j.name.clone()),
            Dimension::Community => self.community(key).ok().map(|c| c.name.clone()),
        }
    }

    /// Checks a count target against a per-N ratio target it raises (Tianshan item 85: 163
    /// new childcare places and 0.5 → 0.9 places per 1,000 residents imply 407,500
    /// residents); given the population, says whether the two agree.
    ///
    /// # Errors
    ///
    /// - `not_found` if a target is not in the catalogue.
    /// - `invalid_input` if the ratio target's unit is not `<thing>_per_<N>_<whom>`, it has no
    ///   baseline or does not rise from it, the count target has no positive value, or the
    ///   population is not positive.
    /// - `unit_mismatch` if the count target's unit is not the ratio's `<thing>`.
    ///
    /// # Example
    ///
    /// ```
    /// let monitor = zhengce::targets::Monitor::new(&zhengce::Context::builtin());
    /// let check = monitor.check_ratio("tianshan-2022-87/t85i", "tianshan-2022-87/t85h", None)?;
    /// assert_eq!(check.implied_population.to_string(), "407500");
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn check_ratio(
        &self,
        ratio_target: &str,
        count_target: &str,
        population: Option<Decimal>,
    ) -> Result<RatioCheck> {
        check_ratio(self.context.catalogue(), ratio_target, count_target, population)
    }
}
