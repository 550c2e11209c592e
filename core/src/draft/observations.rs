//! Observations: figures a document reports as achieved (“十三五”时期…增长6.8%; 已建成…;
//! 累计…), told apart from targets by the tense of their clause or sentence, and dated.

use chrono::{Datelike, NaiveDate};

use super::clauses::Node;
use super::dates::{self, Anchor, When};
use super::targets::Reading;
use super::text::Folded;

/// Words that put a figure in the past.
const PAST_WORDS: &[&str] =
    &["已经", "已", "累计完成", "建成了", "完成了", "实现了", "达到了", "共计", "先后"];

/// True if the reading reports an achievement rather than setting a target.
pub(crate) fn is_past(f: &Folded, r: &Reading, node: Option<&Node>) -> bool {
    if r.when.is_some_and(|p| p.past) {
        return true;
    }
    if node.is_some_and(|n| n.past) {
        return true;
    }
    let before = f.folded_slice(r.segment.0, r.q.start);
    PAST_WORDS.iter().any(|w| before.contains(w)) && !before.contains("已有") && !before.contains("到20")
}

/// The date an observation refers to: its own past time phrase, else the review period its
/// clause opens with, else the end of the year before the document's issue.
pub(crate) fn date(
    f: &Folded,
    r: &Reading,
    nodes: &[Node],
    node: Option<usize>,
    anchor: &Anchor,
) -> Option<NaiveDate> {
    if let Some(p) = r.when.filter(|p| p.past) {
        return Some(end_of(p.when));
    }
    let mut k = node;
    while let Some(i) = k {
        let n = &nodes[i];
        let head_end = n.own_end.min(n.start + 200);
        if let Some(p) = dates::phrases(f, n.start, head_end, anchor).into_iter().find(|p| p.past) {
            return Some(end_of(p.when));
        }
        k = n.parent;
    }
    anchor.issued.and_then(|d| NaiveDate::from_ymd_opt(d.year() - 1, 12, 31))
}

fn end_of(when: When) -> NaiveDate {
    match when {
        When::Deadline(d) => d,
        When::Period(p) => p.until,
    }
}
