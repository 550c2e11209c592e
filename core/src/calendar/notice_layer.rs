//! A parsed notice as calendar data: checked against the year already in the data, or
//! amending its festival's block, or added as a new year of its layer
//! ([`Calendars::layered_notice`]).

use chrono::NaiveDate;

use super::Calendars;
use super::data::{BlockDays, CalendarData, CalendarYear, HolidayBlock};
use super::notice::{Notice, parse_notice, problem};
use crate::catalogue::{Period, Text};
use crate::error::{Error, ErrorKind, Problem, Result};

/// Sorted days of a block list: (off, work).
fn day_sets(blocks: &[HolidayBlock]) -> (Vec<NaiveDate>, Vec<NaiveDate>) {
    let mut off: Vec<NaiveDate> = blocks.iter().flat_map(|b| b.off.iter().copied()).collect();
    let mut work: Vec<NaiveDate> = blocks.iter().flat_map(|b| b.work.iter().copied()).collect();
    off.sort();
    off.dedup();
    work.sort();
    work.dedup();
    (off, work)
}

fn list(days: &[NaiveDate]) -> String {
    if days.is_empty() {
        "none".to_owned()
    } else {
        days.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ")
    }
}

/// The year a notice gives, applied to the year in the data (if any): an annual notice
/// replaces nothing and must agree, festival by festival, with a year already present; an
/// amendment rewrites its festival's block.
fn apply(notice: &Notice, existing: Option<&CalendarYear>) -> Result<Option<CalendarYear>> {
    if notice.amendment {
        let Some(year) = existing else {
            return Err(problem(
                "unreadable_sentence",
                &notice.source.title,
                format!("expected the {} notice that this one amends to be in the data first", notice.year),
            ));
        };
        let mut out = year.clone();
        for nb in &notice.blocks {
            let Some(block) = out.holidays.iter_mut().find(|b| b.festival == nb.festival) else {
                return Err(problem(
                    "unknown_festival",
                    &notice.source.title,
                    format!("expected a {} block in the {} data to amend", nb.festival, notice.year),
                ));
            };
            let extension = nb.note.as_ref().is_some_and(|n| n.en.starts_with("holiday extended"));
            let (off, work) = if extension {
                let end = *nb.off.last().expect("an extension names its end");
                let start = *block.off.first().unwrap_or(&end);
                let off: Vec<NaiveDate> = start.iter_days().take_while(|d| *d <= end).collect();
                let work = block.work.iter().copied().filter(|d| !off.contains(d)).collect();
                (off, work)
            } else {
                (nb.off.clone(), nb.work.clone())
            };
            if block.off == off && block.work == work {
                return Ok(None); // already applied
            }
            if block.original.is_none() {
                block.original = Some(BlockDays { off: block.off.clone(), work: block.work.clone() });
            }
            block.off = off;
            block.work = work;
            block.amended_by.push(notice.source.clone());
        }
        return Ok(Some(out));
    }
    if let Some(year) = existing {
        // Compared festival by festival: a text of some items is checked on those items.
        let named: Vec<&str> = notice.blocks.iter().map(|b| b.festival.as_str()).collect();
        let same_festivals: Vec<HolidayBlock> =
            year.holidays.iter().filter(|b| named.contains(&b.festival.as_str())).cloned().collect();
        let (have_off, have_work) = day_sets(&same_festivals);
        let (new_off, new_work) = day_sets(&notice.blocks);
        let diff = |a: &[NaiveDate], b: &[NaiveDate]| {
            a.iter().copied().filter(|d| !b.contains(d)).collect::<Vec<_>>()
        };
        let problems: Vec<Problem> = [
            ("days off only in the notice", diff(&new_off, &have_off)),
            ("days off only in the data", diff(&have_off, &new_off)),
            ("working days only in the notice", diff(&new_work, &have_work)),
            ("working days only in the data", diff(&have_work, &new_work)),
        ]
        .into_iter()
        .filter(|(_, d)| !d.is_empty())
        .map(|(what, d)| {
            Problem::new(
                "contradicts_data",
                format!("notice:{}", notice.year),
                format!(
                    "the {} notice contradicts the {} data in the calendar: {what}: {}",
                    notice.year,
                    notice.layer,
                    list(&d)
                ),
            )
        })
        .collect();
        if !problems.is_empty() {
            return Err(Error::new(ErrorKind::InvalidCalendar { problems }));
        }
        return Ok(None);
    }
    Ok(Some(CalendarYear {
        year: notice.year,
        source_quality: None,
        source: notice.source.clone(),
        holidays: notice.blocks.clone(),
    }))
}

