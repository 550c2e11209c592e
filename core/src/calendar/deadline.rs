//! Deadlines: a time limit in working days, calendar days or hours from a start date, with an
//! explanation naming the clause, the conventions and every day skipped.

use chrono::{Datelike, NaiveDate, TimeDelta, Weekday};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::calendar::Calendar;
use super::data::SourceQuality;
use super::day::{Day, DayKind};
use super::day_number::day_number;
use super::options::{Assume, CalendarOptions};
use crate::catalogue::{Citation, ParameterUse, Text};
use crate::error::{Error, Result};

/// The unit of a time limit, from its parameter's unit.
///
/// # Example
///
/// ```
/// use zhengce::calendar::TimeUnit;
/// assert_eq!(TimeUnit::from_unit("working_days"), Some(TimeUnit::WorkingDays));
/// assert_eq!(TimeUnit::from_unit("yuan"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TimeUnit {
    /// Working days (工作日): weekends, statutory holidays and swapped rest days excluded.
    WorkingDays,
    /// Calendar days (日, 自然日), rolled to the next working day if the last one is a rest day.
    CalendarDays,
    /// Hours (小时), run continuously.
    Hours,
}

impl TimeUnit {
    /// The unit named by a parameter's `unit`: `working_days`, `calendar_days` or `hours`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhengce::calendar::TimeUnit::from_unit("hours"), Some(zhengce::calendar::TimeUnit::Hours));
    /// ```
    pub fn from_unit(unit: &str) -> Option<TimeUnit> {
        match unit {
            "working_days" => Some(TimeUnit::WorkingDays),
            "calendar_days" => Some(TimeUnit::CalendarDays),
            "hours" => Some(TimeUnit::Hours),
            _ => None,
        }
    }

    /// The unit's snake_case name, as in JSON and parameter units.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhengce::calendar::TimeUnit::CalendarDays.as_str(), "calendar_days");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            TimeUnit::WorkingDays => "working_days",
            TimeUnit::CalendarDays => "calendar_days",
            TimeUnit::Hours => "hours",
        }
    }
}

/// How a start on a rest day is treated.
///
/// # Example
///
/// ```
/// let r: zhengce::calendar::RestDayStart = serde_json::from_str("\"next_working_day\"").unwrap();
/// assert_eq!(r, zhengce::calendar::RestDayStart::NextWorkingDay);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RestDayStart {
    /// The period runs from the day given, whatever its kind (the start day is never counted,
    /// so a Saturday start and a Friday start give the same working-day deadline).
    #[default]
    AsGiven,
    /// A start on a rest day is taken as received (受理) on the next working day, and the
    /// period runs from that day: the practice of offices that accept filings only on working
    /// days, and what chinese-calendar's `find_workday` computes.
    NextWorkingDay,
}

/// Options of a deadline computation.
///
/// # Example
///
/// ```
/// let o: zhengce::calendar::DeadlineOptions =
///     serde_json::from_str(r#"{"assume": "weekends_only", "rest_day_start": "next_working_day"}"#).unwrap();
/// assert!(o.assume.is_some());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeadlineOptions {
    /// What to assume for dates outside the data; `None` makes them an `out_of_coverage` error.
    #[serde(default)]
    pub assume: Option<Assume>,
    /// How a start on a rest day is treated.
    #[serde(default)]
    pub rest_day_start: RestDayStart,
}

