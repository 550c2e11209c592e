//! Documents and their clause trees.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Period, Text};

/// A policy document: a plan, an implementation scheme, a law or a notice.
///
/// Its clauses form a tree with stable ids (`tianshan-2022-87/68`); every other entry of the
/// catalogue cites a document and usually one of its clauses.
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// let doc = cat.document("tianshan-2022-87").unwrap();
/// assert_eq!(doc.jurisdiction, "cn-xj-urumqi-tianshan");
/// assert_eq!(doc.published.unwrap().to_string(), "2022-05-18");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Stable id, e.g. `tianshan-2022-87`.
    pub id: String,
    /// Title in Chinese (as issued) and English.
    pub title: Text,
    /// What kind of document this is.
    pub kind: DocumentKind,
    /// The jurisdiction whose government issued it.
    pub jurisdiction: String,
    /// The issuing body, as the document names it.
    pub issuer: Text,
    /// The document number (文号), e.g. `乌党办发〔2022〕17号`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Date of issue or adoption.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::value::opt_iso_date")]
    #[schemars(with = "Option<NaiveDate>")]
    pub issued: Option<NaiveDate>,
    /// Date of publication.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::value::opt_iso_date")]
    #[schemars(with = "Option<NaiveDate>")]
    pub published: Option<NaiveDate>,
    /// The period the document covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// A document this one implements or derives from (e.g. the city plan a district implements).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implements: Option<String>,
    /// File name of the source text kept in the repository, for seeds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_file: Option<String>,
    /// Where the text was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// How an ambiguous point (a missing date, an unnamed issuer) was read, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
    /// The clause tree, in document order.
    #[serde(default)]
    pub clauses: Vec<Clause>,
}

/// The kind of a document.
///
/// # Example
///
/// ```
/// let kind: zhengce::DocumentKind = serde_json::from_str(r#""implementation_plan""#).unwrap();
/// assert_eq!(kind, zhengce::DocumentKind::ImplementationPlan);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// A law adopted by the National People's Congress or its standing committee (法律).
    Law,
    /// An administrative regulation of the State Council (行政法规).
    AdministrativeRegulation,
    /// A departmental or local government rule (规章).
    Rule,
    /// A normative document or notice (规范性文件、通知).
    Notice,
    /// A multi-year action programme (行动方案、三年行动).
    ActionPlan,
    /// A five-year development plan (五年规划纲要).
    DevelopmentPlan,
    /// An implementation scheme for a higher-level document (实施方案).
    ImplementationPlan,
    /// A work report or a fragment of one.
    Report,
}

/// One clause of a document: a chapter, section, group, item or paragraph.
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// let item = cat.clause("tianshan-2022-87/68").unwrap();
/// assert_eq!(item.title.as_ref().unwrap().zh, "规范政府采购保证金收取");
/// assert!(item.text.as_ref().unwrap().contains("单个标段保证金缴纳上限2万元"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    /// Stable id: the document's id, `/`, and a local part (`tianshan-2022-87/68`).
    pub id: String,
    /// The number as the document writes it (`68.`, `第十一章`, `(一)`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The clause's heading, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// The Chinese text, verbatim from the source (absent for laws cited but not quoted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// What the clause says, in English, in our words.
    pub summary: String,
    /// How an unclear or faulty passage (a typo, a missing number) was read, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
    /// Sub-clauses, in document order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Clause>,
}

impl Document {
    /// Every clause of the document, depth first in document order.
    ///
    /// # Example
    ///
    /// ```
    /// let cat = zhengce::Catalogue::builtin();
    /// let doc = cat.document("tianshan-2022-87").unwrap();
    /// let items = doc.all_clauses().filter(|c| c.id.rsplit('/').next().unwrap().parse::<u32>().is_ok()).count();
    /// assert_eq!(items, 87);
    /// ```
    pub fn all_clauses(&self) -> impl Iterator<Item = &Clause> {
        let mut stack: Vec<&Clause> = self.clauses.iter().rev().collect();
        std::iter::from_fn(move || {
            let next = stack.pop()?;
            stack.extend(next.children.iter().rev());
            Some(next)
        })
    }
}