/// An empty layer for a notice's layer id (`cn`, or `cn-xj` drawn over `cn`).
fn new_layer(id: &str) -> CalendarData {
    let (zh, en, extends) = match id {
        "cn-xj" => (
            "新疆维吾尔自治区少数民族习惯节日放假",
            "Xinjiang Uygur Autonomous Region: ethnic-minority festival days off",
            Some("cn".to_owned()),
        ),
        _ => ("全国法定节假日与调休", "National statutory holidays and working-day swaps", None),
    };
    CalendarData {
        id: id.to_owned(),
        name: Text::new(zh, en),
        jurisdiction: id.to_owned(),
        extends,
        coverage: Vec::new(),
        rules: Vec::new(),
        years: Vec::new(),
    }
}

/// The layer data that adds `year` to layer `id` (coverage: the year, and any December day
/// of the year before that the notice names).
fn layer_data(base: &CalendarData, year: CalendarYear) -> CalendarData {
    let first = year.holidays.iter().flat_map(|b| b.off.iter().chain(&b.work)).min().copied();
    let jan1 = NaiveDate::from_ymd_opt(year.year, 1, 1).unwrap_or_default();
    let from = first.map_or(jan1, |f| f.min(jan1));
    let until = NaiveDate::from_ymd_opt(year.year, 12, 31).unwrap_or_default();
    CalendarData {
        id: base.id.clone(),
        name: base.name.clone(),
        jurisdiction: base.jurisdiction.clone(),
        extends: base.extends.clone(),
        coverage: vec![Period { from, until }],
        rules: Vec::new(),
        years: vec![year],
    }
}

impl Calendars {
    /// A new set with the days of a holiday notice's text added: an annual State Council
    /// notice adds its year to the national layer, a Xinjiang regional notice to `cn-xj`, an
    /// amendment (调整…, 延长…) rewrites its festival's block. A notice for a year already in
    /// the data must agree with it, day for day; then the set is returned unchanged. See
    /// [`parse_notice`] for the grammar read; [`Notice::days`] gives each day's sentence.
    ///
    /// # Errors
    ///
    /// - `invalid_calendar` with the problems of [`parse_notice`];
    /// - `contradicts_data` problems listing the days off and working days that differ, for a
    ///   notice of a year already in the data;
    /// - `invalid_calendar` (`dangling_reference`) for a Xinjiang notice on a set without the
    ///   national layer. A set without the notice's layer gets one.
    ///
    /// # Example: a 2027 notice read in, then a provisional-free deadline
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use zhengce::{Catalogue, calendar::Calendars};
    ///
    /// let text = "国务院办公厅关于2027年部分节假日安排的通知
    /// 一、元旦：1月1日（周五）至3日（周日）放假，共3天。";
    /// let calendars = Calendars::builtin().layered_notice(text)?;
    /// let cal = calendars.calendar(&Catalogue::builtin(), "cn-sh-putuo")?;
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// assert_eq!(cal.add_working_days(d(2026, 12, 31), 1, &Default::default())?, d(2027, 1, 4));
    ///
    /// // The 2024 notice again, with a day changed: refused, naming the days.
    /// let wrong = "国务院办公厅关于2024年部分节假日安排的通知\n四、劳动节：5月1日至4日放假调休，共4天。";
    /// let err = Calendars::builtin().layered_notice(wrong).unwrap_err();
    /// assert_eq!(err.problems()[0].code, "contradicts_data");
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn layered_notice(&self, text: &str) -> Result<Calendars> {
        let notice = parse_notice(text)?;
        // A set without the notice's layer gets it (an empty set, or one without Xinjiang).
        let fresh;
        let layer = match self.layer(&notice.layer) {
            Ok(layer) => layer,
            Err(_) => {
                fresh = new_layer(&notice.layer);
                &fresh
            }
        };
        let existing = layer.years.iter().find(|y| y.year == notice.year);
        match apply(&notice, existing)? {
            None => Ok(self.clone()),
            Some(year) => self.merge(Some(layer_data(layer, year)), Vec::new()),
        }
    }
}