/// A deadline, with what it was computed from and why.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let due = zhengce::Context::builtin().deadline("business-opening", d(2023, 6, 27),
///     "cn-xj-urumqi-tianshan", &Default::default())?;
/// assert_eq!(due.date, d(2023, 7, 4));
/// assert_eq!(due.source.unwrap().clause.as_deref(), Some("tianshan-2022-87/58"));
/// assert_eq!(due.skipped.len(), 5); // 古尔邦节 28-30 June, then the weekend
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Deadline {
    /// The last day to act: the time limit expires at the end of it.
    #[serde(with = "crate::value::iso_date")]
    #[schemars(with = "NaiveDate")]
    pub date: NaiveDate,
    /// The date of the event the period starts from (not counted).
    #[serde(with = "crate::value::iso_date")]
    #[schemars(with = "NaiveDate")]
    pub start: NaiveDate,
    /// The day the count runs from: the start, or the next working day when a start on a rest
    /// day is taken as received then.
    #[serde(with = "crate::value::iso_date")]
    #[schemars(with = "NaiveDate")]
    pub counted_from: NaiveDate,
    /// The length of the limit.
    pub duration: u32,
    /// Its unit.
    pub unit: TimeUnit,
    /// For calendar days: the last day before any roll-over to a working day.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::value::opt_iso_date")]
    #[schemars(with = "Option<NaiveDate>")]
    pub nominal_end: Option<NaiveDate>,
    /// The jurisdiction whose calendar counted the days.
    pub jurisdiction: String,
    /// The calendar layers used, national first.
    pub calendar: Vec<String>,
    /// Every non-working day after the count's first day up to the deadline, classified.
    pub skipped: Vec<Day>,
    /// The laws behind the counting conventions.
    pub basis: Vec<Citation>,
    /// The time-limit rule, when the deadline comes from the catalogue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// The service's key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// The rule's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// The clause that sets the limit, with its words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Citation>,
    /// The duration parameter's value in force on the start date, with its source (or the
    /// scenario whose override supplied it, when evaluated under a scenario).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameter: Option<ParameterUse>,
    /// True if the clause limits the average over cases rather than each case.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub average: bool,
    /// True if some day was classified by the caller's assumption, not by the data.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub assumed: bool,
    /// True if the count ran through a year computed from the law (`assume: statutory`): the
    /// date holds unless that year's notice swaps days or adds make-up working days.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub provisional: bool,
    /// The provisional days off the count ran past (statutory days computed from the law).
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "super::data::iso_dates")]
    #[schemars(with = "Vec<NaiveDate>")]
    pub provisional_days: Vec<NaiveDate>,
    /// Days the count used that were set by a year whose only source is secondary (a
    /// third-party reprint, see [`SourceQuality`](super::SourceQuality)).
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "super::data::iso_dates")]
    #[schemars(with = "Vec<NaiveDate>")]
    pub secondary_source_days: Vec<NaiveDate>,
    /// The computation in words, in Chinese and English.
    pub explanation: Text,
}

fn cite(clause: &str) -> Citation {
    let document = clause.split('/').next().unwrap_or(clause).to_owned();
    Citation { document, clause: Some(clause.to_owned()), quote: None }
}

