//! Targets: the quantities of a sentence, with what they measure, how they compare, by when,
//! and from what baseline.
//!
//! The grammar: a metric, a verb and a quantity (依申请类事项网上办理比例达到85%以上;
//! 企业开办时限压缩至2个工作日内; 研发投入经费总额增长20%), or a verb, a quantity and the
//! thing counted (新建3个托育机构; 新增不少于163个托位), with a time phrase somewhere before
//! (到2025年, 2022年底前, 三年内). Verbs decide the comparator when no boundary word does:
//! 压缩至 / 降至 / 控制在 cap a value (at most), 达到 / 提高到 set a floor (at least),
//! 增长 / 减少 + a percentage are changes (increase by / reduce by), 由A…到B gives a baseline.

use rust_decimal::Decimal;

use super::dates::{self, Anchor, TimePhrase, When};
use super::quantity::{self, Quantity};
use super::text::{self, Folded};
use crate::Comparator;

/// A quantity read in context.
#[derive(Debug, Clone)]
pub(crate) struct Reading {
    /// The quantity.
    pub q: Quantity,
    /// Its comparator, from boundary words or the verb.
    pub comparator: Comparator,
    /// Start of the segment (between commas) holding it.
    pub segment: (usize, usize),
    /// Start of the sentence holding it.
    pub sentence: (usize, usize),
    /// Where the metric's words start.
    pub metric_start: usize,
    /// The metric words (before and after the quantity, without it), verbatim.
    pub metric: String,
    /// The same words folded (simplified, half-width), for reading units from them.
    pub metric_key: String,
    /// The baseline (由A提高到B).
    pub baseline: Option<Decimal>,
    /// The last time phrase before it in its sentence.
    pub when: Option<TimePhrase>,
    /// True if it is a baseline of a later quantity, not a figure of its own.
    pub is_baseline: bool,
    /// True if the comparator came from a word of the text rather than the default.
    pub explicit: bool,
    /// The words that gave the comparator.
    pub verb: Option<&'static str>,
}

/// Verbs that cap a value: the quantity after them is a maximum.
const REDUCE_TO: &[&str] = &[
    "压缩至",
    "压缩到",
    "缩短至",
    "缩短到",
    "压减至",
    "压减到",
    "缩减至",
    "缩减到",
    "降低至",
    "降低到",
    "降至",
    "降到",
    "减少至",
    "减少到",
    "减至",
    "下降至",
    "下降到",
    "控制在",
    "短至",
    "缩至",
];
/// Verbs that set a floor: the quantity after them is a minimum (100% is reached exactly).
const RAISE_TO: &[&str] = &[
    "提高到",
    "提高至",
    "提升到",
    "提升至",
    "增加到",
    "增加至",
    "增长到",
    "增长至",
    "扩大到",
    "扩大至",
    "达到",
    "稳定在",
    "保持在",
    "达",
    "超",
];
/// Verbs of a relative rise: with a percentage, an increase by.
const RISE_BY: &[&str] = &["年均增长", "年均提高", "增长", "增加", "提高", "提升", "上升", "扩大", "增幅"];
/// Verbs of a relative fall: with a percentage, a reduction by.
const FALL_BY: &[&str] = &["缩减", "精简", "减少", "降低", "下降", "压减", "压缩", "削减", "缩短"];
/// Verbs that set a new value from an old one (由A调整为B): the direction decides.
const SET_TO: &[&str] = &["调整为", "调整到", "调整至", "变为", "为"];
/// Words trimmed from the end of a metric.
const METRIC_TAIL: &[&str] = &[
    "分别",
    "平均",
    "均",
    "都",
    "力争",
    "确保",
    "累计",
    "新增",
    "新建",
    "达",
    "以上",
    "不少于",
    "不低于",
    "不超过",
    "至少",
    "约",
];
/// Words trimmed from the start of a metric.
const METRIC_HEAD: &[&str] =
    &["到", "至", "于", "在", "并", "将", "确保", "力争", "实现", "使", "其中", "全区", "和"];

