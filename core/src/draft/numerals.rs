//! Numbers as policy documents write them: Arabic (`1,200`, `0.9`, full-width digits),
//! Chinese (`一万二千`, `两`, `十`, `二〇二五`), and Arabic with a Chinese multiplier (`1.2万`).

use rust_decimal::Decimal;

use super::text::Folded;

/// A number read from the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Numeral {
    /// Its value, with any multiplier (万, 亿) that was read as part of it applied.
    pub value: Decimal,
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// True if written in Arabic digits.
    pub arabic: bool,
    /// The multiplier left unread because it belongs to a money unit (`3亿元`: 亿 stays for 亿元).
    pub money_multiplier: Option<char>,
}

/// The value of a Chinese digit, 零 to 九 (with 两 and the financial forms).
pub(crate) fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn small_unit(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// True if `c` can appear in a Chinese numeral.
pub(crate) fn is_chinese_numeral_char(c: char) -> bool {
    chinese_digit(c).is_some() || small_unit(c).is_some() || c == '万' || c == '亿'
}

/// Reads the number that starts at `i`, if one does. A number must not continue a longer
/// run of digits or letters (`S114`, `5G` are names, not numbers).
pub(crate) fn read(f: &Folded, i: usize) -> Option<Numeral> {
    let c = f.get(i);
    if c.is_ascii_digit() {
        if i > 0 && (f.get(i - 1).is_ascii_alphanumeric() || f.get(i - 1) == '.') {
            return None;
        }
        read_arabic(f, i)
    } else if is_chinese_numeral_char(c) {
        if i > 0 && is_chinese_numeral_char(f.get(i - 1)) {
            return None;
        }
        read_chinese(f, i)
    } else {
        None
    }
}

fn read_arabic(f: &Folded, start: usize) -> Option<Numeral> {
    let mut i = start;
    let mut digits = String::new();
    while i < f.len() {
        let c = f.get(i);
        if c.is_ascii_digit() {
            digits.push(c);
            i += 1;
        } else if c == ','
            && (1..=3).all(|k| f.get(i + k).is_ascii_digit())
            && !f.get(i + 4).is_ascii_digit()
            && digits.len() <= 3 + 4 * 6
        {
            // A thousands separator only where three digits follow (`1,200`), never a list
            // comma (`1,7`).
            i += 1;
        } else {
            break;
        }
        if digits.len() > 28 {
            return None;
        }
    }
    if f.get(i) == '.' && f.get(i + 1).is_ascii_digit() {
        digits.push('.');
        i += 1;
        while f.get(i).is_ascii_digit() && digits.len() < 28 {
            digits.push(f.get(i));
            i += 1;
        }
        if f.get(i).is_ascii_digit() {
            return None;
        }
    }
    let mut value: Decimal = digits.parse().ok()?;
    let mut money_multiplier = None;
    match f.get(i) {
        m @ ('万' | '亿') if money_follows(f, i + 1) => money_multiplier = Some(m),
        '万' => {
            value = value.checked_mul(Decimal::from(10_000))?;
            i += 1;
        }
        '亿' => {
            value = value.checked_mul(Decimal::from(100_000_000))?;
            i += 1;
        }
        _ => {}
    }
    Some(Numeral { value: value.normalize(), start, end: i, arabic: true, money_multiplier })
}

fn money_follows(f: &Folded, i: usize) -> bool {
    f.get(i) == '元' || f.at(i, "美元")
}

fn read_chinese(f: &Folded, start: usize) -> Option<Numeral> {
    // A run of bare digits (二零二五) is positional.
    let mut i = start;
    while chinese_digit(f.get(i)).is_some() {
        i += 1;
    }
    if i - start >= 2 && !is_chinese_numeral_char(f.get(i)) {
        let mut value = Decimal::ZERO;
        for k in start..i {
            value = value * Decimal::TEN + Decimal::from(chinese_digit(f.get(k))?);
        }
        return Some(Numeral { value, start, end: i, arabic: false, money_multiplier: None });
    }
    let mut result: u64 = 0;
    let mut section: u64 = 0;
    let mut number: Option<u64> = None;
    let mut i = start;
    let mut money_multiplier = None;
    loop {
        let c = f.get(i);
        if c == '零' {
            // A placeholder between non-adjacent units (一万零五).
            number = None;
        } else if let Some(d) = chinese_digit(c) {
            if number.is_some() {
                // Two digits in a row after units (十四五): a name, not a number.
                return None;
            }
            number = Some(d as u64);
        } else if let Some(u) = small_unit(c) {
            let n = match number {
                Some(n) => n,
                None if u == 10 => 1,
                None => return None,
            };
            section += n * u as u64;
            number = None;
        } else if c == '万' || c == '亿' {
            if i == start {
                return None;
            }
            if money_follows(f, i + 1) {
                money_multiplier = Some(c);
                break;
            }
            section += number.take().unwrap_or(0);
            if c == '亿' {
                result = (result + section).checked_mul(100_000_000)?;
            } else {
                result = result.checked_add(section.checked_mul(10_000)?)?;
            }
            section = 0;
        } else {
            break;
        }
        i += 1;
        if i - start > 24 {
            return None;
        }
    }
    if i == start {
        return None;
    }
    let value = result.checked_add(section)?.checked_add(number.unwrap_or(0))?;
    Some(Numeral { value: Decimal::from(value), start, end: i, arabic: false, money_multiplier })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn value(text: &str) -> Option<String> {
        read(&Folded::new(text), 0).map(|n| n.value.to_string())
    }

    #[test]
    fn reads_the_forms_of_the_documents() {
        assert_eq!(value("一万二千人").as_deref(), Some("12000"));
        assert_eq!(value("两个").as_deref(), Some("2"));
        assert_eq!(value("十个").as_deref(), Some("10"));
        assert_eq!(value("十五").as_deref(), Some("15"));
        assert_eq!(value("一百零五").as_deref(), Some("105"));
        assert_eq!(value("二〇二五年").as_deref(), Some("2025"));
        assert_eq!(value("1.2万").as_deref(), Some("12000"));
        assert_eq!(value("2.5万个").as_deref(), Some("25000"));
        assert_eq!(value("1,274.3亿元").as_deref(), Some("1274.3"));
        assert_eq!(value("１２３").as_deref(), Some("123"));
        assert_eq!(value("十四五"), None);
        assert_eq!(value("万众"), None);
    }

    #[test]
    fn money_keeps_its_multiplier() {
        let n = read(&Folded::new("3亿元"), 0).unwrap();
        assert_eq!((n.value.to_string().as_str(), n.end, n.money_multiplier), ("3", 1, Some('亿')));
    }

    #[test]
    fn names_are_not_numbers() {
        let f = Folded::new("S114线");
        assert!(read(&f, 1).is_none());
    }

    /// Writes `n` (below 10^12) the way a document would, for the round trip.
    fn to_chinese(n: u64) -> String {
        const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
        fn below_10k(n: u64, leading: bool) -> String {
            let mut s = String::new();
            let mut zero = false;
            for (unit, name) in [(1000, "千"), (100, "百"), (10, "十"), (1, "")] {
                let d = (n / unit) % 10;
                if d == 0 {
                    zero = !s.is_empty() || !leading;
                    continue;
                }
                if zero && (!s.is_empty() || !leading) {
                    s.push('零');
                }
                zero = false;
                if !(d == 1 && unit == 10 && s.is_empty() && leading) {
                    s.push(DIGITS[d as usize]);
                }
                s.push_str(name);
            }
            s
        }
        if n == 0 {
            return "零".into();
        }
        let (yi, wan, rest) = (n / 100_000_000, (n / 10_000) % 10_000, n % 10_000);
        let mut s = String::new();
        if yi > 0 {
            s += &below_10k(yi, true);
            s.push('亿');
        }
        if wan > 0 {
            s += &below_10k(wan, s.is_empty());
            s.push('万');
        } else if yi > 0 && rest > 0 {
            s.push('零');
        }
        if rest > 0 {
            s += &below_10k(rest, s.is_empty());
        }
        s
    }

    proptest! {
        #[test]
        fn chinese_numerals_round_trip(n in 0u64..1_000_000_000_000) {
            let text = format!("{}个", to_chinese(n));
            prop_assert_eq!(value(&text), Some(n.to_string()), "{}", text);
        }

        #[test]
        fn full_width_digits_read_as_ascii(n in 0u64..10_000_000_000, frac in 0u32..1000) {
            let ascii = format!("{n}.{frac:03}");
            let wide: String = ascii.chars().map(|c| if c.is_ascii_digit() {
                char::from_u32(c as u32 + 0xFEE0).unwrap() } else { '．' }).collect();
            prop_assert_eq!(value(&wide), value(&ascii));
        }

        #[test]
        fn reading_never_panics_and_stays_in_bounds(s in "\\PC{0,40}", i in 0usize..40) {
            let f = Folded::new(&s);
            if let Some(n) = read(&f, i) {
                prop_assert!(n.start == i && n.end > n.start && n.end <= f.len());
            }
        }
    }
}
