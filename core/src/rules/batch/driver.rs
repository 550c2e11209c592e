//! The batch driver, generic over the rule's kind: columns bound to the rule's inputs once,
//! rows cut into chunks, each chunk through the kind's kernel or row by row through one
//! reused frame, each chunk's output columns handed to the caller as they are made.
//!
//! Chunks bound the memory a binding needs (it copies each chunk's columns out and drops
//! them) and give it a place for progress. The results never depend on the chunk size: every
//! row is computed on its own, and a kind's kernel gives exactly the row-by-row columns. With
//! `errors: "null"` a failing row is recorded and nulled, and the row loop goes on.

use super::bound::{Bound, Chunk, epoch};
use super::{Batch, BatchResult, Column, ColumnData, OutBuffer, OutColumn, RowError};
use crate::catalogue::rule::{self as input, InputSpec, Val};
use crate::error::{Error, Result};
use crate::rules::compile::Common;
use crate::rules::condition::Frame;
use crate::rules::evaluator::Evaluator;
use crate::rules::kinds::{KindVisitor, RuleKind};
use crate::rules::{Chunking, ErrorMode, Input, InputValue, Options};

/// A batch checked against the rule: its rows, its jurisdiction's index, and each input
/// slot's column with its dictionary labels checked once.
pub(super) struct Prepared<'a> {
    pub(super) rows: usize,
    /// The batch's first row within the caller's larger batch.
    first_row: usize,
    jur: usize,
    slots: Vec<Option<Slot<'a>>>,
}

/// A column bound to an input, with its dictionary labels checked against the input.
type Slot<'a> = (Column<'a>, &'a InputSpec, Vec<std::result::Result<Val, Error>>);

