//! The notice a day comes from, as a label: its 文号, or its title where the number is
//! unknown; an amended day names the amendment.

use super::data::{CalendarYear, HolidayBlock, NoticeSource};

pub(crate) fn label(source: &NoticeSource) -> String {
    source.number.clone().unwrap_or_else(|| source.title.clone())
}

/// The notice a block's day comes from. With `amended`, the last amendment (the day differs
/// from the block's `original`); otherwise the block's own source, or its year's. A block
/// amended without its `original` recorded names both ("…; amended by …").
pub(crate) fn notice_label(year: &CalendarYear, block: &HolidayBlock, amended: bool) -> Option<String> {
    if amended && let Some(last) = block.amended_by.last() {
        return Some(label(last));
    }
    let mut out = label(block.source.as_ref().unwrap_or(&year.source));
    if year.source_quality.is_none() && year.source.title.contains("推定") {
        out += " (provisional)";
    }
    if block.original.is_none() {
        for a in &block.amended_by {
            out += "; amended by ";
            out += &label(a);
        }
    }
    Some(out)
}
