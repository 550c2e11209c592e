//! Quantities: a number with its unit and the boundary words around it
//! (`85%以上`, `不少于163个托位`, `30-60个工作日`, `百分之十五`, `十余家`, `1.2万人`).

use rust_decimal::Decimal;

use super::numerals::{self, Numeral};
use super::text::Folded;
use crate::Comparator;

/// A quantity read from the text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Quantity {
    /// First character of the quantity, boundary words before the number included.
    pub start: usize,
    /// One past its last character, boundary words after the unit included.
    pub end: usize,
    /// First character of the number itself.
    pub number_start: usize,
    /// The value in `unit`.
    pub value: Decimal,
    /// The upper end of a range (`30-60`).
    pub upper: Option<Decimal>,
    /// The unit, from the catalogue's vocabulary (`%`, `working_days`, `10k_yuan`, ...).
    pub unit: &'static str,
    /// The comparator the boundary words give (以上, 以内, 不少于, 超过 ...), if any.
    pub bound: Option<Comparator>,
    /// True if the text hedges the figure (约, 左右, 近).
    pub approximate: bool,
    /// True if the number was written in Chinese numerals.
    pub chinese: bool,
}

/// Boundary words written before a number, longest first within each group.
const BEFORE: &[(&str, Option<Comparator>)] = &[
    ("不低于", Some(Comparator::AtLeast)),
    ("不少于", Some(Comparator::AtLeast)),
    ("不小于", Some(Comparator::AtLeast)),
    ("至少", Some(Comparator::AtLeast)),
    ("最少", Some(Comparator::AtLeast)),
    ("最低", Some(Comparator::AtLeast)),
    ("不超过", Some(Comparator::AtMost)),
    ("不高于", Some(Comparator::AtMost)),
    ("不多于", Some(Comparator::AtMost)),
    ("不大于", Some(Comparator::AtMost)),
    ("最多", Some(Comparator::AtMost)),
    ("最高", Some(Comparator::AtMost)),
    ("上限", Some(Comparator::AtMost)),
    ("超过", Some(Comparator::MoreThan)),
    ("突破", Some(Comparator::MoreThan)),
    ("高于", Some(Comparator::MoreThan)),
    ("多于", Some(Comparator::MoreThan)),
    ("大于", Some(Comparator::MoreThan)),
    ("低于", Some(Comparator::LessThan)),
    ("少于", Some(Comparator::LessThan)),
    ("小于", Some(Comparator::LessThan)),
    ("不足", Some(Comparator::LessThan)),
    ("不满", Some(Comparator::LessThan)),
    ("大约", None),
    ("接近", None),
    ("约", None),
    ("近", None),
];

/// Units after a number, longest first: (words, unit). A classifier (个, 家, 所 ...) counts.
const UNITS: &[(&str, &str)] = &[
    ("个百分点", "percentage_points"),
    ("百分点", "percentage_points"),
    ("个工作日", "working_days"),
    ("工作日", "working_days"),
    ("个小时", "hours"),
    ("小时", "hours"),
    ("个自然日", "calendar_days"),
    ("自然日", "calendar_days"),
    ("个月", "months"),
    ("平方公里", "square_km"),
    ("平方米", "square_metres"),
    ("千伏安", "kva"),
    ("千伏", "kv"),
    ("千瓦", "kw"),
    ("兆瓦", "mw"),
    ("公里", "km"),
    ("公顷", "hectares"),
    ("人次", "person_times"),
    ("万美元", "10k_usd"),
    ("亿美元", "100m_usd"),
    ("万元", "10k_yuan"),
    ("亿元", "100m_yuan"),
    ("美元", "usd"),
    ("元", "yuan"),
    ("%", "%"),
    ("‰", "per_mille"),
    ("倍", "times"),
    ("天", "calendar_days"),
    ("日", "calendar_days"),
    ("周岁", "years_of_age"),
    ("岁", "years_of_age"),
    ("年", "years"),
    ("周", "weeks"),
    ("亩", "mu"),
    ("米", "metres"),
    ("吨", "tonnes"),
    ("kVA", "kva"),
    ("kV", "kv"),
    ("人", "persons"),
    ("名", "persons"),
    ("位", "persons"),
    ("床", "places"),
];

