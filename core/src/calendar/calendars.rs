//! The set of calendar data layers: built-in, layered with user data at run time.

use serde_json::Value;

use super::Calendar;
use super::data::CalendarData;
use super::load::{parse_text, parse_value};
use crate::catalogue::{Catalogue, Period};
use crate::error::{Error, ErrorKind, Problem, Result};

/// The built-in layers, in order: (label, JSON text).
#[cfg(feature = "builtin-calendars")]
const BUILTIN: &[(&str, &str)] = &[
    ("builtin/cn.json", include_str!("../../data/calendar/cn.json")),
    ("builtin/cn-xj.json", include_str!("../../data/calendar/cn-xj.json")),
];

/// A validated set of calendar data layers: the national calendar and regional overlays.
///
/// A layer belongs to a jurisdiction; the [`Calendar`] of a jurisdiction stacks the layers of
/// its ancestors found in the catalogue's tree (`cn-xj-urumqi-tianshan` → `cn-xj` overlay →
/// `cn`). [`Calendars::layered`] adds or corrects years at run time from data in the same
/// format as the built-in files, so a new year's State Council notice needs no new release.
///
/// # Example
///
/// ```
/// use zhengce::{Catalogue, calendar::Calendars};
///
/// let calendars = Calendars::builtin();
/// let cal = calendars.calendar(&Catalogue::builtin(), "cn-xj-urumqi-tianshan")?;
/// assert_eq!(cal.layers(), ["cn", "cn-xj"]);
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Calendars {
    pub(super) layers: Vec<CalendarData>,
}

impl Calendars {
    /// The built-in data: the national calendar 2004–2026 and the Xinjiang overlay (2022,
    /// 2023, 2025), embedded at compile time.
    ///
    /// The built-in data is checked by the crate's tests, so this cannot fail. Needs the
    /// `builtin-calendars` feature (on by default; the npm package leaves it off and ships the
    /// same files as data, layered with [`Calendars::layered_json_value`] over
    /// [`Calendars::empty`]).
    ///
    /// # Example
    ///
    /// ```
    /// let calendars = zhengce::calendar::Calendars::builtin();
    /// assert_eq!(calendars.layer("cn")?.years.len(), 23);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    #[cfg(feature = "builtin-calendars")]
    pub fn builtin() -> Calendars {
        let layers = BUILTIN
            .iter()
            .map(|(label, text)| {
                // WebAssembly reads through the checked path, whose deserializers the module
                // has anyway: a typed read from text would add a copy of each (module size).
                #[cfg(target_arch = "wasm32")]
                let data = parse_text(text, label, &mut Vec::new());
                #[cfg(not(target_arch = "wasm32"))]
                let data = {
                    let _ = label;
                    serde_json::from_str(text).ok()
                };
                data.expect("the built-in calendar data is valid (checked by tests)")
            })
            .collect();
        Calendars { layers }
    }

