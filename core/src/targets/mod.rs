//! Target assessment, observations and scorecards.
//!
//! A [`Monitor`] holds a catalogue and observed values of its targets (the catalogue's own,
//! plus rows added one by one or as a table). [`Monitor::assess`] says where one target stands
//! at a date; [`Monitor::scorecard`] assesses many and rolls them up by document, clause group,
//! programme, responsible unit, community type, community and jurisdiction, with counts per
//! status and the targets behind each count, exported as JSON or CSV.
//!
//! # The value assessed
//!
//! Only observations dated on or before the as-of date count; once the deadline has passed,
//! only those dated on or before the deadline. Observations dated on or before the target's
//! baseline date are baselines, not progress. The value assessed is the latest observation,
//! or, for a target averaged over its period (`aggregation: mean`, Xinjin's
//! 「年均失业登记率控制在4%以内」), the mean of its observations within the period (all, when it
//! has none), given as one observation per year.
//!
//! # The baseline and the path
//!
//! The baseline is the target's own, dated by its `date` or else by the earliest observation
//! reporting its value (the catalogue dates Tianshan's undated baselines this way); a target
//! without one takes its earliest observation, when that precedes the value assessed. The
//! time axis runs from the baseline date (else the start of the target's, programme's or
//! document's period) to the deadline (the target's, else the end of its period).
//!
//! - `progress` = (value − baseline) / (target − baseline): 0 at the baseline, 1 at the target.
//! - `elapsed` = the share of the time axis passed at the observation's date.
//! - `expected` = baseline + (target − baseline) × elapsed: the straight-line value.
//! - `gap` = what is still to go toward the target, in its unit (negative beyond it).
//!
//! `reduce_by` and `increase_by` targets are relative: their value is a percentage and the
//! value to reach is derived from the baseline (reduce by 70 % from 20 working days: at most
//! 6). Their `unit` is the unit of the level observed. `increase`, `decrease` and `maintain`
//! compare with the baseline itself.
//!
//! # Comparators and boundary words
//!
//! `at_least` ≥ (以上, 不少于, 达到), `more_than` > (超过), `at_most` ≤ (以下, 以内, 控制在…以内),
//! `less_than` < (不满, 低于), `equal` =, `range` lower ≤ value ≤ upper, `reach` toward the value
//! from the baseline (≥ going up, ≤ going down), `reduce_by` ≤ baseline × (1 − value %),
//! `increase_by` ≥ baseline × (1 + value %), `increase` > baseline, `decrease` < baseline,
//! `maintain` ≥ baseline, `achieve` = 1 (status targets, unit `boolean`: 1 achieved, 0 not yet).
//! 以上, 以下 and 以内 include the number (民法典 art 1259). An observation's qualifier widens
//! what it allows: "more than 16" (超过16, qualifier `more_than`) meets 超过16 and 16以上 but no
//! ceiling; `about` and `estimated` figures count at face value and show their qualifier.
//!
//! # Status rules
//!
//! The first that applies:
//!
//! | Status | When | Basis |
//! |---|---|---|
//! | `no_data` | no observation after the baseline and by the cut-off date | `no_observation` |
//! | `no_data` | relative target with no baseline (neither stated nor an earlier observation) | `no_baseline` |
//! | `met` | the value satisfies the comparator (with its qualifier) | `comparator` |
//! | `missed` | the deadline has passed | `deadline_passed` |
//! | `on_track` / `at_risk` | status targets (`achieve`, unit `boolean`): elapsed < `early_share` / later | `elapsed_time` |
//! | `on_track` | progress ≥ elapsed − `on_track_lag` | `linear_path` |
//! | `at_risk` | progress ≥ elapsed − `at_risk_lag` | `linear_path` |
//! | `off_track` | further behind, or gone past an `equal` value or a range | `linear_path` |
//! | `on_track` / `at_risk` / `off_track` | no deadline: moved toward / not moved / moved away since the baseline | `trend` |
//! | `off_track` | the baseline already met the target and the value has slipped back | `slipped` |
//! | `at_risk` / `off_track` | `increase`, `decrease`: not moved / moved the wrong way | `trend` |
//! | `on_track` / `at_risk` | no baseline to draw a path: elapsed < `early_share` / later (or no dated period) | `elapsed_time` |
//! | `at_risk` | the value is approximate (`about` 约/近, `estimated` 预计) and would otherwise be `met` or `on_track` | `approximate` |
//!
//! # Approximate figures
//!
//! A figure stated as "about" (约, 近) or "estimated" (预计) may lie on either side of the
//! number, so it can neither show a target met nor a pace kept: such a reading is `at_risk`
//! at most (basis `approximate`). A figure stated as "more than" (超过, 突破, 余) or "at least"
//! (以上) is open above: "over 85 %" meets 85 % 以上, "85 % 以上" does not meet 超过85 %.
//!
//! # Dates of observations
//!
//! An observation has the date its value refers to (`as_of`, accepted as `date`) and, when
//! known, the date it was published (`published`). It is placed by `as_of`: an 84 % year-end
//! figure published on 5 January counts against a target due on 31 December. It is known
//! only from `published` on: an assessment dated before publication does not see it.
//!
//! # Milestones and recurring duties
//!
//! A milestone (`kind: milestone`: a deliverable without a number, 建成新津体育中心) is a status
//! target: comparator `achieve`, unit `boolean`, an observation of 1 dated when it was done.
//! A recurring duty (`kind: recurring`, `every`: `year`, `half_year`, `quarter`, `month`) needs
//! `value` pieces of dated evidence in each slot of its period (item 5: 「每半年…进行1次审查」).
//! The slots that have ended by the cut-off date decide: all covered and the period over,
//! `met`; all covered so far, `on_track` (no slot ended yet but evidence given: `on_track`;
//! no evidence at all: `no_data`); a slot ended without evidence, `off_track`, or `missed`
//! once the period is over (basis `recurrence`).
//!
//! The thresholds are catalogue parameters (our method, marked as assumptions, in
//! `core/data/catalogue/monitoring.json`): `monitoring.status.on_track_lag` = 0,
//! `monitoring.status.at_risk_lag` = 0.1, `monitoring.status.early_share` = 0.5. They are
//! looked up for the target's jurisdiction at the as-of date, so a layered catalogue can change
//! them for a district or from a date; [`AssessOptions`] overrides them per call.
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use zhengce::targets::{AssessOptions, Basis, Monitor, Status};
//!
//! let mut monitor = Monitor::new(&zhengce::Context::builtin());
//! // Tianshan item 28: 85 % of application-based items handled online by the end of 2022.
//! monitor.add_observations_json_value(&serde_json::json!([
//!     {"target": "tianshan-2022-87/t28", "date": "2022-03-31", "value": "60", "unit": "%", "source": "synthetic"},
//!     {"target": "tianshan-2022-87/t28", "date": "2022-09-30", "value": "75", "unit": "%", "source": "synthetic"}]))?;
//! let a = monitor.assess("tianshan-2022-87/t28", NaiveDate::from_ymd_opt(2022, 10, 15).unwrap(), &AssessOptions::default())?;
//! assert_eq!((a.status, a.basis), (Status::AtRisk, Basis::LinearPath));
//! assert_eq!(a.progress.unwrap().to_string(), "0.6");     // 60 -> 75 of 60 -> 85
//! assert_eq!(a.elapsed.unwrap().to_string(), "0.6655");   // 183 of 275 days
//! assert_eq!(a.gap.unwrap().to_string(), "10");
//! # Ok::<(), zhengce::Error>(())
//! ```

mod assess;
mod assessment;
mod checks;
mod columns;
mod csv;
mod goal;
mod monitor;
mod observations;
mod recurring;
mod scorecard;
mod status;
mod store;

pub use assessment::Assessment;
pub use checks::RatioCheck;
pub use columns::ObservationColumns;
pub use monitor::Monitor;
pub use observations::ObservationInput;
pub use scorecard::{Dimension, Scorecard, ScorecardGroup, ScorecardOptions, StatusCounts, StatusLists};
pub use status::{AssessOptions, Basis, Status, Thresholds};
