//! Rules: executable clauses of a closed set of kinds, defined in catalogue data.
//!
//! A [`Rule`] cites its clause and names its inputs; its [`RuleLogic`] is one of capped rate,
//! decision table, eligibility, threshold or time limit.
//!
//! # Example
//!
//! ```
//! let cat = zhengce::Catalogue::builtin();
//! assert!(cat.rule("no-such-rule").unwrap_err().is_not_found());
//! ```

mod model;

pub use model::{
    CappedRate, Condition, DecisionTable, Eligibility, Exception, ExceptionEffect, HitPolicy, InputSpec,
    InputType, Modality, Rounding, RoundingMode, Row, Rule, RuleLogic, Test, TestOp, Threshold, TimeLimit,
};
