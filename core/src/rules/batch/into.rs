//! A batch written in place: the caller's output columns cut into one disjoint slice per
//! chunk (`chunks_mut`), each chunk's rows written into its own slice by the thread that
//! evaluated it. No copy on the calling thread and no chunk handed back, so a binding that
//! owns the output arrays (numpy) gets every core's work without a serial step; the rows are
//! the same whatever the chunk size and the threads, since each chunk only ever writes its
//! own rows.

#[cfg(feature = "threads")]
use std::sync::Mutex;

use super::driver::chunks;
use super::{Batch, BatchResult, OutColumn};
use crate::error::{Error, Result};
use crate::rules::evaluator::Evaluator;
use crate::rules::{Chunking, Options};

/// An output column's rows, written in place by [`Evaluator::evaluate_batch_into`]: one
/// value per row of the batch.
///
/// # Example
///
/// ```
/// let mut amounts = [0i64; 3];
/// let b = zhengce::rules::OutBuffer::Int(&mut amounts);
/// assert_eq!(b.len(), 3);
/// ```
#[derive(Debug)]
pub enum OutBuffer<'a> {
    /// An integer column ([`OutColumn::Int`]: amounts in units of `10^-scale`).
    Int(&'a mut [i64]),
    /// A column of codes ([`OutColumn::Codes`]; a negative code is null).
    Codes(&'a mut [i32]),
}

impl OutBuffer<'_> {
    /// The number of rows.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhengce::rules::OutBuffer::Codes(&mut [0i32; 2]).len(), 2);
    /// ```
    pub fn len(&self) -> usize {
        match self {
            OutBuffer::Int(v) => v.len(),
            OutBuffer::Codes(v) => v.len(),
        }
    }

    /// True if the buffer has no rows.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhengce::rules::OutBuffer::Int(&mut []).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Cuts the buffer into consecutive pieces of `size` rows (the last one shorter).
    fn pieces<'b>(self, size: usize) -> Vec<OutBuffer<'b>>
    where
        Self: 'b,
    {
        match self {
            OutBuffer::Int(v) => v.chunks_mut(size).map(OutBuffer::Int).collect(),
            OutBuffer::Codes(v) => v.chunks_mut(size).map(OutBuffer::Codes).collect(),
        }
    }

    /// Moves a chunk's column into the buffer, leaving the column empty (its scale and labels
    /// kept). False if the kinds differ.
    fn take(&mut self, col: &mut OutColumn) -> bool {
        match (self, col) {
            (OutBuffer::Int(into), OutColumn::Int { values, .. }) => {
                into.copy_from_slice(values);
                values.clear();
            }
            (OutBuffer::Codes(into), OutColumn::Codes { codes, .. }) => {
                into.copy_from_slice(codes);
                codes.clear();
            }
            _ => return false,
        }
        true
    }
}

/// One chunk's work: its rows and, per output column, its piece of the column's buffer.
type Task<'b> = (std::ops::Range<usize>, Vec<Option<OutBuffer<'b>>>);

