//! The batch driver: columns bound to inputs, rows evaluated in runs, results collected.

use super::sink::Sink;
use super::{Batch, BatchResult, Column, ColumnData, Dates, OutColumn};
use crate::catalogue::rule::{self as input, Val};
use crate::error::{Error, ErrorKind, Result};
use crate::rules::condition::Frame;
use crate::rules::evaluator::{Evaluator, Kind};
use crate::rules::kinds::capped_rate::kernel::{self, Base, Run};
use crate::rules::kinds::capped_rate::{IntKernel, POW10, ZERO, effect_bit};
use crate::rules::{Input, InputSpec, InputType, InputValue, Options};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A column bound to an input slot, with per-label choices precomputed.
pub(crate) struct Bound<'a> {
    col: Column<'a>,
    spec: &'a InputSpec,
    /// For `Codes`: each label checked against the spec once.
    labels: Vec<std::result::Result<Val, Error>>,
}

impl Bound<'_> {
    #[inline]
    pub(crate) fn get(&self, row: usize) -> Result<Option<Val>> {
        if self.col.is_null(row) {
            return Ok(None);
        }
        let spec = self.spec;
        let field = spec.name.as_str();
        let v = match self.col.data {
            ColumnData::Int { values, scale } => {
                input::check_decimal(spec, Decimal::new(values[row], scale), field)?
            }
            ColumnData::Units(values) => {
                let scale = if spec.ty == InputType::Money { 2 } else { 0 };
                input::check_decimal(spec, Decimal::new(values[row], scale), field)?
            }
            ColumnData::Int128 { values, scale } => {
                let d = Decimal::try_from_i128_with_scale(values[row], scale)
                    .map_err(|_| Error::invalid_input(field, values[row], "a decimal within 28 digits"))?;
                input::check_decimal(spec, d, field)?
            }
            ColumnData::Decimal(values) => input::check_decimal(spec, values[row], field)?,
            ColumnData::Bool(values) => boolean(spec, values[row])?,
            ColumnData::Bytes(values) => boolean(spec, values[row] != 0)?,
            ColumnData::Text(values) => input::check_text(spec, values[row])?,
            ColumnData::Strings(values) => input::check_text(spec, &values[row])?,
            ColumnData::Codes { codes, .. } => match usize::try_from(codes[row]) {
                Err(_) => return Ok(None),
                Ok(c) => match self.labels.get(c) {
                    Some(Ok(v)) => *v,
                    Some(Err(e)) => return Err(e.clone()),
                    None => {
                        return Err(Error::invalid_input(field, codes[row], "a code of one of the labels"));
                    }
                },
            },
            ColumnData::Dates(values) => match spec.ty {
                InputType::Date => Val::Date(values[row]),
                _ => return Err(Error::invalid_input(field, values[row], input::expected(spec))),
            },
        };
        Ok(Some(v))
    }
}

/// Each label's key for the integer kernel: its choice index, or 0/1 for a boolean.
fn label_keys(labels: &[std::result::Result<Val, Error>]) -> Vec<Option<u16>> {
    labels
        .iter()
        .map(|l| match l {
            Ok(Val::Choice(i)) => Some(*i),
            Ok(Val::Bool(x)) => Some(u16::from(*x)),
            _ => None,
        })
        .collect()
}

pub(crate) fn boolean(spec: &InputSpec, b: bool) -> Result<Val> {
    match spec.ty {
        InputType::Boolean => Ok(Val::Bool(b)),
        _ => Err(Error::invalid_input(spec.name.as_str(), b, input::expected(spec))),
    }
}

pub(crate) fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default()
}

impl Dates<'_> {
    #[inline]
    pub(crate) fn at(&self, row: usize) -> Result<NaiveDate> {
        match self {
            Dates::One(d) => Ok(*d),
            Dates::Each(ds) => Ok(ds[row]),
            Dates::EpochDays(days) => {
                epoch().checked_add_signed(chrono::TimeDelta::days(days[row] as i64)).ok_or_else(|| {
                    Error::invalid_input("date", days[row], "a day count within the calendar").at_row(row)
                })
            }
        }
    }

    pub(crate) fn len(&self) -> Option<usize> {
        match self {
            Dates::One(_) => None,
            Dates::Each(ds) => Some(ds.len()),
            Dates::EpochDays(ds) => Some(ds.len()),
        }
    }
}

/// Adds the row to an error: input errors record it, others say it in their context.
pub(crate) fn at_row(err: Error, row: usize) -> Error {
    if err.is_input() { err.at_row(row) } else { err.context(format!("failed to evaluate row {row}")) }
}

