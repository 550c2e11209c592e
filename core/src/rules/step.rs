//! The steps of an evaluation, in the order they were taken, for explanations.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;

use crate::catalogue::Text;
use crate::catalogue::rule::{CollectAggregation, ExceptionEffect, HitPolicy, Rounding, TestOp};

/// One step of a computation.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// let s = zhengce::Context::builtin();
/// let input = zhengce::rules::Input::new(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap()).with("budget", "1000000");
/// let r = s.evaluator("tianshan-2022-87/r68-bid-bond")?.evaluate(&input, &zhengce::rules::Options::explained())?;
/// let e = r.explanation.unwrap();
/// assert!(matches!(e.steps[1], zhengce::rules::Step::Product { .. }));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Step {
    /// Whether the rule's scope (`applies_when`) holds.
    Scope {
        /// True, false, or `null` if unknown.
        holds: Option<bool>,
    },
    /// A labelled exception applies.
    Exception {
        /// The exception's id.
        id: String,
        /// What it is.
        label: Text,
        /// What it does.
        effect: ExceptionEffect,
    },
    /// rate × base.
    Product {
        /// The base.
        #[schemars(with = "String")]
        base: Decimal,
        /// The rate.
        #[schemars(with = "String")]
        rate: Decimal,
        /// The exact product.
        #[schemars(with = "String")]
        exact: Decimal,
    },
    /// The product rounded.
    Rounded {
        /// How.
        rounding: Rounding,
        /// The rounded amount.
        #[schemars(with = "String")]
        value: Decimal,
    },
    /// The floor, if any.
    Floor {
        /// The floor's value; `null` when none is in force (no floor).
        #[schemars(with = "Option<String>")]
        floor: Option<Decimal>,
        /// True if the amount was raised to it.
        applied: bool,
        /// True if an exception lifts it.
        waived: bool,
    },
    /// The cap, if any.
    Cap {
        /// The cap's value; `null` when none is in force (no cap).
        #[schemars(with = "Option<String>")]
        cap: Option<Decimal>,
        /// True if the amount was lowered to it.
        applied: bool,
        /// True if an exception lifts it.
        waived: bool,
    },
    /// The rows of a decision table that matched.
    Rows {
        /// The hit policy.
        hit_policy: HitPolicy,
        /// The ids of the matching rows, in table order.
        matched: Vec<String>,
        /// The row whose outputs were used, for single-hit policies.
        #[serde(skip_serializing_if = "Option::is_none")]
        chosen: Option<String>,
    },
    /// The matched rows' outputs aggregated.
    Aggregated {
        /// How.
        aggregation: CollectAggregation,
    },
    /// The deadline of a time limit, computed by the calendar.
    Deadline {
        /// The last day to act.
        #[serde(with = "crate::value::iso_date")]
        #[schemars(with = "NaiveDate")]
        date: NaiveDate,
        /// The calendar's explanation, in Chinese and English.
        text: Text,
    },
    /// A measured value against its limit.
    Compared {
        /// The measured value (shown to 8 decimal places; the comparison is exact).
        #[schemars(with = "String")]
        measured: Decimal,
        /// The comparison.
        op: TestOp,
        /// The limit.
        #[schemars(with = "String")]
        limit: Decimal,
        /// True if the value complies.
        holds: bool,
    },
}
