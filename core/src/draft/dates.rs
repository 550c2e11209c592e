//! Time phrases: when a target is due or what period it covers (到2025年, 2022年7月底前,
//! 年底前, 三年内, “十四五”末, 未来五年), resolved against the document's issue date and period.

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::prelude::ToPrimitive;

use super::numerals;
use super::text::Folded;
use crate::Period;

/// When a target is due: a date, or a period it holds over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum When {
    /// Due by this date.
    Deadline(NaiveDate),
    /// Holds over this period.
    Period(Period),
}

/// A time phrase found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TimePhrase {
    /// What it resolves to.
    pub when: When,
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// True if it names a past plan period (“十三五”) or a year before the document's.
    pub past: bool,
}

/// What phrases are resolved against.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Anchor {
    /// The document's issue date.
    pub issued: Option<NaiveDate>,
    /// The period the document covers.
    pub period: Option<Period>,
}

impl Anchor {
    /// The year a bare 年底 refers to: the issue year, else the first year of the period.
    fn base_year(&self) -> Option<i32> {
        self.issued.map(|d| d.year()).or(self.period.map(|p| p.from.year()))
    }
}

fn year_end(year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, 12, 31)
}

fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    first.checked_add_months(Months::new(1))?.pred_opt()
}

/// The first year of the Nth five-year plan (the 3rd began in 1966 after three years of
/// adjustment; every later one follows on).
fn plan_start(n: u32) -> Option<i32> {
    match n {
        1 => Some(1953),
        2 => Some(1958),
        3..=30 => Some(1966 + 5 * (n as i32 - 3)),
        _ => None,
    }
}

/// The time phrases in `start..end`, in order.
pub(crate) fn phrases(f: &Folded, start: usize, end: usize, anchor: &Anchor) -> Vec<TimePhrase> {
    let mut found = Vec::new();
    let mut i = start;
    while i < end {
        if let Some(p) = phrase_at(f, i, anchor) {
            i = p.end.max(i + 1);
            found.push(p);
        } else {
            i += 1;
        }
    }
    found
}