impl Calendar {
    /// The deadline of a time limit of `duration` `unit`s from `start`, under administrative
    /// practice:
    ///
    /// - the start day is not counted (民法典 art 201: a period in days starts the next day);
    /// - working days count working days only (行政许可法 art 82: 以工作日计算，不含法定节假日);
    ///   make-up working days count;
    /// - a calendar-day period whose last day is a rest day (weekend, statutory holiday or
    ///   swapped rest day) ends on the next working day (民法典 art 203);
    /// - hours run continuously through nights and rest days and are not extended (民法典
    ///   art 201: a period in hours starts at the time of the event); with dates only, the
    ///   deadline is the day `⌈hours / 24⌉` days after the start, the latest day on which the
    ///   limit can expire whatever the time of the event.
    ///
    /// # Errors
    ///
    /// - `out_of_coverage` for the first day the count needs that the data does not cover,
    ///   without an assumption.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use zhengce::calendar::{Calendar, TimeUnit};
    ///
    /// let cal = Calendar::builtin("cn")?;
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// // 20 calendar days from 2024-09-11 end on 2024-10-01, National Day: moved to 2024-10-08.
    /// let due = cal.deadline(d(2024, 9, 11), 20, TimeUnit::CalendarDays, &Default::default())?;
    /// assert_eq!((due.nominal_end, due.date), (Some(d(2024, 10, 1)), d(2024, 10, 8)));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn deadline(
        &self,
        start: NaiveDate,
        duration: u32,
        unit: TimeUnit,
        options: &DeadlineOptions,
    ) -> Result<Deadline> {
        let opts = CalendarOptions { assume: options.assume };
        if let Some(p) = self.statutory(&opts) {
            return p.deadline(start, duration, unit, &DeadlineOptions { assume: None, ..*options });
        }
        let (counted_from, date, nominal_end) = self.deadline_dates(start, duration, unit, options)?;
        let basis = match unit {
            TimeUnit::WorkingDays => vec![cite("cn-licensing-law-2003/a82")],
            TimeUnit::CalendarDays => vec![cite("cn-civil-code-2020/a201"), cite("cn-civil-code-2020/a203")],
            TimeUnit::Hours => vec![cite("cn-civil-code-2020/a201")],
        };
        let skipped = if unit == TimeUnit::Hours || date <= counted_from {
            Vec::new()
        } else {
            let first = counted_from.succ_opt().unwrap_or(counted_from);
            self.days(first, date, &opts)?.into_iter().filter(|d| !d.working).collect()
        };
        let assumed = options.assume.is_some()
            && (!self.is_covered(start) || !self.is_covered(date) || {
                let (a, b) = (i64::from(day_number(start)), i64::from(day_number(date)));
                self.check_range(a.min(b), a.max(b), false).is_err()
            });
        let mut deadline = Deadline {
            date,
            start,
            counted_from,
            duration,
            unit,
            nominal_end,
            jurisdiction: self.jurisdiction().to_owned(),
            calendar: self.layers().to_vec(),
            skipped,
            basis,
            rule: None,
            service: None,
            name: None,
            source: None,
            parameter: None,
            average: false,
            assumed,
            provisional: false,
            provisional_days: Vec::new(),
            secondary_source_days: Vec::new(),
            explanation: Text::new("", ""),
        };
        flag(self, &mut deadline)?;
        deadline.explanation = explain(&deadline, self);
        Ok(deadline)
    }

    /// The dates of [`Calendar::deadline`] without the explanation: the day the count runs
    /// from, the deadline, and a calendar-day period's nominal last day. Batches use it.
    pub(crate) fn deadline_dates(
        &self,
        start: NaiveDate,
        duration: u32,
        unit: TimeUnit,
        options: &DeadlineOptions,
    ) -> Result<(NaiveDate, NaiveDate, Option<NaiveDate>)> {
        let opts = CalendarOptions { assume: options.assume };
        let counted_from = match options.rest_day_start {
            RestDayStart::NextWorkingDay if !self.is_working_day(start, &opts)? => {
                self.next_working_day(start, &opts)?
            }
            _ => start,
        };
        let n = i32::try_from(duration)
            .map_err(|_| Error::invalid_input("duration", duration, "at most 2^31 - 1"))?;
        let overflow = || Error::invalid_input("duration", duration, "a deadline within the supported dates");
        let (date, nominal_end) = match unit {
            TimeUnit::WorkingDays => (self.add_working_days(counted_from, n, &opts)?, None),
            TimeUnit::CalendarDays => {
                let nominal = counted_from
                    .checked_add_signed(TimeDelta::days(i64::from(n)))
                    .filter(|d| crate::value::is_supported_date(*d))
                    .ok_or_else(overflow)?;
                // Checks the days in between too, so that a gap in the data is reported.
                self.working_days_between(counted_from, nominal, &opts)?;
                let date = if self.is_working_day(nominal, &opts)? {
                    nominal
                } else {
                    self.next_working_day(nominal, &opts)?
                };
                (date, Some(nominal))
            }
            TimeUnit::Hours => {
                let days = i64::from(duration.div_ceil(24));
                let date = counted_from
                    .checked_add_signed(TimeDelta::days(days))
                    .filter(|d| crate::value::is_supported_date(*d))
                    .ok_or_else(overflow)?;
                (date, None)
            }
        };
        Ok((counted_from, date, nominal_end))
    }
}

fn weekday_en(d: NaiveDate) -> &'static str {
    match d.weekday() {
        Weekday::Mon => "Mon",
        Weekday::Tue => "Tue",
        Weekday::Wed => "Wed",
        Weekday::Thu => "Thu",
        Weekday::Fri => "Fri",
        Weekday::Sat => "Sat",
        Weekday::Sun => "Sun",
    }
}

fn weekday_zh(d: NaiveDate) -> &'static str {
    ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"]
        [d.weekday().num_days_from_monday() as usize]
}

