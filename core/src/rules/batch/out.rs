//! One output column of a batch, in the kinds' own terms: exact integers, decimals, booleans,
//! labels as codes, dates. The kinds fill these; nothing here knows a kind.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

/// One output column. Serialises as an array of JSON values (see [`OutColumn::to_json_value`]).
///
/// # Example
///
/// ```
/// let c = zhengce::rules::OutColumn::Codes { codes: vec![1, -1], labels: vec!["rate".into(), "capped".into()] };
/// assert_eq!(serde_json::to_value(&c).unwrap(), serde_json::json!(["capped", null]));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum OutColumn {
    /// Exact amounts: `values[i] × 10^-scale`.
    Int {
        /// The integers.
        values: Vec<i64>,
        /// The power of ten they are divided by (2: fen).
        scale: u32,
    },
    /// Decimals; `None` is null.
    Decimal {
        /// The values.
        values: Vec<Option<Decimal>>,
    },
    /// Booleans; `None` is null.
    Bool {
        /// The values.
        values: Vec<Option<bool>>,
    },
    /// Text as codes into `labels`; a negative code is null.
    Codes {
        /// Per row.
        codes: Vec<i32>,
        /// The distinct values.
        labels: Vec<String>,
    },
    /// Dates (a time limit's deadlines); `None` is null.
    Date {
        /// The values.
        values: Vec<Option<NaiveDate>>,
    },
}

impl OutColumn {
    /// The values in the JSON shape: decimal strings with exactly `scale` places, `true` /
    /// `false`, labels; `None` for null.
    ///
    /// # Example
    ///
    /// ```
    /// let c = zhengce::rules::OutColumn::Int { values: vec![2_000_000], scale: 2 };
    /// assert_eq!(c.to_strings(), [Some("20000.00".to_owned())]);
    /// ```
    pub fn to_strings(&self) -> Vec<Option<String>> {
        match self {
            OutColumn::Int { values, scale } => {
                values.iter().map(|v| Some(Decimal::new(*v, *scale).to_string())).collect()
            }
            OutColumn::Decimal { values } => values.iter().map(|v| v.map(|d| d.to_string())).collect(),
            OutColumn::Bool { values } => values.iter().map(|v| v.map(|b| b.to_string())).collect(),
            OutColumn::Codes { codes, labels } => {
                codes.iter().map(|c| usize::try_from(*c).ok().map(|c| labels[c].clone())).collect()
            }
            OutColumn::Date { values } => values.iter().map(|v| v.map(|d| d.to_string())).collect(),
        }
    }

    /// The values as JSON: decimal strings, booleans and labels, null for null.
    ///
    /// # Example
    ///
    /// ```
    /// let c = zhengce::rules::OutColumn::Bool { values: vec![Some(true), None] };
    /// assert_eq!(c.to_json_value(), serde_json::json!([true, null]));
    /// ```
    pub fn to_json_value(&self) -> serde_json::Value {
        use serde_json::Value;
        match self {
            OutColumn::Bool { values } => values.iter().map(|v| v.map_or(Value::Null, Value::Bool)).collect(),
            _ => self.to_strings().into_iter().map(|v| v.map_or(Value::Null, Value::String)).collect(),
        }
    }

    /// The number of rows.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhengce::rules::OutColumn::Bool { values: vec![None] }.len(), 1);
    /// ```
    pub fn len(&self) -> usize {
        match self {
            OutColumn::Int { values, .. } => values.len(),
            OutColumn::Decimal { values } => values.len(),
            OutColumn::Bool { values } => values.len(),
            OutColumn::Codes { codes, .. } => codes.len(),
            OutColumn::Date { values } => values.len(),
        }
    }

    /// True if the column has no rows.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhengce::rules::OutColumn::Bool { values: vec![] }.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds a null: 0 in an integer column (which has no null; a row error marks the row),
    /// none elsewhere.
    pub(crate) fn push_null(&mut self) {
        match self {
            OutColumn::Int { values, .. } => values.push(0),
            OutColumn::Decimal { values } => values.push(None),
            OutColumn::Bool { values } => values.push(None),
            OutColumn::Codes { codes, .. } => codes.push(-1),
            OutColumn::Date { values } => values.push(None),
        }
    }

    /// Appends `more` (a later chunk of the same output) to this column.
    pub(crate) fn append(&mut self, more: OutColumn) {
        match (self, more) {
            (OutColumn::Int { values, .. }, OutColumn::Int { values: more, .. }) => values.extend(more),
            (OutColumn::Decimal { values }, OutColumn::Decimal { values: more }) => values.extend(more),
            (OutColumn::Bool { values }, OutColumn::Bool { values: more }) => values.extend(more),
            // Every chunk of a batch has the kind's labels, in the same order.
            (OutColumn::Codes { codes, .. }, OutColumn::Codes { codes: more, .. }) => codes.extend(more),
            (OutColumn::Date { values }, OutColumn::Date { values: more }) => values.extend(more),
            _ => unreachable!("the chunks of one batch have the same columns"),
        }
    }

    /// Each value as a number for comparisons: the amount, 1 or 0 for booleans, the code.
    pub(crate) fn numbers(&self) -> Vec<Option<Decimal>> {
        match self {
            OutColumn::Int { values, scale } => {
                values.iter().map(|v| Some(Decimal::new(*v, *scale))).collect()
            }
            OutColumn::Decimal { values } => values.clone(),
            OutColumn::Bool { values } => values.iter().map(|v| v.map(|b| Decimal::from(b as i64))).collect(),
            OutColumn::Codes { codes, .. } => {
                codes.iter().map(|c| (*c >= 0).then(|| Decimal::from(*c))).collect()
            }
            OutColumn::Date { values } => {
                values.iter().map(|v| v.map(|d| Decimal::from(crate::calendar::day_number(d)))).collect()
            }
        }
    }
}

impl Serialize for OutColumn {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.len()))?;
        match self {
            OutColumn::Int { values, scale } => {
                for v in values {
                    seq.serialize_element(&Decimal::new(*v, *scale).to_string())?;
                }
            }
            OutColumn::Bool { values } => {
                for v in values {
                    seq.serialize_element(v)?;
                }
            }
            _ => {
                for v in self.to_strings() {
                    seq.serialize_element(&v)?;
                }
            }
        }
        seq.end()
    }
}
