//! Where each day comes from: the notice that set it, and the calendar as it was known on a
//! date (before later notices and amendments).

use chrono::NaiveDate;

use super::Calendars;
use super::calendar::{Assume, Calendar, CalendarOptions};
use super::data::{CalendarYear, HolidayBlock, NoticeSource, SourceQuality};
use super::day::DayKind;
use super::deadline::Deadline;
use crate::catalogue::Period;
use crate::error::Result;

fn label(source: &NoticeSource) -> String {
    source.number.clone().unwrap_or_else(|| source.title.clone())
}

/// The notice a block's day comes from. With `amended`, the last amendment (the day differs
/// from the block's `original`); otherwise the block's own source, or its year's. A block
/// amended without its `original` recorded names both ("…; amended by …").
pub(crate) fn notice_label(year: &CalendarYear, block: &HolidayBlock, amended: bool) -> Option<String> {
    if amended && let Some(last) = block.amended_by.last() {
        return Some(label(last));
    }
    let mut out = label(block.source.as_ref().unwrap_or(&year.source));
    if year.source_quality.is_none() && year.source.title.contains("推定") {
        out += " (provisional)";
    }
    if block.original.is_none() {
        for a in &block.amended_by {
            out += "; amended by ";
            out += &label(a);
        }
    }
    Some(out)
}

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

/// Sets a deadline's provisional and secondary-source flags from the days it counted
/// (the day after the count's first day up to the deadline).
pub(crate) fn flag(cal: &Calendar, d: &mut Deadline) -> Result<()> {
    if d.date <= d.counted_from {
        return Ok(());
    }
    let first = d.counted_from.succ_opt().unwrap_or(d.counted_from);
    let lenient = CalendarOptions { assume: Some(Assume::WeekendsOnly) };
    let days = cal.days(first, d.date, &lenient)?;
    for day in &days {
        d.provisional |= day.provisional;
        if day.provisional && !day.working && day.kind != DayKind::Weekend {
            d.provisional_days.push(day.date);
        }
        if day.source_quality == Some(SourceQuality::Secondary) {
            d.secondary_source_days.push(day.date);
        }
    }
    d.assumed |= d.provisional;
    Ok(())
}

fn dates(days: &[NaiveDate]) -> String {
    days.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ")
}

/// The sentences that say a deadline is provisional or rests on a secondary source.
pub(crate) fn explain_flags(d: &Deadline, en: &mut String, zh: &mut String) {
    if d.provisional {
        if d.provisional_days.is_empty() {
            *en += ". PROVISIONAL: the count runs into a year whose notice is not in the data (assume: statutory); no statutory day falls in the period, but the notice may still swap days or add make-up working days";
            *zh += "。暂定：期间涉及尚无放假安排通知的年份（按法定节假日推定）；期间内无法定节假日，但通知仍可能调休或安排补班";
        } else {
            *en += &format!(
                ". PROVISIONAL: the count runs into a year whose notice is not in the data (assume: statutory); days off assumed from the law: {}; the notice may swap days or add make-up working days",
                dates(&d.provisional_days)
            );
            *zh += &format!(
                "。暂定：期间涉及尚无放假安排通知的年份，按《全国年节及纪念日放假办法》推定的法定节假日：{}；以当年通知为准（调休、补班可能改变结果）",
                dates(&d.provisional_days)
            );
        }
    }
    if !d.secondary_source_days.is_empty() {
        *en += &format!(
            ". The days {} come from a year whose only source is a secondary reprint of the notice",
            dates(&d.secondary_source_days)
        );
        *zh += &format!("。其中{}的安排仅见于转载（非官方文本）", dates(&d.secondary_source_days));
    }
}
