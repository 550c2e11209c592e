//! Columns bound to a rule's inputs, and the chunk of a batch a kind's kernel is handed.

use super::{Column, ColumnData, Dates};
use crate::catalogue::rule::{self as input, InputSpec, InputType, Val};
use crate::error::{Error, Result};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A column bound to an input slot, with per-label choices precomputed.
#[derive(Clone, Copy)]
pub(crate) struct Bound<'a> {
    pub col: Column<'a>,
    pub spec: &'a InputSpec,
    /// For `Codes`: each label checked against the spec once.
    pub labels: &'a [std::result::Result<Val, Error>],
}

impl Bound<'_> {
    #[inline]
    pub(crate) fn get(&self, row: usize) -> Result<Option<Val>> {
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

pub(crate) fn boolean(spec: &InputSpec, b: bool) -> Result<Val> {
    match spec.ty {
        InputType::Boolean => Ok(Val::Bool(b)),
        _ => Err(Error::invalid_input(spec.name.as_str(), b, input::expected(spec))),
    }
}

pub(crate) fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default()
}

impl Dates<'_> {
    #[inline]
    pub(crate) fn at(&self, row: usize) -> Result<NaiveDate> {
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

    pub(crate) fn len(&self) -> Option<usize> {
        match self {
            Dates::One(_) => None,
            Dates::Each(ds) => Some(ds.len()),
            Dates::EpochDays(ds) => Some(ds.len()),
        }
    }
}

/// Adds the row to an error: input errors record it, others say it in their context.
pub(crate) fn at_row(err: Error, row: usize) -> Error {
    if err.is_input() { err.at_row(row) } else { err.context(format!("failed to evaluate row {row}")) }
}

/// The rows of a batch a kind evaluates in one go: the batch cut to the chunk, its columns
/// bound to the rule's input slots, the jurisdiction's index, and the chunk's first row in
/// the whole batch (errors name the batch's row).
pub(crate) struct Chunk<'a> {
    pub dates: Dates<'a>,
    pub bound: Vec<Option<Bound<'a>>>,
    pub jur: usize,
    pub offset: usize,
    pub rows: usize,
}

impl Chunk<'_> {
    /// Row `row` of the chunk as the batch's row, on an error.
    pub(crate) fn at_row(&self, err: Error, row: usize) -> Error {
        at_row(err, self.offset + row)
    }
}

impl<'a> Column<'a> {
    /// Rows `range` of the column (clamped to its length).
    ///
    /// # Example
    ///
    /// ```
    /// let c = zhengce::rules::Column::new("x", zhengce::rules::ColumnData::Bool(&[true, false, true]));
    /// assert_eq!(c.slice(1..3).len(), 2);
    /// ```
    pub fn slice(&self, range: std::ops::Range<usize>) -> Column<'a> {
        let n = self.len();
        let r = range.start.min(n)..range.end.min(n);
        let data = match self.data {
            ColumnData::Int { values, scale } => ColumnData::Int { values: &values[r.clone()], scale },
            ColumnData::Int128 { values, scale } => ColumnData::Int128 { values: &values[r.clone()], scale },
            ColumnData::Decimal(v) => ColumnData::Decimal(&v[r.clone()]),
            ColumnData::Bool(v) => ColumnData::Bool(&v[r.clone()]),
            ColumnData::Bytes(v) => ColumnData::Bytes(&v[r.clone()]),
            ColumnData::Text(v) => ColumnData::Text(&v[r.clone()]),
            ColumnData::Strings(v) => ColumnData::Strings(&v[r.clone()]),
            ColumnData::Codes { codes, labels } => ColumnData::Codes { codes: &codes[r.clone()], labels },
            ColumnData::Units(v) => ColumnData::Units(&v[r.clone()]),
            ColumnData::Dates(v) => ColumnData::Dates(&v[r.clone()]),
        };
        Column { name: self.name, data, validity: self.validity.map(|(b, o)| (b, o + r.start)) }
    }
}

impl<'a> Dates<'a> {
    /// Rows `range` (one date stays one date).
    pub(crate) fn slice(&self, range: std::ops::Range<usize>) -> Dates<'a> {
        match *self {
            Dates::One(d) => Dates::One(d),
            Dates::Each(ds) => Dates::Each(&ds[range.start.min(ds.len())..range.end.min(ds.len())]),
            Dates::EpochDays(ds) => Dates::EpochDays(&ds[range.start.min(ds.len())..range.end.min(ds.len())]),
        }
    }
}
