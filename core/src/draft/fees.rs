//! Fee and rate rules: a rate (按1%收取, 比例由2%调整为1%), its cap (最高不超过2万元,
//! 上限2万元), its floor (最低…元) and its exceptions (PPP项目除外, 除…以外).

use super::model::Amount;
use super::targets::Reading;
use super::text::Folded;
use crate::Comparator;

/// A fee rule read from one sentence.
#[derive(Debug, Clone)]
pub(crate) struct Fee {
    /// The reading of the rate.
    pub rate: usize,
    /// The cap.
    pub cap: Option<Amount>,
    /// The floor.
    pub floor: Option<Amount>,
    /// Exclusions.
    pub exceptions: Vec<String>,
    /// Characters the rule spans (rate to last part).
    pub span: (usize, usize),
}

const FEE_WORDS: &[&str] = &["费", "保证金", "收取", "缴纳", "计提", "征收", "收费", "押金"];

/// Reads the fee rules of the readings of one sentence (`readings` share the sentence).
pub(crate) fn read(f: &Folded, readings: &[Reading], offset: usize) -> Vec<Fee> {
    let Some(first) = readings.first() else { return Vec::new() };
    let (s0, s1) = first.sentence;
    let sentence = f.folded_slice(s0, s1);
    if !FEE_WORDS.iter().any(|w| sentence.contains(w)) {
        return Vec::new();
    }
    let mut fees = Vec::new();
    for (k, r) in readings.iter().enumerate() {
        if r.q.unit != "%"
            || r.is_baseline
            || matches!(r.comparator, Comparator::IncreaseBy | Comparator::ReduceBy)
        {
            continue;
        }
        let segment = f.folded_slice(r.segment.0, r.segment.1);
        if !FEE_WORDS.iter().any(|w| segment.contains(w))
            && !segment.contains("率")
            && !segment.contains("比例")
        {
            continue;
        }
        let mut fee = Fee {
            rate: offset + k,
            cap: None,
            floor: None,
            exceptions: Vec::new(),
            span: (r.q.start, r.q.end),
        };
        for m in &readings[k + 1..] {
            if !m.q.unit.ends_with("yuan") {
                continue;
            }
            let amount = Amount { value: m.q.value, unit: m.q.unit.to_owned() };
            match m.comparator {
                Comparator::AtMost | Comparator::LessThan if fee.cap.is_none() => fee.cap = Some(amount),
                Comparator::AtLeast | Comparator::MoreThan if fee.floor.is_none() => fee.floor = Some(amount),
                _ => continue,
            }
            fee.span.1 = m.q.end;
        }
        fee.exceptions = exceptions(f, s0, s1);
        fees.push(fee);
    }
    fees
}

/// 除X以外 / 除X外 / X除外, within a sentence.
fn exceptions(f: &Folded, s0: usize, s1: usize) -> Vec<String> {
    let mut found = Vec::new();
    let mut i = s0;
    while i < s1 {
        if f.get(i) == '除' && !f.at(i, "除外") {
            let mut j = i + 1;
            while j < s1 && j - i < 30 && !super::text::is_segment_break(f.get(j)) {
                if f.at(j, "以外") || f.at(j, "之外") || f.get(j) == '外' {
                    let what = f.slice(i + 1, j);
                    if !what.trim().is_empty() {
                        found.push(what.trim().to_owned());
                    }
                    break;
                }
                j += 1;
            }
            i = j;
        } else if f.at(i, "除外") {
            let mut s = i;
            while s > s0 && i - s < 20 && !super::text::is_segment_break(f.get(s - 1)) && f.get(s - 1) != '的'
            {
                s -= 1;
            }
            let what = f.slice(s, i);
            if !what.trim().is_empty() {
                found.push(what.trim().to_owned());
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    found
}