/// Reads the quantities of sentence `start..end`.
pub(crate) fn read_sentence(f: &Folded, start: usize, end: usize, anchor: &Anchor, out: &mut Vec<Reading>) {
    let phrases = dates::phrases(f, start, end, anchor);
    let mask = quoted(f, start, end);
    let first = out.len();
    let mut i = start;
    let mut next_phrase = 0;
    while i < end {
        let c = f.get(i);
        while next_phrase < phrases.len() && phrases[next_phrase].end <= i {
            next_phrase += 1;
        }
        let in_phrase = phrases.get(next_phrase).is_some_and(|p| p.start <= i && i < p.end);
        if !mask[i - start]
            && !in_phrase
            && could_start(c)
            && let Some(q) = quantity::read(f, i)
            && q.end <= end
            && accept(f, &q)
        {
            i = q.end;
            let reading = contextualise(f, q, start, end, &phrases, out.get(first..).unwrap_or(&[]));
            out.push(reading);
            continue;
        }
        if !mask[i - start]
            && let Some(r) = phrase_quantity(f, i, start, end, &phrases)
        {
            i = r.q.end;
            out.push(r);
            continue;
        }
        i += 1;
    }
    link_baselines(f, &mut out[first..]);
}

fn could_start(c: char) -> bool {
    c.is_ascii_digit() || super::numerals::is_chinese_numeral_char(c)
}

/// Chinese numerals are everywhere in ordinary words (一批, 统一, 三项改革); they count only
/// with a unit of measure or a classifier and a verb of making or reaching.
fn accept(f: &Folded, q: &Quantity) -> bool {
    if matches!(q.unit, "years" | "weeks") {
        return false;
    }
    if !q.chinese {
        return true;
    }
    if q.unit != "count" {
        // 一天, 一人, 一次: idioms, unless bounded (至少一人).
        return q.value != Decimal::ONE || q.bound.is_some();
    }
    let before = f.folded_slice(q.start.saturating_sub(4), q.start);
    if q.value == Decimal::ONE {
        // 建设一支队伍, 打造一条产业链: "a", not a count, unless bounded (至少掌握一门).
        let wider = f.folded_slice(q.start.saturating_sub(6), q.start);
        return q.bound.is_some() || ["至少", "最少", "不少于"].iter().any(|w| wider.contains(w));
    }
    q.bound.is_some()
        || ["新增", "新建", "建成", "建设", "打造", "培育", "达到", "掌握", "增加", "设立", "引进", "创建"]
            .iter()
            .any(|w| before.ends_with(w))
}

/// Marks the characters of `start..end` inside quotation marks or book-title marks: names
/// (“最多跑一次”, 《2022年优化营商环境87项措施》), not figures.
fn quoted(f: &Folded, start: usize, end: usize) -> Vec<bool> {
    let mut mask = vec![false; end - start];
    let mut depth = 0i32;
    for k in start..end {
        let c = f.get(k);
        if matches!(c, '“' | '《' | '「' | '〈') {
            depth += 1;
        }
        mask[k - start] = depth > 0;
        if matches!(c, '”' | '》' | '」' | '〉') {
            depth = (depth - 1).max(0);
        }
    }
    mask
}

/// The segment (between commas, at most `MAX_SEGMENT` characters either side) around `pos`.
fn segment_of(f: &Folded, q: &Quantity, start: usize, end: usize) -> (usize, usize) {
    const MAX_SEGMENT: usize = 200;
    let pos = q.start;
    let mut s = pos;
    while s > start && pos - s < MAX_SEGMENT && !text::is_segment_break(f.get(s - 1)) {
        s -= 1;
    }
    // From the quantity's end: its own characters may hold a comma (1,200).
    let mut e = q.end.min(end);
    while e < end && e - pos < MAX_SEGMENT && !text::is_segment_break(f.get(e)) {
        e += 1;
    }
    (s, e)
}