impl Evaluator {
    /// The output columns of a batch of this rule, empty: their names, kinds, scales and
    /// labels, in the order [`Evaluator::evaluate_batch`] gives them (so that a caller can
    /// make the buffers of [`Evaluator::evaluate_batch_into`]).
    ///
    /// # Errors
    ///
    /// - `not_found` / `invalid_input` for an unknown jurisdiction, or as a batch of no rows
    ///   (a time limit needs its jurisdiction's calendar).
    ///
    /// # Example
    ///
    /// ```
    /// let s = zhengce::Context::builtin();
    /// let bond = s.evaluator("tianshan-2022-87/r68-bid-bond")?;
    /// let names: Vec<String> = bond.output_columns(None)?.into_iter().map(|(n, _)| n).collect();
    /// assert_eq!(names, ["amount", "status"]);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn output_columns(&self, jurisdiction: Option<&str>) -> Result<Vec<(String, OutColumn)>> {
        let batch = Batch { dates: super::Dates::Each(&[]), jurisdiction, columns: Vec::new() };
        Ok(self.evaluate_batch(&batch, &Options::default())?.columns)
    }

    /// Evaluates a batch writing the named integer and code columns straight into the
    /// caller's buffers, in chunks (see [`Chunking`]) on `chunking.threads` threads (feature
    /// `threads`; without it one after the other).
    ///
    /// Each buffer is cut into one disjoint slice per chunk, and the thread that evaluates a
    /// chunk writes that chunk's rows into its slices: the calling thread copies nothing (it
    /// evaluates chunks too). Each thread takes a contiguous run of chunks, so the output
    /// pages it writes first are its own.
    /// The returned [`BatchResult`] holds the other columns (decimals, booleans, dates) in
    /// full, the buffered ones empty (with their scale and labels), and the explanations and
    /// failed rows, all in row order. The buffers then hold exactly the columns of
    /// [`Evaluator::evaluate_batch`], whatever the chunk size and the threads: every row is
    /// computed on its own and written once, by one thread. Under `errors: "raise"` the error
    /// is the first failing row's, and the buffers' contents are unspecified.
    ///
    /// # Errors
    ///
    /// - As for [`Evaluator::evaluate_batch`].
    /// - `invalid_input` for a buffer that names no output column of the rule, whose kind is
    ///   not the column's (an `amount` is [`OutBuffer::Int`], a `status` [`OutBuffer::Codes`]),
    ///   or whose length is not the batch's.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use zhengce::rules::{Batch, Chunking, Column, ColumnData, Dates, OutBuffer, Options};
    ///
    /// let s = zhengce::Context::builtin();
    /// let bond = s.evaluator("tianshan-2022-87/r68-bid-bond")?;
    /// let budgets = [100_000_000i64, 500_000_000, 3_333_333]; // fen
    /// let batch = Batch { dates: Dates::One(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap()), jurisdiction: None,
    ///     columns: vec![Column::new("budget", ColumnData::Int { values: &budgets, scale: 2 })] };
    /// let (mut amounts, mut status) = ([0i64; 3], [0i32; 3]);
    /// let chunking = Chunking { rows: 2, threads: 2, first_row: 0 };
    /// let rest = bond.evaluate_batch_into(&batch, &Options::default(), &chunking,
    ///     &mut [("amount", OutBuffer::Int(&mut amounts)), ("status", OutBuffer::Codes(&mut status))])?;
    /// assert_eq!(amounts, [1_000_000, 2_000_000, 33_333]); // 10,000.00 / 20,000.00 (capped) / 333.33 yuan
    /// assert_eq!(status, [0, 1, 0]); // rate, capped, rate
    /// assert_eq!((rest.rows, rest.column("amount").unwrap().len()), (3, 0));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn evaluate_batch_into(
        &self,
        batch: &Batch<'_>,
        options: &Options,
        chunking: &Chunking,
        into: &mut [(&str, OutBuffer<'_>)],
    ) -> Result<BatchResult> {
        let prepared = self.prepare(batch, chunking.first_row)?;
        let shape = self.output_columns(batch.jurisdiction)?;
        // For each buffer, the index of its output column.
        let mut column_of: Vec<usize> = Vec::with_capacity(into.len());
        for (name, buffer) in into.iter() {
            let Some(i) = shape.iter().position(|(n, _)| n == name) else {
                let names: Vec<&str> = shape.iter().map(|(n, _)| n.as_str()).collect();
                return Err(Error::invalid_input(*name, "a buffer", format!("an output column: {names:?}")));
            };
            let fits = matches!(
                (buffer, &shape[i].1),
                (OutBuffer::Int(_), OutColumn::Int { .. }) | (OutBuffer::Codes(_), OutColumn::Codes { .. })
            );
            if !fits || column_of.contains(&i) {
                return Err(Error::invalid_input(
                    *name,
                    "a buffer of another kind",
                    "one buffer of the column's kind",
                ));
            }
            if buffer.len() != prepared.rows {
                return Err(Error::invalid_input(
                    *name,
                    format!("a buffer of {} rows", buffer.len()),
                    format!("{} rows", prepared.rows),
                ));
            }
            column_of.push(i);
        }
        let size = chunking.rows.max(1);
        let ranges: Vec<std::ops::Range<usize>> = chunks(prepared.rows, size).collect();
        let mut tasks: Vec<Task<'_>> =
            ranges.iter().map(|r| (r.clone(), (0..shape.len()).map(|_| None).collect())).collect();
        for (b, (_, buffer)) in into.iter_mut().enumerate() {
            let i = column_of[b];
            let whole = match buffer {
                OutBuffer::Int(v) => OutBuffer::Int(&mut v[..]),
                OutBuffer::Codes(v) => OutBuffer::Codes(&mut v[..]),
            };
            // No rows: one empty chunk and no piece.
            for ((_, bufs), piece) in tasks.iter_mut().zip(whole.pieces(size)) {
                bufs[i] = Some(piece);
            }
        }
        let run = |(range, mut bufs): Task<'_>| -> Result<BatchResult> {
            let mut out = self.run_chunk(&prepared, batch, range, options, &mut bufs)?;
            // A column the kernel wrote in place came back empty; the others are copied.
            for ((_, col), buf) in out.columns.iter_mut().zip(bufs.iter_mut()) {
                if let Some(b) = buf
                    && b.len() == col.len()
                {
                    b.take(col);
                }
            }
            Ok(out)
        };
        #[cfg(feature = "threads")]
        let results = if chunking.threads > 1 && tasks.len() > 1 {
            on_threads(tasks, chunking.threads, &run)
        } else {
            tasks.into_iter().map(|t| Some(run(t))).collect()
        };
        #[cfg(not(feature = "threads"))]
        let results: Vec<Option<Result<BatchResult>>> = tasks.into_iter().map(|t| Some(run(t))).collect();
        let mut whole: Option<BatchResult> = None;
        // The first failing chunk in row order: every chunk before it ran (see `on_threads`).
        for result in results {
            let Some(result) = result else { break };
            let chunk = result?;
            match whole.as_mut() {
                None => whole = Some(chunk),
                Some(w) => w.append(chunk),
            }
        }
        Ok(whole.unwrap_or(BatchResult { rows: 0, columns: shape, explanations: None, errors: None }))
    }
}

