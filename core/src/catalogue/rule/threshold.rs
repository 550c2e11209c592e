//! The data of a threshold rule: a measured value against a limit.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Operand, TestOp};

/// A measured value against a limit: `measured op limit`.
///
/// The measured value is an input, or computed from inputs: a `ratio` (the sum of the
/// numerator inputs over the sum of the denominator inputs, times an optional `scale`, e.g.
/// 1000 for "per thousand"), a `reduction` (`(baseline - value) / baseline`) or a `growth`
/// (`(value - baseline) / baseline`). Compliance is decided exactly, by cross-multiplying
/// rather than dividing; the measured value reported is rounded to 8 decimal places.
///
/// # Example
///
/// ```
/// let t: zhengce::rules::Threshold = serde_json::from_str(r#"{"measured": {"ratio":
///   {"numerator": ["places"], "denominator": ["residents"], "scale": "1000"}},
///   "op": "ge", "limit": {"parameter": "childcare.places_per_1000.target"}}"#).unwrap();
/// assert_eq!(t.op, zhengce::rules::TestOp::Ge);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    /// What is measured.
    pub measured: Quantity,
    /// The comparison the measured value must satisfy (`le`, `lt`, `ge`, `gt` or `eq`).
    pub op: TestOp,
    /// The limit: a parameter or a literal decimal.
    pub limit: Operand,
}

/// The quantity a threshold compares with its limit: an input, or a ratio, reduction or
/// growth computed from inputs. (Not a programme's [`Measure`](crate::catalogue::Measure), a
/// policy measure, 措施.)
///
/// # Example
///
/// ```
/// let m: zhengce::rules::Quantity = serde_json::from_str(r#"{"reduction": {"value": "promised_days", "baseline": "statutory_days"}}"#).unwrap();
/// assert!(matches!(m, zhengce::rules::Quantity::Reduction { .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Quantity {
    /// An input's value.
    Input(String),
    /// sum(numerator) / sum(denominator) × scale.
    Ratio {
        /// Inputs added up above the line.
        numerator: Vec<String>,
        /// Inputs added up below the line (must total more than 0).
        denominator: Vec<String>,
        /// A factor (1000 for "per thousand"); 1 when absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[schemars(with = "Option<String>")]
        scale: Option<Decimal>,
    },
    /// (baseline - value) / baseline: the share cut from a baseline.
    Reduction {
        /// The input holding the value now.
        value: String,
        /// The input holding the baseline (more than 0).
        baseline: String,
    },
    /// (value - baseline) / baseline: the growth over a baseline.
    Growth {
        /// The input holding the value now.
        value: String,
        /// The input holding the baseline (more than 0).
        baseline: String,
    },
}
