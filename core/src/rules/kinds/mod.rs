//! The kinds of rule, one folder each, every one implementing [`RuleKind`]: compiling a rule
//! of the kind, evaluating a case (with the steps of its explanation), the output columns of
//! a batch (and the kind's own batch kernel where it has one), the output a scenario
//! comparison compares, and the kind's static check.
//!
//! `registry.rs` lists the kinds, one line each: adding a kind touches its folder, that line,
//! and the catalogue's data shape (`catalogue/rule/<kind>.rs`). Dispatch is static: the
//! registry's `Kind` enum matches once per case or once per batch, and the batch driver is
//! generic over the kind, so each kind's row loop is compiled for that kind alone.

pub(crate) mod capped_rate;
pub(crate) mod decision_table;
pub(crate) mod eligibility;
pub(crate) mod registry;
pub(crate) mod threshold;
pub(crate) mod time_limit;

use crate::catalogue::rule::{InputValueRef, TableCheck};
use crate::error::Result;
use crate::rules::batch::OutBuffer;
use crate::rules::batch::bound::Chunk;
use crate::rules::batch::out::OutColumn;
use crate::rules::compile::{Builder, Common};
use crate::rules::condition::Frame;
use crate::rules::step::Step;

/// One kind of rule.
///
/// The batch contract: [`push`](RuleKind::push) adds exactly one row to the sink or, on an
/// error, none (so that [`push_null`](RuleKind::push_null) can stand in for the row); a
/// [`kernel`](RuleKind::kernel) gives exactly the columns the row-by-row path would.
pub(crate) trait RuleKind: std::fmt::Debug + Send + Sync + Sized {
    /// The kind's shape in the catalogue's rule data.
    type Data;
    /// The kind's value for one case.
    type Value;
    /// The kind's output columns while a batch fills them.
    type Sink;

    /// True if the kind reports a missing required input in its value (eligibility: the case
    /// is undecided) rather than failing with `missing_input`.
    const MISSING_IS_A_VALUE: bool = false;

    /// Compiles the kind's part of a rule: inputs, parameters and tests through the builder.
    fn compile(data: &Self::Data, b: &mut Builder<'_>) -> Result<Self>;

    /// Evaluates one case whose tests and scope (`applies`) are decided; pushes the steps of
    /// the explanation when `steps` is given.
    fn evaluate(
        &self,
        common: &Common,
        frame: &Frame,
        applies: Option<bool>,
        steps: Option<&mut Vec<Step>>,
    ) -> Result<Self::Value>;

    /// Empty output columns for `rows` rows in jurisdiction `jur`.
    fn sink(&self, common: &Common, rows: usize, jur: usize) -> Result<Self::Sink>;

    /// Adds one row, or nothing on an error.
    fn push(
        &self,
        common: &Common,
        sink: &mut Self::Sink,
        frame: &Frame,
        applies: Option<bool>,
    ) -> Result<()>;

    /// Adds a null row (a row that failed under `errors: "null"`).
    fn push_null(&self, sink: &mut Self::Sink);

    /// The named output columns.
    fn finish(&self, common: &Common, sink: Self::Sink) -> Vec<(String, OutColumn)>;

    /// The kind's own batch kernel for a chunk, when it has one that fits the chunk's columns
    /// (`Ok(None)`: evaluate row by row). The default has none.
    ///
    /// `into` holds, per output column, the caller's buffer for the chunk's rows, if any: a
    /// kernel may write a column straight into it and return that column empty (the driver
    /// copies a column only when it has the chunk's rows). A kernel that then gives up
    /// (`Ok(None)` or an error) may leave the buffer half written: the row-by-row result
    /// overwrites it.
    fn kernel(
        &self,
        _common: &Common,
        _chunk: &Chunk<'_>,
        _into: &mut [Option<OutBuffer<'_>>],
    ) -> Result<Option<Vec<(String, OutColumn)>>> {
        Ok(None)
    }

    /// The kind's fast path for single cases on `frame`'s date and in its jurisdiction (its
    /// parameters resolved): what a [`DatedEvaluator`](crate::rules::DatedEvaluator) computes
    /// once. `None` (the default): every case takes the general path.
    fn prepare(&self, _common: &Common, _frame: &Frame) -> Option<Box<dyn Prepared<Self::Value>>> {
        None
    }

    /// The output a scenario comparison compares.
    fn compared_column(&self) -> String;

    /// The kind's static check of the rule (a decision table's overlaps and gaps); none by
    /// default.
    fn check(&self, _common: &Common) -> Option<TableCheck> {
        None
    }
}

/// A computation generic over the kind, run on the kind an evaluator compiled
/// ([`Kind::visit`](registry::Kind::visit)): how the batch driver gets one monomorphic row
/// loop per kind.
pub(crate) trait KindVisitor {
    /// What the computation gives.
    type Out;
    /// Runs on `kind`.
    fn visit<K: RuleKind>(self, kind: &K) -> Self::Out;
}

/// A kind's computation prepared for one date and jurisdiction ([`RuleKind::prepare`]).
pub(crate) trait Prepared<V>: std::fmt::Debug + Send + Sync {
    /// The value of one case from its inputs by position, exactly as the general path gives it
    /// (value or error); `None`: this case takes the general path.
    fn value(&self, common: &Common, values: &[Option<InputValueRef<'_>>]) -> Option<Result<V>>;
}
