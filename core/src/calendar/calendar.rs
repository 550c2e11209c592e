//! A compiled working-day calendar for one jurisdiction: the national layer and the overlays
//! of its ancestors, flattened into day tables so that every operation is O(1).

use std::sync::{Arc, OnceLock};

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::data::{CalendarData, SourceQuality};
use super::day::{Day, DayKind};
use crate::catalogue::{Period, Text};
use crate::error::{Error, ErrorKind, Result};

/// An assumption a caller may opt into, per call, for dates the data does not cover.
///
/// # Example
///
/// ```
/// let a: zhengce::calendar::Assume = serde_json::from_str("\"weekends_only\"").unwrap();
/// assert_eq!(a, zhengce::calendar::Assume::WeekendsOnly);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Assume {
    /// Where a layer's data is missing, assume it declares no day off and no make-up day:
    /// Monday to Friday are working days. Days that other layers cover keep their data (a
    /// Xinjiang date of 2024 keeps the national 2024 holidays, without the regional festivals).
    WeekendsOnly,
    /// Where the national data is missing (a year whose State Council notice is not published
    /// yet), assume the statutory days of the law in force (全国年节及纪念日放假办法, computed by
    /// [`statutory_year`](super::statutory_year)) and no swap or make-up working day. Every day
    /// of such a year is *provisional*: [`Day::provisional`], and a deadline lists the
    /// provisional days off it counted past. A regional layer's missing year adds no regional
    /// day off (its festivals are set by the regional notice alone); its days are provisional
    /// too. Years from 2000 to three years after the data's last, within 2099.
    Statutory,
}

/// Options of the day and arithmetic calls.
///
/// # Example
///
/// ```
/// use zhengce::calendar::{Assume, CalendarOptions};
///
/// let strict = CalendarOptions::default();
/// assert!(strict.assume.is_none());
/// let lenient = CalendarOptions { assume: Some(Assume::WeekendsOnly) };
/// # let _ = lenient;
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CalendarOptions {
    /// What to assume for a date outside the data; `None` (the default) makes such a date an
    /// `out_of_coverage` error.
    #[serde(default)]
    pub assume: Option<Assume>,
}

/// Days since 1970-01-01 of a date (the epoch of numpy `datetime64[D]`, Arrow `date32` and
/// JavaScript `Date`).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use zhengce::calendar::{day_number, from_day_number};
///
/// let d = NaiveDate::from_ymd_opt(2024, 2, 4).unwrap();
/// assert_eq!(day_number(d), 19757);
/// assert_eq!(from_day_number(19757), Some(d));
/// assert_eq!(day_number(NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()), 0);
/// ```
pub fn day_number(date: NaiveDate) -> i32 {
    date.num_days_from_ce() - EPOCH_CE
}

/// The date of a day number (days since 1970-01-01); `None` outside the years 0001 to 9999
/// ([`is_supported_date`](crate::value::is_supported_date)).
///
/// # Example
///
/// ```
/// assert_eq!(zhengce::calendar::from_day_number(-1).unwrap().to_string(), "1969-12-31");
/// ```
pub fn from_day_number(days: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(days.checked_add(EPOCH_CE)?)
        .filter(|d| crate::value::is_supported_date(*d))
}

const EPOCH_CE: i32 = 719_163;

const WORKING: u8 = 8;
const UNCOVERED: u8 = 16;
/// The day lies in a year computed from the law, not read from a notice (`assume: statutory`).
const PROVISIONAL: u8 = 32;

/// Options that make a provisional calendar strict about its own (extended) coverage.
pub(crate) const STRICT: CalendarOptions = CalendarOptions { assume: None };

/// Weekdays in [0, n): day 0 (1970-01-01) is a Thursday.
fn weekdays_before(n: i64) -> i64 {
    const G: [i64; 7] = [0, 1, 2, 2, 2, 3, 4];
    5 * n.div_euclid(7) + G[n.rem_euclid(7) as usize]
}

/// The weekday with `k` weekdays before it (inverse of [`weekdays_before`] on weekdays).
fn kth_weekday(k: i64) -> i64 {
    const H: [i64; 5] = [0, 1, 4, 5, 6];
    7 * k.div_euclid(5) + H[k.rem_euclid(5) as usize]
}

