//! Holiday notices read as data: the text of a State Council notice (国务院办公厅关于X年部分节假日
//! 安排的通知), an amendment to one (调整…假期安排, 延长…假期) or a Xinjiang regional notice,
//! parsed into calendar days, each with the sentence that set it.
//!
//! The parser reads the grammar the notices share, not one year's wording: items headed by a
//! festival (`一、元旦：`, `（二）春节：`), sentences split at `。`, clauses at `，；` (outside
//! brackets); dates `[YYYY年][M月]D日` with an optional bracketed note (`（星期六）`, `（周一）`,
//! `（农历除夕）`), ranges joined by `至 — ～ -`; a clause with `放假`/`补休`/`休息` sets days
//! off, one with `上班` make-up working days, `与周末连休` joins the adjoining weekend,
//! `X月X日是肉孜节` names a regional festival, `假期至X月X日` / `X月X日起正常上班` extend a
//! holiday. Clauses that only explain (`为法定节假日`, `调至`, `照常公休`) are read past. A date
//! without a year takes the year that puts it nearest the item's first date (so `12月31日` in
//! a 元旦 item is December of the year before).

use chrono::{Datelike, NaiveDate, Weekday};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::data::{HolidayBlock, NoticeSource};
use super::notice_text::{
    Item, Written, count_of, dates_in, festivals_in, items, notice_source, notice_year, sentences,
    split_outside_brackets, weekday_named, weekday_zh,
};
use super::statutory::{festival_name, statutory_days};
use crate::catalogue::Text;
use crate::error::{Error, ErrorKind, Problem, Result};

/// One day a notice sets, with the sentence that set it.
///
/// # Example
///
/// ```
/// let notice = zhengce::calendar::parse_notice("国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日放假，与周末连休。")?;
/// assert_eq!(notice.days[0].date.to_string(), "2027-01-01");
/// assert_eq!(notice.days[0].sentence, "1月1日放假，与周末连休。");
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct NoticeDay {
    /// The date.
    #[serde(with = "crate::value::iso_date")]
    #[schemars(with = "NaiveDate")]
    pub date: NaiveDate,
    /// True for a day off, false for a make-up working day (上班).
    pub off: bool,
    /// The festival of the item the sentence is in.
    pub festival: String,
    /// The sentence, as in the text.
    pub sentence: String,
}

/// A notice parsed: its year, the layer it belongs to, the blocks it sets and every day it
/// names with its sentence.
///
/// # Example
///
/// ```
/// let notice = zhengce::calendar::parse_notice(
///     "国务院办公厅关于调整2019年劳动节假期安排的通知\n2019年5月1日至4日放假调休，共4天。4月28日（星期日）、5月5日（星期日）上班。")?;
/// assert!(notice.amendment);
/// assert_eq!((notice.year, notice.layer.as_str()), (2019, "cn"));
/// assert_eq!(notice.blocks[0].work.len(), 2);
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Notice {
    /// The year whose holidays the notice sets.
    pub year: i32,
    /// The calendar layer it belongs to: `cn`, or `cn-xj` for a Xinjiang regional notice.
    pub layer: String,
    /// True for a notice that changes an earlier one (调整, 延长).
    pub amendment: bool,
    /// Title, number and date, as far as the text gives them.
    pub source: NoticeSource,
    /// One block per festival item, in the data files' conventions (a block spans the days
    /// named and those between them; 与周末连休 adds the adjoining weekend). For an extension
    /// (延长…假期至), `off` holds only the added days.
    pub blocks: Vec<HolidayBlock>,
    /// Every day named, off or worked, with its sentence, in the order of the text.
    pub days: Vec<NoticeDay>,
}

pub(super) fn problem(code: &str, sentence: &str, message: String) -> Error {
    Error::new(ErrorKind::InvalidCalendar {
        problems: vec![Problem::new(code, format!("notice:「{sentence}」"), message)],
    })
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Reads one item's sentences into its block and named days.
struct Reader<'a> {
    year: i32,
    festival: &'a str,
    anchor: Option<NaiveDate>,
    off: Vec<NaiveDate>,
    work: Vec<NaiveDate>,
    days: Vec<NoticeDay>,
    join_weekend: bool,
    festival_date: Option<NaiveDate>,
    extended_to: Option<NaiveDate>,
    /// The year and month of the last date read: `18日` after `2月17日` is in February.
    carry: (Option<i32>, Option<u32>),
}

