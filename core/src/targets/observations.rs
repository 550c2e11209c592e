//! Observations as users give them, and the monitor's store of them.
//!
//! An observation row has the catalogue's observation shape ([`Observation`]), with the
//! fields a table rarely carries made optional: `id` (default `<target>@<date>`), `metric`
//! (the target's), `scope` (the target's) and `qualifier` (`exact`). `source` may be a
//! citation or plain text (where the figure comes from: a statistical bulletin, a survey).

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

use crate::catalogue::{Citation, Observation, Qualifier, Target, Text};
use crate::error::{Error, ErrorKind, Result};

/// One observed value of a target, as added to a [`Monitor`](super::Monitor).
///
/// `value` is a decimal string (or, from Python and JSON, an integer); a float is refused,
/// as everywhere in the library. `unit` must be the target's unit.
///
/// # Example
///
/// ```
/// let row: zhengce::targets::ObservationInput = serde_json::from_value(serde_json::json!({
///     "target": "tianshan-2022-87/t28", "date": "2022-06-30", "value": "78.5", "unit": "%",
///     "source": "district government-service statistics"}))?;
/// assert_eq!(row.source.unwrap().document, "district government-service statistics");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ObservationInput {
    /// Stable id; default `<target>@<as_of>`. An id already held replaces that observation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The target observed.
    pub target: String,
    /// The date the value refers to (the end of the period for a period total); accepted as
    /// `date` too.
    #[serde(alias = "date", with = "crate::value::iso_date")]
    #[schemars(with = "NaiveDate")]
    pub as_of: NaiveDate,
    /// The date the value was published, if later than `as_of` (a year-end figure published
    /// in January): an assessment dated before it does not know the value.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::value::opt_iso_date")]
    #[schemars(with = "Option<NaiveDate>")]
    pub published: Option<NaiveDate>,
    /// The value, as a decimal string (an integer is accepted too; a float is refused).
    #[serde(deserialize_with = "decimal_or_integer")]
    #[schemars(with = "String")]
    pub value: Decimal,
    /// The value's unit; it must be the target's.
    pub unit: String,
    /// Where the value comes from: a citation, or text naming the source (required).
    #[serde(default, deserialize_with = "citation_or_text", skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<SourceInput>")]
    pub source: Option<Citation>,
    /// How exactly the source states the value (default `exact`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// What was measured; default the target's metric.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<Text>,
    /// The jurisdiction measured; default (and the only one accepted) the target's scope.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// How an ambiguous point was read, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
}

/// The schema of an observation's `source`: text, or a citation.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum SourceInput {
    Text(String),
    Citation(Citation),
}

fn decimal_or_integer<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Decimal, D::Error> {
    use serde::de::Error as _;
    let expected = "expected a decimal string or an integer (never a float)";
    match serde_json::Value::deserialize(d)? {
        serde_json::Value::String(text) => crate::value::parse_decimal(&text)
            .ok_or_else(|| D::Error::custom(format!("invalid value: string {text:?}, {expected}"))),
        serde_json::Value::Number(n) if n.is_i64() || n.is_u64() => {
            Ok(n.as_i64().map_or_else(|| Decimal::from(n.as_u64().unwrap_or_default()), Decimal::from))
        }
        other => Err(D::Error::custom(format!("invalid type: {other}, {expected}"))),
    }
}

fn citation_or_text<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<Citation>, D::Error> {
    use serde::de::Error as _;
    let expected = "expected text naming the source or a citation {document, clause, quote}";
    match serde_json::Value::deserialize(d)? {
        serde_json::Value::Null => Ok(None),
        serde_json::Value::String(text) => Ok(Some(Citation { document: text, clause: None, quote: None })),
        value @ serde_json::Value::Object(_) => serde_json::from_value(value)
            .map(Some)
            .map_err(|e| D::Error::custom(format!("invalid value: {e}, {expected}"))),
        other => Err(D::Error::custom(format!("invalid value: {other}, {expected}"))),
    }
}

/// One stored observation, in date order within its target.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Point {
    /// The date the value refers to.
    pub date: NaiveDate,
    /// The date the value became known: its publication date, else `date`.
    pub known: NaiveDate,
    pub value: Decimal,
    pub qualifier: Qualifier,
    /// Index into the store's records.
    pub record: u32,
    /// Insertion order, which breaks ties between observations of one date.
    seq: u32,
}

#[derive(Debug, Clone)]
struct Record {
    id: String,
    target: u32,
    metric: Option<Text>,
    source: Citation,
    reading: Option<String>,
}

/// The observations held by a monitor, indexed by target.
#[derive(Debug, Clone, Default)]
pub(crate) struct Store {
    points: Vec<Vec<Point>>,
    records: Vec<Record>,
    ids: HashMap<String, u32>,
    seq: u32,
}

/// A row checked against its target, ready to store.
pub(crate) struct Checked {
    target: u32,
    point_date: NaiveDate,
    published: Option<NaiveDate>,
    value: Decimal,
    qualifier: Qualifier,
    record: Record,
}

impl Checked {
    /// The target's index.
    pub(crate) fn target(&self) -> u32 {
        self.target
    }

    /// The observation's id.
    pub(crate) fn id(&self) -> &str {
        &self.record.id
    }
}

impl Store {
    pub(crate) fn new(targets: usize) -> Store {
        Store { points: vec![Vec::new(); targets], ..Store::default() }
    }