fn kind_en(kind: DayKind) -> &'static str {
    match kind {
        DayKind::WorkingDay => "working day",
        DayKind::Weekend => "weekend",
        DayKind::StatutoryHoliday => "statutory holiday",
        DayKind::SwappedRestDay => "swapped rest day",
        DayKind::MakeUpWorkingDay => "make-up working day",
    }
}

fn kind_zh(kind: DayKind) -> &'static str {
    match kind {
        DayKind::WorkingDay => "工作日",
        DayKind::Weekend => "周末",
        DayKind::StatutoryHoliday => "法定节假日",
        DayKind::SwappedRestDay => "调休日",
        DayKind::MakeUpWorkingDay => "补班日",
    }
}

/// Runs of consecutive skipped days of the same festival (and layer); days of no festival
/// (ordinary weekends) are left out and counted apart.
fn festival_runs(days: &[Day]) -> Vec<&[Day]> {
    let mut out: Vec<&[Day]> = Vec::new();
    let mut start = 0;
    for i in 1..=days.len() {
        let split = i == days.len()
            || days[i - 1].date.succ_opt() != Some(days[i].date)
            || days[i - 1].festival != days[i].festival
            || days[i - 1].calendar != days[i].calendar;
        if split {
            if days[start].festival.is_some() {
                out.push(&days[start..i]);
            }
            start = i;
        }
    }
    out
}

fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "2025-05-31 statutory holiday, 06-01 weekend" or "statutory holidays" when all agree.
fn kinds(run: &[Day], zh: bool) -> String {
    let name = |k: DayKind| if zh { kind_zh(k) } else { kind_en(k) };
    if run.iter().all(|d| d.kind == run[0].kind) {
        return name(run[0].kind).to_owned();
    }
    let sep = if zh { "，" } else { ", " };
    // Not chrono's `format("%m-%d")`: the same text without its format machinery (8 KB of
    // WebAssembly).
    run.iter()
        .map(|d| format!("{:02}-{:02} {}", d.date.month(), d.date.day(), name(d.kind)))
        .collect::<Vec<_>>()
        .join(sep)
}

fn span(run: &[Day]) -> String {
    let (a, b) = (run[0].date, run[run.len() - 1].date);
    if a == b { a.to_string() } else { format!("{a}..{b}") }
}

