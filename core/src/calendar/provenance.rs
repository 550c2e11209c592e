//! Where each day comes from: the notice that set it, and the calendar as it was known on a
//! date (before later notices and amendments).

use chrono::NaiveDate;

use super::Calendars;
use super::data::NoticeSource;
use crate::catalogue::Period;

/// The day from which a notice counts as known: the day after the date it bears (notices are
/// released on that day or later: 国办发明电〔2020〕1号 is dated 2020-01-26 and was released on
/// the 27th). A notice whose date is unknown counts as known before the first day it sets.
fn known_from(source: &NoticeSource, first_day: Option<NaiveDate>) -> Option<NaiveDate> {
    match source.published {
        Some(p) => p.succ_opt(),
        None => first_day.and_then(|d| d.pred_opt()),
    }
}

impl Calendars {
    /// The calendar data as published on `date`: years whose notice was not yet known are
    /// left out (their dates become uncovered), blocks set by a later notice (the 2015
    /// victory day) are dropped, and blocks amended later are given back their `original`
    /// days. A notice counts as known from the day after the date it bears; one whose date is
    /// unknown, from before the first day it sets.
    ///
    /// # Example: the 2020 Spring Festival before and after its extension
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use zhengce::{Catalogue, calendar::Calendars};
    ///
    /// let d = |m, day| NaiveDate::from_ymd_opt(2020, m, day).unwrap();
    /// let cat = Catalogue::builtin();
    /// let before = Calendars::builtin().as_known_on(d(1, 26)).calendar(&cat, "cn")?;
    /// let after = Calendars::builtin().as_known_on(d(1, 27)).calendar(&cat, "cn")?;
    /// let strict = Default::default();
    /// // Before 27 January the holiday ended on the 30th and Saturday 1 February was worked.
    /// assert!(before.is_working_day(d(1, 31), &strict)? && before.is_working_day(d(2, 1), &strict)?);
    /// assert!(!after.is_working_day(d(1, 31), &strict)? && !after.is_working_day(d(2, 1), &strict)?);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn as_known_on(&self, date: NaiveDate) -> Calendars {
        let mut out = self.clone();
        for layer in &mut out.layers {
            let mut dropped: Vec<Period> = Vec::new();
            layer.years.retain(|year| {
                let first = year.holidays.iter().flat_map(|b| b.off.iter().chain(&b.work)).min().copied();
                let known = known_from(&year.source, first).is_none_or(|k| k <= date);
                if !known
                    && let (Some(a), Some(b)) =
                        (NaiveDate::from_ymd_opt(year.year, 1, 1), NaiveDate::from_ymd_opt(year.year, 12, 31))
                {
                    dropped.push(Period { from: a, until: b });
                }
                known
            });
            for year in &mut layer.years {
                year.holidays.retain(|b| {
                    let first = b.off.iter().chain(&b.work).min().copied();
                    b.source.as_ref().is_none_or(|s| known_from(s, first).is_none_or(|k| k <= date))
                });
                for block in &mut year.holidays {
                    let later = |s: &NoticeSource| known_from(s, None).is_some_and(|k| k > date);
                    if block.amended_by.iter().any(later) {
                        if let Some(original) = block.original.take() {
                            block.off = original.off;
                            block.work = original.work;
                        }
                        block.amended_by.retain(|s| !later(s));
                    }
                }
            }
            for p in dropped {
                layer.coverage = subtract(&layer.coverage, p);
            }
        }
        out
    }
}

/// Ranges minus one range.
fn subtract(ranges: &[Period], cut: Period) -> Vec<Period> {
    let mut out = Vec::new();
    for r in ranges {
        if r.until < cut.from || r.from > cut.until {
            out.push(*r);
            continue;
        }
        if r.from < cut.from
            && let Some(until) = cut.from.pred_opt()
        {
            out.push(Period { from: r.from, until });
        }
        if r.until > cut.until
            && let Some(from) = cut.until.succ_opt()
        {
            out.push(Period { from, until: r.until });
        }
    }
    out
}
