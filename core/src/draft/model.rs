//! The drafter's inputs (document metadata, options) and its output.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{CatalogueData, Comparator, Period};

/// What the caller knows about the document being drafted.
///
/// # Example
///
/// ```
/// let meta: zhengce::draft::DraftMeta = serde_json::from_str(
///     r#"{"id": "demo-2024-plan", "jurisdiction": "cn-xj-urumqi-tianshan", "issued": "2024-03-01"}"#)?;
/// assert_eq!(meta.issued.unwrap().to_string(), "2024-03-01");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DraftMeta {
    /// The document's id in the catalogue (`<place>-<year>-<short name>`); clause and entry
    /// ids are built on it.
    pub id: String,
    /// The jurisdiction that issued it (an id of the catalogue it will be layered on).
    pub jurisdiction: String,
    /// The Chinese title, if known (otherwise the first line of the text is used).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Date of issue; resolves 年底前 and 三年内.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::value::opt_iso_date")]
    #[schemars(with = "Option<NaiveDate>")]
    pub issued: Option<NaiveDate>,
    /// The period the document covers; resolves 未来五年 and gives undated targets a period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
}

/// Limits of a draft.
///
/// # Example
///
/// ```
/// let options = zhengce::draft::DraftOptions::default();
/// assert_eq!(options.max_chars, 8_000_000);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct DraftOptions {
    /// The longest text accepted, in characters (Unicode scalar values); longer is an
    /// `invalid_input` error. Default 8 000 000 (about 24 MB of Chinese in UTF-8).
    pub max_chars: usize,
    /// The most items drafted; past it the draft stops and `stats.truncated` is true.
    /// Default 100 000.
    pub max_items: usize,
}

impl Default for DraftOptions {
    fn default() -> DraftOptions {
        DraftOptions { max_chars: 8_000_000, max_items: 100_000 }
    }
}

/// A drafted catalogue layer and the evidence for every entry in it.
///
/// `layer` is a catalogue file (validate it by layering: `Catalogue::builtin().layered(..)`);
/// each of its entries says in its `reading` that it was drafted and needs review. `items`
/// lists what was read, with the character span it came from. Spans count Unicode scalar
/// values (Python `str` indices; in JavaScript index `Array.from(text)`), not UTF-8 bytes or
/// UTF-16 units.
///
/// # Example
///
/// ```
/// use zhengce::draft::{draft, DraftMeta, DraftOptions};
///
/// let meta = DraftMeta { id: "demo-2024-plan".into(), jurisdiction: "cn-xj-urumqi-tianshan".into(),
///     title: None, issued: None, period: None };
/// let d = draft("一、目标\n到2025年,新增学位500个。", &meta, &DraftOptions::default())?;
/// assert_eq!(d.items[0].value.unwrap().to_string(), "500");
/// assert_eq!(d.items[0].unit.as_deref(), Some("places"));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    /// The drafted catalogue layer: the document with its clause tree, targets,
    /// observations, responsible units and (when the issue date is known) time-limit and fee
    /// parameters.
    pub layer: CatalogueData,
    /// The clauses found, in document order, with their spans.
    pub clauses: Vec<DraftClause>,
    /// Everything drafted, in document order.
    pub items: Vec<DraftItem>,
    /// Counts, and whether the draft stopped early.
    pub stats: DraftStats,
}

/// A clause of the draft and where it lies in the text.
///
/// # Example
///
/// ```
/// use zhengce::draft::{draft, DraftMeta, DraftOptions};
/// let meta = DraftMeta { id: "demo".into(), jurisdiction: "cn".into(), title: None, issued: None, period: None };
/// let d = draft("一、总体目标\n到2025年...", &meta, &DraftOptions::default())?;
/// assert_eq!(d.clauses[0].id, "demo/g1");
/// assert_eq!(d.clauses[0].title.as_deref(), Some("总体目标"));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DraftClause {
    /// The clause id (`<document>/g2/28`).
    pub id: String,
    /// The parent clause's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// The number as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The whole clause, sub-clauses included.
    pub span: Span,
    /// The clause's own text, up to its first sub-clause.
    pub own: Span,
}

/// A range of characters `start..end` (Unicode scalar values, end excluded).
///
/// # Example
///
/// ```
/// let s = zhengce::draft::Span { start: 2, end: 5 };
/// assert_eq!(s.len(), 3);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Span {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

