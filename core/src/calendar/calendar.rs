//! A compiled working-day calendar for one jurisdiction: the national layer and the overlays
//! of its ancestors, flattened into day tables so that every operation is O(1).

use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;

use super::data::CalendarData;
use super::day::{Day, DayKind};
use super::day_number::{day_number, from_day_number, is_weekend_number};
use super::options::{Assume, CalendarOptions, STRICT};
use super::tables::{PROVISIONAL, Tables, UNCOVERED, WORKING, rank, working};
use crate::catalogue::Period;
use crate::error::{Error, ErrorKind, Result};

/// A working-day calendar compiled for one jurisdiction: the national layer and the overlays
/// of the jurisdiction's ancestors, flattened into day tables.
///
/// Build one with [`Calendars::calendar`](super::Calendars::calendar) (or
/// [`Calendar::builtin`] for the built-in data). Every operation is O(1) whatever the number
/// of days: a day-kind table, a working-day rank (prefix counts) and a rank-to-day index over
/// the covered range; beyond it, under the `weekends_only` assumption, closed-form weekday
/// counts. No call allocates except those that return lists.
///
/// Conventions (see the module docs for the legal sources): the start day is never counted;
/// "N working days" counts working days only (行政许可法 art 82).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use zhengce::calendar::Calendar;
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let tianshan = Calendar::builtin("cn-xj-urumqi-tianshan")?;
/// let putuo = Calendar::builtin("cn-sh-putuo")?;
/// let strict = Default::default();
/// // 2023-06-28..30: 古尔邦节 off in Xinjiang, ordinary working days in Shanghai.
/// assert_eq!(tianshan.add_working_days(d(2023, 6, 27), 2, &strict)?, d(2023, 7, 4));
/// assert_eq!(putuo.add_working_days(d(2023, 6, 27), 2, &strict)?, d(2023, 6, 29));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Calendar {
    jurisdiction: String,
    layers: Vec<String>,
    coverage: Vec<Period>,
    /// The day tables.
    tables: Tables,
    /// The layers compiled, kept for the provisional tables; `None` in a provisional calendar.
    source: Option<Arc<Vec<CalendarData>>>,
    /// The same jurisdiction with the missing years computed from the law (`assume:
    /// statutory`), compiled on first use.
    provisional: OnceLock<Box<Calendar>>,
}

impl Calendar {
    /// Compiles the layers (root first) for `jurisdiction`, with the provisional tables that
    /// `assume: statutory` reads.
    pub(crate) fn compile(jurisdiction: &str, layers: &[&CalendarData]) -> Calendar {
        let mut cal = Calendar::compile_tables(jurisdiction, layers, &[]);
        cal.source = Some(Arc::new(layers.iter().map(|l| (*l).clone()).collect()));
        cal
    }

    /// The calendar a call runs on: the provisional one under `assume: statutory`, compiled
    /// on first use (only calls that opt in pay for it).
    #[inline]
    pub(crate) fn statutory(&self, options: &CalendarOptions) -> Option<&Calendar> {
        match options.assume {
            Some(Assume::Statutory) => {
                let source = self.source.as_ref()?;
                Some(self.provisional.get_or_init(|| {
                    let refs: Vec<&CalendarData> = source.iter().collect();
                    let (extended, provisional) = super::provisional::extend(&refs);
                    let refs: Vec<&CalendarData> = extended.iter().collect();
                    Box::new(Calendar::compile_tables(&self.jurisdiction, &refs, &provisional))
                }))
            }
            _ => None,
        }
    }

    /// Compiles the layers (root first); days in `provisional` are flagged provisional.
    fn compile_tables(jurisdiction: &str, layers: &[&CalendarData], provisional: &[Period]) -> Calendar {
        let coverage = crate::value::intersect(layers.iter().map(|l| l.coverage.as_slice()));
        let tables = Tables::compile(layers, provisional, &coverage);
        Calendar {
            jurisdiction: jurisdiction.to_owned(),
            layers: layers.iter().map(|l| l.id.clone()).collect(),
            coverage,
            tables,
            source: None,
            provisional: OnceLock::new(),
        }
    }