fn phrase_at(f: &Folded, i: usize, anchor: &Anchor) -> Option<TimePhrase> {
    let c = f.get(i);
    let issued_year = anchor.base_year();
    // Plans: 十四五, “十四五”, 十三五.
    if c == '十' && numerals::chinese_digit(f.get(i + 1)).is_some() && f.get(i + 2) == '五' {
        let n = 10 + numerals::chinese_digit(f.get(i + 1))?;
        let from = plan_start(n)?;
        let mut j = i + 3;
        if matches!(f.get(j), '”' | '"' | '’') {
            j += 1;
        }
        let plan = Period { from: NaiveDate::from_ymd_opt(from, 1, 1)?, until: year_end(from + 4)? };
        let past = issued_year.is_some_and(|y| from + 4 < y);
        for word in ["期末", "末期", "末"] {
            if f.at(j, word) {
                return Some(TimePhrase {
                    when: When::Deadline(plan.until),
                    start: i,
                    end: j + word.chars().count(),
                    past,
                });
            }
        }
        for word in ["期间", "时期", "以来", "规划期", ""] {
            if f.at(j, word) {
                return Some(TimePhrase {
                    when: When::Period(plan),
                    start: i,
                    end: j + word.chars().count(),
                    past,
                });
            }
        }
    }
    // A four-digit year: 2025年, 2022年底, 2022年7月底前, 2018-2022年.
    if c.is_ascii_digit() && (i == 0 || !f.get(i - 1).is_ascii_digit()) {
        let year = four_digit(f, i)?;
        // 较2021年, 比2020年: the base of a comparison, not a time.
        if i > 0 && matches!(f.get(i - 1), '较' | '比') {
            return None;
        }
        let mut j = i + 4;
        if matches!(f.get(j), '-' | '至' | '~')
            && let Some(until) = four_digit(f, j + 1)
            && until >= year
            && f.get(j + 5) == '年'
        {
            let p = Period { from: NaiveDate::from_ymd_opt(year, 1, 1)?, until: year_end(until)? };
            let past = issued_year.is_some_and(|y| until < y);
            return Some(TimePhrase { when: When::Period(p), start: i, end: j + 6, past });
        }
        if f.get(j) != '年' {
            return None;
        }
        j += 1;
        let mut date = year_end(year)?;
        if let Some(m) = numerals::read(f, j)
            && f.get(m.end) == '月'
        {
            let month = m.value.to_u32().filter(|m| (1..=12).contains(m))?;
            date = month_end(year, month)?;
            j = m.end + 1;
        }
        for word in ["年底前", "底前", "年底", "年末", "底", "末", "前"] {
            if f.at(j, word) {
                j += word.chars().count();
                break;
            }
        }
        let start = if f.ends_before(i, "到") || f.ends_before(i, "至") || f.ends_before(i, "于") {
            i - 1
        } else {
            i
        };
        let past = issued_year.is_some_and(|y| year < y);
        return Some(TimePhrase { when: When::Deadline(date), start, end: j, past });
    }
    // 年底前, 年内 with no year: the issue year.
    if (c == '年' || c == '今') && !f.ends_before(i, "每") && (i == 0 || !f.get(i - 1).is_ascii_digit()) {
        for word in ["年底前", "年底", "年内", "今年底", "今年内", "今年"] {
            if f.at(i, word) && numerals::chinese_digit(f.get(i.wrapping_sub(1))).is_none() {
                let date = year_end(issued_year?)?;
                return Some(TimePhrase {
                    when: When::Deadline(date),
                    start: i,
                    end: i + word.chars().count(),
                    past: false,
                });
            }
        }
    }
    // 未来五年, 今后五年: the document's period.
    for lead in ["未来", "今后"] {
        if f.at(i, lead) {
            let n = numerals::read(f, i + 2)?;
            if f.get(n.end) != '年' {
                return None;
            }
            let years = n.value.to_i32().filter(|y| (1..=30).contains(y))?;
            let period = anchor.period.or_else(|| {
                let y = anchor.issued?.year();
                Some(Period { from: NaiveDate::from_ymd_opt(y + 1, 1, 1)?, until: year_end(y + years)? })
            })?;
            return Some(TimePhrase { when: When::Period(period), start: i, end: n.end + 1, past: false });
        }
    }
    // 三年内, 利用三年时间, 三年实现: a horizon counted from the period's start or the issue date.
    if numerals::chinese_digit(c).is_some() || c == '十' || c.is_ascii_digit() {
        if i > 0 && (numerals::is_chinese_numeral_char(f.get(i - 1)) || f.get(i - 1).is_ascii_digit()) {
            return None;
        }
        let n = numerals::read(f, i)?;
        if f.get(n.end) != '年'
            || !["内", "时间", "实现", "左右", "间", "以内"].iter().any(|w| f.at(n.end + 1, w))
        {
            return None;
        }
        let years = n.value.to_i32().filter(|y| (1..=10).contains(y))?;
        let date = match (anchor.period, anchor.issued) {
            (Some(p), _) => year_end(p.from.year() + years - 1)?,
            (None, Some(d)) => d.checked_add_months(Months::new(12 * years as u32))?,
            (None, None) => return None,
        };
        let end = n.end + 1 + if f.at(n.end + 1, "内") { 1 } else { 0 };
        return Some(TimePhrase { when: When::Deadline(date), start: i, end, past: false });
    }
    None
}

fn four_digit(f: &Folded, i: usize) -> Option<i32> {
    if (0..4).all(|k| f.get(i + k).is_ascii_digit()) && !f.get(i + 4).is_ascii_digit() {
        let y: i32 = f.folded_slice(i, i + 4).parse().ok()?;
        (1900..=2100).contains(&y).then_some(y)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn first(text: &str, anchor: Anchor) -> Option<When> {
        let f = Folded::new(text);
        phrases(&f, 0, f.len(), &anchor).first().map(|p| p.when)
    }

    #[test]
    fn resolves_the_usual_phrases() {
        let issued = Anchor { issued: Some(d(2022, 5, 18)), period: None };
        assert_eq!(first("到2025年实现", issued), Some(When::Deadline(d(2025, 12, 31))));
        assert_eq!(first("于2022年7月底前完成", issued), Some(When::Deadline(d(2022, 7, 31))));
        assert_eq!(first("年底前实现", issued), Some(When::Deadline(d(2022, 12, 31))));
        assert_eq!(first("三年内建成", issued), Some(When::Deadline(d(2025, 5, 18))));
        let plan =
            Anchor { issued: None, period: Some(Period { from: d(2022, 1, 1), until: d(2024, 12, 31) }) };
        assert_eq!(first("利用三年时间,建设", plan), Some(When::Deadline(d(2024, 12, 31))));
        assert_eq!(first("“十四五”末,参保率达100%", issued), Some(When::Deadline(d(2025, 12, 31))));
        assert_eq!(
            first("十三五期间", issued),
            Some(When::Period(Period { from: d(2016, 1, 1), until: d(2020, 12, 31) }))
        );
        assert_eq!(
            first("(2018-2022年)", issued),
            Some(When::Period(Period { from: d(2018, 1, 1), until: d(2022, 12, 31) }))
        );
    }
}