impl Span {
    /// The number of characters.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhengce::draft::Span { start: 4, end: 4 }.is_empty());
    /// ```
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for an empty span.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(!zhengce::draft::Span { start: 0, end: 1 }.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True if the two spans share a character.
    ///
    /// # Example
    ///
    /// ```
    /// use zhengce::draft::Span;
    /// assert!(Span { start: 0, end: 5 }.overlaps(&Span { start: 4, end: 9 }));
    /// assert!(!Span { start: 0, end: 5 }.overlaps(&Span { start: 5, end: 9 }));
    /// ```
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// What kind of thing an item is.
///
/// # Example
///
/// ```
/// let k: zhengce::draft::ItemKind = serde_json::from_str(r#""time_limit""#).unwrap();
/// assert_eq!(k, zhengce::draft::ItemKind::TimeLimit);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A target to reach (a `Target` of the layer).
    Target,
    /// A reported achievement (an `Observation` of the layer).
    Observation,
    /// A service promise: a duration within which a service is completed.
    TimeLimit,
    /// A fee or rate rule: a rate with its cap, floor and exceptions.
    Fee,
    /// A responsible unit named by the clause (a `Unit` of the layer).
    Unit,
}

/// An amount with its unit (`2` `10k_yuan`).
///
/// # Example
///
/// ```
/// let a: zhengce::draft::Amount = serde_json::from_str(r#"{"value": "2", "unit": "10k_yuan"}"#).unwrap();
/// assert_eq!(a.unit, "10k_yuan");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Amount {
    /// The value.
    #[schemars(with = "String")]
    pub value: Decimal,
    /// Its unit, from the catalogue's vocabulary.
    pub unit: String,
}

/// One thing drafted from the text, with its evidence.
///
/// Fields that do not apply to the item's kind are absent.
///
/// # Example
///
/// ```
/// use zhengce::draft::{draft, DraftMeta, DraftOptions, ItemKind};
/// let meta = DraftMeta { id: "demo".into(), jurisdiction: "cn".into(), title: None,
///     issued: Some(chrono::NaiveDate::from_ymd_opt(2022, 5, 1).unwrap()), period: None };
/// let d = draft("1.企业开办时限压缩至2个工作日内办结。", &meta, &Default::default())?;
/// let limit = d.items.iter().find(|i| i.kind == ItemKind::TimeLimit).unwrap();
/// assert_eq!(limit.unit.as_deref(), Some("working_days"));
/// assert_eq!(limit.service.as_deref(), Some("企业开办"));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DraftItem {
    /// What it is.
    pub kind: ItemKind,
    /// The id of its entry in the layer (a target, observation, unit or parameter id).
    pub id: String,
    /// The clause it was read from.
    pub clause: String,
    /// The characters it was read from.
    pub span: Span,
    /// Those characters, verbatim.
    pub text: String,
    /// How sure the drafter is, 0 to 100.
    pub confidence: u8,
    /// The words naming what is measured or promised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<String>,
    /// The value (a time limit's duration, a fee's rate).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub value: Option<Decimal>,
    /// The upper end of a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub upper: Option<Decimal>,
    /// The value's unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// How the value is compared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparator: Option<Comparator>,
    /// The starting value (由A提高到B).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub baseline: Option<Decimal>,
    /// When a target is due.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::value::opt_iso_date")]
    #[schemars(with = "Option<NaiveDate>")]
    pub deadline: Option<NaiveDate>,
    /// The period a target holds over.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// The date an observation refers to.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::value::opt_iso_date")]
    #[schemars(with = "Option<NaiveDate>")]
    pub date: Option<NaiveDate>,
    /// The service a time limit binds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// A fee's cap (最高不超过, 上限).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<Amount>,
    /// A fee's floor (最低, 不低于).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floor: Option<Amount>,
    /// What a fee rule excludes (PPP项目除外).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exceptions: Vec<String>,
}

impl DraftItem {
    pub(crate) fn new(
        kind: ItemKind,
        id: String,
        clause: String,
        span: Span,
        text: String,
        confidence: u8,
    ) -> Self {
        DraftItem {
            kind,
            id,
            clause,
            span,
            text,
            confidence,
            metric: None,
            value: None,
            upper: None,
            unit: None,
            comparator: None,
            baseline: None,
            deadline: None,
            period: None,
            date: None,
            service: None,
            cap: None,
            floor: None,
            exceptions: Vec::new(),
        }
    }
}

/// Counts of a draft.
///
/// # Example
///
/// ```
/// use zhengce::draft::{draft, DraftMeta};
/// let meta = DraftMeta { id: "demo".into(), jurisdiction: "cn".into(), title: None, issued: None, period: None };
/// let d = draft("没有编号的一段话。", &meta, &Default::default())?;
/// assert_eq!((d.stats.chars, d.stats.clauses, d.stats.truncated), (9, 1, false));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DraftStats {
    /// Characters read.
    pub chars: usize,
    /// Clauses found.
    pub clauses: usize,
    /// Targets drafted.
    pub targets: usize,
    /// Observations drafted.
    pub observations: usize,
    /// Time limits drafted.
    pub time_limits: usize,
    /// Fee rules drafted.
    pub fees: usize,
    /// Responsible units named.
    pub units: usize,
    /// True if `max_items` stopped the draft before the end of the text.
    pub truncated: bool,
}
