//! Observations as users give them, and the monitor's store of them.
//!
//! An observation row has the catalogue's observation shape ([`Observation`]), with the
//! fields a table rarely carries made optional: `id` (default `<target>@<date>`), `metric`
//! (the target's), `scope` (the target's) and `qualifier` (`exact`). `source` may be a
//! citation or plain text (where the figure comes from: a statistical bulletin, a survey).
//! Rows are checked here; the monitor's store keeps them.

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

/// The fields of one row that the checks read, borrowed from a row or from columns.
pub(crate) struct Fields<'a> {
    pub unit: &'a str,
    pub scope: Option<&'a str>,
    pub value: Decimal,
    pub id: Option<&'a str>,
    /// The source's document or text, if given.
    pub source: Option<&'a str>,
    pub as_of: NaiveDate,
    pub published: Option<NaiveDate>,
}

/// Checks one row against its catalogue target; `what` names the row in errors
/// (`observations[3]`), made only for an error.
pub(crate) fn check(row: &Fields<'_>, target: &Target, what: &dyn Fn() -> String) -> Result<()> {
    if row.unit != target.unit {
        return Err(Error::new(ErrorKind::UnitMismatch {
            field: format!("{}.unit", what()),
            expected: target.unit.clone(),
            got: row.unit.to_owned(),
        })
        .context(format!("failed to add an observation of target '{}'", target.id)));
    }
    if let Some(scope) = row.scope.filter(|s| *s != target.scope) {
        return Err(Error::invalid_input(
            format!("{}.scope", what()),
            format!("'{scope}'"),
            format!("the scope of target '{}', '{}'", target.id, target.scope),
        ));
    }
    if row.value.abs() > MAX_VALUE {
        return Err(Error::invalid_input(format!("{}.value", what()), row.value, "a value within ±10^15"));
    }
    if target.unit == "boolean" && row.value != Decimal::ZERO && row.value != Decimal::ONE {
        return Err(Error::invalid_input(
            format!("{}.value", what()),
            row.value,
            "0 (not yet) or 1 (achieved) for a target in unit 'boolean'",
        ));
    }
    if let Some(id) = row.id.filter(|id| !crate::value::is_valid_id(id)) {
        return Err(Error::invalid_input(
            format!("{}.id", what()),
            format!("'{id}'"),
            "an id of lower-case letters, digits and - _ . / @",
        ));
    }
    if row.source.is_none_or(|s| s.trim().is_empty()) {
        return Err(Error::missing_input(format!("{}.source", what())));
    }
    if let Some(published) = row.published.filter(|p| *p < row.as_of) {
        return Err(Error::invalid_input(
            format!("{}.published", what()),
            published,
            format!("a publication date on or after as_of {}", row.as_of),
        ));
    }
    Ok(())
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