fn ends_with_any(text: &str, words: &[&'static str]) -> Option<&'static str> {
    words.iter().copied().find(|w| text.ends_with(w))
}

fn contextualise(
    f: &Folded,
    q: Quantity,
    start: usize,
    end: usize,
    phrases: &[TimePhrase],
    earlier: &[Reading],
) -> Reading {
    let segment = segment_of(f, &q, start, end);
    let when = phrases.iter().rev().find(|p| p.end <= q.start).copied();
    let before = f.folded_slice(segment.0, q.start);
    let percent = matches!(q.unit, "%" | "percentage_points" | "per_mille");
    let mut verb = None;
    let comparator = if let (Some(v), true) = (ends_with_any(&before, RISE_BY), percent || q.unit == "times")
    {
        verb = Some(v);
        Comparator::IncreaseBy
    } else if let (Some(v), true) = (ends_with_any(&before, FALL_BY), percent) {
        verb = Some(v);
        Comparator::ReduceBy
    } else if q.upper.is_some() {
        // 压缩至30-60个工作日: a range to bring something into is its far bound (the range is
        // kept as stated); a bare range stays a range.
        if let Some(v) = ends_with_any(&before, REDUCE_TO) {
            verb = Some(v);
            Comparator::AtMost
        } else if let Some(v) = ends_with_any(&before, RAISE_TO) {
            verb = Some(v);
            Comparator::AtLeast
        } else {
            Comparator::Range
        }
    } else if let Some(b) = q.bound {
        verb = Some("bound");
        b
    } else if let Some(v) = ends_with_any(&before, REDUCE_TO) {
        verb = Some(v);
        Comparator::AtMost
    } else if let Some(v) = ends_with_any(&before, RAISE_TO) {
        verb = Some(v);
        if is_full(&q) { Comparator::Equal } else { Comparator::AtLeast }
    } else if let Some(prev) = enumeration_head(f, &q, earlier) {
        // 分别压缩至1个、7个、30个工作日: the list shares its verb.
        verb = prev.verb;
        prev.comparator
    } else if let Some((word, c)) = modal_bound(&before) {
        // 至少掌握一门: the bound modifies the verb before the number.
        verb = Some(word);
        c
    } else if let Some(prev) = subset_of(f, &q, segment, earlier) {
        // 帮助2500名以上劳动者成功创业,其中青年大学生1500名: a part shares the whole's bound.
        verb = Some("其中");
        prev.comparator
    } else if q.unit == "count" && f.at(q.end - 1, "次") && before.contains('每') {
        // 每半年…进行1次审查: a frequency is a minimum.
        verb = Some("每");
        Comparator::AtLeast
    } else if let Some(v) = deliverable(f, &q, segment) {
        // 新增园位540个, 新建3个托育机构, 引进…100名: a number to deliver is a minimum.
        verb = Some(v);
        Comparator::AtLeast
    } else {
        Comparator::Equal
    };
    let explicit = verb.is_some();
    let metric_start = when.filter(|p| p.end > segment.0).map_or(segment.0, |p| p.end);
    let (metric, metric_key) = metric_words(f, metric_start, &q, segment.1);
    Reading {
        q,
        comparator,
        segment,
        sentence: (start, end),
        metric_start,
        metric,
        metric_key,
        baseline: None,
        when,
        is_baseline: false,
        explicit,
        verb,
    }
}

fn is_full(q: &Quantity) -> bool {
    q.unit == "%" && q.value == Decimal::ONE_HUNDRED
}

/// Verbs of building or bringing in: the number they govern is a quantity to deliver.
const DELIVER: &[&str] = &[
    "新增",
    "新建",
    "改扩建",
    "建设",
    "建成",
    "打造",
    "培育",
    "培养",
    "引进",
    "招引",
    "成立",
    "设立",
    "改造",
    "创建",
    "组建",
    "开设",
    "增加",
];

/// The verb that makes a count (or an amount, people, places) a deliverable, if the segment
/// has one; percentages and durations are governed by their own verbs.
fn deliverable(f: &Folded, q: &Quantity, segment: (usize, usize)) -> Option<&'static str> {
    if matches!(
        q.unit,
        "%" | "percentage_points"
            | "per_mille"
            | "working_days"
            | "calendar_days"
            | "hours"
            | "months"
            | "years"
    ) {
        return None;
    }
    let words = f.folded_slice(segment.0, segment.1);
    DELIVER.iter().copied().find(|w| words.contains(w))
}

/// A bound word a few characters before the number, across a short verb (至少掌握一门).
fn modal_bound(before: &str) -> Option<(&'static str, Comparator)> {
    let tail: String = before.chars().rev().take(6).collect::<Vec<_>>().into_iter().rev().collect();
    [
        ("至少", Comparator::AtLeast),
        ("不少于", Comparator::AtLeast),
        ("最少", Comparator::AtLeast),
        ("最多", Comparator::AtMost),
        ("不超过", Comparator::AtMost),
    ]
    .into_iter()
    .find(|(w, _)| tail.contains(w))
}

/// The reading of the whole a 其中 segment is part of.
fn subset_of<'r>(
    f: &Folded,
    q: &Quantity,
    segment: (usize, usize),
    earlier: &'r [Reading],
) -> Option<&'r Reading> {
    let prev = earlier.last()?;
    let lead = f.folded_slice(segment.0, q.start);
    (lead.starts_with("其中") && prev.q.unit == q.unit && prev.q.bound.is_some()).then_some(prev)
}

