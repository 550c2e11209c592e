//! Batch evaluation: columns in, columns out, exact money, and scenario comparisons.

mod compare;
mod driver;
mod owned;
mod sink;

pub use owned::{OwnedColumns, OwnedDates};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;

use crate::error::Result;
use crate::rules::Evaluation;

/// A batch of cases: a date (one for all, or one per row), a jurisdiction, and one column per
/// input. Inputs without a column take their default (or are missing).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use zhengce::rules::{Batch, Options, Column, ColumnData, Dates};
///
/// let s = zhengce::Context::builtin();
/// let bond = s.evaluator("tianshan-2022-87/r68-bid-bond")?;
/// let budgets = [100_000_000i64, 500_000_000, 3_333_333]; // fen: 1,000,000.00; 5,000,000.00; 33,333.33 yuan
/// let batch = Batch {
///     dates: Dates::One(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap()),
///     jurisdiction: None,
///     columns: vec![Column::new("budget", ColumnData::Int { values: &budgets, scale: 2 })],
/// };
/// let out = bond.evaluate_batch(&batch, &Options::default())?;
/// assert_eq!(out.column("amount").unwrap().to_strings(), [Some("10000.00".into()), Some("20000.00".into()), Some("333.33".into())]);
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Batch<'a> {
    /// The cases' dates.
    pub dates: Dates<'a>,
    /// The cases' jurisdiction; the rule's own when `None`.
    pub jurisdiction: Option<&'a str>,
    /// One column per input given.
    pub columns: Vec<Column<'a>>,
}

/// The dates of a batch.
///
/// # Example
///
/// ```
/// let d = zhengce::rules::Dates::One(chrono::NaiveDate::from_ymd_opt(2022, 6, 1).unwrap());
/// assert!(matches!(d, zhengce::rules::Dates::One(_)));
/// ```
#[derive(Debug, Clone, Copy)]
pub enum Dates<'a> {
    /// One date for every row.
    One(NaiveDate),
    /// One date per row.
    Each(&'a [NaiveDate]),
    /// One date per row, as days since 1970-01-01 (numpy `datetime64[D]` cast to int32, Arrow
    /// `date32`).
    EpochDays(&'a [i32]),
}

/// One input column of a batch.
///
/// # Example
///
/// ```
/// let fen = [100_000_000i64];
/// let c = zhengce::rules::Column::new("budget", zhengce::rules::ColumnData::Int { values: &fen, scale: 2 });
/// assert!(c.validity.is_none());
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Column<'a> {
    /// The input's name.
    pub name: &'a str,
    /// The values.
    pub data: ColumnData<'a>,
    /// An Arrow validity bitmap (bit `offset + i`, least significant first, is 1 when row `i`
    /// has a value); a null row counts as not given.
    pub validity: Option<(&'a [u8], usize)>,
}

impl<'a> Column<'a> {
    /// A column without nulls.
    ///
    /// # Example
    ///
    /// ```
    /// let c = zhengce::rules::Column::new("is_ppp", zhengce::rules::ColumnData::Bool(&[true, false]));
    /// assert_eq!(c.len(), 2);
    /// ```
    pub fn new(name: &'a str, data: ColumnData<'a>) -> Column<'a> {
        Column { name, data, validity: None }
    }

    /// The number of rows.
    ///
    /// # Example
    ///
    /// See [`Column::new`].
    ///
    /// # Example
    ///
    /// ```
    /// let c = zhengce::rules::Column::new("x", zhengce::rules::ColumnData::Bool(&[true]));
    /// assert_eq!(c.len(), 1);
    /// ```
    pub fn len(&self) -> usize {
        match self.data {
            ColumnData::Int { values, .. } => values.len(),
            ColumnData::Int128 { values, .. } => values.len(),
            ColumnData::Decimal(v) => v.len(),
            ColumnData::Bool(v) => v.len(),
            ColumnData::Bytes(v) => v.len(),
            ColumnData::Text(v) => v.len(),
            ColumnData::Strings(v) => v.len(),
            ColumnData::Codes { codes, .. } => codes.len(),
            ColumnData::Units(v) => v.len(),
            ColumnData::Dates(v) => v.len(),
        }
    }

    /// True if the column has no rows.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhengce::rules::Column::new("x", zhengce::rules::ColumnData::Bool(&[])).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    #[inline]
    fn is_null(&self, row: usize) -> bool {
        match self.validity {
            None => false,
            Some((bits, offset)) => {
                let i = offset + row;
                bits.get(i / 8).is_none_or(|b| b & (1 << (i % 8)) == 0)
            }
        }
    }
}