    /// No layers at all; add them with [`Calendars::layered`].
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhengce::calendar::Calendars::empty().layers().is_empty());
    /// ```
    pub fn empty() -> Calendars {
        Calendars { layers: Vec::new() }
    }

    /// The data layers, in order.
    ///
    /// # Example
    ///
    /// ```
    /// let calendars = zhengce::calendar::Calendars::builtin();
    /// let ids: Vec<_> = calendars.layers().iter().map(|l| l.id.as_str()).collect();
    /// assert_eq!(ids, ["cn", "cn-xj"]);
    /// ```
    pub fn layers(&self) -> &[CalendarData] {
        &self.layers
    }

    /// The layer with this id.
    ///
    /// # Errors
    ///
    /// - `not_found` (kind `calendar`) if no layer has the id.
    ///
    /// # Example
    ///
    /// ```
    /// let calendars = zhengce::calendar::Calendars::builtin();
    /// assert_eq!(calendars.layer("cn-xj")?.extends.as_deref(), Some("cn"));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn layer(&self, id: &str) -> Result<&CalendarData> {
        self.layers.iter().find(|l| l.id == id).ok_or_else(|| Error::not_found("calendar", id))
    }

    /// A new set with `overlay` (calendar JSON in the format of the data files) on top: adds a
    /// year, corrects one, or adds a regional layer.
    ///
    /// An overlay with the id of an existing layer merges into it: each of its years replaces
    /// the year of the same number (or is added), its coverage ranges are added to the layer's,
    /// and its name and rules replace the layer's. An overlay with a new id is a new layer; it
    /// must name the layer it `extends`. The overlay is checked on its own first, and every
    /// problem is reported with a path starting `overlay:$`.
    ///
    /// # Errors
    ///
    /// - `invalid_calendar` listing every problem: malformed JSON or dates, unknown fields,
    ///   unsorted or repeated dates, a day both off and worked, a make-up working day that is
    ///   not a Saturday or Sunday, a statutory day that is not off, a date outside the
    ///   overlay's coverage, a covered year without its notice, overlapping coverage ranges, an
    ///   `extends` naming no layer, a jurisdiction given two layers.
    ///
    /// # Example: the 2027 notice, added in January without a new release
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use zhengce::{Catalogue, calendar::Calendars};
    ///
    /// let year_2027 = r#"{"id": "cn", "name": {"zh": "全国法定节假日与调休", "en": "National"},
    ///   "jurisdiction": "cn", "coverage": [{"from": "2027-01-01", "until": "2027-12-31"}],
    ///   "years": [{"year": 2027, "source": {"title": "国务院办公厅关于2027年部分节假日安排的通知"},
    ///     "holidays": [{"festival": "new_year", "name": {"zh": "元旦", "en": "New Year's Day"},
    ///       "off": ["2027-01-01", "2027-01-02", "2027-01-03"], "statutory": ["2027-01-01"], "work": []}]}]}"#;
    /// let calendars = Calendars::builtin().layered(year_2027)?;
    /// let cal = calendars.calendar(&Catalogue::builtin(), "cn-sh-putuo")?;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2027, m, day).unwrap();
    /// assert!(!cal.is_working_day(d(1, 1), &Default::default())?);
    /// assert_eq!(cal.coverage().last().unwrap().until, d(12, 31));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    ///
    /// # Example: every problem at once
    ///
    /// ```
    /// let bad = r#"{"id": "cn", "name": {"zh": "全国", "en": "National"}, "jurisdiction": "cn",
    ///   "coverage": [{"from": "2027-01-01", "until": "2027-12-31"}],
    ///   "years": [{"year": 2027, "source": {"title": "t"}, "holidays": [
    ///     {"festival": "new_year", "name": {"zh": "元旦", "en": "New Year"},
    ///      "off": ["2027-01-01"], "statutory": ["2027-01-01"], "work": ["2027-01-04", "2028-01-02"]}]}]}"#;
    /// let err = zhengce::calendar::Calendars::builtin().layered(bad).unwrap_err();
    /// let found: Vec<_> = err.problems().iter().map(|p| (p.code.as_str(), p.path.as_str())).collect();
    /// assert_eq!(found, [
    ///     ("not_weekend", "overlay:$.years[0].holidays[0].work[0]"),
    ///     ("uncovered_date", "overlay:$.years[0].holidays[0].work[1]"),
    /// ]);
    /// ```
    pub fn layered(&self, overlay: &str) -> Result<Calendars> {
        let mut problems = Vec::new();
        let data = parse_text(overlay, "overlay:", &mut problems);
        self.merge(data, problems)
    }

    /// As [`Calendars::layered`], from a parsed JSON value (a Python dict, a JS object).
    ///
    /// # Errors
    ///
    /// - `invalid_calendar`, as for [`Calendars::layered`].
    ///
    /// # Example
    ///
    /// ```
    /// let err = zhengce::calendar::Calendars::builtin().layered_json_value(&serde_json::json!({"id": "cn"})).unwrap_err();
    /// assert_eq!(err.code(), "invalid_calendar");
    /// assert_eq!(err.problems()[0].code, "missing_field");
    /// ```
    pub fn layered_json_value(&self, overlay: &Value) -> Result<Calendars> {
        let mut problems = Vec::new();
        let data = parse_value(overlay, "overlay:", &mut problems);
        self.merge(data, problems)
    }

    pub(super) fn merge(&self, data: Option<CalendarData>, mut problems: Vec<Problem>) -> Result<Calendars> {
        let mut out = self.clone();
        if let Some(data) = data {
            match out.layers.iter_mut().find(|l| l.id == data.id) {
                Some(layer) => {
                    if layer.jurisdiction != data.jurisdiction {
                        problems.push(Problem::new(
                            "invalid_value",
                            "overlay:$.jurisdiction",
                            format!(
                                "expected '{}', the jurisdiction of layer '{}', got '{}'",
                                layer.jurisdiction, layer.id, data.jurisdiction
                            ),
                        ));
                    }
                    layer.name = data.name;
                    if !data.rules.is_empty() {
                        layer.rules = data.rules;
                    }
                    layer.coverage = union(&layer.coverage, &data.coverage);
                    for year in data.years {
                        match layer.years.iter_mut().find(|y| y.year == year.year) {
                            Some(old) => *old = year,
                            None => layer.years.push(year),
                        }
                    }
                    layer.years.sort_by_key(|y| y.year);
                }
                None => {
                    match &data.extends {
                        Some(parent) if !self.layers.iter().any(|l| &l.id == parent) => {
                            problems.push(Problem::new(
                                "dangling_reference",
                                "overlay:$.extends",
                                format!("expected the id of a calendar layer, got '{parent}'"),
                            ))
                        }
                        None if !self.layers.is_empty() => problems.push(Problem::new(
                            "missing_field",
                            "overlay:$.extends",
                            format!("expected the layer that new layer '{}' is drawn over", data.id),
                        )),
                        _ => {}
                    }
                    if let Some(other) = self.layers.iter().find(|l| l.jurisdiction == data.jurisdiction) {
                        problems.push(Problem::new(
                            "duplicate_id",
                            "overlay:$.jurisdiction",
                            format!(
                                "expected one layer per jurisdiction, got '{}' again (layer '{}'); use id '{}' to change it",
                                data.jurisdiction, other.id, other.id
                            ),
                        ));
                    }
                    out.layers.push(data);
                }
            }
        }
        if problems.is_empty() { Ok(out) } else { Err(Error::new(ErrorKind::InvalidCalendar { problems })) }
    }

    /// The calendar of a jurisdiction: the layers of the jurisdiction and its ancestors in the
    /// catalogue's tree, national first, compiled into day tables.
    ///
    /// # Errors
    ///
    /// - `not_found` (kind `jurisdiction`) if the catalogue has no such jurisdiction.
    /// - `not_found` (kind `calendar`) if neither it nor an ancestor has a calendar layer.
    ///
    /// # Example
    ///
    /// ```
    /// use zhengce::{Catalogue, calendar::Calendars};
    ///
    /// let cat = Catalogue::builtin();
    /// let calendars = Calendars::builtin();
    /// assert_eq!(calendars.calendar(&cat, "cn-sh-putuo")?.layers(), ["cn"]);
    /// assert!(calendars.calendar(&cat, "nowhere").unwrap_err().is_not_found());
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn calendar(&self, catalogue: &Catalogue, jurisdiction: &str) -> Result<Calendar> {
        let ancestry = catalogue.ancestry(jurisdiction)?;
        let layers: Vec<&CalendarData> = ancestry
            .iter()
            .rev()
            .filter_map(|j| self.layers.iter().find(|l| l.jurisdiction == j.id))
            .collect();
        if layers.is_empty() {
            return Err(Error::not_found("calendar", jurisdiction));
        }
        Ok(Calendar::compile(jurisdiction, &layers))
    }
}

