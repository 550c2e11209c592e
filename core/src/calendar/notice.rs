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

use super::data::{BlockDays, CalendarData, CalendarYear, HolidayBlock, NoticeSource};
use super::statutory::{festival_name, statutory_days};
use crate::catalogue::{Period, Text};
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

fn problem(code: &str, sentence: &str, message: String) -> Error {
    Error::new(ErrorKind::InvalidCalendar {
        problems: vec![Problem::new(code, format!("notice:「{sentence}」"), message)],
    })
}

const FESTIVALS: &[(&str, &str)] = &[
    ("元旦", "new_year"),
    ("春节", "spring_festival"),
    ("清明节", "tomb_sweeping"),
    ("清明", "tomb_sweeping"),
    ("劳动节", "labour_day"),
    ("五一", "labour_day"),
    ("端午节", "dragon_boat"),
    ("中秋节", "mid_autumn"),
    ("国庆节", "national_day"),
    ("十一", "national_day"),
    ("肉孜节", "eid_al_fitr"),
    ("古尔邦节", "eid_al_adha"),
];

/// The festivals a heading names (`国庆节、中秋节` names two).
fn festivals_in(heading: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut rest = heading;
    while !rest.is_empty() {
        match FESTIVALS.iter().find(|(zh, _)| rest.starts_with(zh)) {
            Some((zh, key)) => {
                if !out.contains(key) {
                    out.push(*key);
                }
                rest = &rest[zh.len()..];
            }
            None => {
                let c = rest.chars().next().map_or(1, char::len_utf8);
                rest = &rest[c..];
            }
        }
    }
    out
}

/// A date as written: optional year and month, the day, the bracketed note after it.
#[derive(Debug, Clone)]
struct Written {
    year: Option<i32>,
    month: Option<u32>,
    day: u32,
    note: String,
    /// Byte offsets in the clause: start, end (after the note).
    start: usize,
    end: usize,
}

fn number_at(s: &str, i: usize) -> Option<(u32, usize)> {
    let digits: String = s[i..].chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() || digits.len() > 4 {
        return None;
    }
    Some((digits.parse().ok()?, i + digits.len()))
}

/// Every written date of a clause.
fn dates_in(clause: &str) -> Vec<Written> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < clause.len() {
        if !clause.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let Some((n, j)) = number_at(clause, i) else {
            i += clause[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let (mut year, mut month, mut k, mut v) = (None, None, j, n);
        if clause[k..].starts_with('年') {
            year = Some(v as i32);
            k += '年'.len_utf8();
            match number_at(clause, k) {
                Some((m, e)) => (v, k) = (m, e),
                None => {
                    i = k;
                    continue;
                }
            }
        }
        if clause[k..].starts_with('月') {
            month = Some(v);
            k += '月'.len_utf8();
            match number_at(clause, k) {
                Some((d, e)) => (v, k) = (d, e),
                None => {
                    i = k;
                    continue;
                }
            }
        }
        if !clause[k..].starts_with('日') {
            i = k.max(i + 1);
            continue;
        }
        k += '日'.len_utf8();
        let mut note = String::new();
        if let Some(open) = clause[k..].chars().next().filter(|c| *c == '（' || *c == '(') {
            let body = &clause[k + open.len_utf8()..];
            if let Some(close) = body.find(['）', ')']) {
                note = body[..close].to_owned();
                k += open.len_utf8() + close + body[close..].chars().next().map_or(1, char::len_utf8);
            }
        }
        out.push(Written { year, month, day: v, note, start: i, end: k });
        i = k;
    }
    out
}

fn weekday_named(note: &str) -> Option<Weekday> {
    for key in ["星期", "周", "礼拜"] {
        if let Some(p) = note.find(key) {
            let c = note[p + key.len()..].chars().next()?;
            return Some(match c {
                '一' => Weekday::Mon,
                '二' => Weekday::Tue,
                '三' => Weekday::Wed,
                '四' => Weekday::Thu,
                '五' => Weekday::Fri,
                '六' => Weekday::Sat,
                '日' | '天' => Weekday::Sun,
                _ => continue,
            });
        }
    }
    None
}

fn weekday_zh(w: Weekday) -> &'static str {
    ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"][w.num_days_from_monday() as usize]
}

/// Splits at the separators outside brackets, keeping the separator with the piece before.
fn split_outside_brackets(s: &str, seps: &[char]) -> Vec<String> {
    let mut out = Vec::new();
    let (mut depth, mut cur) = (0i32, String::new());
    for c in s.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = (depth - 1).max(0),
            _ => {}
        }
        cur.push(c);
        if depth == 0 && seps.contains(&c) {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur);
    }
    out.into_iter().map(|p| p.trim().to_owned()).filter(|p| !p.is_empty()).collect()
}

