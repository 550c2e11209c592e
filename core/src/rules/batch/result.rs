//! What a batch gives: the output columns, explanations and failed rows; and a comparison of
//! two scenarios over one batch.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;

use super::OutColumn;
use crate::rules::Evaluation;

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
/// With `errors: "null"` ([`ErrorMode::Null`](super::ErrorMode)) a row that fails is null in
/// every output (0 in an integer `amount` column, which has no null: its entry in `errors`
/// marks it) and [`errors`](BatchResult::errors) lists it with its error's code and message;
/// the other rows are exactly what row-by-row evaluation gives.
///
/// Its JSON shape is `{"rows": n, "columns": {"amount": ["10000.00", ...], "status": ["rate",
/// ...]}}`: amounts and decimals as strings, booleans as booleans, labels and dates as
/// strings, null for null. With `errors: "null"` the columns also hold `error_code` and
/// `error_message` (null for a row that evaluated), and every output of a failed row is null.
///
/// # Example
///
/// ```
/// let r = zhengce::rules::BatchResult { rows: 1, columns: vec![("eligible".into(), zhengce::rules::OutColumn::Bool { values: vec![None] })], explanations: None, errors: None };
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
#[derive(Debug, Clone, PartialEq, JsonSchema)]
pub struct BatchResult {
    /// The number of rows.
    pub rows: usize,
    /// Output name to column (with `error_code` and `error_message` under `errors: "null"`).
    #[schemars(with = "std::collections::BTreeMap<String, Vec<serde_json::Value>>")]
    pub columns: Vec<(String, OutColumn)>,
    /// One explained evaluation per row, if asked for (under `errors: "null"`, one per row
    /// without an error).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanations: Option<Vec<Evaluation>>,
    /// Under `errors: "null"`: the rows that failed, in row order (`None` under `raise`).
    /// In the JSON shape these are the `error_code` and `error_message` columns.
    #[schemars(skip)]
    pub errors: Option<Vec<RowError>>,
}

/// A row of a batch that failed under `errors: "null"`: its outputs are null.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use zhengce::rules::{Batch, Column, ColumnData, Dates, ErrorMode, Options};
///
/// let s = zhengce::Context::builtin();
/// let bond = s.evaluator("tianshan-2022-87/r68-bid-bond")?;
/// let budgets = [100_000_000i64, -1, 500_000_000]; // fen
/// let batch = Batch { dates: Dates::One(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap()), jurisdiction: None,
///     columns: vec![Column::new("budget", ColumnData::Int { values: &budgets, scale: 2 })] };
/// let out = bond.evaluate_batch(&batch, &Options { errors: ErrorMode::Null, ..Options::default() })?;
/// let errors = out.errors.as_ref().unwrap();
/// assert_eq!((errors[0].row, errors[0].code.as_str()), (1, "invalid_input"));
/// assert_eq!(out.column("amount").unwrap().to_strings()[2].as_deref(), Some("20000.00"));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct RowError {
    /// The row in the batch (0-based).
    pub row: usize,
    /// The error's stable code (`invalid_input`, `missing_input`, ...).
    pub code: String,
    /// The error's message.
    pub message: String,
}

impl RowError {
    pub(crate) fn of(row: usize, err: &crate::Error) -> RowError {
        RowError { row, code: err.code().to_owned(), message: err.to_string() }
    }
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
    /// let r = zhengce::rules::BatchResult { rows: 0, columns: vec![], explanations: None, errors: None };
    /// assert!(r.column("amount").is_none());
    /// ```
    pub fn column(&self, name: &str) -> Option<&OutColumn> {
        self.columns.iter().find(|(n, _)| n == name).map(|(_, c)| c)
    }

    /// Per row: the error of a failed row (`errors: "null"`), `None` for a row that evaluated.
    ///
    /// # Example
    ///
    /// ```
    /// let e = zhengce::rules::RowError { row: 1, code: "invalid_input".into(), message: "bad".into() };
    /// let r = zhengce::rules::BatchResult { rows: 2, columns: vec![], explanations: None, errors: Some(vec![e]) };
    /// assert_eq!(r.row_errors().iter().map(|e| e.map(|e| e.code.as_str())).collect::<Vec<_>>(), [None, Some("invalid_input")]);
    /// ```
    pub fn row_errors(&self) -> Vec<Option<&RowError>> {
        let mut out = vec![None; self.rows];
        for e in self.errors.iter().flatten() {
            if let Some(slot) = out.get_mut(e.row) {
                *slot = Some(e);
            }
        }
        out
    }
}

impl Serialize for BatchResult {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeStruct};
        use serde_json::Value;
        struct Columns<'a>(&'a BatchResult);
        impl Serialize for Columns<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let r = self.0;
                let extra = if r.errors.is_some() { 2 } else { 0 };
                let mut map = s.serialize_map(Some(r.columns.len() + extra))?;
                match &r.errors {
                    None => {
                        for (name, col) in &r.columns {
                            map.serialize_entry(name, col)?;
                        }
                    }
                    Some(_) => {
                        // A failed row is null in every output, its 0 amount included.
                        let failed = r.row_errors();
                        for (name, col) in &r.columns {
                            let mut values = match col.to_json_value() {
                                Value::Array(v) => v,
                                _ => Vec::new(),
                            };
                            for (v, e) in values.iter_mut().zip(&failed) {
                                if e.is_some() {
                                    *v = Value::Null;
                                }
                            }
                            map.serialize_entry(name, &values)?;
                        }
                        let code: Vec<Option<&str>> =
                            failed.iter().map(|e| e.map(|e| e.code.as_str())).collect();
                        let message: Vec<Option<&str>> =
                            failed.iter().map(|e| e.map(|e| e.message.as_str())).collect();
                        map.serialize_entry("error_code", &code)?;
                        map.serialize_entry("error_message", &message)?;
                    }
                }
                map.end()
            }
        }
        let fields = 2 + usize::from(self.explanations.is_some());
        let mut st = s.serialize_struct("BatchResult", fields)?;
        st.serialize_field("rows", &self.rows)?;
        st.serialize_field("columns", &Columns(self))?;
        if let Some(e) = &self.explanations {
            st.serialize_field("explanations", e)?;
        }
        st.end()
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