/// True if the quantity describes a class of things rather than setting a target: an
/// attribute with a boundary word (不大于3000平方米的厂房), or a condition (对…10万元限额
/// 以下…的企业).
pub(crate) fn is_threshold(f: &Folded, r: &Reading) -> bool {
    let mut k = r.q.end;
    if f.at(k, "(含)") {
        k += 3;
    }
    if r.q.bound.is_some() && matches!(f.get(k), '的' | '且') {
        return true;
    }
    // 3岁以下婴幼儿, 60周岁以上老年人: an age bound names a group of people.
    if r.q.unit == "years_of_age" && r.q.bound.is_some() {
        return true;
    }
    let segment = f.folded_slice(r.segment.0, r.segment.1);
    let after = f.folded_slice(r.q.end, r.segment.1);
    (segment.starts_with('对') || segment.starts_with('凡')) && after.contains('的')
}

/// The reading this quantity continues in a list (`1个、7个、30个工作日`, `2条、7处`).
fn enumeration_head<'r>(f: &Folded, q: &Quantity, earlier: &'r [Reading]) -> Option<&'r Reading> {
    let prev = earlier.last()?;
    (f.get(q.start.checked_sub(1)?) == '、' && prev.q.end + 1 == q.start && prev.q.unit == q.unit)
        .then_some(prev)
}

/// The metric: the segment's words before the quantity (without the time phrase and the
/// verb), and the thing counted after it.
fn metric_words(f: &Folded, from: usize, q: &Quantity, seg_end: usize) -> (String, String) {
    let mut a = from;
    let mut b = q.start;
    loop {
        let before = f.folded_slice(a, b);
        if let Some(w) = ends_with_any(&before, REDUCE_TO)
            .or_else(|| ends_with_any(&before, RAISE_TO))
            .or_else(|| ends_with_any(&before, SET_TO))
            .or_else(|| ends_with_any(&before, RISE_BY))
            .or_else(|| ends_with_any(&before, FALL_BY))
            .or_else(|| ends_with_any(&before, METRIC_TAIL))
            && before.chars().count() > w.chars().count()
        {
            b -= w.chars().count();
            continue;
        }
        if let Some(w) =
            METRIC_HEAD.iter().find(|w| before.starts_with(**w) && before.chars().count() > w.chars().count())
        {
            a += w.chars().count();
            continue;
        }
        break;
    }
    let mut after_end = q.end;
    while after_end < seg_end
        && after_end - q.end < 16
        && !matches!(f.get(after_end), '、' | '的' | '(' | '和')
    {
        after_end += 1;
    }
    let with_after = b - a < 2 || after_end - q.end >= 2;
    let pick = |slice: &dyn Fn(usize, usize) -> String| {
        let mut words = slice(a, b);
        if with_after {
            words += &slice(q.end, after_end);
        }
        let trimmed = words.trim().trim_matches(|c: char| c == ',' || c == '、' || c == '，');
        if trimmed.is_empty() { slice(q.start, q.end) } else { trimmed.to_owned() }
    };
    (pick(&|s, e| f.slice(s, e)), pick(&|s, e| f.folded_slice(s, e)))
}

/// 由A提高到B, 从A降至B: A is B's baseline, not a figure of its own; a bare 为/调整为 takes
/// the direction of the change.
fn link_baselines(f: &Folded, readings: &mut [Reading]) {
    for k in 1..readings.len() {
        let (head, tail) = readings.split_at_mut(k);
        let a = &mut head[k - 1];
        let b = &mut tail[0];
        if a.segment != b.segment || a.q.unit != b.q.unit && !(a.q.unit == "count" || b.q.unit == "count") {
            continue;
        }
        let lead = f.folded_slice(a.segment.0.max(a.q.start.saturating_sub(12)), a.q.start);
        if !(lead.contains('由') || lead.contains('从')) {
            continue;
        }
        a.is_baseline = true;
        b.baseline = Some(a.q.value);
        if a.q.unit != b.q.unit && b.q.unit == "count" {
            b.q.unit = a.q.unit;
        }
        if !b.explicit || b.verb.is_some_and(|v| SET_TO.contains(&v)) {
            b.comparator = if b.q.value < a.q.value { Comparator::AtMost } else { Comparator::AtLeast };
            b.explicit = true;
        }
        if let Some(v) = ends_with_any(&f.folded_slice(b.segment.0, b.q.start), SET_TO) {
            b.verb = Some(v);
            b.comparator = if b.q.value < a.q.value { Comparator::AtMost } else { Comparator::AtLeast };
            if b.q.bound.is_some() {
                b.comparator = b.q.bound.unwrap_or(b.comparator);
            }
        }
    }
}

