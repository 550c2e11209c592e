//! The capped rate's batch kernel: rows in runs that share their parameters, each run through
//! the integer hot loop of `kernel.rs`.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::kernel::{self, Base, Run};
use super::{CompiledCappedRate, IntKernel, POW10, ZERO, effect_bit};
use crate::catalogue::rule::{self as input, InputType, Val};
use crate::error::{Error, ErrorKind, Result};
use crate::rules::batch::bound::{Bound, Chunk, epoch};
use crate::rules::batch::out::OutColumn;
use crate::rules::batch::{Column, ColumnData, Dates, OutBuffer};
use crate::rules::compile::Common;
use crate::rules::condition::Frame;

impl CompiledCappedRate {
    /// The integer kernel for capped rates, when the base is an integer column and the
    /// exceptions and scope depend on at most one choice or boolean column.
    ///
    /// The amounts and status codes go straight into the caller's buffers when `into` has
    /// them (the columns then come back empty), else into columns of their own.
    pub(crate) fn integer_kernel(
        &self,
        c: &Common,
        chunk: &Chunk<'_>,
        into: &mut [Option<OutBuffer<'_>>],
    ) -> Result<Option<Vec<(String, OutColumn)>>> {
        let k = self;
        let (dates, bound, jur, rows) = (&chunk.dates, chunk.bound.as_slice(), chunk.jur, chunk.rows);
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
                    ColumnData::Codes { codes, .. } => kernel::code_keys(codes, &label_keys(b.labels)),
                    _ => None,
                };
                let keys = match fast {
                    Some(keys) => keys,
                    None => {
                        let mut keys = Vec::with_capacity(rows);
                        for row in 0..rows {
                            let code = match b.get(row).map_err(|e| chunk.at_row(e, row))? {
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
        let (mut own_amounts, mut own_status) = (Vec::new(), Vec::new());
        let (amounts_into, status_into) = match into {
            [a, s, ..] => (a.as_mut(), s.as_mut()),
            [a] => (a.as_mut(), None),
            [] => (None, None),
        };
        let amounts: &mut [i64] = match amounts_into {
            Some(OutBuffer::Int(b)) if b.len() == rows => b,
            _ => {
                own_amounts = vec![0i64; rows];
                &mut own_amounts
            }
        };
        let status: &mut [i32] = match status_into {
            Some(OutBuffer::Codes(b)) if b.len() == rows => b,
            _ => {
                own_status = vec![0i32; rows];
                &mut own_status
            }
        };
        let first = if rows == 0 { epoch() } else { dates.at(0).map_err(|e| chunk.at_row(e, 0))? };
        let mut frame = c.empty_frame(first, jur);
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
            c.resolve(frame);
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
                    frame.tests[i] = t.eval(frame).map_err(|p| c.no_value(frame, p))?;
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
                (None, _, _) => Err(c.no_value(frame, k.rate)),
                (_, Err(p), _) | (_, _, Err(p)) => Err(c.no_value(frame, p)),
                (Some(rate), Ok(cap), Ok(floor)) => Ok(IntKernel::new(rate.value, cap, floor, k.rounding)),
            };
            Ok(Some(match made {
                Ok(None) => return Ok(None),
                Ok(kernel) => Segment { from, until, kernel, lut, error: None },
                Err(e) => Segment { from, until, kernel: None, lut, error: Some(e) },
            }))
        };
        let Some(mut seg) = segment(&mut frame, first)? else { return Ok(None) };
        let one_date = matches!(dates, Dates::One(_));
        let base_name = base_spec.name.as_str();
        let bad_row = |row: usize, fen_overflow: bool| -> Error {
            let b = base.get(row);
            let shown = Decimal::try_from_i128_with_scale(b, *scale).map_or(b.to_string(), |d| d.to_string());
            if b < 0 {
                Error::invalid_input(base_name, shown, input::expected(base_spec)).at_row(chunk.offset + row)
            } else if fen_overflow {
                Error::invalid_input(base_name, shown, "an amount within 92,233,720,368,547,758.07 yuan")
                    .at_row(chunk.offset + row)
            } else {
                chunk.at_row(
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
                let date = dates.at(start).map_err(|e| chunk.at_row(e, start))?;
                if date < seg.from || date > seg.until {
                    match segment(&mut frame, date).map_err(|e| chunk.at_row(e, start))? {
                        Some(s) => seg = s,
                        None => return Ok(None),
                    }
                }
                end = start + 1;
                while end < rows {
                    let d = dates.at(end).map_err(|e| chunk.at_row(e, end))?;
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
                        Some(row) => return Err(chunk.at_row(e.clone(), row)),
                        None => {
                            status[start..end].fill(3);
                            amounts[start..end].fill(0);
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
        Ok(Some(k.columns(own_amounts, own_status)))
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
