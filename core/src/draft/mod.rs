//! Drafting a catalogue layer from a policy document's text.
//!
//! Chinese policy documents are regular: a numbered clause tree (第X章, 一、, (一), 1., (1)),
//! targets in a few grammatical shapes (到2025年，X达到85%以上; X控制在3%以内; 新增X个;
//! 年均增长6%; 翻一番), service promises (X个工作日内办结), fees (按X%收取，最高不超过Y万元，
//! PPP项目除外) and lists of responsible units (责任部门:…). [`draft`] reads them into a
//! [`Draft`]: a catalogue layer (the document, its clauses, targets, observations, units and
//! parameters, each entry's `reading` marking it as drafted) and the items read, each with
//! its character span, clause and confidence.
//!
//! The drafter is pure and bounded: it reads the text once per concern, in time linear in its
//! length, and refuses texts longer than [`DraftOptions::max_chars`]. It reads the grammar of
//! policy writing, not the phrases of particular documents. Spans count Unicode scalar values.
//!
//! Files by concern: `text` (folding full-width and traditional forms), `numerals`,
//! `quantity` (units, ranges, boundary words), `clauses`, `dates` (time phrases), `targets`,
//! `observations`, `time_limits`, `fees`, `units` (responsible bodies), `layer` (the builder).
//!
//! # Example
//!
//! ```
//! use zhengce::draft::{draft, DraftMeta, DraftOptions, ItemKind};
//!
//! let text = "一、总体目标\n到2025年，城镇新增就业1.2万人以上，每千人口拥有3岁以下婴幼儿托位数达到4.5个。\n\
//!             二、保障措施\n(一)企业开办时限压缩至2个工作日内办结。(责任单位:区市场监管局、区税务局)";
//! let meta = DraftMeta { id: "demo-2024-plan".into(), jurisdiction: "cn-xj-urumqi-tianshan".into(),
//!     title: Some("示例规划".into()), issued: Some(chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap()),
//!     period: None };
//! let d = draft(text, &meta, &DraftOptions::default())?;
//!
//! let jobs = &d.items[0];
//! assert_eq!((jobs.value.unwrap().to_string().as_str(), jobs.unit.as_deref()), ("12000", Some("persons")));
//! assert_eq!(jobs.comparator, Some(zhengce::Comparator::AtLeast));
//! assert_eq!(jobs.deadline.unwrap().to_string(), "2025-12-31");
//! assert_eq!(&text.chars().collect::<Vec<_>>()[jobs.span.start..jobs.span.end].iter().collect::<String>(), "1.2万人以上");
//! assert_eq!(d.items[1].unit.as_deref(), Some("places_per_1000_residents"));
//! assert!(d.items.iter().any(|i| i.kind == ItemKind::TimeLimit));
//! assert_eq!(d.layer.units.len(), 2);
//!
//! // The layer is a catalogue layer like any other.
//! let cat = zhengce::Catalogue::builtin().layered(&serde_json::to_string(&d.layer).unwrap())?;
//! assert!(cat.clause("demo-2024-plan/g2/p1").is_ok());
//! # Ok::<(), zhengce::Error>(())
//! ```

mod clauses;
mod dates;
mod fees;
mod layer;
mod model;
mod numerals;
mod observations;
mod quantity;
mod targets;
mod text;
mod time_limits;
mod units;

pub use model::{Amount, Draft, DraftClause, DraftItem, DraftMeta, DraftOptions, DraftStats, ItemKind, Span};

use crate::{Error, Result};

/// Drafts a catalogue layer from the text of a policy document.
///
/// Reads the clause tree, targets, observations, time limits, fee rules and responsible
/// units; see the [module documentation](self) for the grammar and [`Draft`] for the result.
///
/// # Errors
///
/// - `invalid_input` for `text` when it is empty or blank, or longer than
///   `options.max_chars`; for `meta.id` or `meta.jurisdiction` when not a valid id; for
///   `meta.period` when it ends before it starts.
///
/// # Example
///
/// ```
/// use zhengce::draft::{draft, DraftMeta};
/// let meta = DraftMeta { id: "demo".into(), jurisdiction: "cn".into(), title: None, issued: None, period: None };
/// let d = draft("1.新建3个托育机构,新增不少于163个托位。", &meta, &Default::default())?;
/// assert_eq!(d.layer.targets.len(), 2);
/// assert_eq!(draft("  ", &meta, &Default::default()).unwrap_err().code(), "invalid_input");
/// # Ok::<(), zhengce::Error>(())
/// ```
pub fn draft(text: &str, meta: &DraftMeta, options: &DraftOptions) -> Result<Draft> {
    if text.trim().is_empty() {
        return Err(Error::invalid_input("text", "an empty text", "the text of a policy document"));
    }
    // Count characters without collecting them, to refuse a huge text before allocating.
    let chars = text.chars().take(options.max_chars.saturating_add(1)).count();
    if chars > options.max_chars {
        return Err(Error::invalid_input(
            "text",
            format!("more than {} characters", options.max_chars),
            format!("at most {} characters (options.max_chars)", options.max_chars),
        ));
    }
    for (field, id) in [("meta.id", &meta.id), ("meta.jurisdiction", &meta.jurisdiction)] {
        if !crate::value::is_valid_id(id) {
            return Err(Error::invalid_input(
                field,
                format!("'{id}'"),
                "an id of lower-case ASCII letters, digits and - _ . / @",
            ));
        }
    }
    if let Some(p) = meta.period
        && p.until < p.from
    {
        return Err(Error::invalid_input(
            "meta.period.until",
            p.until,
            format!("a date on or after {} (meta.period.from)", p.from),
        ));
    }
    Ok(layer::build(text, meta, options))
}
