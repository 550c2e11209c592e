//! Columns and dates owned by a batch, read from JSON arrays (bindings, vectors).

use super::{Column, ColumnData, Dates};
use crate::error::{Error, Result};
use chrono::NaiveDate;

/// Columns owned by the batch, built from JSON arrays: what bindings receive from JavaScript
/// arrays or Python lists, and what the conformance vectors hold.
///
/// Each array holds strings (choices, decimal strings, ISO dates), booleans, or integers (a
/// money integer is in yuan, as in single evaluations); `null` marks a row without a value.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use zhengce::rules::{Batch, Options, Dates, OwnedColumns};
///
/// let cols = OwnedColumns::from_json_value(&serde_json::json!({"budget": ["1000000", "5000000"], "lot_type": [null, "ppp"]}))?;
/// let s = zhengce::Context::builtin();
/// let batch = Batch { dates: Dates::One(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap()), jurisdiction: None, columns: cols.columns() };
/// let out = s.evaluator("tianshan-2022-87/r68-bid-bond")?.evaluate_batch(&batch, &Options::default())?;
/// assert_eq!(serde_json::to_value(&out)?["columns"]["amount"], serde_json::json!(["10000.00", "50000.00"]));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct OwnedColumns {
    columns: Vec<(String, Owned, Option<Vec<u8>>)>,
}

#[derive(Debug, Clone)]
pub(crate) enum Owned {
    Strings(Vec<String>),
    Bool(Vec<bool>),
    Int(Vec<i64>),
}

impl OwnedColumns {
    /// Reads an object of column name to array.
    ///
    /// # Errors
    ///
    /// - `invalid_input` naming the column for a value that is not an array, or an element
    ///   that is a float, an object or a list, or booleans mixed with other values.
    ///
    /// # Example
    ///
    /// See [`OwnedColumns`].
    ///
    /// # Example
    ///
    /// ```
    /// let err = zhengce::rules::OwnedColumns::from_json_value(&serde_json::json!({"budget": [0.5]})).unwrap_err();
    /// assert_eq!(err.details()["row"], 0);
    /// ```
    pub fn from_json_value(value: &serde_json::Value) -> Result<OwnedColumns> {
        use serde_json::Value;
        let Value::Object(map) = value else {
            return Err(Error::invalid_input("columns", value, "an object of column name to array"));
        };
        let mut columns = Vec::with_capacity(map.len());
        for (name, items) in map {
            let Value::Array(items) = items else {
                return Err(Error::invalid_input(name.as_str(), items, "an array of values, one per row"));
            };
            let mut validity: Option<Vec<u8>> = None;
            if items.iter().any(Value::is_null) {
                let mut bits = vec![0u8; items.len().div_ceil(8)];
                for (i, v) in items.iter().enumerate() {
                    if !v.is_null() {
                        bits[i / 8] |= 1 << (i % 8);
                    }
                }
                validity = Some(bits);
            }
            let present = || items.iter().filter(|v| !v.is_null());
            let bad = |row: usize, v: &Value| {
                Error::invalid_input(name.as_str(), v, "a string, a boolean or an integer (never a float)")
                    .at_row(row)
            };
            let data = if present().all(Value::is_boolean) && present().next().is_some() {
                Owned::Bool(items.iter().map(|v| v.as_bool().unwrap_or_default()).collect())
            } else if present().all(Value::is_i64) && present().next().is_some() {
                Owned::Int(items.iter().map(|v| v.as_i64().unwrap_or_default()).collect())
            } else {
                let mut out = Vec::with_capacity(items.len());
                for (row, v) in items.iter().enumerate() {
                    out.push(match v {
                        Value::String(s) => s.clone(),
                        Value::Null => String::new(),
                        Value::Number(n) if n.is_i64() => n.to_string(),
                        other => return Err(bad(row, other)),
                    });
                }
                Owned::Strings(out)
            };
            columns.push((name.clone(), data, validity));
        }
        Ok(OwnedColumns { columns })
    }

    /// The columns, borrowed for a [`Batch`].
    ///
    /// # Example
    ///
    /// ```
    /// let cols = zhengce::rules::OwnedColumns::from_json_value(&serde_json::json!({"x": [true]})).unwrap();
    /// assert_eq!(cols.columns()[0].name, "x");
    /// ```
    pub fn columns(&self) -> Vec<Column<'_>> {
        self.columns
            .iter()
            .map(|(name, data, validity)| Column {
                name: name.as_str(),
                data: match data {
                    Owned::Strings(v) => ColumnData::Strings(v),
                    Owned::Bool(v) => ColumnData::Bool(v),
                    Owned::Int(v) => ColumnData::Int { values: v, scale: 0 },
                },
                validity: validity.as_deref().map(|bits| (bits, 0)),
            })
            .collect()
    }
}

/// The dates of a batch, owned: one date, or one per row (from ISO strings).
///
/// # Example
///
/// ```
/// let d = zhengce::rules::OwnedDates::from_json_value(&serde_json::json!(["2022-05-17", "2022-05-18"]))?;
/// assert!(matches!(d.dates(), zhengce::rules::Dates::Each(days) if days.len() == 2));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone)]
pub enum OwnedDates {
    /// One date for every row.
    One(NaiveDate),
    /// One date per row.
    Each(Vec<NaiveDate>),
}

impl OwnedDates {
    /// Reads an ISO date string, or an array of them.
    ///
    /// # Errors
    ///
    /// - `invalid_input` (field `date`, with the row for an array) for anything else.
    ///
    /// # Example
    ///
    /// See [`OwnedDates`].
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhengce::rules::OwnedDates::from_json_value(&serde_json::json!("2022-6-1")).is_err());
    /// ```
    pub fn from_json_value(value: &serde_json::Value) -> Result<OwnedDates> {
        let one = |v: &serde_json::Value| v.as_str().and_then(crate::value::parse_date);
        match value {
            serde_json::Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(row, v)| {
                    one(v)
                        .ok_or_else(|| Error::invalid_input("date", v, "an ISO date YYYY-MM-DD").at_row(row))
                })
                .collect::<Result<_>>()
                .map(OwnedDates::Each),
            v => one(v).map(OwnedDates::One).ok_or_else(|| {
                Error::invalid_input("date", v, "an ISO date YYYY-MM-DD, or an array of them (one per row)")
            }),
        }
    }

    /// The dates, borrowed for a [`Batch`].
    ///
    /// # Example
    ///
    /// See [`OwnedDates`].
    ///
    /// # Example
    ///
    /// ```
    /// let d = zhengce::rules::OwnedDates::from_json_value(&serde_json::json!("2022-06-01")).unwrap();
    /// assert!(matches!(d.dates(), zhengce::rules::Dates::One(_)));
    /// ```
    pub fn dates(&self) -> Dates<'_> {
        match self {
            OwnedDates::One(d) => Dates::One(*d),
            OwnedDates::Each(v) => Dates::Each(v),
        }
    }
}
