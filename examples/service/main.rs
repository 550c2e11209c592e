//! Embedding zhengce in a back end: `cargo run -p zhengce --example service`.
//!
//! A government back end (a procurement platform, a licensing system) links the crate and
//! answers many requests at once. The pattern:
//!
//! - build one [`zhengce::Context`] (catalogue, calendars, scenario) at start-up and share it
//!   (`Arc`): it is immutable and `Send + Sync`, so every worker reads it without locks;
//! - compile each rule once in that context and keep the compiled evaluators in a cache
//!   (`RwLock<HashMap>`: many readers, a writer only on a first use);
//! - handle each request on any worker thread: the core is pure (no I/O, no global state), so
//!   requests never interfere;
//! - return the library's errors as data (code, path, details), never a panic.
//!
//! This example runs a pool of worker threads over a queue of requests (a web framework would
//! supply both) and checks the answers against values worked out by hand.

use std::collections::HashMap;
use std::sync::mpsc;
use std::sync::{Arc, RwLock};
use std::thread;

use chrono::NaiveDate;
use serde_json::{Value, json};
use zhengce::calendar::DeadlineOptions;
use zhengce::rules::{Evaluator, Input, Options};
use zhengce::{Context, Error};

/// What the service shares among its workers: loaded once, read by all.
struct Service {
    ctx: Context,
    evaluators: RwLock<HashMap<String, Arc<Evaluator>>>,
}

/// A request, as a web handler would have parsed it.
enum Request {
    BidBond { budget: &'static str, date: NaiveDate },
    Deadline { service: &'static str, start: NaiveDate, jurisdiction: &'static str },
}

impl Service {
    fn new(ctx: Context) -> Service {
        Service { ctx, evaluators: RwLock::new(HashMap::new()) }
    }

    /// The compiled rule, from the cache (compiled on first use).
    fn evaluator(&self, rule: &str) -> Result<Arc<Evaluator>, Error> {
        if let Some(e) = self.evaluators.read().unwrap_or_else(|p| p.into_inner()).get(rule) {
            return Ok(e.clone());
        }
        let compiled = Arc::new(self.ctx.evaluator(rule)?);
        let mut cache = self.evaluators.write().unwrap_or_else(|p| p.into_inner());
        Ok(cache.entry(rule.to_owned()).or_insert(compiled).clone())
    }

    /// Handles one request; errors are answers too (as an HTTP 400 body would carry them).
    fn handle(&self, request: &Request) -> Value {
        let result = match request {
            Request::BidBond { budget, date } => {
                self.evaluator("tianshan-2022-87/r68-bid-bond").and_then(|bond| {
                    let input = Input::new(*date).with("budget", *budget);
                    let evaluation = bond.evaluate(&input, &Options::explained())?;
                    let receipt = evaluation.explanation.as_ref().map(|e| e.receipt.clone());
                    Ok(json!({"amount": evaluation.amount(), "receipt": receipt}))
                })
            }
            Request::Deadline { service, start, jurisdiction } => self
                .ctx
                .deadline(service, *start, jurisdiction, &DeadlineOptions::default())
                .map(|due| json!({"due": due.date.to_string()})),
        };
        result.unwrap_or_else(
            |e| json!({"error": {"code": e.code(), "path": e.path(), "message": e.to_string()}}),
        )
    }
}

fn main() {
    let service = Arc::new(Service::new(Context::builtin()));
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("a valid date");

    // (request, expected answer worked out by hand)
    let work: Vec<(Request, &str)> = vec![
        // Tianshan item 68: 1 % of the budget, at most 20,000 yuan a lot; rounded down to the fen.
        (Request::BidBond { budget: "1000000", date: day(2022, 6, 1) }, "10000.00"),
        (Request::BidBond { budget: "5000000", date: day(2022, 6, 1) }, "20000.00"),
        (Request::BidBond { budget: "33333.33", date: day(2022, 6, 1) }, "333.33"),
        // Before the measure (2022-05-18): the national 2 %, no cap.
        (Request::BidBond { budget: "1500000", date: day(2022, 5, 1) }, "30000.00"),
        // A float-like amount with three decimals is refused, naming the field.
        (Request::BidBond { budget: "1.005", date: day(2022, 6, 1) }, "invalid_input"),
        // Tianshan item 58: 2 working days; the National Day week is off, 8-9 October worked.
        (
            Request::Deadline {
                service: "business-opening",
                start: day(2022, 9, 30),
                jurisdiction: "cn-xj-urumqi-tianshan",
            },
            "2022-10-09",
        ),
    ];
    let expected: Vec<&str> = work.iter().map(|(_, e)| *e).collect();

    // A pool of workers over a queue, as a web server would run its handlers.
    let (jobs, queue) = mpsc::channel::<(usize, Request)>();
    let queue = Arc::new(std::sync::Mutex::new(queue));
    let (answers, results) = mpsc::channel::<(usize, Value)>();
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let (service, queue, answers) = (service.clone(), queue.clone(), answers.clone());
            thread::spawn(move || {
                loop {
                    let job = queue.lock().unwrap_or_else(|p| p.into_inner()).recv();
                    let Ok((id, request)) = job else { break };
                    let _ = answers.send((id, service.handle(&request)));
                }
            })
        })
        .collect();
    // Many concurrent requests: the same six, 50 times over.
    let rounds = 50;
    for round in 0..rounds {
        for (i, (request, _)) in work.iter().enumerate() {
            let copy = match request {
                Request::BidBond { budget, date } => Request::BidBond { budget, date: *date },
                Request::Deadline { service, start, jurisdiction } => {
                    Request::Deadline { service, start: *start, jurisdiction }
                }
            };
            jobs.send((round * work.len() + i, copy)).expect("the workers are running");
        }
    }
    drop(jobs);
    drop(answers);
    let mut answered = 0;
    for (id, answer) in results {
        let want = expected[id % expected.len()];
        let got = answer["amount"]
            .as_str()
            .or(answer["due"].as_str())
            .or(answer["error"]["code"].as_str())
            .unwrap_or("?");
        assert_eq!(got, want, "request {id}: {answer}");
        answered += 1;
    }
    for w in workers {
        w.join().expect("a worker finished");
    }
    assert_eq!(answered, rounds * expected.len());
    let compiled = service.evaluators.read().map(|c| c.len()).unwrap_or(0);
    println!("{answered} requests answered by 4 workers sharing one context; {compiled} rule compiled once");
    let sample = service.handle(&Request::BidBond { budget: "1000000", date: day(2022, 6, 1) });
    println!("a bid bond with its receipt: {sample}");
}
