//! Batch forms: columns of day numbers in, columns out, no allocation per element.
//!
//! Days are numbers of days since 1970-01-01, the representation of numpy `datetime64[D]`
//! (as `i64`), Arrow `date32` (as `i32`) and JavaScript typed arrays, so a column crosses a
//! binding without converting each element to a date.

use super::calendar::Calendar;
use super::options::{CalendarOptions, STRICT};
use crate::error::{Error, Result};

/// A day number type of a column: `i32` (Arrow `date32`, JS `Int32Array`) or `i64` (numpy
/// `datetime64[D]`).
///
/// # Example
///
/// ```
/// use zhengce::calendar::DayNumber;
/// assert_eq!(<i32 as DayNumber>::from_days(19757), Some(19757));
/// assert_eq!(<i32 as DayNumber>::from_days(i64::MAX), None);
/// ```
pub trait DayNumber: Copy {
    /// The day number as `i64`.
    fn to_days(self) -> i64;
    /// A day number of this type, if it fits.
    fn from_days(days: i64) -> Option<Self>;
}

impl DayNumber for i32 {
    #[inline]
    fn to_days(self) -> i64 {
        i64::from(self)
    }
    #[inline]
    fn from_days(days: i64) -> Option<i32> {
        i32::try_from(days).ok()
    }
}

/// A day number stored as 8 native-endian bytes: lets a binding write a column straight into a
/// byte buffer it hands over to numpy (`bytearray` → `datetime64[D]`) without a copy.
impl DayNumber for [u8; 8] {
    #[inline]
    fn to_days(self) -> i64 {
        i64::from_ne_bytes(self)
    }
    #[inline]
    fn from_days(days: i64) -> Option<[u8; 8]> {
        Some(days.to_ne_bytes())
    }
}

impl DayNumber for i64 {
    #[inline]
    fn to_days(self) -> i64 {
        self
    }
    #[inline]
    fn from_days(days: i64) -> Option<i64> {
        Some(days)
    }
}

/// The counts of a batch call: one for every row, or one per row.
///
/// # Example
///
/// ```
/// use zhengce::calendar::Counts;
/// let per_row = [1, 2, 3];
/// assert!(matches!(Counts::Each(&per_row), Counts::Each(_)));
/// ```
#[derive(Debug, Clone, Copy)]
pub enum Counts<'a> {
    /// The same count for every row.
    One(i32),
    /// One count per row.
    Each(&'a [i32]),
}

/// The "NaT" of numpy: the smallest `i64`.
const NAT: i64 = i64::MIN;

/// Day numbers (days since 1970-01-01) of 0001-01-01 and 9999-12-31.
const FIRST_DAY: i64 = -719_162;
const LAST_DAY: i64 = 2_932_896;

#[inline]
fn day_at<D: DayNumber>(days: &[D], i: usize, field: &str) -> Result<i64> {
    let n = days[i].to_days();
    // NaT is a missing date, never a day; and a batch reads the dates a single call reads,
    // the years 0001 to 9999.
    if n == NAT || !(FIRST_DAY..=LAST_DAY).contains(&n) {
        return Err(Error::invalid_input(
            field,
            if n == NAT { "NaT".to_owned() } else { format!("day number {n}") },
            "a date in the years 0001 to 9999",
        )
        .at_row(i));
    }
    Ok(n)
}

fn same_length(field: &str, got: usize, expected: usize) -> Result<()> {
    if got == expected {
        Ok(())
    } else {
        Err(Error::invalid_input(
            field,
            format!("{got} rows"),
            format!("{expected} rows, as many as the days"),
        ))
    }
}

fn at_row(err: Error, i: usize) -> Error {
    if err.is_input() { err.at_row(i) } else { err.context(format!("failed at row {i}")) }
}

