//! Batch evaluation: columns in, columns out, exact money, and scenario comparisons.

pub(super) mod bound;
mod compare;
mod driver;
mod into;
pub(super) mod out;
mod owned;
mod result;

pub use into::OutBuffer;
pub use out::OutColumn;
pub use owned::{OwnedColumns, OwnedDates};
pub use result::{BatchResult, Comparison, ComparisonTotals, RowError};

use chrono::NaiveDate;
use rust_decimal::Decimal;

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
