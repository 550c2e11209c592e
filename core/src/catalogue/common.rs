//! Building blocks shared by every catalogue entry: bilingual text, citations, periods.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use crate::value::Period;

/// A bilingual name: the Chinese as the source writes it, and an English rendering.
///
/// # Example
///
/// ```
/// let name: zhengce::Text = serde_json::from_str(r#"{"zh": "天山区", "en": "Tianshan District"}"#).unwrap();
/// assert_eq!(name.en, "Tianshan District");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Chinese, as in the source.
    pub zh: String,
    /// English, in our own words.
    pub en: String,
}

impl Text {
    /// Makes a bilingual text.
    ///
    /// # Example
    ///
    /// ```
    /// let t = zhengce::Text::new("区人社局", "District Human Resources and Social Security Bureau");
    /// assert_eq!(t.zh, "区人社局");
    /// ```
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Text {
        Text { zh: zh.into(), en: en.into() }
    }
}

/// Where an entry comes from: a document, usually one of its clauses, and optionally the
/// words of the clause that carry it, quoted exactly.
///
/// # Example
///
/// ```
/// let c: zhengce::Citation = serde_json::from_str(
///     r#"{"document": "tianshan-2022-87", "clause": "tianshan-2022-87/68"}"#).unwrap();
/// assert_eq!(c.clause.as_deref(), Some("tianshan-2022-87/68"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// The document's id.
    pub document: String,
    /// The clause's id, when the entry comes from one clause.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<String>,
    /// The words of the source that carry the entry, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}
