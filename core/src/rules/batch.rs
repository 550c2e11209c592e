//! Batch evaluation: columns in, columns out, exact money, and scenario comparisons.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::capped_rate::{IntKernel, POW10, ZERO, effect_bit};
use super::condition::Frame;
use super::decision_table::{HitPolicy, OutVal, OutputType};
use super::evaluator::{Evaluator, Kind};
use super::input::{self, Val};
use super::{Evaluation, Input, InputSpec, InputType, InputValue, Options};
use crate::context::Context;
use crate::error::{Error, ErrorKind, Result};

/// A batch of cases: a date (one for all, or one per row), a jurisdiction, and one column per
/// input. Inputs without a column take their default (or are missing).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use zhengce::rules::{Batch, BatchOptions, Column, ColumnData, Dates};
///
/// let s = zhengce::Context::builtin();
/// let bond = s.evaluator("tianshan-2022-87/r68-bid-bond")?;
/// let budgets = [100_000_000i64, 500_000_000, 3_333_333]; // fen: 1,000,000.00; 5,000,000.00; 33,333.33 yuan
/// let batch = Batch {
///     dates: Dates::One(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap()),
///     jurisdiction: None,
///     columns: vec![Column::new("budget", ColumnData::Int { values: &budgets, scale: 2 })],
/// };
/// let out = bond.evaluate_batch(&batch, &BatchOptions::default())?;
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

/// How to evaluate a batch.
///
/// # Example
///
/// ```
/// let o: zhengce::rules::BatchOptions = serde_json::from_str(r#"{"explain": true}"#).unwrap();
/// assert!(o.explain);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BatchOptions {
    /// Also return one explained [`Evaluation`] per row (slow: it allocates per row).
    #[serde(default)]
    pub explain: bool,
    /// With `explain`: also render each explanation as text in this language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<super::Lang>,
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
/// use zhengce::rules::{Batch, BatchOptions, Dates};
///
/// let s = zhengce::Context::builtin();
/// let opening = s.evaluator("tianshan-2022-87/r58-business-opening")?;
/// let filed = [
///     NaiveDate::from_ymd_opt(2022, 9, 28).unwrap(), // Wednesday: due Friday 30 September
///     NaiveDate::from_ymd_opt(2022, 9, 30).unwrap(), // Friday before National Day: due Sunday 9 October (worked)
///     NaiveDate::from_ymd_opt(2022, 10, 3).unwrap(), // a holiday: 8 and 9 October are the two working days
/// ];
/// let batch = Batch { dates: Dates::Each(&filed), jurisdiction: None, columns: vec![] };
/// let out = opening.evaluate_batch(&batch, &BatchOptions::default())?;
/// assert_eq!(out.column("deadline").unwrap().to_json(), serde_json::json!(["2022-09-30", "2022-10-09", "2022-10-09"]));
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

/// One output column. Serialises as an array of JSON values (see [`OutColumn::to_json`]).
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
    /// assert_eq!(c.to_json(), serde_json::json!([true, null]));
    /// ```
    pub fn to_json(&self) -> serde_json::Value {
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

/// A column bound to an input slot, with per-label choices precomputed.
struct Bound<'a> {
    col: Column<'a>,
    spec: &'a InputSpec,
    /// For `Codes`: each label checked against the spec once.
    labels: Vec<std::result::Result<Val, Error>>,
}

impl Bound<'_> {
    #[inline]
    fn get(&self, row: usize) -> Result<Option<Val>> {
        if self.col.is_null(row) {
            return Ok(None);
        }
        let spec = self.spec;
        let field = spec.name.as_str();
        let v = match self.col.data {
            ColumnData::Int { values, scale } => {
                input::check_decimal(spec, Decimal::new(values[row], scale), field)?
            }
            ColumnData::Units(values) => {
                let scale = if spec.ty == InputType::Money { 2 } else { 0 };
                input::check_decimal(spec, Decimal::new(values[row], scale), field)?
            }
            ColumnData::Int128 { values, scale } => {
                let d = Decimal::try_from_i128_with_scale(values[row], scale)
                    .map_err(|_| Error::invalid_input(field, values[row], "a decimal within 28 digits"))?;
                input::check_decimal(spec, d, field)?
            }
            ColumnData::Decimal(values) => input::check_decimal(spec, values[row], field)?,
            ColumnData::Bool(values) => boolean(spec, values[row])?,
            ColumnData::Bytes(values) => boolean(spec, values[row] != 0)?,
            ColumnData::Text(values) => input::check_text(spec, values[row])?,
            ColumnData::Strings(values) => input::check_text(spec, &values[row])?,
            ColumnData::Codes { codes, .. } => match usize::try_from(codes[row]) {
                Err(_) => return Ok(None),
                Ok(c) => match self.labels.get(c) {
                    Some(Ok(v)) => *v,
                    Some(Err(e)) => return Err(e.clone()),
                    None => {
                        return Err(Error::invalid_input(field, codes[row], "a code of one of the labels"));
                    }
                },
            },
            ColumnData::Dates(values) => match spec.ty {
                InputType::Date => Val::Date(values[row]),
                _ => return Err(Error::invalid_input(field, values[row], input::expected(spec))),
            },
        };
        Ok(Some(v))
    }
}

fn boolean(spec: &InputSpec, b: bool) -> Result<Val> {
    match spec.ty {
        InputType::Boolean => Ok(Val::Bool(b)),
        _ => Err(Error::invalid_input(spec.name.as_str(), b, input::expected(spec))),
    }
}

fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default()
}

impl Dates<'_> {
    #[inline]
    fn at(&self, row: usize) -> Result<NaiveDate> {
        match self {
            Dates::One(d) => Ok(*d),
            Dates::Each(ds) => Ok(ds[row]),
            Dates::EpochDays(days) => {
                epoch().checked_add_signed(chrono::TimeDelta::days(days[row] as i64)).ok_or_else(|| {
                    Error::invalid_input("date", days[row], "a day count within the calendar").at_row(row)
                })
            }
        }
    }

    fn len(&self) -> Option<usize> {
        match self {
            Dates::One(_) => None,
            Dates::Each(ds) => Some(ds.len()),
            Dates::EpochDays(ds) => Some(ds.len()),
        }
    }
}

/// Adds the row to an error: input errors record it, others say it in their context.
fn at_row(err: Error, row: usize) -> Error {
    if err.is_input() { err.at_row(row) } else { err.context(format!("failed to evaluate row {row}")) }
}

impl Evaluator {
    /// Evaluates a batch: columns in, columns out (see [`BatchResult`] for the columns of
    /// each rule kind), explanations on request.
    ///
    /// Capped rates on integer columns (fen) run on an integer kernel that gives exactly the
    /// amounts of [`Evaluator::evaluate`] without allocating per row; the other kinds reuse
    /// one evaluation frame for every row.
    ///
    /// # Errors
    ///
    /// - `invalid_input` / `missing_input` as for [`Evaluator::evaluate`], with the `row`
    ///   (0-based) in the error's details; a column the rule does not read, or columns of
    ///   different lengths, name the column.
    /// - `infeasible` for a `collect` table without aggregation (its rows have no columnar
    ///   form), or as for [`Evaluator::evaluate`].
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use zhengce::rules::{Batch, BatchOptions, Column, ColumnData, Dates};
    ///
    /// let s = zhengce::Context::builtin();
    /// let bond = s.evaluator("tianshan-2022-87/r68-bid-bond")?;
    /// let budgets = [100_000_000i64, -1];
    /// let batch = Batch { dates: Dates::One(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap()), jurisdiction: None,
    ///     columns: vec![Column::new("budget", ColumnData::Int { values: &budgets, scale: 2 })] };
    /// let err = bond.evaluate_batch(&batch, &BatchOptions::default()).unwrap_err();
    /// assert_eq!(err.details()["row"], 1);
    /// assert_eq!(err.path(), Some("budget"));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn evaluate_batch(&self, batch: &Batch<'_>, options: &BatchOptions) -> Result<BatchResult> {
        let c = &*self.inner;
        let rows = batch.columns.first().map(Column::len).or(batch.dates.len()).unwrap_or(0);
        if let Some(n) = batch.dates.len()
            && n != rows
        {
            return Err(Error::invalid_input(
                "date",
                format!("{n} dates"),
                format!("{rows} dates, one per row"),
            ));
        }
        let mut bound: Vec<Option<Bound<'_>>> = (0..c.rule.inputs.len()).map(|_| None).collect();
        for col in &batch.columns {
            let slot = c.rule.inputs.iter().position(|s| s.name == col.name).ok_or_else(|| {
                let names: Vec<String> = c.rule.inputs.iter().map(|s| s.name.clone()).collect();
                Error::invalid_input(
                    col.name,
                    "a column",
                    format!("an input of rule '{}': {}", c.rule.id, input::quoted(&names)),
                )
            })?;
            if col.len() != rows {
                return Err(Error::invalid_input(
                    col.name,
                    format!("{} rows", col.len()),
                    format!("{rows} rows"),
                ));
            }
            let spec = &c.rule.inputs[slot];
            let labels = match col.data {
                ColumnData::Codes { labels, .. } => {
                    labels.iter().map(|l| input::check(spec, &InputValue::Text((*l).to_owned()))).collect()
                }
                _ => Vec::new(),
            };
            bound[slot] = Some(Bound { col: *col, spec, labels });
        }
        let jur = self.jurisdiction(batch.jurisdiction)?;
        let columns = match &c.kind {
            Kind::CappedRate(k) => match self.capped_fast(k, batch, &bound, jur, rows)? {
                Some(cols) => cols,
                None => self.generic(batch, &bound, jur, rows)?,
            },
            _ => self.generic(batch, &bound, jur, rows)?,
        };
        let explanations = if options.explain {
            let mut out = Vec::with_capacity(rows);
            for row in 0..rows {
                let input = self.row_input(batch, &bound, row)?;
                out.push(
                    self.evaluate(&input, &Options { explain: true, text: options.text })
                        .map_err(|e| at_row(e, row))?,
                );
            }
            Some(out)
        } else {
            None
        };
        Ok(BatchResult { rows, columns, explanations })
    }

    /// One row as an [`Input`], for explanations.
    fn row_input(&self, batch: &Batch<'_>, bound: &[Option<Bound<'_>>], row: usize) -> Result<Input> {
        let mut input = Input::new(batch.dates.at(row)?);
        input.jurisdiction = batch.jurisdiction.map(str::to_owned);
        for b in bound.iter().flatten() {
            if let Some(v) = b.get(row).map_err(|e| at_row(e, row))? {
                let value = match v {
                    Val::Dec(d) => InputValue::Decimal(d),
                    Val::Bool(x) => InputValue::Bool(x),
                    Val::Choice(i) => InputValue::Text(b.spec.choices[i as usize].clone()),
                    Val::Date(d) => InputValue::Date(d),
                };
                input.values.push((b.spec.name.clone(), value));
            }
        }
        Ok(input)
    }

    /// Fills a frame with row `row`'s inputs and defaults, re-resolving parameters when the
    /// date moves.
    #[inline]
    fn fill(
        &self,
        frame: &mut Frame,
        batch: &Batch<'_>,
        bound: &[Option<Bound<'_>>],
        row: usize,
    ) -> Result<()> {
        let date = batch.dates.at(row)?;
        if date != frame.date {
            frame.date = date;
            self.resolve(frame);
        }
        for (slot, b) in bound.iter().enumerate() {
            frame.vals[slot] = match b {
                Some(b) => b.get(row)?,
                None => None,
            };
        }
        self.fill_defaults(frame)
    }

    /// Every kind, row by row through one reused frame.
    fn generic(
        &self,
        batch: &Batch<'_>,
        bound: &[Option<Bound<'_>>],
        jur: usize,
        rows: usize,
    ) -> Result<Vec<(String, OutColumn)>> {
        let c = &*self.inner;
        let first = if rows == 0 { epoch() } else { batch.dates.at(0)? };
        let mut frame = self.empty_frame(first, jur);
        let mut sink = Sink::new(self, rows, jur)?;
        for row in 0..rows {
            self.fill(&mut frame, batch, bound, row).map_err(|e| at_row(e, row))?;
            for (i, t) in c.tests.iter().enumerate() {
                frame.tests[i] = t.eval(&frame).map_err(|p| at_row(self.no_value(&frame, p), row))?;
            }
            let applies = c.applies.as_ref().map_or(Some(true), |a| a.eval(&frame.tests));
            sink.push(self, &frame, applies).map_err(|e| at_row(e, row))?;
        }
        Ok(sink.finish(self))
    }

    /// The integer kernel for capped rates, when the base is an integer column and the
    /// exceptions and scope depend on at most one choice or boolean column.
    fn capped_fast(
        &self,
        k: &super::capped_rate::Compiled,
        batch: &Batch<'_>,
        bound: &[Option<Bound<'_>>],
        jur: usize,
        rows: usize,
    ) -> Result<Option<Vec<(String, OutColumn)>>> {
        let c = &*self.inner;
        let (base, scale, base_spec) = match &bound[k.base as usize] {
            Some(Bound {
                col: Column { data: ColumnData::Int { values, scale }, validity: None, .. },
                spec,
                ..
            }) => (*values, *scale, *spec),
            Some(Bound {
                col: Column { data: ColumnData::Units(values), validity: None, .. }, spec, ..
            }) => (*values, if spec.ty == InputType::Money { 2 } else { 0 }, *spec),
            _ => return Ok(None),
        };
        let scale = &scale;
        if *scale > 2 || !matches!(base_spec.ty, InputType::Money | InputType::Count | InputType::Decimal) {
            return Ok(None);
        }
        let to_fen = POW10[(2 - scale) as usize];
        // The one input the exceptions and scope may read from a column.
        let mut used = Vec::new();
        for (cond, _) in &k.exceptions {
            cond.tests(&mut used);
        }
        if let Some(a) = &c.applies {
            a.tests(&mut used);
        }
        let mut keyed: Option<u16> = None;
        for t in &used {
            let slot = c.tests[*t as usize].input;
            if slot == k.base || bound[slot as usize].is_none() {
                if slot == k.base {
                    return Ok(None);
                }
                continue;
            }
            if keyed.is_some_and(|s| s != slot) {
                return Ok(None);
            }
            keyed = Some(slot);
        }
        // Per key value: the code of the row's value (choice index or 0/1), or a fixed 0.
        let (keys, key_count): (Vec<u16>, usize) = match keyed {
            None => (Vec::new(), 1),
            Some(slot) => {
                let b = bound[slot as usize].as_ref().expect("bound above");
                if b.col.validity.is_some() {
                    return Ok(None);
                }
                let n = match b.spec.ty {
                    InputType::Choice => b.spec.choices.len(),
                    InputType::Boolean => 2,
                    _ => return Ok(None),
                };
                let mut keys = Vec::with_capacity(rows);
                for row in 0..rows {
                    let code = match b.get(row).map_err(|e| at_row(e, row))? {
                        Some(Val::Choice(i)) => i,
                        Some(Val::Bool(x)) => x as u16,
                        _ => return Ok(None),
                    };
                    keys.push(code);
                }
                (keys, n)
            }
        };
        // Status labels: rate, capped, floored, not_applicable, then each exception's id.
        let mut labels: Vec<String> =
            ["rate", "capped", "floored", "not_applicable"].map(String::from).to_vec();
        labels.extend(k.ids.iter().cloned());
        let mut amounts = vec![0i64; rows];
        let mut status = vec![0i32; rows];
        let first = if rows == 0 { epoch() } else { batch.dates.at(0)? };
        let mut frame = self.empty_frame(first, jur);
        for (slot, b) in bound.iter().enumerate() {
            if b.is_none() {
                frame.vals[slot] = c.defaults[slot];
            }
        }
        // A segment: the kernel and, per key, (effects, status) in force between two dates.
        struct Segment {
            from: NaiveDate,
            until: NaiveDate,
            kernel: Option<IntKernel>,
            lut: Vec<(u8, i32)>,
            error: Option<Error>,
        }
        let segment = |frame: &mut Frame, date: NaiveDate| -> Result<Option<Segment>> {
            frame.date = date;
            self.resolve(frame);
            let (mut from, mut until) = (NaiveDate::MIN, NaiveDate::MAX);
            for p in &c.params {
                let s = p.timelines[jur].seg(date);
                from = from.max(s.from);
                until = until.min(s.until);
            }
            // An exception's period cuts the segment too.
            for (start, end) in &k.periods {
                if let Some(f) = start {
                    if date < *f {
                        until = until.min(f.pred_opt().unwrap_or(*f));
                    } else {
                        from = from.max(*f);
                    }
                }
                if let Some(u) = end {
                    if date <= *u {
                        until = until.min(*u);
                    } else {
                        from = from.max(u.succ_opt().unwrap_or(*u));
                    }
                }
            }
            let mut lut = Vec::with_capacity(key_count);
            for key in 0..key_count {
                if let Some(slot) = keyed {
                    let spec = &c.rule.inputs[slot as usize];
                    frame.vals[slot as usize] = Some(if spec.ty == InputType::Boolean {
                        Val::Bool(key == 1)
                    } else {
                        Val::Choice(key as u16)
                    });
                }
                for (i, t) in c.tests.iter().enumerate() {
                    frame.tests[i] = t.eval(frame).map_err(|p| self.no_value(frame, p))?;
                }
                let applies = c.applies.as_ref().map_or(Some(true), |a| a.eval(&frame.tests));
                if applies.is_none() {
                    return Ok(None);
                }
                let mut effects = 0u8;
                let mut st = 0i32;
                for (i, (_, effect)) in k.exceptions.iter().enumerate() {
                    if k.applies(i, frame) {
                        effects |= effect_bit(*effect);
                        if st == 0 {
                            st = 4 + i as i32;
                        }
                    }
                }
                if applies == Some(false) {
                    st = 3;
                    effects = ZERO;
                }
                lut.push((effects, st));
            }
            let bound_of = |b: Option<(u16, super::IfNoValue)>| -> std::result::Result<Option<Decimal>, u16> {
                match b {
                    None => Ok(None),
                    Some((slot, if_none)) => match frame.params[slot as usize] {
                        Some(h) => Ok(Some(h.value)),
                        None if if_none == super::IfNoValue::Unbounded => Ok(None),
                        None => Err(slot),
                    },
                }
            };
            let made = match (frame.params[k.rate as usize], bound_of(k.cap), bound_of(k.floor)) {
                (None, _, _) => Err(self.no_value(frame, k.rate)),
                (_, Err(p), _) | (_, _, Err(p)) => Err(self.no_value(frame, p)),
                (Some(rate), Ok(cap), Ok(floor)) => Ok(IntKernel::new(rate.value, cap, floor, k.rounding)),
            };
            Ok(Some(match made {
                Ok(None) => return Ok(None),
                Ok(kernel) => Segment { from, until, kernel, lut, error: None },
                Err(e) => Segment { from, until, kernel: None, lut, error: Some(e) },
            }))
        };
        let Some(mut seg) = segment(&mut frame, first)? else { return Ok(None) };
        let one_date = matches!(batch.dates, Dates::One(_));
        let base_name = base_spec.name.as_str();
        let bad_row = |row: usize, fen_overflow: bool| -> Error {
            let b = base[row];
            if b < 0 {
                Error::invalid_input(base_name, Decimal::new(b, *scale), input::expected(base_spec))
                    .at_row(row)
            } else if fen_overflow {
                Error::invalid_input(
                    base_name,
                    Decimal::new(b, *scale),
                    "an amount within 92,233,720,368,547,758.07 yuan",
                )
                .at_row(row)
            } else {
                at_row(
                    Error::new(ErrorKind::Infeasible {
                        what: format!("evaluate rule '{}'", c.rule.id),
                        why: "the amount overflows 64 bits".into(),
                    }),
                    row,
                )
            }
        };
        // Rows go in runs that share one segment (all of them for one date).
        let mut start = 0;
        while start < rows {
            let mut end = rows;
            if !one_date {
                let date = batch.dates.at(start)?;
                if date < seg.from || date > seg.until {
                    match segment(&mut frame, date).map_err(|e| at_row(e, start))? {
                        Some(s) => seg = s,
                        None => return Ok(None),
                    }
                }
                end = start + 1;
                while end < rows {
                    let d = batch.dates.at(end)?;
                    if d < seg.from || d > seg.until {
                        break;
                    }
                    end += 1;
                }
            }
            let kernel = match (&seg.kernel, &seg.error) {
                (Some(kernel), _) => kernel,
                (None, Some(e)) => {
                    // Rows the rule does not apply to need no parameter; the first other row fails.
                    let row = (start..end)
                        .find(|r| seg.lut[if keys.is_empty() { 0 } else { keys[*r] as usize }].1 != 3);
                    match row {
                        Some(row) => return Err(at_row(e.clone(), row)),
                        None => {
                            status[start..end].fill(3);
                            start = end;
                            continue;
                        }
                    }
                }
                (None, None) => return Ok(None),
            };
            let run = Run {
                kernel,
                lut: &seg.lut,
                base: &base[start..end],
                keys: if keys.is_empty() { &[] } else { &keys[start..end] },
                to_fen,
            };
            if let Err((i, fen_overflow)) = run.fill(&mut amounts[start..end], &mut status[start..end]) {
                return Err(bad_row(start + i, fen_overflow));
            }
            start = end;
        }
        Ok(Some(vec![
            ("amount".to_owned(), OutColumn::Int { values: amounts, scale: k.rounding.places }),
            ("status".to_owned(), OutColumn::Codes { codes: status, labels }),
        ]))
    }
}

/// Output columns being filled row by row.
enum Sink {
    Capped { amounts: Vec<i64>, status: Vec<i32>, labels: Vec<String>, places: u32 },
    Table { outputs: Vec<OutColumn>, matched: Vec<i32>, buf: Vec<usize> },
    Eligibility { eligible: Vec<Option<bool>>, failed: Vec<i32>, missing: Vec<i32>, buf: Vec<u16> },
    Threshold { compliant: Vec<Option<bool>>, measured: Vec<Option<Decimal>> },
    Deadline { dates: Vec<Option<NaiveDate>>, calendar: Box<crate::calendar::Calendar> },
}

impl Sink {
    fn new(ev: &Evaluator, rows: usize, jur: usize) -> Result<Sink> {
        let c = &*ev.inner;
        Ok(match &c.kind {
            Kind::TimeLimit { .. } => {
                let calendar = c.context.calendar(&c.jurisdictions[jur])?;
                Sink::Deadline { dates: Vec::with_capacity(rows), calendar: Box::new(calendar) }
            }
            Kind::CappedRate(k) => {
                let mut labels: Vec<String> =
                    ["rate", "capped", "floored", "not_applicable"].map(String::from).to_vec();
                labels.extend(k.ids.iter().cloned());
                Sink::Capped {
                    amounts: Vec::with_capacity(rows),
                    status: Vec::with_capacity(rows),
                    labels,
                    places: k.rounding.places,
                }
            }
            Kind::DecisionTable(k) => {
                if k.policy == HitPolicy::Collect && k.aggregation.is_none() {
                    return Err(Error::new(ErrorKind::Infeasible {
                        what: format!("evaluate rule '{}' in a batch", c.rule.id),
                        why: "a collect table without aggregation gives a list per row; evaluate its rows one by one".into(),
                    }));
                }
                let outputs = k
                    .outputs
                    .iter()
                    .map(|o| match o.ty {
                        OutputType::Decimal => OutColumn::Decimal { values: Vec::with_capacity(rows) },
                        OutputType::Boolean => OutColumn::Bool { values: Vec::with_capacity(rows) },
                        OutputType::Choice => {
                            OutColumn::Codes { codes: Vec::with_capacity(rows), labels: o.values.clone() }
                        }
                    })
                    .collect();
                Sink::Table { outputs, matched: Vec::with_capacity(rows), buf: Vec::new() }
            }
            Kind::Eligibility(_) => Sink::Eligibility {
                eligible: Vec::with_capacity(rows),
                failed: Vec::with_capacity(rows),
                missing: Vec::with_capacity(rows),
                buf: Vec::new(),
            },
            Kind::Threshold(_) => {
                Sink::Threshold { compliant: Vec::with_capacity(rows), measured: Vec::with_capacity(rows) }
            }
        })
    }

    fn push(&mut self, ev: &Evaluator, frame: &Frame, applies: Option<bool>) -> Result<()> {
        let c = &*ev.inner;
        match (self, &c.kind) {
            (Sink::Deadline { dates, calendar }, Kind::TimeLimit { slot }) => {
                let value = frame.params[*slot as usize].ok_or_else(|| ev.no_value(frame, *slot))?.value;
                let param = &c.context.catalogue().data().parameters[c.params[*slot as usize].index];
                let (n, unit) = super::time_limit::limit_of(&param.id, value, &param.unit)?;
                let (_, due, _) = calendar.deadline_dates(frame.date, n, unit, &Default::default())?;
                dates.push(Some(due));
            }
            (Sink::Capped { amounts, status, places, .. }, Kind::CappedRate(k)) => {
                let (amount, st) = k.compute(ev, frame, applies)?;
                let units = amount.map_or(0, |a| {
                    let mut a = a;
                    a.rescale(*places);
                    i64::try_from(a.mantissa()).unwrap_or(i64::MAX)
                });
                amounts.push(units);
                status.push(st);
            }
            (Sink::Table { outputs, matched, buf }, Kind::DecisionTable(k)) => {
                buf.clear();
                if applies == Some(true) {
                    buf.extend((0..k.rows.len()).filter(|r| k.row_matches(&k.rows[*r], frame)));
                }
                let vals: Vec<OutVal> = match (k.policy, k.aggregation) {
                    (HitPolicy::Collect, Some(agg)) if !buf.is_empty() => k.aggregate(ev, frame, buf, agg)?,
                    (HitPolicy::Collect, _) => vec![OutVal::Null; k.outputs.len()],
                    _ => match k.select(ev, frame, buf)? {
                        Some(r) => k.outputs_of(ev, frame, r)?,
                        None => vec![OutVal::Null; k.outputs.len()],
                    },
                };
                let used = if k.policy == HitPolicy::Collect { None } else { k.select(ev, frame, buf)? };
                matched.push(used.map_or(-1, |r| r as i32));
                for (col, v) in outputs.iter_mut().zip(vals) {
                    match (col, v) {
                        (OutColumn::Decimal { values }, OutVal::Dec(d)) => values.push(Some(d)),
                        (OutColumn::Decimal { values }, _) => values.push(None),
                        (OutColumn::Bool { values }, OutVal::Bool(b)) => values.push(Some(b)),
                        (OutColumn::Bool { values }, _) => values.push(None),
                        (OutColumn::Codes { codes, .. }, OutVal::Choice(i)) => codes.push(i as i32),
                        (OutColumn::Codes { codes, .. }, _) => codes.push(-1),
                        (OutColumn::Int { .. } | OutColumn::Date { .. }, _) => {}
                    }
                }
            }
            (Sink::Eligibility { eligible, failed, missing, buf }, Kind::Eligibility(k)) => {
                eligible.push(k.verdict(frame, applies));
                buf.clear();
                if let Some(scope) = &c.applies {
                    scope.blame(true, &frame.tests, buf);
                }
                k.condition.blame(true, &frame.tests, buf);
                failed.push(buf.iter().min().map_or(-1, |t| *t as i32));
                let first_missing =
                    c.tests.iter().zip(&frame.tests).filter(|(_, o)| o.is_none()).map(|(t, _)| t.input).min();
                missing.push(first_missing.map_or(-1, |s| s as i32));
            }
            (Sink::Threshold { compliant, measured }, Kind::Threshold(k)) => {
                if applies == Some(true) {
                    let limit = match &k.limit {
                        super::condition::COperand::Val(Val::Dec(d)) => *d,
                        super::condition::COperand::Param(p) => {
                            frame.params[*p as usize].ok_or_else(|| ev.no_value(frame, *p))?.value
                        }
                        _ => Decimal::ZERO,
                    };
                    let (m, holds) = k.measure(ev, frame, limit)?;
                    compliant.push(Some(holds));
                    measured.push(Some(m));
                } else {
                    compliant.push(None);
                    measured.push(None);
                }
            }
            _ => unreachable!("the sink is made for the evaluator's kind"),
        }
        Ok(())
    }

    fn finish(self, ev: &Evaluator) -> Vec<(String, OutColumn)> {
        let c = &*ev.inner;
        match (self, &c.kind) {
            (Sink::Capped { amounts, status, labels, places }, _) => vec![
                ("amount".into(), OutColumn::Int { values: amounts, scale: places }),
                ("status".into(), OutColumn::Codes { codes: status, labels }),
            ],
            (Sink::Table { outputs, matched, .. }, Kind::DecisionTable(k)) => {
                let mut cols: Vec<(String, OutColumn)> =
                    k.outputs.iter().map(|o| o.name.clone()).zip(outputs).collect();
                cols.push(("matched".into(), OutColumn::Codes { codes: matched, labels: k.ids.clone() }));
                cols
            }
            (Sink::Eligibility { eligible, failed, missing, .. }, _) => vec![
                ("eligible".into(), OutColumn::Bool { values: eligible }),
                (
                    "failed".into(),
                    OutColumn::Codes {
                        codes: failed,
                        labels: c.test_specs.iter().map(|t| t.id.clone()).collect(),
                    },
                ),
                (
                    "missing".into(),
                    OutColumn::Codes {
                        codes: missing,
                        labels: c.rule.inputs.iter().map(|i| i.name.clone()).collect(),
                    },
                ),
            ],
            (Sink::Threshold { compliant, measured }, _) => vec![
                ("compliant".into(), OutColumn::Bool { values: compliant }),
                ("measured".into(), OutColumn::Decimal { values: measured }),
            ],
            (Sink::Deadline { dates, .. }, _) => vec![("deadline".into(), OutColumn::Date { values: dates })],
            _ => Vec::new(),
        }
    }
}

impl Context {
    /// Compares this scenario (the baseline) with `alternative` over one batch of rule
    /// `rule`: both results, the per-row difference of the compared output, and totals.
    ///
    /// The compared output is the capped rate's `amount` (exact, in integer units), the
    /// eligibility's `eligible` or the threshold's `compliant` (counted as 1 and 0), a
    /// decision table's first decimal output, or a time limit's `deadline` (counted as the
    /// calendar days from the row's date to its deadline: the difference is the days gained
    /// or lost, the totals the days given over the batch).
    ///
    /// # Errors
    ///
    /// - As for [`Context::evaluator`] and [`Evaluator::evaluate_batch`] in either scenario.
    ///
    /// # Example: raising the bid-bond cap to 50,000 yuan
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use zhengce::rules::{Batch, BatchOptions, Column, ColumnData, Dates};
    /// use zhengce::context::ScenarioSpec;
    ///
    /// let base = zhengce::Context::builtin();
    /// let spec: ScenarioSpec = serde_json::from_str(r#"{"name": "cap-50000", "parameters": [
    ///   {"parameter": "procurement.bid_bond.cap_per_lot", "jurisdiction": "cn-xj-urumqi-tianshan",
    ///    "effective_from": "2022-05-18", "value": "50000"}]}"#).unwrap();
    /// let alt = base.with_scenario(spec)?;
    /// let budgets = [100_000_000i64, 300_000_000, 800_000_000]; // 1, 3 and 8 million yuan
    /// let batch = Batch { dates: Dates::One(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap()), jurisdiction: None,
    ///     columns: vec![Column::new("budget", ColumnData::Int { values: &budgets, scale: 2 })] };
    /// let cmp = base.compare(&alt, "tianshan-2022-87/r68-bid-bond", &batch, &BatchOptions::default())?;
    /// assert_eq!(cmp.totals.baseline.to_string(), "50000.00");     // 10,000 + 20,000 + 20,000
    /// assert_eq!(cmp.totals.alternative.to_string(), "90000.00");  // 10,000 + 30,000 + 50,000
    /// assert_eq!(cmp.totals.changed, 2);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn compare(
        &self,
        alternative: &Context,
        rule: &str,
        batch: &Batch<'_>,
        options: &BatchOptions,
    ) -> Result<Comparison> {
        let base_ev = self.evaluator(rule)?;
        let alt_ev = alternative.evaluator(rule)?;
        let baseline = base_ev.evaluate_batch(batch, options)?;
        let alt = alt_ev.evaluate_batch(batch, options)?;
        let column = match &base_ev.inner.kind {
            Kind::TimeLimit { .. } => "deadline".to_owned(),
            Kind::CappedRate(_) => "amount".to_owned(),
            Kind::Eligibility(_) => "eligible".to_owned(),
            Kind::Threshold(_) => "compliant".to_owned(),
            Kind::DecisionTable(k) => k
                .outputs
                .iter()
                .find(|o| o.ty == OutputType::Decimal)
                .or(k.outputs.first())
                .map_or_else(|| "matched".to_owned(), |o| o.name.clone()),
        };
        let (b, a) = match (baseline.column(&column), alt.column(&column)) {
            (Some(b), Some(a)) => (b, a),
            _ => {
                return Err(Error::invalid_input(
                    "rule",
                    rule,
                    "a rule with the same outputs in both scenarios",
                ));
            }
        };
        let (difference, totals) = match (b, a) {
            (OutColumn::Int { values: bv, scale: bs }, OutColumn::Int { values: av, scale: as_ })
                if bs == as_ =>
            {
                let diff: Vec<i64> = bv.iter().zip(av).map(|(x, y)| y - x).collect();
                let sum = |v: &[i64]| Decimal::from_i128_with_scale(v.iter().map(|x| *x as i128).sum(), *bs);
                let changed = diff.iter().filter(|d| **d != 0).count();
                let (tb, ta) = (sum(bv), sum(av));
                (OutColumn::Int { values: diff, scale: *bs }, totals(baseline.rows, tb, ta, changed))
            }
            (OutColumn::Date { values: bv }, OutColumn::Date { values: av }) => {
                // Deadlines compare as the days each case is given: the deadline minus the
                // row's start date, in calendar days.
                let days = |v: &[Option<NaiveDate>]| -> Result<Vec<i64>> {
                    v.iter()
                        .enumerate()
                        .map(|(row, d)| {
                            let start = batch.dates.at(row)?;
                            Ok(d.map_or(0, |d| (d - start).num_days()))
                        })
                        .collect()
                };
                let (bd, ad) = (days(bv)?, days(av)?);
                let diff: Vec<i64> = bd.iter().zip(&ad).map(|(x, y)| y - x).collect();
                let changed = bv.iter().zip(av).filter(|(x, y)| x != y).count();
                let (tb, ta) = (Decimal::from(bd.iter().sum::<i64>()), Decimal::from(ad.iter().sum::<i64>()));
                (OutColumn::Int { values: diff, scale: 0 }, totals(baseline.rows, tb, ta, changed))
            }
            _ => {
                let (bn, an) = (b.numbers(), a.numbers());
                let diff: Vec<Option<Decimal>> = bn
                    .iter()
                    .zip(&an)
                    .map(|(x, y)| Some(y.unwrap_or_default() - x.unwrap_or_default()))
                    .collect();
                let changed = bn.iter().zip(&an).filter(|(x, y)| x != y).count();
                let tb: Decimal = bn.iter().flatten().sum();
                let ta: Decimal = an.iter().flatten().sum();
                (OutColumn::Decimal { values: diff }, totals(baseline.rows, tb, ta, changed))
            }
        };
        Ok(Comparison { rule: rule.to_owned(), column, baseline, alternative: alt, difference, totals })
    }
}

/// The totals of a comparison: both sums, their difference and the rows that changed.
fn totals(rows: usize, baseline: Decimal, alternative: Decimal, changed: usize) -> ComparisonTotals {
    ComparisonTotals { rows, baseline, alternative, difference: alternative - baseline, changed }
}

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
/// use zhengce::rules::{Batch, BatchOptions, Dates, OwnedColumns};
///
/// let cols = OwnedColumns::from_json(&serde_json::json!({"budget": ["1000000", "5000000"], "lot_type": [null, "ppp"]}))?;
/// let s = zhengce::Context::builtin();
/// let batch = Batch { dates: Dates::One(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap()), jurisdiction: None, columns: cols.columns() };
/// let out = s.evaluator("tianshan-2022-87/r68-bid-bond")?.evaluate_batch(&batch, &BatchOptions::default())?;
/// assert_eq!(serde_json::to_value(&out)?["columns"]["amount"], serde_json::json!(["10000.00", "50000.00"]));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct OwnedColumns {
    columns: Vec<(String, Owned, Option<Vec<u8>>)>,
}