    /// True if some day of [a, b] lies in a year computed from the law (only a provisional
    /// calendar has such days).
    pub(crate) fn provisional_in(&self, a: i64, b: i64) -> bool {
        self.tables.provisional_in(a, b)
    }

    /// The working flag of a day in the tables that needs no assumption (or has one).
    #[inline]
    pub(crate) fn working_fast(&self, n: i64, options: &CalendarOptions) -> Option<bool> {
        self.tables.working_fast(n, options)
    }

    /// Day number `n` plus `k` working days when the start and the answer lie inside the
    /// tables; `None` sends the call to the general path.
    #[inline(always)]
    pub(crate) fn add_fast(&self, n: i64, k: i64, options: &CalendarOptions) -> Option<i64> {
        self.tables.add_fast(n, k, options)
    }

    /// The jurisdiction this calendar was compiled for.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhengce::calendar::Calendar::builtin("cn-sh-putuo")?.jurisdiction(), "cn-sh-putuo");
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn jurisdiction(&self) -> &str {
        &self.jurisdiction
    }

    /// The ids of the data layers, national first (`["cn", "cn-xj"]` in Tianshan).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhengce::calendar::Calendar::builtin("cn-sh-putuo")?.layers(), ["cn"]);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn layers(&self) -> &[String] {
        &self.layers
    }

    /// The ranges every layer covers (sorted, disjoint): the dates this calendar answers
    /// without an assumption.
    ///
    /// # Example
    ///
    /// ```
    /// let cal = zhengce::calendar::Calendar::builtin("cn-xj-urumqi-tianshan")?;
    /// let ranges: Vec<String> = cal.coverage().iter().map(|p| format!("{}..{}", p.from, p.until)).collect();
    /// assert_eq!(ranges, ["2022-01-01..2026-12-31"]);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn coverage(&self) -> &[Period] {
        &self.coverage
    }

    /// True if every layer's data covers the date.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = zhengce::calendar::Calendar::builtin("cn-xj-urumqi-tianshan")?;
    /// assert!(cal.is_covered(NaiveDate::from_ymd_opt(2024, 3, 1).unwrap()));
    /// assert!(!cal.is_covered(NaiveDate::from_ymd_opt(2021, 3, 1).unwrap()));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn is_covered(&self, date: NaiveDate) -> bool {
        self.tables.is_covered(i64::from(day_number(date)))
    }

    pub(crate) fn out_of_coverage(&self, n: i64) -> Error {
        let date = from_day_number(n as i32).unwrap_or(NaiveDate::MAX);
        let from = self.coverage.first().map_or(NaiveDate::MIN, |p| p.from);
        let until = self.coverage.last().map_or(NaiveDate::MIN, |p| p.until);
        Error::new(ErrorKind::OutOfCoverage {
            date,
            calendar: self.jurisdiction.clone(),
            from,
            until,
            covered: self.coverage.clone(),
        })
    }

    /// Checks that every day of [a, b] is covered; the error names the first one that is not
    /// (the last one when `backward`).
    #[inline]
    pub(crate) fn check_range(&self, a: i64, b: i64, backward: bool) -> Result<()> {
        if let (Some(i), Some(j)) = (self.tables.slot(a), self.tables.slot(b))
            && self.tables.covers(i, j)
        {
            return Ok(());
        }
        Err(self.first_uncovered(a, b, backward))
    }

    #[cold]
    fn first_uncovered(&self, a: i64, b: i64, backward: bool) -> Error {
        self.out_of_coverage(self.tables.first_uncovered(a, b, backward))
    }

    #[inline]
    pub(crate) fn working_number(&self, n: i64, options: &CalendarOptions) -> Result<bool> {
        match self.tables.slot(n) {
            Some(i) => {
                let b = self.tables.info[i];
                if b & UNCOVERED == 0 || options.assume.is_some() {
                    Ok(b & WORKING != 0)
                } else {
                    Err(self.out_of_coverage(n))
                }
            }
            None if options.assume.is_some() => Ok(!is_weekend_number(n)),
            None => Err(self.out_of_coverage(n)),
        }
    }

    /// Day number `n` plus `k` working days (start not counted), with coverage checked.
    #[inline]
    pub(crate) fn add_number(&self, n: i64, k: i64, options: &CalendarOptions) -> Result<i64> {
        if let Some(t) = self.add_fast(n, k, options) {
            return Ok(t);
        }
        self.add_number_slow(n, k, options)
    }

    #[cold]
    fn add_number_slow(&self, n: i64, k: i64, options: &CalendarOptions) -> Result<i64> {
        let t = match k.cmp(&0) {
            std::cmp::Ordering::Greater => self.tables.day_of_rank(self.tables.rank_of(n + 1) + k - 1),
            std::cmp::Ordering::Less => self.tables.day_of_rank(self.tables.rank_of(n) + k),
            std::cmp::Ordering::Equal => n,
        };
        if options.assume.is_none() {
            if t >= n { self.check_range(n, t, false)? } else { self.check_range(t, n, true)? }
        }
        Ok(t)
    }

    /// Working days from day `a` to day `b`: start not counted, end counted.
    #[inline]
    pub(crate) fn between_numbers(&self, a: i64, b: i64, options: &CalendarOptions) -> Result<i64> {
        let (i, j) = (a.wrapping_sub(self.tables.lo), b.wrapping_sub(self.tables.lo));
        if (i as u64) < self.tables.len as u64 && (j as u64) < self.tables.len as u64 {
            let (i, j) = (i as usize, j as usize);
            let (sa, sb) = (self.tables.slots[i], self.tables.slots[j]);
            if self.tables.has_gaps && options.assume.is_none() {
                let (lo, hi) = if b >= a { (i, j) } else { (j, i) };
                if self.tables.gaps[hi + 1] != self.tables.gaps[lo] {
                    return Err(self.first_uncovered(a.min(b), a.max(b), b < a));
                }
            }
            return Ok(if b >= a {
                rank(sb) + working(sb) - rank(sa) - working(sa)
            } else {
                rank(sb) - rank(sa)
            });
        }
        if b >= a {
            if options.assume.is_none() {
                self.check_range(a, b, false)?;
            }
            Ok(self.tables.rank_of(b + 1) - self.tables.rank_of(a + 1))
        } else {
            if options.assume.is_none() {
                self.check_range(b, a, true)?;
            }
            Ok(self.tables.rank_of(b) - self.tables.rank_of(a))
        }
    }

    fn date(&self, n: i64, field: &str) -> Result<NaiveDate> {
        i32::try_from(n)
            .ok()
            .and_then(from_day_number)
            .ok_or_else(|| Error::invalid_input(field, n, "a result within the supported dates"))
    }

    /// The day's classification: its kind, festival and the layer that sets it.
    ///
    /// # Errors
    ///
    /// - `out_of_coverage` if the data does not cover the date and no assumption is given.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use zhengce::calendar::{Calendar, DayKind};
    ///
    /// let cal = Calendar::builtin("cn-xj-urumqi-tianshan")?;
    /// let day = cal.day(NaiveDate::from_ymd_opt(2023, 6, 28).unwrap(), &Default::default())?;
    /// assert_eq!((day.kind, day.festival.as_deref(), day.calendar.as_deref()),
    ///            (DayKind::StatutoryHoliday, Some("eid_al_adha"), Some("cn-xj")));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn day(&self, date: NaiveDate, options: &CalendarOptions) -> Result<Day> {
        if let Some(p) = self.statutory(options) {
            return p.day(date, &STRICT);
        }
        let n = i64::from(day_number(date));
        let working = self.working_number(n, options)?;
        Ok(match self.tables.slot(n) {
            Some(i) => {
                let f =
                    self.tables.festival[i].checked_sub(1).map(|f| &self.tables.festivals[usize::from(f)]);
                Day {
                    date,
                    kind: DayKind::from_code(self.tables.info[i]),
                    working,
                    festival: f.map(|f| f.key.clone()),
                    name: f.map(|f| f.name.clone()),
                    calendar: f.map(|f| f.layer.clone()),
                    notice: f.and_then(|f| f.notice.clone()),
                    source_quality: f.and_then(|f| f.quality),
                    assumed: self.tables.info[i] & (UNCOVERED | PROVISIONAL) != 0,
                    provisional: self.tables.info[i] & PROVISIONAL != 0,
                }
            }
            None => Day {
                date,
                kind: if working { DayKind::WorkingDay } else { DayKind::Weekend },
                working,
                festival: None,
                name: None,
                calendar: None,
                notice: None,
                source_quality: None,
                assumed: true,
                provisional: false,
            },
        })
    }

    /// Every day from `from` to `until` (both included), classified.
    ///
    /// # Errors
    ///
    /// - `out_of_coverage` for the first day the data does not cover, without an assumption.
    /// - `invalid_input` (field `until`) if `until` is before `from`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = zhengce::calendar::Calendar::builtin("cn")?;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let off: Vec<_> = cal.days(d(2, 1), d(2, 29), &Default::default())?
    ///     .into_iter().filter(|day| !day.working).map(|day| day.date.day()).collect();
    /// # use chrono::Datelike;
    /// assert_eq!(off, [3, 10, 11, 12, 13, 14, 15, 16, 17, 24, 25]);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn days(&self, from: NaiveDate, until: NaiveDate, options: &CalendarOptions) -> Result<Vec<Day>> {
        if let Some(p) = self.statutory(options) {
            return p.days(from, until, &STRICT);
        }
        if until < from {
            return Err(Error::invalid_input("until", until, format!("a date on or after {from}")));
        }
        from.iter_days().take_while(|d| *d <= until).map(|d| self.day(d, options)).collect()
    }

    /// True if the date is a working day: a Monday to Friday that no notice gives off, or a
    /// make-up working day.
    ///
    /// # Errors
    ///
    /// - `out_of_coverage` if the data does not cover the date and no assumption is given.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use zhengce::calendar::{Assume, Calendar, CalendarOptions};
    ///
    /// let cal = Calendar::builtin("cn")?;
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// assert!(cal.is_working_day(d(2024, 2, 4), &Default::default())?);   // a Sunday made a working day
    /// assert!(!cal.is_working_day(d(2024, 2, 12), &Default::default())?); // Spring Festival
    /// let err = cal.is_working_day(d(2027, 1, 4), &Default::default()).unwrap_err();
    /// assert_eq!(err.code(), "out_of_coverage");
    /// let assume = CalendarOptions { assume: Some(Assume::WeekendsOnly) };
    /// assert!(cal.is_working_day(d(2027, 1, 4), &assume)?); // a Monday, by assumption
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    #[inline]
    pub fn is_working_day(&self, date: NaiveDate, options: &CalendarOptions) -> Result<bool> {
        if let Some(p) = self.statutory(options) {
            return p.is_working_day(date, &STRICT);
        }
        self.working_number(i64::from(day_number(date)), options)
    }

    /// The first working day after the date (the date itself is not counted).
    ///
    /// # Errors
    ///
    /// - `out_of_coverage` if a day from the date to the answer is not covered, without an assumption.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = zhengce::calendar::Calendar::builtin("cn")?;
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// assert_eq!(cal.next_working_day(d(2024, 9, 30), &Default::default())?, d(2024, 10, 8));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn next_working_day(&self, date: NaiveDate, options: &CalendarOptions) -> Result<NaiveDate> {
        if let Some(p) = self.statutory(options) {
            return p.next_working_day(date, &STRICT);
        }
        self.add_working_days(date, 1, options)
    }

    /// The last working day before the date (the date itself is not counted).
    ///
    /// # Errors
    ///
    /// - `out_of_coverage` if a day from the answer to the date is not covered, without an assumption.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = zhengce::calendar::Calendar::builtin("cn")?;
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// assert_eq!(cal.previous_working_day(d(2024, 1, 2), &Default::default())?, d(2023, 12, 29));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn previous_working_day(&self, date: NaiveDate, options: &CalendarOptions) -> Result<NaiveDate> {
        if let Some(p) = self.statutory(options) {
            return p.previous_working_day(date, &STRICT);
        }
        self.add_working_days(date, -1, options)
    }

    /// The `n`-th working day after the date (before it, for negative `n`); the date itself is
    /// never counted, so `n = 0` returns the date.
    ///
    /// This is "N working days from the date" of 行政许可法 art 82: counted in working days,
    /// statutory holidays, swapped rest days and weekends excluded, make-up working days
    /// included. It takes O(1) time whatever `n` is.
    ///
    /// # Properties
    ///
    /// - `working_days_between(a, add_working_days(a, n)) == n` for every `a` and `n`.
    /// - `sub_working_days(add_working_days(a, n), n) == a` when `a` is a working day.
    /// - For `n != 0` the answer is a working day.
    ///
    /// # Errors
    ///
    /// - `out_of_coverage` naming the first day the data does not cover between the date and
    ///   the answer, without an assumption.
    /// - `invalid_input` (field `n`) if the answer is beyond the supported dates.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = zhengce::calendar::Calendar::builtin("cn")?;
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// // Filed Friday 2024-02-09, the eve of Spring Festival: 8 days off, then Sunday 18 Feb is worked.
    /// assert_eq!(cal.add_working_days(d(2024, 2, 9), 1, &Default::default())?, d(2024, 2, 18));
    /// assert_eq!(cal.add_working_days(d(2024, 2, 18), -1, &Default::default())?, d(2024, 2, 9));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    ///
    /// # Example: across the end of the data
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use zhengce::calendar::{Assume, Calendar, CalendarOptions};
    /// let cal = Calendar::builtin("cn")?;
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// let err = cal.add_working_days(d(2026, 12, 30), 3, &Default::default()).unwrap_err();
    /// assert_eq!(err.details()["date"], "2027-01-01");
    /// let assume = CalendarOptions { assume: Some(Assume::WeekendsOnly) };
    /// assert_eq!(cal.add_working_days(d(2026, 12, 30), 3, &assume)?, d(2027, 1, 4));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    #[inline]
    pub fn add_working_days(&self, date: NaiveDate, n: i32, options: &CalendarOptions) -> Result<NaiveDate> {
        if let Some(p) = self.statutory(options) {
            return p.add_working_days(date, n, &STRICT);
        }
        let t = self.add_number(i64::from(day_number(date)), i64::from(n), options)?;
        self.date(t, "n")
    }

    /// The `n`-th working day before the date: `add_working_days(date, -n)`.
    ///
    /// # Errors
    ///
    /// - As for [`Calendar::add_working_days`].
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = zhengce::calendar::Calendar::builtin("cn")?;
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// assert_eq!(cal.sub_working_days(d(2024, 10, 8), 2, &Default::default())?, d(2024, 9, 29));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    #[inline]
    pub fn sub_working_days(&self, date: NaiveDate, n: i32, options: &CalendarOptions) -> Result<NaiveDate> {
        if let Some(p) = self.statutory(options) {
            return p.sub_working_days(date, n, &STRICT);
        }
        let t = self.add_number(i64::from(day_number(date)), -i64::from(n), options)?;
        self.date(t, "n")
    }

    /// The working days met going from `from` to `to`: `from` is not counted and `to` is.
    ///
    /// Negative when `to` is before `from` (then the days of `[to, from)` are counted), so that
    /// `working_days_between(a, add_working_days(a, n)) == n` always holds.
    ///
    /// # Errors
    ///
    /// - `out_of_coverage` for the first day between the two dates the data does not cover,
    ///   without an assumption.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = zhengce::calendar::Calendar::builtin("cn")?;
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// assert_eq!(cal.working_days_between(d(2024, 1, 1), d(2024, 12, 31), &Default::default())?, 251);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    #[inline]
    pub fn working_days_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        options: &CalendarOptions,
    ) -> Result<i64> {
        if let Some(p) = self.statutory(options) {
            return p.working_days_between(from, to, &STRICT);
        }
        self.between_numbers(i64::from(day_number(from)), i64::from(day_number(to)), options)
    }
}