impl Calendar {
    /// [`Calendar::is_working_day`] for a column of day numbers, into `out` (`bool`s, or `u8`
    /// 0/1 for a byte buffer).
    ///
    /// # Errors
    ///
    /// - `invalid_input` (field `out`) if `out` is not as long as `days`; (field `days`, with
    ///   the row) for a missing date (numpy NaT).
    /// - `out_of_coverage`, with the row in the message, as for [`Calendar::is_working_day`].
    ///
    /// # Example
    ///
    /// ```
    /// use zhengce::calendar::Calendar;
    /// let cal = Calendar::builtin("cn")?;
    /// let days: [i32; 3] = [19757, 19765, 19766]; // 2024-02-04 (make-up day), 2024-02-12, 2024-02-13
    /// let mut out = [false; 3];
    /// cal.is_working_day_batch(&days, &mut out, &Default::default())?;
    /// assert_eq!(out, [true, false, false]);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn is_working_day_batch<D: DayNumber, F: From<bool>>(
        &self,
        days: &[D],
        out: &mut [F],
        options: &CalendarOptions,
    ) -> Result<()> {
        if let Some(p) = self.statutory(options) {
            return p.is_working_day_batch(days, out, &STRICT);
        }
        same_length("out", out.len(), days.len())?;
        for (i, (slot, day)) in out.iter_mut().zip(days).enumerate() {
            *slot = F::from(match self.working_fast(day.to_days(), options) {
                Some(w) => w,
                None => self.working_number(day_at(days, i, "days")?, options).map_err(|e| at_row(e, i))?,
            });
        }
        Ok(())
    }

    /// [`Calendar::add_working_days`] for a column of day numbers, into `out`.
    ///
    /// # Errors
    ///
    /// - `invalid_input` if `out` or the counts are not as long as `days` (field `out`, `n`),
    ///   for a missing date (field `days`, with the row), or if an answer does not fit the
    ///   output type (field `n`, with the row).
    /// - `out_of_coverage`, with the row in the message, as for [`Calendar::add_working_days`].
    ///
    /// # Example
    ///
    /// ```
    /// use zhengce::calendar::{Calendar, Counts};
    /// let cal = Calendar::builtin("cn")?;
    /// let days: [i64; 2] = [19762, 19762]; // 2024-02-09, the eve of Spring Festival
    /// let mut out = [0i64; 2];
    /// cal.add_working_days_batch(&days, Counts::Each(&[1, 2]), &mut out, &Default::default())?;
    /// assert_eq!(out, [19771, 19772]); // 2024-02-18 (a make-up Sunday), 2024-02-19
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn add_working_days_batch<D: DayNumber, O: DayNumber>(
        &self,
        days: &[D],
        n: Counts<'_>,
        out: &mut [O],
        options: &CalendarOptions,
    ) -> Result<()> {
        if let Some(p) = self.statutory(options) {
            return p.shift_batch(days, n, 1, out, &STRICT);
        }
        self.shift_batch(days, n, 1, out, options)
    }

    /// [`Calendar::sub_working_days`] for a column of day numbers, into `out`.
    ///
    /// # Errors
    ///
    /// - As for [`Calendar::add_working_days_batch`].
    ///
    /// # Example
    ///
    /// ```
    /// use zhengce::calendar::{Calendar, Counts};
    /// let cal = Calendar::builtin("cn")?;
    /// let mut out = [0i32; 1];
    /// cal.sub_working_days_batch(&[19771i32], Counts::One(1), &mut out, &Default::default())?;
    /// assert_eq!(out, [19762]);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn sub_working_days_batch<D: DayNumber, O: DayNumber>(
        &self,
        days: &[D],
        n: Counts<'_>,
        out: &mut [O],
        options: &CalendarOptions,
    ) -> Result<()> {
        if let Some(p) = self.statutory(options) {
            return p.shift_batch(days, n, -1, out, &STRICT);
        }
        self.shift_batch(days, n, -1, out, options)
    }

    fn shift_batch<D: DayNumber, O: DayNumber>(
        &self,
        days: &[D],
        n: Counts<'_>,
        sign: i64,
        out: &mut [O],
        options: &CalendarOptions,
    ) -> Result<()> {
        same_length("out", out.len(), days.len())?;
        // The general path, also for errors: checks the day, counts, names the row.
        let slow = |i: usize, k: i64| -> Result<O> {
            let d = day_at(days, i, "days")?;
            let t = self.add_number(d, sign * k, options).map_err(|e| at_row(e, i))?;
            if !(FIRST_DAY..=LAST_DAY).contains(&t) {
                return Err(Error::invalid_input("n", k, "a result within the supported dates").at_row(i));
            }
            O::from_days(t).ok_or_else(|| {
                Error::invalid_input("n", k, "an answer that fits the output column").at_row(i)
            })
        };
        let one = |i: usize, day: &D, k: i64, slot: &mut O| -> Result<()> {
            *slot = match self.add_fast(day.to_days(), sign * k, options).and_then(O::from_days) {
                Some(t) => t,
                None => slow(i, k)?,
            };
            Ok(())
        };
        match n {
            Counts::One(k) => {
                for (i, (slot, day)) in out.iter_mut().zip(days).enumerate() {
                    one(i, day, i64::from(k), slot)?;
                }
            }
            Counts::Each(counts) => {
                same_length("n", counts.len(), days.len())?;
                for (i, ((slot, day), k)) in out.iter_mut().zip(days).zip(counts).enumerate() {
                    one(i, day, i64::from(*k), slot)?;
                }
            }
        }
        Ok(())
    }

    /// [`Calendar::working_days_between`] for two columns of day numbers, into `out`.
    ///
    /// # Errors
    ///
    /// - `invalid_input` if the columns differ in length (field `to`, `out`) or hold a missing
    ///   date (with the row).
    /// - `out_of_coverage`, with the row in the message.
    ///
    /// # Example
    ///
    /// ```
    /// use zhengce::calendar::Calendar;
    /// let cal = Calendar::builtin("cn")?;
    /// let mut out = [0i64; 1];
    /// cal.working_days_between_batch(&[19762i32], &[19771i32], &mut out, &Default::default())?;
    /// assert_eq!(out, [1]);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn working_days_between_batch<D: DayNumber>(
        &self,
        from: &[D],
        to: &[D],
        out: &mut [i64],
        options: &CalendarOptions,
    ) -> Result<()> {
        if let Some(p) = self.statutory(options) {
            return p.working_days_between_batch(from, to, out, &STRICT);
        }
        same_length("to", to.len(), from.len())?;
        same_length("out", out.len(), from.len())?;
        for (i, slot) in out.iter_mut().enumerate() {
            let (a, b) = (day_at(from, i, "from")?, day_at(to, i, "to")?);
            *slot = self.between_numbers(a, b, options).map_err(|e| at_row(e, i))?;
        }
        Ok(())
    }

    /// For each row, true if the count from `from` to `to` (the start not counted) ran through
    /// a day of a year computed from the law: the batch form of [`Deadline::provisional`]
    /// (super::Deadline::provisional), for the rows of [`Calendar::add_working_days_batch`]
    /// and the like. Always false without `assume: statutory`.
    ///
    /// # Errors
    ///
    /// - `invalid_input` if the columns differ in length (field `to`, `out`) or for a missing
    ///   date (with the row).
    ///
    /// # Example
    ///
    /// ```
    /// use zhengce::calendar::{Assume, Calendar, CalendarOptions, Counts, day_number};
    /// use chrono::NaiveDate;
    /// let cal = Calendar::builtin("cn")?;
    /// let statutory = CalendarOptions { assume: Some(Assume::Statutory) };
    /// let d = |y, m, day| day_number(NaiveDate::from_ymd_opt(y, m, day).unwrap());
    /// let from = [d(2026, 12, 4), d(2026, 12, 4)];
    /// let mut to = [0i32; 2];
    /// cal.add_working_days_batch(&from, Counts::Each(&[5, 20]), &mut to, &statutory)?;
    /// let mut provisional = [false; 2];
    /// cal.provisional_batch(&from, &to, &mut provisional, &statutory)?;
    /// assert_eq!(provisional, [false, true]); // the second row runs into 2027
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn provisional_batch<D: DayNumber, F: From<bool>>(
        &self,
        from: &[D],
        to: &[D],
        out: &mut [F],
        options: &CalendarOptions,
    ) -> Result<()> {
        same_length("to", to.len(), from.len())?;
        same_length("out", out.len(), from.len())?;
        let cal = self.statutory(options);
        for (i, slot) in out.iter_mut().enumerate() {
            let (a, b) = (day_at(from, i, "from")?, day_at(to, i, "to")?);
            let first = if a < b { a + 1 } else { b };
            *slot = F::from(cal.is_some_and(|p| p.provisional_in(first, a.max(b))));
        }
        Ok(())
    }
}