impl Evaluator {
    /// Evaluates a batch: columns in, columns out (see [`BatchResult`] for the columns of
    /// each rule kind), explanations on request, failing rows nulled under
    /// `errors: "null"` ([`ErrorMode::Null`]).
    ///
    /// Capped rates on integer columns (fen) run on an integer kernel that gives exactly the
    /// amounts of [`Evaluator::evaluate`] without allocating per row; the other kinds reuse
    /// one evaluation frame for every row.
    ///
    /// # Errors
    ///
    /// - `invalid_input` / `missing_input` as for [`Evaluator::evaluate`], with the `row`
    ///   (0-based) in the error's details (under `errors: "raise"`); a column the rule does
    ///   not read, or columns of different lengths, name the column (under either mode).
    /// - `infeasible` for a `collect` table without aggregation (its rows have no columnar
    ///   form), or as for [`Evaluator::evaluate`].
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use zhengce::rules::{Batch, Options, Column, ColumnData, Dates};
    ///
    /// let s = zhengce::Context::builtin();
    /// let bond = s.evaluator("tianshan-2022-87/r68-bid-bond")?;
    /// let budgets = [100_000_000i64, -1];
    /// let batch = Batch { dates: Dates::One(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap()), jurisdiction: None,
    ///     columns: vec![Column::new("budget", ColumnData::Int { values: &budgets, scale: 2 })] };
    /// let err = bond.evaluate_batch(&batch, &Options::default()).unwrap_err();
    /// assert_eq!(err.details()["row"], 1);
    /// assert_eq!(err.path(), Some("budget"));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn evaluate_batch(&self, batch: &Batch<'_>, options: &Options) -> Result<BatchResult> {
        let mut whole: Option<BatchResult> = None;
        self.evaluate_batch_chunked(batch, options, &Chunking::default(), |_, chunk| {
            match whole.as_mut() {
                None => whole = Some(chunk),
                Some(w) => w.append(chunk),
            }
            Ok::<(), Error>(())
        })?;
        Ok(whole.unwrap_or(BatchResult { rows: 0, columns: Vec::new(), explanations: None, errors: None }))
    }

    /// Evaluates a batch in chunks (see [`Chunking`]), handing each chunk's result to
    /// `on_chunk` with the chunk's first row, and returns the number of rows. A batch of no
    /// rows gives one empty chunk (its columns name the outputs).
    ///
    /// Each chunk's [`BatchResult`] holds that chunk's rows; its `errors` (under
    /// `errors: "null"`) name rows of the whole batch. On one thread the chunks come in row
    /// order; on several (`chunking.threads`, feature `threads`) in the order they finish,
    /// `on_chunk` always running on the calling thread. The chunks put in row order are
    /// exactly [`Evaluator::evaluate_batch`]'s result, whatever the chunk size and the
    /// threads, and under `errors: "raise"` the error is the first failing row's: this is how
    /// a binding copies results out as they come, reports progress, and uses every core.
    ///
    /// # Errors
    ///
    /// - As for [`Evaluator::evaluate_batch`], or the first error `on_chunk` returns.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use zhengce::rules::{Batch, Chunking, Column, ColumnData, Dates, Options};
    ///
    /// let s = zhengce::Context::builtin();
    /// let bond = s.evaluator("tianshan-2022-87/r68-bid-bond")?;
    /// let budgets = [100_000_000i64, 500_000_000, 3_333_333]; // fen
    /// let batch = Batch { dates: Dates::One(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap()), jurisdiction: None,
    ///     columns: vec![Column::new("budget", ColumnData::Int { values: &budgets, scale: 2 })] };
    /// let mut amounts = vec![0i64; 3];
    /// let chunking = Chunking { rows: 2, ..Chunking::default() };
    /// let rows = bond.evaluate_batch_chunked(&batch, &Options::default(), &chunking, |start, chunk| {
    ///     if let Some(zhengce::rules::OutColumn::Int { values, .. }) = chunk.column("amount") {
    ///         amounts[start..start + values.len()].copy_from_slice(values);
    ///     }
    ///     Ok::<(), zhengce::Error>(())
    /// })?;
    /// assert_eq!((rows, amounts), (3, vec![1_000_000, 2_000_000, 33_333]));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn evaluate_batch_chunked<E: From<Error>>(
        &self,
        batch: &Batch<'_>,
        options: &Options,
        chunking: &Chunking,
        mut on_chunk: impl FnMut(usize, BatchResult) -> std::result::Result<(), E>,
    ) -> std::result::Result<usize, E> {
        let prepared = self.prepare(batch, chunking.first_row)?;
        let ranges: Vec<std::ops::Range<usize>> = chunks(prepared.rows, chunking.rows).collect();
        #[cfg(feature = "threads")]
        if chunking.threads > 1 && ranges.len() > 1 {
            return self.on_threads(&prepared, batch, options, &ranges, chunking.threads, on_chunk);
        }
        for range in ranges {
            let start = prepared.first_row + range.start;
            on_chunk(start, self.run_chunk(&prepared, batch, range, options, &mut [])?)?;
        }
        Ok(prepared.rows)
    }

    /// The chunks on `threads` threads (feature `threads`).
    #[cfg(feature = "threads")]
    fn on_threads<E: From<Error>>(
        &self,
        prepared: &Prepared<'_>,
        batch: &Batch<'_>,
        options: &Options,
        ranges: &[std::ops::Range<usize>],
        threads: usize,
        mut on_chunk: impl FnMut(usize, BatchResult) -> std::result::Result<(), E>,
    ) -> std::result::Result<usize, E> {
        use std::sync::atomic::{AtomicUsize, Ordering};
        // Workers take chunks in index order; after a failure no chunk past it is taken, so
        // every chunk before the first failing one is evaluated and that failure is the one
        // a single thread meets first.
        let next = AtomicUsize::new(0);
        let stop = AtomicUsize::new(usize::MAX);
        std::thread::scope(|scope| {
            let (tx, rx) = std::sync::mpsc::channel();
            for _ in 0..threads.min(ranges.len()) {
                let tx = tx.clone();
                let (next, stop) = (&next, &stop);
                scope.spawn(move || {
                    loop {
                        let i = next.fetch_add(1, Ordering::SeqCst);
                        if i >= ranges.len() || i > stop.load(Ordering::SeqCst) {
                            break;
                        }
                        let result = self.run_chunk(prepared, batch, ranges[i].clone(), options, &mut []);
                        if result.is_err() {
                            stop.fetch_min(i, Ordering::SeqCst);
                        }
                        if tx.send((i, result)).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(tx);
            let mut first_error: Option<(usize, Error)> = None;
            for (i, result) in rx {
                match result {
                    Ok(chunk) if first_error.is_none() => {
                        if let Err(e) = on_chunk(prepared.first_row + ranges[i].start, chunk) {
                            stop.store(0, Ordering::SeqCst);
                            return Err(e);
                        }
                    }
                    Ok(_) => {}
                    Err(e) => {
                        if first_error.as_ref().is_none_or(|(j, _)| i < *j) {
                            first_error = Some((i, e));
                        }
                    }
                }
            }
            match first_error {
                Some((_, e)) => Err(E::from(e)),
                None => Ok(prepared.rows),
            }
        })
    }

    /// Checks the batch's shape and binds its columns to the rule's inputs.
    pub(super) fn prepare<'a>(&'a self, batch: &Batch<'a>, first_row: usize) -> Result<Prepared<'a>> {
        let c = &*self.inner;
        let rows = batch.columns.first().map(Column::len).or(batch.dates.len()).unwrap_or(0);
        if let Some(n) = batch.dates.len()
            && n != rows
        {
            return Err(Error::invalid_input(
                "date",
                format!("{n} dates"),
                format!("{rows} dates, one per row"),
            ));
        }
        let mut slots: Vec<_> = (0..c.rule.inputs.len()).map(|_| None).collect();
        for col in &batch.columns {
            let slot = c.rule.inputs.iter().position(|s| s.name == col.name).ok_or_else(|| {
                let names: Vec<String> = c.rule.inputs.iter().map(|s| s.name.clone()).collect();
                Error::invalid_input(
                    col.name,
                    "a column",
                    format!("an input of rule '{}': {}", c.rule.id, input::quoted(&names)),
                )
            })?;
            if col.len() != rows {
                return Err(Error::invalid_input(
                    col.name,
                    format!("{} rows", col.len()),
                    format!("{rows} rows"),
                ));
            }
            // rust_decimal panics beyond 28 decimal places (an Arrow decimal128(38, 30) column
            // would abort the process): refuse the column instead. Found by core/tests/fuzz.rs.
            if let ColumnData::Int { scale, .. } | ColumnData::Int128 { scale, .. } = col.data
                && scale > crate::value::MAX_SCALE
            {
                return Err(Error::invalid_input(
                    col.name,
                    format!("a scale of {scale}"),
                    format!("a scale of at most {}", crate::value::MAX_SCALE),
                ));
            }
            let spec = &c.rule.inputs[slot];
            let labels = match col.data {
                ColumnData::Codes { labels, .. } => {
                    labels.iter().map(|l| input::check(spec, &InputValue::Text((*l).to_owned()))).collect()
                }
                _ => Vec::new(),
            };
            slots[slot] = Some((*col, spec, labels));
        }
        let jur = self.jurisdiction(batch.jurisdiction)?;
        Ok(Prepared { rows, jur, slots, first_row })
    }

    /// Rows `range` of a prepared batch: the kind's columns, explanations, failed rows. A
    /// kind's kernel may write a column straight into its buffer in `into` (one per output
    /// column, if any) and return it empty.
    pub(super) fn run_chunk(
        &self,
        prepared: &Prepared<'_>,
        batch: &Batch<'_>,
        range: std::ops::Range<usize>,
        options: &Options,
        into: &mut [Option<OutBuffer<'_>>],
    ) -> Result<BatchResult> {
        let c = &*self.inner;
        let chunk = Chunk {
            dates: batch.dates.slice(range.clone()),
            bound: prepared
                .slots
                .iter()
                .map(|s| {
                    s.as_ref().map(|(col, spec, labels)| Bound {
                        col: col.slice(range.clone()),
                        spec,
                        labels: labels.as_slice(),
                    })
                })
                .collect(),
            jur: prepared.jur,
            offset: prepared.first_row + range.start,
            rows: range.len(),
        };
        let mut errors = Vec::new();
        let columns = c.kind.visit(RowsOf {
            common: &c.common,
            chunk: &chunk,
            mode: options.errors,
            errors: &mut errors,
            into,
        })?;
        let explanations = if options.explain {
            let mut out = Vec::with_capacity(chunk.rows);
            let mut failed = errors.iter().map(|e| e.row).peekable();
            let explain = Options { explain: true, text: options.text, errors: ErrorMode::Raise };
            for row in 0..chunk.rows {
                if failed.next_if_eq(&(chunk.offset + row)).is_some() {
                    continue;
                }
                let explained =
                    self.row_input(batch.jurisdiction, &chunk, row).and_then(|i| self.evaluate(&i, &explain));
                out.push(explained.map_err(|e| chunk.at_row(e, row))?);
            }
            Some(out)
        } else {
            None
        };
        let errors = (options.errors == ErrorMode::Null).then_some(errors);
        Ok(BatchResult { rows: chunk.rows, columns, explanations, errors })
    }

    /// One row as an [`Input`], for explanations.
    fn row_input(&self, jurisdiction: Option<&str>, chunk: &Chunk<'_>, row: usize) -> Result<Input> {
        let mut input = Input::new(chunk.dates.at(row)?);
        input.jurisdiction = jurisdiction.map(str::to_owned);
        for b in chunk.bound.iter().flatten() {
            if let Some(v) = b.get(row)? {
                let value = match v {
                    Val::Dec(d) => InputValue::Decimal(d),
                    Val::Bool(x) => InputValue::Bool(x),
                    Val::Choice(i) => InputValue::Text(b.spec.choices[i as usize].clone()),
                    Val::Date(d) => InputValue::Date(d),
                };
                input.values.push((b.spec.name.clone(), value));
            }
        }
        Ok(input)
    }
}

/// The rows `0..rows` cut into ranges of at most `size` rows; one empty range for no rows.
pub(super) fn chunks(rows: usize, size: usize) -> impl Iterator<Item = std::ops::Range<usize>> {
    let size = size.max(1);
    let count = if rows == 0 { 1 } else { rows.div_ceil(size) };
    (0..count).map(move |i| {
        let start = i * size;
        start..(start.saturating_add(size)).min(rows)
    })
}

/// A chunk's output columns, through the kind's kernel or row by row.
struct RowsOf<'c, 'a, 'b> {
    common: &'c Common,
    chunk: &'c Chunk<'a>,
    mode: ErrorMode,
    errors: &'c mut Vec<RowError>,
    into: &'c mut [Option<OutBuffer<'b>>],
}

impl KindVisitor for RowsOf<'_, '_, '_> {
    type Out = Result<Vec<(String, OutColumn)>>;

    fn visit<K: RuleKind>(self, kind: &K) -> Self::Out {
        let RowsOf { common, chunk, mode, errors, into } = self;
        // A kernel that meets a bad row hands the chunk to the row-by-row path, which fails at
        // the first failing row (a kernel may read a later row's column first) with the error
        // evaluating that row alone gives, or under `null` nulls each failing row alone.
        if let Ok(Some(columns)) = kind.kernel(common, chunk, into) {
            return Ok(columns);
        }
        let first = if chunk.rows == 0 { epoch() } else { chunk.dates.at(0).unwrap_or_else(|_| epoch()) };
        let mut frame = common.empty_frame(first, chunk.jur);
        let mut sink = kind.sink(common, chunk.rows, chunk.jur)?;
        for row in 0..chunk.rows {
            let done = fill(common, &mut frame, chunk, row, K::MISSING_IS_A_VALUE)
                .and_then(|()| common.test(&mut frame))
                .and_then(|applies| kind.push(common, &mut sink, &frame, applies));
            if let Err(e) = done {
                let e = chunk.at_row(e, row);
                match mode {
                    ErrorMode::Raise => return Err(e),
                    ErrorMode::Null => {
                        errors.push(RowError::of(chunk.offset + row, &e));
                        kind.push_null(&mut sink);
                    }
                }
            }
        }
        Ok(kind.finish(common, sink))
    }
}

/// Fills a frame with row `row`'s inputs and defaults, re-resolving parameters when the date
/// moves.
#[inline]
fn fill(
    common: &Common,
    frame: &mut Frame,
    chunk: &Chunk<'_>,
    row: usize,
    missing_is_a_value: bool,
) -> Result<()> {
    let date = chunk.dates.at(row)?;
    if date != frame.date {
        frame.date = date;
        common.resolve(frame);
    }
    for (slot, b) in chunk.bound.iter().enumerate() {
        frame.vals[slot] = match b {
            Some(b) => b.get(row)?,
            None => None,
        };
    }
    common.fill_defaults(frame, missing_is_a_value)
}

impl BatchResult {
    /// Appends the next chunk of the same batch.
    pub(crate) fn append(&mut self, more: BatchResult) {
        self.rows += more.rows;
        for ((_, into), (_, from)) in self.columns.iter_mut().zip(more.columns) {
            into.append(from);
        }
        if let Some(more) = more.explanations {
            self.explanations.get_or_insert_with(Vec::new).extend(more);
        }
        if let Some(more) = more.errors {
            self.errors.get_or_insert_with(Vec::new).extend(more);
        }
    }
}