/// The working days before a day, from its slot.
#[inline]
fn rank(slot: u32) -> i64 {
    i64::from(slot >> 8)
}

/// 1 if the slot's day is a working day.
#[inline]
fn working(slot: u32) -> i64 {
    i64::from(slot as u8 & WORKING != 0)
}

fn is_weekend_number(n: i64) -> bool {
    (n + 3).rem_euclid(7) >= 5
}

/// A festival named by some day of the table.
#[derive(Debug, Clone)]
struct Festival {
    key: String,
    name: Text,
    layer: String,
    quality: Option<SourceQuality>,
    notice: Option<String>,
}

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
    /// Day number of the first day of the tables.
    lo: i64,
    /// Days in the tables.
    len: usize,
    /// Per day: kind code (bits 0-2), WORKING, UNCOVERED; a copy of the slots' low byte that
    /// fits in the L1 cache for day queries.
    info: Vec<u8>,
    /// Per day, and one sentinel past the end: the working days before it (bits 8-31) and its
    /// kind code with the WORKING and UNCOVERED flags (bits 0-7). One load answers a day's rank.
    slots: Vec<u32>,
    /// Per day, and one past the end: the uncovered days before it; read only if `has_gaps`.
    gaps: Vec<u32>,
    /// True if some day of the tables is not covered by every layer.
    has_gaps: bool,
    /// The rank-to-day index: the offset of each working day, in order.
    work: Vec<u32>,
    /// Per day: 1 + index into `festivals`, or 0.
    festival: Vec<u16>,
    festivals: Vec<Festival>,
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

    /// True if some day of [a, b] lies in a year computed from the law (only a provisional
    /// calendar has such days).
    pub(crate) fn provisional_in(&self, a: i64, b: i64) -> bool {
        let (lo, hi) = ((a.min(b) - self.lo).max(0), (a.max(b) - self.lo).min(self.len as i64 - 1));
        (lo..=hi).any(|i| self.info[i as usize] & PROVISIONAL != 0)
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
        let lo = layers.iter().filter_map(|l| l.coverage.first()).map(|p| p.from).min();
        let hi = layers.iter().filter_map(|l| l.coverage.last()).map(|p| p.until).max();
        let (lo, len) = match (lo, hi) {
            (Some(lo), Some(hi)) if lo <= hi => (
                i64::from(day_number(lo)),
                (i64::from(day_number(hi)) - i64::from(day_number(lo)) + 1) as usize,
            ),
            _ => (0, 0),
        };
        let mut info = vec![0u8; len];
        for (i, b) in info.iter_mut().enumerate() {
            *b = if is_weekend_number(lo + i as i64) {
                DayKind::Weekend.code()
            } else {
                DayKind::WorkingDay.code()
            };
        }
        let mut festival = vec![0u16; len];
        let mut festivals: Vec<Festival> = Vec::new();
        let at = |d: NaiveDate| -> Option<usize> {
            let i = i64::from(day_number(d)) - lo;
            (0..len as i64).contains(&i).then_some(i as usize)
        };
        for layer in layers {
            // One festival entry per block (two for an amended block: the year's notice and the
            // amendment), made once: every pass below walks the blocks in the same order.
            let mut entry =
                |year: &super::data::CalendarYear, block: &super::data::HolidayBlock, amended: bool| {
                    festivals.push(Festival {
                        key: block.festival.clone(),
                        name: block.name.clone(),
                        layer: layer.id.clone(),
                        quality: year.source_quality,
                        notice: super::data::notice_label(year, block, amended),
                    });
                    festivals.len() as u16
                };
            let blocks = || layer.years.iter().flat_map(|y| y.holidays.iter().map(move |h| (y, h)));
            let ids: Vec<(u16, u16)> = blocks()
                .map(|(year, block)| {
                    let f0 = entry(year, block, false);
                    (f0, if block.original.is_some() { entry(year, block, true) } else { f0 })
                })
                .collect();
            for ((_, block), &(f0, fa)) in blocks().zip(&ids) {
                for d in &block.off {
                    let f = if block.original.as_ref().is_some_and(|o| !o.off.contains(d)) { fa } else { f0 };
                    if let Some(i) = at(*d)
                        && DayKind::from_code(info[i]) != DayKind::StatutoryHoliday
                    {
                        let weekend = is_weekend_number(lo + i as i64);
                        info[i] =
                            if weekend { DayKind::Weekend.code() } else { DayKind::SwappedRestDay.code() };
                        festival[i] = f;
                    }
                }
            }
            for ((_, block), &(f, _)) in blocks().zip(&ids) {
                for d in &block.statutory {
                    if let Some(i) = at(*d) {
                        info[i] = DayKind::StatutoryHoliday.code();
                        festival[i] = f;
                    }
                }
            }
            for ((_, block), &(f0, fa)) in blocks().zip(&ids) {
                for d in &block.work {
                    let f =
                        if block.original.as_ref().is_some_and(|o| !o.work.contains(d)) { fa } else { f0 };
                    if let Some(i) = at(*d) {
                        info[i] = DayKind::MakeUpWorkingDay.code();
                        festival[i] = f;
                    }
                }
            }
        }
        for p in provisional {
            let (a, b) = (i64::from(day_number(p.from)) - lo, i64::from(day_number(p.until)) - lo);
            for i in a.max(0)..=b.min(len as i64 - 1) {
                info[i as usize] |= PROVISIONAL;
            }
        }
        let mut slots = Vec::with_capacity(len + 1);
        let mut gaps = Vec::with_capacity(len + 1);
        let mut work = Vec::new();
        let (mut r, mut g) = (0u32, 0u32);
        let mut next_cover = coverage.iter().peekable();
        for (i, b) in info.iter_mut().enumerate() {
            let day = lo + i as i64;
            while next_cover.peek().is_some_and(|p| i64::from(day_number(p.until)) < day) {
                next_cover.next();
            }
            let covered = next_cover.peek().is_some_and(|p| i64::from(day_number(p.from)) <= day);
            if !covered {
                *b |= UNCOVERED;
            }
            if DayKind::from_code(*b).is_working() {
                *b |= WORKING;
                work.push(i as u32);
            }
            slots.push(r << 8 | u32::from(*b));
            gaps.push(g);
            r += u32::from(*b & WORKING != 0);
            g += u32::from(!covered);
        }
        slots.push(r << 8 | u32::from(UNCOVERED));
        gaps.push(g);
        Calendar {
            jurisdiction: jurisdiction.to_owned(),
            layers: layers.iter().map(|l| l.id.clone()).collect(),
            coverage,
            lo,
            len,
            info,
            slots,
            gaps,
            has_gaps: g > 0,
            work,
            festival,
            festivals,
            source: None,
            provisional: OnceLock::new(),
        }
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
        self.slot(i64::from(day_number(date))).is_some_and(|i| self.info[i] & UNCOVERED == 0)
    }

    fn slot(&self, n: i64) -> Option<usize> {
        let i = n.wrapping_sub(self.lo);
        (i >= 0 && (i as usize) < self.len).then_some(i as usize)
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
        if let (Some(i), Some(j)) = (self.slot(a), self.slot(b))
            && self.gaps[j + 1] == self.gaps[i]
        {
            return Ok(());
        }
        Err(self.first_uncovered(a, b, backward))
    }

    #[cold]
    fn first_uncovered(&self, a: i64, b: i64, backward: bool) -> Error {
        let covered = |n: i64| self.slot(n).is_some_and(|i| self.info[i] & UNCOVERED == 0);
        let found =
            if backward { (a..=b).rev().find(|&n| !covered(n)) } else { (a..=b).find(|&n| !covered(n)) };
        self.out_of_coverage(found.unwrap_or(a))
    }

    /// Working days in the table's terms before day `n` (negative before the table).
    #[inline]
    pub(crate) fn rank_of(&self, n: i64) -> i64 {
        let len = self.len as i64;
        let i = n - self.lo;
        if i < 0 {
            weekdays_before(n) - weekdays_before(self.lo)
        } else if i <= len {
            rank(self.slots[i as usize])
        } else {
            rank(self.slots[len as usize]) + weekdays_before(n) - weekdays_before(self.lo + len)
        }
    }

    /// The working day with `k` working days before it.
    #[inline]
    pub(crate) fn day_of_rank(&self, k: i64) -> i64 {
        let total = self.work.len() as i64;
        if k < 0 {
            kth_weekday(k + weekdays_before(self.lo))
        } else if k < total {
            self.lo + i64::from(self.work[k as usize])
        } else {
            let end = self.lo + self.len as i64;
            kth_weekday(k - total + weekdays_before(end))
        }
    }

    /// The working flag of a day in the tables that needs no assumption (or has one).
    #[inline]
    pub(crate) fn working_fast(&self, n: i64, options: &CalendarOptions) -> Option<bool> {
        let i = n.wrapping_sub(self.lo);
        if (i as u64) < self.len as u64 {
            let b = self.info[i as usize];
            if b & UNCOVERED == 0 || options.assume.is_some() {
                return Some(b & WORKING != 0);
            }
        }
        None
    }

    #[inline]
    pub(crate) fn working_number(&self, n: i64, options: &CalendarOptions) -> Result<bool> {
        match self.slot(n) {
            Some(i) => {
                let b = self.info[i];
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

    /// The answer when the start and the answer lie inside the tables: two loads (three with
    /// gaps in the data); `None` sends the call to the general path.
    #[inline(always)]
    pub(crate) fn add_fast(&self, n: i64, k: i64, options: &CalendarOptions) -> Option<i64> {
        let i = n.wrapping_sub(self.lo);
        if (i as u64) >= self.len as u64 {
            return None;
        }
        // `slots` has a sentinel after the last day, so `i < len` is in bounds.
        let s = *self.slots.get(i as usize)?;
        let strict = self.has_gaps && options.assume.is_none();
        if k == 0 {
            // Adding no working days leaves the day as it is, if the day is covered.
            return (!strict || self.info[i as usize] & UNCOVERED == 0).then_some(n);
        }
        let r = if k > 0 { rank(s) + working(s) + k - 1 } else { rank(s) + k };
        let t = *self.work.get(usize::try_from(r).ok()?)? as usize;
        if strict {
            let (from, to) = if k > 0 { (i as usize, t) } else { (t, i as usize) };
            if self.gaps[to + 1] != self.gaps[from] {
                return None;
            }
        }
        Some(self.lo + t as i64)
    }

    #[cold]
    fn add_number_slow(&self, n: i64, k: i64, options: &CalendarOptions) -> Result<i64> {
        let t = match k.cmp(&0) {
            std::cmp::Ordering::Greater => self.day_of_rank(self.rank_of(n + 1) + k - 1),
            std::cmp::Ordering::Less => self.day_of_rank(self.rank_of(n) + k),
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
        let (i, j) = (a.wrapping_sub(self.lo), b.wrapping_sub(self.lo));
        if (i as u64) < self.len as u64 && (j as u64) < self.len as u64 {
            let (i, j) = (i as usize, j as usize);
            let (sa, sb) = (self.slots[i], self.slots[j]);
            if self.has_gaps && options.assume.is_none() {
                let (lo, hi) = if b >= a { (i, j) } else { (j, i) };
                if self.gaps[hi + 1] != self.gaps[lo] {
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
            Ok(self.rank_of(b + 1) - self.rank_of(a + 1))
        } else {
            if options.assume.is_none() {
                self.check_range(b, a, true)?;
            }
            Ok(self.rank_of(b) - self.rank_of(a))
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
        Ok(match self.slot(n) {
            Some(i) => {
                let f = self.festival[i].checked_sub(1).map(|f| &self.festivals[usize::from(f)]);
                Day {
                    date,
                    kind: DayKind::from_code(self.info[i]),
                    working,
                    festival: f.map(|f| f.key.clone()),
                    name: f.map(|f| f.name.clone()),
                    calendar: f.map(|f| f.layer.clone()),
                    notice: f.and_then(|f| f.notice.clone()),
                    source_quality: f.and_then(|f| f.quality),
                    assumed: self.info[i] & (UNCOVERED | PROVISIONAL) != 0,
                    provisional: self.info[i] & PROVISIONAL != 0,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekday_counts_match_a_walk() {
        let mut count = 0;
        for n in -30..60i64 {
            assert_eq!(weekdays_before(n) - weekdays_before(-30), count, "n = {n}");
            if !is_weekend_number(n) {
                assert_eq!(kth_weekday(weekdays_before(n)), n);
                count += 1;
            }
        }
        assert!(!is_weekend_number(0), "1970-01-01 was a Thursday");
        assert!(is_weekend_number(2) && is_weekend_number(3));
    }
}
