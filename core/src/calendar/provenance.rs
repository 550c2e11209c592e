//! Where each day comes from: the notice that set it, and the calendar as it was known on a
//! date (before later notices and amendments).

use chrono::NaiveDate;

use super::calendar::{Assume, Calendar, CalendarOptions};
use super::data::{CalendarYear, HolidayBlock, NoticeSource, SourceQuality};
use super::day::DayKind;
use super::deadline::Deadline;
use crate::error::Result;

fn label(source: &NoticeSource) -> String {
    source.number.clone().unwrap_or_else(|| source.title.clone())
}

/// The notice a block's days come from: the block's own source, or its year's, followed by
/// the amendments that changed it ("国办发明电〔2019〕16号; amended by 国办发明电〔2020〕1号").
pub(crate) fn notice_label(year: &CalendarYear, block: &HolidayBlock) -> Option<String> {
    let mut out = label(block.source.as_ref().unwrap_or(&year.source));
    if year.source_quality.is_none() && year.source.title.contains("推定") {
        out += " (provisional)";
    }
    for a in &block.amended_by {
        out += "; amended by ";
        out += &label(a);
    }
    Some(out)
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
