//! The pieces of a holiday notice's text: items headed by a festival (`一、元旦：`,
//! `（二）春节：`), sentences split at `。`, clauses at `，；` outside brackets, and dates as
//! written (`[YYYY年][M月]D日` with an optional bracketed note). [`parse_notice`](super::parse_notice)
//! reads these into days.

use chrono::{NaiveDate, Weekday};

use super::data::NoticeSource;

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
pub(super) fn festivals_in(heading: &str) -> Vec<&'static str> {
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
pub(super) struct Written {
    pub(super) year: Option<i32>,
    pub(super) month: Option<u32>,
    pub(super) day: u32,
    pub(super) note: String,
    /// Byte offsets in the clause: start, end (after the note).
    pub(super) start: usize,
    pub(super) end: usize,
}

pub(super) fn number_at(s: &str, i: usize) -> Option<(u32, usize)> {
    let digits: String = s[i..].chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() || digits.len() > 4 {
        return None;
    }
    Some((digits.parse().ok()?, i + digits.len()))
}

/// Every written date of a clause.
pub(super) fn dates_in(clause: &str) -> Vec<Written> {
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

pub(super) fn weekday_named(note: &str) -> Option<Weekday> {
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

pub(super) fn weekday_zh(w: Weekday) -> &'static str {
    ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"][w.num_days_from_monday() as usize]
}

/// Splits at the separators outside brackets, keeping the separator with the piece before.
pub(super) fn split_outside_brackets(s: &str, seps: &[char]) -> Vec<String> {
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
pub(super) fn notice_year(text: &str) -> Option<i32> {
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
pub(super) struct Item {
    pub(super) festivals: Vec<&'static str>,
    pub(super) heading: String,
    pub(super) body: String,
}

const ITEM_NUMERALS: &str = "一二三四五六七八九十";

/// Finds `一、X：`, `（一）X：`, `(一)X:` headings; the text before the first is not an item.
pub(super) fn items(text: &str) -> Vec<Item> {
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

/// `共N天` or `放假[调休]N天`.
pub(super) fn count_of(sentence: &str) -> Option<usize> {
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
pub(super) fn sentences(body: &str) -> Vec<String> {
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

pub(super) fn notice_source(text: &str, year: i32) -> NoticeSource {
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
