//! The data of an eligibility rule: `all`/`any`/`not` of tests.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Condition;
use crate::catalogue::Text;

/// An eligibility rule: a condition whose failed parts and missing inputs are reported.
///
/// The rule's `applies_when` is part of the condition (a case outside the rule's scope is not
/// eligible, and the scope's failed tests say why). Inputs may be left out: tests on them are
/// unknown, and the result is undecided (`eligible: null`) until an answer could change it.
/// Whether eligibility obliges or only permits the outcome is the rule's `modality`.
///
/// # Example
///
/// ```
/// let e: zhengce::rules::Eligibility = serde_json::from_str(r#"{
///   "condition": {"test": {"id": "related", "label": {"zh": "涉企案件", "en": "an enterprise case"},
///     "input": "enterprise_related", "op": "eq", "value": true}},
///   "outcome": {"zh": "优先登记、优先立案、优先办理", "en": "priority registration, filing and handling"}}"#).unwrap();
/// assert!(e.otherwise.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Eligibility {
    /// The condition to meet.
    pub condition: Condition,
    /// What follows when it is met, in Chinese and English.
    pub outcome: Text,
    /// What follows when it is not, if the text says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub otherwise: Option<Text>,
}