/// The values of a column.
///
/// # Example
///
/// ```
/// let labels = ["ordinary".to_owned(), "ppp".to_owned()];
/// let data = zhengce::rules::ColumnData::Codes { codes: &[0, 1, -1], labels: &labels };
/// assert!(matches!(data, zhengce::rules::ColumnData::Codes { .. }));
/// ```
#[derive(Debug, Clone, Copy)]
pub enum ColumnData<'a> {
    /// Integers standing for `value × 10^-scale`: money in fen is `scale: 2`, a count is
    /// `scale: 0` (numpy int64, Arrow int64).
    Int {
        /// The integers.
        values: &'a [i64],
        /// The power of ten they are divided by.
        scale: u32,
    },
    /// 128-bit integers standing for `value × 10^-scale` (Arrow `decimal128(p, scale)`).
    Int128 {
        /// The integers.
        values: &'a [i128],
        /// The power of ten they are divided by.
        scale: u32,
    },
    /// Decimals.
    Decimal(&'a [Decimal]),
    /// Booleans.
    Bool(&'a [bool]),
    /// Booleans as bytes, 0 false and anything else true (numpy `bool_`).
    Bytes(&'a [u8]),
    /// Text: choices, or decimal strings and ISO dates for other inputs.
    Text(&'a [&'a str]),
    /// Text, owned strings.
    Strings(&'a [String]),
    /// Dictionary-encoded text (pandas `Categorical`, Arrow dictionary): row `i` holds
    /// `labels[codes[i]]`, a negative code is null.
    Codes {
        /// Index into `labels` per row.
        codes: &'a [i32],
        /// The distinct values.
        labels: &'a [String],
    },
    /// Integers in the input's own unit: fen for a money input, whole numbers otherwise
    /// (numpy or Arrow int64 columns, JavaScript `BigInt64Array`).
    Units(&'a [i64]),
    /// Dates.
    Dates(&'a [NaiveDate]),
}

/// The result of a batch: one column per output, row for row.
///
/// Columns by rule kind:
/// - capped rate: `amount` (exact integers in units of 10^-places yuan: fen for 2 places; 0
///   where the rule does not apply) and `status` (`rate`, `capped`, `floored`,
///   `not_applicable`, or the id of the first exception that applies);
/// - decision table: each output, and `matched` (the id of the row used; null if none);
/// - eligibility: `eligible` (null while undecided), `failed` (the first failed test's id)
///   and `missing` (the first missing input);
/// - threshold: `compliant` (null where not applicable) and `measured`;
/// - time limit: `deadline`, the date each row's case is due, counted from the row's date on
///   the jurisdiction's calendar with the duration in force under the scenario (no input
///   columns: the batch's dates are the start dates).
///
/// Its JSON shape is `{"rows": n, "columns": {"amount": ["10000.00", ...], "status": ["rate",
/// ...]}}`: amounts and decimals as strings, booleans as booleans, labels and dates as
/// strings, null for null.
///
/// # Example
///
/// ```
/// let r = zhengce::rules::BatchResult { rows: 1, columns: vec![("eligible".into(), zhengce::rules::OutColumn::Bool { values: vec![None] })], explanations: None };
/// assert_eq!(serde_json::to_value(&r).unwrap()["columns"]["eligible"], serde_json::json!([null]));
/// ```
///
/// # Example: business-opening deadlines for three filing dates in Tianshan
///
/// ```
/// use chrono::NaiveDate;
/// use zhengce::rules::{Batch, Options, Dates};
///
/// let s = zhengce::Context::builtin();
/// let opening = s.evaluator("tianshan-2022-87/r58-business-opening")?;
/// let filed = [
///     NaiveDate::from_ymd_opt(2022, 9, 28).unwrap(), // Wednesday: due Friday 30 September
///     NaiveDate::from_ymd_opt(2022, 9, 30).unwrap(), // Friday before National Day: due Sunday 9 October (worked)
///     NaiveDate::from_ymd_opt(2022, 10, 3).unwrap(), // a holiday: 8 and 9 October are the two working days
/// ];
/// let batch = Batch { dates: Dates::Each(&filed), jurisdiction: None, columns: vec![] };
/// let out = opening.evaluate_batch(&batch, &Options::default())?;
/// assert_eq!(out.column("deadline").unwrap().to_json_value(), serde_json::json!(["2022-09-30", "2022-10-09", "2022-10-09"]));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct BatchResult {
    /// The number of rows.
    pub rows: usize,
    /// Output name to column.
    #[serde(serialize_with = "columns_map")]
    #[schemars(with = "std::collections::BTreeMap<String, Vec<serde_json::Value>>")]
    pub columns: Vec<(String, OutColumn)>,
    /// One explained evaluation per row, if asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanations: Option<Vec<Evaluation>>,
}

impl BatchResult {
    /// The column named `name`.
    ///
    /// # Example
    ///
    /// See [`Batch`].
    ///
    /// # Example
    ///
    /// ```
    /// let r = zhengce::rules::BatchResult { rows: 0, columns: vec![], explanations: None };
    /// assert!(r.column("amount").is_none());
    /// ```
    pub fn column(&self, name: &str) -> Option<&OutColumn> {
        self.columns.iter().find(|(n, _)| n == name).map(|(_, c)| c)
    }
}

fn columns_map<S: serde::Serializer>(columns: &[(String, OutColumn)], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = s.serialize_map(Some(columns.len()))?;
    for (name, col) in columns {
        map.serialize_entry(name, col)?;
    }
    map.end()
}

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

    /// Each value as a number for comparisons: the amount, 1 or 0 for booleans, the code.
    fn numbers(&self) -> Vec<Option<Decimal>> {
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

/// Two scenarios compared over one batch.
///
/// # Example
///
/// See [`Context::compare`].
///
/// ```
/// let _: Option<zhengce::rules::Comparison> = None;
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Comparison {
    /// The rule evaluated.
    pub rule: String,
    /// The output compared: `amount` (capped rate), `eligible`, `compliant`, or a decision
    /// table's first decimal output.
    pub column: String,
    /// The baseline scenario's results.
    pub baseline: BatchResult,
    /// The alternative scenario's results.
    pub alternative: BatchResult,
    /// Per row: alternative - baseline (booleans count as 1 and 0; exact integers for amounts).
    #[schemars(with = "Vec<serde_json::Value>")]
    pub difference: OutColumn,
    /// Totals over the batch.
    pub totals: ComparisonTotals,
}

/// Totals of a comparison.
///
/// # Example
///
/// ```
/// let t: zhengce::rules::ComparisonTotals = zhengce::rules::ComparisonTotals { rows: 1, baseline: 2.into(), alternative: 3.into(), difference: 1.into(), changed: 1 };
/// assert_eq!(serde_json::to_value(&t).unwrap()["difference"], "1");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ComparisonTotals {
    /// The number of rows.
    pub rows: usize,
    /// The sum of the compared output under the baseline (the count of `true` for booleans;
    /// for deadlines, the calendar days from each row's date to its deadline).
    #[schemars(with = "String")]
    pub baseline: Decimal,
    /// The same under the alternative.
    #[schemars(with = "String")]
    pub alternative: Decimal,
    /// alternative - baseline.
    #[schemars(with = "String")]
    pub difference: Decimal,
    /// The number of rows whose value differs.
    pub changed: usize,
}