/// Targets written without a number: 全覆盖 (100 %), 翻一番 / 翻两番 (a rise of 100 % / 300 %),
/// 减半 (a fall of 50 %), 基本消除 / 逐步消除 (none left).
fn phrase_quantity(
    f: &Folded,
    i: usize,
    start: usize,
    end: usize,
    phrases: &[TimePhrase],
) -> Option<Reading> {
    let (word, value, unit, comparator) = match f.get(i) {
        '全' if f.at(i, "全覆盖") => ("全覆盖", 100, "%", Comparator::Equal),
        '全' if f.at(i, "全量覆盖") => ("全量覆盖", 100, "%", Comparator::Equal),
        '全' if f.at(i, "全面覆盖") => ("全面覆盖", 100, "%", Comparator::Equal),
        '翻' if f.at(i, "翻一番") => ("翻一番", 100, "%", Comparator::IncreaseBy),
        '翻' if f.at(i, "翻两番") => ("翻两番", 300, "%", Comparator::IncreaseBy),
        '翻' if f.at(i, "翻番") => ("翻番", 100, "%", Comparator::IncreaseBy),
        '减' if f.at(i, "减半") => ("减半", 50, "%", Comparator::ReduceBy),
        // 年终考核, 年审, 定期发布: a duty falling due again, at least once in each slot.
        '年' if ["年终考核", "年终评估", "年终评价", "年审", "年检"].iter().any(|w| f.at(i, w)) => {
            (if f.at(i + 1, "终") { "年终" } else { "年审" }, 1, "count", Comparator::AtLeast)
        }
        '定' if f.at(i, "定期") && is_verb_start(f.get(i + 2)) => {
            ("定期", 1, "count", Comparator::AtLeast)
        }
        // 基本消除大班额: elimination, with a degree adverb that makes it a goal, is a count of 0.
        '消' if f.at(i, "消除")
            && ["基本", "逐步", "全面", "彻底", "力争", "确保"].iter().any(|w| f.ends_before(i, w)) =>
        {
            ("消除", 0, "count", Comparator::Equal)
        }
        _ => return None,
    };
    let len = word.chars().count();
    let q = Quantity {
        start: i,
        end: i + len,
        number_start: i,
        value: Decimal::from(value),
        upper: None,
        unit,
        bound: None,
        approximate: false,
        chinese: true,
    };
    let segment = segment_of(f, &q, start, end);
    let when = phrases.iter().rev().find(|p| p.end <= i).copied();
    let metric_start = when.filter(|p| p.end > segment.0).map_or(segment.0, |p| p.end);
    let (metric, metric_key) = metric_words(f, metric_start, &q, segment.1);
    Some(Reading {
        q,
        comparator,
        segment,
        sentence: (start, end),
        metric_start,
        metric,
        metric_key,
        baseline: None,
        when,
        is_baseline: false,
        explicit: true,
        verb: Some(word),
    })
}

/// True if `c` can start the verb after 定期 (定期走访, 定期发布), not a noun (定期存款).
fn is_verb_start(c: char) -> bool {
    "走开发召组报梳检评通公督巡调分举向对听研会".contains(c)
}

/// Units adjusted by the metric: places when the metric counts places (园位, 学位), and
/// per-thousand or per-capita when it says so (每千人口…, 人均…).
pub(crate) fn refine_unit(reading: &Reading) -> String {
    let metric = &reading.metric_key;
    let mut unit = reading.q.unit.to_owned();
    if unit == "count" && ends_in_place_noun(metric) {
        unit = "places".into();
    }
    if metric.contains("每千人") || metric.contains("千人口") {
        unit = format!("{unit}_per_1000_residents");
    } else if metric.contains("每万人") || metric.contains("万人口") {
        unit = format!("{unit}_per_10k_residents");
    } else if metric.starts_with("人均") || metric.contains("人均") && unit != "%" {
        unit = format!("{unit}_per_capita");
    }
    unit
}

fn ends_in_place_noun(metric: &str) -> bool {
    ["学位", "园位", "托位", "床位", "车位", "泊位", "铺位"].iter().any(|w| metric.contains(w))
}

/// The deadline or period of a reading, from its time phrase or the document's period.
pub(crate) fn when_of(reading: &Reading, anchor: &Anchor) -> Option<When> {
    match reading.when {
        Some(p) => Some(p.when),
        None => anchor.period.map(When::Period),
    }
}