#[derive(Debug, Clone)]
enum Owned {
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
    /// let err = zhengce::rules::OwnedColumns::from_json(&serde_json::json!({"budget": [0.5]})).unwrap_err();
    /// assert_eq!(err.details()["row"], 0);
    /// ```
    pub fn from_json(value: &serde_json::Value) -> Result<OwnedColumns> {
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
    /// let cols = zhengce::rules::OwnedColumns::from_json(&serde_json::json!({"x": [true]})).unwrap();
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
/// let d = zhengce::rules::OwnedDates::from_json(&serde_json::json!(["2022-05-17", "2022-05-18"]))?;
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
    /// assert!(zhengce::rules::OwnedDates::from_json(&serde_json::json!("2022-6-1")).is_err());
    /// ```
    pub fn from_json(value: &serde_json::Value) -> Result<OwnedDates> {
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
    /// let d = zhengce::rules::OwnedDates::from_json(&serde_json::json!("2022-06-01")).unwrap();
    /// assert!(matches!(d.dates(), zhengce::rules::Dates::One(_)));
    /// ```
    pub fn dates(&self) -> Dates<'_> {
        match self {
            OwnedDates::One(d) => Dates::One(*d),
            OwnedDates::Each(v) => Dates::Each(v),
        }
    }
}

/// One run of rows sharing a kernel: the integer hot loop.
struct Run<'a> {
    kernel: &'a IntKernel,
    lut: &'a [(u8, i32)],
    base: &'a [i64],
    /// The key of each row (empty: key 0 for every row).
    keys: &'a [u16],
    to_fen: i64,
}

