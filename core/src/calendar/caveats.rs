//! What a count of days rests on beyond the published notices: provisional days (a year
//! computed from the law under `assume: statutory`) and days from a secondary-source year.

use chrono::NaiveDate;

use super::calendar::{Assume, Calendar, CalendarOptions};
use super::data::SourceQuality;
use super::day::DayKind;
use crate::error::Result;

/// The caveats of a count from `counted_from` (not counted) to `date`.
#[derive(Debug, Default)]
pub(crate) struct Caveats {
    /// Some day lies in a year computed from the law.
    pub provisional: bool,
    /// The provisional days off among them.
    pub provisional_days: Vec<NaiveDate>,
    /// The days set by a year whose only source is secondary.
    pub secondary_source_days: Vec<NaiveDate>,
}

/// The caveats of the days after `counted_from` up to `date`.
pub(crate) fn caveats(cal: &Calendar, counted_from: NaiveDate, date: NaiveDate) -> Result<Caveats> {
    let mut out = Caveats::default();
    if date <= counted_from {
        return Ok(out);
    }
    let first = counted_from.succ_opt().unwrap_or(counted_from);
    let lenient = CalendarOptions { assume: Some(Assume::WeekendsOnly) };
    for day in cal.days(first, date, &lenient)? {
        out.provisional |= day.provisional;
        if day.provisional && !day.working && day.kind != DayKind::Weekend {
            out.provisional_days.push(day.date);
        }
        if day.source_quality == Some(SourceQuality::Secondary) {
            out.secondary_source_days.push(day.date);
        }
    }
    Ok(out)
}

fn dates(days: &[NaiveDate]) -> String {
    days.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ")
}

/// The sentences that say a count is provisional or rests on a secondary source.
pub(crate) fn explain(
    provisional: bool,
    provisional_days: &[NaiveDate],
    secondary: &[NaiveDate],
    en: &mut String,
    zh: &mut String,
) {
    if provisional {
        if provisional_days.is_empty() {
            *en += ". PROVISIONAL: the count runs into a year whose notice is not in the data (assume: statutory); no statutory day falls in the period, but the notice may still swap days or add make-up working days";
            *zh += "。暂定：期间涉及尚无放假安排通知的年份（按法定节假日推定）；期间内无法定节假日，但通知仍可能调休或安排补班";
        } else {
            *en += &format!(
                ". PROVISIONAL: the count runs into a year whose notice is not in the data (assume: statutory); days off assumed from the law: {}; the notice may swap days or add make-up working days",
                dates(provisional_days)
            );
            *zh += &format!(
                "。暂定：期间涉及尚无放假安排通知的年份，按《全国年节及纪念日放假办法》推定的法定节假日：{}；以当年通知为准（调休、补班可能改变结果）",
                dates(provisional_days)
            );
        }
    }
    if !secondary.is_empty() {
        *en += &format!(
            ". The days {} come from a year whose only source is a secondary reprint of the notice",
            dates(secondary)
        );
        *zh += &format!("。其中{}的安排仅见于转载（非官方文本）", dates(secondary));
    }
}
