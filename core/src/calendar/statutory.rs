//! The statutory days of a year computed from the law itself (全国年节及纪念日放假办法), for
//! years whose State Council notice is not (yet) in the data.
//!
//! The law fixes which days are statutory holidays; only the yearly notice fixes the swaps
//! (调休) and make-up working days. A year computed here therefore has the statutory days and
//! nothing else, and every result that touches it is flagged provisional.

use chrono::NaiveDate;

use super::data::{CalendarYear, HolidayBlock, NoticeSource};
use super::lunar;
use crate::catalogue::Text;
use crate::error::{Error, Result};

/// A version of the 放假办法: the order that made it, its first year, and how it counts.
struct Law {
    first_year: i32,
    order: &'static str,
    title: &'static str,
    published: (i32, u32, u32),
}

const LAWS: [Law; 4] = [
    Law {
        first_year: 2000,
        order: "国务院令第270号",
        title: "全国年节及纪念日放假办法",
        published: (1999, 9, 18),
    },
    Law {
        first_year: 2008,
        order: "国务院令第513号",
        title: "国务院关于修改《全国年节及纪念日放假办法》的决定",
        published: (2007, 12, 14),
    },
    Law {
        first_year: 2014,
        order: "国务院令第644号",
        title: "国务院关于修改《全国年节及纪念日放假办法》的决定",
        published: (2013, 12, 11),
    },
    Law {
        first_year: 2025,
        order: "国务院令第795号",
        title: "国务院关于修改《全国年节及纪念日放假办法》的决定",
        published: (2024, 11, 10),
    },
];

/// The festival keys of the national calendar with their names.
pub(crate) fn festival_name(key: &str) -> Option<Text> {
    let (zh, en) = match key {
        "new_year" => ("元旦", "New Year's Day"),
        "spring_festival" => ("春节", "Spring Festival"),
        "tomb_sweeping" => ("清明节", "Tomb-Sweeping Day (Qingming)"),
        "labour_day" => ("劳动节", "Labour Day"),
        "dragon_boat" => ("端午节", "Dragon Boat Festival"),
        "mid_autumn" => ("中秋节", "Mid-Autumn Festival"),
        "national_day" => ("国庆节", "National Day"),
        "eid_al_fitr" => ("肉孜节", "Eid al-Fitr (Ramadan Festival)"),
        "eid_al_adha" => ("古尔邦节", "Eid al-Adha (Corban Festival)"),
        "victory_day_70th" => (
            "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
            "70th anniversary of the victory of the Chinese People's War of Resistance against Japanese Aggression and the World Anti-Fascist War",
        ),
        _ => return None,
    };
    Some(Text::new(zh, en))
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

fn run(first: NaiveDate, n: u64) -> Vec<NaiveDate> {
    first.iter_days().take(n as usize).collect()
}

/// The statutory days of each festival of `year` under the 放假办法 in force that year, in
/// the order of the law's list.
///
/// - 2000-2007 (令第270号): 元旦 1, 春节 3 (初一至初三), 劳动节 3 (5月1日至3日), 国庆节 3.
/// - 2008-2013 (令第513号): 元旦 1, 春节 3 (除夕、初一、初二), 清明 1, 劳动节 1, 端午 1, 中秋 1, 国庆 3.
/// - 2014-2024 (令第644号): as 2008 but 春节 初一至初三.
/// - 2025- (令第795号): 春节 4 (除夕、初一至初三), 劳动节 2 (5月1日、2日), the rest as 2014.
///
/// # Errors
///
/// - `invalid_input` (field `year`) before 2000 or after 2099 (the lunisolar tables end in 2100).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
///
/// let days = zhengce::calendar::statutory_days(2027)?;
/// let spring = &days.iter().find(|(f, _)| f == "spring_festival").unwrap().1;
/// // 2027: 除夕 is 5 February, 初一 6 February.
/// assert_eq!(spring.first(), NaiveDate::from_ymd_opt(2027, 2, 5).as_ref());
/// assert_eq!(spring.len(), 4);
/// assert_eq!(days.iter().map(|(_, d)| d.len()).sum::<usize>(), 13);
/// # Ok::<(), zhengce::Error>(())
/// ```
pub fn statutory_days(year: i32) -> Result<Vec<(String, Vec<NaiveDate>)>> {
    let law = law_of(year)?;
    let lunar_err = || Error::invalid_input("year", year, "a year the lunisolar tables cover (1901-2099)");
    let new_year_day = lunar::lunisolar(year, 1, 1).ok_or_else(lunar_err)?;
    let eve = lunar::new_years_eve(year).ok_or_else(lunar_err)?;
    let mut out: Vec<(String, Vec<NaiveDate>)> = Vec::new();
    let mut push = |key: &str, days: Vec<NaiveDate>| out.push((key.to_owned(), days));
    push("new_year", vec![ymd(year, 1, 1)]);
    push(
        "spring_festival",
        match law.first_year {
            2000 | 2014 => run(new_year_day, 3),
            2008 => run(eve, 3),
            _ => run(eve, 4),
        },
    );
    if law.first_year >= 2008 {
        push("tomb_sweeping", vec![lunar::qingming(year).ok_or_else(lunar_err)?]);
    }
    push(
        "labour_day",
        match law.first_year {
            2000 => run(ymd(year, 5, 1), 3),
            2008 | 2014 => run(ymd(year, 5, 1), 1),
            _ => run(ymd(year, 5, 1), 2),
        },
    );
    if law.first_year >= 2008 {
        push("dragon_boat", vec![lunar::lunisolar(year, 5, 5).ok_or_else(lunar_err)?]);
        push("mid_autumn", vec![lunar::lunisolar(year, 8, 15).ok_or_else(lunar_err)?]);
    }
    push("national_day", run(ymd(year, 10, 1), 3));
    Ok(out)
}

fn law_of(year: i32) -> Result<&'static Law> {
    if !(2000..=2099).contains(&year) {
        return Err(Error::invalid_input("year", year, "a year from 2000 to 2099"));
    }
    Ok(LAWS.iter().rev().find(|l| l.first_year <= year).expect("2000 is the first law year"))
}