impl Reader<'_> {
    fn resolve(
        &mut self,
        w: &Written,
        carry: &mut (Option<i32>, Option<u32>),
        sentence: &str,
    ) -> Result<NaiveDate> {
        let month = w.month.or(carry.1).ok_or_else(|| {
            problem("unreadable_sentence", sentence, format!("expected a month before day {}", w.day))
        })?;
        let explicit = w.year.or(if w.month.is_none() { carry.0 } else { None });
        let date = match explicit {
            Some(y) => NaiveDate::from_ymd_opt(y, month, w.day),
            None => {
                let anchor = self
                    .anchor
                    .unwrap_or_else(|| NaiveDate::from_ymd_opt(self.year, month, 1).unwrap_or_default());
                [self.year - 1, self.year, self.year + 1]
                    .iter()
                    .filter_map(|y| NaiveDate::from_ymd_opt(*y, month, w.day))
                    .min_by_key(|d| (*d - anchor).num_days().abs())
            }
        }
        .ok_or_else(|| {
            problem("invalid_date", sentence, format!("expected a valid date, got {month}月{}日", w.day))
        })?;
        *carry = (Some(date.year()), Some(month));
        if let Some(named) = weekday_named(&w.note)
            && named != date.weekday()
        {
            return Err(problem(
                "weekday_mismatch",
                sentence,
                format!("{date} is a {}, the notice says {}", weekday_zh(date.weekday()), weekday_zh(named)),
            ));
        }
        self.anchor.get_or_insert(date);
        Ok(date)
    }

    fn sentence(&mut self, sentence: &str) -> Result<()> {
        let mut carry = self.carry;
        let mut stated_off = 0usize;
        for clause in split_outside_brackets(sentence, &['，', ',', '；', ';', '：', ':']) {
            let written = dates_in(&clause);
            let mut dates = Vec::with_capacity(written.len());
            for w in &written {
                dates.push(self.resolve(w, &mut carry, sentence)?);
            }
            // Ranges: two dates joined by 至, —, ～, -.
            let mut groups: Vec<Vec<NaiveDate>> = Vec::new();
            let mut k = 0;
            while k < dates.len() {
                let joined = k + 1 < dates.len() && {
                    let between = clause[written[k].end..written[k + 1].start].trim();
                    ["至", "—", "－", "-", "～", "~", "到", "——"].contains(&between)
                };
                if joined {
                    let (a, b) = (dates[k], dates[k + 1]);
                    if b < a {
                        return Err(problem(
                            "invalid_range",
                            sentence,
                            format!("expected {b} on or after {a}"),
                        ));
                    }
                    groups.push(a.iter_days().take_while(|d| *d <= b).collect());
                    k += 2;
                } else {
                    groups.push(vec![dates[k]]);
                    k += 1;
                }
            }
            let text = clause.as_str();
            if text.contains("与周末连休") {
                self.join_weekend = true;
            }
            if dates.is_empty() {
                continue;
            }
            let explains =
                ["为法定", "为公休日", "调至", "照常公休", "公休日调"].iter().any(|m| text.contains(m));
            if text.contains("假期至") {
                self.extended_to = dates.last().copied();
            } else if text.contains("起正常上班") || text.contains("起上班") {
                let last = dates[0].pred_opt().unwrap_or(dates[0]);
                self.extended_to = Some(self.extended_to.map_or(last, |e| e.max(last)));
            } else if text.contains("上班") && !explains {
                for d in groups.into_iter().flatten() {
                    if self.work.contains(&d) {
                        continue;
                    }
                    self.work.push(d);
                    self.days.push(NoticeDay {
                        date: d,
                        off: false,
                        festival: self.festival.to_owned(),
                        sentence: sentence.to_owned(),
                    });
                }
            } else if (text.contains("放假") || text.contains("补休") || text.contains("休息")) && !explains
            {
                for d in groups.into_iter().flatten() {
                    stated_off += 1;
                    self.off.push(d);
                    self.days.push(NoticeDay {
                        date: d,
                        off: true,
                        festival: self.festival.to_owned(),
                        sentence: sentence.to_owned(),
                    });
                }
            } else if text.contains('是') && (text.contains("节") || text.contains("节日")) {
                self.festival_date = dates.first().copied();
            } else if let Some(moved) = text.find("调至").filter(|_| text.contains("公休日")) {
                // 将X月X日（星期六）…公休日调至…: a weekend moved onto a weekday is worked (the
                // 2004-2008 notices say so this way), unless it is itself a day off.
                for (w, d) in written.iter().zip(&dates) {
                    if w.end <= moved && is_weekend(*d) && !self.off.contains(d) && !self.work.contains(d) {
                        self.work.push(*d);
                        self.days.push(NoticeDay {
                            date: *d,
                            off: false,
                            festival: self.festival.to_owned(),
                            sentence: sentence.to_owned(),
                        });
                    }
                }
            } else if explains {
                // Explanatory: which days are statutory.
            } else {
                return Err(problem(
                    "unreadable_sentence",
                    sentence,
                    "expected a clause that sets days off (放假, 补休) or working days (上班)".to_owned(),
                ));
            }
        }
        self.carry = carry;
        if let Some(n) = count_of(sentence)
            && stated_off > 0
            && n != stated_off
        {
            return Err(problem(
                "count_mismatch",
                sentence,
                format!("the notice says {n} days, its dates give {stated_off}"),
            ));
        }
        Ok(())
    }
}