/// The union of two sorted lists of ranges, merging ranges that overlap or touch.
fn union(a: &[Period], b: &[Period]) -> Vec<Period> {
    let mut all: Vec<Period> = a.iter().chain(b).copied().collect();
    all.sort_by_key(|p| p.from);
    let mut out: Vec<Period> = Vec::with_capacity(all.len());
    for p in all {
        match out.last_mut() {
            Some(last) if last.until.succ_opt().is_some_and(|next| p.from <= next) => {
                last.until = last.until.max(p.until);
            }
            _ => out.push(p),
        }
    }
    out
}

impl Calendar {
    /// The calendar of `jurisdiction` from the built-in catalogue and calendar data.
    ///
    /// This loads the built-in catalogue for the jurisdiction tree; to build many calendars,
    /// load [`Calendars::builtin`] and a catalogue once and call
    /// [`Calendars::calendar`].
    ///
    /// # Errors
    ///
    /// - `not_found` if the jurisdiction is not in the built-in catalogue.
    ///
    /// # Example
    ///
    /// ```
    /// let cal = zhengce::calendar::Calendar::builtin("cn-xj-urumqi-tianshan")?;
    /// assert_eq!(cal.layers(), ["cn", "cn-xj"]);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    #[cfg(all(feature = "builtin-catalogue", feature = "builtin-calendars"))]
    pub fn builtin(jurisdiction: &str) -> Result<Calendar> {
        Calendars::builtin().calendar(&Catalogue::builtin(), jurisdiction)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_layers_parse_and_check() {
        for (label, text) in BUILTIN {
            let mut problems = Vec::new();
            assert!(parse_text(text, label, &mut problems).is_some());
            assert!(problems.is_empty(), "{label}: {problems:?}");
        }
    }

    #[test]
    fn union_merges_touching_ranges() {
        let p = |a: &str, b: &str| Period {
            from: crate::value::parse_date(a).unwrap(),
            until: crate::value::parse_date(b).unwrap(),
        };
        let merged = union(
            &[p("2022-01-01", "2023-12-31"), p("2025-01-01", "2025-12-31")],
            &[p("2024-01-01", "2024-12-31")],
        );
        assert_eq!(merged, [p("2022-01-01", "2025-12-31")]);
    }
}