impl Run<'_> {
    /// Fills amounts and status codes; `Err((row, fen_overflow))` at a negative base or an
    /// overflow.
    fn fill(&self, amounts: &mut [i64], status: &mut [i32]) -> std::result::Result<(), (usize, bool)> {
        use super::RoundingMode::*;
        // Dividing by a constant power of ten compiles to a multiply and a shift.
        macro_rules! dispatch {
            ($($e:literal),*) => {
                match (self.kernel.exp, self.kernel.mode) {
                    $(
                        ($e, Down) => self.fill_const::<{ POW10[$e] }, 0>(amounts, status),
                        ($e, Up) => self.fill_const::<{ POW10[$e] }, 1>(amounts, status),
                        ($e, HalfUp) => self.fill_const::<{ POW10[$e] }, 2>(amounts, status),
                        ($e, HalfEven) => self.fill_const::<{ POW10[$e] }, 3>(amounts, status),
                    )*
                    _ => self.fill_slow(amounts, status),
                }
            };
        }
        dispatch!(0, 1, 2, 3, 4, 5, 6)
    }

    #[inline(always)]
    fn finish(&self, q: i64, effects: u8, st: i32) -> (i64, i32) {
        let k = self.kernel;
        let mut amount = if effects & ZERO != 0 { 0 } else { q };
        let mut code = st;
        if let Some(f) = k.floor
            && effects & (super::capped_rate::NO_FLOOR | ZERO) == 0
            && amount < f
        {
            amount = f;
            code = if st == 0 { 2 } else { st };
        }
        if let Some(cap) = k.cap
            && effects & super::capped_rate::NO_CAP == 0
            && amount > cap
        {
            amount = cap;
            code = if st == 0 { 1 } else { st };
        }
        (amount, code)
    }

    fn fill_const<const D: i64, const MODE: u8>(
        &self,
        amounts: &mut [i64],
        status: &mut [i32],
    ) -> std::result::Result<(), (usize, bool)> {
        let m = self.kernel.mantissa;
        let round = |x: i64| -> i64 {
            let (q, r) = (x / D, x % D);
            match MODE {
                0 => q,
                1 => q + (r != 0) as i64,
                2 => q + (2 * r >= D) as i64,
                _ => q + ((2 * r > D) || (2 * r == D && q & 1 == 1)) as i64,
            }
        };
        // One key for every row and no floor: the common case, kept branch-light.
        if self.keys.is_empty() && self.kernel.floor.is_none() && self.to_fen == 1 {
            let (effects, st) = self.lut[0];
            if st == 3 {
                if let Some(i) = self.base.iter().position(|b| *b < 0) {
                    return Err((i, false));
                }
                amounts.fill(0);
                status.fill(3);
                return Ok(());
            }
            let cap = if effects & super::capped_rate::NO_CAP == 0 {
                self.kernel.cap.unwrap_or(i64::MAX)
            } else {
                i64::MAX
            };
            let zero = effects & ZERO != 0;
            for (i, ((b, a), s)) in
                self.base.iter().zip(amounts.iter_mut()).zip(status.iter_mut()).enumerate()
            {
                let b = *b;
                if b < 0 {
                    return Err((i, false));
                }
                let q = match b.checked_mul(m) {
                    Some(x) => round(x),
                    None => self.kernel.product(b).ok_or((i, false))?,
                };
                let q = if zero { 0 } else { q };
                let capped = q > cap;
                *a = if capped { cap } else { q };
                *s = if st != 0 { st } else { capped as i32 };
            }
            return Ok(());
        }
        for i in 0..self.base.len() {
            let b = self.base[i];
            if b < 0 {
                return Err((i, false));
            }
            let (effects, st) = self.lut[if self.keys.is_empty() { 0 } else { self.keys[i] as usize }];
            if st == 3 {
                amounts[i] = 0;
                status[i] = 3;
                continue;
            }
            let fen = if self.to_fen == 1 { b } else { b.checked_mul(self.to_fen).ok_or((i, true))? };
            let q = match fen.checked_mul(m) {
                Some(x) => round(x),
                None => self.kernel.product(fen).ok_or((i, false))?,
            };
            (amounts[i], status[i]) = self.finish(q, effects, st);
        }
        Ok(())
    }

    /// Any other divisor or mode, through the kernel's general product.
    fn fill_slow(&self, amounts: &mut [i64], status: &mut [i32]) -> std::result::Result<(), (usize, bool)> {
        for i in 0..self.base.len() {
            let b = self.base[i];
            if b < 0 {
                return Err((i, false));
            }
            let (effects, st) = self.lut[if self.keys.is_empty() { 0 } else { self.keys[i] as usize }];
            if st == 3 {
                amounts[i] = 0;
                status[i] = 3;
                continue;
            }
            let fen = b.checked_mul(self.to_fen).ok_or((i, true))?;
            let q = self.kernel.product(fen).ok_or((i, false))?;
            (amounts[i], status[i]) = self.finish(q, effects, st);
        }
        Ok(())
    }
}
