//! The batch driver: chunks, per-row errors, threads. Whatever the chunk size, the error mode
//! or the threads, every row of a batch is what evaluating that row alone gives.

use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::Decimal;
use zhengce::Context;
use zhengce::rules::{
    Batch, BatchResult, Chunking, Column, ColumnData, Dates, ErrorMode, Evaluator, Input, Options, RuleValue,
};

const BOND: &str = "tianshan-2022-87/r68-bid-bond";

fn bond() -> Evaluator {
    static EV: std::sync::OnceLock<Evaluator> = std::sync::OnceLock::new();
    EV.get_or_init(|| Context::builtin().evaluator(BOND).unwrap()).clone()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

type Lot = (Option<i64>, &'static str, NaiveDate);
type Row = Result<(String, String), String>;

/// One row alone: its amount and status label, or its error's code.
fn single(ev: &Evaluator, (fen, lot, on): &Lot) -> Row {
    let mut input = Input::new(*on).with("lot_type", *lot);
    if let Some(fen) = fen {
        input = input.with("budget", Decimal::new(*fen, 2));
    }
    let value = ev.evaluate(&input, &Options::default()).map_err(|e| e.code().to_owned())?.value;
    let RuleValue::CappedRate(v) = value else { panic!("a capped rate") };
    let status = match v.exceptions.first() {
        _ if !v.applicable => "not_applicable".to_owned(),
        Some(id) => id.clone(),
        None if v.capped => "capped".to_owned(),
        None if v.floored => "floored".to_owned(),
        None => "rate".to_owned(),
    };
    Ok((v.amount.map(|a| a.to_string()).unwrap_or_default(), status))
}

/// The rows of a batch result: amount and status, or the error's code.
fn rows_of(out: &BatchResult) -> Vec<Row> {
    let amounts = out.column("amount").unwrap().to_strings();
    let status = out.column("status").unwrap().to_strings();
    out.row_errors()
        .iter()
        .enumerate()
        .map(|(i, e)| match e {
            Some(e) => Err(e.code.clone()),
            None => Ok((amounts[i].clone().unwrap(), status[i].clone().unwrap())),
        })
        .collect()
}

/// Lots with budgets in fen (some negative; some absent when `nulls`), lot types (some not a
/// choice when `nulls`) and dates around the measure (2022-05-18): every kind of row error,
/// both parameter periods, and (without nulls) the integer kernel's path.
fn lots(nulls: bool) -> impl Strategy<Value = Vec<Lot>> {
    let absent = if nulls { 1 } else { 0 };
    let fen = prop_oneof![
        8 => (0i64..1_000_000_000_000).prop_map(Some),
        1 => (-1000i64..0).prop_map(Some),
        absent => Just(None),
    ];
    let mut types = vec!["ordinary", "ppp", "framework_entry"];
    if nulls {
        types.push("spaceship");
    }
    let on = (4u32..=7, 1u32..=28).prop_map(|(m, d)| date(2022, m, d));
    prop::collection::vec((fen, prop::sample::select(types), on), 0..60)
}

/// The columns of a batch of lots.
struct Lots {
    fen: Vec<i64>,
    bits: Option<Vec<u8>>,
    types: Vec<&'static str>,
    days: Vec<NaiveDate>,
}

impl Lots {
    fn new(lots: &[Lot]) -> Lots {
        let mut bits = vec![0u8; lots.len().div_ceil(8)];
        for (i, l) in lots.iter().enumerate() {
            if l.0.is_some() {
                bits[i / 8] |= 1 << (i % 8);
            }
        }
        Lots {
            fen: lots.iter().map(|l| l.0.unwrap_or(0)).collect(),
            bits: lots.iter().any(|l| l.0.is_none()).then_some(bits),
            types: lots.iter().map(|l| l.1).collect(),
            days: lots.iter().map(|l| l.2).collect(),
        }
    }

    fn batch(&self) -> Batch<'_> {
        let budget = Column {
            name: "budget",
            data: ColumnData::Int { values: &self.fen, scale: 2 },
            validity: self.bits.as_deref().map(|b| (b, 0)),
        };
        Batch {
            dates: Dates::Each(&self.days),
            jurisdiction: None,
            columns: vec![budget, Column::new("lot_type", ColumnData::Text(&self.types))],
        }
    }
}

/// The chunks of a batch joined, checking they come in order and within the chunk size.
/// The batch is fed in two parts, the second as rows `split..` of the whole (`first_row`).
fn chunked(lots: &[Lot], options: &Options, chunk: usize, split: usize) -> zhengce::Result<BatchResult> {
    let split = split.min(lots.len());
    let mut parts: Vec<BatchResult> = Vec::new();
    let mut next = 0;
    for (first_row, part) in [(0, &lots[..split]), (split, &lots[split..])] {
        if part.is_empty() && first_row > 0 {
            continue;
        }
        let owned = Lots::new(part);
        let chunking = Chunking { rows: chunk, first_row, ..Chunking::default() };
        bond().evaluate_batch_chunked(&owned.batch(), options, &chunking, |start, part| {
            assert_eq!(start, next, "chunks come in row order");
            assert!(part.rows <= chunk);
            next += part.rows;
            parts.push(part);
            Ok::<(), zhengce::Error>(())
        })?;
    }
    Ok(join(parts))
}

fn join(parts: Vec<BatchResult>) -> BatchResult {
    use zhengce::rules::OutColumn::{Codes, Int};
    let mut parts = parts.into_iter();
    let mut whole = parts.next().expect("at least one chunk");
    for part in parts {
        for ((_, into), (_, from)) in whole.columns.iter_mut().zip(part.columns) {
            match (into, from) {
                (Int { values, .. }, Int { values: more, .. }) => values.extend(more),
                (Codes { codes, .. }, Codes { codes: more, .. }) => codes.extend(more),
                _ => panic!("a capped rate has an amount and a status"),
            }
        }
        whole.rows += part.rows;
        if let (Some(a), Some(b)) = (whole.errors.as_mut(), part.errors) {
            a.extend(b);
        }
    }
    whole
}

fn null() -> Options {
    Options { errors: ErrorMode::Null, ..Options::default() }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Under `errors: "null"`, in chunks of any size, each row is the row alone: its amount and
    /// status, or nulls and its error's code; one chunk gives the same.
    #[test]
    fn null_errors_in_any_chunks_equal_row_by_row(nulls in any::<bool>(), lots in lots(true), kernel_lots in lots(false), chunk in 1usize..70, split in 0usize..70) {
        let lots = if nulls { lots } else { kernel_lots };
        let ev = bond();
        let expected: Vec<Row> = lots.iter().map(|l| single(&ev, l)).collect();
        let out = chunked(&lots, &null(), chunk, split).unwrap();
        prop_assert_eq!(out.rows, lots.len());
        prop_assert_eq!(rows_of(&out), expected.clone());
        let whole = ev.evaluate_batch(&Lots::new(&lots).batch(), &null()).unwrap();
        prop_assert_eq!(rows_of(&whole), expected);
    }

    /// Under `errors: "raise"`, in chunks of any size, the batch fails at the first failing
    /// row with that row's error code, or gives every row as evaluated alone.
    #[test]
    fn raise_in_any_chunks_fails_at_the_first_failing_row(nulls in any::<bool>(), lots in lots(true), kernel_lots in lots(false), chunk in 1usize..70, split in 0usize..70) {
        let lots = if nulls { lots } else { kernel_lots };
        let ev = bond();
        let expected: Vec<Row> = lots.iter().map(|l| single(&ev, l)).collect();
        match chunked(&lots, &Options::default(), chunk, split) {
            Ok(out) => {
                prop_assert!(out.errors.is_none());
                prop_assert_eq!(rows_of(&out), expected);
            }
            Err(err) => {
                let first = expected.iter().position(Result::is_err).expect("a row fails alone too");
                prop_assert_eq!(err.details()["row"].as_u64(), Some(first as u64));
                prop_assert_eq!(Some(err.code().to_owned()), expected[first].clone().err());
            }
        }
    }
}

/// Threads change nothing: the chunks put back in row order are the one thread's result, and
/// under `raise` the error is the first failing row's.
#[cfg(feature = "threads")]
#[test]
fn threads_give_the_single_threads_result() {
    let lots: Vec<Lot> = (0..5000i64)
        .map(|i| {
            let fen = if i % 997 == 500 { Some(-i) } else { Some(i * 123_457) };
            let lot = ["ordinary", "ppp", "framework_entry"][(i % 3) as usize];
            (fen, lot, date(2022, 5, 1 + (i % 30) as u32))
        })
        .collect();
    let owned = Lots::new(&lots);
    for options in [null(), Options::default()] {
        let one = bond().evaluate_batch(&owned.batch(), &options);
        for threads in [2, 3, 8] {
            let mut parts: Vec<(usize, BatchResult)> = Vec::new();
            let chunking = Chunking { rows: 64, threads, first_row: 0 };
            let got = bond().evaluate_batch_chunked(&owned.batch(), &options, &chunking, |start, part| {
                parts.push((start, part));
                Ok::<(), zhengce::Error>(())
            });
            match (&one, got) {
                (Ok(one), Ok(rows)) => {
                    assert_eq!(rows, lots.len());
                    parts.sort_by_key(|(start, _)| *start);
                    let mut joined = join(parts.into_iter().map(|(_, p)| p).collect());
                    if let Some(e) = joined.errors.as_mut() {
                        e.sort_by_key(|e| e.row);
                    }
                    assert_eq!(&joined, one, "{threads} threads");
                }
                (Err(one), Err(got)) => assert_eq!(got.to_string(), one.to_string(), "{threads} threads"),
                (one, got) => panic!("one thread {one:?}, {threads} threads {got:?}"),
            }
        }
    }
}

/// A batch written in place: the buffers and the other parts of the result, for `threads`.
fn into(lots: &[Lot], options: &Options, chunk: usize, threads: usize) -> zhengce::Result<BatchResult> {
    use zhengce::rules::{OutBuffer, OutColumn};
    let owned = Lots::new(lots);
    // Garbage in the buffers: every row must be written.
    let (mut amounts, mut status) = (vec![-7i64; lots.len()], vec![-7i32; lots.len()]);
    let chunking = Chunking { rows: chunk, threads, first_row: 0 };
    let mut rest = bond().evaluate_batch_into(
        &owned.batch(),
        options,
        &chunking,
        &mut [("amount", OutBuffer::Int(&mut amounts)), ("status", OutBuffer::Codes(&mut status))],
    )?;
    assert_eq!(rest.rows, lots.len());
    for (name, col) in rest.columns.iter_mut() {
        match col {
            OutColumn::Int { values, .. } => {
                assert!(values.is_empty(), "{name} is in its buffer");
                *values = std::mem::take(&mut amounts);
            }
            OutColumn::Codes { codes, .. } => {
                assert!(codes.is_empty(), "{name} is in its buffer");
                *codes = std::mem::take(&mut status);
            }
            _ => panic!("a capped rate has an amount and a status"),
        }
    }
    Ok(rest)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Written in place, in chunks of any size on any number of threads, a batch is the
    /// batch evaluated whole (each row the row alone): under `null` the same columns and
    /// failed rows; under `raise` the same error, at the first failing row.
    #[test]
    fn in_place_in_any_chunks_and_threads_equals_the_whole(nulls in any::<bool>(), lots in lots(true), kernel_lots in lots(false), chunk in 1usize..70, threads in 1usize..5) {
        let lots = if nulls { lots } else { kernel_lots };
        let ev = bond();
        let expected: Vec<Row> = lots.iter().map(|l| single(&ev, l)).collect();
        let whole = ev.evaluate_batch(&Lots::new(&lots).batch(), &null()).unwrap();
        let got = into(&lots, &null(), chunk, threads).unwrap();
        prop_assert_eq!(rows_of(&got), expected.clone());
        prop_assert_eq!(&got, &whole);
        let explain = Options { explain: true, ..null() };
        let explained = into(&lots, &explain, chunk, threads).unwrap();
        prop_assert_eq!(explained, ev.evaluate_batch(&Lots::new(&lots).batch(), &explain).unwrap());
        match (into(&lots, &Options::default(), chunk, threads), ev.evaluate_batch(&Lots::new(&lots).batch(), &Options::default())) {
            (Ok(got), Ok(one)) => prop_assert_eq!(got, one),
            (Err(got), Err(one)) => {
                let first = expected.iter().position(Result::is_err).expect("a row fails alone too");
                prop_assert_eq!(got.details()["row"].as_u64(), Some(first as u64));
                prop_assert_eq!(got.to_string(), one.to_string());
            }
            (got, one) => prop_assert!(false, "in place {:?}, whole {:?}", got, one),
        }
    }
}

/// Split across threads (each owning a contiguous run of chunks, its last ones perhaps taken
/// by an idle thread), a batch written in place is the one thread's, whatever the split: for
/// row counts the chunk does not divide, one row and no rows; a row failing only in the
/// second thread's half is the error, and with a failing row in each half the first half's.
#[cfg(feature = "threads")]
#[test]
fn in_place_thread_splits_give_one_threads_rows_and_first_failing_row() {
    // Row i: 123,457 × i fen on 2022-06-01 (1 %, capped at 20,000.00 yuan), lot types in turn.
    let lot = |i: usize| -> Lot {
        (Some(i as i64 * 123_457), ["ordinary", "ppp", "framework_entry"][i % 3], date(2022, 6, 1))
    };
    for rows in [0usize, 1, 2, 7, 8, 9, 100, 1001] {
        let lots: Vec<Lot> = (0..rows).map(lot).collect();
        let one = into(&lots, &Options::default(), rows.max(1), 1).unwrap();
        for (chunk, threads) in [(1, 2), (3, 2), (7, 2), (7, 3), (64, 4), (1000, 2)] {
            let got = into(&lots, &Options::default(), chunk, threads).unwrap();
            assert_eq!(got, one, "{rows} rows, chunks of {chunk}, {threads} threads");
        }
    }
    // By hand: row 1 is 1,234.57 yuan of ppp, 1 % rounded down 12.34 yuan (1,234 fen, uncapped);
    // row 1998 is 2,466,670.86 yuan ordinary, 24,666.70 capped at 20,000.00 (2,000,000 fen).
    let lots: Vec<Lot> = (0..2001).map(lot).collect();
    let got = into(&lots, &Options::default(), 10, 2).unwrap();
    let zhengce::rules::OutColumn::Int { values, .. } = got.column("amount").unwrap() else {
        panic!("amounts")
    };
    assert_eq!((values[1], values[1998]), (1_234, 2_000_000));
    // 1,000 rows in 100 chunks: with 2 threads the second owns rows 500..1000. Ordinary lots
    // with a negative budget fail.
    let mut lots: Vec<Lot> = (0..1000).map(lot).collect();
    lots[732].0 = Some(-5);
    lots[990].0 = Some(-6);
    for threads in [1, 2, 3, 4] {
        let e = into(&lots, &Options::default(), 10, threads).unwrap_err();
        assert_eq!((e.path(), e.details()["row"].as_u64()), (Some("budget"), Some(732)), "{threads} threads");
        let nulled = into(&lots, &null(), 10, threads).unwrap();
        let failed: Vec<usize> = nulled.errors.unwrap().iter().map(|e| e.row).collect();
        assert_eq!(failed, [732, 990], "{threads} threads");
    }
    lots[120].0 = Some(-1);
    for threads in [1, 2, 3, 4] {
        let e = into(&lots, &Options::default(), 10, threads).unwrap_err();
        assert_eq!(e.details()["row"].as_u64(), Some(120), "{threads} threads");
    }
}

/// A buffer must name an output of its kind and have the batch's rows.
#[test]
fn in_place_buffers_are_checked() {
    use zhengce::rules::OutBuffer;
    let lots: Vec<Lot> = vec![(Some(100), "ordinary", date(2022, 6, 1)); 3];
    let owned = Lots::new(&lots);
    let (mut short, mut codes, mut three) = (vec![0i64; 2], vec![0i32; 3], vec![0i64; 3]);
    let run = |into: &mut [(&str, OutBuffer<'_>)]| {
        bond()
            .evaluate_batch_into(&owned.batch(), &Options::default(), &Chunking::default(), into)
            .unwrap_err()
    };
    let e = run(&mut [("amount", OutBuffer::Int(&mut short))]);
    assert_eq!((e.code(), e.path()), ("invalid_input", Some("amount")));
    let e = run(&mut [("amount", OutBuffer::Codes(&mut codes))]);
    assert_eq!((e.code(), e.path()), ("invalid_input", Some("amount")));
    let e = run(&mut [("deadline", OutBuffer::Int(&mut three))]);
    assert_eq!((e.code(), e.path()), ("invalid_input", Some("deadline")));
}