impl Evaluator {
    /// Evaluates a batch: columns in, columns out (see [`BatchResult`] for the columns of
    /// each rule kind), explanations on request.
    ///
    /// Capped rates on integer columns (fen) run on an integer kernel that gives exactly the
    /// amounts of [`Evaluator::evaluate`] without allocating per row; the other kinds reuse
    /// one evaluation frame for every row.
    ///
    /// # Errors
    ///
    /// - `invalid_input` / `missing_input` as for [`Evaluator::evaluate`], with the `row`
    ///   (0-based) in the error's details; a column the rule does not read, or columns of
    ///   different lengths, name the column.
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
        let mut bound: Vec<Option<Bound<'_>>> = (0..c.rule.inputs.len()).map(|_| None).collect();
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
            bound[slot] = Some(Bound { col: *col, spec, labels });
        }
        let jur = self.jurisdiction(batch.jurisdiction)?;
        let columns = match &c.kind {
            Kind::CappedRate(k) => match self.capped_fast(k, batch, &bound, jur, rows)? {
                Some(cols) => cols,
                None => self.generic(batch, &bound, jur, rows)?,
            },
            _ => self.generic(batch, &bound, jur, rows)?,
        };
        let explanations = if options.explain {
            let mut out = Vec::with_capacity(rows);
            for row in 0..rows {
                let input = self.row_input(batch, &bound, row)?;
                out.push(
                    self.evaluate(&input, &Options { explain: true, text: options.text })
                        .map_err(|e| at_row(e, row))?,
                );
            }
            Some(out)
        } else {
            None
        };
        Ok(BatchResult { rows, columns, explanations })
    }

    /// One row as an [`Input`], for explanations.
    pub(crate) fn row_input(
        &self,
        batch: &Batch<'_>,
        bound: &[Option<Bound<'_>>],
        row: usize,
    ) -> Result<Input> {
        let mut input = Input::new(batch.dates.at(row)?);
        input.jurisdiction = batch.jurisdiction.map(str::to_owned);
        for b in bound.iter().flatten() {
            if let Some(v) = b.get(row).map_err(|e| at_row(e, row))? {
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

    /// Fills a frame with row `row`'s inputs and defaults, re-resolving parameters when the
    /// date moves.
    #[inline]
    pub(crate) fn fill(
        &self,
        frame: &mut Frame,
        batch: &Batch<'_>,
        bound: &[Option<Bound<'_>>],
        row: usize,
    ) -> Result<()> {
        let date = batch.dates.at(row)?;
        if date != frame.date {
            frame.date = date;
            self.resolve(frame);
        }
        for (slot, b) in bound.iter().enumerate() {
            frame.vals[slot] = match b {
                Some(b) => b.get(row)?,
                None => None,
            };
        }
        self.fill_defaults(frame)
    }

    /// Every kind, row by row through one reused frame.
    pub(crate) fn generic(
        &self,
        batch: &Batch<'_>,
        bound: &[Option<Bound<'_>>],
        jur: usize,
        rows: usize,
    ) -> Result<Vec<(String, OutColumn)>> {
        let c = &*self.inner;
        let first = if rows == 0 { epoch() } else { batch.dates.at(0)? };
        let mut frame = self.empty_frame(first, jur);
        let mut sink = Sink::new(self, rows, jur)?;
        for row in 0..rows {
            self.fill(&mut frame, batch, bound, row).map_err(|e| at_row(e, row))?;
            for (i, t) in c.tests.iter().enumerate() {
                frame.tests[i] = t.eval(&frame).map_err(|p| at_row(self.inner.no_value(&frame, p), row))?;
            }
            let applies = c.applies.as_ref().map_or(Some(true), |a| a.eval(&frame.tests));
            sink.push(self, &frame, applies).map_err(|e| at_row(e, row))?;
        }
        Ok(sink.finish(self))
    }

    /// The integer kernel for capped rates, when the base is an integer column and the
    /// exceptions and scope depend on at most one choice or boolean column.
    pub(crate) fn capped_fast(
        &self,
        k: &crate::rules::kinds::capped_rate::Compiled,
        batch: &Batch<'_>,
        bound: &[Option<Bound<'_>>],
        jur: usize,
        rows: usize,
    ) -> Result<Option<Vec<(String, OutColumn)>>> {
        let c = &*self.inner;
        let (base, scale, base_spec) = match &bound[k.base as usize] {
            Some(Bound {
                col: Column { data: ColumnData::Int { values, scale }, validity: None, .. },
                spec,
                ..
            }) => (Base::I64(values), *scale, *spec),
            Some(Bound {
                col: Column { data: ColumnData::Int128 { values, scale }, validity: None, .. },
                spec,
                ..
            }) => (Base::I128(values), *scale, *spec),
            Some(Bound {
                col: Column { data: ColumnData::Units(values), validity: None, .. }, spec, ..
            }) => (Base::I64(values), if spec.ty == InputType::Money { 2 } else { 0 }, *spec),
            _ => return Ok(None),
        };
        let scale = &scale;
        if *scale > 2 || !matches!(base_spec.ty, InputType::Money | InputType::Count | InputType::Decimal) {
            return Ok(None);
        }
        let to_fen = POW10[(2 - scale) as usize];
        // The one input the exceptions and scope may read from a column.
        let mut used = Vec::new();
        for (cond, _) in &k.exceptions {
            cond.tests(&mut used);
        }
        if let Some(a) = &c.applies {
            a.tests(&mut used);
        }
        let mut keyed: Option<u16> = None;
        for t in &used {
            let slot = c.tests[*t as usize].input;
            if slot == k.base || bound[slot as usize].is_none() {
                if slot == k.base {
                    return Ok(None);
                }
                continue;
            }
            if keyed.is_some_and(|s| s != slot) {
                return Ok(None);
            }
            keyed = Some(slot);
        }
        // Per key value: the code of the row's value (choice index or 0/1), or a fixed 0.
        let (keys, key_count): (Vec<u16>, usize) = match keyed {
            None => (Vec::new(), 1),
            Some(slot) => {
                let b = bound[slot as usize].as_ref().expect("bound above");
                if b.col.validity.is_some() {
                    return Ok(None);
                }
                let n = match b.spec.ty {
                    InputType::Choice => b.spec.choices.len(),
                    InputType::Boolean => 2,
                    _ => return Ok(None),
                };
                let fast = match b.col.data {
                    ColumnData::Codes { codes, .. } => kernel::code_keys(codes, &label_keys(&b.labels)),
                    _ => None,
                };
                let keys = match fast {
                    Some(keys) => keys,
                    None => {
                        let mut keys = Vec::with_capacity(rows);
                        for row in 0..rows {
                            let code = match b.get(row).map_err(|e| at_row(e, row))? {
                                Some(Val::Choice(i)) => i,
                                Some(Val::Bool(x)) => x as u16,
                                _ => return Ok(None),
                            };
                            keys.push(code);
                        }
                        keys
                    }
                };
                (keys, n)
            }
        };
        // Status labels: rate, capped, floored, not_applicable, then each exception's id.
        let mut labels: Vec<String> =
            ["rate", "capped", "floored", "not_applicable"].map(String::from).to_vec();
        labels.extend(k.ids.iter().cloned());
        let mut amounts = vec![0i64; rows];
        let mut status = vec![0i32; rows];
        let first = if rows == 0 { epoch() } else { batch.dates.at(0)? };
        let mut frame = self.empty_frame(first, jur);
        for (slot, b) in bound.iter().enumerate() {
            if b.is_none() {
                frame.vals[slot] = c.defaults[slot];
            }
        }
        // A segment: the kernel and, per key, (effects, status) in force between two dates.
        struct Segment {
            from: NaiveDate,
            until: NaiveDate,
            kernel: Option<IntKernel>,
            lut: Vec<(u8, i32)>,
            error: Option<Error>,
        }
        let segment = |frame: &mut Frame, date: NaiveDate| -> Result<Option<Segment>> {
            frame.date = date;
            self.resolve(frame);
            let (mut from, mut until) = (NaiveDate::MIN, NaiveDate::MAX);
            for p in &c.params {
                let s = p.timelines[jur].seg(date);
                from = from.max(s.from);
                until = until.min(s.until);
            }
            // An exception's period cuts the segment too.
            for (start, end) in &k.periods {
                if let Some(f) = start {
                    if date < *f {
                        until = until.min(f.pred_opt().unwrap_or(*f));
                    } else {
                        from = from.max(*f);
                    }
                }
                if let Some(u) = end {
                    if date <= *u {
                        until = until.min(*u);
                    } else {
                        from = from.max(u.succ_opt().unwrap_or(*u));
                    }
                }
            }
            let mut lut = Vec::with_capacity(key_count);
            for key in 0..key_count {
                if let Some(slot) = keyed {
                    let spec = &c.rule.inputs[slot as usize];
                    frame.vals[slot as usize] = Some(if spec.ty == InputType::Boolean {
                        Val::Bool(key == 1)
                    } else {
                        Val::Choice(key as u16)
                    });
                }
                for (i, t) in c.tests.iter().enumerate() {
                    frame.tests[i] = t.eval(frame).map_err(|p| self.inner.no_value(frame, p))?;
                }
                let applies = c.applies.as_ref().map_or(Some(true), |a| a.eval(&frame.tests));
                if applies.is_none() {
                    return Ok(None);
                }
                let mut effects = 0u8;
                let mut st = 0i32;
                for (i, (_, effect)) in k.exceptions.iter().enumerate() {
                    if k.applies(i, frame) {
                        effects |= effect_bit(*effect);
                        if st == 0 {
                            st = 4 + i as i32;
                        }
                    }
                }
                if applies == Some(false) {
                    st = 3;
                    effects = ZERO;
                }
                lut.push((effects, st));
            }
            let bound_of = |b: Option<(u16, crate::catalogue::rule::IfNoValue)>| -> std::result::Result<Option<Decimal>, u16> {
                match b {
                    None => Ok(None),
                    Some((slot, if_none)) => match frame.params[slot as usize] {
                        Some(h) => Ok(Some(h.value)),
                        None if if_none == crate::catalogue::rule::IfNoValue::Unbounded => Ok(None),
                        None => Err(slot),
                    },
                }
            };
            let made = match (frame.params[k.rate as usize], bound_of(k.cap), bound_of(k.floor)) {
                (None, _, _) => Err(self.inner.no_value(frame, k.rate)),
                (_, Err(p), _) | (_, _, Err(p)) => Err(self.inner.no_value(frame, p)),
                (Some(rate), Ok(cap), Ok(floor)) => Ok(IntKernel::new(rate.value, cap, floor, k.rounding)),
            };
            Ok(Some(match made {
                Ok(None) => return Ok(None),
                Ok(kernel) => Segment { from, until, kernel, lut, error: None },
                Err(e) => Segment { from, until, kernel: None, lut, error: Some(e) },
            }))
        };
        let Some(mut seg) = segment(&mut frame, first)? else { return Ok(None) };
        let one_date = matches!(batch.dates, Dates::One(_));
        let base_name = base_spec.name.as_str();
        let bad_row = |row: usize, fen_overflow: bool| -> Error {
            let b = base.get(row);
            let shown = Decimal::try_from_i128_with_scale(b, *scale).map_or(b.to_string(), |d| d.to_string());
            if b < 0 {
                Error::invalid_input(base_name, shown, input::expected(base_spec)).at_row(row)
            } else if fen_overflow {
                Error::invalid_input(base_name, shown, "an amount within 92,233,720,368,547,758.07 yuan")
                    .at_row(row)
            } else {
                at_row(
                    Error::new(ErrorKind::Infeasible {
                        what: format!("evaluate rule '{}'", c.rule.id),
                        why: "the amount overflows 64 bits".into(),
                    }),
                    row,
                )
            }
        };
        // Rows go in runs that share one segment (all of them for one date).
        let mut start = 0;
        while start < rows {
            let mut end = rows;
            if !one_date {
                let date = batch.dates.at(start)?;
                if date < seg.from || date > seg.until {
                    match segment(&mut frame, date).map_err(|e| at_row(e, start))? {
                        Some(s) => seg = s,
                        None => return Ok(None),
                    }
                }
                end = start + 1;
                while end < rows {
                    let d = batch.dates.at(end)?;
                    if d < seg.from || d > seg.until {
                        break;
                    }
                    end += 1;
                }
            }
            let kernel = match (&seg.kernel, &seg.error) {
                (Some(kernel), _) => kernel,
                (None, Some(e)) => {
                    // Rows the rule does not apply to need no parameter; the first other row fails.
                    let row = (start..end)
                        .find(|r| seg.lut[if keys.is_empty() { 0 } else { keys[*r] as usize }].1 != 3);
                    match row {
                        Some(row) => return Err(at_row(e.clone(), row)),
                        None => {
                            status[start..end].fill(3);
                            start = end;
                            continue;
                        }
                    }
                }
                (None, None) => return Ok(None),
            };
            let run = Run {
                kernel,
                lut: &seg.lut,
                base: base.slice(start..end),
                keys: if keys.is_empty() { &[] } else { &keys[start..end] },
                to_fen,
            };
            if let Err((i, fen_overflow)) = run.fill(&mut amounts[start..end], &mut status[start..end]) {
                if fen_overflow && matches!(base, Base::I128(_)) {
                    // A decimal beyond 64 bits of fen: the decimal path takes the batch.
                    return Ok(None);
                }
                return Err(bad_row(start + i, fen_overflow));
            }
            start = end;
        }
        Ok(Some(vec![
            ("amount".to_owned(), OutColumn::Int { values: amounts, scale: k.rounding.places }),
            ("status".to_owned(), OutColumn::Codes { codes: status, labels }),
        ]))
    }
}