/// Classifiers: a number of things, counted.
const CLASSIFIERS: &[char] = &[
    '个', '家', '所', '处', '条', '只', '项', '座', '户', '套', '间', '台', '辆', '类', '次', '张', '支',
    '种', '栋', '片', '场', '件', '份', '宗', '笔', '架', '艘', '部', '门', '株', '棵', '盏',
];

/// Nouns ending in 位 that are not places (学位, 托位 and 床位 are).
const NOT_PLACES: &[&str] =
    &["岗位", "单位", "部位", "席位", "地位", "方位", "品位", "定位", "到位", "首位", "全位"];

/// Reads the quantity whose number starts at `i`.
pub(crate) fn read(f: &Folded, i: usize) -> Option<Quantity> {
    let (numeral, percent_prefix) =
        if f.at(i, "百分之") { (numerals::read(f, i + 3)?, true) } else { (numerals::read(f, i)?, false) };
    // Dates and ordinals are not quantities.
    if f.ends_before(i, "第") || f.get(numeral.end) == '月' || f.ends_before(i, "月") {
        return None;
    }
    let mut end = numeral.end;
    let mut more_than = false;
    if matches!(f.get(end), '余' | '多') && !percent_prefix {
        more_than = true;
        end += 1;
    }
    let mut upper = None;
    let (unit, after) = if percent_prefix {
        ("%", end)
    } else if let Some((second, unit, after)) = range_end(f, end, None) {
        // `30-60个工作日`: one unit after both numbers.
        upper = Some(second);
        (unit, after)
    } else {
        let (unit, after) = read_unit(f, end, &numeral)?;
        match range_end(f, after, Some(unit)) {
            // `30%-60%`: the unit after each number.
            Some((second, _, after2)) => {
                upper = Some(second);
                (unit, after2)
            }
            None => (unit, after),
        }
    };
    if upper.is_some_and(|u| u < numeral.value) {
        return None;
    }
    // Percent written before the number (百分之十五) or a money multiplier left unread.
    let value = numeral.value;
    let mut bound = if more_than { Some(Comparator::MoreThan) } else { None };
    let mut approximate = false;
    let mut end_all = after;
    for (words, comparator) in [
        ("以上", Some(Comparator::AtLeast)),
        ("以下", Some(Comparator::AtMost)),
        ("以内", Some(Comparator::AtMost)),
        ("之内", Some(Comparator::AtMost)),
        ("左右", None),
        ("内", Some(Comparator::AtMost)),
    ] {
        if f.at(after, words) {
            if words == "内"
                && !matches!(unit, "working_days" | "calendar_days" | "hours" | "months" | "years" | "weeks")
            {
                continue;
            }
            match comparator {
                Some(c) => bound = Some(c),
                None => approximate = true,
            }
            end_all = after + words.chars().count();
            break;
        }
    }
    let mut start = i;
    for (words, comparator) in BEFORE {
        if f.ends_before(i, words) {
            start = i - words.chars().count();
            match comparator {
                Some(c) => bound = bound.or(Some(*c)),
                None => approximate = true,
            }
            break;
        }
    }
    Some(Quantity {
        start,
        end: end_all,
        number_start: i,
        value,
        upper,
        unit,
        bound,
        approximate,
        chinese: !numeral.arabic,
    })
}

/// Reads the unit after a number ending at `i`; returns the unit and where it ends.
fn read_unit(f: &Folded, i: usize, numeral: &Numeral) -> Option<(&'static str, usize)> {
    let mut j = i;
    while f.get(j) == ' ' && j < i + 2 {
        j += 1;
    }
    if let Some(m) = numeral.money_multiplier {
        return Some(if m == '亿' { ("100m_yuan", j + 2) } else { ("10k_yuan", j + 2) });
    }
    for (words, unit) in UNITS {
        if f.at(j, words) {
            let end = j + words.chars().count();
            // A four-digit year (2025年) is a date, not a duration.
            if *unit == "years"
                && numeral.arabic
                && numeral.value.fract().is_zero()
                && (Decimal::from(1900)..=Decimal::from(2100)).contains(&numeral.value)
            {
                return None;
            }
            if *unit == "metres" && (f.at(end, "级") || f.ends_before(j, "平方")) {
                return None;
            }
            return Some((unit, end));
        }
    }
    let c = f.get(j);
    if CLASSIFIERS.contains(&c) {
        let end = j + 1;
        // 个 in an enumeration takes the unit of the list's last element (1个、7个、30个工作日).
        if c == '个'
            && f.get(end) == '、'
            && let Some(unit) = enumeration_unit(f, end)
        {
            return Some((unit, end));
        }
        if c == '次' && (f.at(end, "/年") || f.at(end, "每年")) {
            return Some(("times_per_year", end));
        }
        if is_place_noun(f, end) {
            return Some(("places", end));
        }
        return Some(("count", end));
    }
    None
}