    /// The observations of target `t`, by date (ties in insertion order).
    pub(crate) fn of(&self, t: usize) -> &[Point] {
        &self.points[t]
    }

    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }

    /// The target of the observation held under `id`, if any.
    pub(crate) fn target_of(&self, id: &str) -> Option<u32> {
        self.ids.get(id).map(|&i| self.records[i as usize].target)
    }

    pub(crate) fn id(&self, record: u32) -> &str {
        &self.records[record as usize].id
    }

    /// Checks one row against the catalogue's target; `what` names the row in errors.
    pub(crate) fn check(row: ObservationInput, t: u32, target: &Target, what: &str) -> Result<Checked> {
        if row.unit != target.unit {
            return Err(Error::new(ErrorKind::UnitMismatch {
                field: format!("{what}.unit"),
                expected: target.unit.clone(),
                got: row.unit,
            })
            .context(format!("failed to add an observation of target '{}'", target.id)));
        }
        if let Some(scope) = row.scope.as_ref().filter(|s| **s != target.scope) {
            return Err(Error::invalid_input(
                format!("{what}.scope"),
                format!("'{scope}'"),
                format!("the scope of target '{}', '{}'", target.id, target.scope),
            ));
        }
        if row.value.abs() > MAX_VALUE {
            return Err(Error::invalid_input(format!("{what}.value"), row.value, "a value within ±10^15"));
        }
        if target.unit == "boolean" && row.value != Decimal::ZERO && row.value != Decimal::ONE {
            return Err(Error::invalid_input(
                format!("{what}.value"),
                row.value,
                "0 (not yet) or 1 (achieved) for a target in unit 'boolean'",
            ));
        }
        if row.id.as_deref().is_some_and(|id| !crate::value::is_valid_id(id)) {
            return Err(Error::invalid_input(
                format!("{what}.id"),
                format!("'{}'", row.id.unwrap_or_default()),
                "an id of lower-case letters, digits and - _ . / @",
            ));
        }
        let Some(source) = row.source.filter(|s| !s.document.trim().is_empty()) else {
            return Err(Error::missing_input(format!("{what}.source")));
        };
        if let Some(published) = row.published.filter(|p| *p < row.as_of) {
            return Err(Error::invalid_input(
                format!("{what}.published"),
                published,
                format!("a publication date on or after as_of {}", row.as_of),
            ));
        }
        let id = row.id.unwrap_or_else(|| format!("{}@{}", target.id, row.as_of));
        Ok(Checked {
            target: t,
            point_date: row.as_of,
            published: row.published,
            value: row.value,
            qualifier: row.qualifier.unwrap_or_default(),
            record: Record {
                id,
                target: t,
                metric: row.metric.filter(|m| *m != target.metric),
                source,
                reading: row.reading,
            },
        })
    }

    /// Stores a checked row; a row with an id already held replaces that observation.
    pub(crate) fn insert(&mut self, row: Checked) {
        self.seq += 1;
        let point = |record| Point {
            date: row.point_date,
            known: row.published.unwrap_or(row.point_date),
            value: row.value,
            qualifier: row.qualifier,
            record,
            seq: self.seq,
        };
        let index = match self.ids.get(&row.record.id) {
            Some(&index) => {
                let old = self.records[index as usize].target as usize;
                self.points[old].retain(|p| p.record != index);
                self.records[index as usize] = row.record;
                index
            }
            None => {
                let index = self.records.len() as u32;
                self.ids.insert(row.record.id.clone(), index);
                self.records.push(row.record);
                index
            }
        };
        let list = &mut self.points[row.target as usize];
        let p = point(index);
        let at = list.partition_point(|q| (q.date, q.seq) <= (p.date, p.seq));
        list.insert(at, p);
    }

    /// Stores many checked rows, sorting each target's list once.
    pub(crate) fn insert_all(&mut self, rows: Vec<Checked>) {
        let mut touched = Vec::new();
        for row in rows {
            if self.ids.contains_key(&row.record.id) {
                self.insert(row);
                continue;
            }
            self.seq += 1;
            let index = self.records.len() as u32;
            self.ids.insert(row.record.id.clone(), index);
            let t = row.target as usize;
            self.points[t].push(Point {
                date: row.point_date,
                known: row.published.unwrap_or(row.point_date),
                value: row.value,
                qualifier: row.qualifier,
                record: index,
                seq: self.seq,
            });
            self.records.push(row.record);
            touched.push(t);
        }
        touched.sort_unstable();
        touched.dedup();
        for t in touched {
            self.points[t].sort_by_key(|p| (p.date, p.seq));
        }
    }

    /// The stored observation behind a point, in the catalogue's shape.
    pub(crate) fn observation(&self, point: &Point, target: &Target) -> Observation {
        let r = &self.records[point.record as usize];
        Observation {
            id: r.id.clone(),
            metric: r.metric.clone().unwrap_or_else(|| target.metric.clone()),
            target: Some(target.id.clone()),
            value: point.value,
            qualifier: point.qualifier,
            unit: target.unit.clone(),
            as_of: point.date,
            published: (point.known != point.date).then_some(point.known),
            scope: target.scope.clone(),
            source: r.source.clone(),
            reading: r.reading.clone(),
        }
    }
}

/// A catalogue observation as a row (catalogue data is already validated).
pub(crate) fn from_catalogue(o: &Observation) -> ObservationInput {
    ObservationInput {
        id: Some(o.id.clone()),
        target: o.target.clone().unwrap_or_default(),
        as_of: o.as_of,
        published: o.published,
        value: o.value,
        unit: o.unit.clone(),
        source: Some(o.source.clone()),
        qualifier: Some(o.qualifier),
        metric: Some(o.metric.clone()),
        scope: None,
        reading: o.reading.clone(),
    }
}
/// The largest magnitude of a value the assessment computes with: observations are refused
/// beyond it, and targets beyond it cannot be assessed. Within it (and percentages of relative
/// targets within [`MAX_PERCENT`]) no product of the path can overflow a decimal.
pub(crate) const MAX_VALUE: Decimal = Decimal::from_parts(2_764_472_320, 232_830, 0, false, 0); // 10^15