/// The tasks on `threads` threads (the calling one and `threads - 1` scoped ones); each
/// result at its task's index (`None` for a task not run because an earlier one failed).
///
/// Each worker owns one contiguous run of tasks and takes them front to back; a worker done
/// with its own takes the last task of the longest run left. Contiguous runs keep each
/// thread's output rows together: the pages it first touches (and the kernel zeroes) are its
/// own, not interleaved with another thread's chunk by chunk. Stealing from the back keeps
/// the cores busy when one of them is slowed by another process.
///
/// After a failure no task past it is run; every task before the first failing one runs
/// (a task is skipped only when a failing task comes before it), so that failure is the one
/// a single thread meets first.
#[cfg(feature = "threads")]
fn on_threads<'b>(
    tasks: Vec<Task<'b>>,
    threads: usize,
    run: &(dyn Fn(Task<'b>) -> Result<BatchResult> + Sync),
) -> Vec<Option<Result<BatchResult>>> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let n = tasks.len();
    let workers = threads.clamp(1, n.max(1));
    let tasks: Vec<Mutex<Option<Task<'b>>>> = tasks.into_iter().map(|t| Mutex::new(Some(t))).collect();
    let results: Vec<Mutex<Option<Result<BatchResult>>>> = (0..n).map(|_| Mutex::new(None)).collect();
    let runs: Vec<Mutex<std::ops::Range<usize>>> =
        (0..workers).map(|w| Mutex::new(w * n / workers..(w + 1) * n / workers)).collect();
    let stop = AtomicUsize::new(usize::MAX);
    // The next task for worker `w`: its own run's first, else the longest run's last.
    let next = |w: usize| -> Option<usize> {
        if let Some(i) = lock(&runs[w]).next() {
            return Some(i);
        }
        // Another worker may take the longest run's last task meanwhile: then look again.
        // Runs only shrink, so when the longest is empty every run is.
        loop {
            let (longest, len) =
                (0..workers).map(|v| (v, lock(&runs[v]).len())).max_by_key(|&(_, len)| len)?;
            if len == 0 {
                return None;
            }
            if let Some(i) = lock(&runs[longest]).next_back() {
                return Some(i);
            }
        }
    };
    let work = |w: usize| {
        while let Some(i) = next(w) {
            if i > stop.load(Ordering::SeqCst) {
                continue;
            }
            let Some(task) = lock(&tasks[i]).take() else { continue };
            let result = run(task);
            if result.is_err() {
                stop.fetch_min(i, Ordering::SeqCst);
            }
            *lock(&results[i]) = Some(result);
        }
    };
    std::thread::scope(|scope| {
        for w in 1..workers {
            let work = &work;
            scope.spawn(move || work(w));
        }
        work(0);
    });
    results.into_iter().map(|m| m.into_inner().unwrap_or_else(|e| e.into_inner())).collect()
}

/// A lock that a panicking worker does not poison for the others (the panic itself reaches
/// the caller when the scope ends).
#[cfg(feature = "threads")]
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}