/// True if a noun of places (学位, 托位, 床位 ...) follows the classifier within four characters.
pub(crate) fn is_place_noun(f: &Folded, i: usize) -> bool {
    for k in i..i + 4 {
        let c = f.get(k);
        if super::text::is_segment_break(c) || c == '、' || c == '\0' {
            return false;
        }
        if c == '位' && k > i && !NOT_PLACES.contains(&f.folded_slice(k - 1, k + 1).as_str()) {
            return true;
        }
    }
    false
}

/// The second number of a range whose separator is at `i`, with its unit and end. With
/// `unit` given, the second number must carry the same unit.
fn range_end(f: &Folded, i: usize, unit: Option<&'static str>) -> Option<(Decimal, &'static str, usize)> {
    if !matches!(f.get(i), '-' | '~' | '至') {
        return None;
    }
    let second = numerals::read(f, i + 1)?;
    let (u2, end) = read_unit(f, second.end, &second)?;
    match unit {
        Some(u) if u != u2 => None,
        _ => Some((second.value, u2, end)),
    }
}

/// The unit of the last element of an enumeration `、7个、30个工作日` starting at `i` (the 、).
fn enumeration_unit(f: &Folded, mut i: usize) -> Option<&'static str> {
    for _ in 0..8 {
        if f.get(i) != '、' {
            return None;
        }
        let n = numerals::read(f, i + 1)?;
        let (unit, end) = read_unit(f, n.end, &n)?;
        if f.get(end) != '、' || unit != "count" {
            return if unit == "count" { None } else { Some(unit) };
        }
        i = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str, at: usize) -> Option<(String, Option<String>, &'static str, Option<Comparator>)> {
        read(&Folded::new(text), at)
            .map(|q| (q.value.to_string(), q.upper.map(|u| u.to_string()), q.unit, q.bound))
    }

    #[test]
    fn units_and_bounds() {
        assert_eq!(q("达到85%以上", 2), Some(("85".into(), None, "%", Some(Comparator::AtLeast))));
        assert_eq!(
            q("压缩至3个工作日内", 3),
            Some(("3".into(), None, "working_days", Some(Comparator::AtMost)))
        );
        assert_eq!(q("不少于163个托位", 3), Some(("163".into(), None, "places", Some(Comparator::AtLeast))));
        assert_eq!(q("30-60个工作日", 0), Some(("30".into(), Some("60".into()), "working_days", None)));
        assert_eq!(q("30—60个工作日", 0), Some(("30".into(), Some("60".into()), "working_days", None)));
        assert_eq!(q("百分之十五", 0), Some(("15".into(), None, "%", None)));
        assert_eq!(q("3亿元", 0), Some(("3".into(), None, "100m_yuan", None)));
        assert_eq!(q("上限2万元", 2), Some(("2".into(), None, "10k_yuan", Some(Comparator::AtMost))));
        assert_eq!(q("十余家", 0), Some(("10".into(), None, "count", Some(Comparator::MoreThan))));
        assert_eq!(q("1.2万人", 0), Some(("12000".into(), None, "persons", None)));
        assert_eq!(q("提高2个百分点", 2), Some(("2".into(), None, "percentage_points", None)));
        assert_eq!(q("分别压缩至1个、7个、30个工作日", 5).unwrap().2, "working_days");
        assert_eq!(q("学位2.5万个以上", 2).unwrap().0, "25000");
        assert_eq!(q("2025年", 0), None);
        assert_eq!(q("第3个", 1), None);
        assert_eq!(q("4月26日", 2), None);
    }
}
