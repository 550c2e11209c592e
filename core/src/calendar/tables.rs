//! The day tables of a compiled calendar: per day its kind, working flag and coverage, the
//! working days before it (a prefix count) and the index from rank to day, so that a query is
//! one or two loads whatever the number of days.

use chrono::NaiveDate;

use super::data::{CalendarData, CalendarYear, HolidayBlock, SourceQuality, notice_label};
use super::day::DayKind;
use super::day_number::{day_number, is_weekend_number, kth_weekday, weekdays_before};
use super::options::CalendarOptions;
use crate::catalogue::{Period, Text};

/// The day is a working day.
pub(super) const WORKING: u8 = 8;
/// Some layer's data does not cover the day.
pub(super) const UNCOVERED: u8 = 16;
/// The day lies in a year computed from the law, not read from a notice (`assume: statutory`).
pub(super) const PROVISIONAL: u8 = 32;

/// The working days before a day, from its slot.
#[inline]
pub(super) fn rank(slot: u32) -> i64 {
    i64::from(slot >> 8)
}

/// 1 if the slot's day is a working day.
#[inline]
pub(super) fn working(slot: u32) -> i64 {
    i64::from(slot as u8 & WORKING != 0)
}

/// A festival named by some day of the table.
#[derive(Debug, Clone)]
pub(super) struct Festival {
    pub(super) key: String,
    pub(super) name: Text,
    pub(super) layer: String,
    pub(super) quality: Option<SourceQuality>,
    pub(super) notice: Option<String>,
}

/// The day tables over the range the layers cover (and the gaps between them).
#[derive(Debug, Clone)]
pub(super) struct Tables {
    /// Day number of the first day of the tables.
    pub(super) lo: i64,
    /// Days in the tables.
    pub(super) len: usize,
    /// Per day: kind code (bits 0-2), WORKING, UNCOVERED; a copy of the slots' low byte that
    /// fits in the L1 cache for day queries.
    pub(super) info: Vec<u8>,
    /// Per day, and one sentinel past the end: the working days before it (bits 8-31) and its
    /// kind code with the WORKING and UNCOVERED flags (bits 0-7). One load answers a day's rank.
    pub(super) slots: Vec<u32>,
    /// Per day, and one past the end: the uncovered days before it; read only if `has_gaps`.
    pub(super) gaps: Vec<u32>,
    /// True if some day of the tables is not covered by every layer.
    pub(super) has_gaps: bool,
    /// The rank-to-day index: the offset of each working day, in order.
    pub(super) work: Vec<u32>,
    /// Per day: 1 + index into `festivals`, or 0.
    pub(super) festival: Vec<u16>,
    /// The festivals the days name.
    pub(super) festivals: Vec<Festival>,
}

impl Tables {
    /// Compiles the layers (root first) over `coverage`, the ranges every layer covers; days
    /// in `provisional` are flagged provisional.
    pub(super) fn compile(layers: &[&CalendarData], provisional: &[Period], coverage: &[Period]) -> Tables {
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
            let mut entry = |year: &CalendarYear, block: &HolidayBlock, amended: bool| {
                festivals.push(Festival {
                    key: block.festival.clone(),
                    name: block.name.clone(),
                    layer: layer.id.clone(),
                    quality: year.source_quality,
                    notice: notice_label(year, block, amended),
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
        Tables { lo, len, info, slots, gaps, has_gaps: g > 0, work, festival, festivals }
    }

    /// The index of day `n` in the tables.
    #[inline]
    pub(super) fn slot(&self, n: i64) -> Option<usize> {
        let i = n.wrapping_sub(self.lo);
        (i >= 0 && (i as usize) < self.len).then_some(i as usize)
    }

    /// True if day `n` lies in the tables and every layer covers it.
    pub(super) fn is_covered(&self, n: i64) -> bool {
        self.slot(n).is_some_and(|i| self.info[i] & UNCOVERED == 0)
    }

    /// True if some day of [a, b] lies in a year computed from the law (only a provisional
    /// calendar has such days).
    pub(super) fn provisional_in(&self, a: i64, b: i64) -> bool {
        let (lo, hi) = ((a.min(b) - self.lo).max(0), (a.max(b) - self.lo).min(self.len as i64 - 1));
        (lo..=hi).any(|i| self.info[i as usize] & PROVISIONAL != 0)
    }

    /// True if every day of [i, j] (indices in the tables, `j < len`) is covered.
    #[inline]
    pub(super) fn covers(&self, i: usize, j: usize) -> bool {
        self.gaps[j + 1] == self.gaps[i]
    }

    /// The first day of [a, b] not covered (the last one when `backward`), or `a`.
    pub(super) fn first_uncovered(&self, a: i64, b: i64, backward: bool) -> i64 {
        let found = if backward {
            (a..=b).rev().find(|&n| !self.is_covered(n))
        } else {
            (a..=b).find(|&n| !self.is_covered(n))
        };
        found.unwrap_or(a)
    }

    /// Working days in the table's terms before day `n` (negative before the table).
    #[inline]
    pub(super) fn rank_of(&self, n: i64) -> i64 {
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
    pub(super) fn day_of_rank(&self, k: i64) -> i64 {
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
    pub(super) fn working_fast(&self, n: i64, options: &CalendarOptions) -> Option<bool> {
        let i = n.wrapping_sub(self.lo);
        if (i as u64) < self.len as u64 {
            let b = self.info[i as usize];
            if b & UNCOVERED == 0 || options.assume.is_some() {
                return Some(b & WORKING != 0);
            }
        }
        None
    }

    /// The answer when the start and the answer lie inside the tables: two loads (three with
    /// gaps in the data); `None` sends the call to the general path.
    #[inline(always)]
    pub(super) fn add_fast(&self, n: i64, k: i64, options: &CalendarOptions) -> Option<i64> {
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
}
