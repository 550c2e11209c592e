//! The kinds of rule, one folder each: compiling a rule of the kind, evaluating a case, and
//! the kind's batch kernel where it has one. Adding a kind touches its folder, the `Kind` enum
//! of the evaluator, and the catalogue's data shape (`catalogue/rule/<kind>.rs`).

pub(crate) mod capped_rate;
pub(crate) mod decision_table;
pub(crate) mod eligibility;
pub(crate) mod threshold;
pub(crate) mod time_limit;
