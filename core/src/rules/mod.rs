//! Rules: executable clauses of a closed set of kinds, defined in catalogue data and
//! evaluated by the core.
//!
//! A [`Rule`] cites its clause (with the words that carry it), records how a vague clause was
//! read, names its inputs and its dated parameters, and has one kind of logic:
//!
//! - **capped rate** ([`CappedRate`]): amount = rate × base, rounded, with a floor, a cap and
//!   labelled exceptions (the bid bond of Tianshan item 68);
//! - **decision table** ([`DecisionTable`]): rows of conditions to outputs under a hit policy
//!   (`unique`, `any`, `priority`, `first`, `collect` with `sum`/`min`/`max`/`count`), with a
//!   static check of overlapping and missing rows ([`check_table`]);
//! - **eligibility** ([`Eligibility`]): `all`/`any`/`not` of tests; the result names every
//!   failed test and every missing input;
//! - **threshold** ([`Threshold`]): a measured value against a limit;
//! - **time limit** ([`TimeLimit`]): the deadline from the case's date, computed by the
//!   calendar module ([`Context::deadline`](crate::Context::deadline)) with the duration
//!   the scenario has in force; in a batch, a `deadline` column of dates.
//!
//! Every evaluation runs in a [`Context`](crate::Context) (the catalogue, calendars and a scenario of parameter
//! overrides and added rules). An [`Evaluator`] is one rule compiled in a context; its
//! [`evaluate`](Evaluator::evaluate) returns an [`Evaluation`]: the value and, on request, an
//! [`Explanation`] with the clause, every parameter with its value, date and source, every
//! condition with its outcome, the steps, and an execution [`Receipt`]. Batches go through
//! [`Evaluator::evaluate_batch`] (columns in, columns out, exact money in integer fen), and
//! [`Context::compare`](crate::Context::compare) compares two scenarios over a batch. The deadline of a service
//! promise is [`Context::deadline`](crate::Context::deadline).
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use zhengce::rules::{Input, Options};
//!
//! let ctx = zhengce::Context::builtin();
//! let bond = ctx.evaluator("tianshan-2022-87/r68-bid-bond")?;
//! let lot = Input::new(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap()).with("budget", "1000000");
//! let result = bond.evaluate(&lot, &Options::explained())?;
//! assert_eq!(result.amount().unwrap().to_string(), "10000.00");
//! let explanation = result.explanation.as_ref().unwrap();
//! assert_eq!(explanation.rule.source.clause.as_deref(), Some("tianshan-2022-87/68"));
//! assert_eq!(explanation.parameters[0].value.unwrap().to_string(), "0.01");
//! # Ok::<(), zhengce::Error>(())
//! ```

mod batch;
mod compile;
pub(crate) mod condition;
mod evaluation;
mod evaluator;
mod kinds;
mod options;
mod prepared;
mod step;

// The rule data (the catalogue's) under the names a rules user reaches for.
pub use crate::catalogue::rule::{
    AmountKind, Bound, CappedRate, CollectAggregation, Condition, DecisionTable, Eligibility, Exception,
    ExceptionEffect, HitPolicy, IfNoValue, Input, InputSpec, InputType, InputValue, InputValueRef, Modality,
    Operand, OutputSpec, OutputType, Overlap, Quantity, Rounding, RoundingMode, Row, Rule, RuleLogic,
    TableCheck, Test, TestOp, Threshold, TimeLimit, check_table,
};
pub use batch::{
    Batch, BatchResult, Column, ColumnData, Comparison, ComparisonTotals, Dates, OutBuffer, OutColumn,
    OwnedColumns, OwnedDates, RowError,
};
pub use evaluation::{
    ConditionOutcome, Evaluation, Explanation, Lang, Receipt, RuleInfo, RuleValue, TimeLimitValue,
};
pub use evaluator::Evaluator;
pub use kinds::capped_rate::CappedRateValue;
pub use kinds::decision_table::DecisionTableValue;
pub use kinds::eligibility::{EligibilityValue, FailedTest};
pub use kinds::threshold::ThresholdValue;
pub use options::{CallOptions, Chunking, ErrorMode, Options};
pub use prepared::DatedEvaluator;
pub use step::Step;