/// Parses the text of a holiday notice.
///
/// The layer is `cn-xj` if the notice is the Xinjiang region's (it names 肉孜节 or 古尔邦节);
/// its national items are then left to the national layer. An amendment (a title with 调整 or
/// 延长) is one item, the festival named in its title.
///
/// # Errors
///
/// `invalid_calendar` with one problem whose path quotes the sentence (`notice:「…」`):
///
/// - `empty_notice` for an empty text; `unreadable_sentence` for a clause with dates that
///   neither sets days off nor working days, or a notice with no year or no item;
/// - `weekday_mismatch` when a weekday in brackets is not the date's;
/// - `unknown_festival` for an item heading no festival of the data;
/// - `date_outside_year` for a date outside the notice's year (December of the year before
///   is allowed in an item that reaches into January);
/// - `count_mismatch` when `共N天` disagrees with the dates; `invalid_date`, `invalid_range`.
///
/// # Example
///
/// ```
/// let err = zhengce::calendar::parse_notice(
///     "国务院办公厅关于2024年部分节假日安排的通知\n二、春节：2月10日至17日放假调休，共8天。2月4日（星期六）上班。").unwrap_err();
/// assert_eq!(err.problems()[0].code, "weekday_mismatch");
/// assert!(err.problems()[0].path.contains("2月4日（星期六）上班"));
/// ```
pub fn parse_notice(text: &str) -> Result<Notice> {
    // Full-width digits (１月１日) read as ASCII ones; sentences are quoted as normalised.
    let normalised: String = text
        .chars()
        .map(|c| {
            if ('０'..='９').contains(&c) { char::from(b'0' + (c as u32 - '０' as u32) as u8) } else { c }
        })
        .collect();
    let text = normalised.as_str();
    if text.trim().is_empty() {
        return Err(problem(
            "empty_notice",
            "",
            "expected the text of a holiday notice, got an empty text".to_owned(),
        ));
    }
    let first_line = text.trim().lines().next().unwrap_or("").trim().to_owned();
    let year = notice_year(text).ok_or_else(|| {
        problem("unreadable_sentence", &first_line, "expected the notice's year (YYYY年)".to_owned())
    })?;
    let head = first_line.as_str();
    let amendment = (head.contains("调整") && head.contains("假期")) || head.contains("延长");
    let regional = text.contains("肉孜节") || text.contains("古尔邦节");
    let mut parsed_items = items(text);
    if parsed_items.is_empty() {
        let festivals = festivals_in(&first_line);
        if festivals.is_empty() {
            return Err(problem(
                "unreadable_sentence",
                &first_line,
                "expected items headed by a festival (一、元旦：…) or a festival in the title".to_owned(),
            ));
        }
        let body = text.trim().strip_prefix(first_line.as_str()).unwrap_or(text).to_owned();
        parsed_items.push(Item { festivals, heading: first_line.clone(), body });
    }
    let mut blocks = Vec::new();
    let mut days = Vec::new();
    let law = statutory_days(year).unwrap_or_default();
    for item in parsed_items {
        if !item.body.contains("放假") && !item.body.contains("补休") && !item.body.contains("假期") {
            continue; // not a holiday item (作息时间, 值班 ...)
        }
        let Some(&festival) = item.festivals.first() else {
            return Err(problem(
                "unknown_festival",
                &item.heading,
                format!(
                    "expected a festival of the calendar (元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节, 肉孜节, 古尔邦节), got '{}'",
                    item.heading
                ),
            ));
        };
        let is_regional = matches!(festival, "eid_al_fitr" | "eid_al_adha");
        if regional && !is_regional {
            continue;
        }
        // 中秋节、国庆节 in one item: the National Day block carries the days.
        let host = if item.festivals.contains(&"national_day") { "national_day" } else { festival };
        let mut reader = Reader {
            year,
            festival: host,
            anchor: None,
            off: Vec::new(),
            work: Vec::new(),
            days: Vec::new(),
            join_weekend: false,
            festival_date: None,
            extended_to: None,
            carry: (None, None),
        };
        for s in sentences(&item.body) {
            // Advice to employers (鼓励…安排职工在除夕休息) sets no day.
            if s.contains("鼓励") {
                continue;
            }
            reader.sentence(&s)?;
        }
        let reaches_january =
            reader.off.iter().chain(&reader.work).any(|d| d.year() == year && d.month() == 1);
        for day in &reader.days {
            let d = day.date;
            let ok = d.year() == year || (d.year() == year - 1 && d.month() == 12 && reaches_january);
            if !ok {
                return Err(problem(
                    "date_outside_year",
                    &day.sentence,
                    format!("expected a date in {year}, got {d}"),
                ));
            }
        }
        let mut off: Vec<NaiveDate> = Vec::new();
        if let (Some(a), Some(b)) = (reader.off.iter().min(), reader.off.iter().max()) {
            off = a.iter_days().take_while(|d| d <= b).collect();
        }
        if reader.join_weekend && !off.is_empty() {
            let (a, b) = (off[0], off[off.len() - 1]);
            let mut before: Vec<NaiveDate> = a.pred_opt().into_iter().collect();
            while let Some(&d) = before.last() {
                if !is_weekend(d) {
                    before.pop();
                    break;
                }
                before.push(d.pred_opt().unwrap_or(d));
            }
            let mut after = Vec::new();
            let mut d = b.succ_opt().unwrap_or(b);
            while is_weekend(d) {
                after.push(d);
                d = d.succ_opt().unwrap_or(d);
            }
            off.extend(before);
            off.extend(after);
            off.sort();
            off.dedup();
        }
        if let Some(end) = reader.extended_to {
            off = reader.off.iter().max().map_or(Vec::new(), |_| off);
            off.push(end);
            off.sort();
            off.dedup();
            // For an extension only the end is known here; the caller joins it to the block.
        }
        reader.work.sort();
        reader.work.dedup();
        let statutory_of =
            |key: &str| law.iter().find(|(k, _)| k == key).map(|(_, d)| d.clone()).unwrap_or_default();
        let statutory = if is_regional {
            off.iter().copied().filter(|d| !is_weekend(*d)).collect()
        } else {
            statutory_of(host)
        };
        blocks.push(HolidayBlock {
            festival: host.to_owned(),
            name: festival_name(host).unwrap_or_else(|| Text::new(item.heading.clone(), host)),
            off,
            statutory,
            work: reader.work,
            merged_into: None,
            source: None,
            amended_by: Vec::new(),
            original: None,
            note: None,
            festival_date: reader.festival_date,
        });
        if item.festivals.contains(&"mid_autumn") && host == "national_day" {
            blocks.push(HolidayBlock {
                festival: "mid_autumn".to_owned(),
                name: festival_name("mid_autumn").expect("a festival"),
                off: Vec::new(),
                statutory: statutory_of("mid_autumn"),
                work: Vec::new(),
                merged_into: Some("national_day".to_owned()),
                source: None,
                amended_by: Vec::new(),
                original: None,
                note: None,
                festival_date: None,
            });
        }
        if let Some(end) = reader.extended_to {
            blocks.last_mut().expect("pushed").note =
                Some(Text::new(format!("假期延长至{end}"), format!("holiday extended to {end}")));
        }
        days.extend(reader.days);
    }
    if blocks.is_empty() {
        return Err(problem(
            "unreadable_sentence",
            &first_line,
            "expected at least one holiday item".to_owned(),
        ));
    }
    Ok(Notice {
        year,
        layer: if regional { "cn-xj" } else { "cn" }.to_owned(),
        amendment,
        source: notice_source(text, year),
        blocks,
        days,
    })
}