/// The notice's year: `关于[调整|延长]YYYY年`, `我区YYYY年`, `YYYY年部分节假日`, else the
/// first `YYYY年`.
fn notice_year(text: &str) -> Option<i32> {
    for marker in ["关于调整", "关于延长", "关于", "我区"] {
        for (p, _) in text.match_indices(marker) {
            if let Some((y, e)) = number_at(text, p + marker.len())
                && text[e..].starts_with('年')
                && (1999..=2100).contains(&y)
            {
                return Some(y as i32);
            }
        }
    }
    let i = text.find(|c: char| c.is_ascii_digit())?;
    let (y, e) = number_at(text, i)?;
    (text[e..].starts_with('年') && (1999..=2100).contains(&y)).then_some(y as i32)
}

/// An item of the notice: its festivals and its body.
struct Item {
    festivals: Vec<&'static str>,
    heading: String,
    body: String,
}

const ITEM_NUMERALS: &str = "一二三四五六七八九十";

/// Finds `一、X：`, `（一）X：`, `(一)X:` headings; the text before the first is not an item.
fn items(text: &str) -> Vec<Item> {
    let mut heads: Vec<(usize, usize, String)> = Vec::new();
    for line_start in std::iter::once(0).chain(text.match_indices('\n').map(|(p, _)| p + 1)) {
        let line = &text[line_start..];
        let line = &line[..line.find('\n').unwrap_or(line.len())];
        let trimmed = line.trim_start();
        let offset = line_start + (line.len() - trimmed.len());
        let after_marker = if let Some(rest) = trimmed.strip_prefix(['（', '(']) {
            let n = rest.find(['）', ')']);
            n.filter(|n| rest[..*n].chars().all(|c| ITEM_NUMERALS.contains(c)) && *n > 0)
                .map(|n| trimmed.len() - rest.len() + n + rest[n..].chars().next().map_or(1, char::len_utf8))
        } else {
            let n = trimmed.find('、');
            n.filter(|n| *n > 0 && trimmed[..*n].chars().all(|c| ITEM_NUMERALS.contains(c)))
                .map(|n| n + '、'.len_utf8())
        };
        let Some(m) = after_marker else { continue };
        let rest = &trimmed[m..];
        let Some(colon) = rest.find(['：', ':']) else { continue };
        let heading = rest[..colon].trim().to_owned();
        if heading.chars().count() > 24 {
            continue;
        }
        let body_start = offset + m + colon + rest[colon..].chars().next().map_or(1, char::len_utf8);
        heads.push((offset, body_start, heading));
    }
    let mut out = Vec::new();
    for (i, (_, body_start, heading)) in heads.iter().enumerate() {
        let end = heads.get(i + 1).map_or(text.len(), |h| h.0);
        out.push(Item {
            festivals: festivals_in(heading),
            heading: heading.clone(),
            body: text[*body_start..end].trim().to_owned(),
        });
    }
    out
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

/// `共N天` or `放假[调休]N天`.
fn count_of(sentence: &str) -> Option<usize> {
    for marker in ["共", "放假调休", "放假"] {
        for (p, _) in sentence.match_indices(marker) {
            if let Some((n, e)) = number_at(sentence, p + marker.len())
                && sentence[e..].starts_with('天')
            {
                return Some(n as usize);
            }
        }
    }
    None
}

/// The sentences of an item body, without signature lines (the issuer, the date).
fn sentences(body: &str) -> Vec<String> {
    let kept: Vec<&str> = body
        .lines()
        .map(str::trim)
        .filter(|l| {
            let w = dates_in(l);
            let only_date = w.len() == 1 && w[0].start == 0 && w[0].end == l.len();
            !only_date && !l.ends_with("办公厅") && !l.ends_with("人民政府") && !l.ends_with("国务院")
        })
        .collect();
    split_outside_brackets(&kept.concat(), &['。'])
}

fn notice_source(text: &str, year: i32) -> NoticeSource {
    let title = text
        .lines()
        .map(str::trim)
        .find(|l| l.contains("通知") && l.chars().count() < 80)
        .map(|l| l.trim_end_matches(['。', '：', ':']).to_owned())
        .unwrap_or_else(|| format!("{year}年节假日安排通知"));
    // The notice's own number stands on a line of its own (a number in the text is a cited one).
    let number = text
        .lines()
        .map(str::trim)
        .find(|l| l.contains('〔') && l.ends_with('号') && l.chars().count() <= 20)
        .map(str::to_owned);
    let published = text.lines().rev().map(str::trim).find_map(|l| {
        let w = dates_in(l);
        (w.len() == 1 && w[0].start == 0 && w[0].end == l.len())
            .then(|| NaiveDate::from_ymd_opt(w[0].year?, w[0].month?, w[0].day))
            .flatten()
    });
    NoticeSource { title, number, published, url: None, see_also: Vec::new() }
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
pub(crate) fn apply(notice: &Notice, existing: Option<&CalendarYear>) -> Result<Option<CalendarYear>> {
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
pub(crate) fn layer_data(base: &CalendarData, year: CalendarYear) -> CalendarData {
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

impl super::Calendars {
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
    pub fn layered_notice(&self, text: &str) -> Result<super::Calendars> {
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