/// A provisional calendar year computed from the law: each festival's statutory days off,
/// no swapped rest day and no make-up working day (only the year's notice can set those).
///
/// The year cites the version of the 放假办法 in force and has no `source_quality`: it is
/// not read from a notice. A Mid-Autumn day that falls on a National Day statutory day (as in
/// 2020 and 2031) is listed in the National Day block, with a `mid_autumn` block
/// `merged_into` it, as the data files do.
///
/// # Errors
///
/// - `invalid_input` (field `year`) outside 2000-2099.
///
/// # Example
///
/// ```
/// let y = zhengce::calendar::statutory_year(2027)?;
/// assert_eq!(y.source.number.as_deref(), Some("国务院令第795号"));
/// assert!(y.holidays.iter().all(|h| h.work.is_empty()));
/// # Ok::<(), zhengce::Error>(())
/// ```
pub fn statutory_year(year: i32) -> Result<CalendarYear> {
    let law = law_of(year)?;
    let days = statutory_days(year)?;
    let national: Vec<NaiveDate> =
        days.iter().find(|(k, _)| k == "national_day").map(|(_, d)| d.clone()).unwrap_or_default();
    let note = Text::new(
        format!("未见{year}年放假安排通知，按{}推定的法定节假日；调休和补班以通知为准。", law.order),
        format!(
            "No {year} notice in the data: statutory days computed from the law ({}); swaps and make-up working days are unknown until the notice.",
            law.order
        ),
    );
    let holidays = days
        .into_iter()
        .map(|(key, dates)| {
            let merged = key == "mid_autumn" && dates.iter().all(|d| national.contains(d));
            HolidayBlock {
                name: festival_name(&key).expect("a national festival"),
                off: if merged { Vec::new() } else { dates.clone() },
                statutory: dates,
                work: Vec::new(),
                merged_into: merged.then(|| "national_day".to_owned()),
                source: None,
                amended_by: Vec::new(),
                original: None,
                note: Some(note.clone()),
                festival_date: None,
                festival: key,
            }
        })
        .collect();
    let (py, pm, pd) = law.published;
    Ok(CalendarYear {
        year,
        source_quality: None,
        source: NoticeSource {
            title: format!("{}（推定：{year}年放假安排通知未见）", law.title),
            number: Some(law.order.to_owned()),
            published: NaiveDate::from_ymd_opt(py, pm, pd),
            url: None,
            see_also: Vec::new(),
        },
        holidays,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// For every year 2008-2026 the statutory days computed from the law are those of the
    /// year's notice in the built-in data (festival by festival; 2015's one-off victory day
    /// is not a festival of the law and is left out).
    #[test]
    #[cfg(feature = "builtin-calendars")]
    fn computed_statutory_days_equal_the_notices() {
        let calendars = crate::calendar::Calendars::builtin();
        let cn = calendars.layer("cn").unwrap();
        for year in 2008..=2026 {
            let notice = cn.years.iter().find(|y| y.year == year).unwrap();
            let computed = statutory_days(year).unwrap();
            let in_notice: Vec<(String, Vec<NaiveDate>)> = notice
                .holidays
                .iter()
                .filter(|h| h.festival != "victory_day_70th")
                .map(|h| (h.festival.clone(), h.statutory.clone()))
                .collect();
            for (key, days) in &computed {
                let found = in_notice.iter().find(|(k, _)| k == key).map(|(_, d)| d);
                assert_eq!(found, Some(days), "{year} {key}");
            }
            assert_eq!(computed.len(), in_notice.len(), "{year}");
        }
    }

    #[test]
    fn the_law_in_force_by_year() {
        let total = |y| statutory_days(y).unwrap().iter().map(|(_, d)| d.len()).sum::<usize>();
        assert_eq!((total(2007), total(2008), total(2014), total(2024), total(2025)), (10, 11, 11, 11, 13));
        // 2008-2013 count 除夕: 2013's 春节 is 2月9日 (除夕) to 11日.
        let spring_2013 = statutory_days(2013).unwrap().remove(1).1;
        assert_eq!(spring_2013, run(ymd(2013, 2, 9), 3));
        assert!(statutory_days(1999).is_err());
        assert!(statutory_days(2100).is_err());
    }

    #[test]
    fn a_provisional_year_merges_mid_autumn_into_national_day_when_they_meet() {
        // 2031: 中秋 is 10月1日.
        let y = statutory_year(2031).unwrap();
        let mid = y.holidays.iter().find(|h| h.festival == "mid_autumn").unwrap();
        assert_eq!(mid.merged_into.as_deref(), Some("national_day"));
        assert_eq!(mid.statutory, [ymd(2031, 10, 1)]);
    }
}