/// The explanation of a deadline, in both languages; the rules set the rule fields first.
pub(crate) fn explain(d: &Deadline, cal: &Calendar) -> Text {
    let (mut en, mut zh) = (String::new(), String::new());
    if let (Some(name), Some(rule)) = (&d.name, &d.rule) {
        let clause = d.source.as_ref().and_then(|s| s.clause.clone()).unwrap_or_default();
        let quote = d.source.as_ref().and_then(|s| s.quote.clone());
        en += &format!("{} ({rule}, clause {clause}", name.en);
        zh += &format!("{}（{rule}，条款 {clause}", name.zh);
        if let Some(q) = &quote {
            en += &format!(": 「{q}」");
            zh += &format!("：“{q}”");
        }
        en += "): ";
        zh += "）：";
    }
    let n = d.duration;
    if d.counted_from != d.start {
        let kind = cal.day(d.start, &CalendarOptions { assume: Some(Assume::WeekendsOnly) }).map(|x| x.kind);
        let kind = kind.unwrap_or(DayKind::Weekend);
        en += &format!(
            "started on {} ({}), taken as received on the next working day, {}; ",
            d.start,
            kind_en(kind),
            d.counted_from
        );
        zh += &format!("{}（{}）提出，视为下一个工作日{}受理；", d.start, kind_zh(kind), d.counted_from);
    }
    match d.unit {
        TimeUnit::WorkingDays => {
            en += &format!(
                "{} from {}, the start day not counted; working days only (行政许可法 art 82: 以工作日计算，不含法定节假日)",
                plural(n, "working day", "working days"),
                d.counted_from
            );
            zh += &format!(
                "自{}起{n}个工作日，起算日不计入（《行政许可法》第八十二条：以工作日计算，不含法定节假日）",
                d.counted_from
            );
        }
        TimeUnit::CalendarDays => {
            en += &format!(
                "{} from {}, the start day not counted (民法典 art 201)",
                plural(n, "calendar day", "calendar days"),
                d.counted_from
            );
            zh += &format!("自{}起{n}日，起算日不计入（《民法典》第二百零一条）", d.counted_from);
            if let Some(nominal) = d.nominal_end
                && nominal != d.date
            {
                let kind = cal
                    .day(nominal, &CalendarOptions { assume: Some(Assume::WeekendsOnly) })
                    .map_or(DayKind::Weekend, |x| x.kind);
                en += &format!(
                    "; the last day, {nominal} ({}), is not a working day, so the period ends on the next working day (民法典 art 203, read as administrative practice does: any rest day, weekends included)",
                    kind_en(kind)
                );
                zh += &format!(
                    "；最后一日{nominal}（{}）不是工作日，以其后第一个工作日为期间的最后一日（《民法典》第二百零三条）",
                    kind_zh(kind)
                );
            }
        }
        TimeUnit::Hours => {
            en += &format!(
                "{} from the event on {}, run continuously through nights and rest days (民法典 art 201); with dates only, it expires at the latest {} later, whatever the time of the event",
                plural(n, "hour", "hours"),
                d.counted_from,
                plural(n.div_ceil(24), "day", "days")
            );
            zh += &format!(
                "自{}事件发生时起{n}小时，连续计算，含夜间和休息日（《民法典》第二百零一条）；仅按日期计，无论事件发生于何时，最迟于{}日后届满",
                d.counted_from,
                n.div_ceil(24)
            );
        }
    }
    if !d.skipped.is_empty() {
        let runs = festival_runs(&d.skipped);
        let mut parts_en: Vec<String> = Vec::new();
        let mut parts_zh: Vec<String> = Vec::new();
        for run in &runs {
            let (name, layer) = (run[0].name.as_ref(), run[0].calendar.as_deref().unwrap_or(""));
            let (zh_name, en_name) = name.map_or(("", ""), |n| (n.zh.as_str(), n.en.as_str()));
            parts_en.push(format!(
                "{} {zh_name} {en_name} ({}; calendar {layer})",
                span(run),
                kinds(run, false)
            ));
            parts_zh.push(format!("{} {zh_name}（{}）", span(run), kinds(run, true)));
        }
        let in_runs: usize = runs.iter().map(|r| r.len()).sum();
        let others = (d.skipped.len() - in_runs) as u32;
        if others > 0 {
            parts_en.push(if runs.is_empty() {
                plural(others, "weekend day", "weekend days")
            } else {
                format!("{} of ordinary weekends", plural(others, "day", "days"))
            });
            parts_zh.push(format!("普通周末{others}天"));
        }
        let count = plural(d.skipped.len() as u32, "non-working day", "non-working days");
        if d.unit == TimeUnit::CalendarDays {
            en += &format!(
                "; the period runs through {count}, counted as calendar days are: {}",
                parts_en.join(", ")
            );
            zh += &format!("；期间含{}个非工作日，照常计入：{}", d.skipped.len(), parts_zh.join("，"));
        } else {
            en += &format!("; skips {count}: {}", parts_en.join(", "));
            zh += &format!("；跳过{}个非工作日：{}", d.skipped.len(), parts_zh.join("，"));
        }
    } else if d.unit != TimeUnit::Hours {
        en += "; no non-working day in between";
        zh += "；期间无非工作日";
    }
    en += &format!("; due {} ({})", d.date, weekday_en(d.date));
    zh += &format!("；{}（{}）届满", d.date, weekday_zh(d.date));
    if let Some(scenario) = d.parameter.as_ref().and_then(|p| p.scenario.as_deref()) {
        en += &format!(". The duration is scenario '{scenario}''s override, not the clause's number");
        zh += &format!("。时限取情景“{scenario}”的设定值，而非条款原文数值");
    }
    if d.average {
        en += ". The clause limits the average over cases: a single case may take longer";
        zh += "。该条款限定的是平均用时，单个案件可能超过";
    }
    if d.assumed && !d.provisional {
        en += ". Some days lie outside the calendar data and were assumed to have no holiday (weekends_only)";
        zh += "。部分日期超出日历数据范围，按仅周末休息推定";
    }
    explain_flags(d, &mut en, &mut zh);
    en += ".";
    zh += "。";
    Text { zh, en }
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
